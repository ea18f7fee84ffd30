"""spaCy's English tokenizer, sentencizer and token matcher in plain Python, so a run need not import spaCy.

Importing spaCy takes about a second, more than the rest of a one-paper run. What the enrichment asks of it is
small: the tokens of a blank English pipeline, the sentencizer's sentences, and the matches of token patterns
(the status words, the entity ruler's people, posts, organisations and teams). This module does the first two
(and :mod:`extract.enrich.matcher` the matches) with spaCy's own tables, saved in ``tokenizer_en.json``: the
prefix, suffix, infix and URL expressions (spaCy runs them with Python's ``re`` too), the special cases, the
stop words and the sentence-ending characters.

:func:`tokenize` follows spaCy's algorithm step by step. Where the text holds something the copy does not
cover (whitespace other than single spaces between words, a special case spaCy would apply across tokens), it
returns None and the caller uses spaCy itself, so the results are spaCy's either way. A test compares the
saved tables with the installed spaCy (``python -m extract.enrich.tokens`` rewrites them) and the tokens,
sentences and matches with spaCy's on every cell of the samples.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).with_name("tokenizer_en.json")


class _Tables:
    """The saved tables, compiled."""

    def __init__(self, data: dict) -> None:
        self.version: str = data["spacy"]
        self.prefix = re.compile(data["prefix"]).search
        self.suffix = re.compile(data["suffix"]).search
        self.infix = re.compile(data["infix"]).finditer
        self.url = re.compile(data["url"]).match if data["url"] else None
        self.specials: dict[str, list[str]] = data["specials"]
        self.stop_words = frozenset(data["stop_words"])
        self.punct_chars = frozenset(data["punct_chars"])
        # special cases that spaCy applies across the tokens of its affix rules: a text where one would apply
        # is left to spaCy (rare: "e.g" "." written apart, emoticons split by punctuation)
        self.across: dict[str, list[tuple[str, ...]]] = {}
        for phrase in data["across"]:
            self.across.setdefault(phrase[0], []).append(tuple(phrase))


@lru_cache(maxsize=1)
def tables() -> _Tables:
    return _Tables(json.loads(_DATA.read_text(encoding="utf-8")))


class Token:
    """A token with the attributes the enrichment reads (as on a spaCy Token)."""

    __slots__ = ("doc", "i", "idx", "text", "whitespace_")

    def __init__(self, doc: Doc, i: int, idx: int, text: str, whitespace: str) -> None:
        self.doc, self.i, self.idx, self.text, self.whitespace_ = doc, i, idx, text, whitespace

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def is_punct(self) -> bool:
        return is_punct(self.text)

    @property
    def is_stop(self) -> bool:
        return self.text.lower() in tables().stop_words

    @property
    def is_title(self) -> bool:
        return self.text.istitle()

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text


def is_punct(text: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in text)


class Span:
    """Tokens ``start`` to ``end`` of a Doc, with an entity label (as on a spaCy Span)."""

    __slots__ = ("doc", "end", "ent_id_", "label_", "start")

    def __init__(self, doc: Doc, start: int, end: int, label: str = "", ent_id: str = "") -> None:
        self.doc, self.start, self.end, self.label_, self.ent_id_ = doc, start, end, label, ent_id

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx if self.start < self.end else 0

    @property
    def end_char(self) -> int:
        if self.start >= self.end:
            return 0
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start : self.end])


class Doc:
    """Tokens of a text, and the entities a ruler found (as on a spaCy Doc)."""

    def __init__(self, text: str, pieces: Sequence[Sequence]) -> None:
        self.text = text
        self.tokens = [Token(self, i, idx, t, ws) for i, (idx, t, ws) in enumerate(pieces)]
        self.ents: list[Span] = []

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return Span(self, start, max(start, stop))
        return self.tokens[key]


# ---------------------------------------------------------------- the tokenizer


def _split_affixes(t: _Tables, string: str, specials: bool) -> tuple[list[str], str, list[str]]:
    prefixes: list[str] = []
    suffixes: list[str] = []
    last_size = 0
    while string and len(string) != last_size:
        if specials and string in t.specials:
            break
        last_size = len(string)
        m = t.prefix(string)
        pre_len = m.end() - m.start() if m else 0
        prefix = minus_pre = ""
        if pre_len:
            prefix, minus_pre = string[:pre_len], string[pre_len:]
            if minus_pre and specials and minus_pre in t.specials:
                string = minus_pre
                prefixes.append(prefix)
                break
        m = t.suffix(string[pre_len:])
        suf_len = m.end() - m.start() if m else 0
        suffix = minus_suf = ""
        if suf_len:
            suffix, minus_suf = string[-suf_len:], string[:-suf_len]
            if minus_suf and specials and minus_suf in t.specials:
                string = minus_suf
                suffixes.append(suffix)
                break
        if pre_len and suf_len and pre_len + suf_len <= len(string):
            string = string[pre_len:-suf_len]
            prefixes.append(prefix)
            suffixes.append(suffix)
        elif pre_len:
            string = minus_pre
            prefixes.append(prefix)
        elif suf_len:
            string = minus_suf
            suffixes.append(suffix)
    return prefixes, string, suffixes


def _chunk(t: _Tables, chunk: str, specials: bool = True) -> list[str]:
    """The token texts of one run of non-space characters."""
    if specials and chunk in t.specials:
        return list(t.specials[chunk])
    prefixes, string, suffixes = _split_affixes(t, chunk, specials)
    out = list(prefixes)
    if string:
        if specials and string in t.specials:
            out.extend(t.specials[string])
        elif t.url is not None and t.url(string):
            out.append(string)
        else:
            start = 0
            for match in t.infix(string):
                infix_start, infix_end = match.start(), match.end()
                if infix_start == 0:
                    continue
                if infix_start != start:
                    out.append(string[start:infix_start])
                if infix_start != infix_end:
                    out.append(string[infix_start:infix_end])
                start = infix_end
            if string[start:]:
                out.append(string[start:])
    out.extend(reversed(suffixes))
    return out


def tokenize(text: str) -> Doc | None:
    """The tokens spaCy's blank English pipeline makes of ``text``, or None where this copy does not follow
    spaCy (then use spaCy)."""
    t = tables()
    pieces: list[list] = []  # [idx, text, whitespace]

    def add(start: int, end: int) -> bool:
        chunk = text[start:end]
        texts = _chunk(t, chunk)
        if "".join(texts) != chunk:
            return False
        for piece in texts:
            pieces.append([start, piece, ""])
            start += len(piece)
        return True

    # runs of spaces and of other characters, as spaCy splits them: one space after a word is the word's
    # trailing whitespace, any other whitespace is a token of its own
    start = 0
    in_ws = bool(text) and text[0].isspace()
    for i, uc in enumerate(text):
        if uc.isspace() != in_ws:
            if start < i and not add(start, i):
                return None
            if uc == " ":
                if not pieces:
                    return None
                pieces[-1][2] = " "
                start = i + 1
            else:
                start = i
            in_ws = not in_ws
    if start < len(text):
        if not add(start, len(text)):
            return None
        pieces[-1][2] = " " if text[-1] == " " and not in_ws else ""
    if t.across:
        respecified = _special_spans(t, text, pieces)
        if respecified is None:
            return None
        pieces = respecified
    return Doc(text, pieces)


def _special_spans(t: _Tables, text: str, pieces: list[list]) -> list[list] | None:
    """spaCy's second look: a special case whose affix tokens follow each other (the "m" and "." of "£2.5m.")
    becomes the special case's tokens."""
    words = [p[1] for p in pieces]
    found = []
    for i, word in enumerate(words):
        for phrase in t.across.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase)))
    if not found:
        return pieces
    found.sort(key=lambda s: (s[1] - s[0], -s[0]))  # spaCy's len_start_cmp, taken from the end
    seen: set[int] = set()
    kept = []
    for start, end in reversed(found):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
        seen.update(range(start, end))
    out: list[list] = []
    at = 0
    for start, end in sorted(kept):
        out.extend(pieces[at:start])
        at = end
        span = text[pieces[start][0] : pieces[end - 1][0] + len(pieces[end - 1][1])]
        rule = t.specials.get(span)
        if rule is None:
            out.extend(pieces[start:end])
            continue
        if " " in span:
            return None
        idx = pieces[start][0]
        for piece in rule:
            out.append([idx, piece, ""])
            idx += len(piece)
        out[-1][2] = pieces[end - 1][2]
    out.extend(pieces[at:])
    return out


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentencizer's sentences (a sentence ends after a run of sentence-ending punctuation)."""
    punct = tables().punct_chars
    starts = [0] if doc.tokens else []
    seen_period = False
    for token in doc.tokens:
        in_chars = token.text in punct
        if seen_period and not token.is_punct and not in_chars:
            starts.append(token.i)
            seen_period = False
        elif in_chars:
            seen_period = True
    ends = [*starts[1:], len(doc)] if starts else []
    return [Span(doc, s, e) for s, e in zip(starts, ends, strict=True) if e > s]


# ---------------------------------------------------------------- the tables, from spaCy


def spacy_tables() -> dict:
    """The tables of the installed spaCy's blank English pipeline (imports spaCy)."""
    import importlib

    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    orth = importlib.import_module("spacy.attrs").ORTH
    nlp = spacy.blank("en")
    sentencizer: Any = nlp.add_pipe("sentencizer")
    tok: Any = nlp.tokenizer
    data = {
        "spacy": spacy.__version__,
        "prefix": tok.prefix_search.__self__.pattern,
        "suffix": tok.suffix_search.__self__.pattern,
        "infix": tok.infix_finditer.__self__.pattern,
        "url": tok.url_match.__self__.pattern if tok.url_match is not None else "",
        "specials": {k: [piece.get("ORTH", piece.get(orth)) for piece in v] for k, v in sorted(tok.rules.items())},
        "stop_words": sorted(STOP_WORDS),
        "punct_chars": sorted(sentencizer.punct_chars),
        "across": [],
    }
    if tok.token_match is not None or not getattr(tok, "faster_heuristics", True):
        raise RuntimeError("spaCy's English tokenizer has changed: a token_match, or no faster heuristics")
    t = _Tables(data)
    across = []
    for string in data["specials"]:
        if t.prefix(string) or list(t.infix(string)) or t.suffix(string) or " " in string:
            phrase = [p for chunk in string.split(" ") for p in _chunk(t, chunk, specials=False)]
            if phrase:  # (one that gives the same tokens still keeps others off its tokens)
                across.append(phrase)
    data["across"] = sorted(across)
    return data


def main(argv: list[str] | None = None) -> int:
    """``python -m extract.enrich.tokens``: rewrite tokenizer_en.json from the installed spaCy."""
    data = spacy_tables()
    _DATA.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {_DATA.name} from spaCy {data['spacy']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
