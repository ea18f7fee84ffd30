"""Step 1 of linking: the parts of papers (tracking tables, or reviews named in a table's own column) grouped
into reviews."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .model import MAX_GAP_DAYS, STRONG, Entry
from .wording import _content, _greedy, _plain, _stem, normalise_recommendation, similarity_matrix

GENERIC = frozenset(
    """review reviews scrutiny overview progress recommendation recommendations update updates report reports
    reporting monitoring monitor implementation implementing action actions plan plans appendix annex
    response responses executive cabinet committee committees panel board task group finish inquiry
    tracker tracking position status statuses outstanding remaining completed complete agreed following
    month months six twelve eighteen year years annual final further second third first interim
    council councils select members member table summary against arising made from of the on and to for in
    at by with into its our a an about as is are was were this that these""".split()
)
_REVIEW_WORDS = re.compile(r"\b(?:review|inquiry|task (?:and finish )?group|investigation)\b")
_REVIEW_COLUMN = re.compile(r"^(?:scrutiny |select committee )?(?:review|inquiry|task (?:and finish )?group|topic)\b")


def review_column(extra: Iterable[tuple[str, str]]) -> str:
    """The value of a table's own review column ("Review", "Scrutiny review", "Task group", "Topic"), if any."""
    for header, value in extra:
        if _REVIEW_COLUMN.match(_plain(header)) and value.strip():
            return " ".join(value.split())
    return ""


def _name_words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _plain(text).split() if w not in GENERIC and not w.isdigit() and len(w) > 1)


def _names_review(section: str) -> bool:
    return bool(_REVIEW_WORDS.search(_plain(section))) and bool(_name_words(section))


def _labels(entries: Sequence[Entry]) -> dict[str, str]:
    """Row key → the text that names its review: the table's own review column; else, in a paper whose tables
    are headed by different reviews ("Appendix A – Review of Local Bus Services", "Appendix B – ..."), the
    table's heading; else the paper's title."""
    headings: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if _names_review(entry.section):
            headings[entry.paper].add(_plain(entry.section))
    out = {}
    for entry in entries:
        if entry.review:
            out[entry.key] = entry.review
        elif len(headings[entry.paper]) > 1 and _names_review(entry.section):
            out[entry.key] = entry.section
        else:
            out[entry.key] = entry.title
    return out


_SEGMENTS = re.compile(r"\s+[-–—]\s+|:\s+|\s+\|\s+")
_APPENDIX = re.compile(r"^(?:appendix|annex|table)\s+[\w.]+$", re.I)


def review_name(label: str) -> str:
    """A short name for a review from the text that names it: "Flood Risk Management" from "Flood Risk
    Management Scrutiny Review: Progress Report"."""
    segments = [s.strip() for s in _SEGMENTS.split(label or "") if s.strip() and not _APPENDIX.match(s.strip())]
    if not segments:
        return (label or "").strip()
    best = max(segments, key=lambda s: len(_name_words(s)))  # the first of the most telling segments
    words = best.split()
    while words and _plain(words[0]) in GENERIC | {""}:
        words.pop(0)
    while words and _plain(words[-1]) in GENERIC | {""}:
        words.pop()
    return " ".join(words) or best


def _name_similarity(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Jaccard similarity of two reviews' name words; None when either has none (a generic title)."""
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


@dataclass(slots=True)
class _Part:
    """The rows of one paper about one review: a tracking table, or a review named in a table's own column."""

    paper: str
    meeting_date: str
    committee: str
    names: frozenset[str]
    name: str  # the review's short name, for display
    entries: list[Entry]
    texts: list[str]


def _parts(entries: Sequence[Entry]) -> list[_Part]:
    labels = _labels(entries)
    groups: dict[tuple[str, int, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.paper, entry.table_index, _plain(entry.review))].append(entry)
    parts = []
    for (paper, _table, _review), rows in sorted(groups.items()):
        rows.sort(key=lambda e: (e.position, e.key))
        label = labels[rows[0].key]
        names = _name_words(label) | (_name_words(rows[0].section) if label == rows[0].title else frozenset())
        parts.append(
            _Part(
                paper=paper,
                meeting_date=rows[0].meeting_date,
                committee=_plain(rows[0].committee),
                names=names,
                name=review_name(label),
                entries=rows,
                texts=[normalise_recommendation(e.recommendation) for e in rows],
            )
        )
    return parts


COMMITTEE_GENERIC = frozenset(
    "committee committees scrutiny overview select panel policy development board sub joint management the of and "
    "for".split()
)


def committees_agree(a: str, b: str) -> bool | None:
    """Do two (normalised) committee names name the same committee? None when either is missing.

    Compared on their own words ("Safer and Stronger Communities", "Audit"), without "Overview", "Scrutiny",
    "Select Committee", "Panel"...: at least half of them shared."""
    if not a or not b:
        return None
    if a == b:
        return True
    left = frozenset(_stem(w) for w in a.split() if w not in COMMITTEE_GENERIC)
    right = frozenset(_stem(w) for w in b.split() if w not in COMMITTEE_GENERIC)
    if not left or not right:
        from rapidfuzz import fuzz

        return fuzz.token_sort_ratio(a, b) >= 90
    return len(left & right) / len(left | right) >= 0.5


def same_review(p: _Part, q: _Part) -> bool:
    """Do two parts of different papers report on the same review? (See :mod:`extract.history`.)"""
    pairs = _greedy(similarity_matrix(p.texts, q.texts), STRONG)
    if not pairs:
        return False
    shared = len(pairs)
    overlap = shared / min(len(p.texts), len(q.texts))
    names = _name_similarity(p.names, q.names)
    committees = committees_agree(p.committee, q.committee)
    if committees is False:  # a review reports to its committee: another committee's paper is another review
        return False
    gap = _days(p.meeting_date, q.meeting_date) if p.meeting_date and q.meeting_date else None
    if gap is not None and abs(gap) > MAX_GAP_DAYS:  # too far apart to follow each other (a report between
        return False  # them can still join them)
    if p.meeting_date and p.meeting_date == q.meeting_date:  # one meeting: only the same report read twice
        same_text = overlap >= 0.8 and sum(s for _, _, s in pairs) / shared >= 0.9
        return same_text and (shared >= 3 or names is None or names >= 0.5)
    if overlap < 0.5:
        return False
    if names is not None and names < 0.25:  # named differently: a renamed review only on strong evidence
        return committees is True and overlap >= 0.8 and shared >= 3
    if shared == 1:  # one recommendation in common: the review's name must agree too
        return names is not None and names >= 0.7
    if committees is None and (names is None or names < 0.4):
        return overlap >= 0.8 and shared >= 3
    return True


def _candidates(parts: list[_Part]) -> Iterable[tuple[int, int]]:
    """Pairs of parts worth comparing: of different papers, sharing a committee, a name word or wording."""
    words = [frozenset().union(*(_content(t) for t in part.texts)) for part in parts]
    for i in range(len(parts)):
        for j in range(i + 1, len(parts)):
            p, q = parts[i], parts[j]
            if p.paper == q.paper:
                continue
            if p.committee == q.committee or p.names & q.names or len(words[i] & words[j]) >= 4:
                yield i, j


def _reviews(parts: list[_Part]) -> list[list[_Part]]:
    """Parts grouped into reviews (connected by :func:`same_review`)."""
    parent = list(range(len(parts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidates(parts):
        if find(i) != find(j) and same_review(parts[i], parts[j]):
            a, b = find(i), find(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[_Part]] = defaultdict(list)
    for index, part in enumerate(parts):
        groups[find(index)].append(part)
    return [groups[k] for k in sorted(groups)]


def _days(first: str, then: str) -> int | None:
    try:
        return (date.fromisoformat(then) - date.fromisoformat(first)).days
    except ValueError:
        return None
