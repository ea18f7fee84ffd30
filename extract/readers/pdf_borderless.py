"""Borderless (whitespace-aligned) tables in PDFs.

With no ruling lines, the table is found from its header: a line (or two or three
lines, for wrapped labels) whose word groups, split at wide gaps, read as tracking
table column labels. The labels' left edges give the column boundaries; the lines
below are cut into cells at those boundaries until a line crosses one (body text
again) or a large gap ends the table.

Rows come from geometry, not from the page's text lines (columns often print on
offset baselines): see ``pdf_rowcuts``. The column model is in ``pdf_columns``.

When a table runs to the foot of a page and the next page has no header, the
column boundaries carry over and the top of the next page continues the table.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace

from ..headers import looks_numbered, map_header
from ..lexicon import joins_split_word
from ..model import Cell, Row, Table
from ..text import heading_like, label_date
from ..vocab import best_role, completes_label, is_whole_label, label_scores
from .pdf_columns import Columns, Rule, column_of, segments
from .pdf_rowcuts import _is_number, _rows, _table_rules
from .pdf_text import cell_text

__all__ = ["Columns", "Rule", "build_table", "find_header", "names_recommendation", "repeated_header", "segments"]

_END_GAP = 4.0  # a vertical gap this many text heights ends the table
_MAX_HEADER_LINES = 5  # labels wrapped by narrow columns over at most this many lines


def names_recommendation(line: list[dict]) -> bool:
    """Could this line hold the label of a recommendation column (one of its gap-separated segments)?"""
    if len(line) > 24:
        return False  # running text, not a row of labels
    return any(
        label_scores(" ".join(w["text"] for w in seg)).get("recommendation", 0.0) >= 0.4 for seg in segments(line)
    )


def find_header(lines: list[list[dict]]) -> tuple[int, int, Columns] | None:
    """The first header block: (first line index, number of lines, columns), or None.

    The block names a recommendation column, or is a row of labels most of which the vocabulary knows:
    then the lines below must read like a tracking table (see ``_columns``).
    """
    for i, line in enumerate(lines):
        named = any(names_recommendation(ln) for ln in lines[i : i + 3])
        if not named and not _could_be_labels(lines[i : i + 3]):
            continue  # the recommendation label is on this line or one of the next two (a label set in pieces)
        if len(line) > 4 and len(segments(line)) == 1:
            continue  # a heading above the table ("Appendix A - Progress on recommendations"), not labels
        best: tuple[int, int, Columns] | None = None
        for size in range(1, _MAX_HEADER_LINES + 1):
            block = lines[i : i + size]
            if len(block) < size or not _close(block) or size > 3 and not _wrapped_on(block[-2], block[-1]):
                break  # (past three lines, only label ends set close under: "Select" / "Commit" / "tee")
            if size > 1 and _content_line(block[-1]):
                break  # the first line of the body, close under a one-line header
            # the labels and the cells below together; labels that name a recommendation column may stand alone
            # (a page holding little of the table below them)
            columns = _columns(block, lines[i + size :]) or (_columns(block) if named else None)
            if columns is not None and (best is None or _label_pieces(block[-1]) or _fit(columns) >= _fit(best[2])):
                best = (i, size, columns)
        if best is not None:
            return _with_label_ends(lines, *best)
    return None


def _wrapped_on(above: list[dict], line: list[dict]) -> bool:
    """Is ``line`` set close under ``above`` (a label wrapped on, not a second row of labels or the body)
    and made of nothing but label ends?"""
    height = above[0]["bottom"] - above[0]["top"]
    return line[0]["top"] - above[0]["bottom"] <= 0.8 * height and _label_pieces(line, years=True)


def _label_pieces(line: list[dict], *, years: bool = False) -> bool:
    """A line of nothing but the ends of wrapped labels ("Head of" / "agreed" / "by"): short word groups
    without figures or a sentence's end, so the header goes on through it. ``years``: a year may end a
    label ("RAG (October" / "2026)")."""
    return all(
        len(seg) <= 3
        and not seg[-1]["text"].endswith(".")
        and (
            not any(ch.isdigit() for w in seg for ch in w["text"])
            or years
            and label_date(" ".join(w["text"] for w in seg))
        )
        for seg in segments(line)
    )


def _fit(columns: Columns) -> tuple[int, int]:
    """How well a header block reads as labels: the labels the vocabulary knows (a label whole only with
    its second line, "Date" / "agreed", is known as what it is), then the columns given a role."""
    return sum(1 for label in columns.header.labels if label_scores(label)), len(columns.header.columns)


def _with_label_ends(lines: list[list[dict]], at: int, size: int, columns: Columns) -> tuple[int, int, Columns]:
    """The header block grown by lines that only finish labels a narrow column broke off ("Expected
    comple" / "tion", "Recom" / "mendation" / "Ref"): single words in lower case or label words, close below,
    each under a label that is not yet whole or that it gives another meaning."""
    while at + size < len(lines):
        block, line = lines[at : at + size], lines[at + size]
        if not _close([block[-1], line]):
            break
        labels = columns.header.labels
        if not all(
            len(seg) == 1
            and seg[0]["text"].rstrip(".").isalpha()
            and _finishes(labels, columns, seg)
            and (seg[0]["text"][:1].islower() or bool(label_scores(seg[0]["text"])))  # "tion"; "Ref", "Date"
            for seg in segments(line)
        ):
            break
        grown = _columns([*block, line])
        if grown is None or len(grown.header.columns) < len(columns.header.columns):
            break
        size, columns = size + 1, grown
    return at, size, columns


def _finishes(labels: tuple[str, ...], columns: Columns, seg: list[dict]) -> bool:
    """Does the word ``seg`` finish the label above it: one not yet whole, or one it gives another meaning
    ("Implementation" / "date")?"""
    col = columns.index(seg[0])
    label = labels[col] if col < len(labels) else ""
    return not is_whole_label(label) or best_role(f"{label}\n{seg[0]['text']}") != best_role(label)


def _content_line(line: list[dict]) -> bool:
    """A line of table content rather than of labels: a numbered entry or a run of more than five words."""
    return any(looks_numbered(" ".join(w["text"] for w in seg)) or len(seg) > 5 for seg in segments(line))


def _close(block: list[list[dict]]) -> bool:
    """Header lines of one wrapped label row sit close together; a header set as two rows of labels
    ("Agreed" over "deadline") may sit further apart when every label below starts under one above."""
    for n, (a, b) in enumerate(zip(block, block[1:], strict=False), start=1):
        height = a[0]["bottom"] - a[0]["top"]
        gap = b[0]["top"] - a[0]["bottom"]
        if gap > 0.8 * height and not (gap <= 2.5 * height and _aligned(block[:n], b)):
            return False
    return True


def _aligned(above: list[list[dict]], below: list[dict]) -> bool:
    """Is ``below`` a second row of labels under the lines ``above``: short word groups, each under a label?"""
    starts = [seg[0]["x0"] for line in above for seg in segments(line)]
    lower = segments(below)
    if len(starts) < 2 or any(len(seg) > 3 or any(c.isdigit() for w in seg for c in w["text"]) for seg in lower):
        return False
    labels = _spans(above)
    if not any(_finishes_label(" ".join(w["text"] for w in seg), seg[0]["x0"], labels) for seg in lower):
        return False
    return all(any(abs(seg[0]["x0"] - x) <= 2.0 for x in starts) for seg in lower)


def _finishes_label(piece: str, x0: float, labels: list[tuple[float, float, str]]) -> bool:
    """Is ``piece`` a label word, or the end of the label above it ("Work" / "undertaken")?"""
    if label_scores(piece):
        return True
    above = next((text for left, right, text in labels if left - 2.0 <= x0 <= right), None)
    return above is not None and completes_label(above, piece)


def _could_be_labels(lines: list[list[dict]]) -> bool:
    """Does the first line, alone or with the one or two below it (labels wrapped by narrow columns), hold
    three or more short labels, most of them (two at least) known to the header vocabulary? Figures only
    inside a known label ("Progress at January 2024")."""
    return any(
        _known_labels([" ".join(span[2].split()) for span in _spans(lines[:size])])
        for size in (1, 2, 3)
        if len(lines) >= size and _close(lines[:size])
    )


def _known_labels(groups: list[str]) -> bool:
    if len(groups) < 3:
        return False  # (most lines are running text: one group, no vocabulary look-ups)
    known = [bool(label_scores(g)) for g in groups]
    if any(len(g.split()) > 5 or any(ch.isdigit() for ch in g) and not k for g, k in zip(groups, known, strict=True)):
        return False
    return sum(known) >= max(2, 0.5 * len(groups))


def _rough_body(lines: list[list[dict]], lefts: tuple[float, ...]) -> list[Row]:
    """The lines below a candidate header cut at its column edges into rough rows (a new row after a
    paragraph-sized gap), enough to tell what the columns hold."""
    rows: list[list[list[str]]] = []
    for n, line in enumerate(lines[:60]):
        height = line[0]["bottom"] - line[0]["top"]
        if n and line[0]["top"] - lines[n - 1][0]["bottom"] > _END_GAP * height:
            break
        runs = segments(line)
        if len(runs) == 1 and len(lefts) > 1 and abs(line[0]["x0"] - lefts[0]) <= 3.0 and line[-1]["x1"] > lefts[1]:
            continue  # a heading across the table between its rows ("A. Data and intelligence"), no cell
        if not rows or line[0]["top"] - lines[n - 1][0]["bottom"] > 0.6 * height:
            rows.append([[] for _ in lefts])
        for word in line:
            rows[-1][column_of(lefts, word)].append(word["text"])
    return [Row(cells=tuple(Cell(text=" ".join(c)) for c in r)) for r in rows]


def _spans(block: list[list[dict]]) -> list[tuple[float, float, str]]:
    """The labels of a header block, left to right: (x0, x1, text), the pieces of a label set over several
    lines joined (a word a narrow column broke, "Comple" / "te by", glued back)."""
    spans: list[tuple[float, float, str]] = []
    for line in block:
        for seg in segments(line):
            x0, x1, text = seg[0]["x0"], seg[-1]["x1"], " ".join(w["text"] for w in seg)
            for i, (left, right, label) in enumerate(spans):
                if x0 < right + 1 and x1 > left - 1:  # overlaps a label from the line above
                    spans[i] = (min(left, x0), max(right, x1), _join_label_lines(label, text))
                    break
            else:
                spans.append((x0, x1, text))
    return sorted(spans, key=lambda s: s[0])


def _join_label_lines(label: str, text: str) -> str:
    head, tail = label.split()[-1], text.split()[0]
    return f"{label}{text}" if tail[:1].islower() and joins_split_word(head, tail) else f"{label}\n{text}"


def _columns(block: list[list[dict]], below: list[list[dict]] | None = None) -> Columns | None:
    """Columns from a header block; with ``below``, the labels need not name a recommendation column but
    the lines below, cut at the labels' edges, must read like a tracking table."""
    spans = _spans(block)
    if len(spans) < 2:
        return None
    lefts = tuple(float(s[0]) for s in spans)
    labels = Row(cells=tuple(Cell(text=str(s[2])) for s in spans))
    header = map_header(labels, 0) if below is None else map_header(labels, 0, _rough_body(below, lefts))
    if header is None:
        return None
    return Columns(lefts=lefts, header=header)


def build_table(
    lines: list[list[dict]],
    columns: Columns,
    page: int,
    order: int,
    header_lines: list[list[dict]] | None,
    rules: Sequence[Rule] = (),
) -> tuple[Table, int]:
    """Cut ``lines`` (the lines below the header) into rows and cells; return the table and lines used.

    ``rules`` are the page's horizontal rules (y, x0, x1): in a table ruled between rows only
    they separate the rows.
    """
    heights = [ln[0]["bottom"] - ln[0]["top"] for ln in lines] or [10.0]
    height = statistics.median(heights)
    body: list[list[dict]] = []
    themes: list[list[dict]] = []  # headings set across the table between its rows (each as one line)
    in_themes: set[int] = set()  # the lines they take
    previous: list[dict] | None = header_lines[-1] if header_lines else None
    wrapped = 0  # lines left of a heading wrapped in the first column
    for i, line in enumerate(lines):
        if wrapped:
            wrapped -= 1
            in_themes.add(id(line))
            previous = line
            continue
        if previous is not None and line[0]["top"] - previous[0]["bottom"] > _END_GAP * height:
            break
        if columns.other_type(line):
            break  # the paper's text after the table, at the top of the page the table was carried on to
        if _theme_line(line, previous, lines[i + 1 : i + 2], columns, height):
            themes.append(line)
            in_themes.add(id(line))
        elif wrapped := _wrapped_theme(lines, i, previous, columns, height):
            themes.append([w for ln in lines[i : i + wrapped] for w in ln])
            in_themes.add(id(line))
            wrapped -= 1
        elif body and (_labels_line(line) or _header_again(lines[i : i + _MAX_HEADER_LINES], columns)):
            if _title_line(body[-1], columns):
                body.pop()  # the next table's title, right above its labels
            break  # the header of the next table
        elif columns.crosses(line):
            break
        else:
            body.append(line)
        previous = line
    body = _without_trailing_paragraph(_above_closing_rule(body, columns, rules, height), columns, height, rules)
    if not body:
        themes = []
    themes = [t for t in themes if _top(t) < _top(body[-1])]  # a heading after the last row is not the table's
    rows = _rows(body, columns, rules)
    rights = _rights(body, columns)
    table_rows = []
    if header_lines:
        table_rows.append(_row(header_lines, columns, page, _rights(header_lines, columns)))
    placed = [(_top(r[0]), _row(r, columns, page, rights)) for r in rows]
    if placed:  # the last row's cells that reach the body's last line: a page break may have cut them
        placed[-1] = (placed[-1][0], _reaching(placed[-1][1], max(w["bottom"] for w in body[-1]), height))
    placed += [(_top(t), _theme_row(t, columns, page)) for t in themes]
    table_rows.extend(r for _, r in sorted(placed, key=lambda p: p[0]))
    top = (header_lines or body or [[{"top": 0.0}]])[0][0]["top"]
    bottom = max((w["bottom"] for ln in body for w in ln), default=top)
    table = Table(rows=tuple(table_rows), order=order, page=page, bbox=(columns.lefts[0], top, 10_000.0, bottom))
    kept = {id(ln) for ln in body} | (in_themes if themes else set())
    return table, max((i + 1 for i, ln in enumerate(lines) if id(ln) in kept), default=0)


def _reaching(row: Row, bottom: float, height: float) -> Row:
    """``row`` with its cells marked as running to the foot (``Cell.overflows``) when it reaches down to
    ``bottom`` (the table's last line): the text the next page goes on with may be any of theirs, a short value
    cut after its first line too ("Cllr Martin" / "Price"; the row stage judges which are)."""
    if not any(c.text and c.bbox is not None and bottom - c.bbox[3] < 0.6 * height for c in row.cells):
        return row
    return replace(row, cells=tuple(replace(c, overflows=True) if c.text else c for c in row.cells))


def _heading(text: str) -> bool:
    """A heading's text: short, capitalised, not a sentence nor a clause's start, not a numbered entry."""
    return heading_like(text) and not text.rstrip().endswith(":") and not looks_numbered(text)


def _title_line(line: list[dict], columns: Columns) -> bool:
    """Is ``line`` (right above another table's labels) that table's title: a short heading from the first
    column's edge, one run of words ("Work programme 2024/25")?"""
    text = " ".join(w["text"] for w in line)
    alone = len(segments(line)) == 1 and columns.index(line[0]) == 0
    return alone and _heading(text)


def _top(line: list[dict]) -> float:
    return min(w["top"] for w in line)


def _theme_line(
    line: list[dict], above: list[dict] | None, below: list[list[dict]], columns: Columns, height: float
) -> bool:
    """A heading set between the table's rows ("Section B – Resources and funding"): one run of words from
    the first column's edge, short, not a sentence, with the table's columns going on below it. Across the
    columns it can be nothing else; within the first column it must stand apart from the lines above and
    below, with a row starting under it."""
    if len(segments(line)) != 1 or abs(line[0]["x0"] - columns.lefts[0]) > 3.0 or len(line) > 12:
        return False
    text = " ".join(w["text"] for w in line)
    if not _heading(text):
        return False
    if not below or columns.crosses(below[0]) or below[0][0]["top"] - line[0]["bottom"] >= _END_GAP * height:
        return False
    if _labels_line(below[0]) or (above is not None and _gap(above, line) > _THEME_GAP * height):
        return False  # the title of the next table, over its labels, or set well below this table
    if columns.crosses(line):
        return True
    apart = 0.8 * height
    return (
        above is not None
        and _gap(above, line) > apart
        and _gap(line, below[0]) > apart
        and len({columns.index(w) for w in below[0]}) >= 2
    )


_THEME_GAP = 2.5  # a heading between the rows sits at most this many text heights below the row above
_MAX_THEME_LINES = 12  # a heading wrapped down a narrow first column, a word or a piece of one a line


def _wrapped_theme(lines: list[list[dict]], i: int, above: list[dict] | None, columns: Columns, height: float) -> int:
    """The number of lines of a heading wrapped within the first column from line ``i`` ("B. Governance and" /
    "oversight", or a word or a piece of one a line in a narrow column), or 0: lines of the first column only,
    set close together, the block set apart from the row above and the row below, which starts in more than one
    column; short, capitalised, not a sentence."""
    apart = 0.8 * height
    line = lines[i]
    if (
        above is None
        or not apart < _gap(above, line) <= _THEME_GAP * height
        or abs(line[0]["x0"] - columns.lefts[0]) > 3.0
    ):
        return 0
    for size in range(2, _MAX_THEME_LINES + 1):
        block = lines[i : i + size]
        if i + size >= len(lines) or any(columns.index(w) != 0 for ln in block for w in ln):
            return 0
        if _gap(block[-2], block[-1]) > apart:
            return 0
        after = lines[i + size]
        if _gap(block[-1], after) <= apart:
            continue
        text = " ".join(w["text"] for ln in block for w in ln)
        starts = len({columns.index(w) for w in after}) >= 2 and not columns.crosses(after) and not _labels_line(after)
        return size if _heading(text) and starts else 0
    return 0


def _gap(above: list[dict], line: list[dict]) -> float:
    return line[0]["top"] - max(w["bottom"] for w in above)


def _theme_row(line: list[dict], columns: Columns, page: int) -> Row:
    """A theme heading as a row of one cell across the table."""
    n = len(columns.lefts)
    text = " ".join(w["text"] for w in line)
    bbox = (line[0]["x0"], _top(line) - 1, max(w["x1"] for w in line), max(w["bottom"] for w in line) + 1)
    cells = (Cell(text=text, page=page, bbox=bbox, col_span=n),) + tuple(
        Cell(text="", page=page, merged=True) for _ in range(n - 1)
    )
    return Row(cells=cells, page=page)


def _above_closing_rule(
    body: list[list[dict]], columns: Columns, rules: Sequence[Rule], height: float
) -> list[list[dict]]:
    """The body without the text below a rule that closes the table: text set further below the last rule
    than each row's text sits below its own rule, in one column only (a paragraph after the table)."""
    words = [w for line in body for w in line]
    if not words or not rules:
        return body
    ys = _table_rules(rules, words, above=2 * height)

    def middle(line: list[dict]) -> float:  # a line under a rule may start a little above it (its type's ascent)
        return (line[0]["top"] + line[0]["bottom"]) / 2

    gaps = [next((ln[0]["top"] - y for ln in body if middle(ln) > y), None) for y in ys]
    pads = [g for g in gaps[:-1] if g is not None]
    if not pads or gaps[-1] is None or gaps[-1] <= statistics.median(pads) + 0.8 * height:
        return body
    below = [ln for ln in body if middle(ln) > ys[-1]]
    if len({columns.index(seg[0]) for ln in below for seg in segments(ln)}) > 1:
        return body  # the last row itself, set lower in its cells (a line of running text is in one column)
    return [ln for ln in body if middle(ln) < ys[-1]]


def _closed_below(body: list[list[dict]], rules: Sequence[Rule], height: float) -> bool:
    """Is there a rule across the body's width just under its last line (the table's closing rule)?"""
    words = [w for line in body for w in line]
    left, right = min(w["x0"] for w in words), max(w["x1"] for w in words)
    last = max(w["bottom"] for w in body[-1])
    return any(
        last - 1.0 <= y <= last + 2 * height and min(x1, right) - max(x0, left) >= 0.6 * (right - left)
        for y, x0, x1 in rules
    )


def _without_trailing_paragraph(
    body: list[list[dict]], columns: Columns, height: float, rules: Sequence[Rule] = ()
) -> list[list[dict]]:
    """The body without a paragraph after the table: its last lines, at the table's left edge only, not
    opening a numbered entry, set apart by more than a line's space from the text above, in which the
    first column had ended ("Background papers: none." under the last progress text). Lines with no rule
    between them and the text above, and a rule across the table under them, are inside it."""

    def first_only(line: list[dict]) -> bool:
        return all(columns.index(w) == 0 for w in line)

    def gap(above: list[dict], line: list[dict]) -> float:
        return line[0]["top"] - max(w["bottom"] for w in above)

    end = len(body)
    while end > 1 and first_only(body[end - 1]):
        end -= 1
    if end == len(body) or end == 0:
        return body
    # the last lines, in the first column, set further below the rest than any two lines of the table are apart
    start = len(body) - 1
    while start > end and gap(body[start - 1], body[start]) <= 1.2 * height:
        start -= 1
    inside = max((gap(a, b) for a, b in zip(body[: start - 1], body[1:start], strict=False)), default=0.0)
    below = gap(body[start - 1], body[start])
    if (
        below > max(inside + 0.5 * height, 1.5 * height)
        and not _one_band(body, start, rules, height)
        and not _wrapped_in_first(body, start, columns)
    ):
        opens = " ".join(w["text"] for w in body[start])
        if not looks_numbered(opens) and not _is_number(opens, True):
            return body[:start]
    if any(columns.index(w) == 0 for w in body[end - 1]):
        # the first column's text runs on into these lines: the paragraph after the table is told apart by
        # a wider gap above it than any between that text's lines
        start = end - 1
        end = next((i for i in range(len(body) - 1, start, -1) if gap(body[i - 1], body[i]) > 1.2 * height), 0)
        inner = [gap(a, b) for a, b in zip(body[start : end - 1], body[start + 1 : end], strict=False)]
        if end == 0 or max(inner, default=0.0) + 0.5 * height >= gap(body[end - 1], body[end]):
            return body
    opens = " ".join(w["text"] for w in body[end])
    if gap(body[end - 1], body[end]) > 1.2 * height and not looks_numbered(opens) and not _is_number(opens, True):
        return body if _one_band(body, end, rules, height) or _wrapped_in_first(body, end, columns) else body[:end]
    return body


def _wrapped_in_first(body: list[list[dict]], start: int, columns: Columns) -> bool:
    """Are the lines from ``start`` on a paragraph wrapped at the first column's width (the rest of its cell,
    not the paper's text after the table, which runs across the page): two lines or more, the lines before a
    paragraph's last reaching close to the furthest the column's text reaches above them?"""
    lines = body[start:]
    if len(lines) < 2:
        return False
    right = max((w["x1"] for line in body[:start] for w in line if columns.index(w) == 0), default=0.0)
    width = right - columns.lefts[0]
    if width <= 0:
        return False
    reach = [max(w["x1"] for w in line) for line in lines[:-1]]
    return statistics.median(reach) >= right - 0.25 * width


def _one_band(body: list[list[dict]], end: int, rules: Sequence[Rule], height: float) -> bool:
    """Do the lines from ``end`` on sit in one ruled band with the line above them: no rule between, and a
    rule across the table closing them below (a cell's last paragraph, not the paper's text after it)?"""
    above = max(w["bottom"] for w in body[end - 1])
    below = min(w["top"] for w in body[end])
    return _closed_below(body, rules, height) and not any(above <= y <= below for y, _, _ in rules)


def _header_again(lines: list[list[dict]], columns: Columns) -> bool:
    """Do ``lines`` open this table's header again: groups starting at its column edges, read as mostly the
    same labels (the next recommendation's table, labels broken as in the first)?"""
    starts = [seg[0]["x0"] for seg in segments(lines[0])]
    if len(starts) < 3 or sum(any(abs(x - left) <= 3.0 for left in columns.lefts) for x in starts) < len(starts):
        return False
    if len(starts) == len(columns.lefts) and repeated_header(lines, columns):
        return True  # its labels again, over as many lines as the page sets them ("Rec" / "Ref")
    found = find_header(lines)
    if found is None or found[0] != 0 or len(found[2].lefts) != len(columns.lefts):
        return False
    same = sum(
        _squashed(a) == _squashed(b) for a, b in zip(found[2].header.labels, columns.header.labels, strict=False)
    )
    return same >= 0.6 * len(columns.lefts)  # the same labels again, not body text that happens to name roles


def fewer_of(columns: Columns, other: Columns) -> bool:
    """Are ``columns`` some of ``other``'s, fewer, each at one of its edges (a row of that table with a cell
    left empty, not another table's header)?"""
    return len(columns.lefts) < len(other.lefts) and all(
        any(abs(x - left) <= 3.0 for left in other.lefts) for x in columns.lefts
    )


def repeated_header(lines: list[list[dict]], columns: Columns) -> int:
    """How many of the first ``lines`` print the header of ``columns`` again (a table carried on from the page
    before, its labels repeated at the top of this one), 0 when they do not; judged by the labels alone, as
    the rows below may hold no more than the end of a cell cut by the page break."""
    best, most = 0, 0
    for size in range(1, min(_MAX_HEADER_LINES, len(lines)) + 1):
        if not _close(lines[:size]):
            break
        spans = _spans(lines[:size])
        if len(spans) != len(columns.lefts) or any(
            abs(s[0] - x) > 3.0 for s, x in zip(spans, columns.lefts, strict=True)
        ):
            continue
        same = sum(_squashed(s[2]) == _squashed(label) for s, label in zip(spans, columns.header.labels, strict=True))
        if same >= 0.6 * len(spans) and same > most:  # a line that spoils a label is the body's first
            best, most = size, same
    return best


def _squashed(label: str) -> str:
    return "".join(ch for ch in label.casefold() if ch.isalnum())


def _labels_line(line: list[dict]) -> bool:
    """A row of column labels: three or more short word groups without figures, most of them header words."""
    groups = segments(line)
    if len(groups) < 3 or any(len(g) > 4 or any(ch.isdigit() for w in g for ch in w["text"]) for g in groups):
        return False
    known = sum(1 for g in groups if is_whole_label(" ".join(w["text"] for w in g)))  # not "Team" in "Service; ..."
    return known >= 3 and known >= 0.6 * len(groups)


def _rights(lines: list[list[dict]], columns: Columns) -> list[float]:
    """Each column's right text edge: the furthest any of its words reaches in the table."""
    rights = list(columns.lefts[1:]) + [columns.lefts[-1] + 1.0]
    seen = [0.0] * len(columns.lefts)
    for line in lines:
        for word in line:
            col = columns.index(word)
            seen[col] = max(seen[col], word["x1"])
    return [s if s else r for s, r in zip(seen, rights, strict=True)]


def _row(lines: list[list[dict]], columns: Columns, page: int, rights: list[float]) -> Row:
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
