"""Mentions: the people and organisations named in free text (the progress cell), and the people known
from the owners."""

from __future__ import annotations

import re

from .nlp import _TRIGGERS, _model_installed, parse
from .shapes import _strip_rank, is_person_name
from .words import _CONNECTORS, _NAME, POST_HEADS, TEAM_HEADS


def _trim(span):
    """Drop connectors and punctuation at the ends of a span."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _CONNECTORS):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in _CONNECTORS or doc[start].lower_ == "the"):
        start += 1
    return doc[start:end]


# An organisation word that names a thing, not a body: "Enhanced Partnership Plan", "Trust Board Report".
_THING_WORDS = frozenset(
    {
        "Plan",
        "Plans",
        "Scheme",
        "Strategy",
        "Policy",
        "Document",
        "Report",
        "Review",
        "Agreement",
        "Protocol",
        "Framework",
        "Programme",
        "Fund",
        "Project",
        "Meeting",
        "Website",
        "Action",
        "Statement",
        "Charter",
        "Bid",
        "Grant",
        "Award",
    }
)


# A lone modifier that does not make an organisation's name: "Annual Council" (a meeting), "Local Authority",
# "County Council" (which one?), "Enhanced Partnership" (an arrangement).
_GENERIC_MODIFIERS = frozenset(
    {
        "Annual",
        "Full",
        "Local",
        "County",
        "City",
        "District",
        "Borough",
        "Parish",
        "Town",
        "Enhanced",
        "Joint",
        "Strategic",
        "Relevant",
        "Statutory",
        "Special",
        "Extraordinary",
        "New",
        "Existing",
        "Partner",
        "Safeguarding",
        "Shadow",
    }
)


def _org_ok(span) -> bool:
    """An ORG span from the rules that names a body: not "Annual Council", not "Local Authority Housing Fund"."""
    words = [t.text for t in span]
    if len(words) == 2 and words[0] in _GENERIC_MODIFIERS:
        return False
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].is_title and not doc[i].is_stop:
        i += 1
    return not (i > span.end and doc[i - 1].text in _THING_WORDS | TEAM_HEADS | POST_HEADS)


def _model_org_ok(span) -> bool:
    words = [t.text for t in span if not t.is_punct]
    if len(words) < 2 or words[-1] in TEAM_HEADS | POST_HEADS:
        return False
    if any(w.lower() in ("committee", "cabinet", "scrutiny", "panel", "members") for w in words):
        return False
    return all(_NAME.match(w) or w.isupper() or w in _CONNECTORS for w in words)


_NOT_MENTIONS = frozenset({"POST", "TEAM"})  # labels read alike here: words that are not a mention


def mentions(text: str, known_people: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """People and organisations named in free text, each ``{"text", "type"}``, in order of first mention.

    People: a rank or title and a name ("DCI Ashton", "Councillor Joy Allen"), a known given name and a
    surname ("Fiona Liddle"), or a name the paper gives as an owner (``known_people``). Organisations:
    capitalised names ending in an organisation word ("Durham Constabulary", "Safe Durham Partnership",
    "Environment Agency", "Home Office"), "NHS", "Ministry of …" / "Department for …". A lone "the Council"
    or "the Police" is not a mention.
    """
    if not text or not text.strip():
        return ()
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    # Every rule that can name a person or an organisation needs one of the trigger words; without one (and
    # without a trained model) the pipeline would find nothing, so it is not run.
    run = _model_installed() or not _TRIGGERS.isdisjoint(re.findall(r"[A-Za-z]+", text))
    for ent in parse(text, _NOT_MENTIONS).ents if run else ():
        span = _trim(ent)
        if not len(span):
            continue
        if ent.ent_id_ == "rule":
            if ent.label_ == "PERSON":
                kind = "person"
            elif ent.label_ == "ORG":
                if not _org_ok(span):
                    continue
                kind = "organisation"
            else:
                taken.append((span.start_char, span.end_char))  # posts and teams: not mentions, but they
                continue  # keep their words from being read as a name
        elif ent.label_ == "PERSON" and is_person_name(span.text):
            kind = "person"
        elif ent.label_ == "ORG" and _model_org_ok(span):
            kind = "organisation"
        else:
            continue
        taken.append((span.start_char, span.end_char))
        found.append((span.start_char, span.text, kind))
    for name in sorted(set(known_people), key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text):
            s, e = m.span()
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                found.append((s, name, "person"))
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _, span_text, kind in sorted(found):
        span_text = re.sub(r"\s+", " ", span_text)
        if (span_text, kind) not in seen:
            seen.add((span_text, kind))
            out.append({"text": span_text, "type": kind})
    return tuple(out)


def known_people(all_owners) -> tuple[str, ...]:
    """Names of the people among owners (two words or more, ranks dropped), to find them in progress text."""
    names: set[str] = set()
    for owner_list in all_owners:
        for owner in owner_list:
            if owner.get("type") != "person":
                continue
            words, _ = _strip_rank(owner["name"].split())
            if len(words) >= 2:
                names.add(" ".join(words))
    return tuple(sorted(names))
