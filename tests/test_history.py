"""Following recommendations across successive progress reports: history_id, the History sheet, the SQLite
history table, the API, and the golden links of the samples."""

from __future__ import annotations

import csv
import itertools
import json
import random
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SAMPLES
from extract import history_frame, link_results
from extract.history import normalise_recommendation, review_name
from extract.records import FileResult, Recommendation
from extract.writers import write

COMMITTEE = "Neighbourhoods Scrutiny Committee"


def paper(
    source: str,
    date: str,
    title: str,
    recs: list[tuple[str, str, str]],
    committee: str = COMMITTEE,
    fmt: str = "docx",
) -> FileResult:
    """A report: (rec_id, recommendation, status_norm) per row."""
    rows = [
        Recommendation(
            source=source,
            rec_id=rec_id,
            recommendation=text,
            progress=f"Progress on {rec_id} at {date}",
            responsible="Pat Quill",
            timescale="",
            status="",
            committee=committee,
            meeting_date=date,
            title=title,
            format=fmt,
            status_norm=status,
        )
        for rec_id, text, status in recs
    ]
    return FileResult(path=source, format=fmt, rows=rows, tables=1)


ALLOTMENTS = [
    "The Council creates forty new allotment plots at Hollin Lane by the end of the year.",
    "Waiting lists for allotments are published on the Council's website every quarter.",
    "Allotment rents are frozen for two years for tenants on low incomes.",
    "A volunteer allotment mentor scheme is set up with the Federation of Allotment Societies.",
    "The Committee receives a further progress report on these recommendations in six months.",
]
BOWLS = [
    "Bowling greens in the three district parks are kept open for community use.",
    "The bowls clubs are offered long leases in return for maintaining the greens.",
    "The Committee receives a further progress report on these recommendations in six months.",
]


def allotment_reports() -> list[FileResult]:
    first = paper(
        "a1.docx",
        "2023-03-01",
        "Allotments Scrutiny Review – Progress on Recommendations",
        [(str(i), text, "in_progress") for i, text in enumerate(ALLOTMENTS, 1)],
    )
    second = paper(
        "a2.pdf",
        "2023-09-06",
        "Scrutiny Review of Allotments: Six Month Update",
        [
            (
                "1",
                "That the Council creates forty new allotment plots at Hollin Lane by the end of the year",
                "complete",
            ),
            ("2", "THAT WAITING LISTS FOR ALLOTMENTS ARE PUBLISHED ON THE COUNCIL'S WEBSITE EVERY QUARTER", "complete"),
            ("3", "that allotment rents are frozen for two years for tenants on low incomes", "in_progress"),
            ("4", "Volunteer allotment mentor scheme set up", "in_progress"),
            ("5", "Further progress report in six months", "in_progress"),
        ],
        fmt="pdf",
    )
    third = paper(  # complete ones dropped; no numbers, so rows are numbered by position
        "a3.html",
        "2024-03-06",
        "Allotments Review: Twelve Month Update",
        [
            ("1", "Allotment rents frozen for two years for tenants on low incomes", "complete"),
            (
                "2",
                "A volunteer allotment mentor scheme is set up with the Federation of Allotment Societies",
                "delayed",
            ),
            (
                "3",
                "The Committee receives a further progress report on these recommendations in six months",
                "in_progress",
            ),
        ],
        fmt="html",
    )
    return [first, second, third]


def bowls_reports() -> list[FileResult]:
    """A decoy: another review by the same committee, sharing one recommendation's wording."""
    return [
        paper(
            "b1.docx",
            "2023-06-07",
            "Bowling Greens Scrutiny Review – Progress on Recommendations",
            [(str(i), text, "in_progress") for i, text in enumerate(BOWLS, 1)],
        ),
        paper(
            "b2.txt",
            "2023-12-06",
            "Bowling Greens Review – Update",
            [("2", BOWLS[1], "in_progress"), ("3", BOWLS[2], "in_progress")],
            fmt="txt",
        ),
    ]


def ids_by_source(results) -> dict[tuple[str, str], str]:
    return {(row.source, row.rec_id): row.history_id for r in link_results(results) for row in r.rows}


def test_normalised_wording_drops_that_case_and_punctuation():
    a = normalise_recommendation("That the Council publishes the waiting lists.")
    b = normalise_recommendation("THE COUNCIL PUBLISHES THE WAITING LISTS")
    assert a == b == "the council publishes the waiting lists"
    assert normalise_recommendation("Recommendation 3: that rents are frozen") == "rents are frozen"


def test_review_name_keeps_the_telling_words():
    assert review_name("Flood Risk Scrutiny Review: Progress Report") == "Flood Risk"
    assert review_name("Progress of Recommendations following the Scrutiny Review of Organised Crime") == (
        "Organised Crime"
    )


def test_successive_reports_link_through_rewording_dropping_and_renumbering():
    ids = ids_by_source(allotment_reports())
    assert all(ids.values())
    for rec in "12345":
        assert ids["a1.docx", rec] == ids["a2.pdf", rec]
    # the third report left out 1 and 2 (complete) and numbered its rows by position
    assert ids["a3.html", "1"] == ids["a1.docx", "3"]
    assert ids["a3.html", "2"] == ids["a1.docx", "4"]
    assert ids["a3.html", "3"] == ids["a1.docx", "5"]
    assert len(set(ids.values())) == 5


def test_a_decoy_review_of_the_same_committee_is_not_linked():
    ids = ids_by_source(allotment_reports() + bowls_reports())
    allotments = {v for (source, _), v in ids.items() if source.startswith("a")}
    bowls = {v for (source, _), v in ids.items() if source.startswith("b")}
    assert not allotments & bowls  # not even the shared "further progress report" wording
    assert ids["b1.docx", "2"] == ids["b2.txt", "2"]
    assert ids["b1.docx", "3"] == ids["b2.txt", "3"]
    assert len(bowls) == 3


def test_two_reviews_at_one_meeting_are_not_linked():
    one = paper("x.docx", "2024-01-10", "Play Areas Review", [("1", BOWLS[2], "in_progress")])
    two = paper("y.docx", "2024-01-10", "Play Streets Review", [("1", BOWLS[2], "in_progress")])
    ids = ids_by_source([one, two])
    assert ids["x.docx", "1"] != ids["y.docx", "1"]


def test_ids_do_not_depend_on_input_order():
    reports = allotment_reports() + bowls_reports()
    expected = ids_by_source(reports)
    for seed in range(3):
        shuffled = list(reports)
        random.Random(seed).shuffle(shuffled)
        assert ids_by_source(shuffled) == expected


def test_history_frame_one_row_per_recommendation():
    frame = history_frame(allotment_reports() + bowls_reports())
    assert len(frame) == frame["history_id"].nunique() == 8
    rents = frame[frame["recommendation"].str.startswith("Allotment rents")].iloc[0]
    assert rents["reports"] == 3
    assert rents["trail"] == "2023-03 in_progress → 2023-09 in_progress → 2024-03 complete"
    assert rents["days_to_complete"] == 371
    assert rents["review"] == "Allotments"
    plots = frame[frame["rec_id"] == "1"].sort_values("first_meeting").iloc[0]
    assert plots["days_to_complete"] == 189
    report = frame[frame["recommendation"].str.startswith("The Committee")]
    assert set(report["stalled"]) == {True, False}  # allotments: three reports in progress; bowls: two
    assert frame["first_meeting"].dtype.kind == "M"


# ------------------------------------------------------------------------------------------- samples

LINKS = json.loads((SAMPLES / "expected" / "history" / "links.json").read_text(encoding="utf-8"))


def pairs(groups: dict[str, str]) -> set[frozenset[str]]:
    by_group: dict[str, list[str]] = {}
    for item, group in groups.items():
        by_group.setdefault(group, []).append(item)
    return {frozenset(p) for members in by_group.values() for p in itertools.combinations(sorted(members), 2)}


@pytest.fixture(scope="module")
def linked_samples(extracted_samples):
    return link_results(extracted_samples)


def test_samples_links_precision_and_recall(linked_samples):
    got: dict[str, str] = {}
    for result in linked_samples:
        name = Path(result.path).relative_to(SAMPLES).as_posix()
        for row in result.rows:
            got[f"{name}|{row.table_index}|{row.rec_id}"] = row.history_id
    import shutil

    missing = set(LINKS) - set(got)
    if missing and not shutil.which("soffice") and not shutil.which("tesseract"):
        pytest.skip("LibreOffice or Tesseract missing: some samples not read")
    assert not missing
    truth, predicted = pairs(LINKS), pairs(got)
    assert truth, "the samples have successive reports"
    precision = len(truth & predicted) / len(predicted)
    recall = len(truth & predicted) / len(truth)
    assert (precision, recall) == (1.0, 1.0)
    decoy = {got[k] for k, v in LINKS.items() if v.startswith("markets:")}
    others = {got[k] for k, v in LINKS.items() if not v.startswith("markets:")}
    assert not decoy & others


HISTORY_PAPERS = [
    "parking-review-2023-04.docx",
    "street-trees-2023-06.pdf",
    "markets-review-2023-07.docx",
    "parking-review-2023-10.html",
    "markets-review-2024-01.html",
    "street-trees-2024-01.docx",
    "parking-review-2024-04.txt",
    "street-trees-2024-07.html",
]


def history_sheet(path: Path) -> list[list[object]]:
    return [[c.value for c in row] for row in load_workbook(path)["History"].iter_rows()]


def test_tracker_built_one_report_at_a_time_has_the_same_history(tmp_path, extracted_samples):
    from conftest import sample_result

    reports = [sample_result(extracted_samples, name) for name in HISTORY_PAPERS]
    at_once = tmp_path / "at-once.xlsx"
    write(reports, at_once)
    expected = history_sheet(at_once)
    assert len(expected) == 1 + 6 + 5 + 4  # header, then one row per recommendation
    for order in (reports, list(reversed(reports))):
        dest = tmp_path / f"one-by-one-{order is reports}.xlsx"
        for report in order:
            write([report], dest)
        assert history_sheet(dest) == expected


def test_history_sheet_and_column(tmp_path, linked_samples):
    dest = tmp_path / "tracker.xlsx"
    write(linked_samples, dest)
    book = load_workbook(dest)
    ws = book["History"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["History", "Review"]
    assert "Status at each report" in header
    ids = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert len(ids) == len(set(ids)) == len({r.history_id for res in linked_samples for r in res.rows})
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    rows = book["Recommendations"]
    headers = [c.value for c in rows[1]]
    col = headers.index("History") + 1
    where = {v: n for n, v in enumerate(ids, 2)}
    for r in range(2, rows.max_row + 1):
        cell = rows.cell(r, col)
        assert cell.value in where
        assert cell.hyperlink.location == f"'History'!A{where[cell.value]}"
    trail = next(row for row in ws.iter_rows(min_row=2, values_only=True) if row[1] == "Town Centre Parking")
    assert " → " in trail[header.index("Status at each report")]


def test_flat_outputs_carry_history_id(tmp_path, linked_samples):
    import pandas as pd

    write(linked_samples, tmp_path / "rows.jsonl")
    write(linked_samples, tmp_path / "rows.csv")
    write(linked_samples, tmp_path / "rows.parquet")
    lines = [json.loads(line) for line in (tmp_path / "rows.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(line["history_id"].startswith("h") for line in lines)
    with open(tmp_path / "rows.csv", encoding="utf-8-sig", newline="") as f:
        assert all(row["history_id"] for row in csv.DictReader(f))
    assert pd.read_parquet(tmp_path / "rows.parquet")["history_id"].notna().all()


def test_unlinked_rows_are_linked_by_the_writers(tmp_path, extracted_samples):
    write(list(extracted_samples), tmp_path / "rows.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "rows.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(line["history_id"] for line in lines)


def test_sqlite_history_table_and_a_later_report(tmp_path, extracted_samples):
    from conftest import sample_result

    reports = [sample_result(extracted_samples, name) for name in HISTORY_PAPERS]
    at_once, one_by_one = tmp_path / "all.sqlite", tmp_path / "each.sqlite"
    write(reports, at_once)
    for report in reports:
        write([report], one_by_one)

    def dump(path):
        con = sqlite3.connect(path)
        try:
            history = con.execute("SELECT * FROM history ORDER BY history_id").fetchall()
            rows = con.execute("SELECT key, history_id FROM recommendations ORDER BY key").fetchall()
        finally:
            con.close()
        return history, rows

    assert dump(at_once) == dump(one_by_one)
    history, rows = dump(at_once)
    assert len(history) == 15
    assert {h for _, h in rows} == {h[0] for h in history}
