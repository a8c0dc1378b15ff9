"""Tests for kb.normalise.pages: page ranges of the seeds, e-locators and implausible ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.normalise.pages import PageRange, normalise_pages


@pytest.mark.parametrize(
    ("text", "pages", "first", "last"),
    [
        # seed 000 (HAL export)
        ("pp.2386-93", "2386–2393", "2386", "2393"),
        ("pp.174-80", "174–180", "174", "180"),
        ("pp.1547-54", "1547–1554", "1547", "1554"),
        ("pp.4190-207", "4190–4207", "4190", "4207"),
        ("pp.1-10", "1–10", "1", "10"),
        ("pp.493-500", "493–500", "493", "500"),
        ("pp.2122-2127", "2122–2127", "2122", "2127"),
        ("pp.459-60", "459–460", "459", "460"),
        ("p.494", "494", "494", ""),
        # other forms
        ("1547-54", "1547–1554", "1547", "1554"),
        ("1547–1554", "1547–1554", "1547", "1554"),
        ("1547 — 1554", "1547–1554", "1547", "1554"),
        ("e640–e648", "e640–e648", "e640", "e648"),
        ("e640-8", "e640–e648", "e640", "e648"),
        ("e0123456", "e0123456", "e0123456", ""),
        ("S12-S15", "S12–S15", "S12", "S15"),
        ("S12-5", "S12–S15", "S12", "S15"),
        ("Suppl 2:S45-S50", "S45–S50", "S45", "S50"),
        ("pages 12-15.", "12–15", "12", "15"),
        ("", "", "", ""),
    ],
)
def test_normalise_pages(text: str, pages: str, first: str, last: str) -> None:
    found, findings = normalise_pages(text)
    assert found == PageRange(pages, first, last)
    assert findings == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("485-437", "implausible_pages"),  # last before first
        ("12-1500", "implausible_pages"),  # over 100 pages
        ("pp.437-485", "long_page_range"),  # seed 000: corrupted end page of a 9-page article
        ("pp.235-279", "long_page_range"),  # seed 000
        ("pp.4938-4982", "long_page_range"),  # seed 000
        ("pp.1039-1084", "long_page_range"),  # seed 000
        ("iii-xii", "unparsed_pages"),
    ],
)
def test_suspect_ranges_are_flagged_and_kept(text: str, code: str) -> None:
    found, findings = normalise_pages(text)
    assert [f.code for f in findings] == [code]
    assert findings[0].field == "pages"
    if code != "unparsed_pages":
        assert found.first and found.last  # kept as written, not "fixed"


def test_implausible_keeps_the_written_range() -> None:
    found, findings = normalise_pages("485-437")
    assert found == PageRange("485–437", "485", "437")
    assert findings[0].severity == "warning"


@given(st.text(max_size=30))
def test_normalise_pages_is_idempotent_and_never_raises(text: str) -> None:
    once, _ = normalise_pages(text)
    assert normalise_pages(once.pages)[0] == once


@given(st.from_regex(r"(?:pp?\.|Suppl \d:)?[eS]?\d{1,5}(?: ?[-–] ?[eS]?\d{1,5})?", fullmatch=True))
def test_normalise_pages_is_idempotent_on_page_like_text(text: str) -> None:
    once, _ = normalise_pages(text)
    assert normalise_pages(once.pages)[0] == once
