"""The status words' token patterns, and the matchers that find them: spaCy's (for a text the plain-Python
tokenizer leaves to spaCy) and :class:`~extract.enrich.matcher.Matcher`."""

from __future__ import annotations

from functools import lru_cache

from ..matcher import Matcher
from .words import COMPLETE_WORDS, DELAY_WORDS, DONE_VERBS, START_WORDS


@lru_cache(maxsize=1)
def _pipeline():
    """A blank English pipeline with a sentencizer, and the Matcher of status words (built once): used only for
    a text that :func:`~extract.enrich.tokens.tokenize` leaves to spaCy."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    _add_status_patterns(matcher)
    return nlp, matcher


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    """The same Matcher without spaCy."""
    matcher = Matcher()
    _add_status_patterns(matcher)
    return matcher


def _add_status_patterns(matcher) -> None:
    """The status words' token patterns, added to a spaCy Matcher or :class:`~extract.enrich.matcher.Matcher`."""
    low = lambda *words: {"LOWER": {"IN": list(words)}}  # noqa: E731
    matcher.add("DONE", [[low(*(DONE_VERBS | COMPLETE_WORDS))]])
    matcher.add(
        "DONE_PHRASE",
        [
            [low("went", "gone", "go", "goes", "going"), low("live")],
            [low("took", "taken", "take", "takes", "taking"), low("effect")],
            [low("came", "come", "comes", "coming"), low("into"), low("force", "effect", "operation")],
            [low("in"), low("place")],
            [low("operational", "live")],
        ],
    )
    matcher.add("COMPLETE_ADJ", [[low("complete")]])
    matcher.add(
        "FULFILS",
        [
            [
                low(
                    "fulfils",
                    "fulfilled",
                    "fulfil",
                    "discharges",
                    "discharged",
                    "meets",
                    "met",
                    "satisfies",
                    "satisfied",
                ),
                low("the", "this"),
                low("recommendation"),
            ],
            [
                low("recommendation"),
                low("has", "is", "was"),
                {"LOWER": "been", "OP": "?"},
                low("met", "fulfilled", "discharged", "satisfied"),
            ],
        ],
    )
    matcher.add(
        "UNDERWAY",
        [
            [low("underway")],
            [low("under"), {"LOWER": {"IN": ["way", "-way"]}}],
            [low("in"), {"TEXT": "-", "OP": "?"}, low("progress")],
            [low("progressing")],
            [low("on"), {"TEXT": "-", "OP": "?"}, low("track", "target", "schedule")],
            [low("continues", "continue", "continuing"), {"LOWER": "to", "OP": "?"}],
        ],
    )
    matcher.add("ONGOING", [[low("ongoing")], [low("on"), {"TEXT": "-"}, low("going")]])
    matcher.add("START", [[low(*START_WORDS)]])
    matcher.add(
        "DELAY",
        [
            [low(*DELAY_WORDS)],
            [low("behind"), low("schedule", "target", "plan")],
            [low("off"), {"TEXT": "-", "OP": "?"}, low("track", "target", "schedule")],
            [low("on"), low("hold")],
        ],
    )
    matcher.add(
        "NO_PROGRESS",
        [
            [
                low("no"),
                {"LOWER": {"IN": ["further", "significant", "real"]}, "OP": "?"},
                low("progress", "work", "action"),
            ]
        ],
    )
