"""The recall classes and traps of the deduplication issue, each checked on hundreds of GENERATED pairs.

Works are the labelled journal references of ``data/refparse/refparse.jsonl`` (the parser's training data,
in the repository; see its ATTRIBUTION.md): title, authors, journal, year, volume and a page range as their
reference strings give them. Each class turns one work into two exports of it with the noise that class
names (one database's form against another's), and each trap turns it into two records that must stay
apart. The evaluation-only benchmark sets are never read: these pairs test the class, not an example.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache

import pytest
from dedupe_works import Work, clean_articles

from kb.dedupe import Decision
from kb.dedupe.match import decide
from kb.dedupe.prep import prep
from kb.dedupe.records import Record
from kb.model import Name, Reference

SAMPLE = 300
"""Works drawn per class (the same works for every class)."""
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_RANGE_RE = re.compile(r"^(\d{1,5})\s*[-–]+\s*(\d{1,5})$")
_SUPPLEMENTS = ("Supplement 3", "Suppl 1", "SUPPL. 1", "(Supplement 3)", "1)", "Suppl. 2", "S1")
_HEADINGS = ("Editorial", "Guest Editorial", "Foreword", "Preface", "Introduction", "Commentary")
_STOP = {"of", "the", "and", "for", "in", "on", "de", "la", "et", "a", "an"}


def _record(w: Work, key: str) -> Record:
    """``w`` as one database exports it: a record of its fields."""
    ref = Reference(authors=list(w.authors), title=w.title, journal=w.journal, year=str(w.year), volume=w.volume,
                    issue=w.issue, pages=w.pages, doi=w.doi)  # fmt: skip
    return Record(key, ref)


@cache
def works() -> list[Work]:
    """A fixed sample of the clean journal articles of the labelled references (``clean_articles``)."""
    return random.Random(16).sample([Work(**fields) for _, fields in clean_articles(_YEAR_RE)], SAMPLE)


def _embase(names: tuple[Name, ...]) -> tuple[Name, ...]:
    """Embase's author string without separators: "Beresneva O.Kulikov A.Parastaeva M."."""
    return (Name(literal="".join(f"{n.family} {n.given[:1]}." for n in names)),)


def _abbreviated(journal: str) -> str:
    """An ISO 4-like abbreviation: stop words dropped, long words cut to four letters and a full stop."""
    words = [w for w in journal.split() if w.lower() not in _STOP]
    return " ".join(f"{w[:4]}." if len(w) > 5 else w for w in words)


def _short_pages(pages: str) -> str:
    """ "1207-1223" as "1207-23" (PubMed)."""
    first, last = _RANGE_RE.match(pages).groups()  # type: ignore[union-attr]
    keep = next((i for i in range(len(first)) if i < len(last) and first[i] != last[i]), 0)
    return f"{first}-{last[keep:]}" if len(first) == len(last) else pages


def _meeting(w: Work, r: random.Random) -> str:
    return f"{r.randint(20, 65)}th Congress of the European Society of Haematology, Vienna {w.year}"


# --- the recall classes: two exports of one work --------------------------------------------------------


def conference(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One abstract from two databases: "X. Conference: <meeting>" (its volume sometimes "Conference: ...
    V"), a supplement issue in any of its forms, one page; the other "X", a number or no issue."""
    meeting = _meeting(w, r)
    volume = r.choice((f"Conference: {meeting}. {w.volume}", w.volume))
    a = replace(w, journal=f"{w.journal}. Conference: {meeting}", volume=volume, issue=r.choice(_SUPPLEMENTS),
                pages=w.first_page)  # fmt: skip
    b = replace(w, issue=r.choice((str(r.randint(1, 12)), "", r.choice(_SUPPLEMENTS))),
                pages=r.choice((w.first_page, "")))  # fmt: skip
    return a, b


def abstract_years(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One meeting abstract dated by the meeting in one database and by the supplement in the other (a
    year apart), one export not naming the meeting: the volume and the page pin the item."""
    meeting = _meeting(w, r)
    journal = r.choice((f"{w.journal}. Conference: {meeting}", w.journal))
    a = replace(w, journal=journal, pages=w.first_page, issue=r.choice(("Suppl 1", "S2", "")))
    b = replace(w, journal=_abbreviated(w.journal), pages=w.first_page, issue="", year=w.year + 1)
    return a, b


def garbled_locator(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Identical authors, title, journal, year and pages; the volume or issue garbled by one export."""
    issue = w.issue or str(r.randint(1, 12))
    b = r.choice((
        replace(w, volume=f"{w.volume}({issue})", issue=""),  # volume and issue run together
        replace(w, volume=str(w.year), issue=issue),  # the year in the volume field
        replace(w, volume=issue, issue=w.volume),  # volume and issue swapped
        replace(w, issue=str(r.randint(13, 40))),  # another issue number
        replace(w, volume=f"Vol. {w.volume}"),  # the label kept
    ))  # fmt: skip
    return replace(w, issue=issue), b


def doi_typo(w: Work, r: random.Random) -> tuple[Work, Work]:
    """The same DOI prefix, the suffix one or two characters apart (a transposition or a dropped
    character), everything else equal."""
    suffix = f"j.jth.{w.year}.{r.randint(10, 99)}.{r.randint(1000, 9999)}"
    chars = list(suffix)
    i = r.randrange(len(chars) - 1)
    if r.random() < 0.5 and chars[i] != chars[i + 1]:
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    else:
        del chars[i]
    return replace(w, doi=f"10.1016/{suffix}"), replace(w, doi=f"10.1016/{''.join(chars)}")


def _typo_pair(w: Work, r: random.Random, final: bool = False) -> tuple[str, str]:
    """Two DOIs of one registrant, the second mistyped (two characters swapped, or one dropped); in its final
    number when ``final`` (the DOIs then look like two items in sequence)."""
    suffix = f"j.jth.{w.year}.{r.randint(10, 99)}.{r.randint(1000, 9999)}"
    i = len(suffix) - r.randint(2, 4) if final else r.randrange(len(suffix) - 1)
    chars = list(suffix)
    if chars[i] != chars[i + 1]:
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    else:
        del chars[i]
    return f"10.1016/{suffix}", f"10.1016/{''.join(chars)}"


def _subtitled(w: Work, r: random.Random) -> str:
    return f"{w.title}: {r.choice(('a randomized controlled trial', 'results of a national survey', 'a review'))}"


def doi_typo_and_subtitle(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A DOI typo and a second export noise: one export cut the title at its subtitle, or dates the
    article by its online year (the year before); journal, volume, page range and first author agree."""
    one, two = _typo_pair(w, r, final=r.random() < 0.5)
    a = replace(w, title=_subtitled(w, r), doi=one)
    return a, replace(w, doi=two, journal=_abbreviated(w.journal), year=w.year - r.choice((0, 1)))


def embase_authors(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Embase's author string without separators against the separated names; abbreviated journal."""
    return w, replace(w, authors=_embase(w.authors), journal=_abbreviated(w.journal))


def corporate_author(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A corporate author (the study group) against the personal authors."""
    group = Name(
        literal=r.choice(("ITP Study Group", "The PARTNER Trial Investigators", "Writing Committee"))
    )
    return w, replace(w, authors=(group,), pages=_short_pages(w.pages))


def no_authors(w: Work, r: random.Random) -> tuple[Work, Work]:
    """No author at all on one side; title, journal, year and pages agree."""
    return w, replace(w, authors=(), journal=_abbreviated(w.journal))


def ahead_of_print(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Ahead of print (no volume, issue or pages; the online year, which may be the year before) against
    the final record."""
    epub = replace(w, volume="", issue="", pages="", year=w.year - r.choice((0, 1)))
    return epub, replace(w, pages=_short_pages(w.pages))


def generic_heading(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A generic heading ("Editorial", "Preface") is weak title evidence: the same item at the same
    coordinates (author, journal, year, volume, first page) in two exports."""
    heading = r.choice(_HEADINGS)
    author = w.authors[:1]
    a = replace(w, title=heading, authors=author)
    other = r.choice(("Editorial", "Guest Editorial", "Editor's note")) if heading == "Editorial" else heading
    b = replace(w, title=other.upper() if r.random() < 0.3 else other,
                authors=_embase(author) if r.random() < 0.5 else author,
                journal=_abbreviated(w.journal), pages=_short_pages(w.pages))  # fmt: skip
    return a, b


# --- the traps: two records that must stay apart -------------------------------------------------------


def doi_other_registrant(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two DOIs of two registrants (prefixes), the suffixes equal or one character apart, everything else
    equal: a different prefix is no typo, and different DOIs stay a veto (at most review)."""
    suffix = f"j.jth.{w.year}.{r.randint(10, 99)}.{r.randint(1000, 9999)}"
    other = suffix if r.random() < 0.5 else suffix[:-1] + str((int(suffix[-1]) + 1) % 10)
    prefixes = r.sample(("10.1016", "10.1111", "10.1182", "10.1056", "10.3324"), 2)
    return replace(w, doi=f"{prefixes[0]}/{suffix}"), replace(w, doi=f"{prefixes[1]}/{other}")


def neighbouring_dois(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two articles of one issue whose DOIs are one character apart (a journal numbers its DOIs in
    order): close suffixes are evidence of a typo only when every other field agrees."""
    number = r.randint(1000, 9998)
    nxt = works()[(works().index(w) + 1) % SAMPLE]
    first = int(w.first_page) + r.randint(10, 40)
    b = replace(nxt, journal=w.journal, year=w.year, volume=w.volume, issue=w.issue,
                pages=f"{first}-{first + 9}", doi=f"10.1016/j.jth.{w.year}.{number + 1}")  # fmt: skip
    return replace(w, doi=f"10.1016/j.jth.{w.year}.{number}"), b


def companion_papers(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two companion papers of one team in one issue ("X: methods" / "X: results"), their DOIs one
    number apart (a registrant numbers in sequence): another page range is another item."""
    one, two = _typo_pair(w, r, final=True)
    first = int(w.first_page) + r.randint(12, 40)
    b = replace(w, title=f"{w.title}: {r.choice(('results', 'methods', 'design and rationale'))}",
                pages=f"{first}-{first + 11}", doi=two)  # fmt: skip
    return replace(w, doi=one), b


def recurring_column(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One editor's column on the same pages of every issue, under one title; the next volume's (a year
    later) or the next issue's, its DOI naming the volume or issue one character apart."""
    volume, issue = (str(int(w.volume) + 1), "2") if r.random() < 0.5 else (w.volume, "3")
    a = replace(w, title="Editorial introduction", issue="2", pages="5-7",
                doi=f"10.2753/mis0742-12222{w.volume[-1]}0200")  # fmt: skip
    return a, replace(a, volume=volume, issue=issue, year=w.year + (volume != w.volume),
                      doi=f"10.2753/mis0742-12222{volume[-1]}0{issue}00")  # fmt: skip


def two_editorials(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two editorials of one issue: one heading (or "Editorial" / "Guest Editorial"), other pages and
    another author."""
    heading = r.choice(_HEADINGS)
    first = int(w.first_page) + r.randint(2, 30)
    other = works()[(works().index(w) + 1) % SAMPLE].authors[:1]
    a = replace(w, title=heading, authors=w.authors[:1])
    b = replace(w, title=r.choice((heading, "Editorial", "Guest Editorial")), authors=other,
                pages=f"{first}-{first + 1}")  # fmt: skip
    return a, b


def recurring_heading(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One editor's recurring column: the same heading and author in two issues of one volume, without
    pages (the coordinates cannot be compared)."""
    heading = r.choice(_HEADINGS)
    a = replace(w, title=heading, authors=w.authors[:1], issue="1", pages="")
    return a, replace(a, issue=str(r.randint(2, 6)))


def erratum(w: Work, r: random.Random) -> tuple[Work, Work]:
    """An erratum notice is not the article it corrects."""
    prefix = r.choice(("Erratum: ", "Correction to: ", 'Corrigendum to "'))
    notice = replace(
        w, title=f"{prefix}{w.title}", pages=str(r.randint(1, 900)), year=w.year + r.choice((0, 1))
    )
    return w, notice


def abstract_and_paper(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A conference abstract (a supplement, one page, the year before) and the full paper."""
    abstract = replace(w, journal=f"{w.journal}. Conference: {_meeting(w, r)}", issue=r.choice(_SUPPLEMENTS),
                       volume=str(r.randint(1, 150)), pages=str(r.randint(1, 900)), year=w.year - 1)  # fmt: skip
    return abstract, w


def two_meetings(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One trial's abstracts at two meetings, one title."""
    a = replace(w, journal=f"{w.journal}. Conference: 50th Annual Meeting of the American Society of Hematology",
                issue="Suppl 1", pages=str(r.randint(1, 900)))  # fmt: skip
    b = replace(w, journal=f"{w.journal}. Conference: 21st Congress of the European Hematology Association",
                issue="Supplement 2", pages=str(r.randint(1, 900)), year=w.year + 1,
                volume=str(int(w.volume) + 1))  # fmt: skip
    return a, b


Generator = Callable[[Work, random.Random], tuple[Work, Work]]
DUPLICATE_CLASSES: dict[str, Generator] = {
    "conference": conference,
    "abstract_years": abstract_years,
    "garbled_locator": garbled_locator,
    "doi_typo": doi_typo,
    "doi_typo_and_subtitle": doi_typo_and_subtitle,
    "embase_authors": embase_authors,
    "corporate_author": corporate_author,
    "no_authors": no_authors,
    "ahead_of_print": ahead_of_print,
    "generic_heading": generic_heading,
}
TRAPS: dict[str, Generator] = {
    "two_editorials": two_editorials,
    "recurring_heading": recurring_heading,
    "erratum": erratum,
    "abstract_and_paper": abstract_and_paper,
    "two_meetings": two_meetings,
    "doi_other_registrant": doi_other_registrant,
    "neighbouring_dois": neighbouring_dois,
    "companion_papers": companion_papers,
    "recurring_column": recurring_column,
}
MIN_RECALL = 0.99
"""Share of a class's generated pairs that must be merged (the references are real strings parsed by a
labelled tagger: a few carry a title or a name no export would)."""


def decisions(generator: Generator) -> list[tuple[Decision, str, Work, Work]]:
    """The decision and its reason for each generated pair of ``generator``."""
    rng = random.Random(7)
    out = []
    for w in works():
        a, b = generator(w, rng)
        pair = decide(prep(_record(a, "a"), 0), prep(_record(b, "b"), 1))
        out.append((pair.decision, pair.reason, a, b))
    return out


@pytest.mark.parametrize("name", sorted(DUPLICATE_CLASSES))
def test_class_is_merged(name: str) -> None:
    missed = [d[:2] for d in decisions(DUPLICATE_CLASSES[name]) if d[0] != Decision.DUPLICATE]
    assert len(missed) <= (1 - MIN_RECALL) * SAMPLE, Counter(missed)


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_trap_is_kept_apart(name: str) -> None:
    merged = [d[1] for d in decisions(TRAPS[name]) if d[0] == Decision.DUPLICATE]
    assert not merged, Counter(merged)


def test_works_are_varied() -> None:
    """The sample is what the classes claim: many journals, most titles of five words or more, and some
    short ones (the generic-title rules must meet them)."""
    sample = works()
    assert len({w.journal for w in sample}) > 100
    short = sum(len(w.title.split()) < 5 for w in sample)
    assert 5 <= short < SAMPLE // 2


def doi_typo_and_more(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A DOI typo in its final number with more noise than the print location survives: both records
    ahead of print a year apart; the volume and issue swapped with the last page lost and the online year
    on one side; or the volume garbled (the issue typed into it, a digit lost)."""
    one, two = _typo_pair(w, r, final=True)
    issue = w.issue if 0 < len(w.issue) < 3 else str(r.randint(1, 12))  # three digits: no issue to an export
    form = r.randrange(3)
    if form == 0:
        epub = replace(w, volume="", issue="", pages="", doi=one)
        return epub, replace(epub, year=w.year - 1, doi=two, authors=r.choice((w.authors, ())))
    if form == 1:
        b = replace(w, volume=issue, issue=w.volume, pages=w.first_page, year=w.year - 1, doi=two)
    else:
        b = replace(
            w, volume=r.choice((issue, w.volume[1:] or issue, w.volume[:-1] or issue)), issue="", doi=two
        )
    return replace(w, issue=issue, doi=one), b


def test_a_doi_typo_with_more_noise_is_reviewed_never_kept_apart() -> None:
    """Everything but the DOI agrees as far as the records tell: a reviewer sees the pair (a title that
    names a guideline's year is another rule's: two versions)."""
    apart = [d[1] for d in decisions(doi_typo_and_more) if d[0] == Decision.DISTINCT and "DOI" in d[1]]
    assert not apart, Counter(apart)
