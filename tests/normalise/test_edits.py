"""One typing slip apart: checked against rapidfuzz's optimal string alignment distance."""

from __future__ import annotations

import itertools

import pytest
from rapidfuzz.distance import OSA

from planwatch.normalise.edits import within_one_edit


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("complete", "complete", True),
        ("compete", "complete", True),  # a letter dropped
        ("completee", "complete", True),  # one added
        ("cpmplete", "complete", True),  # one changed
        ("comlpete", "complete", True),  # two neighbours swapped
        ("GPC", "GCP", True),
        ("cmoplete", "compelte", False),  # two swaps
        ("compl", "complete", False),
        ("", "a", True),
        ("ab", "ba", True),
        ("abc", "cba", False),
    ],
)
def test_slips(a, b, near):
    assert within_one_edit(a, b) is near
    assert within_one_edit(b, a) is near


def test_every_pair_of_short_words_agrees_with_the_edit_distance():
    words = ["".join(w) for n in range(5) for w in itertools.product("abc", repeat=n)]
    for a, b in itertools.product(words, repeat=2):
        assert within_one_edit(a, b) is (OSA.distance(a, b) <= 1), (a, b)
