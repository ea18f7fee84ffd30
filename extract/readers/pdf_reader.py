"""PDF papers with a text layer, read with pdfplumber.

Ruled tables come from ``page.find_tables()``. Each cell's text is rebuilt from the
page's words rather than ``extract_text`` so that paragraph breaks (a taller gap
between lines) and bullet lines survive: "\\n" between paragraphs, "• " for bullets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import RectrackError, UnreadableDocument
from ..model import Cell, Document, Paragraph, Row, Table
from . import pdf_borderless as borderless
from . import pdf_keyvalue
from .pdf_borderless import Columns, names_recommendation
from .pdf_columns import type_size
from .pdf_content import read_layout
from .pdf_objects import use_fast_objects
from .pdf_open import LibraryMessages, close_pdf, failure, library_messages, open_pdf
from .pdf_pages import LazyPages, claimed_count
from .pdf_rotate import reading_page
from .pdf_scan import PagePlan, holds_tracking_table, runs_on, scan_pages
from .pdf_text import _inside, _lines, _overflows, cell_text, mark_line_ends, place_blocks

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
FAST_PATH_MIN_PAGES = 12  # longer PDFs (agenda packs) get the candidate-page fast path
FULL_READ_MAX_PAGES = 40  # ... and those up to this long are read whole when the fast path finds no tracking table


def read_pdf(path: Path, *, password: str | None = None, fast: bool | None = None) -> Document:
    """Read a PDF into a Document.

    ``fast`` (default: for papers longer than ``FAST_PATH_MIN_PAGES``) parses with pdfplumber only the
    first page, the pages that hold ruled tables with tracking-table words, and the pages that continue
    them; other pages contribute their text lines from a cheap pypdfium2 pass.
    """
    with library_messages() as messages:
        pdf = open_pdf(path, password)
        try:
            doc = _read_opened(pdf, path, password, fast)
        finally:
            close_pdf(pdf)
    doc.warnings.extend(messages.summary())
    return doc


def _read_opened(pdf, path: Path, password: str | None, fast: bool | None) -> Document:
    pages = LazyPages(pdf)
    try:
        with _reading_errors(password):
            claimed = claimed_count(pdf.doc)  # the tree's own count; a short (or countless) tree is walked
            long = claimed is not None and claimed > FAST_PATH_MIN_PAGES or pages.count() > FAST_PATH_MIN_PAGES
            plan = None
            if fast or (fast is None and long):
                plan = scan_pages(path, password)
                pages.trust(plan.pages if plan is not None else None)
            count = pages.count()
            if plan is not None and not fast and count <= FAST_PATH_MIN_PAGES:
                plan = None  # a page tree that claimed more pages than it holds
            doc = _read_open_pdf(pdf, path, plan, pages)
            if plan is not None and count <= FULL_READ_MAX_PAGES and not holds_tracking_table(doc.tables):
                # the pre-scan knows a header by its words: a paper short enough is read whole before it is
                # said to hold no tracking table (one whose labels are worded in a way no vocabulary knows)
                doc = _read_open_pdf(pdf, path, None, pages)
            return doc
    finally:
        pages.done()


def _read_open_pdf(pdf, path: Path, plan: PagePlan | None, pages: LazyPages) -> Document:
    doc = _new_document(pdf, path, pages.count())
    _read_pages(pages.from_page(1), doc, plan)
    return doc


@contextmanager
def _reading_errors(password: str | None) -> Iterator[None]:
    """The reasons given for what goes wrong while a PDF's pages are read."""
    try:
        yield
    except RecursionError as exc:
        raise UnreadableDocument("damaged PDF (object structure nested too deeply)") from exc
    except RectrackError:
        raise  # a reason given on purpose (a scanned page and no Tesseract)
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise failure(exc, password) from exc


_REPAIRED = "damaged cross-reference table: the PDF was repaired while reading; check its rows"


def _new_document(pdf, path: Path, count: int | None) -> Document:
    doc = Document(path=str(path), format="pdf", pages=count)
    if _repaired(pdf):
        doc.warnings.append(_REPAIRED)
    doc.title_hint = _title(pdf)
    return doc


def _title(pdf) -> str:
    title = (pdf.metadata or {}).get("Title")
    return title if isinstance(title, str) else ""


def _read_pages(
    pages: Iterable[Callable[[], Any]],
    doc: Document,
    plan: PagePlan | _PlanInChunks | None,
    first: int = 1,
    until: int | None = None,
) -> tuple[int, bool, Columns | None, list[tuple[int, bool, Columns | None]]]:
    """Read ``pages`` (numbered from ``first``; each a function that builds the pdfplumber page, only called
    for a page parsed in full) into ``doc``, starting with no table open.

    ``until``: stop after that page as soon as no table is open (a table running on past it is read to its end;
    for a part of a long PDF, :func:`read_pdf_part`). Returns the next order; whether a table may continue onto
    the page after the last one read (a tracking table, or a table continuing one, last on the last page:
    ``pdf_scan.runs_on``); a borderless table's columns when it ran to the foot of the last page; and for each
    page read, the order and that state (follow, carry) on entering it.
    """
    order = 0
    follow = False  # the page before ended with a tracking table, so this page may continue it
    carry: Columns | None = None  # a borderless table's columns, when it ran to the foot of the page
    entered: list[tuple[int, bool, Columns | None]] = []
    for number, make_page in enumerate(pages, start=first):
        if until is not None and number > until and not follow and carry is None:
            break
        entered.append((order, follow, carry))
        if (
            plan is not None
            and not (number == 1 or plan.wanted(number, follow, carry is not None))
            and plan.lines(number)
        ):
            for line in plan.lines(number):
                doc.paragraphs.append(Paragraph(text=line, order=order, page=number))
                order += 1
            follow, carry = False, None
            continue
        page = make_page()
        use_fast_objects(page)  # the same objects as pdfplumber builds, in about half the time
        read_layout(page)  # and the same layout, its content stream split into tokens faster
        before = len(doc.tables)
        if not page.chars and page.images and _ocr().needs_ocr(page):  # scanned: no text layer, an image over it
            tables_only = plan is not None and number > 1  # a long paper: OCR only pages with ruled tables
            (order, _), carry = _ocr().read_scanned_page(page, number, order, doc, tables_only=tables_only), None
        else:
            order, _, carry = _read_page(reading_page(page), number, order, doc, carry)  # sideways text turned
        follow = plan is not None and runs_on(doc.tables[before:], follow)
        page.flush_cache()
    return order, follow, carry, entered


class _PlanInChunks:
    """The :class:`PagePlan` of a part of a long PDF, scanned a few pages at a time as the pages are reached
    (a part may read on past its last page while a table runs on)."""

    CHUNK = 8

    def __init__(self, path: Path, password: str | None, first: int, last: int) -> None:
        self.path, self.password = path, password
        self.plan = scan_pages(path, password, range(first, last + 1))
        self.scanned = last
        self.failed = self.plan is None

    def _reach(self, number: int) -> None:
        while number > self.scanned and not self.failed:
            more = scan_pages(self.path, self.password, range(self.scanned + 1, self.scanned + self.CHUNK + 1))
            if more is None or self.plan is None:
                self.failed = True
                return
            self.plan.ruled.update(more.ruled)
            self.plan.candidate.update(more.candidate)
            self.plan.text.update(more.text)
            self.scanned += self.CHUNK

    def wanted(self, number: int, follows_table: bool, borderless_runs_on: bool = False) -> bool:
        self._reach(number)
        return self.plan is None or self.plan.wanted(number, follows_table, borderless_runs_on)

    def lines(self, number: int) -> list[str]:
        self._reach(number)
        return [] if self.plan is None else self.plan.lines(number)


State = tuple[bool, "Columns | None"]  # on entering a page: a table may continue onto it; a borderless run's columns


@dataclass(slots=True)
class PdfPart:
    """Pages ``first`` to ``end`` of a long PDF, read as :func:`read_pdf` reads them from ``first`` with no table
    open, for :func:`join_parts` to put together. ``end`` is past ``last`` (the pages asked for) when a table ran
    on over ``last``: the part reads on until no table is open (or ``last`` + ``PART_READS_ON``)."""

    path: str
    first: int
    last: int
    end: int
    total: int | None  # the PDF's pages, when the part read to the end of the PDF (else None)
    paragraphs: list[tuple[str, int, int | None, str]]  # (text, order, page, style)
    tables: list[Table]
    title_hint: str
    warnings: list[str]
    notes: list[str]
    entered: list[tuple[int, bool, Columns | None]]  # per page from ``first``: the order and state on entering it
    end_order: int
    end_state: State  # on leaving ``end``
    opened: tuple[int, str]  # the PDF libraries' messages while opening (count, first)
    messages: tuple[int, str]  # ... while reading the pages


PART_READS_ON = 32  # at most this many pages past its last does a part read on while a table runs on


def read_pdf_part(path: Path, first: int, last: int, *, password: str | None = None) -> PdfPart:
    """Pages ``first`` to ``last`` (1-based) of a PDF longer than ``FAST_PATH_MIN_PAGES``, and on past ``last``
    while a table runs on."""
    with library_messages() as messages:
        pdf = open_pdf(path, password)
        opened = (messages.count, messages.first)
        pages = LazyPages(pdf)
        try:
            with _reading_errors(password):
                plan = _PlanInChunks(path, password, first, last)
                pages.trust(plan.plan.pages if plan.plan is not None else None)
                doc = _new_document(pdf, path, None)
                order, follow, carry, entered = _read_pages(
                    islice(pages.from_page(first), last + PART_READS_ON - first + 1), doc, plan, first, until=last
                )
                end = first + len(entered) - 1
                total = end if pages.ends_at(end) else None
                if plan.failed:
                    raise UnreadableDocument("the page plan could not be made")  # the whole file is read instead
        finally:
            pages.done()
            close_pdf(pdf)
    return PdfPart(
        str(path),
        first,
        last,
        end,
        total,
        [(p.text, p.order, p.page, p.style) for p in doc.paragraphs],
        doc.tables,
        doc.title_hint,
        doc.warnings,
        doc.notes,
        entered,
        order,
        (follow, carry),
        opened,
        (messages.count - opened[0], messages.first if messages.count > opened[0] else ""),
    )


def join_parts(parts: list[PdfPart]) -> Document | None:
    """The Document of the whole PDF from its parts in page order, as :func:`read_pdf` gives it; None when a part
    cannot be joined (it does not start, where the part before it stops, in the state that part leaves; the
    PDF's end was not reached; warnings or notes that would have been merged across pages): then read the whole
    PDF."""
    if not parts or parts[0].first != 1 or parts[-1].total is None or parts[-1].end != parts[-1].total:
        return None
    if any(w != _REPAIRED for part in parts[1:] for w in part.warnings) or any(p.notes for p in parts[1:]):
        return None
    head = parts[0]
    doc = Document(path=head.path, format="pdf", pages=parts[-1].total, title_hint=head.title_hint)
    doc.warnings, doc.notes = list(head.warnings), list(head.notes)
    state: State = (False, None)
    done, offset = 0, 0  # pages joined, their blocks, the state on leaving the last
    for part in parts:
        start = done + 1
        if start > part.end:
            continue  # the part before read on over all of this one
        if not part.first <= start or part.total not in (None, doc.pages):
            return None
        at, follow, carry = part.entered[start - part.first]
        if (follow, carry) != state:
            return None
        shift = offset - at
        doc.paragraphs.extend(Paragraph(t, o + shift, pg, st) for t, o, pg, st in part.paragraphs if o >= at)
        doc.tables.extend(replace(t, order=t.order + shift) for t in part.tables if t.order >= at)
        offset += part.end_order - at
        done, state = part.end, part.end_state
    if done != doc.pages:
        return None
    messages = LibraryMessages()
    messages.count = parts[0].opened[0] + sum(p.messages[0] for p in parts)
    messages.first = next((m for m in (parts[0].opened[1], *(p.messages[1] for p in parts)) if m), "")
    doc.warnings.extend(messages.summary())
    return doc


def _ocr():
    """The OCR reader for scanned pages, imported on first use (only scanned pages need it and numpy)."""
    from . import ocr

    return ocr


def _repaired(pdf) -> bool:
    """Did pdfminer have to rebuild the cross-reference table by scanning the file?"""
    from pdfminer.pdfdocument import PDFXRefFallback

    return any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))


def _read_page(
    page, number: int, order: int, doc: Document, carry: Columns | None = None
) -> tuple[int, int, Columns | None]:
    """Add one page's paragraphs and tables to ``doc``.

    Returns the next order, the number of tables found and, when a borderless table runs to the
    foot of the page, its columns (for the next page to continue).
    """
    # a "table" of one column is a box or rules between rows: its words are read as a borderless table
    settings = _table_settings(page)
    found = [t for t in page.find_tables(settings) if max((len(r.cells) for r in t.rows), default=0) >= 2]
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True)
    mark_line_ends(words, page.chars)
    tables: list[tuple[float, Table | object]] = [(t.bbox[1], t) for t in found]
    used: set[int] = set()
    next_carry = None
    boxes = [t.bbox for t in found]
    loose = [w for w in words if not any(_inside(w, b) for b in boxes)] if found else words
    if loose:  # label/value blocks set as text: one small table per recommendation without rules
        for table, block in pdf_keyvalue.find_blocks(_lines(loose), number):
            assert table.bbox is not None
            tables.append((table.bbox[1], table))
            used.update(id(w) for line in block for w in line)
        loose = [w for w in loose if id(w) not in used]
    if loose and (not found or any(names_recommendation([w]) for w in loose)):
        borderless, taken, next_carry = _borderless(
            loose, number, carry if not found else None, page.height, _rules(page)
        )
        used |= taken
        for t in borderless:
            assert t.bbox is not None  # build_table always gives a borderless table its box
            tables.append((t.bbox[1], t))
    outside = [w for w in words if id(w) not in used and not any(_inside(w, b) for b in boxes)]

    def make_table(block, at: int) -> Table:
        return replace(block, order=at) if isinstance(block, Table) else _table(block, words, number, at, page.width)

    order = place_blocks(doc, number, order, outside, tables, make_table)
    return order, len(tables), next_carry


def _borderless(
    words: list[dict],
    number: int,
    carry: Columns | None,
    page_height: float,
    rules: list[borderless.Rule] | None = None,
) -> tuple[list[Table], set[int], Columns | None]:
    """Whitespace-aligned tracking tables on a page with no ruled table (see pdf_borderless).

    ``rules`` are the page's horizontal rules: a table ruled between its rows only is read here too.
    """
    rules = rules or []
    lines = _lines(words)
    tables: list[Table] = []
    used: set[int] = set()
    start = 0
    found = top = borderless.find_header(lines)
    known = carry  # the last table's columns: a header printed again is read as that header (see below)
    if carry is not None and found is not None:
        if borderless.repeated_header(lines[found[0] :], carry):
            carry = None  # the header printed again below a running title: the table goes on under it (see stitch)
        elif borderless.fewer_of(found[2], carry):
            found = None  # a row of the table carried on, with a cell left empty, read as labels: no header
    if carry is not None and (found is None or found[0] > 0):
        first = next(
            (i for i, ln in enumerate(lines[: found[0] if found else len(lines)]) if not carry.crosses(ln)), None
        )
        if first is not None:
            again = borderless.repeated_header(lines[first:], carry)  # the header printed again on this page
            table, count = borderless.build_table(
                lines[first + again : found[0] if found else len(lines)],
                carry,
                number,
                0,
                lines[first : first + again] or None,
                rules,
            )
            if count:
                tables.append(table)
                used.update(id(w) for ln in lines[first : first + again + count] for w in ln)
                start = first + again + count
    last_columns, last_end = None, 0
    while True:
        found = top if start == 0 else borderless.find_header(lines[start:])
        if found is None:
            break
        at, size, columns = found
        at += start
        if known is not None and columns is not known and (again := borderless.repeated_header(lines[at:], known)):
            # the same header again: as many lines as it takes here, or as the labels do (a page holding only
            # the end of a cut cell shows too little of the table to tell its header by the lines below)
            size, columns = max(again, size), known
        known = columns
        table, count = borderless.build_table(lines[at + size :], columns, number, 0, lines[at : at + size], rules)
        if count == 0:
            start = at + size
            continue
        tables.append(table)
        used.update(id(w) for ln in lines[at : at + size + count] for w in ln)
        start = at + size + count
        last_columns, last_end = replace(columns, text_height=type_size(lines[at + size : start])), start
    runs_on = last_columns is not None and all(
        ln[0]["top"] > page_height * 0.85 or len(" ".join(w["text"] for w in ln)) < 12 for ln in lines[last_end:]
    )
    if tables and last_columns is None and carry is not None and start >= len(lines) - 2:
        return tables, used, carry  # a middle page of a long borderless table
    return tables, used, last_columns if runs_on else None


def _table_settings(page) -> dict:
    """pdfplumber's table settings for ``page``, with the top or bottom rule a page break leaves out.

    A row cut by a page break is often drawn open: its column rules run to the page's margin, but no
    rule closes them there. Where two or more column rules end level with no rule across them, one is
    added, so the cut row is still a row.
    """
    try:
        vertical, horizontal = page.vertical_edges, page.horizontal_edges
    except Exception:  # noqa: BLE001 - an odd drawing object should not cost the page its text
        return TABLE_SETTINGS
    added = []
    for end in ("top", "bottom"):
        ends: dict[int, list[dict]] = {}
        for edge in vertical:
            ends.setdefault(round(edge[end]), []).append(edge)
        for y, edges in ends.items():
            x0, x1 = min(e["x0"] for e in edges), max(e["x0"] for e in edges)
            if len(edges) < 2 or x1 - x0 < 20:
                continue
            closed = any(abs(h["top"] - y) <= 3 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3 for h in horizontal)
            if not closed:
                added.append(
                    {"object_type": "added_edge", "orientation": "h", "x0": x0, "x1": x1}
                    | {"top": float(y), "bottom": float(y), "width": x1 - x0, "height": 0.0}
                )
    return dict(TABLE_SETTINGS, explicit_horizontal_lines=added) if added else TABLE_SETTINGS


def _rules(page) -> list[borderless.Rule]:
    """The page's horizontal rules (lines, and the edges of thin boxes) as (y, x0, x1)."""
    try:
        edges = page.horizontal_edges
    except Exception:  # noqa: BLE001 - an odd drawing object should not cost the page its text
        return []
    return [(float(e["top"]), float(e["x0"]), float(e["x1"])) for e in edges if e["x1"] - e["x0"] > 20]


def _table(found, words: list[dict], page: int, order: int, page_width: float | None = None) -> Table:
    box = found.bbox
    clipped = page_width is not None and box[2] >= page_width - 1.0  # a wide table cut off by the page edge
    if clipped:
        box = (box[0], box[1], max([box[2], *(w["x1"] for w in words)]) + 1.0, box[3])
    in_table = [w for w in words if _inside(w, box)]
    rows = []
    for row in found.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:  # covered by a cell merged from the left or above
                cells.append(Cell(text="", page=page, merged=True))
                continue
            if clipped and page_width is not None and bbox[2] >= page_width - 1.0:  # the last column runs on
                bbox = (bbox[0], bbox[1], box[2], bbox[3])
            mine = [w for w in in_table if _inside(w, bbox)]
            cells.append(
                Cell(text=cell_text(mine, bbox), page=page, bbox=tuple(bbox), overflows=_overflows(mine, bbox))
            )
        rows.append(Row(cells=tuple(cells), page=page))
    return Table(rows=tuple(rows), order=order, page=page, bbox=tuple(found.bbox))
