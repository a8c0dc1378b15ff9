"""Probe the deduplication engine on one work as five databases export it (combined noise, thousands of
pairs), and on the traps a reviewer meets; print recall and wrong merges per class.

The generators are ``tests/dedupe_works.py``, ``dedupe_fields.py``, ``dedupe_exports.py`` and
``dedupe_probe.py`` (works from ``data/refparse/refparse.jsonl``, rendered as MEDLINE, Embase, Web of
Science, Scopus and CENTRAL exports and read back by the project's readers). Per database pair and per
noise: pairs, share merged (recall), share sent to review; per trap: pairs, wrong merges, share sent to
review (a meeting abstract against its full paper is the trap ``abstract_and_paper``, each side from any of
the eleven exports). With ``--examples`` the first misses of each class are printed. With ``--as-bib`` the
same pairs are weighed a second time as a benchmark's ``records.bib`` gives them (``tests/dedupe_bib.py``:
every record flattened to the BibTeX fields of a reference manager, no record type, online date or
accession number) and both routes are printed side by side.

Usage: ``python benchmarks/dedupe_exports.py [--works 3000] [--rounds 3] [--seed 16] [--examples] [--as-bib]``
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


def _cell(t: Tally | None, trap: bool, share: str) -> str:
    if t is None:
        return "-"
    if share == "maybe":
        return f"{t.maybe / t.pairs:.4f}"
    return f"{t.merged}" if trap else f"{t.merged / t.pairs:.4f}"


def _table(title: str, routes: list[dict[str, Tally]], trap: bool, examples: bool) -> None:
    """One row per class: pairs, merged (wrong merges for a trap) and review share, for each route side by
    side (the native exports, then the benchmark's BibTeX)."""
    merged = "wrong merges" if trap else "merged"
    names = ["native", "bib"][: len(routes)] if len(routes) > 1 else [""]
    heads = [f"{merged} {n}".strip() for n in names] + [f"review {n}".strip() for n in names]
    print(f"\n| {title} | pairs | {' | '.join(heads)} |")
    print("|---" * (2 + len(heads)) + "|")
    for name in sorted(set().union(*routes)):
        tallies = [route.get(name) for route in routes]
        cells = [_cell(t, trap, "merged") for t in tallies] + [_cell(t, trap, "maybe") for t in tallies]
        pairs = next(t.pairs for t in tallies if t)
        print(f"| {name} | {pairs} | {' | '.join(cells)} |")
        for route, t in zip(names, tallies, strict=True):
            if examples and t and (t.merged if trap else t.pairs - t.merged):
                for note in t.examples:
                    print(f"    {route} {note}".rstrip() if route else f"    {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="pairs drawn per work (each with new noise)")
    parser.add_argument("--examples", action="store_true")
    help_bib = "also weigh every pair as a benchmark's BibTeX gives it; both routes side by side"
    parser.add_argument("--as-bib", action="store_true", help=help_bib)
    args = parser.parse_args()
    pool = load_works()
    works = random.Random(args.seed).sample(pool, min(args.works, len(pool)))
    results = []
    for bib in (False, True)[: 1 + args.as_bib]:
        start = time.process_time()
        by_class, by_noise, traps = probe(works, args.seed, args.rounds, bib)
        results.append((by_class, by_noise, traps))
        pairs = sum(t.pairs for t in by_class.values())
        merged = sum(t.merged for t in by_class.values())
        maybe = sum(t.maybe for t in by_class.values())
        wrong = sum(t.merged for t in traps.values())
        trap_pairs = sum(t.pairs for t in traps.values())
        route, seconds = "bib" if bib else "native", time.process_time() - start
        print(f"{route} route: {len(works)} works of {len(pool)}; {pairs} duplicate pairs, "
              f"recall {merged / pairs:.4f}, {maybe} to review, {pairs - merged - maybe} apart; "
              f"{trap_pairs} trap pairs, {wrong} merged; {seconds:.1f} s CPU")  # fmt: skip
    for i, (title, trap) in enumerate((("database pair", False), ("noise", False), ("trap", True))):
        _table(title, [result[i] for result in results], trap, args.examples)


if __name__ == "__main__":
    main()
