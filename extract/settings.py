"""Every knob of extraction in one validated place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .profile import Profile, load_profile


@dataclass(frozen=True)
class ExtractSettings:
    """How documents are read: the recognition profile and the recognition thresholds."""

    profile: Profile = field(default_factory=load_profile)  # shipped, or with a user's file
    header_search_rows: int = 6  # how far down a table its header row may sit
    min_header_roles: int = 2  # action plus at least one of due/lead/status/progress/signoff
    min_action_chars: int = 15  # mean length that makes an unlabelled column the action text

    @classmethod
    def with_profile_file(cls, path: Path | None, **knobs: int) -> ExtractSettings:
        """Return settings whose profile is the shipped one extended by ``path`` (if given)."""
        if path is not None and not Path(path).is_file():
            raise ValueError(f"profile {path} is not a file")
        return cls(profile=load_profile(path), **knobs)

    def __post_init__(self) -> None:
        if not isinstance(self.profile, Profile):
            raise TypeError(
                f"profile must be a Profile, got {type(self.profile).__name__}; "
                "use ExtractSettings.with_profile_file(path) for a profile file"
            )
        if self.header_search_rows < 1:
            raise ValueError("header_search_rows must be at least 1")
        if self.min_header_roles < 1:
            raise ValueError("min_header_roles must be at least 1")
