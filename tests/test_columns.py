"""Column roles: the header vocabulary on its own (a grid of labels) and with the cells (joint assignment)."""

from __future__ import annotations

import pytest

from extract.columns import assign, content_scores, profile
from extract.headers import find_header
from extract.model import Cell, Row, Table
from extract.vocab import best_role, label_scores, phrases

GRID = {
    "rec_id": [
        "No.",
        "No",
        "Nos",
        "Number",
        "Ref",
        "Ref.",
        "Ref No",
        "Reference",
        "Rec No.",
        "Rec. No",
        "Rec Ref",
        "Recommendation No.",
        "Recommendation number",
        "Recommendati on No.",
        "Recommendation Ref",
        "Item No",
        "Para",
        "Paragraph No.",
        "ID",
        "#",
        "Recommendation reference",
    ],
    "recommendation": [
        "Recommendation",
        "Recommendations",
        "Recommendation made",
        "Scrutiny Recommendation",
        "Review Recommendation",
        "Review recommendations",
        "Recommendation of the review",
        "Recommendations of the Panel",
        "Rec",
        "Recs",
        "Finding",
        "Findings",
        "Key finding",
        "Scrutiny finding",
        "Issue",
        "Issue identified",
        "Area for improvement",
        "Areas for Improvement",
        "Recommended action",
        "Suggested action",
        "What we recommend",
        "We recommend",
        "RECOMMENDATION",
        "Recommendati on",
        "Recommendation text",
        "Task group recommendation",
        "Audit recommendation",
        "Recommendation[1]",
        "Recommendation*",
    ],
    "progress": [
        "Progress",
        "Progress Update",
        "Update",
        "Progress to date",
        "Progress made",
        "Latest update",
        "Update (as at 31/03/2024)",
        "Progress update March 2024",
        "Progress report of action taken to implement recommendation",
        "Action taken",
        "Actions taken",
        "Action Taken / Progress",
        "Action taken or planned to date",
        "Comments",
        "Commentary",
        "Response",
        "Cabinet response",
        "Management response",
        "Government response",
        "Executive Response",
        "Cabinet response and action to be taken",
        "Position statement",
        "Current position",
        "Actions to date",
        "Agreed action",
        "Agreed actions",
        "Planned actions",
        "Proposed action",
        "Management action",
        "Further action",
        "Outcome",
        "Evidence",
        "Notes",
        "Narrative",
        "Work undertaken",
        "What has been done",
        "Update[ii]",
        "PROGRESS UPDATE",
        "Progress Update*",
        "Proposed response",
        "Progress (June 2025)",
        "Update at 30 September 2023",
    ],
    "responsible": [
        "Responsible",
        "Responsibility",
        "Responsible Officer",
        "Officer",
        "Lead Officer",
        "Lead",
        "Lead Member",
        "Lead Member / Officer",
        "Lead Member or Lead Officer",
        "Lead directorate",
        "Lead service",
        "Owner",
        "Action owner",
        "Who",
        "By whom",
        "Action by",
        "Assigned to",
        "Allocated to",
        "Recommendation made to:",
        "Accountable officer",
        "Accountability",
        "Recommendati on made to:",
        "Responsi ble Officer",
        "Portfolio holder",
        "Contact officer",
        "Service area",
        "Directorate",
        "Resib'ty",
        "Responsi-ble Officer",
        "Lead Officer[v]",
        "Delivery lead",
        "Chief Officer",
        "Head of Service",
        "Responsible Manager",
        "Responsible team",
        "Officer responsible",
        "WHO",
        "Lead(s)",
        "Owners",
    ],
    "timescale": [
        "Timescale",
        "Timescales",
        "Time scale",
        "Timeframe",
        "Time frame",
        "Timetable",
        "Timeline",
        "Timing",
        "Target",
        "Target date",
        "Deadline",
        "When",
        "By when",
        "Due",
        "Due date",
        "Date due",
        "Completion date",
        "Date for completion",
        "Expected completion",
        "Target completion",
        "Delivery date",
        "Implementation date",
        "Date of implementation",
        "Milestone",
        "Milestones",
        "Target date for implementation",
        "Timescale for implementation",
        "End date",
        "Completion Date",
        "Target Date[iii]",
        "Timetable[iv]",
        "WHEN",
        "Target date (revised)",
        "Expecte d comple tion",
    ],
    "status": [
        "Status",
        "Progress Status",
        "Current status",
        "RAG",
        "BRAG",
        "RAG status",
        "RAG rating",
        "Rating",
        "Progress rating",
        "Complete?",
        "Completed",
        "Achieved?",
        "Implemented?",
        "% complete",
        "Red/Amber/Green",
    ],
    "accepted": [
        "Accepted",
        "Accepted?",
        "Accepted (Yes/No/Partially)",
        "Accepted or rejected",
        "Accepted / Rejected",
        "Accept?",
        "Agreed by Cabinet",
        "Cabinet decision",
        "Decision",
        "Response accepted",
    ],
    None: [
        "Meeting Date",
        "Date of meeting",
        "Select Committee",
        "Committee",
        "Resource implications",
        "Resources",
        "Cost",
        "Budget",
        "Variance",
        "Forecast outturn",
        "Agenda item",
        "Purpose",
        "Risk",
        "Likelihood",
        "Impact",
        "Mitigation",
        "Theme",
        "Term",
        "Meaning",
        "Member",
        "Meetings held",
        "Meetings attended",
        "Substitutes",
        "Decision maker",
        "KPI",
        "Indicator",
        "Baseline",
        "Page",
        "",
        "Date raised",
    ],
}


def _cases():
    for role, labels in GRID.items():
        for label in labels:
            yield pytest.param(label, role, id=f"{role}:{label}")


def test_grid_is_large():
    assert sum(len(v) for v in GRID.values()) >= 150


@pytest.mark.parametrize(("label", "role"), list(_cases()))
def test_label_grid(label, role):
    assert best_role(label) == role


def test_vocabulary_is_data_with_known_roles():
    table = phrases()
    assert len(table) > 100
    assert {p.role for p in table} == {
        "rec_id",
        "recommendation",
        "progress",
        "responsible",
        "timescale",
        "status",
        "accepted",
        "other",
    }
    assert all(0 < p.weight <= 1 for p in table)


def test_longer_phrase_wins_and_qualifiers_count_half():
    assert label_scores("Meeting Date") == {"other": 1.0}
    assert "recommendation" not in label_scores("Recommendation made to")
    scores = label_scores("Progress report of action taken to implement recommendation")
    assert scores["progress"] > scores["recommendation"]


def test_a_label_that_ends_in_by_asks_who_or_when_and_the_cells_tell_which():
    for label in ("Complete by", "Implemented by", "Deliver by"):
        scores = label_scores(label)
        assert scores["timescale"] == scores["responsible"] == 0.5, label
        assert max((v for r, v in scores.items() if r not in ("timescale", "responsible")), default=0) < 0.5, label
    assert best_role("Action by") == "responsible"
    assert best_role("By when") == "timescale"
    dates, names = profile(["Q2 2026/27", "March 2027", "Complete"]), profile(["Ann Lee", "Head of Parks", "Jo Tan"])
    assert assign(("Recommendation", "Complete by"), (profile(PROSE[:3]), dates))["timescale"] == 1
    assert assign(("Recommendation", "Complete by"), (profile(PROSE[:3]), names))["responsible"] == 1


# ------------------------------------------------------------------ cells and the joint assignment


def _table(header, *rows):
    def row(texts, is_header=False):
        return Row(cells=tuple(Cell(text=t) for t in texts), is_header=is_header)

    return Table(rows=(row(header, True), *(row(r) for r in rows)), order=0)


def _row(*texts: str) -> Row:
    return Row(cells=tuple(Cell(text=t) for t in texts))


PROSE = [
    "The council should set up a working group to review how grants are awarded to community groups.",
    "That the cabinet be asked to publish the annual report on housing repairs within three months.",
    "The panel recommends that libraries extend opening hours in the summer holidays for families.",
]
DONE = [
    "A working group met in March and its terms of reference were agreed by members in April.",
    "The report was published on the website and circulated to all ward members in May.",
    "Opening hours were extended at four libraries and the trial will be reviewed in the autumn.",
]


def test_unlabelled_columns_get_roles_from_their_cells():
    table = _table(
        ("", "Recommendation", "Update", "", ""),
        *[
            (str(i + 1), PROSE[i], DONE[i], owner, when)
            for i, (owner, when) in enumerate(
                [("Head of Housing", "March 2026"), ("Jo Bloggs", "Q2 2026/27"), ("Libraries Manager", "Ongoing")]
            )
        ],
    )
    header = find_header(table)
    assert header is not None
    assert header.columns == {"rec_id": 0, "recommendation": 1, "progress": 2, "responsible": 3, "timescale": 4}


def test_a_meeting_date_column_is_kept_as_extra_not_read_as_the_timescale():
    table = _table(
        ("No.", "Select Committee", "Meeting Date", "Recommendation made", "Recommendation made to:", "Action taken"),
        *[
            (f"A{i}", "Housing Panel", "4 March 2024", PROSE[i], "The Portfolio Holder for Housing", DONE[i])
            for i in range(3)
        ],
    )
    header = find_header(table)
    assert header is not None
    assert header.col("responsible") == 4
    assert header.col("recommendation") == 3
    assert header.col("timescale") is None
    assert [label for _, label in header.extra] == ["Select Committee", "Meeting Date"]


def test_of_two_owner_columns_the_named_officer_is_responsible():
    table = _table(
        ("Recommendation", "Chief Officer/ Cabinet", "Progress", "Timescale", "Lead Officer"),
        *[(PROSE[i], "", DONE[i], "June 2026", name) for i, name in enumerate(["Sam Smith", "Ann Other", "Kim Lee"])],
    )
    header = find_header(table)
    assert header is not None
    assert header.col("responsible") == 4


def test_the_first_prose_column_after_the_recommendation_is_progress():
    table = _table(
        ("No.", "Action", "Proposal", "Who", "When", "Scrutiny comments"),
        *[
            (
                str(i + 1),
                PROSE[i],
                DONE[i],
                "Democratic Services",
                "May 2026",
                "Members supported the proposal and asked for a report back.",
            )
            for i in range(3)
        ],
    )
    header = find_header(table)
    assert header is not None
    assert header.col("recommendation") == 1
    assert header.col("progress") == 2
    assert header.notes  # the recommendation column's label was only suggestive


def test_a_header_split_over_two_rows_is_joined():
    table = Table(
        rows=(
            Row(cells=tuple(Cell(text=t) for t in ("Recommendation", "Progress", "Completion", "Responsible"))),
            Row(cells=tuple(Cell(text=t) for t in ("", "", "Date", "Officer"))),
            *(Row(cells=tuple(Cell(text=t) for t in (PROSE[i], DONE[i], "July 2026", "Jo Bloggs"))) for i in range(3)),
        ),
        order=0,
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 1
    assert header.columns == {"recommendation": 0, "progress": 1, "timescale": 2, "responsible": 3}


def test_a_header_with_a_date_in_it_is_still_a_header():
    table = _table(
        ("Recommendation", "Progress update March 2024", "Lead"), *[(PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    )
    header = find_header(table)
    assert header is not None
    assert header.col("progress") == 1


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (
            ("Service", "Revised budget £000", "Forecast outturn £000", "Variance £000"),
            ("Housing", "1,200", "1,150", "-50"),
        ),
        (("Risk", "Likelihood", "Impact", "Mitigation", "Owner"), ("Data loss", "3", "4", "Backups tested", "CIO")),
        (
            ("Action", "Lead", "Deadline", "Progress"),
            ("Develop a new parking strategy", "Head of Transport", "March 2026", "Draft prepared."),
        ),
        (("Indicator", "Baseline", "Target", "Actual"), ("Missed bins per 100k", "55", "40", "38")),
        (("Theme", "Item", "Lead Officer", "Meeting date"), ("Economy", "Skills plan", "Jo Bloggs", "6 May 2025")),
    ],
)
def test_tables_that_do_not_track_recommendations_have_no_header(header, row):
    assert find_header(_table(header, row, row, row)) is None


def test_assign_is_one_column_per_role():
    labels = ["Recommendation", "Target date", "Due date", "Progress"]
    profiles = [
        profile(PROSE),
        profile(["March 2026"] * 3),
        profile(["April 2026", "May 2026", "June 2026"]),
        profile(DONE),
    ]
    roles = assign(labels, profiles)
    assert list(roles.values()).count(1) + list(roles.values()).count(2) == 1
    assert roles["recommendation"] == 0
    assert roles["progress"] == 3


def test_a_label_cut_mid_word_over_two_rows_is_joined_but_a_continuation_row_is_not():
    head = _row("Recommendation", "Progress Update", "Expected comple", "Progress statu")
    rows = (_row(PROSE[i], DONE[i], "July 2026", "Complete") for i in range(3))
    table = Table(rows=(head, _row("", "", "tion", "s"), *rows), order=0)
    header = find_header(table)
    assert header is not None
    assert header.row == 1
    assert header.col("timescale") == 2
    assert header.col("status") == 3
    # a page's first row carrying on a cut cell ("address.") under a complete label stays a data row
    table = Table(
        rows=(head, _row("", "address.", ""), *(_row(PROSE[i], DONE[i], "July 2026") for i in range(3))), order=0
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 0


def test_a_recommendations_table_without_other_roles_is_reported_not_read():
    from extract.model import Document
    from extract.pipeline import extract_document

    table = _table(("Recommendation", "Accepted?"), (PROSE[0], "Accepted"), (PROSE[1], "Not accepted"))
    notes: list[str] = []
    rows, count = extract_document(Document(path="paper.docx", format="docx", tables=[table]), notes=notes)
    assert rows == []
    assert count == 0
    assert len(notes) == 1
    assert "'Recommendation | Accepted?'" in notes[0]
    assert "skipped" in notes[0]


def test_a_table_without_a_header_is_read_from_its_cells_when_they_say_what_they_are():
    numbered = _table(*[(f"Recommendation {i + 1}: {PROSE[i]}", DONE[i]) for i in range(3)])
    header = find_header(numbered)
    assert header is not None
    assert header.row == -1
    assert header.columns == {"recommendation": 0, "progress": 1}
    assert header.notes
    plain = _table(*[(PROSE[i].split(" that ")[0][:30], DONE[i]) for i in range(3)])
    assert find_header(plain) is None


def test_a_header_whose_labels_wrap_a_word_into_a_second_row_is_joined():
    rows = (_row(PROSE[i], DONE[i], "Jo Bloggs", "£10,000") for i in range(3))
    table = Table(
        rows=(_row("Recommendation", "Progress", "Assigned", "Cost"), _row("", "", "to", "implications"), *rows),
        order=0,
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 1
    assert header.col("responsible") == 2


def test_a_column_of_numbers_is_never_the_recommendation_whatever_its_label():
    """ "Rec" over "R1", "R2": the numbers; the recommendation is the prose column, even labelled weakly and
    placed after the progress column, and with action rows that leave the number cell empty."""
    rows = []
    for i in range(3):
        rows.append((f"R{i + 1}", DONE[i], PROSE[i], "March 2026", "Head of Housing"))
        rows.append(("", DONE[(i + 1) % 3], "", "June 2026", "Head of Housing"))
    header = find_header(_table(("Rec", "Action taken", "Issue", "Deadline", "Accountable manager"), *rows))
    assert header is not None
    assert header.col("recommendation") == 2
    assert header.col("progress") == 1


def test_labels_the_vocabulary_does_not_know_give_way_to_the_cells():
    # neither "What the panel asked for" nor "Where things stand" is in the vocabulary
    table = _table(
        ("What the panel asked for", "Where things stand", "Officer", "By when"),
        *[(PROSE[i], DONE[i], "Jo Bloggs", "June 2026") for i in range(3)],
    )
    header = find_header(table)
    assert header is not None
    assert header.columns == {"recommendation": 0, "progress": 1, "responsible": 2, "timescale": 3}
    assert header.notes  # read from the cells: worth a check


def test_a_weak_label_of_another_role_gives_way_to_recommendation_cells():
    # "outcome" suggests progress, but the cells are recommendations and the progress column is labelled
    table = _table(("Review outcome", "Progress", "Lead"), *[(PROSE[i], DONE[i], "Head of Parks") for i in range(3)])
    header = find_header(table)
    assert header is not None
    assert (header.col("recommendation"), header.col("progress")) == (0, 1)


def test_unknown_labels_over_cells_that_are_not_recommendations_are_no_tracking_table():
    table = _table(
        ("Site", "What is proposed", "Officer", "Decided"),
        *[
            ("Land at Mill Lane", "Erection of a two-storey rear extension and garage.", "Jo Bloggs", "4 May 2025"),
            ("12 High Street", "Change of use from shop to cafe with seating outside.", "Ann Lee", "9 May 2025"),
            ("Old Depot", "Demolition of a barn and erection of four dwellings.", "Kim Tan", "11 May 2025"),
        ],
    )
    assert find_header(table) is None


def test_a_recommendation_label_over_verdicts_is_no_tracking_table():
    # a planning committee's list: the officer's recommendation is a verdict, not a recommendation
    table = _table(
        ("Ref", "Description of development", "Case officer", "Recommendation", "Decision"),
        ("24/0101/FUL", "Two-storey rear extension to a dwelling.", "Jo Bloggs", "Approve", "Approved"),
        ("24/0102/HOU", "Change of use from a shop to a cafe.", "Ann Lee", "Refuse", "Refused"),
        (
            "24/0103/OUT",
            "Four dwellings on land at the old depot.",
            "Kim Tan",
            "Approve subject to conditions",
            "Deferred",
        ),
    )
    assert find_header(table) is None


def test_resolutions_beside_a_column_that_reports_are_the_recommendations():
    # no label says "recommendation" and few cells say "should", but they ask where the next column reports
    table = _table(
        ("Review outcome", "Progress at May 2025", "Officer", "Due"),
        (
            "The Committee receives a report on library opening hours and their cost in June 2025.",
            "A report was drafted and has been sent to members of the Committee for comment.",
            "Head of Libraries",
            "June 2025",
        ),
        (
            "Officers lobby the Government for further funding to keep rural libraries open longer.",
            "Letters were sent to the Minister and a reply has been received in April.",
            "Chief Executive",
            "April 2025",
        ),
        (
            "The Council should publish library visitor numbers every quarter on its website.",
            "Figures for the first two quarters have been published on the website.",
            "Head of Libraries",
            "Quarterly",
        ),
    )
    header = find_header(table)
    assert header is not None
    assert (header.col("recommendation"), header.col("progress")) == (0, 1)


def test_the_column_that_reports_nothing_beside_one_that_reports_is_the_recommendation():
    # both labels lean to progress ("outcome", "update"), and one cell in three says "should": the tenses
    # tell the columns apart, the sparse one (a cell per recommendation, action rows below) included
    rows = [
        ("1", "Officers draw up a plan for the repair of school roofs across the county.", "A survey was done."),
        ("", "", "The first six roofs have been repaired and the rest are being priced."),
        ("2", "The Council should publish the number of roofs repaired each quarter on its website.", "Not yet."),
        ("", "", "A page was set up on the website in May and figures were added in June."),
        ("3", "The panel receives a report on the cost of the repairs in the spring.", "It was delayed."),
        ("", "", "The report has been written and was sent to the panel in March."),
    ]
    table = _table(
        ("No.", "Review outcome", "Latest update", "Lead"), *[(*r, "Head of Property" if r[0] else "") for r in rows]
    )
    header = find_header(table)
    assert header is not None
    assert (header.col("recommendation"), header.col("progress")) == (1, 2)


def test_the_column_of_people_and_posts_is_the_owner_beside_a_column_of_units():
    # both labels name owners about as weakly; the cells tell the officer's column from the directorate's
    units = ("Resources", "Adults and Health", "Place", "Children and Families")
    people = ("Head of Finance", "Jo Bloggs (Care Manager)", "Director of Place", "Ann Lee")
    table = _table(
        ("Recommendation", "Directorate", "Progress", "Contact"),
        *[(PROSE[i % 3], units[i], DONE[i % 3], people[i]) for i in range(4)],
    )
    header = find_header(table)
    assert header is not None
    assert header.col("responsible") == 3
    assert (1, "Directorate") in header.extra
    by_cells = content_scores(profile(people))["responsible"] - content_scores(profile(units))["responsible"]
    assert by_cells >= 0.2


def test_long_label_ends_in_lower_case_under_the_labels_are_the_header_second_row():
    # "Date" alone would be the timescale; "Date agreed" is not, and "Target" is
    table = _table(
        ("Ref", "Recommendation", "Progress", "Lead", "Target", "Date"),
        ("", "of the Task and Finish Group", "", "", "", "agreed"),
        *[(str(i + 1), PROSE[i], DONE[i], "Head of Parks", f"March 202{7 + i}", f"{4 + i} May 2024") for i in range(3)],
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 1
    assert header.col("timescale") == 4
    assert header.labels[1] == "Recommendation\nof the Task and Finish Group"


def test_text_carried_on_in_lower_case_under_a_repeated_header_is_not_its_second_row():
    table = _table(
        ("Ref", "Recommendation", "Progress", "Lead", "Target"),
        ("", "required\n• how success will be measured", "", "", ""),
        *[(str(i + 1), PROSE[i], DONE[i], "Head of Parks", f"March 202{7 + i}") for i in range(3)],
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 0


def test_a_second_header_row_may_qualify_a_label_in_brackets():
    table = _table(
        ("Agreed", "Lead", "Update", "What"),
        ("deadline", "", "(as at 04/01/2025)", "we recommended"),
        *[(f"March 202{7 + i}", "Head of Parks", DONE[i], PROSE[i]) for i in range(3)],
    )
    header = find_header(table)
    assert header is not None
    assert header.row == 1
    assert (header.col("timescale"), header.col("progress"), header.col("recommendation")) == (0, 2, 3)


def test_a_column_of_prose_is_no_status_column_whatever_its_label():
    # "Status update" reads as a status label first, but its cells report what was done, left of the
    # recommendation; the short "Evidence" column after it is no progress column for standing there
    rows = [("R" + str(i + 1), DONE[i], PROSE[i], "Jo Bloggs", "Cabinet minutes") for i in range(3)]
    header = find_header(_table(("Ref", "Status update", "Recommendation", "Lead officer", "Evidence"), *rows))
    assert header is not None
    assert header.col("progress") == 1
    assert header.col("recommendation") == 2
    assert header.col("status") is None


def _split_header(top: tuple[str, ...], second: tuple[str, ...], rows: list[tuple[str, ...]]):
    """The header found over ``rows``, asserted to be ``top`` and ``second`` joined."""
    header = find_header(_table(top, second, *rows))
    assert header is not None
    assert header.row == 1
    return header


def test_a_column_of_a_word_or_two_a_cell_reports_no_progress_whatever_its_label():
    # "Evidence" (a progress word) over "Performance data", "Training records": beside prose that reports what
    # was done under a label no vocabulary knows, the prose is the progress
    evidence = ["Performance data", "Training records", "Cabinet report"]
    rows = [(str(i + 1), "Jo Bloggs", evidence[i], DONE[i], "June 2026", PROSE[i]) for i in range(3)]
    header = find_header(_table(("Ref", "Officer", "Evidence", "What has happened", "Target", "Asked for"), *rows))
    assert header is not None
    assert (header.col("progress"), header.col("recommendation")) == (3, 5)


def test_theme_rows_across_the_table_are_left_out_of_the_columns_content():
    # "Paragraph" is a weak number label; the theme headings across the table in its column are no cells of it
    theme = Row(cells=(Cell(text="Section A \u2013 Parks and open spaces"),) + (Cell(text="", merged=True),) * 3)
    rows = [_row(str(i + 1), PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    table = Table(
        rows=(_row("Paragraph", "Recommendation", "Progress", "Lead"), theme, rows[0], theme, *rows[1:]), order=0
    )
    header = find_header(table)
    assert header is not None
    assert header.col("rec_id") == 0


def test_a_second_header_row_under_labels_spanning_two_rows_is_joined():
    # "Original" / "target date", the other labels spanning both header rows (their cells below covered)
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "June 2026") for i in range(3)]
    covered = Row(cells=(*(Cell(text="", merged=True),) * 3, Cell(text="target date")))
    table = Table(
        rows=(
            _row("Recommendation", "Comments", "Responsible officer", "Original"),
            covered,
            *(_row(*r) for r in rows),
        ),
        order=0,
    )
    header = find_header(table)
    assert header is not None
    assert header.labels[3] == "Original\ntarget date"


def test_a_second_header_row_of_label_ends_opening_with_a_function_word_is_joined():
    # "Responsible" / "body" and "Response" / "of the Cabinet": no piece changes what its label names, but
    # "of the Cabinet" cannot start a label or a value, so the row below goes on from the labels above
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "June 2026") for i in range(3)]
    header = _split_header(
        ("Recommendation", "Response", "Responsible", "Timescale"), ("", "of the Cabinet", "body", ""), rows
    )
    assert header.labels[1:3] == ("Response\nof the Cabinet", "Responsible\nbody")
    # a label word beside them ("Lead Cabinet" / "Member") goes on too, and so does "at" with a date
    rows = [(DONE[i], "Jo Bloggs", "June 2026", PROSE[i]) for i in range(3)]
    header = _split_header(
        ("Progress", "Lead Cabinet", "Target", "Proposal"), ("at April 2026", "Member", "", "from the review"), rows
    )
    assert header.labels[1] == "Lead Cabinet\nMember"
    assert (header.col("progress"), header.col("recommendation")) == (0, 3)
    # beside a piece that goes on, a few lower-case words go on too ("What" / "has happened")
    rows = [(f"{i + 1}.", PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    header = _split_header(("Ref", "Proposal", "What", "Officer"), ("", "from the review", "has happened", ""), rows)
    assert header.labels[1:3] == ("Proposal\nfrom the review", "What\nhas happened")
    # the end of a cell the page break cut, under a header printed again, is no label's end
    rows = [(f"{i + 1}.", PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    header = find_header(
        _table(("Ref", "Proposal", "Work undertaken", "Officer"), ("", "", "in November 2026.", ""), *rows)
    )
    assert header is not None
    assert header.row == 0
    # a date with its own "at" under a label that ends whole ("Position" / "at 03/02/2023")
    rows = [(f"Rec {i + 1}", PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    header = _split_header(
        ("Ref", "The Panel", "Position", "Contact"), ("No", "recommended", "at 03/02/2023", ""), rows
    )
    assert header.labels[2] == "Position\nat 03/02/2023"


def test_a_second_header_row_ending_a_label_with_a_year_is_joined():
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "Green") for i in range(3)]
    header = _split_header(
        ("Recommendation", "Update from", "Lead officer", "RAG (March"), ("", "service", "", "2026)"), rows
    )
    assert header.labels[1].split() == ["Update", "from", "service"]
    assert header.col("status") == 3


def test_a_second_header_row_ending_labels_with_a_date_is_joined():
    rows = [(PROSE[i], DONE[i], "Jo Bloggs") for i in range(3)]
    header = _split_header(("Proposal from the", "Position at", "Lead officer"), ("review", "21/01/2026", ""), rows)
    assert header.labels[1].split() == ["Position", "at", "21/01/2026"]


def test_a_second_table_ruled_as_one_with_the_first_is_not_profiled_with_it():
    # planning appeals: the officer's recommendation is a verdict; the rows after the title "Appeals decided"
    # and its own labels belong to another table and must not dilute the verdicts into prose
    verdicts = [
        _row(f"{n} Mill Lane, outline application for nine homes with a new access", v, "Allowed", "12/03/2026")
        for n, v in enumerate(["Grant", "Refuse"] * 2)
    ]
    later = [
        _row(f"{n} High Street, a rear extension of two storeys", "Written representations", "", "2026")
        for n in range(6)
    ]
    table = Table(
        rows=(
            _row("Address", "Recommendation", "Inspector's decision", "Date"),
            *verdicts,
            _row("Appeals decided", "", "", ""),
            _row("Site", "Appeal type", "Decision", "Date"),
            *later,
        ),
        order=0,
    )
    assert find_header(table) is None


def test_a_column_of_councillors_gives_way_to_the_officers_beside_it_whatever_their_labels():
    members = ["Cllr Ann Ward", "Cllr Bob Cole", "Cllr Kim Nair"]
    officers = ["Jo Lee", "Sam Smith (Head of Legal and Democratic Services)", ""]
    rows = [(PROSE[i], members[i], DONE[i], officers[i], "June 2026") for i in range(3)]
    header = find_header(_table(("Recommendation", "Portfolio Holder", "Progress", "Contact", "Due"), *rows))
    assert header is not None
    assert header.col("responsible") == 3
    alone = find_header(
        _table(("Recommendation", "Portfolio Holder", "Progress", "Due"), *[r[:3] + r[4:] for r in rows])
    )
    assert alone is not None
    assert alone.col("responsible") == 1  # the only owners there are


def test_a_row_with_a_date_cut_by_a_narrow_column_is_no_header():
    from extract.headers import header_like

    assert not header_like(("Rec", "19/05/2", "Training on", "A lead officer has been", "Director"))
    assert not header_like(("This recommendation has", "Accept", "2024/25", "Public", "The Director of"))
    assert header_like(("Rec", "Position at 19/05/2026", "Recommendation", "Lead officer"))


def test_a_second_header_row_with_capitalised_label_ends_is_joined():
    rows = [(f"{i + 1}.", DONE[i], "Cllr Ann Ward", PROSE[i]) for i in range(3)]
    header = _split_header(
        ("Para", "Position", "Lead", "Scrutiny"), ("", "at 01/04/2026", "Cabinet Member", "Panel Recommendation"), rows
    )
    assert header.col("recommendation") == 3
    assert header.labels[3].split() == ["Scrutiny", "Panel", "Recommendation"]


def test_rows_of_a_work_programme_are_never_read_as_a_header_further_down():
    items = [
        ("November 2024", "Corporate Plan refresh", "Head of Planning", "Scrutiny"),
        ("January 2025", "Call-in: library opening hours", "Head of Communities", "Scrutiny"),
        ("March 2025", "Transport Strategy consultation", "Sarah Ahmed", "Scrutiny"),
        ("August 2024", "Quarter 2 Performance Report", "Public Health Team", "Pre-decision"),
        ("November 2024", "Review of recommendations: Flooding Task Group", "Imran Doyle", "Monitoring"),
    ]
    assert find_header(_table(("Meeting date", "Item", "Lead officer", "Purpose"), *items)) is None


def test_a_second_header_row_of_a_capitalised_label_end_and_a_year_is_joined():
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "Green") for i in range(3)]
    header = _split_header(("Recommendation", "Update", "Portfolio", "RAG (March"), ("", "", "Lead", "2026)"), rows)
    assert header.col("responsible") == 2


def test_a_label_that_stops_where_no_label_ends_goes_on_in_the_row_below():
    # "Recommendation of the" cannot end a label: the capitalised piece below is the rest of it, even though
    # "Task and Finish Group" makes no label better known
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "June 2026") for i in range(3)]
    header = _split_header(
        ("Recommendation of the", "What", "Accountable officer", "Progress"),
        ("Task and Finish Group", "has happened", "", "rating"),
        rows,
    )
    assert header.labels[0].split() == ["Recommendation", "of", "the", "Task", "and", "Finish", "Group"]
    assert header.col("progress") == 1


def test_a_cell_holding_the_end_of_one_sentence_and_the_start_of_another_is_no_label():
    from extract.headers import header_like

    assert not header_like(("wider service review. Public Health has", "and report the findings to"))
    assert header_like(("Rec. No.", "Recommendation", "Progress", "Lead officer"))


def test_numbered_recommendations_after_the_progress_are_the_recommendation_whatever_the_usual_order():
    # "Review outcome" names nothing surely; its cells ask for things, numbered, each over several action
    # rows (empty below it), while the column before it mostly reports what was done: the cells decide
    plans = [
        "A report setting out the options will be presented to the cabinet in the autumn of next year.",
        "This will be taken forward as part of the wider review of the service over the coming months.",
    ]
    rows = []
    for i in range(3):
        rows.append(("2025/26", DONE[i], f"({i + 1}) {PROSE[i]}", "Ann Lee"))
        rows.append(("Ongoing", plans[i % 2], "", "Jo Tan"))
        rows.append(("May 2026", plans[(i + 1) % 2], "", "Sam Hill"))
    header = find_header(_table(("Planned completion", "What has happened", "Review outcome", "Officer"), *rows))
    assert header is not None
    assert (header.col("progress"), header.col("recommendation")) == (1, 2)


def test_a_label_left_open_goes_on_to_a_date_in_the_row_below():
    # "Position at" / "01/11/2025" and "Recommendation to" / "Executive": each label above stops where none
    # ends, so the row below, a date included, finishes them
    rows = [(PROSE[i], DONE[i], "Jo Bloggs", "June 2026") for i in range(3)]
    header = _split_header(
        ("Recommendation to", "Position at", "Directorate lead", "Timeline"), ("Executive", "01/11/2025", "", ""), rows
    )
    assert header.labels[:2] == ("Recommendation to\nExecutive", "Position at\n01/11/2025")
    assert (header.col("recommendation"), header.col("progress")) == (0, 1)
    # "at" may stand below with the date ("Position" / "at 01/11/2025")
    header = _split_header(
        ("Recommendation to", "Position", "Directorate lead", "Timeline"), ("Executive", "at 01/11/2025", "", ""), rows
    )
    assert header.labels[1] == "Position\nat 01/11/2025"


def test_a_column_that_asks_after_one_that_reports_is_the_recommendation_even_next_to_it():
    # "What has happened" reports (and mentions a recommendation); "Review outcome" after it asks or states
    # outcomes: the lean of the first prose column after the recommendation to the progress gives way
    reports = [
        "This recommendation has been fully implemented and it is proposed that it is closed.",
        "Partners have agreed a shared protocol, which will be reviewed in May.",
        "This recommendation has been fully implemented and it is proposed that it is closed.",
        "Performance data is now published quarterly on the website.",
    ]
    asks = [
        "Partners should review their approach to fly-tipping and report the findings.",
        "Training on fly-tipping is made mandatory for all frontline staff and members.",
        "The Committee receives a progress report on fly-tipping in March 2024.",
        "Officers should work with partners to improve the information for residents.",
    ]
    rows = [("Ann Lee", "2025/26", reports[i], asks[i], "Amber") for i in range(4)]
    labels = ("Contact", "Planned completion", "What has happened", "Review outcome", "Status / RAG")
    header = find_header(_table(labels, *rows))
    assert header is not None
    assert (header.col("progress"), header.col("recommendation")) == (2, 3)
