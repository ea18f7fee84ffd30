"""Follow each recommendation across successive progress reports: one ``history_id`` per recommendation.

A scrutiny review's recommendations are reported on again and again (six months on, twelve months on, ...).
Linking runs over a whole batch after extraction and gives every row a ``history_id``: the same value on
every row, across papers, that reports on the same recommendation of the same review.

It works in two steps, on plain data (:class:`Entry`: what the linking needs from one row), so a tracker or
an SQLite store can give back the rows of earlier runs and a later report links to them:

1. **Reviews.** Each report's tracking table (or each review named in a table's own "Review" column) is a
   *part*. Two parts of different papers report on the same review when they went to the same committee
   (compared on its own words: "Place", "Safer and Stronger Communities"), within two years of each other,
   their recommendations match (at least half of the smaller part's, one to one) and the review's name agrees
   (the title's or the appendix heading's own words, without "Scrutiny", "Progress", "Update", ...; a review
   named differently needs four in five recommendations and three at least). A single shared recommendation
   counts only with the same review name, so two reviews of one committee that share one recommendation's
   wording stay apart. Two papers of the same meeting are the same review only when they are the same report
   (a paper read from two files whose front matter read differently). Parts linked this way, directly or
   through other parts (a report in between), are one review.
2. **Recommendations.** Within a review, papers are taken in meeting order and each row joins the
   recommendation it matches best among those reported before (its wording at any of the last three
   reports, so a recommendation missing from one report, or dropped once complete, is still found), one
   row per recommendation per paper; the same number (``rec_id``) helps a weaker wording match. A row
   that matches none starts a new recommendation.

Wording is compared after normalisation (case, accents, punctuation, a leading "That" or "The Committee
recommends that", a number), with RapidFuzz: the best of the plain, word-order-free and partial ratios
(a shortened recommendation matches its longer form) and the share of the shorter text's words found in
the longer one. Wordings whose figures disagree ("above £726,000", "above £245,000") score lower: papers written
from one template change them, a recommendation followed across reports keeps them.

``history_id`` is ``h`` and 12 hex digits of a hash of the row key (:mod:`extract.rowkeys`) of the
recommendation's earliest row. Everything is sorted before it is compared, so the same rows give the same
ids in any input order and whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from .records import FileResult

ID_LENGTH = 12
STRONG = 0.75  # wording similarity that counts as the same recommendation when telling reviews apart
LINK = 0.6  # wording similarity for a row to join a recommendation reported before
LINK_SAME_NUMBER = 0.45  # ... when it has the same rec_id
NUMBER_CONFLICT = 0.7  # similarity kept when two wordings' figures disagree
NUMBER_BONUS = 0.08  # added to the score of a candidate with the same rec_id (breaks near-ties)
MAX_GAP_DAYS = 731  # two reports further apart are linked only through the reports between them
HISTORY_WINDOW = 3  # a recommendation's wordings compared with a new row: its last three
STALLED_REPORTS = 3  # the same open status in this many reports in a row: stalled
OPEN_STATUSES = frozenset({"in_progress", "delayed", "not_started"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What linking needs from one recommendation row (one per row key)."""

    key: str  # the row key (extract.rowkeys): paper, table, rec_id
    paper: str  # the paper id part of the key
    committee: str
    meeting_date: str  # YYYY-MM-DD or ""
    title: str
    section: str  # the heading above the table
    table_index: int
    position: int  # 1-based order of the row in its table
    rec_id: str
    recommendation: str
    review: str = ""  # the review named in the table's own column ("Review", "Scrutiny review"), if any
    status: str = "unknown"  # status_norm
    responsible: str = ""


ENTRY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Entry))


@dataclass(frozen=True, slots=True)
class History:
    """One recommendation followed across reports."""

    history_id: str
    review: str
    committee: str
    recommendation: str  # the latest wording
    rec_id: str  # the latest number
    responsible: str  # the latest owner given
    first_meeting: str
    last_meeting: str
    reports: int  # reports (meetings) that give the recommendation
    trail: str  # "2023-04 in_progress → 2023-10 in_progress → 2024-04 complete"
    latest_status: str
    days_to_complete: int | None  # from the first report to the first that says complete
    stalled: bool  # the same open status in three reports in a row
    keys: tuple[str, ...]  # the row keys, in report order


# ---------------------------------------------------------------------------------------------- wording

_SPLIT = re.compile(r"[\W_]+")
_LEAD_PHRASES = (
    "it is recommended that",
    "the committee recommends that",
    "the panel recommends that",
    "the board recommends that",
    "the task group recommends that",
    "the review recommends that",
    "we recommend that",
    "recommended that",
    "recommendation",
    "rec",
    "that",
)
_LEAD_NUMBER = re.compile(r"^(?:r?\d+[a-z]?|[ivx]+)\s+")
STOPWORDS = frozenset(
    """a an the of and or to in on for at by with from into its it is are be been being that this these those
    as all any our their there which who will would should shall may can must also so such than then""".split()
)


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_SPLIT.split(plain)).strip()


def normalise_recommendation(text: str) -> str:
    """Wording for comparison: case, accents, punctuation and bullets gone; a leading "That", "The Committee
    recommends that" or number dropped."""
    plain = _plain(text)
    changed = True
    while changed and plain:
        changed = False
        for phrase in _LEAD_PHRASES:
            if plain == phrase:
                break
            if plain.startswith(phrase + " "):
                plain = plain[len(phrase) + 1 :]
                changed = True
        number = _LEAD_NUMBER.match(plain)
        if number and len(plain) > number.end():
            plain = plain[number.end() :]
            changed = True
    return plain


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _content(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in text.split() if w not in STOPWORDS and not w.isdigit())


def _numbers(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if any(c.isdigit() for c in w))


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """Similarity (0-1) of each normalised wording of ``left`` to each of ``right``.

    Two wordings whose numbers disagree ("contracts above £726,000" and "contracts above £245,000": neither
    text's numbers are all in the other) score lower: a recommendation keeps its figures from report to report
    (a shortened one may lose some), while papers written from one template change them."""
    if not left or not right:
        return [[0.0] * len(right) for _ in left]
    from rapidfuzz import fuzz, process

    plain = process.cdist(left, right, scorer=fuzz.ratio, workers=1)
    unordered = process.cdist(left, right, scorer=fuzz.token_sort_ratio, workers=1)
    partial = process.cdist(left, right, scorer=fuzz.partial_ratio, workers=1)
    words_left = [_content(t) for t in left]
    words_right = [_content(t) for t in right]
    numbers_left = [_numbers(t) for t in left]
    numbers_right = [_numbers(t) for t in right]
    out: list[list[float]] = []
    for i, a in enumerate(left):
        line = []
        for j, b in enumerate(right):
            if not a or not b:
                line.append(0.0)
                continue
            best = max(float(plain[i][j]), float(unordered[i][j]))
            if min(len(a), len(b)) >= 30:  # a shortened recommendation: its text inside the longer one
                best = max(best, 0.95 * float(partial[i][j]))
            shorter = min(len(words_left[i]), len(words_right[j]))
            if shorter >= 4:
                shared = len(words_left[i] & words_right[j]) / shorter
                best = max(best, 90.0 * shared)
            a_numbers, b_numbers = numbers_left[i], numbers_right[j]
            if a_numbers and b_numbers and not (a_numbers <= b_numbers or b_numbers <= a_numbers):
                best *= NUMBER_CONFLICT
            line.append(best / 100.0)
        out.append(line)
    return out


def _greedy(matrix: list[list[float]], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (row, column, score) at or above ``threshold``, best first (ties by position)."""
    candidates = sorted(
        ((score, i, j) for i, line in enumerate(matrix) for j, score in enumerate(line) if score >= threshold),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j, score))
    return pairs


def _number(rec_id: str) -> str:
    text = _plain(rec_id).replace(" ", "")
    return re.sub(r"^(?:recommendation|rec|r)(?=\d)", "", text)


# ---------------------------------------------------------------------------------------------- reviews

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
    """Do two parts of different papers report on the same review? (See the module's description.)"""
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


# ------------------------------------------------------------------------------------------------ links


def _paper_order(entry: Entry) -> tuple[str, str]:
    return (entry.meeting_date or "", entry.paper)


def _chains(review: list[_Part]) -> list[list[Entry]]:
    """The recommendations of one review: rows joined paper by paper, in meeting order."""
    by_paper: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    for part in review:
        for entry, text in zip(part.entries, part.texts, strict=True):
            by_paper[entry.paper].append((entry, text))
    papers = sorted(by_paper, key=lambda p: _paper_order(by_paper[p][0][0]))
    chains: list[list[Entry]] = []
    wordings: list[list[str]] = []
    for paper in papers:
        rows = sorted(by_paper[paper], key=lambda r: (r[0].table_index, r[0].position, r[0].key))
        assigned: dict[int, int] = {}
        if chains:
            flat = [w for chain_words in wordings for w in chain_words[-HISTORY_WINDOW:]]
            owner = [c for c, chain_words in enumerate(wordings) for _ in chain_words[-HISTORY_WINDOW:]]
            matrix = similarity_matrix([text for _, text in rows], flat)
            scores: list[list[float]] = []
            for i, (entry, _text) in enumerate(rows):
                best = [0.0] * len(chains)
                for k, score in enumerate(matrix[i]):
                    best[owner[k]] = max(best[owner[k]], score)
                line = []
                for c, chain in enumerate(chains):
                    same_number = bool(_number(entry.rec_id)) and _number(entry.rec_id) == _number(chain[-1].rec_id)
                    ok = best[c] >= LINK or (same_number and best[c] >= LINK_SAME_NUMBER)
                    line.append(best[c] + (NUMBER_BONUS if same_number else 0.0) if ok else 0.0)
                scores.append(line)
            for i, c, _score in _greedy(scores, 1e-9):
                assigned[i] = c
        for i, (entry, text) in enumerate(rows):
            if i in assigned:
                chains[assigned[i]].append(entry)
                wordings[assigned[i]].append(text)
            else:
                chains.append([entry])
                wordings.append([text])
    return chains


def history_id(anchor_key: str) -> str:
    return "h" + hashlib.sha256(f"history\x1f{anchor_key}".encode()).hexdigest()[:ID_LENGTH]


def link(entries: Iterable[Entry]) -> list[tuple[str, list[Entry]]]:
    """Every entry in exactly one recommendation history: (the review's name, its entries in report order)."""
    unique = {e.key: e for e in entries}
    ordered = [unique[k] for k in sorted(unique)]
    out: list[tuple[str, list[Entry]]] = []
    for review in _reviews(_parts(ordered)):
        latest = max(review, key=lambda part: (part.meeting_date, part.paper))
        out.extend((latest.name, chain) for chain in _chains(review))
    return sorted(out, key=lambda item: item[1][0].key)


def link_ids(entries: Iterable[Entry]) -> dict[str, str]:
    """Row key → history_id."""
    return {entry.key: history_id(chain[0].key) for _review, chain in link(entries) for entry in chain}


# -------------------------------------------------------------------------------------------- histories


def _days(first: str, then: str) -> int | None:
    try:
        return (date.fromisoformat(then) - date.fromisoformat(first)).days
    except ValueError:
        return None


def _reports(chain: list[Entry]) -> list[Entry]:
    """One entry per meeting (the first paper of a meeting, when a report was read from several files)."""
    seen: set[str] = set()
    out = []
    for entry in chain:
        when = entry.meeting_date or f"?{entry.paper}"
        if when not in seen:
            seen.add(when)
            out.append(entry)
    return out


def _stalled(statuses: list[str]) -> bool:
    run = 0
    for index, status in enumerate(statuses):
        run = run + 1 if index and status == statuses[index - 1] else 1
        if status in OPEN_STATUSES and run >= STALLED_REPORTS:
            return True
    return False


def describe(chain: list[Entry], review: str) -> History:
    """A history's line: review, latest wording and status, first and last meeting, the status trail."""
    reports = _reports(chain)
    latest = chain[-1]
    first_meeting = chain[0].meeting_date
    complete = next((e.meeting_date for e in reports if e.status == "complete"), None)
    statuses = [e.status for e in reports]
    trail = " → ".join(f"{(e.meeting_date or '?')[:7]} {e.status}" for e in reports)
    return History(
        history_id=history_id(chain[0].key),
        review=review,
        committee=latest.committee,
        recommendation=latest.recommendation,
        rec_id=latest.rec_id,
        responsible=next((e.responsible for e in reversed(chain) if e.responsible.strip()), ""),
        first_meeting=first_meeting,
        last_meeting=latest.meeting_date,
        reports=len(reports),
        trail=trail,
        latest_status=latest.status,
        days_to_complete=_days(first_meeting, complete) if complete and first_meeting else None,
        stalled=_stalled(statuses),
        keys=tuple(e.key for e in chain),
    )


def histories(entries: Iterable[Entry]) -> list[History]:
    """One :class:`History` per recommendation, ordered by committee, review, first meeting and order."""
    described = [
        (describe(chain, review), (chain[0].table_index, chain[0].position)) for review, chain in link(entries)
    ]
    described.sort(
        key=lambda d: (
            d[0].committee.casefold(),
            d[0].review.casefold(),
            d[0].first_meeting,
            d[1],
            d[0].history_id,
        )
    )
    return [h for h, _ in described]


# ----------------------------------------------------------------------------------------- from results


def entries_of(results: Sequence[FileResult]) -> tuple[list[Entry], list[list[str]]]:
    """The entries of a batch (one per distinct row key) and every result's row keys."""
    from .rowkeys import paper_of, result_keys

    keys = result_keys(results)
    entries: dict[str, Entry] = {}
    positions: dict[tuple[str, int], int] = defaultdict(int)
    for result, row_keys in zip(results, keys, strict=True):
        for key, row in zip(row_keys, result.rows, strict=True):
            if key in entries:
                continue
            paper = paper_of(key)
            positions[(paper, row.table_index)] += 1
            entries[key] = Entry(
                key=key,
                paper=paper,
                committee=row.committee,
                meeting_date=row.meeting_date,
                title=row.title,
                section=row.section,
                table_index=row.table_index,
                position=positions[(paper, row.table_index)],
                rec_id=row.rec_id,
                recommendation=row.recommendation,
                review=review_column(row.extra),
                status=row.status_norm,
                responsible=row.responsible,
            )
    return list(entries.values()), keys


def linked(results: Sequence[FileResult]) -> bool:
    return all(row.history_id for result in results for row in result.rows)


def link_results(results: Iterable[FileResult], earlier: Iterable[Entry] = ()) -> list[FileResult]:
    """Copies of ``results`` whose rows carry their ``history_id``, linked over the whole batch (and over
    ``earlier`` entries, the rows of a store or tracker from earlier runs)."""
    results = list(results)
    entries, keys = entries_of(results)
    ids = link_ids([*earlier, *entries])
    out = []
    for result, row_keys in zip(results, keys, strict=True):
        rows = [replace(row, history_id=ids[key]) for key, row in zip(row_keys, result.rows, strict=True)]
        out.append(replace(result, rows=rows))
    return out


HISTORY_COLUMNS = (
    "history_id",
    "review",
    "committee",
    "rec_id",
    "recommendation",
    "responsible",
    "first_meeting",
    "last_meeting",
    "reports",
    "trail",
    "latest_status",
    "days_to_complete",
    "stalled",
)


def history_frame(results: Iterable[FileResult]):
    """A pandas DataFrame with one row per recommendation history (see :class:`History`): review, committee,
    latest number, wording and owner, first and last meeting (dates), reports, the status trail, the latest
    status, days from the first report to complete (nullable integer) and whether it stalled."""
    import pandas as pd

    entries, _keys = entries_of(list(results))
    frame = pd.DataFrame(
        [{name: getattr(h, name) for name in HISTORY_COLUMNS} for h in histories(entries)],
        columns=list(HISTORY_COLUMNS),
    )
    for column in ("first_meeting", "last_meeting"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
    frame["days_to_complete"] = frame["days_to_complete"].astype("Int64")
    frame["stalled"] = frame["stalled"].astype(bool)
    return frame
