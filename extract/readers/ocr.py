"""Scanned PDF pages (no text layer, an image over most of the page), read with Tesseract OCR.

A page needs OCR when it has no characters and images cover much of it (``needs_ocr``).
``read_scanned_page`` then adds the page's paragraphs and tables to the Document just as
the text-layer reader does, so the later stages see no difference:

1. **Image.** The page is rendered with pypdfium2 at 300 dpi, straightened (the skew
   whose row profile of dark pixels is sharpest) and evened out (uneven lighting scaled
   away).
2. **Ruling lines.** Long horizontal and vertical runs of dark pixels, grouped into
   lines; a filled band (a shaded cell) gives its two edges; a line must meet lines of
   the other direction at both ends, as the rules of a ruled table do (this drops
   underlines and the feet of bold words). The lines go, in PDF points, to pdfplumber's
   table finder as explicit lines, so cells and merged cells come out as they do for a
   PDF with a text layer.
3. **OCR.** Rules and specks are erased and the contrast stretched; then one Tesseract
   run (``--psm 6``, TSV output: a box and a confidence per word) reads a stack of
   regions: the page with its tables blanked, then every cell on its own, so that lines
   in neighbouring cells are never read as one. Lines that start with a bullet are read
   a second time without it (Tesseract runs the following words together otherwise).
4. **Text.** Each word gets the box a text layer would give it (from the line's baseline
   and font size) and the PDF reader's ``cell_text`` rebuilds each cell's paragraphs and
   bullets; words outside tables become paragraphs.

Every Cell of an OCR'd table has ``ocr=True`` and ``ocr_confidence``: the mean Tesseract
word confidence of its words on a **0–1 scale** (Tesseract's 0–100 divided by 100), or
None for an empty cell. Boxes are in PDF points; on a straightened page they may be off
by up to about 1 pt per degree of skew per 60 pt from the page centre. The Document gets
one warning naming the OCR'd pages and their mean word confidence (0–100).

On a long paper (the PDF reader's fast path) pages after the first are OCR'd only when a
quick look at 200 dpi finds a ruled table; the others are named in a second warning.
Tesseract is needed only when a page needs OCR; without it reading stops with a message
saying how to install it.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import UnreadableDocument
from ..model import Cell, Document, Row, Table
from .pdf_text import _overflows, cell_text, place_blocks

OCR_DPI = 300  # render resolution; Tesseract reads body text best at about 300 dpi
_SKIM_DPI = 200  # resolution for the quick look for ruled tables on the pages of a long paper
OCR_LANG = "eng"
OCR_TIMEOUT = 120.0  # seconds for one page
TESSERACT_CONFIG: tuple[str, ...] = ()  # extra Tesseract arguments, e.g. ("-c", "name=value")
MAX_PIXELS = 40_000_000  # larger pages (posters, A0 plans) are rendered at a lower resolution
MIN_IMAGE_COVER = 0.3  # images must cover this share of the page for it to count as scanned
_INSTALL_HINT = "install it with `apt-get install tesseract-ocr` or run `make setup`"
_RULE_MIN = 0.25  # inches: shortest dark run counted as a ruling line (longer than any text stroke)
_RULE_MAX_THICK = 0.05  # inches: a thicker dark band is a filled area, not a line
_EDGE_MARGIN = 0.012  # share of the page: lines this close to the edge are scanner borders
_MAX_SKEW = 3.0  # degrees
_BULLET_LOOKALIKES = frozenset("•·«»°*eo©®¢@")  # what Tesseract makes of "•"
_QUOTES = frozenset("'\"‘’“”")
_JUNK = frozenset("|_[]{}!'\"‘’“”.,:;")
TABLE_SETTINGS = {
    "vertical_strategy": "explicit",
    "horizontal_strategy": "explicit",
    "snap_tolerance": 4,
    "join_tolerance": 8,
    "intersection_tolerance": 5,
}


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


def find_tesseract() -> str | None:
    return shutil.which("tesseract")


def read_scanned_page(page, number: int, order: int, doc: Document, *, tables_only: bool = False) -> tuple[int, int]:
    """OCR one page into ``doc`` (paragraphs and tables, as ``_read_page`` does); return the next order and
    the tables found. With ``tables_only`` (pages of a long paper after the first) a page without a ruled
    table is skipped before OCR, the slow step. Raises UnreadableDocument when Tesseract is not installed."""
    binary = find_tesseract()
    if binary is None:
        raise UnreadableDocument(f"Tesseract is needed to read scanned pages: {_INSTALL_HINT}")
    if tables_only and not _has_table(page):
        _note(doc, _SKIPPED, number)
        return order, 0
    gray, scale = _render(page)
    gray = _even_out(_straighten(gray), scale * 72)
    ink = threshold(gray)
    rule = rule_threshold(gray, ink)
    h_lines, v_lines, mask = _rulings(gray <= rule, scale * 72)
    # Tesseract gets dark text on white paper: the contrast stretched from the ink to the paper's level,
    # the paper's grain made white, ruling lines and specks erased
    erase = mask | (gray > rule) | _specks(gray <= ink, scale * 72)
    gray = _stretch(gray, ink)
    gray[erase] = 255
    found = _find_tables(page, h_lines, v_lines, scale)
    # One Tesseract run over a stack of regions: the page with its tables blanked, then every cell on its own,
    # so that lines of text in neighbouring cells (at different heights) are never read as one line.
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
    found_words = _ocr_regions(binary, images, scale * 72)
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
    gray, scale = _render(page, _SKIM_DPI)
    gray = _even_out(_straighten(gray), scale * 72)
    h_lines, v_lines, _ = _rulings(gray <= rule_threshold(gray, threshold(gray)), scale * 72)
    return bool(_find_tables(page, h_lines, v_lines, scale))


def _find_tables(page, h_lines, v_lines, scale: float) -> list:
    """pdfplumber's tables from the ruling lines found in the image (given as explicit lines, in points)."""
    x0, top = page.bbox[0], page.bbox[1]
    h_edges = [_edge("h", x0 + a / scale, x0 + b / scale, top + y / scale, top + y / scale) for y, a, b in h_lines]
    v_edges = [_edge("v", x0 + x / scale, x0 + x / scale, top + a / scale, top + b / scale) for x, a, b in v_lines]
    if len(h_edges) < 2 or len(v_edges) < 2:
        return []
    settings = dict(TABLE_SETTINGS, explicit_horizontal_lines=h_edges, explicit_vertical_lines=v_edges)
    return [t for t in page.find_tables(settings) if t.rows and len(t.rows[0].cells) >= 2]


def _pixels(bbox, page, scale: float, shape) -> tuple[int, int, int, int]:
    x0, top = page.bbox[0], page.bbox[1]
    left, upper = max(int((bbox[0] - x0) * scale), 0), max(int((bbox[1] - top) * scale), 0)
    right = min(int(round((bbox[2] - x0) * scale)), shape[1])
    lower = min(int(round((bbox[3] - top) * scale)), shape[0])
    return left, upper, max(right, left), max(lower, upper)


# -- rendering and ruling lines --------------------------------------------------------------------------


def _render(page, dpi: float = OCR_DPI):
    """The page as a grayscale numpy array, and pixels per PDF point."""
    width_in = (page.bbox[2] - page.bbox[0]) / 72
    height_in = (page.bbox[3] - page.bbox[1]) / 72
    dpi = min(dpi, (MAX_PIXELS / max(width_in * height_in, 1e-6)) ** 0.5)
    image = page.to_image(resolution=dpi, antialias=True).original.convert("L")
    return np.asarray(image).copy(), image.size[0] / (page.bbox[2] - page.bbox[0])


def threshold(gray) -> int:
    """The grey level below which a pixel is ink: Otsu's threshold, kept well under the paper's own level
    (the median) so that on a nearly blank page the paper's grain is never taken for ink."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(float)
    total = hist.sum()
    if not total:
        return 128
    cum, cum_mean = np.cumsum(hist), np.cumsum(hist * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (cum_mean[-1] * cum / total - cum_mean) ** 2 / (cum * (total - cum))
    between = np.nan_to_num(between[:255], nan=-1.0)
    otsu = int(between.argmax()) if between.max() > 0 else 128
    paper = int(np.searchsorted(cum, total / 2))
    return int(min(max(min(otsu, paper - 45), 60), 220))


def _even_out(gray, per_inch: float):
    """Scale away uneven lighting (a shadow towards the spine, a photographed page): each pixel divided by the
    paper's brightness around it, the brightest level in its half-inch block and the blocks next to it. Left
    as it is when the paper is even."""
    block = max(int(per_inch / 2), 8)
    rows, cols = gray.shape[0] // block, gray.shape[1] // block
    if rows < 3 or cols < 3:
        return gray
    tiles = gray[: rows * block, : cols * block].reshape(rows, block, cols, block)
    paper = np.percentile(tiles, 95, axis=(1, 3))
    padded = np.pad(paper, 1, mode="edge")
    paper = np.max([padded[r : r + rows, c : c + cols] for r in range(3) for c in range(3)], axis=0)
    if paper.max() - paper.min() < 24:
        return gray
    from PIL import Image

    level = np.asarray(
        Image.fromarray(paper.astype(np.float32)).resize((gray.shape[1], gray.shape[0]), Image.Resampling.BILINEAR)
    )
    even = gray.astype(np.float32) * (float(np.median(paper)) / np.maximum(level, 1.0))
    return np.clip(even, 0, 255).astype(np.uint8)


def _stretch(gray, ink: int):
    """Grey levels stretched so that the ink's darkest tenth is black and the paper's usual level is white."""
    light = gray[gray > ink]
    dark = gray[gray <= ink]
    if not light.size or not dark.size:
        return gray
    paper, black = float(np.median(light)), float(np.percentile(dark, 10))
    if paper - black < 16:
        return gray
    stretched = (gray.astype(np.float32) - black) * (255.0 / (paper - black))
    return np.clip(stretched, 0, 255).astype(np.uint8)


def _specks(dark, per_inch: float):
    """Dark pixels with few dark neighbours: dust and noise, smaller than a full stop."""
    radius = max(int(per_inch / 150), 1)  # 2 pixels at 300 dpi
    size = 2 * radius + 1
    padded = np.pad(dark.astype(np.int32), radius + 1)
    sums = padded.cumsum(0).cumsum(1)
    window = sums[size:, size:] - sums[:-size, size:] - sums[size:, :-size] + sums[:-size, :-size]
    window = window[: dark.shape[0], : dark.shape[1]]
    return dark & (window < 0.3 * size * size)


def rule_threshold(gray, ink: int) -> int:
    """A more lenient threshold for ruling lines: a thin rule, blurred by the scanner or by rendering the scan
    at a higher resolution, comes out grey. Halfway between ink and paper, and at least 45 levels below the
    paper. (Long runs are needed, so the paper's grain never makes a line.)"""
    paper = int(np.median(gray))
    return max(ink, min(paper - 45, (ink + paper) // 2))


def _straighten(gray):
    """Rotate a skewed scan straight (see ``skew``)."""
    angle = skew(gray)
    if abs(angle) <= 0.02:
        return gray
    from PIL import Image

    rotated = Image.fromarray(gray).rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return np.asarray(rotated).copy()


def skew(gray) -> float:
    """The scan's skew in degrees: the shear whose row profile of dark pixels is sharpest, searched in
    0.1° steps on a quarter-size image, then in 0.02° steps on a half-size one (rules and text lines then
    drift by well under a pixel across the page)."""
    best = 0.0
    for factor, step, span in ((4, 0.1, _MAX_SKEW), (2, 0.02, 0.1)):
        small = gray[::factor, ::factor]
        ys, xs = np.nonzero(small <= threshold(small))
        if len(ys) < 200:
            return 0.0
        best_score = -1.0
        centre = best
        for angle in np.arange(centre - span, centre + span + 1e-9, step):
            shifted = np.round(ys + xs * np.tan(np.radians(angle))).astype(int)
            score = float((np.bincount(shifted - shifted.min()).astype(float) ** 2).sum())
            if score > best_score * (1 + 1e-9):
                best, best_score = float(angle), score
    return round(best, 2)


def _runs(mask, min_len: int):
    """Runs of True along each row of ``mask`` at least ``min_len`` long: arrays (row, start, end)."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    keep = (ends[:, 1] - starts[:, 1]) >= min_len
    return starts[keep, 0], starts[keep, 1], ends[keep, 1]


def _close(mask, gap: int):
    """Bridge gaps of up to ``gap`` pixels along rows (a 1-D closing)."""
    if gap <= 0:
        return mask
    filled = mask.copy()
    for shift in range(1, gap + 1):
        left = np.zeros_like(mask)
        left[:, shift:] = mask[:, :-shift]
        right_any = np.zeros_like(mask)
        for k in range(1, gap - shift + 2):
            r = np.zeros_like(mask)
            r[:, :-k] = mask[:, k:]
            right_any |= r
        filled |= left & right_any
    return filled


def _segments(mask, min_len: int, max_thick: int, margin: tuple[int, int]) -> list[tuple]:
    """Candidate ruling lines along rows of ``mask``: (position, start, end, first row, last row) in pixels.

    Long runs on neighbouring rows with the same ends make one line. A band thicker than ``max_thick`` is a
    filled area (a shaded cell or header row): its two long edges are cell borders, so both count as lines.
    """
    thick = mask.copy()
    thick[1:] |= mask[:-1]  # tolerate a pixel of residual skew or a ragged scanned rule
    thick[:-1] |= mask[1:]
    rows, starts, ends = _runs(_close(thick, 4), min_len)
    tol = max(8, min_len // 6)
    bands: list[list[int]] = []  # [first row, last row, start, end]
    for r, s, e in sorted(zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)):
        for band in reversed(bands[-24:]):
            if r - band[1] <= 2 and abs(s - band[2]) <= tol and abs(e - band[3]) <= tol:
                band[1], band[2], band[3] = r, min(band[2], s), max(band[3], e)
                break
        else:
            bands.append([r, r, s, e])
    out = []
    length, across = mask.shape[1], mask.shape[0]
    for first, last, s, e in bands:
        if s < margin[1] and e > length - margin[1]:
            continue  # from edge to edge of the scan: a border or a fold, not a table rule
        if last - first + 1 <= max_thick:
            if mask[first : last + 1, s:e].any(axis=0).mean() < 0.9:
                continue  # gaps all along: the feet of a line of (blurred) letters, not a rule
            edges = [(first, last)]
        else:
            if mask[first : last + 1, s:e].mean() < 0.85:
                continue  # not solid: a line of text, not a filled cell
            edges = [(first, first + 1), (last - 1, last)]
        for top, bottom in edges:
            middle = (top + bottom) / 2
            if margin[0] <= middle <= across - margin[0]:
                out.append((middle, s, e, top, bottom))
    return _join_collinear(out, gap=min_len // 2, near=3)


def _join_collinear(lines: list[tuple], gap: int, near: int) -> list[tuple]:
    """Join the pieces of one line (positions within ``near`` pixels, less than ``gap`` apart): a scanned rule
    is often broken, and a filled cell's edge runs along the rule beside it. The longest piece gives the
    position."""
    out: list[list] = []
    cluster: list[tuple] = []
    for line in sorted(lines, key=lambda ln: ln[0]) + [None]:
        if line is not None and (not cluster or line[0] - cluster[-1][0] <= near):
            cluster.append(line)
            continue
        merged: list[list] = []
        for piece in sorted(cluster, key=lambda ln: ln[1]):
            last = merged[-1] if merged else None
            if last is not None and piece[1] - last[2] <= gap:
                if piece[2] - piece[1] > last[2] - last[1]:
                    last[0] = piece[0]
                last[1:] = (
                    min(last[1], piece[1]),
                    max(last[2], piece[2]),
                    min(last[3], piece[3]),
                    max(last[4], piece[4]),
                )
            else:
                merged.append(list(piece))
        out.extend(merged)
        cluster = [line] if line is not None else []
    return [tuple(ln) for ln in out]


def _anchored(lines: list[tuple], across: list[tuple], tol: float) -> list[tuple]:
    """The lines whose two ends meet a line of the other direction, as every rule of a ruled table does.
    This drops runs along the feet of bold words and underlines, which end in the open."""

    def meets(position: float, at: float) -> bool:
        return any(abs(other[0] - at) <= tol and other[1] - tol <= position <= other[2] + tol for other in across)

    return [ln for ln in lines if meets(ln[0], ln[1]) and meets(ln[0], ln[2])]


def _rulings(dark, per_inch: float):
    """Horizontal lines (y, x0, x1), vertical lines (x, y0, y1) in pixels, and a mask of their pixels."""
    height, width = dark.shape
    min_len = max(int(_RULE_MIN * per_inch), 12)
    max_thick = max(int(_RULE_MAX_THICK * per_inch), 3)
    h = _segments(dark, min_len, max_thick, (int(_EDGE_MARGIN * height), int(_EDGE_MARGIN * width)))
    v = _segments(dark.T, min_len, max_thick, (int(_EDGE_MARGIN * width), int(_EDGE_MARGIN * height)))
    tol = max_thick / 2 + 0.02 * per_inch
    h, v = _anchored(h, v, tol), _anchored(v, h, tol)
    cover = np.zeros_like(dark)
    for _y, x0, x1, top, bottom in h:
        cover[max(top - 2, 0) : bottom + 3, max(x0 - 1, 0) : x1 + 1] = True
    for _x, y0, y1, left, right in v:
        cover[max(y0 - 1, 0) : y1 + 1, max(left - 2, 0) : right + 3] = True
    return [ln[:3] for ln in h], [ln[:3] for ln in v], cover


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {
        "object_type": "ocr_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


# -- OCR ---------------------------------------------------------------------------------------------------


def _ocr_regions(binary: str, images: list, dpi: float) -> list[list[dict]]:
    """The words of each image region (boxes relative to the region), from one Tesseract run over all of them,
    and a second run over the lines that start with a bullet, read again without it: a bullet and the tab
    after it make Tesseract run the next words together ("• A new form" comes out as "e Anew form")."""
    words = _ocr_stack(binary, images, dpi)
    strips, where = [], []
    for index, region in enumerate(words):
        lines: dict = {}
        for word in region:
            lines.setdefault(word["line"], []).append(word)
        for line in lines.values():
            line.sort(key=lambda w: w["left"])
            first, rest = line[0], line[1:]
            if not rest or not _bullet_like(first, rest):
                continue
            top = min(w["top"] for w in rest)
            bottom = max(w["top"] + w["height"] for w in rest)
            margin = max((bottom - top) // 3, 2)
            y0, y1 = max(top - margin, 0), min(bottom + margin, images[index].shape[0])
            x0 = min(first["left"] + first["width"] + 2, rest[0]["left"])
            strips.append(images[index][y0:y1, x0:])
            where.append((index, rest, x0, y0, top, bottom))
    if strips:
        for (index, rest, x0, y0, top, bottom), new in zip(where, _ocr_stack(binary, strips, dpi), strict=False):
            new = [dict(w, left=w["left"] + x0, top=w["top"] + y0, line=rest[0]["line"]) for w in new]
            new = [_same_height(w, rest) for w in new if top <= w["top"] + w["height"] / 2 <= bottom]
            if new:
                drop = {id(w) for w in rest}
                words[index] = [w for w in words[index] if id(w) not in drop] + new
    return words


def _same_height(word: dict, line: list[dict]) -> dict:
    """A word read again in a strip, with the height the first reading gave the word it overlaps most (a
    strip's margins let specks of the lines above and below into a box)."""

    def overlap(other: dict) -> int:
        return min(word["left"] + word["width"], other["left"] + other["width"]) - max(word["left"], other["left"])

    best = max(line, key=overlap)
    return dict(word, top=best["top"], height=best["height"]) if overlap(best) > 0 else word


def _bullet_like(first: dict, rest: list[dict]) -> bool:
    """Is a line's first word a bullet as OCR reads one ("e", "«", "°", "*", "e¢"): one or two small glyphs?"""
    height = statistics.median(w["height"] for w in rest)
    chars = set(first["text"])
    return (
        len(first["text"]) <= 2
        and chars <= _BULLET_LOOKALIKES | _QUOTES
        and bool(chars & _BULLET_LOOKALIKES)
        and first["height"] <= 0.75 * height
    )


def _ocr_stack(binary: str, images: list, dpi: float) -> list[list[dict]]:
    """OCR several image regions in one Tesseract run: stacked with white space between them, so that
    each is read as its own lines. Word boxes come back relative to their region."""
    pad = max(int(dpi * 0.15), 8)
    width = max(im.shape[1] for im in images) + 2 * pad
    offsets, y = [], pad
    for im in images:
        offsets.append(y)
        y += im.shape[0] + pad
    canvas = np.full((y, width), 255, dtype=np.uint8)
    for im, top in zip(images, offsets, strict=True):
        canvas[top : top + im.shape[0], pad : pad + im.shape[1]] = im
    out: list[list[dict]] = [[] for _ in images]
    for word in _ocr(binary, canvas, dpi):
        middle = word["top"] + word["height"] / 2
        index = bisect.bisect_right(offsets, middle) - 1
        if index >= 0 and middle < offsets[index] + images[index].shape[0]:
            out[index].append(dict(word, left=word["left"] - pad, top=word["top"] - offsets[index]))
    return out


def _ocr(binary: str, gray, dpi: float) -> list[dict]:
    """Tesseract's words for the image: dicts with text, left, top, width, height (pixels) and conf (0–100)."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="rectrack-ocr-") as tmp:
        image_path = Path(tmp) / "page.pgm"  # uncompressed: quicker to write and read than PNG
        Image.fromarray(gray).save(image_path)
        argv = [
            binary,
            str(image_path),
            "stdout",
            "-l",
            OCR_LANG,
            "--psm",
            "6",
            "--dpi",
            str(round(dpi)),
            *TESSERACT_CONFIG,
            "tsv",
        ]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: batch workers run in parallel already
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=tmp,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            raise UnreadableDocument(f"Tesseract could not be started ({exc.strerror or exc})") from exc
        try:
            out, err = proc.communicate(timeout=OCR_TIMEOUT)
        except BaseException as exc:  # our time limit, or the batch runner's: never leave Tesseract behind
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            if isinstance(exc, subprocess.TimeoutExpired):
                raise UnreadableDocument(f"Tesseract took over {OCR_TIMEOUT:g} s on a scanned page") from None
            raise
    if proc.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1][:160] if detail else f"exit status {proc.returncode}"
        if "traineddata" in reason or "language" in reason.lower():
            reason += f"; install the language data with `apt-get install tesseract-ocr-{OCR_LANG}`"
        raise UnreadableDocument(f"Tesseract could not read a scanned page ({reason})")
    return _parse_tsv(out.decode("utf-8", "replace"))


def _parse_tsv(text: str) -> list[dict]:
    words: list[dict] = []
    lines = text.splitlines()
    if not lines:
        return words
    names = lines[0].split("\t")
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) != len(names):
            continue
        row = dict(zip(names, parts, strict=True))
        if row.get("level") != "5" or not row.get("text", "").strip():
            continue
        try:
            conf = float(row["conf"])
            box = [int(row[k]) for k in ("left", "top", "width", "height")]
        except (KeyError, ValueError):
            continue
        if conf < 0:
            continue
        key = (row.get("block_num"), row.get("par_num"), row.get("line_num"))
        words.append(
            {
                "text": row["text"].strip(),
                "left": box[0],
                "top": box[1],
                "width": box[2],
                "height": box[3],
                "conf": conf,
                "line": key,
            }
        )
    return words


def _to_points(word: dict, scale: float, x0: float, top: float) -> dict:
    return {
        "text": word["text"],
        "x0": x0 + word["left"] / scale,
        "x1": x0 + (word["left"] + word["width"]) / scale,
        "top": top + word["top"] / scale,
        "bottom": top + (word["top"] + word["height"]) / scale,
        "conf": word["conf"],
        "line": word["line"],
    }


def _junk(word: dict) -> bool:
    """Specks and remains of ruling lines that Tesseract read as punctuation."""
    return all(ch in _JUNK for ch in word["text"]) and (word["conf"] < 50 or set(word["text"]) <= {"|", "_"})


# -- words to text -------------------------------------------------------------------------------------------

_DESCENDERS = frozenset("gjpqy,;()[]{}|/@$§")
_TALL = frozenset("bdfhiklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!?'\"&%#£€")


def _glyph_share(text: str) -> float:
    """How much of the font size a word's ink spans (Helvetica-like proportions), from its letters."""
    chars = set(text)
    tall, deep = bool(chars & _TALL), bool(chars & _DESCENDERS)
    return 0.93 if tall and deep else 0.72 if tall or deep else 0.52


def _size(word: dict) -> float:
    return (word["bottom"] - word["top"]) / _glyph_share(word["text"])


def _group_lines(words: list[dict]) -> list[list[dict]]:
    """Words in visual lines (boxes overlapping by half the smaller height), each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        for line in reversed(lines[-4:]):
            top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap > 0.5 * min(bottom - top, word["bottom"] - word["top"]):
                line.append(word)
                break
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _line_sizes(lines: list[list[dict]]) -> list[float]:
    """Each line's font size, estimated from its words' ink heights. Lines within 18% of the page's usual
    size get that size, and other sizes within 12% of each other share one value, so that the lines of a
    paragraph keep one size (as they do in a text layer) and headings keep theirs."""
    raw: list[float | None] = []
    for line in lines:
        found = [_size(w) for w in line if any(c.isalnum() for c in w["text"])]
        raw.append(statistics.median(found) if found else None)
    every = [_size(w) for line in lines for w in line if any(c.isalnum() for c in w["text"])]
    usual = statistics.median(every) if every else statistics.median(w["bottom"] - w["top"] for ln in lines for w in ln)
    sizes = [usual if r is None or usual / 1.18 <= r <= usual * 1.18 else r for r in raw]
    others = sorted(i for i, size in enumerate(sizes) if size != usual)
    others.sort(key=sizes.__getitem__)
    group: list[int] = []
    for index in others + [None]:
        if index is not None and (not group or sizes[index] <= sizes[group[-1]] * 1.12):
            group.append(index)
            continue
        if group:
            value = statistics.median(sizes[g] for g in group)
            for g in group:
                sizes[g] = value
        group = [index] if index is not None else []
    return sizes


def _settle(regions: list[list[dict]]) -> list[list[dict]]:
    """OCR boxes hug each word's own glyphs ("on" sits lower than "The"); give every word of a line the box a
    text layer would give it: from the baseline, 0.8 of the font size up and 0.2 down. A small bullet-like
    glyph starting a line becomes "•". ``regions`` are word lists (cells, the text outside tables); font sizes
    are shared across all of them."""
    grouped = [_group_lines(words) for words in regions]
    flat = [line for lines in grouped for line in lines]
    sizes = iter(_line_sizes(flat)) if flat else iter(())
    out = []
    for lines in grouped:
        settled = []
        for line in lines:
            size = next(sizes)
            letters = [w for w in line if any(c.isalnum() for c in w["text"])] or line  # not "—" (mid-height)
            plain = [w["bottom"] for w in letters if not set(w["text"]) & _DESCENDERS]
            if plain:
                baseline = statistics.median(plain)
            else:  # every word has a descender
                baseline = statistics.median(w["bottom"] for w in letters) - 0.21 * size
            top, bottom = baseline - 0.8 * size, baseline + 0.2 * size
            for i, word in enumerate(line):
                text = word["text"]
                if i == 0 and len(line) > 1:
                    text = _bullet(text, word, baseline, size)
                settled.append(dict(word, text=text, top=top, bottom=bottom))
        out.append(settled)
    return out


def _bullet(text: str, word: dict, baseline: float, size: float) -> str:
    """A line's first word as OCR reads a bullet ("e", "«", "°", "*", "e¢"), which floats above the
    baseline (a letter "e" sits on it), or glued to the next word ("*a")."""
    chars = set(text)
    height = word["bottom"] - word["top"]
    floats = word["bottom"] <= baseline - 0.08 * size
    if text == "\u2022" or (len(text) == 1 and text in _BULLET_LOOKALIKES and height <= 0.6 * size and floats):
        return "\u2022"
    if (
        len(text) == 2
        and chars <= _BULLET_LOOKALIKES | _QUOTES
        and chars & _BULLET_LOOKALIKES
        and height <= 0.75 * size
        and floats
    ):
        return "\u2022"  # a bullet read as two marks
    if len(text) > 1 and text[0] in "•·«»*©" and text[1].isalnum():
        return "\u2022 " + text[1:]
    return text


_NUMBER_RE = re.compile(r"^[lI|]{1,2}[0-9]?[a-h]?[.)]?$|^[0-9][lI|][a-h]?[.)]?$")


def _number_cell(text: str) -> str:
    """A cell holding only a short number as OCR misreads it in sans-serif type: "la" for "1a", "l0" for "10"."""
    return re.sub(r"[lI|]", "1", text) if _NUMBER_RE.match(text) else text


def _table(found, in_cell: dict, page: int, order: int) -> Table:
    rows = []
    for row in found.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:  # covered by a cell merged from the left or above
                cells.append(Cell(text="", page=page, merged=True, ocr=True))
                continue
            mine = in_cell.get(bbox, [])
            confidence = round(statistics.fmean(w["conf"] for w in mine) / 100, 3) if mine else None
            # no bbox for cell_text: the longest line's end is a safer right edge than the ruling line, since
            # OCR boxes are a point or two off and would turn wrapped lines into paragraph breaks
            cells.append(
                Cell(
                    text=_number_cell(cell_text(mine)),
                    page=page,
                    bbox=tuple(bbox),
                    overflows=_overflows(mine, bbox),
                    ocr=True,
                    ocr_confidence=confidence,
                )
            )
        rows.append(Row(cells=tuple(cells), page=page))
    return Table(rows=tuple(rows), order=order, page=page, bbox=tuple(found.bbox))


_READ = "read by OCR (no text layer): "
_SKIPPED = "no text layer and no ruled table, not read (long paper): "
_PAGES_RE = re.compile(r"^pages? ([\d, -]+)")
_MEAN_RE = re.compile(r"mean word confidence (\d+)% over (\d+) words")


def _note(doc: Document, kind: str, number: int, confidences: Sequence[float] = ()) -> None:
    """Keep one warning per kind and document, naming its pages (and for OCR'd pages the mean word
    confidence, 0–100), updated as pages are read."""
    pages, total, count = [number], sum(confidences), len(confidences)
    for i, warning in enumerate(doc.warnings):
        if warning.startswith(kind):
            rest = warning[len(kind) :]
            listed = _PAGES_RE.match(rest)
            if listed:
                pages = _parse_pages(listed.group(1)) + pages
            mean = _MEAN_RE.search(rest)
            if mean:
                total += int(mean.group(1)) * int(mean.group(2))
                count += int(mean.group(2))
            del doc.warnings[i]
            break
    text = kind + ("page " if len(pages) == 1 else "pages ") + _format_pages(pages)
    if kind == _READ:
        text += f"; mean word confidence {total / count if count else 0:.0f}% over {count} words; check the rows"
    doc.warnings.append(text)


def _format_pages(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _parse_pages(text: str) -> list[int]:
    pages: list[int] = []
    for part in text.split(", "):
        first, _, last = part.partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    return pages


__all__ = ["needs_ocr", "read_scanned_page", "find_tesseract"]
