"""Characters to text lines and tidy text, for the PDF reader.

A char is a ``pdf_records.Glyph`` (text, box, font size, bold), whichever
engine parsed the page. Lines are grouped by baseline, never by stream order,
so a producer that writes a cell's text out of order still reads top to bottom.

Line-join rule: a line break is a space, except inside a word. A word the
author hyphenated or slashed (``Well-`` + ``being`` -> ``Well-being``,
``and/`` + ``or`` -> ``and/or``, ``Safety\\`` + ``TFS``): a line ending in
``-``, ``–``, ``/`` or ``\\`` straight after a non-space character, with no
space glyph after it, joins without a space. A word broken for want of room
(``informati`` + ``on``): see ``join_lines``.
LibreOffice writes the space at which it wrapped a line (``refresher |``) when
it fits, so ``appliances/ `` + ``vehicles`` keeps the author's space.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from .lexicon import is_word, is_word_form
from .pdf_records import Glyph
from .pdf_settings import PdfSettings

# Word's bullets come out of the Symbol and Wingdings fonts' private code points
_SYMBOLS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢"})
# typesetters and Word with ligatures on draw "ﬁre", "ﬂood" (U+FB00..U+FB06) as one
# glyph; NFKC spells these out, and only these: it would also rewrite "½" or "²"
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)
# a glyph's fields, read by max() and min() over a line without a Python call per glyph
_X1, _TOP, _BOTTOM, _SIZE = (attrgetter(f) for f in ("x1", "top", "bottom", "size"))
# a line may break straight after these inside a word ("Safety\\TFS", "and/or", "2020–21")
BREAKS_AFTER = "-–/\\"
# and straight before a backslash after punctuation ("F:" | "\\Technical"), as line
# breaking (UAX 14) allows; prose writes no backslash after a space
_BREAKS_BEFORE = "\\"
# an opening bracket starts a word of its own: no line breaks before it inside a word
_OPENS = "([{"
# and a closing one ends it: no line breaks after it inside a word
_CLOSES = ")]"


@dataclass(frozen=True)
class Line:
    """One run of text on one baseline (a whole line, or one column's part of it)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool  # its first glyph is bold
    whole_bold: bool  # every glyph that prints is bold
    wrapped: bool  # ends in a space glyph: the producer broke the line inside a paragraph
    first_word_width: float
    first_char_width: float


def group_lines(chars: Iterable[Glyph], settings: PdfSettings) -> list[list[Glyph]]:
    """Return the chars grouped by baseline, top to bottom, each group left to right."""
    groups = baselines(chars, settings)
    for group in groups:
        group.sort(key=lambda c: c.x0)
    return groups


def baselines(chars: Iterable, settings: PdfSettings) -> list[list]:
    """Return the chars grouped by baseline, top to bottom, each group in the order read.

    Also groups ``pdf_records.Run`` s, each a row of glyphs sharing bottom and size: a
    run's glyphs all fall in the group its first one does.
    """
    gap, least = settings.baseline_gap, settings.baseline_min_size
    ordered = sorted(chars, key=_BOTTOM)
    groups: list[list] = []
    base = -1e9
    for char in ordered:
        # (size, or the least size where smaller) written out: max() per glyph costs a tenth
        if not groups or char.bottom - base > gap * (char.size if char.size > least else least):
            groups.append([])
            base = char.bottom
        groups[-1].append(char)
    # a baseline of spaces alone is no line: an empty cell Chromium fills with one
    # space would read as a line wrapped at a space, the producer's wrap mark
    raised = _with_raised_runs(groups, settings)
    return [g for g in raised if any(not c.text.isspace() for c in g)]


def _with_raised_runs(groups: list[list[Glyph]], settings: PdfSettings) -> list[list[Glyph]]:
    """Return the groups with each run of small glyphs inside a neighbour's box merged into it.

    Word sets "31st" with "st" in superscript: two-thirds the size, raised a third,
    so its baseline sits a third of the size above the line's; subscripts sit below.
    """
    out: list[list[Glyph]] = []
    sizes: list[float] = []  # the largest glyph of each group in out
    small = settings.script_size
    for group in groups:
        size = max(c.size for c in group)
        # _inside's first test, asked here on the sizes kept: most neighbours are alike
        if out and (
            (sizes[-1] <= small * size and _inside(out[-1], group, settings))
            or (size <= small * sizes[-1] and _inside(group, out[-1], settings))
        ):
            out[-1].extend(group)
            sizes[-1] = max(sizes[-1], size)
        else:
            out.append(group)
            sizes.append(size)
    return out


def _inside(small: list[Glyph], line: list[Glyph], settings: PdfSettings) -> bool:
    size = max(c.size for c in line)
    if max(c.size for c in small) > settings.script_size * size:
        return False
    slack = settings.script_reach * size
    return (
        min(c.top for c in small) >= min(c.top for c in line) - slack
        and max(c.bottom for c in small) <= max(c.bottom for c in line) + slack
    )


def split_columns(chars: Sequence[Glyph], settings: PdfSettings) -> list[list[Glyph]]:
    """Return one baseline's chars cut where a gap is too wide to be a word space."""
    parts: list[list[Glyph]] = [[]]
    last_x1: float | None = None
    for char in chars:
        if char.text.isspace():
            parts[-1].append(char)
            continue
        if last_x1 is not None and char.x0 - last_x1 > settings.column_gap * char.size:
            parts.append([])
        parts[-1].append(char)
        last_x1 = char.x1
    return [p for p in parts if any(not c.text.isspace() for c in p)]


def make_line(chars: Sequence[Glyph], settings: PdfSettings) -> Line:
    """Return the Line of chars on one baseline, left to right, words spaced by gaps."""
    out: list[str] = []
    pending_space = False
    last: Glyph | None = None
    first_word_end: float | None = None
    ink = [c for c in chars if not c.text.isspace()]
    for char in chars:
        if char.text.isspace():
            pending_space = last is not None
            continue
        if last is not None:
            if char.x0 - last.x1 > settings.word_gap * char.size:
                pending_space = True
            elif char.text == last.text and overprints(
                char.x0, last.x0, last.x1 - last.x0, settings
            ):
                continue  # "fake bold": the same glyph drawn twice on itself
        if pending_space:
            out.append(" ")
            if first_word_end is None:
                first_word_end = last.x1
            pending_space = False
        out.append(char.text)
        last = char
    first = ink[0] if ink else chars[0]
    return Line(
        text="".join(out).translate(_LIGATURES),
        x0=first.x0,
        x1=max(map(_X1, ink)) if ink else first.x1,
        top=min(map(_TOP, chars)),
        bottom=max(map(_BOTTOM, chars)),
        size=max(map(_SIZE, ink), default=first.size),
        bold=first.bold,
        whole_bold=all(c.bold for c in ink) if ink else first.bold,
        wrapped=chars[-1].text.isspace(),
        first_word_width=(first_word_end or (ink[-1].x1 if ink else first.x1)) - first.x0,
        first_char_width=first.x1 - first.x0,
    )


def overprints(left: float, last_left: float, last_width: float, settings: PdfSettings) -> bool:
    """True where a glyph starting at ``left`` is the last glyph drawn again on itself."""
    return abs(left - last_left) < max(settings.overprint_min, settings.overprint * last_width)


def lines_of(chars: Iterable[Glyph], settings: PdfSettings) -> list[Line]:
    """Return the text lines of chars that belong to one cell or block."""
    return [make_line(group, settings) for group in group_lines(chars, settings)]


def whole_words(lines: Sequence[Line], opens: bool = False, closes: bool = False) -> set[str]:
    """Return the words of lines that no line break cuts, lower-cased.

    A word a producer broke for want of room ends one line and starts the next; the
    document's words read whole elsewhere tell such a piece ("managemen") from a word
    wrapped at a space. ``opens`` / ``closes``: the lines open / close a whole text (a
    cell no page break cuts), so its first / last word is whole too.
    """
    out: set[str] = set()
    for i, line in enumerate(lines):
        tokens = line.text.lower().split(" ")
        first = 0 if opens and i == 0 else 1
        last = len(tokens) if closes and i == len(lines) - 1 else len(tokens) - 1
        out.update(tokens[first:last])
    return out


def join_lines(
    lines: Sequence[Line],
    limit: float | None = None,
    words: frozenset[str] = frozenset(),
    marks_wraps: bool = False,
    *,
    settings: PdfSettings,
) -> str:
    """Return the lines as one tidy string, joined by the module's line-join rule.

    ``limit`` is the right end of the text area: a lone word filling its line up
    to where the next letter no longer fits, too long for a line with its rest, was
    broken for want of room ("appliance" + "s/vehicles") and joins without a space,
    unless ``words`` (the document's whole words) hold the line's word and not the joined one.
    ``marks_wraps``: the producer writes the space it wraps at wherever it fits.
    """
    return _joined(_breaks(lines, limit, words, marks_wraps, settings))


def _joined(
    breaks: Iterable[tuple[Line | None, Line, _Verdict | None]], guesses: bool = True
) -> str:
    """Return the lines joined by their verdicts; with ``guesses`` False, the joins made on
    geometry alone are read as spaces instead."""
    text = ""
    for prev, line, verdict in breaks:
        if verdict is not None and verdict.joined and (guesses or verdict.sure):
            text += line.text
        else:
            text = join_parts(text, line.text, prev is not None and prev.wrapped)
    return " ".join(text.translate(_SYMBOLS).split())


def guessed_breaks(
    lines: Sequence[Line],
    limit: float,
    words: frozenset[str],
    marks_wraps: bool,
    settings: PdfSettings,
) -> list[str]:
    """Return the words ``join_lines`` read as broken at a line end on no evidence but
    the geometry, which a wrap at a space flush with the cell edge matches as well
    ("management" + "plan"), when the document writes neither reading whole elsewhere."""
    return _guessed(_breaks(lines, limit, words, marks_wraps, settings))


def _guessed(breaks: Iterable[tuple[Line | None, Line, _Verdict | None]]) -> list[str]:
    return [
        f"'{prev.text}' + '{line.text.split(' ', 1)[0]}'"
        for prev, line, verdict in breaks
        if prev is not None and verdict is not None and verdict.joined and not verdict.sure
    ]


def joined_and_guessed(
    lines: Sequence[Line],
    limit: float,
    words: frozenset[str],
    marks_wraps: bool,
    settings: PdfSettings,
) -> tuple[str, list[str], str]:
    """Return what ``join_lines`` and ``guessed_breaks`` return, each break read once, and
    the text with the guessed joins read as spaces ("" where no join was a guess)."""
    breaks = list(_breaks(lines, limit, words, marks_wraps, settings))
    guessed = _guessed(breaks)
    return _joined(breaks), guessed, _joined(breaks, guesses=False) if guessed else ""


def breaks_word(
    before: Line,
    after: Sequence[Line],
    limit: float,
    words: frozenset[str],
    marks_wraps: bool,
    settings: PdfSettings,
) -> bool:
    """True when the lines ``after`` (the next page's part of a cell) go on the word that
    ends ``before`` (the last line at the foot of the page) with no space: the page broke
    the cell as a line break would, so the break reads as ``join_lines`` reads one, the
    next word seen whole where it too runs over a line ("programm" + "e")."""
    breaks = _breaks((before, *after[:2]), limit, words, marks_wraps, settings)
    verdict = [v for _, _, v in breaks][1]
    return verdict is not None and verdict.joined


class _Verdict(NamedTuple):
    joined: bool  # a word broken for want of room, joined without a space
    sure: bool  # decided by evidence beyond the shape of the line


def _breaks(
    lines: Sequence[Line],
    limit: float | None,
    words: frozenset[str],
    marks_wraps: bool,
    settings: PdfSettings,
) -> Iterator[tuple[Line | None, Line, _Verdict | None]]:
    """Yield each line with the one before it and how the break between them reads."""
    prev: Line | None = None
    word = ""  # the word that ends the line before, with its pieces on lines above
    left = min((line.x0 for line in lines), default=0.0)
    # centred or set right, the lines start anywhere and the widest tells no room left
    flush = all(line.x0 - left <= settings.flush_left for line in lines)
    for n, line in enumerate(lines):
        verdict = None
        if prev is not None and limit is not None and flush:
            verdict = _broken_word(prev, line, left, limit, settings)
            if verdict is None:
                # a producer that writes the space it wraps at would have written one here
                spaced = marks_wraps and limit - prev.x1 > settings.space_width * prev.size
                rest = _next_word(lines, n, words, settings)
                verdict = _by_words(word, rest, words, spaced, settings)
        yield prev, line, verdict
        joined = verdict is not None and verdict.joined
        word = word + line.text if joined else line.text.rsplit(" ", 1)[-1]
        prev = line


def _next_word(lines: Sequence[Line], n: int, words: frozenset[str], settings: PdfSettings) -> str:
    """Return the first word of line n; where that word fills the line and is no word, but
    runs on into the next line's first as one ("programm" + "e"), the whole of it."""
    first = lines[n].text.split(" ")[0]
    if first != lines[n].text or n + 1 == len(lines):
        return first
    longer = first + lines[n + 1].text.split(" ")[0]
    bare = _bare(words)
    common = settings.common_word
    return longer if is_word(longer, bare, common) and not is_word(first, bare, common) else first


def _broken_word(
    line: Line, after: Line, left: float, limit: float, settings: PdfSettings
) -> _Verdict | None:
    """Return how the break after line reads by its geometry; None where both readings fit.

    A producer breaks a word only when it does not fit on a line of its own: the
    line holds that one word from the margin, the next letter would not have fitted
    after it, and the word with its rest is wider than the line. A wrap at a space
    ("Cancelled" over "Merged") leaves room for a space only; the space glyph
    (LibreOffice) or no mark at all (Chromium, WeasyPrint) tells nothing more.
    """
    if line.wrapped or " " in line.text:
        return _Verdict(False, True)
    if line.text[-1:].islower() and after.text[:1].isupper():
        return _Verdict(False, True)  # no word runs on from a small letter to a capital
    if len(line.text) > 3 and line.text.isalpha() and after.text[:1].isdigit():
        return _Verdict(False, True)  # nor from a word to a number ("Recommendation" "1:")
    if line.text[-1:] in ",;:!?" and after.text[:1].isalpha():
        return _Verdict(False, True)  # nor on from a comma or a semicolon ("appointed;")
    if line.text[-1:] == "." and after.text[:1].isupper() and after.text[1:2].islower():
        return _Verdict(False, True)  # nor from a full stop into a sentence ("January." "Develop")
    if (line.whole_bold, line.bold) != (after.bold, after.bold):
        return _Verdict(False, True)  # nor does a word change weight ("January." bold, "Develop")
    if line.text[-1:].isalnum() and after.text[:1] in _OPENS:
        # nor into an opening bracket ("2023" "(was"): Unicode line breaking (UAX #14,
        # LB30) never breaks between a letter or digit and it, so a space stood there
        return _Verdict(False, True)
    if line.text[-1:] in _CLOSES and after.text[:1].isalnum():
        return _Verdict(False, True)  # nor out of a closing one ("CFO(Fin)" "DCC"): LB30
    if line.text[-1:].isdigit() and after.text[:1].isalpha():
        return _Verdict(False, True)  # nor from a number into a word ("2023/24" "update"): LB23
    room = limit - line.x1
    whole = (line.x1 - line.x0) + after.first_word_width
    margin, slack = settings.fit_margin * line.size, settings.fit_slack
    fits = room - margin >= after.first_char_width + slack
    if fits or whole + margin <= limit - left - slack:
        return _Verdict(False, True)
    if line.text[-1:].isdigit() and after.text[:1].isdigit():
        return _Verdict(True, True)  # a number runs on ("2.1" "0", "2023/2" "4")
    return None


def _by_words(
    piece: str, rest: str, words: frozenset[str], spaced: bool, settings: PdfSettings
) -> _Verdict:
    """Return how a break the geometry leaves open reads by the words either side.

    Two words the document writes whole elsewhere, and never as one, were wrapped
    at a space ("Business" "as"; but "Complete" "d"). Where the document tells
    nothing, the language does: two common words that make none were wrapped at a
    space ("registered" "sex"); a piece that is no word was broken ("Recomme"
    "ndation", "Complete" "d"). Two words that also make one ("every" "one") stay a guess, as does
    a join no list knows, unless ``spaced``: a space fitted there, and the producer
    writes the space it wraps at.
    """
    piece, rest = piece.lower(), rest.lower()
    if piece + rest in words:
        return _Verdict(True, True)
    if piece in words and rest in words:
        return _Verdict(False, True)
    # a compound's last part: "promotion/recruit" + "ment", "station-based" + "crews"
    head = piece[max(piece.rfind(c) for c in BREAKS_AFTER) + 1 :]
    bare, common = _bare(words), settings.common_word
    both = is_word(head, bare, common) and is_word(rest, bare, common)
    one = is_word(head + rest, bare, common)
    if both and not one:
        return _Verdict(False, True)
    if not is_word(head + rest, bare, common=1) and all(
        is_word_form(part, bare, settings.less_common) for part in (head, rest)
    ):
        return _Verdict(False, False)  # a join no list knows, of two parts it does know
    # a piece of one or two letters that is no word ("d", "ng") can only end a word
    fragment = not is_word(rest, bare, common) and len(rest.strip(".,;:()")) <= 2
    return _Verdict(True, (one and not both) or spaced or fragment)


@lru_cache(maxsize=4)
def _bare(words: frozenset[str]) -> frozenset[str]:
    """Return the words less their punctuation ("programme." is "programme")."""
    return frozenset(w.strip(".,;:()") for w in words)


def runs_on(
    line: Line, limit: float, next_word: float, marks_wraps: bool, settings: PdfSettings
) -> bool:
    """True when the text after ``line`` (its first word ``next_word`` wide) goes on its paragraph.

    A producer wraps a line only when the next word will not fit. LibreOffice
    also writes the space it wrapped at, unless the line is flush with the
    margin, so where it marks wraps an unmarked line with room left ended its
    paragraph.
    """
    if line.wrapped:
        return True
    room = limit - line.x1
    space = settings.space_width * line.size
    if room >= next_word + space:
        return False
    if line.text[-1:] in BREAKS_AFTER:
        return True
    return not marks_wraps or room < space + settings.fit_slack


def bold_head(
    lines: Sequence[Line], text: str, limit: float | None = None, *, settings: PdfSettings
) -> str:
    """Return the text of the opening lines printed wholly in bold, as ``text`` (the lines
    joined) begins with it; all of ``text`` where every line is bold; '' otherwise."""
    count = next((n for n, line in enumerate(lines) if not line.whole_bold), len(lines))
    if count == len(lines):
        return text if lines else ""
    head = join_lines(lines[:count], limit, settings=settings) if count else ""
    # the document's words may have joined the head's lines otherwise: then no head is known
    return head if text.startswith(f"{head} ") else ""


def join_parts(before: str, after: str, wrapped: bool = False) -> str:
    """Return two pieces of one text joined across a line or page break."""
    if not before or not after:
        return before + after
    tight = not wrapped and (
        (len(before) > 1 and before[-1] in BREAKS_AFTER and not before[-2].isspace())
        or (after[0] in _BREAKS_BEFORE and not before[-1].isspace())
    )
    return before + after if tight else f"{before} {after}"
