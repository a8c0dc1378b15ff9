"""Fuzz the reference parser: ``parse_reference`` must never raise, whatever the text.

    python benchmarks/fuzz_parse.py [--runs 20000] [--seed 1] [--max-len 2048] [--timeout 2]
                                    [--crashes DIR] [--engine auto|atheris|random]

Each input is decoded as UTF-8 (undecodable bytes replaced) and goes through

1. :func:`kb.parse.parse_reference` (the entry point of the pipeline),
2. :func:`kb.normalise.normalise_record` on the parsed reference (language ``fr`` or ``en`` from the
   input's first byte),
3. :func:`kb.parse.csl.to_csl` (and ``to_bibtex``) on the normalised reference, with the item
   serialised by ``json.dumps`` as the ``parse`` command does.

Any exception in any of them is a crash: it is recorded (one entry per exception type and place, with
the first input that raised it, saved under ``--crashes``) and the run goes on, so that one run lists
every distinct crash. An input that takes longer than ``--timeout`` seconds is a crash too (a hang:
``TimeoutError`` raised by a timer signal, which also interrupts a backtracking regular expression); the
slowest input is reported as well.

Engines: ``atheris`` (coverage-guided libFuzzer, ``pip install atheris``; ``kb.parse`` and
``kb.normalise`` are instrumented) runs ``--runs`` inputs from a seed corpus made of the lines of
``references/000_*.txt`` (the HAL reference list); ``random`` (used by ``auto`` when atheris cannot be
imported) runs the same number of inputs made by mutating those lines with random bytes, splices,
repetitions and hostile characters. Both print inputs/s and the crashes, and exit 1 when there was one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOSTILE = [
    "\x00", "\u202e", "\ufeff", "\u00a0", "\u2013", "\u2014", "ﬁ", "Ã©", "é", "e\u0301", "\\", "{", "}",
    "(", ")", "[", "]", "et al.", " and ", ", ", ". ", "vol.", "issue.", "pp.", "DOI : ", "URL : ",
    "10.1182/", "doi:", "http://", "janv", "déc", "1969", "2026", "-", "–", "..", ",,", "\n", "\r\n",
    "\t", "*", "¹", "'", '"', "<script>", "%", "$", "&", ";", ":", "  ", "A.", "É.", "9" * 30,
]  # fmt: skip


@dataclass
class Stats:
    """What one fuzzing run found."""

    inputs: int = 0
    started: float = field(default_factory=time.perf_counter)
    crashes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """``signature -> (input, traceback)`` of the first input that raised at that place."""
    slowest: tuple[float, str] = (0.0, "")
    crash_dir: Path | None = None

    def record(self, text: str, exc: BaseException) -> None:
        """Keep the first input of each distinct crash (exception type and innermost kb frame)."""
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/kb/" in f.filename] or frames
        place = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} {ours[-1].name}" if ours else "?"
        signature = f"{type(exc).__name__} at {place}"
        if signature in self.crashes:
            return
        self.crashes[signature] = (text, "".join(traceback.format_exception(exc)))
        if self.crash_dir:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            (self.crash_dir / f"crash-{digest}.txt").write_text(text, encoding="utf-8", errors="replace")
        print(f"CRASH {signature}: {text[:200]!r}", file=sys.stderr, flush=True)

    def report(self, engine: str) -> None:
        """Print inputs/s, the slowest input and every crash."""
        seconds = time.perf_counter() - self.started
        rate = self.inputs / seconds if seconds else 0.0
        print(f"\nengine: {engine}  inputs: {self.inputs}  seconds: {seconds:.1f}  inputs/s: {rate:.0f}")
        print(f"slowest input: {self.slowest[0] * 1000:.1f} ms, {len(self.slowest[1])} chars: "
              f"{self.slowest[1][:120]!r}")  # fmt: skip
        print(f"crashes: {len(self.crashes)}")
        for signature, (text, tb) in self.crashes.items():
            print(f"\n--- {signature}\ninput: {text[:500]!r}\n{tb}")
        sys.stdout.flush()


def targets() -> list[tuple[str, Callable[..., Any]]]:
    """The functions under test, in the order an input goes through them."""
    from kb.normalise import normalise_record
    from kb.parse import parse_reference
    from kb.parse.csl import to_bibtex, to_csl

    return [
        ("parse", parse_reference),
        ("normalise", normalise_record),
        ("to_csl", to_csl),
        ("to_bibtex", to_bibtex),
    ]


class Hang(TimeoutError):
    """An input took longer than the time limit."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang("the input took longer than the time limit (a hang)")


def make_one_input(stats: Stats, timeout: float) -> Callable[[bytes], None]:
    """The per-input function: parse, normalise, write as CSL-JSON; every exception is recorded."""
    funcs = dict(targets())
    # Not timed: the curated journal table and, for a journal outside it, pyiso4's LTWA (~2 s, once).
    for line in (seed_lines()[0], "A. Doe, A title, Journal of Unlisted Studies, vol.1, pp.1-2, 2020."):
        warm = funcs["normalise"](funcs["parse"](line))
        funcs["to_csl"](warm.reference)
    signal.signal(signal.SIGALRM, _alarm)

    def one_input(data: bytes) -> None:
        text = data.decode("utf-8", "replace")
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            ref = funcs["parse"](text)
            language = "fr" if data[:1] and data[0] % 2 else "en"
            norm = funcs["normalise"](ref, language=language)
            json.dumps(funcs["to_csl"](norm.reference), ensure_ascii=False)
            funcs["to_bibtex"](norm.reference, "key")
        except Exception as exc:  # a crash: recorded, the run goes on
            signal.setitimer(signal.ITIMER_REAL, 0)
            stats.record(text, exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        if elapsed > stats.slowest[0]:
            stats.slowest = (elapsed, text)
        stats.inputs += 1

    return one_input


def seed_lines() -> list[str]:
    """The non-blank lines of the seed reference lists (``references/000_*.txt``)."""
    lines: list[str] = []
    for path in sorted((ROOT / "references").glob("000_*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines or ["G. Moulis and L. Sailler, A title, Blood, vol.1, pp.1-2, 2014."]


def mutate(rng: random.Random, lines: list[str], max_len: int) -> bytes:
    """A seed line (or two spliced) with a few random edits: bytes, hostile pieces, repeats, cuts."""
    text = rng.choice(lines)
    if rng.random() < 0.2:
        other = rng.choice(lines)
        text = text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1) :]
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8")
        elif op == 2:
            data[at : at + rng.randint(1, 20)] = b""
        elif op == 3 and data:
            start = rng.randrange(len(data))
            piece = data[start : start + rng.randint(1, 30)]
            data[at:at] = piece * rng.randint(2, 60)
        elif op == 4:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            data[at:at] = rng.choice(HOSTILE).encode("utf-8") * rng.randint(2, 200)
    return bytes(data[:max_len])


def run_random(runs: int, seed: int, max_len: int, timeout: float, stats: Stats) -> None:
    """The fallback engine: ``runs`` mutated seed lines (the seeds themselves first)."""
    rng = random.Random(seed)
    lines = seed_lines()
    one_input = make_one_input(stats, timeout)
    for line in lines[:runs]:
        one_input(line.encode("utf-8"))
    for _ in range(max(0, runs - len(lines))):
        one_input(mutate(rng, lines, max_len))


def run_atheris(runs: int, seed: int, max_len: int, timeout: float, stats: Stats) -> None:
    """Coverage-guided fuzzing with atheris (libFuzzer) over a seed corpus of the HAL lines."""
    import atheris

    with atheris.instrument_imports(include=["kb.parse", "kb.normalise", "kb.patterns"]):
        import kb.normalise
        import kb.parse  # noqa: F401
    fuzz_one = make_one_input(stats, timeout)

    def one_input(data: bytes) -> None:
        # libFuzzer ends the process with exit() (no Python atexit): report after the last input here.
        fuzz_one(data)
        if stats.inputs >= runs:
            stats.report("atheris (libFuzzer, coverage-guided)")
            os._exit(1 if stats.crashes else 0)

    corpus = Path(tempfile.mkdtemp(prefix="kb-fuzz-corpus-"))
    for i, line in enumerate(seed_lines()):
        (corpus / f"seed_{i:04d}").write_text(line, encoding="utf-8")
    argv = [sys.argv[0], f"-runs={runs + 1}", f"-seed={seed}", f"-max_len={max_len}", "-timeout=0",
            "-rss_limit_mb=4096", "-print_final_stats=1", str(corpus)]  # fmt: skip
    atheris.Setup(argv, one_input)
    atheris.Fuzz()  # does not return: one_input ends the process after the last input


def main() -> None:
    """Parse the options and run the chosen engine."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20_000, help="number of inputs (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-len", type=int, default=2048, help="longest input in bytes")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds per input before it is a hang")
    parser.add_argument("--crashes", type=Path, help="write each crashing input into this directory")
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    args = parser.parse_args()
    stats = Stats(crash_dir=args.crashes)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            print("atheris is not installed: using the random-mutation engine", file=sys.stderr)
            engine = "random"
    if engine == "atheris":
        run_atheris(args.runs, args.seed, args.max_len, args.timeout, stats)
    else:
        run_random(args.runs, args.seed, args.max_len, args.timeout, stats)
        stats.report("random mutation of the seed lines")
        sys.exit(1 if stats.crashes else 0)


if __name__ == "__main__":
    main()
