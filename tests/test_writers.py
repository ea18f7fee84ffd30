"""Writers: formula-injection safety and atomic replacement."""

from __future__ import annotations

import csv
import json
import os

import pytest

from extract.errors import WriterError
from extract.records import FileResult, Recommendation
from extract.writers import write
from extract.writers._atomic import atomic_path
from extract.writers.safety import neutralise

RISKY = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def results(texts: list[str]) -> list[FileResult]:
    rows = [
        Recommendation(
            source="a.pdf",
            rec_id=str(i),
            recommendation=t,
            progress=t,
            responsible="",
            timescale="",
            status="",
            committee="",
            meeting_date="",
            title="",
        )
        for i, t in enumerate(texts, 1)
    ]
    return [FileResult(path="a.pdf", rows=rows)]


@pytest.mark.parametrize("value", RISKY)
def test_neutralise(value):
    assert neutralise(value) == "'" + value


def test_neutralise_leaves_plain_text():
    assert neutralise("Complete") == "Complete"
    assert neutralise(3) == 3


def test_csv_never_starts_a_cell_with_a_formula_trigger(tmp_path):
    dest = tmp_path / "rows.csv"
    write(results(RISKY), dest)
    with open(dest, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["recommendation"] for r in rows] == ["'" + v for v in RISKY]


def test_jsonl_keeps_exact_text(tmp_path):
    dest = tmp_path / "rows.jsonl"
    write(results(RISKY), dest)
    assert [json.loads(line)["recommendation"] for line in dest.read_text().splitlines()] == RISKY


def test_atomic_write_keeps_old_file_on_failure(tmp_path):
    dest = tmp_path / "rows.jsonl"
    dest.write_text("old\n")

    def crash_mid_write() -> None:
        with atomic_path(dest) as tmp:
            tmp.write_text("half")
            raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        crash_mid_write()
    assert dest.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl"]


def test_unwritable_destination_is_a_writer_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WriterError):
        write(results(["a"]), blocker / "sub" / "rows.jsonl")


def test_outputs_get_ordinary_permissions(tmp_path):
    dest = tmp_path / "rows.jsonl"
    old = os.umask(0o022)
    try:
        write(results(["a"]), dest)
    finally:
        os.umask(old)
    assert dest.stat().st_mode & 0o777 == 0o644
