"""Pairing actions across editions: refs, renumbering, repeated texts, moves."""

from __future__ import annotations

from datetime import date

from planwatch.diff import Match, match_actions

UNDERTAKE = (
    "Undertake efficiency based value review, measuring resources in versus outputs, "
    "and continue to monitor efficiency."
)
INVESTIGATE = (
    "Investigate a body to undertake a peer review or external assessment of delivery "
    "against our strategy"
)
DEVELOP = (
    "Develop a means of evaluating prevention activity to assess its impact of on the local "
    "community"
)


def test_same_ref_and_text_is_a_ref_match(make_action):
    old = [make_action(action_id="2.12", action_ref="2.12", action=DEVELOP)]
    new = [make_action(action_id="2.12", action_ref="2.12", action=DEVELOP)]
    assert match_actions(old, new) == [Match("2.12", "2.12", "ref", 100.0)]


def test_renumbered_action_follows_its_text_not_its_number(make_action):
    # CFC February 2022: 2.13 dropped, 2.14 renumbered 2.13.
    old = [
        make_action(action_id="2.12", action_ref="2.12", action=DEVELOP),
        make_action(action_id="2.13", action_ref="2.13", action=UNDERTAKE),
        make_action(action_id="2.14", action_ref="2.14", action=INVESTIGATE),
    ]
    new = [
        make_action(action_id="2.12", action_ref="2.12", action=DEVELOP),
        make_action(action_id="2.13", action_ref="2.13", action=INVESTIGATE),
    ]
    pairs = [(m.old_id, m.new_id, m.how) for m in match_actions(old, new)]
    assert pairs == [("2.12", "2.12", "ref"), ("2.14", "2.13", "text")]


def test_light_rewording_keeps_the_match(make_action):
    old = [
        make_action(
            action_id="P1.12/4",
            action="Continue combined working with operational staff and leaders.",
        )
    ]
    new = [
        make_action(
            action_id="P1.12/4", action="Continue joint working with operational staff and leaders."
        )
    ]
    [match] = match_actions(old, new)
    assert (match.old_id, match.new_id, match.how) == ("P1.12/4", "P1.12/4", "text")


def test_different_actions_in_one_section_are_not_matched(make_action):
    old = [make_action(action_id="ES1.5/1", action="Evaluation of Safe & Well GP referral pilot.")]
    new = [make_action(action_id="ES1.5/1", action="Evaluation of Safe & Well Check.")]
    assert match_actions(old, new) == []


def test_repeated_texts_are_told_apart_by_progress_after_an_insertion(make_action):
    # ES1.5 prints "Evaluation of Safe & Well Check." twice with different progress;
    # an action inserted above shifts both positional ids by one.
    check = "Evaluation of Safe & Well Check."
    tender = "The Safe and Well evaluation tender was awarded to the University of Worcester."
    questions = "Questions have been added to the Safe and Well Check."
    old = [
        make_action(section_ref="ES1.5", action_id="ES1.5/1", action=check, progress=tender),
        make_action(section_ref="ES1.5", action_id="ES1.5/2", action=check, progress=questions),
    ]
    new = [
        make_action(section_ref="ES1.5", action_id="ES1.5/1", action="Evaluation of MORSE."),
        make_action(section_ref="ES1.5", action_id="ES1.5/2", action=check, progress=tender),
        make_action(
            section_ref="ES1.5",
            action_id="ES1.5/3",
            action=check,
            progress=questions + " The questions are now live.",
        ),
    ]
    pairs = [(m.old_id, m.new_id, m.how) for m in match_actions(old, new)]
    assert pairs == [("ES1.5/1", "ES1.5/2", "position"), ("ES1.5/2", "ES1.5/3", "position")]


def test_repeated_texts_with_the_same_progress_pair_in_order(make_action):
    check = "Evaluation of Safe & Well Check."
    rows = [make_action(section_ref="ES1.5", action_id=f"ES1.5/{i}", action=check) for i in (1, 2)]
    pairs = [(m.old_id, m.new_id) for m in match_actions(rows, rows)]
    assert pairs == [("ES1.5/1", "ES1.5/1"), ("ES1.5/2", "ES1.5/2")]


def test_an_action_moved_to_another_section_is_matched_when_its_text_is_near_identical(
    make_action,
):
    old = [
        make_action(section_ref="Objective 2", action_id="2.8", action_ref="2.8", action=DEVELOP)
    ]
    new = [
        make_action(section_ref="Objective 3", action_id="3.14", action_ref="3.14", action=DEVELOP)
    ]
    [match] = match_actions(old, new)
    assert (match.old_id, match.new_id, match.how) == ("2.8", "3.14", "text")


def test_backlog_actions_of_two_sections_are_not_taken_for_a_move(make_action):
    prevention = (
        "We want to clear the backlog we have for the specialist prevention officers and "
        "allocate sufficient resources to prevention."
    )
    protection = (
        "We want to clear the backlog we have for the specialist protection officers and "
        "allocate sufficient resources to allow successful enforcement and follow up activity."
    )
    old = [make_action(section_ref="EY1.4", action_id="EY1.4/2", action=prevention)]
    new = [
        make_action(
            section_ref="EY1.6",
            action_id="EY1.6/1",
            action=protection,
            edition_date=date(2021, 1, 1),
        )
    ]
    assert match_actions(old, new) == []


def test_an_edition_without_refs_scores_only_the_texts_that_changed(make_action, monkeypatch):
    # No printed refs and one section: every action is paired by its text. The 200 that
    # stand are found by lookup; only the reworded one is scored against the new texts.
    from rapidfuzz import process

    texts = [f"Action number {n}: review the {n % 7} prevention partners" for n in range(200)]
    old = [make_action(section_ref="", action_id=f"/{n}", action=t) for n, t in enumerate(texts)]
    new = [make_action(section_ref="", action_id=f"/{n}", action=t) for n, t in enumerate(texts)]
    new[150] = make_action(section_ref="", action_id="/150", action=texts[150] + " this year")
    scored = []
    real = process.extract
    monkeypatch.setattr(
        process, "extract", lambda query, *a, **k: scored.append(query) or real(query, *a, **k)
    )
    matches = match_actions(old, new)
    assert [(m.old_id, m.new_id, m.how) for m in matches] == [
        (f"/{n}", f"/{n}", "text") for n in range(200)
    ]
    assert matches[150].score < 100 and scored == [
        "action number 150  review the 3 prevention partners"
    ]


def test_identical_texts_are_paired_before_similar_ones(make_action):
    # the new "Review the policy." is identical to the second old action and near the first
    old = [
        make_action(section_ref="", action_id="/1", action="Review the policy now."),
        make_action(section_ref="", action_id="/2", action="Review the policy."),
    ]
    new = [make_action(section_ref="", action_id="/1", action="Review the policy.")]
    assert [(m.old_id, m.new_id, m.how, m.score) for m in match_actions(old, new)] == [
        ("/2", "/1", "text", 100.0)
    ]


def _unref_editions(make_action):
    """Two editions with no printed refs, 20 sections of 30 actions, and the pairs that
    are the same action by construction: 250 actions dropped, 250 new ones, 40 moved to
    another section with one letter changed, 30 reworded in place by one word, the rest
    as they were, the new edition's rows shuffled. Texts are ten random words of a
    made-up vocabulary, so two different actions share few words."""
    import random

    rng = random.Random(3)
    syllables = [c + v for c in "bcdfghklmnprstvw" for v in "aeiou"]
    vocabulary = ["".join(rng.sample(syllables, 3)) for _ in range(400)]

    def text() -> str:
        return " ".join(rng.sample(vocabulary, 10)).capitalize() + "."

    old_texts = [text() for _ in range(600)]
    kept = rng.sample(range(600), 350)
    moved, reworded = set(kept[:40]), set(kept[40:70])
    rows = []  # (old index or None, section, text)
    for i in kept:
        section, words = i // 30, old_texts[i]
        if i in moved:
            section, words = (section + 7) % 20, words[:-2] + "q."
        elif i in reworded:
            words = words.replace(words.split()[3], "differently", 1)
        rows.append((i, section, words))
    rows += [(None, rng.randrange(20), text()) for _ in range(250)]
    rng.shuffle(rows)
    old = [make_action(section_ref=f"S{i // 30}", action_id=f"o{i}", action=t)
           for i, t in enumerate(old_texts)]  # fmt: skip
    new = [make_action(section_ref=f"S{s}", action_id=f"n{n}", action=t)
           for n, (_, s, t) in enumerate(rows)]  # fmt: skip
    truth = {(f"o{i}", f"n{n}") for n, (i, _, _) in enumerate(rows) if i is not None}
    return old, new, truth


def test_unrefd_actions_pair_as_made_whether_their_scores_are_bounded_or_not(make_action):
    # The 290 left unpaired in their section are bounded all at once before any is
    # scored across sections (84,100 pairs); with the bound off every pair is scored.
    from planwatch.diff import DiffSettings

    old, new, truth = _unref_editions(make_action)
    found = {}
    for name, limit in (("bounded", 0), ("scored", 10**12)):
        found[name] = match_actions(old, new, DiffSettings(bounded_pairs=limit))
    assert {(m.old_id, m.new_id) for m in found["bounded"]} == truth
    assert found["bounded"] == found["scored"]  # the same pairs, scores and order
    assert sum(m.score < 100 for m in found["bounded"]) == 70  # the moved and reworded
