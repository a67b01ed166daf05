"""The development set of plans in other house styles, as data: invented services and forces.

Each imitates a council Word template: title rows merged across the table, two-row
headers, unusual column names, section refs in the first column, numbered paragraph
headings, keys with odd codes, empty and note rows. Every text here is what
tests/extract/test_development_layouts.py checks by hand; change both together.
"""

from __future__ import annotations

from datetime import UTC, datetime

from grid_render import ABOVE, LEFT, CellSpec, Grid, Para, Plan, Shaded

BLUE, GREEN, AMBER, RED = "0070C0", "00B050", "FFC000", "FF0000"
NAVY, PALE_BLUE = "1F3864", "DEEAF6"


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


def _banner(text: str, width: int) -> tuple[CellSpec, ...]:
    """A row whose one cell spans the whole table."""
    return (text, *([LEFT] * (width - 1)))


# (1) title rows merged across the table, one above a two-row header whose "Target date"
# spans "Original | Revised"
_MID_AFI1 = (
    "Area for Improvement 1: The service should ensure it targets its prevention work at"
    " the people most at risk from fire."
)
_MID_AFI2 = (
    "Area for Improvement 2: The service should make sure its protection activity is aligned"
    " with its integrated risk management plan."
)
MIDSHIRE = Plan(
    "midshire-fire-action-plan-2022-06",
    (
        Para("Midshire Fire and Rescue Service", "Title"),
        Para("HMICFRS Inspection Action Plan", "Subtitle"),
        Para("Updated: 30 June 2022"),
        Para("This plan responds to the areas for improvement in our 2021 inspection report."),
        Grid(
            (
                _banner(_MID_AFI1, 6),
                ("Ref", "Action", "Lead", "Target date", LEFT, "Status"),
                (ABOVE, ABOVE, ABOVE, "Original", "Revised", ABOVE),
                (
                    "1.1",
                    "Introduce a risk-based targeting model for home fire safety checks using"
                    " partner data.",
                    "Head of Prevention",
                    "30/09/2022",
                    "31/12/2022",
                    "In progress",
                ),
                (
                    "1.2",
                    "Train all station-based crews to deliver safe and well visits.",
                    "Head of Prevention",
                    "31/03/2022",
                    "",
                    "Complete",
                ),
                (
                    "1.3",
                    "Evaluate the outcomes of targeted visits each quarter.",
                    "Prevention Manager",
                    "Q2 2022/23",
                    "",
                    "Not started",
                ),
                _banner(_MID_AFI2, 6),
                (
                    "2.1",
                    "Review the risk-based inspection programme against the community risk"
                    " profile.",
                    "Head of Protection",
                    "31/07/2022",
                    "30/11/2022",
                    "Delayed",
                ),
                (
                    "2.2",
                    "Recruit four additional fire safety inspectors.",
                    "Head of Protection",
                    "Mar 23",
                    "",
                    "On track",
                ),
            ),
            header_rows=(0, 1, 2),
            header_fill=PALE_BLUE,
        ),
    ),
    title="Action plan",
    modified=_day(2022, 6, 30),
)

# (2) a header shaded navy, white and bold, whose labels no plan here used; BRAG letters
# in filled cells; names with roles in brackets; every awkward date spelling
ASHDOWN = Plan(
    "ashdown-fire-improvement-plan-2023-02",
    (
        Para("Ashdown Fire and Rescue Service", "Title"),
        Para("Improvement Plan following the HMICFRS inspection", "Subtitle"),
        Para("Position as at February 2023"),
        Grid(
            (
                (
                    "No.",
                    "Improvement activity",
                    "Officer responsible",
                    "Completion by",
                    "Current position",
                    "BRAG",
                ),
                (
                    "1",
                    "Refresh the community risk management plan using the latest incident and"
                    " census data.",
                    "Sarah Jones (Head of Planning)",
                    "Sept 22",
                    "Approved by the fire authority in September 2022.",
                    Shaded("B", BLUE),
                ),
                (
                    "2",
                    "Introduce a quality assurance framework for protection audits.",
                    "Area Manager Protection\nGroup Manager Fire Safety",
                    "End of Q3 22/23",
                    "Framework drafted; consultation with staff under way.",
                    Shaded("G", GREEN),
                ),
                (
                    "3",
                    "Deliver the on-call availability improvement programme.",
                    "Mark Patel (Area Manager, Response)",
                    "April 2022 – March 2023",
                    "Pay review delayed the programme start.",
                    Shaded("A", AMBER),
                ),
                (
                    "4",
                    "Report prevention performance to the Service Leadership Team.",
                    "Head of Prevention",
                    "Quarterly",
                    "Reports presented each quarter since June 2022.",
                    Shaded("G", GREEN),
                ),
                (
                    "5",
                    "Complete the review of operational policies and guidance.",
                    "Head of Operational Assurance",
                    "Complete",
                    "All 48 policies reviewed.",
                    Shaded("B", BLUE),
                ),
                (
                    "6",
                    "Develop a workforce plan covering the next five years.",
                    "Director of People",
                    "31st March 2023",
                    "Workforce data gathered; drafting to start in March.",
                    Shaded("R", RED),
                ),
            ),
            header_fill=NAVY,
            header_white=True,
        ),
    ),
    title="Improvement plan",
    modified=_day(2023, 2, 20),
)


# (3) one table per area for improvement, its ref in the first column (merged down or
# repeated), no headings at all; a continuation whose action, owner and date are merged
def _kings_table(rows: tuple[tuple[CellSpec, ...], ...]) -> Grid:
    return Grid((("AFI", "Action", "Owner", "Due", "Status", "Update"), *rows))


KINGSBRIDGE = Plan(
    "kingsbridge-police-afi-tracker-2022-09",
    (
        Para("Kingsbridge Constabulary", "Title"),
        Para("HMICFRS PEEL 2021/22 – Areas for Improvement Tracker", "Subtitle"),
        Para("Date: 12/09/2022"),
        _kings_table(
            (
                (
                    "AFI 1",
                    "Review the demand management strategy to reduce the number of calls held"
                    " in queue.",
                    "Supt Contact Management",
                    "31/10/2022",
                    "Amber",
                    "Strategy drafted; awaiting approval at the October chief officer group.",
                ),
                (
                    ABOVE,
                    "Introduce a call-back service for non-emergency calls.",
                    "Ch Insp Control Room",
                    "Dec 2022",
                    "Green",
                    "Call-back pilot live in the north area.",
                ),
                (
                    ABOVE,
                    ABOVE,
                    ABOVE,
                    ABOVE,
                    "Green",
                    "Pilot extended to the whole force from 1 September.",
                ),
            )
        ),
        Para(""),
        _kings_table(
            (
                (
                    "AFI 2",
                    "Audit the use of stop and search powers each month.",
                    "Supt Professional Standards",
                    "Monthly",
                    "Green",
                    "Audits completed for June, July and August.",
                ),
                (
                    "AFI 2",
                    "Publish stop and search data on the force website.",
                    "Head of Corporate Communications",
                    "30/06/2022",
                    "Complete",
                    "Published on 28 June 2022.",
                ),
                (
                    "AFI 2",
                    "Provide body-worn video refresher training for officers who search.",
                    "Insp Training",
                    "Q3 2022/23",
                    "Not started",
                    "",
                ),
            )
        ),
        Para(""),
        _kings_table(
            (
                (
                    "AFI 3",
                    "Improve the quality of victim needs assessments.",
                    "DCI Public Protection",
                    "31/01/2023",
                    "Green",
                    "New template issued in August 2022.",
                ),
                (
                    ABOVE,
                    "Check that victims are updated every 28 days, as the victims' code requires.",
                    "DCI Public Protection",
                    "31/03/2023",
                    "Red",
                    "Dip sample found 40% of victims were not updated.",
                ),
            )
        ),
    ),
    title="AFI tracker",
    modified=_day(2022, 9, 12),
)


# (4) each area for improvement a numbered paragraph ("1. The service should ...") over
# its table; statuses in words, percentages and brackets; a revised date beside the old
def _riverside_table(rows: tuple[tuple[CellSpec, ...], ...]) -> Grid:
    return Grid((("Ref", "Action", "Lead", "Target", "Progress", "Status"), *rows))


RIVERSIDE = Plan(
    "riverside-fire-improvement-plan-2021-12",
    (
        Para("Riverside Fire & Rescue Service", "Title"),
        Para("HMICFRS Improvement Plan 2021", "Subtitle"),
        Para("December 2021"),
        Para("Areas for improvement", "Heading 1"),
        Para(
            "1. The service should ensure it has an effective system for staff to use learning"
            " and debriefs to improve operational response.",
            "Heading 2",
        ),
        _riverside_table(
            (
                (
                    "1.1",
                    "Introduce a single debrief recording system for all incidents.",
                    "GM Ops Assurance",
                    "31/03/22 (revised from 31/12/21)",
                    "System procured; go-live moved to March.",
                    "75% complete",
                ),
                (
                    "1.2",
                    "Publish a quarterly operational learning bulletin.",
                    "SM Ops Learning",
                    "Sept 21",
                    "First bulletin issued in September 2021.",
                    "Completed – evidence submitted",
                ),
                (
                    "1.3",
                    "Share national operational learning with crews within 28 days.",
                    "GM Ops Assurance",
                    "End of Q4 21/22",
                    "",
                    "Not yet started",
                ),
            )
        ),
        Para(
            "2. The service should make sure that it allocates enough resources to its"
            " prevention strategy.",
            "Heading 2",
        ),
        _riverside_table(
            (
                (
                    "2.1",
                    "Recruit two prevention coordinators.",
                    "Head of Prevention",
                    "Oct 21",
                    "Both posts filled in October 2021.",
                    "Closed (Nov 21)",
                ),
                (
                    "2.2",
                    "Move home fire safety visits to the new booking system.",
                    "Head of Prevention",
                    "31/01/22",
                    "Replaced by the joint booking project.",
                    "Superseded by action 3.2",
                ),
            )
        ),
        Para(
            "3. The service should improve how it works with partners to share information"
            " about vulnerable people.",
            "Heading 2",
        ),
        _riverside_table(
            (
                (
                    "3.1",
                    "Sign a data sharing agreement with the county council.",
                    "AM Community Risk",
                    "Q3 2021/22",
                    "Agreement signed in November 2021.",
                    "Complete",
                ),
                (
                    "3.2",
                    "Launch a joint booking project with the ambulance service for safe and"
                    " well visits.",
                    "AM Community Risk",
                    "April 2022",
                    "Project board set up.",
                    "25% complete",
                ),
            )
        ),
    ),
    title="Improvement plan",
    modified=_day(2021, 12, 10),
)

# (5) a key at the end whose codes have spaces, lower case and brackets
FENLAND = Plan(
    "fenland-fire-cfc-action-plan-2022-05",
    (
        Para("Fenland Fire and Rescue Service", "Title"),
        Para("Cause of Concern Action Plan: Protection", "Subtitle"),
        Para("Updated: May 2022"),
        Para(
            "Cause of Concern 1: The service does not have an effective risk-based inspection"
            " programme.",
            "Heading 1",
        ),
        Grid(
            (
                ("Action No.", "Action", "Lead", "Support", "Target Date", "Status"),
                (
                    "1",
                    "Define the high-risk premises the inspection programme must cover.",
                    "HoP",
                    "GM Prot",
                    "31/07/2022",
                    "In progress",
                ),
                (
                    "2",
                    "Recruit and train three additional fire safety inspectors.",
                    "AM P / HoP",
                    "ACO(R)",
                    "31/12/2022",
                    "In progress",
                ),
                (
                    "3",
                    "Clear the backlog of overdue high-risk audits.",
                    "GM Prot",
                    "SM CFS",
                    "31/03/2023",
                    "Not started",
                ),
                (
                    "4",
                    "Introduce monthly performance reporting on audits to the ACO(R).",
                    "SM CFS & GM Prot",
                    "",
                    "30/06/2022",
                    "Complete",
                ),
                (
                    "5",
                    "Review the enforcement policy with the legal team.",
                    "ACO(R)",
                    "HoP",
                    "Aug 22",
                    "On hold",
                ),
            )
        ),
        Para("Key:"),
        Grid(
            (
                ("Abbreviation", "Title"),
                ("AM P", "Area Manager Protection"),
                ("HoP", "Head of Protection"),
                ("ACO(R)", "Assistant Chief Officer (Resources)"),
                ("GM Prot", "Group Manager Protection"),
                ("SM CFS", "Station Manager Community Fire Safety"),
            )
        ),
    ),
    title="CFC action plan",
    modified=_day(2022, 5, 16),
)

# (6) empty rows in the middle and at the end, note rows spanning the table
_BRACKEN_HEADER = ("Ref", "Action", "Owner", "Due", "Progress update", "Status")
_EMPTY = ("", "", "", "", "", "")
BRACKENSHIRE = Plan(
    "brackenshire-fire-improvement-plan-2023-07",
    (
        Para("Brackenshire Fire and Rescue Service", "Title"),
        Para("HMICFRS Improvement Plan – July 2023", "Subtitle"),
        Para(
            "Area for improvement 4: The service should assure itself that its fleet and"
            " equipment are maintained.",
            "Heading 1",
        ),
        Grid(
            (
                _BRACKEN_HEADER,
                (
                    "4.1",
                    "Replace the fleet management system.",
                    "Head of Fleet",
                    "Dec 2023",
                    "Tender awarded in June 2023.",
                    "On track",
                ),
                _EMPTY,
                (
                    "4.2",
                    "Test every breathing apparatus set against the new maintenance schedule.",
                    "Head of Fleet",
                    "Sept 23",
                    "",
                    "Not started",
                ),
                _banner(
                    "Note: actions 4.3 to 4.5 were merged into action 4.2 in the June update.", 6
                ),
                (
                    "4.6",
                    "Publish equipment test results to the operational assurance board.",
                    "AM Operations",
                    "Quarterly",
                    "First report taken in April 2023.",
                    "Ongoing",
                ),
                _EMPTY,
            )
        ),
        Para(
            "Area for improvement 5: The service should improve the diversity of its workforce.",
            "Heading 1",
        ),
        Grid(
            (
                _BRACKEN_HEADER,
                (
                    "5.1",
                    "Run positive action taster days for under-represented groups.",
                    "HR Manager",
                    "Q2 2023/24",
                    "Two taster days held; 46 attendees.",
                    "Ongoing",
                ),
                (
                    "5.2",
                    "Set up an inclusion network for staff.",
                    "Head of HR",
                    "31/05/2023",
                    "Network launched on 2 May 2023.",
                    "Completed",
                ),
                _banner(
                    "Note: action 5.3 was withdrawn by the Service Leadership Team on 4 July 2023.",
                    6,
                ),
            )
        ),
    ),
    title="Improvement plan",
    modified=_day(2023, 7, 14),
)


# (7) a police PEEL tracker: an "AFI1" row carries the area (merged down), its
# sub-actions "AFI1.1", "AFI1.2" follow with the action text
def _afi(ref: str, text: str) -> tuple[CellSpec, ...]:
    return (ref, text, "", "", "", "", "")


GREYWATER = Plan(
    "greywater-police-peel-action-plan-2023-11",
    (
        Para("Greywater Police", "Title"),
        Para("PEEL 2023 Action Plan", "Subtitle"),
        Para("Last updated: 6 November 2023"),
        Grid(
            (
                (
                    "Ref",
                    "Area for improvement",
                    "Action",
                    "Action owner",
                    "Target date",
                    "Status",
                    "Evidence / Update",
                ),
                _afi(
                    "AFI1",
                    "The force should improve how it records equality data for stop and search.",
                ),
                (
                    "AFI1.1",
                    ABOVE,
                    "Add ethnicity recording prompts to the stop and search app.",
                    "Supt Operations",
                    "31/12/2023",
                    "In progress",
                    "App change requested from the supplier.",
                ),
                (
                    "AFI1.2",
                    ABOVE,
                    "Audit a sample of 50 searches each quarter for equality data.",
                    "Ch Insp Standards",
                    "Quarterly",
                    "Ongoing",
                    "First audit found 92% of records complete.",
                ),
                _afi("AFI2", "The force should make sure it has enough trained detectives."),
                (
                    "AFI2.1",
                    ABOVE,
                    "Launch a direct-entry detective programme.",
                    "Det Supt Crime",
                    "Sept 2024",
                    "Not started",
                    "",
                ),
                (
                    "AFI2.2",
                    ABOVE,
                    "Offer retention payments to trainee investigators.",
                    "Head of HR",
                    "31/03/2024",
                    "Completed",
                    "Scheme approved by the chief officer team in October 2023.",
                ),
                _afi("AFI3", "The force should improve how it manages registered sex offenders."),
                (
                    "AFI3.1",
                    ABOVE,
                    "Reduce the backlog of overdue home visits to registered sex offenders.",
                    "DCI Public Protection",
                    "Q4 2023/24",
                    "Off track",
                    "Backlog stands at 84 visits.",
                ),
            )
        ),
    ),
    title="PEEL action plan",
    modified=_day(2023, 11, 6),
)

# (8) "How will we achieve this?" in a template with a measure of success; the area
# column merged down; letters as refs; a version line as the edition
_NM_REC1 = (
    "Recommendation 1: By March 2023, the service should put in place a system to record and"
    " monitor referrals to occupational health."
)
_NM_AFI2 = (
    "AFI 2 – The service should make sure its values and behaviours are understood by all staff."
)
NORTHMOOR = Plan(
    "northmoor-fire-inspection-improvement-plan-2023-03",
    (
        Para("Northmoor Fire and Rescue Service", "Title"),
        Para("Inspection Improvement Plan 2022-23", "Subtitle"),
        Para("Version 3 – 1 March 2023"),
        Grid(
            (
                (
                    "Ref",
                    "Recommendation / AFI",
                    "How will we achieve this?",
                    "Who",
                    "When",
                    "Measure of success",
                    "Progress (RAG)",
                ),
                (
                    "a",
                    _NM_REC1,
                    "Buy a case management system for occupational health referrals.",
                    "Head of HR",
                    "Nov 22",
                    "All referrals recorded in one system",
                    "Complete",
                ),
                (
                    "b",
                    ABOVE,
                    "Train managers to make referrals through the new system.",
                    "HR Business Partner",
                    "Jan 23",
                    "90% of managers trained",
                    "Amber",
                ),
                (
                    "a",
                    _NM_AFI2,
                    "Set out the expected standard of behaviour in a new code of conduct.",
                    "Director of People",
                    "Winter 2022/23",
                    "Code published and staff briefed",
                    "Green",
                ),
                (
                    "b",
                    ABOVE,
                    "Add values-based questions to promotion processes.",
                    "Head of Learning and Development",
                    "April 2023",
                    "Questions used in every promotion board",
                    "Red",
                ),
                (
                    "c",
                    ABOVE,
                    "Run an annual staff survey and publish the results.",
                    "Head of Corporate Services",
                    "Annually",
                    "Response rate above 50%",
                    "Not started",
                ),
            )
        ),
    ),
    title="Improvement plan",
    modified=_day(2023, 3, 6),  # saved after the date it prints
)

# (9) one table: an owner line above the header, each recommendation a row spanning the
# table, milestones without refs, timescales in words
HARBOURSIDE = Plan(
    "harbourside-police-crime-data-plan-2022-01",
    (
        Para("Harbourside Police", "Title"),
        Para("Crime Data Integrity Inspection: Action Plan", "Subtitle"),
        Para("As at 10 January 2022"),
        Grid(
            (
                _banner("Plan owner: ACC Crime and Justice", 5),
                ("Milestone", "Owner", "Timescale", "RAG", "Comments"),
                _banner(
                    "Recommendation 1: The force should immediately improve the accuracy of its"
                    " crime recording.",
                    5,
                ),
                (
                    "Appoint a force crime registrar with authority over all recording decisions.",
                    "ACC",
                    "Immediate",
                    "Blue",
                    "Registrar appointed on 4 October 2021.",
                ),
                (
                    "Audit 200 violent crime incidents every month.",
                    "FCR",
                    "Monthly",
                    "Green",
                    "Audits running since November 2021.",
                ),
                _banner(
                    "Recommendation 2: The force should train all call handlers in the National"
                    " Crime Recording Standard.",
                    5,
                ),
                (
                    "Deliver NCRS training to all call handlers.",
                    "Head of Learning",
                    "Within 6 months",
                    "Amber",
                    "Half of the call handlers trained.",
                ),
                (
                    "Add NCRS questions to the call handling script.",
                    "Contact Manager",
                    "31.03.22",
                    "Green",
                    "Draft script with the supplier.",
                ),
            ),
            header_rows=(1,),
            repeat_header=False,
        ),
    ),
    title="Crime data integrity action plan",
    modified=_day(2022, 1, 10),
)

PLANS = (
    MIDSHIRE,
    ASHDOWN,
    KINGSBRIDGE,
    RIVERSIDE,
    FENLAND,
    BRACKENSHIRE,
    GREYWATER,
    NORTHMOOR,
    HARBOURSIDE,
)
