"""The tracker's names and looks: sheet names, the status list, fonts, fills, colours, line heights."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

ROWS_SHEET, SUMMARY_SHEET, SOURCES_SHEET, ABOUT_SHEET = "Recommendations", "Summary", "Sources", "About"
HISTORY_SHEET = "History"  # one row per recommendation followed across reports
STATE_SHEET = "_rectrack"  # very hidden: what rectrack last wrote in each of its cells, by key
TABLE_NAME = "Recommendations"
STATUSES = ("complete", "in_progress", "ongoing", "delayed", "not_started", "not_accepted", "unknown")
LINE_HEIGHT, MAX_ROW_HEIGHT = 13.5, 409.0  # points: one line of 10 pt text; Excel's largest row
DEFAULT_WIDTH = 13.0

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Every cell rectrack writes names its font: a cell without one is drawn in LibreOffice's fallback (often serif).
# Arial is in every copy of Excel and LibreOffice maps it to a metric-compatible sans serif.
FONT_NAME, FONT_SIZE = "Arial", 10
BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
KEY_FONT = Font(name=FONT_NAME, color="808080", size=9)
LINK_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(start_color="1F4E78", end_color="1F4E78", fill_type="solid")  # drawn without the table style


# Conditional formatting: (fill, font colour) per value. Status colours never borrow a RAG colour for a status
# that is not that rating (in_progress may be rated Green or Amber, so it is blue, not amber): the Status cell
# and the RAG cell never contradict each other.
STATUS_COLOURS = {
    "complete": ("C6EFCE", "006100"),
    "in_progress": ("DDEBF7", "1F4E78"),
    "ongoing": ("DDEBF7", "1F4E78"),
    "delayed": ("FFC7CE", "9C0006"),
    "not_started": ("E4DFEC", "5B3F86"),
    "not_accepted": ("EDEDED", "595959"),
}
RAG_COLOURS = {"red": ("FFC7CE", "9C0006"), "amber": ("FFEB9C", "9C5700"), "green": ("C6EFCE", "006100")}
OVERDUE_COLOURS = ("FFC7CE", "9C0006")
UNKNOWN_FONT = "808080"  # Overdue "unknown": grey text, no fill
OVERDUE_TEXT = {True: "yes", False: "no", None: "unknown"}


def _header_style(cell: Cell) -> None:
    cell.alignment = WRAP
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
