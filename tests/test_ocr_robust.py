"""Image pages that OCR cannot pay for or cannot take whole: photos are skipped before OCR, a page of many cells
is read in several Tesseract runs, and a page on which Tesseract fails costs only that page."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from conftest import make_pdf
from extract import extract_file
from extract.cli import main
from extract.model import Document
from extract.readers import ocr, read
from extract.readers.convert import _last_line
from extract.readers.ocr import tesseract, triage
from extract.readers.ocr.notes import _FAILED, _NO_TEXT, _note

TESSERACT = ocr.find_tesseract()
needs_tesseract = pytest.mark.skipif(TESSERACT is None, reason="Tesseract is not installed: run `make setup`")
A4_300 = (2480, 3508)  # A4 at 300 dpi, in pixels


def image_pdf(path: Path, images: list[Image.Image], dpi: int = 300) -> Path:
    """An image-only PDF: one page per image, no text layer."""
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def photo(size: tuple[int, int] = A4_300, seed: int = 1) -> Image.Image:
    """A photo-like picture: a colour gradient, soft blobs of light and shade, and sensor noise; no text."""
    width, height = size
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    blobs = Image.fromarray(rng.normal(0, 1, (height // 60 + 2, width // 60 + 2)).astype(np.float32))
    shade = np.asarray(blobs.resize(size, Image.Resampling.BICUBIC))
    base = 70 + 90 * x / width + 60 * np.sin(3.0 * y / height) ** 2 + 45 * shade
    channels = [base + rng.normal(0, 16, base.shape) + offset for offset in (0, -25, 30)]
    return Image.merge("RGB", [Image.fromarray(np.clip(c, 0, 255).astype(np.uint8)) for c in channels])


def scanned(source: Path, dpi: int = 300) -> list[Image.Image]:
    """The pages of a PDF rendered as a scanner would give them (greyscale images)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


# -- photos: skipped before OCR ----------------------------------------------------------------------------


def test_photo_page_is_skipped_with_a_note_and_no_ocr(tmp_path, monkeypatch):
    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract was run on a photo")

    monkeypatch.setattr(tesseract, "_ocr", no_tesseract)
    path = image_pdf(tmp_path / "photo.pdf", [photo()])
    result = extract_file(path)
    assert not result.failed, result.issues
    assert result.rows == []
    assert result.pages == 1
    skipped = [(i.level, i.reason) for i in result.issues if i.reason.startswith(_NO_TEXT)]
    assert skipped == [("note", _NO_TEXT + "page 1")]  # not a problem: a note, not a warning
    assert not [i for i in result.issues if i.level == "warning"]
    err = io.StringIO()
    main(["extract", str(path), "-o", str(tmp_path / "rows.jsonl"), "-j", "1", "--no-cache"], stderr=err)
    assert f"note: {path}: {_NO_TEXT}page 1" in err.getvalue().splitlines()
    assert "warning:" not in err.getvalue()
    assert not any("read by OCR" in i.reason or "word confidence" in i.reason for i in result.issues)


def test_photo_needs_no_tesseract(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "find_tesseract", lambda: None)
    doc = read(image_pdf(tmp_path / "photo.pdf", [photo(seed=2)]))
    assert doc.notes == [_NO_TEXT + "page 1"]
    assert doc.warnings == []
    assert not doc.tables
    assert not doc.paragraphs


def test_quick_look_tells_text_from_texture():
    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=20)
    for line in range(12):
        draw.text((120, 150 + 40 * line), "The council reviews the charges for bulky waste", font=font, fill=0)
    seen = triage.look_image(np.asarray(page), 150)
    assert seen.has_text
    assert seen.lines >= 10
    texture = np.asarray(photo((1240, 1754), seed=3).convert("L"))
    assert not triage.look_image(texture, 150).has_text
    assert not triage.look_image(np.full((1754, 1240), 250, np.uint8), 150).has_text  # a blank page


def test_large_type_is_read_at_a_lower_resolution():
    assert triage.text_dpi(5.8) is None  # body text: the default 300 dpi
    assert triage.text_dpi(23.0) == pytest.approx(94, abs=1)  # a 300-dpi scan stored as 72 dpi
    assert triage.text_dpi(500.0) == triage.MIN_OCR_DPI
    seen = triage.Look(lines=20, height_pt=23.0, dpi=triage.text_dpi(23.0))
    assert seen.per_inch(94.0) == pytest.approx(94 * 23.0 / triage.BODY_HEIGHT)
    assert triage.Look(lines=20, height_pt=5.8).per_inch(300.0) == 300.0


# -- a page of many cells: several Tesseract runs -----------------------------------------------------------

HEADER = ("No", "Recommendation", "Lead Officer", "Timescale", "Progress", "Status", "Comments")
OFFICERS = ("Jo Bloggs", "Sam Smith", "Ann Other", "Raj Patel", "Lee Chan")
MONTHS = ("March 2024", "April 2024", "June 2024", "July 2024", "May 2025")
TOPICS = ("street lighting", "bus shelters", "library hours", "park benches", "recycling bins", "cycle lanes")


def tracker_rows(count: int = 31) -> list[tuple[str, ...]]:
    return [
        (
            str(n),
            f"Review the {TOPICS[n % len(TOPICS)]} budget",
            OFFICERS[n % len(OFFICERS)],
            MONTHS[n % len(MONTHS)],
            f"Survey of {TOPICS[n % len(TOPICS)]} begun",
            ("Open", "Closed", "Ongoing")[n % 3],
            "None",
        )
        for n in range(1, count + 1)
    ]


def tracker_pdf(path: Path) -> Path:
    """A one-page ruled tracker of 7 columns and 31 rows (reportlab, with a text layer)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    style.fontSize, style.leading = 7.5, 9
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20, rightMargin=20, topMargin=20, bottomMargin=20)
    data = [[Paragraph(text, style) for text in row] for row in [HEADER, *tracker_rows()]]
    table = Table(data, colWidths=[22, 140, 60, 58, 130, 50, 75])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    doc.build(
        [Paragraph("Transport Scrutiny Committee", style), Paragraph("Tracking of recommendations", style), table]
    )
    return path


@needs_tesseract
def test_scanned_tracker_of_7_columns_and_31_rows(tmp_path, monkeypatch):
    pages = scanned(tracker_pdf(tmp_path / "tracker.pdf"))
    assert len(pages) == 1
    path = image_pdf(tmp_path / "scanned-tracker.pdf", pages)
    heights: list[int] = []
    real_ocr = tesseract._ocr

    def counted(binary, gray, dpi, deadline=None):
        heights.append(gray.shape[0])
        return real_ocr(binary, gray, dpi, deadline)

    monkeypatch.setattr(tesseract, "_ocr", counted)
    result = extract_file(path)
    assert not result.failed, result.issues
    assert [r.rec_id for r in result.rows] == [str(n) for n in range(1, 32)]
    expected = tracker_rows()
    for row, want in zip(result.rows, expected, strict=True):
        assert row.recommendation == want[1]
        assert row.responsible == want[2]
        assert row.timescale == want[3]
    # the page and its 7 x 32 cells stack higher than Tesseract takes in one image: several runs, each small
    assert len(heights) > 1
    assert max(heights) <= tesseract.MAX_STACK
    assert sum(heights) > 32_767


def test_stacks_are_split_and_words_go_back_to_their_regions(monkeypatch):
    """Tall regions in several runs, none over MAX_STACK; each word comes back to its own region."""
    regions = [np.zeros((h, 40 + i), np.uint8) for i, h in enumerate([3000, 5000, 9000, 7000, 400, 15_000, 60])]
    heights: list[int] = []

    def fake_ocr(binary, gray, dpi, deadline=None):  # one "word" per dark block, as Tesseract would box it
        heights.append(gray.shape[0])
        dark = (gray < 128).any(axis=1)
        edges = np.flatnonzero(np.diff(np.concatenate([[0], dark.astype(np.int8), [0]])))
        return [
            {"text": "x", "left": 10, "top": int(top), "width": 5, "height": int(bottom - top), "conf": 90.0, "line": 1}
            for top, bottom in zip(edges[::2], edges[1::2], strict=True)
        ]

    monkeypatch.setattr(tesseract, "_ocr", fake_ocr)
    words = tesseract._ocr_stacks("tesseract", regions, 300, deadline=0)
    assert len(heights) > 1
    assert max(heights) <= tesseract.MAX_STACK
    assert [[(w["top"], w["height"]) for w in ws] for ws in words] == [[(0, r.shape[0])] for r in regions]


# -- a page on which Tesseract fails ----------------------------------------------------------------------


@needs_tesseract
def test_failed_ocr_page_is_a_warning_and_other_pages_are_kept(tmp_path, monkeypatch):
    first = scanned(make_pdf(tmp_path / "first.pdf"))
    second = scanned(make_pdf(tmp_path / "second.pdf"))
    path = image_pdf(tmp_path / "two-pages.pdf", first + second)
    page_of_render: list[int] = []
    real_render, real_ocr = ocr._render, tesseract._ocr

    def render(page, *args, **kwargs):
        page_of_render.append(page.page_number)
        return real_render(page, *args, **kwargs)

    def fails_on_page_1(binary, gray, dpi, deadline=None):
        if page_of_render[-1] == 1:  # Tesseract refuses an image over 32,767 pixels high
            gray = np.full((33_000, 64), 255, np.uint8)
        return real_ocr(binary, gray, dpi, deadline)

    monkeypatch.setattr(ocr, "_render", render)
    monkeypatch.setattr(tesseract, "_ocr", fails_on_page_1)
    result = extract_file(path)
    assert not result.failed, result.issues
    assert result.pages == 2
    assert [r.rec_id for r in result.rows] == ["1", "2"]
    assert {(r.page_first, r.page_last) for r in result.rows} == {(2, 2)}
    warnings = [i.reason for i in result.issues if i.level == "warning"]
    assert _FAILED + "page 1; Tesseract could not read a scanned page (Error during processing.)" in warnings
    assert any(w.startswith("read by OCR (no text layer): page 2;") for w in warnings)


def test_failed_pages_share_one_warning_with_the_first_reason():
    doc = Document(path="x.pdf", format="pdf")
    _note(doc, _FAILED, 2, reason="Tesseract took over 120 s on a scanned page")
    _note(doc, _FAILED, 5, reason="Tesseract could not read a scanned page (Error during processing.)")
    _note(doc, _NO_TEXT, 3)
    _note(doc, _NO_TEXT, 4)
    assert doc.warnings == [_FAILED + "pages 2, 5; Tesseract took over 120 s on a scanned page"]
    assert doc.notes == [_NO_TEXT + "pages 3-4"]  # a page with no text in its image is a note


def test_converter_messages_are_cut_between_words():
    line = "Error: source file could not be loaded because " + "the converter gave up on it " * 8
    reason = _last_line(f"javaldx: ignored\n{line}\n")
    assert len(reason) <= 160
    assert reason.endswith("…")
    assert line.startswith(reason[:-1])
    assert line[len(reason) - 1] == " "  # the cut falls between two words
