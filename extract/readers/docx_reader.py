"""Word .docx papers, read with python-docx.

Blocks are read in document order. In tables, a vertically merged cell is read
once (at its first row; the rows it covers get an empty, ``merged`` cell) and a
horizontally merged cell fills its grid columns with one anchor and empty cells.
List paragraphs inside cells become "• " lines. The main part is the one the package's relationships name
(not always word/document.xml), and templates and macro-enabled files (.dotx, .docm, .dotm) read as documents.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from ..errors import UnreadableDocument, short_reason
from ..model import Cell, Document, Paragraph, Row, Table
from ..text import BULLET, tidy_line, tidy_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    from docx.table import Table as DocxTable

    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("not a Word .docx file (it is not a zip package)")
    check_package(path)
    source = _open(path)
    doc = Document(path=str(path), format="docx")
    doc.title_hint = _title(source)
    for order, block in enumerate(_blocks(source, DocxTable)):
        if isinstance(block, DocxTable):
            doc.tables.append(_table(block, order))
        else:
            text = tidy_text(block.text)
            if text:
                style = (block.style.name or "").lower() if block.style is not None else ""  # a style may have no name
                doc.paragraphs.append(Paragraph(text=text, order=order, style=style))
    return doc


# Main-part content types read as a document: Word writes the same WordprocessingML in all of them.
_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _open(path: Path):
    """The python-docx document of the package's main part (python-docx itself refuses templates and .docm)."""
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _WORD_MAIN_TYPES:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    try:
        part = Package.open(str(path)).main_document_part
    except Exception as exc:
        raise UnreadableDocument(f"damaged Word file ({short_reason(str(exc)) or type(exc).__name__})") from exc
    if not isinstance(part, DocumentPart):
        kind = short_reason(part.content_type, 120)
        raise UnreadableDocument(f"not a Word .docx file (its main part is {kind}; is it another Office format?)")
    return part.document


def _title(source) -> str:
    """The core properties' title; of several core-properties parts (python-docx refuses to choose), the first's."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.parts.coreprops import CorePropertiesPart

    try:
        return source.core_properties.title or ""
    except ValueError:
        for rel in source.part.package.rels.values():
            if rel.reltype == RT.CORE_PROPERTIES and not rel.is_external:
                part = rel.target_part
                return (part.core_properties.title or "") if isinstance(part, CorePropertiesPart) else ""
        return ""


MAX_UNCOMPRESSED = 256 * 1024 * 1024  # a real paper is a few MB; more is a zip bomb
MAX_RATIO = 200  # compression ratio above which a large member is refused
_ENTITY_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def check_package(path: Path) -> None:
    """Refuse zip bombs and XML entity tricks before any XML is parsed, and zips with no Word main part.

    Member sizes and compression ratios are checked from the zip directory (nothing is
    inflated); the XML parts are then streamed with a byte cap and refused if they declare
    a DOCTYPE or entities, which Word never writes (external entities, "billion laughs").
    """
    try:
        with zipfile.ZipFile(path) as package:
            _check_sizes(package.infolist())
            _check_xml(package)
            if main_part(package) is None:
                raise UnreadableDocument(
                    "not a Word .docx file (no word/document.xml or other main part; is it another Office format?)"
                )
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"damaged Word file ({exc})") from exc
    except (OSError, EOFError, zlib.error, NotImplementedError, ElementTree.ParseError) as exc:
        raise UnreadableDocument(f"damaged Word file ({exc or type(exc).__name__})") from exc


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocument(f"refused: unpacks to {total // 2**20} MB (zip bomb?)")
    for member in members:
        if member.file_size > 10 * 2**20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            raise UnreadableDocument(f"refused: member {member.filename!r} is compressed {ratio}:1 (zip bomb?)")


def _check_xml(package: zipfile.ZipFile) -> None:
    for member in package.infolist():
        if member.filename.endswith((".xml", ".rels")):
            with package.open(member) as stream:
                head = stream.read(MAX_UNCOMPRESSED)
            if _ENTITY_RE.search(head):
                raise UnreadableDocument(f"refused: {member.filename} declares XML entities (unsafe)")


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def main_part(package: zipfile.ZipFile) -> str | None:
    """The zip member of the Word main part, found as Word finds it: by the officeDocument relationship in
    _rels/.rels (Word Online writes word/document2.xml and the like), or None.
    Call after :func:`_check_xml`: the relationships are parsed."""
    names = set(package.namelist())
    if "_rels/.rels" not in names:
        return None
    for rel in ElementTree.fromstring(package.read("_rels/.rels")).iter(_RELS):
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
            name = posixpath.normpath(rel.get("Target", "").lstrip("/"))
            if name in names:
                return name
    return None


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
