"""The About sheet (version, how the file was made and how to regenerate it) and the hidden record of runs."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from .book import backup_path
from .cells import hidden_sheet, put
from .fit import _fit_rows
from .run import Run, TrackerReport
from .styles import ABOUT_SHEET, BOLD, HISTORY_SHEET, ROWS_SHEET, SOURCES_SHEET, SUMMARY_SHEET, TOP
from .values import canon

RUNS_SHEET = "_rectrack_runs"  # very hidden: one row per run that wrote the tracker
RUNS_HEADER = ("written", "command", "files", "added", "updated", "unchanged", "gone")


def _run_record(run: Run, changes: TrackerReport) -> dict[str, object]:
    return {
        "written": run.when,
        "command": run.command or "(written from Python, not the rectrack command)",
        "files": len(run.results),
        "added": changes.added,
        "updated": changes.updated,
        "unchanged": changes.unchanged,
        "gone": changes.gone,
    }


def _read_runs(book: Workbook) -> list[dict[str, object]]:
    """The runs recorded before; a tracker from before runs were recorded gives its About sheet's last command."""
    if RUNS_SHEET in book.sheetnames:
        rows = book[RUNS_SHEET].iter_rows(values_only=True)
        header = [canon(v) for v in next(rows, ())]
        return [dict(zip(header, values, strict=False)) for values in rows if any(v is not None for v in values)]
    if ABOUT_SHEET in book.sheetnames:
        about = {canon(r[0]): r[1] for r in book[ABOUT_SHEET].iter_rows(max_col=2, values_only=True) if r[0]}
        if about.get("Command"):
            return [{"written": about.get("Written"), "command": about["Command"], "files": about.get("Input files")}]
    return []


def _write_runs(book: Workbook, runs: list[dict[str, object]]) -> None:
    records = ([("" if record.get(name) is None else record.get(name)) for name in RUNS_HEADER] for record in runs)
    hidden_sheet(book, RUNS_SHEET, [RUNS_HEADER, *records])


def _run_line(record: dict[str, object]) -> str:
    counts = [f"{record[n]} {n}" for n in ("added", "updated", "unchanged", "gone") if record.get(n) is not None]
    files = f"{record['files']} files" if record.get("files") is not None else ""
    summary = "; ".join(part for part in (files, ", ".join(counts)) if part)
    return f"{record.get('command')}\n{summary}" if summary else str(record.get("command"))


def _fill_about(ws: Worksheet, run: Run, path: Path, row_count: int, runs: list[dict[str, object]]) -> None:
    from ... import __version__

    command = run.command or "(not recorded: the tracker was written from Python, not the rectrack command)"
    lines: list[tuple[str, object]] = [
        ("rectrack version", __version__),
        ("Written", run.when),
        ("Command", command),
        ("Input files", len(run.results)),
        ("Rows found in this run", len(run.tracked)),
        ("Rows in the tracker", row_count),
        ("Files ever read", f"{len(_sources_listed(run, ws))} (listed on the {SOURCES_SHEET} sheet)"),
        (
            "How to regenerate",
            "Run the commands under Runs below again, in order, from the same folder (or one command "
            f"with all the files listed on {SOURCES_SHEET}). rectrack updates this file in place "
            "(close it in Excel first).",
        ),
        (
            "What a re-run keeps",
            "Rows are matched on the Key column, so keep it. Columns you add, rows you type, "
            "your formatting, sorting, filters and column widths stay. A rectrack cell you "
            "edited keeps your value; the others are refreshed from the papers. New rows are "
            "added at the bottom; rows no longer in their paper stay, marked 'no' in "
            "'Still in source'. A row you delete comes back if it is still in a paper.",
        ),
        (
            "What a re-run replaces",
            f"The {HISTORY_SHEET}, {SUMMARY_SHEET} and {ABOUT_SHEET} sheets are rewritten every time: keep your "
            f"own notes on other sheets. {SOURCES_SHEET} keeps every file read before and refreshes those read "
            f"again. {HISTORY_SHEET} follows each recommendation across every report in the tracker (earlier runs' "
            "included); the History column of each row links to its line there.",
        ),
        ("Backup", f"The file as it was before the last run is kept as {backup_path(path).name}."),
        (
            "Row key",
            "Paper (committee, meeting date and title, or the file's content when those are missing), "
            "table number and recommendation number: the same paper as PDF and Word gives one row.",
        ),
        (
            "Printing",
            f"{ROWS_SHEET} prints its first columns (Ref to Overdue) landscape, one page wide, with the header "
            "on every page; widen the print area in your spreadsheet program to print more.",
        ),
    ]
    for number, record in enumerate(runs, 1):
        when = record.get("written")
        label = f"Run {number}" + (f", {canon(when)[:16].replace('T', ' ')}" if when else "")
        lines.append((label, _run_line(record)))
    for row, (name, value) in enumerate(lines, 1):
        put(ws.cell(row, 1), name)
        ws.cell(row, 1).font = BOLD
        ws.cell(row, 1).alignment = TOP
        put(ws.cell(row, 2), value)
        ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    _fit_rows(ws)


def _sources_listed(run: Run, ws: Worksheet) -> set[str]:
    sources = ws.parent[SOURCES_SHEET] if SOURCES_SHEET in ws.parent.sheetnames else None
    listed = {r.path for r in run.results}
    if sources is not None:
        listed |= {canon(v).strip() for (v,) in sources.iter_rows(min_row=2, max_col=1, values_only=True) if v}
    return listed
