"""Parse JSON with a depth bound: the one way input JSON (CSL-JSON exports) is decoded.

Python's decoder recurses once per level: a file of 100,000 nested brackets raises ``RecursionError``,
and a few hundred levels, decoded, still break every recursive walk after it. ``decode`` turns both into
one ``JsonDepthError`` (a ``ValueError``, like any other invalid JSON) and guarantees that what it
returns nests at most ``MAX_JSON_DEPTH`` levels.
"""

from __future__ import annotations

import json
from typing import Any

MAX_JSON_DEPTH = 64
"""Lists and objects nested in one another (a CSL-JSON item needs five)."""


class JsonDepthError(ValueError):
    """JSON nested deeper than ``MAX_JSON_DEPTH``."""

    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_JSON_DEPTH} levels deep")
        self.msg = str(self)


def depth(value: object, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep ``value`` nests (a scalar is 0, ``[]`` is 1), counted without recursion; stops counting
    once past ``limit``."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def checked(value: Any) -> Any:
    """``value`` itself, or ``JsonDepthError`` when it nests deeper than ``MAX_JSON_DEPTH``."""
    if depth(value) > MAX_JSON_DEPTH:
        raise JsonDepthError
    return value


def decode(text: str) -> Any:
    """``json.loads(text)`` with the depth bound; ``ValueError`` on invalid or too deep JSON."""
    try:
        return checked(json.loads(text))
    except RecursionError:
        raise JsonDepthError from None


def raw_decode(decoder: json.JSONDecoder, text: str, index: int) -> tuple[Any, int]:
    """``decoder.raw_decode(text, index)`` with the depth bound (an item of a JSON array read alone)."""
    try:
        item, end = decoder.raw_decode(text, index)
    except RecursionError:
        raise JsonDepthError from None
    return checked(item), end
