"""Header scoring, legends and edition dates, on small hand-made tables and documents."""

from __future__ import annotations

import pytest

from planwatch.extract.headers import match_header
from planwatch.extract.legend import read_legend_table, read_legend_text
from planwatch.extract.metadata import read_plan_info
from planwatch.extract.profile import load_profile
from planwatch.extract.settings import ExtractSettings
from planwatch.model import Cell, Document, Paragraph, Row, Source, Table

SETTINGS = ExtractSettings()


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        # "Recommendation" beside "Action" is the area; alone, it is the action
        (
            ["Ref", "Recommendation", "Action", "Owner"],
            {"ref": 0, "area": 1, "action": 2, "lead": 3},
        ),
        (["Recommendation", "Owner", "Timescale"], {"action": 0, "lead": 1, "due": 2}),
        # "PROGRESS" beside "Status" is the progress text; alone, it is the status
        (
            ["WHAT WE WILL DO", "BY WHEN", "OWNER(S)", "PROGRESS", "Status"],
            {"action": 0, "due": 1, "lead": 2, "progress": 3, "status": 4},
        ),
        (["Activity", "Accountable", "Progress"], {"action": 0, "lead": 1, "status": 2}),
        (
            ["Actions", "Deadline", "Responsible", "RAG", "Comments"],
            {"action": 0, "due": 1, "lead": 2, "status": 3, "progress": 4},
        ),
        # a body cell is not a column title, however many synonyms it holds
        (
            ["We will agree the action, its lead officer, a due date and a progress update"],
            {},
        ),
    ],
)
def test_best_header_assignment(headers, roles):
    assert match_header(headers, SETTINGS).roles == roles


def test_period_headed_column_is_the_latest_update():
    cmap = match_header(["Action", "Lead", "Q1 2021-2022 update"], SETTINGS)
    assert (cmap.update_col, cmap.update_period) == (2, "Q1 2021-2022 update")


def test_user_profile_adds_synonyms(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[headers]\naction = ["intervention"]\nlead = ["champion"]\n')
    cmap = match_header(
        ["Intervention", "Champion", "Due"], ExtractSettings(profile=load_profile(mine))
    )
    assert cmap.roles == {"action": 0, "lead": 1, "due": 2}
    assert match_header(["Intervention", "Champion"], SETTINGS).roles == {}


@pytest.mark.parametrize(
    ("text", "legend"),
    [
        ("Green – on track", {"green": "on track"}),
        ("Blue = Complete", {"blue": "Complete"}),
        (
            "RAG status: Blue – complete; Red – off track.",
            {"blue": "complete", "red": "off track"},
        ),
        ("Amber - at risk, Grey - closed", {"amber": "at risk", "grey": "closed"}),
        ("RAG ratings used in this plan:", {}),
        ("The service met the Red Cross – a partner – twice in 2022 to agree a plan.", {}),
    ],
)
def test_legend_paragraphs(text, legend):
    assert read_legend_text(text, SETTINGS) == legend


def _table(*rows: tuple[Cell, ...]) -> Table:
    return Table(tuple(Row(cells) for cells in rows))


def test_legend_table_of_filled_swatches_under_a_header():
    table = _table(
        (Cell("Colour"), Cell("Meaning")),
        (Cell("", fill="00B050"), Cell("On track")),
        (Cell("", fill="7030A0"), Cell("Withdrawn")),
        (Cell("Blue", fill="0070C0"), Cell("Complete")),
    )
    assert read_legend_table(table, SETTINGS) == {
        "00B050": "On track",
        "7030A0": "Withdrawn",
        "blue": "Complete",
        "0070C0": "Complete",
    }


def test_key_of_codes_is_no_legend():
    table = _table((Cell("AM"), Cell("Area Manager")), (Cell("GM"), Cell("Group Manager")))
    assert read_legend_table(table, SETTINGS) == {}


def _document(*lines: str, properties: dict[str, str] | None = None) -> Document:
    return Document(
        Source("plan.docx", "0" * 64, "docx"),
        tuple(Paragraph(line) for line in lines),
        properties or {},
    )


def test_edition_printed_in_the_title_is_taken_off_the_title():
    plan, warnings = read_plan_info(
        _document("Northshire Police", "HMICFRS PEEL Action Plan – March 2023"), SETTINGS
    )
    assert (plan.title, plan.edition_raw, warnings) == (
        "HMICFRS PEEL Action Plan",
        "March 2023",
        (),
    )


def test_edition_from_the_title_property():
    document = _document("Westshire Police", properties={"title": "Action Plan 12 May 2023"})
    assert read_plan_info(document, SETTINGS)[0].edition_raw == "12 May 2023"


def test_edition_from_file_dates_is_flagged():
    document = _document(
        "Westshire Police",
        "Vetting Action Plan",
        properties={"created": "2023-05-02T09:00:00", "modified": "2023-06-12T09:00:00"},
    )
    plan, warnings = read_plan_info(document, SETTINGS)
    assert plan.edition_raw == "2023-06-12"
    assert warnings == (
        "edition date not printed in the document: taken from the file's properties"
        " (modified 2023-06-12)",
    )
    assert read_plan_info(_document("Vetting Action Plan"), SETTINGS)[1] == (
        "edition date not found in the document or the file's properties",
    )
