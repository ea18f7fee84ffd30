"""The common document model every reader produces.

Readers turn a PDF, Word, HTML or text paper into a :class:`Document`: its text
blocks (paragraphs, headings) and its tables, each in reading order. Nothing here
knows about recommendations; that is the job of the later stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell. ``text`` has paragraphs joined by "\\n" and bullets as "• "."""

    text: str
    page: int | None = None
    bbox: BBox | None = None
    row_span: int = 1
    col_span: int = 1
    merged: bool = False  # True for the covered part of a merged cell (its text is read once, at the anchor)
    overflows: bool = False  # PDF: the text runs to the bottom edge, so a page break may have cut it
    fill: str = ""  # background colour as RRGGBB where the format gives one (cell shading)
    ocr: bool = False  # read from a scanned page by OCR
    ocr_confidence: float | None = None  # OCR: mean word confidence, 0-1 (None: not OCR'd, or no words)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    page: int | None = None
    is_header: bool = False  # marked as a header row by the format itself (Word tblHeader, HTML <th>/<thead>)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True, slots=True)
class Table:
    """A table as the format gives it; a PDF table continued on the next page is a second Table."""

    rows: tuple[Row, ...]
    order: int  # position among the document's blocks (paragraphs and tables)
    page: int | None = None
    bbox: BBox | None = None

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    @property
    def last_page(self) -> int | None:
        pages = [r.page for r in self.rows if r.page is not None]
        return max(pages) if pages else self.page


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    order: int
    page: int | None = None
    style: str = ""  # "heading", "title", ... where the format says so


@dataclass(slots=True)
class Document:
    path: str
    format: str  # "pdf", "docx", "html", "txt"
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: int | None = None
    title_hint: str = ""  # e.g. HTML <title>, PDF metadata Title
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader explains rather than warns of (a photo page)
