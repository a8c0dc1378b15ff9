"""Sections and sentences of a text, each with its character offsets.

A trial report names its parts: "ABSTRACT.RESULTS:" (Evidence Inference exports), "RESULTS:" inline in a
PubMed abstract, "Results" or "Résultats" alone on a line (review cards, slides), "Patients and methods",
"Conclusion(s)". :func:`split_sections` gives each part a *role*: ``title``, ``background`` (background,
introduction, objective, discussion: numbers there are other studies' or the design's), ``methods``,
``results``, ``conclusions``, ``other`` (trial registration, keywords) or ``unknown`` (a text with no
heading at all, read as results). :func:`split_sentences` cuts a section into sentences without cutting at
"vs.", "et al.", decimals ("0·31", "P=.05") or "Fig.".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kb.evidence.results.numbers import lead

BACKGROUND = "background"
METHODS = "methods"
RESULTS = "results"
CONCLUSIONS = "conclusions"
TITLE = "title"
OTHER = "other"
UNKNOWN = "unknown"
DISCUSSION = "discussion"

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (TITLE, r"title|titre"),
    (
        OTHER,
        r"trial registration|registration|clinical trial registration|keywords?|mots[- ]cl[ée]s|funding|"
        r"highlights?|abbreviations|references?|r[ée]f[ée]rences|key points"
        r"|what (?:this study adds|is already known(?: on this topic)?)|how this study might affect[a-z ,]*",
    ),
    (
        RESULTS,
        r"results?|r[ée]sultats?|findings|main results|key results|efficacy|safety|outcomes"
        r"|results? and discussion|methods and findings",
    ),
    (DISCUSSION, r"discussion|limitations?|study limitations|perspectives?|commentaires?|commentary"),
    (
        CONCLUSIONS,
        r"conclusions?(?: and relevance)?|interpretation|implications|conclusions? et perspectives",
    ),
    (
        METHODS,
        r"(?:patients?|materials?|subjects|participants)?\s*(?:and|&|et)?\s*m[ée]thods?|m[ée]thodes?|methodology"
        r"|research design and methods|design|design,? setting,? and participants|setting|participants"
        r"|patients|interventions?|main outcome measures?|main outcomes? and measures?|measurements"
        r"|study design|population"
        r"|design,? settings?,? participants,? (?:and )?(?:interventions?|measurements)"
        r"|patients et m[ée]thodes?|mat[ée]riels? et m[ée]thodes?"
        r"|animals|subjects|study (?:population|sample)",
    ),
    (
        BACKGROUND,
        r"background|introduction|contexte|context|objectives?|objectifs?|aims?(?: of the study)?|purpose"
        r"|rationale|importance|background and (?:objectives?|aims?)|but(?: de l'[ée]tude)?"
        r"|objectifs? de l'[ée]tude",
    ),
)
_ROLE_RES = [(role, re.compile(rf"(?:{words})", re.IGNORECASE)) for role, words in _ROLE_WORDS]

HEADING_LINE_RE = re.compile(
    r"(?m)^[ \t#*_>]*(?:ABSTRACT\.|TITLE\b)?(?P<name>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 ,/&'\u2013\u2014-]{1,60}?)"
    r"[ \t]*(?:[:.]+)?[ \t*_]*$"
)
"""A heading alone on its line ("Results", "ABSTRACT.RESULTS:", "## Méthodes")."""

INLINE_HEADING_RE = re.compile(
    # every heading starts at a line start, a space or tab, or a capital: the look-ahead fails at once at the
    # other places (a third of the time of this pattern on abstracts)
    r"(?:(?=[ \tA-ZÀ-Ý])|(?m:^))(?:"
    r"(?:^|(?<=[.!?:\s]))(?:ABSTRACT\.)?(?P<name>[A-Z][A-Z ,/&'-]{2,50}?)[ \t]*:{1,2}\.?(?=[ \t]|$)"
    r"|(?m:^)[ \t]*(?P<word>(?i:background|introduction|methods?|results?|conclusions?|findings"
    r"|objectives?|r[ée]sultats?|m[ée]thodes?|contexte|interpretation|discussion|design|setting|participants"
    r"|patients|interventions?|purpose|aims?|importance|main outcome measures?|objectifs?"
    r"|(?:patients?|materials?|subjects) and methods|design,? setting,? and participants))[ \t]*:"
    r"|(?:(?<=[.!?])[ \t]+|(?m:^)[ \t]*)"
    r"(?P<mid>[A-ZÀ-Ý][a-zà-ÿ]+(?:,?[ \t]+(?:and|et|[A-Za-zÀ-ÿ][a-zà-ÿ]+)){0,3}?)"
    r"[ \t]*:(?=[ \t])"
    r"|(?:(?<=[.!?])[ \t]+|(?m:^)[ \t]*)"
    r"(?P<dash>[A-ZÀ-Ý][a-zà-ÿ]+(?:[ \t]+(?:and|et|(?:[dl]')?[a-zà-ÿ]+)){0,3}?)\.?[ \t]*"
    r"[\u2013\u2014](?=[ \t])"
    r")"
)
"""A heading that starts a paragraph or follows a sentence: "RESULTS: Of the 410 ...", "Results: ...", and
a capitalised one after a full stop inside a one-paragraph abstract ("... hernia. Methods: Patients ..."), and
one followed by a dash ("Matériel et méthodes. – Essai ...", French journals' style)."""

SENTENCE_END_RE = lead(
    r"[.!?\n]",
    r"(?<!\bvs)(?<!\bv)(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bFig)(?<!\bapprox)(?<!\bno)(?<!\bNo)"
    r"(?<!\bet)(?<!\bca)(?<!\bresp)(?<!\bSt)(?<!\bDr)(?<!\bmin)(?<!\bc\.i)(?<!\bi\.q\.r)(?<!\bs\.d)(?<!\bs\.e)"
    r"[.!?](?=\s+[^a-z\s,;)\]])|[.!?]\s*$"
    r"|\n[ \t]*\n(?=[ \t]*[-\u2022\u25aa\u27a2\u25cf*][ \t])|\n(?=[ \t]*[-\u2022\u25aa\u27a2\u25cf][ \t])"
    r"|(?<![,;:(\[\-\u2013\n])(?P<soft>\n)(?=[ \t]*(?:[A-Z0-9\u00c0-\u00dd]|n\s*=))",
)
"""The end of a sentence: a full stop followed by a capital, digit or bracket (not after "vs", "et al",
"Fig"), or the start of a bullet item."""


@dataclass(frozen=True)
class Section:
    """A part of a text: its heading (verbatim, may be empty), its role and its body's offsets."""

    heading: str
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets into the whole text and the role of its section."""

    start: int
    end: int
    role: str


_ABSTRACT_PREFIX_RE = re.compile(r"^(?:ABSTRACT\.)")
_TRAILING_MARKS_RE = re.compile(r"[\s.:]+$")
_HEADING_PARTS_RE = re.compile(r"\s*[./\u2013\u2014:]\s*|\s+-\s+")
_CAPITAL_NEXT_RE = re.compile(r"[ \t]+(?=[A-ZÀ-Ý0-9(\u2018\u201c\"'])")
_WORD_NEXT_RE = re.compile(r"[ \t]+[A-Za-zÀ-ÿ]")


def heading_role(name: str) -> str | None:
    """The role of a heading text, or None when it is not a known heading."""
    cleaned = _ABSTRACT_PREFIX_RE.sub("", name.strip().strip("#*_ :.").strip())
    cleaned = _TRAILING_MARKS_RE.sub("", cleaned)
    if not cleaned or len(cleaned) > 60:
        return None
    for role, rx in _ROLE_RES:
        if rx.fullmatch(cleaned):
            return role
    parts = _HEADING_PARTS_RE.split(cleaned)
    if len(parts) > 1 and re.search(_FALLBACK[0][0], cleaned, re.IGNORECASE):
        return METHODS
    if len(parts) > 1:
        found = heading_role(parts[-1]) or heading_role(parts[0])
        if found:
            return found
    if len(cleaned.split()) <= 6:
        for word, role in _FALLBACK:
            if re.search(word, cleaned, re.IGNORECASE):
                return role
    return None


_FALLBACK = (
    (r"\bcharacteristics|\bbaseline|\bdemograph|\bcaract[ée]ristiques", METHODS),
    (r"\br[ée]sult", RESULTS),
    (r"\bfinding", RESULTS),
    (r"\bconclu", CONCLUSIONS),
    (r"\bm[ée]thod", METHODS),
    (r"\bdiscussion|\bperspective|\blimitation", DISCUSSION),
    (r"\bbackground|\bintroduc|\bobjecti", BACKGROUND),
)
"""A heading of up to six words that names a part ("Methods and materials", "Summary of results")."""


def split_sections(text: str) -> list[Section]:
    """The sections of ``text`` in order; text before the first heading has role ``unknown``."""
    marks: list[tuple[int, int, str, str]] = []
    bare = _bare_headings(text)
    bare_starts = {b[0] for b in bare}
    for m in HEADING_LINE_RE.finditer(text):
        if m.start("name") in bare_starts:
            # "Results Of 40 adults, 38 completed.": a short line that opens with a heading keeps its text
            marks += [b for b in bare if b[0] == m.start("name")]
            continue
        if SENTENCE_VERB_RE.search(m.group("name")):
            continue  # "Results were similar in both arms.": a sentence, not a heading
        role = heading_role(m.group("name"))
        if role is None and m.group().strip().upper().startswith("TITLE"):
            role = TITLE
        if role is not None:
            marks.append((m.start(), m.end(), m.group().strip(), role))
    taken = [(a, b) for a, b, _, _ in marks]
    if len(bare) >= 2:  # a structured abstract whose headings lost their colons or bold
        marks += [m for m in bare if not any(a <= m[0] < b for a, b in taken)]
        taken = [(a, b) for a, b, _, _ in marks]
    for m in INLINE_HEADING_RE.finditer(text):
        name = m.group("name") or m.group("word") or m.group("mid") or m.group("dash") or ""
        role = heading_role(name)
        if role is None or any(a <= m.start() < b for a, b in taken):
            continue
        start = m.start("mid") if m.group("mid") else m.start("dash") if m.group("dash") else m.start()
        marks.append((start, m.end(), m.group().strip(), role))
    marks.sort()
    sections: list[Section] = []
    pos = 0
    role = UNKNOWN
    heading = ""
    for start, end, name, new_role in marks:
        if start < pos:
            continue
        if start > pos or heading:
            sections.append(Section(heading, role, pos, start))
        heading, role, pos = name, new_role, end
    sections.append(Section(heading, role, pos, len(text)))
    if any(s.role == TITLE for s in sections):
        sections = [part for s in sections for part in _title_and_rest(text, s)]
    sections = [part for s in sections for part in _box_and_rest(text, s)]
    sections = _lead(text, [s for s in sections if s.end > s.start or s.heading])
    return [s for s in sections if s.end > s.start or s.heading]


SUMMARY_BOX_RE = re.compile(r"(?i)key points|what (?:this study adds|is already known)|how this study might")
"""A journal's summary box ("Key Points", "What this study adds"): its bullets repeat the results or quote
what was known before, so they give sample sizes only, as Methods do; the box ends at its last bullet."""
BULLET_LINE_RE = re.compile(r"[ \t]*[\u2022\u25aa\u25cf\u27a2\u21d2\u2192*-][ \t]")
LEAD_BEFORE = (BACKGROUND, METHODS)
"""Headings before which a text's unheaded lead is its title, citation or background: a trial's results never
come before its Background or Methods."""
STUDY_OPENING_RE = re.compile(
    r"(?<=[.!?])\s+(?=(?:We|Nous)\s+(?:[a-zà-ÿ]+\s+){0,2}?(?:randomi[sz]ed|compared|assessed|evaluated|conducted"
    r"|performed|undertook|enrolled|investigated|tested|aimed|sought|studied|compar[ée]|[ée]valu[ée]|men[ée]"
    r"|r[ée]alis[ée]|randomis[ée]|inclus)\b|In this\b|Dans (?:cet|cette|ce)\b)"
)
"""The first sentence about the trial in a text without headings ("We randomized ...", "In this phase 3
trial", "Nous avons comparé ..."): the sentences before it are background (other studies' figures, how common
a disease is)."""
STUDY_OPENING_REACH = 600
"""How far into an unheaded text the trial's first sentence is looked for (two or three sentences of
background at most)."""


def _box_and_rest(text: str, s: Section) -> list[Section]:
    """A summary box read as Methods (sizes only) and cut after its bullets; the text after them is a section
    of no known role."""
    if s.role != OTHER or not SUMMARY_BOX_RE.match(s.heading):
        return [s]
    pos = s.start
    for line in text[s.start : s.end].splitlines(keepends=True):
        if line.strip() and not BULLET_LINE_RE.match(line):
            break
        pos += len(line)
    box = Section(s.heading, METHODS, s.start, pos)
    return [box] if pos >= s.end else [box, Section("", UNKNOWN, pos, s.end)]


def _lead(text: str, sections: list[Section]) -> list[Section]:
    """The unheaded lead of a text: before a Background or Methods heading it is the title or background;
    in a text without headings, the sentences before the trial's first are background."""
    i = next(
        (i for i, s in enumerate(sections) if not SUMMARY_BOX_RE.match(s.heading) and s.role != TITLE),
        len(sections),
    )
    if i == len(sections) or sections[i].role != UNKNOWN or sections[i].heading:
        return sections
    first, before, after = sections[i], sections[:i], sections[i + 1 :]
    if after and after[0].role in LEAD_BEFORE:
        return [*before, Section("", TITLE, first.start, first.end), *after]
    m = STUDY_OPENING_RE.search(text, first.start, min(first.end, first.start + STUDY_OPENING_REACH))
    if m is None:
        return sections
    lead = [Section("", BACKGROUND, first.start, m.end()), Section("", UNKNOWN, m.end(), first.end)]
    return [*before, *lead, *after]


SENTENCE_VERB_RE = re.compile(r"\b(?:was|were|is|are|did|do|does|showed|had|have|has)\b")
"""A verb in lower case: a line that holds one is a sentence, not a heading."""
LINE_START_RE = re.compile(r"(?m)^[ \t]*(?=[A-Za-zÀ-ÿ])")
HEAD_WORDS_RE = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]*,?(?=[ \t])")
SENTENCE_START_RE = re.compile(
    r"(?<=[.!?])[ \t]+"
    r"(?=(?:Background|Objectives?|Aims?|Methods|Results|Findings|Conclusions?|Interpretation)[ \t])"
)
MID_HEADING_RE = re.compile(
    r"(?i)background|objectives?|aims?|methods|results|findings|conclusions?|interpretation"
)
"""Inside one paragraph, after a full stop, the main part names that may open a part without a colon
("... 6 weeks is common practice. Methods In this trial ... Results At 12 weeks ..."): read only when the
paragraph has both its Methods and its Results so."""


def _bare_headings(text: str) -> list[tuple[int, int, str, str]]:
    """Headings at line starts without a colon, the line's text right after them: "Methods In this trial",
    "Findings Between March ...", "DESIGN, SETTING, AND PARTICIPANTS Randomized ..." (bold lost in a copy).

    The longest run of up to six words that names a part exactly (no fallback word) and is followed by a
    capital or a digit is the heading; a sentence that opens "Results were ..." goes on in lower case.
    """
    found = _bare_at(text, LINE_START_RE.finditer(text))
    mid = [h for h in _bare_at(text, SENTENCE_START_RE.finditer(text)) if MID_HEADING_RE.fullmatch(h[2])]
    if {METHODS, RESULTS} <= {h[3] for h in mid}:
        found += mid
    return found


def _bare_at(text: str, starts: Iterable[re.Match[str]]) -> list[tuple[int, int, str, str]]:
    """The bare headings at ``starts`` (line or sentence starts)."""
    found = []
    for line in starts:
        pos, best = line.end(), None
        for _ in range(6):
            word = HEAD_WORDS_RE.match(text, pos)
            if word is None:
                break
            pos = word.end()
            nxt = _CAPITAL_NEXT_RE.match(text[pos : pos + 3])
            if nxt is None:
                if not _WORD_NEXT_RE.match(text[pos : pos + 3]):
                    break
                pos += len(text[pos : pos + 3]) - len(text[pos : pos + 3].lstrip(" \t"))
                continue
            name = text[line.end() : pos].rstrip(",")
            role = next((r for r, rx in _ROLE_RES if rx.fullmatch(name)), None)
            if role is not None:
                best = (line.end(), pos + nxt.end(), name, role)
            pos += nxt.end()
        if best is not None and _goes_on_as_prose(text, best[1]):
            found.append(best)
    return found


def _goes_on_as_prose(text: str, pos: int) -> bool:
    """The line after a bare heading reads as prose (a word in lower case among its first eight): a title in
    Title Case ("Patients Treated With Drug X Versus Placebo") is no heading and its text."""
    end = text.find("\n", pos)
    words = text[pos : end if end >= 0 else len(text)].split()[:8]
    return len(words) < 3 or any(w[0].islower() for w in words)


def _title_and_rest(text: str, section: Section) -> list[Section]:
    """A title is its first paragraph; what follows it under no known heading ("ABSTRACT:" then one
    paragraph, as unstructured abstracts are exported) is the text itself, read as a text without headings."""
    body = text[section.start : section.end]
    lead = len(body) - len(body.lstrip())
    cut = body.find("\n\n", lead)
    if section.role != TITLE or cut < 0 or not body[cut:].strip():
        return [section]
    rest = section.start + cut
    heading = ABSTRACT_HEADING_RE.match(text, rest, section.end)
    return [
        Section(section.heading, TITLE, section.start, rest),
        Section("", UNKNOWN, heading.end() if heading else rest, section.end),
    ]


ABSTRACT_HEADING_RE = re.compile(
    r"\s*(?:ABSTRACT|Abstract|SUMMARY|Summary|R[ÉE]SUM[ÉE]|R[ée]sum[ée])[ \t]*[:.]?[ \t]*\n"
)
"""The heading of a whole abstract alone on its line after the title ("ABSTRACT:"): it names no part."""


def split_sentences(text: str, section: Section) -> list[Sentence]:
    """The sentences of one section (offsets into ``text``), empty ones dropped."""
    out: list[Sentence] = []
    pos = section.start
    for m in SENTENCE_END_RE.finditer(text, section.start, section.end):
        end = m.end()
        if m.group("soft") and _long_line(text, m.start()):
            continue
        if text[pos:end].strip():
            out.append(Sentence(pos, end, section.role))
        pos = end
    if text[pos : section.end].strip():
        out.append(Sentence(pos, section.end, section.role))
    return out


SHORT_LINE = 95
"""A line shorter than this that ends without punctuation is a unit of its own (a slide's line); a longer
one is a paragraph wrapped by a PDF extractor and goes on on the next line."""


def _long_line(text: str, newline: int) -> bool:
    """True when the line ending at ``newline`` goes on on the next line (long, or a bracket left open)."""
    start = text.rfind("\n", 0, newline) + 1
    line = text[start:newline]
    opened = line.count("(") + line.count("[") - line.count(")") - line.count("]")
    return newline - start >= SHORT_LINE or opened > 0


def closes_bracket(s: str) -> bool:
    """True when ``s`` closes a bracket it did not open (the text before it was inside brackets)."""
    depth = 0
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return True
    return False
