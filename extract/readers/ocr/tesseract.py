"""Tesseract: finding it, running it over stacks of image regions (TSV output), parsing its words.

Regions are stacked into as few images as fit ``MAX_STACK`` pixels high (Tesseract refuses an image over
32,767 pixels high or wide, and its memory grows with the image), so a page of many cells takes a few runs.
A run that fails or overruns the page's time (``OCR_TIMEOUT``) raises ``OcrFailed``: that page is not read,
the rest of the document is.
"""

from __future__ import annotations

import bisect
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from ...errors import ToolMissing, UnreadableDocument, short_reason
from .. import external
from .words import _BULLET_LOOKALIKES, _QUOTES

OCR_LANG = "eng"
OCR_TIMEOUT = 120.0  # seconds for one page (all its runs)
MAX_STACK = 16_000  # pixels: the highest stack of regions given to one Tesseract run
TESSERACT_CONFIG: tuple[str, ...] = ()  # extra Tesseract arguments, e.g. ("-c", "name=value")
_INSTALL_HINT = "install it with `apt-get install tesseract-ocr` or run `make setup`"


class OcrFailed(UnreadableDocument):
    """Tesseract failed on one page (an error, or the page's time ran out): the page is skipped with a warning.
    (Tesseract missing or not runnable, or its language data missing, is a ToolMissing: no page could be read.)"""


def find_tesseract() -> str | None:
    return shutil.which("tesseract")


def _ocr_regions(binary: str, images: list, dpi: float, deadline: float | None = None) -> list[list[dict]]:
    """The words of each image region (boxes relative to the region), from Tesseract runs over stacks of them,
    and a second pass over the lines that start with a bullet, read again without it: a bullet and the tab
    after it make Tesseract run the next words together ("• A new form" comes out as "e Anew form").
    ``deadline`` (``time.monotonic()``) bounds all the runs; by default ``OCR_TIMEOUT`` from now."""
    if deadline is None:
        deadline = time.monotonic() + OCR_TIMEOUT
    words = _ocr_stacks(binary, images, dpi, deadline)
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
        for (index, rest, x0, y0, top, bottom), new in zip(
            where, _ocr_stacks(binary, strips, dpi, deadline), strict=False
        ):
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


def _pad(dpi: float) -> int:
    """White space above, below and beside each region of a stack."""
    return max(int(dpi * 0.15), 8)


def _ocr_stacks(binary: str, images: list, dpi: float, deadline: float) -> list[list[dict]]:
    """``_ocr_stack`` over runs of ``images`` whose stack is at most ``MAX_STACK`` pixels high (a region
    higher than that goes alone: the page renderer keeps each under Tesseract's limit)."""
    pad = _pad(dpi)
    out: list[list[dict]] = []
    start, height = 0, pad
    for index, im in enumerate(images):
        if index > start and height + im.shape[0] + pad > MAX_STACK:
            out.extend(_ocr_stack(binary, images[start:index], dpi, deadline))
            start, height = index, pad
        height += im.shape[0] + pad
    if start < len(images):
        out.extend(_ocr_stack(binary, images[start:], dpi, deadline))
    return out


def _ocr_stack(binary: str, images: list, dpi: float, deadline: float | None = None) -> list[list[dict]]:
    """OCR several image regions in one Tesseract run: stacked with white space between them, so that
    each is read as its own lines. Word boxes come back relative to their region."""
    pad = _pad(dpi)
    width = max(im.shape[1] for im in images) + 2 * pad
    offsets, y = [], pad
    for im in images:
        offsets.append(y)
        y += im.shape[0] + pad
    canvas = np.full((y, width), 255, dtype=np.uint8)
    for im, top in zip(images, offsets, strict=True):
        canvas[top : top + im.shape[0], pad : pad + im.shape[1]] = im
    out: list[list[dict]] = [[] for _ in images]
    for word in _ocr(binary, canvas, dpi, deadline):
        middle = word["top"] + word["height"] / 2
        index = bisect.bisect_right(offsets, middle) - 1
        if index >= 0 and middle < offsets[index] + images[index].shape[0]:
            out[index].append(dict(word, left=word["left"] - pad, top=word["top"] - offsets[index]))
    return out


def _ocr(binary: str, gray, dpi: float, deadline: float | None = None) -> list[dict]:
    """Tesseract's words for the image: dicts with text, left, top, width, height (pixels) and conf (0–100).
    Raises OcrFailed when Tesseract fails or is still running at ``deadline`` (default: ``OCR_TIMEOUT`` s)."""
    from PIL import Image

    timeout = OCR_TIMEOUT if deadline is None else deadline - time.monotonic()
    if timeout <= 0:
        raise OcrFailed(f"Tesseract took over {OCR_TIMEOUT:g} s on a scanned page")

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
            proc = external.start(argv, cwd=tmp, env=env)
        except OSError as exc:
            raise ToolMissing(f"Tesseract could not be started ({exc.strerror or exc})") from exc
        try:  # our time limit, or the batch runner's: never leave Tesseract behind
            out, err = external.finish(proc, timeout)
        except subprocess.TimeoutExpired:
            raise OcrFailed(f"Tesseract took over {OCR_TIMEOUT:g} s on a scanned page") from None
    if proc.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        reason = short_reason(detail[-1]) if detail else f"exit status {proc.returncode}"
        if "traineddata" in reason or "language" in reason.lower():
            reason += f"; install the language data with `apt-get install tesseract-ocr-{OCR_LANG}`"
            raise ToolMissing(f"Tesseract could not read a scanned page ({reason})")  # no page can be read
        raise OcrFailed(f"Tesseract could not read a scanned page ({reason})")
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
