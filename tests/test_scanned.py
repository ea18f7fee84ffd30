"""Scanned (image-only) PDFs: OCR'd when Tesseract is there, a clear error when it is not."""

from __future__ import annotations

import shutil

import pytest

from conftest import SAMPLES, sample_result
from extract import extract_file
from extract.readers import ocr

SCAN = SAMPLES / "scanned-lighting-update.pdf"


def test_missing_tesseract_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(ocr, "find_tesseract", lambda: None)
    result = extract_file(SCAN)
    assert result.failed
    assert "Tesseract is needed" in result.error
    assert "make setup" in result.error


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (make setup installs it)")
def test_scanned_rows_are_marked_ocr_with_confidence(extracted_samples):
    result = sample_result(extracted_samples, SCAN.name)
    assert [r.rec_id for r in result.rows] == ["1", "2", "3"]
    assert all(r.ocr and 0.5 < r.ocr_confidence <= 1 for r in result.rows)
    assert any(i.level == "warning" and "OCR" in i.reason for i in result.issues)


def test_text_pdfs_are_not_ocr(paper_pdf):
    assert not any(r.ocr for r in extract_file(paper_pdf).rows)
