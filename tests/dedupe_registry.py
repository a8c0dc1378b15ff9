"""Trial registry records as Cochrane CENTRAL exports them, for the probe of ``tests/dedupe_probe.py``.

CENTRAL carries records imported from trial registries (ClinicalTrials.gov, the EU Clinical Trials Register
through the WHO's ICTRP) next to the articles that report the trials. A registration is made here for a
work of ``tests/dedupe_works.py`` (the project's own labelled references, never the evaluation-only
sets): a trial id, the trial's title (the article's own title half of the time, else a registry's "A study
of ..." title, with the longer official title as a second form), a sponsor or no author, the year of
registration. :func:`render_registration` writes it as CENTRAL's tagged export or its RIS form, with the
noise two exports of one record show: the source address written another way, the title updated from the
brief to the official form, the year of the last update, the type line missing, a trailing full stop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from dedupe_fields import initials
from dedupe_works import Work

from kb.ingest.cochrane import read_cochrane_string
from kb.ingest.ris import read_ris_string
from kb.model import Record

_COUNTRIES = ("GB", "FR", "DE", "NL", "IT", "ES", "BE", "DK")
_STYLES = ("A Study of {}", "Study of {}", "Efficacy and Safety of {}", "A Trial of {}")
_DESIGNS = ("A Randomised, Double-blind, Placebo-controlled, Phase 3 Study of {}",
            "A Multicentre, Open-label, Phase 2 Trial of {}", "A Prospective Randomized Study of {}")  # fmt: skip


@dataclass(frozen=True)
class Registration:
    """A trial's registry record: its trial id, its brief and official titles, sponsor, year."""

    trial_id: str
    """``NCT01234567`` or ICTRP's ``EUCTR2010-012345-67-GB``."""
    title: str
    official_title: str
    sponsor: str
    year: int
    central_id: str


def registration(w: Work, r: random.Random, same_title: bool | None = None) -> Registration:
    """The registration of the trial that ``w`` reports: its title is ``w``'s own (``same_title``, else
    drawn: half the time) or a registry's brief title; registered one to four years before."""
    body = w.title[0].lower() + w.title[1:]
    same = r.random() < 0.5 if same_title is None else same_title
    title = w.title if same else r.choice(_STYLES).format(body)
    year = w.year - r.randint(1, 4)
    if r.random() < 0.7:
        trial = f"NCT{r.randint(0, 10**8 - 1):08d}"
    else:
        trial = f"EUCTR{year}-{r.randint(0, 10**6 - 1):06d}-{r.randint(10, 99)}-{r.choice(_COUNTRIES)}"
    lead = w.authors[0]
    sponsor = r.choice(("", "", "", f"{lead.family} {initials(lead)}", "Amgen", "Novartis Pharmaceuticals"))
    official = r.choice(_DESIGNS).format(body)
    return Registration(trial, title, official, sponsor, year, f"CN-0{r.randint(10**6, 9 * 10**6)}")


def another_registration(reg: Registration, r: random.Random) -> Registration:
    """Another trial registered under the same title (an extension study, a trial in another country
    registered on its own): another id, another CENTRAL record."""
    trial = f"NCT{r.randint(0, 10**8 - 1):08d}" if reg.trial_id.startswith("NCT") else (
        f"EUCTR{reg.year}-{r.randint(0, 10**6 - 1):06d}-{r.randint(10, 99)}-{r.choice(_COUNTRIES)}")  # fmt: skip
    return replace(
        reg, trial_id=trial, year=reg.year + r.randint(0, 2), central_id=f"CN-0{r.randint(10**6, 9 * 10**6)}"
    )


def _source(trial: str, r: random.Random) -> str:
    """The registry's page as CENTRAL's ``SO`` gives it, in one of the forms seen over the years."""
    if trial.startswith("NCT"):
        return r.choice((f"https://clinicaltrials.gov/show/{trial}", f"https://clinicaltrials.gov/ct2/show/{trial}",
                         f"http://clinicaltrials.gov/show/{trial}", f"https://ClinicalTrials.gov/show/{trial}"))  # fmt: skip
    return r.choice((f"http://www.who.int/trialsearch/Trial2.aspx?TrialID={trial}",
                     f"https://trialsearch.who.int/Trial2.aspx?TrialID={trial}",
                     f"http://apps.who.int/trialsearch/Trial2.aspx?TrialID={trial}"))  # fmt: skip


def render_registration(reg: Registration, r: random.Random, tags: list[str], key: str) -> Record:
    """``reg`` as one CENTRAL export writes it (tagged, or its RIS form), with noise named in ``tags``."""
    title = reg.title
    if r.random() < 0.2:
        title = reg.official_title  # the record updated to the official title between two searches
        tags.append("registry_title")
    if r.random() < 0.2:
        title += "."
    year = reg.year
    if r.random() < 0.15:
        year += 1  # the year of the record's last update
        tags.append("registry_year")
    typed = r.random() < 0.8
    if not typed:
        tags.append("registry_untyped")
    source = _source(reg.trial_id, r)
    if r.random() < 0.7:
        lines = ["Record #1 of 1", f"ID: {reg.central_id}", *([f"AU: {reg.sponsor}"] if reg.sponsor else [])]
        lines += [f"TI: {title}", f"SO: {source}", f"YR: {year}"]
        lines += ["PT: Trial registry record"] if typed else []
        lines.append(f"US: https://www.cochranelibrary.com/central/doi/10.1002/central/{reg.central_id}/full")
        records = read_cochrane_string("\n".join(lines) + "\n").records
    else:
        tags.append("registry_ris")
        lines = ["TY  - JOUR", f"ID  - {reg.central_id}", *([f"AU  - {reg.sponsor}"] if reg.sponsor else [])]
        lines += [f"T1  - {title}", f"JF  - {source}", f"PY  - {year}"]
        lines += ["M3  - Trial registry record"] if typed else []
        if r.random() < 0.7:
            lines += [
                f"UR  - https://www.cochranelibrary.com/central/doi/10.1002/central/{reg.central_id}/full"
            ]
        records = read_ris_string("\n".join([*lines, "ER  - "]) + "\n").records
    assert len(records) == 1, lines
    return replace(records[0], id=key)
