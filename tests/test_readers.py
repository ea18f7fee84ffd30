"""Reader details: merged cells read once, list items as bullets, markup in text exports."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from extract import extract_file
from extract.readers import read
from extract.readers.html_reader import cell_text, parse_html


def test_docx_vertical_merge_read_once_and_list_bullets(tmp_path):
    document = docx.Document()
    document.add_paragraph("Audit Committee")
    document.add_paragraph("3 March 2021")
    document.add_paragraph("Progress on Internal Audit Recommendations")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Recommendation", "Action Taken", "Owner"], strict=False):
        cell.text = text
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "1. Improve contract monitoring through:"
    item = merged.add_paragraph("quarterly reviews", style="List Bullet")
    assert item.style.name == "List Bullet"
    table.cell(1, 1).text = "Reviews started."
    table.cell(1, 2).text = "Head of Procurement"
    table.cell(2, 1).text = "Register published."
    table.cell(2, 2).text = "Head of Finance"
    path = tmp_path / "merged.docx"
    document.save(path)

    model = read(path)
    texts = [r.texts for r in model.tables[0].rows]
    assert texts[2][0] == ""  # the covered cell is not a copy of the merged text
    assert model.tables[0].rows[2].cells[0].merged

    [row] = extract_file(path).rows
    assert row.recommendation == "Improve contract monitoring through:\n• quarterly reviews"
    assert row.progress == "Reviews started.\nRegister published."
    assert row.responsible == "Head of Procurement; Head of Finance"


def test_docx_header_row_flag(paper_docx):
    tbl = docx.Document(str(paper_docx)).tables[0]
    tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
    assert qn("w:tblHeader")  # namespace helper available
    model = read(paper_docx)
    assert not model.tables[0].rows[0].is_header  # the fixture does not mark a header row
    assert tr_pr is not None


def test_html_cell_text_paragraphs_lists_and_inline_bullets():
    td = parse_html("<td><p>Intro:</p><ul><li>one</li><li>two</li></ul><p>• three</p>x<br>y</td>").td
    assert cell_text(td) == "Intro:\n• one\n• two\n• three\nx\ny"


def test_html_rowspan_read_once(tmp_path):
    page = """<html><body><h1>Cabinet</h1><p>1 June 2022</p><h2>Response to the Parks Review</h2>
    <table><tr><th>Recommendation</th><th>Response</th><th>Lead</th></tr>
    <tr><td rowspan="2">1) Open toilets longer</td><td>Agreed</td><td>Parks Manager</td></tr>
    <tr><td>Funding found</td><td>Finance Lead</td></tr>
    <script>var x = '<tr><td>2) injected</td></tr>';</script>
    </table></body></html>"""
    path = tmp_path / "parks.html"
    path.write_text(page, encoding="utf-8")
    [row] = extract_file(path).rows
    assert row.recommendation == "Open toilets longer"
    assert row.progress == "Agreed\nFunding found"
    assert row.responsible == "Parks Manager; Finance Lead"
    assert row.committee == "Cabinet"
    assert row.meeting_date == "2022-06-01"


def test_txt_markup_cells(tmp_path):
    text = (
        "Audit Committee\n1 May 2020\nProgress on Recommendations\n\n"
        "Recommendation\tUpdate\tOwner\n"
        '<p>1) Do this:</p> <ul style="list-style-type: none"> • first • second </ul>\t<p>Done.</p>\tA N Other\n'
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="cp1252")
    [row] = extract_file(path).rows
    assert row.recommendation == "Do this:\n• first\n• second"
    assert row.progress == "Done."


def test_layout_tables_are_opened_up(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "Audit Committee"
    cell.add_paragraph("3 March 2021")
    cell.add_paragraph("Progress on Internal Audit Recommendations")
    inner = cell.add_table(rows=2, cols=3)
    for c, text in zip(inner.rows[0].cells, ["Recommendation", "Update", "Owner"], strict=False):
        c.text = text
    for c, text in zip(inner.rows[1].cells, ["1. Tighten controls", "Done", "Head of Finance"], strict=False):
        c.text = text
    path = tmp_path / "layout.docx"
    document.save(path)
    [row] = extract_file(path).rows
    assert (row.rec_id, row.recommendation, row.responsible) == ("1", "Tighten controls", "Head of Finance")
    assert row.committee == "Audit Committee"
    assert row.meeting_date == "2021-03-03"

    page = (
        "<html><body><table><tr><td><h1>Cabinet</h1><p>1 June 2022</p><h2>Parks Review Update</h2>"
        "<table><tr><th>Recommendation</th><th>Progress</th></tr><tr><td>1) Open longer</td><td>Agreed</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    html = tmp_path / "layout.html"
    html.write_text(page)
    [row] = extract_file(html).rows
    assert (row.recommendation, row.progress, row.committee) == ("Open longer", "Agreed", "Cabinet")
