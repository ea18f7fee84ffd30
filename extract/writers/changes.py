"""What a run did to an output that merges rows by key (the Excel tracker, the SQLite store): rows added,
updated, unchanged and gone, and where the file as it was before the run is kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar


def backup_path(path: Path) -> Path:
    """Where the file as it was before a run is kept: ``tracker.xlsx`` → ``tracker.bak.xlsx``."""
    return path.with_name(f"{path.stem}.bak{path.suffix}")


@dataclass
class Changes:
    """Rows added, updated (a value refreshed), unchanged, gone (rows of the papers read in this run that are
    no longer in them); the backup (None: there was no file before). Printed as the CLI's report line."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    gone: int = 0
    backup: Path | None = None

    first_time: ClassVar[str] = "new file"  # said instead of the backup when the run made the file

    def __str__(self) -> str:
        backup = f"backup {self.backup.name}" if self.backup else self.first_time
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.gone} gone, {backup}"
