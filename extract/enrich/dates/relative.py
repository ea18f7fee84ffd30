"""Relative timescales ("by the end of the year", "next financial year", "within six months"), resolved against
the paper's meeting date: each phrase's pattern and, in a dispatch table, how its date follows from the
meeting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from .periods import (
    NOTE_NO_MEETING,
    NOTE_RELATIVE,
    Due,
    add_months,
    financial_year_start,
    month_end,
    municipal_year_start,
    quarter_end,
)

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty four": 24,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four)"


def _n(word: str) -> int:
    word = word.lower().replace("-", " ")
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


_RELATIVE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), key)
    for p, key in (
        (r"\bnext\s+municipal\s+year\b", "next_municipal"),
        (r"\b(?:this|current|the)?\s*municipal\s+year\b", "this_municipal"),
        (r"\bnext\s+financial\s+year\b", "next_fy"),
        (r"\b(?:financial\s+year(?:[- ]end)?|fy[- ]end|year[- ]end)\b", "this_fy"),
        (r"\bnext\s+(?:calendar\s+)?year\b", "next_year"),
        (
            r"\b(?:end\s+of\s+(?:the\s+)?(?:calendar\s+)?year|this\s+(?:calendar\s+)?year|current\s+year|"
            r"by\s+the\s+end\s+of\s+the\s+year)\b",
            "this_year",
        ),
        (r"\bnext\s+quarter\b", "next_quarter"),
        (r"\b(?:this|current|end\s+of\s+(?:the\s+)?)\s*quarter\b", "this_quarter"),
        (r"\bnext\s+month\b", "next_month"),
        (r"\b(?:this|current|end\s+of\s+(?:the\s+)?)\s*month\b", "this_month"),
        (
            r"\b(?:within|in|over|after)\s+(?:the\s+next\s+)?(?P<n>"
            + _NUM
            + r")\s+(?P<unit>days?|weeks?|months?|years?)"
            r"(?:['’]?\s*time)?\b",
            "within",
        ),
        (r"\b(?:within|in)\s+(?:a|the)\s+(?:next\s+)?(?P<unit>year|month|week)\b", "within_one"),
        (r"^(?P<n>\d{1,2}|" + _NUM + r")\s+(?P<unit>weeks?|months?|years?)$", "within"),
    )
)


def _next_month(meeting: date) -> date:
    nxt = add_months(meeting.replace(day=1), 1)
    return month_end(nxt.year, nxt.month)


# key -> the date a phrase that names a fixed period gives, from the meeting date
_PERIOD_END: dict[str, Callable[[date], date]] = {
    "next_municipal": lambda meeting: date(municipal_year_start(meeting) + 2, 5, 31),
    "this_municipal": lambda meeting: date(municipal_year_start(meeting) + 1, 5, 31),
    "next_fy": lambda meeting: date(financial_year_start(meeting) + 2, 3, 31),
    "this_fy": lambda meeting: date(financial_year_start(meeting) + 1, 3, 31),
    "next_year": lambda meeting: date(meeting.year + 1, 12, 31),
    "this_year": lambda meeting: date(meeting.year, 12, 31),
    "next_quarter": lambda meeting: quarter_end(add_months(quarter_end(meeting), 1)),
    "this_quarter": quarter_end,
    "next_month": _next_month,
    "this_month": lambda meeting: month_end(meeting.year, meeting.month),
}

# unit of "within N units" -> the meeting date moved on by N of them
_AFTER: dict[str, Callable[[date, int], date]] = {
    "day": lambda meeting, n: meeting + timedelta(days=n),
    "week": lambda meeting, n: meeting + timedelta(weeks=n),
    "month": add_months,
    "year": lambda meeting, n: add_months(meeting, 12 * n),
}


def _relative(text: str, meeting: date | None) -> Due | None:
    for pattern, key in _RELATIVE:
        m = pattern.search(text)
        if not m:
            continue
        if meeting is None:
            return Due(None, NOTE_NO_MEETING)
        period_end = _PERIOD_END.get(key)
        if period_end is not None:
            return Due(period_end(meeting), NOTE_RELATIVE)
        unit = m.group("unit").lower().rstrip("s")
        n = 1 if key == "within_one" else _n(m.group("n"))
        return Due(_AFTER[unit](meeting, n), NOTE_RELATIVE)
    return None
