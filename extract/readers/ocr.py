"""Scanned PDF pages (no text layer, an image over most of the page), read with Tesseract OCR.

A page needs OCR when it has no characters and images cover much of it. The page is
rendered with pypdfium2 and straightened (the skew that gives the sharpest row profile),
then:

1. **Ruling lines** are found in the image: long horizontal and vertical runs of dark
   pixels (after bridging small gaps), grouped into line segments.
2. The ruling lines are **erased** and the page is **OCR'd once** with Tesseract (TSV
   output: one box and one confidence per word).
3. The ruling lines, in PDF points, go to pdfplumber's table finder as explicit lines,
   so cells (and merged cells) come out exactly as for a PDF with a text layer; each
   cell's text is rebuilt from the OCR words inside it with the PDF reader's
   ``cell_text`` (paragraphs, bullets). Words outside tables become paragraphs.

Every Cell of an OCR'd table has ``ocr=True`` and ``ocr_confidence``: the mean
Tesseract word confidence of its words on a **0–1 scale** (Tesseract's 0–100 divided
by 100), or None for an empty cell. Boxes are in PDF points on the page as given;
on a straightened page they are off by at most the skew (about 1 pt per degree per
60 pt from the page centre).
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from ..errors import UnreadableDocument
from ..model import Cell, Document, Paragraph, Row, Table
from ..text import BULLET, tidy_line
from .pdf_reader import _join_lines, _lines, _overflows, _paragraphs, cell_text

OCR_DPI = 300  # render resolution; Tesseract reads body text best at about 300 dpi
OCR_LANG = "eng"
OCR_TIMEOUT = 120.0  # seconds for one page
MAX_PIXELS = 40_000_000  # larger pages (posters, A0 plans) are rendered at a lower resolution
MIN_IMAGE_COVER = 0.3  # images must cover this share of the page for it to count as scanned
_INSTALL_HINT = "install it with `apt-get install tesseract-ocr` or run `make setup`"
_RULE_MIN = 0.25  # inches: shortest dark run counted as a ruling line (longer than any text stroke)
_RULE_MAX_THICK = 0.05  # inches: a thicker dark band is a filled area, not a line
_EDGE_MARGIN = 0.012  # share of the page: lines this close to the edge are scanner borders
_MAX_SKEW = 3.0  # degrees
_BULLET_LOOKALIKES = frozenset("•·«»°*eo©¢@")
_JUNK = frozenset("|_[]{}!'\"‘’“”.,:;")
TABLE_SETTINGS = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit", "snap_tolerance": 4,
                  "join_tolerance": 8, "intersection_tolerance": 5}


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


def read_scanned_page(page, number: int, order: int, doc: Document) -> tuple[int, int]:
    """OCR one page into ``doc`` (paragraphs and tables, as ``_read_page`` does); return the next order and
    the tables found. Raises UnreadableDocument when Tesseract is not installed."""
    binary = find_tesseract()
    if binary is None:
        raise UnreadableDocument(f"Tesseract is needed to read scanned pages: {_INSTALL_HINT}")
    gray, scale = _render(page)
    gray = _straighten(gray)
    ink = threshold(gray)
    h_lines, v_lines, mask = _rulings(gray <= ink, scale * 72)
    gray[mask | (gray > ink)] = 255  # ruling lines erased, paper made white: Tesseract sees only the text
    found = _find_tables(page, h_lines, v_lines, scale)
    # One Tesseract run over a stack of regions: the page with its tables blanked, then every cell on its own,
    # so that lines of text in neighbouring cells (at different heights) are never read as one line.
    outside = gray.copy()
    cells: list[tuple] = []  # (bbox in points, box in pixels)
    for table in found:
        box = _pixels(table.bbox, page, scale, gray.shape)
        outside[box[1]:box[3], box[0]:box[2]] = 255
        cells.extend((bbox, _pixels(bbox, page, scale, gray.shape)) for row in table.rows for bbox in row.cells
                     if bbox is not None)
    regions = [(0, 0, gray.shape[1], gray.shape[0])] + [px for _, px in cells]
    images = [outside] + [gray[y0:y1, x0:x1] for x0, y0, x1, y1 in regions[1:]]
    found_words = _ocr_regions(binary, images, scale * 72)
    words_of = [[_to_points(w, scale, page.bbox[0] + x0 / scale, page.bbox[1] + y0 / scale) for w in ws
                 if not _junk(w)] for ws, (x0, y0, _, _) in zip(found_words, regions)]
    in_cell = {bbox: words for (bbox, _), words in zip(cells, words_of[1:])}
    blocks: list[tuple[float, object]] = [(p[0][0]["top"], p) for p in _paragraphs(_lines(_settle(words_of[0])))]
    blocks.extend((t.bbox[1], t) for t in found)
    blocks.sort(key=lambda b: b[0])
    for _, block in blocks:
        if isinstance(block, list):
            text = _join_lines([tidy_line(" ".join(w["text"] for w in line)) for line in block])
            if text:
                doc.paragraphs.append(Paragraph(text=text, order=order, page=number))
        else:
            doc.tables.append(_table(block, in_cell, number, order))
        order += 1
    _note(doc, number, [w for ws in words_of for w in ws])
    return order, len(found)


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
    right, lower = min(int(round((bbox[2] - x0) * scale)), shape[1]), min(int(round((bbox[3] - top) * scale)), shape[0])
    return left, upper, max(right, left), max(lower, upper)


def row_ocr(cells) -> tuple[bool, float | None]:
    """For rows built from ``cells``: (any cell OCR'd, mean confidence 0–1 of the non-empty OCR'd cells)."""
    cells = [c for c in cells if getattr(c, "ocr", False)]
    scores = [c.ocr_confidence for c in cells if c.ocr_confidence is not None]
    return bool(cells), (round(sum(scores) / len(scores), 3) if scores else None)


# -- rendering and ruling lines --------------------------------------------------------------------------

def _render(page):
    """The page as a grayscale numpy array, and pixels per PDF point."""
    width_in = (page.bbox[2] - page.bbox[0]) / 72
    height_in = (page.bbox[3] - page.bbox[1]) / 72
    dpi = min(OCR_DPI, (MAX_PIXELS / max(width_in * height_in, 1e-6)) ** 0.5)
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
    otsu = int(np.nanargmax(between[:255]))
    paper = int(np.searchsorted(cum, total / 2))
    return int(min(max(min(otsu, paper - 45), 60), 220))


def _straighten(gray):
    """Rotate a skewed scan straight: the angle whose row profile of dark pixels is sharpest."""
    small = gray[::4, ::4] <= threshold(gray[::4, ::4])
    ys, xs = np.nonzero(small)
    if len(ys) < 200:
        return gray
    best, best_score = 0.0, -1.0
    for angle in np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.1):
        shifted = np.round(ys + xs * np.tan(np.radians(angle))).astype(int)
        shifted -= shifted.min()
        score = float((np.bincount(shifted).astype(float) ** 2).sum())
        if score > best_score * (1 + 1e-9):
            best, best_score = float(angle), score
    if abs(best) < 0.15:
        return gray
    from PIL import Image

    rotated = Image.fromarray(gray).rotate(-best, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return np.asarray(rotated).copy()


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


def _segments(mask, min_len: int, max_thick: int, margin: tuple[int, int]):
    """Ruling lines along rows of ``mask``: (position, start, end) in pixels, and the pixels they cover."""
    thick = mask.copy()
    thick[1:] |= mask[:-1]  # tolerate a pixel of residual skew
    rows, starts, ends = _runs(_close(thick, 3), min_len)
    lines: list[list[int]] = []  # [first row, last row, start, end]
    for r, s, e in sorted(zip(rows.tolist(), starts.tolist(), ends.tolist())):
        for line in reversed(lines[-12:]):
            if r - line[1] <= 2 and s < line[3] and e > line[2]:
                line[1], line[2], line[3] = r, min(line[2], s), max(line[3], e)
                break
        else:
            lines.append([r, r, s, e])
    out, cover = [], np.zeros_like(mask)
    length, across = mask.shape[1], mask.shape[0]
    for first, last, s, e in lines:
        middle = (first + last) / 2
        if last - first + 1 > max_thick or middle < margin[0] or middle > across - margin[0]:
            continue
        if s < margin[1] and e > length - margin[1]:
            continue  # from edge to edge of the scan: a border or a fold, not a table rule
        out.append((middle, float(s), float(e)))
        cover[max(first - 2, 0):last + 3, max(s - 1, 0):e + 1] = True
    return out, cover


def _rulings(dark, per_inch: float):
    """Horizontal lines (y, x0, x1), vertical lines (x, y0, y1) in pixels, and a mask of their pixels."""
    height, width = dark.shape
    min_len = max(int(_RULE_MIN * per_inch), 12)
    max_thick = max(int(_RULE_MAX_THICK * per_inch), 3)
    h, h_cover = _segments(dark, min_len, max_thick, (int(_EDGE_MARGIN * height), int(_EDGE_MARGIN * width)))
    v, v_cover = _segments(dark.T, min_len, max_thick, (int(_EDGE_MARGIN * width), int(_EDGE_MARGIN * height)))
    return h, v, h_cover | v_cover.T


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"object_type": "ocr_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}


# -- OCR ---------------------------------------------------------------------------------------------------

def _ocr_regions(binary: str, images: list, dpi: float) -> list[list[dict]]:
    """OCR several image regions in one Tesseract run: stacked with white space between them, so that
    each is read as its own lines. Word boxes come back relative to their region."""
    pad = max(int(dpi * 0.15), 8)
    width = max(im.shape[1] for im in images) + 2 * pad
    offsets, y = [], pad
    for im in images:
        offsets.append(y)
        y += im.shape[0] + pad
    canvas = np.full((y, width), 255, dtype=np.uint8)
    for im, top in zip(images, offsets):
        canvas[top:top + im.shape[0], pad:pad + im.shape[1]] = im
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
        image_path = Path(tmp) / "page.png"
        Image.fromarray(gray).save(image_path, dpi=(round(dpi), round(dpi)))
        argv = [binary, str(image_path), "stdout", "-l", OCR_LANG, "--psm", "6", "--dpi", str(round(dpi)), "tsv"]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: batch workers run in parallel already
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    cwd=tmp, env=env, start_new_session=True)
        except OSError as exc:
            raise UnreadableDocument(f"Tesseract could not be started ({exc.strerror or exc})") from exc
        try:
            out, err = proc.communicate(timeout=OCR_TIMEOUT)
        except BaseException as exc:  # our time limit, or the batch runner's: never leave Tesseract behind
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
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
    words = []
    lines = text.splitlines()
    if not lines:
        return words
    names = lines[0].split("\t")
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) != len(names):
            continue
        row = dict(zip(names, parts))
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
        words.append({"text": row["text"].strip(), "left": box[0], "top": box[1], "width": box[2],
                      "height": box[3], "conf": conf, "line": key})
    return words


def _to_points(word: dict, scale: float, x0: float, top: float) -> dict:
    return {"text": word["text"], "x0": x0 + word["left"] / scale, "x1": x0 + (word["left"] + word["width"]) / scale,
            "top": top + word["top"] / scale, "bottom": top + (word["top"] + word["height"]) / scale,
            "conf": word["conf"], "line": word["line"]}


def _junk(word: dict) -> bool:
    """Specks and remains of ruling lines that Tesseract read as punctuation."""
    return all(ch in _JUNK for ch in word["text"]) and (word["conf"] < 50 or set(word["text"]) <= {"|", "_"})


# -- words to text -------------------------------------------------------------------------------------------

def _settle(words: list[dict]) -> list[dict]:
    """Words on one visual line get that line's top and bottom (OCR boxes follow each word's own glyphs,
    so "on" sits lower than "The"); a small bullet-like glyph starting a line becomes "•"."""
    if not words:
        return []
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
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        height = statistics.median(w["bottom"] - w["top"] for w in line)
        for i, word in enumerate(line):
            text = word["text"]
            if (i == 0 and len(line) > 1 and len(text) == 1 and text in _BULLET_LOOKALIKES
                    and word["bottom"] - word["top"] <= 0.8 * height):
                text = BULLET.strip()
            out.append(dict(word, text=text, top=top, bottom=bottom))
    return out


def _table(found, in_cell: dict, page: int, order: int) -> Table:
    rows = []
    for row in found.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:  # covered by a cell merged from the left or above
                cells.append(Cell(text="", page=page, merged=True, ocr=True))
                continue
            mine = _settle(in_cell.get(bbox, []))
            confidence = round(statistics.fmean(w["conf"] for w in mine) / 100, 3) if mine else None
            # no bbox for cell_text: the longest line's end is a safer right edge than the ruling line, since
            # OCR boxes are a point or two off and would turn wrapped lines into paragraph breaks
            cells.append(Cell(text=cell_text(mine), page=page, bbox=tuple(bbox), overflows=_overflows(mine, bbox),
                              ocr=True, ocr_confidence=confidence))
        rows.append(Row(cells=tuple(cells), page=page))
    return Table(rows=tuple(rows), order=order, page=page, bbox=tuple(found.bbox))


_NOTE_RE = re.compile(r"^read by OCR \(no text layer\): pages? ([\d, ]+); mean word confidence (\d+)% over (\d+) words")


def _note(doc: Document, number: int, words: list[dict]) -> None:
    """One warning per document naming the OCR'd pages and their mean word confidence (0–100)."""
    pages, total, count = [number], sum(w["conf"] for w in words), len(words)
    for i, warning in enumerate(doc.warnings):
        match = _NOTE_RE.match(warning)
        if match:
            pages = [int(p) for p in match.group(1).split(", ")] + pages
            total += int(match.group(2)) * int(match.group(3))
            count += int(match.group(3))
            del doc.warnings[i]
            break
    label = ("page " if len(pages) == 1 else "pages ") + ", ".join(map(str, pages))
    mean = total / count if count else 0.0
    doc.warnings.append(f"read by OCR (no text layer): {label}; mean word confidence {mean:.0f}% over {count} words;"
                        " check the rows")


__all__ = ["needs_ocr", "read_scanned_page", "row_ocr", "find_tesseract"]
