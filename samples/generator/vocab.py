"""Vocabularies the generator draws from, by dimension.

Gathered from published plans and progress reports of UK fire and rescue services
and police forces: Hereford & Worcester FRS improvement and cause-for-concern plans
(the seeds in samples/), Leicestershire FRS improvement plan and progress pages,
Buckinghamshire FRS HMICFRS inspection report action plan, Shropshire FRS HMICFRS
response page (labelled "Action Taken" / "Status:" blocks), Derbyshire FRS values and
culture action plan summary (deadline, status and percentage columns), Lancashire CFA
HMICFRS update reports (officer ranks), City of London Police and Staffordshire PCC
PEEL governance reports (police ranks, areas for improvement). Each list holds the
wordings seen; the action texts are written here in the plans' register.
"""

from __future__ import annotations

# column role -> header wordings
HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Ref.", "No.", "Action No", "Reference", "ID"),
    "action": (
        "Action",
        "Actions",
        "What we will do",
        "Proposed action",
        "Improvement activity",
        "Action to be taken",
        "Planned actions",
        "ACTION",
        "Action:",
    ),
    "progress": (
        "Progress to date",
        "Progress update",
        "Update",
        "Comments",
        "Current position",
        "Commentary",
        "Progress",
    ),
    "due": (
        "Target date",
        "Due date",
        "Completion date",
        "Deadline",
        "By when",
        "Timescale",
        "Deadline date",
        "TARGET DATE",
    ),
    "lead": ("Lead", "Owner", "Action owner", "Responsible officer", "Lead officer", "Owner:"),
    "status": ("Status", "RAG", "RAG status", "Current status", "BRAG", "Status:"),
}
OPTIONAL_ROLES = ("ref", "progress", "due", "lead")

ORGANISATIONS = (
    ("Northvale Fire and Rescue Service", "fire"),
    ("Eastmere Fire and Rescue Service", "fire"),
    ("Westford Police", "police"),
    ("Southdown Constabulary", "police"),
)
TITLES = (
    "HMICFRS Improvement Plan",
    "HMICFRS Inspection Action Plan",
    "PEEL Action Plan",
    "Areas for Improvement Tracker",
)
EDITIONS = (
    "Updated: March 2023",
    "Progress report – June 2022",
    "Version 2.1 – January 2023",
    "Position at 31 March 2022",
)

# section labels: how the plan numbers its areas for improvement / recommendations
SECTION_REFS = (
    "AFI {n}",
    "Area for Improvement {n}",
    "Recommendation {n}",
    "AFI{n}",
    "Cause of concern {n}",
)
SECTION_TITLES = (
    "The service should ensure it targets its prevention work at the people most at risk.",
    "The service should make sure its protection activity is aligned with its risk plan.",
    "The force should improve how it records and reviews crimes reported to it.",
    "The service should ensure staff understand how to identify and report safeguarding concerns.",
    "The force should make sure its vetting decisions are recorded and reviewed.",
    "The service should improve the availability of its on-call fire engines.",
    "The force should improve how it answers emergency and non-emergency calls.",
    "The service should assure itself that its workforce plan meets future needs.",
)
# short area names a plan sets in bold inside its table (HMICFRS judgement areas and PEEL
# questions as the fire and police plans above shorten them)
AREA_NAMES = (
    "Prevention",
    "Protection",
    "Response",
    "Preventing fires and other risks",
    "Protecting the public",
    "Making best use of resources",
    "Promoting values and culture",
    "Getting the right people",
    "Investigating crime",
    "Protecting vulnerable people",
    "Crime data integrity",
    "Responding to the public",
)
# bold that is emphasis only: an action's own short title, and long bold opening lines
ACTION_TITLES = (
    "Risk-based targeting",
    "Crew training",
    "Inspection programme",
    "Recruitment",
    "Quality assurance",
    "Crime recording",
    "Vetting appeals",
    "Data sharing",
)
LONG_BOLD_LINES = (
    "This action carries forward from the 2021 plan and is reported to the board each quarter",
    "Priority action agreed by the Strategic Leadership Team in January.",
)
ACTIONS = (
    "Introduce a risk-based targeting model for home fire safety checks using partner data.",
    "Train all station-based crews to deliver safe and well visits.",
    "Review the risk-based inspection programme against the community risk profile.",
    "Recruit four additional fire safety inspectors.",
    "Publish a quality assurance framework for protection audits.",
    "Deliver refresher training in crime recording standards to all investigators.",
    "Audit a sample of crime reports each month and report findings to the board.",
    "Establish a vetting appeals panel with independent membership.",
    "Refresh the community risk management plan with the latest incident data.",
    "Develop a workforce plan covering the next three years.",
    "Agree data sharing arrangements with health and social care partners.",
    "Evaluate the outcomes of targeted visits each quarter.",
)
PROGRESSES = (
    "Draft model agreed by the leadership team; pilot starts next quarter.",
    "Training delivered to 60% of crews; remaining sessions booked.",
    "Review completed and findings reported to the fire authority.",
    "Two inspectors appointed; recruitment for the others under way.",
    "Framework drafted and out for consultation with staff.",
    "Monthly audits in place since April.",
    "",
)
CONTINUATIONS = (
    "A further update was given to the committee in the last quarter.",
    "Evaluation report due to be presented to the board.",
    "Funding for the second phase has been secured.",
)

# status wording as printed, by the canonical status it states
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "complete": ("Complete", "Completed", "Closed", "Achieved", "Discharged"),
    "ongoing": ("In progress", "On track", "Ongoing", "Underway"),
    "open": ("Not started", "Open", "Delayed", "Behind schedule"),
    "deferred": ("Deferred", "On hold"),
    "cancelled": ("Superseded", "Withdrawn", "No longer required"),
}
# status written as a phrase or a sentence, as progress reports print them, by the status
# it states (judged by hand: "Awaiting review" is work done and not yet closed, so ongoing)
STATUS_SENTENCES: dict[str, tuple[str, ...]] = {
    "complete": (
        "This action remains complete",
        "Closed – business as usual",
        "Complete – embedded into business as usual",
        "Met",
    ),
    "ongoing": ("Awaiting review", "Awaiting sign-off", "Proposed for closure", "Work is ongoing"),
    "open": ("Not met", "Not yet started"),
    "deferred": ("Paused",),
    "cancelled": ("This action has been withdrawn",),
}
# RAG colour words and fills, and the status each stands for without a legend
RAG = {
    "Blue": ("0070C0", "complete"),
    "Green": ("00B050", "open"),
    "Amber": ("FFC000", "open"),
    "Red": ("FF0000", "open"),
}
GREY = "D9D9D9"
# a plan saying what its grey rows mean; a row it greys is complete whatever its status cell
GREY_DEFINITIONS = (
    "Greyed out sections of the plan note actions completed.",
    "Rows shaded grey are complete.",
    "Actions shown in grey have been closed.",
)

# lead codes and the roles a key gives them, by service
KEY_CODES: dict[str, tuple[tuple[str, str], ...]] = {
    "fire": (
        ("ACFO", "Assistant Chief Fire Officer"),
        ("DCFO", "Deputy Chief Fire Officer"),
        ("HoP", "Head of Prevention"),
        ("Hd of Comms", "Head of Communications"),
        ("H&S", "Health and Safety Manager"),
        ("ACO (F)", "Assistant Chief Officer (Finance)"),
        ("GM Ops", "Group Manager Operations"),
        ("HRD", "Human Resources Director"),
    ),
    "police": (
        ("ACC", "Assistant Chief Constable"),
        ("DCC", "Deputy Chief Constable"),
        ("Ch Supt Ops", "Chief Superintendent Operations"),
        ("PSD", "Head of Professional Standards"),
        ("DCI CRU", "Detective Chief Inspector, Crime Recording Unit"),
        ("HoCC", "Head of Contact Centre"),
        ("CFO (Fin)", "Chief Finance Officer"),
    ),
}
# leads written out as roles, no codes
ROLES = (
    "Head of Prevention",
    "Head of Protection",
    "Area Manager Response",
    "Head of People and Culture",
    "Superintendent Local Policing",
    "Head of Corporate Services",
)
# a qualifier in brackets that belongs to the role ("Area Manager (Response)")
ROLE_QUALIFIERS = ("Interim", "North", "Acting", "Service Delivery")
LEAD_SEPARATORS = (" / ", ", ", "\n", "; ")

KEY_HEADINGS = ("Key", "Glossary", "Abbreviations", "Owner codes", "Acronyms", None)
KEY_COLUMN_HEADERS = (("Code", "Meaning"), ("Abbreviation", "Role"), None)
KEY_LINE_FORMS = ("{code} – {role}", "{code}: {role}", "{code} = {role}")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# the edition each cover line above names (truth for edition_date)
EDITION_DATES = {
    "Updated: March 2023": (2023, 3, 1),
    "Progress report – June 2022": (2022, 6, 1),
    "Version 2.1 – January 2023": (2023, 1, 1),
    "Position at 31 March 2022": (2022, 3, 31),
}
# cover lines naming the period the edition updates, as quarterly progress reports print
# them (Hereford & Worcester's "Q3 2020-2021" update columns, Leicestershire's quarterly
# progress pages), and the first day of that period
PERIOD_EDITIONS = (
    ("Q3 2022/23 update", (2022, 10, 1)),
    ("Quarter 2 2023/24 progress report", (2023, 7, 1)),
    ("January 2023 update", (2023, 1, 1)),
)
# two update columns headed by periods, the earlier then the later, and the later's period
# as planwatch spells it
PERIOD_COLUMNS = (
    ("Q2 2022/23 update", "Q3 2022/23 update", "2022/23 Q3"),
    ("December 2022 position", "March 2023 position", "March 2023 position"),
    ("Quarter 3 2023/24 update", "Quarter 4 2023/24 update", "2023/24 Q4"),
)
UPDATES = (
    "Scoping complete and project board formed.",
    "Draft reviewed by the senior leadership team.",
    "Pilot running on two stations.",
    "Evaluation under way; report due next quarter.",
)
# key codes holding a whole word, as police and fire keys print a post ("Ch Insp Training",
# "GM Protection"); listed after the usual codes
WORD_CODES: dict[str, tuple[tuple[str, str], ...]] = {
    "fire": (("GM Protection", "Group Manager, Protection"),),
    "police": (("Ch Insp Training", "Chief Inspector, Training"),),
}
# the paragraph form's labels where no heading opens each block: the word of a numbered label
# ("Action 1.1:" on Arden-style web trackers, "Item 3:"), and the labels of a block set as
# lines of their own (<dl> pages of police forces' HMICFRS responses): the finding's label,
# the response's, the status's and the update's
NUMBERED_LABELS = ("Action", "Item", "Commitment", "Improvement")
BLOCK_LABELS = {
    "area": ("Recommendation", "Area for improvement", "Finding"),
    "action": ("Our response", "What we will do", "Action"),
    "status": ("Status", "Progress RAG", "Current status"),
    "progress": ("Update", "Latest update", "Progress update"),
}
# a key table's header row in words of the plan's own, as police forces' PEEL plans head
# their lists of post holders
KEY_OWN_TITLES = (("Initials", "Post"), ("Short form", "Post held"), ("Letters", "Job title"))
# cover lines naming the plan's state at a date, as progress pages of fire and police plans
# print them, and that date
STATE_EDITIONS = (
    ("Progress at 30 April 2024", (2024, 4, 30)),
    ("Status as of: 31/08/2024", (2024, 8, 31)),
    ("Last reviewed: 12 July 2024", (2024, 7, 12)),
    ("Position as at 28 February 2023", (2023, 2, 28)),
)
# a ref column headed as the area its refs number, as PEEL and fire plans head it
AREA_WORDS = ("AFI", "Area for improvement", "Cause of concern")
