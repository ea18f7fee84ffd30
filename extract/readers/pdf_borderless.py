"""Borderless (whitespace-aligned) tables in PDFs.

With no ruling lines, the table is found from its header: a line (or two or three
lines, for wrapped labels) whose word groups, split at wide gaps, read as tracking
table column labels. The labels' left edges give the column boundaries; the lines
below are cut into cells at those boundaries until a line crosses one (body text
again) or a large gap ends the table. A new row starts at a numbered line in the
number/recommendation column, or after a taller gap; a taller gap with that column
empty starts a continuation row, which the row stage folds into the recommendation
above, as it does for ruled tables.

When a table runs to the foot of a page and the next page has no header, the
column boundaries carry over and the top of the next page continues the table.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ..headers import HeaderMap, looks_numbered, map_header
from ..model import Cell, Row, Table

_COLUMN_GAP = 6.0  # points of white space that separate two columns on a line
_HEADER_WORDS_RE = re.compile(r"recommend", re.I)
_END_GAP = 4.0  # a vertical gap this many text heights ends the table
_ID_RE = re.compile(r"^\(?(?:r|rec\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?[.):]?$", re.I)


@dataclass(frozen=True, slots=True)
class Columns:
    """Left edges of the columns (the first is open to the left) and the header mapping."""

    lefts: tuple[float, ...]
    header: HeaderMap

    def index(self, word: dict) -> int:
        x = word["x0"] + 1.0
        col = 0
        for i, left in enumerate(self.lefts):
            if x >= left:
                col = i
        return col

    def crosses(self, line: list[dict]) -> bool:
        """Does a word, or a run of words without a column gap, straddle a boundary?"""
        for left in self.lefts[1:]:
            for a, b in zip(line, line[1:]):
                if a["x1"] < left - 0.5 <= b["x0"] and b["x0"] - a["x1"] < _COLUMN_GAP * 0.6:
                    return True  # an ordinary word space right at the boundary: running text
            if any(w["x0"] < left - 2 and w["x1"] > left + 2 for w in line):
                return True
        return False


def segments(line: list[dict]) -> list[list[dict]]:
    """Split a line's words at gaps wide enough to separate columns."""
    out: list[list[dict]] = []
    for word in line:
        if out and word["x0"] - out[-1][-1]["x1"] < _COLUMN_GAP:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def find_header(lines: list[list[dict]]) -> tuple[int, int, Columns] | None:
    """The first header block: (first line index, number of lines, columns), or None."""
    for i, line in enumerate(lines):
        text = " ".join(w["text"] for w in line)
        if not _HEADER_WORDS_RE.search(text) and not (i + 1 < len(lines) and _HEADER_WORDS_RE.search(
                " ".join(w["text"] for w in lines[i + 1]))):
            continue
        best: tuple[int, int, Columns] | None = None
        for size in (1, 2, 3):
            block = lines[i:i + size]
            if len(block) < size or not _close(block):
                break
            columns = _columns(block)
            if columns is not None and (best is None or len(columns.header.columns) >= len(best[2].header.columns)):
                best = (i, size, columns)
        if best is not None:
            return best
    return None


def _close(block: list[list[dict]]) -> bool:
    """Header lines of one wrapped label row sit close together."""
    for a, b in zip(block, block[1:]):
        height = a[0]["bottom"] - a[0]["top"]
        if b[0]["top"] - a[0]["bottom"] > 0.8 * height:
            return False
    return True


def _columns(block: list[list[dict]]) -> Columns | None:
    spans: list[list[float | str]] = []  # [x0, x1, text]
    for line in block:
        for seg in segments(line):
            x0, x1, text = seg[0]["x0"], seg[-1]["x1"], " ".join(w["text"] for w in seg)
            for span in spans:
                if x0 < span[1] + 1 and x1 > span[0] - 1:  # overlaps a label from the line above
                    span[0], span[1], span[2] = min(span[0], x0), max(span[1], x1), f"{span[2]}\n{text}"
                    break
            else:
                spans.append([x0, x1, text])
    spans.sort(key=lambda s: s[0])
    if len(spans) < 2:
        return None
    header = map_header(Row(cells=tuple(Cell(text=str(s[2])) for s in spans)), 0)
    if header is None:
        return None
    return Columns(lefts=tuple(float(s[0]) for s in spans), header=header)


def build_table(lines: list[list[dict]], columns: Columns, page: int, order: int,
                header_lines: list[list[dict]] | None) -> tuple[Table, int]:
    """Cut ``lines`` (the lines below the header) into rows and cells; return the table and lines used."""
    heights = [ln[0]["bottom"] - ln[0]["top"] for ln in lines] or [10.0]
    height = statistics.median(heights)
    body: list[list[dict]] = []
    for i, line in enumerate(lines):
        if columns.crosses(line):
            break
        if body and line[0]["top"] - body[-1][0]["bottom"] > _END_GAP * height:
            break
        body.append(line)
    rows = _rows(body, columns)
    rights = _rights(body, columns)
    table_rows = []
    if header_lines:
        table_rows.append(_row(header_lines, columns, page, _rights(header_lines, columns)))
    table_rows.extend(_row(r, columns, page, rights) for r in rows)
    top = (header_lines or body or [[{"top": 0.0}]])[0][0]["top"]
    bottom = max((w["bottom"] for ln in body for w in ln), default=top)
    table = Table(rows=tuple(table_rows), order=order, page=page, bbox=(columns.lefts[0], top, 10_000.0, bottom))
    return table, len(body)


def _rows(body: list[list[dict]], columns: Columns) -> list[list[list[dict]]]:
    key = columns.header.col("rec_id")
    if key is None:
        key = columns.header.col("recommendation")
    rec = columns.header.col("recommendation")
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(body, body[1:])]
    usual = min(gaps) if gaps else 0.0
    own_column = key == columns.header.col("rec_id")
    numbered = any(_is_number(_key_text(line, columns, key), own_column) for line in body)
    rows: list[list[list[dict]]] = []
    for i, line in enumerate(body):
        key_text = _key_text(line, columns, key)
        gap_before = i > 0 and gaps[i - 1] > usual * 1.3 + 0.5
        fresh = gap_before or not _key_text(body[i - 1], columns, key)  # not the next line of the same cell
        starts = i == 0 or (fresh and _is_number(key_text, own_column))
        if not starts and gap_before:
            rec_empty = not _key_text(line, columns, rec)
            starts = rec_empty or not numbered
        if starts:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _key_text(line: list[dict], columns: Columns, col: int | None) -> str:
    if col is None:
        return ""
    return " ".join(w["text"] for w in line if columns.index(w) == col)


def _is_number(text: str, own_column: bool) -> bool:
    """A number-column value ("4", "R2"), or a recommendation that opens with its number ("4)", "4.")."""
    if not text:
        return False
    if own_column:
        return bool(_ID_RE.match(text.split()[0]))
    return looks_numbered(text)


def _rights(lines: list[list[dict]], columns: Columns) -> list[float]:
    """Each column's right text edge: the furthest any of its words reaches in the table."""
    rights = list(columns.lefts[1:]) + [columns.lefts[-1] + 1.0]
    seen = [0.0] * len(columns.lefts)
    for line in lines:
        for word in line:
            col = columns.index(word)
            seen[col] = max(seen[col], word["x1"])
    return [s if s else r for s, r in zip(seen, rights)]


def _row(lines: list[list[dict]], columns: Columns, page: int, rights: list[float]) -> Row:
    from .pdf_reader import cell_text

    per_col: list[list[dict]] = [[] for _ in columns.lefts]
    for line in lines:
        for word in line:
            per_col[columns.index(word)].append(word)
    cells = []
    for col, words in enumerate(per_col):
        left = min((w["x0"] for w in words), default=columns.lefts[col])
        right = rights[col]
        top = min((w["top"] for w in words), default=0.0)
        bottom = max((w["bottom"] for w in words), default=0.0)
        bbox = (left, top - 1, right, bottom + 1)
        cells.append(Cell(text=cell_text(words, bbox), page=page, bbox=bbox))
    return Row(cells=tuple(cells), page=page)
