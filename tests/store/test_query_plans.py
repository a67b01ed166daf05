"""Every query a store's reads make finds its rows through an index: cost stays linear."""

from __future__ import annotations

import re
from datetime import date

from planwatch.store import Store

# a full pass over the big tables (over editions or plans, one row per file, is fine), or
# a subquery run again for every row (the status count once scanned an edition per row)
FULL_SCAN = re.compile(r"\bSCAN (actions|edition_changes|a|c|b)\b(?! USING)|CORRELATED")


def test_reads_of_one_edition_or_action_use_indexes(tmp_path, make_action):
    store = Store(tmp_path / "planwatch.db")
    for n, day in enumerate((date(2021, 11, 1), date(2022, 2, 1)), start=1):
        rows = [
            make_action(action_id=f"1.{i}", action_key=f"1.{i}", action=f"Action {i}",
                        edition_date=day, source_sha256=f"{n}" * 64)
            for i in range(1, 30)
        ]  # fmt: skip
        store.load(rows)
    seen: list[tuple[str, tuple]] = []
    real = store.backend.rows

    def recording(sql, params=()):
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append((sql, tuple(params)))
        return real(sql, params)

    store.backend.rows = recording
    later = store.editions()[-1]
    store.history("hwfrs-prevention-cfc", "1.5")
    store.status_counts(later)
    store.changes("hwfrs-prevention-cfc", new=later)
    store.previous_edition(later)
    store.backend.rows = real
    assert len(seen) >= 4
    for sql, params in seen:
        plan = store.backend.query_plan(sql, params)
        assert not FULL_SCAN.search(plan), f"{sql}\n{plan}"
    store.close()
