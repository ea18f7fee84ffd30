"""Rotated PDF pages: sideways or upside-down text, and pages turned with /Rotate, give their rows."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from extract import extract_file
from extract.readers.pdf_rotate import page_turn, reading_page, text_direction

HEADINGS = ["Harbour Works Committee", "14 May 2031", "Progress on the Quay Safety Review Recommendations"]
HEADER = ["Recommendation", "Progress", "Lead Officer", "Timescale"]
ROWS = [
    [
        "1. Replace the worn mooring rings",
        ["Twelve rings replaced in April.", "The rest are on order."],
        "Harbour Master",
        "June 2031",
    ],
    ["2. Repaint the slipway markings", ["Done before the spring tides."], "Quay Supervisor", "Complete"],
    ["3. Review the lifebuoy checks", ["Checks now weekly and logged."], "Safety Adviser", "Ongoing"],
]
COLUMNS = [250, 250, 130, 100]  # widths of the table's columns, in points
ROW_HEIGHT = 42


def draw_paper(c: canvas.Canvas, width: float, height: float, wobble: float = 0.0) -> None:
    """A heading and a ruled tracking table, drawn upright in a ``width`` x ``height`` reading frame.

    ``wobble`` raises the right end of each horizontal rule by that much (a rounding error's worth).
    """
    y = height - 50
    for i, text in enumerate(HEADINGS):
        c.setFont("Helvetica-Bold" if i == 2 else "Helvetica", 12)
        c.drawString(40, y, text)
        y -= 20
    top = y - 10
    left = 40
    xs = [left]
    for w in COLUMNS:
        xs.append(xs[-1] + w)
    ys = [top, top - 22] + [top - 22 - ROW_HEIGHT * (i + 1) for i in range(len(ROWS))]
    c.setLineWidth(0.75)
    for yy in ys:
        c.line(xs[0], yy, xs[-1], yy + wobble)
    for xx in xs:
        c.line(xx, ys[0], xx, ys[-1])
    c.setFont("Helvetica-Bold", 9)
    for x, label in zip(xs, HEADER, strict=False):
        c.drawString(x + 5, top - 15, label)
    c.setFont("Helvetica", 9)
    for row, y_top in zip(ROWS, ys[1:], strict=False):
        for x, value in zip(xs, row, strict=False):
            lines = value if isinstance(value, list) else [value]
            for j, line in enumerate(lines):
                c.drawString(x + 5, y_top - 13 - 11 * j, line)


def make_pdf(path, angle: int, wobble: float = 0.0) -> None:
    """A landscape paper whose content is turned ``angle`` degrees anticlockwise on the page.

    0: upright on a landscape page; 90: text running up a portrait page; -90: text running down
    a portrait page; 180: upside down on a landscape page.
    """
    width, height = landscape(A4)
    page = (width, height) if angle in (0, 180) else (height, width)
    c = canvas.Canvas(str(path), pagesize=page)
    if angle == 90:
        c.translate(page[0], 0)
    elif angle == -90:
        c.translate(0, page[1])
    elif angle == 180:
        c.translate(*page)
    c.rotate(angle)
    draw_paper(c, width, height, wobble)
    c.showPage()
    c.save()


def set_rotate(path, degrees: int) -> None:
    """Give every page of ``path`` a /Rotate of ``degrees`` (as viewers would show it turned)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(path)).pages:
        page.rotate(degrees)
        writer.add_page(page)
    with open(path, "wb") as f:
        writer.write(f)


def check_rows(path) -> None:
    result = extract_file(path)
    assert not result.failed, result.issues
    got = [(r.rec_id, r.recommendation, r.progress, r.responsible, r.timescale) for r in result.rows]
    want = [(row[0].split(".")[0], row[0].split(". ", 1)[1], "\n".join(row[1]), row[2], row[3]) for row in ROWS]
    assert got == want
    assert result.rows[0].committee == HEADINGS[0]
    assert result.rows[0].meeting_date == "2031-05-14"


@pytest.mark.parametrize("angle", [0, 90, -90, 180], ids=["upright", "text-up", "text-down", "upside-down"])
def test_turned_content_gives_rows(tmp_path, angle):
    path = tmp_path / f"paper{angle}.pdf"
    make_pdf(path, angle)
    check_rows(path)


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotate_entry_on_an_upright_drawing(tmp_path, rotate):
    """/Rotate set on a page drawn upright: pdfplumber shows it turned, the reader turns it back."""
    path = tmp_path / f"rotate{rotate}.pdf"
    make_pdf(path, 0)
    set_rotate(path, rotate)
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].rotation == rotate
        assert page_turn(pdf.pages[0]) == rotate  # shown turned clockwise, so turned back anticlockwise
    check_rows(path)


@pytest.mark.parametrize(("angle", "rotate"), [(90, 90), (-90, 270), (180, 180)])
def test_portrait_stored_page_shown_upright_by_rotate(tmp_path, angle, rotate):
    """Content stored turned, with a /Rotate that shows it upright (the usual landscape appendix)."""
    path = tmp_path / f"stored{angle}.pdf"
    make_pdf(path, angle)
    set_rotate(path, rotate)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert page_turn(page) == 0
        assert page.width > page.height
    check_rows(path)


def test_page_turn_follows_the_text():
    assert text_direction((1, 0, 0, 1, 0, 0)) == "ltr"
    assert text_direction((0, -1, 1, 0, 0, 0)) == "ttb"
    assert text_direction((0, 1, -1, 0, 0, 0)) == "btt"
    assert text_direction((-1, 0, 0, -1, 0, 0)) == "rtl"


@pytest.mark.parametrize(("angle", "turn"), [(0, 0), (90, 270), (-90, 90), (180, 180)])
def test_reading_page_geometry(tmp_path, angle, turn):
    path = tmp_path / "geometry.pdf"
    make_pdf(path, angle)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert page_turn(page) == turn
        view = reading_page(page)
        if turn == 0:
            assert view is page  # an ordinary page is left alone
            return
        assert view.width > view.height  # the landscape content, now upright
        assert all(c["upright"] for c in view.chars)
        words = [w["text"] for w in view.extract_words()]
        assert words[:3] == HEADINGS[0].split()
        [table] = view.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
        assert table.extract()[0] == HEADER
        assert len(table.rows) == 1 + len(ROWS)


def test_rotate_noise_does_not_turn_ruling_lines_vertical(tmp_path):
    """Rules whose ends differ by a rounding error on a /Rotate page still count as horizontal.

    pdfplumber calls a line horizontal only when its two ends have exactly the same top, and its
    /Rotate arithmetic can leave them 1e-13 apart: the table's rows were lost.
    """
    path = tmp_path / "noise.pdf"
    make_pdf(path, 90, wobble=0.004)
    set_rotate(path, 90)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert sum(e["orientation"] == "h" for e in page.edges) < 2 + len(ROWS)  # pdfplumber alone
        view = reading_page(page)
        assert sum(e["orientation"] == "h" for e in view.edges) == 2 + len(ROWS)
    check_rows(path)


def test_sideways_table_in_a_long_paper(tmp_path):
    """Long papers take the fast path (a cheap scan picks the pages to parse); a sideways table is still read."""
    width, height = landscape(A4)
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, 14):
        c.setFont("Helvetica", 11)
        c.drawString(60, 780, f"Agenda item {number}: notes of the previous meeting")
        c.showPage()
    c.setPageSize((height, width))
    c.translate(0, width)
    c.rotate(-90)  # text running down the portrait page
    draw_paper(c, width, height)
    c.showPage()
    c.save()
    result = extract_file(path)
    assert [(r.rec_id, r.responsible, r.page_first) for r in result.rows] == [
        (row[0].split(".")[0], row[2], 14) for row in ROWS
    ]
