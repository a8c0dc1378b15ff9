"""Speed of the one list splitter (``kb.normalise.name_lists.split_author_list``): microseconds per list.

Reads every author and editor segment of the labelled references (``data/refparse/refparse.jsonl``,
about 21,000 lists as written in real reference strings), splits them all ``--repeat`` times and prints
the CPU time per list: the first pass (the splitter's caches empty, as at the start of ``kb parse``) and
the median of the passes after it.

    python benchmarks/names.py [--repeat 5]

The last line printed is the figure: ``us_per_list=NN.N first_pass_us=NN.N lists=N``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kb.normalise import name_lists, names

DATA = Path(__file__).resolve().parents[1] / "data" / "refparse" / "refparse.jsonl"


def author_lists(path: Path = DATA) -> list[str]:
    """The author and editor segments of every labelled reference, as written."""
    lists: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            for label, text in json.loads(line)["segments"]:
                if label in ("author", "editor"):
                    lists.append(text)
    return lists


def _clear_caches() -> None:
    """Empty the splitter's memo caches (of the list and of one name), as a fresh process has them."""
    for module in (name_lists, names):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def _one_pass(lists: list[str]) -> float:
    """CPU seconds to split every list once."""
    split = name_lists.split_author_list
    start = time.process_time()
    for text in lists:
        split(text)
    return time.process_time() - start


def main() -> None:
    """Print the microseconds per author list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes after the first (default 5)")
    args = parser.parse_args()
    lists = author_lists()
    _clear_caches()
    first = _one_pass(lists)
    warm = [_one_pass(lists) for _ in range(max(1, args.repeat))]
    per_list = statistics.median(warm) / len(lists) * 1e6
    print(f"us_per_list={per_list:.1f} first_pass_us={first / len(lists) * 1e6:.1f} lists={len(lists)}")


if __name__ == "__main__":
    main()
