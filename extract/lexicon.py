"""Is this an English word? Word frequencies from pyspellchecker's English dictionary.

Used where the page's geometry cannot decide alone: a word split across two printed lines by a narrow
column ("Regenerati" / "on") looks exactly like a long word followed by a short one ("Executive" /
"with"). The dictionary is loaded once per process, the first time it is needed.
"""

from __future__ import annotations

import functools
import re

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


@functools.cache
def _frequencies():
    from spellchecker import SpellChecker  # imported when first needed: loading takes about 0.2 s

    return SpellChecker(language="en", distance=1)


def frequency(word: str) -> float:
    """How common ``word`` is in English (0.0 for a word the dictionary does not know)."""
    word = _EDGE_RE.sub("", word).casefold()
    if not word:
        return 0.0
    words = _frequencies()
    spellings = {word} | {pattern.sub(american, word) for pattern, american in _BRITISH}
    return max(float(words.word_usage_frequency(w)) for w in spellings)


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
