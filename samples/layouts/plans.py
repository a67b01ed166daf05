"""The layout test plans as data: invented services, each in a house style unlike the seeds'.

Every text here is what tests/extract/test_layouts.py checks by hand; change both together.
"""

from __future__ import annotations

from datetime import UTC, datetime

from grid_render import ABOVE, Grid, Para, Plan, Shaded

BLUE, GREEN, AMBER, RED, PURPLE = "0070C0", "00B050", "FFC000", "FF0000", "7030A0"
LIGHT_GREEN, DARK_RED = "92D050", "C00000"


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


# (a) a police force's single tracker table: area column merged down, RAG words, ranks,
# a glossary at the end, the edition only in the title
_CC1 = (
    "Cause of concern 1: The force needs to improve how quickly it answers and responds"
    " to calls for service."
)
_REC2 = (
    "Recommendation 2: By 30 September 2023, the force should make sure it records crimes"
    " accurately."
)
_AFI3 = "AFI 3: The force should improve how supervisors oversee investigations."
POLICE_TRACKER = Plan(
    "northshire-police-peel-2023-03",
    (
        Para("Northshire Police", "Subtitle"),
        Para("HMICFRS PEEL Inspection Action Plan – March 2023", "Title"),
        Para(
            "This tracker sets out how the force is responding to the causes of concern,"
            " recommendations and areas for improvement in its PEEL 2021/22 inspection report."
        ),
        Para("RAG status: Blue – complete; Green – on track; Amber – at risk; Red – off track."),
        Grid(
            (
                ("Ref", "Recommendation", "Action", "Owner", "Due date", "RAG status", "Update"),
                (
                    "1.1",
                    _CC1,
                    "Recruit and train 40 additional call handlers for the force control room.",
                    "Ch Insp",
                    "31/03/2023",
                    "Blue",
                    "All 40 call handlers recruited; training finished in February.",
                ),
                (
                    "1.2",
                    ABOVE,
                    "Introduce THRIVE risk assessment on every incoming emergency and priority"
                    " call.",
                    "Supt & Ch Insp",
                    "30.06.2023",
                    "Green",
                    "Training under way for all control room teams.",
                ),
                (
                    "1.3",
                    ABOVE,
                    "Publish call answering times to the force performance board every month.",
                    "DCC",
                    "Q1 2023/24",
                    "Amber",
                    "The new telephony system does not yet report answer times.",
                ),
                (
                    ABOVE,
                    ABOVE,
                    ABOVE,
                    "",
                    "",
                    "Amber",
                    "Supplier has agreed to fix the reports by May 2023.",
                ),
                (
                    "2.1",
                    _REC2,
                    "Deliver crime recording refresher training to all frontline officers.",
                    "DCC / Supt",
                    "Sept 2023",
                    "Green",
                    "60% of frontline officers trained so far.",
                ),
                (
                    "2.2",
                    ABOVE,
                    "Set up a monthly crime data integrity audit.",
                    "ACC and Supt",
                    "end of June 2023",
                    "Red",
                    "Audit team posts not yet filled.",
                ),
                (
                    "3.1",
                    _AFI3,
                    "Add a supervisory review template to the crime recording system.",
                    "DS",
                    "28th February 2023",
                    "Green",
                    "Template built and in user testing.",
                ),
                (
                    "3.2",
                    ABOVE,
                    "Review open investigation plans at the daily management meeting.",
                    "Ch Insp, DI",
                    "Ongoing",
                    "Blue",
                    "Part of the daily meeting since January 2023.",
                ),
            ),
            widths_cm=(1.2, 5.0, 6.0, 2.4, 2.4, 2.0, 5.6),
        ),
        Para("Glossary", "Heading 1"),
        Grid(
            (
                ("Code", "Role"),
                ("ACC", "Assistant Chief Constable (Crime and Justice)"),
                ("DCC", "Deputy Chief Constable"),
                ("Supt", "Superintendent, Force Contact"),
                ("Ch Insp", "Chief Inspector, Control Room"),
                ("DI", "Detective Inspector, Crime Standards"),
            ),
            widths_cm=(3.0, 10.0),
        ),
    ),
    title="PEEL action plan",
    created=_day(2023, 3, 20),
    modified=_day(2023, 4, 3),
)

# (b) a fire service's plan in another house style: headers in capitals and another order,
# several ref schemes, joined owner codes, every common date spelling; and (e) a contents
# table, a table of inspection grades and a version history, none of them actions
_FIRE_HEADER = ("No.", "WHAT WE WILL DO", "OWNER(S)", "BY WHEN", "PROGRESS", "Status")
_FIRE_WIDTHS = (1.4, 7.5, 3.0, 3.6, 6.6, 2.5)
FIRE_PLAN = Plan(
    "eastshire-fire-improvement-plan-2022-10",
    (
        Para("Eastshire Fire and Rescue Service", "Title"),
        Para("HMICFRS Inspection 2021/22: Improvement Action Plan", "Subtitle"),
        Para("Updated: 14th October 2022"),
        Para("Contents", "Heading 1"),
        Grid(
            (
                ("1", "Introduction", "2"),
                ("2", "Inspection grades", "2"),
                ("3", "Key", "3"),
                ("4", "Action plan", "3"),
            ),
            header_rows=(),
            widths_cm=(1.0, 10.0, 2.0),
        ),
        Para("Inspection grades", "Heading 1"),
        Grid(
            (
                ("Pillar", "Grade"),
                ("Effectiveness", "Requires improvement"),
                ("Efficiency", "Good"),
                ("People", "Requires improvement"),
            ),
            widths_cm=(5.0, 6.0),
        ),
        Para("Version history", "Heading 1"),
        Grid(
            (
                ("Version", "Date", "Author", "Changes"),
                ("1.0", "01/04/2022", "Head of Corporate Services", "First version"),
                (
                    "1.1",
                    "14/10/2022",
                    "Head of Corporate Services",
                    "Progress updated for the second quarter",
                ),
            ),
            widths_cm=(2.0, 3.0, 6.0, 8.0),
        ),
        Para("Key", "Heading 1"),
        Grid(
            (
                ("AM", "Area Manager, Prevention and Protection"),
                ("GMP", "Group Manager, Prevention"),
                ("SMP", "Station Manager, Protection"),
                ("HR", "Head of Human Resources"),
                ("ICT", "Head of ICT"),
            ),
            header_rows=(),
            widths_cm=(3.0, 10.0),
        ),
        Para("Action plan", "Heading 1"),
        Para(
            "Cause of concern 1: The service should improve how it targets prevention activity"
            " at the people most at risk.",
            "Heading 2",
        ),
        Grid(
            (
                _FIRE_HEADER,
                (
                    "R1.1",
                    "Agree a risk-based model for targeting home fire safety visits using health"
                    " partners' data.",
                    "AM/GMP",
                    "Q1 2022/23",
                    "Model agreed by the senior leadership team in June 2022.",
                    "Complete",
                ),
                (
                    "R1.2",
                    "Train all station-based crews to deliver the new person-centred home fire"
                    " safety visit.",
                    "GMP & SMP",
                    "Qtr 2 22-23",
                    "12 of 18 stations trained.",
                    "In progress",
                ),
                (
                    "R1.3",
                    "Evaluate the targeting model after six months of use.",
                    "GMP",
                    "Quarter 4 2022/2023",
                    "",
                    "Not started",
                ),
                (
                    "R1.4",
                    "Share referrals of vulnerable people with the county council in real time.",
                    "ICT, GMP",
                    "second half of 2022/23",
                    "Data sharing agreement drafted.",
                    "On track",
                ),
                (
                    "",
                    "",
                    "",
                    "",
                    "Agreement signed by the council's data protection officer.",
                    "On track",
                ),
            ),
            widths_cm=_FIRE_WIDTHS,
        ),
        Para(
            "AFI 3 – The service should make sure its protection staff have the right skills"
            " and accreditation.",
            "Heading 2",
        ),
        Grid(
            (
                _FIRE_HEADER,
                (
                    "a)",
                    "Map every protection officer's competence against the national competency"
                    " framework.",
                    "SMP",
                    "End of March 2023",
                    "Mapping half done.",
                    "On track",
                ),
                (
                    "b)",
                    "Fund level 4 diplomas for six fire safety inspectors.",
                    "AM and HR",
                    "2023/24",
                    "Budget bid submitted.",
                    "Delayed",
                ),
                (
                    "c)",
                    "Introduce a second-officer quality check of fire safety audits.",
                    "Head of Protection",
                    "w/c 5 December 2022",
                    "",
                    "Not started",
                ),
                (
                    "d)",
                    "Publish the risk-based inspection programme on the service website.",
                    "SMP",
                    "Revised: 31/01/2023 (was 30/11/2022)",
                    "Programme drafted; publication moved to follow the fire authority meeting.",
                    "In progress",
                ),
                (
                    "e)",
                    "Review enforcement decisions with the legal team each quarter.",
                    "AM",
                    "Business as usual",
                    "Reviews held in July and October.",
                    "Business as usual",
                ),
            ),
            widths_cm=_FIRE_WIDTHS,
        ),
        Para(
            "AFI 2 – The service should make sure its workforce plan takes full account of the"
            " skills it needs.",
            "Heading 2",
        ),
        Grid(
            (
                _FIRE_HEADER,
                (
                    "2.9",
                    "Agree a workforce plan linked to the community risk management plan.",
                    "HR",
                    "Spring 2023",
                    "First draft shared with the unions.",
                    "On track",
                ),
                (
                    "2.10",
                    "Introduce a skills register for all staff.",
                    "HR, ICT",
                    "H1 2023/24",
                    "",
                    "Not started",
                ),
                (
                    "2.11",
                    "Review the on-call recruitment process.",
                    "Head of Corporate Services",
                    "TBC",
                    "Waiting for the national on-call review.",
                    "On hold",
                ),
                (
                    "2.12",
                    "Train all managers in workforce planning.",
                    "HR",
                    "30.06.23",
                    "",
                    "Not started",
                ),
                (
                    "2.13",
                    "Publish the workforce plan on the intranet.",
                    "HR",
                    "1 December 2022",
                    "",
                    "Not started",
                ),
            ),
            widths_cm=_FIRE_WIDTHS,
        ),
        Para(
            "Recommendation 2: The service should make sure it gets value for money from its"
            " fleet and estate.",
            "Heading 2",
        ),
        Grid(
            (
                _FIRE_HEADER,
                (
                    "E2.1",
                    "Agree a ten-year fleet replacement plan.",
                    "DCFO",
                    "FY 2023/24",
                    "Options paper written.",
                    "On track",
                ),
                (
                    "E2.2",
                    "Sell the surplus training centre site.",
                    "AM",
                    "Financial year 2022-23",
                    "Site on the market.",
                    "In progress",
                ),
                (
                    "E2.3",
                    "Fit telematics to all fleet vehicles.",
                    "AM/ICT",
                    "Winter 2022/23",
                    "Supplier chosen.",
                    "On track",
                ),
                (
                    "E2.4",
                    "Report estate running costs to the fire authority.",
                    "AM",
                    "end of Q3 2022/23",
                    "",
                    "On track",
                ),
                (
                    "E2.5",
                    "Replace the fuel card system.",
                    "ICT",
                    "15-09-2022",
                    "New cards issued to all stations.",
                    "Completed",
                ),
                (
                    "E2.6",
                    "Agree shared use of two police stations as fire stations.",
                    "AM and DCFO",
                    "21st November 2022",
                    "The police estate review has ruled this out.",
                    "Withdrawn",
                ),
                (
                    "E2.7",
                    "Review the vehicle workshop's opening hours.",
                    "AM",
                    "March 2023 (revised to June 2023)",
                    "Staff consultation extended.",
                    "Delayed",
                ),
                (
                    "E2.8",
                    "Publish the annual estate energy report.",
                    "AM",
                    "2022/23 Q4",
                    "",
                    "Not started",
                ),
                (
                    "E2.9",
                    "Monitor fleet availability at the monthly performance meeting.",
                    "AM",
                    "Ongoing",
                    "Reported monthly since April 2022.",
                    "On track",
                ),
            ),
            widths_cm=_FIRE_WIDTHS,
        ),
    ),
    title="Improvement Action Plan",
    created=_day(2022, 4, 1),
    modified=_day(2022, 10, 14),
)

# (c) status only as the RAG cell's fill, with a legend table whose colour cells are filled
_RAG_HEADER = ("Ref", "Action", "Lead", "Deadline", "Comments", "RAG")
_RAG_WIDTHS = (1.2, 8.0, 4.5, 2.8, 6.6, 1.5)
RAG_FILLS = Plan(
    "southshire-fire-protection-plan-2023-01",
    (
        Para("Southshire Fire and Rescue Service", "Title"),
        Para("Protection Improvement Plan", "Subtitle"),
        Para("Position as at: 31 January 2023"),
        Para("How to read the RAG column", "Heading 1"),
        Grid(
            (
                (Shaded("Blue", BLUE), "Complete"),
                (Shaded("Green", GREEN), "On track"),
                (Shaded("Amber", AMBER), "At risk"),
                (Shaded("Red", RED), "Off track"),
                (Shaded("Purple", PURPLE), "Withdrawn"),
            ),
            header_rows=(),
            widths_cm=(3.0, 8.0),
        ),
        Para(
            "Area for improvement 1: The service should make sure it allocates enough resources"
            " to a prioritised, risk-based inspection programme.",
            "Heading 1",
        ),
        Grid(
            (
                _RAG_HEADER,
                (
                    "1.1",
                    "Recruit four additional fire safety inspectors.",
                    "Group Manager Protection",
                    "31/12/2022",
                    "All four inspectors in post.",
                    Shaded("", BLUE),
                ),
                (
                    "1.2",
                    "Refresh the risk-based inspection programme using the new premises risk"
                    " model.",
                    "Group Manager Protection",
                    "28/02/2023",
                    "Draft programme with the risk team.",
                    Shaded("", GREEN),
                ),
                (
                    "1.3",
                    "Clear the backlog of post-fire audits.",
                    "Station Manager Protection",
                    "30/11/2022",
                    "Backlog down from 60 to 25 audits.",
                    Shaded("", RED),
                ),
                (
                    "1.4",
                    "Train crews to carry out business safety checks.",
                    "Station Manager Protection",
                    "31/03/2023",
                    "Training package written.",
                    Shaded("", AMBER),
                ),
                (
                    "1.5",
                    "Set up a joint inspection team with the county trading standards service.",
                    "Head of Prevention and Protection",
                    "30/09/2023",
                    "The council has withdrawn from the joint team.",
                    Shaded("", PURPLE),
                ),
                (
                    "1.6",
                    "Publish enforcement notices on the service website.",
                    "Station Manager Protection",
                    "30/04/2023",
                    "Web page being built.",
                    Shaded("", LIGHT_GREEN),
                ),
            ),
            widths_cm=_RAG_WIDTHS,
        ),
        Para(
            "Area for improvement 2: The service should work with local businesses to reduce"
            " unwanted fire signals.",
            "Heading 1",
        ),
        Grid(
            (
                _RAG_HEADER,
                (
                    "2.1",
                    "Write to every business with three or more false alarms in a year.",
                    "Station Manager Protection",
                    "31/01/2023",
                    "Letters sent to 140 businesses.",
                    Shaded("", BLUE),
                ),
                (
                    "2.2",
                    "Introduce a charge for attending repeated false alarms.",
                    "Head of Prevention and Protection",
                    "01/04/2023",
                    "",
                    Shaded("", DARK_RED),
                ),
            ),
            widths_cm=_RAG_WIDTHS,
        ),
    ),
    title="Protection Improvement Plan",
    created=_day(2023, 2, 1),
    modified=_day(2023, 2, 1),
)

# (d) no refs anywhere, RAG fills explained by legend paragraphs, a period-headed update
# column, and the edition date only in the file's core properties
_VETTING_HEADER = (
    "Activity",
    "Lead officer",
    "Target date",
    "Progress to date",
    "Q1 2023-2024 update",
    "RAG",
)
_VETTING_WIDTHS = (7.0, 3.8, 2.6, 5.0, 4.6, 1.6)
NO_REFS = Plan(
    "westshire-police-vetting-plan",
    (
        Para("Westshire Police", "Title"),
        Para("Vetting, Misconduct and Misogyny: Action Plan", "Subtitle"),
        Para(
            "This plan responds to the national HMICFRS inspection of vetting, misconduct and"
            " misogyny in the police service."
        ),
        Para("RAG ratings used in this plan:"),
        Para("Blue – complete"),
        Para("Green – on track"),
        Para("Amber – at risk"),
        Para("Red – off track"),
        Para("Vetting", "Heading 1"),
        Grid(
            (
                _VETTING_HEADER,
                (
                    "Re-vet all officers and staff whose vetting has expired.",
                    "Head of Professional Standards",
                    "Q2 2023/24",
                    "Backlog of 310 cases identified.",
                    "120 cases completed this quarter.",
                    Shaded("", GREEN),
                ),
                (
                    "Check every new recruit against the national police database before"
                    " appointment.",
                    "Head of Professional Standards",
                    "31 May 2023",
                    "Checks added to the recruitment process.",
                    "All recruits checked since April.",
                    Shaded("", BLUE),
                ),
                (
                    "Record the reasons for every vetting decision that goes against the"
                    " applicant.",
                    "Vetting Manager",
                    "30/04/2023",
                    "",
                    "New form in use from June.",
                    Shaded("", RED),
                ),
            ),
            widths_cm=_VETTING_WIDTHS,
        ),
        Para("Misconduct", "Heading 1"),
        Grid(
            (
                _VETTING_HEADER,
                (
                    "Train professional standards investigators to recognise misogynistic"
                    " behaviour.",
                    "DCC",
                    "Autumn 2023",
                    "Training provider chosen.",
                    "First course booked for September.",
                    Shaded("", AMBER),
                ),
                (
                    "Publish misconduct hearing outcomes on the force website.",
                    "DCC",
                    "TBC",
                    "",
                    "Legal advice sought.",
                    Shaded("", GREEN),
                ),
                (
                    "Set up an anonymous reporting line for staff.",
                    "Head of Professional Standards",
                    "by end of Q1 2023/24",
                    "Line live since May.",
                    "",
                    Shaded("", BLUE),
                ),
            ),
            widths_cm=_VETTING_WIDTHS,
        ),
    ),
    title="",
    created=_day(2023, 5, 2),
    modified=_day(2023, 6, 12),
)

PLANS = (POLICE_TRACKER, FIRE_PLAN, RAG_FILLS, NO_REFS)
