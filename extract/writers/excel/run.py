"""This run (its results and keyed rows) and what it did to the tracker (rows added, updated, gone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ...records import FileResult
from ..changes import Changes
from ..keys import KeyedRow, keyed_rows


class TrackerReport(Changes):
    """What a run did to the tracker: rows added, updated (a cell refreshed), unchanged, gone; the backup."""

    first_time = "new tracker"


@dataclass
class Run:
    """This run: its results, their keyed rows and the papers they came from."""

    results: list[FileResult]
    command: str
    when: datetime
    folder: Path  # the tracker's folder, for relative links to sources
    as_of: date | None = None  # the date Overdue is judged on (None: each row's meeting date)
    tracked: list[KeyedRow] = field(init=False)
    papers: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tracked = keyed_rows(self.results)
        self.papers = {item.paper for item in self.tracked}

    @property
    def today(self) -> date:
        return self.when.date()
