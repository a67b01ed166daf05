"""Plans written as labelled paragraphs, one block per area or action, with no action table.

A web page or a short document often gives each recommendation or area as a
heading (its ref), the finding, then lines such as ``Our response: ...``,
``Status: ...``, ``Update: ...`` in any order. The labels are recognised by the
same header synonyms that name table columns (``profile.toml``), so one
vocabulary serves both forms. A label may also stand alone on its line, its text
in the paragraph after it.

Where no heading opens each block, a numbered label of any word ("Action 1.1: ...",
"Item 3: ...") gives the block's ref and its action, and a label met again in a block
that already holds an action opens the next block: so the labels may come in any
order, a status before the action as well as after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.model import Document, Paragraph, RawAction
from planwatch.normalise.dates import parse_due
from planwatch.normalise.statuses import parse_status

from .headers import EXACT_SCORE, label_score
from .profile import Profile, normalise_label
from .sections import Section, match_heading, take_title
from .settings import ExtractSettings

# role of a label -> the raw field its text fills; the order breaks ties between roles
_FIELDS = {
    "action": "action",
    "area": "area",
    "status": "status_raw",
    "progress": "progress",
    "due": "due_raw",
    "lead": "lead_raw",
}
# a label both the status and the progress go by ("Progress"): read by its text
_EITHER = "status_raw|progress"
_LABELLED = re.compile(r"^(?P<label>[^:]{1,40}):\s*(?P<text>.+)$", re.DOTALL)
# "Action 1.1", "Item 3", "Commitment 2a": a word or two, then the block's number
_NUMBERED = re.compile(r"^(?:[A-Za-z][\w&'-]*\s){1,2}\s*(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?)$")


@dataclass
class _Block:
    section: Section
    fields: dict[str, str] = field(default_factory=dict)
    ref: str = ""  # the number of a numbered label
    numbered: str = ""  # the text after a numbered label

    @property
    def action(self) -> str:
        """The block's action: its action label's text, else the numbered label's, else the
        area's (a recommendation with no response given)."""
        fields = self.fields
        return fields.get("action") or self.numbered or fields.get("area", "")


def read_labelled_blocks(document: Document, settings: ExtractSettings) -> tuple[RawAction, ...]:
    """Return one raw action per labelled block that gives an action; none if no block does."""
    walk = _Walk(settings)
    for paragraph in document.blocks:
        if isinstance(paragraph, Paragraph) and (text := paragraph.text.strip()):
            walk.read(text)
    actions: list[RawAction] = []
    for block in walk.blocks:
        if block.action:
            actions.append(_raw_action(block, actions))
    return tuple(actions)


def _raw_action(block: _Block, before: list[RawAction]) -> RawAction:
    section, fields = block.section, dict(block.fields)
    area = fields.pop("area", "")
    action = fields.pop("action", "") or block.numbered or area
    title = section.title or (area if action != area else "")
    # a numbered label beside an action label gives the finding the action answers
    summary = block.numbered if block.numbered and block.numbered != action else ""
    return RawAction(
        section_ref=section.ref,
        section_title=title,
        action_ref=block.ref,
        entry_no=1,
        position=sum(a.section_ref == section.ref for a in before) + 1,
        action=action,
        section_summary=summary,
        **fields,
    )


@dataclass
class _Walk:
    """The blocks read so far. A heading opens a block; so does a numbered label, and the
    label that opened the area's first block, met again once the block holds its action
    (any other label met again adds to its block: two "Update:" lines)."""

    settings: ExtractSettings
    blocks: list[_Block] = field(default_factory=lambda: [_Block(Section())])
    opener: str = ""  # the first label of the area's first block; "#" for a numbered label
    pending: str = ""  # a label alone on its line, whose text is the next paragraph
    numbered: str = ""  # the ref of a numbered line alone ("Action 1.1") over an action label

    def read(self, text: str) -> None:
        block, settings = self.blocks[-1], self.settings
        if heading := match_heading(text, settings):
            self.blocks.append(_Block(heading))
            self.opener = self.pending = ""
        elif self.pending:
            self.add(self.pending, text)
            self.pending = ""
        elif block.section.awaiting_title and not block.fields and not _is_area(text, settings):
            block.section = take_title(block.section, text)
        elif match := _LABELLED.match(text):
            self.read_label(match["label"].strip(), match["text"].strip())
        elif name := _field_of(text, settings, exact=True):
            self.open_for(name)
            self.pending = name
        elif numbered := _NUMBERED.match(text):
            self.numbered = numbered["ref"]
            return
        self.numbered = ""

    def read_label(self, label: str, text: str) -> None:
        """Read one "label: text" line: a numbered label, or a field's label; an action's
        label under a numbered line alone opens the block of that number."""
        if numbered := _NUMBERED.match(label):
            block = self.open_for("#", always=True)
            block.ref, block.numbered = numbered["ref"], text
        elif (name := _field_of(label, self.settings)) and (
            name == "due_raw" or not _only_date(text, self.settings)
        ):
            if name == "action" and self.numbered:
                block = self.open_for("#", always=True)
                block.ref = self.numbered
            self.add(name, text, self.open_for(name))

    def open_for(self, name: str, always: bool = False) -> _Block:
        """Return the block the label ``name`` goes in, opening the next where it is the
        opening label (or ``always``, a numbered one) and this block has its action."""
        block = self.blocks[-1]
        self.opener = self.opener or name
        if (block.action or block.ref) and (always or name == self.opener):
            block = _Block(block.section)
            self.blocks.append(block)
        return block

    def add(self, name: str, text: str, block: _Block | None = None) -> None:
        block = block or self.blocks[-1]
        if name == _EITHER:
            # "Progress: In progress" is a status; "Progress: Scoping done." beside a status
            # (or with no status word in it) is the progress
            status = "status_raw" not in block.fields
            is_status = parse_status(text, self.settings.cells).value is not None
            name = "status_raw" if status and is_status else "progress"
        block.fields[name] = _joined(block.fields.get(name, ""), text)


def _field_of(label: str, settings: ExtractSettings, exact: bool = False) -> str:
    """Return the raw field a label names ("Our response" -> action), '' if none; with
    ``exact`` (a line alone), only a label equal to a synonym or made wholly of their words
    ("Update", "Progress RAG"; not a title "HMICFRS Improvement Plan – progress").

    A label naming both the area and the action ("Recommendation") is the area: a block
    giving no other action takes its text as the action.
    """
    name, profile = normalise_label(label), settings.profile
    if not name or len(name.split()) > settings.max_label_words:
        return ""
    scores = {role: label_score(name, profile.headers.get(role, ())) for role in _FIELDS}
    if exact and not set(name.split()) <= _words(profile):
        scores = {role: score if score > EXACT_SCORE else 0.0 for role, score in scores.items()}
    if scores["area"] and scores["area"] >= scores["action"] - 0.5:
        return "area"
    best = max(_FIELDS, key=lambda role: (scores[role], -list(_FIELDS).index(role)))
    if best == "status" and scores["progress"] > EXACT_SCORE:
        return _EITHER  # the label is a synonym of both
    return _FIELDS[best] if scores[best] else ""


def _words(profile: Profile) -> set[str]:
    """Return every word of the header synonyms."""
    return {word for synonyms in profile.headers.values() for s in synonyms for word in s.split()}


def _is_area(text: str, settings: ExtractSettings) -> bool:
    """A line "Recommendation" alone under a heading labels the text below: it is no title."""
    return _field_of(text, settings, exact=True) == "area"


def _only_date(text: str, settings: ExtractSettings) -> bool:
    """A cover line such as "Status as of: 31/08/2024" labels a date, not a status."""
    due = parse_due(text, settings=settings.cells.dates)
    return due.start is not None and not due.warnings


def _joined(before: str, text: str) -> str:
    return f"{before} {text}".strip()
