"""Cell values: what rectrack writes for a row, and sheet values as comparable text, statuses and dates."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from ...palette import status_label
from ...records import Recommendation
from ..keys import KeyedRow
from . import extra
from .cells import _clean_text
from .styles import OVERDUE_TEXT, STATUSES


def canon(value: object) -> str:
    """A cell value as comparable text (what the hidden sheet stores)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same(a: str, b: str) -> bool:
    """Equal but for spacing and line ends (which spreadsheet programs may change on saving)."""
    return a.split() == b.split()


def _as_date(text: str | None) -> date | str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def display_status(row: Recommendation) -> str:
    """The normalised status as its label ("In progress"): always one of the drop-down's values (the paper's words
    are in "Status in paper"). :func:`_status_bucket` reads a label back as the status."""
    return status_label(row.status_norm if row.status_norm in STATUSES else "unknown")


def _pages(row: Recommendation) -> str:
    if row.page_first is None:
        return ""
    if row.page_last is None or row.page_last == row.page_first:
        return f", p. {row.page_first}"
    return f", pp. {row.page_first}–{row.page_last}"


def source_label(row: Recommendation) -> str:
    return Path(row.source).name + _pages(row)


def link_target(source: str, folder: Path) -> str:
    """A link to ``source`` relative to the tracker's folder (so the two can move together)."""
    target = Path(source).resolve()
    try:
        relative = os.path.relpath(target, folder)
    except ValueError:  # another drive (Windows)
        return target.as_uri()
    return quote(Path(relative).as_posix(), safe="/")


def row_values(item: KeyedRow) -> dict[str, object]:
    """The values rectrack writes in its tracked columns for one row."""
    row = item.row
    values = {
        "committee": row.committee,
        "meeting_date": _as_date(row.meeting_date),
        "title": row.title,
        "section": row.section,
        "rec_id": row.rec_id,
        "recommendation": row.recommendation,
        "progress": row.progress,
        "responsible": row.responsible,
        "timescale": row.timescale,
        "due_date": _as_date(row.due_date),
        "status": display_status(row),
        "status_paper": row.status,
        "accepted": row.accepted,
        "rag": row.rag,
        "overdue": OVERDUE_TEXT[row.overdue],
        "owners": "; ".join(str(o.get("name", "")) for o in row.owners if o.get("name")),
        "source": source_label(row),
        "other_sources": "\n".join(source_label(v) for v in item.variants[1:]),
        "history_id": row.history_id,
        **check_values(item),
        **extra.row_extra(row),
    }
    return {name: _clean_text(v) if isinstance(v, str) else v for name, v in values.items()}


def check_values(item: KeyedRow) -> dict[str, object]:
    """Check ("yes" when the row's confidence is under the threshold) and Confidence (a plain number)."""
    from ...confidence import merged, needs_check

    confidence, _ = merged(item.variants)
    return {"check": "yes" if needs_check(confidence) else "no", "confidence": confidence}


def _status_bucket(value: str) -> str:
    token = re.sub(r"[\s-]+", "_", value.strip().casefold())
    return token if token in STATUSES else "unknown"


def _cell_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
