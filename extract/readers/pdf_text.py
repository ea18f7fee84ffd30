"""Text from PDF words: words grouped into lines and paragraphs, and a cell's text rebuilt from its words.

Shared by the PDF reader (``pdf_reader``), borderless tables (``pdf_borderless``) and OCR (``ocr``), which
all work from word boxes (``x0``, ``x1``, ``top``, ``bottom``, ``text``). This module imports none of them.
"""

from __future__ import annotations

import statistics

from ..lexicon import joins_split_word
from ..model import BBox, Document, Paragraph
from ..text import BULLET, CLOSING, hyphen_joins, tidy_line, tidy_text

_LINE_TOLERANCE = 2.5  # words whose tops differ by less than this sit on one line
_PARA_GAP = 0.2  # a line gap this much (times the text height) above the usual one starts a paragraph


def place_blocks(
    doc: Document, number: int, order: int, words: list[dict], tables: list[tuple[float, object]], make_table
) -> int:
    """Add a page's text (as paragraphs) and its tables to ``doc`` in reading order; return the next order."""
    blocks: list[tuple[float, object]] = [(para[0][0]["top"], para) for para in _paragraphs(_lines(words))]
    blocks.extend(tables)
    blocks.sort(key=lambda b: b[0])
    for _, block in blocks:
        if isinstance(block, list):
            text = _join_lines([tidy_line(" ".join(w["text"] for w in line)) for line in block])
            if text:
                doc.paragraphs.append(Paragraph(text=text, order=order, page=number))
        else:
            doc.tables.append(make_table(block, order))
        order += 1
    return order


def _paragraphs(lines: list[list[dict]]) -> list[list[list[dict]]]:
    """Group page lines into paragraphs: a line joins the one above when close below it and in the same size."""
    paragraphs: list[list[list[dict]]] = []
    for line in lines:
        if paragraphs:
            above = paragraphs[-1][-1]
            height = above[0]["bottom"] - above[0]["top"]
            same_size = abs(height - (line[0]["bottom"] - line[0]["top"])) < 0.6
            gap = line[0]["top"] - above[0]["bottom"]
            if same_size and 0 <= gap < 0.45 * height and abs(line[0]["x0"] - paragraphs[-1][0][0]["x0"]) < 40:
                paragraphs[-1].append(line)
                continue
        paragraphs.append([line])
    return paragraphs


def _inside(word: dict, box: BBox) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[dict]) -> list[list[dict]]:
    """Group words into lines by their top, each line sorted left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _overflows(words: list[dict], bbox: BBox) -> bool:
    """Does the text run down to the cell's bottom edge (so a page break may have cut it)?"""
    if not words:
        return False
    last = max(words, key=lambda w: w["bottom"])
    return bbox[3] - last["bottom"] < 1.6 * (last["bottom"] - last["top"])


def cell_text(words: list[dict], bbox: BBox | None = None) -> str:
    """Rebuild a cell's text from its words: lines joined into paragraphs, bullets on their own lines."""
    lines = _lines(words)
    if not lines:
        return ""
    tops = [line[0]["top"] for line in lines]
    gaps = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    usual = statistics.median(gaps) if gaps else 0.0
    height = statistics.median(line[0]["bottom"] - line[0]["top"] for line in lines)
    if 0 < len(gaps) < 3:  # too few gaps to tell the usual one: assume single spacing
        usual = min(usual, 1.25 * height)
    widest = max(line[-1]["x1"] for line in lines)
    if bbox is not None:  # the right edge of the text area, assuming padding equal on both sides
        widest = bbox[2] - (min(line[0]["x0"] for line in lines) - bbox[0])
    texts = [tidy_line(" ".join(w["text"] for w in line)) for line in lines]
    line_words = lines
    paragraphs: list[list[str]] = []
    for i, text in enumerate(texts):
        new_para = (
            i == 0
            or text.startswith(BULLET)
            or bool(usual and gaps[i - 1] > usual + max(1.5, _PARA_GAP * height))
            or _hard_break(lines[i - 1], line_words[i], widest)
        )
        spaced = lines[i - 1][-1].get("space_after") if i else None
        if i and not new_para and not spaced and _broken_word(lines[i - 1], texts[i - 1], text, widest):
            paragraphs[-1][-1] += text  # a word too long for the column, wrapped mid-word
        elif i and paragraphs and text[:1] in CLOSING:
            paragraphs[-1][-1] += text  # ")" or "," wrapped alone onto the next line closes the text above
        elif new_para or not paragraphs:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    return tidy_text("\n".join(_join_lines(p) for p in paragraphs))


_SHORT_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _hard_break(above: list[dict], line: list[dict], edge: float) -> bool:
    """Would this line's first word have fitted on the line above? Then the line was ended on purpose."""
    first = line[0]
    space = 0.3 * (first["bottom"] - first["top"])
    return above[-1]["x1"] + space + (first["x1"] - first["x0"]) < edge - 1.0


def mark_line_ends(words: list[dict], chars: list[dict]) -> None:
    """Set ``space_after`` on each word that ends a printed line with a space character after it.

    A space kept at a soft line break says the word ended there, so it is never glued to the next
    line's first word ("Touri" / "sm" / "and" is "Tourism and", not "Tourismand"). Its absence says
    nothing (producers drop it at many ordinary breaks), so the shape of the line decides then
    (``_broken_word``). Each word's ``chars`` (from ``return_chars``) is dropped.
    """
    index = {id(c): i for i, c in enumerate(chars)}
    ends: list[tuple[dict, bool]] = []
    for word in words:
        own = word.pop("chars", None)
        if not own:
            continue
        at = index.get(id(own[-1]))
        if at is None or at + 1 >= len(chars):
            continue
        after = chars[at + 1]
        spaced = not after["text"].strip()
        following = (chars[at + 2] if at + 2 < len(chars) else None) if spaced else after
        if following is not None and abs(following["top"] - own[-1]["top"]) > 0.5 * own[-1]["size"]:
            ends.append((word, spaced))
    for word, spaced in ends:
        if spaced:
            word["space_after"] = True


def _broken_word(line: list[dict], text: str, following: str, edge: float) -> bool:
    """A line full to the cell's edge, then the rest of its last word on the next line.

    Word processors split a word only when it is wider than the column: the word then has a line to
    itself, filled to within one character of the edge (other producers split it after the line's
    other words, and only the dictionary can say so). A long word followed by a short one looks the
    same, so the dictionary decides when it can ("Environ" + "ment" is a word, "Executive" + "with"
    is two); otherwise a lowercase or digit run after the break says the word goes on.
    """
    if not line or not text or not following:
        return False
    word = line[-1]
    char = (word["x1"] - word["x0"]) / max(len(word["text"]), 1)
    if word["x1"] + 1.2 * char < edge - 1.0:
        return False
    tail = following.split()[0]
    joined = joins_split_word(word["text"], tail)
    if len(line) > 1:  # some producers split a long word where the line is full, after other words
        return bool(joined)
    if joined is not None:
        return joined
    if tail.casefold() in _SHORT_WORDS and len(following.split()) > 1:
        return False
    return following[0].islower() or (text[-1].isdigit() and following[0].isdigit())


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif hyphen_joins(out, line) or out.endswith("-") and len(out) > 1 and _figures_cut(out, line):
            out += line  # a word hyphenated at the line end ("on-" + "line"), a date or range ("2025-07-" + "15")
        else:
            out += " " + line
    return out


def _figures_cut(before: str, after: str) -> bool:
    """Figures joined by a hyphen that a line end cut ("2025-07-" / "15", "2024-" / "25")?"""
    return before[-2].isdigit() and after[:1].isdigit()
