"""Benchmark results extraction: abstracts per second, and a hostile-text check of linear time.

Generates ``--n`` structured trial abstracts (Background / Methods / Results / Conclusions, every
reporting style the extractor reads: effect estimates with CIs, percentages per arm, means ± SD, medians
with IQR, p values, sample sizes in digits and words) from a fixed seed, or repeats the abstracts of a
JSONL set given with ``--set`` (e.g. ``../shared/data/results/results_dev.jsonl``) until ``--n``. Prints the
time of :func:`kb.evidence.results.extract_text` (the part ``kb build`` and ``kb results`` share), of the
same with the vocabulary linking (``results_for_text`` over every abstract: the issue's figure, "10,000
abstracts in under 60 s"), and the time on hostile strings of growing length (each doubling should about
double the time). The generated abstracts are shorter (about 760 characters) than real ones (about 1,870
in the development set): give ``--set`` for the figure on real abstracts.

Usage: ``python benchmarks/results.py [--n 10000] [--set FILE] [--seed 1]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.evidence.results import extract_text, results_for_text  # noqa: E402
from kb.evidence.vocab import load_vocabulary  # noqa: E402

DRUGS = [
    "eltrombopag",
    "romiplostim",
    "rituximab",
    "placebo",
    "dexamethasone",
    "fostamatinib",
    "avatrombopag",
]
OUTCOMES = ["overall response", "complete response", "relapse", "bleeding events", "infections", "mortality"]
WORDS = ["Twenty-four", "Fifty-nine", "One hundred and twenty", "Thirty", "Eighty three"]


def _pct(rng: random.Random) -> str:
    return f"{rng.uniform(1, 95):.1f}%"


def abstract(rng: random.Random) -> str:
    """One generated abstract in CONSORT style."""
    a, b = rng.sample(DRUGS, 2)
    n = rng.randint(40, 900)
    hr = rng.uniform(0.2, 1.5)
    lo, hi = hr * rng.uniform(0.5, 0.9), hr * rng.uniform(1.1, 1.8)
    out = rng.choice(OUTCOMES)
    m1, m2, s1, s2 = (rng.uniform(20, 120), rng.uniform(20, 120), rng.uniform(5, 30), rng.uniform(5, 30))
    md, md_lo = rng.uniform(1, 20), rng.uniform(21, 40)
    lines = [
        f"BACKGROUND: {a.capitalize()} gave a response in {_pct(rng)} of patients in earlier studies.",
        f"METHODS: {rng.choice(WORDS)} adults aged 18 to 75 years were randomised to {a} 10 mg/day or "
        f"{b} for 12 weeks; the primary end point was {out} at 24 weeks (threshold ≥ 30%).",
        f"RESULTS: Of the {n} patients, {n // 2} received {a} and {n - n // 2} {b}. "
        f"{out.capitalize()} occurred in {_pct(rng)} vs. {_pct(rng)} (hazard ratio, {hr:.2f}; "
        f"95% confidence interval, {lo:.2f}–{hi:.2f}; P = 0.0{rng.randint(1, 9)}). "
        f"Mean platelet counts were {m1:.1f} ± {s1:.1f} and {m2:.1f} ± {s2:.1f} ×10^9/L; "
        f"the mean difference was −{md:.2f} (95% CI −{md_lo:.2f} to −0.{rng.randint(1, 9)}). "
        f"Median time to response was {rng.randint(5, 60)} days "
        f"(IQR {rng.randint(1, 4)}–{rng.randint(61, 90)}). "
        "Adverse events: 12/40 (30%) and 9/41 (22%) (P<.05 for both).",
        f"CONCLUSIONS: {a.capitalize()} improved {out} (OR 0·61 [95% CI: 0·31–1·22]).",
    ]
    return "\n".join(lines) + "\n"


def hostile(size: int) -> list[str]:
    """Strings built to make a backtracking pattern explode, each about ``size`` characters."""
    return [
        "95% CI " * (size // 7),
        "(" * size,
        "1, " * (size // 3),
        "HR " + "0.5 " * (size // 4),
        "patients " * (size // 9),
        "a" * size,
        "± " * (size // 2),
        "1-" * (size // 2),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of abstracts (default 10,000)")
    parser.add_argument("--set", type=Path, help="JSONL set whose texts are repeated instead of generated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.set:
        base = [
            json.loads(line)["text"] for line in args.set.read_text(encoding="utf-8").splitlines() if line
        ]
        texts = [base[i % len(base)] for i in range(args.n)]
        source = f"{args.set.name} repeated"
    else:
        rng = random.Random(args.seed)
        texts = [abstract(rng) for _ in range(args.n)]
        source = "generated"
    chars = sum(len(t) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(extract_text(t)) for t in texts)
    t1, c1 = time.perf_counter(), time.process_time()
    print(
        f"extract_text: {args.n:,} abstracts ({source}, {chars / args.n:,.0f} chars each), "
        f"{found:,} results, {t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU "
        f"({args.n / (c1 - c0):,.0f} abstracts per CPU second)"
    )
    vocab = load_vocabulary()
    results_for_text(texts[0], vocab)  # vocabulary matchers built once, outside the timing
    t2, c2 = time.perf_counter(), time.process_time()
    for t in texts:
        results_for_text(t, vocab)
    t3, c3 = time.perf_counter(), time.process_time()
    print(
        f"results_for_text (extraction + vocabulary linking, what `kb results` runs): {args.n:,} abstracts, "
        f"{t3 - t2:.1f} s wall, {c3 - c2:.1f} s CPU "
        f"({10_000 * (c3 - c2) / args.n:.1f} CPU s per 10,000 abstracts)"
    )
    for size in (20_000, 40_000, 80_000):
        c4 = time.process_time()
        for s in hostile(size):
            extract_text(s)
        print(f"hostile strings of {size:,} chars (8 kinds): {time.process_time() - c4:.2f} s CPU")
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
