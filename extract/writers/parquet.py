"""Apache Parquet via pyarrow: typed columns for analysis tools.

Column types follow the record (:class:`~extract.records.Recommendation`): ``meeting_date`` and
``due_date`` are dates (Parquet DATE; pandas loads them as ``datetime.date`` values, so
``df.due_date - df.meeting_date`` gives the days between); ``overdue`` and ``ocr`` are booleans (``overdue``
null when not known); ``ocr_confidence`` (and any other number field) floats; ``table_index``, ``page_first``
and ``page_last`` integers. Missing values are null in every column: an empty text (no status, no RAG, no
committee) is null, never ``""``. ``owners``, ``mentions`` and ``extra`` are JSON text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date

from ..records import FileResult, Recommendation, flat_dict
from ._atomic import atomic_path

DATE_FIELDS = frozenset({"meeting_date", "due_date"})


def field_kind(name: str) -> str:
    """The kind of a record field for typed stores: "date", "bool", "int", "float", "json" or "text"."""
    if name in DATE_FIELDS:
        return "date"
    if name in {"owners", "mentions", "extra"}:
        return "json"
    annotation = str(_ANNOTATIONS.get(name, "str")).replace(" ", "")
    base = annotation.split("|")[0]
    return {"bool": "bool", "int": "int", "float": "float"}.get(base, "text")


_ANNOTATIONS = {f.name: f.type for f in fields(Recommendation)}


def typed_value(name: str, value: str | int | float | bool | None) -> object:
    """``value`` (as :func:`~extract.records.flat_dict` gives it) in its field's type; None when missing."""
    kind = field_kind(name)
    if value is None or value == "":
        return None
    if kind == "date":
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return None
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value


def typed_rows(results: Sequence[FileResult]) -> list[dict]:
    """Every row as a dict of typed values (see :func:`typed_value`)."""
    out = []
    for result in results:
        for row in result.rows:
            out.append({name: typed_value(name, value) for name, value in flat_dict(row).items()})
    return out


def arrow_schema():
    import pyarrow as pa

    types = {
        "date": pa.date32(),
        "bool": pa.bool_(),
        "int": pa.int64(),
        "float": pa.float64(),
        "json": pa.string(),
        "text": pa.string(),
    }
    return pa.schema([(f.name, types[field_kind(f.name)]) for f in fields(Recommendation)])


def write_parquet(results: Sequence[FileResult], dest: str, **_options) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = typed_rows(results)
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    with atomic_path(dest) as tmp:
        pq.write_table(table, tmp)
    return len(rows)
