"""Small patterns of the span helpers (:mod:`kb.evidence.results.spans`), compiled once.

``re.match(string, ...)`` looks its pattern string up in the ``re`` module's cache on every call; these run
for every number of every sentence, so they are compiled here once.
"""

from __future__ import annotations

import re

from kb.evidence.results import countpatterns as C
from kb.evidence.results import patterns as P

PER_UNIT_RE = re.compile(r"(?i)\bper\s+(?:\d[\d,]*\s*)?[\w-]*")
FROM_END_RE = re.compile(r"(?i)\bfrom\s*$")
RANGE_FROM_END_RE = re.compile(r"(?i)\brang\w*\s+from\s*$")
RATE_AFTER_RE = re.compile(r"\s*(?:per|/)\s*[a-z]")
BY_RE = re.compile(r"(?i)by\b")
COPULA_END_RE = re.compile(r"(?i)\b(?:was|were|is|are)\s*$")
DECIMAL_RE = re.compile(r"\d[.\u00b7]\d")
POPULATION_AFTER_RE = re.compile(rf"\s+{C.POPULATION}")
POPULATION_NOUN_RE = re.compile(rf"\s*{C.POPULATION}\b")
ARTICLE_END_RE = re.compile(r"(?i)\ban?\s+$")
EVENT_LEAD_RE = re.compile(r"^[ \t)]*(?:\(\s*[\d.,·]+\s*%\s*\))?")
TIME_UNIT_RE = re.compile(P.TIME_UNITS, re.IGNORECASE)
