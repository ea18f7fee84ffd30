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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..records import FileResult
from .model import (
    ENTRY_FIELDS,
    HISTORY_WINDOW,
    ID_LENGTH,
    LINK,
    LINK_SAME_NUMBER,
    MAX_GAP_DAYS,
    NUMBER_BONUS,
    NUMBER_CONFLICT,
    OPEN_STATUSES,
    STALLED_REPORTS,
    STRONG,
    Entry,
    History,
)
from .reviews import (
    COMMITTEE_GENERIC,
    GENERIC,
    _days,
    _Part,
    _parts,
    _reviews,
    committees_agree,
    review_column,
    review_name,
    same_review,
)
from .wording import STOPWORDS, _greedy, _number, normalise_recommendation, similarity_matrix

__all__ = [
    "COMMITTEE_GENERIC",
    "ENTRY_FIELDS",
    "GENERIC",
    "HISTORY_COLUMNS",
    "HISTORY_WINDOW",
    "ID_LENGTH",
    "LINK",
    "LINK_SAME_NUMBER",
    "MAX_GAP_DAYS",
    "NUMBER_BONUS",
    "NUMBER_CONFLICT",
    "OPEN_STATUSES",
    "STALLED_REPORTS",
    "STOPWORDS",
    "STRONG",
    "Entry",
    "History",
    "committees_agree",
    "describe",
    "entries_of",
    "histories",
    "history_frame",
    "history_id",
    "link",
    "link_ids",
    "link_results",
    "linked",
    "normalise_recommendation",
    "review_column",
    "review_name",
    "same_review",
    "similarity_matrix",
]

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
    from ..rowkeys import paper_of, result_keys

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
