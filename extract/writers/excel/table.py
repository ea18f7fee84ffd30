"""The Recommendations sheet's finish: headers, the Excel Table, the Status drop-down, conditional formatting
(rectrack's rules replaced, the analyst's kept), frozen panes, row heights and print setup."""

from __future__ import annotations

import re

from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formatting.rule import CellIsRule, FormulaRule, Rule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ...errors import WriterError
from .cells import put
from .checks import CHECK_COLOURS
from .fit import _fit_widths, _header_height, _row_height
from .layout import FIRST_SCREEN, Layout, _find_table
from .styles import (
    BAND_FILL,
    OVERDUE_COLOURS,
    RAG_COLOURS,
    STATUS_COLOURS,
    STATUS_LABELS,
    STATUSES,
    TABLE_NAME,
    UNKNOWN_FONT,
    UNKNOWN_STATUS_FONT,
    _header_style,
)
from .values import canon

STATUS_LIST = '"' + ",".join(STATUS_LABELS) + '"'
_OLD_STATUS_LIST = '"' + ",".join(STATUSES) + '"'  # the drop-down of trackers written before the labels
UNKNOWN_STATUS = ("Unknown", "unknown")
_OUR_CELL_VALUES = {f'"{v}"' for v in (*STATUS_COLOURS, *RAG_COLOURS, "yes", *UNKNOWN_STATUS)}
_OUR_EXPRESSION = re.compile(r'^\$[A-Z]{1,3}2="(?:yes|no)"$')
# the banding: every other visible row, counted on a column every row fills (so it follows sorts and filters)
_BAND_EXPRESSION = re.compile(r"^MOD\(SUBTOTAL\(103;?,?\$[A-Z]{1,3}\$2:\$[A-Z]{1,3}2\);?,?2\)=0$")


def _finish_rows_sheet(sheet: Worksheet, layout: Layout) -> None:
    """Headers, table, validation, formatting and widths over the sheet's final extent."""
    _unique_headers(sheet, layout.width)
    for col in range(1, layout.width + 1):
        _header_style(sheet.cell(1, col))
    _set_table(sheet, layout)
    _set_validation(sheet, layout)
    _set_conditional_formats(sheet, layout)
    if sheet.freeze_panes is None:  # below the header and, when Ref is the first column, right of it
        sheet.freeze_panes = "B2" if layout.columns["rec_id"] == 1 else "A2"
    _fit_widths(sheet, layout)
    for row in sorted(layout.touched):
        sheet.row_dimensions[row].height = _row_height(sheet, layout, row)
    sheet.row_dimensions[1].height = _header_height(sheet, layout.width)
    first_screen = max(layout.columns[c] for c in FIRST_SCREEN)
    _print_setup(sheet, f"A1:{get_column_letter(max(first_screen, 1))}{max(layout.last_row, 2)}")


def _print_setup(ws: Worksheet, area: str | None = None, title_rows: str | None = "1:1") -> None:
    """Landscape, one page wide (as many tall as needed), the header row on every page, modest margins."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "&A: page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows
    if area:
        ws.print_area = area


def _unique_headers(sheet: Worksheet, width: int) -> None:
    """Excel tables need distinct, non-empty text headers: name blanks and number repeats as Excel does."""
    seen: set[str] = set()
    for col in range(1, width + 1):
        cell = sheet.cell(1, col)
        name = canon(cell.value).strip() or f"Column{col}"
        base, n = name, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base}{n}"
        seen.add(name.casefold())
        if canon(cell.value) != name or cell.data_type != "s":
            put(cell, name)


def _stretch(ref: str, last_row: int, max_col: int | None = None) -> str:
    """``ref`` with its last row (and optionally last column) moved."""
    min_col, min_row, old_max_col, _ = range_boundaries(ref)
    end_col = max_col or old_max_col
    return f"{get_column_letter(min_col)}{min_row}:{get_column_letter(end_col)}{max(last_row, min_row)}"


def _table_name(sheet: Worksheet) -> str:
    taken = {name.casefold() for ws in sheet.parent.worksheets for name in ws.tables}
    name, n = TABLE_NAME, 1
    while name.casefold() in taken:
        n += 1
        name = f"{TABLE_NAME}{n}"
    return name


def _set_table(sheet: Worksheet, layout: Layout) -> None:
    last = max(layout.last_row, 2)
    ref = f"A1:{get_column_letter(layout.width)}{last}"
    table = _find_table(sheet)
    if table is None:
        table = Table(displayName=_table_name(sheet), ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        sheet.add_table(table)
    for other in sheet.tables.values():
        if other is not table and _overlaps(other.ref, ref):
            raise WriterError(
                f"{sheet.title}: the table '{other.displayName}' at {other.ref} is in the way of the "
                f"tracker's table ({ref}); move it to another sheet and run again"
            )
    table.ref = ref
    if table.autoFilter is None:
        table.autoFilter = AutoFilter(ref=ref)
    table.autoFilter.ref = ref
    if table.sortState is not None:  # keep the analyst's sort, over the new extent
        table.sortState.ref = _stretch(table.sortState.ref, last, layout.width)
        for condition in table.sortState.sortCondition:
            condition.ref = _stretch(condition.ref, last)
    existing = {c.name: c for c in table.tableColumns}
    table.tableColumns = [_table_column(existing, sheet.cell(1, col).value, col) for col in range(1, layout.width + 1)]


def _table_column(existing: dict[str, TableColumn], header: object, index: int) -> TableColumn:
    column = existing.get(str(header)) or TableColumn(id=index, name=str(header))
    column.id = index
    return column


def _overlaps(a: str, b: str) -> bool:
    a1, a2, a3, a4 = range_boundaries(a)
    b1, b2, b3, b4 = range_boundaries(b)
    return a1 <= b3 and b1 <= a3 and a2 <= b4 and b2 <= a4


def _column_range(layout: Layout, column_id: str) -> str:
    letter = get_column_letter(layout.columns[column_id])
    return f"{letter}2:{letter}{max(layout.last_row, 2)}"


def _set_validation(sheet: Worksheet, layout: Layout) -> None:
    """A drop-down of the status vocabulary on Status (other words are allowed after a warning)."""
    sheet.data_validations.dataValidation = [
        dv
        for dv in sheet.data_validations.dataValidation
        if not (dv.type == "list" and dv.formula1 in (STATUS_LIST, _OLD_STATUS_LIST))
    ]
    validation = DataValidation(
        type="list",
        formula1=STATUS_LIST,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Status",
        error="Not one of rectrack's statuses: keep it anyway?",
        showInputMessage=True,
        promptTitle="Status",
        prompt="Pick a status, or keep the paper's own words",
    )
    validation.add(_column_range(layout, "status"))
    sheet.add_data_validation(validation)


def _is_our_rule(rule: Rule) -> bool:
    formula = list(rule.formula or [])
    if rule.type == "cellIs" and rule.operator == "equal":
        return len(formula) == 1 and formula[0] in _OUR_CELL_VALUES
    if rule.type != "expression" or len(formula) != 1:
        return False
    text = formula[0].replace(" ", "")
    return bool(_OUR_EXPRESSION.match(text) or _BAND_EXPRESSION.match(text))


def _colour_rule(
    fill: str,
    font: str,
    *,
    value: str | None = None,
    formula: str | None = None,
    bold: bool = False,
    stop: bool = False,
) -> Rule:
    style = {
        "fill": PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
        "font": Font(color=font, bold=bold),
    }
    if formula is not None:
        return FormulaRule(formula=[formula], stopIfTrue=stop, **style)
    return CellIsRule(operator="equal", formula=[f'"{value}"'], stopIfTrue=stop, **style)


def _set_conditional_formats(sheet: Worksheet, layout: Layout) -> None:
    """Replace rectrack's formatting rules (the analyst's own rules stay) over the current extent."""
    kept = ConditionalFormattingList()
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            if not _is_our_rule(rule):
                kept.add(str(formatting.sqref), rule)
    kept.max_priority = max((r.priority or 0 for f in kept for r in f.rules), default=0)
    sheet.conditional_formatting = kept

    overdue = f'${get_column_letter(layout.columns["overdue"])}2="yes"'
    gone = f'${get_column_letter(layout.columns["in_source"])}2="no"'
    status, due, rag = (_column_range(layout, c) for c in ("status", "due_date", "rag"))
    # Overdue paints the due date and the Overdue cell; the Status cell keeps its status colour
    kept.add(due, _colour_rule(*OVERDUE_COLOURS, formula=overdue, bold=True, stop=True))
    for value, colours in STATUS_COLOURS.items():
        kept.add(status, _colour_rule(*colours, value=value))
    for value, colours in RAG_COLOURS.items():
        kept.add(rag, _colour_rule(*colours, value=value))
    overdue_range = _column_range(layout, "overdue")
    kept.add(overdue_range, _colour_rule(*OVERDUE_COLOURS, value="yes", bold=True))
    kept.add(
        overdue_range, CellIsRule(operator="equal", formula=['"unknown"'], font=Font(color=UNKNOWN_FONT, italic=True))
    )
    for value in UNKNOWN_STATUS:
        kept.add(status, CellIsRule(operator="equal", formula=[f'"{value}"'], font=Font(color=UNKNOWN_STATUS_FONT)))
    if "check" in layout.columns:  # the Check fill again as a rule, so the banding below does not cover it
        kept.add(_column_range(layout, "check"), _colour_rule(*CHECK_COLOURS, value="yes"))
    everything = f"A2:{get_column_letter(layout.width)}{max(layout.last_row, 2)}"
    kept.add(everything, FormulaRule(formula=[gone], font=Font(color="808080", italic=True)))
    # Banding last (the lowest priority): every rule above, and the analyst's own, win over it. Excel's table
    # style bands too, but LibreOffice does not draw table styles; this rule is drawn by both.
    kept.add(everything, band_rule(get_column_letter(layout.columns["recommendation"])))


def band_rule(column: str) -> Rule:
    """Every other visible row shaded, counted on ``column`` (one every row fills), so the bands follow sorting and
    filtering. Added last, so every other rule wins over it."""
    return FormulaRule(
        formula=[f"MOD(SUBTOTAL(103,${column}$2:${column}2),2)=0"],
        fill=PatternFill(start_color=BAND_FILL, end_color=BAND_FILL, fill_type="solid"),
    )
