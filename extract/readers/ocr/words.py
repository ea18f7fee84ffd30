"""OCR words to text: boxes in PDF points as a text layer would give them, lines, bullets, cell text and
the tables of an OCR'd page."""

from __future__ import annotations

import re
import statistics

from ...model import Cell, Row, Table
from ..pdf_text import _overflows, cell_text

_BULLET_LOOKALIKES = frozenset("•·«»°*eo©®¢@")  # what Tesseract makes of "•"
_QUOTES = frozenset("'\"‘’“”")
_JUNK = frozenset("|_[]{}!'\"‘’“”.,:;")


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
