"""Page images for OCR: rendering, straightening (skew), evening out the lighting, thresholds, contrast
and specks."""

from __future__ import annotations

import numpy as np

OCR_DPI = 300  # render resolution; Tesseract reads body text best at about 300 dpi
MAX_PIXELS = 40_000_000  # larger pages (posters, A0 plans) are rendered at a lower resolution
MAX_SIDE = 32_000  # pixels: Tesseract refuses images over 32,767 pixels wide or high
_MAX_SKEW = 3.0  # degrees


def _render(page, dpi: float = OCR_DPI):
    """The page as a grayscale numpy array, and pixels per PDF point."""
    width_in = (page.bbox[2] - page.bbox[0]) / 72
    height_in = (page.bbox[3] - page.bbox[1]) / 72
    dpi = min(dpi, (MAX_PIXELS / max(width_in * height_in, 1e-6)) ** 0.5, MAX_SIDE / max(width_in, height_in, 1e-6))
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
