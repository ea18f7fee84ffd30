"""Column roles from the header and the cells together.

Every column gets a score for every role: what its header label says (``vocab``) plus
what its cells look like (numbers, dates, owner-like names, prose, status words).
Roles are then assigned jointly, one column per role and the best total, so two
columns cannot both be the timescale and a weak label loses to a column whose cells
clearly fit. Columns left without a role are kept as ``extra`` by the row stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .text import MONTH
from .vocab import OTHER, ROLES, label_scores

_ID_RE = re.compile(r"^\(?(?:r|rec\.?\s*|recommendation\s*)?[a-z]?\d{1,3}(?:\.\d{1,2})*[a-z]?[.):]?$", re.I)
_LETTER_ID_RE = re.compile(r"^\(?[a-z]{1,4}\s?\d{1,3}[a-z]?[.):]?$", re.I)
_NUMBERED_RE = re.compile(
    r"^\s*(?:\(?\d{1,3}(?:\.\d{1,2})*[a-z]?[.):]\s|r\d{1,3}[a-z]?\b|(?:recommendation|rec)\.?\s*\d)", re.I
)
_MONTH_RE = re.compile(rf"\b{MONTH}\b", re.I)
_DATE_WORDS_RE = re.compile(
    r"\b(?:(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|q[1-4]|quarter|ongoing|on-going|immediate(?:ly)?|"
    r"spring|summer|autumn|winter|annual(?:ly)?|monthly|quarterly|weekly|tbc|tba|end of|by end|"
    r"short|medium|long term|complete[d]?|year|month|weeks?)\b",
    re.I,
)
_STATUS_RE = re.compile(
    r"^(?:(?:b?rag\s*)?(?:red|amber|green|blue|grey|gray|r|a|g|b)|complete[d]?|achieved|implemented|done|"
    r"on track|off track|in progress|under way|underway|ongoing|on-going|delayed|behind|not started|not yet started|"
    r"partially (?:complete|implemented|achieved)|partial|closed|open|superseded|no longer applicable|yes|no|"
    r"\d{1,3}\s?%|overdue|at risk|not due)\b",
    re.I,
)
_ACCEPT_RE = re.compile(
    r"^(?:accepted|not accepted|partially accepted|rejected|agreed|not agreed|partially agreed|"
    r"yes|no|partially|partly|noted|accepted in principle|agreed in principle|"
    r"approved?|refused?|grant(?:ed)?|defer(?:red)?|permit(?:ted)?|dismissed|allowed|withdrawn|revoked)\b",
    re.I,
)
_RECOMMEND_RE = re.compile(
    r"^\W*that\b|\b(?:should|recommend\w*|must|ought|that (?:the|a|an|all|[A-Z]\w+)\b.*\bbe\b|"
    r"to (?:review|consider|develop|ensure|explore|introduce|work|improve|establish))",
    re.I,
)
# what has been done: perfect and past tenses, work in hand ("has been agreed", "were held", "is being drafted")
_REPORTED_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:been|now|already|not|yet|also)?\s*\w+(?:ed|en|un|ne|de|wn|t)\b|"
    r"\b(?:was|were)\b|\b(?:is|are)\s+(?:being|now|under\s?way|on track|complete)\b|\bto date\b",
    re.I,
)
_OWNER_WORDS_RE = re.compile(
    r"\b(?:officer|manager|director|head|lead|chief|executive|member|councillor|cllr|portfolio|holder|team|service|"
    r"services|unit|board|group|partnership|council|cabinet|committee|department|directorate|commissioner|"
    r"coordinator|co-ordinator|adviser|advisor|clerk|secretary|chair|chairman|leader|police|nhs|trust|"
    r"superintendent|inspector|sergeant|mr|mrs|ms|dr|all)\b",
    re.I,
)

# a person or a post ("Head of Housing", "Jo Bloggs", "Cllr Ward"), not only a unit ("Resources", "Adults and Health")
_POST_RE = re.compile(
    r"\b(?:officer|manager|director|head|lead|chief|executive|member|councillor|cllr|portfolio holder|"
    r"co-?ordinator|advis[oe]r|clerk|secretary|chair(?:man|person)?|leader|commissioner|superintendent|"
    r"inspector|sergeant|mr|mrs|ms|dr|mayor)\b",
    re.I,
)
_NAME_RE = re.compile(r"^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,2}[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b")
_UNIT_RE = re.compile(
    r"\b(?:team|service|services|unit|board|group|partnership|council|directorate|department|trust|committee)\b", re.I
)

_MEMBER_RE = re.compile(
    r"\b(?:cllr|councillor|cabinet member|portfolio holder|executive member|leader of the council|"
    r"mayor)\b",
    re.I,
)

MIN_ROLE_SCORE = 0.45  # below this a column is not given a role
_HEADER_WEIGHT = 1.0
_CONTENT_WEIGHT = 0.7
_CELLS_ALONE_WEIGHT = 0.8  # the cells' weight when the label names no role: all the evidence there is


@dataclass(frozen=True, slots=True)
class ColumnProfile:
    """What a column's cells look like (shares over its non-empty cells)."""

    fill: float = 0.0
    ids: float = 0.0
    numbered: float = 0.0
    dates: float = 0.0
    owners: float = 0.0
    status: float = 0.0
    accept: float = 0.0
    recommend: float = 0.0
    reported: float = 0.0  # cells telling what has been done (the progress a paper reports)
    members: float = 0.0  # councillors and cabinet posts (an elected member's column, beside the officers')
    people: float = 0.0  # people and posts (an owner), rather than only units (a directorate's column)
    words: float = 0.0  # mean words per cell
    distinct: float = 1.0  # share of distinct values


def profile(values: Sequence[str]) -> ColumnProfile:
    """Profile a column from its body cells (empty strings count for ``fill`` only)."""
    if not values:
        return ColumnProfile()
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return ColumnProfile()
    n = len(filled)
    traits = [_traits(v) for v in filled]
    return ColumnProfile(
        fill=n / len(values),
        ids=sum(t.id for t in traits) / n,
        numbered=sum(t.numbered for t in traits) / n,
        dates=sum(t.date for t in traits) / n,
        owners=sum(t.owner for t in traits) / n,
        status=sum(t.status for t in traits) / n,
        accept=sum(t.accept for t in traits) / n,
        recommend=sum(t.recommend for t in traits) / n,
        reported=sum(t.reported for t in traits) / n,
        members=sum(t.member for t in traits) / n,
        people=sum(t.person for t in traits) / n,
        words=sum(t.words for t in traits) / n,
        distinct=len({v.casefold() for v in filled}) / n,
    )


def status_value(text: str) -> bool:
    """Is ``text`` a status and nothing more ("Amber", "On track", "75%"), not a text that opens with one
    ("A. Enforcement", "Complete the survey by May")?"""
    text = text.strip("• ").rstrip(".")
    match = _STATUS_RE.match(text)
    return match is not None and match.end() >= len(text) - 1


@dataclass(frozen=True, slots=True)
class _Traits:
    """What one cell looks like (the tests ``profile`` counts)."""

    id: bool
    numbered: bool
    date: bool
    owner: bool
    status: bool
    accept: bool
    recommend: bool
    reported: bool
    member: bool
    person: bool
    words: int


@lru_cache(maxsize=8192)  # a header's cells are profiled again with each page's table that repeats it
def _traits(value: str) -> _Traits:
    return _Traits(
        id=bool(_ID_RE.match(value) or _LETTER_ID_RE.match(value)),
        numbered=bool(_NUMBERED_RE.match(value)),
        date=_date_like(value),
        owner=_owner_like(value),
        status=len(value) <= 40 and bool(_STATUS_RE.match(value.strip("• "))),
        accept=len(value) <= 60 and bool(_ACCEPT_RE.match(value)),
        recommend=bool(_RECOMMEND_RE.search(value)),
        reported=bool(_REPORTED_RE.search(value)),
        member=bool(_MEMBER_RE.search(value)),
        person=_person_like(value),
        words=len(value.split()),
    )


def _date_like(value: str) -> bool:
    lines = [ln.strip("• ") for ln in value.split("\n") if ln.strip()]
    if not lines or len(value.split()) > 14 * len(lines):
        return False
    return sum(bool(_MONTH_RE.search(ln) or _DATE_WORDS_RE.search(ln)) for ln in lines) >= 0.5 * len(lines)


def _person_like(value: str) -> bool:
    return bool(_POST_RE.search(value)) or bool(_NAME_RE.match(value.strip())) and not _UNIT_RE.search(value)


def _owner_like(value: str) -> bool:
    value = value.strip()
    if len(value.split()) > 16 or _date_like(value) and not _OWNER_WORDS_RE.search(value):
        return False
    if value.endswith(".") and len(value.split()) > 8:
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", value)
    if not words:
        return bool(re.fullmatch(r"[A-Z]{2,5}(?:\s*[/,&]\s*[A-Z]{2,5})*", value))
    capitals = sum(w[0].isupper() for w in words) / len(words)
    return bool(_OWNER_WORDS_RE.search(value)) or capitals >= 0.6


def content_scores(p: ColumnProfile) -> dict[str, float]:
    """How well the cells fit each role, 0-1."""
    if p.fill == 0:
        return {}
    prose = min(p.words / 12.0, 1.0)
    short = 1.0 if p.words <= 8 else max(0.0, 1.0 - (p.words - 8) / 12.0)
    repeated = p.distinct <= 0.34 and p.fill > 0.6  # one value down the column: a property of the table
    scores = {
        "rec_id": p.ids * (1.0 if p.words <= 2 else 0.3),
        # numbered cells read as recommendations when text follows the number ("R1" alone is an id)
        "recommendation": max(prose * (0.5 + 0.5 * max(p.recommend, p.numbered)), p.numbered * min(0.8, p.words / 5))
        * (1.0 - 0.5 * max(0.0, p.reported - max(p.recommend, p.numbered))),
        # prose that asks for things more than it reports them is less likely the progress
        "progress": prose * 0.8 * (1.0 - 0.5 * max(0.0, p.recommend - p.reported)),
        # people and posts more than units: the officer's column beside a directorate's
        "responsible": p.owners * short * (1.0 - 0.6 * p.dates) * (0.7 + 0.3 * p.people),
        "timescale": 0.0 if repeated else p.dates * short,
        "status": p.status * (1.0 if p.words <= 4 else 0.4),
        "accepted": p.accept * (1.0 if p.words <= 5 else 0.5),
    }
    # a column left empty in many rows fits a role less, except the number and the recommendation, which a
    # recommendation of several action rows prints once, leaving the cells below it empty
    return {
        role: score * (0.7 + 0.3 * p.fill if role in _ONCE_ROLES else 0.4 + 0.6 * p.fill)
        for role, score in scores.items()
    }


_ONCE_ROLES = frozenset({"rec_id", "recommendation"})


def role_scores(label: str, p: ColumnProfile) -> dict[str, float]:
    """Header and content evidence combined, per role. A label of the "other" kind vetoes weaker role words."""
    header = label_scores(label)
    content = content_scores(p)
    other = header.get(OTHER, 0.0)
    out: dict[str, float] = {}
    for role in ROLES:
        h = header.get(role, 0.0)
        if h and other >= h:
            out[role] = 0.0
            continue
        c = content.get(role, 0.0)
        if h:
            out[role] = _HEADER_WEIGHT * h + _CONTENT_WEIGHT * c - 0.35 * (1.0 - c) * (role in _SHORT_ROLES)
        else:
            # the cells alone, discounted by how surely the label names something else: in full under no
            # label or one the vocabulary does not know ("What has happened"), little under a weak label
            # of another role ("Review outcome" over recommendations), nothing under a sure one
            elsewhere = max(header.values(), default=0.0)
            out[role] = _CELLS_ALONE_WEIGHT * c * max(0.0, 1.0 - elsewhere**2)
            if role in _SHORT_ROLES and c >= 0.7:  # cells that clearly fit win over a label ("Rec" over numbers)
                out[role] = max(out[role], 0.55 * c)
        if role in ("recommendation", "progress") and p.ids >= 0.6 and p.words <= 2.5:
            out[role] *= 0.3  # a column of numbers holds no recommendations, whatever its label says
        if role == "responsible" and p.members >= 0.5:
            out[role] *= 0.75  # councillors, whatever the label: the officers' column beside it is the owner
        if role == "status" and p.words >= _PROSE_WORDS:
            out[role] *= 0.5  # nor a column of prose a status ("Status update" over what was done)
        if role == "progress" and h < _SURE_LABEL and p.fill and p.words < _PROSE_WORDS:
            # a word or two a cell reports little, under a label that does not say so surely ("Evidence")
            out[role] *= 0.5 + 0.5 * p.words / _PROSE_WORDS
    return out


_PROSE_WORDS = 6  # words a cell on average: a column of prose
_SURE_LABEL = 0.8  # a label's score for a role, at least, to name it surely ("Progress", "Update")

# short-value roles: the cells must fit a label naming them, and cells alone can give them to an unlabelled column
_SHORT_ROLES = frozenset({"rec_id", "timescale", "responsible", "status"})


def assign(labels: Sequence[str], profiles: Sequence[ColumnProfile]) -> dict[str, int]:
    """Role -> column, chosen jointly: each role once, each column once, the best total score.

    A dynamic programme over the columns left to right, keyed by the roles already used. The first
    prose column gets a small bonus as the recommendation, and a progress column left of the
    recommendation a penalty (papers put what was recommended before what was done about it).
    """
    n = len(labels)
    table, leaning = _contrasted([role_scores(labels[i], profiles[i]) for i in range(n)], profiles)
    # the order papers usually follow (the recommendation first) decides only where the cells do not: when
    # one prose column asks and another reports, the cells have said which is which, in whatever order
    lean = 0.0 if leaning else 1.0
    first_prose = next((i for i in range(n) if profiles[i].words >= _PROSE_WORDS), None)
    memo: dict[tuple[int, frozenset[str], bool], tuple[float, tuple[tuple[str, int], ...]]] = {}

    def best(col: int, used: frozenset[str], passed: bool) -> tuple[float, tuple[tuple[str, int], ...]]:
        """``passed``: a prose column has been seen since the recommendation column."""
        if col == n:
            return 0.0, ()
        key = (col, used, passed)
        if key in memo:
            return memo[key]
        prose = profiles[col].words >= _PROSE_WORDS
        after = passed or ("recommendation" in used and prose)
        result = best(col + 1, used, after)  # no role for this column
        for role, score in table[col].items():
            first = role == "recommendation" and col == first_prose
            if role in used or score + (0.1 * lean if first else 0.0) < MIN_ROLE_SCORE:
                continue  # (the first prose column's lead counts towards the recommendation's threshold)
            if role == "recommendation":
                score += 0.1 * lean if first else 0.0
                score -= 0.3 * lean if "progress" in used else 0.0
            elif role == "progress" and "recommendation" in used and not passed and prose and col not in leaning:
                score += 0.2  # the first prose column after the recommendation: what was done about it
            rest, chosen = best(col + 1, used | {role}, after)
            if score + rest > result[0]:
                result = (score + rest, ((role, col), *chosen))
        memo[key] = result
        return result

    return dict(best(0, frozenset(), False)[1])


_CONTRAST = 0.4  # how far one prose column must report more than another to tell them apart by it


def _asks(p: ColumnProfile) -> float:
    """How much more a column's cells ask for things (or are numbered) than report what was done."""
    return max(p.recommend, p.numbered) - p.reported


def _contrasted(
    table: list[dict[str, float]], profiles: Sequence[ColumnProfile]
) -> tuple[list[dict[str, float]], set[int]]:
    """Prose columns told apart by each other: beside a column that reports what was done, a prose
    column that reports nothing, or one that asks for things (or is numbered) where the others do not, leans
    to the recommendation and away from the progress, whatever its label says ("Review outcome" over what a
    review asked, beside "What has happened"). Also gives the columns told apart so."""
    prose = [i for i, p in enumerate(profiles) if p.words >= _PROSE_WORDS]
    out = list(table)
    leaning: set[int] = set()
    for i in prose:
        others = [profiles[j] for j in prose if j != i]
        if not others:
            continue
        # it reports less than another, or asks (or is numbered) more than every other, net of reporting
        lead = max(
            max(p.reported for p in others) - profiles[i].reported,
            _asks(profiles[i]) - max(_asks(p) for p in others),
        )
        if lead < _CONTRAST:
            continue
        leaning.add(i)
        scores = dict(table[i])
        scores["recommendation"] = scores.get("recommendation", 0.0) + _CONTRAST * lead
        scores["progress"] = max(0.0, scores.get("progress", 0.0) - _CONTRAST * lead)
        out[i] = scores
    return out, leaning
