"""spaCy (about 0.7 s and 80 MB to import) is loaded by diff only when a text changed, and
rapidfuzz only when there are actions to pair."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from dataclasses import replace
from planwatch.diff import diff_editions
from planwatch.pipeline import extract_file

old = extract_file(__import__("pathlib").Path(sys.argv[1]))
new = [replace(a, status="complete") if a.action_id == "1.5" else a for a in old]
kinds = {c.kind for c in diff_editions(old, new)}
print(sorted(kinds), "spacy" in sys.modules)
new = [replace(a, progress=a.progress + " Done.") if a.action_id == "1.5" else a for a in new]
kinds = {c.kind for c in diff_editions(old, new)}
print(sorted(kinds), "spacy" in sys.modules)
"""


def test_spacy_is_imported_only_when_a_text_changed(samples):
    plan = samples / "hwfrs-prevention-cfc-2021-11.txt"
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(plan)], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "['closed'] False",
        "['closed', 'progress_added'] True",
    ]


LOAD = """
import sys
from planwatch.store import Store

with Store(sys.argv[2]) as store:
    store.load(sys.argv[1])
print(sorted({"rapidfuzz", "spacy"} & set(sys.modules)))
"""


def test_a_first_edition_loads_without_the_text_matchers(samples, tmp_path):
    # nothing to pair or split: neither rapidfuzz nor spaCy is imported
    plan = samples / "hwfrs-prevention-cfc-2021-11.txt"
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(plan), str(tmp_path / "planwatch.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == ["[]"]
