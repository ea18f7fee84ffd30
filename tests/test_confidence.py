"""Row confidence (extract.confidence): lower where the extractor had to guess, on invented tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.confidence import CHECK_BELOW, agreement, merged, needs_check, source_rows
from extract.model import Cell, Document, Row, Table
from extract.pipeline import extract_document
from extract.rows import recommendations
from extract.stitch import tracking_tables

RECS = [
    (
        "1",
        "The Council should publish a yearly report on allotment waiting lists.",
        "Report drafted.",
        "Parks Manager",
        "March 2025",
    ),
    (
        "2",
        "The Council should review the charges for allotment plots.",
        "Review under way.",
        "Head of Finance",
        "June 2025",
    ),
    (
        "3",
        "The Council should set up a volunteer scheme for plot holders.",
        "Scheme launched.",
        "Community Officer",
        "May 2025",
    ),
]


def doc_of(header: tuple[str, ...], body: list[tuple[str, ...]], *, fmt: str = "docx", **cell) -> Document:
    rows = [Row(cells=tuple(Cell(text=t) for t in header), is_header=True)]
    rows += [Row(cells=tuple(Cell(text=t, **cell) for t in values)) for values in body]
    return Document(path=f"invented.{fmt}", format=fmt, tables=[Table(rows=tuple(rows), order=0)])


def confidences(doc: Document) -> list[float]:
    rows, _ = extract_document(doc)
    assert rows
    return [r.confidence for r in rows]


CLEAR = ("No.", "Recommendation", "Progress", "Responsible officer", "Timescale")


def test_a_clear_ruled_table_is_trusted():
    values = confidences(doc_of(CLEAR, RECS))
    assert all(v >= CHECK_BELOW for v in values)
    assert all(0.0 <= v <= 1.0 for v in values)


def test_a_guessed_header_gives_lower_confidence_than_a_clear_one():
    clear = confidences(doc_of(CLEAR, RECS))
    guessed = confidences(doc_of(("No.", "Proposal", "Progress", "Responsible officer", "Timescale"), RECS))
    assert max(guessed) < min(clear)
    rows, _ = extract_document(doc_of(("No.", "Proposal", "Progress", "Responsible officer", "Timescale"), RECS))
    assert "guessed" in rows[0].confidence_reason


def test_an_empty_field_in_a_filled_column_lowers_only_that_row():
    body = [RECS[0], (*RECS[1][:3], "", ""), RECS[2]]
    rows, _ = extract_document(doc_of(CLEAR, body))
    assert rows[1].confidence < rows[0].confidence
    assert rows[0].confidence == rows[2].confidence
    assert "empty responsible and timescale" in rows[1].confidence_reason


def test_low_ocr_word_confidence_lowers_confidence():
    sure = confidences(doc_of(CLEAR, RECS, fmt="pdf", ocr=True, ocr_confidence=0.97))
    unsure = confidences(doc_of(CLEAR, RECS, fmt="pdf", ocr=True, ocr_confidence=0.7))
    assert max(unsure) < min(sure)
    assert max(unsure) < CHECK_BELOW


def test_a_plain_text_table_counts_as_inferred_structure():
    ruled = confidences(doc_of(CLEAR, RECS))
    inferred = confidences(doc_of(CLEAR, RECS, fmt="txt"))
    assert max(inferred) < min(ruled)


def test_a_one_word_recommendation_is_doubtful():
    body = [RECS[0], ("2", "Complete", *RECS[1][2:]), RECS[2]]
    rows, _ = extract_document(doc_of(CLEAR, body))
    assert rows[1].confidence < CHECK_BELOW <= rows[0].confidence


def test_a_row_carried_over_a_page_break_is_less_sure():
    header = Row(cells=tuple(Cell(text=t, page=1) for t in CLEAR), page=1)
    first = Row(cells=tuple(Cell(text=t, page=1) for t in RECS[0]), page=1)
    second = Row(cells=tuple(Cell(text=t, page=1) for t in RECS[1]), page=1)
    rest = Row(cells=tuple(Cell(text=t, page=2) for t in ("", "", "More progress.", "", "")), page=2)
    third = Row(cells=tuple(Cell(text=t, page=2) for t in RECS[2]), page=2)
    doc = Document(
        path="invented.pdf",
        format="pdf",
        tables=[
            Table(rows=(header, first, second), order=0, page=1),
            Table(rows=(rest, third), order=1, page=2),
        ],
    )
    rows, _ = extract_document(doc)
    assert [r.rec_id for r in rows] == ["1", "2", "3"]
    assert rows[1].confidence < rows[0].confidence
    assert "page break" in rows[1].confidence_reason


def test_source_rows_deal_out_every_folded_row():
    body = [RECS[0], ("", "", "Further progress.", "", ""), RECS[1], RECS[2]]
    table = tracking_tables(doc_of(CLEAR, body))[0]
    recs = recommendations(table)
    sources = source_rows(table, recs)
    assert sources is not None
    assert [len(s) for s in sources] == [2, 1, 1]
    assert sources[0][1].cells[2].text == "Further progress."


def test_two_files_that_disagree_lower_the_merged_row():
    rows, _ = extract_document(doc_of(CLEAR, RECS))
    same = merged([rows[0], replace(rows[0], source="invented.pdf")])
    other = merged([rows[0], replace(rows[0], source="invented.pdf", responsible="Someone Else")])
    assert same[0] == rows[0].confidence
    assert other[0] is not None
    assert other[0] < rows[0].confidence
    assert "responsible" in other[1]
    assert agreement([rows[0]]) is None


@pytest.mark.parametrize(("value", "flagged"), [(None, False), (0.95, False), (0.9, False), (0.89, True)])
def test_needs_check(value, flagged):
    assert needs_check(value) is flagged
