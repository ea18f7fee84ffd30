"""A page's content stream read into pdfminer's objects with regular expressions, token for token as pdfminer's
own parser reads it, and played through pdfminer's interpreter unchanged.

On a table page pdfminer spends about half its time splitting the content stream into tokens, a character or a
few at a time in Python. :class:`FastInterpreter` splits the same bytes with a handful of compiled expressions
and hands the interpreter the same numbers, strings, names, keywords, arrays and dictionaries, in the same
order, so the page's characters and lines are the same (:func:`read_layout` reads a pdfplumber page with it).
Whatever this reader does not read exactly as pdfminer does (inline images, ``#`` escapes in names, an octal
escape past 255, a string or a hex string left open, a dictionary of an odd number of items, a name or ">"
running on into the next stream, an escaped line end parted by the end of pdfminer's 4096-byte buffer) leaves
the stream to pdfminer's own parser (:meth:`FastInterpreter.execute` falls back). ``tests/test_pdf_content.py``
checks the objects against pdfminer's on invented streams of every kind of token and on thousands made at
random from them, and whole pages against pdfplumber's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, keyword_name, literal_name
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

_TOKEN = re.compile(
    rb"""
    (?P<space>[ \t\n\r\f\v\x00]+)
    | (?P<comment>%[^\r\n]*)
    | (?P<name>/[^#/%\[\]()<>{}\s]*)(?P<hash>\#)?
    | (?P<number>[-+0-9][0-9]*(?P<frac>\.[0-9]*)?)
    | (?P<fraction>\.[0-9]*)
    | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
    | (?P<plain>\([^()\\]*\))
    | (?P<string>\()
    | (?P<dict><<)
    | (?P<hex><[\s0-9a-fA-F]*)
    | (?P<close>>>?)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_HEX_END = re.compile(rb"[^\s0-9a-fA-F]")
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_STRING_PART = re.compile(rb"[()\\]")
_OCTAL = frozenset(b"01234567")
_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13, 40: 40, 41: 41, 92: 92}

_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_DICT_BEGIN, _DICT_END = KWD(b"<<"), KWD(b">>")
_PROC_BEGIN, _PROC_END = KWD(b"{"), KWD(b"}")
_INLINE = (KWD(b"BI"), KWD(b"ID"))
_TRUE, _FALSE = b"true", b"false"
_BUFFER = 4096  # pdfminer's parser reads a stream this many bytes at a time (PSBaseParser.BUFSIZ)


class NotPlain(Exception):
    """A stream this reader leaves to pdfminer's parser."""


def _string(data: bytes, at: int) -> tuple[bytes, int]:
    """The literal string opening at ``at`` (just past its "("), as pdfminer's parser reads it, and where it ends."""
    out = bytearray()
    depth, i, size = 1, at, len(data)
    while True:
        m = _STRING_PART.search(data, i)
        if m is None:
            raise NotPlain("a string left open")
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 0x5C:  # a backslash
            i = j + 1
            if i < size and data[i] in _OCTAL:
                k = i
                while k < size and k - i < 3 and data[k] in _OCTAL:
                    k += 1
                code = int(data[i:k], 8)
                if code >= 256 or k >= size:
                    raise NotPlain("an octal escape past a byte, or at the stream's end")
                out.append(code)
                i = k
            elif i < size and data[i] in _ESCAPES:
                out.append(_ESCAPES[data[i]])
                i += 1
            elif i < size and data[i] == 0x0D and data[i + 1 : i + 2] == b"\n":
                i += 2
            elif i < size:
                i += 1  # any other escaped character is dropped, as pdfminer drops it
            else:
                raise NotPlain("a string left open")
        elif c == 0x28:
            depth += 1
            out.append(c)
            i = j + 1
        else:
            depth -= 1
            if not depth:
                return bytes(out), j + 1
            out.append(c)
            i = j + 1


def _hex(body: bytes) -> bytes:
    digits = _SPACE.sub(b"", body)
    if len(digits) % 2 == 0:
        return bytes.fromhex(digits.decode("ascii"))
    return _HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), digits)


def tokens(data: bytes) -> list[Any]:
    """pdfminer's tokens of ``data``: numbers, bools, bytes, PSLiteral and PSKeyword (arrays and dictionaries are
    left as their bracket keywords). Raises NotPlain where this reader would not read as pdfminer does."""
    out: list[Any] = []
    add = out.append
    at, size = 0, len(data)
    match = _TOKEN.match
    while at < size:
        m = match(data, at)
        assert m is not None  # the last alternative takes any byte
        kind = m.lastgroup
        at = m.end()
        if kind == "space" or kind == "comment":
            continue
        text = m.group()
        if kind == "number":
            with suppress(ValueError):  # a sign alone: pdfminer drops it
                add(float(text) if m.group("frac") is not None else int(text))
        elif kind == "keyword":
            add(True if text == _TRUE else False if text == _FALSE else KWD(text))
        elif kind == "hash":
            raise NotPlain("a name with a # escape")
        elif kind == "name":
            if m.group("hash") is not None:
                raise NotPlain("a name with a # escape")
            raw = text[1:]
            try:
                add(LIT(str(raw, "utf-8")))
            except UnicodeDecodeError:
                add(LIT(raw))  # pdfminer keeps such a name as bytes
        elif kind == "plain":
            add(text[1:-1])
        elif kind == "string":
            value, at = _string(data, at)
            add(value)
        elif kind == "hex":
            if at >= size or _HEX_END.match(data, at) is None:
                raise NotPlain("a hex string left open")
            add(_hex(text[1:]))
        elif kind == "dict":
            add(_DICT_BEGIN)
        elif kind == "close":
            if text == b">>":
                add(_DICT_END)
        elif kind == "fraction":
            with suppress(ValueError):  # "." alone
                add(float(text))
        else:
            add(KWD(text))
    return out


def objects(data: bytes) -> list[Any]:
    """The objects pdfminer's content parser hands the interpreter for ``data``, in order: operands (arrays as
    lists, dictionaries as dicts) and operators (PSKeyword). Raises NotPlain as :func:`tokens` does, and for
    what pdfminer reads in ways of its own (inline images, a dictionary of an odd number of items)."""
    return _objects(tokens(data))


def _objects(found: list[Any]) -> list[Any]:
    """:func:`objects` of a list of tokens."""
    top: list[Any] = []
    stack: list[tuple[str | None, list[Any]]] = []
    kind: str | None = None
    current = top
    for token in found:
        if isinstance(token, PSKeyword):
            if token is _ARRAY_BEGIN or token is _DICT_BEGIN or token is _PROC_BEGIN:
                stack.append((kind, current))
                kind, current = ("a" if token is _ARRAY_BEGIN else "d" if token is _DICT_BEGIN else "p"), []
                continue
            if token is _ARRAY_END or token is _DICT_END or token is _PROC_END:
                want = "a" if token is _ARRAY_END else "d" if token is _DICT_END else "p"
                if kind != want:
                    continue  # pdfminer ignores a closing bracket of another kind
                items = current
                kind, current = stack.pop()
                if want == "d":
                    if len(items) % 2:
                        raise NotPlain("a dictionary of an odd number of items")
                    items = {literal_name(k): v for k, v in zip(items[::2], items[1::2], strict=True) if v is not None}  # type: ignore[assignment]
                current.append(items)
                continue
            if token in _INLINE:
                raise NotPlain("an inline image")
        current.append(token)
    if stack:
        return top  # an array or dictionary left open: pdfminer hands over what came before it
    return top


def _check_buffers(data: bytes, last: bool) -> None:
    """Raise NotPlain where pdfminer's parser, reading ``data`` a buffer at a time, reads differently because a
    buffer ends there (an escaped carriage return and line feed parted by the buffer's end: pdfminer keeps the
    line feed); or, for a stream but the last, where the next stream goes on with what it ends with ("/" or
    ">"; pdfminer ends any other token at a stream's end)."""
    if not last and data[-1:] in (b"/", b">"):
        raise NotPlain("a name or a bracket running on into the next stream")
    for end in range(_BUFFER, len(data), _BUFFER):
        if data[end - 2 : end + 1] == b"\\\r\n":
            raise NotPlain("an escaped line end parted by the end of pdfminer's buffer")


def stream_objects(streams: Sequence[PDFStream]) -> list[Any]:
    """:func:`objects` of a page's content streams, read one after another: each stream's tokens end with it (as
    pdfminer ends a token at a stream's end), while an array or a dictionary may run on into the next stream.
    Raises NotPlain as :func:`objects` does, and at the ends of streams and buffers as :func:`_check_buffers`."""
    found: list[Any] = []
    datas = [stream.get_data() for stream in streams]
    for n, data in enumerate(datas, start=1):
        _check_buffers(data, n == len(datas))
        found += tokens(data)
    return _objects(found)


class FastInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter with the content stream read by :func:`stream_objects` (pdfminer's own parser
    where that declines)."""

    _methods: dict[PSKeyword, tuple[Any, int] | None] = {}

    def execute(self, streams: Sequence[object]) -> None:
        valid: list[PDFStream] = []
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                return super().execute(streams)  # pdfminer's warnings, as it gives them
            valid.append(stream)
        try:
            found = stream_objects(valid)
        except NotPlain:
            return super().execute(streams)
        self.stream_ids.clear()
        self.stream_ids.update(stream.objid for stream in valid if stream.objid is not None)
        for obj in found:
            if not isinstance(obj, PSKeyword):
                self.push(obj)
                continue
            method = self._method(obj)
            if method is None:
                continue
            name, nargs = method
            func = getattr(self, name)
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()
        return None

    def _method(self, keyword: PSKeyword) -> tuple[str, int] | None:
        """The interpreter's method for an operator and its number of operands (None: not an operator)."""
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if not hasattr(self, method):
            return None
        return method, getattr(self, method).__code__.co_argcount - 1


def read_layout(page: Any) -> None:
    """Read a pdfplumber page's layout as ``Page.layout`` does (pdfplumber 0.11), with :class:`FastInterpreter`;
    nothing to do when it is already read."""
    if hasattr(page, "_layout"):
        return
    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        FastInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as error:
        raise PdfminerException(error) from error
    page._layout = device.get_result()
