"""Every knob of extraction in one validated place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExtractSettings:
    profile: Path | None = None  # user TOML extending the shipped profile
    header_search_rows: int = 6  # how far down a table its header row may sit
    min_header_roles: int = 2  # action plus at least one of due/lead/status/progress/signoff
    min_action_chars: int = 15  # mean length that makes an unlabelled column the action text

    def __post_init__(self) -> None:
        if self.header_search_rows < 1:
            raise ValueError("header_search_rows must be at least 1")
        if self.min_header_roles < 1:
            raise ValueError("min_header_roles must be at least 1")
        if self.profile is not None and not Path(self.profile).is_file():
            raise ValueError(f"profile {self.profile} is not a file")
