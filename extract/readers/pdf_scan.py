"""A cheap first pass over a long PDF with pypdfium2, to choose the pages worth parsing in full.

A tracking table is drawn with ruling lines and its header names a recommendation
column, so a page is a candidate when it has path objects (lines, rectangles) and
tracking-table words. The reader then parses the candidates in full with pdfplumber,
plus each following page with rulings while tables continue. Other pages give only
their text lines, for metadata and for the headings between tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text import tidy_line
from ..vocab import heads_tracking_table

_MIN_PATHS = 4  # a ruled table has at least this many path objects
_FIELD_WORDS = re.compile(
    r"progress|update|actiontaken|responsib|resib|officer|lead|owner|who|timescale|target|"
    r"deadline|when|due|status|rag|comment|response"
)


def _header_line(line: str) -> bool:
    """A short line of capitalised labels naming a recommendation column and another (a borderless header)."""
    words = line.split()
    if not 2 <= len(words) <= 10 or not heads_tracking_table(line):
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return capitalised >= 0.7 * len(words) and bool(_FIELD_WORDS.search(line.casefold().replace(" ", "")))


@dataclass(slots=True)
class PagePlan:
    """Per page (1-based): whether it has rulings, whether it is a candidate, and its text lines."""

    ruled: dict[int, bool] = field(default_factory=dict)
    candidate: dict[int, bool] = field(default_factory=dict)
    text: dict[int, list[str]] = field(default_factory=dict)

    def wanted(self, number: int, follows_table: bool, borderless_runs_on: bool = False) -> bool:
        """Parse this page in full? Candidates, ruled pages after a table, any page a borderless table runs onto."""
        return (
            self.candidate.get(number, True) or (follows_table and self.ruled.get(number, True)) or borderless_runs_on
        )

    def lines(self, number: int) -> list[str]:
        return self.text.get(number, [])


def scan_pages(path: str | Path, password: str | None = None, pages: range | None = None) -> PagePlan | None:
    """The plan for ``path`` (for ``pages``, 1-based, when given), or None when pypdfium2 cannot read it (then
    every page is parsed)."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:
        return None
    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except Exception:  # noqa: BLE001 - the plan is only a shortcut: whatever pdfium fails on, parse every page
        return None
    plan = PagePlan()
    try:
        for index in range(len(pdf)) if pages is None else [n - 1 for n in pages if 0 < n <= len(pdf)]:
            page = pdf[index]
            paths = 0
            for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
                paths += 1
                if paths >= _MIN_PATHS:
                    break
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            number = index + 1
            squashed = re.sub(r"\s+", "", text).casefold()
            plan.ruled[number] = paths >= _MIN_PATHS
            lines = [t for t in (tidy_line(line) for line in text.splitlines()) if t]
            ruled_candidate = plan.ruled[number] and (
                ("recommend" in squashed and bool(_FIELD_WORDS.search(squashed)))
                or any(heads_tracking_table(f"{a} {b}") for a, b in zip(lines, [*lines[1:], ""], strict=True))
            )
            plan.candidate[number] = ruled_candidate or any(_header_line(line) for line in lines)
            plan.text[number] = lines
    except Exception:  # noqa: BLE001 - the plan is only a shortcut: whatever pdfium fails on, parse every page
        return None
    finally:
        pdf.close()
    return plan
