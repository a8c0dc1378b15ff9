"""Tests for kb.normalise.dates: English and French date forms from the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.normalise.dates import DateParts, format_date, parse_date


@pytest.mark.parametrize(
    ("text", "language", "year", "month", "day"),
    [
        # seed 000 (HAL export, French month abbreviations)
        ("oct", "fr", None, 10, None),
        ("mars", "fr", None, 3, None),
        ("avr", "fr", None, 4, None),
        ("juin", "fr", None, 6, None),
        ("25 janv", "fr", None, 1, 25),
        ("juill", "fr", None, 7, None),
        ("22 déc", "fr", None, 12, 22),
        ("déc", "fr", None, 12, None),
        ("févr", "fr", None, 2, None),
        ("13 déc", "fr", None, 12, 13),
        ("mai", "fr", None, 5, None),
        ("23 sept", "fr", None, 9, 23),
        ("12 mars", "fr", None, 3, 12),
        ("1 août", "fr", None, 8, 1),
        ("août", "fr", None, 8, None),
        ("6 sept", "fr", None, 9, 6),
        ("25 janv 2017", "fr", 2017, 1, 25),
        ("oct 2014", "fr", 2014, 10, None),
        ("2014", "fr", 2014, None, None),
        # seed 001 (review card, French)
        ("02.09.2021", "fr", 2021, 9, 2),
        ("30.10.2021", "fr", 2021, 10, 30),
        ("V0 - 02/07/2025", "fr", 2025, 7, 2),
        # seed 002
        ("April 23-24, 2026", "en", 2026, 4, 23),
        # English forms
        ("2019 Mar 5", "en", 2019, 3, 5),
        ("Epub 2019 Mar 5", "en", 2019, 3, 5),
        ("March 5, 2019", "en", 2019, 3, 5),
        ("5 March 2019", "en", 2019, 3, 5),
        ("2019-03-05", "en", 2019, 3, 5),
        ("2019-03", "en", 2019, 3, None),
        ("30.10.2021", "en", 2021, 10, 30),
        ("12/25/2020", "en", 2020, 12, 25),
        ("1er janvier 2020", "fr", 2020, 1, 1),
        ("5th March 2019", "en", 2019, 3, 5),
        ("févr 2016", "fr", 2016, 2, None),
        ("febr 2016", "en", 2016, 2, None),
        # a reference's date text holding two dates (PubMed's "Epub" date): the day is the one
        # written beside the month word, never the other date's
        ("2018 Jul; 2018 Apr 13", "en", 2018, 7, None),
        ("2018 Jun; Epub 2017 Jul 20", "en", 2018, 6, None),
        # the year after a full stop, as a reference parser cuts it (".1995")
        (".1995", "en", 1995, None, None),
    ],
)
def test_parse_date(text: str, language: str, year: int | None, month: int | None, day: int | None) -> None:
    parts, findings = parse_date(text, language)
    assert (parts.year, parts.month, parts.day) == (year, month, day)
    assert findings == []


def test_numeric_date_is_ambiguous_in_english() -> None:
    parts, findings = parse_date("02.09.2021", "en")
    assert parts == DateParts(year=2021)
    assert [(f.code, f.severity) for f in findings] == [("ambiguous_date", "warning")]


def test_season_keeps_no_month() -> None:
    parts, findings = parse_date("Spring 2019")
    assert parts == DateParts(year=2019, season="spring")
    assert findings == []
    assert format_date(parts) == "2019 spring"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31 févr", "invalid_date"),
        ("13.13.2020", "invalid_date"),
        ("in press", "unparsed_date"),
        ("n.d.", "unparsed_date"),
    ],
)
def test_bad_dates_are_reported(text: str, code: str) -> None:
    _, findings = parse_date(text, "fr")
    assert code in [f.code for f in findings]


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (DateParts(2019, 3, 5), "2019-03-05"),
        (DateParts(2019, 3), "2019-03"),
        (DateParts(2019), "2019"),
        (DateParts(None, 1, 25), "25 jan"),
        (DateParts(), ""),
    ],
)
def test_format_date(parts: DateParts, text: str) -> None:
    assert format_date(parts) == text
    assert parse_date(text)[0] == parts


@given(st.text(max_size=40), st.sampled_from(["en", "fr"]))
def test_parse_date_is_idempotent_and_never_raises(text: str, language: str) -> None:
    parts, _ = parse_date(text, language)
    assert parse_date(format_date(parts), language)[0] == parts


DATE_LIKE = st.from_regex(
    r"(?:Epub )?(?:\d{1,2} )?(?:janv|févr|mars|avr|mai|juin|juill|août|sept|oct|nov|déc|Mar|Spring)?"
    r" ?(?:1[89]\d\d|20\d\d)?|\d{1,2}[./]\d{1,2}[./]\d{4}",
    fullmatch=True,
)


@given(DATE_LIKE, st.sampled_from(["en", "fr"]))
def test_parse_date_is_idempotent_on_date_like_text(text: str, language: str) -> None:
    parts, _ = parse_date(text, language)
    assert parse_date(format_date(parts), language)[0] == parts
