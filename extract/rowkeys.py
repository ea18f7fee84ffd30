"""Stable row keys, shared by the writers that update an existing output (Excel tracker, SQLite store) and by
linking across reports (:mod:`extract.history`).

A row's key is ``PAPER:TABLE:REC``:

- ``PAPER`` identifies the paper, not the file: a hash of its committee, meeting date and title,
  normalised (case, accents, punctuation and spacing do not matter). So a renamed or moved file keeps
  its keys, and the same paper given as PDF and as Word gives the same keys. A paper whose meeting
  date or title was not found is identified by a hash of its file's bytes instead (still stable
  under renaming and moving).
- ``TABLE`` is the tracking table's index in the paper (0, 1, …).
- ``REC`` is the recommendation's number (``rec_id``); a row without one gets ``#`` and its position
  in the table, and a number repeated in one table gets ``~2``, ``~3`` … on its later rows.

:func:`keyed_rows` applies this to a batch and merges rows that several files give for one paper.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .records import FileResult, Recommendation

ID_LENGTH = 12  # hex digits of a paper id: 48 bits, ample for one organisation's papers
SAME_TEXT = 0.85  # similarity above which two files' rows with one key are the same recommendation


@dataclass(frozen=True, slots=True)
class KeyedRow:
    """One recommendation with its key; ``variants`` holds the row as each source file gave it."""

    key: str
    paper: str
    variants: tuple[Recommendation, ...]

    @property
    def row(self) -> Recommendation:
        """The row as the first source file (in path order) gave it."""
        return self.variants[0]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(v.source for v in self.variants)


def file_hash(path: str | os.PathLike) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (the reader will say why). Row keys and the
    result cache's key (:mod:`extract.cache`) both use it; it lives here so that linking
    (:mod:`extract.history`), which the package imports, does not depend on the cache."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def normalise_text(text: str) -> str:
    """``text`` for comparison: Unicode-normalised, case-folded, accents dropped, punctuation as spaces."""
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.split(r"[\W_]+", plain)).strip()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:ID_LENGTH]


def paper_id(result: FileResult) -> str:
    """The identity of the paper ``result`` came from, or "" when it gave no rows."""
    if not result.rows:
        return ""
    first = result.rows[0]
    date, title = first.meeting_date.strip(), normalise_text(first.title)
    if date and title:
        return _digest("paper", normalise_text(first.committee), date, title)
    content = file_hash(result.path)
    if content is None:  # the file is gone: fall back on what was read from it
        content = _digest(*(f"{r.table_index}|{r.rec_id}|{normalise_text(r.recommendation)}" for r in result.rows))
    return _digest("file", content)


def row_keys(rows: Sequence[Recommendation], paper: str) -> list[str]:
    """The key of each row of one file, in order (unique within the file)."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    positions: dict[int, int] = {}
    for row in rows:
        positions[row.table_index] = position = positions.get(row.table_index, 0) + 1
        base = f"{paper}:{row.table_index}:{row.rec_id.strip() or f'#{position}'}"
        seen[base] = count = seen.get(base, 0) + 1
        keys.append(base if count == 1 else f"{base}~{count}")
    return keys


def paper_of(key: str) -> str:
    """The paper id part of a row key."""
    return key.split(":", 1)[0]


def _same_recommendation(a: Recommendation, b: Recommendation) -> bool:
    left, right = normalise_text(a.recommendation), normalise_text(b.recommendation)
    if left == right:
        return True
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio() >= SAME_TEXT


def keyed_rows(results: Iterable[FileResult]) -> list[KeyedRow]:
    """Every row of ``results`` once, keyed, in input order.

    Rows with one key from several files (the same paper as PDF and Word) become one row that lists
    every source. If two files share a paper identity but a row's text differs (two different papers
    whose committee, date and title read the same), the later file's row is kept apart under its key
    plus ``~`` and a hash of that file, so nothing is dropped.
    """
    merged: dict[str, list[Recommendation]] = {}
    papers: dict[str, str] = {}
    for key, paper, row in _assign_keys(results):
        merged.setdefault(key, []).append(row)
        papers[key] = paper
    return [KeyedRow(key, papers[key], tuple(variants)) for key, variants in merged.items()]


def result_keys(results: Iterable[FileResult]) -> list[list[str]]:
    """The key of every row of each result, as :func:`keyed_rows` gives them (one list per result)."""
    results = list(results)
    keys: list[list[str]] = [[] for _ in results]
    counts = [len(r.rows) for r in results]
    index = 0
    for key, _paper, _row in _assign_keys(results):
        while len(keys[index]) == counts[index]:
            index += 1
        keys[index].append(key)
    return keys


def _assign_keys(results: Iterable[FileResult]) -> Iterator[tuple[str, str, Recommendation]]:
    """(key, paper, row) for every row of ``results`` in order."""
    first_rows: dict[str, Recommendation] = {}
    for result in results:
        paper = paper_id(result)
        for key, row in zip(row_keys(result.rows, paper), result.rows, strict=True):
            if key in first_rows and not _same_recommendation(first_rows[key], row):
                key = f"{key}~{_digest('apart', file_hash(result.path) or result.path)[:6]}"
            first_rows.setdefault(key, row)
            yield key, paper, row
