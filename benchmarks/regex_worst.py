"""Time every regular expression of ``kb`` on generated worst-case inputs and print how it grows.

    python benchmarks/regex_worst.py [--size 20000] [--top 15]

Every compiled pattern found at the top level of a ``kb`` module is run with ``search`` and ``findall``
(the ways input text meets them) on runs made of the pieces a reference is made of (capitals, initials,
"Family, I.", digits, years, punctuation, brackets, "et al", URLs...), each at ``size`` and at four
times ``size``. A linear pattern takes about four times longer on the larger input; a quadratic one
sixteen times. The slowest cases are printed with their growth exponent; exit 1 when one grows faster
than ``n ** 1.5`` and takes more than 50 ms on the larger input (a quadratic scan on input text); a
call that runs 10 s is stopped and counted as such.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIECES = [
    "A", "Ab", "AB", "A.", "A. ", "Abc ", "Abc, A. ", "A. Abc, ", "Abc A, ", "Abc AB, ", "van ", "Abc-",
    "A-", "A'", "O'B", "1", "12", "2016 ", "2016, ", "(", "((", "(A", "[1] ", "1. ", " ", "\t", ",", ", ",
    ".", ". ", "-", "–", ":", ";", "et al. ", "et ", "and ", "& ", "10.", "10.1/", "http://", "doi:",
    "vol.", "pp.", "1-", "é", "É", "\u00a0", "*", "a", "ab ", "Abc. ", "J ", "Blood ", "02.09.",
]  # fmt: skip


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern at the top level of a ``kb`` module (imported), with its name."""
    import kb

    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(kb.__path__, "kb."):
        if info.name.endswith("__main__") or ".datasette_plugin" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return sorted(found.values())


class Hang(Exception):
    """A pattern ran past the time limit on one input."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def timed(pattern: re.Pattern[str], text: str, limit: float = 10.0) -> float:
    """Seconds for ``search`` then ``findall`` over ``text``; ``limit`` when stopped there (a hang: the
    timer signal interrupts the regular expression engine)."""
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        pattern.search(text)
        pattern.findall(text)
    except Hang:
        return limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def main() -> None:
    """Run every pattern on every piece's run at two sizes; print the worst; exit 1 on a quadratic one."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=2_000, help="characters of the smaller input")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    results = []
    started = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    for name, pattern in patterns():
        for piece in PIECES:
            small = piece * (args.size // len(piece) + 1)
            large = small * 4
            t_small, t_large = timed(pattern, small), timed(pattern, large)
            exponent = math.log(max(t_large, 1e-6) / max(t_small, 1e-6), 4)
            results.append((t_large, exponent, name, piece))
            if t_large > 0.05 and exponent > 1.5:
                print(f"slow: {t_large:.3f} s, exponent {exponent:.2f}: {name} on {piece!r}", flush=True)
    results.sort(reverse=True)
    n_patterns = len({r[2] for r in results})
    print(f"{n_patterns} patterns x {len(PIECES)} inputs of {args.size:,} and {4 * args.size:,} characters "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    print(f"{'seconds (4x)':>12}  {'exponent':>8}  pattern  input")
    for t_large, exponent, name, piece in results[: args.top]:
        print(f"{t_large:12.3f}  {exponent:8.2f}  {name}  {piece!r}")
    bad = [r for r in results if r[0] > 0.05 and r[1] > 1.5]
    print(f"quadratic (exponent > 1.5 and over 50 ms): {len(bad)}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
