"""Notices: an erratum, correction, corrigendum, retraction or expression of concern is a record of its own,
linked to the article it concerns and never merged with it.

:func:`link_notices` looks at the candidate pairs of blocking made of one notice and one other record and
links the notice to the article when its own title names it: the title without the notice's prefix
("Erratum to:", "Correction:") is at least :data:`NOTICE_TITLE_SIMILARITY` like the article's, or the
"(vol V, pg P)" locator it carries is the article's volume and first page; the journals must not
contradict each other and the notice must not be older than the article. Each notice is linked to its best
article (title similarity first, then the locator).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kb.dedupe.match import title_similarity
from kb.dedupe.prep import Prepped, journals_compatible

NOTICE_TITLE_SIMILARITY = 0.9
"""How like the article's title the notice's title must be once its prefix is dropped: a notice repeats
the title it concerns, give or take punctuation and a truncation."""

_KINDS = (
    ("retraction", re.compile(r"^(?:notice of retraction|retraction|retracted)\b")),
    ("expression of concern", re.compile(r"^expression of concern\b")),
    ("corrigendum", re.compile(r"^corrigend")),
    ("correction", re.compile(r"^(?:correction|author correction|publisher s? ?note)\b")),
    ("erratum", re.compile(r"^errat")),
)


@dataclass(frozen=True)
class NoticeLink:
    """Notice ``notice`` concerns article ``article`` (record indexes); ``kind`` is erratum, correction,
    corrigendum, retraction or expression of concern; ``evidence`` says what links them."""

    notice: int
    article: int
    kind: str
    evidence: str


def notice_kind(record: Prepped) -> str:
    """The kind of a notice from its title ("erratum" when only its type metadata says so)."""
    return next((kind for kind, pattern in _KINDS if pattern.match(record.title)), "erratum")


def is_notice(record: Prepped) -> bool:
    """A notice: its title says so, or its type metadata does."""
    return record.erratum or "erratum" in record.type_kinds


def _evidence(notice: Prepped, article: Prepped) -> tuple[float, str]:
    """How well ``notice`` names ``article``: ``(score, evidence)``, score 0 when it does not."""
    about, volume, page = notice.notice_of
    if notice.year and article.year and notice.year < article.year:
        return 0.0, ""
    if notice.journal and article.journal and not journals_compatible(notice.journal, article.journal):
        return 0.0, ""
    located = bool(volume and page and volume == article.volume and page == article.first_page)
    title = title_similarity(about, article.title)
    found = []
    if title >= NOTICE_TITLE_SIMILARITY:
        found.append(f"the notice names the article's title ({title:.2f})")
    if located:
        found.append(f"the notice names the article's volume and page (vol {volume}, p {page})")
    return (title + located, "; ".join(found)) if found else (0.0, "")


def link_notices(records: Sequence[Prepped], candidates: Iterable[tuple[int, int]]) -> list[NoticeLink]:
    """The link of each notice to the article it concerns, from the candidate pairs (sorted by notice)."""
    best: dict[int, tuple[tuple[float, int], int, str]] = {}
    for a, b in candidates:
        if is_notice(records[a]) == is_notice(records[b]):
            continue
        notice, article = (a, b) if is_notice(records[a]) else (b, a)
        if records[article].short:
            continue
        score, evidence = _evidence(records[notice], records[article])
        rank = (score, -article)  # the best-named article; the first in input order on a tie
        if score and (notice not in best or rank > best[notice][0]):
            best[notice] = (rank, article, evidence)
    return [
        NoticeLink(n, article, notice_kind(records[n]), evidence)
        for n, (_, article, evidence) in sorted(best.items())
    ]
