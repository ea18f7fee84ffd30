"""The header vocabulary: which words in a column label name which role.

The phrases live in ``data/header_vocab.csv`` (role, phrase, weight), one table that the
classifier, the borderless-table finder and the page pre-scan all read. A label is
matched on its words with plurals folded, so "Recommendations", "Responsibilities"
and "Timescales" need no entry of their own; a phrase ending in ``*`` matches any
word that starts so. Where two matched phrases overlap, the longer
one wins ("Meeting Date" is a meeting date, not a timescale; "Recommendation made to"
names an owner, not a recommendation). Words after the first preposition only qualify
the label's head ("Progress report of action taken to implement recommendation" is a
progress column), so a phrase found only there counts for half its weight. A phrase
ending in ``$`` matches only at the end of a label, in full, and the phrases before it
count for less ("Complete by" asks by whom or by when, and the cells tell which; it is not
a status column).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import MONTH

ROLES = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status", "accepted")
OTHER = "other"
_PREPOSITIONS = frozenset("of for to on against by in from with as at".split())
_TOKEN_RE = re.compile(r"[a-z0-9#%]+(?:'[a-z]+)?\*?")
_DATEISH_RE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b|"
    rf"\b{MONTH}\b(?=\s+(?:19|20)\d{{2}})",
    re.I,
)
_NOTE_RE = re.compile(r"\[\w{1,5}\]|\(\w{1,3}\)\s*$|[*\u2020\u2021]+\s*$")


@dataclass(frozen=True, slots=True)
class Phrase:
    role: str
    words: tuple[str, ...]  # stemmed; a trailing "*" on a word marks a prefix
    weight: float
    final: bool = False  # matches only at the end of the label ("Complete by": by whom or by when)


@lru_cache(maxsize=1)
def phrases() -> tuple[Phrase, ...]:
    """The vocabulary table, parsed once."""
    text = resources.files("extract.data").joinpath("header_vocab.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")):
        role, phrase, weight = row["role"].strip(), row["phrase"].strip(), float(row["weight"])
        if role not in ROLES and role != OTHER:
            raise ValueError(f"header vocabulary: unknown role {role!r}")
        words = tuple(w if w.endswith("*") else stem(w) for w in _tokens(phrase))
        out.append(Phrase(role, words, weight, final=phrase.endswith("$")))
    return tuple(out)


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """Fold plurals only ("Timescales", "Responsibilities"); word families go in the table as prefixes
    ("accountab*"), since a real stemmer joins words that label different columns (response / responsible)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    text = text.casefold().replace("\u2019", "'")
    return [t.replace("'", "") if len(t) > 3 else t for t in _TOKEN_RE.findall(text)]


def clean_label(text: str) -> str:
    """A header label without footnote markers, bracketed asides and dates ("Update (as at 31/03/2024)")."""
    text = _NOTE_RE.sub("", text)
    text = re.sub(r"\([^)]*\)", " ", text)
    return _DATEISH_RE.sub(" ", text)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return frozenset(w for p in phrases() for w in p.words if not w.endswith("*"))


def _mend(words: list[str]) -> list[str]:
    """Join the pieces of a word broken by a narrow column ("recommendati" "on" -> "recommendation")."""
    known = _known_words()
    out: list[str] = []
    for word in words:
        if out and out[-1] not in known and stem(out[-1] + word) in known:
            out[-1] = stem(out[-1] + word)
        else:
            out.append(word)
    return out


def _word_match(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def label_scores(label: str) -> dict[str, float]:
    """Role -> strength (0-1) of what the label's words say; empty when they say nothing."""
    return _analyse(label)[0]


_BEFORE_FINAL = 0.4  # the weight left to phrases before one that ends the label and says what it asks

_FILLERS = frozenset("of for to and the by a an or on in at with".split())


def is_whole_label(text: str) -> bool:
    """Is ``text`` nothing but a header label: its words all belong to the phrases it matches
    ("Responsible officer", "Target date") rather than a name or sentence that holds one ("Corporate
    Fraud Manager")?"""
    scores, words, covered = _analyse(text)
    if not scores or not words:
        return False
    return all(i in covered or w in _FILLERS for i, w in enumerate(words))


def begins_label(text: str) -> bool:
    """Is ``text`` the first words of a longer header label, cut off ("Scrutiny" of "Scrutiny recommendation")?"""
    words = _mend([stem(w) for w in _tokens(clean_label(text))])
    if not words:
        return False
    by_first, prefixed, _ = _index()
    for _, phrase in (*by_first.get(words[0], ()), *prefixed):
        n = len(words)
        if n < len(phrase.words) and all(_word_match(p, w) for p, w in zip(phrase.words, words, strict=False)):
            return True
    return False


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[tuple[int, Phrase], ...]], tuple[tuple[int, Phrase], ...], tuple]:
    """The phrases by their first word, those whose first word is a prefix, and each phrase's letters run
    together (for labels broken mid-word)."""
    by_first: dict[str, list[tuple[int, Phrase]]] = {}
    prefixed: list[tuple[int, Phrase]] = []
    for number, phrase in enumerate(phrases()):
        if phrase.words[0].endswith("*"):
            prefixed.append((number, phrase))
        else:
            by_first.setdefault(phrase.words[0], []).append((number, phrase))
    joined = tuple(
        (phrase, "".join(w.rstrip("*") for w in phrase.words))
        for phrase in phrases()
        if len("".join(w.rstrip("*") for w in phrase.words)) >= 6
    )
    return {k: tuple(v) for k, v in by_first.items()}, tuple(prefixed), joined


@lru_cache(maxsize=4096)
def _starting(word: str) -> tuple[tuple[int, Phrase], ...]:
    """The phrases (numbered) whose first word matches ``word``: those that begin with it, then those whose
    first word is a prefix of it."""
    by_first, prefixed, _ = _index()
    return (*by_first.get(word, ()), *((i, p) for i, p in prefixed if _word_match(p.words[0], word)))


@lru_cache(maxsize=8192)
def _analyse(label: str) -> tuple[dict[str, float], tuple[str, ...], frozenset[int]]:
    """The role scores of a label, its (mended, plural-folded) words, and which of them the phrases cover."""
    words = _mend([stem(w) for w in _tokens(clean_label(label))])
    if not words:
        return {}, (), frozenset()
    squashed = "".join(_tokens(label))
    matches: list[tuple[int, int, Phrase]] = []  # (start, end, phrase), each phrase at its first place
    seen: set[int] = set()
    for start, word in enumerate(words):
        for number, phrase in _starting(word):
            n = len(phrase.words)
            if number in seen or start + n > len(words) or phrase.final and start + n != len(words):
                continue
            if all(_word_match(p, w) for p, w in zip(phrase.words, words[start : start + n], strict=True)):
                matches.append((start, start + n, phrase))
                seen.add(number)
    if not matches:  # a label broken mid-word by a narrow column ("Recommendati on", "Resp onsible")
        matches = [(0, len(words), phrase) for phrase, joined in _index()[2] if joined in squashed]
    kept = [
        m
        for m in matches
        if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0] for o in matches)
    ]
    head_end = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    scores: dict[str, float] = {}
    ends = any(phrase.final for _, _, phrase in kept)
    for start, end, phrase in kept:
        head = start < head_end or end - start > 1 and start <= head_end or phrase.final
        weight = phrase.weight if head else phrase.weight * 0.5
        if ends and not phrase.final:
            weight *= _BEFORE_FINAL  # "Complete by", "Agreed by": the verb says what was done, not the column
        scores[phrase.role] = max(scores.get(phrase.role, 0.0), weight)
    covered = frozenset(i for start, end, _ in kept for i in range(start, end))
    return scores, tuple(words), covered


def completes_label(label: str, piece: str) -> bool:
    """Is ``piece`` the broken end of ``label`` ("Timescale for implem" + "entation")? It joins a word
    of the label back together, or changes what the label says."""
    joined = f"{label}\n{piece}"
    before, words, _ = _analyse(label)
    after, joined_words, _ = _analyse(joined)
    return bool(after) and (after != before or len(joined_words) == len(words))


def best_role(label: str) -> str | None:
    """The role a label names most strongly on its own, or None (also for "other" labels)."""
    scores = label_scores(label)
    if not scores:
        return None
    role = max(scores, key=lambda r: (scores[r], -ROLES.index(r) if r in ROLES else -99))
    return None if role == OTHER else role


@lru_cache(maxsize=1)
def _recommendation_words() -> re.Pattern[str]:
    """A quick test for lines that may hold a recommendation label: any word of such a phrase."""
    words = {w.rstrip("*") for p in phrases() if p.role == "recommendation" for w in p.words if len(w.rstrip("*")) > 2}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")", re.I)


def heads_tracking_table(line: str) -> bool:
    """Might this line of text be a tracking table's header row (a recommendation label and another role)?"""
    if len(line) > 200 or not _recommendation_words().search(line):
        return False
    scores = label_scores(line)
    return scores.get("recommendation", 0.0) >= 0.4 and any(
        r in scores for r in ROLES if r not in ("recommendation", "rec_id")
    )


_LABEL_SHARE = 0.6  # of a header's words, at least this share belongs to known labels


def names_tracking_columns(text: str) -> bool:
    """Is ``text`` a tracking table's header row as a page's text gives it (the labels on one line, or broken
    over a few): a recommendation label and another role, and mostly labels, not a sentence that mentions them
    ("the Panel recommended that the service publish a quarterly update on its progress")?"""
    if not heads_tracking_table(text):
        return False
    _, words, covered = _analyse(text)
    return len(covered) >= _LABEL_SHARE * len(words)  # a sentence's own little words are not labels
