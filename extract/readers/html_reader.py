"""HTML pages (moderngov-style), read with BeautifulSoup + lxml.

Text blocks (headings, paragraphs) and tables come in document order. Inside a
cell, ``<p>``/``<div>``/``<br>`` make paragraph breaks and ``<li>`` items become
"• " lines. ``rowspan``/``colspan`` cells are read once at their anchor.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableDocument
from ..model import Cell, Document, Paragraph, Row, Table
from ..text import BULLET, split_inline_bullets, tidy_line, tidy_text

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
}
_HIDDEN_TAGS = ["script", "style", "noscript", "iframe", "template", "object", "embed", "svg", "head"]
_TEXT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "caption", "title")


def read_html(path: Path) -> Document:
    raw = path.read_bytes()
    if not raw.strip():
        raise UnreadableDocument("empty file")
    if looks_binary(raw):
        raise UnreadableDocument("binary data, not an HTML page")
    soup = parse_html(raw)
    if soup.find(["html", "body", "table", "p", "div"]) is None:
        raise UnreadableDocument("no HTML content found")
    title = soup.find("title")
    title_hint = tidy_line(title.get_text(" ")) if title else ""
    for hidden in soup.find_all(_HIDDEN_TAGS):
        hidden.decompose()  # never text a reader sees
    doc = Document(path=str(path), format="html", title_hint=title_hint)
    body = soup.body or soup
    order = 0
    for el in body.find_all(["table", *_TEXT_BLOCKS[:-1]]):
        if el.name == "table":
            if el.find("table") is None:  # a layout table holding other tables is not read as a table
                doc.tables.append(html_table(el, order))
            order += 1
            continue
        if _in_data_table(el):
            continue  # text inside a data table belongs to its cells
        elif el.name in ("p", "li") and el.find_parent(["p", "li"]) is not None:
            continue
        else:
            text = tidy_line(el.get_text(" "))
            if text:
                style = "heading" if el.name.startswith("h") else ""
                doc.paragraphs.append(Paragraph(text=text, order=order, style=style))
        order += 1
    return doc


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB: not a text or HTML file."""
    head = raw[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _in_data_table(el) -> bool:
    """Inside a table that holds no other table (text in a layout table is page text)."""
    parent = el.find_parent("table")
    return parent is not None and parent.find("table") is None


def parse_html(markup: str | bytes):
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # XHTML pages: the HTML parser reads them well
            return BeautifulSoup(markup, "lxml")
    except Exception as exc:
        raise UnreadableDocument(f"unreadable HTML ({exc})") from exc


def html_table(table, order: int) -> Table:
    """Turn a <table> element into a Table, resolving rowspan/colspan onto a grid."""
    rows: list[Row] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in _own_rows(table):
        cells: list[Cell] = []
        col = 0
        tds = tr.find_all(["td", "th"], recursive=False)
        is_header = bool(tds) and (all(td.name == "th" for td in tds) or tr.find_parent("thead") is not None)
        queue = list(tds)
        while queue or pending.get(col, 0) > 0:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append(Cell(text="", merged=True))
                col += 1
                continue
            td = queue.pop(0)
            span = _int(td.get("colspan"))
            down = _int(td.get("rowspan"))
            cells.append(Cell(text=cell_text(td), col_span=span, row_span=down))
            for i in range(span):
                if i:
                    cells.append(Cell(text="", merged=True))
                if down > 1:
                    pending[col + i] = down - 1
            col += span
        rows.append(Row(cells=tuple(cells), is_header=is_header))
    return Table(rows=tuple(rows), order=order)


def _own_rows(table):
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            yield tr


def _int(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def cell_text(el) -> str:
    """A cell's text: block elements become lines, list items and inline "•" items become "• " lines."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = tidy_line("".join(current))
        current.clear()
        if text:
            lines.extend(split_inline_bullets(text))

    def walk(node) -> None:
        name = getattr(node, "name", None)
        if name is None:
            current.append(str(node))
            return
        if name in _HIDDEN_TAGS:
            return
        if name == "li":
            flush()
            current.append(BULLET)
            for child in node.children:
                walk(child)
            flush()
            return
        block = name in _BLOCK_TAGS
        if block:
            flush()
        for child in node.children:
            walk(child)
        if block:
            flush()

    try:
        for child in el.children:
            walk(child)
        flush()
    except RecursionError:  # absurdly deep markup inside a cell: keep its text, lose its structure
        return tidy_text(el.get_text("\n"))
    return tidy_text("\n".join(lines))
