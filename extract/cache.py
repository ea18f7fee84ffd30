"""The result cache for incremental re-runs.

An entry is keyed by the file's content hash and the extractor's version, which
includes a hash of the package's own code: changed code never serves stale rows.
Entries are small JSON files, written atomically, so concurrent runs and crashes
cannot corrupt the cache. Rows are stored without their ``source``; a hit reports
the file's current path.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path

from . import __version__
from .records import FileResult, Issue, Recommendation

ENV_VAR = "RECTRACK_CACHE_DIR"
_ROW_FIELDS = {f.name for f in fields(Recommendation)}


def default_cache_dir() -> Path:
    """$RECTRACK_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache)/rectrack."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rectrack"


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """rectrack's version plus a hash of every module in the package."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def file_hash(path: str | os.PathLike) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (the reader will say why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


class ResultCache:
    """Cached FileResults in a folder, one JSON file per (content, extractor version)."""

    def __init__(self, folder: str | os.PathLike, options_key: str = "") -> None:
        self.folder = Path(folder)
        self.version = extractor_version() + (f"-{options_key}" if options_key else "")

    def _entry(self, content_hash: str) -> Path:
        key = hashlib.sha256(f"{content_hash}:{self.version}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, content_hash: str, path: str) -> FileResult | None:
        try:
            data = json.loads(self._entry(content_hash).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return _from_json(data, path)

    def put(self, content_hash: str, result: FileResult) -> None:
        entry = self._entry(content_hash)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(_to_json(result), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, entry)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _to_json(result: FileResult) -> dict:
    rows = []
    for row in result.rows:
        data = row.to_dict()
        data.pop("source")
        rows.append(data)
    return {"format": result.format, "pages": result.pages, "tables": result.tables, "rows": rows,
            "issues": [[i.level, i.reason] for i in result.issues]}


def _from_json(data: dict, path: str) -> FileResult | None:
    try:
        rows = []
        for row in data["rows"]:
            values = {k: v for k, v in row.items() if k in _ROW_FIELDS}
            values["owners"] = tuple(values.get("owners") or ())
            values["mentions"] = tuple(values.get("mentions") or ())
            values["extra"] = tuple((str(k), str(v)) for k, v in (values.get("extra") or {}).items())
            rows.append(Recommendation(source=path, **values))
        issues = [Issue(level, path, reason) for level, reason in data["issues"]]
        return FileResult(path=path, format=data["format"], rows=rows, issues=issues, pages=data["pages"],
                          tables=data["tables"], cached=True)
    except (KeyError, TypeError, ValueError):
        return None
