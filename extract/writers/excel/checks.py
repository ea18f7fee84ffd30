"""The Check and Confidence columns: set on every run for the rows read in it (rectrack's own columns, like
Overdue). Check is "yes" when the row's confidence is under the threshold, with the reasons in a comment."""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ...confidence import CHECK_BELOW, merged, needs_check
from .cells import put
from .layout import Layout, _existing_rows
from .run import Run
from .styles import BODY_FONT, TOP

CHECK_COLOURS = ("FFEB9C", "9C5700")  # fill, font: also a conditional format, drawn over the row banding
CHECK_FILL = PatternFill(start_color=CHECK_COLOURS[0], end_color=CHECK_COLOURS[0], fill_type="solid")
NO_FILL = PatternFill(fill_type=None)


def set_checks(sheet: Worksheet, layout: Layout, run: Run) -> None:
    if "check" not in layout.columns or "confidence" not in layout.columns:
        return
    rows = _existing_rows(sheet, layout)
    for item in run.tracked:
        row = rows.get(item.key)
        if row is None:
            continue
        confidence, reason = merged(item.variants)
        check = sheet.cell(row, layout.columns["check"])
        value = sheet.cell(row, layout.columns["confidence"])
        flagged = needs_check(confidence)
        put(check, "yes" if flagged else "no")
        put(value, confidence)
        value.number_format = "0.00"
        for cell in (check, value):
            cell.font, cell.alignment = BODY_FONT, TOP
        check.fill = CHECK_FILL if flagged else NO_FILL
        if flagged:
            text = f"Confidence {confidence:.2f} (under {CHECK_BELOW:.2f}): {reason or 'no reason recorded'}"
            comment = Comment(text, "rectrack")
            comment.width, comment.height = 320, 60 + 16 * (len(text) // 45)
            check.comment = comment
        else:
            check.comment = None
