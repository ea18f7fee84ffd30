"""The tracker's names and looks: sheet names, the status list, fonts, fills, colours, line heights."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

from ...palette import PALETTE, RAG_PALETTE, status_label
from ...palette import STATUSES as STATUSES

ROWS_SHEET, SUMMARY_SHEET, SOURCES_SHEET, ABOUT_SHEET = "Recommendations", "Summary", "Sources", "About"
HISTORY_SHEET = "History"  # one row per recommendation followed across reports
STATE_SHEET = "_rectrack"  # very hidden: what rectrack last wrote in each of its cells, by key
TABLE_NAME = "Recommendations"
LINE_HEIGHT, MAX_ROW_HEIGHT = 12.75, 409.0  # points: a line of 10 pt Arial (Excel's own row height); the largest
DEFAULT_WIDTH = 13.0

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
DATE_ALIGN = Alignment(horizontal="center", vertical="top")  # clear of the text in the columns either side
# Every cell rectrack writes names its font: a cell without one is drawn in LibreOffice's fallback (often serif).
# Arial is in every copy of Excel and LibreOffice maps it to a metric-compatible sans serif.
FONT_NAME, FONT_SIZE = "Arial", 10
BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
KEY_FONT = Font(name=FONT_NAME, color="808080", size=9)
LINK_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(start_color="1F4E78", end_color="1F4E78", fill_type="solid")  # drawn without the table style


# Conditional formatting: (fill, font colour) per value, from the shared palette (extract.palette), which also
# colours the Summary chart and the notebook's plots. A status without a fill ("unknown") gets grey text only.
# The Status cells hold the readable labels ("In progress"); the statuses' own names (``in_progress``, in trackers
# written before, or typed) are coloured the same, as LibreOffice compares text case-sensitively.
STATUS_LABELS = tuple(status_label(s) for s in STATUSES)
STATUS_COLOURS = {
    value: (c.fill, c.text) for status, c in PALETTE.items() if c.fill for value in dict.fromkeys((c.label, status))
}
RAG_COLOURS = {rag: (c.fill, c.text) for rag, c in RAG_PALETTE.items()}
UNKNOWN_STATUS_FONT = PALETTE["unknown"].text
# Alternate rows of the Recommendations table: drawn by a conditional format, not the table style alone
# (LibreOffice does not draw Excel table styles), so it follows sorting and filtering; status colours win.
BAND_FILL = "F2F2F2"
OVERDUE_COLOURS = ("FFC7CE", "9C0006")
UNKNOWN_FONT = "808080"  # Overdue "unknown": grey text, no fill
OVERDUE_TEXT = {True: "yes", False: "no", None: "unknown"}


def _header_style(cell: Cell) -> None:
    cell.alignment = WRAP
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
