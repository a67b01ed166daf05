"""The bold head of a cell, one rule for every reader that can tell bold text from plain."""

from __future__ import annotations

from collections.abc import Iterable


def leading_bold(lines: Iterable[tuple[str, bool]], text: str) -> str:
    """Return the cell's opening lines that are wholly bold, joined, else ''.

    ``lines`` gives each line (a paragraph, or a line as printed) of the cell in order with
    whether it is wholly bold; empty lines are passed over and the first plain one ends the
    head. The head must be where ``text`` starts: a field or nesting that moved it is no head.
    """
    heads = []
    for line, bold in lines:
        if not line:
            continue
        if not bold:
            break
        heads.append(line)
    head = " ".join(heads)
    return head if text == head or text.startswith(f"{head} ") else ""
