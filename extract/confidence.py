"""How sure rectrack is of each row: a ``confidence`` in [0, 1] and the reasons that lowered it.

The score is built only from what the extractor itself knows about a recommendation:

- the header: how strongly the column labels (and the cells under them) name their roles, whether the
  recommendation column was taken from a suggestive label or from the cells alone (no header row);
- the structure: ruled cells (Word, HTML and ruled PDF tables) or columns inferred from the text layout
  (borderless PDF tables, plain-text tables), one small label/value table per recommendation;
- the row decisions: rows folded in as continuations, a recommendation running over a page break, a
  row with text of its own taken as the rest of the one above at a page break;
- the layout around the row (:mod:`extract.confidence_layout`): a cell starting above its row's number in a
  borderless table (text of the row above), a row below that reads like a piece of this one, the last row
  of a borderless table, text left between two parts of the table at a page break, a field without a
  column while a column with no role fits it, a label/value table's label that is two labels (two fields
  read as one), a row the file marks as a header;
- OCR word confidence on scanned pages;
- empty fields in a column the rest of the table fills (and a short text alone on its row), odd lengths
  (a two-word recommendation, an owner or timescale as long as a paragraph), a timescale holding prose,
  a number met twice in one table or missing where the others have one;
- text cut mid-sentence: a recommendation or progress that stops on "of", "the" or a comma, or without
  the full stop the table's others end with, a recommendation starting in lower case or with a bullet.

Each piece of evidence is a :class:`Evidence` (a code, a multiplier below 1, and words for the analyst).
The confidence is a base times the multipliers. The multipliers were set on the development corpus and one
batch of the layout fuzzer (``tests/bench/calibrate.py``), roughly the share of rows carrying the evidence
that were right (all five fields as the truth has them), and checked on fuzzer batches they were not set on:
rows at 0.9 or more are to be right at least 95% of the time; ``CHECK_BELOW`` is the tracker's threshold
for "Check".

Rows of one paper read from two files (a PDF and its Word original) that disagree get
:func:`agreement` on top (:mod:`extract.rowkeys` merges them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import median
from typing import TYPE_CHECKING

from .confidence_layout import layout_doubts, page_index
from .text import BULLET

if TYPE_CHECKING:
    from .confidence_layout import PageIndex
    from .headers import HeaderMap
    from .model import Document, Row
    from .rows import RawRecommendation
    from .stitch import TrackingTable

CHECK_BELOW = 0.9  # the tracker marks rows under this for checking
BASE = 0.985
_CORE = ("recommendation", "progress", "responsible", "timescale")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason for doubt: ``factor`` multiplies the confidence; ``text`` says why, for the analyst."""

    code: str
    factor: float
    text: str


@dataclass(frozen=True, slots=True)
class Assessment:
    confidence: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def reason(self) -> str:
        """The reasons, strongest first, as one line."""
        ordered = sorted(self.evidence, key=lambda e: e.factor)
        return "; ".join(dict.fromkeys(e.text for e in ordered))


# -- the multipliers (see tests/bench/calibrate.py) ------------------------------------------------------
FACTORS: dict[str, float] = {
    "headerless": 0.55,  # no header row: columns told apart by their content
    "rec_guessed": 0.7,  # the recommendation column's label is only suggestive ("Action", "Issue")
    "weak_role": 0.85,  # a field's column is named weakly by its label and cells
    "inferred": 0.96,  # columns inferred from the text layout (borderless PDF, plain text)
    "key_value": 0.97,  # one label/value table per recommendation, gathered into rows
    "continued": 0.96,  # more than one table row folded into this recommendation
    "page_break": 0.9,  # the recommendation runs over a page break
    "glued": 0.8,  # at a page break, a row with text of its own taken as the rest of this one
    "empty": 0.88,  # a field empty where its column is filled on most rows
    "bare": 0.5,  # a short text alone on its row where the table fills its other columns
    "short_rec": 0.6,  # a recommendation of one or two words
    "long_field": 0.6,  # an owner or timescale as long as a paragraph
    "long_rec": 0.8,  # a recommendation far longer than the table's others
    "dup_id": 0.65,  # the same number on two recommendations of one table
    "id_gap": 0.9,  # numbered recommendations out of sequence here
    "split_word": 0.7,  # a word broken in two or two words run together (PDF text, OCR)
    "label_value": 0.4,  # a field whose text is a column label ("Response", "Accepted?")
    "two_labels": 0.6,  # a column's label is two labels, one over the other: two fields read as one
    "rival": 0.65,  # another column fits a field's role almost as well as the one taken
    "open_end": 0.65,  # a recommendation that stops mid-sentence, or starts in one, where the others do not
    "odd_id": 0.6,  # a number that holds no letter or digit
    "open_progress": 0.5,  # progress that stops mid-sentence where the table's others end theirs
    "misplaced": 0.5,  # a cell starts above the row's number (borderless PDF): text of the row above?
    "robbed": 0.55,  # the row below starts with text above its number: text cut from this row?
    "table_end": 0.88,  # the last row of a table without ruled cells (a paragraph below may have joined it)
    "page_foot": 0.93,  # the table stops at a page foot with this row's text running to it
    "orphan": 0.55,  # text at the top of the next page outside the table, after this row
    "prose_time": 0.55,  # a timescale with a line of prose in it
    "no_id": 0.6,  # no number where the table's other recommendations have one
    "missing_col": 0.4,  # a field without a column while a column with no role reads like it
    "header_row": 0.5,  # a row the file marks as a header read as a recommendation
    "ocr": 1.0,  # scaled by the OCR word confidence (see _ocr_factor)
    "disagree": 0.6,  # two files of the same paper give different text
}


class DocumentEvidence:
    """What all of a document's tables are judged against, worked out once per document when first needed."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def lexicon(self) -> dict[str, int]:
        return _count_words(self.doc)

    @cached_property
    def pages(self) -> PageIndex:
        return page_index(self.doc)


def assess_table(
    doc: Document,
    table: TrackingTable,
    recs: Sequence[RawRecommendation],
    known: DocumentEvidence | None = None,
) -> list[Assessment]:
    """An :class:`Assessment` for each recommendation of ``table`` (in order); ``known``: the document's evidence,
    shared by its tables (made here when not given)."""
    known = known if known is not None else DocumentEvidence(doc)
    sources = source_rows(table, recs)
    shared = _table_evidence(doc, table)
    fills = _column_fill(table)
    lengths = [len(r.recommendation.split()) for r in recs if r.recommendation]
    typical = median(lengths) if lengths else 0.0
    ids = [r.rec_id for r in recs]
    lexicon = known.lexicon
    ended = [e for e in (_ends_sentence(r.recommendation) for r in recs) if e is not None]
    closed = sum(ended) / len(ended) if ended else 0.0
    progress_ended = [e for e in (_ends_sentence(r.fields()["progress"]) for r in recs) if e is not None]
    progress_closed = sum(progress_ended) / len(progress_ended) if progress_ended else 0.0
    pages = known.pages if doc.format == "pdf" else None
    layout = layout_doubts(doc, table, recs, sources, _inferred(doc, table), pages)
    out = []
    for index, rec in enumerate(recs):
        rows = sources[index] if sources is not None else []
        evidence = list(shared)
        evidence.extend(_ev(code, text) for code, text in layout[index])
        if _open_prose(rec.fields()["progress"], progress_closed):
            evidence.append(_ev("open_progress", "the progress reads as if cut mid-sentence"))
        evidence.extend(_row_evidence(table, rec, rows))
        evidence.extend(_field_evidence(table, rec, fills, typical))
        evidence.extend(_prose_in_timescale(rec))
        evidence.extend(_id_evidence(ids, index))
        evidence.extend(_text_evidence(rec, lexicon, closed))
        out.append(score(evidence))
    return out


def score(evidence: Sequence[Evidence]) -> Assessment:
    value = BASE
    for item in evidence:
        value *= item.factor
    return Assessment(round(max(0.0, min(1.0, value)), 3), tuple(evidence))


def _ev(code: str, text: str, factor: float | None = None) -> Evidence:
    return Evidence(code, FACTORS[code] if factor is None else factor, text)


# -- which table rows each recommendation came from ------------------------------------------------------


def source_rows(table: TrackingTable, recs: Sequence[RawRecommendation]) -> list[list[Row]] | None:
    """The table rows folded into each recommendation, or None when they cannot be told.

    The row stage keeps rows in order: group heading rows name a section, rows before the first
    recommendation that carry no recommendation are dropped, and every other row starts a recommendation
    or is folded into the one above (``RawRecommendation.rows`` counts them). So the rows are dealt out in
    order, ``rows`` at a time, after the dropped ones.
    """
    from .rows import group_rows

    groups = group_rows(table)
    body = [r for i, r in enumerate(table.rows) if i not in groups]
    used = sum(r.rows for r in recs)
    skipped = len(body) - used
    if skipped < 0:
        return None
    out: list[list[Row]] = []
    at = skipped
    for rec in recs:
        out.append(body[at : at + rec.rows])
        at += rec.rows
    return out


# -- evidence about the whole table ----------------------------------------------------------------------


def _table_evidence(doc: Document, table: TrackingTable) -> list[Evidence]:
    from .columns import profile, role_scores
    from .vocab import label_scores

    header = table.header
    out: list[Evidence] = []
    if header.row < 0:
        out.append(_ev("headerless", "no header row: the columns were told apart by their content"))
    else:
        rec_col = header.col("recommendation")
        if rec_col is not None and label_scores(header.labels[rec_col]).get("recommendation", 0.0) < 0.7:
            label = " ".join(header.labels[rec_col].split())
            out.append(_ev("rec_guessed", f"the recommendation column ({label!r}) was guessed from its content"))
        weak = []
        for name in _CORE:
            col = header.col(name)
            if col is None or col >= len(header.labels):
                continue
            values = [r.cells[col].text if col < len(r.cells) and not r.cells[col].merged else "" for r in table.rows]
            strength = role_scores(header.labels[col], profile(values[:40])).get(name, 0.0)
            if strength < 0.9:
                weak.append(f"{name} ({' '.join(header.labels[col].split()) or 'no label'})")
        if weak:
            out.append(_ev("weak_role", "column roles read weakly: " + ", ".join(weak)))
        merged = [
            label for col in header.columns.values() if table.key_value and _two_labels(label := _label(header, col))
        ]
        if merged:
            shown = ", ".join(repr(" / ".join(m.split("\n"))) for m in merged)
            out.append(_ev("two_labels", f"two column labels read as one ({shown}): two fields' text in one?"))
        rivals = _rivals(table)
        if rivals:
            out.append(_ev("rival", "another column could also be the " + ", ".join(rivals)))
    if table.key_value:
        out.append(_ev("key_value", "gathered from one label/value table per recommendation"))
    elif _inferred(doc, table):
        out.append(_ev("inferred", "table without ruled cells: columns inferred from the text layout"))
    return out


def _label(header: HeaderMap, col: int) -> str:
    return header.labels[col] if 0 <= col < len(header.labels) else ""


def _two_labels(label: str) -> bool:
    """A label whose lines name two different fields ("Progress update" over "Responsible person"). In a
    label/value table, where each label is a row of its own, two rows read as one (in a grid a label broken
    over two header rows reads so too: "Target" over "date")."""
    from .headers import classify_label
    from .vocab import ROLES

    roles = {classify_label(line.strip()) for line in label.split("\n") if line.strip()}
    return len(roles & set(ROLES)) >= 2


def _rivals(table: TrackingTable) -> list[str]:
    """Fields whose role another, unassigned column fits nearly as well as the column taken."""
    from .columns import profile, role_scores

    header = table.header
    taken = set(header.columns.values())
    width = len(header.labels)
    scores = []
    for col in range(width):
        values = [r.cells[col].text if col < len(r.cells) and not r.cells[col].merged else "" for r in table.rows]
        scores.append(role_scores(header.labels[col] if header.row >= 0 else "", profile(values[:40])))
    out = []
    for name in ("responsible", "timescale", "progress", "recommendation"):
        at = header.col(name)
        if at is None or at >= width:
            continue
        mine = scores[at].get(name, 0.0)
        if any(c not in taken and scores[c].get(name, 0.0) >= max(0.45, 0.8 * mine) for c in range(width)):
            out.append(name)
    return out


def _inferred(doc: Document, table: TrackingTable) -> bool:
    """Were the table's cells inferred from the text layout rather than given by rules or markup?"""
    if doc.format == "txt":
        return True
    if doc.format != "pdf" or not table.rows:
        return False
    # the PDF reader gives a borderless table a box that runs to the right of any page
    cell = next((c for c in table.rows[0].cells if c.bbox is not None), None)
    if cell is None:
        return False
    for source in doc.tables:
        if source.page == cell.page or source.page == table.first_page:
            for row in source.rows:
                if any(c is cell for c in row.cells):
                    return source.bbox is not None and source.bbox[2] >= 9_999.0
    return False


def _column_fill(table: TrackingTable) -> dict[str, float]:
    """Share of the table's rows with text in each field's column."""
    out = {}
    for name in ("progress", "responsible", "timescale", "status"):
        col = table.header.col(name)
        if col is None or not table.rows:
            continue
        filled = sum(1 for r in table.rows if col < len(r.cells) and r.cells[col].text.strip())
        out[name] = filled / len(table.rows)
    return out


# -- evidence about one recommendation -------------------------------------------------------------------


def _row_evidence(table: TrackingTable, rec: RawRecommendation, rows: list[Row]) -> list[Evidence]:
    out: list[Evidence] = []
    if rec.rows > 1 and not table.key_value:
        out.append(_ev("continued", f"{rec.rows} table rows folded into one recommendation"))
    if rec.first_page is not None and rec.last_page is not None and rec.last_page != rec.first_page:
        out.append(_ev("page_break", f"runs over a page break (pages {rec.first_page}-{rec.last_page})"))
        if _glued(table, rec, rows):
            out.append(_ev("glued", "a row after the page break was joined to it"))
    confidence = rec.ocr_confidence
    if rec.ocr or confidence is not None:
        factor = _ocr_factor(confidence)
        shown = "unknown" if confidence is None else f"{confidence:.0%}"
        out.append(_ev("ocr", f"read by OCR (word confidence {shown})", factor))
    return out


def _ocr_factor(confidence: float | None) -> float:
    """OCR word confidence as a multiplier: 0.97+ costs 12%, 0.8 or less a lot (rows read by OCR were right about
    two times in three on the development corpus, at word confidences of 94-96%)."""
    if confidence is None:
        return 0.7
    return max(0.3, min(0.88, 0.88 - (0.97 - confidence) * 3.0))


def _glued(table: TrackingTable, rec: RawRecommendation, rows: list[Row]) -> bool:
    """Was a row with a recommendation cell of its own folded in at a page break?"""
    col = table.header.col("recommendation")
    if col is None or len(rows) < 2:
        return False
    starts = {id(table.rows[i]) for i in table.part_starts if i < len(table.rows)}
    return any(id(r) in starts and col < len(r.cells) and r.cells[col].text.strip() for r in rows[1:])


_WORD_RE = re.compile(r"\w+")


def _field_evidence(
    table: TrackingTable, rec: RawRecommendation, fills: dict[str, float], typical: float
) -> list[Evidence]:
    out: list[Evidence] = []
    values = {k: str(v) for k, v in rec.fields().items()}
    empty = [n for n, share in fills.items() if n != "status" and share >= 0.6 and not values[n].strip()]
    words = len(_WORD_RE.findall(values["recommendation"]))
    filled = [n for n, share in fills.items() if n != "status" and share >= 0.6]
    stray = words <= 8 or values["recommendation"].lstrip().startswith(BULLET)
    if len(filled) >= 2 and empty == filled and stray:
        out.append(_ev("bare", "a short text alone on its row, every other column empty: a stray line or a piece?"))
    elif empty:
        out.append(_ev("empty", "empty " + " and ".join(empty) + " where the table's column is filled"))
    if words <= 2:
        out.append(_ev("short_rec", f"a recommendation of {words} word{'s' if words != 1 else ''}"))
    elif typical and words > max(4 * typical, 150):
        out.append(_ev("long_rec", f"a recommendation of {words} words, far longer than the others"))
    long = [n for n, limit in (("responsible", 25), ("timescale", 20)) if len(values[n].split()) > limit]
    if long:
        out.append(_ev("long_field", " and ".join(long) + " as long as a paragraph"))
    return out


def _prose_in_timescale(rec: RawRecommendation) -> list[Evidence]:
    """A timescale with a line of prose in it (eight words or more and no figure): text of another cell."""
    lines = re.split(r"[\n;]", rec.fields()["timescale"])
    if not any(len(line.split()) >= 8 and not any(ch.isdigit() for ch in line) for line in lines):
        return []
    return [_ev("prose_time", "the timescale holds a line of prose")]


def _count_words(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    for text in texts:
        for word in _WORD_RE.findall(text.casefold()):
            counts[word] = counts.get(word, 0) + 1
    return counts


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _split_words(text: str, lexicon: dict[str, int]) -> str:
    """A word broken in two ("Environ ment") or two run together ("Executivewith"), judged by the words the
    document uses elsewhere; the first found, or ""."""
    words = _LETTERS_RE.findall(text.casefold())
    for a, b in zip(words, words[1:], strict=False):
        joined = a + b
        if lexicon.get(joined, 0) >= 1 and lexicon.get(a, 0) <= 1 and lexicon.get(b, 0) <= 1 and len(joined) >= 6:
            return f"{a} {b}"
    for word in words:
        if len(word) < 9 or lexicon.get(word, 0) > 1:
            continue
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if lexicon.get(left, 0) >= 2 and lexicon.get(right, 0) >= 2:
                return word
    return ""


def _ends_sentence(text: str) -> bool | None:
    """Does the text end a sentence? None when its last line is a bullet item (lists need no full stop)."""
    last = text.rstrip().split("\n")[-1].strip()
    if last.startswith(BULLET) or not last:
        return None
    return last[-1:] in ".!?;:)\u201d\"'"


_OPEN_RE = re.compile(
    r"(?:[,(/&\u2013-]|\b(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|their|to|with|is|are|be))$", re.I
)


def _open(text: str, closed: float) -> bool:
    """A recommendation starting in lower case or with a bullet (a piece of a list), or stopping mid-sentence
    where the table's others end theirs."""
    text = text.strip()
    if not text:
        return False
    if text[0].islower() or text.startswith(BULLET) or _OPEN_RE.search(text):
        return True
    return closed >= 0.8 and _ends_sentence(text) is False


def _open_prose(text: str, closed: float) -> bool:
    """Progress that stops mid-sentence: after a comma or a word that cannot end one ("of", "the"), or with
    no closing punctuation where the table's other progress cells end theirs; or a paragraph inside it that
    stops so."""
    text = text.strip()
    if not text:
        return False
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if any(_OPEN_RE.search(p) for p in paragraphs if not p.startswith(BULLET)):
        return True
    return closed >= 0.8 and _ends_sentence(text) is False


def _text_evidence(rec: RawRecommendation, lexicon: dict[str, int], closed: float) -> list[Evidence]:
    from .headers import classify_label
    from .vocab import is_whole_label

    out: list[Evidence] = []
    values = {k: str(v) for k, v in rec.fields().items()}
    for name in ("recommendation", "progress", "responsible", "timescale"):
        found = _split_words(values[name], lexicon)
        if found:
            out.append(_ev("split_word", f"{name}: {found!r} reads like a word broken or run together"))
            break
    labels = []
    for name in ("recommendation", "progress", "responsible", "timescale"):
        value = values[name].strip()
        role = classify_label(value) if value and len(value.split()) <= 4 else None
        if role and role not in (name, "status") and is_whole_label(value):
            labels.append(name)
    if labels:
        out.append(_ev("label_value", " and ".join(labels) + " holds a column label, not a value"))
    if _open(values["recommendation"], closed):
        out.append(_ev("open_end", "the recommendation reads as if cut mid-sentence"))
    if rec.rec_id and not any(ch.isalnum() for ch in rec.rec_id):
        out.append(_ev("odd_id", f"the number {rec.rec_id!r} holds no digit"))
    return out


_NUMBER_RE = re.compile(r"^(\d{1,3})([a-z]?)$")


def _id_evidence(ids: list[str], index: int) -> list[Evidence]:
    rec_id = ids[index]
    if not rec_id and len(ids) >= 3 and sum(map(bool, ids)) >= 0.8 * len(ids):
        return [_ev("no_id", "no number, where the table's other recommendations have one")]
    if rec_id and ids.count(rec_id) > 1:
        return [_ev("dup_id", f"number {rec_id} is given to {ids.count(rec_id)} recommendations of the table")]
    here = _NUMBER_RE.match(rec_id or "")
    before = _NUMBER_RE.match(ids[index - 1]) if index > 0 else None
    if here and before and not here.group(2) and not before.group(2):
        step = int(here.group(1)) - int(before.group(1))
        if step not in (0, 1) and int(here.group(1)) != 1:
            return [_ev("id_gap", f"number {rec_id} follows {ids[index - 1]}")]
    return []


# -- the same paper from two files -----------------------------------------------------------------------


def agreement(variants: Sequence[object]) -> tuple[float, str] | None:
    """For rows of one paper from several files: (multiplier, reason) when their fields differ, else None."""
    from .rowkeys import normalise_text

    if len(variants) < 2:
        return None
    differ = []
    for name in ("recommendation", "progress", "responsible", "timescale", "status"):
        seen = {normalise_text(str(getattr(v, name, "") or "")) for v in variants}
        if len(seen) > 1:
            differ.append(name)
    if not differ:
        return None
    return FACTORS["disagree"], "the paper's other files give a different " + ", ".join(differ)


def merged(variants: Sequence[object]) -> tuple[float | None, str]:
    """The confidence and reason of one row given by several files (the lowest, lowered again when the files
    disagree); a single file's own when there is one."""
    known = [v for v in variants if getattr(v, "confidence", None) is not None]
    if not known:
        return None, ""
    low = min(known, key=lambda v: getattr(v, "confidence"))  # noqa: B009
    value: float = getattr(low, "confidence")  # noqa: B009
    reason: str = getattr(low, "confidence_reason", "")
    differ = agreement(variants)
    if differ is not None:
        value = round(value * differ[0], 3)
        reason = "; ".join(r for r in (differ[1], reason) if r)
    return value, reason


def needs_check(confidence: float | None) -> bool:
    return confidence is not None and confidence < CHECK_BELOW
