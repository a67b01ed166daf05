"""Every knob of pairing two editions' actions in one validated place."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffSettings:
    """How two editions' actions are paired, and how alike titles name a plan's editions.

    Scores are rapidfuzz ``fuzz.ratio`` of the texts (lower-cased, punctuation dropped),
    0 to 100, measured on the two seed plans and the sample editions:

    - two different actions of one section score at most 73 ("Evaluation of Safe & Well
      GP referral pilot." / "Evaluation of Safe & Well Check."), of one CFC plan at most 59;
    - a one-word rewording scores 94 ("Continue combined working with operational staff
      and leaders." -> "joint working"), the CFC's 2.11 "capture" -> "collect" 98;
    - CFC 2.13 "Undertake efficiency based value review..." against the 2.14 text that
      took its number, "Investigate a body to undertake a peer review...", scores 42.

    ``token_set_ratio`` is no use here: it scores a short text whose words all occur in a
    longer one near 100 (88 for the two "Evaluation of Safe & Well" actions).
    """

    ref_match_min: float = 70.0
    """Same printed ref: paired unless the texts score below this (a different action
    that took the number)."""
    text_match_min: float = 80.0
    """Same section, no ref agreement: paired from this score on, above two different
    actions' 73 and below a rewording's 94."""
    moved_match_min: float = 90.0
    """Across sections different actions score up to 81 ("We want to clear the backlog we
    have for the specialist prevention / protection officers..."), so a move needs more."""
    similar_title_min: float = 80.0
    """A new plan id is named as maybe an edition of a stored plan of its organisation
    whose title scores this much: a retitled edition scores 88 ("... Plan 2018/19
    (Revised)"), 91 ("Draft HMICFRS Improvement Plan 2018/19"), 97 ("2018-2019"),
    "Action" for "Improvement" 81; two plans of one service 39 (the Prevention Cause for
    Concern Action Plan and the HMICFRS Improvement Plan). Sister plans ("Protection" for
    "Prevention Cause for Concern", 92) are named too: a notice costs the user one line."""
    bounded_pairs: int = 40_000
    """From this many pairs of unmatched actions on, they are bounded all at once before
    any is scored (``bound``): below it, scoring each is quicker than importing numpy.
    The pairs found are the same either way."""

    def __post_init__(self) -> None:
        for name in ("ref_match_min", "text_match_min", "moved_match_min", "similar_title_min"):
            value = getattr(self, name)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if not number or not math.isfinite(value) or not 0 <= value <= 100:
                raise ValueError(f"DiffSettings.{name} must be a score of 0 to 100, got {value!r}")
        value = self.bounded_pairs
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(
                f"DiffSettings.bounded_pairs must be a whole number of 0 or more, got {value!r}"
            )


DEFAULT_DIFF = DiffSettings()
