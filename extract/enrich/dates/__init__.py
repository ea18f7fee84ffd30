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

The rules are split by concern: :mod:`.periods` (month names, notes, calendar arithmetic), :mod:`.keywords`
(timescales without a date), :mod:`.forms` (date expressions, one reader per form) and :mod:`.relative`
(phrases resolved against the meeting date); this module holds the entry points.
"""

from __future__ import annotations

import re
from datetime import date

from .forms import _from_meeting, _resolve_ranges, _scan
from .keywords import keyword_note
from .periods import (
    _MON,
    MONTHS,
    NOTE_AMBIGUOUS,
    NOTE_COMPLETE,
    NOTE_IMMEDIATE,
    NOTE_INVALID,
    NOTE_NA,
    NOTE_NO_MEETING,
    NOTE_NONE,
    NOTE_ONGOING,
    NOTE_RECURRING,
    NOTE_RELATIVE,
    NOTE_TBC,
    NOTE_UNPARSED,
    NOTE_YEAR_FROM_MEETING,
    Due,
)
from .relative import _relative

__all__ = [
    "MONTHS",
    "NOTE_AMBIGUOUS",
    "NOTE_COMPLETE",
    "NOTE_IMMEDIATE",
    "NOTE_INVALID",
    "NOTE_NA",
    "NOTE_NO_MEETING",
    "NOTE_NONE",
    "NOTE_ONGOING",
    "NOTE_RECURRING",
    "NOTE_RELATIVE",
    "NOTE_TBC",
    "NOTE_UNPARSED",
    "NOTE_YEAR_FROM_MEETING",
    "Due",
    "keyword_note",
    "labelled_date",
    "parse_part",
    "parse_timescale",
]

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
