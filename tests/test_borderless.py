"""Borderless PDF tables: one row per recommendation however many printed lines its cells wrap to.

The papers are drawn here with reportlab: tables without any rules, and tables ruled between
rows only. Columns may print on different baselines (another font size or leading), as word
processors often do, so a page "line" can hold the second line of one cell and the first of another.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.readers.pdf_reader import read_pdf

HEADER = ("No.", "Recommendation", "Progress", "Lead", "Due")
WIDTHS = (30, 150, 190, 70, 60)

NUMBERED = [
    (
        "1",
        "The library service extends weekend opening hours at the four busiest branches by spring.",
        "Sunday opening was tried.\nVisitor numbers rose by a fifth during the pilot.",
        "Head of Libraries",
        "April 2025",
    ),
    (
        "2",
        "Volunteers are recruited to run reading groups for older residents.",
        "Twelve volunteers have been trained.",
        "Community Officer",
        "June 2025",
    ),
    (
        "3",
        (
            "The council publishes a yearly report on the condition of its parks, playgrounds and sports pitches "
            "so that residents can follow the repairs."
        ),
        "The first report went to the cabinet in March.",
        "Parks Manager",
        "Yearly",
    ),
    (
        "4",
        "Free wifi is offered in every community centre.",
        "Installed in nine of eleven centres; the last two follow after the rewiring work.",
        "IT Lead",
        "2026",
    ),
]


def _draw(
    path: Path,
    header,
    rows,
    *,
    widths=WIDTHS,
    sizes=None,
    leadings=None,
    spacing=None,
    row_gap=14.0,
    rules=False,
    header_size=9.0,
) -> Path:
    """A one-page paper with a whitespace table drawn line by line; cells top aligned.

    Per column: type ``sizes``, ``leadings`` (line pitch) and ``spacing`` (extra space before a
    paragraph after the first of a cell). Paragraphs are separated by "\n" in the cell texts.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    sizes = sizes or [9.0] * len(header)
    leadings = leadings or [11.0] * len(header)
    spacing = spacing or [0.0] * len(header)
    lefts = [50.0]
    for width in widths[:-1]:
        lefts.append(lefts[-1] + width + 8)
    right = lefts[-1] + widths[-1]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 790, "Culture Scrutiny Panel: progress on the review recommendations")
    y = 750.0
    c.setFont("Helvetica-Bold", header_size)
    for x, label in zip(lefts, header, strict=False):
        c.drawString(x, y, label)
    y -= 22
    if rules:
        c.line(lefts[0], y + header_size + 4, right, y + header_size + 4)
    for row in rows:
        height = 0.0
        for x, width, size, leading, space, text in zip(lefts, widths, sizes, leadings, spacing, row, strict=False):
            c.setFont("Helvetica", size)
            line_y = y
            for n, paragraph in enumerate(text.split("\n") if text else []):
                line_y -= space if n else 0.0
                for line in simpleSplit(paragraph, "Helvetica", size, width):
                    c.drawString(x, line_y, line)
                    line_y -= leading
            height = max(height, y - line_y)
        y -= height + row_gap
        if rules:
            c.line(lefts[0], y + leading + row_gap / 2, right, y + leading + row_gap / 2)
    c.setFont("Helvetica", 10)
    c.drawString(50, y - 30, "The panel is asked to note the progress made.")
    c.showPage()
    c.save()
    return path


def _cells(path: Path) -> list[list[str]]:
    doc = read_pdf(path)
    assert len(doc.tables) == 1
    return [[cell.text for cell in row.cells] for row in doc.tables[0].rows]


def _expected(rows) -> list[list[str]]:
    return [list(row) for row in rows]


def test_numbered_column_wrapped_cells(tmp_path):
    rows = _cells(_draw(tmp_path / "numbered.pdf", HEADER, NUMBERED))
    assert rows[0] == list(HEADER)
    assert rows[1:] == _expected(NUMBERED)


OFFSET = [
    (
        "1",
        (
            "Library opening hours are extended at weekends at the four busiest branches.\n"
            "The change is reviewed after a year with the staff and the users."
        ),
        "Sunday opening was tried.\nVisitors rose by a fifth.\nThe unions agreed the new rota in June.",
        "Head of Libraries",
        "April 2025",
    ),
    (
        "2",
        "Volunteers are recruited to run reading groups for older residents in the evenings.",
        "Twelve volunteers have been trained.\nThe first groups meet in May.",
        "Community Officer",
        "June 2025 and then every year",
    ),
    (
        "3",
        "Mobile library stops are reviewed.\nStops with few visits are moved to the new estates.",
        "Done.\nFour stops moved.",
        "Service Manager",
        "Complete",
    ),
]
# other type sizes and leadings in the lead and due columns, paragraphs spaced differently in the
# recommendation and progress columns: lines of different columns fall a few points apart
OFFSET_STYLE = {
    "sizes": [9.0, 9.0, 9.0, 8.0, 8.0],
    "leadings": [11.0, 11.0, 11.0, 9.5, 9.5],
    "spacing": [0.0, 3.0, 6.0, 0.0, 0.0],
    "row_gap": 12.0,
}


def test_columns_on_offset_baselines(tmp_path):
    """A paragraph of progress starts while the recommendation cell runs on: still one row."""
    path = _draw(tmp_path / "offset.pdf", HEADER, OFFSET, **OFFSET_STYLE)
    assert _cells(path)[1:] == _expected(OFFSET)


def test_unnumbered_columns_on_offset_baselines(tmp_path):
    rows = [row[1:] for row in OFFSET]
    style = {key: value[1:] if isinstance(value, list) else value for key, value in OFFSET_STYLE.items()}
    path = _draw(tmp_path / "offset-plain.pdf", HEADER[1:], rows, widths=WIDTHS[1:], **style)
    assert _cells(path)[1:] == _expected(rows)


def test_running_text_that_starts_with_a_number_is_not_an_entry(tmp_path):
    """Numbers open the recommendation cells; a wrapped line that happens to start with "4." does not."""
    rows = [
        ("1. Parking permits can be renewed online.", "Live since March.", "Parking Manager", "Complete"),
        (
            (
                "2. Waiting times are reported to the panel each quarter using the measures agreed in section 4. "
                "of the annual plan, starting this year."
            ),
            "First report due in July.",
            "Performance Lead",
            "July 2025",
        ),
    ]
    got = _cells(_draw(tmp_path / "running.pdf", HEADER[1:], rows, widths=(127, 180, 80, 60), row_gap=6.0))
    assert got[1:] == _expected(rows)


def test_numbers_open_the_recommendation_cell(tmp_path):
    """No number column: "R1:" opens each recommendation, sometimes with no space after it."""
    header = HEADER[1:]
    rows = [
        (f"R{n}:{'' if n % 2 else ' '}{rec}", progress, lead, due)
        for n, (_, rec, progress, lead, due) in enumerate(NUMBERED, start=1)
    ]
    got = _cells(_draw(tmp_path / "rnum.pdf", header, rows, widths=WIDTHS[1:], row_gap=9.0))
    assert len(got) == 1 + len(NUMBERED)
    for (_, rec, progress, lead, due), row, n in zip(NUMBERED, got[1:], range(1, 10), strict=False):
        assert row == [f"R{n}: {rec}", progress, lead, due]


def test_numbered_table_rows_start_at_numbers_not_gaps(tmp_path):
    """Blank lines between paragraphs inside a cell do not start a row when the table is numbered."""
    rows = [
        (
            "1",
            "Signage in the town centre car parks is renewed.",
            "Survey finished.\n\nNew signs ordered.\n\nFitting starts in the autumn.",
            "Transport Lead",
            "2025",
        ),
        (
            "2",
            "Charging points are added at the leisure centre.",
            "Six points are now in use.",
            "Energy Officer",
            "2024",
        ),
    ]
    got = _cells(_draw(tmp_path / "paras.pdf", HEADER, rows, row_gap=10.0))
    assert [r[0] for r in got[1:]] == ["1", "2"]
    assert got[1][2] == "Survey finished.\nNew signs ordered.\nFitting starts in the autumn."
    assert got[2][1] == "Charging points are added at the leisure centre."


UNNUMBERED = [
    (
        "The museum trust agrees a five year plan for the collection store and the reading room.",
        "A draft plan was shared with trustees in January and comments are being gathered.",
        "Museum Director",
        "December 2025",
    ),
    (
        "Schools are offered free visits to the art gallery.",
        "Forty schools visited last year.\nA booking page opened in March.",
        "Learning Officer",
        "Ongoing",
    ),
    (
        "The arts grant scheme is simplified.",
        "The application form is now two pages long and decisions are made within six weeks of the deadline.",
        "Arts Officer",
        "Complete",
    ),
]


def test_unnumbered_rows_from_white_bands(tmp_path):
    header = HEADER[1:]
    got = _cells(_draw(tmp_path / "plain.pdf", header, UNNUMBERED, widths=WIDTHS[1:], row_gap=12.0))
    assert got[1:] == _expected(UNNUMBERED)


def test_unnumbered_paragraph_gap_is_not_a_row(tmp_path):
    """A blank line inside the recommendation cell, with the other cells running on beside it."""
    rows = [
        (
            "The council reviews its allotment rules.\n\nTenants are consulted before any change.",
            (
                "The review started in spring and a survey of all tenants went out in June; the results will be "
                "reported to the panel with the draft rules later in the year."
            ),
            "Allotments Officer",
            "2025",
        ),
        ("Waiting lists are published online.", "Published monthly since May.", "Web Team", "Complete"),
    ]
    got = _cells(_draw(tmp_path / "para.pdf", HEADER[1:], rows, widths=(150, 180, 80, 60), row_gap=14.0))
    assert len(got) == 3
    assert got[1][0] == "The council reviews its allotment rules.\nTenants are consulted before any change."
    assert got[2][0] == "Waiting lists are published online."


def test_rules_between_rows(tmp_path):
    """Rules between the rows, none between the columns, and rows hardly further apart than lines."""
    header = HEADER[1:]
    got = _cells(_draw(tmp_path / "rules.pdf", header, UNNUMBERED, widths=WIDTHS[1:], row_gap=4.0, rules=True))
    assert got[1:] == _expected(UNNUMBERED)


@pytest.mark.parametrize("rules", [False, True])
def test_whole_paper_gives_one_recommendation_per_row(tmp_path, rules):
    from extract.pipeline import extract_file

    result = extract_file(_draw(tmp_path / "paper.pdf", HEADER, OFFSET, rules=rules, **OFFSET_STYLE))
    assert [r.rec_id for r in result.rows] == ["1", "2", "3"]
    assert [r.recommendation for r in result.rows] == [row[1] for row in OFFSET]
    assert [r.timescale for r in result.rows] == [row[4] for row in OFFSET]


@pytest.mark.parametrize("numbered", [True, False])
def test_row_with_empty_recommendation_stays_a_row(tmp_path, numbered):
    """A row of its own with nothing in the number and recommendation cells (a second owner and
    date for the recommendation above) is kept apart, for the row stage to fold in."""
    rows = [
        ("1", "Grit bins are refilled before the first frost.", "Refilled in October.", "Highways", "Yearly"),
        ("", "", "The hill routes are checked weekly.", "Area Teams", "Winter"),
        ("2", "Footpath repairs are listed online.", "The list is updated monthly.", "Web Team", "Complete"),
    ]
    header, widths = HEADER, WIDTHS
    if not numbered:
        rows, header, widths = [row[1:] for row in rows], HEADER[1:], WIDTHS[1:]
    got = _cells(_draw(tmp_path / "cont.pdf", header, rows, widths=widths, row_gap=12.0))
    assert got[1:] == _expected(rows)


def test_response_annex_ruled_between_rows_with_the_number_in_the_text(tmp_path):
    """Two columns ruled between rows; the first body line, close under the header, opens with its number."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from extract import extract_file

    body = getSampleStyleSheet()["BodyText"]
    answers = [
        "We agree and will publish the first figures in the spring.",
        "We agree in part: the pilot will run in two regions before any wider change.",
        "We do not agree; the existing duty already covers this.",
    ]
    rows = [[Paragraph("Recommendation", body), Paragraph("Government response", body)]]
    rows += [
        [Paragraph(f"Recommendation {i}: {NUMBERED[i - 1][1]}", body), Paragraph(answers[i - 1], body)]
        for i in (1, 2, 3)
    ]
    path = tmp_path / "annex.pdf"
    table = Table(rows, colWidths=[230, 260])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)]))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([table])
    result = extract_file(path)
    assert [(r.rec_id, r.recommendation, r.progress) for r in result.rows] == [
        (str(i), NUMBERED[i - 1][1], answers[i - 1]) for i in (1, 2, 3)
    ]


def _merged_paper(path: Path) -> Path:
    """Rules between rows only; each recommendation's cell spans several action rows, which are parted by
    rules that leave the recommendation column out. A short paragraph follows the closing rule."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lefts, right = (50.0, 250.0, 400.0, 510.0), 570.0
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 9)
    for x, label in zip(lefts, HEADER[1:], strict=True):
        c.drawString(x, 760, label)
    c.line(46, 752, right, 752)
    y = 740.0
    recs = [
        (
            ["Recommendation 1: Bins are emptied", "weekly in every ward of the district."],
            [
                ("Rounds re-planned.", ["Waste Manager"], "May 2025"),
                ("Crews hired.", ["Head of Legal and", "Democratic Services"], "June 2025"),
            ],
        ),
        (
            ["Recommendation 2: Street lights are", "switched to low-energy lamps."],
            [("Half done.", ["Highways Lead"], "2026"), ("Survey begun.", ["Parks Officer"], "2027")],
        ),
    ]
    for rec_lines, actions in recs:
        c.setFont("Helvetica", 9)
        for i, text in enumerate(rec_lines):
            c.drawString(lefts[0], y - 11 * i, text)
        action_y = y
        for n, (progress, lead, due) in enumerate(actions):
            if n:
                c.line(lefts[1] - 4, action_y + 13, right, action_y + 13)  # parts the action rows only
            c.drawString(lefts[1], action_y, progress)
            for i, text in enumerate(lead):
                c.drawString(lefts[2], action_y - 11 * i, text)
            c.drawString(lefts[3], action_y, due)
            action_y -= 11 * len(lead) + 14
        y = min(action_y, y - 11 * len(rec_lines) - 14)
        c.line(46, y + 12, right, y + 12)
    c.drawString(50, y - 14, "Background papers: none.")
    c.showPage()
    c.save()
    return path


def test_merged_action_rows_parted_by_short_rules_and_a_paragraph_after_the_closing_rule(tmp_path):
    from extract.pipeline import extract_file

    result = extract_file(_merged_paper(tmp_path / "merged.pdf"))
    got = [(r.rec_id, r.recommendation, r.responsible, r.timescale) for r in result.rows]
    assert got == [
        (
            "1",
            "Bins are emptied weekly in every ward of the district.",
            "Waste Manager; Head of Legal and Democratic Services",
            "May 2025; June 2025",
        ),
        ("2", "Street lights are switched to low-energy lamps.", "Highways Lead; Parks Officer", "2026; 2027"),
    ]


def _word(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top, "bottom": top + 9.0}


def _columns(lefts: tuple[float, ...], roles: dict[str, int], labels: tuple[str, ...]):
    """Column edges and a header map, as a borderless header gives them."""
    from extract.headers import HeaderMap
    from extract.readers.pdf_borderless import Columns

    return Columns(lefts=lefts, header=HeaderMap(columns=roles, row=0, labels=labels))


def _update_first():
    """The columns "Update | Recommendation | Lead" at 50, 250 and 450."""
    return _columns(
        (50.0, 250.0, 450.0),
        {"progress": 0, "recommendation": 1, "responsible": 2},
        ("Update", "Recommendation", "Lead"),
    )


def _line(top: float, *groups: tuple[float, str]) -> list[dict]:
    words = []
    for x, text in groups:
        for part in text.split():
            words.append(_word(part, x, top))
            x += 5.0 * len(part) + 3.0
    return words


def test_a_label_broken_over_four_lines_by_a_narrow_column_is_one_header():
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "No."), (90, "Recommendation"), (250, "Progress"), (400, "Owner"), (480, "Expecte")),
        _line(110, (480, "d")),
        _line(120, (480, "comple")),
        _line(130, (480, "tion")),
        _line(150, (50, "1."), (90, "Trees are planted."), (250, "Begun in May."), (400, "Ann"), (480, "2025")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 4)
    assert columns.header.col("timescale") == 4


def test_body_words_that_are_also_labels_do_not_start_a_new_header():
    from extract.readers.pdf_borderless import _labels_line

    assert not _labels_line(_line(100, (90, "services each"), (250, "Service; recruitment is under"), (400, "Team")))
    assert _labels_line(_line(100, (90, "Recommendation"), (250, "Progress"), (400, "Lead officer")))


def test_ids_with_their_word_on_one_line_start_rows():
    from extract.readers.pdf_rowcuts import _is_number

    assert _is_number("Rec 2", True)
    assert _is_number("No. 14", True)
    assert _is_number("R3", True)
    assert not _is_number("Recommendation", True)
    assert not _is_number("Head of Parks", True)


def test_a_paragraph_after_a_borderless_table_is_not_in_its_last_row():
    from extract.headers import HeaderMap
    from extract.readers.pdf_borderless import Columns, _without_trailing_paragraph

    columns = Columns(
        lefts=(50.0, 250.0),
        header=HeaderMap(columns={"recommendation": 0, "progress": 1}, row=0, labels=("Recommendation", "Progress")),
    )
    body = [
        _line(100, (50, "3. Trees are planted."), (250, "Begun in May; more")),
        _line(111, (250, "to follow in autumn.")),
        _line(140, (50, "Background papers: none.")),
    ]
    assert _without_trailing_paragraph(body, columns, 9.0) == body[:2]
    numbered = [*body[:2], _line(140, (50, "4. Benches are mended."))]
    assert _without_trailing_paragraph(numbered, columns, 9.0) == numbered
    # the first column's text runs on to the paragraph: the wider gap above it still tells it apart
    running = [
        _line(100, (50, "Trees were planted"), (250, "Parks Team")),
        _line(111, (50, "in May and June.")),
        _line(124, (50, "More follow in autumn.")),
        _line(160, (50, "Background papers: none.")),
    ]
    assert _without_trailing_paragraph(running, columns, 9.0) == running[:3]
    assert _without_trailing_paragraph(running[:3], columns, 9.0) == running[:3]


def test_a_label_finished_on_a_fourth_line_that_changes_its_meaning_stays_in_the_header():
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Implemen"), (120, "Recommendation"), (300, "Progress"), (450, "Owner")),
        _line(110, (50, "tation")),
        _line(120, (50, "date")),
        _line(140, (50, "May 2026"), (120, "1. Trees are planted."), (300, "Begun in May."), (450, "Ann")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 3)
    assert columns.header.col("timescale") == 0


def test_the_next_tables_header_with_broken_labels_ends_the_body():
    from extract.readers.pdf_borderless import build_table, find_header

    def header(top: float) -> list[list[dict]]:
        return [
            _line(top, (50, "Review"), (200, "Comments"), (380, "Recommen"), (480, "Expected")),
            _line(top + 10, (50, "recommendation"), (380, "dation to:"), (480, "completion")),
        ]

    def entry(top: float, n: int) -> list[list[dict]]:
        return [_line(top, (50, f"{n}) Trees are planted"), (200, "Begun in May."), (380, "Parks"), (480, "2026"))]

    lines = [*header(100), *entry(130, 1), *header(170), *entry(200, 2)]
    at, size, columns = find_header(lines)
    table, count = build_table(lines[at + size :], columns, 1, 0, lines[at : at + size])
    assert count == 1
    assert len(table.rows) == 2


def test_a_header_whose_recommendation_label_is_unknown_is_found_from_the_lines_below(tmp_path):
    # "What the panel asked" names no role the vocabulary knows; the cells below ask, the next column reports
    header = ("Ref", "What the panel asked", "Where things stand", "Lead", "Due")
    asked = [
        (
            row[0],
            "That " + row[1][0].lower() + row[1][1:],
            "It has been agreed. " + row[2].replace("\n", " "),
            row[3],
            row[4],
        )
        for row in NUMBERED
    ]
    rows = _cells(_draw(tmp_path / "unknown.pdf", header, asked))
    assert rows[0] == list(header)
    assert rows[1:] == _expected(asked)


def test_labels_wrapped_over_three_lines_stay_one_header_even_when_one_line_maps_more_roles():
    # line one alone reads "Date" as a timescale and "Complete" as a status; the whole labels are "Date
    # agreed" (not a timescale) and "Complete by" (the deadline), and there is no status column
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Responsible"), (150, "Date"), (220, "Review outcome"), (390, "Complete"), (470, "Progress")),
        _line(110, (50, "Head of"), (150, "agreed"), (390, "by")),
        _line(120, (50, "Service")),
        _line(
            140, (50, "Ann Lee"), (150, "4 May 2024"), (220, "1) Trees should be"), (390, "Complete"), (470, "Trees")
        ),
        _line(150, (220, "planted in parks."), (470, "were planted in March.")),
        _line(170, (50, "Jo Bloggs"), (150, "9 June 2023"), (220, "2) Benches should be"), (390, "2026/27")),
        _line(180, (220, "mended."), (470, "Benches have been ordered.")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 3)
    assert columns.header.columns == {"responsible": 0, "recommendation": 2, "timescale": 3, "progress": 4}


def test_unknown_labels_broken_mid_word_are_glued_back_before_they_are_judged():
    from extract.readers.pdf_borderless import _could_be_labels, _spans

    lines = [
        _line(100, (50, "What the panel"), (160, "What has"), (260, "Respon"), (330, "Comple"), (400, "Ratin")),
        _line(110, (50, "asked for"), (160, "happened"), (260, "sible"), (330, "te by"), (400, "g")),
    ]
    assert [s[2] for s in _spans(lines)] == [
        "What the panel\nasked for",
        "What has\nhappened",
        "Responsible",
        "Complete by",
        "Rating",
    ]
    assert _could_be_labels(lines)
    assert not _could_be_labels(lines[:1])  # the pieces alone are not words the vocabulary knows


def test_a_row_starts_under_the_text_a_row_from_the_page_before_carries_on():
    # top of a page: the progress of the last row of the page before runs on, then a white band, then a new
    # row whose recommendation is the first text of its column on the page
    from extract.readers.pdf_rowcuts import _rows

    columns = _columns(
        (50.0, 250.0, 450.0),
        {"progress": 0, "responsible": 1, "recommendation": 2},
        ("Update", "Lead", "Recommendation"),
    )
    body = [
        _line(100, (50, "and the rest is due")),
        _line(111, (50, "in the spring.")),
        _line(140, (50, "A survey was done"), (250, "Ann Lee"), (450, "Officers should")),
        _line(151, (50, "in May."), (450, "survey the roofs.")),
        _line(180, (50, "Bins were bought"), (250, "Jo Tan"), (450, "The Council should")),
        _line(191, (50, "in June."), (450, "buy more bins.")),
    ]
    rows = [" ".join(w["text"] for w in r[0]) for r in _rows(body, columns)]
    assert len(rows) == 3
    assert rows[0] == "and the rest is due in the spring."
    assert rows[1].startswith("A survey was done")


def test_a_header_wrapped_over_five_lines_is_found_even_when_its_recommendation_label_is_known():
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Complete"), (130, "Select"), (200, "Recommendation of"), (330, "Reply")),
        _line(110, (50, "by"), (130, "Commit"), (200, "the Task and Finish")),
        _line(120, (130, "tee")),
        _line(130, (200, "Group")),
        _line(150, (50, "2025/26"), (130, "Resources"), (200, "1. Trees should be"), (330, "Trees were")),
        _line(161, (130, "Committee"), (200, "planted in parks."), (330, "planted in March.")),
        _line(190, (50, "Q2 2026"), (130, "Children"), (200, "2. Benches should be"), (330, "Benches have been")),
        _line(201, (200, "mended."), (330, "ordered.")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 4)
    assert columns.header.labels[2] == "Recommendation of\nthe Task and Finish\nGroup"
    assert columns.header.col("recommendation") == 2


def test_a_second_paragraph_of_a_recommendation_level_with_one_of_the_progress_is_no_new_row():
    from extract.readers.pdf_rowcuts import _rows

    columns = _columns(
        (50.0, 250.0, 450.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    body = [
        _line(100, (50, "Officers should survey"), (250, "A survey was done"), (450, "Ann Lee")),
        _line(111, (50, "the roofs."), (250, "in May.")),
        _line(139, (50, "Progress should be"), (250, "The roofs were")),
        _line(150, (50, "reported yearly."), (250, "mended in June.")),
        _line(178, (50, "The Council should"), (250, "Bins were bought"), (450, "Jo Tan")),
        _line(189, (50, "buy more bins."), (250, "in June.")),
    ]
    rows = [" ".join(w["text"] for w in r[0]) for r in _rows(body, columns)]
    assert len(rows) == 2
    assert "Progress should be" in rows[0]


def test_the_header_printed_again_over_a_page_of_carried_on_text_is_known_by_its_labels():
    from extract.readers.pdf_borderless import repeated_header

    columns = _columns(
        (50.0, 200.0, 300.0),
        {"recommendation": 0, "progress": 1},
        ("Review outcome", "Date of\nmeeting", "Status update"),
    )
    lines = [
        _line(100, (50, "Review outcome"), (200, "Date of"), (300, "Status update")),
        _line(110, (200, "meeting")),
        _line(140, (300, "in the same period last year.")),
    ]
    assert repeated_header(lines, columns) == 2
    assert repeated_header(lines[2:], columns) == 0
    # the carried text's first line, close under the labels, spoils one of them: it is not the header's
    close = [*lines[:2], _line(121, (300, "recommendation has been"))]
    assert repeated_header(close, columns) == 2


def test_a_label_wrapped_down_to_a_year_in_brackets_stays_in_the_header():
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Recommendation"), (200, "Progress"), (330, "Responsi"), (400, "RAG")),
        _line(110, (330, "ble Head"), (400, "(Octo")),
        _line(120, (330, "of"), (400, "ber")),
        _line(130, (330, "Service"), (400, "2026")),
        _line(140, (400, ")")),
        _line(170, (50, "1) Trees should be"), (200, "Trees were"), (330, "Ann Lee"), (400, "Green")),
        _line(181, (50, "planted."), (200, "planted.")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 5)
    assert " ".join(columns.header.labels[2].split()) == "Responsible Head of Service"


def test_a_running_title_above_the_header_printed_again_is_not_a_part_of_the_table():
    # page 2 of a borderless table: a running title wrapped onto a second line ("2023"), the header again,
    # then the rest of the row the page break cut: the title's pieces are no row of the table
    from extract.readers.pdf_reader import _borderless

    columns = _columns(
        (50.0, 250.0, 400.0, 480.0),
        {"recommendation": 0, "progress": 1, "responsible": 2, "timescale": 3},
        ("Recommendation", "Progress", "Lead officer", "Target date"),
    )
    lines = [
        _line(60, (50, "Parks review: recommendations and progress as at 28 September")),
        _line(71, (50, "2023")),
        _line(97, (50, "Recommendation"), (250, "Progress"), (400, "Lead officer"), (480, "Target date")),
        _line(120, (50, "every ward."), (250, "in May.")),
        _line(140, (50, "4. Paths are mended."), (250, "Begun."), (400, "Jo Tan"), (480, "2026")),
    ]
    tables, _, _ = _borderless([w for line in lines for w in line], 2, columns, 800.0)
    cells = [" ".join(c.text.split()) for t in tables for r in t.rows for c in r.cells]
    assert not any("2023" in c or "Parks" in c for c in cells)
    assert "every ward." in cells


def test_a_label_word_that_ends_a_label_broken_down_a_narrow_column_stays_in_the_header():
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Rec"), (90, "Recommendation"), (250, "Progress"), (400, "Owner"), (480, "Due")),
        _line(110, (50, "om")),
        _line(120, (50, "men")),
        _line(130, (50, "dati")),
        _line(140, (50, "on")),
        _line(150, (50, "Ref")),
        _line(170, (50, "1."), (90, "Trees are planted."), (250, "Begun in May."), (400, "Ann"), (480, "2025")),
        _line(190, (50, "2."), (90, "Paths are mended."), (250, "Done."), (400, "Bob"), (480, "2026")),
    ]
    found = find_header(lines)
    assert found is not None
    at, size, columns = found
    assert (at, size) == (0, 6)
    assert columns.header.labels[0].split() == ["Rec", "om", "men", "dati", "on", "Ref"]


def test_a_rule_broken_where_merged_cells_span_it_still_parts_the_rows():
    # rules between rows, drawn in two pieces that leave out the number and recommendation columns, whose
    # cells span both action rows: the pieces together run across most of the table, so the rows part there
    # (the white band alone is too narrow to part them)
    from extract.readers.pdf_rowcuts import _rows

    columns = _columns(
        (50.0, 100.0, 160.0, 400.0),
        {"rec_id": 0, "recommendation": 1, "progress": 2, "responsible": 3},
        ("No.", "Recommendation", "Update", "Lead"),
    )
    body = [
        _line(100, (100, "Report"), (160, "the review ends in May."), (400, "Jo Tan")),
        _line(111, (100, "yearly.")),
        _line(126, (160, "A survey was done"), (400, "Ann Lee")),
        _line(137, (160, "in June.")),
    ]
    rules = [(123.0, 160.0, 350.0), (123.0, 355.0, 560.0)]
    rows = [" ".join(w["text"] for w in r[0]) for r in _rows(body, columns, rules)]
    assert len(rows) == 2
    assert rows[1] == "A survey was done in June. Ann Lee"


def test_theme_headings_between_borderless_rows_are_rows_of_their_own_not_the_tables_end():
    # one heading runs across the column edges (it would end the table as running text); the other stands
    # alone in the wide first column, set apart above and below, with a row starting under it
    from extract.readers.pdf_borderless import build_table
    from extract.rows import group_label

    columns = _columns(
        (50.0, 250.0, 450.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    lines = [
        _line(100, (50, "Section A \u2013 Parks and open spaces in the borough")),
        _line(125, (50, "1. Plant more trees."), (250, "Begun in May."), (450, "Ann Lee")),
        _line(136, (50, "in every ward."), (250, "Forty planted.")),
        _line(160, (50, "Safer streets")),
        _line(185, (50, "2. Mend the lights."), (250, "Done in June."), (450, "Jo Tan")),
    ]
    table, used = build_table(lines, columns, 1, 0, None)
    assert used == len(lines)
    assert [group_label(r) for r in table.rows] == [
        "Section A \u2013 Parks and open spaces in the borough",
        None,
        "Safer streets",
        None,
    ]
    assert table.rows[1].cells[0].text == "1. Plant more trees. in every ward."
    # a line of prose across the columns after the table still ends it
    after = _line(160, (50, "The committee is asked to note all of the progress made on each of these."))
    assert columns.crosses(after)
    assert build_table([*lines[1:3], after], columns, 1, 0, None)[1] == 2
    # nor is the next table's title over its labels a theme: the table ends above it
    title = _line(160, (50, "Table 2: Revenue budget forecast"))
    budget = _line(175, (50, "Service"), (250, "Budget"), (350, "Forecast"), (450, "Variance"), (520, "Comments"))
    assert build_table([*lines[1:3], title, budget], columns, 1, 0, None)[1] == 2


def test_a_last_paragraph_above_the_closing_rule_stays_in_its_cell():
    # the first column's cell ends in a second paragraph, set apart like a paragraph after the table would
    # be; a rule across the table under it closes the table, so it is the cell's
    from extract.readers.pdf_borderless import build_table

    columns = _update_first()
    lines = [
        _line(100, (50, "Forty trees were planted"), (250, "1. Plant more trees."), (450, "Ann Lee")),
        _line(111, (50, "in the spring.")),
        _line(122, (50, "The survey is done.")),
        _line(145, (50, "A second phase.")),  # short of the column's width: no wrapped paragraph
        _line(156, (50, "Begins in autumn.")),
    ]
    rules = [(95.0, 45.0, 560.0), (170.0, 45.0, 560.0)]
    assert build_table(lines, columns, 1, 0, None, rules)[1] == 5
    assert build_table(lines, columns, 1, 0, None, rules[:1])[1] == 3


def test_text_in_larger_type_at_the_top_of_the_next_page_is_the_papers_not_the_carried_tables():
    from dataclasses import replace

    from extract.readers.pdf_borderless import build_table

    columns = _update_first()
    carried = replace(columns, text_height=9.0)  # _word sets text 9 high
    big = [{**w, "bottom": w["top"] + 11.0} for w in _line(123, (50, "Background papers: none"))]
    lines = [_line(100, (50, "and the rest is done.")), _line(111, (50, "The survey ends in May.")), big]
    assert build_table(lines, carried, 2, 0, None)[1] == 2
    assert build_table(lines, columns, 2, 0, None)[1] == 3  # the type size unknown: read as before
    # a bullet glyph set taller than the words beside it does not make a line another type
    bullet = {**_word("\u2022", 100, 122), "bottom": 133.0}
    listed = [*lines[:2], [*_line(122, (50, "officer")), bullet], _line(133, (50, "\u2022 a liaison post"))]
    assert build_table(listed, carried, 2, 0, None)[1] == 4


def test_a_label_wrapped_down_to_a_month_and_year_stays_in_the_header():
    from extract.readers.pdf_borderless import find_header

    # the second row of labels starts on the fourth line, under a label wrapped over three
    lines = [
        _line(100, (50, "Progress at"), (250, "Lead"), (330, "Complet"), (400, "Recommendation of")),
        _line(110, (250, "Cabinet"), (330, "e"), (400, "the")),
        _line(120, (250, "Member")),
        _line(129, (50, "February 2026"), (330, "by"), (400, "Task and Finish")),
        _line(139, (400, "Group")),
        _line(165, (50, "Forty trees were"), (250, "Ann Lee"), (330, "May"), (400, "1. Trees should")),
        _line(176, (50, "planted in May."), (400, "be planted.")),
        _line(200, (50, "The lights work."), (250, "Jo Tan"), (330, "June"), (400, "2. Lights should")),
        _line(211, (400, "be mended.")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 5)
    assert columns.header.labels[0] == "Progress at\nFebruary 2026"


def test_a_paragraph_set_well_below_the_rows_in_the_first_column_is_not_the_last_rows():
    # the last row's first cell ends in a paragraph of its own beside the recommendation's last lines, so
    # the first column runs on; the paragraph after the table stands further below than any two lines inside
    from extract.readers.pdf_borderless import build_table

    columns = _columns(
        (50.0, 250.0, 450.0),
        {"progress": 0, "responsible": 1, "recommendation": 2},
        ("Update", "Lead", "Recommendation"),
    )
    lines = [
        _line(100, (50, "Forty trees were planted."), (250, "Ann Lee"), (450, "Trees should be")),
        _line(111, (450, "planted in parks.")),
        _line(114, (50, "A second phase")),
        _line(125, (50, "begins in May.")),
        _line(160, (50, "Background papers: none.")),
    ]
    assert build_table(lines, columns, 1, 0, None)[1] == 4


def test_a_second_row_of_labels_set_apart_that_only_finishes_the_labels_above_stays_in_the_header():
    # "undertaken" and "(Y/N)" name nothing alone, but finish "Work" and "Completed"
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Ref"), (100, "Recommendation"), (300, "Work"), (450, "Completed"), (550, "Lead")),
        _line(125, (300, "undertaken"), (450, "(Y/N)")),
        _line(150, (50, "1."), (100, "Trees should be"), (300, "Forty trees were"), (450, "Yes"), (550, "Ann Lee")),
        _line(161, (100, "planted in parks."), (300, "planted in May.")),
        _line(185, (50, "2."), (100, "Lights should be"), (300, "The lights were"), (450, "No"), (550, "Jo Tan")),
        _line(196, (100, "mended."), (300, "mended in June.")),
    ]
    at, size, columns = find_header(lines)
    assert (at, size) == (0, 2)
    assert columns.header.labels[2] == "Work\nundertaken"


def test_the_header_printed_again_with_its_labels_wrapped_otherwise_is_still_the_header():
    from extract.readers.pdf_borderless import _header_again

    columns = _columns(
        (50.0, 100.0, 280.0, 350.0, 600.0),
        {"rec_id": 0, "recommendation": 1, "progress": 3, "responsible": 4},
        ("Rec Ref", "What the review asked for", "Date agreed", "Work undertaken", "Accountable officer"),
    )
    labels = ((50, "Rec"), (100, "What the review asked for"), (280, "Date"), (350, "Work undertaken"))
    lines = [
        _line(100, *labels, (600, "Accountable")),
        _line(111, (50, "Ref"), (280, "agreed"), (600, "officer")),
        _line(
            135, (50, "3."), (100, "Trees should be planted."), (280, "May 2024"), (350, "Forty were."), (600, "Ann")
        ),
    ]
    assert _header_again(lines, columns)
    assert not _header_again(lines[2:], columns)


def test_a_carried_tables_row_with_an_empty_cell_is_not_taken_for_another_tables_header():
    from extract.readers.pdf_borderless import fewer_of

    carried = _columns(
        (50.0, 200.0, 400.0, 500.0), {"recommendation": 0, "progress": 1}, ("Rec", "Update", "Lead", "Due")
    )
    row_read_as_labels = _columns(
        (200.0, 401.0, 500.0), {"recommendation": 0}, ("This recommendation", "Ann", "Ongoing")
    )
    other_table = _columns((50.0, 150.0, 300.0), {"recommendation": 0}, ("Item", "Recommendation", "Officer"))
    assert fewer_of(row_read_as_labels, carried)
    assert not fewer_of(other_table, carried)
    assert not fewer_of(carried, carried)


def test_a_paragraph_wrapped_at_the_first_columns_width_is_the_rest_of_its_cell():
    # the first column's cell goes on below the row in paragraphs of its own, each wrapped at the column's
    # width: the rest of the cell (running on to the page foot), not the paper's text after the table
    from extract.readers.pdf_borderless import build_table

    columns = _update_first()
    lines = [
        _line(100, (50, "Forty trees were planted"), (250, "1. Plant more trees."), (450, "Ann Lee")),
        _line(111, (50, "in the spring.")),
        _line(140, (50, "A second phase of work")),
        _line(151, (50, "begins with the parks")),
        _line(162, (50, "in the autumn.")),
    ]
    assert build_table(lines, columns, 1, 0, None)[1] == 5
    # one short line set apart is still the paper's text
    assert build_table([*lines[:2], _line(140, (50, "Background papers: none."))], columns, 1, 0, None)[1] == 2


def test_a_line_of_running_text_under_the_closing_rule_is_not_the_last_row():
    # "Contact officer: ... Team." runs on across a column edge with ordinary word spaces: one paragraph
    # below the table's closing rule, set further below it than the rows' text below theirs
    from extract.readers.pdf_borderless import build_table

    columns = _columns(
        (50.0, 244.0, 400.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    lines = [
        _line(103, (50, "1. Plant more trees."), (244, "Begun in May."), (400, "Ann Lee")),
        _line(133, (50, "2. Mend the lights."), (244, "Done."), (400, "Jo Tan")),
        _line(175, (50, "Contact officer: Tom Rowe, Public Health"), (244, "Team.")),
    ]
    rules = [(100.0, 45.0, 560.0), (130.0, 45.0, 560.0), (160.0, 45.0, 560.0)]
    table, used = build_table(lines, columns, 1, 0, None, rules)
    assert used == 2
    assert not any("Contact" in c.text for r in table.rows for c in r.cells)
    # a row's line that starts a little above its rule (its type's ascent) is still under that rule
    raised = [
        lines[0],
        _line(129.5, (50, "2. Mend the lights."), (244, "Done."), (400, "Jo Tan")),
        _line(170, (50, "Contact officer: Tom Rowe, Public Health"), (244, "Team.")),
    ]
    assert build_table(raised, columns, 1, 0, None, [*rules[:2], (155.0, 45.0, 560.0)])[1] == 2


def test_the_labels_of_a_borderless_header_are_judged_with_the_cells_below():
    # "Paragraph" alone is a weak number label; over ids it is the number column, so rows start at the ids
    from extract.readers.pdf_borderless import find_header

    lines = [
        _line(100, (50, "Paragraph"), (120, "Recommendation"), (280, "Progress"), (420, "Lead")),
        _line(125, (50, "R1"), (120, "Trees are planted."), (280, "Begun in May."), (420, "Ann Lee")),
        _line(150, (50, "R2"), (120, "Lights are mended."), (280, "Done in June."), (420, "Jo Tan")),
    ]
    _, _, columns = find_header(lines)
    assert columns.header.col("rec_id") == 0


def test_the_last_rows_cells_that_reach_the_foot_may_run_on_to_the_next_page():
    from extract.readers.pdf_borderless import build_table

    columns = _columns(
        (50.0, 250.0, 450.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    lines = [
        _line(100, (50, "2. Plant more trees."), (250, "Begun in May and"), (450, "Strategic")),
        _line(111, (250, "carried on in")),
    ]
    table, _ = build_table(lines, columns, 1, 0, None)
    assert [c.overflows for c in table.rows[-1].cells] == [True, True, True]
    rows = [_line(70, (50, "1. Plant trees."), (250, "Begun."), (450, "Ann Lee")), *lines]
    assert [c.overflows for c in build_table(rows, columns, 1, 0, None)[0].rows[0].cells] == [False] * 3


def test_a_theme_heading_wrapped_within_a_narrow_first_column_is_one_heading_row():
    # "B. Governance and" / "oversight": lines of the first column only, close together, set apart from the
    # rows above and below
    from extract.readers.pdf_borderless import build_table
    from extract.rows import group_label

    columns = _columns(
        (50.0, 150.0, 350.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    lines = [
        _line(100, (50, "1. Plant"), (150, "Begun in May."), (350, "Ann Lee")),
        _line(111, (50, "more trees.")),
        _line(135, (50, "B. Governance")),
        _line(146, (50, "and oversight")),
        _line(170, (50, "2. Mend the"), (150, "Done in June."), (350, "Jo Tan")),
        _line(181, (50, "lights.")),
    ]
    table, used = build_table(lines, columns, 1, 0, None)
    assert used == len(lines)
    assert [group_label(r) for r in table.rows] == [None, "B. Governance and oversight", None]
    # a word or a piece of one a line, down a narrow first column
    narrow = [
        *lines[:2],
        *(_line(135 + 11 * k, (50, piece)) for k, piece in enumerate(("Par", "t 2", "\u2013", "Dat", "a"))),
        _line(200, (50, "2. Mend the"), (150, "Done in June."), (350, "Jo Tan")),
    ]
    assert [group_label(r) for r in build_table(narrow, columns, 1, 0, None)[0].rows][1] is not None
    # set close under the row above, the lines are the first cell's own
    close = [lines[0], lines[1], _line(122, (50, "B. Governance")), _line(133, (50, "and oversight")), *lines[4:]]
    assert [group_label(r) for r in build_table(close, columns, 1, 0, None)[0].rows] == [None, None]


def test_a_rule_across_a_numbered_table_parts_the_rows_even_when_the_first_column_goes_on_below_it():
    # "Governance and oversight" in the recommendation column's own ruled band, under recommendation 2: a row
    # of its own (a theme heading the row stage reads as such), not a paragraph of recommendation 2
    from extract.readers.pdf_borderless import build_table
    from extract.rows import group_label

    columns = _columns(
        (50.0, 250.0, 400.0),
        {"recommendation": 0, "progress": 1, "responsible": 2},
        ("Recommendation", "Update", "Lead"),
    )
    lines = [
        _line(103, (50, "R1 Plant more trees."), (250, "Begun in May."), (400, "Ann Lee")),
        _line(133, (50, "R2 Mend the lights."), (250, "Done."), (400, "Jo Tan")),
        _line(148, (50, "Governance and oversight")),  # set close between the rules
        _line(163, (50, "R3 Open the library."), (250, "Open."), (400, "Sam Hill")),
    ]
    rules = [(100.0, 45.0, 560.0), (130.0, 45.0, 560.0), (145.0, 45.0, 560.0), (160.0, 45.0, 560.0)]
    table, _ = build_table(lines, columns, 1, 0, None, rules)
    assert [r.cells[0].text for r in table.rows] == [
        "R1 Plant more trees.",
        "R2 Mend the lights.",
        "Governance and oversight",
        "R3 Open the library.",
    ]
    assert group_label(table.rows[2]) is None  # its first cell only: the row stage judges what it is


def test_the_title_right_above_another_tables_labels_is_not_the_last_rows():
    # a page the tracking table was carried to opens with a work programme: its title, then its labels
    from extract.readers.pdf_borderless import build_table

    columns = _update_first()
    lines = [
        _line(100, (50, "Forty trees were planted."), (250, "1. Plant more trees."), (450, "Ann Lee")),
        _line(111, (50, "Work programme 2026/27")),
        _line(125, (50, "Meeting date"), (150, "Item"), (300, "Lead officer"), (450, "Purpose")),
        _line(140, (50, "May 2026"), (150, "Annual report"), (300, "Jo Tan"), (450, "Monitoring")),
    ]
    assert build_table(lines, columns, 2, 0, None)[1] == 1
    # a last line that runs on as a sentence stays the row's
    lines[1] = _line(111, (50, "More follow in May."))
    assert build_table(lines, columns, 2, 0, None)[1] == 2
