"""Write each sample plan's web page, OpenDocument and Excel forms beside its .docx.

Run from the repository root: ``.venv/bin/python samples/build_formats.py``
(needs LibreOffice, ``libreoffice-writer-nogui``, for the .html and .odt).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from formats_render import build_doc, build_formats

SAMPLES = Path(__file__).resolve().parent
PLANS = (
    *sorted(SAMPLES.glob("*.docx")),
    *sorted((SAMPLES / "layouts").glob("*.docx")),
    *sorted((SAMPLES / "emphasis").glob("*.docx")),
)
# one plan also as Word 97-2003, which is read through LibreOffice
DOC_PLAN = SAMPLES / "hwfrs-prevention-cfc-2021-11.docx"


def main() -> int:
    """Build the three forms of every sample plan; print what was rewritten."""
    if shutil.which("soffice") is None:
        print("error: soffice not found; install libreoffice-writer-nogui", file=sys.stderr)
        return 1
    for docx in PLANS:
        written = build_formats(docx)
        if docx == DOC_PLAN and build_doc(docx):
            written.append(docx.with_suffix(".doc").name)
        print(f"{docx.relative_to(SAMPLES)}: {', '.join(written) or 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
