"""The noise of real reference lists, applied to synthetic examples without losing their labels.

:func:`vary_fields` changes what is rendered (a corporate author, a year inside the title, a
missing DOI or issue); :func:`vary_segments` changes how the rendered text reads (a missing period
between title and journal, dashes, "et al."/"et coll.", lower case after hyphens as HAL writes
names, a title-first entry, a citation number, "Epub ahead of print", a DOI wrapped over two
lines). Each edit works on ``[label, text]`` segments, so every character keeps its label.
"""

from __future__ import annotations

import random
import re

_ORG_HEADS = (
    "Society", "Association", "Institute", "Committee", "Organization", "Collaborative Study Group",
    "Working Group", "Collaboration", "Consortium", "Task Force", "Agency", "Foundation", "Network",
    "Council", "Investigators", "Study Group", "Panel", "Authority",
)  # fmt: skip
_ORG_ADJ = (
    "American", "European", "British", "International", "National", "French", "World", "Canadian",
    "Japanese", "Nordic", "German", "Italian", "Australian", "Cochrane", "Pediatric",
)  # fmt: skip
_ORG_TOPIC = (
    "Hematology", "Haematology", "Health", "Medicine", "Thrombosis and Haemostasis", "Oncology",
    "Blood Transfusion", "Pediatrics", "Clinical Excellence", "Public Health", "Cardiology",
    "Drug Safety", "Immunology", "Rare Diseases", "Statistics", "Research",
)  # fmt: skip
_ORG_FR = (
    "Haute Autorité de Santé", "Agence nationale de sécurité du médicament",
    "Société française d'hématologie", "Centre de référence des cytopénies auto-immunes",
    "Institut national du cancer", "Ministère des Solidarités et de la Santé", "Santé publique France",
    "Assistance Publique – Hôpitaux de Paris",
    "Collège national des enseignants", "Groupe d'étude des thromboses",
)  # fmt: skip


def corporate_name(rng: random.Random) -> str:
    """An invented organisation name of the usual shapes ("The European Society of Oncology")."""
    r = rng.random()
    if r < 0.25:
        return rng.choice(_ORG_FR)
    adj, head, topic = rng.choice(_ORG_ADJ), rng.choice(_ORG_HEADS), rng.choice(_ORG_TOPIC)
    if r < 0.55:
        name = f"{adj} {head} of {topic}" if head not in ("Investigators",) else f"{adj} {topic} {head}"
    elif r < 0.75:
        name = f"{topic} {head}"
    else:
        acronym = "".join(w[0] for w in f"{adj} {topic}".split() if w[0].isupper())
        name = f"{acronym} {head}" if len(acronym) > 1 else f"{adj} {head}"
    return ("The " if rng.random() < 0.3 else "") + name


_PUBLISHERS = (
    ("Elsevier", "Philadelphia"), ("Springer", "Berlin"), ("Wiley-Blackwell", "Oxford"), ("Masson", "Paris"),
    ("Lippincott Williams & Wilkins", "Philadelphia"), ("Oxford University Press", "Oxford"),
    ("John Libbey Eurotext", "Montrouge"), ("Karger", "Basel"), ("Thieme", "Stuttgart"),
    ("CRC Press", "Boca Raton"),
    ("Academic Press", "San Diego"), ("Médecine Sciences Publications", "Paris"), ("McGraw-Hill", "New York"),
    ("Cambridge University Press", "Cambridge"), ("Doin", "Rueil-Malmaison"), ("Humana Press", "Totowa, NJ"),
)  # fmt: skip
CHAPTER_SHARE = 0.05
"""Share of journal examples turned into book chapters (editors, book title, publisher, place)."""

JOURNAL_SWAP = 0.08
"""Share of examples whose journal is replaced by a spelling of the curated journal table, so that
the gazetteer features (``kb.parse.gazetteer``) are seen on journals in training."""


YEAR_IN_TITLE = 0.14
"""Share of examples with a year inside the title: an organisation's dated guideline at the start
("The American Society of Hematology 2011 evidence-based practice guideline for ..."), a question
or an update at the end ("... in 2019?", ": 2020 update"), or a year in the middle."""

YEARLIKE_PAGES = 0.06
"""Share of examples whose pages are renumbered into the range of years ("(1986) 1868-72", "1999;
89:1866"), so that a first page after the date is not read as a second date (drawn by the example's second
generator, ``kb.parse.synth.example_rng(..., stream="pages")``, so its other draws stay as they were)."""

WORDLIKE_SURNAME = 0.04
"""Share of examples whose first author's family name is one that is also a journal-title word or
abbreviation ("Cid", "Blood", "Cell"), so that a name is not read as the start of a journal."""

_GUIDELINE_PHRASES = (
    "evidence-based practice guideline for", "guidelines for", "guidelines on",
    "clinical practice guideline on", "consensus recommendations for", "update of the",
    "recommendations on", "classification of", "international consensus report on",
    "focused update on", "position statement on",
)  # fmt: skip


def vary_fields(
    f: dict,
    rng: random.Random,
    journals: list[str] | None = None,
    editors: list[dict] | None = None,
    surnames: list[str] | None = None,
) -> dict:
    """A copy of the fields with some content-level variation (``journals``: spellings to swap in;
    ``editors``: names to edit a book with, when a journal example is turned into a chapter;
    ``surnames``: family names that are also journal words, given to some first authors)."""
    f = type(f)(f)
    if editors and f.get("journal") and not f.get("publisher") and rng.random() < CHAPTER_SHARE:
        f["editor"] = [dict(n) for n in editors[: rng.randint(1, 3)] if "literal" not in n] or editors[:1]
        f["publisher"], place = rng.choice(_PUBLISHERS)
        if rng.random() < 0.7:
            f["location"] = place
        for key in ("volume", "issue", "doi"):
            f.pop(key, None)
        return f
    if journals and f.get("journal") and not f.get("publisher") and rng.random() < JOURNAL_SWAP:
        f["journal"] = rng.choice(journals)
    r = rng.random()
    if r < 0.05:
        f["author"] = [{"literal": corporate_name(rng)}]
    elif r < 0.08:
        f["author"] = [{"literal": corporate_name(rng)}, *f["author"][:3]]
    elif r < 0.08 + WORDLIKE_SURNAME and surnames and "literal" not in f["author"][0]:
        f["author"] = [{**f["author"][0], "family": rng.choice(surnames)}, *f["author"][1:]]
    if rng.random() < YEAR_IN_TITLE:
        words = f["title"].split()
        year = str(rng.randint(1990, 2024))
        where = rng.random()
        if where < 0.4:
            topic = f["title"][:1].lower() + f["title"][1:] if f["title"][1:2].islower() else f["title"]
            f["title"] = f"{corporate_name(rng)} {year} {rng.choice(_GUIDELINE_PHRASES)} {topic}"
        elif where < 0.55:
            f["title"] = f"{f['title'].rstrip('?.')} in {year}?"
        elif where < 0.65:
            f["title"] = f"{f['title'].rstrip('?.')}: {year} update"
        else:
            k = rng.randint(1, max(1, len(words) - 1))
            f["title"] = " ".join([*words[:k], year, *words[k:]])
    if f.get("doi") and rng.random() < 0.3:
        del f["doi"]
    if f.get("issue") and rng.random() < 0.15:
        del f["issue"]
    return f


def yearlike_pages(pages: str, year: str, rng: random.Random) -> str:
    """The pages moved to a first page between 1500 and 2049 (never the year), the end page written
    as the original wrote it (in full or cut to its last digits); e-locators are left as they are."""
    first, _, last = pages.partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        return pages
    start = rng.randint(1500, 2049)
    if str(start) == year:
        start += 1
    if not last:
        return str(start)
    full = len(last) >= len(first)
    span = int(last) - int(first) if full else rng.randint(1, 12)
    end = str(start + min(max(span, 1), 60))
    return f"{start}-{end if full else end[-len(last) :]}"


def _edit(segments: list[list[str]], label: str, fn) -> None:
    for seg in segments:
        if seg[0] == label:
            seg[1] = fn(seg[1])
            return


_ENDS = re.compile(r"([.,;:]?)(\s*)$")


def _add_et_al(text: str, phrase: str) -> str:
    m = re.search(r"[\s.,;:]*$", text)
    body, tail = text[: m.start()], text[m.start() :]
    if body.endswith("."):
        body = body[:-1]
    if phrase.endswith(".") and tail.startswith("."):
        tail = tail[1:]
    return f"{body}{phrase}{tail if tail.strip() else '. ' if tail else ''}"


def vary_segments(segments: list[list[str]], f: dict, rng: random.Random, french: bool) -> list[list[str]]:
    """Segments with reading-level noise; joining their texts gives the final example string."""
    segs = [list(s) for s in segments]
    for s in segs:
        s[1] = s[1].replace("\u2011", "-" if rng.random() < 0.7 else "–")
    has_etal = any(s[0] == "author" and re.search(r"\bet (?:al|coll)\b", s[1]) for s in segs)
    n_auth = len(f["author"])
    if not has_etal and n_auth >= 2 and "literal" not in f["author"][-1] and rng.random() < 0.25:
        phrase = rng.choice(
            [" et coll.", " et coll", ", et coll."]
            if french
            else [", et al.", " et al.", " et al", ", et al"]
        )
        _edit(segs, "author", lambda t: _add_et_al(t, phrase))
    elif has_etal and french and rng.random() < 0.6:
        _edit(segs, "author", lambda t: re.sub(r"\bet al\b", "et coll", t))
    if french and rng.random() < 0.4:
        _edit(segs, "author", lambda t: re.sub(r"(?<=\w-)([A-Z])(?=[a-z])", lambda m: m.group(1).lower(), t))
    if rng.random() < 0.15:
        _drop_period_after(segs, "title")
    if rng.random() < 0.1:
        _drop_period_after(segs, "journal")
    if rng.random() < 0.3:
        for s in segs:
            if s[0] == "pages":
                s[1] = s[1].replace("–", "-") if "–" in s[1] else s[1].replace("-", "–", 1)
    if rng.random() < 0.04:
        segs = _title_first(segs)
    if rng.random() < 0.04:
        segs.append(["other", " "])
        segs.append(
            ["note", rng.choice(["Epub ahead of print.", "[Epub ahead of print]", "Epub 2019 Mar 3."])]
        )
    if f.get("doi") and rng.random() < 0.1:
        _edit(segs, "doi", lambda t: re.sub(r"(?<=/)(?=\S{6})", " ", t, count=1) if "/" in t else t)
    if rng.random() < 0.12:
        label = rng.choice([f"{rng.randint(1, 90)}. ", f"[{rng.randint(1, 90)}] ", f"{rng.randint(1, 90)} "])
        segs.insert(0, ["other", _keyed(label, f)])
    _normalise_space(segs)
    return [s for s in segs if s[1]]


def _keyed(label: str, f: dict) -> str:
    """A third of the bracketed numbers become an alpha key (:func:`alpha_label`), chosen by the number."""
    if label[0] != "[" or int(label[1:-2]) % 3:
        return label
    return alpha_label(f, year=int(label[1:-2]) % 2 == 0)


def alpha_label(f: dict, year: bool = True) -> str:
    """The citation label of BibTeX's alpha styles (alpha, amsalpha; mathematics and computing): "[Knu84] "
    for one author, "[DJO89] " for two to four (the families' initials), "[DJK+89] " beyond; without the
    year, the initials of up to five authors ("[DJKMO] ", "[Kn] ")."""
    families = [re.sub(r"\W", "", a.get("family") or a.get("literal") or "") for a in f["author"]]
    families = [x for x in families if x] or ["X"]
    if not year:
        return f"[{''.join(x[0] for x in families[:5]) if len(families) > 1 else families[0][:2]}] "
    if len(families) == 1:
        return f"[{families[0][:3]}{f['year'][-2:]}] "
    more = "+" if len(families) > 4 else "".join(x[0] for x in families[3:4])
    return f"[{''.join(x[0] for x in families[:3])}{more}{f['year'][-2:]}] "


def _drop_period_after(segs: list[list[str]], label: str) -> None:
    for i, (lab, text) in enumerate(segs):
        if lab != label:
            continue
        if text.endswith("."):
            segs[i][1] = text[:-1]
        elif i + 1 < len(segs) and segs[i + 1][0] == "other" and segs[i + 1][1].lstrip().startswith("."):
            segs[i + 1][1] = segs[i + 1][1].replace(".", "", 1)
        return


def _title_first(segs: list[list[str]]) -> list[list[str]]:
    """Move the author list after the title ("Title. Authors. Journal ...")."""
    ia = next((i for i, s in enumerate(segs) if s[0] == "author"), None)
    it = next((i for i, s in enumerate(segs) if s[0] == "title"), None)
    if ia is None or it is None or ia > it:
        return segs
    rest = segs[ia + 1 : it]
    if any(s[0] != "other" or s[1].strip(" .,;:") for s in rest):
        return segs  # a date or a number between authors and title: leave the entry as it is
    author = segs[ia][1].rstrip(" .,(") + ". "
    title = segs[it][1].rstrip(" .,") + ". "
    after = segs[it + 1 :]
    while after and after[0][0] == "other" and not after[0][1].strip(" .,;:"):
        after = after[1:]
    return [*segs[:ia], ["title", title], ["author", author], *after]


def _normalise_space(segs: list[list[str]]) -> None:
    for i, s in enumerate(segs):
        s[1] = re.sub(r"\s+", " ", s[1])
        if i == 0:
            s[1] = s[1].lstrip()
    if segs:
        segs[-1][1] = segs[-1][1].rstrip()
    for i in range(1, len(segs)):
        if segs[i - 1][1].endswith(" ") and segs[i][1].startswith(" "):
            segs[i][1] = segs[i][1][1:]
