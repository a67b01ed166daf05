"""The recognition profile: header synonyms, label rows and section patterns, as data."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.frozen import FrozenDict

ROLES = ("ref", "area", "action", "progress", "due", "revised_due", "lead", "status", "signoff")


@dataclass(frozen=True)
class Profile:
    """What recognition reads from ``profile.toml``: read-only, so one can be shared."""

    headers: Mapping[str, tuple[str, ...]]  # role -> synonyms, normalised
    update_period: re.Pattern[str]
    labels: Mapping[str, tuple[str, ...]]  # label kind -> synonyms, normalised
    section_patterns: tuple[re.Pattern[str], ...]
    key_headings: tuple[str, ...]
    legend_colours: tuple[str, ...] = ()  # colour names a RAG legend may give, lower-case


def normalise_label(text: str) -> str:
    """Return header text lower-cased with punctuation as spaces: 'Owner(s)' -> 'owner s'."""
    return " ".join(re.sub(r"[^\w#]+", " ", text.lower()).split())


def load_profile(extra: Path | None = None) -> Profile:
    """Return the shipped profile, extended by the lists of ``extra`` when given.

    Each call reads the files afresh and returns a read-only Profile: the caller
    keeps it (in its ExtractSettings) for as long as it needs it.
    """
    data = tomllib.loads(resources.files(__package__).joinpath("profile.toml").read_text("utf-8"))
    if extra:
        try:
            user = tomllib.loads(Path(extra).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise PlanwatchError(f"{Path(extra).name}: cannot read profile ({exc})") from exc
        _merge(data, user)
    unknown = set(data["headers"]) - set(ROLES)
    if unknown:
        raise PlanwatchError(f"profile: unknown header roles {sorted(unknown)}; use {ROLES}")
    return Profile(
        headers=FrozenDict(
            {role: tuple(map(normalise_label, syns)) for role, syns in data["headers"].items()}
        ),
        update_period=re.compile(data["update_period"]["pattern"], re.IGNORECASE),
        labels=FrozenDict(
            {k: tuple(normalise_label(s) for s in v) for k, v in data["labels"].items()}
        ),
        section_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["sections"]["patterns"]),
        key_headings=tuple(normalise_label(s) for s in data["keys"]["headings"]),
        legend_colours=tuple(c.lower() for c in data.get("legend", {}).get("colours", ())),
    )


def _merge(base: dict, extra: dict) -> None:
    """Add extra's lists to base's (user synonyms first, so they win ties); scalars replace."""
    for name, value in extra.items():
        if isinstance(value, dict):
            _merge(base.setdefault(name, {}), value)
        elif isinstance(value, list):
            base[name] = value + [v for v in base.get(name, []) if v not in value]
        else:
            base[name] = value
