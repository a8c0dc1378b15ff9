"""The tagged-export base: cut a file of ``TAG value`` lines into records, with their lines.

Web of Science plain text (``TI Title``), Ovid (``TI  - Title``), Cochrane's tagged form (``TI: Title``),
EndNote refer (``%T Title``) and MEDLINE-like exports (``TI  - Title``) differ only in how a tag line looks,
how a value continues on the next line, and what opens or closes a record. A :class:`TaggedSyntax` says
that; :func:`split_tagged` does the rest once for all of them: each record keeps its first and last line,
its verbatim text and the lines that fit neither a tag nor a continuation, and text outside every record is
returned too, so that a reader can report it instead of dropping it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kb.ingest.fields import build_record
from kb.model import Problem, ProblemCode, ReadResult, Record


@dataclass(frozen=True)
class TaggedSyntax:
    """How one tagged format writes its records."""

    tag: re.Pattern[str]
    """A field line: group 1 is the tag, group 2 the value."""
    continuation: re.Pattern[str] | None = None
    """A line continuing the previous field's value (group 1), usually by its indentation."""
    start_tags: frozenset[str] = frozenset()
    """Tags that open a new record when the current one already has fields (``PT``, ``%0``)."""
    end_tags: frozenset[str] = frozenset()
    """Tags that close a record (``ER``)."""
    blank_ends: bool = True
    """A blank line closes the current record."""
    loose: bool = False
    """Inside a record, a line that is no tag continues the last value (Ovid's unindented abstracts)."""
    separator: re.Pattern[str] | None = None
    """A line that opens a record without being a field (Ovid ``<2. >``, Cochrane ``Record #2 of 9``)."""
    skip: re.Pattern[str] | None = None
    """File-level lines that belong to no record (``FN Clarivate...``, ``VR 1.0``, ``EF``)."""
    joiner: str = " "
    """How a continuation is joined to its value."""
    list_tags: frozenset[str] = frozenset()
    """Tags whose continuation lines are further values (WoS ``AU``: one author per line)."""


@dataclass
class TaggedBlock:
    """One record of a tagged file: tag -> values, 1-based first and last line, text, stray lines."""

    line: int
    end: int = 0
    lines: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stray: list[int] = field(default_factory=list)
    closed: bool = False
    """Ended by one of the syntax's end tags."""

    @property
    def raw(self) -> str:
        """The record's verbatim text."""
        return "\n".join(self.lines)


@dataclass
class TaggedSplit:
    """The records of a tagged file and its non-blank lines outside every record (1-based)."""

    blocks: list[TaggedBlock] = field(default_factory=list)
    outside: list[int] = field(default_factory=list)


def split_tagged(text: str, syntax: TaggedSyntax) -> TaggedSplit:
    """Cut ``text`` into records as ``syntax`` says; nothing is dropped (see :class:`TaggedSplit`)."""
    result = TaggedSplit()
    current: TaggedBlock | None = None
    last_tag: str | None = None
    lines = text.lstrip("\ufeff").split("\n")

    def close(block: TaggedBlock | None) -> None:
        if block is not None and (block.fields or block.stray):
            while block.lines and not block.lines[-1].strip():
                block.lines.pop()
            block.end = block.line + len(block.lines) - 1
            result.blocks.append(block)

    for number, line in enumerate(lines, start=1):
        stripped = line.rstrip()
        if not stripped.strip():
            if current is not None and syntax.blank_ends and current.fields:
                close(current)
                current, last_tag = None, None
            elif current is not None:
                current.lines.append(stripped)
            continue
        if syntax.separator is not None and syntax.separator.match(stripped):
            close(current)
            current, last_tag = TaggedBlock(number, lines=[stripped]), None
            continue
        if syntax.skip is not None and syntax.skip.match(stripped):
            close(current)
            current, last_tag = None, None
            continue
        match = syntax.tag.match(stripped)
        if match:
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag in syntax.end_tags:
                if current is None:
                    result.outside.append(number)
                    continue
                current.lines.append(stripped)
                current.closed = True
                close(current)
                current, last_tag = None, None
                continue
            if current is not None and tag in syntax.start_tags and current.fields:
                close(current)
                current = None
            if current is None:
                current = TaggedBlock(number)
            current.lines.append(stripped)
            current.fields[tag].append(value)
            last_tag = tag
            continue
        cont = syntax.continuation.match(line) if syntax.continuation is not None else None
        if current is not None and last_tag is not None and (cont or syntax.loose):
            addition = (cont.group(1) if cont else stripped).strip()
            values = current.fields[last_tag]
            if last_tag in syntax.list_tags:
                values.append(addition)
            else:
                values[-1] = f"{values[-1]}{syntax.joiner}{addition}" if values[-1] else addition
            current.lines.append(stripped)
        elif current is not None:
            current.lines.append(stripped)
            current.stray.append(number)
        else:
            result.outside.append(number)
    close(current)
    return result


def outside_problem(split: TaggedSplit, lines: list[str], path: str, what: str) -> list[Problem]:
    """``not_a_reference`` problems for runs of text outside every record (kept verbatim)."""
    problems: list[Problem] = []
    run: list[int] = []
    for number in [*split.outside, -1]:
        if run and (number != run[-1] + 1):
            raw = "\n".join(lines[i - 1] for i in run)
            message = f"text outside any {what} record (lines {run[0]}-{run[-1]}) was not read as a record"
            problems.append(Problem(ProblemCode.NOT_A_REFERENCE, message, path, run[0], run[-1], raw))
            run = []
        if number > 0:
            run.append(number)
    return problems


def stray_problems(block: TaggedBlock, record_id: str, path: str, what: str) -> list[Problem]:
    """``unparsed`` problems for the lines of a record that fit no tag (kept verbatim)."""
    return [
        Problem(
            ProblemCode.UNPARSED,
            f"{path}:{n}: line inside {what} record {record_id} has no tag; kept verbatim.",
            path,
            n,
            n,
            block.lines[n - block.line],
        )
        for n in block.stray
    ]


@dataclass(frozen=True)
class TaggedFormat:
    """A tagged export: its syntax, its tag -> field map (:mod:`kb.ingest.fields` names) and its name."""

    name: str
    """Shown in problems ("Web of Science")."""
    prefix: str
    """Starts the id of a record that carries none."""
    syntax: TaggedSyntax
    tags: dict[str, str]
    split: dict[str, str] = field(default_factory=dict)
    """Tags whose one value packs several (tag -> separator: WoS ``DE`` -> ``;``)."""
    type_tag: str = ""
    """The tag holding the source's own record type (``PT``, ``%0``)."""
    needs_end: bool = False
    """A record must be closed by an end tag; one that is not is reported ``truncated``."""


def map_tags(fields: dict[str, list[str]], fmt: TaggedFormat) -> dict[str, list[str]]:
    """The record's values under the reader-neutral field names (several tags may feed one field)."""
    mapped: dict[str, list[str]] = defaultdict(list)
    for tag, values in fields.items():
        name = fmt.tags.get(tag)
        if name is None:
            continue
        separator = fmt.split.get(tag)
        for value in values:
            if separator:
                mapped[name].extend(p.strip() for p in value.split(separator) if p.strip())
            elif value.strip():
                mapped[name].append(value.strip())
    return mapped


def unique_id(record: Record, seen: dict[str, int]) -> Record:
    """``record``, renamed ``ID#2`` (``#3``...) when its id was already used in the same file."""
    if record.id not in seen:
        seen[record.id] = 1
        return record
    seen[record.id] += 1
    new_id = f"{record.id}#{seen[record.id]}"
    return Record(new_id, record.reference, record.extra, record.path, record.line, record.raw)


def read_tagged(
    text: str,
    path: str,
    fmt: TaggedFormat,
    adjust: Callable[[dict[str, list[str]], TaggedBlock], None] | None = None,
) -> ReadResult:
    """Read every record of a tagged export: stray lines, text outside records and records without their
    end tag are problems, never dropped. ``adjust`` may refine the mapped fields of a record."""
    split = split_tagged(text, fmt.syntax)
    lines = text.lstrip("\ufeff").split("\n")
    result = ReadResult()
    seen: dict[str, int] = {}
    for block in split.blocks:
        mapped = map_tags(block.fields, fmt)
        if adjust is not None:
            adjust(mapped, block)
        entry_type = (block.fields.get(fmt.type_tag) or [""])[0] if fmt.type_tag else ""
        record = unique_id(build_record(mapped, path, block.line, block.raw, fmt.prefix, entry_type), seen)
        result.records.append(record)
        if fmt.needs_end and not block.closed:
            message = (
                f"{fmt.name} record starting at line {block.line} has no end tag (it ends at line "
                f"{block.end}); it was read, but check that the export is complete"
            )
            result.problems.append(
                Problem(ProblemCode.TRUNCATED, message, path, block.line, block.end, block.raw)
            )
        result.problems += stray_problems(block, record.id, path, fmt.name)
    result.problems += outside_problem(split, lines, path, fmt.name)
    return result
