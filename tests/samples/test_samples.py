"""The bundled samples agree with each other and with the published plans they render.

Tables are compared as python-docx reports them: ``row.cells`` gives one cell per grid
column, so a text merged across columns (``Area for Improvement``) is read once per column
it covers, and a continuation row's first cell, merged down into the action above, reads
as that action's text. The expected rows are built from the text export by those two rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEEDS = SAMPLES.parent.parent / "shared" / "seeds"
STEMS = sorted(path.stem for path in SAMPLES.glob("*.txt"))
IMPROVEMENT = ("hwfrs-improvement-plan-2020-10", "hwfrs-improvement-plan-2021-01")
CFC = ("hwfrs-prevention-cfc-2021-11", "hwfrs-prevention-cfc-2022-02")
GREY = "D9D9D9"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ACTION_HEADER = ("HWFRS Action Proposed", "Progress To Date")


def export_tables(stem: str) -> list[list[list[str]]]:
    """Return the text export's tables: runs of tab-separated lines, `<i>` tags removed."""
    tables: list[list[list[str]]] = [[]]
    for line in (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            tables[-1].append(re.sub(r"</?i>", "", line).split("\t"))
        elif tables[-1]:
            tables.append([])
    return [table for table in tables if table]


def as_python_docx_reads(table: list[list[str]]) -> list[list[str]]:
    """Return the rows as python-docx reads them back from the merged Word table."""
    rows, action, in_actions = [], None, False
    for fields in map(list, table):
        if len(fields) > 2 and fields[0] and fields[1] and not any(fields[2:]):
            # "Strategic lead\tHead of ...\t\t": one text across the empty columns
            fields[2:] = [fields[1]] * (len(fields) - 2)
            action = None
        elif "Target Date" in fields or "Completion Date" in fields:
            in_actions = True
        elif in_actions and fields[0]:
            action = fields[0]
        elif in_actions and action is not None:
            fields[0] = action
        rows.append(fields)
    return rows


def docx_tables(stem: str):
    import docx

    return docx.Document(str(SAMPLES / f"{stem}.docx")).tables


def _fill(tc) -> str | None:
    shd = tc.find(f"{W}tcPr/{W}shd")
    return None if shd is None else shd.get(f"{W}fill")


def fills(row) -> set[str | None]:
    """Return the fills of every cell element of a row."""
    return {_fill(tc) for tc in row._tr.findall(f"{W}tc")}


def repeats(row) -> bool:
    """True for a row marked to repeat at the top of each page (w:tblHeader)."""
    return row._tr.trPr is not None and row._tr.trPr.find(f"{W}tblHeader") is not None


def test_every_text_edition_has_its_renderings():
    assert sorted(IMPROVEMENT + CFC) == STEMS
    for stem in STEMS:
        assert (SAMPLES / f"{stem}.docx").exists(), stem
    for pdf in SAMPLES.glob("*.pdf"):
        assert pdf.stem in STEMS, pdf.name


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed exports are not beside the checkout")
@pytest.mark.parametrize(
    ("stem", "seed"),
    [
        ("hwfrs-improvement-plan-2021-01", "000_28ead04b1a2d02e6.txt"),
        ("hwfrs-prevention-cfc-2021-11", "001_5cc5d8f0762aeead.txt"),
    ],
)
def test_published_editions_are_the_seed_exports_byte_for_byte(stem, seed):
    assert (SAMPLES / f"{stem}.txt").read_bytes() == (SEEDS / seed).read_bytes()


@pytest.mark.parametrize("stem", IMPROVEMENT + CFC)
def test_word_tables_hold_the_export_cells(stem):
    tables = docx_tables(stem)
    expected = export_tables(stem)
    assert len(tables) == len(expected)
    for table, rows in zip(tables, expected, strict=True):
        read = [[cell.text for cell in row.cells] for row in table.rows]
        assert read == as_python_docx_reads(rows)


@pytest.mark.parametrize("stem", IMPROVEMENT)
def test_grey_rows_are_exactly_the_complete_rows(stem):
    for table, rows in zip(docx_tables(stem), export_tables(stem), strict=True):
        for row, fields in zip(table.rows, rows, strict=True):
            complete = fields[-1].startswith("Complete")
            assert fills(row) == ({GREY} if complete else {None}), fields[0][:40]


@pytest.mark.parametrize(("stem", "grey"), [(IMPROVEMENT[0], 34), (IMPROVEMENT[1], 38)])
def test_grey_row_counts(stem, grey):
    # January: ES1.1 5, ES1.4 4, ES1.5 8, EY1.4 4, EY1.6 4, P1.8 5, P1.12 8 rows say Complete;
    # October has four fewer (ES1.4 d., ES1.5 Dying2Drive and Safety Audits, P1.12 debriefs)
    rows = [row for table in docx_tables(stem) for row in table.rows]
    assert sum(fills(row) == {GREY} for row in rows) == grey


@pytest.mark.parametrize("stem", CFC)
def test_cause_for_concern_plan_has_no_shading(stem):
    rows = [row for table in docx_tables(stem) for row in table.rows]
    assert all(fills(row) == {None} for row in rows)


@pytest.mark.parametrize(("stem", "quarter"), [(IMPROVEMENT[0], "Q2"), (IMPROVEMENT[1], "Q3")])
def test_improvement_plan_has_seven_action_tables(stem, quarter):
    tables = docx_tables(stem)
    assert len(tables) == 7
    for table in tables:
        header = table.rows[2]
        assert [c.text for c in header.cells] == [
            *ACTION_HEADER,
            f"{quarter} 2020-2021",
            "Target Date",
        ]
        assert all(run.bold for c in header.cells for run in c.paragraphs[0].runs)
        # the label rows above repeat with the header: Word repeats only leading header rows
        assert [repeats(row) for row in table.rows] == [True, True, True] + [False] * (
            len(table.rows) - 3
        )
        assert table.rows[0].cells[0].text == "Area for Improvement"
        assert table.rows[-1].cells[0].text == "Strategic lead"
        assert table.style.name == "Table Grid"


def test_improvement_plan_merges_as_the_original():
    es14 = docx_tables(IMPROVEMENT[1])[1]
    area = es14.rows[0]._tr.findall(f"{W}tc")
    assert len(area) == 2
    assert area[1].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "3"
    # f. Additional training for Managers has one continuation row
    f_first, f_next = es14.rows[8]._tr.findall(f"{W}tc")[0], es14.rows[9]._tr.findall(f"{W}tc")[0]
    assert f_first.find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    assert f_next.find(f"{W}tcPr/{W}vMerge").get(f"{W}val") in (None, "continue")
    assert es14.rows[9].cells[1].text.startswith("Statutory safeguarding training")


@pytest.mark.parametrize(("stem", "actions"), [(CFC[0], (9, 14, 14)), (CFC[1], (9, 13, 15))])
def test_cause_for_concern_plan_has_three_keys_and_three_action_tables(stem, actions):
    tables = docx_tables(stem)
    assert len(tables) == 6
    keys, action_tables = tables[0::2], tables[1::2]
    for key in keys:
        assert len(key.columns) == 2 and len(key.rows) == 9
        assert [c.text for c in key.rows[0].cells] == ["AD", "Assistant Director: Prevention"]
        assert [c.text for c in key.rows[1].cells] == ["GC", "Group Commander: Prevention"]
    for table, count in zip(action_tables, actions, strict=True):
        assert [c.text for c in table.rows[0].cells] == [
            "",
            "",
            "Completion Date",
            "Lead",
            "Signed Off By/Date",
        ]
        assert [repeats(row) for row in table.rows] == [True] + [False] * count
        assert len(table.rows) == 1 + count


def test_later_cause_for_concern_edition():
    rows = {
        r.cells[0].text: [c.text for c in r.cells]
        for t in docx_tables(CFC[1])[1::2]
        for r in t.rows
    }
    assert rows["3.10"][2:] == ["31.10.21", "PM SCP", "AD 20.01.22"]
    assert rows["1.4"][2:] == ["ongoing", "PM", ""]
    assert rows["2.13"][1].startswith("Investigate a body to undertake a peer review")
    assert "2.14" not in rows
    assert rows["3.15"][2:] == ["31.03.22", "PM SCP", ""]


def test_word_paragraph_styles():
    import docx

    document = docx.Document(str(SAMPLES / f"{IMPROVEMENT[1]}.docx"))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["HMICFRS Improvement Plan 2018/19"] == "Title"
    assert styles["Updated: January 2021"] == "Subtitle"
    assert styles["Effectiveness – ES1.1"] == "Heading 1"
    assert styles["Efficiency- EY1.4"] == "Heading 1"
    assert (
        styles["How well does the fire and rescue service look after its people?"] == "List Bullet"
    )
    link = "Over summer 2018, inspectors from HMICFRS"
    assert any(t.startswith(link) and t.endswith("this is the link to the report.") for t in styles)
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert document.core_properties.created.isoformat() == "2021-01-01T09:00:00+00:00"
    cfc = docx.Document(str(SAMPLES / f"{CFC[0]}.docx"))
    assert {p.text: p.style.name for p in cfc.paragraphs}["Objective 1:"] == "Heading 1"


@pytest.mark.parametrize(
    ("page", "first_cell", "progress_start"),
    [
        (3, "", "completed Dec 2020."),  # Deliver new MDTs ... roll out | completed Dec 2020.
        (10, "", "organisation. This has impacted"),  # EY1.6 Monitor Progress against targets
        (13, "group to review structure of\nall processes.", "Review and HMICFRS inspection,"),
    ],
)
def test_pdf_rows_break_across_pages_under_a_repeated_header(page, first_cell, progress_start):
    import pdfplumber

    with pdfplumber.open(SAMPLES / f"{IMPROVEMENT[1]}.pdf") as pdf:
        assert len(pdf.pages) == 14
        rows = pdf.pages[page - 1].find_tables()[0].extract()
    assert rows[0][0] == "Area for Improvement"
    assert rows[2][:2] == list(ACTION_HEADER)
    assert rows[3][0] == first_cell
    assert rows[3][1].startswith(progress_start)


CHANGES = {"added", "removed", "changed"}
FIELDS = {
    "action",
    "status",
    "due_end",
    "due_raw",
    "lead_codes",
    "lead_raw",
    "progress",
    "latest_update",
    "signed_off_date",
    "action_ref",
}


def test_readme_differences_follow_the_conventions():
    text = (SAMPLES / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    assert [s.splitlines()[0] for s in sections] == [
        "hwfrs-improvement-plan: 2020-10 -> 2021-01",
        "hwfrs-prevention-cfc: 2021-11 -> 2022-02",
    ]
    for section in sections:
        lines = [line for line in section.splitlines() if line.startswith("|")]
        assert lines[0] == "| action_id | change | field | old_value | new_value |"
        for line in lines[2:]:
            action_id, change, field, old, new = (c.strip() for c in line.strip("|").split("|"))
            assert change in CHANGES, line
            if change == "changed":
                assert field in FIELDS and old != new, line
            else:
                assert field == old == new == "", line
            if field in ("due_end", "signed_off_date"):
                assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|", v) for v in (old, new)), line
    improvement, cfc = (
        [line for line in s.splitlines() if line.startswith("|")][2:] for s in sections
    )
    assert len(improvement) == 24 and len(cfc) == 16
