"""Word .docx papers, read with python-docx.

Blocks are read in document order. In tables, a vertically merged cell is read
once (at its first row; the rows it covers get an empty, ``merged`` cell) and a
horizontally merged cell fills its grid columns with one anchor and empty cells.
List paragraphs inside cells become "• " lines.
"""

from __future__ import annotations

import re
import zipfile
import zlib
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
    check_package(path)
    try:
        source = docx.Document(str(path))
    except Exception as exc:
        raise UnreadableDocument(
            f"damaged Word file ({str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__})"
        ) from exc
    doc = Document(path=str(path), format="docx")
    doc.title_hint = source.core_properties.title or ""
    for order, block in enumerate(_blocks(source, DocxTable)):
        if isinstance(block, DocxTable):
            doc.tables.append(_table(block, order))
        else:
            text = tidy_text(block.text)
            if text:
                style = block.style.name.lower() if block.style is not None else ""
                doc.paragraphs.append(Paragraph(text=text, order=order, style=style))
    return doc


MAX_UNCOMPRESSED = 256 * 1024 * 1024  # a real paper is a few MB; more is a zip bomb
MAX_RATIO = 200  # compression ratio above which a large member is refused
_ENTITY_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def check_package(path: Path) -> None:
    """Refuse zip bombs and XML entity tricks before any XML is parsed.

    Member sizes and compression ratios are checked from the zip directory (nothing is
    inflated); the XML parts are then streamed with a byte cap and refused if they declare
    a DOCTYPE or entities, which Word never writes (external entities, "billion laughs").
    """
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            total = sum(m.file_size for m in members)
            if total > MAX_UNCOMPRESSED:
                raise UnreadableDocument(f"refused: unpacks to {total // 2**20} MB (zip bomb?)")
            for member in members:
                if member.file_size > 10 * 2**20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                    ratio = member.file_size // max(member.compress_size, 1)
                    raise UnreadableDocument(f"refused: member {member.filename!r} is compressed {ratio}:1 (zip bomb?)")
            if "word/document.xml" not in {m.filename for m in members}:
                raise UnreadableDocument("not a Word .docx file (no word/document.xml; is it another Office format?)")
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with package.open(member) as stream:
                        head = stream.read(MAX_UNCOMPRESSED)
                    if _ENTITY_RE.search(head):
                        raise UnreadableDocument(f"refused: {member.filename} declares XML entities (unsafe)")
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"damaged Word file ({exc})") from exc
    except (OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise UnreadableDocument(f"damaged Word file ({exc or type(exc).__name__})") from exc


def _blocks(container, table_type, depth: int = 0):
    """Paragraphs and tables in document order; a layout table (one holding tables) is opened up, not read."""
    for block in container.iter_inner_content():
        if isinstance(block, table_type) and depth < 5 and block._tbl.xpath("./w:tr/w:tc//w:tbl"):
            seen: set[int] = set()
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # merged cells repeat the same cell
                        seen.add(id(cell._tc))
                        yield from _blocks(cell, table_type, depth + 1)
        else:
            yield block


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
