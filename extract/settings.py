"""Every knob of extraction in one validated place."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.vocabulary import load_vocabulary

from .profile import Profile, load_profile


@dataclass(frozen=True)
class ExtractSettings:
    """How documents are read: the recognition profile, the recognition thresholds, and how
    cell text is read (dates, status words), which content evidence and normalisation share."""

    profile: Profile = field(default_factory=load_profile)  # shipped, or with a user's file
    header_search_rows: int = 6  # how far down a table its header row may sit
    min_header_roles: int = 2  # action plus at least one of due/lead/status/progress/signoff
    min_action_chars: int = 15  # mean length that makes an unlabelled column the action text
    cells: NormaliseSettings = field(default_factory=NormaliseSettings)
    edition_date: date | None = None  # set by the caller: every file read is that edition

    @classmethod
    def with_profile_file(cls, path: Path | None, **knobs: object) -> ExtractSettings:
        """Return settings whose profile and status vocabulary are the shipped ones, extended
        by the user's file ``path`` (if given): one file carries both."""
        settings = cls(**knobs)
        return settings.extended_by(path) if path is not None else settings

    def extended_by(self, path: Path) -> ExtractSettings:
        """Return these settings with the profile and vocabulary of the user's file added."""
        if not Path(path).is_file():
            raise ValueError(f"profile {path} is not a file")
        cells = replace(self.cells, vocabulary=load_vocabulary(Path(path)))
        return replace(self, profile=load_profile(Path(path)), cells=cells)

    def __post_init__(self) -> None:
        if not isinstance(self.profile, Profile):
            raise TypeError(
                f"profile must be a Profile, got {type(self.profile).__name__}; "
                "use ExtractSettings.with_profile_file(path) for a profile file"
            )
        if not isinstance(self.cells, NormaliseSettings):
            raise TypeError(f"cells must be a NormaliseSettings, got {type(self.cells).__name__}")
        if self.edition_date is not None and not isinstance(self.edition_date, date):
            raise TypeError(f"edition_date must be a date, got {self.edition_date!r}")
        if self.header_search_rows < 1:
            raise ValueError("header_search_rows must be at least 1")
        if self.min_header_roles < 1:
            raise ValueError("min_header_roles must be at least 1")
