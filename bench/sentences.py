"""Sentence splitting for diff: spaCy's sentencizer against a rule-based splitter.

Run from the repository root: ``.venv/bin/python bench/sentences.py``. Texts: the action
and progress texts of every bundled and development sample (read by planwatch). Prints the
import cost of spaCy (in a fresh process, against the diff module alone), the time per
text of each splitter, and every text on which the two disagree. The rule splitter is the
obvious regex: a sentence ends at ``.``, ``!`` or ``?`` before a space.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- sentences: begin -->", "<!-- sentences: end -->"
FOLDERS = (ROOT / "samples", ROOT / "samples" / "development", ROOT / "samples" / "layouts")

# a sentence ends at . ! or ? (closing quotes or brackets may follow), before a space
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


def rule_split(text: str) -> list[str]:
    """Return the sentences of ``text`` by the regex alone."""
    text = " ".join(text.split())
    return [s.strip() for s in _END.split(text) if s.strip()]


def texts() -> list[str]:
    """Return every distinct action, progress and update text of the samples."""
    from planwatch.pipeline import extract_file

    found: list[str] = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.docx")) + sorted(folder.glob("*.txt")):
            try:
                actions = extract_file(path)
            except Exception:
                continue
            for a in actions:
                found += [t for t in (a.action, a.progress, a.latest_update) if t.strip()]
    return list(dict.fromkeys(found))


def import_seconds(statement: str) -> tuple[float, float]:
    """Return the wall seconds of ``statement`` in a fresh process, and its peak RSS in MB."""
    code = (
        "import time, resource; t = time.perf_counter(); "
        f"{statement}; "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, kb = out.stdout.split()
    return float(seconds), int(kb) / 1024


def main() -> None:
    from store_growth import write_section

    from planwatch.diff.notes import split_sentences

    corpus = texts()
    first_split = "from planwatch.diff.notes import split_sentences; split_sentences('A. B.')"
    spacy_import = min(import_seconds(first_split) for _ in range(3))
    base = min(import_seconds("import planwatch.diff.notes") for _ in range(3))
    split_sentences("Warm up. Now.")
    start = time.process_time()
    by_spacy = [split_sentences(t) for t in corpus]
    spacy_time = time.process_time() - start
    start = time.process_time()
    by_rule = [rule_split(t) for t in corpus]
    rule_time = time.process_time() - start
    differ = [(t, a, b) for t, a, b in zip(corpus, by_spacy, by_rule, strict=True) if a != b]
    per_spacy, per_rule = (t / len(corpus) * 1e6 for t in (spacy_time, rule_time))
    lines = [
        BEGIN,
        "## Sentence splitting in diff (`bench/sentences.py`, one run)",
        "",
        f"Load average (1 min): {os.getloadavg()[0]:.1f}. Texts: the {len(corpus)} distinct "
        "action, progress and update texts of the bundled and development samples.",
        "",
        "| Measure | spaCy sentencizer | regex splitter |",
        "|---|---|---|",
        f"| import and first split, fresh process (best of 3) | {spacy_import[0]:.3f} s, "
        f"{spacy_import[1]:.0f} MB peak | {base[0]:.3f} s, {base[1]:.0f} MB (diff module alone) |",
        f"| per text | {per_spacy:.0f} us | {per_rule:.1f} us |",
        f"| texts split otherwise than spaCy | | {len(differ)} of {len(corpus)} |",
        "",
        "Where they differ (spaCy first):",
        "",
    ]
    for text, by_spacy_one, by_rule_one in differ:
        lines += [f"- `{text[:90]}...`: {len(by_spacy_one)} against {len(by_rule_one)} sentences"]
    lines.append(END)
    text = "\n".join(lines)
    write_section(text, BEGIN, END)
    print(text)


if __name__ == "__main__":
    main()
