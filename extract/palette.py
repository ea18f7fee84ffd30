"""The status palette: one colour per normalised status, shared by the tracker (cell colours and its Summary
chart) and the notebook's plots, with the label a reader sees ("In progress", not ``in_progress``).

Plain data, no imports beyond the standard library, so a plotting script can use it without loading rectrack's
readers or openpyxl.

Each status has one hue in three strengths: ``strong`` for chart bars and legends, ``fill`` (a light tint)
behind a tracker cell and ``text`` (a dark shade) for the writing on that fill. Colours are ``RRGGBB`` hex
without ``#``; :func:`hex_colour` adds it for matplotlib. Status colours never borrow a RAG colour for a status
that is not that rating: ``in_progress`` may be rated Green or Amber, so it is blue, not amber, and the Status
and RAG cells of a row never contradict each other. ``not_accepted`` is a dark brown, clear on white and on
the tracker's banding; ``unknown`` is the only grey.
"""

from __future__ import annotations

from typing import NamedTuple


class StatusColour(NamedTuple):
    label: str
    strong: str  # chart bars, legend swatches
    fill: str  # tracker cell background
    text: str  # tracker cell text, on ``fill``


STATUSES = ("complete", "in_progress", "ongoing", "delayed", "not_started", "not_accepted", "unknown")

PALETTE: dict[str, StatusColour] = {
    "complete": StatusColour("Complete", "2E7D32", "C6EFCE", "006100"),
    "in_progress": StatusColour("In progress", "1F77B4", "DDEBF7", "1F4E78"),
    "ongoing": StatusColour("Ongoing", "17A2B8", "D5F0F3", "0B5560"),
    "delayed": StatusColour("Delayed", "C62828", "FFC7CE", "9C0006"),
    "not_started": StatusColour("Not started", "7E57C2", "E4DFEC", "4B2C86"),
    "not_accepted": StatusColour("Not accepted", "6D4C41", "E0CFC4", "4E342E"),
    "unknown": StatusColour("Unknown", "B0B0B0", "", "595959"),  # no fill: grey text only
}

RAG_PALETTE: dict[str, StatusColour] = {
    "red": StatusColour("Red", "C62828", "FFC7CE", "9C0006"),
    "amber": StatusColour("Amber", "F0A202", "FFEB9C", "9C5700"),
    "green": StatusColour("Green", "2E7D32", "C6EFCE", "006100"),
}


def status_label(status: str) -> str:
    """The reader's name of a status: ``in_progress`` → "In progress"; other words as they are."""
    colour = PALETTE.get(status)
    return colour.label if colour else status


def hex_colour(rrggbb: str) -> str:
    """``RRGGBB`` as ``#RRGGBB`` (matplotlib, HTML)."""
    return f"#{rrggbb}"
