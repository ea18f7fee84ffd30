"""A content stream read by extract.readers.pdf_content gives pdfminer's own parser's objects, or is left to it:
invented streams of every kind of token, streams made at random from those tokens and from stray bytes, and
whole pages read through the interpreter."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from extract.readers.pdf_content import NotPlain, objects, read_layout, stream_objects


def _stream(data: bytes, objid: int = 1) -> PDFStream:
    stream = PDFStream({"Length": len(data)}, data)
    stream.set_objid(objid, 0)
    return stream


def _pdfminer(datas: list[bytes]) -> list:
    try:
        parser = PDFContentParser([_stream(data, n) for n, data in enumerate(datas, start=1)])
    except PSEOF:
        return []
    found = []
    while True:
        try:
            found.append(parser.nextobject()[1])
        except PSEOF:
            return found


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a is b or a == b


def _agrees(datas: list[bytes]) -> bool:
    """Whether the fast reading of ``datas`` is pdfminer's, or is declined; False when they differ."""
    try:
        mine = stream_objects([_stream(data, n) for n, data in enumerate(datas, start=1)])
    except NotPlain:
        return True
    return _same(mine, _pdfminer(datas))


STREAMS = {
    "text": b"BT /F1 12 Tf 72 712 Td (Recommendation 1) Tj ET\n",
    "numbers": b"1 0 0 1 -3.5 +.25 cm 4. -0 .5 -.5 1.2.3 - + . 12.x\n",
    "nested string": b"((a (b) c)) Tj (\\(not\\) nested) Tj\n",
    "escapes": b"(\\n\\r\\t\\b\\f\\\\\\)\\( \\q \\101\\7\\0123) Tj (line\\\r\nnext \\\nend \\\rx) Tj\n",
    "hex strings": b"<48 65 6c6C 6f> Tj <414> Tj <> Tj <ab>> <cd)\n",
    "names": b"/F1 Tf /A-b.c_d /\xc3\xa9t\xc3\xa9 /\xff\xfe /  /[ ] /a%c\n",
    "arrays": b"[(Re) 120 (com) -50.5 (mend)] TJ [[1 2] [3 [4]]] pop\n",
    "dicts": b"/Span << /ActualText (x) /MCID 3 /Nested << /A [1 2] >> /N null >> BDC EMC\n",
    "bools and keywords": b"true false trueish T* ' \" d0 W* n\n",
    "comments": b"% a comment\n1 0 0 RG %another\r0 0 m 10 10 l S % to the end",
    "stray brackets": b"] >> } 1 2 ) Tj > x\n",
    "procedures": b"{ 1 2 add } { { nested } } pop\n",
    "nul and high bytes": b"1\x002 \x80\xa0 q\x00Q \x00\n",
    "no final delimiter": b"q 1 0 0 1 0 0 cm Q",
    "number at the end": b"0 0 m 10",
    "name at the end": b"/F1 12 Tf /F2",
    "open array at the end": b"q Q [1 2 (a)",
    "open dict at the end": b"q << /A 1",
    "empty": b"",
    "space only": b" \n\r\t\f",
}


@pytest.mark.parametrize("name", STREAMS)
def test_invented_streams_read_as_pdfminer_reads_them(name):
    data = STREAMS[name]
    assert _same(objects(data), _pdfminer([data]))


@pytest.mark.parametrize(
    "data",
    [
        b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI\n",  # an inline image
        b"/A#20B Tf\n",  # a name with an escape
        b"(\\777) Tj\n",  # an octal escape past a byte
        b"(open string Tj\n",
        b"<4142",
        b"<< /A >> BDC\n",  # a dictionary of an odd number of items
    ],
)
def test_what_pdfminer_reads_its_own_way_is_left_to_it(data):
    with pytest.raises(NotPlain):
        stream_objects([_stream(data)])


def test_streams_read_one_after_another():
    parts = [b"BT /F1 12 Tf\n", b"72 712 Td (a (b) c) Tj\n", b"ET\n"]
    assert _same(stream_objects([_stream(p, n) for n, p in enumerate(parts, 1)]), _pdfminer(parts))
    ended = [b"BT /F1 1", b"2 Tf [(a) 1", b"(b)] TJ ET"]  # a token ends with its stream; an array runs on
    assert _same(stream_objects([_stream(p, n) for n, p in enumerate(ended, 1)]), _pdfminer(ended))
    with pytest.raises(NotPlain):  # a name running on into the next stream
        stream_objects([_stream(b"BT /", 1), _stream(b"F1 12 Tf ET\n", 2)])


@pytest.mark.parametrize("tail", [b"(\\", b"(\\1", b"(\\12", b"<", b"<4", b">", b"/F", b"%c", b"(a\\\r"])
@pytest.mark.parametrize("head", [b"", b"<"])
def test_tokens_parted_by_the_end_of_pdfminers_buffer(tail, head):
    """pdfminer reads a stream 4096 bytes at a time: a token parted there reads as one (or is left to it)."""
    data = b" " * (4096 - len(head) - len(tail)) + head + tail + b"\n) Tj <<>> >> 1 2\n"
    assert len(data[: 4096 - len(tail)]) + len(tail) == 4096
    assert _agrees([data])
    if tail == b"(a\\\r":  # an escaped line end parted: pdfminer keeps the line feed
        with pytest.raises(NotPlain):
            stream_objects([_stream(data)])


PIECES = [
    b" ", b"\n", b"\r\n", b"\t", b"\x00", b"%c\n", b"1", b"-2", b"+3.5", b".5", b"4.", b"-", b".", b"12",
    b"/N", b"/F1", b"/", b"/a#41", b"q", b"Q", b"Tj", b"TJ", b"'", b'"', b"T*", b"true", b"false",
    b"(", b")", b"(s)", b"(a(b)c)", b"\\", b"\\n", b"\\1", b"\\12", b"\\123", b"\\\r\n", b"\\(",
    b"<", b">", b"<<", b">>", b"<4a>", b"<4a 6>", b"[", b"]", b"{", b"}", b"BI", b"ID", b"EI",
    b"\x80", b"\xe9", b"#", b"x",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_random_streams_read_as_pdfminer_reads_them_or_are_left_to_it(seed):
    rng = random.Random(seed)
    declined = 0
    for _ in range(400):
        pad = b" " * rng.randint(4070, 4096) if seed % 2 else b""  # a token at the end of pdfminer's buffer
        datas = [pad + b"".join(rng.choices(PIECES, k=rng.randint(0, 40))) for _ in range(rng.choice((1, 1, 2, 3)))]
        assert _agrees(datas), datas
        try:
            stream_objects([_stream(data, n) for n, data in enumerate(datas, 1)])
        except NotPlain:
            declined += 1
    assert declined < 400  # most are read, not all left to pdfminer


def test_long_streams_across_buffer_ends():
    rng = random.Random(7)
    words = [b"(Progress (on) track) Tj\n", b"[(a) -20 (b)] TJ\n", b"<414243> Tj\n", b"/F1 9.5 Tf\n", b"0 -11 Td\n"]
    for _ in range(30):
        data = b"BT\n" + b"".join(rng.choices(words, k=rng.randint(200, 900))) + b"ET\n"
        assert _agrees([data])


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("name", ["flood-risk-progress.pdf", "borderless-scrutiny.pdf", "rotated-landscape.pdf"])
def test_page_layout_is_pdfminers(name):
    """Whole pages: the characters, lines, rectangles and curves read with the fast interpreter are pdfplumber's."""
    with pdfplumber.open(SAMPLES / name) as plain, pdfplumber.open(SAMPLES / name) as fast:
        for theirs, mine in zip(plain.pages, fast.pages, strict=True):
            read_layout(mine)
            for kind in ("chars", "lines", "rects", "curves"):
                assert getattr(mine, kind) == getattr(theirs, kind)
        assert any(page.chars for page in fast.pages)  # the pages have text: the test compares something
