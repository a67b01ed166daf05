"""Series keys: an action keeps its key across renumbering, whatever order editions load in."""

from __future__ import annotations

import itertools

import pytest

from planwatch.pipeline import extract_file
from planwatch.store import edition_actions, editions, load_edition, open_store

# By hand from the editions in tests/conftest.py: (action_id, action_key, previous_action_id)
EXPECTED_KEYS = [
    [("1.1", "1.1", ""), ("1.2", "1.2", ""), ("1.3", "1.3", ""), ("2.1", "2.1", ""),
     ("2.2", "2.2", "")],
    [("1.1", "1.1", ""), ("1.2", "1.3", "1.3"), ("2.1", "2.2", "2.2"), ("2.2", "2.1", "2.1")],
    [("1.1", "1.1", ""), ("1.2", "1.3", ""), ("1.3", "1.3~2", ""), ("1.4", "1.4", ""),
     ("2.1", "2.2", "")],
]  # fmt: skip


def _keys(conn) -> list[list[tuple[str, str, str]]]:
    return [
        [
            (a.action_id, a.action_key, a.previous_action_id)
            for a in edition_actions(conn, e.edition_id)
        ]
        for e in editions(conn)
    ]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_the_same_keys_whatever_the_load_order(tmp_path, series_files, order):
    months = sorted(series_files)
    conn = open_store(tmp_path / "store.db")
    for i in order:
        load_edition(conn, extract_file(series_files[months[i]]))
    assert _keys(conn) == EXPECTED_KEYS
    conn.close()


def test_no_key_stands_for_two_actions(tmp_path, series_files):
    conn = open_store(tmp_path / "store.db")
    for path in series_files.values():
        load_edition(conn, extract_file(path))
    texts: dict[str, set[str]] = {}
    for edition in editions(conn):
        for a in edition_actions(conn, edition.edition_id):
            texts.setdefault(a.action_key, set()).add(a.action.split()[0])
    # one series per key: its first word stays (split and merged texts keep theirs)
    assert all(len(first_words) == 1 for first_words in texts.values()), texts
    conn.close()


def test_a_corrected_file_is_a_conflict_unless_replaced(tmp_path, series_files):
    conn = open_store(tmp_path / "store.db")
    april = series_files["2022-04"]
    for path in series_files.values():
        load_edition(conn, extract_file(path))
    corrected = tmp_path / "northfield-2022-04-corrected.txt"
    corrected.write_text(
        april.read_text(encoding="utf-8").replace("30.04.22\tComplete", "30.04.22\tOpen"),
        encoding="utf-8",
    )
    conflict = load_edition(conn, extract_file(corrected))
    assert (conflict.loaded, conflict.skipped_as) == (False, "conflict")
    assert conflict.edition.source_file == april.name

    swapped = load_edition(conn, extract_file(corrected), replace=True)
    assert swapped.loaded and swapped.replaced.source_file == april.name
    [stored] = [e for e in editions(conn) if str(e.edition_date) == "2022-04-01"]
    assert stored.source_file == corrected.name
    audit = [a for a in edition_actions(conn, stored.edition_id) if a.action_id == "2.1"]
    assert [a.status for a in audit] == ["open"]
    (kept,) = conn.execute("SELECT source_file FROM revisions").fetchall()
    assert kept[0] == april.name
    assert _keys(conn) == EXPECTED_KEYS
    conn.close()
