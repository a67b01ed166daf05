"""A user's --profile carries status words and colour meanings as well as header synonyms."""

import csv
import io

import docx
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from planwatch.cli import cli

# One plan, built here: 1.1 prints a word of this service's own; 1.2 prints nothing and
# is only shaded green, which this service's key reads as done (most read it as on track).
ROWS = [
    ("1.1", "Publish the revised prevention strategy", "31/03/2022", "GCP", "Ratified", None),
    ("1.2", "Train every watch manager in safe and well visits", "30/06/2022", "AM", "", "00B050"),
    ("1.3", "Review referral routes with the county council", "30/09/2022", "GCP", "Ongoing", None),
]
HEADER = ("Ref", "Action", "Target date", "Lead", "Status")
MINE = """
[statuses]
complete = ["ratified"]

[rag]
green = "complete"
"""


def _plan(path, header=HEADER, rows=ROWS):
    document = docx.Document()
    document.add_paragraph("Eastshire Fire and Rescue Service")
    document.add_paragraph("Updated: January 2022")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for *texts, fill in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
        if fill:
            shading = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{fill}"/>')
            cells[4]._tc.get_or_add_tcPr().append(shading)
    document.save(path)
    return path


def _statuses(tmp_path, *profile: str, plan=None) -> dict[str, str]:
    plan = plan or _plan(tmp_path / "plan.docx")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["extract", str(plan), "-o", str(out), *profile])
    assert out.exists(), result.output
    rows = csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))
    return {row["action_id"]: row["status"] for row in rows}


def test_the_shipped_vocabulary_knows_neither_the_word_nor_the_colour_meaning(tmp_path):
    assert _statuses(tmp_path) == {"1.1": "", "1.2": "open", "1.3": "ongoing"}


def test_a_profile_word_and_colour_meaning_reach_the_rows(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE)
    statuses = _statuses(tmp_path, "--profile", str(mine))
    assert statuses == {"1.1": "complete", "1.2": "complete", "1.3": "ongoing"}


def test_a_profile_naming_an_unknown_status_is_refused_by_name(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[rag]\ngreen = "finished"\n')
    result = CliRunner().invoke(
        cli, ["extract", str(_plan(tmp_path / "plan.docx")), "--profile", str(mine)]
    )
    assert result.exit_code != 0
    assert "unknown status 'finished' for 'green' in [rag]" in result.output


def test_a_column_of_the_profiles_words_is_found_as_the_status_column_by_its_content(tmp_path):
    # no synonym names "Where we are": only its cells, in the profile's words, say status
    header = (*HEADER[:4], "Where we are")
    rows = [(*row[:4], "Ratified", None) for row in ROWS]
    plan = _plan(tmp_path / "unnamed.docx", header, rows)
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE)
    assert _statuses(tmp_path, plan=plan) == {"1.1": "open", "1.2": "open", "1.3": "open"}
    statuses = _statuses(tmp_path, "--profile", str(mine), plan=plan)
    assert statuses == {"1.1": "complete", "1.2": "complete", "1.3": "complete"}
