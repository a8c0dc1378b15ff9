"""How well the parser's field confidence points at its mistakes, threshold by threshold.

Usage: python benchmarks/parse_confidence.py SET.jsonl [SET.jsonl ...]

For every field the parser filled (authors, title, journal, year, volume, issue, pages) on the
labelled sets, compares its ``confidence`` with whether the field is right (the scorer's comparison,
``benchmarks/parse.py``). Prints, for each threshold, the share of fields flagged, the share of wrong
fields flagged (what a reviewer is shown) and the share of flagged fields that are wrong; then the
threshold in use (``kb.parse.confidence.LOW_CONFIDENCE``) and the area under the ROC curve: the chance
that a wrong field has a lower confidence than a right one.
"""

from __future__ import annotations

import bisect
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import from_csl, normalise  # type: ignore[import-not-found]

from kb.parse.confidence import LOW_CONFIDENCE
from kb.parse.csl import run_parse

SCORER_FIELD = {"authors": "authors", "title": "title", "journal": "journal", "year": "year",
                "volume": "volume", "issue": "issue", "pages": "first_page"}  # fmt: skip
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def observations(paths: list[str]) -> list[tuple[float, bool]]:
    """``(confidence, right)`` for every field the parser filled on the sets at ``paths``."""
    obs: list[tuple[float, bool]] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            gold = [json.loads(line) for line in fh if line.strip()]
        out = io.StringIO()
        run_parse([g["text"].replace("\n", " ") for g in gold], jsonl=True, fmt="csl", out=out)
        for g, line in zip(gold, out.getvalue().splitlines(), strict=True):
            item = json.loads(line)
            pred, want = normalise(from_csl(item)), normalise(g["gold"])
            for name, value in (item.get("confidence") or {}).items():
                key = SCORER_FIELD[name]
                if pred[key]:
                    obs.append((value, pred[key] == want[key]))
    return obs


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    paths = argv if argv is not None else sys.argv[1:]
    obs = observations(paths)
    wrong = sum(1 for _, ok in obs if not ok)
    print(f"fields: {len(obs)}  wrong: {wrong} ({100 * wrong / max(1, len(obs)):.1f}%)")
    print(f"{'threshold':>9s} {'flagged%':>9s} {'wrong_caught%':>14s} {'flag_precision%':>16s}")
    for t in THRESHOLDS:
        flagged = [ok for c, ok in obs if c < t]
        caught = sum(1 for ok in flagged if not ok)
        print(
            f"{t:9.2f} {100 * len(flagged) / max(1, len(obs)):9.1f} {100 * caught / max(1, wrong):14.1f} "
            f"{100 * caught / max(1, len(flagged)):16.1f}"
        )
    right = sorted(c for c, ok in obs if ok)
    ranked = sum(
        len(right)
        - bisect.bisect_right(right, c)
        + 0.5 * (bisect.bisect_right(right, c) - bisect.bisect_left(right, c))
        for c, ok in obs
        if not ok
    )
    auc = ranked / max(1, wrong * len(right))
    print(
        f"LOW_CONFIDENCE={LOW_CONFIDENCE} auc={auc:.3f} (chance a wrong field is less sure than a right one)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
