"""The SQLite store: tables and indexes, UPSERT on re-run with stable keys, owners, atomic updates."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES
from extract import extract_paths
from extract.errors import WriterError
from extract.records import FileResult, Issue, Recommendation
from extract.writers import sqlite as sqlite_writer
from extract.writers import write

RISKY = ['=HYPERLINK("http://x")', "+44 20 7946 0000", "-", "@SUM(A1)", "\tx", "\rx"]


def rec(source: str, rec_id: str, text: str, **extra) -> Recommendation:
    base = {
        "source": source,
        "rec_id": rec_id,
        "recommendation": text,
        "progress": "",
        "responsible": "Jo Bloggs",
        "timescale": "",
        "status": "",
        "committee": "Audit Committee",
        "meeting_date": "2024-05-01",
        "title": "Internal Audit Follow-up",
        "format": "docx",
    }
    return Recommendation(**{**base, **extra})


def paper(path: str, ids=(1, 2, 3), **extra) -> FileResult:
    return FileResult(
        path=path, format="docx", tables=1, rows=[rec(path, str(i), f"Recommendation {i}", **extra) for i in ids]
    )


def query(dest: Path, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(dest)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_tables_and_indexes(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([paper("a.docx")], dest)
    tables = {r[0] for r in query(dest, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"recommendations", "documents", "sources", "owners", "meta"} <= tables
    indexes = {r[0] for r in query(dest, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"recommendations_paper", "recommendations_source", "recommendations_status", "owners_name"} <= indexes
    columns = {r[1] for r in query(dest, "PRAGMA table_info(sources)")}
    assert {"path", "format", "pages", "tracking_tables", "rows", "error"} <= columns
    assert query(dest, "SELECT value FROM meta WHERE name = 'schema_version'") == [("2",)]


def test_rerun_updates_rows_instead_of_duplicating(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([paper("a.docx")], dest)
    first = query(dest, "SELECT id, key, first_seen FROM recommendations ORDER BY id")
    write([paper("a.docx", progress="Done in May")], dest)
    after = query(dest, "SELECT id, key, first_seen, progress FROM recommendations ORDER BY id")
    assert [r[:3] for r in after] == first
    assert {r[3] for r in after} == {"Done in May"}


def test_samples_same_paper_in_three_formats_is_stored_once(tmp_path, sample_results):
    dest = tmp_path / "store.sqlite"
    results = sample_results
    distinct = {(r.committee, r.meeting_date, r.title, r.table_index, r.rec_id) for res in results for r in res.rows}
    assert write(results, dest) == len(distinct) < sum(len(r.rows) for r in results)
    assert query(dest, "SELECT count(*) FROM recommendations") == [(len(distinct),)]
    seed = query(dest, "SELECT source_files FROM recommendations WHERE title LIKE 'Progress of Recommendations%'")
    assert len(seed) == 6
    assert all(
        sorted(Path(p).name for p in json.loads(s))
        == ["seed-organised-crime.docx", "seed-organised-crime.pdf", "seed-organised-crime.txt"]
        for (s,) in seed
    )
    assert query(dest, "SELECT count(*) FROM sources") == [(len(results),)]
    assert query(dest, "SELECT count(DISTINCT paper_id) FROM sources WHERE path LIKE '%seed-organised-crime%'") == [
        (1,)
    ]
    papers = {(r.committee, r.meeting_date, r.title) for res in results for r in res.rows}
    assert query(dest, "SELECT count(*) FROM documents") == [(len(papers),)]
    write(results, dest)
    assert query(dest, "SELECT count(*) FROM recommendations") == [(len(distinct),)]


def test_renamed_file_keeps_its_rows(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "housing-review-update.docx", folder / "housing.docx")
    dest = tmp_path / "store.db"
    write(list(extract_paths([folder])), dest)
    keys = query(dest, "SELECT id, key FROM recommendations ORDER BY id")
    (folder / "housing.docx").rename(folder / "renamed.docx")
    write(list(extract_paths([folder])), dest)
    assert query(dest, "SELECT id, key FROM recommendations ORDER BY id") == keys
    assert {Path(r[0]).name for r in query(dest, "SELECT source FROM recommendations")} == {"renamed.docx"}


def test_rows_gone_from_a_paper_are_kept_and_marked(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([paper("a.docx"), paper("b.docx", title="Another paper")], dest)
    write([paper("a.docx", ids=(1, 2))], dest)
    rows = query(dest, "SELECT title, rec_id, in_source FROM recommendations ORDER BY id")
    assert rows == [
        ("Internal Audit Follow-up", "1", 1),
        ("Internal Audit Follow-up", "2", 1),
        ("Internal Audit Follow-up", "3", 0),
        ("Another paper", "1", 1),
        ("Another paper", "2", 1),
        ("Another paper", "3", 1),
    ]


def test_owners_table(tmp_path):
    dest = tmp_path / "store.sqlite"
    owners = ({"name": "Jo Bloggs", "type": "person"}, {"name": "Housing Team", "type": "team"})
    write([FileResult(path="a.docx", rows=[rec("a.docx", "1", "x", owners=owners)])], dest)
    write([FileResult(path="a.docx", rows=[rec("a.docx", "1", "x", owners=owners[1:])])], dest)
    rows = query(
        dest,
        "SELECT r.rec_id, o.position, o.name, o.type FROM owners o "
        "JOIN recommendations r ON r.key = o.recommendation_key",
    )
    assert rows == [("1", 1, "Housing Team", "team")]
    assert json.loads(query(dest, "SELECT owners FROM recommendations")[0][0]) == [dict(owners[1])]


def test_exact_text_and_types(tmp_path):
    dest = tmp_path / "store.sqlite"
    rows = [
        rec("a.docx", str(i), t, progress=t, overdue=i == 1, page_first=i, due_date="2024-03-31")
        for i, t in enumerate(RISKY, 1)
    ]
    write([FileResult(path="a.docx", rows=rows)], dest)
    got = query(dest, "SELECT recommendation, progress, overdue, page_first, due_date FROM recommendations ORDER BY id")
    assert [r[0] for r in got] == RISKY
    assert [r[1] for r in got] == RISKY
    assert [r[2] for r in got] == [1, 0, 0, 0, 0, 0]
    assert [r[3] for r in got] == [1, 2, 3, 4, 5, 6]
    assert {r[4] for r in got} == {"2024-03-31"}


def test_failed_file_is_listed_with_its_error(tmp_path):
    dest = tmp_path / "store.sqlite"
    broken = FileResult(path="broken.pdf", issues=[Issue("error", "broken.pdf", "damaged")])
    write([broken, paper("a.docx")], dest)
    assert query(dest, "SELECT path, rows, error, paper_id FROM sources ORDER BY path") == [
        ("a.docx", 3, None, query(dest, "SELECT paper_id FROM documents")[0][0]),
        ("broken.pdf", 0, "damaged", None),
    ]


def test_failure_mid_update_keeps_the_previous_store(tmp_path, monkeypatch):
    dest = tmp_path / "store.sqlite"
    write([paper("a.docx")], dest)
    before = dest.read_bytes()

    def crash(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_writer, "_store_owners", crash)
    with pytest.raises(WriterError, match="disk is full.*previous file is unchanged"):
        write([paper("a.docx", ids=(1, 2, 3, 4))], dest)
    assert dest.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite"]


def test_old_rectrack_store_is_upgraded(tmp_path):
    dest = tmp_path / "store.sqlite"
    con = sqlite3.connect(dest)
    con.execute("CREATE TABLE recommendations (id INTEGER PRIMARY KEY, source TEXT, rec_id TEXT)")
    con.execute(
        "CREATE TABLE sources (path TEXT PRIMARY KEY, format TEXT, pages INTEGER, tracking_tables INTEGER, "
        "rows INTEGER, error TEXT)"
    )
    con.execute("CREATE TABLE my_notes (note TEXT)")
    con.execute("INSERT INTO my_notes VALUES ('keep me')")
    con.commit()
    con.close()
    write([paper("a.docx")], dest)
    assert query(dest, "SELECT count(*) FROM recommendations") == [(3,)]
    assert query(dest, "SELECT note FROM my_notes") == [("keep me",)]


def test_refuses_a_database_with_someone_elses_recommendations_table(tmp_path):
    dest = tmp_path / "store.sqlite"
    con = sqlite3.connect(dest)
    con.execute("CREATE TABLE recommendations (id INTEGER PRIMARY KEY, budget_line TEXT)")
    con.commit()
    con.close()
    before = dest.read_bytes()
    with pytest.raises(WriterError, match="rectrack did not make"):
        write([paper("a.docx")], dest)
    assert dest.read_bytes() == before


def test_refuses_a_file_that_is_not_a_database_or_is_in_use(tmp_path):
    dest = tmp_path / "store.sqlite"
    dest.write_bytes(b"this is not a database, just some text " * 20)
    with pytest.raises(WriterError, match="cannot be read as an SQLite database"):
        write([paper("a.docx")], dest)
    assert dest.read_bytes().startswith(b"this is not")
    dest.unlink()
    write([paper("a.docx")], dest)
    (tmp_path / "store.sqlite-wal").write_bytes(b"x" * 32)
    with pytest.raises(WriterError, match="open in another program"):
        write([paper("a.docx")], dest)


def test_new_file_gets_ordinary_permissions(tmp_path):
    dest = tmp_path / "store.sqlite"
    write([paper("a.docx")], dest)
    assert dest.stat().st_mode & 0o044  # readable by others as umask allows, not 0600 like a temp file
