"""Row normalisation: one record per recommendation from a stitched tracking table.

A row with an empty recommendation (and number) cell continues the recommendation
above it: its progress is appended, new owners and timescales are added. The first
row of a continued page part that carries no number, in a table whose
recommendations are numbered, is the rest of a row broken by the page break.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field, replace
from typing import TypedDict

from .columns import profile, status_value
from .enrich.dates import MONTHS
from .headers import HeaderMap
from .lexicon import joins_split_word
from .model import Row
from .stitch import TrackingTable
from .text import BULLET, CLOSING, FUNCTION_WORDS, ends_open, heading_like, hyphen_joins, join_distinct, norm_key

_REC_ID_RE = re.compile(
    r"^\s*(?:"
    r"(?:recommendation|rec)\s*\.?\s*(?:no\.?\s*)?(?P<a>\d{1,3}(?:\.\d{1,2})*[a-z]?)\s*[:.)\u2013-]?"
    r"|r(?P<b>\d{1,3}(?:\.\d{1,2})*[a-z]?)\s*(?:[:.)\u2013-]|(?=\s))"
    r"|\(\s*(?P<c>\d{1,3}[a-z]?)\s*\)"
    r"|(?P<d>\d{1,3}(?:\.\d{1,2})*[a-z]?)\s*[.):](?=\s|$)"
    r"|(?P<e>\d{1,2}\.\d{1,2}[a-z]?)(?=\s+[A-Z])"
    r"|(?P<f>\d{1,3}[a-z]?)\s*[\u2013-](?=\s)"
    r"|\(?(?P<g>[a-h])\)(?=\s)"
    r")\s*",
    re.I,
)
_CONTINUED_RE = re.compile(r"^\(?(?:cont(?:inued|'d|d)?\.?|continuation|ditto|as above)\)?\.?$", re.I)
_ID_CELL_RE = re.compile(
    r"^\s*(?:(?:recommendation|rec)\s*\.?\s*(?:no\.?\s*)?|r)?\(?\s*(\d{1,3}(?:\.\d{1,2})*[a-z]?)\s*\)?\s*[.:)]?\s*$",
    re.I,
)


class TextFields(TypedDict):
    """The text fields of a recommendation, as :meth:`RawRecommendation.fields` gives them."""

    rec_id: str
    recommendation: str
    progress: str
    responsible: str
    timescale: str
    status: str
    accepted: str


@dataclass(slots=True)
class RawRecommendation:
    """A recommendation gathered from one or more table rows, before metadata is attached."""

    rec_id: str
    recommendation: str
    progress: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    timescale: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    first_page: int | None = None
    last_page: int | None = None
    rows: int = 1
    status_fill: str = ""
    accepted: list[str] = field(default_factory=list)
    ocr_confidences: list[float] = field(default_factory=list)
    ocr: bool = False
    section: str | None = None  # the group heading row above it ("" before the first), where the table has them
    extra: dict[str, list[str]] = field(default_factory=dict)  # the table's other columns, by header text

    def add_cells(self, row: Row) -> None:
        """Note whether the row was read by OCR, and its cells' confidences."""
        for cell in row.cells:
            self.ocr = self.ocr or cell.ocr
            if cell.ocr_confidence is not None and cell.text:
                self.ocr_confidences.append(cell.ocr_confidence)

    @property
    def ocr_confidence(self) -> float | None:
        if not self.ocr_confidences:
            return None
        return round(sum(self.ocr_confidences) / len(self.ocr_confidences), 3)

    def add(self, values: dict[str, str], page: int | None, glue: Set[str] = frozenset()) -> None:
        """Add a row's values; for ``glue`` fields the text continues the last value (a cut cell)."""
        for name in ("progress", "responsible", "timescale", "status", "accepted"):
            value = values.get(name)
            if not value:
                continue
            parts = getattr(self, name)
            if name in glue and parts and not _starts_paragraph(parts[-1], value):
                parts[-1] = _glue(parts[-1], value)
            else:
                parts.append(value)
        if page is not None:
            self.first_page = page if self.first_page is None else self.first_page
            self.last_page = page

    def add_extra(self, values: dict[str, str], cut: bool = False) -> None:
        """Add the other columns' values; after a page break (``cut``) a word split by it is joined up."""
        for label, value in values.items():
            if not value:
                continue
            parts = self.extra.setdefault(label, [])
            if cut and parts and _split_word(parts[-1], value):
                parts[-1] += value
            else:
                parts.append(value)

    def extra_items(self) -> tuple[tuple[str, str], ...]:
        return tuple((label, join_distinct(parts, sep="\n")) for label, parts in self.extra.items())

    def fields(self) -> TextFields:
        return {
            "rec_id": self.rec_id,
            "recommendation": self.recommendation,
            "progress": "\n".join(p for p in self.progress if p),
            "responsible": join_distinct(self.responsible),
            "timescale": join_distinct(self.timescale),
            "status": join_distinct(self.status),
            "accepted": join_distinct(self.accepted),
        }


def _starts_paragraph(before: str, after: str) -> bool:
    """At a page cut: does ``after`` look like a new paragraph rather than the rest of ``before``?"""
    return after.startswith(BULLET) or (before.rstrip()[-1:] in ".!?:" and after[:1].isupper())


def split_rec_id(text: str) -> tuple[str, str]:
    """("6) Enhance training…") -> ("6", "Enhance training…"); ("", text) when unnumbered."""
    match = _REC_ID_RE.match(text)
    if not match:
        return "", text
    number = next(g for g in match.groups() if g)
    return number.lower(), text[match.end() :].lstrip()


_ID_WORD_RE = re.compile(
    r"(?:rec(?:ommendation)?|ref(?:erence)?|no|item|para(?:graph)?)\.?", re.I
)  # an id's word alone


def id_from_cell(text: str) -> str:
    """The number in a separate number column ("1", "R2", "Rec 3", "(4)"); the text as is otherwise."""
    text = text.strip()
    match = _ID_CELL_RE.match(text)
    return match.group(1).lower() if match else text


def row_values(row: Row, header: HeaderMap) -> dict[str, str]:
    values = {}
    for name, col in header.columns.items():
        values[name] = row.cells[col].text.strip() if col < len(row.cells) else ""
    return values


def extra_values(row: Row, header: HeaderMap) -> dict[str, str]:
    """The row's cells in the columns that have a header but none of the roles."""
    return {
        label: row.cells[col].text.strip() if col < len(row.cells) and not row.cells[col].merged else ""
        for col, label in header.extra
    }


def recommendations(table: TrackingTable) -> list[RawRecommendation]:
    """Fold a tracking table's rows into recommendations."""
    out: list[RawRecommendation] = []
    numbered = 0
    previous: Row | None = None
    groups = group_rows(table)
    section = "" if groups else None
    for index, row in enumerate(table.rows):
        label = groups.get(index)
        if label is not None:
            section, previous = label, row
            continue
        values = row_values(row, table.header)
        rec_text = values.get("recommendation", "")
        rec_id = id_from_cell(values.get("rec_id", ""))
        stripped_id, rec_text = split_rec_id(rec_text)
        if _CONTINUED_RE.match(rec_text):
            rec_text = ""  # "(continued)": the row goes on with the recommendation above
        rec_id = rec_id or stripped_id
        numbered += bool(rec_id)
        current = out[-1] if out else None
        page_break = index in table.part_starts
        repeated = (
            current is not None
            and bool(rec_id)
            and rec_id == current.rec_id
            and (not rec_text or page_break or norm_key(rec_text) == norm_key(current.recommendation))
        )
        if repeated and current is not None and norm_key(rec_text) in norm_key(current.recommendation):
            rec_text = ""  # the number (and text) printed again on the row that carries it on
        if current is not None and page_break and rec_id and _ID_WORD_RE.fullmatch(current.rec_id):
            current.rec_id, rec_id = rec_id, ""  # "Rec" at the page foot, its number on the next page: one id
        continues = current is not None and (
            repeated
            or not rec_id
            and (not rec_text or (page_break and (numbered > 0 or _reads_on(previous, row, table.header))))
        )
        if continues and current is not None:
            cut = (
                _cut_fields(previous, table.header, current, values) | _open_fields(current, values)
                if page_break
                else set()
            )
            if rec_text and "recommendation" in cut and not _starts_paragraph(current.recommendation, rec_text):
                current.recommendation = _glue(current.recommendation, rec_text)
            elif rec_text:
                current.recommendation = f"{current.recommendation}\n{rec_text}".strip()
            current.add(values, row.page, glue=cut)
            current.add_extra(extra_values(row, table.header), cut=page_break)
            current.add_cells(row)
            current.rows += 1
        elif rec_text or rec_id:
            rec = RawRecommendation(
                rec_id=rec_id, recommendation=rec_text, status_fill=_status_fill(row, table.header), section=section
            )
            rec.add(values, row.page)
            rec.add_extra(extra_values(row, table.header))
            rec.add_cells(row)
            out.append(rec)
        previous = row
    _fill_missing_ids(out)
    return out


def group_rows(table: TrackingTable) -> dict[int, str]:
    """The table's group heading rows (index -> heading): one cell spanning the table, or a heading set in the
    first cell with the others left empty (see ``_heading_in_first_cell``)."""
    out: dict[int, str] = {}
    rows = table.rows
    for index, row in enumerate(rows):
        if index in out:
            continue
        label = group_label(row)
        if label is None and index + 1 < len(rows):
            # at a page top, the first cell may go on with the text the page break cut in the same column
            first = next((role for role, col in table.header.columns.items() if col == 0), None)
            cut = index in table.part_starts and index > 0 and first in _cut_fields(rows[index - 1], table.header)
            label = None if cut else _heading_in_first_cell(row, rows[index + 1], table.header)
            rest = _heading_rest(table, index + 1)
            if label is None and not cut and rest and index + 2 < len(rows):
                # a heading the page break cut ("Data and intelligenc" / "e"): its rest opens the next page
                whole = _glue(_first_text(row), rest)
                if _heading_in_first_cell(_with_first(row, whole), rows[index + 2], table.header):
                    label = out[index + 1] = whole
        if label is not None:
            out[index] = label
    return out


def _heading_rest(table: TrackingTable, index: int) -> str:
    """The text of row ``index`` when it opens a page with a few words in its first cell alone, starting in lower
    case (the rest of a heading the page break cut), else ""."""
    if index not in table.part_starts or index >= len(table.rows):
        return ""
    own = [c for c in table.rows[index].cells if not c.merged]
    text = own[0].text.strip() if own else ""
    if not text[:1].islower() or len(text.split()) > 3 or any(c.text.strip() for c in own[1:]):
        return ""
    return text


def _first_text(row: Row) -> str:
    own = [c for c in row.cells if not c.merged]
    return own[0].text.strip() if own else ""


def _with_first(row: Row, text: str) -> Row:
    """``row`` with ``text`` in its first cell."""
    cells = list(row.cells)
    at = next(i for i, c in enumerate(cells) if not c.merged)
    cells[at] = replace(cells[at], text=text)
    return replace(row, cells=tuple(cells))


def _heading_in_first_cell(row: Row, following: Row, header: HeaderMap) -> str | None:
    """A theme heading set in the first cell only ("Theme 2: Prevention", "Section B – Resources"): a short
    text, not a sentence, that is no value of its column (an id, a date, a status, an owner), above a row that
    starts a recommendation."""
    own = [c for c in row.cells if not c.merged]
    if len(row.cells) < 3 or not own or any(c.text.strip() for c in own[1:]):
        return None
    text = own[0].text.strip()
    if not heading_like(text, max_words=10):
        return None
    p = profile([text])
    if p.ids or p.numbered or p.dates or p.people or p.accept or status_value(text) or ends_open(text):
        return None
    below = row_values(following, header)
    starts = bool(below.get("recommendation")) and (
        "rec_id" not in header.columns or bool(id_from_cell(below.get("rec_id", "")))
    )
    return text if starts else None


def group_label(row: Row) -> str | None:
    """The text of a group heading row (one cell spanning the table: a theme or committee name), else None."""
    own = [c for c in row.cells if not c.merged]
    filled = [c.text.strip() for c in own if c.text.strip()]
    if len(filled) != 1 or len(row.cells) < 3:
        return None
    spans = len(own) == 1 or any(c.col_span >= len(row.cells) - 1 for c in own)
    text = filled[0]
    if not spans or len(text) > 150 or "\n" in text:
        return None
    return text


def _status_fill(row: Row, header: HeaderMap) -> str:
    """The shading of the status cell, else of the timescale or progress cell (papers colour one of them)."""
    for name in ("status", "timescale", "progress", "recommendation"):
        col = header.col(name)
        if col is not None and col < len(row.cells) and row.cells[col].fill:
            return row.cells[col].fill
    return ""


def _reads_on(before: Row | None, row: Row, header: HeaderMap) -> bool:
    """After a page break in an unnumbered table: does ``row`` carry on the sentences ``before`` left open?

    A recommendation or progress cell that stops without closing punctuation, followed by a cell that
    starts in lower case or after a word that cannot end a sentence ("the", "of"), is one cell cut in two;
    so is any cell whose last word and the cell below's first make one word.
    """
    if before is None:
        return False
    if any(_split_word(a.text, b.text) for a, b in zip(before.cells, row.cells, strict=False)):
        return True  # a word cut by the page break in any column ("Cabinet Membe" / "r for Planning")
    above, below = row_values(before, header), row_values(row, header)
    others = [n for n in header.columns if n not in ("recommendation", "rec_id")]
    if below.get("recommendation") and not any(below.get(n) for n in others) and any(above.get(n) for n in others):
        return True  # only a recommendation's words under a row with its progress, owner or date: its next paragraph
    unclosed = 0
    for name in ("recommendation", "progress"):
        a, b = above.get(name, ""), below.get(name, "")
        if not a or not b or a[-1] in '.!?:;)\u201d"' or b.startswith(BULLET):
            continue
        if b[0].islower() or a.split()[-1].casefold() in FUNCTION_WORDS:
            return True
        unclosed += len(a.split("\n")[-1].split()) >= _CUT_PROSE_WORDS  # a sentence cut, not "Ongoing"
    # prose left unclosed beside a short value cut with it ("Gareth" / "Whitfield", "October" / "2026"), or
    # under a row with short values of its own while this one has none: the row was cut by the page break
    short = [n for n in header.columns if n in _SHORT_FIELDS]
    bare = any(above.get(n) for n in short) and not any(below.get(n) for n in short)
    cut = any(_value_cut(n, above.get(n, ""), below.get(n, "")) for n in ("responsible", "timescale"))
    return bool(unclosed) and (cut or bare)


_CUT_PROSE_WORDS = 5  # a last paragraph this long, left unclosed, is a sentence the page break cut


def _value_cut(name: str, above: str, below: str) -> bool:
    """Is the short value ``above`` cut before ``below``: an owner's first word, a quarter or day, a month
    before its year?"""
    if not above or not below:
        return False
    month = name == "timescale" and _MONTH_END_RE.search(above) is not None and _YEAR_START_RE.match(below) is not None
    return month or _cut_value(name, above, below)


def _split_word(before: str, after: str) -> bool:
    """Do ``before``'s last word and ``after``'s first make one word (cut by a line or page break)?"""
    a, b = before.split(), after.split()
    return bool(a and b and joins_split_word(a[-1], b[0]))


def _glue(before: str, after: str) -> str:
    """``after`` carrying on ``before``'s text: a space between, unless it closes it or ends its cut word."""
    if not before:
        return after
    joined = (
        after[:1] in CLOSING
        or _split_word(before, after)
        or _split_date(before, after)
        or hyphen_joins(before, after)  # "dementia-" / "friendly"
    )
    return f"{before}{'' if joined else ' '}{after}"


_OF_WORD_END_RE = re.compile(r"\b(?:of|for)\s+[A-Z][a-z]+$")  # a post of a body, its name cut short?
_ONE_WORD_RE = re.compile(r"[A-Z][a-z]+")
# the last word of a post or a body, which names no one on its own
_POST_END_RE = re.compile(r"(?:manager|officer|director|team|services?|lead|unit|partnership|executive)\W*$", re.I)
_DATE_CUT_RE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{1,3})$")
_DIGITS_RE = re.compile(r"\d{1,3}\b")


def _split_date(before: str, after: str) -> bool:
    """Is ``before`` a date whose year a break cut ("27/09/202" / "4", "24/07/20" / "24")?"""
    cut, rest = _DATE_CUT_RE.search(before.rstrip()), _DIGITS_RE.match(after.lstrip())
    return bool(cut and rest and len(cut.group(1)) + len(rest.group()) == 4)


_MONTH_END_RE = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?$", re.I)
_YEAR_START_RE = re.compile(r"(?:19|20)\d\d\b")


def _open_fields(rec: RawRecommendation, values: dict[str, str]) -> set[str]:
    """After a page break: fields whose text above was left open, so the row below carries the same text on.

    A field reads on when the text above was visibly cut: an open bracket, or a trailing comma, dash or
    word that cannot end a sentence ("the", "of"); or when the text below starts in lower case, for prose
    (recommendation, progress) only where the row brings no owner or timescale of its own (then it is an
    action row of its own). Otherwise the row below is taken as a new paragraph or value.
    """
    out: set[str] = set()
    lower: set[str] = set()
    for name, value in values.items():
        if not value:
            continue
        above = rec.recommendation if name == "recommendation" else _last(rec, name)
        if not above or _starts_paragraph(above, value):
            continue
        if above.count("(") > above.count(")") or ends_open(above):
            out.add(name)
        elif name == "timescale" and _MONTH_END_RE.search(above) and _YEAR_START_RE.match(value):
            out.add(name)  # "End of December" / "2026": a date cut before its year
        elif value[:1] in CLOSING or _split_date(above, value):
            out.add(name)  # ")" or "." alone at the top of the page ends the text above; a date's year goes on
        elif name == "responsible" and value.startswith("(") and not above.rstrip().endswith(")"):
            out.add(name)  # a name, then its post in brackets on the next page: "Ann Lee" / "(Head of Parks)"
        elif name == "responsible" and _POST_END_RE.fullmatch(value.strip()) and not _POST_END_RE.search(above):
            out.add(name)  # "Highways" / "Manager": the head of a post is no owner on its own
        elif name == "responsible" and _OF_WORD_END_RE.search(above) and _ONE_WORD_RE.fullmatch(value.strip()):
            out.add(name)  # "Director of Public" / "Health": one word alone finishes the body a post is of
        elif value[:1].islower() and above.rstrip()[-1:] not in ".!?;":
            lower.add(name)
    short = {n for n in ("responsible", "timescale", "status") if values.get(n)}
    if "progress" in out:
        # a report visibly cut ("... received in the" / "last quarter"): the row is the rest of the row above,
        # its short values the rest of those above ("Community" / "Safety Team", "Q3" / "2024/25"); a cut
        # recommendation says less, its cell may span several action rows of their own
        out |= {n for n in short if _cut_value(n, _last(rec, n), values[n])}
    for name in lower:
        if name not in ("recommendation", "progress") or short <= out | lower:
            out.add(name)
    return out


def _cut_value(name: str, above: str, below: str) -> bool:
    """Might ``below`` be the rest of the short value ``above``: an owner's first word alone ("Rebecca" /
    "Doyle", "Community" / "Safety Team"), or a quarter or a day without the rest ("Q3" / "2024/25")?"""
    last = above.strip().split("\n")[-1].strip()
    first = below.strip().split("\n")[0].strip()
    if not last or first == last:
        return False
    if name == "responsible":  # the last of several owners ("Clare Ashworth; Ruth", "T/Supt", "Cllr Imran")
        return _FIRST_NAME_RE.fullmatch(_OWNER_SEP_RE.split(last)[-1].strip()) is not None
    # a quarter or a day without the rest of its date ("Q3" / "2024/25", "30" / "September 2023")
    return name == "timescale" and re.fullmatch(r"Q[1-4]|\d{1,2}(?:st|nd|rd|th)?", last, re.I) is not None


_OWNER_SEP_RE = re.compile(r"[;,/&]|\band\b")
# one word of a name, after a title perhaps: "Ruth", "Cllr Imran", "Dr Ann" (its surname cut off)
_FIRST_NAME_RE = re.compile(r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?[A-Z][a-z'’-]+")


def _last(rec: RawRecommendation, name: str) -> str:
    """The last value ``rec`` holds for the list field ``name`` ("" for none)."""
    parts = getattr(rec, name, None)
    return parts[-1] if isinstance(parts, list) and parts else ""


def _cut_fields(
    row: Row | None, header: HeaderMap, rec: RawRecommendation | None = None, values: dict[str, str] | None = None
) -> set[str]:
    """Fields whose cell in ``row`` ran into the page break, so the next page continues the same text. A short
    value (an owner, a date, a status) is taken as cut only where it may be (``_cut_value``): a whole one
    ("Revenues Team") beside a long cell that ran to the page foot is complete."""
    if row is None:
        return set()
    out = {name for name, col in header.columns.items() if col < len(row.cells) and row.cells[col].overflows}
    if rec is None or values is None:
        return out
    return {n for n in out if n not in _SHORT_FIELDS or _cut_value(n, _last(rec, n), values.get(n, ""))}


_SHORT_FIELDS = frozenset({"responsible", "timescale", "status"})


def _fill_missing_ids(recs: list[RawRecommendation]) -> None:
    """An unnumbered table gets its recommendations' positions (1, 2, …) as ids."""
    if recs and not any(r.rec_id for r in recs):
        for position, rec in enumerate(recs, start=1):
            rec.rec_id = str(position)
