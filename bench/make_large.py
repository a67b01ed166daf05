"""Large improvement plans in the seeds' style, for the benchmarks: .txt, .docx and .pdf.

The text is drawn, with a fixed seed, from the sentences of the bundled samples, and laid out
like the improvement plan: a section heading per area for improvement, then a table with the
area, the summary finding, the action header, action rows (some with continuation rows) and
the strategic lead. The .docx comes from the samples' renderer, the .pdf from LibreOffice.
Files are cached in ``bench/cache/``; a file is rebuilt only when missing or when its text
changed. Run from the repository root: ``.venv/bin/python bench/make_large.py``.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CACHE = Path(__file__).resolve().parent / "cache"
sys.path.insert(0, str(SAMPLES))

from build import IMPROVEMENT_PLAN, ORGANISATION  # noqa: E402
from docx_render import Properties, render_docx, split_blocks, strip_markup  # noqa: E402
from pdf_render import convert_to_pdf  # noqa: E402

# the improvement plan gives the layout and most sentences; the prevention plan adds actions
IMPROVEMENT_TEXT = SAMPLES / "hwfrs-improvement-plan-2021-01.txt"
PREVENTION_TEXT = SAMPLES / "hwfrs-prevention-cfc-2021-11.txt"
HEADER = ("HWFRS Action Proposed", "Progress To Date", "Q3 2020-2021", "Target Date")
AREAS = (("Effectiveness", "ES"), ("Efficiency", "EY"), ("People", "P"))
CONTINUATION_SHARE = 0.2  # seed: 12 of 60 action-table rows continue the action above
LETTERED_SHARE = 0.3  # seed: ES1.4 numbers its actions "a. ", "b. ", ...
UPDATE_SHARE = 0.3  # seed: the latest-quarter column is filled in about 1 row of 3
CREATED = datetime(2021, 1, 1, 9, 0, tzinfo=UTC)
# "... this was delayed, roll out completed Dec 2020. Training ..." -> two sentences
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_LETTER = re.compile(r"^[a-z]\.\s+")


@dataclass(frozen=True)
class Plan:
    """One generated plan: its cache stem, action-table rows and random seed."""

    stem: str
    rows: int
    seed: int

    def path(self, ext: str) -> Path:
        """Return the cached file of this plan with suffix ``ext``."""
        return CACHE / f"{self.stem}.{ext}"


LARGE = Plan("plan-600", 600, 1)
SMALL = Plan("plan-60", 60, 2)
# the batch: eight distinct plans of a tenth of the large one each
BATCH = tuple(Plan(f"batch-{n}", 60, 100 + n) for n in range(1, 9))
# the engines' batch (bench/engines.py): twenty short plans of a few pages each
SHORT_BATCH = tuple(Plan(f"short-{n}", 12, 200 + n) for n in range(1, 21))


@dataclass(frozen=True)
class Pools:
    """What the generator draws from: the samples' own texts, by the column they came from."""

    preamble: tuple[str, ...]
    areas: tuple[str, ...]
    summaries: tuple[str, ...]
    actions: tuple[str, ...]
    progress: tuple[str, ...]
    updates: tuple[str, ...]
    targets: tuple[str, ...]
    leads: tuple[str, ...]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20]


def read_pools() -> Pools:
    """Return the sentence pools read from the bundled samples' tables."""
    blocks = split_blocks(IMPROVEMENT_TEXT.read_text(encoding="utf-8"))
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, list))
    # the lines before the first section heading: titles and introduction
    preamble = tuple(b for b in blocks[: first_table - 1] if isinstance(b, str))
    areas, summaries, actions, progress, updates, targets, leads = ([] for _ in range(7))
    for table in (b for b in blocks if isinstance(b, list)):
        for fields in table:
            label = fields[0]
            if label == "Area for Improvement":
                areas.append(fields[1])
            elif label == "Summary Finding":
                summaries.extend(_sentences(fields[1]))
            elif label == "Strategic lead":
                leads.append(fields[1])
            elif label != HEADER[0] and len(fields) == 4:
                if label:
                    actions.append(_LETTER.sub("", label))
                progress.extend(_sentences(fields[1]))
                updates.extend(_sentences(fields[2]))
                if fields[3]:
                    targets.append(fields[3])
    # "1.2\tReview of data sources / systems, ...\t30.09.21\tSCH GCP\tAD 18.10.21"
    for table in split_blocks(PREVENTION_TEXT.read_text(encoding="utf-8")):
        if isinstance(table, list):
            actions.extend(f[1] for f in table if len(f) == 5 and f[0] and len(f[1]) < 160)
    return Pools(
        preamble,
        *(tuple(p) for p in (areas, summaries, actions, progress, updates, targets, leads)),
    )


def _action_rows(rng: random.Random, pools: Pools, count: int) -> list[str]:
    """Return ``count`` action-table lines; about one in five continues the action above."""
    lettered = rng.random() < LETTERED_SHARE
    lines: list[str] = []
    letter = 0
    for i in range(count):
        continues = i > 0 and rng.random() < CONTINUATION_SHARE
        action = ""
        if not continues:
            action = rng.choice(pools.actions)
            if lettered:
                action = f"{'abcdefghijklmnopqrstuvwxyz'[letter % 26]}. {action}"
                letter += 1
        progress = " ".join(rng.sample(pools.progress, 1 if rng.random() < 0.7 else 2))
        update = rng.choice(pools.updates) if rng.random() < UPDATE_SHARE else ""
        lines.append("\t".join((action, progress, update, rng.choice(pools.targets))))
    return lines


def plan_text(plan: Plan, pools: Pools) -> str:
    """Return the text export of ``plan``: preamble, then sections of five to nine rows."""
    rng = random.Random(plan.seed)
    parts = ["\n\n".join(pools.preamble)]
    numbers = dict.fromkeys((code for _, code in AREAS), 0)
    made = 0
    while made < plan.rows:
        area, code = AREAS[(len(parts) - 1) % len(AREAS)]
        numbers[code] += 1
        count = min(rng.randint(5, 9), plan.rows - made)
        lines = [
            f"Area for Improvement\t{rng.choice(pools.areas)}\t\t",
            f"Summary Finding\t{' '.join(rng.sample(pools.summaries, 1))}\t\t",
            "\t".join(HEADER),
            *_action_rows(rng, pools, count),
            f"Strategic lead\t{rng.choice(pools.leads)}\t\t",
        ]
        parts.append(f"{area} – {code}1.{numbers[code]}\n\n" + "\n".join(lines))
        made += count
    return "\n\n".join(parts) + "\n"


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def ensure_plan(plan: Plan, pools: Pools) -> list[Path]:
    """Return the plan's .txt, .docx and .pdf, (re)building only what is missing or stale."""
    CACHE.mkdir(exist_ok=True)
    text = plan_text(plan, pools)
    txt, docx, pdf = (plan.path(ext) for ext in ("txt", "docx", "pdf"))
    changed = _write_if_changed(txt, text.encode("utf-8"))
    if changed or not docx.exists():
        properties = Properties(f"HMICFRS Improvement Plan ({plan.stem})", ORGANISATION, CREATED)
        docx.write_bytes(render_docx(text, IMPROVEMENT_PLAN, properties))
        changed = True
    if changed or not pdf.exists():
        convert_to_pdf(docx, CACHE)
    return [txt, docx, pdf]


def ensure_all() -> dict[str, list[Path]]:
    """Return every benchmark plan's files by stem, building what is missing."""
    pools = read_pools()
    return {plan.stem: ensure_plan(plan, pools) for plan in (LARGE, SMALL, *BATCH)}


def count_rows(text: str) -> int:
    """Return the number of action-table rows (actions and continuations) in a text export."""
    return sum(
        1
        for block in split_blocks(text)
        if isinstance(block, list)
        for fields in block
        if strip_markup(fields[0]) not in ("Area for Improvement", "Summary Finding")
        and fields[0] not in (HEADER[0], "Strategic lead")
    )


def main() -> int:
    """Build the cached plans and print each one's rows and pages."""
    import pdfplumber

    try:
        plans = ensure_all()
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for stem, (txt, _, pdf) in plans.items():
        with pdfplumber.open(pdf) as document:
            pages = len(document.pages)
        rows = count_rows(txt.read_text(encoding="utf-8"))
        print(f"{stem}: {rows} action rows, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
