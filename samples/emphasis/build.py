"""Build the bold-section test plan (plans.py) as Word documents and LibreOffice PDFs.

Run from the repository root: ``.venv/bin/python samples/emphasis/build.py [--no-pdf]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the samples' shared renderers

from grid_render import build_main  # noqa: E402
from plans import PLANS  # noqa: E402

AUTHOR = "Performance and Assurance Team"

if __name__ == "__main__":
    sys.exit(build_main(__doc__.splitlines()[0], PLANS, HERE, AUTHOR))
