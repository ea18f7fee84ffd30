"""Word .docx papers, read with python-docx.

Blocks are read in document order. In tables, a vertically merged cell is read
once (at its first row; the rows it covers get an empty, ``merged`` cell) and a
horizontally merged cell fills its grid columns with one anchor and empty cells.
List paragraphs inside cells become "• " lines.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import UnreadableDocument
from ..model import Cell, Document, Paragraph, Row, Table
from ..text import BULLET, tidy_line, tidy_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    import docx
    from docx.table import Table as DocxTable

    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("not a Word .docx file (it is not a zip package)")
    try:
        source = docx.Document(str(path))
    except Exception as exc:
        raise UnreadableDocument(f"damaged Word file ({str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__})") from exc
    doc = Document(path=str(path), format="docx")
    doc.title_hint = source.core_properties.title or ""
    for order, block in enumerate(source.iter_inner_content()):
        if isinstance(block, DocxTable):
            doc.tables.append(_table(block, order))
        else:
            text = tidy_text(block.text)
            if text:
                style = block.style.name.lower() if block.style is not None else ""
                doc.paragraphs.append(Paragraph(text=text, order=order, style=style))
    return doc


def _table(table, order: int) -> Table:
    rows = []
    for tr in table._tbl.tr_lst:
        is_header = tr.trPr is not None and tr.trPr.find(f"{_W}tblHeader") is not None
        cells: list[Cell] = []
        for _ in range(tr.grid_before):
            cells.append(Cell(text="", merged=True))
        for tc in tr.tc_lst:
            span = tc.grid_span
            continued = tc.vMerge == "continue"
            text = "" if continued else _cell_text(tc)
            cells.append(Cell(text=text, col_span=span, merged=continued, fill=_fill(tc)))
            cells.extend(Cell(text="", merged=True) for _ in range(span - 1))
        rows.append(Row(cells=tuple(cells), is_header=is_header))
    return Table(rows=tuple(rows), order=order)


def _fill(tc) -> str:
    """The cell's shading colour (w:tcPr/w:shd/@w:fill) as RRGGBB, or ""."""
    tc_pr = tc.tcPr
    shd = tc_pr.find(f"{_W}shd") if tc_pr is not None else None
    fill = (shd.get(f"{_W}fill") or "") if shd is not None else ""
    return fill.upper() if len(fill) == 6 and fill.lower() != "auto" else ""


def _cell_text(tc) -> str:
    lines = []
    for p in tc.iter(f"{_W}p"):
        text = tidy_line(_paragraph_text(p))
        if not text:
            continue
        if _is_list_item(p) and not text.startswith(BULLET):
            text = BULLET + text
        lines.append(text)
    return tidy_text("\n".join(lines))


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _is_list_item(p) -> bool:
    """A paragraph in a Word list: numbering properties, or a list paragraph style."""
    ppr = p.pPr
    if ppr is None:
        return False
    if ppr.find(f"{_W}numPr") is not None:
        return True
    style = ppr.find(f"{_W}pStyle")
    return style is not None and "list" in (style.get(f"{_W}val") or "").lower()
