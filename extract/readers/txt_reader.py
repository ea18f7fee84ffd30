"""Plain-text exports of papers: text lines, and table rows as tab-separated cells.

Cells may carry ``<p>``, ``<ul>`` and ``<li>`` markup, which is read like HTML.
A run of tab-separated lines is one table; a blank line between runs starts a new
table (the export's page break), which the stitching stage joins back up.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableDocument
from ..model import Cell, Document, Paragraph, Row, Table
from ..text import tidy_line, tidy_text
from .html_reader import cell_text, looks_binary, parse_html

_MARKUP_RE = re.compile(r"</?(?:p|ul|ol|li|br|div|span|strong|em|b|i)\b[^>]*>", re.I)
_EMPHASIS_RE = re.compile(r"^\*\*|\*\*$")


def read_txt(path: Path) -> Document:
    raw = path.read_bytes()
    if not raw.strip():
        raise UnreadableDocument("empty file")
    if looks_binary(raw):
        raise UnreadableDocument("binary data, not a text export")
    text, warning = _decode(raw)
    doc = Document(path=str(path), format="txt")
    if warning:
        doc.warnings.append(warning)
    rows: list[Row] = []
    order = 0

    def close_table() -> None:
        nonlocal order
        if rows:
            doc.tables.append(Table(rows=tuple(rows), order=order))
            rows.clear()
            order += 1

    for line in text.splitlines():
        if "\t" in line and line.count("\t") >= 1 and len(line.split("\t")) >= 2:
            rows.append(Row(cells=tuple(Cell(text=_cell(c)) for c in line.split("\t"))))
            continue
        close_table()
        clean = tidy_line(_EMPHASIS_RE.sub("", line.strip()).strip())
        if clean:
            doc.paragraphs.append(Paragraph(text=clean, order=order))
            order += 1
    close_table()
    return doc


def _decode(raw: bytes) -> tuple[str, str]:
    """The text and a warning ("" if none): UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), ""
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), ""
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), "not valid UTF-8 or Windows-1252 text; unreadable bytes replaced"


def _cell(text: str) -> str:
    if _MARKUP_RE.search(text):
        return cell_text(parse_html(f"<div>{text}</div>").div)
    return tidy_text(text)
