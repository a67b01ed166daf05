"""Whatever text a cell holds, the normalisers answer and never raise."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.model import PRECISIONS, STATUSES
from planwatch.normalise.dates import parse_day, parse_due
from planwatch.normalise.leads import resolve_leads
from planwatch.normalise.signoffs import parse_signoff
from planwatch.normalise.statuses import parse_status, status_from_fill

FAST = settings(max_examples=200, deadline=None)

# Text biased towards the pieces dates, statuses and leads are made of.
PIECES = st.sampled_from(
    [
        "Q4",
        "Q1",
        "H1",
        "FY",
        "2021/22",
        "2021-2022",
        "21/22",
        "Feb",
        "March",
        "Sept",
        "21",
        "2022",
        "31",
        "02",
        "30.09.21",
        "31.02.21",
        "1st",
        "of",
        "end",
        "by",
        "~~",
        "(was",
        "(now",
        ")",
        "revised to",
        "w/c",
        "Spring",
        "Complete",
        "ongoing",
        "Amber",
        "G",
        "GCP",
        "CGP",
        "PM",
        "Ch Insp",
        "and",
        "/",
        "&",
        "-",
        ".",
        " ",
    ]
)
CELLS = st.one_of(st.text(), st.lists(PIECES, max_size=6).map(" ".join))
KEY = {"GC": "Group Commander: Prevention", "PM": "Prevention Manager"}


@FAST
@given(CELLS, st.one_of(st.none(), st.dates()))
def test_parse_due_is_total_and_ordered(text, today):
    due = parse_due(text, today=today)
    assert due.raw == text
    assert due.precision in PRECISIONS
    assert (due.start is None) == (due.end is None)
    if due.start is None:
        assert due.precision == "none"
    else:
        assert due.start <= due.end
        assert due.precision != "none"


@FAST
@given(CELLS)
def test_text_not_understood_keeps_its_raw_and_reads_as_none(text):
    due = parse_due(text)
    if any(w.startswith("date not understood") for w in due.warnings):
        assert (due.raw, due.start, due.end, due.precision) == (text, None, None, "none")


@FAST
@given(CELLS)
def test_parse_day_is_total(text):
    assert parse_day(text) is None or isinstance(parse_day(text), date)


@FAST
@given(CELLS)
def test_parse_status_is_total(text):
    status = parse_status(text)
    assert status.raw == text
    assert status.value is None or status.value in STATUSES


@FAST
@given(
    st.one_of(st.none(), st.text(max_size=10), st.from_regex(r"#?[0-9A-Fa-f]{6}", fullmatch=True))
)
def test_status_from_fill_is_total(fill):
    status = status_from_fill(fill)
    assert status is None or status.value in STATUSES


@FAST
@given(CELLS, st.sets(st.sampled_from(["GCP", "CGP", "SCP", "CC", "DCC", "WC"])))
def test_resolve_leads_is_total(text, seen):
    leads = resolve_leads(text, KEY, seen)
    assert leads.raw == text
    if leads.codes:
        assert len(leads.roles) == len(leads.codes)


@FAST
@given(CELLS)
def test_parse_signoff_is_total(text):
    signoff = parse_signoff(text)
    if text.strip():
        assert signoff is None or signoff.raw == text
    else:
        assert signoff is None
