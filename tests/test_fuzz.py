"""The layout fuzzer (tests/fuzz): a deterministic generator whose truth comes from the spec, its scorer,
and a small fixed-seed slice of papers through the extractor. `make fuzz` runs the full benchmark."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extract.pipeline import extract_file
from fuzz.generate import DECISION_LISTS, EXT, decisions_table, make_spec, render, truth, write_papers
from fuzz.score import Tally, score_paper

SEED = 20240331
SLICE = ["docx", "html", "pdf-rl"]  # no LibreOffice needed
N_SLICE = 14
F1_FLOOR = 0.5
ROW_KEYS = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status")


def test_spec_and_papers_are_deterministic(tmp_path):
    for i in range(6):
        a, b = make_spec(SEED, i, SLICE), make_spec(SEED, i, SLICE)
        assert truth(a) == truth(b)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        write_papers(SEED, 6, folder, SLICE)
    files = sorted(p.name for p in (first / "papers").iterdir())
    assert len(files) == 6
    for name in files:
        assert (first / "papers" / name).read_bytes() == (second / "papers" / name).read_bytes(), name
        assert (first / "truth" / f"{name}.json").read_text() == (second / "truth" / f"{name}.json").read_text()
    # a different seed gives different papers
    assert [truth(make_spec(SEED, i, SLICE))["rows"] for i in range(3)] != [
        truth(make_spec(SEED + 1, i, SLICE))["rows"] for i in range(3)
    ]


def test_truth_comes_from_the_spec():
    spec = next(s for s in (make_spec(SEED, i) for i in range(200)) if any(len(r.actions) > 1 for r in s.recs))
    rows = truth(spec)["rows"]
    assert [r["recommendation"] for r in rows] == [rec.text for rec in spec.recs]
    assert [r["rec_id"] for r in rows] == [rec.id for rec in spec.recs]
    for row, rec in zip(rows, spec.recs, strict=True):
        assert row["progress"] == "\n".join(a.progress for a in rec.actions)
        assert row["responsible"] == "; ".join(dict.fromkeys(a.resp for a in rec.actions if a.resp))
        assert row["timescale"] == "; ".join(dict.fromkeys(a.time for a in rec.actions if a.time))
    negative = next(s for s in (make_spec(SEED, i) for i in range(200)) if s.negative)
    assert truth(negative)["rows"] == []


@pytest.mark.parametrize(
    ("kind", "variant"),
    [(kind, variant) for kind, (variants, _) in DECISION_LISTS.items() for variant in range(len(variants))],
)
def test_decisions_lists_are_not_tracking_tables(tmp_path, kind, variant):
    """The negative kinds of planning and licensing committees (each header variant, in Word and HTML): a
    Proposal, an officer's recommendation, a Case Officer and the date decided make no rows."""
    for fmt in ("docx", "html"):
        spec = next(s for s in (make_spec(SEED, i, [fmt]) for i in range(400)) if s.negative)
        spec.decoys = [("before", decisions_table(random.Random(fmt), kind, variant))]
        path = tmp_path / f"{kind}-{variant}{EXT[fmt]}"
        render(spec, path)
        assert extract_file(path).rows == [], path.name


def test_generator_does_not_use_the_extractor(tmp_path):
    """Generating papers and truth must not import the extractor (its header vocabulary included)."""
    tests = Path(__file__).resolve().parent
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from fuzz.generate import write_papers; "
        f"write_papers({SEED}, 4, sys.argv[2], {SLICE!r}); "
        "bad = sorted(m for m in sys.modules if m == 'extract' or m.startswith('extract.')); "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code, str(tests), str(tmp_path)], check=True, timeout=120)
    source = "".join(p.read_text(encoding="utf-8") for p in (tests / "fuzz").glob("*.py") if p.name != "run.py")
    assert "import extract" not in source
    assert "from extract" not in source
    assert "headers.py" not in source


def _row(**changes):
    row = {
        "rec_id": "1",
        "recommendation": "The Council reviews its fly-tipping policy.",
        "progress": "A review started in May 2024.\n• Three sites inspected",
        "responsible": "Jo Bloggs; Head of Waste",
        "timescale": "March 2025",
        "status": "Amber",
    }
    return {**row, **changes}


def test_scorer_on_hand_made_pairs():
    truth_rows = [_row(), _row(rec_id="2", recommendation="Members receive an annual report on street lighting.")]
    perfect = score_paper(truth_rows, [dict(r) for r in truth_rows])
    assert (perfect.f1, perfect.exact) == (1.0, 2)
    # normalisation: number prefix, bullets, order of owners, spacing, case
    loose = [
        _row(
            recommendation="1) The council reviews its fly-tipping  policy.",
            progress="A review started in May 2024.\nThree sites inspected",
            responsible="Head of Waste / Jo Bloggs",
        ),
        _row(rec_id="R2", recommendation="Members receive an annual report on street lighting."),
    ]
    assert score_paper(truth_rows, loose).f1 == 1.0
    for field, value in [
        ("progress", "A review started in June 2024."),
        ("responsible", "Jo Bloggs"),
        ("timescale", "April 2025"),
        ("rec_id", "3"),
    ]:
        changed = [_row(**{field: value}), truth_rows[1]]
        t = score_paper(truth_rows, changed)
        assert t.f1 == 0.5, field
        assert t.field_ok[field] == 1, field
    # status is reported on its own and does not stop a row counting
    t = score_paper(truth_rows, [_row(status="Green"), truth_rows[1]])
    assert t.f1 == 1.0
    assert t.field_acc("status") == 0.5
    # a missing row lowers recall, an extra one precision; rows on a negative paper are false positives
    assert score_paper(truth_rows, truth_rows[:1]).recall == 0.5
    assert (
        score_paper(truth_rows, truth_rows + [_row(recommendation="Something else entirely, unrelated.")]).precision
        == 2 / 3
    )
    neg = score_paper([], [_row()])
    assert (neg.neg_papers, neg.neg_fp) == (1, 1)


def test_extractor_on_a_fixed_slice(tmp_path):
    specs, notes = write_papers(SEED, N_SLICE, tmp_path, SLICE)
    assert not notes
    assert len(specs) == N_SLICE
    total, scores = Tally(), {}
    for spec in specs:
        result = extract_file(tmp_path / "papers" / spec.file)
        pred = [{k: getattr(row, k) for k in ROW_KEYS} for row in result.rows]
        rows = json.loads((tmp_path / "truth" / f"{spec.file}.json").read_text(encoding="utf-8"))["rows"]
        t = score_paper(rows, pred)
        total.add(t)
        scores[spec.file] = round(t.f1, 2)
    assert total.rows_true > 40
    assert total.f1 >= F1_FLOOR, f"row F1 {total.f1:.3f} on the fuzz slice is below {F1_FLOOR}: {scores}"


def test_held_out_wordings_relabel_the_same_papers():
    from fuzz import words

    held_out = {label.split("{")[0] for labels in words.HELD_OUT.values() for label in labels}
    before_labels = ("format", "rotated", "layout", "header_rows", "response", "numbering", "status_col")
    for i in range(40):
        usual, other = make_spec(3, i), make_spec(3, i, wordings="held-out")
        if usual.dims.get("negative"):
            continue
        assert other.dims["wording"] == "held-out"
        assert [usual.dims[k] for k in before_labels] == [other.dims[k] for k in before_labels]
        named = [c.label for c in other.columns if c.role != "extra"]
        assert all(any(label.startswith(h) for h in held_out) for label in named), named
