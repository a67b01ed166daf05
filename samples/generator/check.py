"""What planwatch reads from a generated plan, against the rows the generator wrote."""

from __future__ import annotations

from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.pipeline import extract_file


def read_rows(path: Path, like: tuple[dict, ...]) -> list[dict]:
    """Return planwatch's canonical rows of the file, each cut to the fields its expected
    row names (so a continuation entry is compared on what the generator set for it)."""
    actions = extract_file(path)
    rows = []
    for n, action in enumerate(actions):
        fields = like[n].keys() if n < len(like) else like[0].keys() if like else ()
        rows.append({name: getattr(action, name) for name in fields})
    return rows


def differences(path: Path, expected: tuple[dict, ...]) -> list[str]:
    """Return one line per row that differs (empty when the file reads exactly)."""
    try:
        got = read_rows(path, expected)
    except PlanwatchError as exc:
        return [f"refused: {exc}"]
    lines = []
    if len(got) != len(expected):
        lines.append(f"{len(got)} rows read, {len(expected)} expected")
    for n, (want, have) in enumerate(zip(expected, got, strict=False), start=1):
        wrong = {k: (v, have.get(k)) for k, v in want.items() if have.get(k) != v}
        if wrong:
            lines.append(
                f"row {n}: "
                + "; ".join(f"{k}: want {w!r} got {g!r}" for k, (w, g) in wrong.items())
            )
    return lines
