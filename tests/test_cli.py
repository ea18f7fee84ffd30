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
