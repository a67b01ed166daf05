"""The bound that spares scoring pairs of texts: it never leaves out a pair that scores."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from planwatch.diff.bound import candidates

LETTERS = "abcdefghij "


def _edited(text: str, edits: int, rng: random.Random) -> str:
    """Return ``text`` with ``edits`` letters changed, dropped or added at random places."""
    letters = list(text)
    for _ in range(edits):
        at = rng.randrange(len(letters) + 1)
        kind = rng.choice(("change", "drop", "add")) if letters else "add"
        if kind == "add" or at == len(letters):
            letters.insert(at, rng.choice(LETTERS))
        elif kind == "drop":
            del letters[at]
        else:
            letters[at] = rng.choice(LETTERS)
    return "".join(letters)


def test_every_pair_scoring_the_minimum_is_a_candidate():
    # Texts a few edits to many apart, so scores fall on both sides of each threshold.
    rng = random.Random(7)
    bases = ["".join(rng.choice(LETTERS) for _ in range(rng.randrange(5, 60))) for _ in range(30)]
    queries = [_edited(b, rng.randrange(12), rng) for b in bases for _ in range(3)]
    choices = [_edited(b, rng.randrange(12), rng) for b in bases for _ in range(3)] + ["", "a"]
    queries += ["", "j"]
    for minimum in (70.0, 80.0, 90.0):
        found = candidates(queries, choices, minimum)
        scoring = [
            [k for k, c in enumerate(choices) if fuzz.ratio(q, c) >= minimum] for q in queries
        ]
        assert all(set(s) <= set(f) for s, f in zip(scoring, found, strict=True))
        assert all(f == sorted(f) for f in found)
        assert sum(map(len, scoring)) > 20  # near pairs were there to find


def test_texts_with_few_letters_in_common_are_no_candidates():
    # "abcd" / "abxy": two letters of eight in common bound the score at 50
    assert candidates(["abcd", "abcd", ""], ["abxy", "dcba", ""], 60.0) == [[1], [1], [2]]
    assert candidates(["abcd"], ["abxy"], 50.0) == [[0]]
