"""Successive progress reports on two scrutiny reviews, and a decoy review by the same committee.

Each review is reported on three times, in a different format each time, with the title, the column labels and
the recommendations' wording changed between reports (a leading "That", a dropped full stop, a change of case,
a shortened text), and recommendations complete at one report dropped from the next:

- Town Centre Parking (Place Overview and Scrutiny Committee): .docx, then .html, then .txt.
- Street Trees (Environment Scrutiny Committee): .pdf, then .docx, then .html; the last table has no numbers,
  so its rows are numbered by position and the numbers no longer match the earlier reports.
- The decoy, Town Centre Markets, is a different review by the Place committee, reported on twice; it shares
  one recommendation's wording with the parking review (the further progress report).

``LINKS`` gives, for each of these papers, the recommendation each row reports on; make_samples.py writes it
with every other sample's rows to expected/history/links.json (the golden links).
"""

from samplekit import Action, Paper, Rec, Tracking

COUNCIL = "Kelderby Borough Council"
PLACE = "Place Overview and Scrutiny Committee"
ENVIRONMENT = "Environment Scrutiny Committee"
SHARED = "The Committee receives a further progress report on these recommendations in six months."

# file -> {rec_id as printed in that paper: the recommendation (review:number in its first report)}
LINKS: dict[str, dict[str, str]] = {}


def _paper(file, committee, date, date_line, title, report_of, purpose, heading, table, links):
    LINKS[file] = links
    return Paper(
        file,
        committee,
        date,
        date_line,
        title,
        report_of,
        ["Purpose of the Report", purpose, "Recommendation", "1. The Committee is asked to note the progress made."],
        [(heading, table)],
        council=COUNCIL,
    )


def _same(ids, review):
    return {i: f"{review}:{i}" for i in ids}


# ------------------------------------------------------------------------------------ Town Centre Parking
def parking_1():
    cols = [
        ("No.", "id"),
        ("Recommendation", "rec"),
        ("Progress", "progress"),
        ("Lead Officer", "resp"),
        ("Target Date", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            "The Council introduces a pay-on-exit system at the Riverside and Castle Street car parks.",
            [
                Action(
                    "A supplier has been appointed and installation is planned for the summer.",
                    "Owen Petrakis",
                    "September 2023",
                    "In progress",
                )
            ],
        ),
        Rec(
            "2",
            "Parking charges are published in one place on the Council's website.",
            [
                Action(
                    "A single parking page went live in March 2023 with every tariff and season ticket.",
                    "Grace Idowu",
                    "March 2023",
                    "Complete",
                )
            ],
        ),
        Rec(
            "3",
            "Residents' parking zones around the station are reviewed with ward Members.",
            [
                Action(
                    "The review has not yet started; it awaits the new parking enforcement contract.",
                    "Owen Petrakis",
                    "December 2023",
                    "Not started",
                )
            ],
        ),
        Rec(
            "4",
            "Blue Badge bays in the town centre are increased and their use is monitored.",
            [
                Action(
                    "Six additional bays have been marked out. Monitoring of their use has begun.",
                    "Grace Idowu",
                    "June 2024",
                    "In progress",
                )
            ],
        ),
        Rec(
            "5",
            "Signage to the car parks from the ring road is improved.",
            [
                Action(
                    "New direction signs have been designed and ordered.", "Tomasz Wilk", "October 2023", "In progress"
                )
            ],
        ),
        Rec(
            "6",
            SHARED,
            [Action("This report is the first progress report.", "Grace Idowu", "October 2023", "In progress")],
        ),
    ]
    return _paper(
        "parking-review-2023-04.docx",
        PLACE,
        "2023-04-18",
        "Tuesday, 18 April 2023",
        "Town Centre Parking Scrutiny Review – Progress on Recommendations",
        "Report of Grace Idowu, Head of Parking Services",
        "2. To update the Committee on the recommendations of its review of town centre parking.",
        "Appendix 1: Parking Review Action Plan",
        Tracking(cols, recs),
        _same("123456", "parking"),
    )


def parking_2():
    cols = [
        ("Ref", "id"),
        ("Review Recommendation", "rec"),
        ("Update", "progress"),
        ("Responsible", "resp"),
        ("Timescale", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            "That the Council introduces a pay-on-exit system at the Riverside and Castle Street car parks",
            [
                Action(
                    "Pay-on-exit is installed at Riverside. Castle Street follows when its barriers are replaced.",
                    "Owen Petrakis",
                    "March 2024",
                    "In progress",
                )
            ],
        ),
        Rec(
            "2",
            "That parking charges are published in one place on the Council's website",
            [
                Action(
                    "Complete: the parking page was viewed 18,400 times in six months.",
                    "Grace Idowu",
                    "March 2023",
                    "Complete",
                )
            ],
        ),
        Rec(
            "3",
            "That residents' parking zones around the station are reviewed with ward members",
            [
                Action(
                    "Ward Members were consulted in August 2023 on the boundaries of the zones.",
                    "Owen Petrakis",
                    "March 2024",
                    "In progress",
                )
            ],
        ),
        Rec(
            "4",
            "That Blue Badge bays in the town centre are increased and their use is monitored",
            [Action("Use of the new bays is being surveyed each quarter.", "Grace Idowu", "June 2024", "In progress")],
        ),
        Rec(
            "5",
            "That signage to the car parks from the ring road is improved",
            [Action("The new signs were installed in July 2023.", "Tomasz Wilk", "October 2023", "Complete")],
        ),
        Rec(
            "6",
            "That the Committee receives a further progress report on these recommendations in six months",
            [Action("This is the second progress report.", "Grace Idowu", "April 2024", "In progress")],
        ),
    ]
    return _paper(
        "parking-review-2023-10.html",
        PLACE,
        "2023-10-17",
        "17 October 2023",
        "Scrutiny Review of Town Centre Parking: Six Month Update",
        "Report of Grace Idowu, Head of Parking Services",
        "2. To report progress six months after the first update on the parking review.",
        "Appendix A: Parking Review – Six Month Update",
        Tracking(cols, recs),
        _same("123456", "parking"),
    )


def parking_3():
    cols = [
        ("Recommendation", "rec"),
        ("Progress to date", "progress"),
        ("Lead", "resp"),
        ("Deadline", "time"),
        ("RAG Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            "PAY-ON-EXIT SYSTEM AT THE RIVERSIDE AND CASTLE STREET CAR PARKS",
            [Action("Both car parks now use pay-on-exit.", "Owen Petrakis", "March 2024", "Complete")],
        ),
        Rec(
            "3",
            "Review residents' parking zones around the station",
            [Action("New zone boundaries go to Cabinet in June 2024.", "Owen Petrakis", "June 2024", "In progress")],
        ),
        Rec(
            "4",
            "Blue Badge bays in the town centre increased and use monitored",
            [Action("Quarterly surveys continue.", "Grace Idowu", "June 2024", "In progress")],
        ),
        Rec(
            "6",
            "Further progress report in six months",
            [Action("A final report is proposed for October 2024.", "Grace Idowu", "October 2024", "In progress")],
        ),
    ]
    return _paper(
        "parking-review-2024-04.txt",
        PLACE,
        "2024-04-16",
        "16 April 2024",
        "Town Centre Parking Review – Twelve Month Update",
        "Report of Grace Idowu, Head of Parking Services",
        "2. To report on the recommendations of the parking review that were still open in October 2023.",
        "Outstanding recommendations",
        Tracking(cols, recs, "{}) "),
        _same("1346", "parking"),
    )


# ---------------------------------------------------------------------- decoy: Town Centre Markets
def markets_1():
    cols = [
        ("No.", "id"),
        ("Recommendation", "rec"),
        ("Progress", "progress"),
        ("Lead Officer", "resp"),
        ("Target Date", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            "The Council extends the Saturday market to the whole of Market Square.",
            [Action("Traders have been consulted on the layout.", "Nadia Farouk", "September 2023", "In progress")],
        ),
        Rec(
            "2",
            "Pitch fees for new traders are waived for their first three months.",
            [Action("Agreed by Cabinet in June 2023.", "Nadia Farouk", "June 2023", "Complete")],
        ),
        Rec(
            "3",
            "A monthly street food market is trialled in the town centre.",
            [Action("A trial is planned for the autumn.", "Liam Corrigan", "October 2023", "Not started")],
        ),
        Rec(
            "4",
            SHARED,
            [Action("This report is the first progress report.", "Nadia Farouk", "January 2024", "In progress")],
        ),
    ]
    return _paper(
        "markets-review-2023-07.docx",
        PLACE,
        "2023-07-11",
        "Tuesday, 11 July 2023",
        "Town Centre Markets Scrutiny Review – Progress on Recommendations",
        "Report of Nadia Farouk, Markets and Events Manager",
        "2. To update the Committee on the recommendations of its review of the town centre markets.",
        "Appendix 1: Markets Review Action Plan",
        Tracking(cols, recs),
        _same("1234", "markets"),
    )


def markets_2():
    cols = [
        ("Ref", "id"),
        ("Recommendation", "rec"),
        ("Update", "progress"),
        ("Responsible", "resp"),
        ("Timescale", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "3",
            "That a monthly street food market is trialled in the town centre",
            [
                Action(
                    "The first street food market was held in November 2023.",
                    "Liam Corrigan",
                    "October 2023",
                    "In progress",
                )
            ],
        ),
        Rec(
            "4",
            "That the Committee receives a further progress report on these recommendations in six months",
            [Action("This is the second progress report.", "Nadia Farouk", "July 2024", "In progress")],
        ),
    ]
    return _paper(
        "markets-review-2024-01.html",
        PLACE,
        "2024-01-16",
        "16 January 2024",
        "Town Centre Markets Review: Six Month Update",
        "Report of Nadia Farouk, Markets and Events Manager",
        "2. To report on the markets review recommendations still open in July 2023.",
        "Appendix A: Markets Review – Open Recommendations",
        Tracking(cols, recs),
        _same("34", "markets"),
    )


# ---------------------------------------------------------------------------------- Street Trees
def trees_1():
    cols = [("Recommendation", "rec"), ("Responsible Officer", "resp"), ("Timescale", "time"), ("Progress", "progress")]
    recs = [
        Rec(
            "1",
            "The Council adopts a tree strategy with a target for canopy cover in every ward.",
            [Action("A draft strategy will go out to consultation in the autumn.", "Ruth Adeyemi", "March 2024")],
        ),
        Rec(
            "2",
            "Every street tree felled is replaced with two new trees within the same ward.",
            [Action("The replacement policy was adopted in May 2023 and is now complete.", "Ruth Adeyemi", "May 2023")],
        ),
        Rec(
            "3",
            "Residents can sponsor a street tree through a simple online form.",
            [Action("Work on the online form has not started.", "Kieran Walsh", "December 2023")],
        ),
        Rec(
            "4",
            "Tree pits in new highway schemes are designed to give roots enough soil volume.",
            [Action("Highways design guidance is being revised and is under way.", "Kieran Walsh", "June 2024")],
        ),
        Rec(
            "5",
            "The Committee receives an annual report on the number of trees planted and lost.",
            [Action("The first annual report is being prepared.", "Ruth Adeyemi", "June 2024")],
        ),
    ]
    return _paper(
        "street-trees-2023-06.pdf",
        ENVIRONMENT,
        "2023-06-27",
        "27th June 2023",
        "Street Trees and Urban Canopy Scrutiny Review: Progress Report",
        "Report of Ruth Adeyemi, Head of Parks and Green Spaces",
        "2. To update the Committee on the recommendations of its review of street trees.",
        "Appendix: Progress against the Street Trees review recommendations",
        Tracking(cols, recs, "R{} "),
        _same("12345", "trees"),
    )


def trees_2():
    cols = [
        ("No.", "id"),
        ("Recommendation", "rec"),
        ("Action taken", "progress"),
        ("Owner", "resp"),
        ("By when", "time"),
        ("Status", "status"),
    ]
    recs = [
        Rec(
            "1",
            "That the Council adopts a tree strategy with a target for canopy cover in every ward",
            [
                Action(
                    "Consultation on the draft strategy closed in December 2023.",
                    "Ruth Adeyemi",
                    "March 2024",
                    "In progress",
                )
            ],
        ),
        Rec(
            "2",
            "That every street tree felled is replaced with two new trees within the same ward",
            [Action("The policy is in force.", "Ruth Adeyemi", "May 2023", "Complete")],
        ),
        Rec(
            "3",
            "That residents can sponsor a street tree through a simple online form",
            [
                Action(
                    "The form is delayed until the new website platform is live.",
                    "Kieran Walsh",
                    "June 2024",
                    "Delayed",
                )
            ],
        ),
        Rec(
            "4",
            "That tree pits in new highway schemes are designed to give roots enough soil volume",
            [Action("The revised design guidance is out for comment.", "Kieran Walsh", "June 2024", "In progress")],
        ),
        Rec(
            "5",
            "That the Committee receives an annual report on the number of trees planted and lost",
            [
                Action(
                    "The first annual report will come to the Committee in June 2024.",
                    "Ruth Adeyemi",
                    "June 2024",
                    "In progress",
                )
            ],
        ),
    ]
    return _paper(
        "street-trees-2024-01.docx",
        ENVIRONMENT,
        "2024-01-23",
        "Tuesday, 23 January 2024",
        "Urban Tree Canopy Review – Update on Recommendations",
        "Report of Ruth Adeyemi, Head of Parks and Green Spaces",
        "2. To report further progress on the recommendations of the street trees review.",
        "Appendix 1: Tree Canopy Review Action Plan",
        Tracking(cols, recs),
        _same("12345", "trees"),
    )


def trees_3():
    cols = [
        ("Review Recommendation", "rec"),
        ("Progress", "progress"),
        ("Lead Officer", "resp"),
        ("Due", "time"),
        ("Status", "status"),
    ]
    # No numbers in this table: rectrack numbers the rows by position (1-4), which no longer match the
    # numbers of the earlier reports (recommendation 2 was complete and is left out).
    recs = [
        Rec(
            "1",
            "Adopt a tree strategy with a canopy cover target for every ward",
            [
                Action(
                    "The tree strategy was adopted by Cabinet in March 2024.", "Ruth Adeyemi", "March 2024", "Complete"
                )
            ],
        ),
        Rec(
            "2",
            "Residents can sponsor a street tree through a simple online form",
            [Action("Still waiting for the new website platform.", "Kieran Walsh", "December 2024", "Delayed")],
        ),
        Rec(
            "3",
            "tree pits in new highway schemes are designed to give roots enough soil volume",
            [Action("The guidance was adopted in May 2024.", "Kieran Walsh", "June 2024", "Complete")],
        ),
        Rec(
            "4",
            "Annual report to the Committee on trees planted and lost",
            [Action("This report is the first annual report.", "Ruth Adeyemi", "June 2024", "Complete")],
        ),
    ]
    return _paper(
        "street-trees-2024-07.html",
        ENVIRONMENT,
        "2024-07-09",
        "9 July 2024",
        "Street Trees Review: Twelve Month Progress Report",
        "Report of Ruth Adeyemi, Head of Parks and Green Spaces",
        "2. To report on the street trees review recommendations that were open in January 2024.",
        "Appendix 2: Street Trees Review – Open Recommendations",
        Tracking(cols, recs),
        {"1": "trees:1", "2": "trees:3", "3": "trees:4", "4": "trees:5"},
    )


def papers():
    return [parking_1(), parking_2(), parking_3(), markets_1(), markets_2(), trees_1(), trees_2(), trees_3()]
