"""Is this an English word? Word frequencies from pyspellchecker's English dictionary.

Used where the page's geometry cannot decide alone: a word split across two printed lines by a narrow
column ("Regenerati" / "on") looks exactly like a long word followed by a short one ("Executive" /
"with"). The dictionary is loaded once per process, the first time it is needed: from the word counts
``make setup`` stores beside this module (:func:`store_counts`; loaded in about a fifth of the time
pyspellchecker takes to read its own file), or from pyspellchecker when they are missing or were stored from
another copy of its dictionary.
"""

from __future__ import annotations

import functools
import pickle
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from .text import FUNCTION_WORDS

_EDGE_RE = re.compile(r"^[^\w]+|[^\w]+$")
# the dictionary spells American English; committee papers mostly British: (British ending, American ending)
_BRITISH = (
    (re.compile(r"our(s|ed|ing|ite|ites|able|hood|hoods|er|ers)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[^aeiou])tre(s)?$"), r"ter\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence$"), r"ense"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
)


STORED = Path(__file__).with_name("data") / "english-words.pickle"  # written by ``make setup``
_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class WordCounts:
    """pyspellchecker's English word counts (its keys, in lower case) and their sum."""

    counts: dict[str, int]
    total: int
    source: tuple[str, int, int]  # the dictionary file they were read from: (language, size, CRC-32)

    def frequency(self, word: str) -> float:
        """As ``SpellChecker.word_usage_frequency(word)``: the word's share of all the counts."""
        return self.counts.get(word.lower(), 0) / self.total


def _dictionary_file() -> bytes:
    import pkgutil

    data = pkgutil.get_data("spellchecker", f"resources/{_LANGUAGE}.json.gz")
    if data is None:
        raise FileNotFoundError(f"pyspellchecker's {_LANGUAGE} dictionary")
    return data


def _source(data: bytes) -> tuple[str, int, int]:
    return (_LANGUAGE, len(data), zlib.crc32(data))


def counts_from_spellchecker() -> WordCounts:
    """The word counts as pyspellchecker loads them (about 0.15 s)."""
    from spellchecker import SpellChecker

    words = SpellChecker(language=_LANGUAGE, distance=1).word_frequency
    return WordCounts(dict(words.dictionary), words.total_words, _source(_dictionary_file()))


def stored_counts(path: Path, source: tuple[str, int, int]) -> WordCounts | None:
    """The word counts stored at ``path``, if they were read from the dictionary file ``source`` names."""
    try:
        with path.open("rb") as file:
            stored = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == source):
        return None
    _, total, counts = stored
    return WordCounts(counts, total, source)


def store_counts(path: Path) -> WordCounts:
    """Store pyspellchecker's word counts at ``path`` (``make setup``), written whole or not at all."""
    words = counts_from_spellchecker()
    partial = path.with_name(path.name + ".tmp")
    partial.write_bytes(pickle.dumps((words.source, words.total, words.counts), protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)
    return words


@functools.cache
def _frequencies() -> WordCounts:
    stored = stored_counts(STORED, _source(_dictionary_file())) if STORED.exists() else None
    return stored if stored is not None else counts_from_spellchecker()


def frequency(word: str) -> float:
    """How common ``word`` is in English (0.0 for a word the dictionary does not know)."""
    word = _EDGE_RE.sub("", word).casefold()
    if not word:
        return 0.0
    words = _frequencies()
    spellings = {word} | {pattern.sub(american, word) for pattern, american in _BRITISH}
    return max(words.frequency(w) for w in spellings)


def joins_split_word(head: str, tail: str) -> bool | None:
    """Are ``head`` and ``tail`` two pieces of one word? None when the dictionary cannot tell.

    Yes when the whole is a word more common than the rarer piece ("Environ" + "ment"); no when the
    pieces are words and the whole is not ("Executive" + "with") or is rarer than both ("in" + "to").
    """
    if not (head[-1:].isalpha() and tail[:1].isalpha()):
        return None  # a word is split between two letters ("October –" / "January" is two words)
    if head.casefold() in FUNCTION_WORDS:
        return False  # "to" / "ward": a column too narrow for more than "to" of a word never splits it there
    whole = frequency(head + tail)
    first, second = frequency(head), frequency(tail)
    if whole > min(first, second):
        return True
    if first and second:
        return False
    return None
