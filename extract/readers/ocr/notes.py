"""The warnings an OCR'd document carries, one per kind, naming its pages and updated as pages are read: the
pages read by OCR (with the mean word confidence), the pages of a long paper skipped for want of a ruled
table, the pages skipped because their image shows no text (a photo, a drawing, a blank page: ``NOTES``,
messages that explain rather than warn, kept in the document's notes and shown as ``note:``) and the pages
whose OCR failed (with the first failure's reason)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Document

_READ = "read by OCR (no text layer): "
_SKIPPED = "no text layer and no ruled table, not read (long paper): "
_NO_TEXT = "no text layer and no text seen in the image (a photo, drawing or blank page), not read: "
_FAILED = "OCR failed, not read: "
NOTES = (_NO_TEXT,)  # the kinds of message that are notes, not warnings
_PAGES_RE = re.compile(r"^pages? ([\d, -]+)")
_REASON_RE = re.compile(r"^pages? [\d, -]+; (.*)$")
_MEAN_RE = re.compile(r"mean word confidence (\d+)% over (\d+) words")


def _note(doc: Document, kind: str, number: int, confidences: Sequence[float] = (), reason: str = "") -> None:
    """Keep one message per kind and document, naming its pages (and for OCR'd pages the mean word
    confidence, 0–100; for failed pages the first ``reason``), updated as pages are read: in ``doc.notes`` for
    the kinds in ``NOTES``, else in ``doc.warnings``."""
    messages = doc.notes if kind in NOTES else doc.warnings
    pages, total, count = [number], sum(confidences), len(confidences)
    for i, warning in enumerate(messages):
        if warning.startswith(kind):
            rest = warning[len(kind) :]
            listed = _PAGES_RE.match(rest)
            if listed:
                pages = _parse_pages(listed.group(1)) + pages
            mean = _MEAN_RE.search(rest)
            if mean:
                total += int(mean.group(1)) * int(mean.group(2))
                count += int(mean.group(2))
            earlier = _REASON_RE.match(rest)
            if earlier:
                reason = earlier.group(1)
            del messages[i]
            break
    text = kind + ("page " if len(pages) == 1 else "pages ") + _format_pages(pages)
    if kind == _READ:
        text += f"; mean word confidence {total / count if count else 0:.0f}% over {count} words; check the rows"
    elif reason:
        text += f"; {reason}"
    messages.append(text)


def _format_pages(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _parse_pages(text: str) -> list[int]:
    pages: list[int] = []
    for part in text.split(", "):
        first, _, last = part.partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    return pages
