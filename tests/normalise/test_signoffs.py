from datetime import date

import pytest

from planwatch.normalise.signoffs import SignOff, parse_signoff


@pytest.mark.parametrize(
    ("raw", "by", "on"),
    [
        # Every form in the Signed Off By/Date column of seed 001.
        ("AD 27.07.21", "AD", date(2021, 7, 27)),
        ("AD 18.10.21", "AD", date(2021, 10, 18)),
        ("AD 16-11-21", "AD", date(2021, 11, 16)),
        ("DCFO 13.07.21", "DCFO", date(2021, 7, 13)),
        ("CFO 30.07.21", "CFO", date(2021, 7, 30)),
        ("GCP 04.08.21", "GCP", date(2021, 8, 4)),
        ("AD 02.11.21", "AD", date(2021, 11, 2)),
        # Other ways of writing the same.
        ("Signed off by AD on 27/07/2021", "AD", date(2021, 7, 27)),
        ("27.07.21 AD", "AD", date(2021, 7, 27)),
        ("AD – 27.07.21", "AD", date(2021, 7, 27)),
        ("Signed off: AD (27.07.21)", "AD", date(2021, 7, 27)),
        ("Anna Davidson, 27 July 2021", "Anna Davidson", date(2021, 7, 27)),
    ],
)
def test_who_and_when(raw, by, on):
    assert parse_signoff(raw) == SignOff(raw, by, on)


@pytest.mark.parametrize("raw", ["", "   ", "-"])
def test_an_empty_cell_is_no_signoff(raw):
    assert parse_signoff(raw) is None


def test_a_name_without_a_date():
    assert parse_signoff("AD") == SignOff("AD", "AD", None, ("sign-off has no date: 'AD'",))


def test_a_date_without_a_name():
    assert parse_signoff("27.07.21") == SignOff(
        "27.07.21", "", date(2021, 7, 27), ("sign-off names nobody: '27.07.21'",)
    )


def test_an_impossible_date_is_not_guessed():
    assert parse_signoff("AD 31.02.21") == SignOff(
        "AD 31.02.21", "AD", None, ("impossible date in sign-off: '31.02.21'",)
    )


def test_two_signoffs_keep_the_latest_day():
    signoff = parse_signoff("AD 27.07.21 / DCFO 30.07.21")
    assert (signoff.by, signoff.on) == ("AD / DCFO", date(2021, 7, 30))
    assert signoff.warnings == ("several dates in one sign-off; the latest kept",)
