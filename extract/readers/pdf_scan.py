"""A cheap first pass over a long PDF with pypdfium2, to choose the pages worth parsing in full.

A page is parsed in full when its text holds a tracking table's header: labels naming a recommendation
column and a progress, owner, timescale or status column, and little else (on one line, or broken over a
few lines by narrow columns), on a page with ruling lines; or a line of capitalised labels that may head a
borderless table. The words of a tracking table's header met in prose ("the Panel recommended ... an
update on progress") and a ruled table of another kind (budgets, attendance, timetables) are not reasons
to parse a page. While the tables read in full may go on over the page foot (a tracking table, or a
table continuing one, is the last on the page: :func:`runs_on`), the next page with rulings is parsed too.
Other pages give only their text lines, for metadata and for the headings between tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..headers import find_header, header_like, key_value_table
from ..model import Table
from ..text import tidy_line
from ..vocab import heads_tracking_table, label_scores, names_tracking_columns

_MIN_PATHS = 4  # a ruled table has at least this many path objects
_HEADER_LINES = 6  # a header's labels broken by narrow columns over at most this many lines of text
_HEADER_CHARS = 200  # ... and at most this long
_PROSE_WORDS = 12  # a cell this long is prose (a recommendation, a progress report), not a figure or a name
_PLAIN_RECOMMENDATION = 0.6  # the recommendation label's strength, on its own line (or with the next)
_FIELDS = ("progress", "responsible", "timescale", "status")
_FIELD_SCORE = 0.35  # a role named this surely by a header's words
_CAPITALISED = 0.5  # of a header's words, at least this share start in capitals (labels, not a sentence)
_FIELD_WORDS = re.compile(
    r"progress|update|actiontaken|responsib|resib|officer|lead|owner|who|timescale|target|"
    r"deadline|when|due|status|rag|comment|response"
)


def _header_line(line: str) -> bool:
    """A short line of capitalised labels naming a recommendation column and another (a borderless header)."""
    words = line.split()
    if not 2 <= len(words) <= 10 or not heads_tracking_table(line):
        return False
    return _capitalised(words) >= 0.7 and bool(_FIELD_WORDS.search(line.casefold().replace(" ", "")))


def _capitalised(words: list[str]) -> float:
    """The share of ``words`` that start in capitals (or with no letter): labels more than a sentence."""
    return sum(w[:1].isupper() or not w[:1].isalpha() for w in words) / len(words) if words else 0.0


def _heads_ruled_table(lines: list[str]) -> bool:
    """Do some consecutive lines of the page's text read as a tracking table's header row, with a label that
    names the recommendation column plainly (not "Action" or "Proposal", nor a word after a preposition)?"""
    for start in range(len(lines)):
        joined = ""
        for end in range(start, min(len(lines), start + _HEADER_LINES)):
            joined = f"{joined} {lines[end]}" if joined else lines[end]
            if len(joined) > _HEADER_CHARS:
                break
            if names_tracking_columns(joined) and any(
                label_scores(" ".join(lines[at : at + 2])).get("recommendation", 0.0) >= _PLAIN_RECOMMENDATION
                for at in range(start, end + 1)
            ):
                return True
            if _labels_of_fields(joined):
                return True
    return False


def _labels_of_fields(text: str) -> bool:
    """Labels broken over lines that name every other column of a tracking table (progress, owner,
    timescale, status), in capitals: a header whose recommendation label is worded in a way no vocabulary
    knows ("What the review asked for"). A table of another kind read for it is still told apart later."""
    if _capitalised(text.split()) < _CAPITALISED:
        return False
    scores = label_scores(text)
    return all(scores.get(role, 0.0) >= _FIELD_SCORE for role in _FIELDS)


def runs_on(tables: list[Table], after_table: bool) -> bool:
    """May a tracking table go on to the next page, after a page whose ``tables`` (in reading order) were read?

    ``after_table``: the page before ended the same way. A tracking table (one with a tracking header, or a
    label/value table of one recommendation) opens the way; the first table on a page continues what the page
    before left open, and so does a two-column table (a part of a label/value table, split by a page break,
    too short to be recognised alone); any other table closes it (a table of another kind between two
    breaks a tracking table, see ``stitch``).
    """
    for index, table in enumerate(tables):
        if _tracking(table):
            after_table = True
        elif not (after_table and (index == 0 or table.n_cols <= 2)):
            after_table = False
    return after_table


def holds_tracking_table(tables: list[Table]) -> bool:
    """Does one of ``tables`` read as a tracking table (or the start of one)?"""
    return any(_tracking(t) for t in tables)


def _tracking(table: Table) -> bool:
    """A tracking table, a label/value table of one recommendation, or a table the next page decides."""
    return find_header(table) is not None or key_value_table(table) is not None or _undecided(table)


def _undecided(table: Table) -> bool:
    """A row of labels over too few rows of prose to judge the columns by (a table whose rows are long, its
    first page holding one or two), or the first labels of a label/value table cut by the page break, beside
    prose ("Status update" | what was done): what the next page holds decides, so it is read."""
    if not 0 < len(table.rows) <= 3:
        return False
    if table.n_cols == 2 and all(
        len(r.cells) == 2 and label_scores(r.cells[0].text) and len(r.cells[0].text.split()) <= 6 for r in table.rows
    ):
        return any(len(r.cells[1].text.split()) >= _PROSE_WORDS for r in table.rows)
    if not header_like(tuple(c.text for c in table.rows[0].cells)):
        return False
    return any(len(c.text.split()) >= _PROSE_WORDS for r in table.rows[1:] for c in r.cells)


@dataclass(slots=True)
class PagePlan:
    """Per page (1-based): whether it has rulings, whether it is a candidate, and its text lines; and the PDF's
    number of pages as pypdfium2 counts them."""

    pages: int = 0
    ruled: dict[int, bool] = field(default_factory=dict)
    candidate: dict[int, bool] = field(default_factory=dict)
    text: dict[int, list[str]] = field(default_factory=dict)

    def wanted(self, number: int, follows_table: bool, borderless_runs_on: bool = False) -> bool:
        """Parse this page in full? Candidates, ruled pages after a table, any page a borderless table runs onto."""
        return (
            self.candidate.get(number, True) or (follows_table and self.ruled.get(number, True)) or borderless_runs_on
        )

    def lines(self, number: int) -> list[str]:
        return self.text.get(number, [])


def _count_paths(pdfium_c, parent, limit: int, form: bool = False, depth: int = 0) -> int:
    """Path objects on a page (and in its form objects, three levels down), counted up to ``limit`` through
    pdfium's own calls: no Python object is made for each of the page's (mostly text) objects."""
    count_objects = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get_object = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    paths = 0
    for i in range(max(count_objects(parent), 0)):
        obj = get_object(parent, i)
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            paths += _count_paths(pdfium_c, obj, limit - paths, True, depth + 1)
        if paths >= limit:
            break
    return paths


def scan_pages(path: str | Path, password: str | None = None, pages: range | None = None) -> PagePlan | None:
    """The plan for ``path`` (for ``pages``, 1-based, when given), or None when pypdfium2 cannot read it (then
    every page is parsed)."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:
        return None
    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except Exception:  # noqa: BLE001 - the plan is only a shortcut: whatever pdfium fails on, parse every page
        return None
    plan = PagePlan(pages=len(pdf))
    try:
        for index in range(len(pdf)) if pages is None else [n - 1 for n in pages if 0 < n <= len(pdf)]:
            page = pdf[index]
            paths = _count_paths(pdfium_c, page.raw, _MIN_PATHS)
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            number = index + 1
            plan.ruled[number] = paths >= _MIN_PATHS
            lines = [t for t in (tidy_line(line) for line in text.splitlines()) if t]
            plan.candidate[number] = (plan.ruled[number] and _heads_ruled_table(lines)) or any(
                _header_line(line) for line in lines
            )
            plan.text[number] = lines
    except Exception:  # noqa: BLE001 - the plan is only a shortcut: whatever pdfium fails on, parse every page
        return None
    finally:
        pdf.close()
    _repeated_headers(plan)
    return plan


def _repeated_headers(plan: PagePlan) -> None:
    """Mark as candidates the pages that open with the same lines as the page before or after, when those lines
    name a recommendation column and another: a header printed again on every page of a table, whose labels
    narrow columns broke past what the pre-scan reads whole ("Proposal from the" / "review", "Respons" / "ible")."""
    for number, lines in plan.text.items():
        if plan.candidate.get(number):
            continue
        for other in (number - 1, number + 1):
            top = _shared_top(lines, plan.text.get(other, []))
            if top and heads_tracking_table(" ".join(top)):
                plan.candidate[number] = True
                break


def _shared_top(lines: list[str], other: list[str]) -> list[str]:
    """The lines ``lines`` and ``other`` open with alike, as many as a header takes at most."""
    top: list[str] = []
    for a, b in zip(lines[:_REPEATED_LINES], other, strict=False):
        if a != b or sum(map(len, top)) + len(a) > _HEADER_CHARS:
            break
        top.append(a)
    return top


_REPEATED_LINES = 12  # a header printed again: its labels broken over at most this many lines of text
