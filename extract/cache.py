"""The result cache for incremental re-runs.

An entry is keyed by the file's content hash, the extractor's version (which includes a
hash of the package's own code: changed code never serves stale rows) and every option
or outside tool that changes what the file gives: the PDF password, whether a trained
spaCy model is installed, and for the formats that need one, which Tesseract or
LibreOffice is installed (looked up on first use, once per run, so start-up stays fast).
Entries are small JSON files, written atomically, so concurrent runs and crashes cannot
corrupt the cache. Rows are stored without their ``source``; a hit reports the file's
current path. What is worth caching (not a time-out or a missing tool) is the batch
runner's decision.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from . import __version__
from .errors import WriterError
from .records import FileResult, Issue, Recommendation
from .writers._atomic import atomic_path

ENV_VAR = "RECTRACK_CACHE_DIR"
_ROW_FIELDS = {f.name for f in fields(Recommendation)}


def _find_tesseract() -> str | None:
    from .readers import ocr  # imported only when a PDF is in the batch

    return ocr.find_tesseract()


def _find_soffice() -> str | None:
    from .readers import convert

    return convert.find_soffice()


# The outside program each format may need, and how to find it; the reader looks it up the same way.
TOOL_FINDERS: dict[str, Callable[[], str | None]] = {"tesseract": _find_tesseract, "soffice": _find_soffice}
TOOLS_BY_SUFFIX: dict[str, str] = {".pdf": "tesseract", ".doc": "soffice", ".rtf": "soffice", ".odt": "soffice"}
PASSWORD_SUFFIXES = frozenset({".pdf"})  # the formats a password is passed to


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


def tool_fingerprint(binary: str | None) -> str:
    """The word "missing", or the installed program's resolved path, size and modification time: an upgrade
    changes it (cheaper than running ``--version``, which takes seconds for LibreOffice)."""
    if not binary:
        return "missing"
    try:
        real = Path(binary).resolve()
        stat = real.stat()
    except OSError:
        return "missing"
    return f"{real}:{stat.st_size}:{stat.st_mtime_ns}"


class ResultCache:
    """Cached FileResults in a folder, one JSON file per (content, extractor version, options, tools)."""

    def __init__(self, folder: str | os.PathLike, options_key: str = "", *, password: str | None = None) -> None:
        self.folder = Path(folder)
        self.version = extractor_version() + (f"-{options_key}" if options_key else "")
        self._password = hashlib.sha256(password.encode()).hexdigest()[:16] if password is not None else ""
        self._tools: dict[str, str] = {}  # tool name -> fingerprint, looked up on first use

    def tool(self, name: str) -> str:
        """The fingerprint of outside program ``name`` ("missing" when not installed), looked up once."""
        if name not in self._tools:
            self._tools[name] = tool_fingerprint(TOOL_FINDERS[name]())
        return self._tools[name]

    def tool_missing(self, path: str) -> bool:
        """Whether ``path``'s format needs an outside program that is not installed."""
        name = TOOLS_BY_SUFFIX.get(Path(path).suffix.lower())
        return name is not None and self.tool(name) == "missing"

    def key(self, path: str) -> str:
        """What besides the content and the code decides ``path``'s result."""
        suffix = Path(path).suffix.lower()
        parts = [self.version]
        if suffix in PASSWORD_SUFFIXES and self._password:
            parts.append(f"pw={self._password}")
        name = TOOLS_BY_SUFFIX.get(suffix)
        if name is not None:
            parts.append(f"{name}={self.tool(name)}")
        return "|".join(parts)

    def _entry(self, content_hash: str, path: str) -> Path:
        key = hashlib.sha256(f"{content_hash}:{self.key(path)}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, content_hash: str, path: str) -> FileResult | None:
        try:
            data = json.loads(self._entry(content_hash, path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return _from_json(data, path)

    def put(self, content_hash: str, result: FileResult) -> None:
        try:
            with atomic_path(self._entry(content_hash, result.path)) as tmp:
                tmp.write_text(json.dumps(_to_json(result), ensure_ascii=False), encoding="utf-8")
        except WriterError:
            pass  # a cache that cannot be written only costs time


def _to_json(result: FileResult) -> dict:
    rows = []
    for row in result.rows:
        data = row.to_dict()
        data.pop("source")
        rows.append(data)
    return {
        "format": result.format,
        "pages": result.pages,
        "tables": result.tables,
        "rows": rows,
        "issues": [[i.level, i.reason] for i in result.issues],
    }


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
        return FileResult(
            path=path,
            format=data["format"],
            rows=rows,
            issues=issues,
            pages=data["pages"],
            tables=data["tables"],
            cached=True,
        )
    except (KeyError, TypeError, ValueError):
        return None
