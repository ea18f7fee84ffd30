"""Which image pages are worth OCR, and at what resolution: a quick look at low resolution.

OCR of a photo costs much (tens of seconds, hundreds of MB for a large one) and gives nothing. Before the
full render, the page is rendered small (``SKIM_DPI``, fewer pixels for a large page: ``SKIM_PIXELS``) and
its dark marks are grouped into connected components. Text shows as runs of glyph-sized marks side by side
on one line: similar heights, overlapping vertically, a small gap apart, and little else dark around them.
A page is worth OCR when it has at least ``MIN_LINES`` such lines of ``MIN_MARKS`` marks or more. A photo,
a drawing or a blank page has none: its dark areas are large blobs, its lines run in the open, and the specks
of its texture are scattered among other specks rather than set in clean lines. Lines running down the page
count too when there are many (a landscape page scanned sideways). The look takes well under a second (a
photo's OCR took 5 to 60 s and more).

The marks' usual height also gives the resolution the text needs: large type is rendered so that its marks
are about ``TARGET_HEIGHT`` pixels high (a little more than 10 pt type at 300 dpi, which Tesseract reads
well), ordinary and small type at ``OCR_DPI`` as before. A scan stored without its resolution (a 300-dpi
scan said to be 72 dpi, so a page of 34 x 48 inches) is then rendered at about its own size rather than at
the largest size allowed, and the OCR steps measure in inches of its type (``Look.per_inch``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .image import OCR_DPI, _even_out, _render, threshold

SKIM_DPI = 150  # resolution of the quick look (for ordinary page sizes)
SKIM_PIXELS = 3_000_000  # larger pages are looked at in fewer pixels
MIN_MARKS = 6  # marks side by side that make a line of text (a letter each, or a word where letters touch)
MIN_LINES = 3  # lines of text that make a page worth OCR
MIN_LINES_DOWN = 10  # lines of text running down the page that make it worth OCR (a page scanned sideways)
MAX_CLUTTER = 0.015  # share of a line's box dark outside its marks (a text line: dots of i and j, accents)
TARGET_HEIGHT = 30.0  # pixels: the usual height of a line's marks that OCR is rendered for
BODY_HEIGHT = 5.8  # points: the usual height of the marks of 10 pt body text
MIN_OCR_DPI = 70.0  # never OCR below this resolution, however large the text


@dataclass(frozen=True, slots=True)
class Look:
    """What the quick look saw: lines of text, their marks' usual height in points (None: too few lines to
    tell) and the resolution the text needs (None: the default, ``OCR_DPI``)."""

    lines: int
    height_pt: float | None = None
    dpi: float | None = None

    @property
    def has_text(self) -> bool:
        return self.lines >= MIN_LINES

    def per_inch(self, rendered: float) -> float:
        """The resolution the OCR steps should assume for an image rendered at ``rendered`` dpi. Their sizes
        (the shortest ruling line, the largest speck, Tesseract's --dpi) are in inches of ordinary type; for
        large text, rendered at less than ``OCR_DPI``, an inch is scaled by the text's size over body text's
        (a 300-dpi scan stored as 72 dpi has letters four times the size, in points, of the paper's own)."""
        if self.dpi is None or self.height_pt is None:
            return rendered
        return rendered * max(self.height_pt / BODY_HEIGHT, 1.0)


def look(page) -> Look:
    """Render ``page`` small and count its lines of text (see the module docstring)."""
    width_in = (page.bbox[2] - page.bbox[0]) / 72
    height_in = (page.bbox[3] - page.bbox[1]) / 72
    dpi = min(SKIM_DPI, (SKIM_PIXELS / max(width_in * height_in, 1e-6)) ** 0.5)
    gray, scale = _render(page, dpi)
    return look_image(gray, scale * 72)


def look_image(gray, per_inch: float) -> Look:
    """``look`` on a grayscale image with ``per_inch`` pixels per inch."""
    gray = _even_out(gray, per_inch)
    dark = gray <= threshold(gray)
    heights = text_lines(dark, per_inch)
    if len(heights) < MIN_LINES:
        return Look(len(heights))
    usual = float(np.median(heights)) * 72 / per_inch  # in points
    return Look(len(heights), usual, text_dpi(usual))


def text_dpi(height_pt: float) -> float | None:
    """The resolution at which marks ``height_pt`` points high are ``TARGET_HEIGHT`` pixels high, when that is
    below ``OCR_DPI`` (None: render at ``OCR_DPI``, as for any ordinary page)."""
    dpi = TARGET_HEIGHT / max(height_pt, 1e-6) * 72
    if dpi >= OCR_DPI:
        return None
    return max(dpi, MIN_OCR_DPI)


def text_lines(dark, per_inch: float) -> list[float]:
    """The median mark height (pixels) of each line of text in the binary image ``dark``: lines across the
    page, or down it (a landscape page scanned sideways) when there are more of those and at least
    ``MIN_LINES_DOWN`` (a texture's chance chains should not count twice)."""
    boxes = components(dark)
    if not len(boxes):
        return []
    across = _glyph_lines(boxes, dark, per_inch)
    down = _glyph_lines(boxes[:, [1, 0, 3, 2, 4]], dark.T, per_inch)
    return down if len(down) > len(across) and len(down) >= MIN_LINES_DOWN else across


def _glyph_lines(boxes, dark, per_inch: float) -> list[float]:
    y0, x0, y1, x1, count = boxes.T
    h, w = y1 - y0, x1 - x0
    fill = count / np.maximum(h * w, 1)
    low, high = max(5.0, 0.025 * per_inch), 0.6 * per_inch
    glyph = (h >= low) & (h <= high) & (w <= 4 * h + 2) & (fill >= 0.08)
    marks = boxes[glyph]
    if len(marks) < MIN_MARKS:
        return []
    return _lines(marks, dark)


def _lines(marks, dark) -> list[float]:
    """Marks joined to the next mark on the right when they sit on one line: similar heights, overlapping
    vertically by most of the smaller height, at most a letter's height apart. A chain of ``MIN_MARKS`` or
    more is a line of text when little else is dark inside its box (``MAX_CLUTTER``): the texture of a photo
    makes chains too, but among other dark specks and blobs."""
    y0, x0, y1, x1 = (marks[:, i].astype(float) for i in range(4))
    h = y1 - y0
    middle = (y0 + y1) / 2
    size = float(np.median(h))
    firsts, seconds = [], []
    for band in (0.0, 0.5):  # two sets of bands, offset by half: neighbours near one band's edge meet in the other
        key = np.floor(middle / size + band)
        order = np.lexsort((x0, key))
        for step in (1, 2, 3):  # the next marks along the band (a speck or an accent may sit between)
            a, b = order[:-step], order[step:]
            small, large = np.minimum(h[a], h[b]), np.maximum(h[a], h[b])
            overlap = np.minimum(y1[a], y1[b]) - np.maximum(y0[a], y0[b])
            gap = x0[b] - x1[a]
            ok = (key[a] == key[b]) & (large <= 2.2 * small) & (overlap >= 0.6 * small)
            ok &= (gap <= 1.2 * large) & (gap >= -0.3 * small)
            firsts.append(a[ok])
            seconds.append(b[ok])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    if not len(first):
        return []
    _, chain, counts = np.unique(_union(len(marks), first, second), return_inverse=True, return_counts=True)
    keep = counts[chain] >= MIN_MARKS
    if not keep.any():
        return []
    _, group = np.unique(chain[keep], return_inverse=True)
    n = int(group.max()) + 1
    top, left = np.full(n, np.inf), np.full(n, np.inf)
    bottom, right = np.zeros(n), np.zeros(n)
    np.minimum.at(top, group, y0[keep])
    np.minimum.at(left, group, x0[keep])
    np.maximum.at(bottom, group, y1[keep])
    np.maximum.at(right, group, x1[keep])
    t, b, lf, r = (v.astype(np.int64) for v in (top, bottom, left, right))
    sums = np.pad(dark.astype(np.int64), ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    inked = sums[b, r] - sums[t, r] - sums[b, lf] + sums[t, lf]
    own = np.bincount(group, weights=marks[keep, 4], minlength=n)
    clean = inked - own <= MAX_CLUTTER * (b - t) * (r - lf)
    heights = h[keep][np.lexsort((h[keep], group))]  # by line, then by height: each line's median
    sizes = np.bincount(group, minlength=n)
    starts = np.cumsum(sizes) - sizes
    medians = (heights[starts + (sizes - 1) // 2] + heights[starts + sizes // 2]) / 2
    return [float(m) for m in medians[clean]]


def components(mask) -> np.ndarray:
    """The 8-connected components of a boolean image: rows (top, left, bottom, right, pixels), bottom and right
    exclusive. Found from runs of True along each row, joined where runs on neighbouring rows touch."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    ends = np.nonzero(diff == -1)[1]
    n = len(rows)
    if not n:
        return np.zeros((0, 5), dtype=np.int64)
    stride = width + 2
    start_key = rows.astype(np.int64) * stride + starts
    end_key = rows.astype(np.int64) * stride + ends
    below = (rows.astype(np.int64) + 1) * stride
    # the runs on the next row that touch each run (diagonals too): a contiguous range of run indices
    first = np.searchsorted(end_key, below + starts, side="left")
    last = np.searchsorted(start_key, below + ends, side="right")
    counts = np.maximum(last - first, 0)
    a = np.repeat(np.arange(n), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    b = np.repeat(first, counts) + offsets
    labels = _union(n, a, b)
    _, comp = np.unique(labels, return_inverse=True)
    k = int(comp.max()) + 1
    top, left = np.full(k, height, dtype=np.int64), np.full(k, width, dtype=np.int64)
    bottom, right = np.zeros(k, dtype=np.int64), np.zeros(k, dtype=np.int64)
    np.minimum.at(top, comp, rows)
    np.minimum.at(left, comp, starts)
    np.maximum.at(bottom, comp, rows + 1)
    np.maximum.at(right, comp, ends)
    pixels = np.bincount(comp, weights=ends - starts, minlength=k).astype(np.int64)
    return np.stack([top, left, bottom, right, pixels], axis=1)


def _union(n: int, a, b):
    """Connected components of the graph on ``n`` nodes with edges (a[i], b[i]): each node's smallest member."""
    labels = np.arange(n)
    if not len(a):
        return labels
    while True:
        la, lb = labels[a], labels[b]
        differ = la != lb
        if not differ.any():
            return labels
        la, lb = la[differ], lb[differ]
        low = np.minimum(la, lb)
        np.minimum.at(labels, np.maximum(la, lb), low)  # hook the larger root under the smaller
        while True:  # then point every node straight at its root
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
