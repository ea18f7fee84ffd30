"""Each find read in its clause: tense, negation, condition, part of the job (see :mod:`extract.enrich.statements`)."""

from __future__ import annotations

import re

from .words import (
    _PARTICLE,
    _PASSIVE_ONLY,
    _PREPOSITIONS,
    ADVERBS,
    BE,
    CLAUSE_BREAKS,
    COMPLETE_WORDS,
    CONDITIONS,
    DELAY_WORDS,
    DONE_VERBS,
    HAVE,
    MODALS,
    NEGATIONS,
    PARTIAL,
    PLAN_WORDS,
    WORK_VERBS,
)


def _clause_before(tokens: list[str], start: int, limit: int = 12) -> list[str]:
    """The lower-cased words of the clause before ``start`` (nearest last), at most ``limit``."""
    out: list[str] = []
    for i in range(start - 1, max(-1, start - 1 - limit), -1):
        if tokens[i] in CLAUSE_BREAKS:
            break
        out.append(tokens[i])
    return out


def _group(before: list[str]) -> list[str]:
    """The auxiliaries and adverbs right before a verb ("has not yet been"), nearest last."""
    group: list[str] = []
    for word in before:
        if (
            word in BE
            or word in HAVE
            or word in MODALS
            or word in NEGATIONS
            or word in ADVERBS
            or word == "to"
            or word in PLAN_WORDS
            or word in {"get", "got", "gets", "getting"}
        ):
            group.append(word)
        else:
            break
    return group


def _is_future(group: list[str], before: list[str]) -> bool:
    if any(w in MODALS for w in group) or "to" in group:
        return True
    if any(w in PLAN_WORDS for w in group):
        return True
    # "expected to be completed", "is due to be adopted" with the planning word further back
    return "to" in before[:3] and any(w in PLAN_WORDS for w in before[:6])


def _negated(group: list[str], before: list[str]) -> bool:
    if any(w in NEGATIONS for w in group):
        return True
    return before[:2] == ["to", "yet"] or before[:3] == ["be", "to", "yet"]  # "yet to be adopted"


def _conditional(before: list[str]) -> bool:
    return any(w in CONDITIONS for w in before)


def _partial(before: list[str], tokens: list[str], end: int) -> bool:
    if any(w in PARTIAL for w in before):
        return True
    # "30 of 45 actions have been completed", "3 out of 5"
    words = " ".join(reversed(before))
    if re.search(r"\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b", words):
        return True
    after = tokens[end : end + 3]
    return bool(after) and after[0] in {"in", "for"} and len(after) > 1 and after[1] == "part"


def _counted_subject(before: list[str]) -> bool:
    """A clause that opens with a count of people or items ("120 drivers", "78% of cases", "three teams")."""
    if not before:
        return False
    first = before[-1].replace(",", "")
    return first.isdigit() or first in {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "many",
        "several",
        "most",
        "some",
    }


def _read_done(tokens: list[str], start: int, end: int, label: str) -> str | None:
    """A done word in its clause: "complete", "in_progress" (partly done or not yet), "delayed", or None."""
    word = tokens[start]
    before = _clause_before(tokens, start)
    group = _group(before)
    if label == "DONE":
        if word in _PARTICLE and tuple(tokens[end : end + len(_PARTICLE[word])]) != _PARTICLE[word]:
            return None
        after = tokens[end : end + 3]
        if after[:2] == ["to", "date"] or (word == "agreed" and after[:1] in (["to"], ["that"])):
            return None
        if before and before[0] in {"the", "a", "an", "this", "these", "those", "its", "their", "our", "newly"}:
            return None  # an adjective ("the adopted policy"): not a report
        if before and before[0] in {"being"}:
            return None  # progressive passive: read as work under way elsewhere
    if _conditional(before) or any(w in {"no", "none", "nothing"} for w in before):
        return None  # "once it is adopted"; "no decision has been made" (left to "no progress" and the like)
    negated = _negated(group, before)
    if _is_future(group, before) and not negated:
        return None
    if negated:
        if word in {"achieved", "met", "delivered"} and "yet" not in group:
            return "delayed"
        return "in_progress"
    passive_or_perfect = any(w in BE or w in HAVE for w in group)
    at_start = len(before) == 0 and start == 0
    if label == "DONE":
        if at_start:
            if word not in COMPLETE_WORDS:
                return None  # "Adopted in May" is rare; "Opened figures …" is not a report
        elif word not in DONE_VERBS:
            return None
        elif not passive_or_perfect and (word in _PASSIVE_ONLY or not before):
            return None  # "…, carried out by" / a verb with no subject
        if tokens[end : end + 2] == ["so", "far"]:
            return "in_progress"  # "11 schools completed so far"
        if tokens[end : end + 2] in (["for", "consultation"], ["in", "principle"]):
            return "in_progress"
        if _counted_subject(before) and not any(w in BE for w in group):
            return None  # "120 drivers have completed the training": people doing a task, not the job
        if not passive_or_perfect and not at_start and tokens[end : end + 1] and tokens[end] in _PREPOSITIONS:
            return None  # "a programme delivered with the contractor": a participle after its noun
    elif label in ("DONE_PHRASE", "COMPLETE_ADJ"):
        if label == "COMPLETE_ADJ" and not (at_start or any(w in BE for w in group)):
            return None  # "a complete review"
        if (
            label == "DONE_PHRASE"
            and tokens[start] in {"in", "operational", "live"}
            and not (at_start or any(w in BE or w in HAVE for w in group) or (before and before[0] == "now"))
        ):
            return None  # "in place" needs "is now in place", "has been put in place"
    if _partial(before, tokens, end):
        return "in_progress"
    return "complete"


def _read(tokens: list[str], start: int, end: int, label: str) -> str | None:
    if label in ("DONE", "DONE_PHRASE", "COMPLETE_ADJ"):
        return _read_done(tokens, start, end, label)
    before = _clause_before(tokens, start)
    group = _group(before)
    if _conditional(before):
        return None
    negated = _negated(group, before)
    future = _is_future(group, before) and not negated
    if label == "FULFILS":
        return None if future or negated else "complete"
    if label == "NO_PROGRESS":
        return "not_started"
    if label == "START":
        if negated or tokens[start] in {"start", "commence", "begin"} and before[:2] == ["to", "yet"]:
            return "not_started"
        if tokens[start] in {"start", "commence", "begin"} or future:
            return None
        if not any(w in BE or w in HAVE for w in group) and tokens[start] != "began":
            return None  # "started" as an adjective or in a list
        return "in_progress"
    if label == "DELAY":
        if negated or future:
            return None
        if tokens[start] in DELAY_WORDS and not (
            any(w in BE or w in HAVE for w in group)
            or tokens[end : end + 1] in (["by"], ["until"], ["due"], ["because"])
        ):
            return None  # "Delayed transfers of care …"
        return "delayed"
    if label == "UNDERWAY":
        if tokens[start] in {"continues", "continue", "continuing"}:
            return None if future else "in_progress"
        if negated:
            return "delayed" if tokens[end - 1] in {"track", "target", "schedule"} else None
        return None if future else "in_progress"
    if label == "ONGOING":
        if (
            negated
            or future
            or not any(w in BE for w in group)
            and (not before or before[0] not in {"remains", "remain"})
        ):
            return None
        return "ongoing"
    return None


def _progressive(tokens: list[str], i: int) -> bool:
    """ "is being developed", "are currently being reviewed": work under way."""
    if tokens[i] not in WORK_VERBS or i < 2 or tokens[i - 1] != "being":
        return False
    return tokens[i - 2] in BE or (i >= 3 and tokens[i - 2] in ADVERBS and tokens[i - 3] in BE)
