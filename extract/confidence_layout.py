"""Doubts about a recommendation's row that come from the table's layout rather than its text.

:mod:`extract.confidence` asks these for each recommendation of a tracking table:

- a cell that starts well above the row's number or recommendation in a table without ruled cells: its
  text was most likely the end of the row above, carried over a page break or cut at the wrong line (the
  row above then lacks it, so it is doubted too);
- the last recommendation of a table without ruled cells, where nothing marks where the table stops (a
  paragraph under the table can be read as the end of its last row);
- the last row of a ruled table that fills its page down to the foot and stops there: its text may go on
  over a page the table was not followed to;
- a row below that reads like a piece of this one (it starts with a bullet or in lower case, or has nothing
  but a recommendation), in a table without ruled cells;
- text at the top of the next page, outside any table, before the table goes on there (or, after a run of
  label/value blocks, text that carries a sentence or a list on): the rest of the row a page break cut;
- a field with no column while a column that was given no role reads like it;
- a row the file itself marks as a header row read as a recommendation.

Each doubt is a ``(code, text)`` pair; the code names a multiplier in ``extract.confidence.FACTORS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .text import BULLET

if TYPE_CHECKING:
    from .model import BBox, Cell, Document, Paragraph, Row
    from .rows import RawRecommendation
    from .stitch import TrackingTable

    # a paragraph's text -> its pages; page -> its paragraphs with their squashed text; page -> first table's order
    PageIndex = tuple[dict[str, set[int | None]], dict[int | None, list[tuple[Paragraph, str]]], dict[int, int]]

Doubt = tuple[str, str]

_ABOVE_LINES = 1.5  # a cell starting this many text lines above its row's number is out of place
_FOOT_LINES = 2.0  # a row ending within this many text lines of the table's lowest point on other pages


def layout_doubts(
    doc: Document,
    table: TrackingTable,
    recs: Sequence[RawRecommendation],
    sources: Sequence[Sequence[Row]] | None,
    inferred: bool,
    pages: PageIndex | None = None,
) -> list[list[Doubt]]:
    """The layout doubts of each recommendation of ``table`` (in order); ``pages``: the document's
    :func:`page_index`, built once for all its tables."""
    out: list[list[Doubt]] = [[] for _ in recs]
    missing = missing_columns(table)
    if missing:
        for doubts in out:
            doubts.append(("missing_col", "no " + ", ".join(missing) + " column, though another column reads like one"))
    orphans = orphan_pages(doc, table, pages)
    for index, rec in enumerate(recs):
        after = recs[index + 1].first_page if index + 1 < len(recs) else None
        if rec.last_page in orphans and after != rec.last_page:
            out[index].append(
                ("orphan", "text at the top of the next page was left out of the table: the rest of this row?")
            )
        if inferred and index + 1 < len(recs) and _fragment(recs[index + 1]):
            out[index].append(("robbed", "the row below reads like a piece of this one"))
    if sources is None:
        return out
    line = line_height(table)
    for index, rows in enumerate(sources):
        if any(r.is_header for r in rows):
            out[index].append(("header_row", "a row marked as a header in the file was read as a recommendation"))
        if inferred and any(_starts_above(table, r, line) for r in rows):
            out[index].append(("misplaced", "a cell starts above the row's number: text of the row above?"))
        below = sources[index + 1] if index + 1 < len(sources) else []
        if inferred and below and _starts_above(table, below[0], line):
            out[index].append(("robbed", "the row below starts with text above its number: cut from this one?"))
    if recs:
        last = out[-1]
        if inferred:
            last.append(("table_end", "the last row of a table without ruled cells: where the table ends is a guess"))
        elif sources[-1] and _at_page_foot(table, sources[-1][-1], line):
            last.append(("page_foot", "the table stops at the foot of a page with this row's text running to it"))
    return [list({code: (code, text) for code, text in reversed(doubts)}.values())[::-1] for doubts in out]


def _anchor_top(table: TrackingTable, row: Row) -> float | None:
    """The top of the row's number or recommendation text, or None when the row has neither."""
    tops = []
    for name in ("rec_id", "recommendation"):
        col = table.header.col(name)
        if col is not None and col < len(row.cells):
            cell = row.cells[col]
            if cell.text.strip() and cell.bbox is not None:
                tops.append(cell.bbox[1])
    return min(tops) if tops else None


def _starts_above(table: TrackingTable, row: Row, line: float) -> bool:
    """Does a cell of ``row`` start more than a line and a half above its number or recommendation?"""
    top = _anchor_top(table, row)
    if top is None:
        return False
    return any(box[1] < top - _ABOVE_LINES * line for box in _boxes(row))


def _box(cell: Cell) -> BBox | None:
    """The cell's box when it holds text."""
    return cell.bbox if cell.bbox is not None and cell.text.strip() else None


def _boxes(row: Row) -> list[BBox]:
    return [box for box in map(_box, row.cells) if box is not None]


def line_height(table: TrackingTable) -> float:
    """The height of one line of the table's text: the lowest tenth of its cells' heights (a one-line cell)."""
    heights = sorted(h for r in table.rows for box in _boxes(r) if (h := box[3] - box[1] - 2.0) > 0)
    return heights[len(heights) // 10] if heights else 10.0


def _at_page_foot(table: TrackingTable, row: Row, line: float) -> bool:
    """Does ``row`` (the table's last) run to the bottom of its cells and reach as low as the table reaches
    on its other pages (the foot of the page), so that its text may go on over the page?"""
    if not any(c.overflows for c in row.cells):
        return False
    feet: dict[int | None, float] = {}
    for r in table.rows:
        for box in _boxes(r):
            feet[r.page] = max(feet.get(r.page, 0.0), box[3])
    others = [bottom for page, bottom in feet.items() if page != row.page]
    bottom = max((box[3] for box in _boxes(row)), default=0.0)
    return bool(others) and bottom >= min(others) - _FOOT_LINES * line


def _fragment(rec: RawRecommendation) -> bool:
    """A recommendation that reads like a piece of the one above: it starts with a bullet or in lower case, or
    has none of the other fields."""
    text = rec.recommendation.strip()
    if text.startswith(BULLET) or text[:1].islower():
        return True
    fields = rec.fields()
    return not any(fields[n] for n in ("progress", "responsible", "timescale", "status"))


_PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def orphan_pages(doc: Document, table: TrackingTable, known: PageIndex | None = None) -> set[int]:
    """Pages of the table after which the next page starts with text outside any table, before the table goes
    on there: text a page break separated from the row it ends. Running heads (text met on more than one
    page), page numbers and "Recommendation N" headings do not count."""
    from .headers import REC_HEADING_RE

    if doc.format != "pdf" or table.first_page is None or table.last_page is None:
        return set()
    pages, by_page, first_table = known if known is not None else page_index(doc)
    out = set()
    last = table.last_page + 1 if table.key_value else table.last_page  # label/value blocks end at any page foot
    for page in range(table.first_page, last):
        resumes = first_table.get(page + 1)
        if resumes is None and page < table.last_page:
            continue
        for para, text in by_page.get(page + 1, ()):
            if resumes is not None and para.order > resumes:
                continue
            if len(pages.get(text.casefold(), ())) > 1 or _PAGE_NUMBER_RE.match(text) or REC_HEADING_RE.match(text):
                continue
            # before the table goes on, any text; after the last block of label/value tables, text that carries
            # a sentence or a list on (a new paragraph after a table is no doubt)
            if resumes is not None or text[:1].islower() or text.startswith(BULLET):
                out.add(page)
            break
    return out


def page_index(doc: Document) -> PageIndex:
    """For :func:`orphan_pages`: the pages each paragraph text (spaces squashed, case folded) is met on, each
    page's paragraphs in document order with their squashed text, and the order of each page's first table."""
    pages: dict[str, set[int | None]] = {}
    by_page: dict[int | None, list[tuple[Paragraph, str]]] = {}
    for para in doc.paragraphs:
        text = " ".join(para.text.split())
        pages.setdefault(text.casefold(), set()).add(para.page)
        by_page.setdefault(para.page, []).append((para, text))
    first_table: dict[int, int] = {}
    for source in doc.tables:
        if source.page is not None and source.page not in first_table:
            first_table[source.page] = source.order
    return pages, by_page, first_table


def missing_columns(table: TrackingTable) -> list[str]:
    """Fields (progress, responsible, timescale) given no column while a column left without a role, and
    not labelled as something else ("Meeting Date", "Directorate"), has cells that fit the field."""
    from .columns import content_scores, profile
    from .vocab import OTHER, label_scores

    header = table.header
    missing = [n for n in ("progress", "responsible", "timescale") if header.col(n) is None]
    if not missing:
        return []
    taken = set(header.columns.values())
    width = max((len(r.cells) for r in table.rows), default=0)
    out: list[str] = []
    for col in range(width):
        if col in taken:
            continue
        label = header.labels[col] if header.row >= 0 and col < len(header.labels) else ""
        if label_scores(label).get(OTHER, 0.0) > 0.0:
            continue
        values = [r.cells[col].text if col < len(r.cells) and not r.cells[col].merged else "" for r in table.rows]
        fits = content_scores(profile(values[:40]))
        out.extend(n for n in missing if fits.get(n, 0.0) >= 0.5 and n not in out)
    return out
