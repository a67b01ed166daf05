"""`planwatch extract --explain`: how each table was read and where each warning came from."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planwatch.cli import cli

LAYOUTS = Path(__file__).resolve().parents[2] / "samples" / "layouts"

POLICE_EXPLAINED = """\
northshire-police-peel-2023-03.docx
  organisation: Northshire Police
  title:        HMICFRS PEEL Inspection Action Plan
  edition:      March 2023 -> 2023-03-01
  tables: 2
  table 1: actions, 8 entries: header row 1 matched
      column 1 'Ref' -> ref (exact)
      column 2 'Recommendation' -> area (exact)
      column 3 'Action' -> action (exact)
      column 4 'Owner' -> lead (exact)
      column 5 'Due date' -> due (exact)
      column 6 'RAG status' -> status (exact)
      column 7 'Update' -> progress (exact)
      column 1 content: ref 1.00, number 1.00
      column 2 content: prose 1.00
      column 3 content: prose 1.00
      column 4 content: short text
      column 5 content: date 0.86, status 0.14, ref 0.29, number 0.29
      column 6 content: status 1.00
      column 7 content: prose 1.00
      cells: 44 actions, 7 header, 3 context, 0 unaccounted
  table 2: key, 5 codes: two columns of short codes and roles
      cells: 2 header, 10 key, 0 unaccounted
  key: ACC = Assistant Chief Constable (Crime and Justice), DCC = Deputy Chief Constable, \
Supt = Superintendent, Force Contact, Ch Insp = Chief Inspector, Control Room, \
DI = Detective Inspector, Crime Standards
  legend: blue = complete, green = on track, amber = at risk, red = off track
  actions: 8 entries; 3 ongoing, 3 open, 2 complete
  warning 3.1 entry 1, lead cell 'DS': lead DS read from standard ranks
"""


def explain(name: str) -> str:
    result = CliRunner().invoke(cli, ["extract", "--explain", str(LAYOUTS / name)])
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_tracker_tables_columns_key_legend_and_warning():
    assert explain("northshire-police-peel-2023-03.docx") == POLICE_EXPLAINED


def test_explain_says_why_tables_were_skipped():
    lines = explain("eastshire-fire-improvement-plan-2022-10.docx").splitlines()
    # a contents table of 4 rows x 3 cells, pillar grades 4 x 2, version history 3 x 4
    assert lines[5:11] == [
        "  table 1: skipped: no header row names an action column"
        " (first row: ('1', 'Introduction', '2'))",
        "      cells: 12 skipped, 0 unaccounted",
        "  table 2: skipped: header row names only area: an action table needs action plus"
        " a date, lead, status or progress column",
        "      cells: 8 skipped, 0 unaccounted",
        "  table 3: skipped: header row names only due: an action table needs action plus"
        " a date, lead, status or progress column",
        "      cells: 12 skipped, 0 unaccounted",
    ]
    assert "  warning R1.2 entry 1" not in "\n".join(lines)  # overdue is no warning
    assert (
        "  warning AFI 3/c entry 1, due cell 'w/c 5 December 2022':"
        " week commencing read as 05 Dec 2022-11 Dec 2022"
    ) in lines


def test_explain_warnings_name_the_cell_and_the_page_in_a_pdf():
    lines = explain("westshire-police-vetting-plan.pdf").splitlines()
    assert (
        "  warning (document): edition date not printed in the document: taken from the"
        " file's properties (created 2023-06-12)"
    ) in lines
    assert (
        "  warning 3 entry 1, page 1, status cell (fill FF0000):"
        " status read from fill FF0000 by the legend"
    ) in lines
    assert "  warning 4 entry 1, page 2, lead cell 'DCC': lead DCC read from standard ranks" in (
        lines
    )
    assert "      column 5 'Q1 2023-2024 update' -> latest_update (period)" in lines
    assert "      column 5 content: prose 1.00" in lines
