"""Probe the deduplication engine on one work as five databases export it (combined noise, thousands of
pairs), and on the traps a reviewer meets; print recall and wrong merges per class.

The generators are ``tests/dedupe_works.py``, ``dedupe_fields.py``, ``dedupe_exports.py`` and
``dedupe_probe.py`` (works from ``data/refparse/refparse.jsonl``, rendered as MEDLINE, Embase, Web of
Science, Scopus and CENTRAL exports and read back by the project's readers). Per database pair and per
noise: pairs, share merged (recall), share sent to review; per trap: pairs, wrong merges, share sent to
review (a meeting abstract against its full paper is the trap ``abstract_and_paper``, each side from any of
the eleven exports). With ``--examples`` the first misses of each class are printed.

Usage: ``python benchmarks/dedupe_exports.py [--works 3000] [--rounds 3] [--seed 16] [--examples]``
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from dedupe_probe import Tally, probe  # noqa: E402
from dedupe_works import load_works  # noqa: E402


def _table(title: str, tallies: dict[str, Tally], trap: bool, examples: bool) -> None:
    print(f"\n| {title} | pairs | {'wrong merges' if trap else 'merged'} | review |")
    print("|---|---|---|---|")
    for name in sorted(tallies):
        t = tallies[name]
        merged = f"{t.merged}" if trap else f"{t.merged / t.pairs:.4f}"
        print(f"| {name} | {t.pairs} | {merged} | {t.maybe / t.pairs:.4f} |")
        if examples and (t.merged if trap else t.pairs - t.merged):
            for note in t.examples:
                print(f"    {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="pairs drawn per work (each with new noise)")
    parser.add_argument("--examples", action="store_true")
    args = parser.parse_args()
    pool = load_works()
    works = random.Random(args.seed).sample(pool, min(args.works, len(pool)))
    start = time.process_time()
    by_class, by_noise, traps = probe(works, args.seed, args.rounds)
    pairs = sum(t.pairs for t in by_class.values())
    merged = sum(t.merged for t in by_class.values())
    wrong = sum(t.merged for t in traps.values())
    trap_pairs = sum(t.pairs for t in traps.values())
    print(f"{len(works)} works of {len(pool)}; {pairs} duplicate pairs, recall {merged / pairs:.4f}; "
          f"{trap_pairs} trap pairs, {wrong} merged; {time.process_time() - start:.1f} s CPU")  # fmt: skip
    _table("database pair", by_class, False, args.examples)
    _table("noise", by_noise, False, args.examples)
    _table("trap", traps, True, args.examples)


if __name__ == "__main__":
    main()
