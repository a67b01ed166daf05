"""A plan that names its areas in bold inside the action table, and bold that is emphasis only.

Every text here is what tests/extract/test_bold_sections_plan.py checks by hand; change both
together.
"""

from __future__ import annotations

from datetime import UTC, datetime

from grid_render import BoldHead, Grid, Para, Plan

HEADER = ("Ref", "Action", "Owner", "Target date", "Status", "Progress")

# The areas in bold: over the first action's text ("Protection"), as a row of their own in the
# ref column ("Prevention"), over the ref ("Response")
AREAS = Grid(
    (
        HEADER,
        (
            "1.1",
            BoldHead(
                "Protection\nReview the risk-based inspection programme against the community"
                " risk profile."
            ),
            "Head of Protection",
            "March 2023",
            "Complete",
            "Programme reviewed and approved by the board.",
        ),
        (
            "1.2",
            "Recruit and train four additional fire safety inspectors.",
            "Head of Protection",
            "September 2023",
            "On track",
            "Two inspectors in post; two in training.",
        ),
        (BoldHead("Prevention"), "", "", "", "", ""),
        (
            "2.1",
            "Deliver safe and well visits to every household over 80 in the county.",
            "Head of Prevention",
            "December 2023",
            "On track",
            "1,240 visits completed.",
        ),
        (
            "2.2",
            "Evaluate the outcomes of targeted visits each quarter.",
            "Head of Prevention",
            "Q2 2023/24",
            "Not started",
            "",
        ),
        (
            BoldHead("Response\n3.1"),
            "Review crewing of on-call engines at night.",
            "Head of Response",
            "June 2023",
            "Complete",
            "New rota in place from May.",
        ),
        (
            "3.2",
            "Publish on-call availability figures each month.",
            "Head of Response",
            "July 2023",
            "Off track",
            "First report delayed.",
        ),
    )
)

# Bold as emphasis: each action's own title, and a long bold opening line
TITLES = Grid(
    (
        HEADER,
        (
            "4.1",
            BoldHead("Values training\nAll staff complete the values and behaviours course."),
            "Head of People",
            "March 2024",
            "On track",
            "",
        ),
        (
            "4.2",
            BoldHead("Fair recruitment\nReview interview panels for balance and training."),
            "Head of People",
            "December 2023",
            "On track",
            "",
        ),
        (
            "4.3",
            BoldHead(
                "Every supervisor promoted this year completes the leadership programme\n"
                "within twelve months, with a mentor."
            ),
            "Head of Learning",
            "March 2024",
            "On track",
            "",
        ),
        (
            "4.4",
            BoldHead("Exit interviews\nOffer one to every leaver and report themes to the board."),
            "Head of People",
            "September 2023",
            "Complete",
            "",
        ),
        (
            "4.5",
            BoldHead("Wellbeing\nTrain a wellbeing champion on every station."),
            "Head of People",
            "December 2023",
            "Not started",
            "",
        ),
    )
)

RAVENSMOOR = Plan(
    "ravensmoor-fire-improvement-plan-2023-06",
    (
        Para("Ravensmoor Fire and Rescue Service", "Title"),
        Para("Improvement Plan", "Subtitle"),
        Para("Progress report – June 2023"),
        Para("Service delivery", "Heading 1"),
        AREAS,
        Para("Objective 4: People", "Heading 1"),
        TITLES,
    ),
    "Ravensmoor Fire and Rescue Service Improvement Plan",
    datetime(2023, 6, 30, 9, 0, tzinfo=UTC),
)

PLANS = (RAVENSMOOR,)
