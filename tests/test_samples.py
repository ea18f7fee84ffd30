"""Golden files: every paper in samples/ gives exactly the rows in samples/expected/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLDEN = sorted((SAMPLES / "expected").glob("*.json"))
FIELDS = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status", "table_index")


def test_every_sample_has_a_golden_file():
    papers = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".docx", ".html", ".txt"})
    assert papers == sorted(g.name[: -len(".json")] for g in GOLDEN)
    assert len(papers) >= 9


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_sample_matches_golden(golden):
    expected = json.loads(golden.read_text(encoding="utf-8"))
    result = extract_file(SAMPLES / expected["source"])
    assert not result.failed, result.issues
    optional = [f for f in ("section", "accepted") if any(f in row for row in expected["rows"])]
    got = [{f: r.to_dict()[f] for f in (*FIELDS, *optional)} for r in result.rows]
    assert got == [{f: row.get(f, "") for f in (*FIELDS, *optional)} for row in expected["rows"]]
    if expected["rows"]:
        first = result.rows[0]
        assert (first.committee, first.meeting_date, first.title) == (
            expected["committee"], expected["meeting_date"], expected["title"])
