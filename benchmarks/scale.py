"""Scale benchmark: the whole build, stage by stage, on generated corpora of 1k, 10k and 100k references.

    python benchmarks/scale.py [--sizes 1000,10000,100000] [--seed 1] [--per-file 500]
                               [--keep DIR] [--json FILE] [--jobs N]

Each size runs in a fresh subprocess (so that the peak RSS, ``ru_maxrss``, is that size's), which writes a
realistic ``references/`` directory and then runs the build the way :func:`kb.pipeline.build` does, one
stage at a time, printing wall time, CPU time (user + system, of the build's process and of its worker
processes, ``--jobs``: as ``kb build``, one per core by default) and the process's peak RSS after each
stage (and the largest peak RSS of a worker). The parent prints the table and the growth exponent
``log(t2 / t1) / log(n2 / n1)`` of every stage and of the whole build between consecutive sizes (1.0 =
linear), on wall and on CPU time: the machine may be shared, so CPU time is the steadier figure.

The corpus (``n`` references in all), split across files of ``--per-file`` references with sidecars:

* full references from the generator of ``benchmarks/dedupe.py`` (about a quarter of the works with one
  to three variant copies: typos, case, abbreviated journal, missing DOI, "1547-54" page ranges, initials
  instead of given names, dropped subtitles), each written in one of five formats: HAL-style plain-text
  reference lists (like ``references/000_*.txt``: French months, ``vol.X, issue.Y, pp.A-B``, ``DOI :``
  continuation lines, "1547–1554" en dashes), BibTeX, RIS, PubMed MEDLINE (with abstracts, MeSH terms) and
  CSL-JSON;
* about 8 % short citations ("Mahévas et al., JCI 2013", "¹ Mahévas et al., *Blood* 2016",
  "(Greenwalt, 1992)", "Stanworth SJ, et al. Br J Haematol (2015)") in slide-like text files with
  passages between them and repeated slide pages; one in ten points at no full reference;
* one review card per 1,000 references (a reviewed article's header, then results text), and one slide
  deck in ten presented as a study (a sidecar ``work`` block), so that evidence linking reads documents.

Stages: those the build reports as it runs (``kb.progress``, the stage names ``kb build`` prints on
stderr): ``read`` (reading the files), ``parse`` (cutting, parsing and normalising every document; the
time inside cut_document, parse_reference and normalise_record is also given on its own), ``group``
(blocking, pair decisions, clusters, short-citation linking), ``enrich`` (cached lookups applied),
``rows`` (the main tables), ``evidence`` (tagging, results, ranks), ``graph`` (cites, PageRank,
co-citation and coupling pairs), ``write`` (SQLite, FTS5, ANALYZE). The build measured is
:func:`kb.pipeline.build` itself, with a reporter that records each stage.

Targets (issue 10): 100k references end to end in <= 10 min and <= 4 GB; growth exponent <= 1.15 between
10k and 100k. Nothing here asserts a time: the figures are printed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scale_corpus import write_corpus  # noqa: E402  (benchmarks/, the script's directory)

STAGES = ("read", "parse", "group", "enrich", "rows", "evidence", "graph", "write")
"""The stages the build reports (``kb.progress``), in the order ``kb.pipeline`` runs them."""
SUB_STAGES = ("cut_document", "parse_reference", "normalise_record")
"""Functions called inside the ``parse`` stage (``kb.citing``), timed on their own."""
COUNTED = ("duplicate_pairs", "review_queue", "work_interventions", "work_outcomes", "work_design", "results",
           "cites", "cocitations", "coupling")  # fmt: skip


def sqlite_counts(db: Path) -> dict[str, int]:
    """Rows of the tables the report counts."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in COUNTED}
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------ measuring


class Timer:
    """Wall and CPU seconds spent inside a wrapped function (for sub-stages called many times)."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self.calls = 0

    def wrap(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with its time added to this timer."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.wall += time.perf_counter() - start
                self.cpu += time.process_time() - cpu
                self.calls += 1

        return timed


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _recorder(figures: dict[str, Any]) -> Any:
    """A progress reporter of the build that records each stage's wall and CPU seconds and the peak RSS
    after it, and prints them: the stages timed are the build's own, as ``kb build`` runs them."""
    from kb.progress import Progress, Step

    class Recorder(Progress):
        def _started(self, step: Step) -> None:
            self.cpu = _cpu()

        def _ended(self, step: Step, elapsed: float) -> None:
            cpu = _cpu() - self.cpu
            figures["stages"][step.name] = {
                "wall": round(elapsed, 3), "cpu": round(cpu, 3), "peak_rss_mib": round(_peak_mib()),
            }  # fmt: skip
            print(f"  {step.name:<16} {elapsed:8.2f} s wall {cpu:8.2f} s CPU   peak RSS "
                  f"{_peak_mib():7.0f} MiB   {step.summary}", file=sys.stderr, flush=True)  # fmt: skip

    return Recorder(clock=time.perf_counter)


def run_one(n: int, seed: int, per_file: int, keep: Path | None, jobs: int) -> dict[str, Any]:
    """Generate ``n`` references and build them in this process (``kb.pipeline.build``) with ``jobs``
    worker processes; figures as a dict (the sub-stages of ``parse`` are timed only with one job: with
    more, they run in the workers)."""
    from kb import citing
    from kb.config import Config
    from kb.pipeline import build

    timers = {name: Timer() for name in SUB_STAGES}
    for name, timer in timers.items():
        setattr(citing, name, timer.wrap(getattr(citing, name)))

    tmp = Path(tempfile.mkdtemp(prefix="kb-scale-"))
    refs = tmp / "references"
    refs.mkdir()
    start = time.perf_counter()
    corpus = write_corpus(refs, n, seed, per_file)
    figures: dict[str, Any] = {"references": n, "corpus": corpus, "stages": {}}
    figures["generate_s"] = round(time.perf_counter() - start, 2)
    figures["rss_before_mib"] = round(_peak_mib())
    print(f"n={n}: generated {corpus} in {figures['generate_s']} s", file=sys.stderr, flush=True)

    config = Config(refs, tmp / "evidence.db", progress=_recorder(figures), jobs=jobs)
    figures["jobs"] = jobs
    start, cpu = time.perf_counter(), _cpu()
    summary = build(config)
    figures["total_wall"] = round(time.perf_counter() - start, 2)
    figures["total_cpu"] = round(_cpu() - cpu, 2)
    for label, timer in timers.items():
        figures["stages"]["parse"][label] = {
            "wall": round(timer.wall, 3),
            "cpu": round(timer.cpu, 3),
            "calls": timer.calls,
        }
    figures["peak_rss_mib"] = round(_peak_mib())
    figures["worker_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    figures["db_mib"] = round(config.db.stat().st_size / 2**20, 1)
    counts = sqlite_counts(config.db)
    figures["counts"] = {
        "documents": summary.documents, "citations": summary.citations, "works": summary.works,
        "passages": summary.passages, "problems": sum(summary.problems.values()),
        **counts,
    }  # fmt: skip
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copytree(refs, keep / f"references_{n}", dirs_exist_ok=True)
    shutil.rmtree(tmp, ignore_errors=True)
    return figures


# ----------------------------------------------------------------------------------------- reporting


def _exponent(a: float, b: float, na: int, nb: int) -> float:
    return math.log(max(b, 1e-3) / max(a, 1e-3)) / math.log(nb / na)


def report(results: list[dict[str, Any]]) -> None:
    """Print the per-stage table and the growth exponents between consecutive sizes."""
    sizes = [r["references"] for r in results]
    head = "stage".ljust(18) + "".join(f"{n:>28,}" for n in sizes)
    print("\n" + head + "\n" + " " * 18 + "".join(f"{'wall s':>10}{'CPU s':>9}{'RSS MiB':>9}" for _ in sizes))
    for stage in (*STAGES, *SUB_STAGES):
        cells = ""
        for r in results:
            s = r["stages"].get(stage) or r["stages"]["parse"].get(stage)
            rss = f"{s['peak_rss_mib']:>9}" if "peak_rss_mib" in s else " " * 9
            timed = s.get("calls", 1) > 0  # a sub-stage run in worker processes is not timed
            cells += f"{s['wall']:>10.2f}{s['cpu']:>9.2f}{rss}" if timed else f"{'(workers)':>28}"
        label = f"  ({stage})" if stage in SUB_STAGES else stage
        print(f"{label:<18}{cells}")
    ends = (f"{r['total_wall']:>10.2f}{r['total_cpu']:>9.2f}{r['peak_rss_mib']:>9}" for r in results)
    print(f"{'end to end':<18}" + "".join(ends))
    print(f"{'worker processes':<18}" + "".join(f"{r['jobs']:>28}" for r in results))
    print(f"{'worker peak RSS':<18}" + "".join(f"{r['worker_peak_rss_mib']:>24} MiB" for r in results))
    for a, b in itertools.pairwise(results):
        na, nb = a["references"], b["references"]
        print(f"\ngrowth exponent {na:,} -> {nb:,} (wall / CPU; 1.0 = linear):")
        for stage in STAGES:
            wa, wb = a["stages"][stage], b["stages"][stage]
            print(f"  {stage:<16} {_exponent(wa['wall'], wb['wall'], na, nb):5.2f} / "
                  f"{_exponent(wa['cpu'], wb['cpu'], na, nb):5.2f}")  # fmt: skip
        print(f"  {'end to end':<16} {_exponent(a['total_wall'], b['total_wall'], na, nb):5.2f} / "
              f"{_exponent(a['total_cpu'], b['total_cpu'], na, nb):5.2f}")  # fmt: skip
    for r in results:
        print(f"\n{r['references']:,}: {r['counts']}  database {r['db_mib']} MiB")


def main() -> None:
    """Run each size in a fresh subprocess, then print the table and the exponents."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated reference counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=500, help="references per generated file")
    parser.add_argument("--keep", type=Path, help="copy each generated references/ directory here")
    parser.add_argument("--json", type=Path, help="write the figures of every size to this file")
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes of the build (default 0: as kb build, one per core)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        from kb.workers import default_jobs

        print(json.dumps(run_one(args.one, args.seed, args.per_file, args.keep, args.jobs or default_jobs())))
        return
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed),
                   "--per-file", str(args.per_file), "--jobs", str(args.jobs)]  # fmt: skip
        command += ["--keep", str(args.keep)] if args.keep else []
        proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
    report(results)


if __name__ == "__main__":
    main()
