"""Scanned (image-only) PDF pages: ruling lines found in the image, text read with Tesseract."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from conftest import FRONT, make_pdf
from extract import extract_file
from extract.pipeline import extract_document
from extract.readers import ocr, read
from extract.readers.pdf_reader import read_pdf

TESSERACT = ocr.find_tesseract()
needs_tesseract = pytest.mark.skipif(TESSERACT is None, reason="Tesseract is not installed: run `make setup`")

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
DPI = 200


def scan(source: Path, target: Path, *, skew: float = 0.0, noise: float = 0.0, pages_after: int = 0) -> Path:
    """An image-only copy of ``source``, as a scanner would make it; ``pages_after`` blank pages follow."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    images = []
    for page in pdf:
        image = page.render(scale=DPI / 72).to_pil().convert("L")
        if skew:
            image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
        if noise:
            pixels = np.asarray(image.filter(ImageFilter.GaussianBlur(0.6))).astype(float)
            pixels = 25 + 0.85 * pixels + np.random.default_rng(1).normal(0, noise, pixels.shape)
            image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        images.append(image)
    pdf.close()
    images += [Image.new("L", images[0].size, 255) for _ in range(pages_after)]
    images[0].save(target, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return target


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    return scan(make_pdf(folder / "paper.pdf"), folder / "scanned.pdf")


@pytest.fixture(scope="module")
def scanned_doc(scanned):
    """The scanned paper read once (OCR is the slow part) for the tests that look inside."""
    return read(scanned)


def assert_rows_match(rows) -> None:
    assert [r.rec_id for r in rows] == [e["rec_id"] for e in EXPECTED]
    for row, expected in zip(rows, EXPECTED, strict=True):
        for name, want in expected.items():
            got = getattr(row, name)
            ratio = difflib.SequenceMatcher(None, got, want).ratio()
            assert ratio >= 0.9, f"{row.rec_id}.{name}: {got!r} vs {want!r} ({ratio:.2f})"


@needs_tesseract
def test_scanned_paper_gives_the_rows(scanned):
    result = extract_file(scanned)
    assert not result.failed, result.issues
    assert result.format == "pdf"
    assert result.pages == 1
    assert_rows_match(result.rows)
    first = result.rows[0]
    assert (first.committee, first.meeting_date) == (FRONT[0], "2024-01-12")
    assert difflib.SequenceMatcher(None, first.title, FRONT[2]).ratio() >= 0.9
    assert [(r.page_first, r.page_last) for r in result.rows] == [(1, 1), (1, 1)]
    [note] = [i for i in result.issues if i.level == "warning"]
    assert note.reason.startswith("read by OCR (no text layer): page 1; mean word confidence")


@needs_tesseract
def test_cells_carry_the_ocr_flag_and_confidence(scanned_doc):
    [table] = scanned_doc.tables
    assert len(table.rows) == 4
    assert table.n_cols == 4
    cells = [c for row in table.rows for c in row.cells]
    assert all(c.ocr for c in cells)
    scored = [c.ocr_confidence for c in cells if c.text]
    assert scored
    assert all(0.5 < s <= 1.0 for s in scored)
    assert all(c.ocr_confidence is None for c in cells if not c.text)
    x0, top, x1, bottom = table.bbox  # PDF points, as for a text layer (A4 is 595 x 842)
    assert 0 < x0 < x1 <= 595
    assert 0 < top < bottom <= 842
    rows, _ = extract_document(scanned_doc)
    assert all(r.ocr and 0.5 < r.ocr_confidence <= 1.0 for r in rows)


@needs_tesseract
def test_skewed_noisy_scan(tmp_path):
    source = make_pdf(tmp_path / "paper.pdf")
    result = extract_file(scan(source, tmp_path / "skewed.pdf", skew=0.8, noise=6))
    assert not result.failed, result.issues
    assert_rows_match(result.rows)


@needs_tesseract
def test_long_paper_reads_only_pages_with_tables(tmp_path):
    source = make_pdf(tmp_path / "paper.pdf")
    path = scan(source, tmp_path / "pack.pdf", pages_after=2)
    doc = read_pdf(path, fast=True)  # the agenda-pack path: later pages are OCR'd only when they hold a table
    assert len(doc.tables) == 1
    assert any(w.startswith("no text layer and no ruled table, not read (long paper): pages 2-3") for w in doc.warnings)
    assert any(w.startswith("read by OCR (no text layer): page 1;") for w in doc.warnings)


def test_missing_tesseract_is_an_error_only_when_a_page_needs_it(tmp_path, paper_pdf, monkeypatch):
    scanned = scan(make_pdf(tmp_path / "paper.pdf"), tmp_path / "scanned.pdf")
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    result = extract_file(scanned)
    assert result.failed
    assert result.error == (
        "Tesseract is needed to read scanned pages: install it with `apt-get install tesseract-ocr` or run `make setup`"
    )
    text_layer = extract_file(paper_pdf)
    assert not text_layer.failed
    assert len(text_layer.rows) == 2


def test_text_pages_do_not_need_ocr(paper_pdf):
    import pdfplumber

    with pdfplumber.open(paper_pdf) as pdf:
        assert not ocr.needs_ocr(pdf.pages[0])


# -- the image side, on drawn pages (no Tesseract needed) -------------------------------------------------


def ruled_page(angle: float = 0.0) -> np.ndarray:
    """A 300-dpi page with a 3 x 3 ruled table, an underlined heading and a bold-ish word's feet."""
    image = Image.new("L", (2400, 3300), 255)
    draw = ImageDraw.Draw(image)
    for y in (600, 900, 1200, 1500):
        draw.line([(300, y), (2100, y)], fill=0, width=3)
    for x in (300, 900, 1500, 2100):
        draw.line([(x, 600), (x, 1500)], fill=0, width=3)
    draw.line([(300, 400), (1000, 400)], fill=0, width=3)  # an underline: meets no other line
    draw.rectangle([(1500, 1200), (2100, 1500)], fill=90)  # a shaded cell
    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return np.asarray(image).copy()


def positions(lines) -> list[int]:
    """Line positions, a filled cell's edge counted with the rule it runs along (pdfplumber snaps them)."""
    out: list[int] = []
    for position in sorted(round(ln[0]) for ln in lines):
        if not out or position - out[-1] > 8:
            out.append(position)
    return out


def test_rulings_found_and_free_lines_dropped():
    gray = ruled_page()
    h, v, mask = ocr._rulings(gray <= ocr.threshold(gray), 300)
    assert positions(h) == pytest.approx([600, 900, 1200, 1500], abs=5)
    assert positions(v) == pytest.approx([300, 900, 1500, 2100], abs=5)
    assert all(x0 <= 302 and x1 >= 2098 for y, x0, x1 in h if y % 300 == 0)
    assert mask[600, 1000]
    assert not mask[400, 600]


def test_skew_is_measured_and_straightened():
    gray = ruled_page(angle=1.2)
    assert ocr.skew(gray) == pytest.approx(1.2, abs=0.03)
    straight = ocr._straighten(gray)
    h, v, _ = ocr._rulings(straight <= ocr.threshold(straight), 300)
    assert len(positions(h)) == 4
    assert len(positions(v)) == 4


def test_text_fixes():
    assert ocr._number_cell("la") == "1a"
    assert ocr._number_cell("l0") == "10"
    assert ocr._number_cell("Ian") == "Ian"
    assert ocr._format_pages([5, 1, 2, 3]) == "1-3, 5"
    assert ocr._parse_pages("1-3, 5") == [1, 2, 3, 5]
    word = {"top": 100.0, "bottom": 104.0}  # a small mark floating above the baseline at 110
    assert ocr._bullet("e", word, 110.0, 10.0) == "\u2022"
    assert ocr._bullet("e", {"top": 105.0, "bottom": 110.0}, 110.0, 10.0) == "e"  # the letter sits on the line
    assert ocr._bullet("*a", word, 110.0, 10.0) == "\u2022 a"
