"""An SQLite store for scripted bulk imports: tables ``recommendations`` and ``sources``.

The file is rebuilt atomically on every run (written to a temporary file, then
renamed), so a reader never sees a half-written database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..records import FIELDS, FileResult, flat_dict
from ._atomic import atomic_path

_INTEGER = {"table_index", "page_first", "page_last", "overdue"}


def write_sqlite(results: Sequence[FileResult], dest: str, **_options) -> int:
    columns = ", ".join(f'"{f}" {"INTEGER" if f in _INTEGER else "TEXT"}' for f in FIELDS)
    count = 0
    with atomic_path(dest) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.execute(f"CREATE TABLE recommendations (id INTEGER PRIMARY KEY, {columns})")
            con.execute("CREATE TABLE sources (path TEXT PRIMARY KEY, format TEXT, pages INTEGER, "
                        "tracking_tables INTEGER, rows INTEGER, error TEXT)")
            marks = ", ".join("?" for _ in FIELDS)
            names = ", ".join(f'"{f}"' for f in FIELDS)
            for result in results:
                con.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                            (result.path, result.format, result.pages, result.tables, len(result.rows), result.error))
                for row in result.rows:
                    values = flat_dict(row)
                    con.execute(f"INSERT INTO recommendations ({names}) VALUES ({marks})", [values[f] for f in FIELDS])
                    count += 1
            con.execute("CREATE INDEX recommendations_source ON recommendations (source)")
            con.commit()
        finally:
            con.close()
    return count
