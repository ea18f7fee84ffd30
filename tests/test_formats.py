"""Every reader, end to end on the same small paper: the same rows whatever the format."""

from __future__ import annotations

import pytest

from extract import extract_file

EXPECTED = [
    {
        "rec_id": "1",
        "recommendation": "Members receive an annual report on fly-tipping.",
        "progress": "Report scheduled for March.",
        "responsible": "Jo Bloggs",
        "timescale": "March 2024",
    },
    {
        "rec_id": "2",
        "recommendation": "The council reviews bulky waste charges.",
        "progress": "Charges reviewed.\nNew charges from April.\nA consultation closed in May.",
        "responsible": "Sam Smith; Ann Other",
        "timescale": "April 2024",
    },
]


@pytest.mark.parametrize("fixture", ["paper_txt", "paper_docx", "paper_pdf"])
def test_same_rows_from_every_format(fixture, request):
    path = request.getfixturevalue(fixture)
    result = extract_file(path)
    assert not result.failed, result.issues
    got = [{k: r.to_dict()[k] for k in EXPECTED[0]} for r in result.rows]
    assert got == EXPECTED
    first = result.rows[0]
    assert first.committee == "Environment Scrutiny Committee"
    assert first.meeting_date == "2024-01-12"
    assert first.title == "Fly-tipping Review: Progress on Recommendations"
    assert first.report_of == "Jane Doe, Head of Environment"
    assert first.table_index == 0


def test_pdf_rows_carry_pages(paper_pdf):
    rows = extract_file(paper_pdf).rows
    assert [(r.page_first, r.page_last) for r in rows] == [(1, 1), (1, 1)]
    assert rows[0].format == "pdf"


@pytest.mark.parametrize("repeat_header", [True, False])
def test_borderless_pdf_table(tmp_path, repeat_header):
    from conftest import ROWS, make_pdf

    filler = [
        (f"{n}) Recommendation number {n} about street cleaning.", f"Progress on item {n}.", f"Officer {n}", "May 2025")
        for n in range(3, 40)
    ]
    path = make_pdf(tmp_path / "borderless.pdf", grid=False, rows=ROWS + filler, repeat_header=repeat_header)
    result = extract_file(path)
    got = [{k: r.to_dict()[k] for k in EXPECTED[0]} for r in result.rows]
    assert got[:2] == EXPECTED
    assert [r.rec_id for r in result.rows] == [str(n) for n in range(1, 40)]
    assert result.rows[-1].page_last >= 2
    assert result.rows[-1].responsible == "Officer 39"


def test_table_with_row_rules_only(tmp_path):
    from conftest import make_pdf

    result = extract_file(make_pdf(tmp_path / "rules.pdf", grid="rows"))
    assert [{k: r.to_dict()[k] for k in EXPECTED[0]} for r in result.rows] == EXPECTED
