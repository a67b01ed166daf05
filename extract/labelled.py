"""Plans written as labelled paragraphs, one block per area, with no action table.

A web page or a short document often gives each recommendation or area as a
heading (its ref), the finding, then lines such as ``Our response: ...``,
``Status: ...``, ``Update: ...`` in any order. The labels are recognised by the
same header synonyms that name table columns (``profile.toml``), so one
vocabulary serves both forms. A label may also stand alone on its line, its text
in the paragraph after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planwatch.model import Document, Paragraph, RawAction

from .profile import Profile, normalise_label
from .sections import Section, match_heading, take_title
from .settings import ExtractSettings

# role of a label -> the raw field its text fills; the order breaks ties between roles
_FIELDS = {
    "action": "action",
    "status": "status_raw",
    "progress": "progress",
    "due": "due_raw",
    "lead": "lead_raw",
}
_LABELLED = re.compile(r"^(?P<label>[^:]{1,40}):\s*(?P<text>.+)$", re.DOTALL)


def read_labelled_blocks(document: Document, settings: ExtractSettings) -> tuple[RawAction, ...]:
    """Return one raw action per labelled block that gives an action; none if no block does."""
    actions: list[RawAction] = []
    for section, fields in _blocks(document, settings):
        if fields.get("action"):
            position = sum(a.section_ref == section.ref for a in actions) + 1
            actions.append(
                RawAction(
                    section_ref=section.ref,
                    section_title=section.title,
                    action_ref="",
                    entry_no=1,
                    position=position,
                    **fields,
                )
            )
    return tuple(actions)


def _blocks(
    document: Document, settings: ExtractSettings
) -> Iterator[tuple[Section, dict[str, str]]]:
    """Yield each section's labelled fields, a section opened by each heading."""
    profile = settings.profile
    section, fields, pending = Section(), {}, ""
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if heading := match_heading(text, settings):
            yield section, fields
            section, fields, pending = heading, {}, ""
        elif section.awaiting_title and not fields:
            section = take_title(section, text)
        elif pending:
            fields[pending] = _joined(fields.get(pending, ""), text)
            pending = ""
        elif field := _field_of(text, profile):
            pending = field  # a label alone on its line: its text follows
        elif (match := _LABELLED.match(text)) and (field := _field_of(match["label"], profile)):
            fields[field] = _joined(fields.get(field, ""), match["text"].strip())
    yield section, fields


def _field_of(label: str, profile: Profile) -> str:
    """Return the raw field a label names ("Our response" -> action), '' if none."""
    name = normalise_label(label)
    return next((f for role, f in _FIELDS.items() if name in profile.headers.get(role, ())), "")


def _joined(before: str, text: str) -> str:
    return f"{before} {text}".strip()
