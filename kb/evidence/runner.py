"""Tag texts to JSON lines: the logic behind ``python -m kb.evidence`` (and ``kb tag``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from kb.evidence.tagger import tag_text
from kb.evidence.vocab import Vocabulary, load_vocabulary
from kb.progress import Progress


def run_tag(
    lines: Sequence[str],
    out: TextIO,
    vocab: Vocabulary | None = None,
    *,
    assume_itp: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write one JSON object per item of ``lines`` to ``out``, counted on ``progress``; return the exit
    status (0)."""
    vocab = vocab or load_vocabulary()
    with (progress or Progress()).stage("tag", total=len(lines), unit="texts") as step:
        for line in lines:
            result = tag_text(str(line).rstrip("\r\n"), vocab, assume_itp=assume_itp)
            out.write(json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
            step.advance()
    return 0


def input_text(data: bytes) -> str:
    """The text of the input of ``kb tag`` and ``kb results``: UTF-8, bad bytes replaced, NUL characters
    dropped."""
    return data.decode("utf-8", errors="replace").replace("\x00", "")


def split_lines(data: bytes) -> list[str]:
    """Decode ``data`` (:func:`input_text`) and split it on newlines; ``b""`` is one empty text."""
    lines = input_text(data).split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines
