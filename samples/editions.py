"""The derived editions: explicit text edits that turn a seed export into another edition."""

from __future__ import annotations

from typing import NamedTuple


class Edit(NamedTuple):
    """Replace `old` by `new`; `old` must occur exactly `count` times."""

    old: str
    new: str
    count: int = 1


def row(*cells: str) -> str:
    """Return one table line of the text export: cells joined by tabs."""
    return "\t".join(cells)


def apply_edits(text: str, edits: tuple[Edit, ...]) -> str:
    """Return `text` with every edit applied in order; raise if an anchor is missing or repeated."""
    for edit in edits:
        found = text.count(edit.old)
        if found != edit.count:
            raise ValueError(
                f"edit anchor found {found} times, expected {edit.count}: {edit.old!r}"
            )
        text = text.replace(edit.old, edit.new)
    return text


# --- improvement plan: January 2021 (seed) back to October 2020 --------------

_EY16_REMOVED = row(
    "Review the Protection department structure to support delivery of the Business Safety Plan.",
    "A review of the structure of the Business Fire Safety team has commenced and options will be "
    "presented to SMB.",
    "",
    "Dec 2020",
)

_P18_ADDED = row(
    "Continue to have a regular workforce planning meeting.",
    "Workforce Planning Meetings scheduled every 6 weeks and include succession planning. "
    "Terms of reference have been approved",
    "",
    "Ongoing",
)

IMPROVEMENT_PLAN_2020_10: tuple[Edit, ...] = (
    # edition and the paragraphs that name it
    Edit("Updated: January 2021", "Updated: October 2020"),
    Edit("Fire Authority on 16th December 2020", "Fire Authority on 22nd July 2020"),
    Edit("up to January 2021 against", "up to October 2020 against"),
    # the latest-quarter column of every action table
    Edit("\tQ3 2020-2021\t", "\tQ2 2020-2021\t", count=7),
    # ES1.1/1: progress extended in January
    Edit(" MDT installation programme completed Dec 2020.\t", "\t"),
    # ES1.1/5: open in October, deferred in January
    Edit(
        "tender process in approximately 18 months time.\tDeferred",
        "tender process in approximately 18 months time.\tMar 2021",
    ),
    # ES1.4/a: target moved later (Dec 2020 -> Mar 2021)
    Edit("any that are outstanding.\tMar 2021", "any that are outstanding.\tDec 2020"),
    # ES1.4/d: closed in January, progress extended
    Edit(
        "safe and well check. 24 visits have been completed and covered Vulnerability, "
        "safeguarding and signposting.\t\tComplete",
        "safe and well check.\t\tDec 2020",
    ),
    # ES1.5/4: deferred in October, complete in January
    Edit(
        "due to concerns raised by the schools due to Covid-19.\t\tComplete",
        "due to concerns raised by the schools due to Covid-19.\t\tDeferred",
    ),
    # ES1.5/7: closed in January, latest update written
    Edit(
        "future Community Risk work.\tSet up and included on all TFS letters to the Responsible "
        "Person\tComplete",
        "future Community Risk work.\t\tNov 2020",
    ),
    # EY1.4/1: target moved later, latest update extended
    Edit(
        "Prevention and Protection Strategies. These documents will incorporate the previously "
        "drafted plans and align with aims identified within the Service's CRMP 2021-2025. These "
        "documents are currently being drafted.\tApril 2021",
        "Prevention and Protection Strategies.\tJan 2021",
    ),
    # EY1.4: strategic lead changed in January (the section's only lead cell)
    Edit(
        "those attended by crews.\tComplete\nStrategic lead\tHead of Community Risk and HRD",
        "those attended by crews.\tComplete\nStrategic lead\tHead of Prevention",
    ),
    # EY1.6/4: present in October only
    Edit(
        "utilising desktop audits.\tOngoing\n",
        "utilising desktop audits.\tOngoing\n" + _EY16_REMOVED + "\n",
    ),
    # P1.8/2: progress extended in January
    Edit(
        "shortlisting matrix, etc. Updates on progress through each promotion process have been "
        "provided through regular bulletin items.\t",
        "shortlisting matrix, etc.\t",
    ),
    # P1.8/4: target moved earlier (June 2021 -> Mar 21), latest update written
    Edit(
        "is now embedded in the Service.\tTo support development a Service learning and "
        "development plan is going to SMB in Q4 2021.\tMar 21",
        "is now embedded in the Service.\t\tJune 2021",
    ),
    # P1.8/6: added in January
    Edit(_P18_ADDED + "\n", ""),
    # P1.12/4: lightly reworded
    Edit(
        "Continue combined working with operational staff",
        "Continue joint working with operational staff",
    ),
    # P1.12/7: closed in January
    Edit(
        "right through to the final stages.\t\tComplete",
        "right through to the final stages.\t\tJan 2021",
    ),
)


# --- prevention cause-for-concern plan: 17 November 2021 (seed) on to 15 February 2022 ---

_CFC_3_15 = row(
    "3.15",
    "Review the outcomes of the Home Fire Safety Visit quality assurance process and report the "
    "findings to the Prevention Improvement Panel",
    "31.03.22",
    "PM SCP",
    "",
)

PREVENTION_CFC_2022_02: tuple[Edit, ...] = (
    Edit("\n17 November 2021\n", "\n15 February 2022\n"),
    # 1.5, 2.8, 3.10 (overdue since 31.10.21) and 3.12 signed off
    Edit(
        "for the level of activity to prevent fires and other risks\t30.11.21\tGCP\t\n",
        "for the level of activity to prevent fires and other risks\t30.11.21\tGCP\tAD 14.12.21\n",
    ),
    Edit(
        "across the service (internal)\t30.11.21\tGCP\t\n",
        "across the service (internal)\t30.11.21\tGCP\tAD 20.01.22\n",
    ),
    Edit(
        "include in the Prevention Action Plan\t31.10.21\tPM SCP\t\n",
        "include in the Prevention Action Plan\t31.10.21\tPM SCP\tAD 20.01.22\n",
    ),
    Edit(
        "for Home Fire Safety Visits\t31.12.21\tPM\t\n",
        "for Home Fire Safety Visits\t31.12.21\tPM\tGCP 11.01.22\n",
    ),
    # completion dates: 1.6 and 2.10 later, 2.12 earlier
    Edit("into a paper for SMB\t28.02.22\tSCP\t", "into a paper for SMB\t31.03.22\tSCP\t"),
    Edit("delivery of our services.\t31.12.21\tPM\t", "delivery of our services.\t31.03.22\tPM\t"),
    Edit(
        "on the local community\t30.04.22\tPM GCP\t", "on the local community\t31.03.22\tPM GCP\t"
    ),
    # 2.11 lightly reworded
    Edit("identify and capture feedback", "identify and collect feedback"),
    # 2.13 dropped; 2.14 renumbered 2.13, text unchanged
    Edit(
        row(
            "2.13",
            "Undertake efficiency based value review, measuring resources in versus outputs, and "
            "continue to monitor efficiency.",
            "30.04.22",
            "PM GCP",
            "",
        )
        + "\n2.14\t",
        "2.13\t",
    ),
    # 3.13 lead PM -> PM SCP
    Edit(
        "to ensure referrals are managed effectively\t30.11.21\tPM\t",
        "to ensure referrals are managed effectively\t30.11.21\tPM SCP\t",
    ),
    # 3.15 added at the end (the export has no final newline)
    Edit(
        "formalise into an annual plan\t30.01.22\tPM SCP\t",
        "formalise into an annual plan\t30.01.22\tPM SCP\t\n" + _CFC_3_15,
    ),
)
