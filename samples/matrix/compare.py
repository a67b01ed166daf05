"""Field-by-field comparison of the canonical rows of two forms of one plan (a PDF and its
.docx, a web page and its .docx, ...): the one comparison `make matrix` and the tests use."""

from __future__ import annotations

from dataclasses import asdict

# where a row came from, not what it says; the page exists only in a PDF
NOT_COMPARED = frozenset({"source_file", "source_sha256", "source_format", "source_page"})


def first_difference(want: list, got: list, left_out: frozenset[str] = NOT_COMPARED) -> str:
    """Return the first difference between two lists of Actions, '' when they agree; the
    columns ``left_out`` are not compared."""
    for i, (w, g) in enumerate(zip(want, got, strict=False)):
        wd, gd = asdict(w), asdict(g)
        for key, value in wd.items():
            if key not in left_out and gd[key] != value:
                return f"row {i + 1} ({w.action_id}#{w.entry_no}) {key}: {value!r} != {gd[key]!r}"
    if len(want) != len(got):
        return f"{len(got)} rows, want {len(want)}"
    return ""
