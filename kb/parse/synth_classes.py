"""Synthetic examples of the classes of reference the biomedical draw of ``kb.parse.synth`` lacks.

The labelled records are mostly journal articles and books, rendered through biomedical styles. Lists
from engineering, physics and computing, theses and institutional reports read differently: numeric
styles with "vol./no./pp." or "117, 1234 (2015)" (IEEE, AIP, APS-like, Optica, SPIE, IOP), Springer
LNCS ("Smith, J.A., Lee, K.: Title. In: Proceedings ... pp. 1-9. Springer, Cham (2015)"), ACM ("Name.
2015. Title. In Proceedings of ..."), DIN/ISO 690 forms with the publisher's place ("Sydney, Australia :
IEEE, 2015"), conference papers ("In: Proceedings of the 12th International Conference on ...",
"Proc. ...", "Advances in ..."), theses ("PhD thesis, University of ...") and reports ("Technical Report
TR-15-04, Rice University"). :func:`class_example` turns the fields of one labelled record into one of
these, rendered by CSL with the same markers as every synthetic example, so the labels stay exact by
construction: the container (proceedings or journal) is ``journal``, the genre and the report number are
``note``, the university or institution ``publisher``, its town ``location`` (as the labelled corpora
label them). Books without a container ("BERNARD, Jean. Les maladies du sang. Paris : Masson, 2010.
312 p.", "Bernard J. Les maladies du sang. Paris: Masson; 2010. 312 p.") are rendered through ISO 690,
Vancouver and author-date styles in French and English: the title is ``title``, the town ``location``, the
publisher ``publisher``, the page count ``pages`` (as the labelled corpora label "312 p.").
Every draw is made by the generator it is given (the example's own ``class`` stream).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from kb.parse import synth_noise as noise
from kb.parse.styles import BOOK_STYLES, ENGINEERING_STYLES, OTHER_STYLES
from kb.parse.synth import Fields, example_rng, render, segments_of

KINDS: tuple[tuple[str, float], ...] = (
    ("article", 0.3),
    ("conference", 0.3),
    ("thesis", 0.1),
    ("report", 0.1),
    ("book", 0.2),
)
"""What a class example is, with its share."""

_JOURNALS = (
    "Physical Review B", "Phys. Rev. Lett.", "Journal of Applied Physics", "J. Appl. Phys.",
    "Appl. Phys. Lett.", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "IEEE Trans. Pattern Anal. Mach. Intell.", "IEEE Trans. Med. Imaging", "Communications of the ACM",
    "Commun. ACM", "J. ACM", "Nucl. Instrum. Methods",
    "Machine Learning", "Journal of Machine Learning Research", "Artificial Intelligence", "Opt. Express",
    "Physica D", "Nuclear Physics B", "J. Chem. Phys.", "ACM Transactions on Information Systems",
    "Pattern Recognition", "Neural Computation", "Astrophys. J.", "Rev. Mod. Phys.", "Bioinformatics",
)  # fmt: skip
_TOPICS = (
    "Machine Learning", "Document Analysis and Recognition", "Computer Vision and Pattern Recognition",
    "Medical Image Computing and Computer-Assisted Intervention", "Artificial Intelligence",
    "Research and Development in Information Retrieval", "Knowledge Discovery and Data Mining",
    "Digital Libraries", "Bioinformatics and Biomedicine", "Engineering in Medicine and Biology",
    "the Physics of Semiconductors", "Low Temperature Physics", "Software Engineering",
    "Very Large Data Bases",
    "Computational Linguistics", "Acoustics, Speech and Signal Processing", "Neural Networks",
    "Parallel Processing", "Programming Language Design and Implementation", "Health Informatics",
)  # fmt: skip
_MEETINGS = ("Conference", "Symposium", "Workshop", "Joint Conference", "Congress")
_ADJ = ("International", "Annual", "European", "IEEE", "ACM", "Joint", "National")
_ABBREV = {"International": "Int.", "Conference": "Conf.", "Symposium": "Symp.", "Annual": "Annu.",
           "Workshop": "Workshop", "European": "Eur.", "National": "Natl.", "Congress": "Congr."}  # fmt: skip
_PROC_PUBLISHERS = (
    ("IEEE", "Piscataway, NJ"), ("ACM", "New York, NY"), ("Springer", "Cham"),
    ("AIP Publishing", "Melville, NY"),
    ("Curran Associates", "Red Hook, NY"), ("SPIE", "Bellingham, WA"), ("Morgan Kaufmann", "San Francisco"),
    ("IOP Publishing", "Bristol"), ("Association for Computational Linguistics", "Stroudsburg, PA"),
)  # fmt: skip
_UNIVERSITIES = (
    ("University of Massachusetts", "Amherst, MA"), ("Stanford University", "Stanford, CA"),
    ("Massachusetts Institute of Technology", "Cambridge, MA"), ("Université Paris-Saclay", "Orsay"),
    ("Université de Bordeaux", "Bordeaux"), ("Technische Universität München", "Munich"),
    ("University of Cambridge", "Cambridge"), ("Carnegie Mellon University", "Pittsburgh, PA"),
    ("Sorbonne Université", "Paris"), ("ETH Zürich", "Zürich"), ("University of Toronto", "Toronto"),
    ("Karolinska Institutet", "Stockholm"), ("Université Toulouse III - Paul Sabatier", "Toulouse"),
)  # fmt: skip
_INSTITUTIONS = (
    ("Rice University", "Houston, TX"),
    ("National Institute of Standards and Technology", "Gaithersburg, MD"),
    ("INRIA", "Rocquencourt"), ("Los Alamos National Laboratory", "Los Alamos, NM"), ("RAND Corporation",
    "Santa Monica, CA"), ("MIT Artificial Intelligence Laboratory", "Cambridge, MA"), ("CERN", "Geneva"),
    ("Department of Computer Science, University of Illinois", "Urbana, IL"),
    ("National Physical Laboratory", "Teddington"),
    ("Agency for Healthcare Research and Quality", "Rockville, MD"), ("NASA", "Washington, DC"),
)  # fmt: skip
_BOOK_PUBLISHERS = (
    ("Masson", "Paris"), ("Elsevier Masson", "Issy-les-Moulineaux"), ("Doin", "Paris"),
    ("Flammarion Médecine-Sciences", "Paris"), ("John Libbey Eurotext", "Montrouge"),
    ("Presses universitaires de France", "Paris"),
    ("Lavoisier", "Paris"), ("De Boeck", "Bruxelles"), ("Springer", "Berlin"), ("Thieme", "Stuttgart"),
    ("Karger", "Basel"), ("Wiley-Blackwell", "Oxford"), ("Lippincott Williams & Wilkins", "Philadelphia"),
    ("Saunders", "Philadelphia"), ("Oxford University Press", "Oxford"), ("CRC Press", "Boca Raton, FL"),
    ("Cambridge University Press", "Cambridge"), ("McGraw-Hill", "New York"), ("Churchill Livingstone",
    "Edinburgh"), ("Academic Press", "San Diego, CA"),
)  # fmt: skip
_THESES = ("PhD thesis", "Ph.D. dissertation", "Doctoral dissertation", "Master's thesis", "MSc thesis")
_THESES_FR = ("Thèse de doctorat", "Thèse d'exercice", "Mémoire de master", "Thèse de doctorat en médecine")
_REPORTS = ("Technical Report", "Tech. Rep.", "Research Report", "Working Paper", "Technical Memorandum")
_REPORTS_FR = ("Rapport de recherche", "Rapport technique")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def proceedings_title(rng: random.Random, french: bool = False) -> str:
    """An invented container of conference papers, in the usual shapes ("Proceedings of the 12th
    International Conference on ...", "Proc. 12th Int. Conf. on ...", "Advances in ...", "Actes du ...")."""
    topic = rng.choice(_TOPICS)
    meeting, adj, n = rng.choice(_MEETINGS), rng.choice(_ADJ), rng.randint(1, 45)
    if french:
        return (
            f"Actes du {n}e {rng.choice(('congrès', 'colloque'))} {rng.choice(('national', 'international'))}"
        )
    r = rng.random()
    if r < 0.45:
        return f"Proceedings of the {_ordinal(n)} {adj} {meeting} on {topic}"
    if r < 0.65:
        return f"Proc. {_ordinal(n)} {_ABBREV.get(adj, adj)} {_ABBREV.get(meeting, meeting)} on {topic}"
    if r < 0.8:
        return f"Advances in {topic}"
    acronym = "".join(w[0] for w in topic.split() if w[0].isupper())
    return (
        f"Proceedings of {acronym} {rng.randint(1990, 2024)}"
        if len(acronym) > 1
        else f"{adj} {meeting} on {topic}"
    )


def class_fields(f: Fields, kind: str, rng: random.Random, editors: list[dict], french: bool) -> Fields:
    """A copy of ``f`` made into one ``kind`` ("article", "conference", "thesis", "report")."""
    g = Fields({k: v for k, v in f.items() if k in ("author", "title", "year", "journal", "volume", "issue",
                                                    "pages", "doi")})  # fmt: skip
    if kind == "article":
        if not g.get("journal") or rng.random() < 0.5:
            g["journal"] = rng.choice(_JOURNALS)
        return g
    for key in ("journal", "issue", "doi"):
        g.pop(key, None)
    if kind == "book":
        g["kind"] = "book"
        g.pop("volume", None)
        g["publisher"], place = rng.choice(_BOOK_PUBLISHERS)
        if f.get("publisher") and rng.random() < 0.5:
            g["publisher"], place = f["publisher"], f.get("location", "")
        if place and rng.random() < 0.8:
            g["location"] = place
        g.pop("pages", None)
        if rng.random() < 0.6:
            g["count"] = str(rng.randint(48, 1200))  # written after the rendering: few styles print it
        return g
    if kind == "conference":
        g["kind"] = "paper-conference"
        g["journal"] = proceedings_title(rng, french)
        if not g["journal"].startswith("Advances") or rng.random() < 0.5:
            g.pop("volume", None)
        if rng.random() < 0.6:
            g["publisher"], place = rng.choice(_PROC_PUBLISHERS)
            if rng.random() < 0.6:
                g["location"] = place
        if rng.random() < 0.3:
            g["editor"] = [dict(n) for n in editors[: rng.randint(1, 3)] if "literal" not in n] or editors[:1]
        if rng.random() < 0.2:
            g["doi"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(100000, 999999)}"
        return g
    g.pop("volume", None)
    g.pop("pages", None)
    g["author"] = g["author"][: 1 if kind == "thesis" else rng.randint(1, 4)]
    if kind == "thesis":
        g["kind"] = "thesis"
        g["note"] = rng.choice(_THESES_FR if french else _THESES)
        g["publisher"], place = rng.choice(_UNIVERSITIES)
    else:
        g["kind"] = "report"
        g["note"] = rng.choice(_REPORTS_FR if french else _REPORTS)
        g["publisher"], place = rng.choice(_INSTITUTIONS)
        if rng.random() < 0.8:
            letters = "".join(rng.choice("ABCDEFGHKLMNPRSTUW") for _ in range(rng.randint(2, 4)))
            g["number"] = rng.choice(
                [f"TR-{rng.randint(1, 999)}", f"{letters}-{rng.randint(85, 99)}-{rng.randint(1, 40):02d}",
                 f"RR-{rng.randint(1000, 9999)}", str(rng.randint(1, 9999))]
            )  # fmt: skip
    if rng.random() < 0.6:
        g["location"] = place
    return g


def class_example(f: Fields, rng: random.Random, editors: list[dict]) -> tuple[str, list[list[str]]] | None:
    """One example of a class the ordinary draw lacks, as ``(style/locale, segments)``, or None when the
    style cannot render it cleanly (a field lost or rewritten)."""
    r, kind = rng.random(), KINDS[-1][0]
    for name, share in KINDS:
        if r < share:
            kind = name
            break
        r -= share
    styles = ENGINEERING_STYLES if kind == "article" else ENGINEERING_STYLES + OTHER_STYLES
    style = rng.choice(BOOK_STYLES if kind == "book" else styles)
    french = style.endswith("-fr") or (kind != "article" and rng.random() < (0.4 if kind == "book" else 0.1))
    locale = "fr-FR" if french else "en-US"
    g = class_fields(f, kind, rng, editors, french)
    try:
        text = render(g, style, locale)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None  # a style the renderer cannot apply to this item
    segments = segments_of(text, g)
    if not segments:
        return None
    if g.get("count"):
        segments = _with_count(segments, g["count"], rng)
    return f"{style}/{locale}", noise.vary_segments(segments, g, rng, french=french)


def _with_count(segments: list[list[str]], count: str, rng: random.Random) -> list[list[str]]:
    """A book's segments with its page count written at the end ("... 2010. 312 p."), as ``pages``; the
    empty group some ISO 690 styles leave after the title (". .") removed."""
    out = [[lab, text.replace(". . ", ". ") if lab == "other" else text] for lab, text in segments]
    unit = rng.choice((" p.", " p.", " pages."))
    if out[-1][0] == "other":
        out[-1][1] = out[-1][1].rstrip() + " "
    else:
        out.append(["other", ". "])
    return [*out, ["pages", count], ["other", unit]]


def class_examples(
    records: list[dict], order: list[int], ranked: list[Fields | None], ranks: list[int], seed: int
) -> Iterator[tuple[str, list[list[str]]]]:
    """One example of these classes from each record of ``ranks`` (their places in ``order``; ``ranked``
    their fields, None when unusable), each drawn by the record's own ``class`` generator
    (``kb.parse.synth.example_rng``); the editors of a conference paper are another record's authors."""
    for rank in ranks:
        rng = example_rng(records[order[rank]], seed, stream="class\x1d")
        donor = rng.randrange(len(ranked))
        while ranked[donor % len(ranked)] is None:
            donor += 1
        made = class_example(ranked[rank], rng, ranked[donor % len(ranked)]["author"])
        if made:
            yield made
