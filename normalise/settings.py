"""Every knob of normalisation in one validated place: dates, the status vocabulary and
the thresholds that read misspelt words and fill colours."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import UK_DATES, DateSettings
from .vocabulary import Vocabulary, load_vocabulary, packaged_vocabulary

# Hue ranges in degrees, upper bound exclusive; red wraps round 0.
_RAG_HUES = (
    ("red", 0, 15),
    ("amber", 15, 65),
    ("green", 65, 170),
    ("blue", 170, 260),
    ("red", 330, 361),
)


@dataclass(frozen=True)
class NormaliseSettings:
    """How cell text is read: the plan's date conventions and its status vocabulary.

    Extraction reads cell content by the same settings (a column of status words is
    a status column), so one object passed by the caller serves both stages.
    """

    dates: DateSettings = UK_DATES
    vocabulary: Vocabulary = field(default_factory=packaged_vocabulary)
    # A misspelt status word is read only if it is this long and one edit away ("Compelte").
    status_typo_min_chars: int = 5
    # A misprinted lead code is corrected only if it is this long ("CGP" for "GCP").
    lead_typo_min_chars: int = 3
    # A sentence defining a shade ends in the status it means, of at most this many words:
    # "Greyed out sections of the plan note actions completed".
    max_status_words: int = 4
    # Fills whose channels differ by no more than this (max - min of R, G, B) are neutral:
    # grey, white or black.
    neutral_chroma: int = 16
    # (first, beyond the last) brightest channel of a neutral fill that is grey: only mid
    # greys, as near-white is no shading and near-black no greying-out.
    grey_levels: tuple[int, int] = (0x60, 0xF3)
    # Fills with channels closer than this (max - min of R, G, B) are read as no colour.
    min_fill_chroma: int = 24
    # (colour, first hue, hue beyond the last) in degrees: the RAG colour a fill's hue is.
    fill_hues: tuple[tuple[str, int, int], ...] = _RAG_HUES

    @classmethod
    def with_vocabulary_file(
        cls, path: Path | None, *, dates: DateSettings = UK_DATES
    ) -> NormaliseSettings:
        """Return settings whose vocabulary is the packaged one extended by ``path``."""
        return cls(dates=dates, vocabulary=load_vocabulary(path) if path else packaged_vocabulary())

    def __post_init__(self) -> None:
        for name, kind in (("dates", DateSettings), ("vocabulary", Vocabulary)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                raise TypeError(
                    f"normalise setting {name} must be a {kind.__name__},"
                    f" got {type(value).__name__}"
                )
        for name in ("status_typo_min_chars", "lead_typo_min_chars", "max_status_words"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 1:
                raise ValueError(f"normalise setting {name} must be at least 1")
        for name in ("neutral_chroma", "min_fill_chroma"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 255:
                raise ValueError(f"normalise setting {name} must be 0 to 255, got {value!r}")
        self._check_grey_levels()
        self._check_hues()

    def _check_grey_levels(self) -> None:
        levels = self.grey_levels
        ok = isinstance(levels, tuple) and len(levels) == 2
        ok = ok and all(isinstance(v, int) and not isinstance(v, bool) for v in levels)
        if not ok or not 0 <= levels[0] < levels[1] <= 256:
            raise ValueError(
                "normalise setting grey_levels must be (first, beyond the last) with"
                f" 0 <= first < beyond <= 256, got {levels!r}"
            )

    def _check_hues(self) -> None:
        for entry in self.fill_hues:
            ok = isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], str)
            if not ok or not 0 <= entry[1] < entry[2] <= 361:
                raise ValueError(
                    "normalise setting fill_hues must hold (colour, first hue, hue beyond"
                    f" the last) with 0 <= first < beyond <= 361, got {entry!r}"
                )
