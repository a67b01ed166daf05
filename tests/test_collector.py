"""The cyclic collector held off only for the block a large load or diff runs in."""

from __future__ import annotations

import gc

import pytest

from planwatch.collector import collector_paused
from planwatch.diff import diff_editions


def test_the_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_block_raises():
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("bug")
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_diff_and_a_load_leave_the_collector_on(make_action, tmp_path):
    from planwatch.store import Store

    old = [make_action(action_id="1.1", action_ref="1.1", action="Review the policy.")]
    new = [
        make_action(
            action_id="1.1", action_ref="1.1", action="Review the policy.", status="complete"
        )
    ]
    assert [c.kind for c in diff_editions(old, new)] == ["closed"]
    with Store(tmp_path / "planwatch.db") as store:
        store.load(old)
        assert gc.isenabled()
