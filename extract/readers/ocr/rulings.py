"""Ruling lines found in a page image, and pdfplumber's tables from them (given as explicit lines)."""

from __future__ import annotations

import numpy as np

_RULE_MIN = 0.25  # inches: shortest dark run counted as a ruling line (longer than any text stroke)
_RULE_MAX_THICK = 0.05  # inches: a thicker dark band is a filled area, not a line
_EDGE_MARGIN = 0.012  # share of the page: lines this close to the edge are scanner borders
_OVERHANG = 0.15  # inches: how far a rule may run on past the last rule it crosses (a letter touching it)
TABLE_SETTINGS = {
    "vertical_strategy": "explicit",
    "horizontal_strategy": "explicit",
    "snap_tolerance": 4,
    "join_tolerance": 8,
    "intersection_tolerance": 5,
}


def _find_tables(page, h_lines, v_lines, scale: float) -> list:
    """pdfplumber's tables from the ruling lines found in the image (given as explicit lines, in points)."""
    x0, top = page.bbox[0], page.bbox[1]
    h_edges = [_edge("h", x0 + a / scale, x0 + b / scale, top + y / scale, top + y / scale) for y, a, b in h_lines]
    v_edges = [_edge("v", x0 + x / scale, x0 + x / scale, top + a / scale, top + b / scale) for x, a, b in v_lines]
    if len(h_edges) < 2 or len(v_edges) < 2:
        return []
    settings = dict(TABLE_SETTINGS, explicit_horizontal_lines=h_edges, explicit_vertical_lines=v_edges)
    return [t for t in page.find_tables(settings) if t.rows and len(t.rows[0].cells) >= 2]


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


def _anchored(lines: list[tuple], across: list[tuple], tol: float, overhang: float = 0.0) -> list[tuple]:
    """The lines whose two ends meet a line of the other direction, as every rule of a ruled table does.
    This drops runs along the feet of bold words and underlines, which end in the open. An end may run on
    past the last line it crosses by up to ``overhang`` (a letter's stroke touching the rule, read as part of
    it): it is cut back there."""
    out = []
    for line in lines:
        position, start, end = line[0], line[1], line[2]
        crossed = [o[0] for o in across if o[1] - tol <= position <= o[2] + tol and start - tol <= o[0] <= end + tol]
        if len(crossed) < 2:
            continue
        first, last = min(crossed), max(crossed)
        if first - start > tol + overhang or end - last > tol + overhang:
            continue
        if first - start > tol:
            start = int(first)
        if end - last > tol:
            end = int(round(last)) + 1
        out.append((position, start, end, *line[3:]))
    return out


def _rulings(dark, per_inch: float):
    """Horizontal lines (y, x0, x1), vertical lines (x, y0, y1) in pixels, and a mask of their pixels."""
    height, width = dark.shape
    min_len = max(int(_RULE_MIN * per_inch), 12)
    max_thick = max(int(_RULE_MAX_THICK * per_inch), 3)
    h = _segments(dark, min_len, max_thick, (int(_EDGE_MARGIN * height), int(_EDGE_MARGIN * width)))
    v = _segments(dark.T, min_len, max_thick, (int(_EDGE_MARGIN * width), int(_EDGE_MARGIN * height)))
    tol = max_thick / 2 + 0.02 * per_inch
    overhang = _OVERHANG * per_inch
    h, v = _anchored(h, v, tol, overhang), _anchored(v, h, tol, overhang)
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
