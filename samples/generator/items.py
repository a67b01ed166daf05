"""One generated action: what its cells print and the canonical row(s) it must give."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date

from .dates import spell_date
from .vocab import (
    CONTINUATIONS,
    KEY_CODES,
    LEAD_SEPARATORS,
    RAG,
    ROLE_QUALIFIERS,
    ROLES,
    STATUS_SENTENCES,
    STATUS_WORDS,
    WORD_CODES,
)

# public rank titles, read by planwatch from standard ranks where a plan has no key
RANKS = {
    "fire": (
        ("AM", "Area Manager"),
        ("GM", "Group Manager"),
        ("DCFO", "Deputy Chief Fire Officer"),
    ),
    "police": (
        ("ACC", "Assistant Chief Constable"),
        ("DCC", "Deputy Chief Constable"),
        ("Supt", "Superintendent"),
        ("Ch Insp", "Chief Inspector"),
    ),
}


@dataclass
class Item:
    section_ref: str
    action_id: str
    ref: str
    action: str
    progress: str = ""
    due: tuple[str, date | None, date | None, str] = ("", None, None, "none")
    status: str = "open"
    status_text: str = ""
    status_fill: str | None = None
    lead_text: str = ""
    lead_codes: tuple[str, ...] = ()
    lead_roles: tuple[str, ...] = ()
    greyed: bool = False
    continuations: list[str] = field(default_factory=list)
    section_title: str | None = None  # checked only where the plan prints it whole
    bold_line: str = ""  # printed in bold over the action's text, and read as part of it
    update_early: str = ""  # the texts of two update columns headed by periods
    update_late: str = ""
    update_period: str = ""  # the later period, as planwatch spells it; "" for no such columns
    wrap: int = 0  # where the action's text carries on in a row of its own (0: it does not)

    @property
    def text(self) -> str:
        """The action text as read: the bold line printed over it, then the action."""
        return f"{self.bold_line} {self.action}" if self.bold_line else self.action

    def expected(self, paragraphs: bool = False) -> list[dict]:
        """Return the canonical rows this action must extract to, entry 1 first."""
        raw, start, end, precision = self.due
        first = {
            "section_ref": self.section_ref,
            "action_id": self.action_id,
            "entry_no": 1,
            "action": self.text,
            "progress": self.progress,
            "status": self.status,
        }
        if not paragraphs:
            first |= {
                "action_ref": self.ref,
                "due_raw": raw,
                "due_start": start,
                "due_end": end,
                "due_precision": precision,
                "lead_codes": self.lead_codes,
                "lead_roles": self.lead_roles,
                "greyed": self.greyed,
            }
            if self.update_period:
                first |= {"latest_update": self.update_late, "update_period": self.update_period}
        rows = [first]
        titled = {} if self.section_title is None else {"section_title": self.section_title}
        first |= titled
        # the paragraph form prints one block per action, with no continuation entries
        for n, text in enumerate(() if paragraphs else self.continuations, start=2):
            rows.append(
                {
                    "section_ref": self.section_ref,
                    "action_id": self.action_id,
                    "entry_no": n,
                    "action": self.text,
                    "progress": text,
                }
                | titled
            )
        return rows


def draw_status(rng: random.Random, item: Item, form: str, sentences: bool = False) -> None:
    """Give the item a status printed as words, a RAG fill, a RAG word, or word and fill."""
    if form in ("words", "words_fill"):
        item.status = rng.choice(tuple(STATUS_WORDS))
        item.status_text = rng.choice(STATUS_WORDS[item.status])
        if sentences:  # picked without the rng, so the rest of the plan stays as drawn
            wordings = STATUS_SENTENCES[item.status]
            item.status_text = wordings[len(item.action) % len(wordings)]
        if form == "words_fill":
            colour = "Blue" if item.status == "complete" else rng.choice(("Green", "Amber", "Red"))
            item.status_fill = RAG[colour][0]
        return
    colour = rng.choice(tuple(RAG))
    item.status_fill, item.status = RAG[colour]
    if form == "rag_words":
        item.status_text, item.status_fill = colour, None
    elif form == "rag_words_fill":
        item.status_text = colour


def respell(code: str) -> str:
    """Return a code as some plans print it against their key: "Ch Supt Ops" as
    "Ch. Supt. Ops.", "ACO (F)" as "ACO(F)"; capitals alone ("DCFO", "H&S") stay as they are."""
    words = code.replace(" (", "(").split(" ")
    return " ".join(f"{w}." if re.fullmatch(r"[A-Z][a-z]{1,4}", w) else w for w in words)


def draw_lead(rng: random.Random, item: Item, choices: dict[str, str], service: str) -> None:
    """Give the item its lead cell: a key code, several, a written role or a rank."""
    form = choices["leads"]
    if form == "roles":
        role = rng.choice(ROLES)
        if choices["role_form"] == "bracketed":
            role += f" ({ROLE_QUALIFIERS[len(role) % len(ROLE_QUALIFIERS)]})"
        item.lead_text = role
        item.lead_roles = (role,)
        return
    pool = RANKS[service] if form == "ranks" else key_entries(service, choices)
    picked = rng.sample(pool, 2 if form == "several_codes" else 1)
    printed = [respell(c) if choices["lead_spelling"] == "dots_spaces" else c for c, _ in picked]
    item.lead_text = rng.choice(LEAD_SEPARATORS).join(printed)
    item.lead_codes = tuple(code for code, _ in picked)
    item.lead_roles = tuple(role for _, role in picked)


def key_entries(service: str, choices: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The plan's key: the service's usual codes, then any codes of whole words."""
    words = choices.get("key_code_words") == "whole_words"
    return KEY_CODES[service] + (WORD_CODES[service] if words else ())


def grey_defined(choices: dict[str, str]) -> bool:
    """True where the plan greys rows and prints what its grey means."""
    return (
        choices["form"] == "tables"
        and choices["greyed"] == "yes"
        and (choices["grey_meaning"] == "defined")
    )


def draw_item(
    rng: random.Random, item: Item, choices: dict[str, str], service: str, roles: tuple[str, ...]
) -> None:
    """Fill the item's cells from the plan's choices; only the columns the plan prints."""
    draw_status(rng, item, choices["status_form"], choices["status_wording"] == "sentences")
    if "due" in roles:
        item.due = spell_date(rng, choices["dates"])
    if "lead" in roles:
        draw_lead(rng, item, choices, service)
    item.greyed = choices["greyed"] == "yes" and item.status == "complete"
    # where the plan says grey means complete, a greyed row keeps its last printed status
    if grey_defined(choices) and item.status in ("open", "ongoing") and rng.random() < 0.4:
        item.greyed, item.status = True, "complete"
    if "progress" in roles and choices["continuation"] == "yes" and rng.random() < 0.3:
        item.continuations = [rng.choice(CONTINUATIONS)]
