"""Columns of a borderless PDF table: their left edges, and word groups split at column gaps."""

from __future__ import annotations

from dataclasses import dataclass

from ..headers import HeaderMap

COLUMN_GAP = 6.0  # points of white space that separate two columns on a line

_OTHER_TYPE = 0.12  # type this much larger or smaller than the table's is not the table's

Rule = tuple[float, float, float]  # a horizontal rule on the page: (y, x0, x1)


def column_of(lefts: tuple[float, ...], word: dict) -> int:
    """The column a word starts in, given the columns' left edges (the first open to the left)."""
    x = word["x0"] + 1.0
    col = 0
    for i, left in enumerate(lefts):
        if x >= left:
            col = i
    return col


@dataclass(frozen=True, slots=True)
class Columns:
    """Left edges of the columns (the first is open to the left) and the header mapping."""

    lefts: tuple[float, ...]
    header: HeaderMap
    text_height: float = 0.0  # the body's type size, once known (a table carried on to the next page)

    def other_type(self, line: list[dict]) -> bool:
        """Is ``line`` set in type of another size than the table's body (the paper's own text after it)?"""
        size = type_size([line])
        return bool(self.text_height and size) and abs(size - self.text_height) > _OTHER_TYPE * self.text_height

    def index(self, word: dict) -> int:
        return column_of(self.lefts, word)

    def under(self, x0: float, x1: float) -> frozenset[int]:
        """The columns a rule from ``x0`` to ``x1`` runs under (well into each column, not just its edge)."""
        ends = (*self.lefts[1:], float("inf"))
        return frozenset(
            i
            for i, (left, end) in enumerate(zip(self.lefts, ends, strict=True))
            if x0 < end - 2 * COLUMN_GAP and x1 > left + 2 * COLUMN_GAP
        )

    def crosses(self, line: list[dict]) -> bool:
        """Does a word, or a run of words without a column gap, straddle a boundary?"""
        for left in self.lefts[1:]:
            for a, b in zip(line, line[1:], strict=False):
                if a["x1"] < left - 0.5 <= b["x0"] and b["x0"] - a["x1"] < COLUMN_GAP * 0.6:
                    return True  # an ordinary word space right at the boundary: running text
            if any(w["x0"] < left - 2 and w["x1"] > left + 2 for w in line):
                return True
        return False


def segments(line: list[dict]) -> list[list[dict]]:
    """Split a line's words at gaps wide enough to separate columns."""
    out: list[list[dict]] = []
    for word in line:
        if out and word["x0"] - out[-1][-1]["x1"] < COLUMN_GAP:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def type_size(lines: list[list[dict]]) -> float:
    """The size of the type ``lines`` are set in: the lower median height of their words with a letter or a
    figure (a bullet glyph may stand taller); 0 when there is none."""
    heights = sorted(
        w["bottom"] - w["top"]
        for line in lines
        for w in line
        if any(ch.isalnum() for ch in w["text"].replace("cid", ""))
    )
    return heights[(len(heights) - 1) // 2] if heights else 0.0
