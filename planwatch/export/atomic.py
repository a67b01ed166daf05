"""Every output file is written whole or not at all: a temporary file beside it, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_write(path: Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO]:
    """Yield a file handle whose content replaces ``path`` only when the block ends cleanly.

    The temporary file sits in the same folder (a rename across file systems is
    not atomic), is flushed to disk before the rename, and is removed if the block
    raises, so a reader of ``path`` sees the old file or the new one, never a part.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        mode = "wb" if binary else "w"
        text = {} if binary else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **text) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # the rename itself reaches the disk only when the folder is synced (POSIX)
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
