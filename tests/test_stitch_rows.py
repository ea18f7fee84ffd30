"""Stitching and row folding on invented document models: key/value tables per recommendation, and rows
cut by page breaks."""

from __future__ import annotations

import pytest

from extract.headers import HeaderMap, key_value_table
from extract.model import Cell, Document, Paragraph, Row, Table
from extract.rows import recommendations
from extract.stitch import TrackingTable, _continues, tracking_tables


def row(*texts: str, page: int | None = None, overflows: tuple[int, ...] = ()) -> Row:
    return Row(cells=tuple(Cell(text=t, page=page, overflows=i in overflows) for i, t in enumerate(texts)), page=page)


def title(text: str, page: int | None = None) -> Row:
    """A row of one cell across a two-column table."""
    return Row(cells=(Cell(text=text, page=page, col_span=2), Cell(text="", page=page, merged=True)), page=page)


class Paper:
    """Blocks added in reading order (paragraphs and tables, with pages)."""

    def __init__(self, fmt: str = "pdf") -> None:
        self.doc = Document(path=f"x.{fmt}", format=fmt)
        self.order = 0

    def para(self, text: str, page: int | None = None) -> Paper:
        self.doc.paragraphs.append(Paragraph(text=text, order=self.order, page=page))
        self.order += 1
        return self

    def table(self, *rows: Row, page: int | None = None) -> Paper:
        rows = tuple(Row(r.cells, page=page, is_header=r.is_header) for r in rows)
        self.doc.tables.append(Table(rows=rows, order=self.order, page=page))
        self.order += 1
        return self

    def recs(self) -> list[dict[str, str]]:
        return [rec.fields() for table in tracking_tables(self.doc) for rec in recommendations(table)]


def kv(recommendation: str, progress: str, lead: str, date: str, page: int | None = None) -> list[Row]:
    return [
        row("Recommendation", recommendation, page=page),
        row("Progress", progress, page=page),
        row("Lead officer", lead, page=page),
        row("Target date", date, page=page),
    ]


# -- key/value tables, one per recommendation ------------------------------------------------------------


def test_key_value_tables_of_one_label_set_make_one_tracking_table_numbered_by_headings():
    paper = Paper().para("Appendix 1: Progress on recommendations", page=1)
    for n, page in ((1, 1), (2, 1), (3, 2)):
        paper.para(f"Recommendation {n}", page=page).table(
            *kv(f"Rec text {n}.", f"Done {n}.", f"Officer {n}", "2025", page), page=page
        )
    [table] = tracking_tables(paper.doc)
    assert table.key_value
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2", "3"]
    assert [r["recommendation"] for r in recs] == ["Rec text 1.", "Rec text 2.", "Rec text 3."]
    assert [r["responsible"] for r in recs] == ["Officer 1", "Officer 2", "Officer 3"]


def _first_record_whole() -> Paper:
    """A paper whose page 1 opens with one whole label/value record headed "Recommendation to Cabinet"."""
    paper = Paper()
    paper.table(
        row("Recommendation to Cabinet", "Plant more trees."),
        row("Progress", "Begun."),
        row("Lead officer", "Ann"),
        page=1,
    )
    return paper


def test_a_records_first_label_cut_short_by_the_page_break_opens_the_next_record():
    # "Recommendation to" alone at the foot of page 1 (its value cut too), "Cabinet" at the top of page 2
    paper = _first_record_whole()
    paper.table(row("Recommendation to", "Mend the lights in every"), page=1)
    paper.table(row("Cabinet", "ward."), row("Progress", "Done."), row("Lead officer", "Bob"), page=2)
    recs = paper.recs()
    assert [r["recommendation"] for r in recs] == ["Plant more trees.", "Mend the lights in every ward."]
    assert [r["responsible"] for r in recs] == ["Ann", "Bob"]
    # the rest of the label lost: the value still lands under the label it begins
    paper = _first_record_whole()
    paper.table(row("Recommendation to", "Mend the lights."), page=1)
    paper.table(row("Progress", "Done."), row("Lead officer", "Bob"), page=2)
    assert [r["recommendation"] for r in paper.recs()] == ["Plant more trees.", "Mend the lights."]


def test_number_in_first_label_cell_and_in_a_title_row():
    paper = Paper("docx")
    paper.table(
        row("Recommendation No. 7", "Publish the data."),
        row("Progress", "Published."),
        row("Lead officer", "Ann"),
        row("Target date", "May 2025"),
    )
    paper.table(title("Recommendation 8: data sharing"), *kv("Share the data.", "Agreed.", "Bob", "June 2025"))
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["progress"]) for r in recs] == [
        ("7", "Publish the data.", "Published."),
        ("8", "Share the data.", "Agreed."),
    ]


def test_key_value_table_cut_by_a_page_break_blank_label_then_more_labels():
    paper = Paper().para("Recommendation 1", page=1)
    paper.table(
        row("Recommendation", "Review the policy.", page=1),
        row("Progress", "The review began in May and the first", page=1),
        page=1,
    )
    paper.para("12", page=1)  # a page number between the parts
    paper.table(
        row("", "findings are due in July.", page=2),
        row("Lead officer", "Ann Smith", page=2),
        row("Target date", "July 2025", page=2),
        page=2,
    )
    paper.para("Recommendation 2", page=2).table(*kv("Train staff.", "Trained.", "Bob Jones", "2026", 2), page=2)
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2"]
    assert recs[0]["progress"] == "The review began in May and the first findings are due in July."
    assert (recs[0]["responsible"], recs[0]["timescale"]) == ("Ann Smith", "July 2025")
    assert recs[1]["progress"] == "Trained."


def test_key_value_part_on_the_next_page_continues_the_label_sequence():
    paper = Paper()
    paper.table(
        row("Ref", "1", page=1),
        row("Recommendation", "Review the policy.", page=1),
        row("Progress", "Under way.", page=1),
        row("Owner", "Ann", page=1),
        row("Due", "2025", page=1),
        page=1,
    )
    paper.table(row("Ref", "2", page=1), row("Recommendation", "Train staff.", page=1), page=1)
    paper.table(row("Progress", "Complete.", page=2), row("Owner", "Bob", page=2), row("Due", "2026", page=2), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["progress"], r["responsible"], r["timescale"]) for r in recs] == [
        ("1", "Review the policy.", "Under way.", "Ann", "2025"),
        ("2", "Train staff.", "Complete.", "Bob", "2026"),
    ]


def test_label_broken_by_the_page_break_keeps_its_column():
    paper = Paper()
    paper.table(
        row("ID", "1", page=1),
        row("Recommendation", "First.", page=1),
        row("Owner", "Ann", page=1),
        row("Timescale for implementation", "2025", page=1),
        page=1,
    )
    paper.table(
        row("ID", "2", page=1),
        row("Recommendation", "Second.", page=1),
        row("Owner", "Bob", page=1),
        row("Timescale for", "2026", page=1),
        page=1,
    )
    paper.table(row("implementation", "", page=2), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["timescale"]) for r in recs] == [("1", "2025"), ("2", "2026")]


def test_key_value_tables_run_together_split_at_the_first_label_again():
    rows = [
        row("Rec No.", "1"),
        *kv("First.", "Done.", "Ann", "2025"),
        row("Rec No.", "2"),
        *kv("Second.", "Begun.", "Bob", "2026"),
    ]
    paper = Paper().table(*rows, page=1)
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["responsible"]) for r in recs] == [
        ("1", "First.", "Ann"),
        ("2", "Second.", "Bob"),
    ]


def test_key_value_table_detects_title_and_blank_label_rows():
    table = Table(rows=(title("Recommendation 4"), *kv("Text.", "Progress", "Ann", "2025"), row("", "more")), order=0)
    found = key_value_table(table)
    assert found is not None
    assert [c.text for c in found.rows[0].cells] == ["Recommendation", "Progress", "Lead officer", "Target date"]
    assert key_value_table(Table(rows=(row("Term", "Meaning"), row("RAG", "Red, amber, green")), order=0)) is None


def test_other_two_column_table_ends_the_run():
    paper = Paper("docx")
    paper.table(*kv("First.", "Done.", "Ann", "2025"))
    paper.para("Glossary")
    paper.table(row("RAG", "Red, amber, green"), row("SMT", "Senior management team"))
    recs = paper.recs()
    assert [r["recommendation"] for r in recs] == ["First."]


# -- ordinary tables continued over pages --------------------------------------------------------------

HEAD = ("No.", "Recommendation", "Progress", "Lead officer", "Target date")


def test_header_printed_again_continues_even_where_its_roles_read_differently():
    labels = HEAD
    first = HeaderMap(
        columns={"rec_id": 0, "recommendation": 1, "progress": 2, "responsible": 3, "timescale": 4},
        row=0,
        labels=labels,
    )
    again = HeaderMap(columns={"recommendation": 1, "progress": 2, "responsible": 3}, row=0, labels=labels)
    prev = Table(rows=(row(*labels), row("1", "A.", "B.", "C", "2025")), order=0, page=1)
    table = Table(rows=(row(*labels), row("", "", "more.", "", "")), order=1, page=2)
    doc = Document(path="x.pdf", format="pdf", tables=[prev, table])
    assert _continues(doc, prev, table, again, TrackingTable(header=first)) == "page"
    other = HeaderMap(
        columns={"recommendation": 1, "progress": 2}, row=0, labels=("X", "Recommendation", "Update", "Y", "Z")
    )
    assert _continues(doc, prev, table, other, TrackingTable(header=first)) == ""


def test_broken_label_line_under_a_repeated_header_is_dropped():
    head = row("Ref", "Recommendation", "Progress", "Owner", "Target date for impleme")
    tail = row("", "", "", "", "ntation")
    paper = Paper()
    paper.table(head, tail, row("R1", "First.", "Begun and the", "Ann", "2025", page=1), page=1)
    paper.table(
        head, tail, row("", "", "work goes on.", "", "", page=2), row("R2", "Second.", "Done.", "Bob", "2026"), page=2
    )
    recs = paper.recs()
    assert [(r["rec_id"], r["progress"], r["timescale"]) for r in recs] == [
        ("1", "Begun and the work goes on.", "2025"),
        ("2", "Done.", "2026"),
    ]


def test_header_echo_row_keeps_the_cut_text_for_the_row_above():
    head = row("#", "Recommendation", "Response", "Lead officer", "Target date")
    paper = Paper()
    paper.table(head, row("1", "First.", "The work began.", "Ann", "2025"), page=1)
    paper.table(
        head,
        row("#", "Recommendation", "The final report goes to Cabinet in May.\nResponse", "Lead officer", "Target date"),
        row("2", "Second.", "Done.", "Bob", "2026"),
        page=2,
    )
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2"]
    assert recs[0]["progress"] == "The work began.\nThe final report goes to Cabinet in May."


# -- rows cut by page breaks -------------------------------------------------------------------------


def test_cut_row_with_its_number_printed_again_is_one_recommendation():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "First.", "Work began in", "Ann (Head of", "2025"), page=1)
    paper.table(head, row("1", "", "May.", "Housing)", ""), row("2", "Second.", "Done.", "Bob", "2026"), page=2)
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2"]
    assert recs[0]["progress"] == "Work began in May."
    assert recs[0]["responsible"] == "Ann (Head of Housing)"
    assert recs[0]["timescale"] == "2025"


def test_new_paragraph_after_a_page_break_goes_on_a_new_line():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "First.", "Work began.", "Ann", "2025"), page=1)
    paper.table(head, row("", "", "A second phase follows.", "Bob", "2026"), page=2)
    [rec] = paper.recs()
    assert rec["progress"] == "Work began.\nA second phase follows."
    assert (rec["responsible"], rec["timescale"]) == ("Ann; Bob", "2025; 2026")


def test_same_number_on_the_same_page_with_other_text_is_a_new_recommendation_only_when_text_differs():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "First.", "Begun.", "Ann", "2025"), row("1", "First.", "More.", "Bob", "2026"), page=1)
    [rec] = paper.recs()
    assert rec["progress"] == "Begun.\nMore."
    assert rec["recommendation"] == "First."


def test_text_below_a_break_in_lower_case_carries_the_sentence_on_unless_the_row_has_its_own_owner():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "Consult residents, ward councillors", "The review found", "Ann", "2025"), page=1)
    paper.table(head, row("", "and community groups.", "three gaps.", "", ""), page=2)
    [rec] = paper.recs()
    assert rec["recommendation"] == "Consult residents, ward councillors and community groups."
    assert rec["progress"] == "The review found three gaps."
    rec = _one_over_a_break(
        row("1", "First.", "Phase one", "Ann", "2025"), row("", "", "phase two begins", "Bob", "2026")
    )
    assert rec["progress"] == "Phase one\nphase two begins"


def _recs_over_a_break(first: list[Row], second: list[Row]) -> list[dict[str, str]]:
    """The recommendations of a table whose rows ``first`` fill page 1 and ``second`` page 2 (headers included)."""
    paper = Paper()
    paper.table(*first, page=1)
    paper.table(*second, page=2)
    return paper.recs()


def _one_over_a_break(above: Row, below: Row) -> dict[str, str]:
    """The one recommendation of a table whose row ``above`` ends page 1 and ``below`` opens page 2."""
    paper = Paper()
    paper.table(row(*HEAD), above, page=1)
    paper.table(row(*HEAD), below, page=2)
    [rec] = paper.recs()
    return rec


def test_the_broken_end_of_a_label_under_the_header_is_dropped():
    from extract.headers import find_header
    from extract.model import Cell, Document, Row, Table
    from extract.stitch import tracking_tables

    def row(*texts):
        return Row(cells=tuple(Cell(text=t) for t in texts))

    table = Table(
        rows=(
            row("Recommendation", "Progress", "Timescale for implem"),
            row(
                "The council should review parking charges in the town centre.",
                "A review began in May.",
                "entation\nMarch 2026",
            ),
            row("The council should publish the results of the survey.", "Published in June.", "June 2026"),
        ),
        order=0,
    )
    assert find_header(table) is not None
    (tracking,) = tracking_tables(Document(path="p.docx", format="docx", tables=[table]))
    assert [r.cells[2].text for r in tracking.rows] == ["March 2026", "June 2026"]


def test_label_and_value_cut_together_by_the_page_break_join_up():
    """The page above ends with the record's first labels (too few to be read alone), and the next page
    goes on with the rest of a broken label and of its sentence."""
    paper = Paper().para("Appendix B: progress on recommendations", page=1)
    paper.table(row("Ref", "A1", page=1), row("Panel", "The council asks the water company to", page=1), page=1)
    paper.table(
        row("recommendation", "publish its flood plans.", page=2),
        row("Lead", "Head of Highways", page=2),
        row("Deadline", "May 2026", page=2),
        page=2,
    )
    paper.table(
        row("Ref", "A2", page=2),
        row("Panel recommendation", "Drains are cleared twice a year.", page=2),
        row("Lead", "Streets Manager", page=2),
        row("Deadline", "Autumn 2026", page=2),
        page=2,
    )
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["responsible"]) for r in recs] == [
        ("A1", "The council asks the water company to publish its flood plans.", "Head of Highways"),
        ("A2", "Drains are cleared twice a year.", "Streets Manager"),
    ]


def test_a_post_in_brackets_on_the_next_page_belongs_to_the_name_above():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "Plant trees.", "Begun.", "Ann Lee", "2025"), page=1)
    paper.table(head, row("", "", "", "(Head of Parks)", ""), page=2)
    [rec] = paper.recs()
    assert rec["responsible"] == "Ann Lee (Head of Parks)"


def test_a_date_cut_before_its_year_and_closing_punctuation_on_the_next_page_join_up():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "Mend the roads.", "Begun.", "Ann Lee (Head of", "End of March"), page=1)
    paper.table(head, row("", "", "", "Roads)", "2027"), page=2)
    paper.table(head, row("2", "Paint the bridge.", "Done.", "Bob Hill (Engineer", "June"), page=2)
    paper.table(head, row("", "", "to be repainted.", "), Sue Wu", ""), page=3)
    first, second = paper.recs()
    assert (first["responsible"], first["timescale"]) == ("Ann Lee (Head of Roads)", "End of March 2027")
    assert second["responsible"] == "Bob Hill (Engineer), Sue Wu"


def test_unnumbered_row_whose_word_the_page_break_cut_goes_on_below():
    head = row("Recommendation", "Portfolio", "Progress", "Lead officer")
    paper = Paper()
    paper.table(
        head,
        row("The council adopts a tree strategy.", "Parks", "Adopted.", "Ann Lee"),
        row("The Head of Parks and Open", "Cabinet Membe", "Report due in June.", "Bob Hall", overflows=(0, 1)),
        page=1,
    )
    paper.table(head, row("Spaces reports on planting.", "r for Parks", "", ""), page=2)
    paper.table(head, row("Grass verges are cut less often.", "Parks", "Agreed.", "Cy Tan"), page=3)
    [table] = tracking_tables(paper.doc)
    recs = recommendations(table)
    assert [r.recommendation for r in recs] == [
        "The council adopts a tree strategy.",
        "The Head of Parks and Open Spaces reports on planting.",
        "Grass verges are cut less often.",
    ]
    assert recs[1].fields()["progress"] == "Report due in June."
    assert recs[1].extra_items() == (("Portfolio", "Cabinet Member for Parks"),)


def test_key_value_tables_whose_recommendation_label_is_unknown_are_read_from_their_cells():
    paper = Paper().para("Appendix A: progress on the review", page=1)
    texts = [
        (
            "That the council publishes its policy on community grants online, with the criteria used to score bids.",
            "The policy has been published and the scoring criteria were added to the website in April.",
            "Jo Bloggs",
        ),
        (
            "That ward members are briefed on the new parking scheme before it is consulted on in their wards.",
            "Briefings were held in May for members of all six wards affected by the scheme.",
            "Ann Lee",
        ),
    ]
    for n, (asked, done, lead) in enumerate(texts, start=1):
        paper.para(f"Recommendation {n}", page=1).table(
            row("What the panel asked for", asked),
            row("Where things stand", done),
            row("Lead officer", lead),
            row("Target date", "March 2026"),
            page=1,
        )
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["progress"]) for r in recs] == [
        ("1", texts[0][0], texts[0][1]),
        ("2", texts[1][0], texts[1][1]),
    ]


def test_a_key_value_table_of_contact_details_is_not_read():
    paper = Paper().para("Contact", page=1)
    paper.table(row("Lead officer", "Jo Bloggs"), row("Telephone", "01234 567890"), row("Date", "March 2026"), page=1)
    assert paper.recs() == []


def test_a_page_holding_one_row_is_judged_with_the_pages_that_repeat_its_header():
    # neither label names a recommendation, and one row is too little to tell the columns apart by their
    # tenses; the same header over the next pages brings the rest of the rows to judge by
    labels = ("Ref", "Review outcome", "Latest position", "Officer")
    asks = [
        "Officers set up a forum for small landlords to meet officers twice a year.",
        "Officers review the licensing fees for houses in multiple occupation this year.",
        "The Council should publish a list of licensed houses on its website each quarter.",
    ]
    done = [
        "A forum was held in March and a second meeting has been arranged for October.",
        "The fees were reviewed in May and new fees have been agreed by the Cabinet.",
        "The list has been published and was updated at the end of June.",
    ]
    paper = Paper().table(row(*labels), row("1", asks[0], done[0], "Head of Housing"), page=1)
    paper.table(row(*labels), row("2", asks[1], done[1], "Licensing Manager"), page=2)
    paper.table(row(*labels), row("3", asks[2], done[2], "Head of Housing"), page=3)
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2", "3"]
    assert [r["recommendation"] for r in recs] == asks
    assert recs[0]["progress"] == done[0]


def test_a_table_too_short_to_judge_keeps_the_next_page_wanted_in_a_long_pdf():
    from extract.readers.pdf_scan import runs_on

    labels = ("Ref", "Review outcome", "Latest position", "Officer")
    one_row = Table(
        rows=(
            row(*labels),
            row(
                "1",
                "Officers set up a forum for landlords.",
                "A forum was held in March and a second one has been arranged.",
                "Jo Bloggs",
            ),
        ),
        order=0,
    )
    assert runs_on([one_row], False)  # the next page decides what the table is
    budget = Table(rows=(row("Service", "Budget", "Spent"), row("Parks", "£1,200", "£900")), order=0)
    assert not runs_on([budget], False)
    long_rows = [row(str(i), "Officers set up a forum.", "A forum was held.", "Jo Bloggs") for i in range(1, 6)]
    judged = Table(rows=(row("Area", "Budget line", "Spend to date", "Cost centre"), *long_rows), order=0)
    assert not runs_on([judged], False)


def test_a_date_whose_year_a_page_break_cut_is_one_date():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "Plant more trees.", "Begun.", "Ann Lee", "27/09/202"), page=1)
    paper.table(head, row("", "", "", "", "4"), page=2)
    [rec] = paper.recs()
    assert rec["timescale"] == "27/09/2024"
    paper = Paper()
    paper.table(head, row("1", "Plant more trees.", "Begun.", "Ann Lee", "24/07/20"), page=1)
    paper.table(head, row("", "", "", "", "24"), page=2)
    assert paper.recs()[0]["timescale"] == "24/07/2024"
    paper = Paper()  # a whole date, then another: two dates
    paper.table(head, row("1", "Plant more trees.", "Begun.", "Ann Lee", "27/09/2024"), page=1)
    paper.table(head, row("", "", "More.", "", "2025"), page=2)
    assert paper.recs()[0]["timescale"] != "27/09/20242025"


def test_the_head_of_a_post_at_the_top_of_a_page_ends_the_owner_above():
    head = row(*HEAD)
    paper = Paper()
    paper.table(head, row("1", "Mend the roads.", "Begun.", "Highways", "2026"), page=1)
    paper.table(head, row("", "", "More work was done in May.", "Manager", ""), page=2)
    assert paper.recs()[0]["responsible"] == "Highways Manager"
    paper = Paper()  # a whole post above: the one below is an owner of its own
    paper.table(head, row("1", "Mend the roads.", "Begun.", "Highways Manager", "2026"), page=1)
    paper.table(head, row("", "", "More work was done in May.", "Team", ""), page=2)
    assert paper.recs()[0]["responsible"] != "Highways Manager Team"


@pytest.mark.parametrize(
    ("before", "after"), [("The new rota covers all", "services."), ("The count rose to", "412 services.")]
)
def test_a_sentence_end_under_a_repeated_header_is_the_cut_text_not_a_label(before, after):
    # "services." sits under "Update on services" on the next page: the end of the cell above, not the
    # label's second line nor a piece of it
    head = row("No.", "Recommendation", "Update on services", "Lead officer", "Target date")
    paper = Paper()
    paper.table(head, row("1", "First.", before, "Ann", "2025"), page=1)
    paper.table(head, row("", "", after, "", ""), row("2", "Second.", "Done.", "Bob", "2026"), page=2)
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2"]
    assert recs[0]["progress"] == f"{before} {after}"


def test_a_header_with_a_label_line_in_a_row_of_its_own_on_one_page_goes_on_over_the_next():
    # page 1 prints "Rec" / "No." as two header rows, page 2 clips the label to "Rec": one table
    paper = Paper()
    paper.table(
        row("Rec", "Recommendation", "Progress", "Lead officer"),
        row("No.", "", "", ""),
        row("1", "First.", "Begun.", "Ann"),
        page=1,
    )
    paper.table(row("Rec", "Recommendation", "Progress", "Lead officer"), row("2", "Second.", "Done.", "Bob"), page=2)
    recs = paper.recs()
    assert [r["rec_id"] for r in recs] == ["1", "2"]


def test_a_recommendations_first_labels_in_tables_too_small_to_know_alone_start_the_run():
    # one recommendation's labels in two small tables (the first no vocabulary knows, the second cut by a
    # page break), then a table that is known: the run starts at the first of them
    asked = "That the council should plant more street trees."
    paper = Paper()
    paper.table(row("What was asked", asked), row("Progress", "Forty were"), page=1)
    paper.table(row("", "planted."), row("Lead officer", "Ann"), row("Target date", "2025"), page=2)
    paper.table(
        row("What was asked", "That the council should mend the paths."),
        row("Progress", "Begun."),
        row("Lead officer", "Bob"),
        row("Target date", "2026"),
        page=2,
    )
    recs = paper.recs()
    assert [(r["recommendation"], r["progress"], r["responsible"]) for r in recs] == [
        (asked, "Forty were planted.", "Ann"),
        ("That the council should mend the paths.", "Begun.", "Bob"),
    ]


def test_a_run_of_label_value_tables_that_makes_no_tracking_table_is_reported():
    paper = Paper()
    for text in ("That the council plants more trees.", "That the council mends the paths."):
        paper.table(row("Recommendation", text), row("Accepted?", "Yes"), page=1)
    notes: list[str] = []
    assert tracking_tables(paper.doc, notes) == []
    assert len(notes) == 1
    assert "names recommendations" in notes[0]


def test_the_end_of_one_recommendations_table_does_not_start_the_next_ones_run():
    # page 2 opens with the last label of recommendation 1 ("Priority"), cut off by the page break and too
    # small to be known alone; recommendation 2's table follows and opens as recommendation 1's did
    def rec(number: str, text: str, progress: str) -> tuple[Row, ...]:
        return (
            row("Ref", number),
            row("Recommendation", text),
            row("Lead officer", "Ann"),
            row("Progress", progress),
        )

    paper = Paper()
    paper.table(*rec("1", "That the council plants trees.", "Forty planted."), page=1)
    paper.table(row("Priority", "High"), page=2)
    paper.table(*rec("2", "That the council mends paths.", "Begun."), row("Priority", "Low"), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["progress"]) for r in recs] == [("1", "Forty planted."), ("2", "Begun.")]


def test_a_labels_last_line_printed_again_above_the_cut_text_is_not_kept():
    top = row("Recommendation of the Task", "Work", "Lead officer", "Planned")
    second = row("and Finish Group", "undertaken", "", "completion")
    recs = _recs_over_a_break(
        [top, second, row("1. That the council plants trees in", "Begun.", "Ann", "2025")],
        [
            top,
            row("and Finish Group\nevery ward.", "undertaken", "", "completion"),
            row("2. That the council mends the paths.", "Done.", "Bob", "2026"),
        ],
    )
    assert [r["recommendation"] for r in recs] == [
        "That the council plants trees in every ward.",
        "That the council mends the paths.",
    ]


def test_a_row_cut_mid_sentence_by_a_page_break_carries_its_owner_and_date_on_too():
    # an action row of a merged table, cut: the progress stops on "the", and the owner and the date are cut
    # with it ("Community" / "Safety Team", "Q3" / "2024/25"): one action, not two
    head = row(*HEAD)
    paper = Paper()
    paper.table(
        head,
        row("1", "First.", "Begun.", "Ann", "2025"),
        row("", "", "Nineteen complaints were received in the", "Community", "Q3"),
        page=1,
    )
    paper.table(head, row("", "", "last quarter.", "Safety Team", "2024/25"), page=2)
    [rec] = paper.recs()
    assert rec["progress"] == "Begun.\nNineteen complaints were received in the last quarter."
    assert rec["responsible"] == "Ann; Community Safety Team"
    assert rec["timescale"] == "2025; Q3 2024/25"
    # whole values above stay whole: the row's own date is listed beside them, the owner printed again once
    rec = _one_over_a_break(
        row("1", "First.", "Work began in the", "Nadia Whitfield", "Ongoing"),
        row("", "", "spring.", "Nadia Whitfield", "13/09/2024"),
    )
    assert (rec["responsible"], rec["timescale"]) == ("Nadia Whitfield", "Ongoing; 13/09/2024")


def test_a_table_under_labels_of_its_own_on_the_next_page_does_not_continue_the_tracking_table():
    # a work programme of as many columns starts page 2 under its own labels
    paper = Paper()
    paper.table(row(*HEAD), row("1", "Plant more trees.", "Begun.", "Ann Lee", "2025"), page=1)
    paper.table(
        row("Meeting date", "Item", "Lead officer", "Purpose", "Notes"),
        row("March 2024", "Annual report", "Jo Tan", "Monitoring", ""),
        page=2,
    )
    assert [r["recommendation"] for r in paper.recs()] == ["Plant more trees."]


def test_an_unnumbered_row_cut_after_its_first_line_goes_on_at_the_top_of_the_next_page():
    # every cell cut: the prose without closing punctuation, the owner's first name and the month alone
    head = row("Recommendation", "Progress", "Lead officer", "Target date")
    paper = Paper()
    cut = row(
        "Targets are set in the Council", "Progress was slow in Highways", "Gareth", "October", overflows=(0, 1, 2, 3)
    )
    paper.table(head, row("Trees are planted in the parks.", "Begun.", "Ann Lee", "May 2025"), cut, page=1)
    paper.table(head, row("Plan.", "Maintenance; staff are now in post.", "Whitfield", "2026"), page=2)
    recs = paper.recs()
    assert [r["recommendation"] for r in recs] == [
        "Trees are planted in the parks.",
        "Targets are set in the Council Plan.",
    ]
    assert (recs[1]["responsible"], recs[1]["timescale"]) == ("Gareth Whitfield", "October 2026")
    # a row with no owner or date of its own, under one with them whose progress was left unclosed
    paper = Paper()
    cut = row("Trees are planted.", "Progress was slow in Parks", "Ann Lee", "May 2025", overflows=(1,))
    paper.table(head, cut, page=1)
    paper.table(head, row("Schools are asked to help.", "Services; staff are now in post.", "", ""), page=2)
    [rec] = paper.recs()
    assert rec["recommendation"] == "Trees are planted.\nSchools are asked to help."
    # a short progress left unclosed ("Ongoing") is no sentence cut: the row below without an owner is a row
    paper = Paper()
    paper.table(head, row("Trees are planted.", "Ongoing", "Ann Lee", "May 2025"), page=1)
    paper.table(head, row("Schools are asked to help.", "Not started", "", ""), page=2)
    assert len(paper.recs()) == 2
    # a new row under a complete one stays a row, however its text ends
    paper = Paper()
    paper.table(head, row("Trees are planted in the parks", "Begun", "Ann Lee", "May 2025"), page=1)
    paper.table(head, row("Lights are mended", "Done", "Gareth Whitfield", "October 2026"), page=2)
    assert len(paper.recs()) == 2


def test_a_banner_over_the_labels_printed_again_on_the_next_page_is_no_row():
    # "Parks review" across the table above its labels, on every page; page 2 holds only the cut text
    def banner(page: int) -> Row:
        return Row(cells=(Cell(text="Parks review", page=page),) + (Cell(text="", merged=True),) * 4, page=page)

    labels = row("Item", "Proposal from the review", "Progress", "Contact", "Timeline")  # a weak label
    paper = Paper()
    paper.table(
        banner(1),
        labels,
        row("1", "The council should plant more trees in parks.", "Forty trees were planted.", "Ann Lee", "2025"),
        row("2", "The council should mend the lights.", "Work began in the", "Bob Hay", "2026", overflows=(2,)),
        page=1,
    )
    paper.table(banner(2), labels, row("", "", "spring.", "", ""), page=2)
    recs = paper.recs()
    assert [r["progress"] for r in recs] == ["Forty trees were planted.", "Work began in the spring."]


def test_a_post_cut_in_the_name_of_its_body_goes_on_with_one_word_on_the_next_page():
    rec = _one_over_a_break(
        row("1", "Plant trees.", "Work began in the", "Head of Parks, Director of Public", "2025", overflows=(2, 3)),
        row("", "", "spring.", "Health", ""),
    )
    assert rec["responsible"] == "Head of Parks, Director of Public Health"
    # a whole owner below is listed beside
    rec = _one_over_a_break(
        row("1", "Plant trees.", "Work began in the", "Director of Place", "2025", overflows=(2, 3)),
        row("", "", "spring.", "Revenues Team", ""),
    )
    assert rec["responsible"] == "Director of Place; Revenues Team"


def test_an_ids_word_at_the_foot_of_a_page_and_its_number_on_the_next_are_one_id():
    # "Rec" / "2" wrapped in a narrow number column, cut by the page break with the row's first lines
    paper = Paper()
    paper.table(
        row(*HEAD),
        row("Rec 1", "Plant more trees.", "Begun.", "Ann Lee", "2025"),
        row("Rec", "The council lobbies", "Officers await", "Bob", "2026", overflows=(0, 1, 2, 3, 4)),
        page=1,
    )
    paper.table(row(*HEAD), row("2", "the Government for funding.", "guidance.", "Hay", ""), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"]) for r in recs] == [
        ("1", "Plant more trees."),
        ("2", "The council lobbies the Government for funding."),
    ]


def test_a_word_hyphenated_at_the_foot_of_a_page_joins_the_rest_without_a_space():
    rec = _one_over_a_break(
        row("1", "Make the parks child-", "Begun.", "Ann", "2025"), row("", "friendly within a year.", "", "", "")
    )
    assert rec["recommendation"] == "Make the parks child-friendly within a year."


def test_a_theme_in_the_first_cell_alone_heads_the_recommendations_below_it():
    # theme rows set in the first cell with the others left empty: no recommendation of their own, and no
    # part of the recommendation above; in a number column as in a recommendation column
    for first in ("Part 2 \u2013 Safer streets", "Theme B: Housing"):
        paper = Paper("docx")
        paper.table(
            row(*HEAD),
            row("Part 1 \u2013 Parks", "", "", "", ""),
            row("1", "Plant more trees.", "Begun.", "Ann Lee", "2025"),
            row(first, "", "", "", ""),
            row("2", "Mend the lights.", "Done.", "Bob Hay", "2026"),
        )
        recs = paper.recs()
        assert [r["rec_id"] for r in recs] == ["1", "2"]
        assert [r["responsible"] for r in recs] == ["Ann Lee", "Bob Hay"]
    paper = Paper("docx")
    paper.table(
        row("Recommendation", "Progress", "Lead officer", "Target date"),
        row("Better lighting", "", "", ""),
        row("The council mends the lights.", "Begun.", "Ann Lee", "2025"),
    )
    [rec] = paper.recs()
    assert rec["recommendation"] == "The council mends the lights."


def test_a_theme_at_the_top_of_a_page_heads_the_rows_below_when_the_break_cut_another_column():
    # the page break cut the progress of recommendation 1; the theme heading that opens page 2 sits in the
    # number column, which the break did not cut
    paper = Paper()
    paper.table(row(*HEAD), row("1", "Plant more trees.", "Begun in the", "Ann Lee", "2025", overflows=(2,)), page=1)
    paper.table(
        row(*HEAD),
        row("Part 2 \u2013 Safer streets", "", "", "", ""),
        row("2", "Mend the lights.", "Done.", "Bob Hay", "2026"),
        page=2,
    )
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"]) for r in recs] == [("1", "Plant more trees."), ("2", "Mend the lights.")]


def test_a_theme_heading_cut_by_the_page_break_is_one_heading():
    # "Part 2 - Data and intelligenc" at the foot of page 1, "e" alone at the top of page 2
    paper = Paper()
    paper.table(
        row(*HEAD),
        row("1", "Plant more trees.", "Begun.", "Ann Lee", "2025"),
        row("Part 2 \u2013 Data and intelligenc", "", "", "", ""),
        page=1,
    )
    paper.table(row(*HEAD), row("e", "", "", "", ""), row("2", "Mend the lights.", "Done.", "Bob Hay", "2026"), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["recommendation"], r["responsible"]) for r in recs] == [
        ("1", "Plant more trees.", "Ann Lee"),
        ("2", "Mend the lights.", "Bob Hay"),
    ]
    [table] = tracking_tables(paper.doc)
    from extract.rows import group_rows

    assert set(group_rows(table).values()) == {"Part 2 \u2013 Data and intelligence"}


@pytest.mark.parametrize("value", ["March 2026", "Q3 2025/26", "Amber", "Head of Parks", "Ongoing"])
def test_a_value_alone_in_the_first_cell_is_no_theme(value):
    # the first column holds dates (or statuses, owners): a row with only its value carries on the row above
    paper = Paper("docx")
    paper.table(
        row("Target date", "Recommendation", "Progress", "Lead officer"),
        row("2025", "The council mends the lights.", "Begun.", "Ann Lee"),
        row(value, "", "", ""),
        row("2026", "The council plants trees.", "Done.", "Bob Hay"),
    )
    recs = paper.recs()
    assert len(recs) == 2
    assert value in recs[0]["timescale"] + recs[0]["status"] + recs[0]["responsible"]


def test_a_heading_printed_once_between_two_pages_starts_another_table_a_running_head_does_not():
    head = row(*HEAD)
    for between, tables in (
        ("Recommendations of the follow-up review", 2),
        ("Parks Scrutiny Panel \u2013 May 2026", 1),
    ):
        paper = Paper()
        paper.para("Parks Scrutiny Panel \u2013 May 2026", page=1)
        paper.table(head, row("1", "Plant more trees.", "Begun.", "Ann Lee", "2025"), page=1)
        paper.para(between, page=2)
        paper.table(head, row("2", "Mend the lights.", "Done.", "Bob Hay", "2026"), page=2)
        assert len(tracking_tables(paper.doc)) == tables, between


def test_a_word_under_the_repeated_header_that_finishes_the_cut_sentence_is_kept():
    # "updated" would make "What has happened" a label the vocabulary knows, but the cell above stopped at
    # "has been": it is the rest of the sentence, not the label's broken end
    labels = ("No.", "Recommendation", "What has happened", "Lead officer", "Target date")
    rec = _one_over_a_break(
        row("1", "Plant more trees.", "The policy has been", "Ann Lee", "2025"), row("", "", "updated.", "", "")
    )
    assert rec["progress"] == "The policy has been updated."
    cut = "Forty trees were planted in May and the new tree policy has been"
    paper = Paper()
    paper.table(row(*labels), row("1", "The council should plant more trees.", cut, "Ann Lee", "2025"), page=1)
    paper.table(row(*labels), row("", "", "updated\n• Trees bought", "", ""), page=2)
    assert paper.recs()[0]["progress"] == f"{cut} updated\n• Trees bought"


def test_only_a_recommendations_words_at_the_top_of_a_page_are_its_next_paragraph():
    # an unnumbered table: the row at the top of page 2 holds nothing but words in the recommendation column,
    # under a row with its progress, owner and date: the same recommendation's next paragraph
    head = row("Recommendation", "Progress", "Lead officer", "Target date")
    recs = _recs_over_a_break(
        [head, row("The council should plant trees.", "Begun in May.", "Ann Lee", "2025")],
        [
            head,
            row("The review should cover the costs.", "", "", ""),
            row("The council should mend the lights.", "Done.", "Bob Hay", "2026"),
        ],
    )
    assert [r["recommendation"] for r in recs] == [
        "The council should plant trees.\nThe review should cover the costs.",
        "The council should mend the lights.",
    ]


def test_a_whole_owner_beside_a_cell_run_to_the_page_foot_is_not_glued_to_the_next_pages():
    # every cell of the last row on page 1 reaches the page foot; the row on page 2 is an action of its own:
    # its owner and date are listed beside those above, not glued on ("Revenues Team Community Safety Manager")
    head = row(*HEAD)
    paper = Paper()
    cut = row("1", "Plant more trees.", "Begun in the", "Revenues Team", "Within 12 months", overflows=(2, 3, 4))
    paper.table(head, cut, page=1)
    paper.table(head, row("", "", "spring.", "Community Safety Manager", "2024-12-27"), page=2)
    [rec] = paper.recs()
    assert rec["responsible"] == "Revenues Team; Community Safety Manager"
    assert rec["timescale"] == "Within 12 months; 2024-12-27"
    # a first name alone above a surname is one owner cut in two
    paper = Paper()
    paper.table(head, row("1", "Plant more trees.", "Begun in the", "Rebecca", "2025", overflows=(2, 3)), page=1)
    paper.table(head, row("", "", "spring.", "Doyle", ""), page=2)
    assert paper.recs()[0]["responsible"] == "Rebecca Doyle"
    paper = Paper()  # ... and so is the first name of the last of several owners
    paper.table(head, row("1", "Plant trees.", "Begun in the", "Ann Lee; Ruth", "2025", overflows=(2, 3)), page=1)
    paper.table(head, row("", "", "spring.", "Kimbell", ""), page=2)
    assert paper.recs()[0]["responsible"] == "Ann Lee; Ruth Kimbell"
    paper = Paper()  # ... and a title with a first name
    paper.table(head, row("1", "Plant trees.", "Begun in the", "Ann Lee; Cllr Imran", "2025", overflows=(2, 3)), page=1)
    paper.table(head, row("", "", "spring.", "Jennings", ""), page=2)
    assert paper.recs()[0]["responsible"] == "Ann Lee; Cllr Imran Jennings"


def test_the_labels_a_record_has_not_had_yet_on_the_next_page_finish_the_first_record():
    paper = Paper()
    paper.para("Recommendation 1", page=1).table(
        row("Recommendation", "Publish the data."), row("Progress", "Published in May."), page=1
    )
    paper.table(row("Lead officer", "Ann Lee"), row("Target date", "June 2025"), page=2)
    paper.para("Recommendation 2", page=2).table(*kv("Mend the lights.", "Mended.", "Bob Hay", "2026", 2), page=2)
    recs = paper.recs()
    assert [(r["rec_id"], r["responsible"], r["timescale"]) for r in recs] == [
        ("1", "Ann Lee", "June 2025"),
        ("2", "Bob Hay", "2026"),
    ]


def test_words_in_lower_case_under_a_repeated_header_that_finish_no_label_are_the_cut_cells():
    # "principle" and "onwards" end the accepted and date cells cut by the page break; they finish no label
    labels = ("No.", "Recommendation", "Accepted?", "Progress", "Target date")
    paper = Paper()
    paper.table(row(*labels), row("1", "Plant trees.", "Accepted in", "Forty were planted in", "May 2024"), page=1)
    paper.table(row(*labels), row("", "", "principle", "the spring.", "onwards"), page=2)
    [rec] = paper.recs()
    assert rec["timescale"] == "May 2024 onwards"
    assert rec["progress"] == "Forty were planted in the spring."
