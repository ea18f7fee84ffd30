"""Find the tracking tables of a document and join tables continued across pages.

A table continues the tracking table before it when nothing but page furniture
(page numbers, running heads) lies between them and it either repeats the same
header (the same labels, even where the columns' content reads differently on the
new page) or has no header and the same number of columns.

Papers that give each recommendation its own small "label | value" table are read
as one tracking table: a run of such tables becomes one row per recommendation. A
part on the next page whose first label cell is blank, or whose labels carry on the
label sequence, continues the recommendation above; a label met again starts the
next one. The number comes from a "Recommendation 3" label, an id row, a title row
spanning the table, or the heading just above the table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from .columns import profile
from .headers import (
    REC_HEADING_RE,
    HeaderMap,
    classify_label,
    find_header,
    header_like,
    is_header_repeat,
    key_value_table,
    near_miss,
)
from .model import Cell, Document, Paragraph, Row, Table
from .text import BULLET, PAGE_NUMBER_RE, ends_sentence, heading_like, norm_key
from .vocab import completes_label

_HEADING_RE = re.compile(r"^(?:appendix|annex|annexe|schedule|table|part|section)\b", re.I)
_MAX_FURNITURE_CHARS = 160  # text between two parts of one table is at most a footer and a running head


@dataclass(slots=True)
class TrackingTable:
    """One logical tracking table: its header map and data rows, stitched across pages."""

    header: HeaderMap
    rows: list[Row] = field(default_factory=list)
    parts: int = 1
    first_page: int | None = None
    last_page: int | None = None
    section: str = ""
    order: int = 0
    part_starts: set[int] = field(default_factory=set)  # indexes in rows where a continued part begins
    key_value: bool = False  # made of one small "label | value" table per recommendation


def tracking_tables(doc: Document, notes: list[str] | None = None) -> list[TrackingTable]:
    """All tracking tables of ``doc``, in order, with continuation parts stitched on.

    A table that names a recommendation column but is not read (see ``headers.near_miss``) is
    reported in ``notes`` when given.
    """
    found: list[TrackingTable] = []
    previous: Table | None = None
    run: _KeyValueRun | None = None
    unread: list[tuple[int, Table, list[_Pair]]] = []  # the label/value tables just before that gave nothing
    pages = _same_first_rows(doc.tables)
    paragraphs = _Paragraphs(doc.paragraphs)
    for index, table in enumerate(doc.tables):
        pairs = _kv_pairs(table)
        if pairs is not None:
            if run is not None and run.continued_by(doc, index, table, pairs):
                run.add(doc, index, table, pairs)
                continue
            if key_value_table(table) is not None:
                _close(run, found, notes)
                run = _start_run(doc, index, table, pairs, unread)
                previous = None
                continue
        if run is not None:
            _close(run, found, notes)
            run = None
        header = find_header(table, more=pages.get(index, ()))
        current = found[-1] if found else None
        if current is not None and not current.key_value and previous is not None:
            how = _continues(doc, previous, table, header, current, paragraphs)
            if how:
                _append(current, table, header, new_part=how == "page")
                previous = table
                continue
        if header is not None:
            tracking = TrackingTable(
                header=header,
                first_page=table.page,
                order=table.order,
                section=_section_label(doc, table, paragraphs),
            )
            _append(tracking, table, header, new_part=False)
            found.append(tracking)
            previous = table
        else:
            previous = None  # another kind of table breaks any continuation
            unread = [*unread, (index, table, pairs)] if pairs is not None else []
            _note_near_miss(table, table.page, notes)
    _close(run, found, notes)
    return found


# -- ordinary tables continued ----------------------------------------------------------------------


def _same_first_rows(tables: list[Table] | tuple[Table, ...]) -> dict[int, tuple[Row, ...]]:
    """For each table whose first row is printed again over other tables (a header repeated on every
    page), the rows below it in those others: the body to judge the columns by, whatever one page holds."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, table in enumerate(tables):
        if len(table.rows) >= 2:
            key = tuple(_squash(c.text) for c in table.rows[0].cells)
            if sum(1 for k in key if k) >= 2:
                groups.setdefault(key, []).append(index)
    more: dict[int, tuple[Row, ...]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        bodies = {index: [(row, _texts(row)) for row in tables[index].rows[1:]] for index in members}
        for index in members:
            second = bodies[index][0][1]  # a header's second row is printed again too: not body
            more[index] = tuple(
                row for other in members if other != index for row, texts in bodies[other] if texts != second
            )
    return more


def _texts(row: Row) -> tuple[str, ...]:
    return tuple(_squash(c.text) for c in row.cells)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _same_labels(a: HeaderMap, b: HeaderMap) -> bool:
    """The same header printed again (the columns' roles may read differently from one page's rows), perhaps
    with labels' last lines clipped or in a row of their own on one page ("Recommendation" / "Ref", "Work" /
    "undertaken")."""
    if len(a.labels) != len(b.labels):
        return False
    pairs = [(_squash(x), _squash(y)) for x, y in zip(a.labels, b.labels, strict=True)]
    return all((x and y or x == y) and (x.startswith(y) or y.startswith(x)) for x, y in pairs) and any(
        x == y and x for x, y in pairs
    )


def _append(
    tracking: TrackingTable, table: Table, header: HeaderMap | None, *, new_part: bool, echo: bool = True
) -> None:
    start = header.row + 1 if header is not None else _after_repeated_header(table, tracking.header)
    if new_part:
        tracking.parts += 1
        tracking.part_starts.add(len(tracking.rows))
    for index, row in enumerate(table.rows[start:], start=start):
        if row.page is None and table.page is not None:
            row = Row(cells=row.cells, page=table.page, is_header=row.is_header)
        if is_header_repeat(row, tracking.header):
            continue
        if echo and header is not None and index == start:
            above = tracking.rows[-1] if new_part and tracking.rows else None
            row = _without_label_echo(row, tracking.header, above)  # the rest of a header printed again
        if not any(c.text.strip() for c in row.cells):
            continue
        tracking.rows.append(row)
    tracking.last_page = table.last_page or tracking.last_page
    if tracking.first_page is None:
        tracking.first_page = table.page


def _after_repeated_header(table: Table, header: HeaderMap) -> int:
    """Where the rows of ``table`` (its header unread on its own) start: after the header printed again near its
    top with only title rows above it (a banner over the labels, printed on every page), else at the top."""
    for index, row in enumerate(table.rows[:3]):
        if is_header_repeat(row, header):
            titles = table.rows[:index]
            if all(sum(1 for c in r.cells if c.text.strip() and not c.merged) <= 1 for r in titles):
                return index + 1
            return 0
    return 0


_FRAGMENT_RE = re.compile(r"^[a-z][a-z'-]{0,13}$")  # the end of a label word broken over two lines ("ntation")


def _label_echo(text: str, label: str) -> bool:
    """Is ``text`` the column's label again, or a piece of it (a header repeated, or its broken second line)?"""
    if text.strip() == label.strip():
        return True
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    key = _squash(label)
    if not lines or not key:
        return False
    for line in lines:
        part = _squash(line)
        if not part:
            continue
        if ends_sentence(line):
            return False  # the end of a sentence the page break cut ("work." under "Work undertaken")
        if _FRAGMENT_RE.match(line) and completes_label(label, line) or part in key:
            continue  # the broken end of the label ("ntation"), or a piece of it
        if key in part and len(part) <= len(key) + 16:
            continue
        return False
    return True


def _without_label_ends(row: Row, header: HeaderMap, above: Row | None = None) -> Row:
    """Drop a first line that is the broken end of the column's label ("entation" under "Timescale for
    implem"), alone in its cell or before the cell's own text, or the last line of a label wrapped over two,
    printed again above the cell's own text ("and Finish Group" under "Recommendation of the Task"). A
    broken end is the cell's own word where the cell above, on the page before, stopped mid-sentence ("has
    been" / "updated" under "What has happened")."""
    cells = list(row.cells)
    changed = False
    for i, c in enumerate(cells):
        lines = c.text.split("\n")
        if i >= len(header.labels):
            continue
        label = header.labels[i]
        piece = lines[0].strip()
        if "\n" in label and len(lines) > 1 and _squash(piece) == _squash(label.split("\n")[-1]):
            cells[i] = replace(c, text="\n".join(lines[1:]).strip())
            changed = True
            continue
        if not _FRAGMENT_RE.match(piece) or _runs_on(above, i):
            continue
        if completes_label(label, piece) or (label.split("\n")[-1].strip() == piece and "\n" in label):
            cells[i] = replace(c, text="\n".join(lines[1:]).strip())
            changed = True
    return Row(cells=tuple(cells), page=row.page, is_header=row.is_header) if changed else row


def _runs_on(above: Row | None, col: int) -> bool:
    """Did the cell of column ``col`` in the row ``above`` stop mid-sentence (its prose goes on below)?"""
    if above is None or col >= len(above.cells):
        return False
    text = above.cells[col].text.rstrip()
    return len(text.split("\n")[-1].split()) >= 3 and text[-1] not in ".!?:;)"  # (prose, not "1", "Ann Lee")


def _without_label_echo(row: Row, header: HeaderMap, above: Row | None = None) -> Row:
    """Blank the cells of a row just under the header that only repeat the labels (or the broken end of one).

    Such a row is a header's second line, or a header printed again with the text the page break cut
    off from the row above sitting in some of its cells; the other cells are kept.
    """
    row = _without_label_ends(row, header, above)
    filled = [i for i, c in enumerate(row.cells) if c.text.strip() and not c.merged]
    if not filled:
        return row
    echo = [
        i
        for i in filled
        if i < len(header.labels) and _label_echo(row.cells[i].text, header.labels[i]) and not _runs_on(above, i)
    ]
    if not echo:
        return row
    if len(echo) < len(filled) and (len(echo) < 2 or len(echo) < 0.5 * len(filled)):
        return row  # one cell that happens to read like its label is content
    cells = []
    for i, c in enumerate(row.cells):
        if i in echo:
            c = Cell(text="", page=c.page, bbox=c.bbox)
        elif i < len(header.labels) and _squash(header.labels[i]):  # the label printed on a line of its own
            key = _squash(header.labels[i])
            kept = [ln for ln in c.text.split("\n") if _squash(ln) != key]
            c = Cell(text="\n".join(kept), page=c.page, bbox=c.bbox, overflows=c.overflows, fill=c.fill)
        cells.append(c)
    return Row(cells=tuple(cells), page=row.page, is_header=row.is_header)


def _continues(
    doc: Document,
    prev: Table,
    table: Table,
    header: HeaderMap | None,
    current: TrackingTable,
    paragraphs: _Paragraphs | None = None,
) -> str:
    """ "page" when ``table`` carries ``current`` on over a page break, "same" for the next table of the same
    header on the same page with nothing between, "" when it does not continue it."""
    end = prev.last_page or prev.page  # the page the previous table ends on (set when paged)
    paged = prev.page is not None and table.page is not None
    paragraphs = paragraphs or _Paragraphs(doc.paragraphs)
    between = paragraphs.between(prev.order, table.order)
    if header is not None:
        if header.key != current.header.key and not _same_labels(header, current.header):
            return ""
        if paged and table.page == end:
            return "same" if not _text(between) else ""
    elif not paged or table.n_cols != prev.n_cols:
        return ""  # without pages, only a repeated header shows that a table goes on
    elif table.rows and _labels_of_another(table.rows[0], current.header):
        return ""  # a table under labels of its own (a work programme after the tracking table)
    if paged and end is not None and table.page != end + 1:
        return ""
    if paged:
        return "page" if _only_furniture(between) and not paragraphs.heading_among(between) else ""
    return "same" if not between else ""


def _labels_of_another(row: Row, header: HeaderMap) -> bool:
    """Is ``row`` a row of column labels, not those of ``header`` printed again?"""
    return header_like(tuple(row.texts)) and not is_header_repeat(row, header)


def _text(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip() and not PAGE_NUMBER_RE.match(p.text.strip())]


def _only_furniture(paragraphs: list[Paragraph]) -> bool:
    text = _text(paragraphs)
    if any(_HEADING_RE.match(t) for t in text):
        return False
    return sum(len(t) for t in text) <= _MAX_FURNITURE_CHARS


class _Paragraphs:
    """A document's paragraphs by reading order, to find those between two tables without a pass over all."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.orders = [p.order for p in paragraphs]
        self.ordered = all(a <= b for a, b in zip(self.orders, self.orders[1:], strict=False))

    @cached_property
    def recurring(self) -> set[str]:
        """The texts printed on more than one page: running heads and feet (worked out on first use)."""
        pages: dict[str, set[int | None]] = {}
        for p in self.paragraphs:
            pages.setdefault(norm_key(p.text), set()).add(p.page)
        return {text for text, seen in pages.items() if len(seen) > 1}

    def heading_among(self, paragraphs: list[Paragraph]) -> bool:
        """Is one of ``paragraphs`` a heading printed once (the title of another table, "Outstanding
        recommendations from earlier reviews"): a short capitalised line, not a sentence nor a value that
        escaped a cell ("Spring 2015"), that no other page repeats?"""
        for p in paragraphs:
            text = p.text.strip()
            if (
                len(text.split()) >= 3
                and heading_like(text)
                and not profile([text]).dates
                and not PAGE_NUMBER_RE.match(text)
                and norm_key(text) not in self.recurring
            ):
                return True
        return False

    def between(self, low: int, high: int) -> list[Paragraph]:
        if not self.ordered:
            return [p for p in self.paragraphs if low < p.order < high]
        return self.paragraphs[bisect.bisect_right(self.orders, low) : bisect.bisect_left(self.orders, high)]

    def before(self, order: int, count: int) -> list[Paragraph]:
        if not self.ordered:
            return [p for p in self.paragraphs if p.order < order][-count:]
        end = bisect.bisect_left(self.orders, order)
        return self.paragraphs[max(0, end - count) : end]


def _section_label(doc: Document, table: Table, paragraphs: _Paragraphs | None = None) -> str:
    """The nearest heading-like line above the table (e.g. "Appendix 2"), if close by."""
    before = (paragraphs or _Paragraphs(doc.paragraphs)).before(table.order, 4)
    for p in reversed(before):
        if _HEADING_RE.match(p.text) and len(p.text) <= 160:
            return p.text
    for p in reversed(before):
        if len(p.text) <= 120 and not PAGE_NUMBER_RE.match(p.text) and not p.text.rstrip().endswith("."):
            return p.text
    return ""


# -- one small "label | value" table per recommendation ---------------------------------------------

_MAX_REC_HEADING = 120


@dataclass(slots=True)
class _Pair:
    label: str | None  # None for a title row spanning the table
    value: str
    page: int | None


@dataclass(slots=True)
class _Record:
    """One recommendation's labels and values, in the order met."""

    number: str = ""
    labels: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    page: int | None = None


def _kv_pairs(table: Table) -> list[_Pair] | None:
    """The rows of a two-column table as (label, value) pairs; a row of one cell across the table is a title."""
    pairs: list[_Pair] = []
    two = 0
    for row in table.rows:
        own = [c for c in row.cells if not c.merged]
        page = row.page if row.page is not None else table.page
        if not any(c.text.strip() for c in own):
            continue
        if len(own) == 1:
            pairs.append(_Pair(None, own[0].text.strip(), page))
        elif len(own) == 2:
            two += 1
            pairs.append(_Pair(own[0].text.strip(), own[1].text.strip(), page))
        else:
            return None
    return pairs if two else None


def _label_key(label: str) -> str:
    return norm_key(REC_HEADING_RE.sub("Recommendation", label.strip(), count=1))


def _rec_number(text: str) -> str:
    """The number of a "Recommendation 3" / "Rec No. 3" heading, label or title row; "" otherwise."""
    match = REC_HEADING_RE.match(text.strip())
    return match.group(1).lower() if match and len(text) <= _MAX_REC_HEADING else ""


def _join_cut(before: str, after: str) -> str:
    """Text a page break cut in two: a new paragraph goes on a new line, a cut sentence carries on."""
    if not before or not after:
        return before or after
    new_paragraph = after.startswith(BULLET) or (before.rstrip()[-1:] in ".!?:" and after[:1].isupper())
    return before + ("\n" if new_paragraph else " ") + after


def _value_goes_on(before: str, after: str) -> bool:
    """Does ``after`` carry on a sentence that ``before`` left unfinished (cut by a page break)?"""
    return bool(before) and before.rstrip()[-1:] not in ".!?:;" and after[:1].islower()


@dataclass(slots=True)
class _KeyValueRun:
    """Consecutive key/value tables of one label set, gathered into records (one per recommendation)."""

    first: Table
    last: Table
    section: str = ""
    last_index: int = -1
    records: list[_Record] = field(default_factory=list)
    known: dict[str, str] = field(default_factory=dict)  # label key -> label text, in order of first use
    start_key: str = ""  # the label a recommendation's table starts with

    def continued_by(self, doc: Document, index: int, table: Table, pairs: list[_Pair]) -> bool:
        """Does ``table`` belong to this run: right after its last table, with labels of the same set?"""
        prev = self.last
        if index != self.last_index + 1:
            return False
        end = prev.last_page or prev.page
        if end is not None and prev.page is not None and table.page is not None and table.page not in (end, end + 1):
            return False
        between = [p for p in doc.paragraphs if prev.order < p.order < table.order]
        if not _only_furniture([p for p in between if not _rec_number(p.text)]):
            return False
        labels = [p.label for p in pairs if p.label]
        if pairs[0].label == "" or not labels:
            return True  # the rest of the value above, cut by the page break
        known = sum(
            1
            for label in labels
            if _label_key(label) in self.known or self._label_goes_on(label) or self._begins_known(label)
        )
        if known >= 0.5 * len(labels) or key_value_table(table) is not None:
            return True
        # on the next page, labels the record has not had yet, not opening with the label a record starts
        # with: the rest of the record the page break cut ("Accountable officer", "Planned completion")
        record = self.records[-1] if self.records else None
        return (
            end is not None
            and table.page == end + 1
            and record is not None
            and _first_label(pairs) != self.start_key
            and not {_label_key(label) for label in labels} & {_label_key(label) for label in record.labels}
        )

    def _begins_known(self, label: str) -> str | None:
        """The key of the known label ``label`` is the beginning of, cut short by the page break ("Proposal from"
        for "Proposal from the review"), or None."""
        squashed = _squash(label)
        if len(squashed) < 6:
            return None
        return next((k for k, text in self.known.items() if _squash(text).startswith(squashed)), None)

    def _label_goes_on(self, label: str) -> bool:
        """Is ``label`` the second line of the last label, broken by the page break?

        For example "Timescale for" on one page and "implementation" on the next.
        """
        record = self.records[-1] if self.records else None
        if record is None or not record.labels:
            return False
        joined = _squash(record.labels[-1] + label)
        return any(_squash(text) == joined for text in self.known.values())

    def add(self, doc: Document, index: int, table: Table, pairs: list[_Pair]) -> None:
        prev = self.last
        first = table is self.first
        lo = -1 if first else prev.order
        above = [
            p
            for p in doc.paragraphs
            if lo < p.order < table.order and p.text.strip() and not PAGE_NUMBER_RE.match(p.text.strip())
        ][-2:]
        heading = next((n for n in (_rec_number(p.text) for p in reversed(above)) if n), "")
        same_page = prev.page is None or table.page is None or table.page == (prev.last_page or prev.page)
        new = first or bool(heading) or (same_page and pairs[0].label != "")
        if new:
            self._new(heading, pairs[0].page)
        for position, pair in enumerate(pairs):
            self._take(pair, at_part_start=position == 0 and not new)
        if first:
            self.start_key = next((_label_key(p.label) for p in pairs if p.label), "")
        self.last, self.last_index = table, index

    def _new(self, number: str, page: int | None) -> _Record:
        record = _Record(number=number, page=page)
        self.records.append(record)
        return record

    def _take(self, pair: _Pair, *, at_part_start: bool) -> None:
        record = self.records[-1] if self.records else self._new("", pair.page)
        if pair.label is None:  # a title row: it names the recommendation, or titles its table
            number = _rec_number(pair.value)
            if record.keys or (number and record.number and number != record.number):
                record = self._new("", pair.page)
            record.number = record.number or number
            return
        if not pair.label:  # a blank label: the value goes on from the row above
            if record.values:
                record.values[-1] = _join_cut(record.values[-1], pair.value)
            return
        key = _label_key(pair.label)
        if (
            at_part_start
            and record.labels
            and key not in self.known
            and (
                self._label_goes_on(pair.label)
                or (not pair.value and pair.label[:1].islower())
                or (_value_goes_on(record.values[-1], pair.value) and completes_label(record.labels[-1], pair.label))
            )
        ):
            self._relabel(record, f"{record.labels[-1]} {pair.label}")  # a label broken by the page break
            record.values[-1] = _join_cut(record.values[-1], pair.value)
            return
        begun = self._begins_known(pair.label) if key not in self.known else None  # a known label cut short
        if record.keys and (key in record.keys or self.start_key in (key, begun)):
            record = self._new("", pair.page)  # the first label again, or a label met twice: the next recommendation
        number = _rec_number(pair.label)
        if number and not record.number:
            record.number = number
        record.labels.append(pair.label)
        record.keys.append(begun or self._key_for(pair.label))
        record.values.append(pair.value)

    def _relabel(self, record: _Record, label: str) -> None:
        old = record.keys[-1]
        record.labels[-1] = label
        record.keys[-1] = self._key_for(label)
        if old != record.keys[-1] and not any(old in r.keys for r in self.records):
            self.known.pop(old, None)

    def _key_for(self, label: str) -> str:
        squashed = _squash(label)
        for key, text in self.known.items():
            if _squash(text) == squashed:
                return key
        key = _label_key(label)
        self.known.setdefault(key, REC_HEADING_RE.sub("Recommendation", label.strip(), count=1))
        return key

    def table(self) -> Table | None:
        """The run as one ordinary table: a header of the labels and a row per recommendation."""
        records = [r for r in self.records if r.keys]
        if not records:
            return None
        keys = list(dict.fromkeys(k for r in records for k in r.keys))
        numbered = any(r.number for r in records) and not any(classify_label(self.known[k]) == "rec_id" for k in keys)
        head = [Cell(text=self.known[k]) for k in keys]
        if numbered:
            head.insert(0, Cell(text="No."))
        rows = [Row(cells=tuple(head), page=self.first.page, is_header=True)]
        for r in records:
            values = dict(zip(r.keys, r.values, strict=False))
            cells = [Cell(text=values.get(k, ""), page=r.page) for k in keys]
            if numbered:
                cells.insert(0, Cell(text=r.number, page=r.page))
            rows.append(Row(cells=tuple(cells), page=r.page))
        return Table(rows=tuple(rows), order=self.first.order, page=self.first.page, bbox=self.first.bbox)


def _start_run(
    doc: Document, index: int, table: Table, pairs: list[_Pair], unread: list[tuple[int, Table, list[_Pair]]]
) -> _KeyValueRun:
    """A new key/value run at ``table``; it starts earlier when the tables just before, on this page or at the
    foot of the page above, held the first labels of this recommendation (too few to be recognised alone)."""
    before: list[tuple[int, Table, list[_Pair]]] = []
    for entry in reversed(unread):  # the unread tables right before this one, in order
        if entry[0] != index - 1 - len(before):
            break
        before.insert(0, entry)
    opening = _first_label(pairs)
    for start, (_, first, first_pairs) in enumerate(before):
        # the earliest table opens as this one does, or is the one table at the foot of the page above
        end = first.last_page
        foot = start == len(before) - 1 and end is not None and table.page == end + 1
        if foot or _first_label(first_pairs) == opening:
            run = _run_of(doc, [*before[start:], (index, table, pairs)])
            if run is not None:
                return run
    return _new_run(doc, index, table, pairs)


def _first_label(pairs: list[_Pair]) -> str:
    return next((_label_key(p.label) for p in pairs if p.label), "")


def _run_of(doc: Document, tables: list[tuple[int, Table, list[_Pair]]]) -> _KeyValueRun | None:
    """One key/value run of ``tables`` (consecutive, each going on from the one before), or None."""
    run = _new_run(doc, *tables[0])
    for index, table, pairs in tables[1:]:
        if not _on_or_after(run.last, table) or not run.continued_by(doc, index, table, pairs):
            return None
        run.add(doc, index, table, pairs)
    return run


def _new_run(doc: Document, index: int, table: Table, pairs: list[_Pair]) -> _KeyValueRun:
    run = _KeyValueRun(first=table, last=table, section=_section_label(doc, table))
    run.add(doc, index, table, pairs)
    return run


def _on_or_after(prev: Table, table: Table) -> bool:
    """Is ``table`` on the page ``prev`` ends on, or the next?"""
    end = prev.last_page or prev.page
    return end is not None and table.page is not None and table.page in (end, end + 1)


def _note_near_miss(table: Table, page: int | None, notes: list[str] | None) -> None:
    """Report in ``notes`` (when given) a table whose header names recommendations but was not read."""
    why = near_miss(table) if notes is not None else None
    if why and notes is not None:
        notes.append(f"page {page}: {why}" if page else why)


def _close(run: _KeyValueRun | None, found: list[TrackingTable], notes: list[str] | None = None) -> None:
    """Turn a finished key/value run into a tracking table (when its labels make one); one whose labels name
    recommendations but make none is reported in ``notes``."""
    if run is None:
        return
    table = run.table()
    if table is None:
        return
    header = find_header(table)
    if header is None:
        _note_near_miss(table, run.first.page, notes)
        return
    tracking = TrackingTable(
        header=header, first_page=run.first.page, order=run.first.order, section=run.section, key_value=True
    )
    _append(tracking, table, header, new_part=False, echo=False)
    tracking.last_page = run.last.last_page or tracking.last_page
    found.append(tracking)
