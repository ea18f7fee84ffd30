"""What linking works on: :class:`Entry` (one recommendation row), :class:`History` (one recommendation
followed across reports) and the thresholds of the linking."""

from __future__ import annotations

from dataclasses import dataclass, fields

ID_LENGTH = 12
STRONG = 0.75  # wording similarity that counts as the same recommendation when telling reviews apart
LINK = 0.6  # wording similarity for a row to join a recommendation reported before
LINK_SAME_NUMBER = 0.45  # ... when it has the same rec_id
NUMBER_CONFLICT = 0.7  # similarity kept when two wordings' figures disagree
NUMBER_BONUS = 0.08  # added to the score of a candidate with the same rec_id (breaks near-ties)
MAX_GAP_DAYS = 731  # two reports further apart are linked only through the reports between them
HISTORY_WINDOW = 3  # a recommendation's wordings compared with a new row: its last three
STALLED_REPORTS = 3  # the same open status in this many reports in a row: stalled
OPEN_STATUSES = frozenset({"in_progress", "delayed", "not_started"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What linking needs from one recommendation row (one per row key)."""

    key: str  # the row key (extract.rowkeys): paper, table, rec_id
    paper: str  # the paper id part of the key
    committee: str
    meeting_date: str  # YYYY-MM-DD or ""
    title: str
    section: str  # the heading above the table
    table_index: int
    position: int  # 1-based order of the row in its table
    rec_id: str
    recommendation: str
    review: str = ""  # the review named in the table's own column ("Review", "Scrutiny review"), if any
    status: str = "unknown"  # status_norm
    responsible: str = ""


ENTRY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Entry))


@dataclass(frozen=True, slots=True)
class History:
    """One recommendation followed across reports."""

    history_id: str
    review: str
    committee: str
    recommendation: str  # the latest wording
    rec_id: str  # the latest number
    responsible: str  # the latest owner given
    first_meeting: str
    last_meeting: str
    reports: int  # reports (meetings) that give the recommendation
    trail: str  # "2023-04 in_progress → 2023-10 in_progress → 2024-04 complete"
    latest_status: str
    days_to_complete: int | None  # from the first report to the first that says complete
    stalled: bool  # the same open status in three reports in a row
    keys: tuple[str, ...]  # the row keys, in report order
