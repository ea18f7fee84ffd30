"""Small ``str -> str`` cleaners shared by the readers and the row stages."""

from __future__ import annotations

import re
import unicodedata

BULLET = "• "
CLOSING = frozenset(").,;:]")  # punctuation that closes the text before it: no space goes before it
_SENTENCE_END_RE = re.compile(r"[a-z]{3}[.!?]$")  # "responses." ends a sentence; "Rec No." ends a label


def ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence (a word in lower case, then a full stop): text, not a label?"""
    return _SENTENCE_END_RE.search(text) is not None


# words that cannot end a sentence or a label: text that ends in one goes on below ("Recommendation of the")
FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or the their to with its is are be".split())
_OPEN_END_RE = re.compile(r"(?:[,(/&\u2013-]|\b(?:" + "|".join(sorted(FUNCTION_WORDS)) + r"))$", re.I)


def ends_open(text: str) -> bool:
    """Does ``text`` stop where it cannot end: after a function word, a comma, an open bracket, "/", "&", a dash?"""
    return _OPEN_END_RE.search(text.rstrip()) is not None


def heading_like(text: str, max_words: int = 12) -> bool:
    """Could ``text`` be a short heading ("Theme 2: Prevention", "Outstanding recommendations"): one line of at
    most ``max_words`` words, capitalised, not ending as a sentence or a clause does?"""
    text = text.strip()
    return text[:1].isupper() and "\n" not in text and len(text.split()) <= max_words and text[-1] not in ".;,"


def hyphen_joins(before: str, after: str) -> bool:
    """Is ``before`` a word hyphenated at a line or page end whose rest ``after`` starts ("on-" / "line")?"""
    return len(before) > 1 and before.endswith("-") and before[-2].isalpha() and after[:1].islower()


# a month's name, whole or cut short ("Sept", "Dec"), never the start of another word ("Marsh", "Mayor", "Decker")
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# a date that ends a label wrapped down to it: "2026)", "February 2026", "(as at 31/03/2026)", "at 01/09/24"
_LABEL_DATE_RE = re.compile(
    r"[([]?(?:(?:as\s+)?at\s+)?(?:\d{1,2}[/.]\d{1,2}[/.](?:\d\d)?\d\d"
    rf"|{MONTH}\.? (?:19|20)\d\d|(?:19|20)\d\d)[)\]]?",
    re.I,
)


def label_date(text: str) -> bool:
    """Is ``text`` a date that ends a label wrapped down to it ("RAG (September" / "2026)", "Position" /
    "at 01/09/2024"), a day, a month and year or a year, with "at" or "as at" before it?"""
    return _LABEL_DATE_RE.fullmatch(text.strip()) is not None


# Bullet glyphs seen in papers: •, ●, ◦, ▪, ■, ‣, ⁃, ·, the Symbol-font private-use bullet, and "o"/"-" list markers.
_BULLET_CHARS = "\u2022\u25cf\u25e6\u25aa\u25a0\u2023\u2043\u00b7\uf0b7\uf0a7\uf076\uf0d8"
_BULLET_LINE_RE = re.compile(rf"^\s*[{_BULLET_CHARS}]+\s*")
_INLINE_BULLET_RE = re.compile(rf"\s*[{_BULLET_CHARS}]\s+")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


# A page number as printed in a footer: "7", "Page 7", "7 of 12", "- 7 -".
PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d+\s*-$", re.I)

_CID_BULLET_RE = re.compile(r"\(cid:(?:127|149|183)\)")
_CID_RE = re.compile(r"\(cid:\d+\)")


def tidy_line(line: str) -> str:
    """Collapse runs of spaces, strip the ends, and give a bullet line the canonical "• " prefix."""
    if "(cid:" in line:  # glyphs without a Unicode mapping: 127/149/183 are bullets in the common encodings
        line = _CID_RE.sub("", _CID_BULLET_RE.sub("\u2022", line))
    line = _SPACES_RE.sub(" ", line).strip()
    if _BULLET_LINE_RE.match(line):
        rest = _BULLET_LINE_RE.sub("", line)
        return BULLET + rest if rest else ""
    return line


def tidy_text(text: str) -> str:
    """Tidy every line of a cell; drop empty lines; keep paragraph breaks as "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\u2028", "\n")
    lines = (tidy_line(ln) for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def split_inline_bullets(text: str) -> list[str]:
    """Split "intro • one • two" into ["intro", "• one", "• two"] (bullets flattened onto one line)."""
    parts = _INLINE_BULLET_RE.split(" " + text)
    head, items = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
    return ([head] if head else []) + [BULLET + item for item in items]


def norm_key(text: str) -> str:
    """A loose comparison key: NFKC, casefolded, letters and digits only, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(re.sub(r"[^\w']+", " ", text).split())


def is_blank(text: str | None) -> bool:
    return not text or not text.strip()


def join_distinct(values: list[str], sep: str = "; ") -> str:
    """Join the non-empty values (cells) with ``sep``, dropping lines an earlier value already gave.

    One cell is kept as written, its line breaks and any repeated lines included ("• July 2023" twice in
    a list of milestones); only a later cell's repeats of earlier lines are dropped (case-insensitive).
    """
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        lines = [p.strip() for p in value.split("\n") if p.strip()]
        fresh = [line for line in lines if norm_key(line) not in seen]
        seen.update(norm_key(line) for line in lines)
        if fresh:
            out.append("\n".join(fresh))
    return sep.join(out)
