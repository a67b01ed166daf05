"""DiffSettings: the pairing thresholds are the caller's, and a bad one is refused by name."""

from __future__ import annotations

import pytest

from planwatch.diff import DiffSettings, Match, diff_editions, match_actions

# The new text is the old one with " daily" after it: their longest common subsequence is
# the whole old text (17 letters once lower-cased), so fuzz.ratio scores them
# 200 * 17 / (17 + 23) = 85.
OLD, NEW = "Review crew rotas", "Review crew rotas daily."


def _pair(make_action, settings, *, ref="", sections=("1", "1")):
    old = [make_action(action_id="a", action_ref=ref, section_ref=sections[0], action=OLD)]
    new = [make_action(action_id="a" if ref else "b", action_ref=ref,
                       section_ref=sections[1], action=NEW)]  # fmt: skip
    return match_actions(old, new, settings)


def test_a_text_scoring_85_pairs_within_a_section_at_80_and_not_at_90(make_action):
    assert _pair(make_action, DiffSettings()) == [Match("a", "b", "text", 85.0)]
    assert _pair(make_action, DiffSettings(text_match_min=90)) == []


def test_a_changed_ref_threshold_keeps_or_drops_a_numbered_pair(make_action):
    assert _pair(make_action, DiffSettings(), ref="2.1") == [Match("a", "a", "ref", 85.0)]
    strict = DiffSettings(ref_match_min=90, text_match_min=90)
    assert _pair(make_action, strict, ref="2.1") == []


def test_a_move_across_sections_pairs_only_at_a_lower_moved_threshold(make_action):
    assert _pair(make_action, DiffSettings(), sections=("1", "2")) == []
    lower = DiffSettings(moved_match_min=80)
    assert _pair(make_action, lower, sections=("1", "2")) == [Match("a", "b", "text", 85.0)]


def test_diff_editions_pairs_by_the_settings_passed(make_action):
    old = [make_action(action_id="a", section_ref="1", action=OLD)]
    new = [make_action(action_id="b", section_ref="1", action=NEW)]
    # one action, renumbered and reworded: only changes of it, no action added or removed
    assert {c.change for c in diff_editions(old, new)} == {"changed"}
    strict = diff_editions(old, new, settings=DiffSettings(text_match_min=90))
    assert sorted(c.change for c in strict) == ["added", "removed"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("ref_match_min", 101), ("text_match_min", -1), ("moved_match_min", float("nan")),
     ("similar_title_min", "80"), ("text_match_min", True), ("bounded_pairs", -1),
     ("bounded_pairs", 2.5)],
)  # fmt: skip
def test_a_bad_setting_is_refused_by_name(name, value):
    with pytest.raises(ValueError, match=f"DiffSettings.{name} "):
        DiffSettings(**{name: value})


def test_settings_cannot_be_changed_once_made():
    settings = DiffSettings()
    with pytest.raises(AttributeError):
        settings.text_match_min = 10  # type: ignore[misc]


@pytest.mark.parametrize(("settings", "kinds"), [
    (DiffSettings(), {"changed"}),
    (DiffSettings(text_match_min=90), {"added", "removed"}),
])  # fmt: skip
def test_a_store_keys_and_diffs_its_editions_by_its_settings(tmp_path, make_action, settings,
                                                             kinds):  # fmt: skip
    from datetime import date

    from planwatch.store import Store

    old = make_action(action_id="a", section_ref="1", action=OLD)
    new = make_action(action_id="b", section_ref="1", action=NEW, source_sha256="1" * 64,
                      source_file="new.txt", edition_date=date(2022, 2, 1))  # fmt: skip
    with Store(tmp_path / "store.db", diff_settings=settings) as store:
        store.load([old])
        result = store.load([new])
        assert {c.change for c in result.changes} == kinds
        # paired, the new action carries on the old one's series
        assert (store.actions(old.plan_id)[0].series_key == "a") == (kinds == {"changed"})
