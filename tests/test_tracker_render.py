"""The tracker as it prints: LibreOffice renders the demo tracker (every sample) to PDF, and the Recommendations
sheet comes out landscape, one page wide (no pages of spilled columns), with the header on every page and
about as many pages as its rows need."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extract.writers import write

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot render the tracker to PDF"
)
FIRST_SCREEN = ("Ref", "Recommendation", "Progress", "Responsible", "Timescale", "Due date", "Status")


def _calc_available() -> bool:
    """LibreOffice may be installed with Writer only: then it cannot open a spreadsheet."""
    office = Path(SOFFICE or "").resolve()
    program = office.parent
    return not (program / "soffice.bin").exists() or any(program.glob("libsclo.*"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, extracted_samples) -> tuple[Path, Path]:
    """The demo tracker (every sample) and its PDF, rendered by LibreOffice."""
    if not _calc_available():
        pytest.skip("LibreOffice Calc is not installed (Writer only): cannot render the tracker")
    folder = tmp_path_factory.mktemp("render")
    tracker = folder / "tracker.xlsx"
    write(list(extracted_samples), tracker, command="rectrack extract samples -o tracker.xlsx")
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(tracker),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = folder / "tracker.pdf"
    assert pdf.exists(), result.stderr or result.stdout
    return tracker, pdf


def _pages(pdf: Path) -> list[tuple[float, float, str]]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [(page.width, page.height, page.extract_text() or "") for page in document.pages]


def test_recommendations_print_one_page_wide_with_the_header_on_every_page(rendered):
    tracker, pdf = rendered
    pages = _pages(pdf)
    sheet_pages = [p for p in pages if "Recommendations: page" in p[2]]  # the footer names the sheet
    assert sheet_pages, [p[2][-60:] for p in pages]
    for width, height, text in sheet_pages:
        assert width > height  # landscape
        header = text.splitlines()[0]
        for name in FIRST_SCREEN:  # every page starts with the whole header: no page of spilled columns
            assert name in header, (name, header)
    first = sheet_pages[0][2]
    assert "Recommendation" in first.splitlines()[0]
    assert "Status" in first.splitlines()[0]

    # pages ≈ rows / rows per page: the rows' printed height (their fitted heights, scaled to fit the width)
    # over the page's printable height, with room for rows pushed to the next page whole
    ws = load_workbook(tracker)["Recommendations"]
    rows = [ws.row_dimensions[r].height or 12.75 for r in range(2, ws.max_row + 1)]
    widths = [ws.column_dimensions[c.column_letter].width or 13 for c in ws[1][: len(FIRST_SCREEN) + 2]]
    printable_w = (sheet_pages[0][0] / 72 - 0.8) * 72  # A4 landscape less 0.4 in margins either side
    scale = min(1.0, printable_w / (sum(widths) * 7 * 0.75 + 20))  # width units ≈ 7 px ≈ 5.25 pt
    printable_h = (sheet_pages[0][1] / 72 - 1.2 - 0.3) * 72 - (ws.row_dimensions[1].height or 30)
    expected = sum(rows) * scale / printable_h
    assert len(sheet_pages) <= math.ceil(expected * 1.5) + 1, (len(sheet_pages), expected)
    assert len(sheet_pages) >= math.floor(expected * 0.5), (len(sheet_pages), expected)


def test_every_visible_sheet_prints_landscape_and_no_wider_than_its_page(rendered):
    _, pdf = rendered
    pages = _pages(pdf)
    names = {text.splitlines()[-1].split(":")[0] for _, _, text in pages if ": page " in text}
    assert {"Recommendations", "History", "Summary", "Sources", "About"} <= names
    assert all(width > height for width, height, _ in pages)
    # one page wide: a sheet's pages all start with its header (a column spill page would start elsewhere)
    for name in ("History", "Sources"):
        texts = [t for _, _, t in pages if t.splitlines()[-1].startswith(f"{name}: page")]
        heads = {t.splitlines()[0] for t in texts}
        assert len(heads) == 1, (name, heads)
