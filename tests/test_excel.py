"""The Excel tracker: layout, formula-injection safety, re-runs that keep the analyst's work, crash safety."""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.filters import FilterColumn, Filters, SortCondition, SortState

from conftest import SAMPLES
from extract import __version__, extract_paths
from extract.cli import main
from extract.errors import WriterError
from extract.palette import status_label
from extract.records import FileResult, Issue, Recommendation
from extract.writers import write
from extract.writers.excel import STATUSES, backup_path
from extract.writers.keys import keyed_rows, normalise_text, paper_id

RISKY = [
    '=HYPERLINK("http://evil.example/x","click me")',
    "+44 20 7946 0000",
    "-",
    "@SUM(A1:A9)",
    "\tindented",
    "\rcarriage return",
    "-2+3",
]
REQUIRED_HEADERS = ("Recommendation", "Progress", "Responsible", "Timescale", "Status")
SEED = "Progress of Recommendations following the Overview and Scrutiny Review of Organised Crime"

LABELS = tuple(status_label(s) for s in STATUSES)  # what the Status cells and the drop-down hold


def rec(source: str, rec_id: str, text: str, **extra) -> Recommendation:
    base = {
        "source": source,
        "rec_id": rec_id,
        "recommendation": text,
        "progress": f"Progress on {rec_id}",
        "responsible": "Jo Bloggs",
        "timescale": "March 2024",
        "status": "",
        "committee": "Audit Committee",
        "meeting_date": "2024-05-01",
        "title": "Internal Audit Follow-up",
        "format": "docx",
    }
    return Recommendation(**{**base, **extra})


def risky_result() -> FileResult:
    rows = [
        rec(
            "risky.docx",
            str(i),
            text,
            progress=text,
            responsible=text,
            timescale=text,
            status=text,
            title="Formula injection test paper",
        )
        for i, text in enumerate(RISKY, 1)
    ]
    return FileResult(path="risky.docx", format="docx", rows=rows, tables=1)


def enriched_result() -> FileResult:
    rows = [
        rec(
            "enriched.pdf",
            "1",
            "Publish the register.",
            format="pdf",
            page_first=2,
            page_last=3,
            due_date="2024-03-31",
            status="On track",
            status_norm="in_progress",
            status_source="status_column",
            rag="amber",
            overdue=True,
            owners=({"name": "Jo Bloggs", "type": "person"},),
        ),
        rec(
            "enriched.pdf",
            "2",
            "Train the staff.",
            format="pdf",
            page_first=3,
            status="Done",
            status_norm="complete",
            rag="green",
            due_date="2023-12-31",
        ),
        rec("enriched.pdf", "3", "Review the policy.", format="pdf", page_first=3, status="Green"),
        rec("enriched.pdf", "4", "Report back.", format="pdf", page_first=4),
    ]
    return FileResult(path="enriched.pdf", format="pdf", pages=4, tables=1, rows=rows)


def failed_result() -> FileResult:
    return FileResult(path="broken.pdf", issues=[Issue("error", "broken.pdf", "not a PDF (the file is damaged)")])


@pytest.fixture(scope="module")
def all_results(extracted_samples) -> list[FileResult]:
    import copy

    return [*copy.deepcopy(extracted_samples), risky_result(), enriched_result(), failed_result()]


@pytest.fixture(scope="module")
def tracker(tmp_path_factory, all_results) -> Path:
    dest = tmp_path_factory.mktemp("tracker") / "tracker.xlsx"
    write(all_results, dest, command="rectrack extract samples -o tracker.xlsx")
    return dest


@pytest.fixture(scope="module")
def book(tracker):
    """The sample tracker, opened once for the tests that only read it."""
    return load_workbook(tracker)


def header_map(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1] if cell.value is not None}


def data_rows(ws) -> list[dict[str, object]]:
    """Each data row as {header: cell}."""
    headers = header_map(ws)
    return [
        {name: ws.cell(row, col) for name, col in headers.items()}
        for row in range(2, ws.max_row + 1)
        if ws.cell(row, headers["Key"]).value
    ]


def by_key(ws) -> dict[str, dict[str, object]]:
    return {row["Key"].value: row for row in data_rows(ws)}


# --- 1. the workbook ----------------------------------------------------------------------------------


def test_sheets_in_order(book):
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Recommendations", "History", "Summary", "Sources", "About"]
    assert book.active.title == "Recommendations"


def test_recommendations_table_frozen_header_and_columns(book):
    ws = book["Recommendations"]
    headers = header_map(ws)
    assert set(REQUIRED_HEADERS) <= headers.keys()
    assert {"Key", "Meeting date", "Due date", "Source", "Still in source", "Last seen"} <= headers.keys()
    assert ws.freeze_panes == "B2"  # below the header, right of Ref
    (table,) = ws.tables.values()
    last = f"{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert table.ref == f"A1:{last}"
    assert ws.max_column == len(headers)
    assert table.autoFilter is not None
    assert table.autoFilter.ref == table.ref
    assert table.tableStyleInfo.showRowStripes
    assert [c.name for c in table.tableColumns] == [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]


FIRST_SCREEN = ["Ref", "Recommendation", "Progress", "Responsible", "Timescale", "Due date", "Status", "RAG", "Overdue"]


def test_first_screen_shows_the_recommendation_and_its_status(book):
    ws = book["Recommendations"]
    headers = [c.value for c in ws[1]]
    assert headers[: len(FIRST_SCREEN)] == FIRST_SCREEN
    assert headers.index("Key") > headers.index("Overdue")
    assert headers.index("Committee") > headers.index("Overdue")
    widths = [ws.column_dimensions[ws.cell(1, c).column_letter].width for c in range(1, len(FIRST_SCREEN) + 1)]
    assert sum(widths) <= 200  # about one screen at 100% zoom
    assert all(c.font.b and c.font.name and c.fill.fgColor.rgb.endswith("1F4E78") for c in ws[1])


def test_every_written_cell_names_its_font(book):
    for ws in (book[name] for name in ("Recommendations", "Summary", "Sources", "About")):
        unnamed = [c.coordinate for row in ws.iter_rows() for c in row if c.value is not None and not c.font.name]
        assert unnamed == [], ws.title
        assert {c.font.name for row in ws.iter_rows() for c in row if c.value is not None} == {"Arial"}, ws.title


def test_print_setup_landscape_one_page_wide_header_on_every_page(book):
    for name in ("Recommendations", "Summary", "Sources", "About"):
        ws = book[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), name
    ws = book["Recommendations"]
    assert ws.print_title_rows == "$1:$1"
    last = ws.cell(1, len(FIRST_SCREEN)).column_letter
    assert str(ws.print_area).replace("'", "").endswith(f"$A$1:${last}${ws.max_row}")


OLD_ORDER = (
    "key",
    "committee",
    "meeting_date",
    "title",
    "section",
    "rec_id",
    "recommendation",
    "progress",
    "responsible",
    "timescale",
    "due_date",
    "status",
    "status_paper",
    "accepted",
    "rag",
    "overdue",
    "check",
    "confidence",
    "history_id",
    "owners",
    "source",
    "other_sources",
    "in_source",
    "first_seen",
    "last_seen",
)


def test_a_tracker_in_the_earlier_column_order_still_merges(tmp_path, monkeypatch):
    """Columns are found by header, not position: a tracker written with Key first keeps its order and edits."""
    from extract.writers.excel import layout  # the module that reads COLUMNS

    by_id = {c.id: c for c in layout.COLUMNS}
    dest = tmp_path / "tracker.xlsx"
    first = FileResult(path="a.docx", rows=[rec("a.docx", str(i), f"Text {i}") for i in (1, 2, 3)])
    with monkeypatch.context() as patch:
        patch.setattr(layout, "COLUMNS", tuple(by_id[i] for i in OLD_ORDER))
        write([first], dest)
    old_headers = [c.value for c in load_workbook(dest)["Recommendations"][1]]
    assert old_headers[:2] == ["Key", "Committee"]
    keys = sorted(by_key(load_workbook(dest)["Recommendations"]))
    add_notes(dest, {keys[0]: "Chased"}, status={keys[1]: "complete"})

    rows = [rec("a.docx", "1", "Text 1", progress="New progress"), *first.rows[1:], rec("a.docx", "4", "Text 4")]
    write([FileResult(path="a.docx", rows=rows)], dest)

    ws = load_workbook(dest)["Recommendations"]
    assert [c.value for c in ws[1]] == [*old_headers, "Analyst notes"]  # nothing moved, nothing added twice
    after = by_key(ws)
    assert len(after) == 4
    assert after[keys[0]]["Analyst notes"].value == "Chased"
    assert after[keys[0]]["Progress"].value == "New progress"
    assert after[keys[1]]["Status"].value == "complete"
    new = next(r for k, r in after.items() if k not in keys)
    assert (new["Ref"].value, new["Recommendation"].value, new["Committee"].value) == ("4", "Text 4", "Audit Committee")
    assert new["Key"].row == ws.max_row
    assert ws.freeze_panes == "A2"  # the old tracker's own freeze is kept


def test_wrapped_text_and_widths_suit_content(book):
    ws = book["Recommendations"]
    headers = header_map(ws)
    widths = {name: ws.column_dimensions[ws.cell(1, col).column_letter].width for name, col in headers.items()}
    assert all(w and w > 3 for w in widths.values())
    assert widths["Recommendation"] >= 40
    assert widths["Progress"] >= 40
    assert widths["Ref"] < 10
    assert widths["Recommendation"] > widths["Timescale"] > widths["Ref"]
    for row in data_rows(ws)[:5]:
        assert row["Recommendation"].alignment.wrap_text
        assert row["Progress"].alignment.wrap_text
        lines = row["Progress"].value.count("\n") + 1
        assert ws.row_dimensions[row["Key"].row].height >= 12.75 * lines  # tall enough for the wrapped text


def test_rows_once_per_recommendation_same_paper_in_three_formats(book, sample_results):
    ws = book["Recommendations"]
    rows = data_rows(ws)
    keys = [r["Key"].value for r in rows]
    assert len(keys) == len(set(keys))
    seed = [r for r in rows if r["Paper"].value == SEED]
    assert len(seed) == 6  # the seed paper as .docx, .pdf and .txt gives its 6 rows once
    distinct = {
        (normalise_text(r.committee), r.meeting_date, normalise_text(r.title), r.table_index, r.rec_id)
        for result in sample_results
        for r in result.rows
    }
    assert sum(len(r.rows) for r in sample_results) > len(distinct)
    assert len(rows) == len(distinct) + len(RISKY) + len(enriched_result().rows)
    for row in seed:
        names = {row["Source"].value.split(",")[0], *(line.split(",")[0] for line in row["Also in"].value.splitlines())}
        assert names == {"seed-organised-crime.docx", "seed-organised-crime.pdf", "seed-organised-crime.txt"}
    sources = book["Sources"]
    ids = {r[5] for r in sources.iter_rows(min_row=2, values_only=True) if "seed-organised-crime" in r[0]}
    assert len(ids) == 1
    assert ids != {None}


def test_dates_are_real_excel_dates(book):
    rows = by_key(book["Recommendations"])
    for row in rows.values():
        assert isinstance(row["Meeting date"].value, datetime)
        assert row["Meeting date"].is_date
        assert isinstance(row["Last seen"].value, datetime)
    enriched = [r for r in rows.values() if r["Source"].value.startswith("enriched.pdf")]
    assert [r["Due date"].value for r in enriched] == [datetime(2024, 3, 31), datetime(2023, 12, 31), None, None]
    assert all(r["Due date"].is_date for r in enriched[:2])


def test_status_drop_down_and_fallback_to_the_papers_words(book):
    ws = book["Recommendations"]
    headers = header_map(ws)
    letter = ws.cell(1, headers["Status"]).column_letter
    (validation,) = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert validation.formula1.strip('"').split(",") == list(LABELS)  # "In progress", not in_progress
    assert str(validation.sqref) == f"{letter}2:{letter}{ws.max_row}"
    assert not validation.showDropDown  # (True would hide the arrow)
    rows = list(by_key(ws).values())
    housing = [(r["Status"].value, r["Status in paper"].value) for r in rows if "Private Rented" in r["Paper"].value]
    assert housing
    assert all(status in LABELS or status == words for status, words in housing)
    enriched = [r for r in rows if r["Source"].value.startswith("enriched.pdf")]
    # always a value of the drop-down: the normalised status's label, else "Unknown" (the paper's words beside it)
    assert [r["Status"].value for r in enriched] == ["In progress", "Complete", "Unknown", "Unknown"]
    assert [r["Status in paper"].value for r in enriched] == ["On track", "Done", "Green", None]
    # overdue as the rows give it; not known (None) shows "unknown"
    assert [r["Overdue"].value for r in enriched] == ["yes", "unknown", "unknown", "unknown"]
    assert [r["RAG"].value for r in enriched] == ["amber", "green", None, None]
    assert enriched[0]["Owners"].value == "Jo Bloggs"
    risky = [r for r in rows if r["Source"].value == "risky.docx"]
    assert [r["Status in paper"].value for r in risky] == RISKY
    assert {r["Status"].value for r in risky} == {"Unknown"}


def test_conditional_formatting_status_overdue_and_rag(book):
    ws = book["Recommendations"]
    headers = header_map(ws)
    col = {n: ws.cell(1, headers[n]).column_letter for n in ("Status", "Overdue", "RAG", "Due date")}
    rules: dict[str, list] = {}
    for formatting in ws.conditional_formatting:
        for cell_range in str(formatting.sqref).split():
            rules.setdefault(cell_range.split(":")[0].rstrip("0123456789"), []).extend(formatting.rules)
    status_values = {r.formula[0].strip('"') for r in rules[col["Status"]] if r.type == "cellIs"}
    assert {"Complete", "In progress", "Not started", "Delayed"} <= status_values
    assert {"complete", "in_progress", "not_started", "delayed"} <= status_values  # as typed, or in older trackers
    # the Status cell is coloured by its status only (overdue paints the due date and the Overdue cell)
    assert not [r for r in rules[col["Status"]] if r.type == "expression"]
    overdue = [r for r in rules[col["Due date"]] if r.type == "expression"]
    assert overdue
    assert overdue[0].formula == [f'${col["Overdue"]}2="yes"']
    assert overdue[0].stopIfTrue
    assert {r.formula[0] for r in rules[col["RAG"]]} == {'"red"', '"amber"', '"green"'}
    coloured = [r for r in rules[col["Status"]] if r.formula[0] not in ('"Unknown"', '"unknown"')]  # grey text, no fill
    assert all(r.dxf is not None and r.dxf.fill is not None for r in coloured)


def band_rules(ws) -> list:
    return [
        (str(f.sqref), r)
        for f in ws.conditional_formatting
        for r in f.rules
        if r.type == "expression" and r.formula and r.formula[0].startswith("MOD(SUBTOTAL(103,")
    ]


def test_rows_are_banded_by_a_rule_status_colours_win(tracker, all_results, tmp_path):
    """Banding drawn by a conditional format (LibreOffice does not draw Excel table styles): every other visible
    row, so it stays right after sorting and filtering; every other rule, the status colours included, wins."""
    ws = load_workbook(tracker)["Recommendations"]
    headers = header_map(ws)
    bands = band_rules(ws)
    assert len(bands) == 1
    sqref, band = bands[0]
    last = ws.cell(1, max(headers.values())).column_letter
    assert sqref.startswith("A2:" + last)
    letter = ws.cell(1, headers["Recommendation"]).column_letter
    assert band.formula == [f"MOD(SUBTOTAL(103,${letter}$2:${letter}2),2)=0"]
    assert band.dxf.fill is not None
    others = [r for f in ws.conditional_formatting for r in f.rules if r is not band]
    assert others
    assert all(r.priority < band.priority for r in others)
    # a re-run replaces the rule rather than adding another
    again = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, again)
    write(all_results, again)
    assert len(band_rules(load_workbook(again)["Recommendations"])) == 1


def test_each_row_links_to_its_source_file_without_a_formula(tracker, book):
    ws = book["Recommendations"]
    rows = data_rows(ws)
    for row in rows:
        cell = row["Source"]
        assert cell.hyperlink is not None
        assert cell.hyperlink.target
        assert cell.data_type == "s"
        assert not str(cell.value).upper().startswith("=HYPERLINK")
    flood = [r for r in rows if r["Source"].value.startswith("flood-risk-progress.pdf")]
    assert flood
    assert all(", p" in r["Source"].value for r in flood)
    target = tracker.parent / unquote(flood[0]["Source"].hyperlink.target)
    assert target.resolve() == (SAMPLES / "flood-risk-progress.pdf").resolve()
    assert [r["Source"].value for r in rows if r["Source"].value.startswith("enriched")][0] == "enriched.pdf, pp. 2–3"


def test_no_formulas_anywhere(tracker, book):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
    with zipfile.ZipFile(tracker) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml, name
                assert "<f " not in xml, name


def test_formula_triggers_are_stored_as_text(book):
    rows = [r for r in data_rows(book["Recommendations"]) if r["Source"].value == "risky.docx"]
    assert [r["Recommendation"].value for r in rows] == RISKY
    for row in rows:
        for name in ("Recommendation", "Progress", "Responsible", "Timescale", "Status in paper"):
            assert row[name].data_type == "s"
            assert row[name].value in RISKY


def test_summary_counts_by_status_per_committee_and_paper_with_a_chart(tracker, book):
    ws = book["Summary"]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(r for r in values if r[0] == "Committee" and r[1] == LABELS[0])
    assert header[1 : len(STATUSES) + 1] == list(LABELS)
    assert "Total" in header
    assert "Overdue" in header
    total = header.index("Total")
    start = values.index(header) + 1
    committees = []
    for row in values[start:]:
        if row[0] == "All":
            all_row = row
            break
        committees.append(row)
    assert {"Cabinet", "Audit Committee"} <= {r[0] for r in committees}
    assert all(isinstance(v, int) for r in committees for v in r[1 : total + 1])
    assert all(sum(r[1 : len(STATUSES) + 1]) == r[total] for r in committees)
    rows = data_rows(book["Recommendations"])
    assert all_row[total] == len(rows)
    assert all_row[header.index("Overdue")] == sum(r["Overdue"].value == "yes" for r in rows) >= 1
    for status in STATUSES:
        label = status_label(status)
        expected = sum((r["Status"].value if r["Status"].value in LABELS else "Unknown") == label for r in rows)
        assert all_row[1 + STATUSES.index(status)] == expected
    paper_header = next(r for r in values if r[0] == "Committee" and r[-2:] == ["Meeting date", "Paper"])
    assert paper_header[: total + 1] == header[: total + 1]  # the same columns as the committee block
    papers = values[values.index(paper_header) + 1 :]
    assert SEED in [p[-1] for p in papers]
    assert sum(p[paper_header.index("Total")] for p in papers) == len(rows)
    with zipfile.ZipFile(tracker) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    assert ws._charts  # openpyxl reads the chart back


def test_sources_sheet_lists_every_input_file(book, all_results):
    ws = book["Sources"]
    header = [c.value for c in ws[1]]
    assert header == ["File", "Format", "Pages", "Tracking tables", "Rows", "Paper ID", "Error"] + [
        "Warnings and notes",
        "Last read",
    ]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {r.path for r in all_results}
    flood = rows[str(SAMPLES / "flood-risk-progress.pdf")]
    assert flood[1:5] == ("pdf", 3, 1, 9)
    assert flood[6] is None
    assert rows["broken.pdf"][6] == "not a PDF (the file is damaged)"
    assert rows[str(SAMPLES / "budget-decoys-only.pdf")][3:5] == (0, 0)


def test_about_sheet(book):
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True)}
    assert about["rectrack version"] == __version__
    assert isinstance(about["Written"], datetime)
    assert abs((datetime.now() - about["Written"]).days) <= 1
    assert about["Command"] == "rectrack extract samples -o tracker.xlsx"
    assert "commands under Runs" in about["How to regenerate"]
    assert about["Run 1, " + about["Written"].strftime("%Y-%m-%d %H:%M")].startswith(about["Command"] + "\n")


def test_side_sheets_fit_their_content(book):
    """No cut headers or words: every column is at least as wide as its longest word; wrapped rows are tall enough."""
    for name in ("Summary", "Sources", "About"):
        ws = book[name]
        for row in ws.iter_rows(min_row=3 if name == "Summary" else 1):
            for cell in row:
                if cell.value is None or isinstance(cell.value, (int, float, datetime)):
                    continue
                width = ws.column_dimensions[cell.column_letter].width
                assert max(len(w) for w in str(cell.value).split()) <= width, (name, cell.coordinate, cell.value)
                if cell.alignment.wrap_text:
                    per_line = int(width * 1.1) - 1  # characters of 10 pt Arial in a column this wide
                    lines = sum(max(1, -(-len(part) // per_line)) for part in str(cell.value).splitlines())
                    assert ws.row_dimensions[cell.row].height >= 12 * lines, (name, cell.coordinate)


def test_papers_added_one_run_at_a_time_keep_the_record(tmp_path):
    """Sources lists every file ever read; About lists every run with what it did."""
    dest = tmp_path / "tracker.xlsx"
    reports = []
    papers = [FileResult(path=f"p{n}.docx", rows=[rec(f"p{n}.docx", "1", "Text", title=f"Paper {n}")]) for n in (1, 2)]
    write([papers[0]], dest, command="rectrack extract p1.docx -o tracker.xlsx", report=reports.append)
    write([papers[1]], dest, command="rectrack extract p2.docx -o tracker.xlsx", report=reports.append)
    changed = FileResult(path="p1.docx", rows=[rec("p1.docx", "1", "Text", title="Paper 1", progress="More")])
    write([changed], dest, command="rectrack extract p1.docx -o tracker.xlsx", report=reports.append)

    book = load_workbook(dest)
    sources = list(book["Sources"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in sources] == ["p1.docx", "p2.docx"]
    assert all(isinstance(r[-1], datetime) for r in sources)
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True)}
    runs = [v for k, v in about.items() if k.startswith("Run ")]
    assert [r.splitlines()[0] for r in runs] == [
        "rectrack extract p1.docx -o tracker.xlsx",
        "rectrack extract p2.docx -o tracker.xlsx",
        "rectrack extract p1.docx -o tracker.xlsx",
    ]
    assert runs[2].splitlines()[1] == "1 files; 0 added, 1 updated, 0 unchanged, 0 gone"
    assert about["Files ever read"].startswith("2 ")
    assert [(r.added, r.updated, r.unchanged, r.gone) for r in reports] == [(1, 0, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0)]
    assert reports[0].backup is None
    assert reports[1].backup == backup_path(dest)
    assert str(reports[2]) == "0 added, 1 updated, 0 unchanged, 0 gone, backup tracker.bak.xlsx"


# --- 3. formula injection in the other formats -----------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".sqlite", ".csv"])
def test_other_formats_keep_exact_text_csv_neutralises(tmp_path, suffix):
    dest = tmp_path / f"rows{suffix}"
    write([risky_result()], dest)
    if suffix == ".jsonl":
        got = [json.loads(line)["recommendation"] for line in dest.read_text(encoding="utf-8").splitlines()]
    elif suffix == ".parquet":
        import pandas as pd

        got = list(pd.read_parquet(dest)["recommendation"])
    elif suffix == ".sqlite":
        with sqlite3.connect(dest) as con:
            got = [r[0] for r in con.execute("SELECT recommendation FROM recommendations ORDER BY id")]
    else:
        with open(dest, encoding="utf-8-sig", newline="") as stream:
            got = [r["recommendation"] for r in csv.DictReader(stream)]
        assert got == ["'" + t for t in RISKY]
        return
    assert got == RISKY


# --- 2. re-runs keep the analyst's work -----------------------------------------------------------


def add_notes(path: Path, notes: dict[str, str], *, status: dict[str, str] | None = None) -> None:
    """What an analyst does: a new column with values, a status changed, a width and a filter set."""
    status = status or {}
    book = load_workbook(path)
    ws = book["Recommendations"]
    headers = header_map(ws)
    col = ws.max_column + 1
    ws.cell(1, col).value = "Analyst notes"
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, headers["Key"]).value
        if key in notes:
            ws.cell(row, col).value = notes[key]
        if key in status:
            ws.cell(row, headers["Status"]).value = status[key]
    ws.column_dimensions[ws.cell(1, headers["Progress"]).column_letter].width = 99
    table = next(iter(ws.tables.values()))
    table.autoFilter.filterColumn.append(FilterColumn(colId=1, filters=Filters(filter=["Cabinet"])))
    book.save(path)


def test_rerun_keeps_notes_appends_new_paper_and_keeps_a_backup(tmp_path, tracker, all_results, paper_txt):
    dest = tmp_path / "tracker.xlsx"
    shutil.copyfile(tracker, dest)
    before = by_key(load_workbook(dest)["Recommendations"])
    keys = sorted(before)
    notes = {keys[0]: "Chased in June", keys[5]: "Waiting for the audit", keys[-1]: "Ask the chair"}
    add_notes(dest, notes, status={keys[1]: "complete"})
    edited = dest.read_bytes()

    count = write([*all_results, *extract_paths([paper_txt])], dest, command="rectrack extract again")

    book = load_workbook(dest)
    ws = book["Recommendations"]
    after = by_key(ws)
    assert count == len(before) + 2
    assert set(before) < set(after)
    assert len(after) == len(before) + 2
    assert {k: r["Analyst notes"].value for k, r in after.items() if r["Analyst notes"].value} == notes
    assert after[keys[1]]["Status"].value == "complete"  # the analyst's status stays
    new = [r for k, r in after.items() if k not in before]
    assert {r["Committee"].value for r in new} == {"Environment Scrutiny Committee"}
    assert all(r["Still in source"].value == "yes" for r in after.values())
    assert max(r["Key"].row for r in new) == ws.max_row  # appended at the bottom
    # the table now spans the analyst's column; their width and filter survive
    table = next(iter(ws.tables.values()))
    assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert "Analyst notes" in [c.name for c in table.tableColumns]
    assert ws.column_dimensions[ws.cell(1, header_map(ws)["Progress"]).column_letter].width == 99
    assert [f.colId for f in table.autoFilter.filterColumn] == [1]
    assert backup_path(dest).read_bytes() == edited
    assert len(list(tmp_path.glob(".tracker.xlsx*"))) == 0  # no temporary files left

    # a second identical run changes nothing and does not pile up rules
    rules = sum(len(f.rules) for f in ws.conditional_formatting)
    write([*all_results, *extract_paths([paper_txt])], dest)
    ws = load_workbook(dest)["Recommendations"]
    assert len(by_key(ws)) == len(after)
    assert sum(len(f.rules) for f in ws.conditional_formatting) == rules
    assert len(ws.data_validations.dataValidation) == 1


def test_sorted_tracker_with_hand_typed_rows_is_updated_in_place(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([risky_result(), enriched_result()], dest)
    book = load_workbook(dest)
    ws = book["Recommendations"]
    headers = header_map(ws)
    last = ws.max_row
    # the analyst sorts the rows (Excel moves whole rows, links included) and types a row of their own
    rows = [[(c.value, c.hyperlink, c.data_type) for c in ws[r]] for r in range(2, last + 1)]
    for r, cells in zip(range(2, last + 1), reversed(rows), strict=False):
        for cell, (value, link, kind) in zip(ws[r], cells, strict=False):
            cell.value, cell.hyperlink, cell.data_type = value, link, kind
    ws.cell(last + 1, headers["Recommendation"]).value = "Typed by hand"
    ws.cell(last + 1, headers["Committee"]).value = "Audit Committee"
    table = next(iter(ws.tables.values()))
    table.ref = table.autoFilter.ref = f"A1:{ws.cell(1, ws.max_column).column_letter}{last + 1}"
    table.sortState = SortState(
        ref=f"A2:{ws.cell(1, ws.max_column).column_letter}{last + 1}",
        sortCondition=[SortCondition(ref=f"F2:F{last + 1}", descending=True)],
    )
    book.save(dest)
    order = [ws.cell(r, headers["Key"]).value for r in range(2, last + 1)]

    write([risky_result(), enriched_result(), FileResult(path="new.docx", rows=[rec("new.docx", "1", "New")])], dest)

    ws = load_workbook(dest)["Recommendations"]
    assert [ws.cell(r, headers["Key"]).value for r in range(2, last + 1)] == order  # rows stay where they are
    assert ws.cell(last + 1, headers["Recommendation"]).value == "Typed by hand"
    assert ws.cell(last + 1, headers["Key"]).value is None
    assert ws.cell(last + 2, headers["Recommendation"]).value == "New"
    for row in data_rows(ws):
        source = "risky.docx" if row["Paper"].value.startswith("Formula") else None
        assert row["Source"].hyperlink.target.endswith(source or row["Source"].value.split(",")[0])
    table = next(iter(ws.tables.values()))
    assert table.sortState.ref.endswith(str(last + 2))
    assert table.sortState.sortCondition[0].ref == f"F2:F{last + 2}"
    summary = list(load_workbook(dest)["Summary"].iter_rows(values_only=True))
    assert any(r[-1] == "(rows added by hand)" for r in summary)


def test_renamed_and_moved_files_keep_their_rows(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("youth-services-update.txt", "housing-review-update.docx"):
        shutil.copyfile(SAMPLES / name, papers / name)
    dest = tmp_path / "tracker.xlsx"
    write(list(extract_paths([papers])), dest)
    keys = sorted(by_key(load_workbook(dest)["Recommendations"]))
    add_notes(dest, {k: f"note {i}" for i, k in enumerate(keys)})
    (papers / "youth-services-update.txt").rename(papers / "renamed.txt")
    (papers / "old").mkdir()
    (papers / "housing-review-update.docx").rename(papers / "old" / "moved.docx")

    write(list(extract_paths([papers])), dest)

    rows = by_key(load_workbook(dest)["Recommendations"])
    assert sorted(rows) == keys
    assert {k: r["Analyst notes"].value for k, r in rows.items()} == {k: f"note {i}" for i, k in enumerate(keys)}
    assert {r["Source"].value.split(",")[0] for r in rows.values()} == {"renamed.txt", "moved.docx"}


def test_rows_gone_from_a_paper_are_kept_and_flagged(tmp_path):
    first = FileResult(
        path="audit.docx",
        format="docx",
        tables=1,
        rows=[rec("audit.docx", str(i), f"Recommendation {i}") for i in (1, 2, 3)],
    )
    other = FileResult(
        path="other.docx",
        format="docx",
        tables=1,
        rows=[rec("other.docx", "1", "Something else", title="Another paper")],
    )
    dest = tmp_path / "tracker.xlsx"
    write([first, other], dest)
    second = FileResult(
        path="audit.docx",
        format="docx",
        tables=1,
        rows=[rec("audit.docx", str(i), f"Recommendation {i}") for i in (1, 2)],
    )
    write([second], dest)
    rows = list(by_key(load_workbook(dest)["Recommendations"]).values())
    flags = {(r["Paper"].value, r["Ref"].value): r["Still in source"].value for r in rows}
    assert flags == {
        ("Internal Audit Follow-up", "1"): "yes",
        ("Internal Audit Follow-up", "2"): "yes",
        ("Internal Audit Follow-up", "3"): "no",
        ("Another paper", "1"): "yes",
    }
    summary = load_workbook(dest)["Summary"]
    header = next(r for r in summary.iter_rows(values_only=True) if r[0] == "Committee")
    all_row = next(r for r in summary.iter_rows(values_only=True) if r[0] == "All")
    assert all_row[header.index("No longer in source")] == 1


def test_paper_text_changes_refresh_cells_the_analyst_did_not_touch(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    rows = [rec("a.docx", "1", "Old text", progress="Old progress"), rec("a.docx", "2", "Second")]
    write([FileResult(path="a.docx", rows=rows)], dest)
    key = next(iter(by_key(load_workbook(dest)["Recommendations"])))
    add_notes(dest, {}, status={key: "delayed"})
    rows = [rec("a.docx", "1", "Old text", progress="New progress", status="Complete"), rec("a.docx", "2", "Second")]
    write([FileResult(path="a.docx", rows=rows)], dest)
    row = by_key(load_workbook(dest)["Recommendations"])[key]
    assert row["Progress"].value == "New progress"
    assert row["Status in paper"].value == "Complete"
    assert row["Status"].value == "delayed"


# --- the papers' other columns (Recommendation.extra) ------------------------------------------------


def extra_paper(name: str, title: str, extras: dict[str, dict[str, str]]) -> FileResult:
    """A paper whose rows carry other columns: {rec_id: {header: cell text}}."""
    rows = [
        rec(name, rid, f"{title} recommendation {rid}", title=title, extra=tuple(cells.items()))
        for rid, cells in extras.items()
    ]
    return FileResult(path=name, format="docx", tables=1, rows=rows)


CABINET = extra_paper(
    "cabinet.docx",
    "Cabinet follow-up",
    {
        "1": {"Select Committee": "Resources", "Meeting Date": "12 May 2004", "Outcome": "Agreed"},
        "2": {"Select Committee": "Environment", "Outcome": "Deferred"},
    },
)
SCRUTINY = extra_paper(
    "scrutiny.docx",
    "Scrutiny follow-up",
    {
        "1": {"Cabinet Member": "Cllr Smith", "OUTCOME ": "Noted", "Scrutiny  comments": "Revisit in March"},
    },
)
EXTRA_TITLES = ["Select Committee", "Meeting Date (paper)", "Outcome", "Cabinet Member", "Scrutiny comments"]


def extras_by_paper(ws, titles=EXTRA_TITLES) -> dict[tuple[str, str], list[object]]:
    return {(r["Paper"].value, r["Ref"].value): [r[t].value for t in titles] for r in data_rows(ws)}


def test_other_columns_of_the_tables_become_extra_columns(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([CABINET, SCRUTINY], dest)
    ws = load_workbook(dest)["Recommendations"]
    headers = [c.value for c in ws[1]]
    # after the fixed columns, in order of first appearance; "OUTCOME " is "Outcome"; a clash with a fixed title
    assert headers[headers.index("Last seen") + 1 :] == EXTRA_TITLES
    assert extras_by_paper(ws) == {
        ("Cabinet follow-up", "1"): ["Resources", "12 May 2004", "Agreed", None, None],
        ("Cabinet follow-up", "2"): ["Environment", None, "Deferred", None, None],
        ("Scrutiny follow-up", "1"): [None, None, "Noted", "Cllr Smith", "Revisit in March"],
    }
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert ws.max_column == len(headers)
    assert [c.name for c in table.tableColumns] == headers
    for title in EXTRA_TITLES:
        col = headers.index(title) + 1
        assert ws.cell(1, col).alignment.wrap_text
        assert ws.cell(2, col).alignment.wrap_text
        assert 3 < ws.column_dimensions[ws.cell(1, col).column_letter].width <= 30


def test_rerun_appends_new_extra_columns_and_keeps_the_analysts_edits(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([CABINET, SCRUTINY], dest)
    book = load_workbook(dest)
    ws = book["Recommendations"]
    headers = header_map(ws)
    rows = {(r["Paper"].value, r["Ref"].value): r for r in data_rows(ws)}
    rows["Cabinet follow-up", "1"]["Outcome"].value = "Agreed; see minutes"  # the analyst's edit
    ws.cell(1, ws.max_column + 1).value = "Decision"  # the analyst's own column, named like a paper's
    ws.cell(rows["Cabinet follow-up", "2"]["Key"].row, ws.max_column).value = "Mine"
    book.save(dest)
    before = [c.value for c in ws[1]]

    cabinet = extra_paper(
        "cabinet.docx",
        "Cabinet follow-up",
        {
            "1": {"Select Committee": "Resources", "Outcome": "Agreed in part", "Decision": "Approved"},
            "2": {"Select Committee": "Environment", "Outcome": "Rejected"},
        },
    )
    for _ in range(2):  # a second identical run changes nothing
        write([cabinet, SCRUTINY], dest)
        ws = load_workbook(dest)["Recommendations"]
        assert [c.value for c in ws[1]] == [*before, "Decision (paper)"]  # appended; nothing moved
        assert header_map(ws) == {**headers, "Decision": len(before), "Decision (paper)": len(before) + 1}
        assert extras_by_paper(ws, ["Outcome", "Meeting Date (paper)", "Decision", "Decision (paper)"]) == {
            ("Cabinet follow-up", "1"): ["Agreed; see minutes", None, None, "Approved"],  # edit kept, gone date cleared
            ("Cabinet follow-up", "2"): ["Rejected", None, "Mine", None],  # refreshed from the paper
            ("Scrutiny follow-up", "1"): ["Noted", None, None, None],
        }
        (table,) = ws.tables.values()
        assert [c.name for c in table.tableColumns] == [c.value for c in ws[1]]


def test_an_extra_column_typed_in_on_rows_of_an_earlier_run_is_kept(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([extra_paper("old.docx", "Old paper", {"1": {}})], dest)
    write([CABINET], dest)  # adds the Outcome column; the old paper's row was not in this run
    book = load_workbook(dest)
    ws = book["Recommendations"]
    row = next(r for r in data_rows(ws) if r["Paper"].value == "Old paper")
    row["Outcome"].value = "Typed by the analyst"
    book.save(dest)
    write([extra_paper("old.docx", "Old paper", {"1": {}}), CABINET], dest)
    row = next(r for r in data_rows(load_workbook(dest)["Recommendations"]) if r["Paper"].value == "Old paper")
    assert row["Outcome"].value == "Typed by the analyst"


def test_formula_like_extra_values_and_headers_are_text(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    risky = extra_paper(
        "risky.docx", "Risky", {str(i): {"Outcome": text, "=SUM(A1:A9)": text} for i, text in enumerate(RISKY, 1)}
    )
    write([risky], dest)
    write([risky], dest)  # and on updating
    ws = load_workbook(dest)["Recommendations"]
    assert ws.cell(1, ws.max_column).value == "=SUM(A1:A9)"
    assert ws.cell(1, ws.max_column).data_type == "s"
    cells = [r[t] for r in data_rows(ws) for t in ("Outcome", "=SUM(A1:A9)")]
    assert sorted(c.value for c in cells) == sorted(RISKY * 2)
    assert all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(dest) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml, name
                assert "<f " not in xml, name


# --- keys ---------------------------------------------------------------------------------------------


def test_paper_identity_ignores_case_punctuation_and_falls_back_to_file_content(tmp_path):
    a = FileResult(path="x.pdf", rows=[rec("x.pdf", "1", "t", title="Audit  Follow-up – Progress")])
    b = FileResult(path="y.docx", rows=[rec("y.docx", "1", "t", title="audit follow up: progress")])
    assert paper_id(a) == paper_id(b)
    assert normalise_text("Café – Review!") == "cafe review"
    file = tmp_path / "paper.txt"
    file.write_text("content")
    untitled = FileResult(path=str(file), rows=[rec(str(file), "1", "t", title="", meeting_date="")])
    before = paper_id(untitled)
    moved = tmp_path / "moved.txt"
    file.rename(moved)
    assert paper_id(FileResult(path=str(moved), rows=untitled.rows)) == before
    assert paper_id(FileResult(path=str(file), rows=untitled.rows)) != before  # gone: hashed from its rows


def test_keys_disambiguate_and_never_drop_a_different_row():
    rows = [rec("a.docx", "1", "One"), rec("a.docx", "1", "One again"), rec("a.docx", "", "No number")]
    clash = FileResult(path="b.docx", rows=[rec("b.docx", "1", "A different recommendation entirely")])
    same = FileResult(path="a.pdf", rows=[rec("a.pdf", "1", "One.")])
    keyed = keyed_rows([FileResult(path="a.docx", rows=rows), same, clash])
    suffixes = [k.key.split(":", 1)[1] for k in keyed]
    assert suffixes[:3] == ["0:1", "0:1~2", "0:#3"]
    assert keyed[0].sources == ("a.docx", "a.pdf")
    assert len(keyed) == 4
    assert keyed[3].key.startswith(keyed[0].key + "~")


# --- safety -----------------------------------------------------------------------------------------


def test_failed_save_keeps_the_previous_tracker(tmp_path, monkeypatch):
    dest = tmp_path / "tracker.xlsx"
    write([risky_result()], dest)
    before = dest.read_bytes()

    def disk_full(self, filename):
        Path(filename).write_bytes(b"PK half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    with pytest.raises(WriterError, match="No space left on device.*previous file is unchanged"):
        write([risky_result(), enriched_result()], dest)
    assert dest.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_mid_write_leaves_the_previous_tracker_intact(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([risky_result()], dest)
    before = dest.read_bytes()
    marker = tmp_path / "writing"
    script = textwrap.dedent("""
        import io, sys, time
        from pathlib import Path
        from openpyxl.workbook.workbook import Workbook
        from extract.records import FileResult, Recommendation
        from extract.writers import write

        real_save = Workbook.save

        def slow_save(self, filename):
            buffer = io.BytesIO()
            real_save(self, buffer)
            data = buffer.getvalue()
            with open(filename, "wb") as stream:
                stream.write(data[: len(data) // 2])
                stream.flush()
                Path(sys.argv[2]).write_text("half written")
                time.sleep(60)
                stream.write(data[len(data) // 2:])

        Workbook.save = slow_save
        rows = [Recommendation(source="new.docx", rec_id=str(i), recommendation="x" * 500, progress="", responsible="",
                               timescale="", status="", committee="C", meeting_date="2024-01-01", title="New")
                for i in range(300)]
        write([FileResult(path="new.docx", rows=rows)], sys.argv[1])
    """)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-c", script, str(dest), str(marker)], env=env, cwd=root)
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert proc.poll() is None, "the writer ended before it was killed"
            assert time.monotonic() < deadline, "the writer never started writing"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert dest.read_bytes() == before
    assert len(by_key(load_workbook(dest)["Recommendations"])) == len(RISKY)
    assert not backup_path(dest).exists()
    # the next run works and clears nothing of the analyst's: the tracker is simply updated
    write([risky_result(), enriched_result()], dest)
    assert len(by_key(load_workbook(dest)["Recommendations"])) == len(RISKY) + len(enriched_result().rows)


def test_refuses_a_tracker_open_in_a_spreadsheet_program(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write([risky_result()], dest)
    lock = tmp_path / "~$tracker.xlsx"
    lock.write_bytes(b"")
    with pytest.raises(WriterError, match="open in a spreadsheet program.*close it"):
        write([risky_result()], dest)
    lock.unlink()
    (tmp_path / ".~lock.tracker.xlsx#").write_text("LibreOffice")
    with pytest.raises(WriterError, match="lock file"):
        write([risky_result()], dest)


def test_refuses_to_overwrite_a_workbook_that_is_not_a_tracker(tmp_path):
    dest = tmp_path / "budget.xlsx"
    book = Workbook()
    book.active["A1"] = "Budget line"
    book.save(dest)
    before = dest.read_bytes()
    with pytest.raises(WriterError, match="not a rectrack tracker"):
        write([risky_result()], dest)
    assert dest.read_bytes() == before
    dest.write_bytes(b"not a zip at all")
    with pytest.raises(WriterError, match="cannot open the existing workbook"):
        write([risky_result()], dest)


def test_cli_writes_the_tracker(tmp_path, paper_txt):
    import io

    dest = tmp_path / "out" / "tracker.xlsx"
    code = main(["extract", str(paper_txt), "-o", str(dest)], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 0
    about = {r[0]: r[1] for r in load_workbook(dest)["About"].iter_rows(values_only=True)}
    assert about["Command"] == f"rectrack extract {paper_txt} -o {dest}"
    assert len(by_key(load_workbook(dest)["Recommendations"])) == 2


# --- LibreOffice ------------------------------------------------------------------------------------


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot check that it reads the tracker"
)
def test_libreoffice_reads_the_tracker_and_a_rerun_updates_its_copy(tmp_path, tracker, all_results):
    out = tmp_path / "converted"
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(tracker),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    converted = out / "tracker.xlsx"
    assert converted.exists(), result.stderr
    book = load_workbook(converted)
    assert [ws.title for ws in book.worksheets if ws.sheet_state == "visible"] == [
        "Recommendations",
        "History",
        "Summary",
        "Sources",
        "About",
    ]
    ws = book["Recommendations"]
    original = by_key(load_workbook(tracker)["Recommendations"])
    rows = by_key(ws)
    assert rows.keys() == original.keys()
    risky = [r for r in rows.values() if r["Source"].value == "risky.docx"]
    assert [r["Recommendation"].value.replace("\n", "\r") for r in risky] == [t.replace("\n", "\r") for t in RISKY]
    assert all(r["Recommendation"].data_type == "s" for r in risky)
    assert all(isinstance(r["Meeting date"].value, datetime) for r in rows.values())
    assert all(r["Source"].hyperlink is not None for r in rows.values())
    # the analyst saved it with LibreOffice: rectrack can still update it
    add_notes(converted, {next(iter(rows)): "kept"})
    write(all_results, converted)
    again = load_workbook(converted)["Recommendations"]
    assert len(by_key(again)) == len(rows)
    assert by_key(again)[next(iter(rows))]["Analyst notes"].value == "kept"
    assert len([dv for dv in again.data_validations.dataValidation if dv.type == "list"]) == 1


# --- what the analyst reads: status labels, the History sheet, Sources and Summary ---------------------


def two_reports() -> list[FileResult]:
    """One invented review reported twice: the first recommendation under way, then complete."""
    texts = ("Bins are collected weekly from every flat.", "Recycling bins are labelled in three languages.")
    results = []
    for name, when, statuses in (
        ("bins-2024-01.docx", "2024-01-15", ("in_progress", "not_started")),
        ("bins-2024-07.docx", "2024-07-15", ("complete", "in_progress")),
    ):
        rows = [
            rec(name, str(n), text, meeting_date=when, title="Bins Review: Progress Report", status_norm=status)
            for n, (text, status) in enumerate(zip(texts, statuses, strict=True), 1)
        ]
        results.append(FileResult(path=name, format="docx", tables=1, rows=rows))
    return results


def test_history_sheet_reads_as_labels_fits_and_is_banded(tmp_path):
    from extract.writers.excel.histories import TRAIL_WIDTH, readable_trail

    assert readable_trail("2023-04 in_progress → 2023-10 not_accepted → 2024-04 complete") == (
        "2023-04 In progress → 2023-10 Not accepted → 2024-04 Complete"
    )
    assert readable_trail("? unknown") == "? Unknown"
    assert readable_trail("2024-01 On hold") == "2024-01 On hold"  # not a status name: left as it is
    dest = tmp_path / "tracker.xlsx"
    write(two_reports(), dest)
    ws = load_workbook(dest)["History"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    first = next(r for r in rows if r["Recommendation"].startswith("Bins are collected"))
    assert first["Status at each report"] == "2024-01 In progress → 2024-07 Complete"
    assert first["Latest status"] == "Complete"
    assert {r["Latest status"] for r in rows} <= set(LABELS)
    trail = ws.cell(1, header.index("Status at each report") + 1).column_letter
    assert ws.column_dimensions[trail].width <= TRAIL_WIDTH + 2  # (its cap and a margin)
    assert ws.column_dimensions[trail].width < ws.column_dimensions["E"].width  # narrower than the wording
    (banding,) = [r for f in ws.conditional_formatting for r in f.rules]
    assert banding.formula == ["MOD(SUBTOTAL(103,$A$2:$A2),2)=0"]
    assert banding.dxf.fill.fgColor.rgb.endswith("F2F2F2")


def test_status_cells_show_labels_and_a_tracker_with_the_old_names_is_brought_round(tmp_path, monkeypatch):
    from extract.writers.excel import table, values

    dest = tmp_path / "tracker.xlsx"
    with monkeypatch.context() as patch:  # a tracker written when Status held the names (in_progress)
        patch.setattr(values, "display_status", lambda row: row.status_norm or "unknown")
        patch.setattr(table, "STATUS_LIST", '"' + ",".join(STATUSES) + '"')
        write(two_reports()[:1], dest)
    ws = load_workbook(dest)["Recommendations"]
    assert [r["Status"].value for r in data_rows(ws)] == ["in_progress", "not_started"]

    write(two_reports()[:1], dest)
    ws = load_workbook(dest)["Recommendations"]
    assert [r["Status"].value for r in data_rows(ws)] == ["In progress", "Not started"]  # rectrack's own: refreshed
    (validation,) = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]  # the old list replaced
    assert validation.formula1 == '"' + ",".join(LABELS) + '"'
    summary = [list(r) for r in load_workbook(dest)["Summary"].iter_rows(values_only=True)]
    header = next(r for r in summary if r[0] == "Committee")
    all_row = next(r for r in summary if r[0] == "All")
    assert all_row[header.index("In progress")] == all_row[header.index("Not started")] == 1


def test_summary_paper_dates_have_no_time_after_a_rerun(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    write(two_reports(), dest)
    write(two_reports(), dest)  # the second run reads the dates back from the sheet
    ws = load_workbook(dest)["Summary"]
    dates = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime)]
    assert len(dates) == 2
    assert all(c.number_format == "yyyy-mm-dd" or "h" not in c.number_format for c in dates)


def test_sources_numbers_are_centred_clear_of_the_text_beside_them(book):
    ws = book["Sources"]
    header = [c.value for c in ws[1]]
    for name in ("Pages", "Tracking tables", "Rows"):
        col = header.index(name) + 1
        assert {ws.cell(r, col).alignment.horizontal for r in range(2, ws.max_row + 1)} == {"center"}
    assert ws.cell(2, header.index("Paper ID") + 1).alignment.horizontal in (None, "general", "left")


def test_summary_counts_and_their_headers_are_centred(book):
    ws = book["Summary"]
    headers = [row for row in ws.iter_rows() if row[0].value == "Committee"]
    assert len(headers) == 2
    for header in headers:
        counts = [c for c in header if c.value in (*LABELS, "Total", "Overdue", "No longer in source", "To check")]
        assert len(counts) == len(LABELS) + 4
        assert {c.alignment.horizontal for c in counts} == {"center"}
    numbers = [c for row in ws.iter_rows(min_row=4) for c in row if isinstance(c.value, (int, datetime))]
    assert numbers
    assert {c.alignment.horizontal for c in numbers} == {"center"}
