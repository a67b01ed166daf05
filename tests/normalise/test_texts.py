"""The canonical form of a text: one spelling where a format cannot carry the difference."""

from __future__ import annotations

import pytest

from planwatch.normalise.texts import canonical_text


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Deliver MDTs to appliances/ vehicles.", "Deliver MDTs to appliances/vehicles."),
        ("Review the gathering/  updating process", "Review the gathering/updating process"),
        ("Budget for 2021/ 22", "Budget for 2021/22"),
        ("process/policy", "process/policy"),
        # a slash spaced on both sides, or opening a text, is the author's spacing: kept
        ("Sept / Oct 2022", "Sept / Oct 2022"),
        ("/ recruitment", "/ recruitment"),
        ("see https://example.org/ plans", "see https://example.org/ plans"),
        ("and/or", "and/or"),
    ],
)  # fmt: skip
def test_a_space_after_a_slash_between_words_is_not_kept(printed, canonical):
    assert canonical_text(printed) == canonical
