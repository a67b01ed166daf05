"""Date conventions are settings passed in, and answers are cached per convention."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.normalise.dates import UK_DATES, DateSettings, parse_day, parse_due


def test_the_uk_conventions_are_the_default() -> None:
    due = parse_due("03.08.21")
    assert (due.start, due.precision) == (date(2021, 8, 3), "day")
    assert parse_due("Q1 2022/23").start == date(2022, 4, 1)


def test_month_first_is_a_setting_and_not_a_stale_cache() -> None:
    us = DateSettings(day_first=False)
    assert parse_due("03.08.21").start == date(2021, 8, 3)
    assert parse_due("03.08.21", settings=us).start == date(2021, 3, 8)
    assert parse_due("03.08.21", settings=UK_DATES).start == date(2021, 8, 3)  # not the last one
    assert parse_day("03.08.21", settings=us) == date(2021, 3, 8)


def test_a_financial_year_starting_in_july() -> None:
    july = DateSettings(financial_year_start_month=7)
    due = parse_due("Q1 2022/23", settings=july)
    assert (due.start, due.end) == (date(2022, 7, 1), date(2022, 9, 30))
    whole = parse_due("2022/23", settings=july)
    assert (whole.start, whole.end) == (date(2022, 7, 1), date(2023, 6, 30))


def test_two_digit_years_in_another_century() -> None:
    due = parse_due("Feb 99", settings=DateSettings(century=1900))
    assert (due.start, due.end) == (date(1999, 2, 1), date(1999, 2, 28))


@pytest.mark.parametrize(
    ("knobs", "named"),
    [
        ({"financial_year_start_month": 13}, "financial_year_start_month must be 1 to 12"),
        ({"century": 2050}, "century must be a whole century"),
    ],
)
def test_a_bad_setting_is_named(knobs: dict, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        DateSettings(**knobs)
