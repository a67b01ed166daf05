"""diff_editions on the sample editions gives exactly the differences samples/README.md lists."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from planwatch.diff import diff_editions
from planwatch.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAIR_HEADING = re.compile(r"^### (?P<plan>\S+): (?P<old>\S+) -> (?P<new>\S+)$")
TEXT_FIELDS = ("progress", "latest_update")


def _ground_truth() -> dict[tuple[str, str, str], list[tuple[str, ...]]]:
    """Return the README's table rows under each ``### plan: old -> new`` heading."""
    readme = SAMPLES / "README.md"
    tables: dict[tuple[str, str, str], list[tuple[str, ...]]] = {}
    if not readme.is_file():
        return tables
    rows = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        heading = PAIR_HEADING.match(line)
        if heading:
            rows = tables.setdefault((heading["plan"], heading["old"], heading["new"]), [])
        elif rows is not None and line.startswith("|"):
            cells = tuple(c.strip() for c in line.strip().strip("|").split("|"))
            if cells[0] not in ("action_id", "---"):
                rows.append(cells)
    return tables


GROUND_TRUTH = _ground_truth()


@pytest.mark.parametrize("pair", sorted(GROUND_TRUTH), ids=lambda p: f"{p[0]}:{p[1]}->{p[2]}")
def test_sample_editions_differ_exactly_as_listed(pair):
    plan, old_month, new_month = pair
    old = extract_file(SAMPLES / f"{plan}-{old_month}.txt")
    new = extract_file(SAMPLES / f"{plan}-{new_month}.txt")
    found = Counter(
        # a text extended is listed by the sentences added
        (c.action_id, c.change, c.field, "", " ".join(c.sentences_added))
        if c.field in TEXT_FIELDS
        else (c.action_id, c.change, c.field, c.old_value, c.new_value)
        for c in diff_editions(old, new)
        # the README lists what the edits changed; an action falling overdue is the
        # edition date passing its target, checked on the hand-written editions instead
        if c.kind != "became_overdue"
    )
    expected = Counter(GROUND_TRUTH[pair])
    assert {"missed": expected - found, "invented": found - expected} == {
        "missed": Counter(),
        "invented": Counter(),
    }


def test_the_readme_lists_both_sample_pairs():
    assert sorted(GROUND_TRUTH) == [
        ("hwfrs-improvement-plan", "2020-10", "2021-01"),
        ("hwfrs-prevention-cfc", "2021-11", "2022-02"),
    ]


@pytest.mark.parametrize("name", ["hwfrs-improvement-plan-2021-01", "hwfrs-prevention-cfc-2021-11"])
def test_a_sample_edition_diffed_with_itself_has_no_changes(name):
    actions = extract_file(SAMPLES / f"{name}.txt")
    assert diff_editions(actions, actions) == []
