"""Generated plans (samples/generator) read back to exactly the rows their generator wrote.

Truth by construction: every expected row comes from the generator's own choices, never
from running planwatch. A plan drawing a dimension value listed in KNOWN_WEAK is expected
to fail for now (xfail, not strict) and counts in `make soak`'s table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "samples"))

from generator.check import differences  # noqa: E402
from generator.compose import compose_plan  # noqa: E402
from generator.render import render_docx, write_docx  # noqa: E402

SEEDS = range(40)
PDF_SEEDS = tuple(
    int(p.stem.rsplit("-", 1)[1]) for p in sorted((ROOT / "tests/generated/pdf").glob("*.pdf"))
)
# dimension values whose plans do not yet read exactly (see `make soak`)
KNOWN_WEAK: set[tuple[str, str]] = set()


def _marks(seed: int):
    weak = sorted(KNOWN_WEAK & set(compose_plan(seed).choices.items()))
    if weak:
        reason = "not yet read exactly: " + ", ".join(f"{k}={v}" for k, v in weak)
        return [pytest.mark.xfail(reason=reason, strict=False)]
    return []


@pytest.mark.parametrize("seed", [pytest.param(s, marks=_marks(s)) for s in SEEDS])
def test_generated_docx_reads_to_its_rows(seed, tmp_path):
    plan = compose_plan(seed)
    assert differences(write_docx(plan, tmp_path), plan.expected) == []


@pytest.mark.parametrize("seed", [pytest.param(s, marks=_marks(s)) for s in PDF_SEEDS])
def test_generated_pdf_reads_to_its_rows(seed):
    plan = compose_plan(seed)
    pdf = ROOT / "tests/generated/pdf" / f"{plan.stem}.pdf"
    assert differences(pdf, plan.expected) == []


def test_a_seed_gives_the_same_document_and_rows():
    first, again = compose_plan(7), compose_plan(7)
    assert render_docx(first) == render_docx(again)
    assert first.expected == again.expected and first.choices == again.choices


def test_seeds_cover_every_dimension_value():
    from generator.compose import ALL_DIMENSIONS

    seen = {kv for seed in range(300) for kv in compose_plan(seed).choices.items()}
    for name, values in ALL_DIMENSIONS.items():
        for value in values:
            assert (name, value) in seen, f"{name}={value} never drawn"
