"""The output schema: one :class:`Recommendation` per row, and per-file results.

``FIELDS`` is the column order of every writer. The first ten keys are the scoring
contract (source, rec_id … title); the rest are provenance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Recommendation:
    source: str
    rec_id: str
    recommendation: str
    progress: str
    responsible: str
    timescale: str
    status: str
    committee: str
    meeting_date: str
    title: str
    accepted: str = ""  # response tables: the "Accepted?" column as written
    report_of: str = ""
    format: str = ""
    table_index: int = 0
    section: str = ""
    page_first: int | None = None
    page_last: int | None = None
    status_fill: str = ""  # shading of the row's status cell (RRGGBB), where the paper colours it
    ocr: bool = False  # read from a scanned page by OCR
    ocr_confidence: float | None = None  # OCR: mean word confidence of its cells, 0-1
    # -- enrichment (extract.enrich): meaning added beside the paper's own text --
    due_date: str | None = None
    due_date_note: str = ""
    status_norm: str = "unknown"
    status_source: str = "none"
    rag: str = ""
    overdue: bool | None = None  # None: not known (the status is unknown, or there is no date to judge by)
    owners: tuple[dict, ...] = ()
    mentions: tuple[dict, ...] = ()
    # the table's other columns ("Meeting Date", "Cabinet Member", ...): (header text, cell text) pairs
    extra: tuple[tuple[str, str], ...] = ()
    status_evidence: str = ""  # the sentence or cell that decided status_norm
    # the same value on every row, across papers, that reports on the same recommendation (extract.history)
    history_id: str = ""
    # how sure rectrack is of the row, 0-1 (extract.confidence), and what lowered it
    confidence: float | None = None
    confidence_reason: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["owners"] = [dict(o) for o in self.owners]
        data["mentions"] = [dict(m) for m in self.mentions]
        data["extra"] = dict(self.extra)
        return data


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Recommendation))
LIST_FIELDS = frozenset({"owners", "mentions", "extra"})


def flat_dict(row: Recommendation) -> dict:
    """``row.to_dict()`` with list fields as JSON text, for flat formats (CSV, SQLite, Parquet, Excel)."""
    import json

    data = row.to_dict()
    for name in LIST_FIELDS:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    return data


@dataclass(slots=True)
class Issue:
    """A problem met with one file: ``level`` is "error", "warning" or "note". ``cacheable`` is False for a
    failure that says more about the run than about the file (a limit reached, a program missing: see
    :mod:`extract.errors`), which the result cache must not keep."""

    level: str
    path: str
    reason: str
    cacheable: bool = True

    def __str__(self) -> str:
        return f"{self.level}: {printable(self.path)}: {printable(self.reason)}"


def printable(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(slots=True)
class FileResult:
    """What one input file gave: its rows, or the error that stopped it, and any notes."""

    path: str
    format: str = ""
    rows: list[Recommendation] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    pages: int | None = None
    tables: int = 0  # tracking tables found
    cached: bool = False

    @property
    def failed(self) -> bool:
        return any(i.level == "error" for i in self.issues)

    @property
    def error(self) -> str:
        return next((i.reason for i in self.issues if i.level == "error"), "")
