"""Timescales that hold no date: the keyword forms ("Ongoing", "Annually", "Complete", "TBC", "N/A", ...)."""

from __future__ import annotations

import re

from .periods import (
    NOTE_AMBIGUOUS,
    NOTE_COMPLETE,
    NOTE_IMMEDIATE,
    NOTE_NA,
    NOTE_NONE,
    NOTE_ONGOING,
    NOTE_RECURRING,
    NOTE_TBC,
)

_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), note)
    for p, note in (
        (r"^(?:[-–—_.]+|none|nil|no timescale)$", NOTE_NONE),
        (r"\b(?:tbc|tba|tbd|to be (?:confirmed|agreed|determined|decided|arranged))\b", NOTE_TBC),
        (r"^(?:n/?a|not applicable)$", NOTE_NA),
        (r"\b(?:not\s+(?:yet\s+)?complete[d]?|incomplete)\b", ""),  # guard: a negated "complete" is not done
        (
            r"\b(?:to|will|should|must|shall)\s+be\s+(?:complete[d]?|done|achieved|implemented|delivered|finished|"
            r"in place|closed)\b",
            "",
        ),  # guard: nor is a future one
        (r"\b(?:complete[d]?|done|achieved|implemented|in place|closed|delivered|finished)\b", NOTE_COMPLETE),
        (r"\b(?:immediate(?:ly)?|asap|as soon as possible|straight ?away)\b|^now$", NOTE_IMMEDIATE),
        (
            r"\b(?:annual(?:ly)?|yearly|quarterly|monthly|weekly|fortnightly|bi-?annual(?:ly)?|six[- ]monthly|"
            r"(?:each|every) (?:year|quarter|month|week|meeting))\b",
            NOTE_RECURRING,
        ),
        (
            r"\b(?:on[- ]?going|continuous(?:ly)?|continual(?:ly)?|continuing|rolling|business as usual|bau|"
            r"as (?:and when )?required|permanent)\b",
            NOTE_ONGOING,
        ),
        (r"\b(?:short|medium|long)[- ]term\b", NOTE_AMBIGUOUS),
    )
)


def keyword_note(text: str) -> str:
    """The note for a timescale that holds no date ("" when none of the keywords is there)."""
    for pattern, note in _KEYWORDS:
        if pattern.search(text):
            return note
    return ""
