"""Enrichment measured on the development corpus (skipped when the corpus is not beside the project).

Due dates are checked against a small independent reading of the two plainest forms (``March 2017`` and
``31/03/2018``); status and RAG against the paper's own status word in the truth files.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

pytestmark = pytest.mark.skipif(not (CORPUS / "truth").is_dir(), reason="development corpus not present")

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
WORD_STATUS = {
    "complete": "complete",
    "completed": "complete",
    "achieved": "complete",
    "closed": "complete",
    "implemented": "complete",
    "in progress": "in_progress",
    "on track": "in_progress",
    "progressing": "in_progress",
    "ongoing": "ongoing",
    "on-going": "ongoing",
    "delayed": "delayed",
    "slipped": "delayed",
    "behind": "delayed",
    "not started": "not_started",
    "not accepted": "not_accepted",
    "rejected": "not_accepted",
}
RAG = {"red": "red", "amber": "amber", "green": "green"}


def reference_due(timescale: str) -> str | None:
    """The due date of a plain "Month YYYY" or "dd/mm/yyyy" timescale, or None for any other form."""
    text = timescale.strip()
    m = re.fullmatch(r"([A-Za-z]+) (\d{4})", text)
    if m and m.group(1).lower() in MONTHS:
        year, month = int(m.group(2)), MONTHS[m.group(1).lower()]
        return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    return None


@pytest.fixture(scope="module")
def pairs():
    """(truth row, extracted row or None) for every truth row of the corpus."""
    from extract.batch import BatchOptions, run_batch
    from extract.pipeline import expand_paths

    files, _ = expand_paths([CORPUS])  # read by two workers, with no time limit and no cache
    extracted: dict[str, list] = {}
    for result in run_batch(sorted(files, key=str), BatchOptions(jobs=2, timeout=0, use_cache=False)):
        extracted[Path(result.path).name] = result.rows
    out = []
    for truth_file in sorted((CORPUS / "truth").glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        rows = list(extracted.get(truth["source"], []))
        cursor = 0  # rows in order: a paper with two tables numbers each from 1
        for i, want in enumerate(truth["rows"]):
            wanted = _bare_id(want["rec_id"])
            if not wanted:  # an unnumbered paper: the rows in order
                out.append((want, rows[i] if i < len(rows) else None))
                continue
            at = next((j for j in range(cursor, len(rows)) if _bare_id(rows[j].rec_id) == wanted), None)
            if at is not None:
                cursor = at + 1
            out.append((want, rows[at] if at is not None else None))
    return out


def _bare_id(rec_id: str) -> str:
    """ "R2", "Rec 2", "2" -> "2" (as the scorer compares them)."""
    return re.sub(r"^(?:recommendation|rec|r)\s*\.?\s*(?=\d)", "", rec_id.strip().casefold())


def _report(name: str, hits: int, total: int) -> float:
    share = hits / total if total else 1.0
    print(f"\n{name}: {hits}/{total} = {share:.1%}")
    return share


def test_plain_due_dates(pairs):
    checked = [(reference_due(want["timescale"]), got) for want, got in pairs if reference_due(want["timescale"])]
    assert len(checked) >= 40
    hits = sum(1 for due, got in checked if got is not None and got.due_date == due)
    assert _report("plain month-year and dd/mm/yyyy due dates", hits, len(checked)) >= 0.98


def _read_status(pairs, words):
    """Rows whose truth has one of ``words`` as status, and the share whose status cell was read at all.

    Enrichment is measured where the status cell was read: one paper's status column lies past the
    page's edge, so its words are not in the file."""
    wanted = [(want, got) for want, got in pairs if want["status"].strip().lower() in words]
    read = [(want, got) for want, got in wanted if got is not None and got.status]
    assert len(read) >= 0.85 * len(wanted)
    return read


def test_status_words(pairs):
    checked = [(WORD_STATUS[want["status"].strip().lower()], got) for want, got in _read_status(pairs, WORD_STATUS)]
    assert len(checked) >= 30
    hits = sum(
        1
        for norm, got in checked
        if got is not None and got.status_norm == norm and got.status_source == "status_column"
    )
    assert _report("status_norm agrees with the status word", hits, len(checked)) >= 0.95


def test_rag_words(pairs):
    checked = [(RAG[want["status"].strip().lower()], got) for want, got in _read_status(pairs, RAG)]
    assert len(checked) >= 20
    hits = sum(1 for rag, got in checked if got is not None and got.rag == rag)
    assert _report("rag agrees with Red/Amber/Green", hits, len(checked)) >= 0.95


def test_owner_types_on_the_corpus(pairs):
    owners = {}
    for _, got in pairs:
        if got is not None:
            for owner in got.owners:
                owners.setdefault(owner["name"], owner["type"])
    assert owners.get("Head of Planning and Assets") == "post"
    assert owners.get("DCI Ashton") == "person"
    assert owners.get("Safe Durham Partnership") == "organisation"
    assert owners.get("Waste Management Team") == "team"


def test_every_corpus_row_is_enriched(pairs):
    rows = [got for _, got in pairs if got is not None]
    assert rows
    for got in rows:
        assert got.due_date is not None or got.due_date_note
        if got.timescale and got.due_date is None:
            assert got.due_date_note != "unparsed", got.timescale
