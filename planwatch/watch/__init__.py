"""Watching where plans are published: fetch, archive, load each new edition, report it."""

from .archive import Archive, WatchBusy
from .fetch import FetchError, FetchSettings
from .run import SourceOutcome, WatchSettings, watch
from .sources import WatchSource, read_sources

__all__ = [
    "Archive",
    "FetchError",
    "FetchSettings",
    "SourceOutcome",
    "WatchBusy",
    "WatchSettings",
    "WatchSource",
    "read_sources",
    "watch",
]
