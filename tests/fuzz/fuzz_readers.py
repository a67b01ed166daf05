"""Coverage-guided fuzzing of the readers: any bytes give a Document or a PlanwatchError.

Anything else (a bug's exception, a hang, a blown memory limit) is a finding.
Run ``make fuzz``, or one format by hand::

    .venv/bin/python tests/fuzz/fuzz_readers.py docx -max_total_time=60 out/fuzz/docx
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["planwatch"]):
    from planwatch.errors import PlanwatchError
    from planwatch.ingest import Limits, read_document

SUFFIXES = {
    "docx": ".docx",
    "pdf": ".pdf",
    "txt": ".txt",
    "html": ".html",
    "xlsx": ".xlsx",
    "odt": ".odt",
}
# tight limits keep each input quick; the limits themselves are what is under test
LIMITS = Limits(max_inflated_bytes=32 * 2**20, max_pages=20)


def main() -> None:
    """Fuzz the reader of the format named first on the command line."""
    suffix = SUFFIXES[sys.argv.pop(1)]
    path = Path(tempfile.mkdtemp(prefix="planwatch-fuzz-")) / f"input{suffix}"

    def read_one(data: bytes) -> None:
        path.write_bytes(data)
        with contextlib.suppress(PlanwatchError):
            read_document(path, LIMITS)

    atheris.Setup(sys.argv, read_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
