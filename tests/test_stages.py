"""Unit tests for each stage, on hand-built document models."""

from __future__ import annotations

import pytest

from extract.headers import classify_label, find_header
from extract.metadata import extract_metadata, parse_meeting_date
from extract.model import Cell, Document, Paragraph, Row, Table
from extract.rows import id_from_cell, recommendations, split_rec_id
from extract.stitch import tracking_tables
from extract.text import heading_like, join_distinct, label_date, split_inline_bullets, tidy_text


def row(*texts: str, page: int | None = None, overflows: tuple[int, ...] = ()) -> Row:
    return Row(cells=tuple(Cell(text=t, page=page, overflows=i in overflows) for i, t in enumerate(texts)), page=page)


HEAD = row(
    "Review Recommendation", "Progress Report of Action taken to implement recommendation", "Resib'ty", "Timescale"
)


# -- text ---------------------------------------------------------------------------------------------


def test_tidy_text_canonical_bullets_and_spaces():
    assert tidy_text("  one   two \n\n\u25cf  three\n\uf0b7four") == "one two\n• three\n• four"


def test_split_inline_bullets():
    assert split_inline_bullets("through: • an awareness session • training") == [
        "through:",
        "• an awareness session",
        "• training",
    ]


def test_a_name_that_starts_like_a_month_is_no_date():
    from extract.columns import profile

    assert profile(["Helen Marsh", "Martin Hale", "Jo Decker", "The Mayor"]).dates == 0.0
    assert profile(["Sept 2025", "end of Dec", "March 2026", "Q3 2025/26"]).dates == 1.0


def test_join_distinct_keeps_order_and_drops_repeats():
    assert join_distinct(["DCI Ashton", "Paul Bradley", "dci ashton", ""]) == "DCI Ashton; Paul Bradley"


@pytest.mark.parametrize(
    ("text", "ends_label"),
    [
        ("2026)", True),
        ("February 2026", True),
        ("(as at 31/03/2026)", True),
        ("at 01/09/25", True),
        ("Sept. 2025", True),
        ("31 March 2026", False),  # a day of a month: a value, not a label's last piece
        ("2026 update", False),
        ("Status", False),
    ],
)
def test_a_date_ends_a_label_as_a_year_a_month_and_year_or_a_day_with_at_before_it(text, ends_label):
    assert label_date(text) is ends_label


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Theme 2: Prevention", True),
        ("Outstanding recommendations from earlier reviews", True),
        ("the council will consult", False),  # not capitalised: a sentence's middle
        ("Work has started.", False),
        ("Partners, schools,", False),
        ("Section B\nResources", False),
        ("One two three four five six seven eight nine ten eleven twelve thirteen", False),
    ],
)
def test_a_short_heading_is_one_capitalised_line_that_ends_no_sentence(text, heading):
    assert heading_like(text) is heading


# -- headers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Review Recommendation", "recommendation"),
        ("Scrutiny Recommendation", "recommendation"),
        ("Progress Report of Action taken to implement recommendation", "progress"),
        ("Action Taken / Progress", "progress"),
        ("Comments", "progress"),
        ("Progress Status", "status"),
        ("RAG", "status"),
        ("Resib'ty", "responsible"),
        ("Lead Officer", "responsible"),
        ("Who", "responsible"),
        ("Target Date", "timescale"),
        ("When", "timescale"),
        ("Deadline", "timescale"),
        ("Timetable[iv]", "timescale"),
        ("No.", "rec_id"),
        ("Ref", "rec_id"),
        ("Re\nc\nNo\n.", "rec_id"),
        ("Recommendati\nons", "recommendation"),
        ("Revised Budget £000", None),
        ("Meetings attended", None),
    ],
)
def test_classify_label(label, field):
    assert classify_label(label) == field


@pytest.mark.parametrize(
    "labels",
    [
        ("Service Grouping", "Revised Budget £000", "Forecast Outturn £000", "Variance £000"),
        ("Member", "Meetings held", "Meetings attended", "Substitutes"),
        ("Term", "Meaning"),
        ("Date of Meeting", "Agenda Item", "Lead Officer", "Purpose"),
    ],
)
def test_decoy_tables_are_not_tracking_tables(labels):
    assert find_header(Table(rows=(row(*labels), row(*("x" for _ in labels))), order=0)) is None


def test_header_maps_columns_in_any_order():
    header = find_header(Table(rows=(row("Owner", "Due Date", "Recommendation", "Update", "Status"),), order=0))
    assert header.columns == {"responsible": 0, "timescale": 1, "recommendation": 2, "progress": 3, "status": 4}


# -- rec ids ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rec_id", "rest"),
    [
        ("1) Cabinet note", "1", "Cabinet note"),
        ("2. Relevant organisations", "2", "Relevant organisations"),
        ("(3) The Safe Durham", "3", "The Safe Durham"),
        ("R4 Through the MOU", "4", "Through the MOU"),
        ("Recommendation 5: Cabinet", "5", "Cabinet"),
        ("2a) Sub recommendation", "2a", "Sub recommendation"),
        ("Cabinet note the work", "", "Cabinet note the work"),
        ("2016 saw progress", "", "2016 saw progress"),
    ],
)
def test_split_rec_id(text, rec_id, rest):
    assert split_rec_id(text) == (rec_id, rest)


@pytest.mark.parametrize(
    ("cell", "rec_id"), [("1", "1"), ("R2", "2"), ("Rec 3", "3"), ("(4)", "4"), ("7a", "7a"), ("1.2", "1.2")]
)
def test_id_from_cell(cell, rec_id):
    assert id_from_cell(cell) == rec_id


# -- stitching and folding ----------------------------------------------------------------------------------


def paged_doc(*pages: list[Row], between: str = "") -> Document:
    doc = Document(path="x.pdf", format="pdf")
    order = 0
    for number, rows in enumerate(pages, start=1):
        if between and number > 1:
            doc.paragraphs.append(Paragraph(text=between, order=order, page=number))
            order += 1
        doc.tables.append(Table(rows=tuple(Row(r.cells, page=number) for r in rows), order=order, page=number))
        order += 1
    return doc


def test_table_across_pages_is_stitched_and_header_repeats_dropped():
    doc = paged_doc(
        [HEAD, row("1) First", "Work begun", "A", "2017"), row("2) Second", "Plan agreed", "B", "2018")],
        [HEAD, row("", "more on second", "C", "2018"), row("3) Third", "Policy drafted", "D", "2019")],
    )
    [table] = tracking_tables(doc)
    recs = [r.fields() for r in recommendations(table)]
    assert [r["rec_id"] for r in recs] == ["1", "2", "3"]
    assert recs[1]["progress"] == "Plan agreed\nmore on second"
    assert recs[1]["responsible"] == "B; C"
    assert recs[1]["timescale"] == "2018"


def test_headerless_continuation_on_next_page():
    doc = paged_doc([HEAD, row("1) First", "Work begun", "A", "2017")], [row("2) Second", "Plan agreed", "B", "2018")])
    [table] = tracking_tables(doc)
    assert [r.rec_id for r in recommendations(table)] == ["1", "2"]


def test_appendix_heading_keeps_tables_apart():
    doc = paged_doc(
        [HEAD, row("1) First", "Work begun", "A", "2017")],
        [HEAD, row("1) Other", "Work begun", "B", "2018")],
        between="Appendix B",
    )
    tables = tracking_tables(doc)
    assert len(tables) == 2
    assert tables[1].section == "Appendix B"


def test_row_cut_by_page_break_is_glued_back():
    doc = paged_doc(
        [HEAD, row("1) First", "The plan was agreed in", "Gordon", "30", overflows=(1, 2, 3))],
        [HEAD, row("", "March and published.", "Charlton", "September 2023")],
    )
    [rec] = recommendations(tracking_tables(doc)[0])
    assert rec.fields()["progress"] == "The plan was agreed in March and published."
    assert rec.fields()["responsible"] == "Gordon Charlton"
    assert rec.fields()["timescale"] == "30 September 2023"


def test_recommendation_text_cut_by_page_break():
    doc = paged_doc(
        [HEAD, row("1) First", "a", "A", "2017"), row("2) Household waste", "b", "B", "2018", overflows=(0,))],
        [HEAD, row("centres are reviewed.", "c", "", "")],
    )
    recs = recommendations(tracking_tables(doc)[0])
    assert [r.rec_id for r in recs] == ["1", "2"]
    assert recs[1].recommendation == "Household waste centres are reviewed."


def test_unnumbered_table_gets_positions():
    doc = paged_doc([HEAD, row("First thing", "a", "A", "2017"), row("Second thing", "b", "B", "2018")])
    assert [r.rec_id for r in recommendations(tracking_tables(doc)[0])] == ["1", "2"]


def test_docx_table_after_tracking_table_is_not_stitched():
    doc = Document(path="x.docx", format="docx")
    doc.tables.append(Table(rows=(HEAD, row("1) First", "a", "A", "2017")), order=0))
    doc.paragraphs.append(Paragraph(text="Membership and Attendance", order=1))
    doc.tables.append(
        Table(
            rows=(row("Member", "Meetings held", "Meetings attended", "Substitutes"), row("Cllr A", "6", "5", "0")),
            order=2,
        )
    )
    [table] = tracking_tables(doc)
    assert len(table.rows) == 1


# -- metadata ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("23 September 2016", "2016-09-23"),
        ("Friday 23 September 2016", "2016-09-23"),
        ("14th September 2020", "2020-09-14"),
        ("Date: 4 Dec 2020", "2020-12-04"),
        ("23/09/2016", "2016-09-23"),
        ("September 23, 2016", "2016-09-23"),
        ("31 February 2016", None),
        ("Organised Crime", None),
    ],
)
def test_parse_meeting_date(text, iso):
    found = parse_meeting_date(text)
    assert (found.isoformat() if found else None) == iso


def test_metadata_skips_council_name_and_finds_title():
    doc = Document(
        path="x.docx",
        format="docx",
        paragraphs=[
            Paragraph(text=t, order=i)
            for i, t in enumerate(
                [
                    "Shropshire Council",
                    "Overview and Scrutiny Management Board",
                    "14th September 2020",
                    "Review of Taxi Licensing – Six Month Progress Report",
                    "Report of Tom Atkinson, Head of Commissioning",
                    "Purpose of the Report",
                ]
            )
        ],
    )
    meta = extract_metadata(doc)
    assert meta.committee == "Overview and Scrutiny Management Board"
    assert meta.meeting_date == "2020-09-14"
    assert meta.title == "Review of Taxi Licensing – Six Month Progress Report"
    assert meta.report_of == "Tom Atkinson, Head of Commissioning"


# -- hard layouts --------------------------------------------------------------------------------------------


def test_response_table_keeps_acceptance():
    doc = paged_doc(
        [
            row("Recommendation", "Accepted?", "Response / Action", "Lead", "Timescale"),
            row("1) Open longer", "Partially accepted", "Summer hours only", "Parks Manager", "June 2024"),
        ]
    )
    [rec] = recommendations(tracking_tables(doc)[0])
    assert rec.fields()["accepted"] == "Partially accepted"
    assert rec.fields()["progress"] == "Summer hours only"


def test_group_heading_rows_become_sections():
    spanning = Row(
        cells=(
            Cell(text="Theme 2: Prevention", col_span=4),
            Cell(text="", merged=True),
            Cell(text="", merged=True),
            Cell(text="", merged=True),
        )
    )
    doc = paged_doc([HEAD, row("1) First", "a", "A", "2017"), spanning, row("2) Second", "b", "B", "2018")])
    recs = recommendations(tracking_tables(doc)[0])
    assert [(r.rec_id, r.section) for r in recs] == [("1", ""), ("2", "Theme 2: Prevention")]


def test_blank_number_label_inferred_from_numbers():
    doc = paged_doc(
        [
            row("", "Recommendation", "Progress Update*", "Timetable[iv]"),
            row("1", "First", "a", "2017"),
            row("2", "Second", "b", "2018"),
        ]
    )
    [table] = tracking_tables(doc)
    assert table.header.columns["rec_id"] == 0
    assert [r.rec_id for r in recommendations(table)] == ["1", "2"]


def test_one_small_table_per_recommendation():
    doc = Document(path="x.docx", format="docx")
    order = 0
    for number, (text, response) in enumerate([("Do A", "A done"), ("Do B", "B begun")], start=1):
        doc.paragraphs.append(Paragraph(text=f"Recommendation {number}", order=order))
        doc.tables.append(
            Table(
                rows=(
                    row("Recommendation", text),
                    row("Response", response),
                    row("Lead Officer", "Jo"),
                    row("Target Date", "May 2024"),
                ),
                order=order + 1,
            )
        )
        order += 2
    [table] = tracking_tables(doc)
    recs = [r.fields() for r in recommendations(table)]
    assert [(r["rec_id"], r["recommendation"], r["progress"]) for r in recs] == [
        ("1", "Do A", "A done"),
        ("2", "Do B", "B begun"),
    ]


def test_work_programme_is_not_a_tracker():
    table = Table(
        rows=(row("Theme", "Item", "Lead Officer", "Meeting date"), row("Housing", "Rents", "Jo", "May")), order=0
    )
    assert find_header(table) is None


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Implementation Date", "timescale"),
        ("Proposed Action", "progress"),
        ("Management Response", "progress"),
        ("Current Position", "progress"),
        ("Timeline", "timescale"),
        ("Progress RAG", "status"),
    ],
)
def test_more_labels(label, field):
    assert classify_label(label) == field


def test_letter_ids_and_continued_rows():
    doc = paged_doc(
        [
            HEAD,
            row("a) First", "Work begun", "A", "2017"),
            row("(continued)", "more", "B", "2017"),
            row("b) Second", "Plan agreed", "C", "2018"),
        ]
    )
    recs = [r.fields() for r in recommendations(tracking_tables(doc)[0])]
    assert [(r["rec_id"], r["recommendation"], r["progress"]) for r in recs] == [
        ("a", "First", "Work begun\nmore"),
        ("b", "Second", "Plan agreed"),
    ]


def test_labelled_front_matter():
    doc = Document(
        path="x.pdf",
        format="pdf",
        paragraphs=[
            Paragraph(text=t, order=i)
            for i, t in enumerate(
                [
                    "Borough Council",
                    "Report to: Audit and Governance Committee",
                    "Date: Tuesday, 12th March 2019",
                    "Subject: Internal Audit Recommendations – Follow-up",
                    "Report of: Chief Internal Auditor",
                ]
            )
        ],
    )
    meta = extract_metadata(doc)
    assert meta.committee == "Audit and Governance Committee"
    assert meta.meeting_date == "2019-03-12"
    assert meta.title == "Internal Audit Recommendations – Follow-up"
    assert meta.report_of == "Chief Internal Auditor"
