"""Paper metadata from the front matter: committee, meeting date, title, "Report of" line.

Committee papers open with the committee's name, the meeting date and the report
title, usually in that order, followed by "Report of …". We look for the date line
first and take the committee from the nearest committee-like line above it and the
title from the first substantial line below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .enrich.dates import MONTHS
from .model import Document

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_WORDS_RE = re.compile(
    rf"^(?:(?:date(?: of meeting)?|meeting date|meeting held on|held on)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})\.?$",
    re.I,
)
_DATE_US_WORDS_RE = re.compile(
    rf"^(?:(?:date|meeting date)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    r"(?P<m>[a-z]+)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$",
    re.I,
)
_DATE_NUM_RE = re.compile(r"^(?:(?:date|meeting date)\s*:?\s*)?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})$", re.I)
_STRONG_BODY_RE = re.compile(
    r"\b(?:committee|sub-committee|board|panel|cabinet|commission|forum|executive|assembly|working group|"
    r"scrutiny|authority|partnership)\b",
    re.I,
)
_COUNCIL_RE = re.compile(r"\bcouncil\b", re.I)
_REPORT_OF_RE = re.compile(r"^(?:joint\s+)?report of(?: the)?\s*:?\s*", re.I)
_NOT_TITLE_RE = re.compile(
    r"^(?:report of|purpose|background|summary|agenda item|item\s+\d|contact|key decision|ward|"
    r"electoral division|appendix|recommendations?$|part\s+[a-z0-9]+$|public|exempt|not exempt|"
    r"classification|open|for (?:decision|information))",
    re.I,
)
_FRONT_MATTER = 40  # paragraphs scanned for metadata


@dataclass(frozen=True, slots=True)
class Metadata:
    committee: str = ""
    meeting_date: str = ""  # YYYY-MM-DD
    title: str = ""
    report_of: str = ""


def parse_meeting_date(text: str) -> date | None:
    """A date line such as "Friday 23 September 2016", "23/09/2016" or "September 23, 2016"."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .")
    for pattern in (_DATE_WORDS_RE, _DATE_US_WORDS_RE, _DATE_NUM_RE):
        m = pattern.match(text)
        if not m:
            continue
        month = m.group("m")
        month_no = int(month) if month.isdigit() else MONTHS.get(month.lower())
        try:
            return date(int(m.group("y")), month_no, int(m.group("d"))) if month_no else None
        except ValueError:
            return None
    return None


def extract_metadata(doc: Document, before_order: int | None = None) -> Metadata:
    """Committee, meeting date, title and "Report of" from the paper's front matter."""
    paras = [p for p in doc.paragraphs if before_order is None or p.order < before_order][:_FRONT_MATTER]
    if len(paras) < 3:
        paras = doc.paragraphs[:_FRONT_MATTER]
    texts = [p.text for p in paras if len(p.text) <= 300]
    labelled = _labelled(texts)
    date_at, meeting = _find_date(texts)
    if meeting is None and labelled.get("date"):
        meeting = parse_meeting_date(labelled["date"])
    committee = labelled.get("committee") or _find_committee(texts, date_at)
    title = labelled.get("title") or _find_title(texts, date_at, committee) or _title_from_hint(doc.title_hint)
    report_of = next((_REPORT_OF_RE.sub("", t).strip() for t in texts if _REPORT_OF_RE.match(t)), "")
    return Metadata(
        committee=committee, meeting_date=meeting.isoformat() if meeting else "", title=title, report_of=report_of
    )


_LABELS = (
    ("committee", re.compile(r"^(?:committee|meeting|report to|decision maker|meeting of|to)\s*:\s*(.+)$", re.I)),
    ("date", re.compile(r"^(?:date of meeting|meeting date|date)\s*:\s*(.+)$", re.I)),
    ("title", re.compile(r"^(?:subject|title|report title|report subject)\s*:\s*(.+)$", re.I)),
)


def _labelled(texts: list[str]) -> dict[str, str]:
    """Front matter laid out as "Committee: …", "Date: …", "Subject: …"."""
    found: dict[str, str] = {}
    for text in texts:
        for name, pattern in _LABELS:
            match = pattern.match(text)
            if match and name not in found and len(match.group(1)) <= 200:
                found[name] = match.group(1).strip()
    return found


def _find_date(texts: list[str]) -> tuple[int | None, date | None]:
    for i, text in enumerate(texts):
        if len(text) <= 60:
            found = parse_meeting_date(text)
            if found:
                return i, found
    return None, None


def _find_committee(texts: list[str], date_at: int | None) -> str:
    order = list(range(date_at - 1, -1, -1)) + list(range(date_at + 1, len(texts))) if date_at else range(len(texts))
    candidates = [texts[i] for i in order if len(texts[i]) <= 120 and not texts[i].rstrip().endswith(".")]
    for text in candidates:
        if _STRONG_BODY_RE.search(text) and not _REPORT_OF_RE.match(text) and not _is_title_like(text):
            return text
    return next((t for t in candidates if _COUNCIL_RE.search(t)), "")


def _is_title_like(text: str) -> bool:
    return bool(re.search(r"\b(?:review|report|progress|update|monitoring|recommendations)\b", text, re.I))


def _find_title(texts: list[str], date_at: int | None, committee: str) -> str:
    start = (date_at + 1) if date_at is not None else 0
    for text in texts[start : start + 8]:
        if text == committee or _NOT_TITLE_RE.match(text) or parse_meeting_date(text):
            continue
        if 8 <= len(text) <= 250 and not re.match(r"^\d+[.)]\s", text):
            return text.strip("*").strip()
    return ""


def _title_from_hint(hint: str) -> str:
    return re.split(r"\s+[-|]\s+", hint.strip())[0] if hint else ""
