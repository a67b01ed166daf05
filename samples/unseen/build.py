"""Build the unseen-layout plans (plans.py) as Word documents and LibreOffice PDFs.

Run from the repository root: ``.venv/bin/python samples/unseen/build.py [--no-pdf]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the samples' shared renderers

from grid_render import write_plan  # noqa: E402
from plans import PLANS  # noqa: E402

AUTHOR = "Corporate Performance Team"


def main(argv: list[str] | None = None) -> int:
    """Build every unseen-layout plan; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF step")
    args = parser.parse_args(argv)
    try:
        for plan in PLANS:
            written = write_plan(plan, HERE, AUTHOR, pdf=not args.no_pdf)
            print(f"{plan.stem}: {', '.join(written) or 'up to date'}")
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
