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
from .html_reader import cell_text, parse_html

_MARKUP_RE = re.compile(r"</?(?:p|ul|ol|li|br|div|span|strong|em|b|i)\b[^>]*>", re.I)
_EMPHASIS_RE = re.compile(r"^\*\*|\*\*$")


def read_txt(path: Path) -> Document:
    raw = path.read_bytes()
    if not raw.strip():
        raise UnreadableDocument("empty file")
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument("binary data, not a text export")
    text = _decode(raw)
    doc = Document(path=str(path), format="txt")
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


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _cell(text: str) -> str:
    if _MARKUP_RE.search(text):
        return cell_text(parse_html(f"<div>{text}</div>").div)
    return tidy_text(text)
