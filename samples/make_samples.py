#!/usr/bin/env python3
"""Generate rectrack sample committee papers and their golden files.

One spec per paper (metadata, body text, tables) -> one renderer per format
(docx / pdf / html / txt); the spec model and renderers are in samplekit.py,
and the papers with hard layouts (borderless and merged-cell tables, rotated
pages, damaged headers, ...) are in hard_layouts.py.  The golden file
samples/expected/<file>.json is written from the same spec, never from the
rendered output, so it does not depend on the extractor.  Output is
deterministic: re-running yields identical bytes (fixed docx zip timestamps and
core properties, reportlab invariant=1).

Cell text notation used throughout the spec: lines separated by "\\n" are
paragraphs, lines starting with "• " are bullet-list items.  That is exactly
the golden convention, so a cell's spec text *is* its expected text.

Run:  .venv/bin/python samples/make_samples.py
"""

import json
import re
from pathlib import Path

import hard_layouts
import history_reviews
import legacy
import scanned
from samplekit import BULLET, RENDERERS, Action, Grid, Paper, Rec, Tracking

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
# The project's seed paper (a real 2016 scrutiny paper as extracted text), kept in samples/ itself.
SEED_TXT = HERE / "seed-organised-crime.txt"


# --------------------------------------------------------------- seed parser
def parse_markup(cell):
    """Seed cell markup (<p>, <ul> with <li> or inline '•' items) -> notation."""
    lines = []
    for m in re.finditer(r"<p>(.*?)</p>|<ul[^>]*>(.*?)(?:</ul>|$)|([^<]+)", cell.strip(), re.S):
        para, ul, bare = m.groups()
        if ul is not None:
            items = re.findall(r"<li>(.*?)</li>", ul, re.S) or ul.split("•")
            lines += [BULLET + i.strip() for i in items if i.strip()]
        elif (para or bare or "").strip():
            lines.append((para or bare).strip())
    return "\n".join(lines)


def seed_paper(file):
    lines = SEED_TXT.read_text(encoding="utf-8").split("\n")
    text = [ln.strip() for ln in lines]
    report = next(i for i, ln in enumerate(text) if ln.startswith("Report of"))
    head = next(i for i, ln in enumerate(text) if ln.startswith("**"))
    head_end = next(i for i in range(head, len(text)) if text[i].endswith("**"))
    heading = "\n".join(text[head : head_end + 1]).strip("*")
    start = next(i for i in range(head_end, len(lines)) if "\t" in lines[i])
    header = lines[start].split("\t")
    recs = []
    for line in lines[start:]:
        cells = [parse_markup(c) for c in line.split("\t")]
        if len(cells) != 4 or line.split("\t") == header:
            continue
        rec, progress, resp, time = cells
        if rec:
            rid, rec = re.match(r"(\d+[a-z]?)\)\s*(.*)", rec, re.S).groups()
            recs.append(Rec(rid, rec, []))
        recs[-1].actions.append(Action(progress, resp, time))
    front = [ln for ln in text[:report] if ln]
    table = Tracking(list(zip(header, ["rec", "progress", "resp", "time"], strict=False)), recs, "{}) ")
    return Paper(
        file,
        front[0],
        "2016-09-23",
        front[1],
        front[2],
        text[report],
        [ln for ln in text[report + 1 : head] if ln],
        [(heading, table)],
    )


# ------------------------------------------------------------ decoy tables
def budget_table():
    return Grid(
        ["Service Area", "Original Budget £000", "Revised Budget £000", "Forecast Outturn £000", "Variance £000"],
        [
            ["Adult Social Care", "84,210", "85,032", "86,415", "1,383"],
            ["Children's Services", "61,774", "62,118", "63,902", "1,784"],
            ["Environment and Transport", "38,405", "38,950", "38,221", "-729"],
            ["Housing and Communities", "12,630", "12,630", "12,487", "-143"],
            ["Corporate Resources", "22,915", "23,102", "22,860", "-242"],
            ["Total", "219,934", "221,832", "223,885", "2,053"],
        ],
        [2.4, 1, 1, 1, 1],
    )


def attendance_table():
    return Grid(
        ["Member", "Meetings held", "Meetings attended"],
        [
            ["Cllr A. Whitfield (Chair)", "6", "6"],
            ["Cllr R. Osei", "6", "5"],
            ["Cllr M. Lindqvist", "6", "4"],
            ["Cllr D. Parry", "6", "6"],
            ["Cllr S. Ahmed", "6", "3"],
        ],
        [2.5, 1, 1],
    )


# --------------------------------------------------------------- own papers
def housing():
    cols = [
        ("No.", "id"),
        ("Recommendation", "rec"),
        ("Update", "progress"),
        ("Lead Officer", "resp"),
        ("Target Date", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            (
                "The Council consults on a selective licensing scheme for privately rented homes in the Millbrook "
                "and Station Road wards."
            ),
            [
                Action(
                    (
                        "Public consultation ran from 3 October to 12 December 2022 and received 612 responses. The "
                        "consultation included:\n• an online survey\n• four drop-in sessions at Millbrook Community "
                        "Centre\n• letters to 2,950 households and 740 known landlords\nA report seeking approval to "
                        "designate the scheme will be presented to Cabinet in April 2023."
                    ),
                    "Sarah Kettleborough",
                    "April 2023",
                    "In progress",
                )
            ],
        ),
        Rec(
            "2",
            "A landlord forum is established and meets at least twice a year.",
            [
                Action(
                    (
                        "The forum was launched in June 2022 and has met three times, with an average attendance of "
                        "45 landlords and letting agents. Topics have included damp and mould, energy efficiency "
                        "standards and the Renters Reform proposals."
                    ),
                    "Imran Qureshi",
                    "June 2022",
                    "Complete",
                )
            ],
        ),
        Rec(
            "3",
            (
                "Enforcement against landlords who fail to remedy category 1 hazards is increased, and the outcomes "
                "are reported to the Committee annually."
            ),
            [
                Action(
                    (
                        "Two additional Environmental Health Officers were appointed in September 2022. 138 "
                        "inspections were completed between April and December 2022, compared with 91 in the same "
                        "period of 2021."
                    ),
                    "Imran Qureshi",
                    "Ongoing",
                    "In progress",
                ),
                Action(
                    (
                        "The first annual enforcement report, including civil penalties issued and income received, "
                        "is being prepared for the Committee's July meeting."
                    ),
                    "Helen Marsh",
                    "July 2023",
                    "In progress",
                ),
            ],
        ),
        Rec(
            "4a",
            "The Council works with Northdale University to promote the accreditation scheme to student landlords.",
            [
                Action(
                    "An initial meeting with the University's accommodation office is arranged for May 2023.",
                    "Imran Qureshi",
                    "September 2023",
                    "Not started",
                )
            ],
        ),
        Rec(
            "4b",
            "Tenants are given clear information about their rights, including new pages on the Council website.",
            [
                Action(
                    (
                        "New web pages went live in November 2022 and were viewed 4,310 times in the first three "
                        "months.\nA printed leaflet has been produced and translated into Polish, Romanian and "
                        "Arabic."
                    ),
                    "Claire Dunmore",
                    "November 2022",
                    "Complete",
                )
            ],
        ),
        Rec(
            "5",
            (
                "The Cabinet Member for Housing writes to the Secretary of State in support of a national register "
                "of private landlords."
            ),
            [
                Action(
                    "A letter was sent on 19 January 2023. No response has yet been received.",
                    "Cllr Peter Oakes",
                    "January 2023",
                    "Complete",
                )
            ],
        ),
    ]
    return Paper(
        "housing-review-update.docx",
        "Communities and Housing Scrutiny Committee",
        "2023-03-14",
        "Tuesday, 14 March 2023",
        "Private Rented Sector Housing Standards Review – Progress on Recommendations",
        "Report of Gareth Pemberton, Head of Housing and Regulatory Services",
        [
            "Purpose of the Report",
            (
                "1. To update the Committee on the implementation of the recommendations of its review of housing "
                "standards in the private rented sector, agreed by Cabinet on 8 March 2022."
            ),
            "Background",
            (
                "2. Around one in five households in the borough now rent privately. The review heard evidence from "
                "tenants, landlords, letting agents and the fire service about the condition of older terraced "
                "housing."
            ),
            "3. The table below sets out each recommendation, the action taken to date and its current status.",
            "Recommendation",
            (
                "4. The Committee is asked to note the progress made and agree to receive a further update in twelve "
                "months."
            ),
        ],
        [("Appendix 1: Action Plan", Tracking(cols, recs))],
        council="Northdale Borough Council",
    )


def flood():
    cols = [("Recommendation", "rec"), ("Responsible Officer", "resp"), ("Timescale", "time"), ("Progress", "progress")]

    def R(i, text, prog, who, when):
        return Rec(i, text, [Action(prog, who, when)])

    recs = [
        R(
            "1",
            "The Lead Local Flood Authority publishes an updated Local Flood Risk Management Strategy.",
            (
                "A draft strategy was approved for consultation by Cabinet in June 2022. Consultation closed on 30 "
                "September 2022 with 184 responses, most of which supported the proposed objectives.\nThe main "
                "changes made following consultation are:\n• a stronger emphasis on natural flood management in the "
                "upper catchments\n• a commitment to publish Section 19 investigation reports within six months\n• "
                "clearer information on the roles of riparian owners\nThe final strategy will be submitted to "
                "Cabinet in January 2023."
            ),
            "Dr Kwame Mensah",
            "January 2023",
        ),
        R(
            "2",
            (
                "A programme of gully and culvert cleansing is agreed, prioritising locations with a history of "
                "internal property flooding."
            ),
            (
                "A risk-based cleansing schedule has been introduced. The 1,240 gullies at locations with a history "
                "of flooding are now cleansed twice a year, and all other gullies annually.\nCCTV surveys of 38 "
                "culverts were completed between April and August 2022. Defects were found at nine sites and repairs "
                "are programmed for the current financial year at an estimated cost of £410,000."
            ),
            "Lisa Barraclough",
            "March 2023",
        ),
        R(
            "3",
            (
                "The Council bids for Flood and Coastal Erosion Risk Management grant in aid for schemes at Ashby "
                "Mill and Lower Fenton."
            ),
            (
                "The outline business case for Ashby Mill was approved by the Environment Agency in May 2022 and "
                "£1.85 million of grant in aid has been allocated. Detailed design is under way and construction is "
                "expected to start in spring 2024.\nThe Lower Fenton scheme did not score highly enough to attract "
                "full funding. Officers are exploring partnership contributions from the water company and the "
                "Internal Drainage Board to close the funding gap of approximately £620,000.\nLocal Members and the "
                "Lower Fenton Flood Action Group have been briefed on both schemes."
            ),
            "Dr Kwame Mensah",
            "2024/25",
        ),
        R(
            "4",
            "Community flood groups are supported to produce community flood plans and are offered flood kit.",
            (
                "Eleven community flood plans are now in place, an increase of four since the review. Each group has "
                "received a flood store containing sandbags, pumps, signage and personal protective equipment.\nA "
                "community resilience officer post, jointly funded with the Environment Agency, was filled in July "
                "2022."
            ),
            "Rachel Oduya",
            "Ongoing",
        ),
        R(
            "5",
            (
                "Planning applications in areas at risk of surface water flooding are referred to the Lead Local "
                "Flood Authority and sustainable drainage is required on all major developments."
            ),
            (
                "A revised consultation protocol between Development Management and the Flood Risk team was "
                "introduced in April 2022. In the first six months 214 applications were referred and objections "
                "were raised to 23.\nA Sustainable Drainage Design Guide for developers was published in September "
                "2022."
            ),
            "Martin Keane",
            "Complete",
        ),
        R(
            "6",
            "Residents are given better information before and during flood events, including through social media.",
            (
                "The Council's flood web pages have been rewritten with residents, and now include a postcode "
                "look-up of flood warning areas.\nDuring the storms of February 2022 the Council issued 46 social "
                "media updates, which reached over 120,000 people. Feedback from the community flood groups was "
                "positive, although some residents in rural areas reported difficulty getting information when "
                "mobile coverage was lost.\nA text message alert service for registered vulnerable residents will be "
                "piloted this winter."
            ),
            "Rachel Oduya",
            "December 2022",
        ),
        R(
            "7",
            (
                "Flood investigations under Section 19 of the Flood and Water Management Act 2010 are completed "
                "promptly and the findings reported to local Members."
            ),
            (
                "Seven Section 19 investigations have been completed since the review, with an average completion "
                "time of five months. The reports are published on the Council's website and sent to ward Members "
                "and the parish or town council.\nTwo further investigations, at Kirkby Lane and Wharf Street, are "
                "in progress."
            ),
            "Lisa Barraclough",
            "Ongoing",
        ),
        R(
            "8",
            (
                "The Council works with landowners and the Rivers Trust to deliver natural flood management in the "
                "upper Wex catchment."
            ),
            (
                "A partnership agreement with the Wex Rivers Trust was signed in March 2022. So far 22 leaky dams "
                "have been installed, 3.4 hectares of woodland planted and two offline storage areas "
                "created.\nMonitoring equipment has been installed to measure the effect on peak flows. Results will "
                "be reported to the Committee when a full year of data is available."
            ),
            "Martin Keane",
            "March 2024",
        ),
        R(
            "9",
            "The Committee receives a progress report on these recommendations within twelve months.",
            "This report fulfils the recommendation. A further update is proposed for November 2023.",
            "Dr Anita Brennan",
            "November 2022",
        ),
    ]
    return Paper(
        "flood-risk-progress.pdf",
        "Environment and Climate Overview and Scrutiny Committee",
        "2022-11-09",
        "9th November 2022",
        "Flood Risk Management Scrutiny Review: Progress Report",
        "Report of Dr Anita Brennan, Corporate Director of Place",
        [
            (
                "1. This report updates Members on the progress made in implementing the nine recommendations of the "
                "Committee's review of local flood risk management, which was endorsed by Cabinet in November 2021."
            ),
            (
                "2. The review followed the flooding of 312 homes and 47 businesses during Storm Christoph. Members "
                "took evidence from the Environment Agency, the water company, parish councils and affected "
                "residents."
            ),
            (
                "3. The Committee is recommended to note the progress set out in the appendix and to identify any "
                "recommendations on which it wishes to receive further information."
            ),
        ],
        [("Appendix: Progress against the review recommendations", Tracking(cols, recs, "R{} "))],
        council="Wexcombe County Council",
        landscape=True,
    )


def libraries():
    cols = [
        ("Ref", "id"),
        ("Review Recommendation", "rec"),
        ("Progress Status", "status"),
        ("Action Taken / Progress", "progress"),
        ("Who", "resp"),
        ("Deadline", "time"),
    ]

    def R(i, text, rag, prog, who, when):
        return Rec(i, text, [Action(prog, who, when, rag)])

    recs = [
        R(
            "1",
            "Opening hours at the six community libraries are reviewed with users to better match local demand.",
            "Green",
            (
                "A survey of 2,140 library users was completed in February 2021.\nNew opening hours, including late "
                "openings on Thursdays at four libraries, were introduced on 6 April 2021."
            ),
            "Joanne Pike",
            "April 2021",
        ),
        R(
            "2",
            "The library service expands its digital offer, including e-books, e-magazines and online events.",
            "Green",
            (
                "E-book and e-audio loans rose by 64% during 2020/21. The service has introduced:\n• a weekly online "
                "rhyme time, with around 300 views per session\n• an e-magazine subscription covering 180 titles\n• "
                "online author talks in partnership with the Harbridge Literary Festival"
            ),
            "Joanne Pike",
            "Ongoing",
        ),
        R(
            "3",
            "A co-location feasibility study is carried out for Eastgate and Northfield libraries.",
            "Amber",
            (
                "Discussions have taken place with the Health and Wellbeing Service about sharing the Northfield "
                "building.\nThe feasibility study has been delayed by the pandemic and is now expected to report in "
                "December 2021."
            ),
            "Owen Gallagher",
            "December 2021",
        ),
        R(
            "4",
            "The mobile library route is redesigned to serve care homes and villages without a static library.",
            "Red",
            (
                "The mobile library vehicle is more than fifteen years old and failed its inspection in March 2021. "
                "A replacement vehicle is included in the capital programme bid for 2022/23.\nIn the meantime a home "
                "delivery service is operating from Central Library."
            ),
            "Owen Gallagher",
            "March 2022",
        ),
        R(
            "5",
            "Volunteering opportunities in libraries are increased, with a target of 100 active volunteers.",
            "Amber",
            (
                "There are currently 62 active volunteers, against 41 at the time of the review. Recruitment paused "
                "during lockdown and restarted in May 2021."
            ),
            "Priya Lal",
            "March 2022",
        ),
        R(
            "6",
            "The Council retains a professionally staffed Central Library and local studies service.",
            "Green",
            "Confirmed in the budget agreed by Council on 24 February 2021.",
            "Marcus Fenwick",
            "Complete",
        ),
    ]
    budget = Grid(
        ["Cost Centre", "Budget 2021/22 £000", "Forecast £000", "Variance £000"],
        [
            ["Central Library", "1,482", "1,455", "-27"],
            ["Community Libraries", "2,310", "2,362", "52"],
            ["Mobile and Home Library Service", "214", "198", "-16"],
            ["Local Studies and Archives", "366", "366", "0"],
            ["Total", "4,372", "4,381", "9"],
        ],
        [2.4, 1, 1, 1],
    )
    return Paper(
        "libraries-action-plan.html",
        "Culture, Leisure and Communities Scrutiny Panel",
        "2021-06-22",
        "22 June 2021",
        "Libraries Review Action Plan – Six Month Update",
        "Report of Marcus Fenwick, Head of Libraries, Arts and Heritage",
        [
            "Purpose of Report",
            (
                "1. To update the Panel on the delivery of the action plan agreed in response to its review of the "
                "library service."
            ),
            "Financial position",
            (
                "2. Table 1 sets out the forecast outturn for the library service for 2021/22. The service is "
                "forecast to overspend by £9,000, mainly because of the cost of reopening buildings safely."
            ),
            "Progress",
            (
                "3. The action plan below uses a red, amber and green rating. Two actions are rated amber and one "
                "red; the reasons are explained in the table."
            ),
        ],
        [
            ("Table 1: Library Service Revenue Budget 2021/22", budget),
            ("Appendix A: Libraries Review Action Plan", Tracking(cols, recs)),
        ],
        council="Harbridge City Council",
    )


def waste():
    cols = [("Recommendation", "rec"), ("Owner", "resp"), ("When", "time"), ("Comments", "progress")]

    def R(i, text, who, when, *prog):
        return Rec(i, text, [Action(x, who, when) for x in prog])

    recs = [
        R(
            "1",
            "The weekly food waste collection trial in Brookside is extended to the whole district.",
            "Tom Ashworth",
            "October 2024",
            (
                "Accepted. Roll-out will take place in three phases:\n• Phase 1 (urban wards) – April 2024\n• Phase "
                "2 (market towns) – July 2024\n• Phase 3 (rural wards) – October 2024\nKitchen caddies will be "
                "delivered to 41,000 households."
            ),
        ),
        R(
            "2",
            "Charges for the collection of bulky items are reduced for households in receipt of Council Tax Support.",
            "Fiona Grant",
            "April 2024",
            (
                "Accepted. A 50% concession will be introduced from 1 April 2024. The estimated cost of £18,000 a "
                "year will be met from the waste services budget."
            ),
        ),
        R(
            "3",
            "The Council runs a campaign to reduce contamination in recycling bins.",
            "Fiona Grant",
            "Ongoing",
            (
                "Accepted. The contamination rate is currently 14%. The campaign will include bin stickers, crew "
                "feedback tags and a schools education programme delivered with the recycling contractor."
            ),
        ),
        R(
            "4",
            "A second household waste recycling centre is provided in the north of the district.",
            "Tom Ashworth",
            "2026/27",
            (
                "Partially accepted. A site search will be carried out, but any new centre depends on capital "
                "funding and will be considered as part of the 2025/26 budget."
            ),
        ),
        R(
            "5",
            "Fly-tipping enforcement is strengthened, including the use of mobile CCTV at hotspot sites.",
            "Dean Whitlock",
            "June 2024",
            "Accepted. Four mobile cameras have been purchased.",
            "Fixed penalty notices for fly-tipping will rise to £400 from June 2024.",
        ),
    ]
    return Paper(
        "waste-scrutiny-cabinet.docx",
        "Cabinet",
        "2024-01-17",
        "17 January 2024",
        "Response to the Scrutiny Review of Household Waste and Recycling",
        (
            "Report of Councillor Janet Hirst, Cabinet Member for Environment, and Tom Ashworth, Director of "
            "Neighbourhood Services"
        ),
        [
            "Purpose",
            (
                "1. To set out the Cabinet's proposed response to the recommendations of the Place Scrutiny "
                "Committee's task and finish review of household waste and recycling."
            ),
            "Background",
            (
                "2. The task and finish group met six times between June and November 2023. Attendance is shown in "
                "Table 1."
            ),
            "3. The group's recommendations and the proposed Cabinet response are set out in Table 2.",
            "Recommendation",
            "4. That Cabinet agrees the response to each recommendation set out in Table 2.",
        ],
        [
            ("Table 1: Task and Finish Group attendance", attendance_table()),
            ("Table 2: Recommendations and Cabinet response", Tracking(cols, recs, "Recommendation {}: ")),
        ],
        council="Eastmoor District Council",
        list_style=True,
    )


def transport():
    cols = [("Recommendation", "rec"), ("Progress", "progress"), ("Responsibility", "resp"), ("Due Date", "time")]

    def R(i, text, prog, who, when):
        return Rec(i, text, [Action(prog, who, when)])

    bus = [
        R(
            "1",
            "The Council enters an Enhanced Partnership with local bus operators.",
            (
                "The Enhanced Partnership Plan and Scheme were made on 31 March 2023. The partnership board meets "
                "quarterly."
            ),
            "Yusuf Patel",
            "Complete",
        ),
        R(
            "2",
            "Bus priority measures are introduced on the A614 corridor.",
            (
                "Detailed design is complete. Works on the first phase, between Kelsford Road and the hospital, will "
                "begin in April 2024.\nTraffic modelling suggests journey times will improve by up to four minutes "
                "at peak times."
            ),
            "Yusuf Patel",
            "March 2025",
        ),
        R(
            "3",
            "Real time passenger information screens are installed at the 50 busiest stops.",
            "34 screens have been installed. The remaining 16 are waiting for power connections.",
            "Gemma Holt",
            "June 2024",
        ),
        R(
            "4",
            "The Council lobbies for the reinstatement of the evening service to Upper Marston.",
            (
                "The Leader wrote to the operator in May 2023. A trial evening service funded through the Bus "
                "Service Improvement Plan started in September 2023."
            ),
            "Cllr Naomi Reid",
            "Complete",
        ),
    ]
    schools = [
        R(
            "1",
            "School Streets are piloted at three primary schools.",
            (
                "Pilots began at St Anne's, Moorside and Hillcrest primary schools in September 2023. Early "
                "monitoring shows a 38% reduction in vehicles at drop-off time.\nParents and residents will be "
                "surveyed in March 2024."
            ),
            "Gemma Holt",
            "July 2024",
        ),
        R(
            "2",
            "20 mph limits are introduced outside all schools on classified roads.",
            "A programme covering 27 schools has been agreed, with 11 schools completed so far.",
            "Liam Carragher",
            "March 2025",
        ),
        R(
            "3",
            "Pedestrian and cycle training is offered to every Year 6 pupil.",
            (
                "Bikeability training was delivered to 2,860 pupils in 2022/23, 81% of the year group. The remaining "
                "schools have been contacted directly."
            ),
            "Liam Carragher",
            "Ongoing",
        ),
    ]
    return Paper(
        "transport-two-tables.html",
        "Transport and Infrastructure Scrutiny Committee",
        "2024-02-07",
        "Wednesday 7 February 2024",
        "Monitoring of Scrutiny Review Recommendations: Bus Services and School Road Safety",
        "Report of Helen Strickland, Assistant Director Highways and Transport",
        [
            (
                "1. This report provides an update on two reviews carried out by the Committee: the review of local "
                "bus services (reported to Cabinet in October 2022) and the review of road safety around schools "
                "(reported in March 2023)."
            ),
            (
                "2. Progress on the bus services review is set out in Appendix A and on the school road safety "
                "review in Appendix B."
            ),
            (
                "3. Members are asked to note the report and agree which recommendations can now be signed off as "
                "complete."
            ),
        ],
        [
            ("Appendix A – Review of Local Bus Services", Tracking(cols, bus, "{}. ")),
            ("Appendix B – Review of Road Safety around Schools", Tracking(cols, schools, "{}. ")),
        ],
        council="Kelsford Metropolitan Borough Council",
    )


def budget_decoys():
    glossary = Grid(
        ["Term", "Meaning"],
        [
            ["Outturn", "The actual income and expenditure for the year once the accounts are closed."],
            [
                "Virement",
                (
                    "The transfer of budget from one service area to another, subject to the limits in the Financial "
                    "Procedure Rules."
                ),
            ],
            [
                "Earmarked reserve",
                "Money set aside for a specific future purpose, such as insurance claims or a capital project.",
            ],
            [
                "Section 151 Officer",
                "The officer responsible for the proper administration of the Council's financial affairs.",
            ],
        ],
        [1, 4],
    )
    workprog = Grid(
        ["Date of Meeting", "Agenda Item", "Lead Officer", "Purpose"],
        [
            [
                "30 November 2023",
                "Treasury Management Mid-Year Review",
                "Nadia Corbett",
                "To review treasury activity against the approved strategy",
            ],
            [
                "30 November 2023",
                "Internal Audit Progress Report",
                "Oliver Grange",
                "To monitor delivery of the audit plan and implementation of audit recommendations",
            ],
            [
                "25 January 2024",
                "External Audit Plan 2023/24",
                "External Auditor",
                "To note the audit approach and key risks",
            ],
            [
                "21 March 2024",
                "Risk Management Annual Report",
                "Oliver Grange",
                "To provide assurance on the risk management framework",
            ],
        ],
        [1.2, 2, 1.2, 3],
    )
    return Paper(
        "budget-decoys-only.pdf",
        "Audit and Governance Committee",
        "2023-10-26",
        "26 October 2023",
        "Quarter 2 Revenue Budget Monitoring 2023/24",
        "Report of Nadia Corbett, Chief Finance Officer (Section 151 Officer)",
        [
            "Purpose of the Report",
            "1. To report the forecast revenue outturn for 2023/24 as at the end of September 2023.",
            "Recommendations",
            (
                "2. The Committee is recommended to note the forecast overspend of £2.053 million and the actions "
                "being taken to bring spending back within budget."
            ),
            (
                "3. Table 1 summarises the forecast by service area. Tables 2 to 4 provide Member attendance, a "
                "glossary of terms and the Committee's work programme."
            ),
        ],
        [
            ("Table 1: Forecast Revenue Outturn 2023/24", budget_table()),
            ("Table 2: Member attendance 2023/24", attendance_table()),
            ("Table 3: Glossary", glossary),
            ("Table 4: Work Programme", workprog),
        ],
        council="Abbeyfield Borough Council",
    )


def planning_decoys():
    """Decisions lists of a planning committee's agenda: none is a tracking table, though they have a Proposal,
    an officer's Recommendation, a Case Officer and dates decided."""
    decisions = Grid(
        ["Application No.", "Site Address", "Proposal", "Decision", "Date Decided"],
        [
            [
                "23/01234/FUL",
                "14 Mill Lane, Abbeyfield",
                "Erection of a two-storey rear extension and loft conversion with rear dormer.",
                "Approved",
                "12/09/2023",
            ],
            [
                "23/01301/HOU",
                "The Old Forge, Church Street",
                "Replacement windows and a single-storey side extension.",
                "Refused",
                "14/09/2023",
            ],
            [
                "23/01322/LBC",
                "2 Market Place",
                "Listed building consent for internal alterations and a new shopfront.",
                "Approved with conditions",
                "19/09/2023",
            ],
            [
                "23/01410/OUT",
                "Land north of Station Road",
                "Outline application for up to 45 dwellings with access.",
                "Refused",
                "21/09/2023",
            ],
        ],
        [1.2, 1.6, 3, 1.3, 1],
    )
    schedule = Grid(
        ["Item", "Application No.", "Site Address", "Proposal", "Case Officer", "Officer Recommendation"],
        [
            [
                "1",
                "23/01502/FUL",
                "Former depot, Canal Street",
                "Change of use from offices to 12 flats.",
                "Jo Hartley",
                "Approve subject to conditions",
            ],
            [
                "2",
                "23/01577/OUT",
                "Brook Farm, Long Lane",
                "Erection of 9 dwellings with parking and landscaping.",
                "Sam Okafor",
                "Refuse",
            ],
            ["3", "23/01610/HOU", "7 Elm Close", "First floor side extension.", "Jo Hartley", "Approve"],
        ],
        [0.5, 1.2, 1.6, 2.6, 1.1, 1.3],
    )
    licensing = Grid(
        ["Premises", "Applicant", "Application Type", "Representations", "Decision", "Date of Decision"],
        [
            [
                "The Red Lion, High Street",
                "Marston Inns Ltd",
                "Variation of premises licence",
                "3 residents; Police",
                "Granted with conditions",
                "05/10/2023",
            ],
            [
                "Quickstop Convenience, 4 Bridge Road",
                "Mr A. Patel",
                "New premises licence",
                "Licensing Authority",
                "Refused",
                "11/10/2023",
            ],
            [
                "Riverside Festival Field",
                "Riverside Events CIC",
                "Temporary event notice",
                "Environmental Health",
                "Counter notice issued",
                "18/10/2023",
            ],
        ],
        [1.8, 1.4, 1.5, 1.4, 1.3, 1],
    )
    appeals = Grid(
        ["Appeal Ref", "Application No.", "Site", "Proposal", "Appeal Type", "Inspectorate Decision", "Date"],
        [
            [
                "APP/X1234/W/23/3321456",
                "22/02211/FUL",
                "Land at Brook Farm",
                "Erection of 9 dwellings",
                "Written representations",
                "Dismissed",
                "03/08/2023",
            ],
            [
                "APP/X1234/D/23/3324567",
                "23/00412/HOU",
                "7 Elm Close",
                "First floor side extension",
                "Householder",
                "Allowed",
                "17/08/2023",
            ],
            [
                "APP/X1234/W/23/3319876",
                "22/01876/OUT",
                "Former depot, Canal Street",
                "Outline for 30 flats",
                "Hearing",
                "Allowed with costs",
                "29/08/2023",
            ],
        ],
        [1.9, 1.3, 1.4, 1.6, 1.3, 1.3, 1],
    )
    return Paper(
        "planning-decisions-decoys.pdf",
        "Planning Committee",
        "2023-10-26",
        "26 October 2023",
        "Planning, Licensing and Appeal Decisions",
        "Report of Ruth Mensah, Head of Planning and Regulatory Services",
        [
            "Purpose of the Report",
            "1. To inform Members of decisions on planning and licensing applications and of appeal decisions.",
            "Recommendations",
            (
                "2. The Committee is recommended to note the decisions in Tables 1 to 4 and the officer "
                "recommendations on the applications to be considered at its next meeting."
            ),
        ],
        [
            ("Table 1: Applications determined under delegated powers", decisions),
            ("Table 2: Applications for the next meeting", schedule),
            ("Table 3: Licensing Sub-Committee decisions", licensing),
            ("Table 4: Planning appeals decided", appeals),
        ],
        council="Abbeyfield Borough Council",
    )


def youth():
    cols = [
        ("Recommendation", "rec"),
        ("Update on progress", "progress"),
        ("Lead Officer", "resp"),
        ("Target Date", "time"),
    ]
    recs = [
        Rec(
            "1",
            "The Council maintains open access youth provision in each of the five localities.",
            [
                Action(
                    (
                        "Open access sessions continue to run in all five localities, with 1,026 young people "
                        "attending at least once during 2018. A new session for young people with special "
                        "educational needs opened in Castleford in October 2018."
                    ),
                    "Siobhan Kerrigan",
                    "Ongoing",
                )
            ],
        ),
        Rec(
            "2",
            "Young people are involved in the commissioning of youth services.",
            [
                Action(
                    (
                        "A Young Commissioners group of 14 young people aged 13 to 19 has been recruited and "
                        "trained. The group has:\n• helped write the specification for detached youth work\n• "
                        "interviewed the shortlisted providers\n• agreed how the contract will be monitored"
                    ),
                    "Aaron Blythe",
                    "Complete",
                )
            ],
        ),
        Rec(
            "3",
            "Detached youth work is targeted at areas with high levels of anti-social behaviour.",
            [
                Action(
                    (
                        "Detached youth work is now deployed using monthly anti-social behaviour data from the "
                        "police and the Community Safety Partnership."
                    ),
                    "Aaron Blythe",
                    "April 2019",
                ),
                Action(
                    "Since June 2018 reports of youth-related anti-social behaviour in the three target areas "
                    "have fallen by 22%. Sessions have also been extended to Friday evenings during the summer."
                ),
            ],
        ),
        Rec(
            "4",
            "A directory of local youth activities is published online and kept up to date.",
            [
                Action(
                    (
                        "The directory went live on the Council's Family Information Service website in September "
                        "2018 and lists 143 activities. Providers are reminded every quarter to update their entries."
                    ),
                    "Megan Lowry",
                    "Complete",
                )
            ],
        ),
        Rec(
            "5",
            "The Council seeks external funding to support the youth offer in rural areas.",
            [
                Action(
                    (
                        "A bid to the Youth Investment Fund for a mobile youth centre was submitted in November "
                        "2018. The outcome will be known in March 2019."
                    ),
                    "Siobhan Kerrigan",
                    "March 2019",
                )
            ],
        ),
    ]
    return Paper(
        "youth-services-update.txt",
        "Children and Young People's Overview and Scrutiny Committee",
        "2019-01-15",
        "15 January 2019",
        "Youth Services Scrutiny Review – Update on Recommendations",
        "Report of Siobhan Kerrigan, Strategic Manager, Early Help and Youth Support",
        [
            "Purpose of the Report",
            (
                "1. To inform the Committee of progress on the recommendations of its review of youth services, "
                "which was agreed by Cabinet on 11 April 2018."
            ),
            "Background",
            (
                "2. The review looked at how the youth offer could be protected following a reduction of £1.2 "
                "million in the youth services budget. Members visited youth clubs in each locality and met the "
                "Youth Council."
            ),
            "3. Appendix 2 sets out the progress made against each recommendation.",
            "Recommendation",
            "4. Members of the Committee are asked to note the information in this report.",
        ],
        [("Appendix 2: Youth Services Review – Progress on Recommendations", Tracking(cols, recs, "{}) "))],
        council="Ravensworth County Council",
        txt_header_before=(2, 3, 5),
    )


# ---------------------------------------------------------------------- main
def write_golden(paper):
    EXPECTED.mkdir(exist_ok=True)
    with open(EXPECTED / f"{paper.file}.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(paper.golden(), f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    seed = seed_paper("seed-organised-crime.txt")  # the seed paper itself is the sample; only its golden is written
    write_golden(seed)
    papers = [
        seed_paper("seed-organised-crime.docx"),
        seed_paper("seed-organised-crime.pdf"),
        housing(),
        flood(),
        libraries(),
        waste(),
        transport(),
        budget_decoys(),
        planning_decoys(),
        youth(),
    ]
    for p in papers:
        path = HERE / p.file
        RENDERERS[path.suffix](p, path)
        write_golden(p)
    successive = history_reviews.papers()
    for p in successive:
        path = HERE / p.file
        RENDERERS[path.suffix](p, path)
        write_golden(p)
    papers += successive
    hard = hard_layouts.papers()
    for p in hard:
        p.write(HERE / p.file)
        write_golden(p)
    scan = scanned.scanned()
    scanned.write(scan, HERE / scan.file)
    EXPECTED.mkdir(exist_ok=True)
    with open(EXPECTED / f"{scan.file}.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(scanned.golden(scan), f, indent=1, ensure_ascii=False)
        f.write("\n")
    for p in [seed] + papers + hard + [scan]:
        print(f"{p.file:32} {len(p.golden()['rows']):2} golden rows")
    for name in legacy.write_all(HERE, EXPECTED):
        print(f"{name:32} (LibreOffice conversion of {legacy.SOURCE})")
    links = write_links()
    print(f"{'expected/history/links.json':32} {len(links)} rows, {len(set(links.values()))} recommendations")


# The same paper in several files (formats) reports on the same recommendations.
SAME_PAPER = {"legacy-housing-review": "housing-review-update", "seed-organised-crime": "seed-organised-crime"}


def write_links():
    """expected/history/links.json: for every golden row of every sample, the recommendation it reports on.

    Rows of the successive reports in history_reviews.py carry the labels given there; every other paper is
    its own report (the same paper in several formats shares its labels), so its rows link to nothing else."""
    links = {}
    for golden in sorted(EXPECTED.glob("*.json")):
        data = json.loads(golden.read_text(encoding="utf-8"))
        stem = Path(data["source"]).stem
        for row in data["rows"]:
            given = history_reviews.LINKS.get(data["source"])
            label = (
                given[row["rec_id"]] if given else f"{SAME_PAPER.get(stem, stem)}:{row['table_index']}:{row['rec_id']}"
            )
            links[f"{data['source']}|{row['table_index']}|{row['rec_id']}"] = label
    folder = EXPECTED / "history"
    folder.mkdir(exist_ok=True)
    with open(folder / "links.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(dict(sorted(links.items())), f, indent=1, ensure_ascii=False)
        f.write("\n")
    return links


if __name__ == "__main__":
    main()
