"""Every knob of normalisation in one validated place: dates and the status vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import UK_DATES, DateSettings
from .vocabulary import Vocabulary, load_vocabulary, packaged_vocabulary


@dataclass(frozen=True)
class NormaliseSettings:
    """How cell text is read: the plan's date conventions and its status vocabulary.

    Extraction reads cell content by the same settings (a column of status words is
    a status column), so one object passed by the caller serves both stages.
    """

    dates: DateSettings = UK_DATES
    vocabulary: Vocabulary = field(default_factory=packaged_vocabulary)

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
