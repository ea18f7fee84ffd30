"""The Excel tracker's extra columns: the tracking tables' other columns ("Meeting Date", "Outcome", ...).

Each distinct header (compared case-insensitively, spacing collapsed) gets one column after rectrack's
fixed ones, with the stable id ``extra:<normalised header>`` so the tracker's merge can tell the
analyst's edits from rectrack's values, like any other column. Its title is the header as first seen,
made unique against the sheet's other headers ("Outcome (paper)" beside an analyst's "Outcome").

Titles are remembered on a very hidden sheet, so a later run finds its own column even when the analyst
has a column of the same name, and never writes into theirs. A header new to a later run is appended at
the end of the table; existing columns do not move.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ...records import Recommendation
from .cells import hidden_sheet

PREFIX = "extra:"
TITLES_SHEET = "_rectrack_columns"  # very hidden: id and title of each extra column rectrack made
MAX_TITLE = 100  # characters of a column title (a table's header; papers have long headers)


def normalise(header: str) -> str:
    return " ".join(ILLEGAL_CHARACTERS_RE.sub(" ", header).split()).casefold()


def column_id(header: str) -> str:
    return PREFIX + normalise(header)


def is_extra(column_id_: str) -> bool:
    return column_id_.startswith(PREFIX)


def row_extra(row: Recommendation) -> dict[str, str]:
    """The row's extra cells by column id (two headers that normalise alike share one cell)."""
    values: dict[str, list[str]] = {}
    for header, text in row.extra:
        if normalise(header) and text.strip():
            parts = values.setdefault(column_id(header), [])
            if text not in parts:
                parts.append(text)
    return {cid: "\n".join(parts) for cid, parts in values.items()}


def run_headers(rows: Iterable[Recommendation]) -> dict[str, str]:
    """Each distinct extra header of the rows, by column id, in order of first appearance."""
    headers: dict[str, str] = {}
    for row in rows:
        for header, _ in row.extra:
            if normalise(header):
                headers.setdefault(column_id(header), header)
    return headers


def unique_title(header: str, taken: set[str]) -> str:
    """The header as a column title not in ``taken`` (case-folded titles): "X", else "X (paper)", "X (paper 2)"."""
    base = " ".join(ILLEGAL_CHARACTERS_RE.sub(" ", header).split())[:MAX_TITLE]
    title, n = base, 1
    while title.casefold() in taken:
        title = f"{base} (paper)" if n == 1 else f"{base} (paper {n})"
        n += 1
    return title


def place(
    headers: dict[str, str], known: dict[str, str], sheet_headers: Sequence[str]
) -> list[tuple[str, str, int | None]]:
    """The extra columns as ``(id, title, sheet column or None to add)``.

    ``known`` holds the titles rectrack gave its extra columns before; those still on the sheet come first,
    in sheet order, then the run's new headers (``headers``), titled uniquely against every header present.
    """
    lowered = [h.casefold() for h in sheet_headers]
    found = sorted(
        (
            (cid, title, lowered.index(title.casefold()) + 1)
            for cid, title in known.items()
            if title.casefold() in lowered
        ),
        key=lambda p: p[2],
    )
    placed: list[tuple[str, str, int | None]] = list(found)  # then the unplaced, without a position
    have = {cid for cid, _, _ in placed}
    taken = set(lowered)
    for cid, header in headers.items():
        if cid not in have:
            title = unique_title(header, taken)
            taken.add(title.casefold())
            placed.append((cid, title, None))
    return placed


def read_titles(book: Workbook) -> dict[str, str]:
    if TITLES_SHEET not in book.sheetnames:
        return {}
    rows = book[TITLES_SHEET].iter_rows(min_row=2, values_only=True)
    return {str(cid): str(title) for cid, title, *_ in rows if cid and title}


def write_titles(book: Workbook, titles: dict[str, str]) -> None:
    hidden_sheet(book, TITLES_SHEET, [("id", "title"), *titles.items()])
