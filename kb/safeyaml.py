"""Read YAML with bounds: the one loader of every YAML file the build reads.

Sidecars, ``extract/decisions.yml``, the vocabularies, the journal table and ``metadata.yml`` are all
written by hand, so each can hold a typo or a hostile construct. ``yaml.safe_load`` alone lets through

- aliases, which expand a few hundred bytes into gigabytes (the "billion laughs");
- timestamps, whose constructor raises ``ValueError`` on ``2020-13-45``, ``2020-02-30`` or ``+25:00``;
- unhashable or complex keys (``? [a]: b``), tags such as ``!!binary`` or ``!!set`` whose values become
  bytes or sets, integers of thousands of digits, and nesting deep enough to exhaust the stack.

``load_yaml`` refuses aliases, counts nodes and nesting, caps the file size, leaves timestamps as the
strings they were written as (callers validate dates themselves, see ``iso_date``), accepts only
plain scalars, lists and mappings with scalar keys, and turns every failure into one ``YamlError``
carrying the line it happened at, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_YAML_BYTES = 2_000_000
"""The largest YAML file read (the biggest curated file is about 30 kB)."""
MAX_NODES = 1_000_000
"""Scalars, lists and mappings in one file (aliases are refused, so this also bounds memory)."""
MAX_DEPTH = 50
"""Lists and mappings nested in one another."""
MAX_SHOWN = 80
"""Characters of a bad value quoted in a message."""

_CORE_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class YamlError(ValueError):
    """A YAML file that cannot be read: ``message`` says what, ``line`` (1-based, 0 if unknown) where."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def shorten(value: object, limit: int = MAX_SHOWN) -> str:
    """``repr(value)`` cut to ``limit`` characters, for quoting a bad value in a one-line message."""
    text = " ".join(repr(value).split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def clip(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` on one line, cut to ``limit`` characters (an id or a name quoted in a message)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class BoundedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without aliases, timestamps or exotic tags, with node and depth budgets."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag in _CORE_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:  # type: ignore[override]
        """Compose one node, refusing aliases and counting nodes and nesting."""
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise YamlError(
                "aliases (*name) are not accepted; write the value out in full", event.start_mark.line + 1
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YamlError(f"more than {MAX_NODES} values; split the file", event.start_mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlError(f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """Construct one value; only the core tags, only scalar keys, every failure located."""
        if node.tag not in _CORE_TAGS:
            raise YamlError(f"the tag {shorten(node.tag)} is not accepted", node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            for key, _ in node.value:
                if not isinstance(key, ScalarNode):
                    raise YamlError(
                        "a key must be a plain value, not a list or a mapping", key.start_mark.line + 1
                    )
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            if isinstance(exc, YamlError):
                raise
            raise YamlError(f"bad value ({_one_line(exc)})", node.start_mark.line + 1) from exc


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else f"{text[:199]}…"


@dataclass(frozen=True)
class YamlDocument:
    """A YAML file read: its value and its node tree (for the line of each item)."""

    data: Any
    node: Node | None


def parse_yaml(text: str) -> YamlDocument:
    """Parse ``text`` with the bounds above; raise ``YamlError`` (with a line) on anything refused."""
    loader = None
    try:
        loader = BoundedLoader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(part for part in (exc.context, exc.problem) if part) or _one_line(exc)
        raise YamlError(_one_line(ValueError(what)), mark.line + 1 if mark else 0) from exc
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise YamlError(f"the character U+{exc.character:04X} is not allowed in YAML", line) from exc
    except yaml.YAMLError as exc:
        raise YamlError(_one_line(exc)) from exc
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(data, node)


def load_yaml(path: Path, max_bytes: int = MAX_YAML_BYTES) -> YamlDocument:
    """Read and parse the YAML file at ``path``; ``OSError`` if it cannot be opened, else ``YamlError``
    for a file too large, not UTF-8, or refused by ``parse_yaml``."""
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise YamlError(f"larger than {max_bytes:,} bytes; a YAML file of this project is far smaller")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError("not UTF-8 text; save it as UTF-8", line) from exc
    return parse_yaml(text)


ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def iso_date(value: object) -> str | None:
    """``value`` as an ISO 8601 date or date-time string if it is a valid one ("2020", "2020-02",
    "2020-02-29", "2020-02-29T10:00:00+01:00"), else ``None`` ("2020-13-45", "2020-02-30", "+25:00")."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    if ISO_DATE.fullmatch(text):
        year, month, day = [*text.split("-"), "01", "01"][:3]
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return text
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return text


def sequence_lines(node: Node | None, key: str) -> list[int]:
    """The 1-based line of each item of the list under ``key`` of a mapping node (``[]`` otherwise)."""
    if not isinstance(node, MappingNode):
        return []
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key and isinstance(v, SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []
