"""Row confidence (extract.confidence): lower where the extractor had to guess, on invented tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.confidence import CHECK_BELOW, agreement, assess_table, merged, needs_check, source_rows
from extract.model import Cell, Document, Paragraph, Row, Table
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


# -- layout and text signals (extract.confidence_layout and the text checks) -----------------------------


def codes_of(doc: Document) -> list[set[str]]:
    """The evidence codes of each recommendation of the document's tracking tables."""
    out = []
    for table in tracking_tables(doc):
        out.extend({e.code for e in check.evidence} for check in assess_table(doc, table, recommendations(table)))
    return out


def borderless(body: list[list[tuple[str, float]]]) -> Document:
    """A borderless PDF table: each body row a list of (text, top of its text) per column of CLEAR."""

    def cell(col: int, text: str, top: float) -> Cell:
        lines = max(1, len(text) // 30 + 1)
        return Cell(text=text, page=1, bbox=(50.0 + 110 * col, top - 1, 150.0 + 110 * col, top + 10 * lines + 1))

    rows = [Row(cells=tuple(cell(c, t, 100.0) for c, t in enumerate(CLEAR)), page=1)]
    rows += [Row(cells=tuple(cell(c, t, top) for c, (t, top) in enumerate(r)), page=1) for r in body]
    table = Table(rows=tuple(rows), order=0, page=1, bbox=(40.0, 90.0, 10_000.0, 700.0))  # as the PDF reader gives
    return Document(path="invented.pdf", format="pdf", tables=[table], pages=1)


def test_a_cell_above_its_rows_number_doubts_that_row_and_the_one_above():
    body = [[(t, 130.0) for t in RECS[0]], [(t, 260.0) for t in RECS[1]], [(t, 390.0) for t in RECS[2]]]
    body[1][2] = (RECS[1][2], 200.0)  # the progress starts six lines above the number: text of the row above?
    codes = codes_of(borderless(body))
    assert "misplaced" in codes[1]
    assert "robbed" in codes[0]
    assert not {"misplaced", "robbed"} & codes[2]
    assert "table_end" in codes[2]  # the last row of a borderless table: where it ends is a guess
    assert "table_end" not in codes[0] | codes[1]


def test_cells_level_with_their_number_are_not_misplaced():
    body = [[(t, 130.0 + 130 * i) for t in rec] for i, rec in enumerate(RECS)]
    codes = codes_of(borderless(body))
    assert not any({"misplaced", "robbed"} & c for c in codes)


def test_a_row_below_that_reads_like_a_piece_of_this_one_doubts_this_one():
    body = [[(t, 130.0) for t in RECS[0]], [(t, 260.0) for t in ("", "• the resources required", "", "", "")]]
    body += [[(t, 390.0) for t in RECS[1]]]
    codes = codes_of(borderless(body))
    assert "robbed" in codes[0]


def test_progress_cut_mid_sentence_is_doubtful():
    body = [RECS[0], (*RECS[1][:2], "This will be taken forward as part of the", *RECS[1][3:]), RECS[2]]
    rows, _ = extract_document(doc_of(CLEAR, body))
    assert rows[1].confidence < CHECK_BELOW <= rows[0].confidence
    assert "progress reads as if cut" in rows[1].confidence_reason
    assert "progress reads as if cut" not in rows[0].confidence_reason


def test_a_short_text_alone_on_its_row_is_a_stray_line():
    body = [RECS[0], ("", "Background papers: none.", "", "", ""), RECS[1]]
    codes = codes_of(doc_of(CLEAR, body))
    assert "bare" in codes[1]
    assert "empty" not in codes[1]
    one_empty = codes_of(doc_of(CLEAR, [RECS[0], (*RECS[1][:4], ""), RECS[2]]))
    assert "empty" in one_empty[1]
    assert "bare" not in one_empty[1]


def test_a_recommendation_starting_with_a_bullet_is_a_piece_of_a_list():
    body = [RECS[0], ("2", "• how success will be measured", *RECS[1][2:]), RECS[2]]
    codes = codes_of(doc_of(CLEAR, body))
    assert "open_end" in codes[1]
    assert "open_end" not in codes[0]


def test_a_missing_number_in_a_numbered_table_is_doubtful():
    body = [RECS[0], RECS[1], ("", *RECS[2][1:]), ("4", *RECS[0][1:4], "July 2025"), ("5", *RECS[1][1:])]
    codes = codes_of(doc_of(CLEAR, body))
    assert "no_id" in codes[2]
    assert not any("no_id" in c for i, c in enumerate(codes) if i != 2)


def test_prose_in_the_timescale_is_doubtful():
    body = [RECS[0], (*RECS[1][:4], "June 2025\nThe Council should set up a volunteer scheme for"), RECS[2]]
    codes = codes_of(doc_of(CLEAR, body))
    assert "prose_time" in codes[1]
    assert not codes[0] & {"prose_time"}


def test_a_field_without_a_column_while_an_unassigned_column_fits_it():
    doc = doc_of(CLEAR, RECS)
    table = tracking_tables(doc)[0]
    columns = {k: v for k, v in table.header.columns.items() if k != "responsible"}
    unassigned = replace(table, header=replace(table.header, columns=columns, extra=((3, "Responsible officer"),)))
    checks = assess_table(doc, unassigned, recommendations(unassigned))
    assert all("missing_col" in {e.code for e in c.evidence} for c in checks)
    labels = (*table.header.labels[:3], "Meeting date", table.header.labels[4])  # labelled as something else
    other = replace(table, header=replace(table.header, columns=columns, labels=labels))
    checks = assess_table(doc, other, recommendations(other))
    assert not any("missing_col" in {e.code for e in c.evidence} for c in checks)


def test_a_row_marked_as_a_header_read_as_a_recommendation_is_doubtful():
    doc = doc_of(CLEAR, RECS)
    table = tracking_tables(doc)[0]
    marked = replace(table, rows=[replace(table.rows[0], is_header=True), *table.rows[1:]])
    codes = [{e.code for e in c.evidence} for c in assess_table(doc, marked, recommendations(marked))]
    assert "header_row" in codes[0]
    assert not any("header_row" in c for c in codes[1:])


def test_text_between_two_parts_of_a_table_doubts_the_row_before_it():
    header = Row(cells=tuple(Cell(text=t, page=1) for t in CLEAR), page=1)
    first = Row(cells=tuple(Cell(text=t, page=1) for t in RECS[0]), page=1)
    second = Row(cells=tuple(Cell(text=t, page=1) for t in RECS[1]), page=1)
    third = Row(cells=tuple(Cell(text=t, page=2) for t in RECS[2]), page=2)
    tables = [Table(rows=(header, first, second), order=0, page=1), Table(rows=(third,), order=2, page=2)]
    plain = Document(path="invented.pdf", format="pdf", tables=tables, pages=2)
    assert not any("orphan" in c for c in codes_of(plain))
    orphan = Paragraph(text="which will be reviewed in June.", order=1, page=2)
    running = [Paragraph(text="Appendix A", order=o, page=p) for o, p in ((-1, 1), (1, 2))]
    doc = Document(path="invented.pdf", format="pdf", tables=tables, pages=2, paragraphs=[orphan])
    codes = codes_of(doc)
    assert "orphan" in codes[1]
    assert "orphan" not in codes[0] | codes[2]
    assert not any("orphan" in c for c in codes_of(replace(doc, paragraphs=running)))  # a running head


def test_two_labels_read_as_one_in_a_label_value_table():
    doc = doc_of(CLEAR, RECS)
    table = tracking_tables(doc)[0]
    labels = (*table.header.labels[:2], "Progress update\nResponsible person", *table.header.labels[3:])
    blocks = replace(table, key_value=True, header=replace(table.header, labels=labels))
    checks = assess_table(doc, blocks, recommendations(blocks))
    assert all("two_labels" in {e.code for e in c.evidence} for c in checks)
    grid = replace(table, header=replace(table.header, labels=labels))  # a label over two header rows: usual
    checks = assess_table(doc, grid, recommendations(grid))
    assert not any("two_labels" in {e.code for e in c.evidence} for c in checks)
