"""The pre-scan of long PDFs: which pages' text may hold a tracking table's header."""

from __future__ import annotations

import pytest

from extract.readers.pdf_scan import _heads_ruled_table


@pytest.mark.parametrize(
    "lines",
    [
        ["No.", "Recommendation", "Progress", "Lead officer", "Target date"],
        # a recommendation label no vocabulary knows, broken over lines by narrow columns
        ["Ref What the panel", "wanted", "Progress update Lead", "officer", "Target date RAG"],
        ["Item Issue raised Position at 01/04/2026 Accountable officer Deadline"],
    ],
)
def test_a_header_of_labels_is_seen_in_the_page_text(lines):
    assert _heads_ruled_table([*lines, "1 The library opens on Sundays. Sunday opening began in May."])


@pytest.mark.parametrize(
    "lines",
    [
        ["Service Budget £000 Forecast £000 Variance £000 Comments"],
        ["The officer responsible will report progress on the target date and the status of the work."],
        ["Meeting date Item Purpose", "April 2026 Budget Scrutiny"],
    ],
)
def test_prose_and_tables_of_other_kinds_are_no_header(lines):
    assert not _heads_ruled_table(lines)


def test_a_table_of_indicators_is_no_header():
    # targets, ratings and comments, but no owner: a performance table
    assert not _heads_ruled_table(["Indicator Target Actual RAG Comments", "Visits 1,200 1,150 Amber On course"])


def _paper_with_unknown_labels(path):
    """Fourteen pages of prose; on page 3 a ruled tracking table whose labels no vocabulary knows whole."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    width, height = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)
    labels = ("No.", "What the review asked for", "Progress so far", "Lead officer", "Target date")
    rows = [
        (
            str(i),
            f"The council should open library {i} on Sundays.",
            f"Library {i} has opened on Sundays since May.",
            "Ann Lee",
            "2026",
        )
        for i in range(1, 4)
    ]
    edges = (40, 80, 300, 520, 640, 760)
    for page in range(1, 15):
        c.setFont("Helvetica", 10)
        c.drawString(40, height - 40, f"Culture Scrutiny Panel, page {page}: the panel met and heard from officers.")
        if page == 3:
            top = height - 80
            for r, cells in enumerate([labels, *rows]):
                y = top - 24 * r
                for x, text in zip(edges, cells, strict=False):
                    c.drawString(x + 3, y - 15, text)
                c.line(edges[0], y, edges[-1], y)
            bottom = top - 24 * (len(rows) + 1)
            c.line(edges[0], bottom, edges[-1], bottom)
            for x in edges:
                c.line(x, top, x, bottom)
        c.showPage()
    c.save()
    return path


def test_a_short_paper_whose_header_the_pre_scan_misses_is_read_whole(tmp_path):
    from extract import extract_file
    from extract.readers.pdf_reader import FAST_PATH_MIN_PAGES, FULL_READ_MAX_PAGES
    from extract.readers.pdf_scan import scan_pages

    path = _paper_with_unknown_labels(tmp_path / "unknown-labels.pdf")
    plan = scan_pages(path)
    assert plan is not None
    assert not plan.candidate[3]  # the labels are not known well enough to pick the page
    assert FAST_PATH_MIN_PAGES < 14 <= FULL_READ_MAX_PAGES
    rows = extract_file(path).rows
    assert [(r.rec_id, r.responsible, r.timescale) for r in rows] == [(str(i), "Ann Lee", "2026") for i in (1, 2, 3)]


def test_the_first_labels_of_a_label_value_table_cut_at_the_page_foot_leave_the_next_page_to_decide():
    from extract.model import Cell, Row, Table
    from extract.readers.pdf_scan import runs_on

    def table(*pairs: tuple[str, str]) -> Table:
        return Table(rows=tuple(Row(cells=(Cell(text=a), Cell(text=b))) for a, b in pairs), order=0)

    cut = table(("Status update", "A lead officer has been appointed and will report to the committee in May."))
    assert runs_on([cut], False)
    # a two-column table of another kind (names and telephone numbers) closes the way
    assert not runs_on([table(("Contact", "Ann Lee"), ("Telephone", "01234 567890"))], False)


def test_pages_opening_with_the_same_broken_labels_as_the_next_are_candidates():
    # "Proposal from the" / "review", "Respons" / "ible": too broken to read whole, but printed again at the top
    # of every page of the table; a running head repeated the same way names no columns
    from extract.readers.pdf_scan import PagePlan, _repeated_headers

    header = [
        "Proposal from the",
        "review",
        "Evide",
        "nce",
        "Narrative Respons",
        "ible",
        "Head of",
        "Service",
        "Target",
    ]
    running = ["Cabinet 12 May 2026", "Agenda item 7"]
    plan = PagePlan(
        ruled=dict.fromkeys(range(1, 6), True),
        candidate=dict.fromkeys(range(1, 6), False),
        text={
            1: [*running, "Budget monitoring report"],
            2: [*running, "Service Budget Forecast"],
            3: [*header, "Trees are planted. Begun in May."],
            4: [*header, "Lights are mended. Done."],
            5: ["Background papers: none."],
        },
    )
    _repeated_headers(plan)
    assert [n for n, wanted in plan.candidate.items() if wanted] == [3, 4]
