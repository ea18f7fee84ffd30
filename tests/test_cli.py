"""The command line: outputs, messages on stderr, the summary line and exit statuses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_pdf
from extract import __version__
from extract.cli import main


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_version():
    result = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"rectrack {__version__}"


def test_jsonl_to_stdout_and_summary(paper_txt):
    code, out, err = run(["extract", str(paper_txt), "-o", "-"])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["rec_id"] for r in rows] == ["1", "2"]
    assert {
        "source",
        "rec_id",
        "recommendation",
        "progress",
        "responsible",
        "timescale",
        "status",
        "committee",
        "meeting_date",
        "title",
        "table_index",
        "page_first",
        "page_last",
    } <= rows[0].keys()
    assert err.strip().splitlines()[-1] == "rectrack: 1 files, 1 processed, 0 cached, 0 failed, 2 rows"


def test_mixed_folder_reports_bad_files_and_keeps_good_rows(tmp_path, paper_docx, paper_txt):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.docx").write_bytes(paper_docx.read_bytes())
    (folder / "good.txt").write_bytes(paper_txt.read_bytes())
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n garbage that is not a pdf \x00\x01")
    (folder / "empty.docx").write_bytes(b"")
    (folder / "notes.txt").write_text("Shopping list\nmilk\neggs\n")
    (folder / "data.json").write_text("{}")
    out_file = tmp_path / "rows.jsonl"
    code, _, err = run(["extract", str(folder), "-o", str(out_file)])
    assert code == 1
    lines = err.strip().splitlines()
    assert any(line.startswith("error: ") and "corrupt.pdf" in line for line in lines)
    assert any(line.startswith("error: ") and "empty.docx" in line and "empty" in line for line in lines)
    assert any(
        line.startswith("note: ") and "notes.txt" in line and "no recommendation tracking table" in line
        for line in lines
    )
    assert any(line.startswith("note: ") and "skipped 1 files" in line for line in lines)
    assert lines[-1] == "rectrack: 5 files, 3 processed, 0 cached, 2 failed, 4 rows"
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert sorted({Path(r["source"]).name for r in rows}) == ["good.docx", "good.txt"]
    # deterministic order: by path, then table, then row
    assert [Path(r["source"]).name for r in rows] == ["good.docx"] * 2 + ["good.txt"] * 2


def test_error_lines_have_fixed_form(tmp_path):
    missing = tmp_path / "missing.pdf"
    code, _, err = run(["extract", str(missing)])
    assert code == 1
    assert err.splitlines()[0] == f"error: {missing}: file not found"


def test_explicit_unsupported_file_is_an_error(tmp_path):
    path = tmp_path / "minutes.xyz"
    path.write_text("hello")
    code, _, err = run(["extract", str(path)])
    assert code == 1
    assert f"error: {path}: unsupported file type '.xyz'" in err


def test_unknown_output_type_is_a_usage_error(paper_txt, tmp_path):
    code, _, err = run(["extract", str(paper_txt), "-o", str(tmp_path / "rows.unknown")])
    assert code == 2
    assert "unknown output type" in err


def test_missing_command_is_a_usage_error():
    code, _, _ = run([])
    assert code == 2


def test_encrypted_pdf_needs_password(tmp_path):
    locked = make_pdf(tmp_path / "locked.pdf", encrypt="s3cret")
    code, _, err = run(["extract", str(locked)])
    assert code == 1
    assert "encrypted" in err
    assert "locked.pdf" in err
    code, out, _ = run(["extract", str(locked), "--password", "s3cret"])
    assert code == 0
    assert len(out.splitlines()) == 2


def test_owner_restricted_pdf_reads_normally(tmp_path):
    restricted = make_pdf(tmp_path / "restricted.pdf", owner_only=True)
    code, out, err = run(["extract", str(restricted)])
    assert code == 0, err
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".sqlite"])
def test_other_writers(paper_txt, tmp_path, suffix):
    dest = tmp_path / f"rows{suffix}"
    code, _, _ = run(["extract", str(paper_txt), "-o", str(dest)])
    assert code == 0
    if suffix == ".csv":
        import csv

        with open(dest, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    elif suffix == ".parquet":
        import pandas as pd

        rows = pd.read_parquet(dest).to_dict("records")
    else:
        import sqlite3

        con = sqlite3.connect(dest)
        con.row_factory = sqlite3.Row
        rows = [dict(r) for r in con.execute("SELECT * FROM recommendations ORDER BY id")]
        assert con.execute("SELECT rows FROM sources").fetchone()[0] == 2
        con.close()
    assert [r["rec_id"] for r in rows] == ["1", "2"]
    assert rows[1]["responsible"] == "Sam Smith; Ann Other"


# --- messages a new user meets ------------------------------------------------------------------------


def test_empty_folder_is_a_note_and_writes_nothing(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.json").write_text("{}")
    dest = tmp_path / "tracker.xlsx"
    code, out, err = run(["extract", str(folder), "-o", str(dest)])
    assert code == 0
    assert out == ""
    lines = err.strip().splitlines()
    assert f"note: {folder}: no papers to read (1 files of other types skipped)" in err
    assert ".pdf .docx .doc .rtf .odt .html .htm .txt" in err
    assert not any(line.startswith("error:") or "error:" in line for line in lines)
    assert lines[-1] == "rectrack: 0 files, 0 processed, 0 cached, 0 failed, 0 rows; nothing to read, no output written"
    assert not dest.exists()


def test_empty_folder_leaves_an_existing_tracker_and_store_alone(tmp_path, paper_txt):
    outputs = [tmp_path / "tracker.xlsx", tmp_path / "rows.sqlite", tmp_path / "rows.jsonl"]
    assert run(["extract", str(paper_txt), *(f"-o{o}" for o in outputs)])[0] == 0
    before = {o: o.read_bytes() for o in outputs}
    names = sorted(p.name for p in tmp_path.iterdir())
    (tmp_path / "empty").mkdir()
    code, _, err = run(["extract", str(tmp_path / "empty"), *(f"-o{o}" for o in outputs)])
    assert code == 0
    assert "no output written" in err
    assert {o: o.read_bytes() for o in outputs} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "empty") == names  # no backup made either


def test_empty_folder_under_quiet_still_ends_with_the_summary(tmp_path):
    code, out, err = run(["extract", str(tmp_path), "-q"])
    assert (code, out) == (0, "")
    assert err.strip().splitlines() == [
        "rectrack: 0 files, 0 processed, 0 cached, 0 failed, 0 rows; nothing to read, no output written"
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extrct", "papers"], "rectrack: error: unknown command 'extrct' (did you mean extract?)"),
        (["reveiw", "papers"], "rectrack: error: unknown command 'reveiw' (did you mean review?)"),
        (["zzz"], "rectrack: error: unknown command 'zzz' (commands: extract, review)"),
    ],
)
def test_a_mistyped_command_gets_a_suggestion(argv, message, capsys):
    code, out, err = run(argv)
    captured = capsys.readouterr().err + err
    assert code == 2
    assert out == ""
    assert captured.startswith("usage: rectrack")
    assert captured.rstrip().splitlines()[-1] == message


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-j", "abc"], "rectrack extract: error: -j/--jobs: expected a whole number, got 'abc'"),
        (["-j", "-3"], "rectrack extract: error: -j/--jobs: expected 0 or more, got '-3'"),
        (["--max-memory", "lots"], "rectrack extract: error: --max-memory: expected a whole number, got 'lots'"),
        (["--timeout", "soon"], "rectrack extract: error: --timeout: expected a number of seconds, got 'soon'"),
        (["--forse"], "rectrack extract: error: unknown option --forse (did you mean --force?)"),
        (["--ouput=x.csv"], "rectrack extract: error: unknown option --ouput (did you mean --output?)"),
        (["--zzz"], "rectrack extract: error: unknown option --zzz (see rectrack extract --help)"),
    ],
)
def test_option_errors_are_readable(args, message, paper_txt, capsys):
    code, out, err = run(["extract", str(paper_txt), *args])
    captured = capsys.readouterr().err + err
    assert code == 2
    assert out == ""
    assert captured.startswith("usage: rectrack extract")
    assert captured.rstrip().splitlines()[-1] == message


def test_a_pattern_that_matches_nothing_says_so(tmp_path, paper_txt):
    pattern = str(tmp_path / "nothing" / "*.pdf")
    code, out, err = run(["extract", pattern])
    assert code == 1
    assert err.strip().splitlines() == [f"rectrack: error: no files match {pattern}"]
    code, out, err = run(["extract", pattern, str(paper_txt)])
    assert code == 1  # the other paths are still read
    assert f"rectrack: error: no files match {pattern}" in err
    assert len(out.splitlines()) == 2


def test_help_lists_every_format_read(capsys):
    from extract.readers import READERS

    assert run(["extract", "--help"])[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert ".pdf .docx .doc .rtf .odt .html .htm .txt" in text
    assert set(READERS) <= set(text.replace("(", " ").replace(")", " ").split())


def test_a_run_into_a_tracker_reports_changes_backup_and_merged_rows(tmp_path):
    from conftest import SAMPLES

    dest = tmp_path / "tracker.xlsx"
    papers = [str(SAMPLES / "seed-organised-crime.txt"), str(SAMPLES / "seed-organised-crime.docx")]
    code, _, err = run(["extract", *papers, "-o", str(dest)])
    assert code == 0
    lines = err.strip().splitlines()
    rows = int(lines[-1].split(", ")[-1].split(" rows")[0])
    assert lines[-1].endswith(
        f"; the tracker holds {rows // 2}: {rows // 2} rows of the same paper in another format or copy were merged"
    )
    assert f"tracker: {dest}: {rows // 2} added, 0 updated, 0 unchanged, 0 gone, new tracker" in lines
    code, _, err = run(["extract", *papers, "-o", str(dest), "-q"])
    assert f"tracker: {dest}: 0 added, 0 updated, {rows // 2} unchanged, 0 gone, backup tracker.bak.xlsx" in err


def test_a_run_into_a_store_reports_added_updated_unchanged_gone_and_the_backup(tmp_path, paper_txt):
    dest = tmp_path / "rows.sqlite"
    code, _, err = run(["extract", str(paper_txt), "-o", str(dest), "--no-cache"])
    assert code == 0
    assert f"store: {dest}: 2 added, 0 updated, 0 unchanged, 0 gone, new store" in err.splitlines()
    assert not (tmp_path / "rows.bak.sqlite").exists()
    before = dest.read_bytes()
    code, _, err = run(["extract", str(paper_txt), "-o", str(dest), "--no-cache", "-q"])
    assert f"store: {dest}: 0 added, 0 updated, 2 unchanged, 0 gone, backup rows.bak.sqlite" in err.splitlines()
    assert (tmp_path / "rows.bak.sqlite").read_bytes() == before
    # the same paper again: its first recommendation's progress changed, its second (and continuation) dropped
    from conftest import FRONT, HEADER

    edited = tmp_path / "edited" / "paper.txt"
    edited.parent.mkdir()
    row = ["<p>1) Members receive an annual report on fly-tipping.</p>", "<p>Report sent in March.</p>", "Jo Bloggs"]
    edited.write_text("\n".join([*FRONT, "", "\t".join(HEADER), "\t".join([*row, "March 2024"])]) + "\n")
    code, out, err = run(["extract", str(edited), "-o", "-", "-o", str(dest), "--no-cache", "-q"])
    assert code == 0
    assert [json.loads(line)["rec_id"] for line in out.splitlines()] == ["1"]
    assert f"store: {dest}: 0 added, 1 updated, 0 unchanged, 1 gone, backup rows.bak.sqlite" in err.splitlines()
