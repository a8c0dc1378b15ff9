"""``python -m kb.evidence [FILE|-] --jsonl``: tag one text per input line, one JSON object per line out.

The logic is :func:`kb.evidence.runner.run_tag` (re-exported here), so ``kb tag`` can call it. Any input
line (empty, huge, binary garbage) gives exactly one object; an internal bug in the tagger still raises
(it is not swallowed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb.evidence.runner import run_tag, split_lines
from kb.evidence.vocab import load_vocabulary

__all__ = ["main", "run_tag"]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m kb.evidence",
        description="Tag one text per input line (interventions, outcomes, design, level) as JSON lines.",
    )
    parser.add_argument("file", nargs="?", default="-", help="input file, one text per line ('-': stdin)")
    parser.add_argument("--jsonl", action="store_true", help="write JSON lines (the only format)")
    parser.add_argument("--itp", action="store_true", help="the texts are known to be about ITP")
    parser.add_argument("--vocab", default=None, help="directory of the vocabulary files (default extract/)")
    args = parser.parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        vocab = load_vocabulary(args.vocab)
    except (OSError, ValueError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return run_tag(split_lines(data), sys.stdout, vocab, assume_itp=args.itp)


if __name__ == "__main__":
    raise SystemExit(main())
