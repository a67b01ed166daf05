"""One line for a user from a database error: what is wrong with the store, and the fix."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

# SQLite result code -> what it means for the store
_SQLITE_CAUSES = {
    "SQLITE_FULL": "the disk is full; free some space and run again",
    "SQLITE_READONLY": "the store cannot be written here (read-only file or folder)",
    "SQLITE_CANTOPEN": "cannot open the store file; check the folder exists and may be read",
    "SQLITE_PERM": "permission denied; check who may read and write the store",
    "SQLITE_AUTH": "permission denied; check who may read and write the store",
    "SQLITE_CORRUPT": "the store file is damaged; restore it from a backup",
    "SQLITE_NOTADB": "not a planwatch store (not a SQLite database)",
    "SQLITE_IOERR": "the disk could not be read or written",
    "SQLITE_BUSY": "the store stayed locked by another process; try again later",
    "SQLITE_LOCKED": "the store stayed locked by another process; try again later",
}


def sqlite_cause(exc: sqlite3.Error, path: Path | None = None) -> str:
    """Return one line saying why SQLite failed, with its own message in brackets.

    SQLite says only "unable to open" for a store this user may not read: the file
    itself, where given, tells that cause apart from a missing folder.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    # extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share their base's cause
    base = "_".join(name.split("_")[:2])
    cause = _SQLITE_CAUSES.get(name) or _SQLITE_CAUSES.get(base)
    if name.startswith("SQLITE_IOERR") and "ENOSPC" in str(exc):
        cause = _SQLITE_CAUSES["SQLITE_FULL"]
    if name.startswith("SQLITE_CANTOPEN") and path is not None and _unreadable(path):
        cause = _SQLITE_CAUSES["SQLITE_PERM"]
    return f"{cause} ({exc})" if cause else str(exc)


def _unreadable(path: Path) -> bool:
    return path.exists() and not os.access(path, os.R_OK)
