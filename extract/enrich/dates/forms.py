"""Date expressions in a timescale: each form's pattern (searched in order, each span used once) and, in a
dispatch table, the reader that turns its match into a date; month-only ends of ranges and months without a
year resolved."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .periods import (
    _MON,
    MONTHS,
    NOTE_AMBIGUOUS,
    NOTE_INVALID,
    NOTE_NO_MEETING,
    NOTE_YEAR_FROM_MEETING,
    _fy_second,
    _valid,
    _year,
    month_end,
)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    date: date | None  # None: ambiguous
    note: str = ""
    month: int | None = None  # set for a month without a year (ranges borrow a year)
    day: int | None = None
    needs_year: bool = False


_SEASON_END = {"spring": (5, 0), "summer": (8, 0), "autumn": (11, 0), "fall": (11, 0), "winter": (2, 1)}
_YEAR_PART = {
    "early": (4, None),
    "start of": (4, None),
    "beginning of": (4, None),
    "mid": (8, None),
    "middle of": (8, None),
    "late": (12, None),
    "end of": (12, None),
    "end": (12, None),
    "close of": (12, None),
}
_MONTH_PART = {"early": 10, "start of": 10, "beginning of": 10, "mid": 20, "middle of": 20}

_Y4 = r"(?:19|20)\d{2}"
_QUAL = r"(?P<qual>early|start of|beginning of|mid|middle of|late|end of|close of|end)"

# (name, pattern); searched in this order, each span used once.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.I))
    for name, p in (
        ("iso", r"\b(?P<y>" + _Y4 + r")-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        ("dmy_num", r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.-])"),
        (
            "fy_quarter",
            r"\b(?:q|quarter\s*)(?P<q>[1-4])\b\s*(?:of\s+)?(?:fy\s*|financial\s+year\s+)?"
            r"(?P<y1>" + _Y4 + r"|\d{2})\s*[/-]\s*(?P<y2>\d{4}|\d{2})\b",
        ),
        (
            "fy_quarter_after",
            r"\b(?:fy\s*)?(?P<y1>" + _Y4 + r")\s*[/-]\s*(?P<y2>\d{4}|\d{2})\s*,?\s*"
            r"(?:q|quarter\s*)(?P<q>[1-4])\b",
        ),
        (
            "quarter_word",
            r"\b(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
            r"(?P<fy>(?:the\s+)?(?:fy\s*|financial\s+year\s+)?)(?P<y1>" + _Y4 + r")"
            r"(?:\s*[/-]\s*(?P<y2>\d{4}|\d{2}))?\b",
        ),
        ("cal_quarter", r"\b(?:q|quarter\s*)(?P<q>[1-4])\s*(?:of\s+)?(?P<y>" + _Y4 + r")\b"),
        (
            "half",
            r"\b(?:(?P<hw>first|second|1st|2nd)\s+half\s+(?:of\s+)?|h(?P<h>[12])\s*)(?P<y1>" + _Y4 + r")"
            r"(?:\s*[/-]\s*(?P<y2>\d{4}|\d{2}))?\b",
        ),
        (
            "season",
            r"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?P<y1>" + _Y4 + r"|'\d{2})"
            r"(?:\s*[/-]\s*(?P<y2>\d{4}|\d{2})\b)?",
        ),
        (
            "dmy_text",
            r"\b(?:" + _QUAL.replace("?P<qual>", "?:") + r"\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            r"(?P<mon>" + _MON + r")\s*,?\s*(?P<y>" + _Y4 + r"|'\d{2}|\d{2}(?!\d))?\b(?![/.]\d)",
        ),
        ("mdy_text", r"\b(?P<mon>" + _MON + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<y>" + _Y4 + r")\b"),
        (
            "mon_year",
            r"\b(?:" + _QUAL + r"\s+(?:of\s+)?)?(?P<mon>" + _MON + r")(?:\s*,?\s*|\s*[-'’]\s*|-)"
            r"(?P<y>" + _Y4 + r"\b|'\d{2}\b|’\d{2}\b|(?<=-)\d{2}\b)",
        ),
        ("mon_day", r"\b(?P<mon>" + _MON + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?![/.]\d)"),
        ("mm_yyyy", r"(?<![\d/.-])(?P<m>\d{1,2})[/.](?P<y>" + _Y4 + r")(?![\d/.-])"),
        (
            "fy",
            r"\b(?:(?:end\s+of\s+)?(?:the\s+)?(?:fy\s*|financial\s+year\s+))?(?P<y1>" + _Y4 + r")"
            r"(?P<sp>\s*)(?P<sep>[/-]|–)(?P<sp2>\s*)(?P<y2>\d{4}|\d{2})\b",
        ),
        ("dm_num", r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/.-])"),
        ("quarter_only", r"\b(?:q|quarter\s*)[1-4]\b"),
        (
            "year",
            r"\b(?:"
            + _QUAL
            + r"\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?)?(?:(?:calendar\s+)?year\s+)?(?P<y>"
            + _Y4
            + r")\b",
        ),
        ("mon", r"\b(?:" + _QUAL + r"\s+(?:of\s+)?)?(?P<mon>" + _MON + r")(?![a-z])"),
    )
)

_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru|and|&|/)\s*$", re.I)

# ---------------------------------------------------------------- one reader per form
# Each takes the match's span and named groups and gives what the form says (None: not a date after all).

_Groups = dict[str, Any]
_FY_QUARTER_END = {1: 6, 2: 9, 3: 12, 4: 3}  # financial quarters: Q1 Apr–Jun ... Q4 Jan–Mar (of the next year)
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _fy_quarter_end(y1: int, q: int) -> date:
    return month_end(y1 + (1 if q == 4 else 0), _FY_QUARTER_END[q])


def _iso(start: int, end: int, g: _Groups) -> _Found | None:
    day = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
    return _Found(start, end, day, NOTE_INVALID if day is None else "")


def _dmy_num(start: int, end: int, g: _Groups) -> _Found | None:
    year = _year(g["y"])
    day = _valid(year, int(g["m"]), int(g["d"]))
    if day is None:  # "03/13/2018" may be month first: ambiguous, not guessed; "30/02/2016" is invalid
        return _Found(start, end, None, NOTE_AMBIGUOUS if _valid(year, int(g["d"]), int(g["m"])) else NOTE_INVALID)
    return _Found(start, end, day)


def _fy_quarter(start: int, end: int, g: _Groups) -> _Found | None:
    y1 = _year(g["y1"])
    if _fy_second(y1, g["y2"]) is None:
        return _Found(start, end, None)
    return _Found(start, end, _fy_quarter_end(y1, int(g["q"])))


def _quarter_word(start: int, end: int, g: _Groups) -> _Found | None:
    q = _QUARTER_WORDS[g["qw"].lower()]
    y1 = int(g["y1"])
    if not g["y2"] or _fy_second(y1, g["y2"]) is None:
        return _Found(start, end, None)  # "third quarter of 2019": calendar or financial? not guessed
    return _Found(start, end, _fy_quarter_end(y1, q))


def _undated(start: int, end: int, g: _Groups) -> _Found | None:
    """A form that is never read as a date: "Q3 2019" (calendar, Jul–Sep, or financial, Oct–Dec?), "March 17"
    (17 March, or March 2017?), "Q3" (of which year?)."""
    return _Found(start, end, None)


def _half(start: int, end: int, g: _Groups) -> _Found | None:
    h = int(g["h"]) if g["h"] else (1 if g["hw"].lower() in ("first", "1st") else 2)
    y1 = int(g["y1"])
    if g["y2"]:
        if _fy_second(y1, g["y2"]) is None:
            return _Found(start, end, None)
        return _Found(start, end, month_end(y1, 9) if h == 1 else month_end(y1 + 1, 3))
    return _Found(start, end, month_end(y1, 6) if h == 1 else month_end(y1, 12))


def _season(start: int, end: int, g: _Groups) -> _Found | None:
    y1 = _year(g["y1"])
    season = g["s"].lower()
    month, shift = _SEASON_END[season]
    if season == "winter" and g["y2"]:
        second = _fy_second(y1, g["y2"])
        if second is None:
            return _Found(start, end, None)
    return _Found(start, end, month_end(y1 + shift, month))


def _day_month_text(start: int, end: int, g: _Groups) -> _Found | None:
    month = MONTHS[g["mon"].lower().rstrip(".")]
    day_n = int(g["d"])
    if not g.get("y"):
        if _valid(2000, month, day_n) is None:  # 2000 is a leap year: 29 February passes
            return _Found(start, end, None, NOTE_INVALID)
        return _Found(start, end, None, month=month, day=day_n, needs_year=True)
    day = _valid(_year(g["y"]), month, day_n)
    return _Found(start, end, day, "" if day else NOTE_INVALID)


def _mon_year(start: int, end: int, g: _Groups) -> _Found | None:
    month = MONTHS[g["mon"].lower().rstrip(".")]
    year = _year(g["y"])
    qual = (g.get("qual") or "").lower()
    if qual in _MONTH_PART:
        return _Found(start, end, date(year, month, _MONTH_PART[qual]))
    return _Found(start, end, month_end(year, month))


def _mm_yyyy(start: int, end: int, g: _Groups) -> _Found | None:
    month = int(g["m"])
    return _Found(start, end, month_end(int(g["y"]), month) if 1 <= month <= 12 else None)


def _fy(start: int, end: int, g: _Groups) -> _Found | None:
    y1 = int(g["y1"])
    y2 = g["y2"]
    spaced = bool(g["sp"] or g["sp2"]) or g["sep"] == "–"
    second = _fy_second(y1, y2)
    if g["sep"] == "/" and second is None:
        return _Found(start, end, None)
    if len(y2) == 4 and (spaced or second is None):
        # "2015 – 2017": a range of calendar years → the end of the last
        if int(y2) > y1:
            return _Found(start, end, date(int(y2), 12, 31))
        return _Found(start, end, None)
    if second is None:
        return _Found(start, end, None)
    return _Found(start, end, date(second, 3, 31))


def _dm_num(start: int, end: int, g: _Groups) -> _Found | None:
    a, b = int(g["a"]), int(g["b"])
    if len(g["a"]) == len(g["b"]) == 2 and b == (a + 1) % 100 and a > 12:
        return _Found(start, end, date(_year(g["b"]), 3, 31))  # "16/17": no month 16 or 17: a financial year
    return _Found(start, end, None)  # "03/04": 3 April? March 2004? financial year 2003/04? not guessed


def _whole_year(start: int, end: int, g: _Groups) -> _Found | None:
    year = int(g["y"])
    qual = (g.get("qual") or "").lower()
    month = _YEAR_PART.get(qual, (12, None))[0]
    return _Found(start, end, month_end(year, month))


def _month(start: int, end: int, g: _Groups) -> _Found | None:
    raw = g["mon"]
    word = raw.lower().rstrip(".")
    if word in ("may", "mar", "sep", "jan", "dec") and not raw[0].isupper():
        return None  # "may" (the verb), "mar", … in lower case are words, not months
    month = MONTHS[word]
    qual = (g.get("qual") or "").lower()
    return _Found(start, end, None, month=month, day=_MONTH_PART.get(qual), needs_year=True)


# form name (of _PATTERNS) -> its reader
_READERS: dict[str, Callable[[int, int, _Groups], _Found | None]] = {
    "iso": _iso,
    "dmy_num": _dmy_num,
    "fy_quarter": _fy_quarter,
    "fy_quarter_after": _fy_quarter,
    "quarter_word": _quarter_word,
    "cal_quarter": _undated,
    "half": _half,
    "season": _season,
    "dmy_text": _day_month_text,
    "mdy_text": _day_month_text,
    "mon_year": _mon_year,
    "mon_day": _undated,
    "mm_yyyy": _mm_yyyy,
    "fy": _fy,
    "dm_num": _dm_num,
    "quarter_only": _undated,
    "year": _whole_year,
    "mon": _month,
}


def _found(name: str, m: re.Match[str]) -> _Found | None:
    start, end = m.span()
    return _READERS[name](start, end, m.groupdict())


def _scan(text: str) -> list[_Found]:
    """Every date expression in ``text``, in reading order, each span taken by the first form that fits."""
    taken: list[tuple[int, int]] = []
    out: list[_Found] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            found = _found(name, m)
            if found is None:
                continue
            taken.append((s, e))
            out.append(found)
    out.sort(key=lambda f: f.start)
    return out


def _resolve_ranges(found: list[_Found], text: str) -> list[_Found]:
    """Give a year to month-only ends of ranges ("July 2015 – October") from the other end of the range."""
    out = list(found)
    for i, item in enumerate(out):
        if not item.needs_year:
            continue
        month = item.month
        assert month is not None  # a month without a year always carries its month
        # "July – October 2015": the start borrows the end's year (and is earlier, so it never wins)
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and _RANGE_SEP.match(text[item.end : nxt.start]) and nxt.date:
            year = nxt.date.year
            if month > nxt.date.month:
                year -= 1
            out[i] = _Found(item.start, item.end, _month_or_day(year, item), "")
            continue
        prev = out[i - 1] if i > 0 else None
        if prev is not None and _RANGE_SEP.match(text[prev.end : item.start]) and prev.date:
            year = prev.date.year + (1 if month < prev.date.month else 0)
            out[i] = _Found(item.start, item.end, _month_or_day(year, item), "")
    return out


def _month_or_day(year: int, item: _Found) -> date | None:
    month = item.month
    assert month is not None  # only called for a month without a year, which always carries its month
    if item.day is not None:
        return _valid(year, month, item.day) or month_end(year, month)
    return month_end(year, month)


def _from_meeting(item: _Found, meeting: date | None) -> _Found:
    """A month (or day and month) without a year: the first one on or after the meeting date."""
    if meeting is None:
        return _Found(item.start, item.end, None, NOTE_NO_MEETING)
    for year in (meeting.year, meeting.year + 1):
        candidate = _month_or_day(year, item)
        if candidate is not None and candidate >= meeting:
            return _Found(item.start, item.end, candidate, NOTE_YEAR_FROM_MEETING)
    return _Found(item.start, item.end, None, NOTE_AMBIGUOUS)
