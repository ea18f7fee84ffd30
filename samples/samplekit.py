"""Spec model and renderers shared by the sample generators.

A paper is specified once (metadata, body text, tables) and rendered by one
renderer per format (docx / pdf / html / txt); golden rows come from the same
spec.  Output is deterministic: fixed docx zip timestamps and core properties,
reportlab invariant=1.

Cell text notation: lines separated by "\\n" are paragraphs, lines starting
with "• " are bullet-list items.  That is exactly the golden convention, so a
cell's spec text *is* its expected text.
"""

import datetime
import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

FIXED_DT = datetime.datetime(2024, 1, 1, 9, 0, 0)
BULLET = "• "


# ----------------------------------------------------------------- spec model
@dataclass
class Action:
    """One table row's worth of work on a recommendation."""

    progress: str
    resp: str = ""
    time: str = ""
    status: str = ""


@dataclass
class Rec:
    id: str
    text: str
    actions: list


@dataclass
class Grid:
    """A plain table (decoys, and tracking tables once laid out)."""

    header: list
    rows: list  # list of rows, each a list of cell strings
    weights: list = None  # relative column widths
    tracking: bool = False


WEIGHTS = {"id": 0.6, "rec": 3.2, "progress": 4.6, "resp": 1.4, "time": 1.5, "status": 1.1}


@dataclass
class Tracking:
    """A recommendation tracking table: columns are (label, field) pairs."""

    columns: list
    recs: list
    number: str = ""  # rec-cell prefix format, e.g. "{}) "; "" if an id column exists

    def grid(self):
        rows = []
        for r in self.recs:
            for i, a in enumerate(r.actions):
                first = i == 0
                vals = {
                    "id": r.id if first else "",
                    "rec": self.number.format(r.id) + r.text if first else "",
                    "progress": a.progress,
                    "resp": a.resp,
                    "time": a.time,
                    "status": a.status,
                }
                rows.append([vals[f] for _, f in self.columns])
        return Grid([c for c, _ in self.columns], rows, [WEIGHTS[f] for _, f in self.columns], True)

    def golden(self, table_index):
        fields = {f for _, f in self.columns}

        def distinct(vals):  # non-empty values, first-seen order, "; "-joined
            return "; ".join(dict.fromkeys(v for v in vals if v))

        return [
            {
                "rec_id": r.id,
                "recommendation": r.text,
                "progress": "\n".join(a.progress for a in r.actions if a.progress),
                "responsible": distinct(a.resp for a in r.actions),
                "timescale": distinct(a.time for a in r.actions),
                "status": distinct(a.status for a in r.actions) if "status" in fields else "",
                "table_index": table_index,
            }
            for r in self.recs
        ]


@dataclass
class Paper:
    file: str
    committee: str
    date: str  # ISO date for the golden file
    date_line: str  # as printed on the paper
    title: str
    report_of: str
    body: list  # paragraphs before the tables
    parts: list  # [(heading, Grid | Tracking)]; heading lines split on "\n"
    council: str = ""
    landscape: bool = False
    list_style: bool = False  # docx: bullets as "List Bullet" paragraphs
    txt_header_before: tuple = ()  # txt: repeat header before these data rows

    def front_matter(self):
        """(text, kind) lines printed before the body, in order."""
        lines = [(self.council, "council")] if self.council else []
        return lines + [
            (self.committee, "committee"),
            (self.date_line, "date"),
            (self.title, "title"),
            (self.report_of, "report"),
        ]

    def grids(self):
        return [(h, t.grid() if isinstance(t, Tracking) else t) for h, t in self.parts]

    def golden(self):
        tracking = [t for _, t in self.parts if isinstance(t, Tracking)]
        rows = [row for i, t in enumerate(tracking) for row in t.golden(i)]
        return {
            "source": self.file,
            "committee": self.committee,
            "meeting_date": self.date,
            "title": self.title,
            "rows": rows,
        }


def blocks(cell):
    """Cell notation -> list of str (paragraph) / list[str] (bullet list)."""
    out = []
    for line in cell.split("\n") if cell else []:
        if line.startswith(BULLET):
            if out and isinstance(out[-1], list):
                out[-1].append(line[len(BULLET) :])
            else:
                out.append([line[len(BULLET) :]])
        else:
            out.append(line)
    return out


def col_widths(g, total):
    w = g.weights or [1.0] * len(g.header)
    return [total * x / sum(w) for x in w]


# ------------------------------------------------------------------ renderers
def docx_start(p):
    """New Word document with the paper's page setup, front matter and body.
    Returns (document, usable text width in cm)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by, cp.revision = p.title, "Democratic Services", "Democratic Services", 1
    cp.created = cp.modified = cp.last_printed = FIXED_DT
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    if p.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))
    for text, kind in p.front_matter():
        run = doc.add_paragraph().add_run(text)
        run.bold = kind in ("committee", "title")
        run.font.size = Pt(14 if kind == "title" else 11)
    for para in p.body:
        doc.add_paragraph(para)
    return doc, (29.7 if p.landscape else 21) - 4


def docx_fill(cell, text, list_style=False, bold=False):
    """Write cell notation into a (fresh) Word table cell."""
    first = True
    for b in blocks(text):
        for s, bullet in [(x, True) for x in b] if isinstance(b, list) else [(b, False)]:
            para = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            if bullet and list_style:
                para.style = "List Bullet"
                run = para.add_run(s)
            else:
                run = para.add_run((BULLET if bullet else "") + s)
            if bold:
                run.bold = True


def docx_repeat_header(row):
    """Mark a table row as a header row repeated on each page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def docx_save(doc, path):
    buf = io.BytesIO()
    doc.save(buf)
    # python-docx stamps zip entries with the current time: rewrite them fixed.
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_DT.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, src.read(info.filename))


def render_docx(p, path):
    from docx.shared import Cm

    doc, usable = docx_start(p)
    for heading, g in p.grids():
        for h in heading.split("\n"):
            doc.add_paragraph().add_run(h).bold = True
        t = doc.add_table(rows=1, cols=len(g.header))
        t.style = "Table Grid"
        t.autofit = False
        docx_repeat_header(t.rows[0])
        for cell, text in zip(t.rows[0].cells, g.header, strict=False):
            cell.paragraphs[0].add_run(text).bold = True
        for row in g.rows:
            for cell, text in zip(t.add_row().cells, row, strict=False):
                docx_fill(cell, text, p.list_style)
        for col, w in zip(t.columns, col_widths(g, usable), strict=False):
            for cell in col.cells:
                cell.width = Cm(w)
        doc.add_paragraph()
    docx_save(doc, path)


class PdfStyles:
    """Paragraph styles shared by the PDF renderers.  Registers reportlab's
    bundled Vera TrueType fonts: embedded TrueType gives the text layer a
    ToUnicode map (with the base-14 Helvetica, "•" extracts as "(cid:127)")."""

    def __init__(self):
        import reportlab
        from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = Path(reportlab.__file__).parent / "fonts"
        pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(fonts / "VeraBd.ttf")))
        pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="VeraBd", italic="Vera", boldItalic="VeraBd")
        ss = getSampleStyleSheet()
        self.body = ParagraphStyle("body", parent=ss["BodyText"], fontName="Vera")
        self.big = ParagraphStyle("big", parent=self.body, fontName="VeraBd", fontSize=13, leading=16)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8.5, leading=10.5, spaceBefore=0, spaceAfter=3)
        self.bullet = ParagraphStyle("bullet", parent=self.cell, leftIndent=9, firstLineIndent=-9, spaceAfter=1)

    def front(self, p):
        """Flowables for the front matter and body paragraphs."""
        from reportlab.platypus import Paragraph

        out = [
            Paragraph(
                escape(text) if kind != "committee" else f"<b>{escape(text)}</b>",
                self.big if kind == "title" else self.body,
            )
            for text, kind in p.front_matter()
        ]
        return out + [Paragraph(escape(x), self.body) for x in p.body]

    def flow(self, text):
        """Cell notation -> list of Paragraph flowables ("" for an empty cell)."""
        from reportlab.platypus import Paragraph

        out = []
        for b in blocks(text):
            if isinstance(b, list):
                out += [Paragraph(escape(BULLET + s), self.bullet) for s in b]
            else:
                out.append(Paragraph(escape(b), self.cell))
        return out or ""


def pdf_doc(p, path, pagesize=None, creator="rectrack samples/make_samples.py"):
    """A4 SimpleDocTemplate for a paper; path may be a Path or a binary file object."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        str(path) if isinstance(path, Path) else path,
        pagesize=pagesize or (landscape(A4) if p.landscape else A4),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=p.title,
        author=p.council or "Democratic Services",
        subject=p.committee,
        creator=creator,
        invariant=1,
    )


def ruled_table(data, widths, tracking):
    """A GRID-ruled table with a shaded, repeated header row."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    class RuledTable(Table):
        """Table whose page-split parts stay fully ruled and never start with a
        blank row (an in-row split can leave only cell padding for page 2)."""

        next_page = False  # set on a remainder that must start a new page

        def split(self, availWidth, availHeight):
            if self.next_page:
                self.next_page = False
                return []
            parts = super().split(availWidth, availHeight)
            if len(parts) == 2 and self.splitInRow and not any(parts[1]._cellvalues[1]):
                parts = self._splitRows(availHeight, doInRowSplit=False)
                if len(parts) == 2:
                    parts[1].next_page = True
            if parts:  # reportlab leaves the foot of a split row open
                parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)])
            return parts

    # Tracking tables: split inside a long row at the page foot (splitByRow=0
    # makes reportlab try the in-row split first; with splitByRow=1 it breaks
    # between rows and then splits the next row under a second, mid-page
    # header).  Decoys break between rows only.
    t = RuledTable(
        data, colWidths=widths, repeatRows=1, splitByRow=0 if tracking else 1, splitInRow=1 if tracking else 0
    )
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
            ]
        )
    )
    return t


def render_pdf(p, path):
    from reportlab.platypus import Paragraph, Spacer

    st = PdfStyles()
    doc = pdf_doc(p, path)
    story = st.front(p)
    for heading, g in p.grids():
        story.append(Spacer(1, 6))
        story += [Paragraph(f"<b>{escape(h)}</b>", st.body) for h in heading.split("\n")]
        data = [[Paragraph(f"<b>{escape(h)}</b>", st.cell) for h in g.header]]
        data += [[st.flow(c) for c in row] for row in g.rows]
        story.append(ruled_table(data, col_widths(g, doc.width), g.tracking))
    doc.build(story)


def html_cell(text):
    bl = blocks(text)
    if len(bl) == 1 and isinstance(bl[0], str):
        return html.escape(bl[0])
    return "".join(
        "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in b) + "</ul>"
        if isinstance(b, list)
        else f"<p>{html.escape(b)}</p>"
        for b in bl
    )


def render_html(p, path):
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(p.title)} | {e(p.council)}</title></head><body>",
        '<div id="modgov"><div class="mgBreadcrumb"><a href="/">Home</a> &gt; '
        '<a href="mgListCommittees.aspx">Meetings</a></div>',
        '<div class="mgContent">',
        f'<h1 class="mgMainTitleTxt">{e(p.committee)}</h1>',
        f'<p class="mgSubTitleTxt">{e(p.date_line)}</p>',
        f'<h2 class="mgSubTitleTxt">{e(p.title)}</h2>',
        f"<p><strong>{e(p.report_of)}</strong></p>",
    ]
    out += [f"<p>{e(x)}</p>" for x in p.body]
    for heading, g in p.grids():
        out += [f"<h3>{e(h)}</h3>" for h in heading.split("\n")]
        out.append('<table class="mgStatsTable" border="1" cellpadding="4" summary="">')
        out.append("<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in g.header) + "</tr></thead><tbody>")
        out += ["<tr>" + "".join(f"<td>{html_cell(c)}</td>" for c in row) + "</tr>" for row in g.rows]
        out.append("</tbody></table>")
    out.append("</div></div></body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def txt_cell(text):
    bl = blocks(text)
    if len(bl) == 1 and isinstance(bl[0], str) and len(bl[0]) < 30:
        return bl[0]
    return " ".join(
        '<ul style="list-style-type: disc">' + " ".join(f"<li>{s}</li>" for s in b) + "</ul>"
        if isinstance(b, list)
        else f"<p>{b}</p>"
        for b in bl
    )


def render_txt(p, path):
    out = ["", ""]
    for x in [text for text, _ in p.front_matter()] + p.body:
        out += [x, ""]
    for heading, g in p.grids():
        out += ["**" + heading + "**", ""]
        head = "\t".join(g.header)
        out.append(head)
        for i, row in enumerate(g.rows):
            if i in p.txt_header_before:
                out += ["", head]
            out.append("\t".join(txt_cell(c) for c in row))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


RENDERERS = {".docx": render_docx, ".pdf": render_pdf, ".html": render_html, ".txt": render_txt}
