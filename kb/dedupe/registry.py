"""Trial registry records: a trial's registration is its own record, never the article that reports it.

Cochrane CENTRAL exports carry records imported from trial registries (ClinicalTrials.gov, the EU Clinical
Trials Register, the WHO's ICTRP) next to the articles that report the trials: ``ID: CN-01234567``, the
trial's title as title, the registry's page as source (``SO: https://clinicaltrials.gov/show/NCT01234567``),
``PT: Trial registry record``, no DOI, no volume, no pages. :func:`registry_fields` recognises such a record
and reads its trial id; :func:`registry_rule` is the rule of :mod:`kb.dedupe.match` for a pair with one:

- a registry record and any other record are two records (the registration is not the article, even under
  the same title: a reviewer screens both);
- two registry records with the same trial id are one (the same registration exported twice, its title
  updated or not); with different ids they are two (an extension study registered on its own under the
  parent trial's title); one EudraCT number registered in two countries (``EUCTR...-GB`` / ``-FR``: one
  trial, two registry records) goes to review;
- two registry records of which one names no trial id are left to the ordinary weighing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from kb.model import Reference

if TYPE_CHECKING:
    from kb.dedupe.prep import Prepped

REGISTRY_SOURCE_RE = re.compile(
    r"clinicaltrials\.gov|clinicaltrialsregister\.eu|euclinicaltrials\.eu|trialsearch\.who\.int"
    r"|who\.int/(?:trialsearch|ictrp)|isrctn\.(?:com|org)|anzctr\.org\.au|chictr\.org|drks\.de|umin\.ac\.jp"
    r"|ctri\.nic\.in|irct\.(?:ir|behdasht)|trialregister\.nl|onderzoekmetmensen\.nl|jrct\.niph\.go\.jp"
    r"|ensaiosclinicos\.gov\.br|pactr\.samrc|cris\.nih\.go\.kr|\bICTRP\b|EU Clinical Trials? Register"
    r"|International Clinical Trials Registry|\bISRCTN registry\b",
    re.IGNORECASE,
)
"""A source that is a trial registry (its web address or its name), as CENTRAL writes a registry record's
``SO``."""
REGISTRY_TYPE_RE = re.compile(r"\btrial regist(?:ry|ration)(?: record)?\b|\bregistry record\b", re.IGNORECASE)
"""A publication type that says registry record (CENTRAL's ``PT: Trial registry record``)."""
TRIAL_ID_RE = re.compile(
    r"\b(?:(NCT\d{8})|(?:EUCTR|EudraCT(?: number)?:? ?)?(\d{4}-\d{6}-\d{2})(?:-([A-Z]{2,3})\b)?"
    r"|(ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-A-Z]*\d{6,}|DRKS\d{8}|CTRI/\d{4}/\d{2,3}/\d{6}|IRCT\w+N\d+"
    r"|NTR\d{3,5}|JPRN-[A-Za-z]+\d+|UMIN\d{9}|KCT\d{7}|TCTR\d{11}|PACTR\d{15}|RBR-\w{6,8}))",
    re.IGNORECASE,
)
"""A trial id: ClinicalTrials.gov (``NCT`` + 8 digits), EudraCT (``2010-020349-35``, in ICTRP as
``EUCTR2010-020349-35-GB`` with the country), ISRCTN, ANZCTR, ChiCTR, DRKS, CTRI, IRCT, NTR, JPRN, UMIN,
CRiS, TCTR, PACTR, ReBEC."""


def trial_id(text: str) -> str:
    """The first trial id in ``text``, upper-cased; an EudraCT number keeps its country after a ``/``
    (``"2010-020349-35/GB"``); ``""`` when there is none."""
    found = TRIAL_ID_RE.search(text)
    if not found:
        return ""
    nct, eudract, country, other = found.groups()
    if eudract:
        return f"{eudract}/{country.upper()}" if country else eudract
    return (nct or other).upper()


def registry_fields(ref: Reference, extra: Mapping[str, str], type_text: str) -> tuple[bool, str]:
    """Whether the record is a trial registry record, and its trial id (``""`` when it names none).

    A registry record says so in its type, or has a registry as its source, and has no volume or pages
    (an article in a journal is never one, whatever its abstract says about its registration)."""
    if ref.volume or ref.pages:
        return False, ""
    registry = bool(
        REGISTRY_TYPE_RE.search(type_text) or REGISTRY_SOURCE_RE.search(f"{ref.journal} {ref.url}")
    )
    if not registry:
        return False, ""
    return True, trial_id(" ".join((ref.journal, ref.url, extra.get("note", ""), ref.issue, ref.title)))


def _number(trial: str) -> str:
    return trial.partition("/")[0]


def registry_conflict(a: Prepped, b: Prepped) -> str:
    """Why two records can never share a cluster by their registrations (``""`` if nothing forbids it)."""
    if a.registry != b.registry:
        return "a trial registry record and another record"
    if a.trial_id and b.trial_id and _number(a.trial_id) != _number(b.trial_id):
        return "different trial registrations"
    return ""


def registry_rule(a: Prepped, b: Prepped) -> tuple[str, str]:
    """The decision (``"duplicate"``, ``"maybe"``, ``"distinct"``) and its reason for a pair of which one
    record at least is a registry record; ``("", "")`` leaves a pair of registry records to the weighing
    when one names no trial id."""
    conflict = registry_conflict(a, b)
    if conflict:
        return "distinct", conflict
    if not (a.trial_id and b.trial_id):
        return "", ""
    if a.trial_id == b.trial_id or "/" not in a.trial_id or "/" not in b.trial_id:
        return "duplicate", f"same trial registration ({_number(a.trial_id)})"
    return "maybe", f"one EudraCT trial ({_number(a.trial_id)}) registered in two countries"
