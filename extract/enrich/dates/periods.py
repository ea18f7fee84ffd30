"""What the date rules share: month names, the notes, :class:`Due` and calendar arithmetic."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)

# Notes: why there is no date (or where a date came from).
NOTE_NONE = "no timescale"
NOTE_ONGOING = "ongoing"
NOTE_RECURRING = "recurring"
NOTE_COMPLETE = "complete"
NOTE_IMMEDIATE = "immediate"
NOTE_TBC = "to be confirmed"
NOTE_NA = "not applicable"
NOTE_AMBIGUOUS = "ambiguous"
NOTE_NO_MEETING = "no meeting date"
NOTE_UNPARSED = "unparsed"
NOTE_INVALID = "invalid date"
NOTE_RELATIVE = "relative to meeting date"
NOTE_YEAR_FROM_MEETING = "year from meeting date"


@dataclass(frozen=True, slots=True)
class Due:
    """A parsed timescale: ``date`` (or None) and ``note``."""

    date: date | None
    note: str = ""

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


# ---------------------------------------------------------------- calendar helpers


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    """A year written with 4 digits, 2 digits or an apostrophe ('17 → 2017; 70–99 → 19xx)."""
    digits = text.lstrip("'’")
    value = int(digits)
    if len(digits) <= 2:
        value += 1900 if value >= 70 else 2000
    return value


def _fy_second(first: int, second: str) -> int | None:
    """The closing year of a financial year written ``first/second`` if the years are consecutive."""
    value = int(second)
    if len(second) == 2:
        value = first - first % 100 + value
        if value < first:
            value += 100
    return value if value == first + 1 else None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def financial_year_start(day: date) -> int:
    """The year in which the financial year containing ``day`` starts (April)."""
    return day.year if day.month >= 4 else day.year - 1


def municipal_year_start(day: date) -> int:
    """The year in which the municipal year containing ``day`` starts (May)."""
    return day.year if day.month >= 5 else day.year - 1


def quarter_end(day: date) -> date:
    month = ((day.month - 1) // 3 + 1) * 3
    return month_end(day.year, month)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
