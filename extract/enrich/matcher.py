"""spaCy's token Matcher and entity ruler in plain Python, over the tokens of :mod:`extract.enrich.tokens` (a
test compares their matches with spaCy's on every cell of the samples)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .tokens import Doc, Span, Token


class Matcher:
    """spaCy's Matcher for the patterns the enrichment uses: every (key, start, end) where a pattern matches.

    A token spec may test TEXT/ORTH or LOWER (a string, or IN, NOT_IN, REGEX together) and IS_STOP; OP is
    one of ``?``, ``+``, ``*`` (or absent: exactly one).
    """

    def __init__(self) -> None:
        self.patterns: list[tuple[str, list[tuple[int, str | None]]]] = []
        self._tests: list = []
        self._ids: dict[str, int] = {}
        self._known: dict[tuple[int, str], bool] = {}

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        for pattern in patterns:
            self.patterns.append((key, [(self._test(spec), spec.get("OP")) for spec in pattern]))

    def _test(self, spec: dict) -> int:
        body = {k: v for k, v in spec.items() if k != "OP"}
        key = json.dumps(body, sort_keys=True)
        if key not in self._ids:
            self._ids[key] = len(self._tests)
            self._tests.append(_compile_spec(body))
        return self._ids[key]

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        n = len(doc)
        texts = [t.text for t in doc.tokens]
        known = self._known  # (test, token text) -> bool: every test reads only the token's text
        if len(known) > 500_000:
            known.clear()

        def ok(test: int, p: int) -> bool:
            found = known.get((test, texts[p]))
            if found is None:
                found = known[(test, texts[p])] = self._tests[test](doc.tokens[p])
            return found

        starts_of: dict[int, list[int]] = {}  # first test -> the positions where it holds
        found: list[tuple[str, int, int]] = []
        for key, specs in self.patterns:
            first, op = specs[0]
            if op in ("?", "*"):
                starts: list[int] = list(range(n))
            else:
                if first not in starts_of:
                    starts_of[first] = [p for p in range(n) if ok(first, p)]
                starts = starts_of[first]
            for start in starts:
                positions = {start}
                for test, op in specs:
                    step = {p + 1 for p in positions if p < n and ok(test, p)}
                    if op in ("+", "*"):
                        frontier = step
                        while frontier:
                            frontier = {p + 1 for p in frontier if p < n and ok(test, p)} - step
                            step |= frontier
                    if op in ("?", "*"):
                        step |= positions
                    positions = step
                    if not positions:
                        break
                found.extend((key, start, end) for end in sorted(positions) if end > start)
        return found


Check = Callable[[Token], bool]


def _compile_spec(spec: dict) -> Check:
    checks: list[Check] = []
    for attr, value in spec.items():
        if attr == "IS_STOP":
            checks.append(_is_stop(bool(value)))
            continue
        if attr not in ("TEXT", "ORTH", "LOWER"):
            raise ValueError(f"token attribute {attr} is not supported")
        get = _lower if attr == "LOWER" else _text
        if isinstance(value, str):
            checks.append(_test(get, value.__eq__))
            continue
        for op, arg in value.items():
            if op == "IN":
                checks.append(_test(get, frozenset(arg).__contains__))
            elif op == "NOT_IN":
                checks.append(_test(get, _not_in(frozenset(arg))))
            elif op == "REGEX":
                checks.append(_test(get, _search(re.compile(arg))))
            else:
                raise ValueError(f"token predicate {op} is not supported")
    return lambda tok: all(check(tok) for check in checks)


def _test(get: Callable[[Token], str], test: Callable[[str], bool]) -> Check:
    return lambda tok: test(get(tok))


def _not_in(words: frozenset[str]) -> Callable[[str], bool]:
    return lambda text: text not in words


def _search(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(text) is not None


def _is_stop(want: bool) -> Check:
    return lambda tok: tok.is_stop == want


def _text(tok: Token) -> str:
    return tok.text


def _lower(tok: Token) -> str:
    return tok.text.lower()


class EntityRuler:
    """spaCy's entity ruler over :class:`Matcher` (the longest match first, then the earliest), for a blank
    pipeline. ``__call__`` returns None when two labels tie for one span (spaCy's choice then depends on its
    hash order: leave it to spaCy), unless the caller treats all the tied labels alike (``alike``)."""

    def __init__(self, patterns: list[dict]) -> None:
        self.matcher = Matcher()
        for entry in patterns:
            self.matcher.add(f"{entry['label']}\x00{entry.get('id', '')}", [entry["pattern"]])

    def __call__(self, doc: Doc, alike: frozenset[str] = frozenset()) -> Doc | None:
        matches = sorted(set(self.matcher(doc)), key=lambda m: (m[2] - m[1], -m[1], m[0]), reverse=True)
        spans: dict[tuple[int, int], str] = {}
        for key, start, end in matches:
            first = spans.setdefault((start, end), key)
            if first != key and not {first.split("\x00")[0], key.split("\x00")[0]} <= alike:
                return None
        seen: set[int] = set()
        ents: list[Span] = []
        for key, start, end in matches:
            if start not in seen and end - 1 not in seen:
                label, ent_id = key.split("\x00")
                ents.append(Span(doc, start, end, label, ent_id))
                seen.update(range(start, end))
        doc.ents = sorted(ents, key=lambda s: s.start)
        return doc
