"""Long PDFs (agenda packs) read in page ranges by several workers, then joined, so that one long pack does not
leave all but one worker idle.

The batch runner asks :func:`page_splits` which files to cut; each range is read by
:func:`~extract.readers.pdf_reader.read_pdf_part` exactly as a whole read would read those pages, and
:func:`extract_parts` joins the ranges (:func:`~extract.readers.pdf_reader.join_parts`) and extracts the rows. The
join is made by every worker at once: one then checks the rows (their confidence) while the others enrich them
(:func:`~extract.pipeline.document_rows`), and :func:`merge_shares` puts the rows together.
A range whose last page ends inside a table reads on until the table stops; the next range is taken from there
when it reached that page in the same state. Where it did not, the whole file is read on its own, so the rows
are always those of a whole read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from .records import FileResult

PAGES_PER_PART = 16  # the fewest pages worth a part of their own
MAX_FILES = 64  # a batch of more files keeps every worker busy with whole files


def page_splits(batch: Sequence[tuple[int, str]], workers: int) -> dict[int, list[tuple[int, int]]]:
    """For the long PDFs of ``batch`` worth cutting: their page ranges (first, last; 1-based), by index.

    A PDF longer than the fast path's threshold is cut when the batch has no more than two files per worker,
    or when the PDF holds more than a worker's share of the batch's pages: into up to two parts per worker, of
    at least ``PAGES_PER_PART`` pages.
    """
    if workers < 2 or len(batch) > MAX_FILES or not any(path.lower().endswith(".pdf") for _, path in batch):
        return {}
    from .readers.pdf_reader import FAST_PATH_MIN_PAGES

    counts = {index: page_count(path) if path.lower().endswith(".pdf") else 2 for index, path in batch}
    total = sum(counts.values())
    out: dict[int, list[tuple[int, int]]] = {}
    for index, path in batch:
        count = counts[index]
        if count <= max(FAST_PATH_MIN_PAGES, 2 * PAGES_PER_PART - 1) or not path.lower().endswith(".pdf"):
            continue
        if len(batch) > 2 * workers and count * workers <= total:
            continue
        parts = min(2 * workers, count // PAGES_PER_PART)
        size = -(-count // parts)
        out[index] = [(first, min(count, first + size - 1)) for first in range(1, count + 1, size)]
    return out


def page_count(path: str | os.PathLike[str]) -> int:
    """The PDF's number of pages (0 when pypdfium2 cannot open it without a password)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - not cut: the whole read reports what is wrong with it
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_part(path: str, password: str | None, first: int, last: int):
    """A PdfPart, or a failed FileResult (whatever went wrong: the whole read reports it as usual)."""
    from .readers.pdf_reader import read_pdf_part
    from .records import Issue

    try:
        return read_pdf_part(Path(path), first, last, password=password)
    except Exception as exc:  # noqa: BLE001 - the whole file is read instead
        return FileResult(path=path, issues=[Issue("error", path, f"{type(exc).__name__}: {exc}")])


def extract_parts(
    path: str,
    password: str | None,
    parts: list,
    extract_file: Callable[..., FileResult],
    share: tuple[int, int] = (0, 1),
) -> FileResult | None:
    """The rows of a PDF read in ``parts`` (of share ``share`` of its tracking tables: see
    :func:`~extract.pipeline.document_rows`), or None when the parts do not join."""
    from .readers.pdf_reader import join_parts

    doc = join_parts(parts)
    if doc is None:
        return None
    return extract_file(path, password=password, document=doc, share=share)


def merge_shares(results: Sequence[FileResult | None]) -> FileResult | None:
    """The FileResult of a PDF whose rows were shared out, from the shares' results in order: the first share's
    (its notes, and the rows with their confidence), with the enrichment of the other shares' rows; a share that
    failed fails the file, as a whole read would (the first failure); None when the parts did not join."""
    from .pipeline import with_checks

    if not results or any(result is None for result in results):
        return None
    done = [cast(FileResult, result) for result in results]
    failed = next((result for result in done if result.failed), None)
    if failed is not None:
        return failed
    head = done[0]
    if len(done) > 1:
        rows = with_checks(head.rows, [row for result in done[1:] for row in result.rows])
        if rows is None:
            return None
        head.rows = rows
    return head
