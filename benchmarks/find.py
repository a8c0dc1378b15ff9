"""Reference finder figures: held-out F1 by cross-validation over documents, and the scorer's run.

python benchmarks/find.py ../shared/data/refseg/refseg_dev.jsonl --folds 5
    trains both passes on 4/5 of the development documents (plus our own documents: the seeds,
    French layouts of seed 000, the synthetic lists and articles of kb.find.synth) and scores the
    held-out fifth, five times; prints precision, recall and F1 per source (GROBID reference
    sections, AnyStyle whole documents), matching as tools/score_segment.py does.
python benchmarks/find.py ../shared/data/refseg/refseg_dev.jsonl --folds 5 --draws 151 152 153
    the same, once for each draw of the synthetic documents (kb.find.synth's seed; 151 is the one
    the shipped models are trained on), then the mean and the range of each figure over the draws:
    how far the held-out figure moves with the synthetic draw alone. Give the draws before running,
    never pick one by its score.
python benchmarks/find.py ../shared/data/refseg/refseg_dev.jsonl --speed
    runs tools/score_segment.py with `kb find --jsonl {input}` (one process per document, start-up
    included) and prints its last line, the CPU time of all those processes (user + system, the scorer
    included) and the wall time. The package's bytecode is compiled first, as installing it does
    (pip compiles a wheel's modules; Python caches them on first import): with
    PYTHONDONTWRITEBYTECODE set and nothing cached, every process would recompile every module it
    imports, about 50 ms of start-up per document that no installed copy pays. Pass --no-compile to
    time that case too.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.find import ReferenceFinder  # noqa: E402
from kb.find.train import _from_text, _jsonl, own_documents, train_passes  # noqa: E402


def key(text: str) -> str:
    """The scorer's normalisation: NFKC, "-\\n" joined, whitespace removed, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).replace("-\n", "").split()).lower()


def cross_validate(
    refseg: Path, folds: int, seed: int, draw: int | None = None
) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per source over ``folds`` held-out folds of documents, with
    the synthetic documents of ``draw`` (default: kb.find.synth's seed)."""
    docs = list(_jsonl(refseg))
    prepared = [_from_text(d) for d in docs]
    extra = own_documents(draw=draw)
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    counts: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "f1.crfsuite", Path(tmp) / "f2.crfsuite"
        for fold in range(folds):
            held = set(order[fold::folds])
            train = [p for n, p in enumerate(prepared) if n not in held] + extra
            train_passes(train, first, second)
            finder = ReferenceFinder(first, second)
            for n in sorted(held):
                doc = docs[n]
                found = Counter(key(f.text) for f in finder.find(doc["text"].split("\n")))
                gold = Counter(key(r) for r in doc["refs"])
                c = counts.setdefault(doc["source"], [0, 0, 0])
                c[0] += sum((found & gold).values())
                c[1] += sum(found.values())
                c[2] += sum(gold.values())
            print(f"after fold {fold + 1}/{folds}:", file=sys.stderr)
            report({k: (v[0], v[1], v[2]) for k, v in counts.items()}, sys.stderr)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def scores(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def report(counts: dict[str, tuple[int, int, int]], out: TextIO = sys.stdout) -> None:
    """Print precision, recall and F1 per source."""
    for source, (tp, npred, ngold) in sorted(counts.items()):
        p, r, f1 = scores(tp, npred, ngold)
        line = f"{source:10} held-out precision {p:.4f} recall {r:.4f} F1 {f1:.4f} ({ngold} references)"
        print(line, file=out)


def report_spread(runs: dict[int, dict[str, tuple[int, int, int]]], out: TextIO = sys.stdout) -> None:
    """Print each draw's figures, then the mean and range of each over the draws, per source."""
    for draw, counts in runs.items():
        print(f"draw {draw}:", file=out)
        report(counts, out)
    for source in sorted({s for counts in runs.values() for s in counts}):
        figures = [scores(*counts[source]) for counts in runs.values() if source in counts]
        parts = []
        for name, values in zip(("precision", "recall", "F1"), zip(*figures, strict=True), strict=True):
            mean = sum(values) / len(values)
            parts.append(f"{name} {mean:.4f} ({min(values):.4f}-{max(values):.4f})")
        print(f"{source:10} over {len(figures)} draws: mean (range) " + ", ".join(parts), file=out)


def speed(refseg: Path, compile_first: bool = True) -> None:
    """Run the shared scorer over the whole set with `kb find`, one process per document."""
    if compile_first:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kb")], check=True)
        print("bytecode of kb/ compiled first (python -m compileall kb), as an installed package has it")
    scorer = refseg.parents[2] / "tools" / "score_segment.py"
    kb = Path(sys.executable).parent / "kb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(scorer), str(refseg), "--cmd", f"{kb} find --jsonl {{input}}"],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    print(result.stdout.strip())
    documents = sum(1 for _ in refseg.open())
    cpu = f"CPU {user + system:.1f} s (user {user:.1f} s, system {system:.1f} s)"
    print(f"{documents} documents: {cpu}, wall {wall:.1f} s")


def main() -> None:
    """Command line of the benchmark."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("refseg", type=Path, help="refseg_dev.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--draws", type=int, nargs="+", help="synthetic draws (kb.find.synth seeds) to run the folds with"
    )
    parser.add_argument("--speed", action="store_true", help="time the scorer's run instead")
    parser.add_argument(
        "--no-compile", action="store_true", help="with --speed: do not compile kb/'s bytecode first"
    )
    args = parser.parse_args()
    if args.speed:
        speed(args.refseg, not args.no_compile)
        return
    if args.draws:
        report_spread({d: cross_validate(args.refseg, args.folds, args.seed, d) for d in args.draws})
        return
    report(cross_validate(args.refseg, args.folds, args.seed))


if __name__ == "__main__":
    main()
