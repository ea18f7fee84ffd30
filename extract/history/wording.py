"""Wording of recommendations compared: normalisation, similarity and one-to-one matching."""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Sequence

from .model import NUMBER_CONFLICT

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


_CDIST_PAIRS = 400  # from this many pairs on, rapidfuzz's cdist (which imports numpy, ~0.1 s) is quicker


def _scores(left: Sequence[str], right: Sequence[str], scorer) -> list[list[float]]:
    """``scorer`` of each text of ``left`` with each of ``right``, as rapidfuzz's ``cdist`` gives them (its
    32-bit floats); a few pairs are scored one by one, so that a small batch does not import numpy for them."""
    if len(left) * len(right) >= _CDIST_PAIRS:
        from rapidfuzz import process

        return process.cdist(left, right, scorer=scorer, workers=1).tolist()
    return [[_float32(scorer(a, b)) for b in right] for a in left]


def _float32(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """Similarity (0-1) of each normalised wording of ``left`` to each of ``right``.

    Two wordings whose numbers disagree ("contracts above £726,000" and "contracts above £245,000": neither
    text's numbers are all in the other) score lower: a recommendation keeps its figures from report to report
    (a shortened one may lose some), while papers written from one template change them."""
    if not left or not right:
        return [[0.0] * len(right) for _ in left]
    from rapidfuzz import fuzz

    plain = _scores(left, right, fuzz.ratio)
    unordered = _scores(left, right, fuzz.token_sort_ratio)
    partial = _scores(left, right, fuzz.partial_ratio)
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
