"""Status an analyst can act on: status from the progress text (tense, negation), RAG and status agreeing,
overdue only when known, --as-of, the tracker's Status edits driving Overdue, typed Parquet and SQLite.

Every text here is invented."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SAMPLES
from extract import extract_paths
from extract.cli import main
from extract.enrich import apply_as_of, enrich_row, enrich_rows, is_overdue
from extract.enrich.statements import read_progress
from extract.records import FileResult, Recommendation
from extract.writers import write

MEETING = "2021-06-10"

# (progress sentence(s), status the text reports; None: it reports none)
SENTENCES = [
    # done, in the past tense
    ("The parking strategy was adopted by the Executive in March 2022.", "complete"),
    ("A new caseworker was appointed in June 2023.", "complete"),
    ("Two apprentices were recruited in January.", "complete"),
    ("The revised charging policy has been implemented across all depots.", "complete"),
    ("The online booking system went live on 4 May 2020.", "complete"),
    ("The new byelaw took effect on 1 October.", "complete"),
    ("The scheme came into force in April 2019.", "complete"),
    ("The helpline was launched in the spring.", "complete"),
    ("Completed in August 2021.", "complete"),
    ("Complete - reported to the Board in July.", "complete"),
    ("The tenancy guide is now complete.", "complete"),
    ("New signage is now in place at every site.", "complete"),
    ("The Executive adopted the procurement plan in May.", "complete"),
    ("This update fulfils the recommendation.", "complete"),
    ("The audit was carried out in February and its findings published in March.", "complete"),
    # future and conditions: not a status
    ("The review will be completed by December.", None),
    ("The charter is expected to be adopted in the autumn.", None),
    ("The new rota is due to go live next month.", None),
    ("Once the policy is adopted, staff will be briefed.", None),
    ("The strategy is to be launched at the summer conference.", None),
    ("Staff will be trained once the new system has been installed.", None),
    # negation
    ("The protocol has not yet been adopted.", "in_progress"),
    ("The charter hasn't been signed.", "in_progress"),
    ("Cabinet has not adopted the business case.", "in_progress"),
    ("The consultation has not been completed because of staff shortages.", "in_progress"),
    ("The target was not achieved.", "delayed"),
    ("The programme is not on track.", "delayed"),
    # part of the job, or people doing a task
    ("The first phase was completed in June.", "in_progress"),
    ("The guidance has been partially implemented.", "in_progress"),
    ("18 of 25 actions have been completed.", "in_progress"),
    ("95 volunteers have completed the first aid course.", None),
    ("Work completed to date includes a mapping exercise.", None),
    ("The completed survey is attached as Appendix B.", None),
    # under way
    ("Work on the new database is well under way.", "in_progress"),
    ("The project is on track for delivery in March.", "in_progress"),
    ("The design brief is being developed with residents.", "in_progress"),
    ("Procurement has commenced.", "in_progress"),
    ("Recruitment to the post is in progress.", "in_progress"),
    ("Training sessions for ward members continue to be offered.", "in_progress"),
    ("Monitoring of the scheme is ongoing.", "ongoing"),
    # not started
    ("Work on the review has not yet started.", "not_started"),
    ("The audit is yet to begin.", "not_started"),
    ("No progress has been made since the last report.", "not_started"),
    # delayed
    ("The pilot has been postponed until next year.", "delayed"),
    ("Delivery is behind schedule owing to supplier problems.", "delayed"),
    ("The project is on hold pending funding.", "delayed"),
    ("The refit was delayed by the contractor's insolvency.", "delayed"),
    # not a status at all
    ("Delayed discharges averaged four per week.", None),
    ("Officers met the residents' association in May.", None),
    ("It has been agreed that the group will meet quarterly.", None),
    ("The estimated cost is being met from reserves.", None),
    # a later sentence settles what an earlier one left open
    ("Consultation is under way. The code of practice was adopted in June.", "complete"),
    ("The code of practice was adopted in June. Implementation is under way in two districts.", "in_progress"),
    ("The library app was finished in May. A second release will follow.", "complete"),
    ("A draft was prepared in May.\n• The final version was published in July.", "complete"),
]


def test_the_table_is_large_enough():
    assert len(SENTENCES) >= 40
    assert sum("not" in t or "n't" in t for t, _ in SENTENCES) >= 6
    assert sum(" will " in f" {t} " or " to be " in t for t, _ in SENTENCES) >= 4


@pytest.mark.parametrize(("text", "status"), SENTENCES)
def test_progress_sentence_to_status(text, status):
    got = read_progress(text)
    assert (got[0] if got else None) == status


def test_the_deciding_sentence_is_kept_as_evidence():
    text = "Consultation is under way. The code of practice was adopted in June. Staff are pleased."
    assert read_progress(text) == ("complete", "The code of practice was adopted in June.")
    got = enrich_row(row(progress=text, timescale="March 2021"))
    assert (got.status_norm, got.status_source) == ("complete", "progress_text")
    assert got.status_evidence == "The code of practice was adopted in June."
    assert enrich_row(row(status="Delayed")).status_evidence == "Delayed"
    assert enrich_row(row()).status_evidence == ""


def row(**values) -> Recommendation:
    base = {
        "source": "paper.pdf",
        "rec_id": "1",
        "recommendation": "Adopt a policy.",
        "progress": "",
        "responsible": "",
        "timescale": "",
        "status": "",
        "committee": "Scrutiny Panel",
        "meeting_date": MEETING,
        "title": "Update",
    }
    base.update(values)
    return Recommendation(**base)


# ---------------------------------------------------------------- the "Done when"


def test_no_status_column_done_work_is_complete_and_not_overdue():
    got = enrich_row(row(timescale="March 2021", progress="The new lettings rule was amended in April 2021."))
    assert (got.status_norm, got.overdue) == ("complete", False)


def test_no_progress_at_all_is_unknown_and_never_overdue():
    got = enrich_row(row(timescale="March 2021"))
    assert (got.status_norm, got.overdue) == ("unknown", None)
    assert apply_as_of([got], date(2030, 1, 1))[0].overdue is None


def test_not_started_past_due_is_overdue():
    got = enrich_row(row(timescale="March 2021", progress="Work on the review has not yet started."))
    assert (got.status_norm, got.overdue) == ("not_started", True)


@pytest.mark.parametrize(
    ("word", "status"),
    [("Red", "delayed"), ("R", "delayed"), ("Amber", "in_progress"), ("Green", "in_progress"), ("Blue", "complete")],
)
def test_rag_words_give_a_status(word, status):
    got = enrich_row(row(status=word, timescale="December 2021"))
    assert got.status_norm == status
    assert got.status_source == "status_column"


def test_a_red_row_is_delayed_even_when_the_text_sounds_done():
    got = enrich_row(row(status="Red", timescale="March 2021", progress="The plan was adopted in May."))
    assert (got.status_norm, got.rag, got.overdue) == ("delayed", "red", True)


def test_a_green_row_whose_work_finished_is_complete():
    got = enrich_row(
        row(
            status="Green",
            timescale="March 2021",
            progress="A resident survey was completed in January. New hours were introduced in May.",
        )
    )
    assert (got.status_norm, got.status_source, got.rag, got.overdue) == ("complete", "progress_text", "green", False)
    got = enrich_row(row(status="Green", timescale="March 2021", progress="Work is on track."))
    assert (got.status_norm, got.rag) == ("in_progress", "green")


def test_red_shading_without_words_is_delayed():
    got = enrich_row(row(status_fill="FF0000", timescale="March 2022"))
    assert (got.status_norm, got.status_source, got.rag) == ("delayed", "shading", "red")


@pytest.mark.parametrize(
    ("status", "due", "reference", "source", "want"),
    [
        ("in_progress", "2021-03-31", "2021-06-10", "status_column", True),
        ("delayed", "2021-03-31", "2021-06-10", "status_column", True),
        ("not_started", "2021-03-31", "2021-06-10", "status_column", True),
        ("in_progress", "2021-06-10", "2021-06-10", "status_column", False),  # due that day: not yet late
        ("complete", "2021-03-31", "2021-06-10", "status_column", False),
        ("not_accepted", "2021-03-31", "2021-06-10", "status_column", False),
        ("ongoing", "2021-03-31", "2021-06-10", "timescale", False),
        ("in_progress", None, "2021-06-10", "status_column", False),
        ("unknown", "2021-03-31", "2021-06-10", "none", None),
        ("in_progress", "2021-03-31", None, "status_column", None),
        ("in_progress", "2021-09-30", "2022-01-01", "due_date", None),  # open only because it was not yet due
    ],
)
def test_is_overdue(status, due, reference, source, want):
    assert is_overdue(status, due, reference, source) is want


def test_as_of_moves_the_judgement():
    got = enrich_row(row(status="In progress", timescale="December 2021"))
    assert got.overdue is False
    assert apply_as_of([got], date(2022, 2, 1))[0].overdue is True
    assert apply_as_of([got], None) == [got]


INVENTED_PAPER = (
    "Borough Council\n\nEnvironment Scrutiny Committee\n\n10 June 2021\n\nTravel Review - Update on Recommendations\n\n"
    "Appendix 1: Progress on Recommendations\n\n"
    "Recommendation\tUpdate on progress\tLead Officer\tTarget Date\tStatus\n"
    "1) The Council adopts a staff travel plan.\tDrafting of the plan is under way with staff groups.\tJane Doe\t"
    "December 2021\tIn progress\n"
    "2) The Council reviews its pool car fleet.\tThe review has been delayed by the departure of the fleet manager."
    "\tJohn Roe\tMarch 2021\tDelayed\n"
    "3) Cycle parking is added at every office.\tNew cycle stands were installed at all four offices in April 2021."
    "\tJane Doe\tMarch 2021\t\n"
)


def test_cli_as_of(tmp_path):
    paper = tmp_path / "update.txt"
    paper.write_text(INVENTED_PAPER, encoding="utf-8")
    got = {}
    for name, as_of in (("meeting", []), ("later", ["--as-of", "2022-02-01"])):
        out = tmp_path / f"{name}.jsonl"
        assert main(["extract", str(paper), "-o", str(out), "--no-cache", "-q", *as_of]) == 0
        got[name] = {
            r["rec_id"]: (r["status_norm"], r["overdue"])
            for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())
        }
    assert got["meeting"] == {"1": ("in_progress", False), "2": ("delayed", True), "3": ("complete", False)}
    assert got["later"] == {"1": ("in_progress", True), "2": ("delayed", True), "3": ("complete", False)}
    with open(tmp_path / "err", "w") as err:
        assert main(["extract", str(paper), "--as-of", "June 2021"], stderr=err) == 2


# ---------------------------------------------------------------- the tracker


def paper_result(*rows: Recommendation) -> FileResult:
    return FileResult(path=rows[0].source, format="pdf", rows=enrich_rows(list(rows)), tables=1)


def tracker_rows(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)["Recommendations"]
    header = [c.value for c in ws[1]]
    return {
        r[header.index("Ref")].value: {h: c.value for h, c in zip(header, r, strict=False)}
        for r in ws.iter_rows(min_row=2)
    }


def summary_all(path: Path) -> dict[str, object]:
    ws = load_workbook(path)["Summary"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Committee")
    line = next(r for r in rows if r and r[0] == "All")
    return dict(zip(header, line, strict=False))


def test_analyst_marks_a_row_complete_and_the_next_run_keeps_it_not_overdue(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    result = paper_result(
        row(rec_id="1", status="In progress", timescale="March 2021", progress="Drafting is under way."),
        row(rec_id="2", status="", timescale="March 2021", progress=""),
        row(rec_id="3", status="Red", timescale="March 2021"),
    )
    write([result], dest)
    first = tracker_rows(dest)
    assert [first[r]["Overdue"] for r in "123"] == ["yes", "unknown", "yes"]
    assert [first[r]["Status"] for r in "123"] == ["In progress", "Unknown", "Delayed"]  # the drop-down's labels
    assert summary_all(dest)["Overdue"] == 2

    book = load_workbook(dest)
    ws = book["Recommendations"]
    header = [c.value for c in ws[1]]
    for cells in ws.iter_rows(min_row=2):
        if cells[header.index("Ref")].value == "1":
            cells[header.index("Status")].value = "Complete"
    book.save(dest)

    write([result], dest)  # the same paper again
    second = tracker_rows(dest)
    assert second["1"]["Status"] == "Complete"
    assert second["1"]["Overdue"] == "no"
    assert second["3"]["Overdue"] == "yes"
    summary = summary_all(dest)
    assert (summary["Complete"], summary["Overdue"], summary["Total"]) == (1, 1, 3)
    # cells stay plain values; the table keeps its header in row 1
    ws = load_workbook(dest)["Recommendations"]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for r in ws.iter_rows() for c in r)
    assert next(iter(ws.tables.values())).ref.startswith("A1:")


def test_tracker_overdue_follows_as_of(tmp_path):
    dest = tmp_path / "tracker.xlsx"
    result = paper_result(row(rec_id="1", status="In progress", timescale="December 2021"))
    write([result], dest)
    assert tracker_rows(dest)["1"]["Overdue"] == "no"
    result.rows = apply_as_of(result.rows, date(2022, 2, 1))
    write([result], dest, as_of=date(2022, 2, 1))
    assert tracker_rows(dest)["1"]["Overdue"] == "yes"


# ---------------------------------------------------------------- typed Parquet and SQLite


def typed_result() -> FileResult:
    return paper_result(
        row(rec_id="1", status="In progress", timescale="March 2021", ocr=True, ocr_confidence=0.91),
        row(rec_id="2", timescale="", meeting_date=""),
    )


def test_parquet_is_typed(tmp_path):
    pd = pytest.importorskip("pandas")
    dest = tmp_path / "rows.parquet"
    write([typed_result()], dest)
    import pyarrow.parquet as pq

    schema = pq.read_schema(dest)
    assert str(schema.field("meeting_date").type) == "date32[day]"
    assert str(schema.field("due_date").type) == "date32[day]"
    assert str(schema.field("overdue").type) == "bool"
    assert str(schema.field("ocr").type) == "bool"
    assert str(schema.field("ocr_confidence").type) == "double"
    df = pd.read_parquet(dest)
    assert (df.due_date - df.meeting_date).iloc[0].days == -71
    assert df.overdue.tolist()[0] is True or df.overdue.tolist()[0] == True  # noqa: E712
    assert pd.isna(df.overdue.iloc[1])
    assert pd.isna(df.meeting_date.iloc[1])
    assert pd.isna(df.due_date.iloc[1])
    assert pd.isna(df.rag.iloc[0])
    assert pd.isna(df.status.iloc[1])
    assert not any(value == "" for column in df.columns for value in df[column].tolist())


def test_sqlite_is_typed(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([typed_result()], dest)
    con = sqlite3.connect(dest)
    try:
        declared = {r[1]: r[2] for r in con.execute("PRAGMA table_info(recommendations)")}
        assert (declared["ocr"], declared["overdue"], declared["ocr_confidence"]) == ("INTEGER", "INTEGER", "REAL")
        got = con.execute(
            "SELECT rec_id, typeof(ocr), ocr, typeof(ocr_confidence), overdue, status, rag, due_date "
            "FROM recommendations ORDER BY rec_id"
        ).fetchall()
    finally:
        con.close()
    assert got[0] == ("1", "integer", 1, "real", 1, "In progress", None, "2021-03-31")
    assert got[1][4:] == (None, None, None, None)  # overdue not known, no status, no RAG, no due date


def test_sqlite_store_of_schema_1_is_converted(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([typed_result()], dest)
    con = sqlite3.connect(dest)  # make it look like a schema-1 store: flags and numbers as text, '' for missing
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(recommendations)") if r[1] != "id"]
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("PRAGMA legacy_alter_table = ON")  # keep the owners table pointing at "recommendations"
        con.execute("ALTER TABLE recommendations RENAME TO r_old")
        con.execute(
            f"CREATE TABLE recommendations (id INTEGER PRIMARY KEY, "
            f"{', '.join(f'{c} TEXT' for c in columns)}, UNIQUE (key))"
        )
        con.execute(
            f"INSERT INTO recommendations SELECT id, "
            f"{', '.join(f'COALESCE(CAST({c} AS TEXT), {chr(39) * 2})' for c in columns)} FROM r_old"
        )
        con.execute("DROP TABLE r_old")
        con.execute("UPDATE meta SET value = '1' WHERE name = 'schema_version'")
        con.commit()
    finally:
        con.close()
    write([typed_result()], dest)
    con = sqlite3.connect(dest)
    try:
        assert con.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone() == ("2",)
        got = con.execute("SELECT typeof(ocr), typeof(ocr_confidence), rag FROM recommendations WHERE rec_id = '1'")
        assert got.fetchone() == ("integer", "real", None)
        assert con.execute("SELECT count(*) FROM recommendations").fetchone() == (2,)
        assert (
            con.execute(
                "SELECT count(*) FROM owners o JOIN recommendations r ON r.key = o.recommendation_key"
            ).fetchone()[0]
            == con.execute("SELECT count(*) FROM owners").fetchone()[0]
        )
    finally:
        con.close()


# ---------------------------------------------------------------- the samples (make demo)


def test_no_sample_row_is_overdue_when_its_progress_says_the_work_is_done():
    rows = [r for result in extract_paths([SAMPLES]) for r in result.rows]
    assert rows
    for r in rows:
        found = read_progress(r.progress)
        if found and found[0] == "complete":
            assert r.overdue is not True, (r.source, r.rec_id, found[1])
        if r.status_norm == "unknown":
            assert r.overdue is None
        if r.rag == "green" and found and found[0] == "complete" and r.status_source != "status_column":
            assert r.status_norm == "complete"
