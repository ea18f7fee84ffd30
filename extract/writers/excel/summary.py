"""The Summary sheet: counts by status per committee and per paper (from the sheet as it stands) and a chart."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ...palette import PALETTE, status_label
from ..keys import paper_of
from .cells import put
from .fit import _fit_sheet
from .layout import Layout
from .run import Run
from .styles import BOLD, FONT_NAME, ROWS_SHEET, STATUSES, _header_style
from .values import _status_bucket, canon


@dataclass(frozen=True, slots=True)
class TrackerRow:
    """What the Summary needs from one row of the Recommendations sheet (as it stands after the merge)."""

    paper: str
    committee: str
    meeting_date: object
    title: str
    status: str
    overdue: bool
    in_source: bool
    check: bool = False  # the Check column says "yes": rectrack is not sure of the row


def _sheet_records(sheet: Worksheet, layout: Layout) -> list[TrackerRow]:
    def text(row: int, column_id: str) -> str:
        return canon(sheet.cell(row, layout.columns[column_id]).value).strip()

    records = []
    for row in range(2, layout.last_row + 1):
        key = text(row, "key")
        records.append(
            TrackerRow(
                paper=paper_of(key) if key else "",
                committee=text(row, "committee"),
                meeting_date=sheet.cell(row, layout.columns["meeting_date"]).value,
                title=text(row, "title"),
                status=_status_bucket(text(row, "status")),
                overdue=text(row, "overdue").casefold() == "yes",
                in_source=text(row, "in_source").casefold() != "no",
                check=text(row, "check").casefold() == "yes",
            )
        )
    return records


CENTRED = Alignment(horizontal="center", vertical="top")
CENTRED_HEADER = Alignment(horizontal="center", vertical="top", wrap_text=True)
COUNT_HEADERS = (*(status_label(s) for s in STATUSES), "Total", "Overdue", "No longer in source", "To check")


def _counts(rows: Iterable[TrackerRow]) -> list[int]:
    rows = list(rows)
    by_status = Counter(r.status for r in rows)
    return [
        *(by_status[s] for s in STATUSES),
        len(rows),
        sum(r.overdue for r in rows),
        sum(not r.in_source for r in rows),
        sum(r.check for r in rows),
    ]


def _write_block(ws: Worksheet, top: int, title: str, header: Sequence[str], body: Iterable[Sequence[object]]) -> int:
    """A titled block of plain values; returns the last row written."""
    put(ws.cell(top, 1), title)
    ws.cell(top, 1).font = Font(name=FONT_NAME, bold=True, size=12)
    for col, name in enumerate(header, 1):
        _header_style(ws.cell(top + 1, col))
        put(ws.cell(top + 1, col), name)
    row = top + 1
    for values in body:
        row += 1
        for col, value in enumerate(values, 1):
            put(ws.cell(row, col), value)
    return row


def _fill_summary(ws: Worksheet, rows: list[TrackerRow], run: Run) -> None:
    put(ws.cell(1, 1), "Recommendations by status")
    ws.cell(1, 1).font = Font(name=FONT_NAME, bold=True, size=14)
    put(
        ws.cell(2, 1),
        f"Counted from the {ROWS_SHEET} sheet (including your edits) when this file was written, "
        f"{run.when:%Y-%m-%d %H:%M}. A status outside the drop-down list counts as unknown.",
    )
    by_committee: dict[str, list[TrackerRow]] = defaultdict(list)
    by_paper: dict[str, list[TrackerRow]] = defaultdict(list)
    for row in rows:
        by_committee[row.committee or "(no committee)"].append(row)
        by_paper[row.paper].append(row)
    committees = sorted(by_committee)
    body = [[name, *_counts(by_committee[name])] for name in committees] + [["All", *_counts(rows)]]
    first = 4
    last = _write_block(ws, first, "By committee", ["Committee", *COUNT_HEADERS], body)
    ws.cell(last, 1).font = BOLD
    papers = sorted(by_paper, key=lambda p: _paper_sort_key(by_paper[p]))
    paper_body = [_paper_line(p, by_paper[p]) for p in papers]
    # the same columns in both blocks (counts, then the paper's date and title): no column does two jobs
    paper_header = ["Committee", *COUNT_HEADERS, "Meeting date", "Paper"]
    end = _write_block(ws, last + 3, "By paper", paper_header, paper_body)
    _fit_sheet(ws, {1: 40, len(paper_header): 60}, header_rows={first + 1, last + 4}, skip_rows={1, 2, first, last + 3})
    counted = range(2, 2 + len(COUNT_HEADERS))  # the count columns (the same in both blocks)
    for row in ws.iter_rows(min_row=first + 1):
        for cell in row:
            if cell.row in (first + 1, last + 4) and cell.column in counted:
                cell.alignment = CENTRED_HEADER  # over the counts below it, apart from its neighbours
            elif isinstance(cell.value, (int, float, date)):  # centred, level with the first line of a wrapped name
                cell.alignment = CENTRED
    if committees:  # below the tables, at the left: on screen after the counts, and printed within their width
        _add_chart(ws, first + 1, first + 1 + len(committees), anchor=f"A{end + 3}")
    ws.freeze_panes = "B4"


def _paper_sort_key(rows: list[TrackerRow]) -> tuple:
    first = rows[0]
    when = canon(first.meeting_date)
    return (not first.paper, first.committee.casefold(), when, first.title.casefold())


def _paper_line(paper: str, rows: list[TrackerRow]) -> list[object]:
    first = rows[0]
    if not paper:
        return ["", *_counts(rows), None, "(rows added by hand)"]
    when = first.meeting_date.date() if isinstance(first.meeting_date, datetime) else first.meeting_date
    return [first.committee, *_counts(rows), when, first.title or "(untitled paper)"]


def _add_chart(ws: Worksheet, header_row: int, last_row: int, anchor: str) -> None:
    """A stacked bar per committee, one colour per status."""
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Recommendations by status and committee"
    chart.y_axis.title = "Recommendations"
    data = Reference(ws, min_col=2, max_col=1 + len(STATUSES), min_row=header_row + 1, max_row=last_row)
    chart.add_data(data)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    for series, status in zip(chart.series, STATUSES, strict=False):
        colour = PALETTE[status].strong
        series.tx = SeriesLabel(v=status_label(status))  # the legend reads "In progress", not in_progress
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.width, chart.height = 24, max(7.5, 0.8 * (last_row - header_row) + 5)
    ws.add_chart(chart, anchor)
