"""The SQLite store, for scripted bulk imports: re-running into it updates rows instead of duplicating them.

Tables:

- ``recommendations``: one row per recommendation, every field of
  :class:`~extract.records.Recommendation` (``owners`` and ``mentions`` as JSON text) plus ``key``
  (unique; see :mod:`extract.writers.keys`), ``paper_id``, ``source_files`` (JSON list of every file
  that gave the row), ``in_source`` (0 once the row is gone from a paper read again), ``first_seen``
  and ``last_seen``.
- ``owners``: one row per owner of a recommendation (``recommendation_key``, ``position``, ``name``,
  ``type``).
- ``documents``: one row per paper (``paper_id``, committee, meeting date, title, …).
- ``sources``: one row per input file (``path``, ``format``, ``pages``, ``tracking_tables``, ``rows``,
  ``error``, ``warnings``, ``paper_id``, ``last_run``).
- ``history``: one row per recommendation followed across successive reports (:mod:`extract.history`):
  ``history_id``, ``review``, ``committee``, the latest ``rec_id``, ``recommendation`` and ``responsible``,
  ``first_meeting``, ``last_meeting``, ``reports``, ``status_trail``, ``latest_status``, ``days_to_complete``
  (NULL until complete), ``stalled`` (0/1). ``recommendations.history_id`` joins to it. Linking runs over
  every row in the store on each run, so a report added later links to the reports already there.
- ``meta``: ``schema_version``, the rectrack version, the last run's time and command.

Columns are typed: INTEGER for whole numbers and booleans (``overdue``, ``ocr``, ``in_source``: 0 or 1;
``overdue`` NULL when not known), REAL for ``ocr_confidence``, TEXT for dates (ISO ``YYYY-MM-DD``) and
text. A missing value is NULL in every column (no status, no RAG, no committee, no due date), never ``''``.
A store made by an older rectrack (schema 1: every flag and number as TEXT, missing values as ``''``) is
converted in place on the next run.

Text is stored exactly as extracted (no formula guard: SQLite is not a spreadsheet). Every write is
atomic: the existing database is copied to a temporary file, updated there and renamed over the old
one, so a reader never sees a half-written store and a crash leaves the old one intact. The store as it was
before the run is kept as ``<name>.bak.sqlite`` (:mod:`extract.writers.changes`); what the run did (rows
added, updated, unchanged, gone) goes to ``report``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from ..errors import WriterError
from ..history import Entry, histories, review_column
from ..records import FIELDS, FileResult, flat_dict
from ._atomic import atomic_path
from .changes import Changes, backup_path
from .keys import KeyedRow, keyed_rows, paper_id
from .parquet import field_kind

SCHEMA_VERSION = 2
_SQL_TYPES = {"int": "INTEGER", "bool": "INTEGER", "float": "REAL", "date": "TEXT", "json": "TEXT", "text": "TEXT"}
_EXTRA = ("key", "paper_id", "source_files", "in_source", "first_seen", "last_seen")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    paper_id TEXT PRIMARY KEY, committee TEXT, meeting_date TEXT, title TEXT, report_of TEXT,
    rows INTEGER, source_files TEXT, first_seen TEXT, last_seen TEXT);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY, paper_id TEXT, format TEXT, pages INTEGER, tracking_tables INTEGER, rows INTEGER,
    error TEXT, warnings TEXT, last_run TEXT);
CREATE TABLE IF NOT EXISTS recommendations (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, paper_id TEXT NOT NULL, {fields},
    source_files TEXT, in_source INTEGER NOT NULL DEFAULT 1, first_seen TEXT, last_seen TEXT);
CREATE TABLE IF NOT EXISTS owners (
    recommendation_key TEXT NOT NULL REFERENCES recommendations (key) ON DELETE CASCADE,
    position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT,
    PRIMARY KEY (recommendation_key, position));
CREATE TABLE IF NOT EXISTS history (
    history_id TEXT PRIMARY KEY, review TEXT, committee TEXT, rec_id TEXT, recommendation TEXT, responsible TEXT,
    first_meeting TEXT, last_meeting TEXT, reports INTEGER, status_trail TEXT, latest_status TEXT,
    days_to_complete INTEGER, stalled INTEGER);
CREATE INDEX IF NOT EXISTS recommendations_paper ON recommendations (paper_id);
CREATE INDEX IF NOT EXISTS recommendations_source ON recommendations (source);
CREATE INDEX IF NOT EXISTS recommendations_status ON recommendations (status_norm);
CREATE INDEX IF NOT EXISTS recommendations_meeting ON recommendations (committee, meeting_date);
CREATE INDEX IF NOT EXISTS recommendations_due ON recommendations (due_date);
CREATE INDEX IF NOT EXISTS owners_name ON owners (name);
CREATE INDEX IF NOT EXISTS sources_paper ON sources (paper_id);
"""


def _column_type(name: str) -> str:
    return _SQL_TYPES[field_kind(name)]


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


class StoreReport(Changes):
    """What a run did to the store: rows added, updated (a value changed), unchanged, gone; the backup."""

    first_time = "new store"


def write_sqlite(
    results: Sequence[FileResult],
    dest: str,
    *,
    command: str = "",
    report: Callable[[StoreReport], None] | None = None,
    **_options,
) -> int:
    """Create or update the store at ``dest``; returns the number of distinct rows found this run.

    ``report`` is called with what the run did once the file is in place."""
    path = Path(dest)
    _refuse_if_in_use(path)
    results = list(results)
    tracked = keyed_rows(results)
    when = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    changes = StoreReport()
    existed = path.exists()
    with atomic_path(path) as tmp:
        _copy_existing(path, tmp)
        con = sqlite3.connect(tmp)
        try:
            _upgrade(con, path)  # foreign keys off: rebuilding a table must not cascade to its owners
            con.execute("PRAGMA foreign_keys = ON")
            with con:
                _prepare(con, path)
                _store(con, results, tracked, when, command, changes)
        except sqlite3.Error as exc:
            raise WriterError(f"{path}: cannot update the database ({exc}); the previous file is unchanged") from exc
        finally:
            con.close()
        if existed:
            with atomic_path(backup_path(path)) as copy:
                shutil.copy2(path, copy)
    if existed:
        changes.backup = backup_path(path)
    if report is not None:
        report(changes)
    return len(tracked)


def _refuse_if_in_use(path: Path) -> None:
    """A write-ahead log beside the file means a program has it open: replacing it could corrupt it."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise WriterError(
            f"{path}: the database is open in another program ({wal.name} exists); close that program and run again"
        )


def _copy_existing(path: Path, tmp: Path) -> None:
    """Copy the current database into ``tmp`` (a consistent snapshot, via SQLite's backup API)."""
    if not path.exists():
        return
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise WriterError(
            f"{path}: exists but cannot be read as an SQLite database ({exc}); it was left as it was: "
            "choose another output name"
        ) from exc


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]


def _prepare(con: sqlite3.Connection, path: Path) -> None:
    """Create the tables, or bring an older store up to date."""
    version = _meta(con, "schema_version")
    if version is not None and int(version) > SCHEMA_VERSION:
        raise WriterError(
            f"{path}: this database was made by a newer rectrack (schema {version}); "
            "upgrade rectrack or choose another output name"
        )
    existing = _columns(con, "recommendations")
    if existing and "key" not in existing:
        if not set(existing) <= {"id", *FIELDS}:
            raise WriterError(
                f"{path}: has a 'recommendations' table that rectrack did not make; it was left as it "
                "was: choose another output name"
            )
        # the first rectrack store, rebuilt on every run: nothing in it to keep
        con.execute("DROP TABLE recommendations")
        con.execute("DROP TABLE IF EXISTS sources")
    fields = ", ".join(f'"{f}" {_column_type(f)}' for f in FIELDS)
    for statement in _TABLES.format(fields=fields).split(";"):
        if statement.strip():
            con.execute(statement)
    present = set(_columns(con, "recommendations"))
    for name in FIELDS:  # fields added to the record since the store was made
        if name not in present:
            con.execute(f'ALTER TABLE recommendations ADD COLUMN "{name}" {_column_type(name)}')
    con.execute("CREATE INDEX IF NOT EXISTS recommendations_history ON recommendations (history_id)")


def _upgrade(con: sqlite3.Connection, path: Path) -> None:
    """Convert a schema-1 store (flags and numbers as TEXT, missing values as '') to typed columns."""
    existing = _columns(con, "recommendations")
    version = _meta(con, "schema_version")
    if not existing or "key" not in existing or version is None or int(version) >= SCHEMA_VERSION:
        return
    old = [name for name in existing if name != "id"]
    columns = ", ".join(f'"{n}" {_column_type(n) if n in FIELDS else _old_type(con, n)}' for n in old)
    copied = ", ".join(f"NULLIF(\"{n}\", '')" if n in FIELDS else f'"{n}"' for n in old)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        with con:
            con.execute(f"CREATE TABLE recommendations_typed (id INTEGER PRIMARY KEY, {columns}, UNIQUE (key))")
            con.execute(
                f"INSERT INTO recommendations_typed (id, {_quoted(old)}) SELECT id, {copied} FROM recommendations"
            )
            con.execute("DROP TABLE recommendations")
            con.execute("ALTER TABLE recommendations_typed RENAME TO recommendations")
            for table, column in (
                ("documents", "committee"),
                ("documents", "meeting_date"),
                ("documents", "title"),
                ("documents", "report_of"),
            ):
                con.execute(f'UPDATE {table} SET "{column}" = NULL WHERE "{column}" = \'\'')
            con.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION),))
    except sqlite3.Error as exc:
        raise WriterError(
            f"{path}: cannot convert the database to typed columns ({exc}); the previous file is unchanged"
        ) from exc


def _old_type(con: sqlite3.Connection, name: str) -> str:
    types = {row[1]: row[2] for row in con.execute('PRAGMA table_info("recommendations")')}
    return types.get(name) or "TEXT"


def _meta(con: sqlite3.Connection, name: str) -> str | None:
    if not _columns(con, "meta"):
        return None
    row = con.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def _store(
    con: sqlite3.Connection,
    results: list[FileResult],
    tracked: list[KeyedRow],
    when: str,
    command: str,
    changes: StoreReport | None = None,
) -> None:
    from .. import __version__

    changes = changes if changes is not None else StoreReport()
    _count_changes(con, tracked, changes)
    _upsert_rows(con, tracked, when)
    changes.gone = _mark_gone(con, tracked)
    _store_owners(con, tracked)
    _upsert_documents(con, tracked, when)
    _upsert_sources(con, results, when)
    _link_histories(con)
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "rectrack_version": __version__,
        "last_run": when,
        "last_command": command,
    }
    con.executemany(
        "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        meta.items(),
    )


def _upsert_rows(con: sqlite3.Connection, tracked: list[KeyedRow], when: str) -> None:
    names = [*FIELDS, *_EXTRA]
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n not in ("key", "first_seen"))
    sql = (
        f"INSERT INTO recommendations ({_quoted(names)}) VALUES ({', '.join('?' for _ in names)}) "
        f"ON CONFLICT (key) DO UPDATE SET {updates}"
    )
    con.executemany(
        sql,
        (
            [
                *_field_values(item),
                item.key,
                item.paper,
                json.dumps(list(item.sources), ensure_ascii=False),
                1,
                when,
                when,
            ]
            for item in tracked
        ),
    )


def _count_changes(con: sqlite3.Connection, tracked: list[KeyedRow], changes: StoreReport) -> None:
    """Rows new to the store, and stored rows whose values (or source files, or being in their paper) change."""
    names = [*FIELDS, "source_files", "in_source"]
    stored: dict[str, tuple] = {}
    keys = [item.key for item in tracked]
    for start in range(0, len(keys), 500):  # under SQLite's limit on parameters
        chunk = keys[start : start + 500]
        query = f"SELECT key, {_quoted(names)} FROM recommendations WHERE key IN ({', '.join('?' for _ in chunk)})"
        stored.update((row[0], tuple(row[1:])) for row in con.execute(query, chunk))
    for item in tracked:
        before = stored.get(item.key)
        if before is None:
            changes.added += 1
            continue
        after = (*_field_values(item), json.dumps(list(item.sources), ensure_ascii=False), 1)
        if before == after:
            changes.unchanged += 1
        else:
            changes.updated += 1


def _field_values(item: KeyedRow) -> list[object]:
    """The row's values in their column types: booleans as 0/1, dates as ISO text, missing values as None."""
    from ..confidence import merged

    values = flat_dict(item.row)
    values["confidence"], values["confidence_reason"] = merged(item.variants)  # the lowest, lower if files differ
    out: list[object] = []
    for name in FIELDS:
        value = values[name]
        kind = field_kind(name)
        if value is None or value == "":
            out.append(None)
        elif kind == "bool":
            out.append(int(bool(value)))
        elif kind == "float":
            out.append(float(value))
        else:
            out.append(value)
    return out


def _mark_gone(con: sqlite3.Connection, tracked: list[KeyedRow]) -> int:
    """Rows of papers read in this run that the papers no longer have: ``in_source = 0``; returns how many."""
    con.execute("CREATE TEMP TABLE run_keys (key TEXT PRIMARY KEY, paper_id TEXT)")
    con.executemany("INSERT INTO run_keys VALUES (?, ?)", ((item.key, item.paper) for item in tracked))
    cursor = con.execute(
        "UPDATE recommendations SET in_source = 0 WHERE paper_id IN (SELECT paper_id FROM run_keys) "
        "AND key NOT IN (SELECT key FROM run_keys)"
    )
    return max(cursor.rowcount, 0)


def _store_owners(con: sqlite3.Connection, tracked: list[KeyedRow]) -> None:
    con.execute("DELETE FROM owners WHERE recommendation_key IN (SELECT key FROM run_keys)")
    con.executemany(
        "INSERT INTO owners (recommendation_key, position, name, type) VALUES (?, ?, ?, ?)",
        (
            (item.key, position, str(owner.get("name", "")), owner.get("type"))
            for item in tracked
            for position, owner in enumerate(item.row.owners, 1)
            if owner.get("name")
        ),
    )
    con.execute("DROP TABLE run_keys")


def _upsert_documents(con: sqlite3.Connection, tracked: list[KeyedRow], when: str) -> None:
    papers: dict[str, list[KeyedRow]] = {}
    for item in tracked:
        papers.setdefault(item.paper, []).append(item)
    rows = []
    for paper, items in papers.items():
        first = items[0].row
        files = list(dict.fromkeys(source for item in items for source in item.sources))
        rows.append(
            (
                paper,
                first.committee or None,
                first.meeting_date or None,
                first.title or None,
                first.report_of or None,
                len(items),
                json.dumps(files, ensure_ascii=False),
                when,
                when,
            )
        )
    con.executemany(
        "INSERT INTO documents (paper_id, committee, meeting_date, title, report_of, rows, source_files, first_seen, "
        "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (paper_id) DO UPDATE SET "
        "committee = excluded.committee, meeting_date = excluded.meeting_date, title = excluded.title, "
        "report_of = excluded.report_of, rows = excluded.rows, source_files = excluded.source_files, "
        "last_seen = excluded.last_seen",
        rows,
    )


def _upsert_sources(con: sqlite3.Connection, results: list[FileResult], when: str) -> None:
    rows = []
    for result in results:
        warnings = "\n".join(i.reason for i in result.issues if i.level != "error")
        rows.append(
            (
                result.path,
                paper_id(result) or None,
                result.format or None,
                result.pages,
                result.tables,
                len(result.rows),
                result.error or None,
                warnings or None,
                when,
            )
        )
    con.executemany(
        "INSERT INTO sources (path, paper_id, format, pages, tracking_tables, rows, error, warnings, last_run) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET paper_id = excluded.paper_id, "
        "format = excluded.format, pages = excluded.pages, tracking_tables = excluded.tracking_tables, "
        "rows = excluded.rows, error = excluded.error, warnings = excluded.warnings, last_run = excluded.last_run",
        rows,
    )


def _stored_entries(con: sqlite3.Connection) -> list[Entry]:
    """What linking needs from every row in the store (this run's included); a row's position in its table is
    its order of insertion."""
    entries = []
    positions: dict[tuple[str, int], int] = {}
    for row in con.execute(
        "SELECT key, paper_id, committee, meeting_date, title, section, table_index, rec_id, recommendation, extra, "
        "status_norm, responsible FROM recommendations ORDER BY paper_id, table_index, id"
    ):
        key, paper, committee, meeting, title, section, table, rec_id, text, extra, status, responsible = row
        table = int(table or 0)
        positions[(paper, table)] = position = positions.get((paper, table), 0) + 1
        try:
            items = [(str(k), str(v)) for k, v in json.loads(extra or "{}").items()]
        except (ValueError, AttributeError):
            items = []
        entries.append(
            Entry(
                key=key,
                paper=paper,
                committee=committee or "",
                meeting_date=meeting or "",
                title=title or "",
                section=section or "",
                table_index=table,
                position=position,
                rec_id=rec_id or "",
                recommendation=text or "",
                review=review_column(items),
                status=status or "unknown",
                responsible=responsible or "",
            )
        )
    return entries


def _link_histories(con: sqlite3.Connection) -> None:
    """Link every row of the store across reports: ``recommendations.history_id`` and the ``history`` table."""
    found = histories(_stored_entries(con))
    con.executemany(
        "UPDATE recommendations SET history_id = ? WHERE key = ?",
        ((h.history_id, key) for h in found for key in h.keys),
    )
    con.execute("DELETE FROM history")
    con.executemany(
        "INSERT INTO history (history_id, review, committee, rec_id, recommendation, responsible, first_meeting, "
        "last_meeting, reports, status_trail, latest_status, days_to_complete, stalled) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                h.history_id,
                h.review or None,
                h.committee or None,
                h.rec_id or None,
                h.recommendation or None,
                h.responsible or None,
                h.first_meeting or None,
                h.last_meeting or None,
                h.reports,
                h.trail or None,
                h.latest_status,
                h.days_to_complete,
                int(h.stalled),
            )
            for h in found
        ),
    )
