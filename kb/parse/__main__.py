"""``python -m kb.parse [FILE|-] [--jsonl] [--format csl|bibtex] [--jobs N]``: one reference a line."""

from __future__ import annotations

import argparse
import io
import sys

from kb.parse.csl import FORMATS, binary_lines, run_parse
from kb.workers import default_jobs


def main(argv: list[str] | None = None) -> int:
    """Run the parser over a file (or standard input) and print CSL-JSON or BibTeX."""
    ap = argparse.ArgumentParser(prog="python -m kb.parse", description=__doc__)
    ap.add_argument("file", nargs="?", default="-", help="one reference per line; '-' for standard input")
    ap.add_argument("--jsonl", action="store_true", help="one CSL-JSON object per line instead of an array")
    ap.add_argument("--format", choices=FORMATS, default="csl")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per core, at most 4)")
    a = ap.parse_args(argv)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    if a.file == "-":
        code = run_parse(binary_lines(sys.stdin.buffer), a.jsonl, a.format, out, a.jobs or default_jobs())
    else:
        try:
            fh = open(a.file, "rb")  # noqa: SIM115
        except OSError as e:
            print(f"Error: cannot read {a.file}: {e.strerror}", file=sys.stderr)
            return 1
        with fh:
            code = run_parse(binary_lines(fh), a.jsonl, a.format, out, a.jobs or default_jobs())
    out.flush()
    out.detach()
    return code


if __name__ == "__main__":
    sys.exit(main())
