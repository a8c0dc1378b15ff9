"""Run ``kb dedupe`` and bib-dedupe side by side on benchmark sets with ``score_dedup.py --notices apart``.

Both tools run on each set in the same invocation, one after the other, so their seconds compare on the
same machine load. Prints one line per tool and set (precision, recall, pair F1, seconds) and a Markdown
table at the end for the README.

Usage: ``python benchmarks/dedupe_peer.py --shared ../shared --peer-python .venv-bd/bin/python
[--kb .venv/bin/kb] [SET ...]`` (``--peer-python`` is a Python with bib-dedupe and bibtexparser 2).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

_FIGURES_RE = re.compile(r"(precision|recall|F1|seconds)[ =]([0-9.]+)")


def score(scorer: Path, dataset: Path, cmd: str) -> dict[str, float]:
    """The figures ``score_dedup.py`` prints for one tool on one set."""
    done = subprocess.run(
        [sys.executable, str(scorer), str(dataset), "--notices", "apart", "--cmd", cmd],
        capture_output=True,
        text=True,
        check=False,
    )
    figures = {k: float(v) for k, v in _FIGURES_RE.findall(done.stdout)}
    if "F1" not in figures:
        raise SystemExit(f"{dataset.name}: scorer failed:\n{done.stdout}\n{done.stderr}")
    return figures


def main() -> None:
    """Score both tools on each set and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--peer-python", required=True)
    parser.add_argument("--kb", default=str(Path(sys.executable).parent / "kb"))
    parser.add_argument("--only", choices=("kb", "peer"), help="run one tool only")
    args = parser.parse_args()
    data = args.shared / "data" / "dedup"
    scorer = args.shared / "tools" / "score_dedup.py"
    tools = {
        "kb dedupe": f"{args.kb} dedupe {{input}} --format csv",
        "bib-dedupe 0.11": f"{args.peer_python} {args.shared / 'tools' / 'bibdedupe_cli.py'} {{input}}",
    }
    if args.only:
        tools = {
            k: v for k, v in tools.items() if k.startswith(args.only) or (args.only == "peer" and "bib" in k)
        }
    rows = []
    for name in args.sets or sorted(p.name for p in data.iterdir() if (p / "gold.csv").is_file()):
        for tool, cmd in tools.items():
            f = score(scorer, data / name, cmd)
            rows.append((name, tool, f))
            print(f"{name:20} {tool:16} P={f.get('precision', 0):.4f} R={f.get('recall', 0):.4f} "
                  f"F1={f['F1']:.4f} s={f.get('seconds', 0):.1f}", flush=True)  # fmt: skip
    print("\n| set | tool | precision | recall | pair F1 | seconds |\n|---|---|---|---|---|---|")
    for name, tool, f in rows:
        print(f"| {name} | {tool} | {f.get('precision', 0):.4f} | {f.get('recall', 0):.4f} | "
              f"{f['F1']:.4f} | {f.get('seconds', 0):.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
