"""Copy a seeded subset of the matrix into tests/ingest/matrix: each page-break class from
each producer, with the .docx variants the rows are expected from.

Run after ``run.py``: ``.venv/bin/python samples/matrix/pick.py [--seed N] [--per-class K]``.
Writes ``cases.tsv`` (geometry, producer, stem, classes) beside the files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from classes import classes  # noqa: E402
from geometry import GEOMETRIES  # noqa: E402
from run import OUT, ROOT  # noqa: E402

DEST = ROOT / "tests" / "ingest" / "matrix"
# what the producer itself stands for: borders as filled even-odd paths, no wrap spaces
PRODUCER_CLASS = {"weasyprint": "filled-path borders", "chromium": "no wrap space"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--per-class", type=int, default=1)
    parser.add_argument("--results", default="results.tsv", help="verdicts under out/matrix/")
    args = parser.parse_args(argv)
    repeat = {g.name: g.repeat_header for g in GEOMETRIES}
    rows = [
        line.split("\t") for line in (OUT / args.results).read_text(encoding="utf-8").splitlines()
    ]
    found: dict[tuple[str, str, str], set[str]] = {}
    for geometry, producer, stem, outcome, _ in rows:
        if outcome in ("left out", "no pdf"):
            continue
        pdf = OUT / geometry / producer / f"{stem}.pdf"
        names = classes(OUT / geometry / f"{stem}.docx", pdf, repeat[geometry])
        if producer in PRODUCER_CLASS:
            names.add(PRODUCER_CLASS[producer])
        found[(geometry, producer, stem)] = names
    chosen = _choose(found, random.Random(args.seed), args.per_class)
    if DEST.exists():
        shutil.rmtree(DEST)
    lines = []
    for geometry, producer, stem in sorted(chosen):
        (DEST / geometry / producer).mkdir(parents=True, exist_ok=True)
        shutil.copy(OUT / geometry / f"{stem}.docx", DEST / geometry / f"{stem}.docx")
        shutil.copy(OUT / geometry / producer / f"{stem}.pdf", DEST / geometry / producer)
        names = ",".join(sorted(found[(geometry, producer, stem)]))
        lines.append(f"{geometry}\t{producer}\t{stem}\t{names}\n")
    (DEST / "cases.tsv").write_text("".join(lines), encoding="utf-8")
    print(f"{len(chosen)} PDFs copied to {DEST.relative_to(ROOT)}")
    return 0


def _choose(found: dict, rng: random.Random, per_class: int) -> set[tuple[str, str, str]]:
    """Return, per producer and class, ``per_class`` PDFs showing it, drawn with ``rng``."""
    chosen: set[tuple[str, str, str]] = set()
    keys = sorted(found)
    every = sorted({(k[1], name) for k in keys for name in found[k]})
    for producer, name in every:
        have = [k for k in chosen if k[1] == producer and name in found[k]]
        pool = [k for k in keys if k[1] == producer and name in found[k] and k not in chosen]
        rng.shuffle(pool)
        chosen.update(pool[: max(per_class - len(have), 0)])
    return chosen


if __name__ == "__main__":
    sys.exit(main())
