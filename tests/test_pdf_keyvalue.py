"""Label/value blocks set as text in a PDF (one small table per recommendation, no rules)."""

from __future__ import annotations

from pathlib import Path

from extract import extract_file

RECORDS = [
    (
        "1",
        "The library service extends weekend opening at the four busiest branches by the spring.",
        "Sunday opening was tried at two branches and visitor numbers rose by a fifth.",
        "Head of Libraries",
        "April 2025",
    ),
    (
        "2",
        "Volunteers are recruited to run reading groups for older residents in every ward.",
        "Twelve volunteers have been trained.",
        "Community Officer",
        "June 2025",
    ),
    (
        "3",
        "The council publishes a yearly report on the condition of its parks and playgrounds.",
        "The first report went to the cabinet in March.",
        "Parks Manager",
        "Yearly",
    ),
]


def _paper(path: Path, *, wrap_label: bool = False, names: tuple[str, ...] = (), records=RECORDS) -> Path:
    """Each record: a "Recommendation N" heading, then label lines at the left and values to their right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Culture Scrutiny Panel: progress on the review recommendations")
    y = 770.0
    for number, rec, progress, owner, due in records:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(50, y, f"Recommendation {number}")
        y -= 18
        labels = [
            ("Scrutiny" if wrap_label else "Recommendation", rec),
            ("Progress", progress),
            ("Lead officer", owner),
            ("Target date", due),
        ]
        if names:
            labels = [(name, value) for name, (_, value) in zip(names, labels, strict=True)]
        for index, (label, value) in enumerate(labels):
            lines = simpleSplit(value, "Helvetica", 9, 300)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(50, y, label)
            if wrap_label and index == 0:
                c.drawString(50, y - 11, "recommendation")
            c.setFont("Helvetica", 9)
            for line in lines:
                c.drawString(170, y, line)
                y -= 11
            y -= 11 if wrap_label and index == 0 and len(lines) < 2 else 0
            y -= 6
        y -= 14
    c.save()
    return path


def _rows(path: Path):
    result = extract_file(path)
    return [(r.rec_id, r.recommendation, r.progress, r.responsible, r.timescale) for r in result.rows]


def test_label_value_blocks_without_rules_give_one_row_each(tmp_path):
    assert _rows(_paper(tmp_path / "kv.pdf")) == RECORDS


def test_labels_the_vocabulary_does_not_know_are_found_by_repeating_in_every_block(tmp_path):
    names = ("What the panel asked", "Where things stand", "Lead officer", "Target date")
    records = [(n, "That " + rec[0].lower() + rec[1:], *rest) for n, rec, *rest in RECORDS]
    assert _rows(_paper(tmp_path / "kv-unknown.pdf", names=names, records=records)) == records


def test_a_label_wrapped_onto_the_next_line_is_one_label(tmp_path):
    assert _rows(_paper(tmp_path / "kv-wrapped.pdf", wrap_label=True)) == RECORDS


def test_a_record_cut_by_the_page_break_after_its_first_label_line(tmp_path):
    """Page 1 ends with a record's number and the first word of a label wrapped in its column
    ("Scrutiny" / "recommendation"); the label's end and the rest of the values are on page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "kv-cut.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)

    def line(y: float, label: str, value: str) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(170, y, value)

    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Appendix A: progress on the review recommendations")
    y = 770.0
    for number, rec, progress, owner, due in RECORDS[:2]:
        line(y, "Item", f"R{number}")
        line(y - 11, "Scrutiny", rec)
        c.drawString(50, y - 22, "recommendation")
        line(y - 40, "Progress", progress)
        line(y - 57, "Lead officer", owner)
        line(y - 74, "Target date", due)
        y -= 110
    number, rec, progress, owner, due = RECORDS[2]
    words = rec.split()
    line(60, "Item", f"R{number}")
    line(49, "Scrutiny", " ".join(words[:6]))
    c.setFont("Helvetica", 8)
    c.drawString(290, 20, "7")
    c.showPage()
    line(800, "recommendation", " ".join(words[6:]))
    line(783, "Progress", progress)
    line(766, "Lead officer", owner)
    line(749, "Target date", due)
    c.save()
    assert _rows(path) == [(n, rec, progress, owner, due) for n, rec, progress, owner, due in RECORDS]


def _words(top: float, *groups: tuple[float, str]) -> list[dict]:
    words = []
    for x, text in groups:
        for part in text.split():
            words.append({"text": part, "x0": x, "x1": x + 5.0 * len(part), "top": top, "bottom": top + 10.0})
            x += 5.0 * len(part) + 3.0
    return words


def test_records_set_apart_open_at_the_label_edge_whatever_their_label_says():
    # "What has happened" and "Planned completion" are labels no vocabulary needs to know: they stand at the
    # label edge beside a value, set apart; "Recommendati" / "on" sit close under "Scrutiny Panel" (one label)
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(100, (50, "Ref"), (160, "1.")),
        _words(124, (50, "Scrutiny Panel"), (160, "The council should plant")),
        _words(137, (50, "Recommendati"), (160, "more street trees.")),
        _words(150, (50, "on")),
        _words(174, (50, "What has happened"), (160, "Forty trees were planted.")),
        _words(198, (50, "Lead officer"), (160, "Ann Lee")),
        _words(222, (50, "Planned completion"), (160, "May 2026")),
    ]
    (table, used), *rest = find_blocks(lines, 1)
    assert not rest
    assert len(used) == len(lines)
    labels = [" ".join(r.cells[0].text.split()) for r in table.rows]
    assert labels == [
        "Ref",
        "Scrutiny Panel Recommendati on",
        "What has happened",
        "Lead officer",
        "Planned completion",
    ]
    assert table.rows[1].cells[1].text.split() == "The council should plant more street trees.".split()


def _labels(table) -> list[str]:
    return [" ".join(r.cells[0].text.split()) for r in table.rows]


def test_a_label_named_for_the_body_it_is_addressed_to_is_a_label():
    # "Recommendation to Cabinet" is a label and its addressee; "Recommendation to close" starts a sentence
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(100, (50, "Item"), (200, "4")),
        _words(124, (50, "Recommendation to Cabinet"), (200, "The depot is moved to the old bus garage.")),
    ]
    (table, used), *rest = find_blocks(lines, 1)
    assert not rest
    assert len(used) == 2
    assert _labels(table) == ["Item", "Recommendation to Cabinet"]
    sentence = [lines[0], _words(124, (50, "Recommendation to close"), (200, "the depot."))]
    assert find_blocks(sentence, 1) == []


def test_a_label_wrapped_in_lower_case_over_several_words_is_one_label():
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(100, (50, "Item"), (200, "2")),
        _words(112, (50, "Recommendation of"), (200, "Bus shelters are repaired")),
        _words(124, (50, "the Transport Review Panel"), (200, "within a month.")),
        _words(148, (50, "Lead officer"), (200, "Ravi Shah")),
    ]
    (table, used), *rest = find_blocks(lines, 1)
    assert not rest
    assert len(used) == 4
    assert _labels(table) == ["Item", "Recommendation of the Transport Review Panel", "Lead officer"]
    assert table.rows[1].cells[1].text.split() == "Bus shelters are repaired within a month.".split()


def test_unknown_labels_beside_one_known_label_open_records_on_a_page_that_sets_them_apart():
    # the page's paragraphs run at 12 points a line and its records 24 points apart: "Planned" / "finish"
    # (a label no vocabulary knows, wrapped) opens a record beside the known "Lead officer"; the value lines
    # at the top of the page are the end of a value the page break cut
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(100, (160, "the rest of a long account of")),
        _words(112, (160, "what was done last year.")),
        _words(136, (50, "Lead officer"), (160, "Ravi Shah")),
        _words(148, (50, "Head of Service")),
        _words(172, (50, "Planned"), (160, "June 2026")),
        _words(184, (50, "finish")),
    ]
    (table, used), *rest = find_blocks(lines, 2)
    assert not rest
    assert len(used) == len(lines)
    assert _labels(table) == ["", "Lead officer Head of Service", "Planned finish"]


def test_one_line_records_far_apart_are_each_a_record():
    # every step on the page is a record's (no paragraph sets the line spacing), and a title in larger type
    # says nothing of the body's: each known label opens a record
    from extract.readers.pdf_keyvalue import find_blocks

    title = [{"text": "Appendix", "x0": 50, "x1": 110, "top": 40, "bottom": 60}]
    records = [("Item", "7"), ("Priority", "High"), ("Recommendation", "Paths are gritted."), ("Lead officer", "Jo")]
    lines = [title]
    for start in (100, 200):
        lines += [_words(start + 21 * i, (50, label), (160, value)) for i, (label, value) in enumerate(records)]
    blocks = find_blocks(lines, 1)
    assert [_labels(table) for table, _ in blocks] == [[label for label, _ in records]] * 2


def test_a_record_close_under_a_recommendation_heading_opens_the_block():
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(100, (50, "Recommendation 3")),
        _words(114, (50, "What was asked"), (160, "Gritting routes are published.")),
        _words(126, (160, "They are kept up to date.")),
        _words(138, (160, "Maps are printed.")),
        _words(162, (50, "Progress"), (160, "The routes are online.")),
    ]
    (table, used), *rest = find_blocks(lines, 1)
    assert not rest
    assert len(used) == 4
    assert _labels(table) == ["What was asked", "Progress"]


def test_a_last_record_carried_to_the_top_of_the_next_page_is_read():
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(60, (50, "Progress"), (160, "The new rota started in May.")),
        _words(72, (160, "Staff were trained.")),
        _words(110, (50, "Recommendation 5")),
        _words(134, (50, "Recommendation"), (160, "Libraries open on Sundays.")),
        _words(158, (50, "Lead officer"), (160, "Ann Lee")),
    ]
    blocks = find_blocks(lines, 2)
    assert [_labels(t) for t, _ in blocks] == [["Progress"], ["Recommendation", "Lead officer"]]


def test_a_record_under_a_heading_in_larger_type_is_judged_by_the_body_type():
    # the step from the heading to the first record is wide for the body's type, narrow for the heading's
    from extract.readers.pdf_keyvalue import find_blocks

    def small(top: float, *groups: tuple[float, str]) -> list[dict]:
        return [dict(w, bottom=top + 8.5) for w in _words(top, *groups)]

    lines = [
        small(40, (50, "The panel met four times.")),
        small(50.5, (50, "It heard from officers.")),
        small(61, (50, "It visited two sites.")),
        small(71.5, (50, "It wrote this report.")),
        [dict(w, bottom=97.0) for w in _words(85, (50, "Appendix A"))],
        small(100, (50, "Item"), (200, "R1")),
        small(116, (50, "What was asked"), (200, "The council should mend the paths.")),
        small(126.5, (200, "Work should start this year.")),
    ]
    [(table, _)] = find_blocks(lines, 1)
    assert _labels(table) == ["Item", "What was asked"]


def test_a_line_step_met_twice_is_the_pitch_when_only_single_spacing_gives_it():
    # two values wrap (step 11), the records stand 16 apart, other text 18: the records are set apart by 16,
    # and each opens at its label whatever the label says
    from extract.readers.pdf_keyvalue import _pitch, find_blocks

    lines = [
        _words(60, (50, "Appendix A \u2013 Progress on recommendations")),
        _words(78, (50, "Recommendation 1")),
        _words(96, (50, "What was asked"), (160, "The council should plant")),
        _words(107, (160, "more street trees.")),
        _words(123, (50, "Reply"), (160, "Agreed")),
        _words(139, (50, "What has happened"), (160, "Forty trees were planted")),
        _words(150, (160, "in the spring.")),
        _words(166, (50, "Planned completion"), (160, "May 2026")),
        _words(182, (50, "Lead officer"), (160, "Ann Lee")),
    ]
    assert _pitch(lines) == 11
    [(table, used)] = find_blocks(lines, 1)
    assert _labels(table) == ["What was asked", "Reply", "What has happened", "Planned completion", "Lead officer"]


def test_a_records_last_label_alone_at_the_top_of_a_page_is_read():
    # "Due" and its value open the page, the rest of a record the page break cut; an id label alone is not
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(60, (50, "Due"), (160, "June 2024")),
        _words(100, (50, "Background papers: none.")),
        _words(124, (50, "Contact officer: Ann Lee, Parks Team.")),
    ]
    [(table, used)] = find_blocks(lines, 4)
    assert [(r.cells[0].text, r.cells[1].text) for r in table.rows] == [("Due", "June 2024")]
    assert find_blocks([_words(60, (50, "Item"), (160, "7")), *lines[1:]], 4) == []


def test_one_pair_at_the_foot_or_head_of_a_page_is_a_record_only_when_its_label_names_a_field():
    # the cut end of a borderless table's row ("Hussain" beside "Fund to support this") is no record; a
    # record's label cut off by the page break ("Lead officer", "Item") is
    from extract.readers.pdf_keyvalue import _names_field

    assert not _names_field(_words(700, (50, "Hussain"), (160, "Fund to support this")), 160)
    assert _names_field(_words(700, (50, "Lead officer"), (160, "Ann Lee")), 160)
    assert _names_field(_words(700, (50, "Item"), (160, "R3")), 160)


def test_a_records_last_label_at_the_top_of_a_page_counts_when_the_pages_other_records_have_it():
    # "What has happened" names nothing the vocabulary knows, but the records below on the page use it
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [_words(60, (50, "What has happened"), (160, "Forty trees were planted."))]
    for top, n in ((100, "2"), (200, "3")):
        lines += [
            _words(top, (50, "Recommendation"), (160, f"Plant {n} trees.")),
            _words(top + 24, (50, "What has happened"), (160, "Done.")),
            _words(top + 48, (50, "Due"), (160, "May 2026")),
        ]
    blocks = find_blocks(lines, 2)
    assert [len(t.rows) for t, _ in blocks] == [1, 3, 3]


def test_a_label_the_page_does_not_repeat_opens_the_value_lines_below_it_at_the_page_head():
    # the page break cut a record after its first labels: "What has happened" (unknown to the vocabulary,
    # printed once on this page) opens the page, its value runs on over two more lines, then known labels
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(60, (50, "What has happened"), (160, "Forty trees were planted in the")),
        _words(72, (160, "spring and more follow in the")),
        _words(84, (160, "autumn.")),
        _words(108, (50, "Status"), (160, "Amber")),
        _words(132, (50, "Due"), (160, "May 2026")),
    ]
    [(table, _)] = find_blocks(lines, 3)
    labels = [r.cells[0].text for r in table.rows]
    assert labels == ["What has happened", "Status", "Due"]
    assert table.rows[0].cells[1].text.startswith("Forty trees")


def test_a_text_that_ends_open_is_no_label_however_often_it_recurs():
    # an owner wrapped in a narrow column ("Director of" / "Place") beside progress text, twice on a page
    from extract.readers.pdf_keyvalue import find_blocks

    lines = []
    for top in (100, 200):
        lines += [
            _words(top, (50, "Director of"), (160, "The new policy was adopted in May and has")),
            _words(top + 12, (50, "Place"), (160, "been communicated to all staff.")),
        ]
    assert find_blocks(lines, 2) == []


def test_a_labels_broken_end_in_lower_case_at_the_page_head_opens_the_block():
    # "What the review asked" / "for": the page break cut the label and its value; the rest opens page 2
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(56, (50, "for"), (160, "homes.")),
        _words(80, (160, "This should include:")),
        _words(92, (160, "\u2022 a clear timetable")),
        _words(116, (50, "Work undertaken"), (160, "The plan was approved.")),
        _words(140, (50, "Lead officer"), (160, "Ann Lee")),
    ]
    [(table, _)] = find_blocks(lines, 6)
    assert [r.cells[0].text for r in table.rows] == ["for", "Work undertaken", "Lead officer"]


def test_the_last_lines_of_a_grids_row_in_two_columns_are_no_label_value_block():
    # only the owner ("Democratic" / "Services)") and the recommendation still run on under a row of six
    # columns; lines of other columns printed on offset baselines (3 points apart) do not set the line pitch
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(
            322, (57, "1"), (105, "Medium term"), (260, "Nadia Quinn (Head"), (355, "A pilot began"), (618, "Trees")
        ),
        _words(332.5, (105, "(12 months)"), (260, "of Legal and"), (355, "early results"), (618, "are planted")),
        _words(343, (260, "Democratic"), (618, "through the parks")),
        _words(353.5, (260, "Services)"), (618, "framework.")),
        _words(374, (57, "2"), (105, "Spring 2024"), (260, "Head of HR"), (355, "A lead officer"), (618, "Lights")),
        _words(416, (355, "been slower than planned")),
        _words(419, (618, "Particular attention")),
        _words(426.5, (355, "because of staff")),
        _words(429.5, (618, "should be paid")),
    ]
    assert find_blocks(lines, 1) == []


def test_the_rest_of_a_value_cut_by_the_page_break_opens_the_page_above_its_first_record():
    # the last record of page 1 ran on: its value's rest opens page 2 at the value edge, set apart from the
    # record that follows
    from extract.readers.pdf_keyvalue import find_blocks

    lines = [
        _words(56, (160, "published quarterly on the website.")),
        _words(68, (160, "\u2022 A new web page has been launched")),
        _words(110, (50, "Rec Ref"), (160, "7")),
        _words(134, (50, "Due"), (160, "June 2026")),
    ]
    blocks = find_blocks(lines, 2)
    assert [[r.cells[0].text for r in t.rows] for t, _ in blocks] == [[""], ["Rec Ref", "Due"]]
    assert blocks[0][0].rows[0].cells[1].text.startswith("published quarterly")
