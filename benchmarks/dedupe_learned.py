"""Compare the two weighings of the deduplication engine on benchmark sets: the stated evidence sum (the
default) and the learned logistic regression (``kb train --only dedupe``), everything else equal.

For each set (a directory with ``records.bib`` and ``gold.csv``), the engine runs twice in this process,
once per weighing; each clustering is written as CSV and scored by ``score_dedup.py --pred ... --notices
apart``. The learned weighing is adopted only if it is as good or better on every set at precision
0.998 or more (README, deduplication).

Usage: ``python benchmarks/dedupe_learned.py --shared ../shared [SET_DIR ...]`` (default: every set of
``../shared/data/dedup``).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_FIGURES_RE = re.compile(r"(precision|recall|F1)[ =]([0-9.]+)")


def clusters_csv(records_bib: Path, learned: bool) -> str:
    """The engine's clusters of ``records_bib`` as ``kb dedupe`` writes them, with the chosen weighing."""
    from kb.dedupe import dedupe, match
    from kb.dedupe.run import read_records, write_clusters

    match.LEARNED = learned
    try:
        result = dedupe(read_records(records_bib)[0].records)
    finally:
        match.LEARNED = False
    out = io.StringIO()
    write_clusters(result, "csv", out)
    return out.getvalue()


def main() -> None:
    """Score both weighings on each set and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--shared", type=Path, required=True)
    args = parser.parse_args()
    data = args.shared / "data" / "dedup"
    sets = args.sets or sorted(p for p in data.iterdir() if (p / "gold.csv").is_file())
    scorer = args.shared / "tools" / "score_dedup.py"
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in sets:
            for learned in (False, True):
                pred = Path(tmp) / f"{dataset.name}-{learned}.csv"
                pred.write_text(clusters_csv(dataset / "records.bib", learned), encoding="utf-8")
                done = subprocess.run(
                    [sys.executable, str(scorer), str(dataset), "--pred", str(pred), "--notices", "apart"],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                f = {k: float(v) for k, v in _FIGURES_RE.findall(done.stdout)}
                name = "learned" if learned else "rules"
                figures = f"P={f['precision']:.4f} R={f['recall']:.4f} F1={f['F1']:.4f}"
                print(f"{dataset.name:20} {name:8} {figures}", flush=True)


if __name__ == "__main__":
    main()
