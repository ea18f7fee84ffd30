"""A PDF cell's text rebuilt from its word boxes: words split over two lines by a narrow column."""

from __future__ import annotations

import pytest

from extract.lexicon import frequency, joins_split_word
from extract.readers.pdf_text import cell_text

CHAR = 5.5  # width of one character in these invented boxes
LINE = 11.6  # line pitch


def words(*lines: str, left: float = 100.0) -> list[dict]:
    """Word boxes for printed lines, each word CHAR per character, one space between words."""
    out = []
    for number, line in enumerate(lines):
        x = left
        top = 200.0 + number * LINE
        for text in line.split():
            out.append({"text": text, "x0": x, "x1": x + CHAR * len(text), "top": top, "bottom": top + 9.0})
            x += CHAR * (len(text) + 1)
    return out


def box(width_chars: int, left: float = 100.0) -> tuple[float, float, float, float]:
    """A cell whose text area is ``width_chars`` characters wide, with 4 pt padding each side."""
    return (left - 4.0, 190.0, left + CHAR * width_chars + 4.0, 400.0)


@pytest.mark.parametrize(
    ("lines", "width", "expected"),
    [
        # a word wider than the column, alone on its line and full to the edge, goes on below
        (("Director of", "Environ", "ment and Housing"), 7, "Director of Environment and Housing"),
        # ... even when what follows is a short word ("on") that could start the next line
        (("Head of", "Regenerati", "on and Culture"), 10, "Head of Regeneration and Culture"),
        # a long word that fits, followed by a short word on the next line: two words
        (("agreed", "Executive", "with", "members"), 9, "agreed Executive with members"),
        # other producers split the word after the line's other words
        (("the reco", "mmendation was"), 8, "the recommendation was"),
        # British spellings are words too
        (("the Neighbour", "hood team"), 13, "the Neighbourhood team"),
        # a dash at the end of a full line is not part of a word
        (("October –", "January 2024"), 9, "October – January 2024"),
        # a closing bracket wrapped alone onto the next line closes the text above
        (("Joanne Ahmed (Chief", "Executive", ")"), 19, "Joanne Ahmed (Chief Executive)"),
    ],
)
def test_words_split_by_a_narrow_column(lines, width, expected):
    assert cell_text(words(*lines), box(width)) == expected


def test_a_line_that_ends_short_of_the_edge_is_never_joined_to_the_next():
    # "ment" would have fitted after "Environ": the line was ended on purpose
    assert cell_text(words("Environ", "ment plan"), box(20)) == "Environ\nment plan"


def test_dictionary_says_whole_word_two_words_or_cannot_tell():
    assert joins_split_word("Organis", "ation") is True
    assert joins_split_word("Council", "with") is False
    assert joins_split_word("in", "to") is False  # both common words: "in to" stays two words
    assert joins_split_word("to", "ward") is False  # "toward" is a word, but no column splits one after "to"
    assert joins_split_word("Improve", "ment") is True
    assert joins_split_word("Zorbl", "quent") is None  # neither a word nor pieces of one
    assert frequency("colour") > 0
    assert frequency("“programme”,") > 0
    assert frequency("") == 0.0


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Due 2025-07-", "15"], "Due 2025-07-15"),
        (["Years 2024-", "25 and 2025-", "26"], "Years 2024-25 and 2025-26"),
        (["a well-", "being plan"], "a well-being plan"),
        (["Ward 3 -", "12 homes"], "Ward 3 - 12 homes"),
    ],
)
def test_figures_and_words_hyphenated_at_a_line_end_join_up(lines, joined):
    from extract.readers.pdf_text import _join_lines

    assert _join_lines(lines) == joined


def test_stored_word_counts_are_pyspellcheckers_and_only_for_the_same_dictionary(tmp_path):
    from spellchecker import SpellChecker

    from extract.lexicon import store_counts, stored_counts

    path = tmp_path / "words.pickle"
    written = store_counts(path)
    loaded = stored_counts(path, written.source)
    assert loaded == written
    checker = SpellChecker(language="en", distance=1)
    for word in ("organisation", "Colour", "the", "zorblquent", "straße"):
        assert loaded.frequency(word) == checker.word_usage_frequency(word)
    assert stored_counts(path, ("en", 1, 2)) is None  # stored from another copy of the dictionary: not used
    assert stored_counts(tmp_path / "missing.pickle", written.source) is None
    (tmp_path / "broken.pickle").write_bytes(b"not a pickle")
    assert stored_counts(tmp_path / "broken.pickle", written.source) is None
