"""The generated ``references/`` directory of the scale benchmark (``benchmarks/scale.py``): ``n`` references
in five formats, short citations in slide-like text, review cards and slide decks presented as studies (the
corpus its docstring describes), from the generators of ``benchmarks/dedupe.py`` and ``benchmarks/ingest.py``.
"""

from __future__ import annotations

import importlib.util
import json
import random
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any


def _bench_module(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (the directory is not a package) as ``bench_<name>``."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", Path(__file__).parent / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_dedupe = _bench_module("dedupe")
bench_ingest = _bench_module("ingest")

FRENCH_MONTHS = ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]
ACRONYMS = {"J Clin Invest": "JCI", "N Engl J Med": "NEJM", "Blood Adv": "Blood Advances"}
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
FORMAT_SHARES = (("hal", 0.35), ("bibtex", 0.2), ("ris", 0.15), ("pubmed", 0.15), ("csljson", 0.15))
SHORT_SHARE = 0.08
SLIDE_SENTENCES = [
    "Overall response {a}% (95% CI {b}-{c}) at {m} months, n = {n}",
    "Complete response in {k}/{n} patients ({a}%)",
    "Median time to response {m} days; relapse-free survival at 12 months {a}%",
    "HR {h} (95% IC 0.{b}-0.{c}) ; p=0.0{m}",
    "Grade 3-4 infections: {k} patients ({a}%)",
]


def _authors(row: dict[str, str]) -> list[tuple[str, str]]:
    """``(family, given)`` pairs of a generated row (``"Fam, James M."`` or ``"Fam, JM"`` joined by and)."""
    out = []
    for part in row.get("author", "").split(" and "):
        family, _, given = part.partition(", ")
        out.append((family.strip(), given.strip()))
    return out


def _initials(given: str) -> str:
    """``"James M."`` or ``"JM"`` as ``"J. M."``."""
    if given.isupper() and " " not in given:
        return " ".join(f"{c}." for c in given)
    return " ".join(f"{w[0]}." for w in given.split() if w)


def _pages(row: dict[str, str], rng: random.Random, dash: str = "-") -> str:
    pages = row.get("pages", "").replace("--", "-")
    if "-" in pages and rng.random() < 0.2:
        pages = pages.replace("-", "–")  # "1547–1554", as copied from a PDF
    return pages.replace("-", dash)


def hal_entry(row: dict[str, str], rng: random.Random) -> str:
    """A HAL-export reference-list entry, as in ``references/000_*.txt``."""
    names = [f"{_initials(g)} {f}".strip() for f, g in _authors(row)]
    if len(names) > 5:
        who = ", ".join(names[:5]) + " et al."
    elif len(names) > 1:
        who = ", ".join(names[:-1]) + ", and " + names[-1]
    else:
        who = names[0]
    journal = row.get("journal", "")
    if rng.random() < 0.6:
        month = rng.choice(FRENCH_MONTHS)
        day = f"{rng.randint(1, 28)} " if rng.random() < 0.3 else ""
        where = f"{journal}. {day}{month}"
    else:
        where = journal
    parts = [where]
    if row.get("volume"):
        parts.append(f"vol.{row['volume']}")
    if rng.random() < 0.6:
        parts.append(f"issue.{rng.randint(1, 24)}")
    if row.get("pages"):
        parts.append(f"pp.{_pages(row, rng)}")
    parts.append(row["year"])
    entry = f"{who}, {row['title']}, {', '.join(parts)}."
    if row.get("doi"):
        entry += f"\nDOI : {row['doi']}"
    if rng.random() < 0.15:
        entry += f"\nURL : https://hal.archives-ouvertes.fr/hal-{rng.randint(1000000, 3999999):08d}"
    return entry


def ris_record(row: dict[str, str]) -> str:
    """One RIS record."""
    lines = ["TY  - JOUR", f"ID  - {row['ID']}"]
    lines += [f"AU  - {f}, {g}" for f, g in _authors(row)]
    lines += [f"TI  - {row['title']}", f"JO  - {row.get('journal', '')}", f"PY  - {row['year']}"]
    if row.get("volume"):
        lines.append(f"VL  - {row['volume']}")
    first, _, last = row.get("pages", "").partition("--")
    if first:
        lines.append(f"SP  - {first}")
    if last:
        lines.append(f"EP  - {last}")
    if row.get("doi"):
        lines.append(f"DO  - {row['doi']}")
    return "\n".join([*lines, "ER  - "])


def medline_record(row: dict[str, str], pmid: int, rng: random.Random) -> str:
    """One PubMed MEDLINE record with a wrapped title and an abstract (words of ``benchmarks/ingest.py``)."""
    title = row["title"]
    abstract = " ".join(rng.choice(bench_ingest.WORDS) for _ in range(rng.randint(60, 200)))
    lines = [f"PMID- {pmid}", "OWN - NLM", "STAT- MEDLINE"]
    if row.get("volume"):
        lines.append(f"VI  - {row['volume']}")
    lines.append(f"DP  - {row['year']} {rng.choice(bench_ingest.MONTHS)}")
    lines.append(f"TI  - {title[:70]}")
    lines += [f"      {title[i : i + 70]}" for i in range(70, len(title), 70)]
    if row.get("pages"):
        lines.append(f"PG  - {row['pages'].replace('--', '-')}")
    lines.append(f"AB  - {abstract[:80]}")
    lines += [f"      {abstract[i : i + 80]}" for i in range(80, len(abstract), 80)]
    for family, given in _authors(row):
        compact = "".join(c for c in given if c.isupper())
        lines += [f"FAU - {family}, {given}", f"AU  - {family} {compact}"]
    lines += ["LA  - eng", "PT  - Journal Article", f"TA  - {row.get('journal', '')}",
              f"JT  - {row.get('journal', '')}", "MH  - Humans",
              "MH  - Purpura, Thrombocytopenic, Idiopathic/drug therapy"]  # fmt: skip
    if row.get("doi"):
        lines.append(f"LID - {row['doi']} [doi]")
    return "\n".join(lines)


def csl_item(row: dict[str, str]) -> dict[str, Any]:
    """One CSL-JSON item."""
    item: dict[str, Any] = {
        "id": row["ID"],
        "type": "article-journal",
        "author": [{"family": f, "given": g} for f, g in _authors(row)],
        "title": row["title"],
        "container-title": row.get("journal", ""),
        "issued": {"date-parts": [[int(row["year"])]]},
    }
    for key, field in (("volume", "volume"), ("page", "pages"), ("DOI", "doi")):
        if row.get(field):
            item[key] = row[field].replace("--", "-")
    return item


def short_citation(row: dict[str, str] | None, rng: random.Random, marker: int) -> str:
    """A short citation of ``row`` in one of the slide styles (``row`` None: one that cites nothing)."""
    if row is None:
        family, given, year = rng.choice(bench_dedupe.FAMILIES) + "x", "A", str(rng.randint(1950, 1989))
        journal = rng.choice(bench_dedupe.JOURNALS)[1]
    else:
        family, given = _authors(row)[0]
        year = row["year"]
        journal = next((a for f, a in bench_dedupe.JOURNALS if row.get("journal") in (f, a)), "Blood")
        journal = ACRONYMS.get(journal, journal) if rng.random() < 0.5 else journal
    style = rng.randrange(4)
    if style == 0:
        return f"{SUPERSCRIPTS[marker % 9]} {family} et al., *{journal}* {year}"
    if style == 1:
        return f"{family} et al., {journal} {year}"
    if style == 2:
        return f"Treatment was discussed ({family}, {year})."
    compact = "".join(c for c in given if c.isupper()) or given[:1]
    return f"{family} {compact}, et al. {journal} ({year})"


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SLIDE_SENTENCES)
    return template.format(a=rng.randint(10, 90), b=rng.randint(10, 40), c=rng.randint(41, 95),
                           m=rng.randint(1, 9), n=rng.randint(20, 400), k=rng.randint(1, 19),
                           h=f"0.{rng.randint(20, 95)}")  # fmt: skip


def slide_deck(rows: list[dict[str, str]], n_shorts: int, rng: random.Random) -> str:
    """Slide-like text: pages of a title, results lines and short citations; some pages repeated."""
    pages: list[str] = []
    made = 0
    while made < n_shorts:
        k = min(rng.randint(1, 3), n_shorts - made)
        lines = [f"Slide {len(pages) + 1}: " + " ".join(rng.sample(bench_dedupe.WORDS, 4))]
        lines += [_sentence(rng) for _ in range(rng.randint(1, 4))]
        for _ in range(k):
            lines.append(short_citation(rng.choice(rows) if rng.random() < 0.9 else None, rng, made))
            made += 1
        pages.append("\n".join(lines))
        if rng.random() < 0.1 and made + k <= n_shorts:  # a repeated slide: every mention kept
            pages.append(pages[-1])
            made += k
    return "\n\n".join(pages) + "\n"


def review_card(row: dict[str, str], rng: random.Random) -> str:
    """A review card: the reviewed article's header (title, authors line, DOI), then results text."""
    family, given = _authors(row)[0]
    journal = next((a for f, a in bench_dedupe.JOURNALS if row.get("journal") in (f, a)), "Blood")
    header = [row["title"].rstrip(".").replace(":", ","),
              f"{_initials(given)} {family} et al., {ACRONYMS.get(journal, journal)}, "
              f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{row['year']}"]  # fmt: skip
    if row.get("doi"):
        header.append(f"DOI: {row['doi']}")
    body = [_sentence(rng) for _ in range(rng.randint(8, 20))]
    return "\n".join(header) + "\n\n" + "\n".join(body) + "\n"


def _sidecar(title: str, kind: str, language: str, work: str = "") -> str:
    text = f'title: "{title}"\nkind: {kind}\nlanguage: {language}\ndate: ""\nauthors: []\nevent: ""\n'
    return text + (f"work:\n  type: {work}\n" if work else "")


def write_corpus(refs: Path, n: int, seed: int, per_file: int) -> dict[str, int]:
    """Write ``n`` references into ``refs`` (files and sidecars); return what was written, by kind."""
    rng = random.Random(seed)
    n_shorts = round(n * SHORT_SHARE)
    n_cards = max(1, n // 1000)
    rows, truth = bench_dedupe.make_corpus(n - n_shorts - n_cards, seed)
    canonical = {i: c[0] for c in truth for i in c}
    by_format: dict[str, list[dict[str, str]]] = {name: [] for name, _ in FORMAT_SHARES}
    names, weights = zip(*FORMAT_SHARES, strict=True)
    for row in rows:
        by_format[rng.choices(names, weights)[0]].append(row)
    counts: Counter[str] = Counter()
    for fmt, chunk_rows in by_format.items():
        for k in range(0, len(chunk_rows), per_file):
            chunk = chunk_rows[k : k + per_file]
            stem = f"{fmt}_{k // per_file:04d}"
            counts[fmt] += len(chunk)
            if fmt == "hal":
                text = "\n\n".join(hal_entry(r, rng) for r in chunk) + "\n"
                (refs / f"{stem}.txt").write_text(text, encoding="utf-8")
                sidecar = _sidecar(f"Thesis reference list {stem}", "reference-list", "fr")
                (refs / f"{stem}.yml").write_text(sidecar, encoding="utf-8")
                continue
            if fmt == "bibtex":
                name, text = f"{stem}.bib", bench_dedupe.to_bibtex(chunk)
            elif fmt == "ris":
                name, text = f"{stem}.ris", "\n\n".join(ris_record(r) for r in chunk) + "\n"
            elif fmt == "pubmed":
                records = [medline_record(r, 30_000_000 + int(canonical.get(r["ID"], r["ID"])[1:]), rng)
                           for r in chunk]  # fmt: skip
                name, text = f"{stem}.nbib", "\n\n".join(records) + "\n"
            else:
                name, text = f"{stem}.json", json.dumps([csl_item(r) for r in chunk], ensure_ascii=False)
            (refs / name).write_text(text, encoding="utf-8")
            sidecar = _sidecar(f"Export {stem}", "bibliography", "en")
            (refs / f"{stem}.yml").write_text(sidecar, encoding="utf-8")
    deck_size = max(1, per_file // 5)
    for k in range(0, n_shorts, deck_size):
        stem = f"slides_{k // deck_size:04d}"
        text = slide_deck(rows, min(deck_size, n_shorts - k), rng)
        (refs / f"{stem}.txt").write_text(text, encoding="utf-8")
        work = "speech" if (k // deck_size) % 10 == 0 else ""
        (refs / f"{stem}.yml").write_text(_sidecar(f"Slides {stem}", "slides", "en", work), encoding="utf-8")
        counts["short"] += min(deck_size, n_shorts - k)
    for k in range(n_cards):
        stem = f"card_{k:04d}"
        (refs / f"{stem}.txt").write_text(review_card(rng.choice(rows), rng), encoding="utf-8")
        (refs / f"{stem}.yml").write_text(_sidecar(f"Card {stem}", "review-card", "fr"), encoding="utf-8")
        counts["card"] += 1
    counts["files"] = sum(1 for p in refs.iterdir() if p.suffix != ".yml")
    counts["true_duplicate_clusters"] = len(truth)
    counts["bytes"] = sum(p.stat().st_size for p in refs.iterdir())
    return dict(counts)
