"""The pipeline: read → find tracking tables → fold rows → attach metadata.

``extract_document`` is pure (a Document in, rows out); ``extract_file`` adds the
reading and turns failures into a FileResult; ``extract_paths`` walks inputs in a
stable order and never lets one bad file stop the batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .enrich import enrich_rows, paper_people
from .errors import RectrackError, UnsupportedFormat
from .metadata import extract_metadata
from .model import Document
from .readers import READERS, read
from .records import FileResult, Issue, Recommendation
from .rows import recommendations
from .stitch import tracking_tables


def extract_document(
    doc: Document, source: str | None = None, notes: list[str] | None = None
) -> tuple[list[Recommendation], int]:
    """Rows from an already-read Document, and how many tracking tables it has.

    What was uncertain about a table (a column role guessed) is added to ``notes`` when given.
    """
    found = document_rows(doc, source, notes)
    return found.rows, found.tables


@dataclass(slots=True)
class DocumentRows:
    """The rows of a document, or of a share of the work on them (see :func:`document_rows`)."""

    rows: list[Recommendation]
    tables: int  # tracking tables in the whole document
    total: int  # rows in the whole document


def document_rows(
    doc: Document, source: str | None = None, notes: list[str] | None = None, share: tuple[int, int] = (0, 1)
) -> DocumentRows:
    """The rows of a document, or of share ``k`` of ``n`` (``share``) of the work on them, so that several
    processes can share a long document's rows: share 0 checks every row (its confidence) and does not enrich
    them; shares 1 to ``n - 1`` each enrich a run of the rows (runs of about equal text, :func:`shared_out`) and
    do not check them. :func:`with_checks` puts the shares' rows together: the document's rows.
    """
    shares = share[1]
    tables = tracking_tables(doc, notes)
    if notes is not None:
        for index, table in enumerate(tables):
            notes.extend(f"tracking table {index + 1}: {note}" for note in table.header.notes)
    first_order = tables[0].order if tables else None
    meta = extract_metadata(doc, before_order=first_order)
    from .confidence import DocumentEvidence, assess_table

    evidence = DocumentEvidence(doc)
    check = shares <= 1 or share[0] == 0
    rows: list[Recommendation] = []
    for index, table in enumerate(tables):
        recs = recommendations(table)
        checks = assess_table(doc, table, recs, evidence) if check else [None] * len(recs)
        for rec, assessed in zip(recs, checks, strict=True):
            rows.append(
                Recommendation(
                    source=source or doc.path,
                    **rec.fields(),
                    committee=meta.committee,
                    meeting_date=meta.meeting_date,
                    title=meta.title,
                    report_of=meta.report_of,
                    format=doc.format,
                    table_index=index,
                    section=table.section if rec.section is None else rec.section,
                    page_first=rec.first_page,
                    page_last=rec.last_page,
                    status_fill=rec.status_fill,
                    ocr=rec.ocr,
                    ocr_confidence=rec.ocr_confidence,
                    extra=rec.extra_items(),
                    confidence=None if assessed is None else assessed.confidence,
                    confidence_reason="" if assessed is None else assessed.reason,
                )
            )
    if shares <= 1:
        return DocumentRows(enrich_rows(rows), len(tables), len(rows))
    if share[0] == 0:
        return DocumentRows(rows, len(tables), len(rows))
    run = shared_out([_work(row) for row in rows], share[0] - 1, shares - 1)
    people = paper_people(row.responsible for row in rows)
    return DocumentRows(enrich_rows(rows[run.start : run.stop], people), len(tables), len(rows))


def with_checks(checked: list[Recommendation], enriched: list[Recommendation]) -> list[Recommendation] | None:
    """The document's rows from its shares' (:func:`document_rows`): the rows of the enriching shares, in order,
    with the confidence share 0 gave each; None when they are not the same rows."""
    if len(checked) != len(enriched):
        return None
    return [
        replace(row, confidence=check.confidence, confidence_reason=check.confidence_reason)
        for check, row in zip(checked, enriched, strict=True)
    ]


def shared_out(work: list[float], share: int, shares: int) -> range:
    """The indexes of share ``share`` (0-based) of ``shares`` when items of ``work`` are dealt out in order in
    runs of about equal work: each item goes to the share its middle falls in."""
    total = sum(work)
    if shares <= 1 or total <= 0:
        return range(len(work)) if share == 0 else range(0)
    owners: list[int] = []
    done = 0.0
    for amount in work:
        owners.append(min(shares - 1, int((done + amount / 2) * shares / total)))
        done += amount
    mine = [index for index, owner in enumerate(owners) if owner == share]
    return range(mine[0], mine[-1] + 1) if mine else range(0)


def _work(row: Recommendation) -> float:
    """About how much enriching a row takes: its text (the progress is read sentence by sentence)."""
    return 200.0 + len(row.recommendation) + len(row.progress)


def extract_file(
    path: str | os.PathLike,
    *,
    password: str | None = None,
    document: Document | None = None,
    share: tuple[int, int] = (0, 1),
) -> FileResult:
    """Extract one paper. Never raises for a bad paper: the error is in ``result.issues``.

    ``document``: the paper already read (a long PDF read in parts, :mod:`extract.packs`); ``share``: only that
    share of the work on its rows (:func:`document_rows`; the notes are those of the whole paper).
    """
    shown = str(path)
    result = FileResult(path=shown)
    try:
        doc = read(path, password=password) if document is None else document
    except RectrackError as exc:
        result.issues.append(Issue("error", shown, str(exc), cacheable=exc.cacheable))
        return result
    except MemoryError:
        raise  # the batch runner reports it against the worker's memory limit
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop a batch
        result.issues.append(Issue("error", shown, f"unexpected failure while reading ({type(exc).__name__}: {exc})"))
        return result
    result.format, result.pages = doc.format, doc.pages
    result.issues.extend(Issue("warning", shown, w) for w in doc.warnings)
    result.issues.extend(Issue("note", shown, n) for n in doc.notes)
    try:
        notes: list[str] = []
        found = document_rows(doc, source=shown, notes=notes, share=share)
        result.rows, result.tables = found.rows, found.tables
        result.issues.extend(Issue("warning", shown, note) for note in notes)
    except MemoryError:
        raise  # as when reading: the batch runner reports it against the worker's memory limit
    except Exception as exc:  # noqa: BLE001 - an extraction bug must not stop a batch: reported as an issue
        result.issues.append(
            Issue("error", shown, f"unexpected failure while extracting ({type(exc).__name__}: {exc})")
        )
        return result
    if result.tables == 0:
        result.issues.append(Issue("note", shown, "no recommendation tracking table found"))
    elif not found.total:
        result.issues.append(Issue("warning", shown, "tracking table found but it has no rows"))
    return result


def expand_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path]]:
    """Files to read (sorted, each once) and files skipped in folders because rectrack doesn't read their type.

    A folder is walked recursively (hidden entries skipped, symlink loops walked once);
    a file named explicitly is always returned, so an unsupported type becomes an error.
    """
    chosen: list[Path] = []
    skipped: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if file.suffix.lower() in READERS:
                    _add(chosen, seen, file)
                else:
                    skipped.append(file)
        else:
            _add(chosen, seen, path)
    return chosen, skipped


def expand_globs(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Expand shell-style patterns (``papers/**/*.pdf``) that do not name an existing file; keep the rest."""
    import glob

    out: list[str] = []
    for raw in paths:
        text = str(raw)
        if not os.path.exists(text) and glob.has_magic(text):
            out.extend(sorted(glob.glob(text, recursive=True)) or [text])
        else:
            out.append(text)
    return out


def _add(chosen: list[Path], seen: set[str], path: Path) -> None:
    key = os.path.realpath(path) if path.exists() else str(path)
    if key not in seen:
        seen.add(key)
        chosen.append(path)


def _walk(folder: Path) -> Iterator[Path]:
    visited: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def extract_paths(paths: Iterable[str | os.PathLike], *, password: str | None = None) -> Iterator[FileResult]:
    """Extract every paper under ``paths`` in a deterministic order (by path), one result per file."""
    files, _ = expand_paths(paths)
    for file in sorted(files, key=lambda p: str(p)):
        yield extract_file(file, password=password)


def rows_dataframe(results: Iterable[FileResult]):
    """All rows of ``results`` as a pandas DataFrame with the writers' column order (rows not yet linked across
    reports are linked over ``results``: ``history_id``)."""
    import pandas as pd

    from .history import link_results, linked
    from .records import FIELDS, flat_dict

    results = list(results)
    if not linked(results):
        results = link_results(results)
    frame = pd.DataFrame([flat_dict(r) for res in results for r in res.rows], columns=list(FIELDS))
    # overdue is True, False or None (not known): a nullable boolean, so frame[frame.overdue] keeps the True rows
    frame["overdue"] = frame["overdue"].astype("boolean")
    return frame


__all__ = [
    "document_rows",
    "extract_document",
    "with_checks",
    "extract_file",
    "extract_paths",
    "expand_paths",
    "rows_dataframe",
    "UnsupportedFormat",
]
