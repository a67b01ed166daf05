"""Every knob of extraction in one validated place."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from planwatch.frozen import FrozenDict
from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.vocabulary import load_vocabulary

from .profile import Profile, load_profile

# The roles a column's content alone may give, and the share of its cells that gives each
CONTENT_SHARES = FrozenDict({"action": 0.6, "due": 0.7, "status": 0.7, "ref": 0.8})


@dataclass(frozen=True)
class ExtractSettings:
    """How documents are read: the recognition profile, the recognition thresholds, and how
    cell text is read (dates, status words), which content evidence and normalisation share.

    Counts are whole numbers of 1 or more; shares are of a column's, a table's or a key's
    cells, above 0 and at most 1. The defaults are the values recognition was tuned on.
    """

    profile: Profile = field(default_factory=load_profile)  # shipped, or with a user's file
    cells: NormaliseSettings = field(default_factory=NormaliseSettings)
    edition_date: date | None = None  # set by the caller: every file read is that edition

    # header rows (extract/__init__, headers)
    header_search_rows: int = 6
    """How far down a table its header row may sit."""
    min_header_roles: int = 2
    """Action plus at least one of due/lead/status/progress/signoff."""
    key_table_roles: int = 3
    """Under a heading naming a key, a table is actions only where its header names this
    many roles: two columns there say what each code or status means."""
    evidence_rows: int = 39
    """The rows under a header whose content is weighed to read its columns."""
    max_header_words: int = 8
    """A cell of more words than this is body text, not a column title."""
    max_sub_title_words: int = 4
    """A sub-title under a spanning header cell is a word or two: "Original", "Revised"."""

    # columns by content (headers, evidence)
    min_action_chars: int = 15
    """Mean length that makes an unlabelled column the action text."""
    ref_share: float = 0.6
    """An unheaded column is the ref column when this share of its filled cells look like
    refs."""
    content_shares: Mapping[str, float] = CONTENT_SHARES
    """Role -> the share of a column's cells of that role's kind (prose for the action,
    dates, statuses, refs) by which its content alone names the role."""
    status_over_header: float = 0.9
    """A column whose header names progress but whose cells are this nearly all status
    words is the status column ("Position": "Achieved"); a progress text is rarely so short."""
    prose_words: int = 5
    """A prose cell has this many words at least."""
    status_cell_words: int = 6
    """A status cell has at most this many words."""
    numbers_only: float = 0.8
    """An action column this numeric is a summary of counts, not a list of actions."""

    # keys of lead codes (keys)
    max_code_chars: int = 24
    """A code of whole words, inside a key, is at most this long ("Ch Insp Training")."""
    max_role_chars: int = 70
    """Longer than this a key line's role is a sentence that happens to follow a colon."""
    max_role_words: int = 9
    """A key line's role has at most this many words."""
    key_share: float = 0.8
    """A table is a key when this share of its pairs are a code and a role..."""
    announced_key_share: float = 0.5
    """...or this share, where the paragraph before it says "Key:"."""
    key_line_abbreviations: float = 0.8
    """A run of "code – role" lines with no key heading is a key when this share of its codes
    are abbreviations (two capitals or more)."""

    # legends, sections and section names in bold (legend, sections, emphasis)
    max_meaning_chars: int = 60
    """A legend meaning longer than this is a sentence that starts with a colour."""
    max_shading_chars: int = 200
    """A paragraph saying what grey shading means is at most this long."""
    max_heading_chars: int = 200
    """A section heading is at most this long."""
    max_form_rows: int = 12
    """A form per action (a label and its value on each of its rows) has at most this many
    rows."""
    min_form_fields: int = 2
    """A form per action names its action and at least this many fields more (a date, a
    lead, a status or a progress); fewer is a note beside a table, not a form."""
    max_label_words: int = 4
    """A paragraph's label ("Our response:", "Progress RAG:") is at most this many words; a
    longer one is a sentence with a colon in it."""
    max_box_cells: int = 3
    """A box holding a section's reference and title has at most this many cells."""
    max_head_chars: int = 60
    """A bold line naming a section is at most this long ("AFI 3: Culture and values")..."""
    max_head_words: int = 10
    """...and of at most this many words."""
    bold_title_share: float = 0.75
    """Action cells more than this share of which open with a bold line are opened by their
    own titles, not by section names."""
    max_total_label_words: int = 3
    """A totals row's label is at most this many words: "Total", "Grand total"."""

    # the plan's opening lines (metadata)
    opening_blocks: int = 60
    """The blocks at the document's start whose paragraphs may give its title and edition..."""
    opening_paragraphs: int = 15
    """...at most this many of them."""
    max_title_chars: int = 120
    """A plan's title is at most this long."""

    # skipped tables that read like actions (accounting)
    long_text_chars: int = 60
    """A cell this long is long text..."""
    long_text_rows: int = 3
    """...and a skipped table with this many rows holding one reads like a list of actions..."""
    action_like_roles: int = 2
    """...as does one whose top rows name this many column roles."""

    @classmethod
    def with_profile_file(cls, path: Path | None, **knobs: object) -> ExtractSettings:
        """Return settings whose profile and status vocabulary are the shipped ones, extended
        by the user's file ``path`` (if given): one file carries both."""
        settings = cls(**knobs)
        return settings.extended_by(path) if path is not None else settings

    def extended_by(self, path: Path) -> ExtractSettings:
        """Return these settings with the profile and vocabulary of the user's file added."""
        if not Path(path).is_file():
            raise ValueError(f"profile {path} is not a file")
        cells = replace(self.cells, vocabulary=load_vocabulary(Path(path)))
        return replace(self, profile=load_profile(Path(path)), cells=cells)

    def __post_init__(self) -> None:
        if not isinstance(self.profile, Profile):
            raise TypeError(
                f"profile must be a Profile, got {type(self.profile).__name__}; "
                "use ExtractSettings.with_profile_file(path) for a profile file"
            )
        if not isinstance(self.cells, NormaliseSettings):
            raise TypeError(f"cells must be a NormaliseSettings, got {type(self.cells).__name__}")
        if self.edition_date is not None and not isinstance(self.edition_date, date):
            raise TypeError(f"edition_date must be a date, got {self.edition_date!r}")
        for f in fields(self):
            if f.type == "int":
                _check_count(f.name, getattr(self, f.name))
            elif f.type == "float":
                _check_share(f.name, getattr(self, f.name))
        self._check_content_shares()

    def _check_content_shares(self) -> None:
        shares = self.content_shares
        if not isinstance(shares, FrozenDict) or set(shares) != set(CONTENT_SHARES):
            raise ValueError(
                "ExtractSettings.content_shares must be a FrozenDict of a share for each of"
                f" {', '.join(CONTENT_SHARES)}, got {shares!r}"
            )
        for role, share in shares.items():
            _check_share(f"content_shares[{role!r}]", share)


def _check_count(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(
            f"ExtractSettings.{name} must be a whole number of 1 or more, got {value!r}"
        )


def _check_share(name: str, value: object) -> None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not math.isfinite(value) or not 0 < value <= 1:
        raise ValueError(
            f"ExtractSettings.{name} must be a share above 0 and at most 1, got {value!r}"
        )
