"""Table classification: is this a recommendation tracking table, and which column is which?

A header row is a row of short labels, at least two of which name a role in the
header vocabulary (``vocab``), one of them a recommendation. Which column is which is
then decided from the labels and the cells together (``columns.assign``). A tracking
table needs a recommendation column and at least one of progress, responsible,
timescale or status; a recommendation column whose label is only suggestive ("Action",
"Proposal") must also read like recommendations. A header split over two rows
("Completion" over "Date") is joined first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .columns import assign, profile
from .model import Row, Table
from .text import FUNCTION_WORDS, MONTH, ends_open, ends_sentence, label_date, norm_key
from .vocab import ROLES, best_role, completes_label
from .vocab import label_scores as vocab_scores

FIELDS = ROLES

_MAX_HEADER_LEN = 90  # a longer cell is content, not a column label
_NUMBERED_RE = re.compile(r"^\s*(?:\(?\d{1,3}[a-z]?[.)]|r\d{1,3}[a-z]?\b|recommendation\s+\d)", re.I)
_PROFILE_ROWS = 40  # body rows looked at to profile the columns
_STRONG_REC = 0.7
# "Recommendation 3", "Rec. No. 4a": a numbered recommendation as a label, heading or opening words
REC_HEADING_RE = re.compile(
    r"^\s*(?:recommendation|rec\.?)\s*(?:no\.?\s*|number\s*)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\b", re.I
)
_ID_VALUE_RE = re.compile(
    r"^\(?(?:r|rec\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?[.)]?$", re.I
)  # a label this sure names the recommendation column on its own


@dataclass(frozen=True, slots=True)
class HeaderMap:
    """Which column holds which field; ``row`` is the (last) header row's index in its table.

    ``labels`` are the header texts per column (two header rows joined), ``extra`` the columns
    with a label but no role (kept as ``extra`` on each row), ``notes`` what was uncertain.
    """

    columns: dict[str, int]
    row: int
    labels: tuple[str, ...]
    extra: tuple[tuple[int, str], ...] = ()
    notes: tuple[str, ...] = ()
    label_rows: tuple[tuple[str, ...], ...] = ()

    def col(self, field: str) -> int | None:
        return self.columns.get(field)

    @property
    def key(self) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.columns.items()))


def classify_label(text: str) -> str | None:
    """The field a header label names on its own, or None."""
    if not text.strip() or len(text) > _MAX_HEADER_LEN:
        return None
    if text.strip() == "#":
        return "rec_id"
    return best_role(text)


def header_like(texts: tuple[str, ...]) -> bool:
    """A row of column labels: short cells, most of them words of the vocabulary, none a value (a date, an id)."""
    filled = [t.strip() for t in texts if t.strip()]
    if len(filled) < 2 or not all(_label_like(t) and len(t.split()) <= 12 for t in filled):
        return False
    known = [t for t in filled if vocab_scores(t)]
    if len(known) < max(1, 0.34 * len(filled)):
        return False
    return not any(_value_like(t) for t in filled if t not in known)


_VALUE_RE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\s+\d{{4}}\b|"
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2,4}\b|\d?$)|^[\d,.\s£$%()-]+$|"  # (a date a narrow column cut: "19/05/2")
    r"^(?:q[1-4]\s+)?(?:19|20)\d\d/\d\d$|"  # a financial year ("2024/25", "Q3 2025/26")
    rf"^{MONTH}\.?\s+(?:19|20)\d\d$",  # a month ("March 2025")
    re.I,
)


def _value_like(text: str) -> bool:
    return bool(_VALUE_RE.search(text)) or bool(_ID_VALUE_RE.match(text))


def _label_like(text: str) -> bool:
    """Could this cell be a column label (short, not a numbered recommendation or a sentence)?"""
    text = text.strip()
    if not text:
        return True
    return not (
        len(text) > _MAX_HEADER_LEN
        or looks_numbered(text)
        or (len(text) > 40 and text.endswith("."))
        or _INNER_SENTENCE_END_RE.search(text) is not None  # "wider service review. Public Health has"
    )


_INNER_SENTENCE_END_RE = re.compile(r"[a-z]{3}\.\s+[A-Z]")


def map_header(
    row: Row,
    index: int,
    body: tuple[Row, ...] | list[Row] = (),
    labels: tuple[str, ...] | None = None,
    label_rows: tuple[tuple[str, ...], ...] = (),
) -> HeaderMap | None:
    """Map a candidate header row (``body``: the rows below it, to read the columns' content); None unless
    it heads a tracking table."""
    texts = labels if labels is not None else tuple(c.text for c in row.cells)
    if not header_like(texts):
        return None
    named = [classify_label(t) for t in texts]
    if sum(1 for r in named if r) < 2 and len(texts) < 3:
        return None
    width = len(texts)
    body = body[: _next_table(body)]
    cells = list(islice((r for r in body if not _heading_row(r)), _PROFILE_ROWS))  # headings hold no cells
    values = [
        [r.cells[c].text if c < len(r.cells) and not r.cells[c].merged else "" for r in cells] for c in range(width)
    ]
    profiles = [profile(v) for v in values]
    columns = assign(texts, profiles)
    rec = columns.get("recommendation")
    if rec is None or not {"progress", "responsible", "timescale", "status"} & columns.keys():
        return None
    rec_label = vocab_scores(texts[rec]).get("recommendation", 0.0)
    if body and profiles[rec].accept >= 0.6 and profiles[rec].words < 5:
        return None  # verdicts ("Approve", "Refuse subject to conditions"), whatever the label says
    notes: list[str] = []
    if rec_label < _STRONG_REC:
        p = profiles[rec]
        asks = max(p.recommend, p.numbered)
        # a label that does not say "recommendation" needs cells that read like recommendations: most of
        # them when the label says nothing of it, a third under a suggestive one ("Action", "Proposal"),
        # or cells that ask more than they report beside a column that reports what was done
        reported = any(profiles[c].reported >= 0.5 for c in columns.values() if c != rec)
        asked = asks > 0 or _sentences(values[rec]) >= 0.8  # or states an outcome ("X is made mandatory.")
        enough = asks >= (0.34 if rec_label >= 0.4 else 0.6) or (reported and asked and p.reported < 0.2)
        if body and not enough:
            return None  # "Action" over imperative tasks: a delivery plan, not recommendations
        notes.append(f"column {texts[rec]!r} taken as the recommendation (its label is not explicit); check the rows")
    extra = tuple((c, " ".join(t.split())) for c, t in enumerate(texts) if t.strip() and c not in columns.values())
    return HeaderMap(
        columns=columns, row=index, labels=texts, extra=extra, notes=tuple(notes), label_rows=label_rows or (texts,)
    )


def _next_table(body: tuple[Row, ...] | list[Row]) -> int:
    """Where another table starts in ``body`` (ruled as one with it): a title row of one short cell over a row
    of labels ("Appeals decided" / "Appeal Type | Decision | Date"); the length of ``body`` when none does."""
    for i in range(1, min(len(body), _PROFILE_ROWS) - 1):
        filled = [c.text.strip() for c in body[i].cells if c.text.strip() and not c.merged]
        if len(filled) != 1 or len(filled[0].split()) > 6 or filled[0].endswith("."):
            continue  # no title row
        below = [c.text.strip() for c in body[i + 1].cells if c.text.strip() and not c.merged]
        labels = [t for t in below if _label_like(t) and len(t.split()) <= 4]
        if (
            len(below) >= 3
            and len(labels) >= len(below) - 1  # (a row of a tracking table has prose in two cells or more)
            and sum(1 for t in labels if vocab_scores(t)) >= 2
        ):
            return i
    return len(body)


def _sentences(values: list[str]) -> float:
    """The share of the filled cells that are whole sentences (six words or more, ending in a full stop)."""
    filled = [v.strip() for v in values if v.strip()]
    whole = [v for v in filled if len(v.split()) >= 6 and v[-1] in ".!?"]
    return len(whole) / len(filled) if filled else 0.0


def _is_content(text: str) -> bool:
    text = text.strip()
    return looks_numbered(text) or (len(text) > 15 and text.endswith("."))


def find_header(table: Table, max_rows: int = 5, more: tuple[Row, ...] = ()) -> HeaderMap | None:
    """The tracking-table header among the first rows of ``table``, if any (a label split over two rows joined).

    ``more``: body rows printed under the same first row elsewhere (the table's other pages), read with the
    table's own when its first row is the header, so that a page holding one row is judged as the whole table.
    """
    rows = table.rows
    for index, row in enumerate(rows[:max_rows]):
        body = (*rows[index + 1 :], *more) if index == 0 else rows[index + 1 :]
        one = map_header(row, index, body)
        two = None
        ends = index + 1 < len(rows) and _label_ends(row, rows[index + 1])
        if index + 1 < len(rows) and _continues_header(row, rows[index + 1], ends):
            joined = tuple(_join_labels(a, b) for a, b in zip_cells(row, rows[index + 1]))
            two = map_header(
                row,
                index + 1,
                (*rows[index + 2 :], *more) if index == 0 else rows[index + 2 :],
                labels=joined,
                label_rows=(tuple(c.text for c in row.cells), tuple(c.text for c in rows[index + 1].cells)),
            )
        # the two-row reading wins a tie (its labels are the whole labels), and wins outright when every
        # piece below starts in lower case: the rest of the label above ("Date" / "agreed" is no timescale)
        chosen = max((h for h in (two, one) if h is not None), key=lambda h: len(h.columns), default=None)
        if two is not None and ends:
            chosen = two
        if chosen is not None:
            return chosen
    return _headerless(table)


def _headerless(table: Table) -> HeaderMap | None:
    """A table with no header row whose cells still say what they are: one column of numbered
    recommendations ("Recommendation 3: ...") beside prose (a response annex set as a bare table)."""
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    if len(rows) < 2 or table.n_cols < 2:
        return None
    width = table.n_cols
    values = [
        [r.cells[c].text if c < len(r.cells) and not r.cells[c].merged else "" for r in rows[:_PROFILE_ROWS]]
        for c in range(width)
    ]
    profiles = [profile(v) for v in values]
    columns = assign(("",) * width, profiles)
    rec = columns.get("recommendation")
    if rec is None or not {"progress", "responsible", "timescale", "status"} & columns.keys():
        return None
    opening = sum(1 for v in values[rec] if REC_HEADING_RE.match(v)) / len(values[rec])
    if opening < 0.8 and min(profiles[rec].numbered, profiles[rec].recommend) < 0.8:
        return None
    return HeaderMap(
        columns=columns,
        row=-1,
        labels=("",) * width,
        notes=("no header row: the columns were told apart by their content; check the rows",),
    )


def near_miss(table: Table, max_rows: int = 3) -> str | None:
    """Why a table whose header names a recommendation column was not read as a tracking table, or None.

    Such a table is skipped (an acceptance-only list, a delivery plan), but it is reported so that a
    tracking table with labels rectrack does not know is never lost silently.
    """
    for row in table.rows[:max_rows]:
        texts = tuple(c.text for c in row.cells)
        if not header_like(texts):
            continue
        if any(vocab_scores(t).get("recommendation", 0.0) >= _STRONG_REC for t in texts):
            shown = " | ".join(" ".join(t.split()) for t in texts if t.strip())
            return (
                f"a table headed {shown!r} names recommendations but no progress, owner or timescale "
                "column was recognised, so it was skipped"
            )
    return None


def zip_cells(a: Row, b: Row):
    width = max(len(a.cells), len(b.cells))
    for i in range(width):
        yield (
            a.cells[i].text if i < len(a.cells) and not a.cells[i].merged else "",
            b.cells[i].text if i < len(b.cells) and not b.cells[i].merged else "",
        )


def _label_ends(top: Row, row: Row) -> bool:
    """Is ``row`` the rest of the labels of ``top``, wrapped into a second row: pieces in lower case
    ("deadline", "(as at 31/03/2025)") or short capitalised pieces that make a label the vocabulary knows better
    than the one above alone ("Scrutiny" / "Panel Recommendation"), with dates that end a label ("2026)")?"""
    pairs = [(a, b.strip().lstrip("([")) for a, b in zip_cells(top, row) if b.strip()]
    lower = [b for _, b in pairs if b[:1].islower()]
    capitalised = [(a, b) for a, b in pairs if b not in lower and not label_date(b)]
    if not (lower or capitalised) or any(len(b.split()) > 3 or not vocab_scores(f"{a} {b}") for a, b in capitalised):
        return False
    # a capitalised piece is a label's end when one of them makes its label the vocabulary knows better, and
    # the others are label words too ("Portfolio" / "Lead", "Lead" / "Cabinet Member"), not a name or a value
    # ("Bob", "Green")
    return not capitalised or (
        any(_better_label(a, b) for a, b in capitalised)
        and all(_better_label(a, b) or vocab_scores(b) for a, b in capitalised)
    )


def _better_label(label: str, piece: str) -> bool:
    """Does ``piece`` under ``label`` make a label the vocabulary knows better than ``label`` alone?"""
    before = max(vocab_scores(label).values(), default=0.0)
    return max(vocab_scores(f"{label} {piece}").values(), default=0.0) > before + 0.05


def _join_labels(top: str, bottom: str) -> str:
    return "\n".join(t for t in (top.strip(), bottom.strip()) if t)


def _across(row: Row) -> bool:
    """Is ``row`` one cell across a table of three columns or more (a theme heading between the rows)?"""
    own = [c for c in row.cells if not c.merged]
    if len(row.cells) < 3 or sum(1 for c in own if c.text.strip()) != 1:
        return False
    return any(c.col_span >= len(row.cells) - 1 for c in own)


def _heading_row(row: Row) -> bool:
    """Is ``row`` a heading between the rows: one cell across the table, or its first cell alone with the others
    covered (a PDF reader marks the cells a spanning one covers, not its span)?"""
    own = [c for c in row.cells if not c.merged]
    return (
        _across(row) or len(row.cells) >= 3 and len(own) == 1 and own[0] is row.cells[0] and bool(own[0].text.strip())
    )


def _continues_header(top: Row, below: Row, label_ends: bool) -> bool:
    """Is ``below`` the second line of a header split over two rows ("Completion" over "Date")? ``label_ends``:
    whether its pieces are the ends of the labels above (:func:`_label_ends`)."""
    texts = [c.text.strip() for c in below.cells if not c.merged]
    filled = [t for t in texts if t]
    if _across(below):
        return False  # one cell across the table: a theme heading over the rows, no column's label
    # the rest of long labels, every piece in lower case ("Recommendation" / "of the Task and Finish Group",
    # "Date" / "agreed"), when one changes what its label says
    if (
        filled
        and label_ends
        and all(_label_like(t) and len(t.split()) <= 8 and not re.search(r"\n|\u2022|\.$", t) for t in filled)
        and any(completes_label(a, b) for a, b in zip_cells(top, below) if b.strip() and a.strip())
    ):
        return True
    if not filled or not all(
        _label_like(t)
        and len(t.split()) <= 6
        and (not _value_like(t) or label_date(t))
        and not ends_sentence(t)
        and "\u2022" not in t
        for t in filled
    ):
        return False  # a sentence's end (or a bullet) is a cell the page break cut ("784 responses."), no label
    # a label that stops where no label ends ("Recommendation of the" / "Task and Finish Group") goes on below
    if any(ends_open(a) for a, b in zip_cells(top, below) if a.strip() and b.strip()):
        return True
    if any(_value_like(t) and not _goes_on(t) for t in filled):
        return False  # a date that ends a label goes only under a label left open ("Position at"), or with its "at"
    if any(len(t.split()) > 4 for t in filled):
        return False
    if sum(1 for t in filled if vocab_scores(t)) >= 0.5 * len(filled):
        return True
    # the ends of labels wrapped or cut mid-word into a second row ("Expected comple" / "tion", "Assigned" /
    # "to", "Response" / "of the Cabinet", "Lead Cabinet" / "Member"): every piece one lower-case word under a
    # label, or a label word, and one of them completing what its label says; or pieces of a few lower-case words
    # or label words, one opening with a function word (no label or value starts so)
    pairs = [
        (a, b)
        for a, b in zip((a for a, _ in zip_cells(top, below)), (c.text.strip() for c in below.cells), strict=False)
        if b
    ]
    if not all(a.strip() and (b[:1].islower() and len(b.split()) <= 4 or _label_word(b)) for a, b in pairs):
        return False
    if any(_goes_on(b) for _, b in pairs):
        return True  # beside a piece that goes on, lower-case pieces of a few words go on too ("What" / "has happened")
    return all(len(b.split()) == 1 or _label_word(b) for _, b in pairs) and any(completes_label(a, b) for a, b in pairs)


def _label_word(piece: str) -> bool:
    """Is ``piece`` a capitalised word or two that labels use ("Lead Cabinet" / "Member")?"""
    return piece[:1].isupper() and len(piece.split()) <= 2 and bool(vocab_scores(piece))


def _goes_on(piece: str) -> bool:
    """Does ``piece`` go on from the label above it: a few words opening with a function word ("of the Cabinet"),
    not ending as a sentence does ("in November 2026." is the end of a cell the page break cut)?"""
    words = piece.split()
    return 1 < len(words) <= 4 and words[0] in FUNCTION_WORDS and not piece.rstrip().endswith(".")


def _unnumbered(label: str) -> str:
    """A numbered recommendation label ("Recommendation No. 1") as the plain label it stands for."""
    return "Recommendation" if REC_HEADING_RE.match(label.strip()) else label.strip()


def key_value_table(table: Table) -> Table | None:
    """A two-column "label | value" table about one recommendation, turned into header + one row.

    Papers that give each recommendation its own small table (Recommendation / Response /
    Lead / Date down the left) become an ordinary one-row tracking table. A title row of one
    cell across the table and a row with a blank label (the value above carried on) are let be;
    a label met again starts the next recommendation (several tables printed as one), and only
    the first is turned.
    """
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    own = [[c for c in r.cells if not c.merged] for r in rows]
    if any(len(cells) > 2 for cells in own):
        return None
    pairs = [cells for cells in own if len(cells) == 2 and cells[0].text.strip()]
    if not 2 <= len(pairs) <= 40:
        return None
    keys = [norm_key(_unnumbered(c[0].text)) for c in pairs]
    first = pairs[: next((i for i in range(1, len(keys)) if keys[i] in keys[:i]), len(pairs))]
    fields = [classify_label(_unnumbered(c[0].text)) for c in first]
    named = {f for f in fields if f}
    if len(first) < 2 or len(named) < 2 or "recommendation" not in fields and len(first) < 3:
        return None  # without a recommendation label, the cells decide (see map_header)
    page = rows[0].page
    header = Row(cells=tuple(c[0] for c in first), page=page, is_header=True)
    return Table(
        rows=(header, Row(cells=tuple(c[1] for c in first), page=page)),
        order=table.order,
        page=table.page,
        bbox=table.bbox,
    )


def is_header_repeat(row: Row, header: HeaderMap) -> bool:
    """True for a repeat of the header row (as printed again at the top of a page)."""
    texts = [norm_key(t) for t in row.texts]
    labels = [norm_key(t) for t in header.labels]
    if texts == labels:
        return True
    known = set(labels) | {norm_key(t) for r in header.label_rows for t in r}
    filled = [t for t in texts if t]
    return bool(filled) and len(filled) >= 2 and all(t in known for t in filled)


def looks_numbered(text: str) -> bool:
    """Does a recommendation cell start with its number ("1)", "2.", "(3)", "R4", "Recommendation 5")?"""
    return bool(_NUMBERED_RE.match(text))
