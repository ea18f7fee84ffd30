"""Label/value blocks in PDFs without rules: one small table per recommendation, set as text.

A paper that gives each recommendation its own "Recommendation / Progress / Lead officer /
Target date" table often draws no lines at all: the labels sit in a column at the left and the
values in a column to their right. Such a block is found from its geometry: two or more lines
whose first word group is a header label (the vocabulary says so) and whose values start at one
common left edge. Lines below with text only in the value column carry the value on; a short
piece at the label edge carries a wrapped label on. The block becomes a two-column Table, which
the stitching stage reads like any other key/value table.
"""

from __future__ import annotations

import re
from collections import Counter

from ..headers import REC_HEADING_RE
from ..model import Cell, Row, Table
from ..text import PAGE_NUMBER_RE, ends_open
from ..vocab import begins_label, is_whole_label, label_scores
from .pdf_columns import segments
from .pdf_text import cell_text

_EDGE = 3.0  # points: labels (or values) of one block start within this of each other
_MAX_LABEL_WORDS = 6
_TO_OR_FROM = frozenset({"to", "of", "from", "for", "by"})
_NAME_FILLERS = frozenset({"the", "and", "of", "for", "&"})
_MAX_LEADING = 1.8  # the most a paragraph's line spacing can be, in text heights
_APART = 0.45  # a gap above a line, in text heights, that sets it apart from the line above (not a wrapped line)


def _label(seg: list[dict]) -> bool:
    if len(seg) > _MAX_LABEL_WORDS:
        return False
    words = [w["text"] for w in seg]
    return is_whole_label(" ".join(words)) or _addressed(words)  # "other" labels too: they are kept as extra


def _addressed(words: list[str]) -> bool:
    """A label named for whom it is addressed to or comes from: a label, a preposition, and the name of a
    body in capitals ("Recommendation to Executive", "Response from the Cabinet Member"), not a sentence
    ("Recommendation to reduce costs")."""
    for i, word in enumerate(words[1:-1], start=1):
        if word.casefold() in _TO_OR_FROM:
            name = words[i + 1 :]
            return is_whole_label(" ".join(words[:i])) and all(
                w[:1].isupper() or w.casefold() in _NAME_FILLERS for w in name
            )
    return False


def _starts(line: list[dict]) -> tuple[float, float] | None:
    """(label left, value left) when the line opens with a label followed by a value, else None."""
    segs = segments(line)
    if len(segs) != 2 or not _label(segs[0]):
        return None  # a label and one run of value text (a row of three or more groups is a grid)
    return segs[0][0]["x0"], segs[1][0]["x0"]


def find_blocks(lines: list[list[dict]], page: int) -> list[tuple[Table, list[list[dict]]]]:
    """Label/value blocks among a page's ``lines``: each as a Table and the lines it used."""
    pitch = _pitch(lines)
    marks = _marks(lines, pitch)
    apart_edges = {x for x in {m[0] for m in marks if m} if _sets_apart(lines, x, pitch)}
    marks = _set_apart_marks(lines, marks, pitch, apart_edges)
    edges = Counter((round(m[0]), round(m[1])) for m in marks if m)
    blocks: list[tuple[Table, list[list[dict]]]] = []
    edges_of: dict[int, float] = {}  # a block (by its first word) -> its value edge
    for (label_x, value_x), count in edges.most_common():
        if value_x - label_x < 30 or count < 2 and not _opens_page(lines, marks, (label_x, value_x)):
            break
        set_apart = any(abs(x - label_x) <= _EDGE for x in apart_edges)
        used = {id(ln[0]) for _, block in blocks for ln in block}
        i = 0
        while i < len(lines):
            if id(lines[i][0]) in used or not _here(marks[i], label_x, value_x):
                i += 1
                continue
            start = i
            while (
                start > 0
                and _value_only(lines[start - 1], lines[start], value_x)
                and id(lines[start - 1][0]) not in used
            ):
                start -= 1  # the end of a value cut by the page break above: a record with no label
            opener = _label_over(lines, start, i, label_x, value_x, pitch) and id(lines[start - 1][0]) not in used
            start -= opener
            block, end = _block(lines, marks, start, label_x, value_x)
            heads = {
                id(ln[0])
                for ln, m in zip(lines[start:end], marks[start:end], strict=True)
                if _here(m, label_x, value_x)
            } | ({id(lines[start][0])} if opener else set())
            if set_apart:
                heads = _by_place(block, heads, label_x, value_x, pitch)
            alone = len(heads) == 1 and (_at_foot(lines, end) or _at_head(lines, start))
            head = next((ln for ln in block if id(ln[0]) in heads), None)
            grid_tail = start > 0 and _grid_row_above(lines[start - 1], lines[start], label_x, value_x, pitch)
            if not grid_tail and (
                len(heads) >= 2 or alone and head is not None and _a_label(head, value_x, lines, marks)
            ):
                blocks.append((_table(block, heads, value_x, page), block))
                edges_of[id(block[0][0])] = value_x
            i = end
    blocks.sort(key=lambda b: b[1][0][0]["top"])
    if blocks:  # the rest of a value the page break cut, set apart above the page's first record
        edge = edges_of[id(blocks[0][1][0][0])]
        rest = _value_rest(lines, blocks[0][1][0], edge)
        if rest:
            blocks.insert(0, (_table(rest, set(), edge, page), rest))
    return blocks


def _value_rest(lines: list[list[dict]], first: list[dict], value_x: float) -> list[list[dict]]:
    """The lines that open the page above its first record, ``first``, when they are all text at the value edge
    (the end of the last value of the page before), else none."""
    at = next(i for i, line in enumerate(lines) if line is first)
    rest = [line for line in lines[:at] if not _footer(line)]
    return rest if rest and all(abs(line[0]["x0"] - value_x) <= _EDGE for line in rest) else []


def _grid_row_above(above: list[dict], line: list[dict], label_x: float, value_x: float, pitch: float | None) -> bool:
    """Is ``above`` a line of three columns or more, set close over ``line`` and starting groups at both of its
    edges: ``line`` is the last lines of a grid's row, where only two columns still hold text ("Democratic" /
    "Services)" beside the end of a recommendation), not a label and its value?"""
    starts = [seg[0]["x0"] for seg in segments(above)]
    return (
        len(starts) >= 3
        and not _apart(above, line, pitch)
        and any(abs(x - label_x) <= _EDGE for x in starts)
        and any(abs(x - value_x) <= _EDGE for x in starts)
    )


def _label_over(
    lines: list[list[dict]], start: int, marked: int, label_x: float, value_x: float, pitch: float | None
) -> bool:
    """Does a label the page does not repeat ("What has happened") open the value lines ``start`` to
    ``marked`` of a block: a short text at the block's label edge beside a value at its value edge, close above
    them. At the page head it may be the broken end of the record's last label, in lower case ("What the review
    asked" / "for"); elsewhere it is capitalised and set apart from the text above it."""
    if not 0 < start < marked:
        return False
    line = lines[start - 1]
    head = _at_head(lines, start - 1)
    if head:  # no further above the value lines than a paragraph's gap
        height = line[0]["bottom"] - line[0]["top"]
        return (
            _shaped(line, label_x, value_x, lower=True) and lines[start][0]["top"] - line[0]["bottom"] <= 2.5 * height
        )
    return (
        _shaped(line, label_x, value_x)
        and not _apart(line, lines[start], pitch)
        and _apart(lines[start - 2], line, pitch)
    )


def _opens_page(lines: list[list[dict]], marks: list[tuple[float, float] | None], edges: tuple[float, float]) -> bool:
    """Does the one line marked at ``edges`` open the page: the last label of a record the page break cut,
    naming one of a record's fields ("Due", "Lead officer")?"""
    at = next(i for i, m in enumerate(marks) if m and (round(m[0]), round(m[1])) == edges)
    return _at_head(lines, at) and _names_field(lines[at], edges[1], _FIELD_ROLES)


_FIELD_ROLES = ("progress", "responsible", "timescale", "status")


def _a_label(line: list[dict], value_x: float, lines: list[list[dict]], marks: list) -> bool:
    """Is the text left of ``value_x`` on ``line`` a label: one naming a field, or one another record on the
    page has too (a label the vocabulary does not know, "What has happened")?"""
    if _names_field(line, value_x):
        return True
    text = _label_text(line, value_x)
    return sum(1 for ln, m in zip(lines, marks, strict=True) if m and _label_text(ln, m[1]) == text) >= 2


def _label_text(line: list[dict], value_x: float) -> str:
    return " ".join(w["text"] for w in line if w["x1"] < value_x).casefold()


def _names_field(
    line: list[dict], value_x: float, roles: tuple[str, ...] = ("rec_id", "recommendation", *_FIELD_ROLES)
) -> bool:
    """Does the label of ``line`` (its words left of the value) name one of ``roles`` ("Due", not "Hussain")?"""
    scores = label_scores(_label_text(line, value_x))
    return any(scores.get(role, 0.0) >= _NAMES_FIELD for role in roles)


_NAMES_FIELD = 0.35  # a label's score for a role, at least, to name it


def _set_apart_marks(
    lines: list[list[dict]], marks: list[tuple[float, float] | None], pitch: float | None, apart_edges: set[float]
) -> list[tuple[float, float] | None]:
    """``marks`` with the lines that open a record by where they stand added: on a page that sets its records
    apart (at the label edges ``apart_edges``), a short capitalised text set apart at the edges of a known
    label, beside a value, opens a record whatever its label says ("Planned" / "completion" under
    "Responsible")."""
    out = list(marks)
    for label_x, value_x in {(m[0], m[1]) for m in marks if m}:
        if label_x not in apart_edges:
            continue
        for k in range(1, len(lines)):
            if (
                out[k] is None
                and _opens(lines[k - 1], lines[k], pitch)
                and _shaped(lines[k], label_x, value_x)
                and _label_length(lines, k, value_x, pitch) <= _MAX_LABEL_WORDS
            ):
                out[k] = (label_x, value_x)
    return out


def _label_length(lines: list[list[dict]], k: int, value_x: float, pitch: float | None) -> int:
    """The words of line ``k``'s label column with the lines wrapped under it (set close below): a label is
    short, a cell of prose in a first column is not ("Recommendation 1: The library service extends" /
    "weekend opening hours at the four busiest")."""
    count = sum(1 for w in lines[k] if w["x1"] < value_x)
    for above, line in zip(lines[k:], lines[k + 1 :], strict=False):
        piece = [w for w in line if w["x1"] < value_x]
        if not piece or _apart(above, line, pitch):
            break
        count += len(piece)
    return count


def _opens(above: list[dict], line: list[dict], pitch: float | None) -> bool:
    """Does ``line`` stand where a record opens: set apart from the line above, or under a recommendation's
    heading ("Recommendation 2")?"""
    return _apart(above, line, pitch) or REC_HEADING_RE.match(" ".join(w["text"] for w in above)) is not None


def _shaped(line: list[dict], label_x: float, value_x: float, *, lower: bool = False) -> bool:
    """Is ``line`` a short capitalised text (``lower``: or one in lower case) at the label edge and a value at
    the value edge?"""
    segs = segments(line)
    return (
        len(segs) == 2
        and abs(segs[0][0]["x0"] - label_x) <= _EDGE
        and abs(segs[1][0]["x0"] - value_x) <= _EDGE
        and len(segs[0]) <= _MAX_LABEL_WORDS
        and (segs[0][0]["text"][:1].isupper() or lower)
    )


def _sets_apart(lines: list[list[dict]], label_x: float, pitch: float | None) -> bool:
    """Does the page set its records apart: two or more lines at the label edge, each with a wider gap
    above it than the lines of one paragraph have? Where records are set close together, the vocabulary's
    labels are all there is to go by."""
    at_edge = [
        line
        for above, line in zip(lines, lines[1:], strict=False)
        if abs(line[0]["x0"] - label_x) <= _EDGE and len(segments(line)) == 2 and _opens(above, line, pitch)
    ]
    return len(at_edge) >= 2


def _by_place(
    block: list[list[dict]], heads: set[int], label_x: float, value_x: float, pitch: float | None
) -> set[int]:
    """The lines (by their first word) that open a record, told by where they stand on a page that sets its
    records apart: a short capitalised text at the label edge beside a value, set apart, opens one whatever
    its label says; a label line close under the one above is the rest of a label wrapped in its narrow
    column ("Scrutiny Panel" / "Recommendati" / "on")."""
    apart = {id(line[0]): _apart(above, line, pitch) for above, line in zip(block, block[1:], strict=False)}
    out = {h for h in heads if apart.get(h, True)}
    out.update(id(line[0]) for line in block[1:] if apart[id(line[0])] and _shaped(line, label_x, value_x))
    return out


def _pitch(lines: list[list[dict]]) -> float | None:
    """The type's line spacing: the smallest step from one line's top to the next that recurs (within a
    point), the step between the lines of one paragraph (gaps between paragraphs and records are wider; lines
    closer than a text height are columns printed on offset baselines).
    None when that step is too wide for one paragraph's lines: a page of one-line records only."""
    steps = sorted(
        (line[0]["top"] - above[0]["top"], above[0]["bottom"] - above[0]["top"])
        for above, line in zip(lines, lines[1:], strict=False)
        if 0.8 * (above[0]["bottom"] - above[0]["top"])
        <= line[0]["top"] - above[0]["top"]
        < 2.5 * (above[0]["bottom"] - above[0]["top"])
    )
    for i, (step, height) in enumerate(steps):
        near = [(s, h) for s, h in steps[i : i + 3] if s - step <= 1.0]
        if len(near) == 3:
            pitch, height = near[1]
            return pitch if pitch <= _MAX_LEADING * height else None
        if len(near) == 2 and step <= _SINGLE_SPACED * height:
            return near[1][0]  # twice is enough for a step only single spacing gives (few values wrap)
    return None


_SINGLE_SPACED = 1.35  # a line step at most this many text heights: the lines of one paragraph


def _apart(above: list[dict], line: list[dict], pitch: float | None) -> bool:
    """Is ``line`` set further below ``above`` than the lines of one paragraph are (not a wrapped line)?"""
    height = min(ln[0]["bottom"] - ln[0]["top"] for ln in (above, line))  # the body's type, not a heading's
    if pitch is None:
        return line[0]["top"] - above[0]["bottom"] > _APART * height
    return line[0]["top"] - above[0]["top"] > pitch + _APART * height


def _at_foot(lines: list[list[dict]], end: int) -> bool:
    """Does a block ending before line ``end`` end the page: one record cut off by the page break?"""
    return all(_footer(line) for line in lines[end:])


def _at_head(lines: list[list[dict]], start: int) -> bool:
    """Does a block starting at line ``start`` open the page: the last record of a list the page break cut?"""
    return all(_footer(line) for line in lines[:start])


def _marks(lines: list[list[dict]], pitch: float | None) -> list[tuple[float, float] | None]:
    """Each line's (label left, value left) when it opens a record, with a label wrapped onto the next
    line ("Scrutiny" / "recommendation") counted whole."""
    # a label starts in capitals: lower case is running text carried on, except for the end of a label
    # broken by the page break, at the top of the page
    marks = [None if i and line[0]["text"][:1].islower() else _starts(line) for i, line in enumerate(lines)]
    groups = [segments(line) for line in lines]
    rests: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        segs = groups[i]
        if marks[i] is not None or len(segs) != 2:
            continue
        piece = [w for w in lines[i + 1] if w["x1"] < segs[1][0]["x0"]]  # value text may share its line
        tight = not _apart(line, lines[i + 1], pitch)  # the next line of the same record
        near = bool(piece) and abs(piece[0]["x0"] - segs[0][0]["x0"]) <= _EDGE and _short(piece)
        if tight and near and _label(segs[0] + piece):
            marks[i] = (segs[0][0]["x0"], segs[1][0]["x0"])
            marks[i + 1] = None  # the rest of this label, not a record of its own
            rests.add(i + 1)
    for i in _recurring_labels(groups):  # labels the vocabulary does not know, found by repeating
        if marks[i] is None and i not in rests:
            marks[i] = (groups[i][0][0]["x0"], groups[i][1][0]["x0"])
    last = _last_body_line(lines)
    if last is not None and marks[last] is None:
        segs = segments(lines[last])
        words = " ".join(w["text"] for w in segs[0]) if len(segs) == 2 else ""
        if words and len(segs[0]) <= 3 and begins_label(words):
            marks[last] = (segs[0][0]["x0"], segs[1][0]["x0"])  # a label the page break cut ("Scrutiny" / ...)
    return marks


def _recurring_labels(groups: list[list[list[dict]]]) -> list[int]:
    """Lines (as their word groups) opening with a short capitalised text that opens other lines too, at the
    same two edges: the labels of blocks printed one after another, whether or not the vocabulary knows them."""
    seen: dict[tuple[str, int, int], list[int]] = {}
    for i, segs in enumerate(groups):
        if len(segs) != 2 or len(segs[0]) > _MAX_LABEL_WORDS or not segs[0][0]["text"][:1].isupper():
            continue
        text = " ".join(w["text"] for w in segs[0])
        if ends_open(text):
            continue  # a label stops where it can end ("Director of" is an owner wrapped in its column)
        seen.setdefault((text.casefold(), round(segs[0][0]["x0"]), round(segs[1][0]["x0"])), []).append(i)
    repeated = {key: at for key, at in seen.items() if len(at) >= 2}
    edges = Counter(key[1:] for key in repeated)
    return sorted(i for key, at in repeated.items() if edges[key[1:]] >= 2 for i in at)


def _last_body_line(lines: list[list[dict]]) -> int | None:
    """The index of the page's last line of text above any footer (a page number), or None."""
    for i in range(len(lines) - 1, -1, -1):
        if not _footer(lines[i]):
            return i
    return None


def _footer(line: list[dict]) -> bool:
    return PAGE_NUMBER_RE.match(" ".join(w["text"] for w in line)) is not None


def _value_only(line: list[dict], below: list[dict], value_x: float) -> bool:
    """A line of text in the value column only, sitting close above ``below``."""
    height = line[0]["bottom"] - line[0]["top"]
    return line[0]["x0"] >= value_x - _EDGE and below[0]["top"] - line[0]["bottom"] <= 2.5 * height


def _here(mark: tuple[float, float] | None, label_x: float, value_x: float) -> bool:
    return mark is not None and abs(mark[0] - label_x) <= _EDGE and abs(mark[1] - value_x) <= _EDGE


def _block(
    lines: list[list[dict]], marks: list, start: int, label_x: float, value_x: float
) -> tuple[list[list[dict]], int]:
    """The lines of one block from ``start``: label lines, value-only lines and wrapped label pieces."""
    block = [lines[start]]
    height = lines[start][0]["bottom"] - lines[start][0]["top"]
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line[0]["top"] - block[-1][0]["bottom"] > 2.5 * height or _at_foot(lines, i):
            break  # a gap, or the page's footer: the block has ended
        if _here(marks[i], label_x, value_x) or line[0]["x0"] >= value_x - _EDGE:
            block.append(line)
        elif _label_piece(line, label_x, value_x, height):
            block.append(line)  # the rest of a label wrapped in its narrow column
        else:
            break
        i += 1
    return block, i


def _label_piece(line: list[dict], label_x: float, value_x: float, height: float) -> bool:
    """A short piece at the label edge in the labels' type size (not the next record's heading)."""
    piece = [w for w in line if w["x1"] < value_x]  # the value's next line may share the baseline
    if not piece or abs(piece[0]["x0"] - label_x) > _EDGE or not _short(piece):
        return False
    if any(w["x0"] < value_x - _EDGE and w["x1"] >= value_x for w in line):
        return False  # running text across both columns
    if abs((piece[0]["bottom"] - piece[0]["top"]) - height) > 0.6:
        return False
    text = " ".join(w["text"] for w in piece)
    year = re.fullmatch(r"(?:19|20)\d\d\)?", text) is not None  # "Progress update January" / "2026"
    return not REC_HEADING_RE.match(text) and (year or not any(ch.isdigit() for ch in text))


def _short(piece: list[dict]) -> bool:
    """Few enough words for a piece of a label wrapped in its column: three, or a label's length when the
    piece starts in lower case (no record's label does: "Recommendation of" / "the Task and Finish")."""
    return len(piece) <= 3 or (piece[0]["text"][:1].islower() and len(piece) <= _MAX_LABEL_WORDS)


def _table(block: list[list[dict]], heads: set[int], value_x: float, page: int) -> Table:
    """``heads``: the lines (by their first word) that open a record."""
    label_x = block[0][0]["x0"]
    records: list[tuple[list[dict], list[dict]]] = []
    for line in block:
        labels = [w for w in line if w["x1"] < value_x - 1]
        values = [w for w in line if w["x1"] >= value_x - 1]
        if id(line[0]) in heads or not records:
            records.append((labels, values))
        else:
            records[-1][0].extend(labels)
            records[-1][1].extend(values)
    right = max(w["x1"] for line in block for w in line)
    rows = []
    for labels, values in records:
        cells = (
            Cell(text=cell_text(labels, (label_x, 0.0, value_x - 1, 0.0)) if labels else "", page=page),
            Cell(text=cell_text(values, (value_x, 0.0, right, 0.0)) if values else "", page=page),
        )
        rows.append(Row(cells=cells, page=page))
    top = block[0][0]["top"]
    bottom = max(w["bottom"] for w in block[-1])
    return Table(rows=tuple(rows), order=0, page=page, bbox=(label_x, top, right, bottom))
