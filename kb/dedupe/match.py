"""Stage 3 of deduplication: a decision for each candidate pair, with its reason and scores.

:func:`decide` compares two :class:`~kb.dedupe.prep.Prepped` records and returns a :class:`PairDecision`:
``duplicate`` (merged automatically), ``maybe`` (kept for a human to review) or ``distinct``. A field that
is missing on either side is unknown: it neither supports nor contradicts a match, and an empty title never
matches. The rules, in order:

1. A short citation (no title) is never matched here; see :mod:`kb.dedupe.shorts`. A trial registry
   record is decided by its trial id and is never merged with an article (:mod:`kb.dedupe.registry`).
2. Kinds that must never be merged with an ordinary article: erratum/correction vs article, comment/reply/
   letter vs the article discussed, conference abstract vs full paper (a record of three pages or more),
   abstracts that name two different meetings, Part I vs Part II, guideline versions of different years.
   Only an identical locator (same volume and first page) overrides the flags, because then both records
   point at the same printed item and the flag came from noisy metadata. Flags read from type metadata
   count only against a record that has type metadata too.
3. Identifiers: the same DOI (or PMID) is a duplicate when the titles agree; different DOIs are distinct
   (``maybe`` if every other field agrees), except two DOIs of one registrant one or two characters apart
   (a typo, or two neighbours), decided by :func:`~kb.dedupe.dois.typo_rule`: a duplicate when every other
   field agrees (years one apart allowed at one volume and first page: the online year,
   ``DOI_TYPO_YEARS``), or when the first author and the print location (journal, page range, year)
   agree under a title cut at its subtitle (``DOI_TYPO_TITLE``: a typo with a second export noise); with
   one final number (:func:`~kb.dedupe.dois.doi_neighbours`: a typo inside the DOI) left to the other
   fields as if the DOIs were unknown; else ``maybe`` when title, authors, journal and year (one apart at
   one first page or ahead of print, or the online year of a record ahead of print, up to
   ``ONLINE_YEARS`` early) agree.
4. Two generic headings ("Editorial", "Preface": :data:`~kb.dedupe.titles.HEADINGS`) are decided on their
   coordinates (year, first page, journal, volume, authors), never on the title. Titles below 0.8
   similarity are distinct, unless journal, year, volume and page range all agree (a
   translated title) with the same first author, or with no authors on one side and a title at least
   ``RETITLED_FLOOR`` similar. Years more than one apart are distinct (two apart, the earlier ahead of
   print: ``maybe``).
5. Otherwise evidence is summed: authors in common (+1, +1.5 when all agree; none in common -2; persons
   unknown on a side but one group author on both, +1), same year (+1; one apart -1 except between
   conference records, against an ahead-of-print record without volume, issue or pages, and at one volume
   and first page or one print location whose volume is export noise), volume (+1/-1, no penalty when
   title, first page and journal agree with the first author and year, or with the page range: export
   noise), first page (+1/-1; without pages, different issues
   -2; a supplement issue is unknown), compatible journals (+0.5; incompatible -1.5, also between two
   conference records unless one container names the meeting; a meeting named after the journal is not
   part of it), different numbers in the titles (-1.5; none for numbers only in a subtitle one export cut,
   :func:`~kb.dedupe.kinds.cut_subtitle`, but then only the first author at one print location merges,
   else ``maybe``). A duplicate needs 2 (3.5 for
   titles under five words, which also need a common first page unless the same team of ``TEAM_SIZE`` or
   more authors signs both in one journal and one record has no pages), more when the titles are less
   similar; different first pages allow at most ``maybe`` unless the pages are a few apart in the same
   volume of the same journal under the same title (a miskeyed page; never across a supplement, which
   numbers its pages apart). Titles that differ by a later report's
   words ("5-year follow-up", "post hoc analysis": :data:`~kb.dedupe.kinds.FOLLOW_UP_RE`) and a reply
   against the letter it answers allow at most ``maybe`` unless year, first page and journal agree (one
   printed item whose title one export cut); so does a guideline against its record ahead of print. Near
   misses, and identical titles with shared authors, are ``maybe``. Authors count only when the first
   authors agree (swapped names and particles allowed): databases keep the order of authors, so one
   common surname further down is weak. A record with no authors against one with no locator stays
   ``maybe``: a letter and the reply printed under its title look the same. Pages "1-N" against an
   article number are not compared (:data:`~kb.dedupe.locators.PDF_PAGES`); an ahead-of-print record two
   years before its final record is ``maybe`` (:data:`~kb.dedupe.locators.ONLINE_YEARS`).
6. The abstracts (:mod:`kb.dedupe.abstracts`), only when both records carry a long one: one text settles
   a pair that only missing fields left to review (:data:`ABSTRACT_SETTLES`; never two conference records)
   and a DOI typo's ``maybe``; two texts send a merge that no common first page confirms to review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz.distance import Indel

from kb.dedupe.abstracts import ABSTRACT_EVIDENCE, compare
from kb.dedupe.dois import UNKNOWN, doi_typo, typo_rule
from kb.dedupe.kinds import (
    answer_and_letter,
    cut_part,
    cut_subtitle,
    kind_conflict,
    later_report,
    no_locator,
    proceedings,
)
from kb.dedupe.locators import (
    agree,
    agree_journal,
    elocator,
    locator_noise,
    online_years,
    pages_close,
    pdf_pages,
    same_locator,
    same_print_location,
    years_apart,
)
from kb.dedupe.prep import Prepped, journals_compatible
from kb.dedupe.registry import registry_conflict, registry_rule


class Decision(StrEnum):
    """What to do with a candidate pair."""

    DUPLICATE = "duplicate"
    MAYBE = "maybe"
    DISTINCT = "distinct"


@dataclass(frozen=True)
class PairDecision:
    """The decision for one pair of records (``a`` and ``b`` are record indexes, ``a < b``)."""

    a: int
    b: int
    decision: Decision
    reason: str
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def strength(self) -> float:
        """How strongly the pair is supported, for ordering merges (higher first)."""
        return self.scores.get("title", 0.0) + self.scores.get("evidence", 0.0) / 10


def title_similarity(a: str, b: str) -> float:
    """Normalised Indel similarity of two folded titles; a whole-word prefix of a long title (a truncated or
    subtitle-less copy) scores at least 0.93. Empty titles score 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    score = Indel.normalized_similarity(a, b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < 0.93 and long_.startswith(short) and long_[len(short)] == " ":
        score = 0.93 if len(short) >= 30 else max(score, 0.9) if " " in short else score
    return score


def author_similarity(a: Prepped, b: Prepped) -> float | None:
    """Share of the shorter author list (first ten) found among the other record's name tokens; ``None`` if
    either list is empty."""
    if not a.authors or not b.authors:
        return None
    return max(_author_share(a, b), _author_share(b, a))


def _author_share(a: Prepped, b: Prepped) -> float:
    names = a.authors[:10] if len(a.authors) <= len(b.authors) else a.authors[: len(b.authors)]
    found = 0
    for name in names:
        if name in b.author_tokens or any(_same_stem(name, t) for t in b.authors):
            found += 1
    return found / len(names)


def _first_authors_agree(a: Prepped, b: Prepped) -> bool:
    """One first author, as far as the lists tell: the same key, a compound name cut, a particle kept by
    one database only ("vankessel" / "kessel"), or one first author among the other's first two (two
    authors swapped) or read as the other's given name (family and given names swapped)."""
    x, y = a.first_author, b.first_author
    if x == y or _same_stem(x, y) or (min(len(x), len(y)) > 3 and (x.endswith(y) or y.endswith(x))):
        return True
    return _near_front(x, b) or _near_front(y, a)


def _near_front(name: str, other: Prepped) -> bool:
    return name in other.authors[:2] or (name in other.author_tokens and name not in other.authors)


def _same_stem(a: str, b: str) -> bool:
    """Compound family names cut differently ("nakaserichardson" / "nakase")."""
    return len(a) > 3 and len(b) > 3 and (a.startswith(b) or b.startswith(a))


def hard_conflict(a: Prepped, b: Prepped) -> str:
    """A conflict that forbids two records from ever sharing a cluster, even through others ("" if none)."""
    if a.doi and b.doi and a.doi != b.doi and not doi_typo(a, b):
        return "different DOIs"
    if a.pmid and b.pmid and a.pmid != b.pmid:
        return "different PMIDs"
    if a.registry or b.registry:
        registration = registry_conflict(a, b)
        if registration:
            return registration
    conflict = kind_conflict(a, b)
    if conflict and not same_locator(a, b):
        return conflict
    if (years_apart(a, b) or 0) > 1 and not online_years(a, b):
        return "years more than one apart"
    return ""


RETITLED_FLOOR = 0.6
"""A record with no author at all (unknown, not different) whose title is at least this similar to a record
at the same print location (year, volume, page range, journal) is that record retitled (a translated or
abridged title in another database); below it, the titles share too little to be one article's."""


JOURNAL_MISMATCH = 1.5
"""Evidence lost when two journal names cannot be the same journal (a co-published statement, or a
translated journal name: not decisive alone)."""


def _decision(
    a: Prepped, b: Prepped, decision: Decision, reason: str, scores: dict[str, float]
) -> PairDecision:
    return PairDecision(a.index, b.index, decision, reason, scores)


def decide(a: Prepped, b: Prepped) -> PairDecision:
    """The decision for records ``a`` and ``b`` (in either order): by rule when a rule settles it, else by
    weighing the evidence (step 5)."""
    if a.index > b.index:
        a, b = b, a
    ruled = rule_decision(a, b)
    if isinstance(ruled, PairDecision):
        return ruled
    return _weigh(a, b, ruled)


@dataclass
class Weighing:
    """A pair that no rule settled: its title and author similarities and the scores so far."""

    title: float
    authors: float | None
    scores: dict[str, float]


def rule_decision(a: Prepped, b: Prepped) -> PairDecision | Weighing:
    """The decision of the rules (steps 1 to 4, and years more than one apart) for ``a`` and ``b``
    (``a.index < b.index``), or the :class:`Weighing` of a pair that the rules leave to weighing."""
    scores: dict[str, float] = {}
    if a.short or b.short:
        return _decision(a, b, Decision.DISTINCT, "no title (short citation)", scores)
    if a.registry or b.registry:
        verdict, why = registry_rule(a, b)
        if verdict:
            return _decision(
                a, b, Decision(verdict), why, {"title": round(title_similarity(a.title, b.title), 4)}
            )
    title = title_similarity(a.title, b.title)
    if title < 0.8 and (a.alt_titles or b.alt_titles):
        for ta in (a.title, *a.alt_titles):
            for tb in (b.title, *b.alt_titles):
                title = max(title, title_similarity(ta, tb))
    scores["title"] = round(title, 4)
    shared_id = (a.doi and a.doi == b.doi) or (a.pmid and a.pmid == b.pmid)
    if title < 0.6 and not shared_id and not same_print_location(a, b):  # most candidates: cheap exit
        return _decision(a, b, Decision.DISTINCT, "titles differ", scores)
    authors = author_similarity(a, b)
    if authors is not None:
        scores["authors"] = round(authors, 3)
    locator = same_locator(a, b)
    conflict = kind_conflict(a, b)
    if conflict and not locator:
        if a.part != b.part and (not (a.part and b.part) or cut_part(a.part, b.part)) and title >= 0.9:
            return _decision(a, b, Decision.MAYBE, f"one title is numbered (part {a.part or b.part})", scores)
        return _decision(a, b, Decision.DISTINCT, conflict, scores)

    for name, va, vb in (("DOI", a.doi, b.doi), ("PMID", a.pmid, b.pmid)):
        if va and vb:
            if va == vb:
                if title >= 0.8 or (title >= 0.6 and (authors or 0) >= 0.5):
                    return _decision(a, b, Decision.DUPLICATE, f"same {name}", scores)
                return _decision(a, b, Decision.MAYBE, f"same {name} but different titles", scores)
            if name == "DOI" and doi_typo(a, b):
                people = (authors or 0) >= 0.5 and _first_authors_agree(a, b)
                verdict, why = typo_rule(a, b, title, authors, people)
                if verdict == UNKNOWN:
                    continue  # a character mistyped inside the DOI: the other fields decide
                one_text = verdict == "maybe" and not (a.conference and b.conference)  # (encores: one text)
                if one_text and compare(a.abstract, b.abstract) == "same":  # the typo, not two items
                    verdict, why = "duplicate", f"{why}; the abstracts are one text"
                if verdict:
                    return _decision(a, b, Decision(verdict), why, scores)
            if title >= 0.97 and locator and a.year == b.year and (authors is None or authors >= 0.5):
                return _decision(
                    a, b, Decision.MAYBE, f"different {name}s but all other fields agree", scores
                )
            return _decision(a, b, Decision.DISTINCT, f"different {name}s", scores)

    if a.heading and b.heading:
        return _headings(a, b, authors, scores)
    if title < 0.8:
        people = (authors or 0) >= 0.5 and a.first_author == b.first_author
        if same_print_location(a, b) and (people or (authors is None and title >= RETITLED_FLOOR)):
            reason = "titles differ (a translation?) but journal, year, volume and page range agree"
            return _decision(a, b, Decision.DUPLICATE, reason, scores)
        return _decision(a, b, Decision.DISTINCT, "titles differ", scores)
    if (years_apart(a, b) or 0) > 1:
        if title >= 0.95 and same_locator(a, b):
            return _decision(a, b, Decision.MAYBE, "years far apart but volume and first page agree", scores)
        if (
            title >= 0.95
            and online_years(a, b)
            and (authors is None or authors >= 0.5)
            and agree_journal(a, b)
            and a.numbers == b.numbers
        ):
            reason = "years two apart, the earlier record ahead of print (its online year?)"
            return _decision(a, b, Decision.MAYBE, reason, scores)
        return _decision(a, b, Decision.DISTINCT, "years more than one apart", scores)
    return Weighing(title, authors, scores)


def _same_coordinates(a: Prepped, b: Prepped) -> bool:
    """Same year, first page (both present) and compatible journal, and volumes that do not differ."""
    return bool(
        a.year
        and a.year == b.year
        and a.first_page
        and a.first_page == b.first_page
        and agree(a.volume, b.volume)
        and journals_compatible(a.journal, b.journal)
    )


def _headings(a: Prepped, b: Prepped, authors: float | None, scores: dict[str, float]) -> PairDecision:
    """Two generic headings ("Editorial" / "Guest Editorial", "Preface"): weak title evidence, so the
    coordinates decide. The same year, first page, journal and volume with authors in common (or, with no
    authors on a side, the same last page too) is one item; the same heading whose coordinates cannot be
    compared (pages missing) with shared authors is worth a look (an editor's recurring column is not one
    item); anything else is two items of a journal."""
    if _same_coordinates(a, b) and (
        (authors or 0) >= 0.5 or (authors is None and bool(a.last_page) and a.last_page == b.last_page)
    ):
        return _decision(a, b, Decision.DUPLICATE, "generic headings at the same coordinates", scores)
    unknown = not (a.first_page and b.first_page) and agree(a.volume, b.volume)
    if a.title == b.title and unknown and (authors or 0) >= 0.5 and abs(a.year - b.year) <= 1:
        return _decision(a, b, Decision.MAYBE, "same generic heading, pages unknown", scores)
    return _decision(a, b, Decision.DISTINCT, "generic headings at different coordinates", scores)


NUMBERS_DIFFER = 1.5
"""Evidence lost when the numbers in two titles differ ("phase II" / "phase III", "FOCUS 2" / "FOCUS 3"):
two studies or two reports of one, unless every other field agrees."""


TEAM_SIZE = 2
"""A short title by the same team of at least this many authors (every author agreeing) in one journal is
no generic title: when one record lacks pages (ahead of print), it needs no common first page."""


VOLUME_NOISE = "volumes differ (export noise: everything else agrees)"
VOLUME_YEAR = "volumes differ (one is the year typed in the volume field)"
NO_AUTHORS_NO_LOCATOR = "no authors on one side and no volume or pages on one side"
SHORT_TITLE = "short title without a common first page"
ABSTRACT_SETTLES = frozenset((NO_AUTHORS_NO_LOCATOR, SHORT_TITLE, VOLUME_NOISE, VOLUME_YEAR))
"""The notes of a weighing that say only that evidence is missing (or that a difference is export noise):
one abstract text on both records (:func:`~kb.dedupe.abstracts.compare`) settles them. A note that a
field differs (pages, numbers, journal, year, authors, a later report, a part, a reply) never is."""


def _weigh(a: Prepped, b: Prepped, w: Weighing) -> PairDecision:
    """Step 5: the stated evidence sum of the module doc."""
    title, authors, scores = w.title, w.authors, w.scores
    evidence = 0.0
    notes: list[str] = []
    both_conference = a.conference and b.conference
    if authors is not None:
        if authors >= 0.5 and not _first_authors_agree(a, b):
            notes.append("first authors differ")  # databases keep the order: common surnames are weak
        elif authors >= 0.99 and min(len(a.authors), len(b.authors)) >= 2:
            evidence += 1.5  # every author of two or more agrees
        elif authors >= 0.5:
            evidence += 1
        elif authors == 0:
            evidence -= 2
            notes.append("no author in common")
    gap = years_apart(a, b)
    if gap is not None:
        if gap == 0:
            evidence += 1
        # one apart: a conference paper's meeting year and proceedings year often differ; an
        # ahead-of-print record carries its online year, the final record its issue's year; one volume
        # and first page name one printed item, whatever year one export gives it
        elif not (
            both_conference
            or no_locator(a)
            or no_locator(b)
            or same_locator(a, b)
            or locator_noise(a, b, title)
        ):
            evidence -= 1
            notes.append("years one apart")
    if a.volume and b.volume:
        if a.volume == b.volume:
            evidence += 1
        elif locator_noise(a, b, title):
            notes.append(VOLUME_NOISE)
        elif a.volume == str(a.year) or b.volume == str(b.year):
            notes.append(VOLUME_YEAR)
        else:
            evidence -= 1
            notes.append("volumes differ")
    group = authors is None and bool(set(a.groups).intersection(b.groups))
    if group:
        evidence += 1  # one group author on both sides (the persons listed on one side only, or nowhere)
    elif authors is None and (no_locator(a) or no_locator(b)):
        # nothing left to tell a letter from the reply printed under its title: review, never merged
        notes.append(NO_AUTHORS_NO_LOCATOR)
    pages_differ = False
    comparable = a.first_page and b.first_page and elocator(a.first_page) == elocator(b.first_page)
    if comparable and not pdf_pages(a, b):
        if a.first_page == b.first_page:
            evidence += 1
        else:
            evidence -= 1
            pages_differ = True
            notes.append("first pages differ")
    elif (
        a.issue and b.issue and a.issue != b.issue and not (a.first_page and b.first_page)
    ):  # without pages, the issue is the locator
        evidence -= 2
        notes.append("issues differ")
    numbers_differ = a.numbers != b.numbers
    cut = numbers_differ and cut_subtitle(a, b)  # the other numbers went with a subtitle one export cut
    if cut:
        numbers_differ = False
        notes.append("numbers only in a subtitle one export cut")
    if numbers_differ:
        evidence -= NUMBERS_DIFFER
        notes.append("numbers in the titles differ")
    journals = bool(a.journal and b.journal and journals_compatible(a.journal, b.journal))
    if (
        pages_differ
        and title >= 0.99
        and not numbers_differ
        and journals
        and a.volume
        and a.volume == b.volume
        and pages_close(a, b)
        and a.supplement == b.supplement  # a supplement numbers its pages apart: no miskeyed page
    ):
        pages_differ = False  # the same article with a miskeyed page: everything else agrees
    if journals:
        evidence += 0.5
    elif a.journal and b.journal and not (both_conference and (proceedings(a) or proceedings(b))):
        evidence -= JOURNAL_MISMATCH
        notes.append("journals differ")
    scores["evidence"] = evidence

    words = min(a.title.count(" "), b.title.count(" ")) + 1
    team = (
        (authors or 0) >= 0.99
        and min(len(a.authors), len(b.authors)) >= TEAM_SIZE
        and journals
        and not (a.first_page and b.first_page)
    )
    need = 2.0 if words >= 5 or team else 3.5
    generic = words < 5 and not (a.first_page and a.first_page == b.first_page) and not team
    if generic:
        notes.append(SHORT_TITLE)
    if title < 0.9:
        need += 1.5
    elif title < 0.95:
        need += 0.5
    reason = "similar title" if title < 0.999 else "same title"
    # a subtitle one export dropped ("...: 5-year follow-up") is told from a later report by its coordinates
    printed = _same_coordinates(a, b)
    later = title < 0.999 and not printed and later_report(a, b)
    if later:
        notes.append("one title names a later report (follow-up, extension, post hoc analysis)")
    if a.part != b.part and not printed:  # the other's part number went with a subtitle one export cut
        later = True
        notes.append("one title is numbered (a part), the other not")
    if a.comment and b.comment and not printed and answer_and_letter(a, b):
        later = True
        notes.append("a reply against the letter it answers")
    if (a.guideline or b.guideline) and no_locator(a) != no_locator(b):
        later = True  # a guideline's next version ahead of print carries the year of the last one
        notes.append("a guideline ahead of print (perhaps its next version)")
    confirmed = (authors or 0) >= 0.5 and _first_authors_agree(a, b) and same_print_location(a, b)
    if cut and not confirmed and evidence - NUMBERS_DIFFER < need:  # what merged with the numbers still does
        later = True  # without the first author at one print location: "X" and "X: a phase III trial"
        notes.append("no first author and print location to confirm the cut")
    if evidence >= need and not (pages_differ or generic or later):
        detail = f"; {', '.join(notes)}" if notes else ""
        paged = comparable and a.first_page == b.first_page  # a common first page confirms the pair
        if not paged and compare(a.abstract, b.abstract) == "different":
            return _decision(a, b, Decision.MAYBE, f"{reason} but the abstracts are two texts", scores)
        return _decision(a, b, Decision.DUPLICATE, f"{reason} and agreeing fields{detail}", scores)
    if (
        set(notes) <= ABSTRACT_SETTLES
        and not both_conference  # one meeting abstract presented twice carries one text
        and evidence + ABSTRACT_EVIDENCE >= need
        and compare(a.abstract, b.abstract) == "same"
    ):
        detail = f" ({', '.join(notes)})" if notes else ""
        return _decision(a, b, Decision.DUPLICATE, f"{reason} and the abstracts are one text{detail}", scores)
    same_people = title >= 0.98 and (authors or 0) >= 0.5  # one title, shared authors: worth a look
    if (title >= 0.9 and evidence >= need - 2) or (same_people and evidence >= need - 3):
        detail = ", ".join(notes) or "too few fields to confirm"
        return _decision(a, b, Decision.MAYBE, f"{reason} but {detail}", scores)
    detail = ", ".join(notes) or "too few fields to confirm"
    return _decision(a, b, Decision.DISTINCT, f"{reason} but {detail}", scores)
