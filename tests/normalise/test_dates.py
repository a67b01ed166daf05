from datetime import date

import pytest

from planwatch.normalise.dates import Due, parse_day, parse_due

D = date

# Every form in the Target Date column of seed 000 (HWFRS improvement plan, January 2021)
# and the Completion Date column of seed 001 (prevention action plan, 17 November 2021).
SEED_FORMS = [
    ("Mar 2021", D(2021, 3, 1), D(2021, 3, 31), "month"),
    ("Feb 21", D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("Mar 21", D(2021, 3, 1), D(2021, 3, 31), "month"),
    ("Feb 2021", D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("April 2021", D(2021, 4, 1), D(2021, 4, 30), "month"),
    ("26.07.21", D(2021, 7, 26), D(2021, 7, 26), "day"),
    ("30.09.21", D(2021, 9, 30), D(2021, 9, 30), "day"),
    ("28.02.22", D(2022, 2, 28), D(2022, 2, 28), "day"),
    ("31.12.21", D(2021, 12, 31), D(2021, 12, 31), "day"),
    ("03.08.21", D(2021, 8, 3), D(2021, 8, 3), "day"),
    ("04.08.21", D(2021, 8, 4), D(2021, 8, 4), "day"),
    ("30.01.22", D(2022, 1, 30), D(2022, 1, 30), "day"),
    ("Q4 2021/2022", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
]

UK_FORMS = [
    ("16-11-21", D(2021, 11, 16), D(2021, 11, 16), "day"),
    ("31/03/2022", D(2022, 3, 31), D(2022, 3, 31), "day"),
    ("31 March 2022", D(2022, 3, 31), D(2022, 3, 31), "day"),
    ("1st February 2021", D(2021, 2, 1), D(2021, 2, 1), "day"),
    ("10th Dec 20", D(2020, 12, 10), D(2020, 12, 10), "day"),
    ("25th Jan 21", D(2021, 1, 25), D(2021, 1, 25), "day"),
    ("31-Mar-22", D(2022, 3, 31), D(2022, 3, 31), "day"),
    ("2022-03-31", D(2022, 3, 31), D(2022, 3, 31), "day"),
    ("Mar-22", D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("Sept 2021", D(2021, 9, 1), D(2021, 9, 30), "month"),
    ("FEB 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("03/2022", D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("end of March 2022", D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("end March 2022", D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("by 30.09.21", D(2021, 9, 30), D(2021, 9, 30), "day"),
    ("Q4 21/22", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
    ("Q4 2021-22", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
    ("2021/22 Q4", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
    ("Quarter 4 2021/22", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
    ("Q3 2020-2021", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("Q1 2022/23", D(2022, 4, 1), D(2022, 6, 30), "quarter"),
    ("end of Q4 2021/22", D(2022, 1, 1), D(2022, 3, 31), "quarter"),
    ("H1 2022/23", D(2022, 4, 1), D(2022, 9, 30), "half"),
    ("H2 2022/23", D(2022, 10, 1), D(2023, 3, 31), "half"),
    ("2021/22", D(2021, 4, 1), D(2022, 3, 31), "financial_year"),
    ("FY 2021/22", D(2021, 4, 1), D(2022, 3, 31), "financial_year"),
    ("financial year 2021-22", D(2021, 4, 1), D(2022, 3, 31), "financial_year"),
    ("2020-21", D(2020, 4, 1), D(2021, 3, 31), "financial_year"),
    ("2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
]


@pytest.mark.parametrize(("raw", "start", "end", "precision"), SEED_FORMS + UK_FORMS)
def test_reads_date_forms(raw, start, end, precision):
    due = parse_due(raw)
    assert (due.start, due.end, due.precision) == (start, end, precision)
    assert due.raw == raw
    assert due.warnings == ()


@pytest.mark.parametrize(
    ("raw", "start", "end", "precision", "warning"),
    [
        (
            "Spring 2022",
            D(2022, 3, 1),
            D(2022, 5, 31),
            "quarter",
            "season read as Mar 2022-May 2022",
        ),
        (
            "Winter 2021/22",
            D(2021, 12, 1),
            D(2022, 2, 28),
            "quarter",
            "season read as Dec 2021-Feb 2022",
        ),
        (
            "w/c 14/02/22",
            D(2022, 2, 14),
            D(2022, 2, 20),
            "day",
            "week commencing read as 14 Feb 2022-20 Feb 2022",
        ),
        (
            "week commencing 14 February 2022",
            D(2022, 2, 14),
            D(2022, 2, 20),
            "day",
            "week commencing read as 14 Feb 2022-20 Feb 2022",
        ),
        # Seed 000 says "going to SMB in Q4 2021" of an action due "Mar 21".
        (
            "Q4 2021",
            D(2021, 1, 1),
            D(2021, 3, 31),
            "quarter",
            "Q4 2021 read as financial quarter Jan 2021-Mar 2021",
        ),
        (
            "mid-March 2022",
            D(2022, 3, 1),
            D(2022, 3, 31),
            "month",
            "'mid' read as the whole period",
        ),
    ],
)
def test_judged_forms_say_so(raw, start, end, precision, warning):
    due = parse_due(raw)
    assert (due.start, due.end, due.precision) == (start, end, precision)
    assert due.warnings == (warning,)


@pytest.mark.parametrize(
    ("raw", "start", "end", "old"),
    [
        ("Mar 2021 revised to June 2021", D(2021, 6, 1), D(2021, 6, 30), "Mar 2021"),
        ("~~Dec 2020~~ Mar 2021", D(2021, 3, 1), D(2021, 3, 31), "Dec 2020"),
        ("Dec 2020 (now Mar 2021)", D(2021, 3, 1), D(2021, 3, 31), "Dec 2020"),
        ("Revised: 30.06.22 (was 31.03.22)", D(2022, 6, 30), D(2022, 6, 30), "31.03.22"),
        ("30.06.22 (previously 31.03.22)", D(2022, 6, 30), D(2022, 6, 30), "31.03.22"),
    ],
)
def test_revised_dates_take_the_new_one_and_name_the_old(raw, start, end, old):
    due = parse_due(raw)
    assert (due.start, due.end) == (start, end)
    assert f"date revised: was '{old}'" in due.warnings


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "ongoing",
        "Ongoing",
        "TBC",
        "tbc",
        "business as usual",
        "BAU",
        "N/A",
        "Complete",
        "Deferred",
        "Complete (staff identified and courses booked)",
    ],
)
def test_non_dates_read_as_none_quietly(raw):
    assert parse_due(raw) == Due(raw, None, None, "none", ())


def test_text_not_understood_is_kept_with_a_warning():
    due = parse_due("sometime soon")
    assert (due.raw, due.start, due.end, due.precision) == ("sometime soon", None, None, "none")
    assert due.warnings == ("date not understood: 'sometime soon'",)


@pytest.mark.parametrize("raw", ["31.02.21", "29/02/2021", "13.13.21", "2021/23"])
def test_impossible_dates_are_not_guessed(raw):
    due = parse_due(raw)
    assert (due.start, due.end, due.precision) == (None, None, "none")
    assert due.warnings[0].startswith(f"impossible date: '{raw}'")


def test_a_missing_year_comes_from_the_edition_date():
    due = parse_due("end of Q4", today=D(2021, 11, 17))
    assert (due.start, due.end, due.precision) == (D(2022, 1, 1), D(2022, 3, 31), "quarter")
    assert due.warnings == ("year taken from the edition: 'Q4' read as 2021/22 Q4",)


def test_a_missing_year_without_an_edition_date_is_not_guessed():
    due = parse_due("end of Q4")
    assert (due.start, due.end, due.precision) == (None, None, "none")
    assert due.warnings == ("date has no year: 'Q4'",)


def test_one_date_inside_a_sentence_is_read_with_a_warning():
    due = parse_due("MDT installation programme completed Dec 2020.")
    assert (due.start, due.end, due.precision) == (D(2020, 12, 1), D(2020, 12, 31), "month")
    assert due.warnings == ("date 'Dec 2020' read from longer text",)


def test_two_dates_in_a_cell_are_not_chosen_between():
    due = parse_due("Mar 2021 / June 2021")
    assert due.precision == "none"
    assert due.warnings == ("several dates in one cell: 'June 2021', 'Mar 2021'",)


def test_a_sentence_with_now_in_it_is_no_revision():
    due = parse_due("Work now completed in Dec 2020")
    assert (due.start, due.end) == (D(2020, 12, 1), D(2020, 12, 31))
    assert due.warnings == ("date 'Dec 2020' read from longer text",)


def test_free_text_is_read_as_a_last_resort_with_a_warning():
    due = parse_due("in March of 2022")
    assert (due.start, due.end, due.precision) == (D(2022, 3, 1), D(2022, 3, 31), "month")
    assert due.warnings == ("date read as free text: 'in March of 2022'",)


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("27.07.21", D(2021, 7, 27)),
        ("16-11-21", D(2021, 11, 16)),
        ("27/07/2021", D(2021, 7, 27)),
        ("16th December 2020", D(2020, 12, 16)),
        ("17 November 2021", D(2021, 11, 17)),
        ("02.11.21", D(2021, 11, 2)),
        ("Jul 2021", None),
        ("31.02.21", None),
        ("AD 27.07.21", None),
        ("", None),
    ],
)
def test_parse_day_reads_one_day_only(raw, day):
    assert parse_day(raw) == day


@pytest.mark.parametrize(
    ("raw", "start", "end", "precision"),
    [
        # April to March is the financial year the plan's work runs through
        ("April 2022 – March 2023", D(2022, 4, 1), D(2023, 3, 31), "financial_year"),
        ("Apr 2021 to Mar 2022", D(2021, 4, 1), D(2022, 3, 31), "financial_year"),
        ("Sept 2022 - Mar 2023", D(2022, 9, 1), D(2023, 3, 31), "month"),
        ("Q1 2022/23 to Q2 2022/23", D(2022, 4, 1), D(2022, 9, 30), "quarter"),
    ],
)
def test_a_range_spans_from_the_first_date_to_the_last(raw, start, end, precision):
    due = parse_due(raw)
    assert (due.start, due.end, due.precision) == (start, end, precision)


@pytest.mark.parametrize("raw", ["Mar-22", "2021-22", "June 2021 to May 2021"])
def test_a_hyphenated_date_or_a_backward_span_is_no_range(raw):
    assert "range read" not in " ".join(parse_due(raw).warnings)


@pytest.mark.parametrize(
    ("raw", "new", "old"),
    [
        ("31/03/22 (revised from 31/12/21)", D(2022, 3, 31), "31/12/21"),
        ("Sept 22 (moved from June 22)", D(2022, 9, 30), "June 22"),
    ],
)
def test_revised_from_names_the_old_date(raw, new, old):
    due = parse_due(raw)
    assert due.end == new
    assert f"date revised: was '{old}'" in due.warnings
