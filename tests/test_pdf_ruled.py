"""Ruled PDF tables: rows a page break leaves open (no rule across the top of the next page)."""

from __future__ import annotations

from extract import extract_file


def _grid(c, x: tuple[float, ...], top: float, rows: list[tuple[float, list[str]]], *, open_top: bool) -> None:
    """Draw rows (height, cell lines) from ``top`` down, with column rules; the first rule is left out when
    ``open_top`` (the row goes on from the page before)."""
    y = top
    if not open_top:
        c.line(x[0], y, x[-1], y)
    for height, cells in rows:
        for left, text in zip(x, cells, strict=False):
            for n, line in enumerate(text.split("\n")):
                c.drawString(left + 4, y - 12 - 11 * n, line)
        for edge in x:
            c.line(edge, y, edge, y - height)
        y -= height
        c.line(x[0], y, x[-1], y)


def test_row_cut_by_the_page_break_without_a_rule_above_it_on_the_next_page(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "open.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    x = (50.0, 200.0, 540.0)
    c.drawString(50, 800, "Appendix: progress on recommendations")
    for start, number in ((780.0, "1"), (620.0, "2")):
        _grid(
            c,
            x,
            start,
            [
                (20, ["Recommendation", f"Recommendation {number}: the parks team plants more trees."]),
                (20, ["Lead officer", "Parks Manager"]),
                (20, ["Target date", "May 2026"]),
            ],
            open_top=False,
        )
    _grid(
        c,
        x,
        460,
        [
            (20, ["Recommendation", "Recommendation 3: the depot is moved to the"]),
            (400, ["Progress", "A site has been chosen.\nPlanning permission was granted"]),
        ],
        open_top=False,
    )
    c.showPage()
    c.setFont("Helvetica", 9)
    _grid(
        c,
        x,
        800,
        [
            (40, ["", "in March and the move is planned\nfor the summer."]),
            (20, ["Lead officer", "Depot Manager"]),
            (20, ["Target date", "August 2026"]),
        ],
        open_top=True,
    )
    c.showPage()
    c.save()
    rows = extract_file(path).rows
    assert [(r.rec_id, r.responsible, r.timescale) for r in rows][-1] == ("3", "Depot Manager", "August 2026")
    assert " ".join(rows[-1].progress.split()).endswith("granted in March and the move is planned for the summer.")
