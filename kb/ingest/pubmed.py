"""Read PubMed MEDLINE exports (PubMed's "Save -> PubMed format", ``.nbib``) into records.

A MEDLINE file is a series of records separated by blank lines; each line is a tag padded to four
characters, ``- `` and a value, and continuation lines are indented by six spaces. Read here: PMID, TI,
AU, FAU, TA, JT, DP, VI, IP, PG, LID, AID, AB, PT (publication types), MH (MeSH terms), OT (keywords),
PMC, LA, IS. A record without a PMID or a title is still kept, with a problem.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kb.model import (
    EXTRA_ABSTRACT,
    EXTRA_ENTRY_TYPE,
    EXTRA_KEYWORDS,
    EXTRA_MESH,
    EXTRA_PUBLICATION_TYPES,
    Name,
    Problem,
    ProblemCode,
    ReadResult,
    Record,
    Reference,
)
from kb.patterns import ENGLISH_MONTHS, YEAR

TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- (.*)$")
CONTINUATION = re.compile(r"^ {2,6}(\S.*)$")
EXTRA_PMCID = "pmcid"
EXTRA_LANGUAGE = "language"
EXTRA_JOURNAL_FULL = "journal_full"
PUBLICATION_TYPES = {
    "Journal Article": "article-journal",
    "Review": "article-journal",
    "Letter": "article-journal",
    "Comment": "article-journal",
    "Editorial": "article-journal",
    "Published Erratum": "article-journal",
    "Congress": "paper-conference",
    "Book": "book",
    "Preprint": "article",
}
DATE = re.compile(rf"^(?P<year>{YEAR})(?:\s+(?P<month>[A-Za-z]{{3}})(?:\s+(?P<day>\d{{1,2}}))?)?")


def sniff_pubmed(text: str) -> bool:
    """True when ``text`` looks like a MEDLINE export: a ``PMID- `` tag line near the top."""
    head = text.lstrip("\ufeff\r\n ")[:2000]
    return bool(re.match(r"PMID- \d", head)) or bool(re.search(r"^PMID- \d+", head, re.MULTILINE))


def _records(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges (0-based, inclusive) of the records: runs of non-blank lines, and a new record at
    every ``PMID-`` line (two records without a blank line between them stay two records)."""
    ranges, start = [], None
    for i, line in enumerate([*lines, ""]):
        if start is not None and (not line.strip() or line.startswith("PMID-")):
            ranges.append((start, i - 1))
            start = None
        if line.strip() and start is None:
            start = i
    return ranges


def _fields(lines: list[str]) -> tuple[dict[str, list[str]], list[int]]:
    """Tag -> values of one record, and its lines (0-based) that are neither tag nor continuation."""
    fields: dict[str, list[str]] = defaultdict(list)
    stray: list[int] = []
    last: str | None = None
    for i, line in enumerate(lines):
        if m := TAG_LINE.match(line):
            last = m.group(1)
            fields[last].append(m.group(2).strip())
        elif (m := CONTINUATION.match(line)) and last is not None:
            fields[last][-1] = f"{fields[last][-1]} {m.group(1).strip()}"
        else:
            stray.append(i)
    return fields, stray


def _name(full: str, short: str) -> Name:
    if full and "," in full:
        family, given = (p.strip() for p in full.split(",", 1))
        return Name(family=family, given=given)
    if short:
        parts = short.rsplit(" ", 1)
        if len(parts) == 2 and parts[1].isupper():
            return Name(family=parts[0], given=parts[1])
        return Name(literal=short)
    return Name(literal=full)


def _identifier(values: list[str], kind: str) -> str:
    for value in values:
        m = re.match(rf"^(\S+)\s*\[{kind}\]$", value.strip())
        if m:
            return m.group(1)
    return ""


def record_from_fields(fields: dict[str, list[str]], path: str, line: int, raw: str) -> Record:
    """Build one record from its MEDLINE fields."""
    full, short = fields.get("FAU", []), fields.get("AU", [])
    names = [
        _name(full[i] if i < len(full) else "", short[i] if i < len(short) else "")
        for i in range(max(len(full), len(short)))
    ]
    names += [Name(literal=n) for n in fields.get("CN", [])]
    ref = Reference(authors=names, title=" ".join(fields.get("TI", [])).strip().rstrip("."))
    ref.journal = (fields.get("TA") or fields.get("JT") or [""])[0]
    if m := DATE.match((fields.get("DP") or [""])[0]):
        ref.year = m.group("year")
        month = (m.group("month") or "").lower()
        ref.month = str(ENGLISH_MONTHS[month]) if month in ENGLISH_MONTHS else ""
        ref.day = str(int(m.group("day"))) if m.group("day") and ref.month else ""
    ref.volume = (fields.get("VI") or [""])[0]
    ref.issue = (fields.get("IP") or [""])[0]
    identifiers = fields.get("LID", []) + fields.get("AID", [])
    ref.pages = (fields.get("PG") or [""])[0] or _identifier(identifiers, "pii")
    ref.doi = _identifier(identifiers, "doi")
    ref.pmid = (fields.get("PMID") or [""])[0]
    types = fields.get("PT", [])
    ref.type = next((PUBLICATION_TYPES[t] for t in types if t in PUBLICATION_TYPES), "article-journal")
    extra = {
        EXTRA_ABSTRACT: " ".join(fields.get("AB", [])),
        EXTRA_KEYWORDS: "; ".join(fields.get("OT", [])),
        EXTRA_MESH: "; ".join(fields.get("MH", [])),
        EXTRA_PUBLICATION_TYPES: "; ".join(types),
        EXTRA_PMCID: (fields.get("PMC") or [""])[0],
        EXTRA_LANGUAGE: "; ".join(fields.get("LA", [])),
        EXTRA_JOURNAL_FULL: (fields.get("JT") or [""])[0],
        EXTRA_ENTRY_TYPE: "; ".join(types),
    }
    record_id = ref.pmid or f"line{line}"
    return Record(record_id, ref, {k: v for k, v in extra.items() if v}, path, line, raw)


def read_pubmed_string(text: str, path: str = "<string>") -> ReadResult:
    """Read every record of a MEDLINE export; lines that fit no tag are reported, never dropped."""
    lines = text.split("\n")  # the document's own lines (splitlines would also cut at \x0c or U+2028)
    result = ReadResult()
    seen: dict[str, int] = {}
    for first, last in _records(lines):
        block = lines[first : last + 1]
        fields, stray = _fields(block)
        raw = "\n".join(block)
        if not fields:
            result.problems.append(
                Problem(
                    ProblemCode.UNPARSED,
                    f"{path}:{first + 1}-{last + 1}: text without MEDLINE tags "
                    '("TAG - value"); kept verbatim.',
                    path,
                    first + 1,
                    last + 1,
                    raw,
                )
            )
            continue
        record = record_from_fields(fields, path, first + 1, raw)
        if record.id in seen:
            seen[record.id] += 1
            record = Record(
                f"{record.id}#{seen[record.id]}", record.reference, record.extra, path, first + 1, raw
            )
        else:
            seen[record.id] = 1
        result.records.append(record)
        for i in stray:
            result.problems.append(
                Problem(
                    ProblemCode.UNPARSED,
                    f"{path}:{first + i + 1}: line inside record {record.id} has no MEDLINE tag; "
                    "kept verbatim.",
                    path,
                    first + i + 1,
                    first + i + 1,
                    block[i],
                )
            )
    return result
