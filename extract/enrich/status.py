"""Status and RAG: the paper's status word, the status cell's shading, the timescale and the progress text.

``status_norm`` is one of :data:`STATUSES`; ``rag`` is "red", "amber", "green" or "".
"""

from __future__ import annotations

import colorsys
import re

from .dates import NOTE_COMPLETE, NOTE_ONGOING, NOTE_RECURRING, keyword_note

STATUSES = ("complete", "in_progress", "ongoing", "delayed", "not_started", "not_accepted", "unknown")
RAGS = ("red", "amber", "green")

# ---------------------------------------------------------------- the status column

# Checked in this order: the first that matches wins (negations and "partly" before the plain words).
_STATUS_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), norm)
    for p, norm in (
        (
            r"\bnot\s+(?:accepted|agreed|supported|approved|endorsed)\b|\breject(?:ed)?\b|\bdeclined\b|\bwithdrawn\b",
            "not_accepted",
        ),
        (
            r"\bnot\s+(?:yet\s+)?(?:started|commenced|begun|begin|due)\b|\byet\s+to\s+(?:start|commence|begin)\b|"
            r"\bpending\b|\bnot\s+progressed\b",
            "not_started",
        ),
        (
            r"\bdelay(?:ed|s)?\b|\bslipp(?:ed|age|ing)\b|\bslipped\b|\bbehind\b|\boff[\s-]?track\b|\boverdue\b|"
            r"\bnot\s+(?:achieved|met|on\s+track|delivered)\b|\bmissed\b|\bpostponed\b|\bdeferred\b|\bon\s+hold\b|"
            r"\bpaused\b|\bsuspended\b",
            "delayed",
        ),
        (
            r"\bnot\s+(?:yet\s+)?(?:fully\s+)?(?:complete[d]?|implemented|finished)\b|\bincomplete\b|\bpartial(?:ly)?\b|"
            r"\bpart(?:ly)?[\s-]+(?:complete[d]?|implemented|achieved|met)\b",
            "in_progress",
        ),
        (
            r"\bcomplete[d]?\b|\bachieved\b|\bclosed\b|\bimplemented\b|\bdone\b|\bdelivered\b|\bfinished\b|\bmet\b|"
            r"\bin\s+place\b|\bsigned[\s-]+off\b|\bblue\b",
            "complete",
        ),
        (
            r"\bon[\s-]?going\b|\bcontinu(?:ous|ing|al)\b|\bbusiness\s+as\s+usual\b|\bbau\b|\brolling\b|\bannual(?:ly)?\b|"
            r"\bembedded\b",
            "ongoing",
        ),
        (
            r"\bin[\s-]?progress\b|\bon[\s-]+(?:track|target|schedule)\b|\bprogressing\b|\bunder[\s-]?way\b|"
            r"\b(?:started|commenced|begun)\b|\bin\s+hand\b|\bopen\b|\bactive\b|\bunder\s+review\b",
            "in_progress",
        ),
    )
)
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%")
_COLOURS = {"red": "red", "amber": "amber", "yellow": "amber", "orange": "amber", "green": "green"}
_COLOUR_WORD = re.compile(r"\b(red|amber|yellow|orange|green)\b", re.I)
_LETTERS = re.compile(r"^(?:rag\s*(?:rating|status)?\s*[:\-–]?\s*)?([rag])(?:\s*[/\-–]\s*([rag]))?$", re.I)
_SEVERITY = {"green": 0, "amber": 1, "red": 2}


# Future tense is not a status: "To be completed by March", "Will be implemented in 2018".
_FUTURE = re.compile(
    r"\b(?:to|will|should|must|shall|would|could|may)\s+(?:now\s+)?be\s+(?:fully\s+)?"
    r"(?:complete[d]?|implemented|achieved|delivered|finished|done|closed|in\s+place|met)\b"
    r"|\bfor\s+completion\b",
    re.I,
)


def _squash(text: str) -> str:
    text = _FUTURE.sub(" ", text)
    return re.sub(r"\s+", " ", text.replace("\u2013", "-").replace("\u2014", "-")).strip().lower()


def status_from_text(text: str) -> str | None:
    """The status word in ``text`` as one of :data:`STATUSES`, or None when it has none."""
    text = _squash(text)
    if not text:
        return None
    pct = _PERCENT.search(text)
    if pct:
        value = float(pct.group(1))
        if value >= 100:
            return "complete"
        return "not_started" if value == 0 else "in_progress"
    text = re.sub(r"^\(?\d{1,2}[.)]?\s*[-–:.]?\s*(?=[a-z])", "", text)  # numbered scales: "3 Slipped", "2 - On track"
    for pattern, norm in _STATUS_WORDS:
        if pattern.search(text):
            return norm
    # a word broken by a stray space ("In progr ess")
    joined = text.replace(" ", "")
    for word, norm in (
        ("inprogress", "in_progress"),
        ("notstarted", "not_started"),
        ("completed", "complete"),
        ("complete", "complete"),
        ("ongoing", "ongoing"),
        ("delayed", "delayed"),
    ):
        if word in joined:
            return norm
    return None


def rag_from_text(text: str) -> str:
    """The RAG colour named in a status cell ("Amber", "RAG: A", "Amber/Green" → the worse), or ""."""
    text = _squash(text)
    if not text:
        return ""
    colours = [_COLOURS[m.group(1).lower()] for m in _COLOUR_WORD.finditer(text)]
    if not colours:
        m = _LETTERS.match(text.strip(" .()"))
        if m:
            letters = [c for c in m.groups() if c]
            colours = [{"r": "red", "a": "amber", "g": "green"}[c.lower()] for c in letters]
    if not colours:
        return ""
    return max(colours, key=lambda c: _SEVERITY[c])


# ---------------------------------------------------------------- shading


def fill_class(fill: str) -> str:
    """Classify an RRGGBB cell shading by hue: "red", "amber" (oranges and yellows), "green", "grey" or ""."""
    fill = (fill or "").strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", fill):
        return ""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
    hue *= 360
    if sat < 0.06:
        return "grey" if 0.3 <= val <= 0.93 else ""  # white, near white and black are not a status
    if sat < 0.15 or val < 0.3:
        return ""  # too pale or too dark to read as a colour
    if hue < 12 or hue >= 335:
        return "red"
    if hue < 70:
        return "amber"
    if hue < 170:
        return "green"
    return ""  # blues and purples: not a RAG colour


# ---------------------------------------------------------------- the progress text


def status_from_progress(text: str) -> str | None:
    """The status the progress text reports (see :mod:`.statements`), or None."""
    from .statements import read_progress

    found = read_progress(text)
    return found[0] if found else None


# RAG rating → status (a status column holding only a RAG word, or a RAG-shaded cell with no words):
# Red → delayed; Amber → in_progress (at risk); Green → in_progress (on track) unless the progress text or the
# timescale says the work is done (or ongoing). Blue is a status word (complete).
RAG_STATUS = {"red": "delayed", "amber": "in_progress", "green": "in_progress"}


_NOT_ACCEPTED = re.compile(r"^\s*(?:no|not\s+(?:accepted|agreed|supported|approved)|rejected|declined|refused)\b", re.I)


def not_accepted(text: str) -> bool:
    """True when a response table's "Accepted?" column says no ("No", "Not accepted", "Rejected")."""
    return bool(_NOT_ACCEPTED.match(text or ""))


def status_from_timescale(text: str) -> str | None:
    """The timescale cell as a status: "Complete", "In place" → complete; "Ongoing", "Annually" → ongoing."""
    if not text:
        return None
    note = keyword_note(text)
    if note == NOTE_COMPLETE:
        return "complete"
    if note in (NOTE_ONGOING, NOTE_RECURRING):
        return "ongoing"
    word = status_from_text(text)
    return word if word in ("delayed", "not_started", "not_accepted", "in_progress") else None
