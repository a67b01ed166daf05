"""Whether a fill is neutral or grey, by the thresholds of the settings passed."""

from __future__ import annotations

from planwatch.model import fill_rgb

from .settings import NormaliseSettings

_DEFAULT = NormaliseSettings()


def is_neutral(rgb: tuple[int, int, int], settings: NormaliseSettings = _DEFAULT) -> bool:
    """True for a fill with no colour to speak of: grey, white or black."""
    return max(rgb) - min(rgb) <= settings.neutral_chroma


def is_grey(fill: str | None, settings: NormaliseSettings = _DEFAULT) -> bool:
    """True for a mid grey fill (near-equal R, G, B, neither white nor black)."""
    rgb = fill_rgb(fill)
    low, beyond = settings.grey_levels
    return rgb is not None and is_neutral(rgb, settings) and low <= max(rgb) < beyond
