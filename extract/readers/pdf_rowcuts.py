"""Rows of a borderless PDF table, cut from geometry.

A numbered table starts a row at each entry of its number column (or of its recommendation
column, when the numbers open those cells): the row begins at a rule, or in the white band, just
above that entry. An unnumbered table starts a row at each rule across the table, or else where
the recommendation column starts a new block below a white band across the whole table width
that is clearly taller than the space between the lines of a cell. Every word then goes to the
row its middle falls in, so a wrapped line always stays with the cell above it.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..headers import looks_numbered
from .pdf_columns import Columns, Rule
from .pdf_text import _lines

_SHORT_ROLES = ("rec_id", "responsible", "timescale", "status", "accepted")
_ROW_BAND_SHARE = 0.65  # in an unnumbered table, a row gap is at least this share of the widest one
_ID_RE = re.compile(r"^\(?(?:r|rec\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?[.):]?$", re.I)
# a number run into its text with no space: "R4:Let", "2.The", "(3)Improve"
_GLUED_ID_RE = re.compile(r"^((?:r|rec\.?)?\d{1,3}[a-z]?[.:)]|\(\d{1,3}[a-z]?\))([A-Za-z\u2018\u201c\"'(].*)$", re.I)


@dataclass(frozen=True, slots=True)
class _Geometry:
    """The body's vertical layout: text height, the usual line pitch inside a cell, and the
    runs of the page (top, bottom) that hold text in some column, with the white bands between them."""

    height: float
    pitch: float
    intervals: tuple[tuple[float, float], ...]

    @property
    def line_gap(self) -> float:
        """The white space between two lines of one paragraph in a cell."""
        return max(self.pitch - self.height, 0.0)

    @classmethod
    def measure(cls, words: list[dict], col_lines: list[list[list[dict]]]) -> _Geometry:
        height = statistics.median(w["bottom"] - w["top"] for w in words)
        steps = [b[0]["top"] - a[0]["top"] for lines in col_lines for a, b in zip(lines, lines[1:], strict=False)]
        steps = [s for s in steps if s >= 0.8 * height]
        pitch = 1.2 * height
        if steps:
            least = min(steps)
            pitch = statistics.median(s for s in steps if s <= 1.2 * least + 0.5)
        intervals: list[list[float]] = []
        for word in sorted(words, key=lambda w: w["top"]):
            if intervals and word["top"] <= intervals[-1][1]:
                intervals[-1][1] = max(intervals[-1][1], word["bottom"])
            else:
                intervals.append([word["top"], word["bottom"]])
        return cls(height, pitch, tuple((a, b) for a, b in intervals))

    def run_at(self, y: float) -> int:
        """The index of the text run that holds ``y`` (or the last one starting above it)."""
        return max(bisect.bisect_right([a for a, _ in self.intervals], y + 0.01) - 1, 0)

    def band_above(self, y: float) -> tuple[float, float] | None:
        """The white band (top, bottom) right above the text at ``y``, when the text there starts
        no more than half a line above ``y`` (otherwise text of another column runs on across)."""
        i = self.run_at(y)
        if i == 0 or self.intervals[i][0] < y - 0.6 * self.pitch:
            return None
        return self.intervals[i - 1][1], self.intervals[i][0]


def _rows(body: list[list[dict]], columns: Columns, rules: Sequence[Rule] = ()) -> list[list[list[dict]]]:
    """Cut the body into rows (each returned as one line holding all the row's words).

    A numbered table starts a row at each entry of its number column, or of its recommendation
    column when the numbers open the recommendation cells. An unnumbered table starts a row at
    each rule across the table or, without rules, where the recommendation column starts a new
    block below a white band across the whole table that is clearly taller than the space between
    the lines of a cell. Words are given to rows by geometry, column by column, so text printed on
    offset baselines in different columns cannot split a cell.
    """
    words = [w for line in body for w in line]
    if not words:
        return []
    rec = columns.header.col("recommendation")
    rec = 0 if rec is None else rec
    per_col: list[list[dict]] = [[] for _ in columns.lefts]
    for word in words:
        per_col[columns.index(word)].append(word)
    col_lines = [_lines(ws) for ws in per_col]
    geo = _Geometry.measure(words, col_lines)
    rule_ys = _table_rules(rules, words)
    # a rule that leaves the number and recommendation columns out parts the rows of a merged cell
    key_cols = {c for c in (columns.header.col("rec_id"), rec) if c is not None}
    partial = {y for y in rule_ys if not key_cols & _under(columns, rules, y)}

    cuts: list[float] = []
    starts: list[list[dict]] = []
    key, own = rec, False
    for col, own_column in ((columns.header.col("rec_id"), True), (rec, False)):
        if col is not None:
            starts = _numbered_starts(col_lines[col], own_column, geo)
            if starts:
                key, own = col, own_column
                break
    if starts:
        bands = []
        for line in starts:
            cut = _cut_above(line[0]["top"], geo, rule_ys, cuts[-1] if cuts else None)
            if cut is not None:
                cuts.append(cut)
                band = geo.band_above(line[0]["top"])
                if band is not None and band[0] < cut < band[1]:
                    bands.append(band[1] - band[0])
        per_col[key] = _split_glued_ids(per_col[key], starts, own)
        row_band = statistics.median(bands) if bands else None
        cuts = _with_continuations(cuts, rule_ys, col_lines, {key, rec}, geo, row_band, partial)
    elif rule_ys:
        cuts = rule_ys
    else:
        short = {c for c in map(columns.header.col, _SHORT_ROLES) if c is not None and col_lines[c]}
        cuts, row_band = _gap_cuts(col_lines, rec, geo, short)
        cuts = _with_continuations(cuts, rule_ys, col_lines, {rec}, geo, row_band, partial)

    rows: list[list[dict]] = [[] for _ in range(len(cuts) + 1)]
    for col, col_words in enumerate(per_col):
        col_cuts = [c for c in cuts if c not in partial or col not in key_cols]  # a merged cell spans the others
        for word in col_words:
            at = bisect.bisect_right(col_cuts, (word["top"] + word["bottom"]) / 2)
            rows[bisect.bisect_left(cuts, col_cuts[at - 1]) + 1 if at else 0].append(word)
    return [[r] for r in rows if r]


def _under(columns: Columns, rules: Sequence[Rule], y: float) -> frozenset[int]:
    """The columns the rule(s) at ``y`` run under."""
    out: frozenset[int] = frozenset()
    for ry, x0, x1 in rules:
        if abs(ry - y) <= 2.0:
            out |= columns.under(x0, x1)
    return out


_ID_WORD_RE = re.compile(r"^(?:rec|rec\.|r|recommendation|no\.?|ref\.?|item)$", re.I)


def _numbered_starts(lines: list[list[dict]], own_column: bool, geo: _Geometry) -> list[list[dict]]:
    """The lines of a column that open a numbered entry.

    In a number column, every line that is a number. In the recommendation column, a line that
    opens with a number and begins a block (first line, a taller gap above) or follows a line
    ended short of the column's edge (a line of running text that happens to start with a number
    is not an entry).
    """
    if not lines:
        return []
    edge = max(w["x1"] for line in lines for w in line)
    out = []
    skip = -1
    for i, line in enumerate(lines):
        if i == skip:
            continue
        text = " ".join(w["text"] for w in line)
        if own_column and _ID_WORD_RE.match(text) and i + 1 < len(lines):
            below = lines[i + 1]  # "Rec" / "1": an id wrapped in a narrow number column opens at its word
            if (
                _is_number(" ".join(w["text"] for w in below), True)
                and below[0]["top"] - line[0]["top"] <= 1.5 * geo.pitch
            ):
                out.append(line)
                skip = i + 1
                continue
        if not _is_number(text, own_column):
            continue
        if own_column or i == 0:
            out.append(line)
            continue
        above = lines[i - 1]
        gap = line[0]["top"] - above[0]["top"]
        short = above[-1]["x1"] + 0.3 * geo.height + (line[0]["x1"] - line[0]["x0"]) < edge - 1.0
        if gap > geo.pitch + max(1.0, 0.2 * geo.height) or short:
            out.append(line)
    return out


def _cut_above(top: float, geo: _Geometry, rules: list[float], last: float | None) -> float | None:
    """Where the row that starts with a line at ``top`` begins: a rule just above it, else the
    middle of the white band above it, else (text of another column runs on alongside) a little
    above the line."""
    floor = last if last is not None else -1e9
    above = [r for r in rules if floor < r < top + 0.3 * geo.height and r > top - 3 * geo.pitch]
    if above:
        return max(above)
    band = geo.band_above(top)
    cut = (band[0] + band[1]) / 2 if band is not None else top - 0.25 * geo.height
    return cut if cut > floor else None


def _gap_cuts(
    col_lines: list[list[list[dict]]], rec: int, geo: _Geometry, short: set[int] | frozenset[int] = frozenset()
) -> tuple[list[float], float | None]:
    """Row boundaries of an unnumbered, unruled table: white bands across the whole table, clearly
    taller than the space between a cell's lines, where the recommendation column starts a new
    block, and either other columns start a block there too or the band is tall; of those, the
    ones close to the widest (rows are spaced alike). Also returns that widest band.

    ``short``: the columns of short values (owner, date, status). Where the table has them, one of them
    must start a block there too: a recommendation's second paragraph level with a new paragraph of
    the progress is not a new row."""
    blocks = [_block_tops(lines, geo) for lines in col_lines]
    clear = geo.line_gap + max(1.0, 0.25 * geo.height)
    tall = geo.line_gap + 0.6 * geo.height
    found: list[tuple[float, float]] = []  # (band height, cut)
    # the first block too: below the text of a row carried on from the page before, a row starts
    for top in blocks[rec]:
        band = geo.band_above(top)
        if band is None or band[1] - band[0] < clear:
            continue
        starting = [
            c for c, tops in enumerate(blocks) if any(band[1] - 0.5 <= t <= top + 0.5 * geo.height for t in tops)
        ]
        if short and not short & set(starting):
            continue
        if len(starting) >= 2 or band[1] - band[0] >= tall:
            found.append((band[1] - band[0], (band[0] + band[1]) / 2))
    # rows of one table are spaced alike: a band much lower than the others is a paragraph break
    # that happens to fall level in two columns, not a row gap
    widest = max((size for size, _ in found), default=0.0)
    return [cut for size, cut in found if size >= _ROW_BAND_SHARE * widest], widest or None


def _with_continuations(
    cuts: list[float],
    rules: list[float],
    col_lines: list[list[list[dict]]],
    text_cols: set[int],
    geo: _Geometry,
    row_band: float | None,
    partial: set[float] | frozenset[float] = frozenset(),
) -> list[float]:
    """``cuts`` plus the boundaries of continuation rows: a rule, or a white band spaced like the
    table's rows (``row_band``) below which other columns start afresh while the number and
    recommendation columns stay empty down to the next row. The row stage folds such a row
    into the recommendation above, joining its owners and dates."""
    blocks = [_block_tops(lines, geo) for lines in col_lines]
    least = max(
        geo.line_gap + max(1.0, 0.25 * geo.height),
        _ROW_BAND_SHARE * row_band if row_band else geo.line_gap + 0.6 * geo.height,
    )
    candidates: list[tuple[float, float, float]] = []  # (cut, bottom of the text above, top of the text below)
    if rules:
        for rule in rules:
            below = [a for a, _ in geo.intervals if a > rule]
            if below:
                candidates.append((rule, rule, below[0]))
    else:
        for (_, bottom), (top, _) in zip(geo.intervals, geo.intervals[1:], strict=False):
            together = sum(any(top - 0.5 <= t <= top + 0.5 * geo.height for t in tops) for tops in blocks)
            if top - bottom >= least and together >= 2:
                candidates.append(((top + bottom) / 2, bottom, top))
    text = sorted((w["top"] + w["bottom"]) / 2 for col in text_cols for line in col_lines[col] for w in line)
    out = sorted(cuts)
    for cut, bottom, top in candidates:
        if any(bottom - 0.5 <= c <= top + 0.5 for c in out):
            continue  # a row starts here already
        after = [c for c in out if c > cut]
        end = after[0] if after else float("inf")
        i = bisect.bisect_right(text, cut)
        if i < len(text) and text[i] < end and cut not in partial and not rules:
            continue  # the recommendation runs on below a white band: a paragraph, not a new row (a rule across
            # the table parts rows whatever they hold: the row stage folds a paragraph below it back in)
        bisect.insort(out, cut)
    return out


def _block_tops(lines: list[list[dict]], geo: _Geometry) -> list[float]:
    """The tops of a column's blocks: its first line and each line after a gap taller than the usual pitch."""
    tops = []
    for i, line in enumerate(lines):
        if i == 0 or line[0]["top"] - lines[i - 1][0]["top"] > geo.pitch + max(1.0, 0.2 * geo.height):
            tops.append(line[0]["top"])
    return tops


def _table_rules(rules: Sequence[Rule], words: list[dict], above: float = 0.0) -> list[float]:
    """The y of each rule that runs across most of the table inside its body (or up to ``above`` over its
    first line), top to bottom. A rule drawn in pieces (broken where a merged cell spans the row) counts by
    the width of its pieces together."""
    left = min(w["x0"] for w in words)
    right = max(w["x1"] for w in words)
    top = min(w["top"] for w in words) - above
    bottom = max(w["bottom"] for w in words)
    inside = sorted((y, max(min(x1, right) - max(x0, left), 0.0)) for y, x0, x1 in rules if top < y < bottom)
    level: list[list[float]] = []  # [y, width of the pieces at that y]
    for y, width in inside:
        if level and y - level[-1][0] <= 1.0:
            level[-1][1] += width
        else:
            level.append([y, width])
    wide = [y for y, width in level if width >= 0.6 * (right - left)]
    out: list[float] = []
    for y in sorted(wide):
        if not out or y - out[-1] > 2.0:  # a thick rule drawn as a thin box has two edges
            out.append(y)
    return out


def _split_glued_ids(words: list[dict], starts: list[list[dict]], own_column: bool) -> list[dict]:
    """ "R4:Let" (no space after the number) -> "R4:" and "Let", so the number parts from the text."""
    if own_column:
        return words
    firsts = {id(line[0]) for line in starts}
    out = []
    for word in words:
        match = _GLUED_ID_RE.match(word["text"]) if id(word) in firsts else None
        if match is None:
            out.append(word)
            continue
        share = len(match.group(1)) / len(word["text"])
        split = word["x0"] + share * (word["x1"] - word["x0"])
        number = {**word, "text": match.group(1), "x1": split}
        number.pop("space_after", None)  # only a line's last word says how the line ended
        out.append(number)
        out.append({**word, "text": match.group(2), "x0": split})
    return out


def _is_number(text: str, own_column: bool) -> bool:
    """A number-column value ("4", "R2"), or a recommendation that opens with its number ("4)", "4.")."""
    if not text:
        return False
    if own_column:
        words = text.split()
        id_word = len(words) > 1 and _ID_WORD_RE.match(words[0]) is not None  # "Rec 2", "No. 4"
        return bool(_ID_RE.match(words[1] if id_word else words[0]))
    return looks_numbered(text)
