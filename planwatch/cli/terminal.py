"""Text made safe for a terminal: no escape sequences or control characters from documents,
and file names quoted when they hold characters that would fake or hide output."""

from __future__ import annotations

import io
import re
from typing import TextIO

# ESC then: CSI (ESC [ ... final), OSC / DCS / SOS / PM / APC strings (ended by BEL or
# ESC \, or running to the end), or a two-character sequence; and their 8-bit forms.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x9c\x1b]*[\x07\x9c]?"
)
# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ODD_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069'\"\\]|^\s|\s$")


def clean(text: str) -> str:
    """Return one line of ``text`` fit for a terminal: escape sequences removed, each
    other control character (tab, newline, BEL...) shown as a space or dropped."""
    text = _SEQUENCE.sub("", text)
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r\v\f" else "", text)


_CONTROL_NOT_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_lines(text: str) -> str:
    """Return ``text`` fit for a terminal, its line ends and tabs kept (a table printed whole)."""
    return _CONTROL_NOT_LINE.sub("", _SEQUENCE.sub("", text))


class TerminalText(io.TextIOBase):
    """A text stream that passes on what is written with escape sequences removed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(clean_lines(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True


def shown_name(name: str) -> str:
    """Return a file name as printed: as it is, or quoted with escapes when it holds a
    control character, a quote or edge spaces (``'a\\nb.pdf'``), so it cannot fake a line."""
    if not _ODD_NAME.search(name):
        return name
    return repr(name)


def quote_names(message: str, names: list[str]) -> str:
    """Return ``message`` with each odd file name in it quoted as shown_name does."""
    for name in names:
        if name and shown_name(name) != name:
            message = message.replace(name, shown_name(name))
    return message
