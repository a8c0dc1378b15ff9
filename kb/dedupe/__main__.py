"""``python -m kb.dedupe FILE... [--format csv|jsonl] [--maybe FILE] [--summary] [--strict] [--decisions F]
[--quiet]``.

Deduplicates bibliographic exports and prints one CSV row (or JSON line) per cluster of duplicates, with a
``merged_ids`` column of record ids joined by ``;`` and the file of each (``origins``). Exit codes: 0
success (unreadable files are reported and skipped), 1 usage error or no record at all, 2 with
``--strict`` when a file was skipped or an error-level problem met (see :mod:`kb.dedupe.run`).
"""

from __future__ import annotations

import argparse
import sys

from kb.dedupe.run import FORMATS, run_dedupe
from kb.progress import progress_for


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and call :func:`kb.dedupe.run.run_dedupe`."""
    parser = argparse.ArgumentParser(
        prog="python -m kb.dedupe",
        description="Find duplicate records in BibTeX and RIS files (format detected from content).",
        epilog="Exit codes: 0 success; 1 usage error or no record; 2 with --strict: some input had errors.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="exports (BibTeX, RIS, PubMed, WoS, ...)")
    parser.add_argument("--format", choices=FORMATS, default="csv", help="output format (default: csv)")
    parser.add_argument("--maybe", metavar="FILE", help="write the pairs left for review to FILE (CSV)")
    parser.add_argument("--summary", action="store_true", help="print PRISMA counts to stderr")
    parser.add_argument("--strict", action="store_true", help="exit 2 when some input had errors")
    parser.add_argument("--decisions", metavar="FILE", help="reviewer's same/different decisions (YAML)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress report on stderr")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors; our usage exit code is 1
        return 0 if exit_.code == 0 else 1
    progress = progress_for(sys.stderr, args.quiet)
    return run_dedupe(
        args.files,
        args.format,
        args.maybe,
        args.summary,
        sys.stdout,
        sys.stderr,
        args.strict,
        args.decisions,
        progress,
    )


if __name__ == "__main__":
    sys.exit(main())
