"""Owners: the names in a responsible cell, split and typed (a person keeps the post or organisation named
with them)."""

from __future__ import annotations

import re

from .shapes import classify, is_person_name

_GROUP_SPLIT = re.compile(r"\s*(?:;|/|\n|\r|\|)\s*")
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.I)
_TRAILING_CONNECTOR = re.compile(r"(?:\b(?:and|of|for|the)|&|-|–)\s*$", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t,.;:-–")


def _comma_parts(group: str) -> list[str]:
    group = _PAREN.sub(lambda m: ", " + m.group(1) + ",", group)
    raw = [p for p in (_tidy(x) for x in group.split(",")) if p]
    parts: list[str] = []
    for part in raw:
        # a line or comma that cuts a name in two: "Head of Legal and" + "Democratic Services"
        if parts and (_TRAILING_CONNECTOR.search(parts[-1]) or part[:1].islower()):
            parts[-1] = f"{parts[-1]} {part}" if not parts[-1].endswith(",") else parts[-1] + " " + part
        else:
            parts.append(part)
    return parts


def owners(text: str) -> tuple[dict, ...]:
    """The owners named in a responsible cell, each ``{"name", "type"}`` (+ ``post``/``organisation``)."""
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    text = (text or "").replace("\u00a0", " ")
    # a line break inside one name ("Head of Legal and" / "Democratic Services") is not a separator
    text = re.sub(r"(\b(?:and|of|for|the)|&|,)[ \t]*\r?\n\s*", r"\1 ", text, flags=re.I)
    text = re.sub(r"[ \t]*\r?\n\s*(?=(?:and|of|for|&)\b|[a-z])", " ", text)
    for group in _GROUP_SPLIT.split(text):
        if not _tidy(group):
            continue
        current: list[dict] = []
        for part in _comma_parts(group):
            pieces = [_tidy(p) for p in _AND_SPLIT.split(part)]
            if len(pieces) > 1 and all(p and is_person_name(p) for p in pieces):
                current.extend({"name": p, "type": "person"} for p in pieces)
                continue
            kind = classify(part)
            last = current[-1] if current else None
            if kind == "person":
                current.append({"name": part, "type": "person"})
            elif kind == "post" and last is not None and last["type"] == "person" and "post" not in last:
                last["post"] = part
            elif kind in ("team", "organisation") and last is not None and last["type"] == "post":
                if kind == "organisation" and "organisation" not in last:
                    last["organisation"] = part
                else:
                    last["name"] = f"{last['name']}, {part}"
            elif kind in ("team", "organisation") and last is not None and last["type"] == "person":
                if "post" in last and kind == "team":
                    last["post"] = f"{last['post']}, {part}"
                elif kind == "organisation" and "organisation" not in last:
                    last["organisation"] = part
                else:
                    current.append({"name": part, "type": kind})
            else:
                current.append({"name": part, "type": kind})
        for owner in current:
            key = (owner["name"], owner["type"])
            if key not in seen:
                seen.add(key)
                out.append(owner)
    return tuple(out)
