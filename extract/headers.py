"""Table classification: is this a recommendation tracking table, and which column is which?

A header cell is matched against ``FIELD_PATTERNS`` in order; the first field whose
pattern matches wins, so "Progress Status" is a status column and "Progress Report
of Action taken to implement recommendation" is a progress column, not a
recommendation column. A tracking table needs a recommendation column and at least
one of progress, responsible, timescale or status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Row, Table
from .text import norm_key

FIELDS = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status", "accepted")

# Checked in this order; each pattern runs on norm_key(header text) (casefolded, punctuation as spaces).
FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rec_id", re.compile(r"^(?:no|nos|number|num|#|ref|refs|reference|ref no|item no|rec no|rec ref|rec|"
                          r"recno|recommendation (?:no|number|ref|reference)|para(?:graph)?(?: no)?|id)$")),
    ("accepted", re.compile(r"^(?:accepted|agreed|accept(?:ed)? or reject(?:ed)?|accepted rejected|"
                            r"accepted not accepted|cabinet decision|decision|agreed by cabinet|response accepted)$")),
    ("status", re.compile(r"\bstatus\b|^rag\b|\brag$|\brag rating\b|^position$|"
                          r"^progress rating$|^(?:complete|completed|achieved)\??$|^% complete$|^rating$")),
    ("progress", re.compile(r"\bprogress\b|\bupdate\b|\baction(?:s)? taken\b|^action(?:s)?$|\bcomment(?:s|ary)?\b|"
                            r"\bresponse\b|\bposition statement\b|\bactions? (?:to date|agreed|planned|proposed)\b|"
                            r"\b(?:agreed|planned|proposed|management|further) actions?\b|"
                            r"\bimplementation\b(?! (?:date|by))|\boutcome\b|\bevidence\b|^notes?$|\bcurrent position\b")),
    ("responsible", re.compile(r"respons|resib|\bofficer\b|\blead\b|\bowner\b|^who\b|\baccountab|"
                               r"\bportfolio holder\b|\bcontact\b|\bby whom\b|\bservice area\b|\bdirectorate\b")),
    ("timescale", re.compile(r"\btime ?scales?\b|\btime ?frames?\b|\btimetable\b|\btimeline\b|\btarget\b|\bdeadline\b|^when\b|"
                             r"\bdue\b|\bcompletion date\b|\bdate\b|\bby when\b|\bdelivery date\b")),
    ("recommendation", re.compile(r"\brecommendations?\b|^recs?$|\bproposal\b|\bscrutiny finding\b")),
)

_MAX_HEADER_LEN = 90  # a longer cell is content, not a column label
_NUMBERED_RE = re.compile(r"^\s*(?:\(?\d{1,3}[a-z]?[.)]|r\d{1,3}\b|recommendation\s+\d)", re.I)


@dataclass(frozen=True, slots=True)
class HeaderMap:
    """Which column holds which field; ``row`` is the header row's index in its table."""

    columns: dict[str, int]
    row: int
    labels: tuple[str, ...]

    def col(self, field: str) -> int | None:
        return self.columns.get(field)

    @property
    def key(self) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.columns.items()))


def classify_label(text: str) -> str | None:
    """The field a header label names, or None.

    A label squeezed into a narrow column may be broken mid-word over lines
    ("Recommendati / ons", "Re / c / No"), so the lines are also tried joined up.
    """
    if not text.strip() or len(text) > _MAX_HEADER_LEN:
        return None
    if text.strip() == "#":
        return "rec_id"
    text = re.sub(r"\[\w{1,5}\]|\(\w{1,3}\)$|[*\u2020\u2021]+$", "", text)  # footnote markers: "Timetable[iv]"
    lines = text.split("\n")
    keys = [norm_key(" ".join(lines)), norm_key("".join(lines))]
    if len(text) <= 24:
        keys.append(norm_key(text).replace(" ", ""))  # "Re c No ." from a label wrapped letter by letter
    for key in keys:
        for field, pattern in FIELD_PATTERNS:
            if key and pattern.search(key):
                return field
    return None


def map_header(row: Row, index: int) -> HeaderMap | None:
    """Map a candidate header row; None unless it is a tracking-table header."""
    columns: dict[str, int] = {}
    for col, cell in enumerate(row.cells):
        if not cell.text.strip():
            continue
        if _is_content(cell.text):
            return None  # a numbered recommendation or a sentence: this is a data row
        field = classify_label(cell.text)
        if field is None:
            continue
        if field == "rec_id" and "recommendation" not in columns and _is_rec_label(cell.text):
            field = "recommendation"
        columns.setdefault(field, col)
    if "recommendation" not in columns:
        return None
    if not {"progress", "responsible", "timescale", "status"} & columns.keys():
        return None
    return HeaderMap(columns=columns, row=index, labels=tuple(c.text for c in row.cells))


def _is_content(text: str) -> bool:
    text = text.strip()
    return looks_numbered(text) or (len(text) > 15 and text.endswith(".")) or bool(re.search(r"\d{4}", text))


def _is_rec_label(text: str) -> bool:
    return norm_key(text) in ("rec", "recs")


def find_header(table: Table, max_rows: int = 5) -> HeaderMap | None:
    """The tracking-table header among the first rows of ``table``, if any."""
    for index, row in enumerate(table.rows[:max_rows]):
        header = map_header(row, index)
        if header is not None:
            return _infer_blank_id_column(header, table)
    return None


_ID_VALUE_RE = re.compile(r"^\(?(?:r|rec\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?[.)]?$", re.I)


def _infer_blank_id_column(header: HeaderMap, table: Table) -> HeaderMap:
    """A header cell left blank (or lost in conversion) over a column of numbers is the number column."""
    if "rec_id" in header.columns:
        return header
    body = table.rows[header.row + 1:]
    for col, label in enumerate(header.labels):
        if label.strip() or col in header.columns.values():
            continue
        values = [r.cells[col].text.strip() for r in body if col < len(r.cells) and r.cells[col].text.strip()]
        if len(values) >= 2 and sum(bool(_ID_VALUE_RE.match(v)) for v in values) >= 0.8 * len(values):
            return HeaderMap(columns={**header.columns, "rec_id": col}, row=header.row, labels=header.labels)
    return header


def key_value_table(table: Table) -> Table | None:
    """A two-column "label | value" table about one recommendation, turned into header + one row.

    Papers that give each recommendation its own small table (Recommendation / Response /
    Lead / Date down the left) become an ordinary one-row tracking table.
    """
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    if not 2 <= len(rows) <= 12 or any(len([c for c in r.cells if not c.merged]) != 2 for r in rows):
        return None
    labels, values = [], []
    for r in rows:
        cells = [c for c in r.cells if not c.merged]
        labels.append(cells[0])
        values.append(cells[1])
    fields = [classify_label(c.text) for c in labels]
    if "recommendation" not in fields or len({f for f in fields if f}) < 2:
        return None
    header = Row(cells=tuple(labels), page=rows[0].page, is_header=True)
    return Table(rows=(header, Row(cells=tuple(values), page=rows[0].page)), order=table.order, page=table.page,
                 bbox=table.bbox)


def is_header_repeat(row: Row, header: HeaderMap) -> bool:
    """True for a repeat of the header row (as printed again at the top of a page)."""
    texts = [norm_key(t) for t in row.texts]
    labels = [norm_key(t) for t in header.labels]
    if texts == labels:
        return True
    filled = [t for t in texts if t]
    return bool(filled) and len(filled) >= 2 and all(t in labels for t in filled)


def looks_numbered(text: str) -> bool:
    """Does a recommendation cell start with its number ("1)", "2.", "(3)", "R4", "Recommendation 5")?"""
    return bool(_NUMBERED_RE.match(text))
