"""The archive of every fetched file, content-addressed, with where and when it came from.

``ARCHIVE/<sha256>/<file name>`` holds each distinct file once, beside
``fetched.json`` (its address, time, content type); ``ARCHIVE/state.json`` holds
what each source last gave (validators for conditional requests, the file
address a page linked to). Every write is a temporary file renamed into place,
so a run killed at any moment leaves the archive as it was or complete.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planwatch.errors import PlanwatchError

_STATE = "state.json"
_LOCK = ".lock"


class WatchBusy(PlanwatchError):
    """Another watch run holds the archive."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Archive:
    """A folder of fetched files and the watch state, used by one run at a time."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @contextmanager
    def locked(self) -> Iterator[Archive]:
        """Hold the archive's lock for a run; raise WatchBusy if another run holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / _LOCK).open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise WatchBusy(
                    f"{self.root}: another `planwatch watch` is running on this archive;"
                    " nothing done"
                ) from exc
            yield self  # the lock ends with the file, also when the process is killed

    def keep(self, data: bytes, name: str, url: str, fetched_at: str, content_type: str) -> Path:
        """Return the archived copy of ``data``, storing it (and its provenance) if new."""
        sha = hashlib.sha256(data).hexdigest()
        folder = self.root / sha
        existing = (
            [p for p in folder.glob("*") if p.name != "fetched.json"] if folder.is_dir() else []
        )
        if existing:
            return existing[0]
        path = folder / name
        write_atomically(path, data)
        record = {"url": url, "fetched_at": fetched_at, "content_type": content_type, "sha256": sha}
        write_atomically(folder / "fetched.json", json.dumps(record, indent=2).encode())
        return path

    def state(self) -> dict[str, dict[str, str]]:
        """Return what each source gave last time, by source key; empty on a first run."""
        try:
            return json.loads((self.root / _STATE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise PlanwatchError(f"{self.root / _STATE}: watch state unreadable ({exc})") from exc

    def save_state(self, state: dict[str, dict[str, str]]) -> None:
        write_atomically(self.root / _STATE, json.dumps(state, indent=2, sort_keys=True).encode())
