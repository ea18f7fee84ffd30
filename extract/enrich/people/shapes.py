"""Name shapes: is a text a person's name, and what kind of owner or mention it is (person, post, team,
organisation)."""

from __future__ import annotations

import re

from .nlp import parse
from .words import (
    _BODY_WORDS,
    _CONNECTORS,
    _INITIAL,
    _NAME,
    _NONNAME_SUFFIX,
    _PUBLIC_BODY_WORDS,
    _RANK_WORDS,
    _RANKS_LONGEST_FIRST,
    DEPT_WORDS,
    GIVEN_NAMES,
    NONNAME,
    ORG_HEADS,
    POST_HEADS,
    POST_LEADS,
    TEAM_HEADS,
)


def _strip_rank(words: list[str]) -> tuple[list[str], bool]:
    bare = [w.rstrip(".") for w in words]
    for rank in _RANKS_LONGEST_FIRST:
        if tuple(bare[: len(rank)]) == rank and len(words) > len(rank):
            return words[len(rank) :], True
    return words, False


def _name_word(word: str) -> bool:
    return bool(
        _NAME.match(word) or _INITIAL.match(word) or (("-" in word) and all(_NAME.match(p) for p in word.split("-")))
    )


def is_person_name(text: str) -> bool:
    """Two to four capitalised name words (or a rank and one to three), none a word of a service or post."""
    words = text.replace(",", " ").split()
    words, ranked = _strip_rank(words)
    if not words or len(words) > 4 or (len(words) < 2 and not ranked):
        return False
    if not all(_name_word(w) for w in words):
        return False
    if any(w.lower().rstrip(".") in NONNAME for w in words):
        return False
    if ranked or words[0] in GIVEN_NAMES:
        return True
    return not any(w.lower() in DEPT_WORDS or _NONNAME_SUFFIX.search(w) for w in words)


def _type_by_words(text: str) -> str:
    """post, organisation or team from head words; "" when the words say nothing."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not words:
        return ""
    lead = tuple(words[:3])
    if any(lead[: len(p)] == p for p in POST_LEADS) or words[-1] in POST_HEADS or words[-1].rstrip("s") in POST_HEADS:
        return "post"
    if words[-1] in ORG_HEADS | _BODY_WORDS or any(w in _PUBLIC_BODY_WORDS for w in words):
        return "organisation"
    if words[-1] in TEAM_HEADS:
        return "team"
    if any(w in ORG_HEADS for w in words):
        return "organisation"
    if any(w in TEAM_HEADS for w in words):
        return "team"
    if any(w in POST_HEADS for w in words):
        return "post"
    return ""


_LABEL_TYPE = {"PERSON": "person", "POST": "post", "ORG": "organisation", "TEAM": "team"}


def _untitle(text: str) -> str:
    """ "HEAD OF PLANNING" → "Head of Planning" (ranks and short acronyms kept), for text in capitals."""
    out = []
    for word in text.split():
        bare = word.strip(",.;:()")
        if bare.lower() in _CONNECTORS or bare.lower() == "the":
            out.append(word.lower())
        elif bare in _RANK_WORDS or bare in ORG_HEADS or len(bare) <= 3:
            out.append(word)
        else:
            out.append("-".join(p.capitalize() for p in word.split("-")))
    return " ".join(out)


def classify(text: str) -> str:
    """The owner type of one name: person, post, team or organisation.

    The vocabulary's head words and name shapes decide first (ranks, posts, organisations, teams, names);
    what they leave open goes through the spaCy pipeline (its rules, and a trained model's NER when one is
    installed); whatever is still open is a service area, a team.
    """
    text = text.strip()
    if not text:
        return "team"
    if text.isupper() and len(text) > 4:
        text = _untitle(text)
    if _strip_rank(text.split())[1] and is_person_name(text):
        return "person"
    by_words = _type_by_words(text)
    if by_words:
        return by_words
    if is_person_name(text):
        return "person"
    doc = parse(text)
    spans = [e for e in doc.ents if e.start == 0 and e.end == len(doc) - (1 if doc[-1].is_punct else 0)]
    rule = next((e for e in spans if e.ent_id_ == "rule" and e.label_ != "PERSON"), None)
    if rule is not None:
        return _LABEL_TYPE[rule.label_]
    if any(e.label_ == "ORG" for e in spans):
        return "organisation"
    return "team"  # a service area: "Public Health", "Development Management"
