"""Find the tracking tables of a document and join tables continued across pages.

A table continues the tracking table before it when nothing but page furniture
(page numbers, running heads) lies between them and it either repeats the same
header or has no header and the same number of columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .headers import HeaderMap, find_header, is_header_repeat, key_value_table
from .model import Cell, Document, Paragraph, Row, Table

_FURNITURE_RE = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d+\s*-$", re.I)
_HEADING_RE = re.compile(r"^(?:appendix|annex|annexe|schedule|table|part|section)\b", re.I)
_MAX_FURNITURE_CHARS = 160  # text between two parts of one table is at most a footer and a running head


@dataclass(slots=True)
class TrackingTable:
    """One logical tracking table: its header map and data rows, stitched across pages."""

    header: HeaderMap
    rows: list[Row] = field(default_factory=list)
    parts: int = 1
    first_page: int | None = None
    last_page: int | None = None
    section: str = ""
    order: int = 0
    part_starts: set[int] = field(default_factory=set)  # indexes in rows where a continued part begins
    key_value: bool = False  # made of one small "label | value" table per recommendation


def tracking_tables(doc: Document) -> list[TrackingTable]:
    """All tracking tables of ``doc``, in order, with continuation parts stitched on."""
    found: list[TrackingTable] = []
    previous: Table | None = None
    for table in doc.tables:
        kv = key_value_table(table)
        if kv is not None:
            table = _numbered(kv, doc)
        header = find_header(table)
        current = found[-1] if found else None
        if kv is not None and current is not None and current.key_value and header is not None \
                and header.key == current.header.key:
            _append(current, table, header, new_part=False)  # the next small table of the same set
            previous = table
            continue
        if current is not None and previous is not None and _continues(doc, previous, table, header, current):
            _append(current, table, header, new_part=True)
            previous = table
            continue
        if header is not None:
            tracking = TrackingTable(header=header, first_page=table.page, order=table.order,
                                     section=_section_label(doc, table), key_value=kv is not None)
            _append(tracking, table, header, new_part=False)
            found.append(tracking)
            previous = table
        else:
            previous = None  # another kind of table breaks any continuation
    return found


_REC_HEADING_RE = re.compile(r"^(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\b", re.I)


def _numbered(kv: Table, doc: Document) -> Table:
    """Give a key/value table a number column from its label ("Recommendation 3") or the heading above it."""
    labels = kv.rows[0].cells
    number = ""
    for cell in labels:
        match = _REC_HEADING_RE.match(cell.text.strip())
        if match:
            number = match.group(1)
            break
    if not number:
        before = [p for p in doc.paragraphs if p.order < kv.order][-2:]
        for p in reversed(before):
            match = _REC_HEADING_RE.match(p.text.strip())
            if match and len(p.text) < 120:
                number = match.group(1)
                break
    if not number:
        return kv
    labels = tuple(replace(c, text=_REC_HEADING_RE.sub("Recommendation", c.text.strip(), count=1)) for c in labels)
    head = Row(cells=(Cell(text="No."), *labels), page=kv.rows[0].page, is_header=True)
    body = Row(cells=(Cell(text=number), *kv.rows[1].cells), page=kv.rows[1].page)
    return Table(rows=(head, body), order=kv.order, page=kv.page, bbox=kv.bbox)


def _append(tracking: TrackingTable, table: Table, header: HeaderMap | None, *, new_part: bool) -> None:
    start = header.row + 1 if header is not None else 0
    if new_part:
        tracking.parts += 1
        tracking.part_starts.add(len(tracking.rows))
    for row in table.rows[start:]:
        if row.page is None and table.page is not None:
            row = Row(cells=row.cells, page=table.page, is_header=row.is_header)
        if is_header_repeat(row, tracking.header):
            continue
        if not any(c.text.strip() for c in row.cells):
            continue
        tracking.rows.append(row)
    tracking.last_page = table.last_page or tracking.last_page
    if tracking.first_page is None:
        tracking.first_page = table.page


def _continues(doc: Document, prev: Table, table: Table, header: HeaderMap | None, current: TrackingTable) -> bool:
    paged = prev.page is not None and table.page is not None
    if header is not None:
        if header.key != current.header.key:
            return False
    elif not paged or table.n_cols != prev.n_cols:
        return False  # without pages, only a repeated header shows that a table goes on
    if paged and table.page != (prev.last_page or prev.page) + 1:
        return False
    between = [p for p in doc.paragraphs if prev.order < p.order < table.order]
    return _only_furniture(between) if paged else not between


def _only_furniture(paragraphs: list[Paragraph]) -> bool:
    text = [p.text for p in paragraphs if not _FURNITURE_RE.match(p.text.strip())]
    if any(_HEADING_RE.match(t) for t in text):
        return False
    return sum(len(t) for t in text) <= _MAX_FURNITURE_CHARS


def _section_label(doc: Document, table: Table) -> str:
    """The nearest heading-like line above the table (e.g. "Appendix 2"), if close by."""
    before = [p for p in doc.paragraphs if p.order < table.order][-4:]
    for p in reversed(before):
        if _HEADING_RE.match(p.text) and len(p.text) <= 160:
            return p.text
    for p in reversed(before):
        if len(p.text) <= 120 and not _FURNITURE_RE.match(p.text) and not p.text.rstrip().endswith("."):
            return p.text
    return ""
