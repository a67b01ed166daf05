"""The published schema: a Frictionless Data Package that validates the CSV it describes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.export import write_actions, write_changes
from planwatch.model import CHANGE_COLUMNS, COLUMNS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _fields(package: dict, name: str) -> dict[str, dict]:
    resource = next(r for r in package["resources"] if r["name"] == name)
    return {f["name"]: f for f in resource["schema"]["fields"]}


def test_schema_describes_every_column(tmp_path, actions):
    write_actions(actions, tmp_path / "actions.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    fields = _fields(package, "actions")
    assert list(fields) == list(COLUMNS)
    assert all(f["description"] for f in fields.values())
    assert fields["edition_date"]["type"] == "date"
    assert fields["greyed"] == fields["greyed"] | {"type": "boolean", "trueValues": ["true"]}
    assert fields["entry_no"]["type"] == "integer"
    assert fields["lead_codes"] | {} == fields["lead_codes"] | {"type": "list", "delimiter": ";"}
    assert fields["status"]["constraints"]["enum"] == [
        "complete",
        "open",
        "ongoing",
        "deferred",
        "cancelled",
    ]
    assert "financial_year" in fields["due_precision"]["constraints"]["enum"]
    resource = package["resources"][0]
    assert resource["path"] == "actions.csv"
    assert resource["schema"]["primaryKey"] == ["source_sha256", "action_id", "entry_no"]
    assert "remove one leading '" in resource["description"]


def test_actions_and_changes_share_one_package(tmp_path, actions, changes):
    write_actions(actions, tmp_path / "actions.csv")
    write_changes(changes, tmp_path / "changes.csv")
    write_actions(actions, tmp_path / "actions.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert [r["name"] for r in package["resources"]] == ["changes", "actions"]
    assert list(_fields(package, "changes")) == list(CHANGE_COLUMNS)


def test_written_csv_validates(tmp_path, actions, changes, make_action):
    frictionless = pytest.importorskip("frictionless")
    odd = make_action(action_id="9.9", progress="=1+1", lead_codes=("@x",), status="deferred")
    write_actions([*actions, odd], tmp_path / "actions.csv")
    write_changes(changes, tmp_path / "changes.csv")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == 2


def test_validation_catches_a_broken_csv(tmp_path, actions):
    frictionless = pytest.importorskip("frictionless")
    path = tmp_path / "actions.csv"
    write_actions(actions, path)
    text = path.read_bytes().decode("utf-8-sig").replace(",complete,", ",done,", 1)
    path.write_bytes(text.encode("utf-8-sig"))
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert [e[:2] for e in report.flatten(["fieldName", "type"])] == [
        ["status", "constraint-error"]
    ]


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")) or [None])
def test_sample_csv_validates(tmp_path, sample):
    if sample is None:
        pytest.skip("no samples/*.txt yet")
    frictionless = pytest.importorskip("frictionless")
    extract_file = pytest.importorskip("planwatch.pipeline").extract_file
    write_actions(extract_file(sample), tmp_path / "actions.csv")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
