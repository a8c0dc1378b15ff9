"""``python -m kb.evidence [FILE|-] --jsonl``: the same command as ``kb tag --quiet`` (one text per input
line in, one JSON object per line out); kept as a module entry point for scripts that call it.

There is one implementation: the ``kb tag`` command of :mod:`kb.cli.text` (input reading, vocabulary
loading, error messages and exit codes), whose logic is :func:`kb.evidence.runner.run_tag`.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run ``kb tag --quiet`` with ``argv`` (default: the process's arguments); return its exit code."""
    from kb.cli.app import main as kb_main

    return kb_main(["tag", "--quiet", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())
