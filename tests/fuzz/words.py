"""Word lists for the layout fuzzer: header wordings per column role, and invented paper content.

The header synonyms are the fuzzer's own list. They are written from how committee papers label their
columns, deliberately larger than any extractor vocabulary, and must never be copied from or checked
against the extractor's code: the point is to measure how far its header matching generalises.

Each wording is tagged "common" (the labels most papers use) or "rare" (real but less usual labels);
the runner reports row F1 per tag and per wording.
"""

# ------------------------------------------------------------------ header wordings per role
# (label, tier). "{asat}" is filled with a date, "{month}" with a month and year.
HEADERS = {
    "id": [
        ("No.", "common"),
        ("Ref", "common"),
        ("#", "common"),
        ("Rec No.", "common"),
        ("Ref.", "rare"),
        ("Number", "rare"),
        ("Rec", "rare"),
        ("ID", "rare"),
        ("Item", "rare"),
        ("Rec. Ref", "rare"),
        ("Recommendation number", "rare"),
    ],
    "rec": [
        ("Recommendation", "common"),
        ("Recommendations", "common"),
        ("Review Recommendation", "common"),
        ("Scrutiny recommendation", "common"),
        ("Finding", "rare"),
        ("Issue", "rare"),
        ("Area for improvement", "rare"),
        ("Recommended action", "rare"),
        ("Recommendation made", "rare"),
        ("Audit recommendation", "rare"),
        ("Issue / Recommendation", "rare"),
        ("What we recommended", "rare"),
        ("Task Group recommendation", "rare"),
        ("Improvement action", "rare"),
        ("Agreed recommendation", "rare"),
        ("Recommendation (as agreed by Cabinet)", "rare"),
    ],
    "progress": [
        ("Progress", "common"),
        ("Progress update", "common"),
        ("Update", "common"),
        ("Action taken", "common"),
        ("Comments", "common"),
        ("Update (as at {asat})", "rare"),
        ("Progress update {month}", "rare"),
        ("Position statement", "rare"),
        ("Progress to date", "rare"),
        ("Current position", "rare"),
        ("Officer comments", "rare"),
        ("Commentary", "rare"),
        ("Latest update", "rare"),
        ("Evidence of progress", "rare"),
        ("Progress since last report", "rare"),
        ("Actions completed", "rare"),
        ("Response", "rare"),
    ],
    # progress column of a response table (the Cabinet's / Executive's answer to scrutiny)
    "response": [
        ("Response", "common"),
        ("Cabinet response", "common"),
        ("Executive response", "common"),
        ("Response / Action", "common"),
        ("Proposed action", "rare"),
        ("Cabinet Member response", "rare"),
        ("Council response", "rare"),
        ("Management response", "rare"),
        ("Response and proposed action", "rare"),
    ],
    "resp": [
        ("Responsible officer", "common"),
        ("Lead officer", "common"),
        ("Lead", "common"),
        ("Owner", "common"),
        ("Responsible", "common"),
        ("Lead Member / Officer", "rare"),
        ("Action by", "rare"),
        ("Assigned to", "rare"),
        ("Who", "rare"),
        ("Recommendation made to:", "rare"),
        ("Accountable manager", "rare"),
        ("Action owner", "rare"),
        ("Responsible person", "rare"),
        ("Officer responsible", "rare"),
        ("Service lead", "rare"),
        ("Lead Directorate / Officer", "rare"),
        ("Responsibility", "rare"),
        ("By whom", "rare"),
    ],
    "time": [
        ("Timescale", "common"),
        ("Target date", "common"),
        ("Deadline", "common"),
        ("Due date", "common"),
        ("Timescale for implementation", "common"),
        ("Target date for implementation", "rare"),
        ("Milestone", "rare"),
        ("Expected completion", "rare"),
        ("When", "rare"),
        ("Completion / Date", "rare"),
        ("Implementation date", "rare"),
        ("Timeframe", "rare"),
        ("By when", "rare"),
        ("Target completion date", "rare"),
        ("Agreed deadline", "rare"),
        ("Original target date", "rare"),
        ("Date due", "rare"),
    ],
    "status": [
        ("Status", "common"),
        ("RAG", "common"),
        ("RAG status", "common"),
        ("BRAG", "rare"),
        ("Implemented?", "rare"),
        ("RAG rating", "rare"),
        ("Progress status", "rare"),
        ("Current status", "rare"),
        ("Complete?", "rare"),
        ("Status (RAG)", "rare"),
        ("Overall status", "rare"),
    ],
}

# Held-out header wordings (``run.py --wordings held-out``): every column labelled from this list instead.
# Written apart from the lists above and never used to tune the extractor: they measure how its column
# roles hold up on labels nobody tuned for (from the cells as much as from the header).
HELD_OUT = {
    "id": ["Ref No", "Para", "Recommendation Ref", "Item No.", "Rec Ref", "Paragraph"],
    "rec": [
        "The Panel recommended",
        "Scrutiny Panel Recommendation",
        "Recommendation of the Task and Finish Group",
        "Proposal from the review",
        "What the review asked for",
        "Suggested improvement",
        "Recommendation to Executive",
        "Review outcome",
    ],
    "progress": [
        "Progress at {month}",
        "Status update",
        "What has happened",
        "Work undertaken",
        "Implementation progress",
        "Narrative",
        "Position at {asat}",
        "Update from service",
    ],
    "response": [
        "Executive Member response",
        "Service response",
        "Response of the Cabinet",
        "Reply",
        "Decision and comments",
    ],
    "resp": [
        "Lead Cabinet Member",
        "Responsible Head of Service",
        "Directorate lead",
        "Officer",
        "Contact",
        "Accountable officer",
        "Responsible body",
        "Portfolio / Lead",
    ],
    "time": [
        "Timeline",
        "Target",
        "Date for completion",
        "Planned completion",
        "Revised deadline",
        "Implementation timescale",
        "Due",
        "Complete by",
    ],
    "status": [
        "RAG ({month})",
        "Progress rating",
        "Implementation status",
        "Completed (Y/N)",
        "Status / RAG",
        "Rating",
    ],
}

# Extra columns that a tracking table may carry and that are not part of a row's five fields.
EXTRA_COLUMNS = {
    "Meeting Date": "date",
    "Date of meeting": "date",
    "Select Committee": "committee",
    "Cabinet Member": "member",
    "Portfolio Holder": "member",
    "Accepted?": "accepted",
    "Directorate": "directorate",
    "Priority": "priority",
    "Source": "source",
    "Date agreed": "date",
    "Cost implications": "cost",
    "Evidence": "evidence",
}
EXTRA_VALUES = {
    "committee": [
        "Health Scrutiny Committee",
        "Children and Young People Scrutiny Panel",
        "Place Overview Committee",
        "Audit and Governance Committee",
        "Corporate Resources Select Committee",
    ],
    "member": ["Cllr Helen Ward", "Cllr Tom Baxter", "Cllr Priya Nair", "Cllr Gareth Lewis", "Cllr Maureen Cole"],
    "accepted": ["Accepted", "Partially accepted", "Not accepted", "Agreed"],
    "directorate": ["Adults and Health", "Children's Services", "Place", "Resources", "Communities"],
    "priority": ["High", "Medium", "Low"],
    "source": ["Task Group report", "Internal Audit", "Peer review", "Annual scrutiny report"],
    "cost": ["Within existing budget", "£15,000", "None", "To be confirmed", "£120k capital"],
    "evidence": ["Cabinet report", "Training records", "Policy document", "Minutes", "Performance data"],
}
STATUS_VALUES = {
    "rag": ["Green", "Amber", "Red", "Green", "Amber"],
    "brag": ["Blue", "Green", "Amber", "Red"],
    "words": ["Complete", "On track", "In progress", "Not started", "Delayed", "Ongoing", "Completed"],
    "yesno": ["Yes", "No", "Partly", "Yes"],
}
ACCEPTED = ["Accepted", "Partially accepted", "Not accepted", "Agreed", "Accepted in principle"]

# ------------------------------------------------------------------ content
COUNCILS = [
    "Ashworth",
    "Belmont Vale",
    "Carrowby",
    "Dunmere",
    "Eastleigh Moor",
    "Fallowfield",
    "Greystone",
    "Harrowgate Vale",
    "Ingleby",
    "Kelsworth",
    "Langmoor",
    "Merrifield",
    "Northope",
    "Oldcastle",
    "Penwardine",
    "Queensbury Heath",
    "Ravensworth",
    "Stanbridge",
    "Thornbury Fells",
    "Westmarch",
]
COUNCIL_KINDS = [
    "Borough Council",
    "District Council",
    "County Council",
    "City Council",
    "Metropolitan Borough Council",
]
COMMITTEES = [
    "Overview and Scrutiny Committee",
    "Health Scrutiny Committee",
    "Audit and Governance Committee",
    "Children and Young People Scrutiny Panel",
    "Communities Scrutiny Committee",
    "Cabinet",
    "Place Overview and Scrutiny Committee",
    "Corporate Resources Select Committee",
    "Environment and Transport Scrutiny Panel",
    "Adult Social Care Scrutiny Committee",
]

TOPICS = [
    ("fly-tipping", "the Environment Enforcement Team"),
    ("empty homes", "the Private Sector Housing Team"),
    ("school transport", "the Travel Assistance Service"),
    ("loneliness among older people", "Adult Social Care"),
    ("youth services", "the Early Help Service"),
    ("flood risk management", "the Drainage and Flood Team"),
    ("library opening hours", "Library Services"),
    ("street lighting", "Highways Maintenance"),
    ("domestic abuse support", "the Community Safety Partnership"),
    ("town centre vacancy rates", "Economic Development"),
    ("air quality near schools", "Environmental Health"),
    ("temporary accommodation", "the Housing Options Service"),
    ("apprenticeships", "the Employment and Skills Team"),
    ("recycling contamination", "Waste Services"),
    ("adult safeguarding referrals", "the Safeguarding Adults Board"),
    ("council tax collection", "Revenues and Benefits"),
    ("park play areas", "Parks and Green Spaces"),
    ("digital exclusion", "the Digital Inclusion Team"),
    ("procurement social value", "Corporate Procurement"),
    ("staff sickness absence", "Human Resources"),
    ("SEND transport", "the SEND Service"),
    ("dementia-friendly services", "Public Health"),
    ("anti-social behaviour in parks", "the Neighbourhood Policing Team"),
    ("carers' assessments", "Adult Social Care"),
]
ACTORS = [
    "The Council",
    "The Cabinet",
    "The Executive",
    "Officers",
    "The Cabinet Member for {portfolio}",
    "The Director of {service}",
    "The service",
    "The Committee",
    "Partners",
    "The Council and its partners",
]
PORTFOLIOS = [
    "Housing",
    "Environment",
    "Communities",
    "Health and Wellbeing",
    "Finance",
    "Children's Services",
    "Transport",
    "Regeneration",
    "Adult Social Care",
]
SERVICES = ["Public Health", "Place", "Children's Services", "Adult Social Services", "Finance", "Communities"]
REC_TEMPLATES = [
    "{actor} should review its approach to {topic} and report the findings to this Committee.",
    "{actor} develops an action plan on {topic}, with clear targets and named leads.",
    "That {actor_l} commissions an independent review of {topic} within twelve months.",
    "{actor} should publish performance data on {topic} each quarter.",
    "A single point of contact is established for residents raising concerns about {topic}.",
    "{actor} should work with {team} to improve the information available to residents about {topic}.",
    "That a task and finish group is set up to consider options for {topic}, including the costs of each option.",
    "{actor} lobbies the Government for additional funding to tackle {topic}.",
    "Training on {topic} is made mandatory for all frontline staff and elected Members.",
    "{actor} should set aside funding in the {year} budget to address {topic}.",
    "The Committee receives a progress report on {topic} in {month}.",
    "{actor} should consult residents, ward councillors and community groups before changing arrangements for {topic}.",
    "That {team} agrees a protocol with partner agencies on {topic}, to be reviewed annually.",
    "{actor} should improve the way complaints about {topic} are recorded and analysed.",
    "Targets for {topic} are included in the Council Plan and monitored through the corporate performance framework.",
]
REC_EXTRAS = [
    "This should include:\n• a clear timetable\n• the resources required\n• how success will be measured",
    "The review should cover both the costs and the benefits to residents.",
    "Particular attention should be paid to the needs of rural communities.",
    "Progress should be reported to the Committee every six months.",
]
PROGRESS_SENTENCES = [
    "A working group met for the first time in {month} and has agreed terms of reference.",
    "{team} has reviewed current arrangements and identified {n} areas for improvement.",
    "A report setting out options will be presented to Cabinet in {month}.",
    "Consultation with residents ran from {month} to {month2} and received {n3} responses.",
    "{n} members of staff have completed the new training module so far.",
    "Funding of £{n3},000 has been secured from the {fund} to support this work.",
    "The action plan was approved by the Executive on {date}.",
    "Performance data is now published quarterly on the Council's website.",
    "This recommendation has been fully implemented and it is proposed that it is closed.",
    "Progress has been slower than planned because of staff vacancies in {team}; recruitment is under way.",
    "A pilot scheme began in {n} wards in {month}, and early results are encouraging.",
    "Partners have agreed a shared protocol, which will be reviewed in {month2}.",
    "The new policy was adopted in {month} and has been communicated to all staff.",
    "Officers are awaiting guidance from the Government before taking this further.",
    "The budget for {year} includes an additional £{n},000 for this work.",
    "{n} complaints were received in the last quarter, compared with {n2} in the same period last year.",
    "A lead officer has been appointed and will report to the Committee in {month2}.",
    "This will be taken forward as part of the wider service review.",
]
PROGRESS_BULLETS = [
    "{n} sites have been inspected",
    "a new web page has been launched",
    "training has been delivered to ward councillors",
    "a resident survey has been completed",
    "two additional officers have been recruited",
    "the enforcement policy has been updated",
    "monthly monitoring reports are produced",
    "the partnership board meets every quarter",
    "a communications campaign ran in {month}",
    "the contract has been retendered",
    "data sharing agreements are in place",
]
FUNDS = [
    "UK Shared Prosperity Fund",
    "Public Health Grant",
    "Household Support Fund",
    "National Lottery Community Fund",
    "Local Authority Housing Fund",
    "Better Care Fund",
]
FIRST = [
    "Sarah",
    "James",
    "Amina",
    "David",
    "Claire",
    "Mohammed",
    "Helen",
    "Gareth",
    "Priya",
    "Tom",
    "Joanne",
    "Rebecca",
    "Daniel",
    "Fiona",
    "Imran",
    "Karen",
    "Owen",
    "Lucy",
    "Martin",
    "Nadia",
    "Colin",
    "Yvonne",
]
LAST = [
    "Jennings",
    "Okafor",
    "Hussain",
    "Whitfield",
    "Brennan",
    "Patel",
    "Marsh",
    "Doyle",
    "Ellison",
    "Kaur",
    "Rowe",
    "Thornton",
    "Castle",
    "Fielding",
    "Ahmed",
    "Lowe",
    "Price",
    "Saunders",
    "Hale",
    "Quinn",
    "Reeve",
    "Dyer",
]
POSTS = [
    "Head of Housing",
    "Director of Public Health",
    "Assistant Director – Environment",
    "Head of Finance",
    "Head of Communities",
    "Chief Executive",
    "Director of Children's Services",
    "Head of Planning",
    "Service Manager, Waste",
    "Head of Customer Services",
    "Strategic Director of Place",
    "Head of HR",
    "Community Safety Manager",
    "Head of Legal and Democratic Services",
    "Highways Manager",
]
TEAMS = [
    "Community Safety Team",
    "Housing Options Team",
    "Waste and Recycling Team",
    "Public Health Team",
    "Democratic Services",
    "Parks Team",
    "Planning Policy Team",
    "Corporate Policy Team",
    "Revenues Team",
]
MONTHS = [
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
]

# ------------------------------------------------------------------ variety within a paper
# Rows that group the recommendations under a theme (no row of their own), in several printed forms.
THEMES = [
    "Prevention and early help",
    "Governance and oversight",
    "Communication with residents",
    "Working with partners",
    "Resources and funding",
    "Data and intelligence",
    "Training and workforce",
    "Enforcement",
]
THEME_FORMS = ["Theme {n}: {name}", "{name}", "Section {letter} – {name}", "Part {n} – {name}", "{letter}. {name}"]
# Headings over a paper's second tracking table (the first keeps the appendix heading).
SECOND_HEADINGS = [
    "Recommendations completed since the last report",
    "Appendix B – Recommendations of the follow-up review",
    "Outstanding recommendations from earlier reviews",
    "Table 2: Recommendations for partner organisations",
]
# Joins of two owners in one cell, and timescales in forms other than the usual ones.
OWNER_JOINS = [" / ", " and ", "\n", ", ", " & "]
TIMESCALE_FORMS = [
    "{day} {month} {year}",
    "{mon}-{yy}",
    "By {month} {year}",
    "Spring {year}",
    "{year}-{mm}-{dd}",
    "Short term (6 months)",
    "Medium term (12 months)",
    "Within 12 months",
    "From {month} {year}",
    "{month} {year} onwards",
]

# ------------------------------------------------------------------ negative papers
NEGATIVE_KINDS = [
    "budget",
    "kpi",
    "work_programme",
    "risk_register",
    "planning_decisions",
    "licensing_decisions",
    "appeals",
]
DECOY_KINDS = NEGATIVE_KINDS[:4]  # the decoy tables beside a tracking table (kept as they were: same papers)
KPIS = [
    "Percentage of major planning applications determined in time",
    "Average days to re-let council homes",
    "Household waste sent for reuse, recycling or composting",
    "Number of households in temporary accommodation",
    "Percentage of council tax collected",
    "Staff sickness absence (days per FTE)",
    "Percentage of FOI requests answered within 20 days",
    "Number of fly-tipping incidents reported",
    "Visits to leisure centres",
    "Percentage of invoices paid within 30 days",
]
RISKS = [
    "Failure to deliver the medium-term savings plan",
    "Cyber attack disrupting council systems",
    "Insufficient temporary accommodation to meet demand",
    "Loss of key staff in statutory services",
    "Contractor failure on the leisure centre build",
    "Rising demand for adult social care placements",
    "Non-compliance with new data protection requirements",
    "Severe weather affecting highways and drainage",
]
WORK_ITEMS = [
    "Annual Scrutiny Report",
    "Budget proposals 2025/26",
    "Housing Strategy refresh",
    "Quarter 2 Performance Report",
    "Call-in: Library opening hours",
    "Community Safety Partnership annual update",
    "Review of recommendations: Flooding Task Group",
    "Transport Strategy consultation",
    "Corporate Plan refresh",
]
SERVICE_AREAS = [
    "Adult Social Care",
    "Children's Services",
    "Environment and Transport",
    "Housing and Communities",
    "Corporate Resources",
    "Public Health",
    "Planning and Regeneration",
    "Leisure and Culture",
]
# Decisions lists of planning and licensing committees: an officer's "Recommendation" of one or two words, a
# "Proposal", a "Case Officer", a date decided; none of them a tracking table.
PLANNING_SITES = [
    "14 Mill Lane",
    "The Old Forge, Church Street",
    "2 Market Place",
    "Land north of Station Road",
    "Former depot, Canal Street",
    "7 Elm Close",
    "Brook Farm, Long Lane",
    "Unit 4, Riverside Industrial Estate",
]
PROPOSALS = [
    "Erection of a two-storey rear extension and loft conversion with rear dormer",
    "Replacement windows and a single-storey side extension",
    "Listed building consent for internal alterations and a new shopfront",
    "Outline application for up to 45 dwellings with access",
    "Change of use from offices to 12 flats",
    "Erection of 9 dwellings with associated parking and landscaping",
    "Installation of solar panels on the south roof slope",
    "Demolition of garage and erection of a detached bungalow",
]
VERDICTS = ["Approve", "Refuse", "Approve subject to conditions", "Grant", "Refuse consent", "Defer"]
DECISIONS = ["Approved", "Refused", "Approved with conditions", "Granted", "Withdrawn", "Deferred"]
PREMISES = [
    "The Red Lion, High Street",
    "Quickstop Convenience, 4 Bridge Road",
    "Riverside Festival Field",
    "Golden Dragon Takeaway, 21 Queen Street",
    "The Vaults Bar, Market Square",
    "Station Road Social Club",
]
LICENCE_TYPES = [
    "New premises licence",
    "Variation of premises licence",
    "Review of premises licence",
    "Temporary event notice",
    "Personal licence",
    "Hackney carriage driver licence",
]
REPRESENTATIONS = ["Police", "3 residents", "Environmental Health", "Licensing Authority", "None", "Trading Standards"]
LICENCE_DECISIONS = [
    "Granted as applied for",
    "Granted with conditions",
    "Refused",
    "Licence suspended for 4 weeks",
    "Counter notice issued",
    "Revoked",
]
APPEAL_TYPES = ["Written representations", "Householder", "Hearing", "Inquiry"]
APPEAL_DECISIONS = ["Dismissed", "Allowed", "Allowed with costs", "Split decision", "Withdrawn"]
