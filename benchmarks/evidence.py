"""Benchmark: evidence tagging against the hand-written gold of the seeds, and its speed on titles.

    python benchmarks/evidence.py [--gold tests/gold/evidence_links.yml]

Prints precision, recall and F1 per concept type, design accuracy, and titles tagged per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kb.evidence import evaluate, load_vocabulary, tag_text
from kb.evidence.metrics import load_gold, report

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "evidence_links.yml")
    args = parser.parse_args()
    vocab = load_vocabulary()
    records = load_gold(args.gold, ROOT)
    print(report(evaluate(records, vocab)))
    titles = [str(r.get("text", "")) for r in records if len(str(r.get("text", ""))) < 400] * 20
    start = time.perf_counter()
    for title in titles:
        tag_text(title, vocab)
    seconds = time.perf_counter() - start
    print(f"titles tagged: {len(titles)} in {seconds:.2f} s ({len(titles) / seconds:.0f} per second)")


if __name__ == "__main__":
    main()
