"""Scanned PDF pages (no text layer, an image over most of the page), read with Tesseract OCR.

A page needs OCR when it has no characters and images cover much of it (``needs_ocr``).
``read_scanned_page`` then adds the page's paragraphs and tables to the Document just as
the text-layer reader does, so the later stages see no difference:

0. **A quick look.** The page is rendered small and its dark marks grouped: a page without
   lines of text (a photo, a drawing, a blank page) is not OCR'd and gets a note (``triage``).
   The marks' usual height gives the resolution the text needs: 300 dpi for ordinary type,
   less for large type (a scan stored as 72 dpi, whose page is four times its paper's size).
1. **Image.** The page is rendered at that resolution with pypdfium2, straightened (the skew
   whose row profile of dark pixels is sharpest) and evened out (uneven lighting scaled
   away).
2. **Ruling lines.** Long horizontal and vertical runs of dark pixels, grouped into
   lines; a filled band (a shaded cell) gives its two edges; a line must meet lines of
   the other direction at both ends, as the rules of a ruled table do (this drops
   underlines and the feet of bold words). The lines go, in PDF points, to pdfplumber's
   table finder as explicit lines, so cells and merged cells come out as they do for a
   PDF with a text layer.
3. **OCR.** Rules and specks are erased and the contrast stretched; then Tesseract
   (``--psm 6``, TSV output: a box and a confidence per word) reads stacks of regions: the
   page with its tables blanked, then every cell on its own, so that lines in neighbouring
   cells are never read as one. A stack is kept well under the image height Tesseract
   accepts, so a page of many cells takes a few runs. Lines that start with a bullet are
   read a second time without it (Tesseract runs the following words together otherwise).
4. **Text.** Each word gets the box a text layer would give it (from the line's baseline
   and font size) and the PDF reader's ``cell_text`` rebuilds each cell's paragraphs and
   bullets; words outside tables become paragraphs.

Every Cell of an OCR'd table has ``ocr=True`` and ``ocr_confidence``: the mean Tesseract
word confidence of its words on a **0–1 scale** (Tesseract's 0–100 divided by 100), or
None for an empty cell. Boxes are in PDF points; on a straightened page they may be off
by up to about 1 pt per degree of skew per 60 pt from the page centre. The Document gets
one warning naming the OCR'd pages and their mean word confidence (0–100), and one per
kind of page not read: pages without text (``NOTES``: a note, in ``Document.notes``), pages of a
long paper without a ruled table, and pages on which Tesseract failed or ran out of time
(the reason; the rest of the document is read).

On a long paper (the PDF reader's fast path) pages after the first are OCR'd only when a
quick look at 200 dpi finds a ruled table; the others are named in a warning.
Tesseract is needed only when a page needs OCR; without it reading stops with a message
saying how to install it.

This module runs the steps; each has its own: ``triage`` (the quick look), ``image`` (rendering,
straightening, lighting, thresholds), ``rulings`` (ruling lines and the tables they make), ``tesseract``
(running Tesseract, parsing its words), ``words`` (words to boxes, lines, bullets and cells) and ``notes``
(the document's OCR warnings).
"""

from __future__ import annotations

import time

from ...errors import ToolMissing
from ...model import Document
from ..pdf_text import place_blocks
from .image import OCR_DPI, _even_out, _render, _specks, _straighten, _stretch, rule_threshold, threshold
from .image import skew as skew  # the `as` names are re-exported for the tests
from .notes import _FAILED, _NO_TEXT, _READ, _SKIPPED, _note
from .notes import NOTES as NOTES
from .notes import _format_pages as _format_pages
from .notes import _parse_pages as _parse_pages
from .rulings import _find_tables, _rulings
from .tesseract import _INSTALL_HINT, OCR_TIMEOUT, OcrFailed, _ocr_regions, find_tesseract
from .triage import Look, look
from .words import _bullet as _bullet
from .words import _junk, _settle, _table, _to_points
from .words import _number_cell as _number_cell

_SKIM_DPI = 200  # resolution for the quick look for ruled tables
_SKIM_PIXELS = 6_000_000  # larger pages get the quick look for ruled tables in fewer pixels
MIN_IMAGE_COVER = 0.3  # images must cover this share of the page for it to count as scanned


def needs_ocr(page) -> bool:
    """No text layer, and images cover at least ``MIN_IMAGE_COVER`` of the page."""
    if page.chars:
        return False
    x0, top, x1, bottom = page.bbox
    area = max((x1 - x0) * (bottom - top), 1.0)
    covered = 0.0
    for image in page.images:
        w = min(image["x1"], x1) - max(image["x0"], x0)
        h = min(image["bottom"], bottom) - max(image["top"], top)
        if w > 0 and h > 0:
            covered += w * h
    return covered >= MIN_IMAGE_COVER * area


def read_scanned_page(page, number: int, order: int, doc: Document, *, tables_only: bool = False) -> tuple[int, int]:
    """OCR one page into ``doc`` (paragraphs and tables, as ``_read_page`` does); return the next order and
    the tables found. A page whose image shows no lines of text (a photo, a drawing, a blank page) is skipped
    with a note before OCR, the slow step; with ``tables_only`` (pages of a long paper after the first) so is
    any page without a ruled table. A page on which Tesseract fails is skipped with a warning. Raises
    ToolMissing when a page needs OCR and Tesseract is not installed."""
    if tables_only and not _has_table(page):
        _note(doc, _SKIPPED, number)
        return order, 0
    seen = look(page)
    if not seen.has_text:
        _note(doc, _NO_TEXT, number)
        return order, 0
    binary = find_tesseract()
    if binary is None:
        raise ToolMissing(f"Tesseract is needed to read scanned pages: {_INSTALL_HINT}")
    try:
        return _read_scanned(page, number, order, doc, binary, seen)
    except OcrFailed as exc:
        _note(doc, _FAILED, number, reason=str(exc))
        return order, 0


def _read_scanned(page, number: int, order: int, doc: Document, binary: str, seen: Look) -> tuple[int, int]:
    deadline = time.monotonic() + OCR_TIMEOUT
    gray, scale = _render(page, seen.dpi or OCR_DPI)
    per_inch = seen.per_inch(scale * 72)  # the steps' sizes are in inches of ordinary type
    gray = _even_out(_straighten(gray), per_inch)
    ink = threshold(gray)
    rule = rule_threshold(gray, ink)
    h_lines, v_lines, mask = _rulings(gray <= rule, per_inch)
    # Tesseract gets dark text on white paper: the contrast stretched from the ink to the paper's level,
    # the paper's grain made white, ruling lines and specks erased
    erase = mask | (gray > rule) | _specks(gray <= ink, per_inch)
    gray = _stretch(gray, ink)
    gray[erase] = 255
    found = _find_tables(page, h_lines, v_lines, scale)
    # Tesseract runs over stacks of regions: the page with its tables blanked, then every cell on its own, so
    # that lines of text in neighbouring cells (at different heights) are never read as one line.
    outside = gray.copy()
    cells: list[tuple] = []  # (bbox in points, box in pixels)
    for table in found:
        box = _pixels(table.bbox, page, scale, gray.shape)
        outside[box[1] : box[3], box[0] : box[2]] = 255
        cells.extend(
            (bbox, _pixels(bbox, page, scale, gray.shape))
            for row in table.rows
            for bbox in row.cells
            if bbox is not None
        )
    regions = [(0, 0, gray.shape[1], gray.shape[0])] + [px for _, px in cells]
    images = [outside] + [gray[y0:y1, x0:x1] for x0, y0, x1, y1 in regions[1:]]
    found_words = _ocr_regions(binary, images, per_inch, deadline)
    words_of = [
        [_to_points(w, scale, page.bbox[0] + x0 / scale, page.bbox[1] + y0 / scale) for w in ws if not _junk(w)]
        for ws, (x0, y0, _, _) in zip(found_words, regions, strict=False)
    ]
    words_of = _settle(words_of)
    in_cell = {bbox: words for (bbox, _), words in zip(cells, words_of[1:], strict=False)}
    order = place_blocks(
        doc,
        number,
        order,
        words_of[0],
        [(t.bbox[1], t) for t in found],
        lambda block, at: _table(block, in_cell, number, at),
    )
    _note(doc, _READ, number, [w["conf"] for ws in words_of for w in ws])
    return order, len(found)


def _has_table(page) -> bool:
    """A quick look at low resolution: does the page have a ruled table at all?"""
    width_in = (page.bbox[2] - page.bbox[0]) / 72
    height_in = (page.bbox[3] - page.bbox[1]) / 72
    gray, scale = _render(page, min(_SKIM_DPI, (_SKIM_PIXELS / max(width_in * height_in, 1e-6)) ** 0.5))
    gray = _even_out(_straighten(gray), scale * 72)
    h_lines, v_lines, _ = _rulings(gray <= rule_threshold(gray, threshold(gray)), scale * 72)
    return bool(_find_tables(page, h_lines, v_lines, scale))


def _pixels(bbox, page, scale: float, shape) -> tuple[int, int, int, int]:
    x0, top = page.bbox[0], page.bbox[1]
    left, upper = max(int((bbox[0] - x0) * scale), 0), max(int((bbox[1] - top) * scale), 0)
    right = min(int(round((bbox[2] - x0) * scale)), shape[1])
    lower = min(int(round((bbox[3] - top) * scale)), shape[0])
    return left, upper, max(right, left), max(lower, upper)


__all__ = ["NOTES", "needs_ocr", "read_scanned_page", "find_tesseract"]
