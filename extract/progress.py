"""The progress bar (tqdm) shown on a terminal: files, pages, rows, errors, rate and ETA."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from .records import FileResult


class ProgressBar:
    """A context manager; when disabled every method is a no-op and messages print as plain lines."""

    def __init__(self, files: Sequence, *, enabled: bool, stream: IO[str]) -> None:
        self.stream = stream
        self.enabled = enabled and len(files) > 0
        self.pages = self.rows = self.errors = 0
        self._bar = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=len(files), unit="file", file=stream, dynamic_ncols=True, leave=False)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, result: FileResult) -> None:
        self.pages += result.pages or 0
        self.rows += len(result.rows)
        self.errors += result.failed
        if self._bar is not None:
            self._bar.set_postfix(pages=self.pages, rows=self.rows, errors=self.errors, refresh=False)
            self._bar.update(1)

    def write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream)
