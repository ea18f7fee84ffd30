"""Due dates from a timescale cell: the paper's words in, a YYYY-MM-DD date (or None) and a note out.

Every period resolves to its **end** (the latest day the action could still be on time):

* ``March 2017``, ``Mar-17``, ``March '17``, ``03/2017`` → 2017-03-31
* ``31/03/2018``, ``31.03.18``, ``31-3-2018``, ``31st March 2018``, ``March 31, 2018``, ``2018-03-31`` → that day
  (numeric dates are always read day first, as UK papers write them)
* ``2017/18``, ``2017-18``, ``FY 2017/18``, ``financial year 2017/18`` → 2018-03-31 (UK financial years run
  1 April – 31 March)
* ``Q3 2019/20`` → 2019-12-31 (financial quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar)
* ``2017`` / ``End of 2016`` / ``by end 2016`` → 31 December; ``early 2017`` → 30 April, ``mid 2017`` → 31 August,
  ``late 2017`` → 31 December; ``first half of 2018`` → 30 June, ``second half`` → 31 December
* ``early March 2017`` → 10 March, ``mid March 2017`` → 20 March, ``end of / late March 2017`` → 31 March
* seasons: spring → 31 May, summer → 31 August, autumn (fall) → 30 November, winter → end of February of
  the next year (``Winter 2016`` and ``Winter 2016/17`` → 2017-02-28)
* ranges (``July – October 2015``, ``December – March 2018``, ``2015 – 2017``) → the end of the last period;
  a last period without a year borrows the year of the first one (rolling over when its month is earlier)
* several timescales in one cell (``Ongoing; July 2023``, or one per line) → the latest date

Resolved against the paper's meeting date (note "relative to meeting date"): ``by the end of the year`` /
``this year`` (31 December), ``end of the financial year`` / ``year end`` (31 March), ``next year``,
``next financial year``, ``within six months`` / ``in 12 weeks`` (meeting date + that period), ``next month`` /
``end of the month``, ``next quarter`` / ``this quarter`` (calendar and financial quarters end on the same
days), ``this municipal year`` / ``next municipal year`` (the UK municipal year runs from the annual meeting in
May to the next one: a municipal year is taken to start on 1 May and to end on 31 May of the next year, so
"this municipal year" at a meeting in September 2016 ends 2017-05-31). A month or a day
and month without a year (``March``, ``31 March``) is the first such date on or after the meeting
(note "year from meeting date").

No date, and a note saying why: ``no timescale`` (empty, "-"), ``ongoing`` (Ongoing, On-going, Continuous,
Business as usual), ``recurring`` (Annually, Quarterly, Monthly, Each year), ``complete`` (Complete(d), Done,
Achieved, Implemented, In place), ``immediate`` (Immediate(ly), Now, ASAP), ``to be confirmed`` (TBC, TBA),
``not applicable`` (N/A), ``ambiguous`` (never guessed: ``03/04`` or ``12/13`` without a year (but ``16/17``,
which can be neither a day and month nor a month and year, is the financial year 2016/17), ``Q3 2019``
without saying calendar or financial, ``March 17``, an impossible day-first date such as ``03/13/2018``,
``short term``, ``Q3``), ``invalid date`` (``30/02/2016``), ``no meeting date`` (a relative phrase, or a month
without a year, in a paper whose meeting date is unknown) and ``unparsed`` (anything else).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

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


# ---------------------------------------------------------------- keyword forms (no date)

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


# ---------------------------------------------------------------- date expressions


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


def _found(name: str, m: re.Match[str]) -> _Found | None:  # noqa: C901 - one branch per form
    start, end = m.span()
    g = m.groupdict()
    if name == "iso":
        day = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
        return _Found(start, end, day, NOTE_INVALID if day is None else "")
    if name == "dmy_num":
        year = _year(g["y"])
        day = _valid(year, int(g["m"]), int(g["d"]))
        if day is None:  # "03/13/2018" may be month first: ambiguous, not guessed; "30/02/2016" is invalid
            return _Found(start, end, None, NOTE_AMBIGUOUS if _valid(year, int(g["d"]), int(g["m"])) else NOTE_INVALID)
        return _Found(start, end, day)
    if name in ("fy_quarter", "fy_quarter_after"):
        y1 = _year(g["y1"])
        if _fy_second(y1, g["y2"]) is None:
            return _Found(start, end, None)
        q = int(g["q"])
        return _Found(start, end, month_end(y1 + (1 if q == 4 else 0), {1: 6, 2: 9, 3: 12, 4: 3}[q]))
    if name == "quarter_word":
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[g["qw"].lower()]
        y1 = int(g["y1"])
        if not g["y2"] or _fy_second(y1, g["y2"]) is None:
            return _Found(start, end, None)  # "third quarter of 2019": calendar or financial? not guessed
        return _Found(start, end, month_end(y1 + (1 if q == 4 else 0), {1: 6, 2: 9, 3: 12, 4: 3}[q]))
    if name == "cal_quarter":
        return _Found(start, end, None)  # "Q3 2019": calendar (Jul–Sep) or financial (Oct–Dec)? not guessed
    if name == "half":
        h = int(g["h"]) if g["h"] else (1 if g["hw"].lower() in ("first", "1st") else 2)
        y1 = int(g["y1"])
        if g["y2"]:
            if _fy_second(y1, g["y2"]) is None:
                return _Found(start, end, None)
            return _Found(start, end, month_end(y1, 9) if h == 1 else month_end(y1 + 1, 3))
        return _Found(start, end, month_end(y1, 6) if h == 1 else month_end(y1, 12))
    if name == "season":
        y1 = _year(g["y1"])
        season = g["s"].lower()
        month, shift = _SEASON_END[season]
        if season == "winter" and g["y2"]:
            second = _fy_second(y1, g["y2"])
            if second is None:
                return _Found(start, end, None)
        return _Found(start, end, month_end(y1 + shift, month))
    if name in ("dmy_text", "mdy_text"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        day_n = int(g["d"])
        if not g.get("y"):
            if _valid(2000, month, day_n) is None:  # 2000 is a leap year: 29 February passes
                return _Found(start, end, None, NOTE_INVALID)
            return _Found(start, end, None, month=month, day=day_n, needs_year=True)
        day = _valid(_year(g["y"]), month, day_n)
        return _Found(start, end, day, "" if day else NOTE_INVALID)
    if name == "mon_year":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = _year(g["y"])
        qual = (g.get("qual") or "").lower()
        if qual in _MONTH_PART:
            return _Found(start, end, date(year, month, _MONTH_PART[qual]))
        return _Found(start, end, month_end(year, month))
    if name == "mon_day":
        return _Found(start, end, None)  # "March 17": 17 March, or March 2017? not guessed
    if name == "mm_yyyy":
        month = int(g["m"])
        return _Found(start, end, month_end(int(g["y"]), month) if 1 <= month <= 12 else None)
    if name == "fy":
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
    if name == "dm_num":
        a, b = int(g["a"]), int(g["b"])
        if len(g["a"]) == len(g["b"]) == 2 and b == (a + 1) % 100 and a > 12:
            return _Found(start, end, date(_year(g["b"]), 3, 31))  # "16/17": no month 16 or 17: a financial year
        return _Found(start, end, None)  # "03/04": 3 April? March 2004? financial year 2003/04? not guessed
    if name == "quarter_only":
        return _Found(start, end, None)  # "Q3" of which year?
    if name == "year":
        year = int(g["y"])
        qual = (g.get("qual") or "").lower()
        month = _YEAR_PART.get(qual, (12, None))[0]
        return _Found(start, end, month_end(year, month))
    if name == "mon":
        raw = m.group("mon")
        word = raw.lower().rstrip(".")
        if word in ("may", "mar", "sep", "jan", "dec") and not raw[0].isupper():
            return None  # "may" (the verb), "mar", … in lower case are words, not months
        month = MONTHS[word]
        qual = (g.get("qual") or "").lower()
        return _Found(start, end, None, month=month, day=_MONTH_PART.get(qual), needs_year=True)
    return None


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


# ---------------------------------------------------------------- relative phrases


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


def _relative(text: str, meeting: date | None) -> Due | None:
    for pattern, key in _RELATIVE:
        m = pattern.search(text)
        if not m:
            continue
        if meeting is None:
            return Due(None, NOTE_NO_MEETING)
        if key == "next_municipal":
            return Due(date(municipal_year_start(meeting) + 2, 5, 31), NOTE_RELATIVE)
        if key == "this_municipal":
            return Due(date(municipal_year_start(meeting) + 1, 5, 31), NOTE_RELATIVE)
        if key == "next_fy":
            return Due(date(financial_year_start(meeting) + 2, 3, 31), NOTE_RELATIVE)
        if key == "this_fy":
            return Due(date(financial_year_start(meeting) + 1, 3, 31), NOTE_RELATIVE)
        if key == "next_year":
            return Due(date(meeting.year + 1, 12, 31), NOTE_RELATIVE)
        if key == "this_year":
            return Due(date(meeting.year, 12, 31), NOTE_RELATIVE)
        if key == "next_quarter":
            return Due(quarter_end(add_months(quarter_end(meeting), 1)), NOTE_RELATIVE)
        if key == "this_quarter":
            return Due(quarter_end(meeting), NOTE_RELATIVE)
        if key == "next_month":
            nxt = add_months(meeting.replace(day=1), 1)
            return Due(month_end(nxt.year, nxt.month), NOTE_RELATIVE)
        if key == "this_month":
            return Due(month_end(meeting.year, meeting.month), NOTE_RELATIVE)
        unit = m.group("unit").lower().rstrip("s")
        n = 1 if key == "within_one" else _n(m.group("n"))
        if unit == "day":
            return Due(meeting + timedelta(days=n), NOTE_RELATIVE)
        if unit == "week":
            return Due(meeting + timedelta(weeks=n), NOTE_RELATIVE)
        if unit == "month":
            return Due(add_months(meeting, n), NOTE_RELATIVE)
        return Due(add_months(meeting, 12 * n), NOTE_RELATIVE)
    return None


# ---------------------------------------------------------------- entry points

_PARTS = re.compile(r"\s*(?:;|\n|\r|\s\|\s)\s*")
_NORMALISE = str.maketrans({"\u2013": "–", "\u2014": "–", "\u2012": "–", "\u2212": "–", "\u00a0": " "})


def _clean(text: str) -> str:
    text = text.translate(_NORMALISE)
    text = re.sub(r"[ \t]+", " ", text).strip()
    return text.strip(" .,:")


def parse_part(text: str, meeting: date | None) -> Due:
    """One timescale (no "; " inside) → a Due."""
    text = _clean(text)
    if not text:
        return Due(None, NOTE_NONE)
    found = _resolve_ranges(_scan(text), text)
    found = [_from_meeting(f, meeting) if f.needs_year else f for f in found]
    dated = [f for f in found if f.date is not None]
    if dated:
        best = max(dated, key=lambda f: (f.date, f.start))
        return Due(best.date, best.note)
    relative = _relative(text, meeting)
    if relative is not None:
        return relative
    if found:  # date-like text that is not a date we may read
        notes = {f.note for f in found}
        for note in (NOTE_NO_MEETING, NOTE_INVALID):
            if note in notes:
                return Due(None, note)
        return Due(None, NOTE_AMBIGUOUS)
    return Due(None, keyword_note(text) or NOTE_UNPARSED)


_WRAPPED = re.compile(
    r"(?:\b" + _MON + r"|\b(?:spring|summer|autumn|winter|end of|by|early|mid|late|q[1-4]|quarter [1-4])|[-–/]|\bto)"
    r"[ \t]*\r?\n\s*(?=(?:19|20)\d{2}\b|'\d{2}\b|\d{2}/\d{2}\b|[a-z])"
    r"|\r?\n\s*(?=[-–]|to\b)",
    re.I,
)


def parse_timescale(text: str, meeting_date: str | date | None = None) -> Due:
    """A timescale cell → its due date and note. Several timescales ("; " or one per line) → the latest date."""
    meeting = _meeting(meeting_date)
    text = _WRAPPED.sub(lambda m: m.group(0).split("\n")[0].rstrip("\r") + " ", text or "")
    parts = [p for p in _PARTS.split(text or "") if _clean(p)]
    if not parts:
        return Due(None, NOTE_NONE)
    results = [parse_part(p, meeting) for p in parts]
    dated = [r for r in results if r.date is not None]
    if dated:
        best = max(dated, key=lambda r: r.date or date.min)  # every r.date here is set
        return best
    if any(r.note == NOTE_AMBIGUOUS for r in results):
        return Due(None, NOTE_AMBIGUOUS)
    return results[0]


def _meeting(value: str | date | None) -> date | None:
    if isinstance(value, date):
        return value
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# A date in another cell, used only when the timescale gives none: a status word or a "target"-like label
# right before it (e.g. "Complete – March 2017", "Target date: June 2018", "Revised timescale: Q3 2019/20").
_LABELLED = re.compile(
    r"(?:^|(?<=[.;\n]))\s*(?:(?:work|action|this|recommendation)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:now\s+)?)?"
    r"(?:complete[d]?|achieved|implemented|closed|done)\s*(?:[-–—:,(]\s*|\s+(?:(?:in|on|by)\s+)?)"
    r"(?P<when>[^.;\n]{3,40})"
    r"|\b(?:revised\s+)?(?:target(?:\s+date)?|due(?:\s+date)?|deadline|timescale|completion\s+date)\s*"
    r"(?:is\s+|of\s+|now\s+)?[:\-–]?\s*(?:(?:in|on|by|for)\s+)?(?P<when2>[^.;\n]{3,40})",
    re.I,
)


def labelled_date(text: str, meeting_date: str | date | None = None) -> Due | None:
    """A due date stated in another cell with a label or status word before it, or None."""
    meeting = _meeting(meeting_date)
    for m in _LABELLED.finditer(text or ""):
        when = m.group("when") or m.group("when2") or ""
        found = [f for f in _scan(_clean(when)) if f.start <= 2]
        if not found:
            continue
        first = _from_meeting(found[0], meeting) if found[0].needs_year else found[0]
        if first.date is not None:
            return Due(first.date, first.note)
    return None
