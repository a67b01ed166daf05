"""The sources file: where each watched plan is published, one ``[[source]]`` table each."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from planwatch.errors import PlanwatchError

_KEYS = {"url", "link", "plan", "headers"}


@dataclass(frozen=True)
class WatchSource:
    """One published plan: its file's address, or a page's address and the link to follow."""

    url: str
    link: str = ""  # a regex over each link's text and address; empty: ``url`` is the file
    plan: str = ""  # the plan id to file editions under; empty: read from the document
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """Return what identifies this source in the watch state (its page and link)."""
        return f"{self.url} {self.link}".strip()


def read_sources(path: Path) -> tuple[WatchSource, ...]:
    """Return the sources listed in ``path``; raise PlanwatchError naming the first mistake."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PlanwatchError(f"{path}: cannot read the sources file ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PlanwatchError(f"{path}: not a valid TOML sources file ({exc})") from exc
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise PlanwatchError(f"{path}: no [[source]] tables; see docs/watch.md for the format")
    return tuple(_source(path, n, table) for n, table in enumerate(tables, start=1))


def _source(path: Path, number: int, table: dict) -> WatchSource:
    where = f"{path.name}: source {number}"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise PlanwatchError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    url = table.get("url")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        raise PlanwatchError(f"{where}: url must be an http:// or https:// address, got {url!r}")
    link = table.get("link", "")
    try:
        re.compile(link)
    except (re.error, TypeError) as exc:
        raise PlanwatchError(f"{where}: link is not a valid regular expression ({exc})") from exc
    headers = table.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise PlanwatchError(f"{where}: headers must be a table of strings")
    plan = table.get("plan", "")
    if not isinstance(plan, str):
        raise PlanwatchError(f"{where}: plan must be a string")
    return WatchSource(url, link, plan, tuple(sorted(headers.items())))
