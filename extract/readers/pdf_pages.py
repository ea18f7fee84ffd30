"""A PDF's pages for pdfplumber, each built only when it is read in full, and found without reading the pages
before it.

pdfplumber (``pdf.pages``) walks pdfminer's page tree from the first page, reading every page object on the way:
about a third of a millisecond a page, paid again by every worker that reads a range of a long pack. A long PDF
whose page tree holds as many pages as pypdfium2 counts (its pre-scan) is read instead by going down the tree by
the ``/Count`` of each node (:func:`page_at`), the usual way a viewer opens page 900. Anything unusual about the
tree (a count that does not add up, a node that is neither a page nor a node of pages, a cycle) and the walk is
taken as before.

Each page is built with a document offset (``initial_doctop``) of 0: a character's ``doctop`` is then its ``top``.
pdfplumber uses ``doctop`` only to group characters into lines within a page, where an offset shared by the whole
page changes nothing; rectrack reads no other use of it. The offset no longer depends on every page before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, cast

from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, dict_value, list_value, resolve1
from pdfminer.psparser import LIT
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

_PAGES, _PAGE = LIT("Pages"), LIT("Page")
_MAX_DEPTH = 32  # deeper than any page tree a writer makes; a deeper one is walked


class _PageEntry(PDFPage):
    """A page of the page tree as pdfminer's walk finds it (its attributes, inherited ones included), without the
    work ``PDFPage`` does on its resources and contents: enough to build the page."""

    def __init__(self, doc, pageid, attrs, label) -> None:  # noqa: D107 - PDFPage's own signature
        self.doc, self.pageid, self.tree, self.label = doc, pageid, attrs, label
        self.attrs = dict_value(attrs)


def _node(ref: Any, parent: dict) -> tuple[int, dict] | None:
    """A tree node's object number and attributes, with those it inherits from ``parent`` (as pdfminer's walk
    gives them); None when it is not an indirect object."""
    if not isinstance(ref, PDFObjRef):
        return None
    attrs = dict_value(ref).copy()
    for key, value in parent.items():
        if key in PDFPage.INHERITABLE_ATTRS and key not in attrs:
            attrs[key] = value
    return ref.objid, attrs


def _kind(attrs: dict) -> Any:
    return attrs.get("Type", attrs.get("type"))


def _count(attrs: dict) -> int | None:
    count = resolve1(attrs.get("Count"))
    return count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else None


def claimed_count(doc) -> int | None:
    """The page count the page tree's root claims (its ``/Count``), or None."""
    try:
        root = _node(doc.catalog.get("Pages"), doc.catalog)
    except Exception:  # noqa: BLE001 - a damaged tree: the walk reports it
        return None
    return _count(root[1]) if root is not None and _kind(root[1]) is _PAGES else None


def page_at(doc, number: int) -> _PageEntry | None:
    """Page ``number`` (1-based), found by going down the page tree by its nodes' ``/Count``; None where the tree
    does not say plainly where the page is (then it is walked). A node whose count is its number of kids holds a
    page in each kid, and the kid is taken by its place when it is a page; any other node's kids are read, and
    their counts must add up to the node's. (A node holding an empty node beside one of two pages, its count
    still its number of kids, would be misread: no writer makes one.)"""
    try:
        found = _node(doc.catalog.get("Pages"), doc.catalog)
        index, seen = number - 1, set()
        for _ in range(_MAX_DEPTH):
            if found is None or found[0] in seen:
                return None
            objid, attrs = found
            seen.add(objid)
            if _kind(attrs) is _PAGE:
                return _PageEntry(doc, objid, attrs, None) if index == 0 else None
            count, kids = _count(attrs), list_value(attrs.get("Kids", []))
            if _kind(attrs) is not _PAGES or count is None or not 0 <= index < count:
                return None
            if count == len(kids):  # a page in each kid
                found = _node(kids[index], attrs)
                if found is not None and _kind(found[1]) is _PAGE:
                    index = 0
                    continue
            within, held = _within(kids, attrs, index)
            if within is None or held != count:
                return None
            found, index = (within[0], within[1]), within[2]
    except Exception:  # noqa: BLE001 - a damaged tree: the walk reports it
        return None
    return None


def _within(kids: Sequence, parent: dict, index: int) -> tuple[tuple[int, dict, int] | None, int | None]:
    """The kid holding the ``index``-th page of ``kids`` (its object number, attributes and the page's place in
    it), and the pages all the kids hold by their counts (None when a kid gives none)."""
    found, held = None, 0
    for kid in kids:
        child = _node(kid, parent)
        count = None if child is None else 1 if _kind(child[1]) is _PAGE else _count(child[1])
        if child is None or count is None:
            return None, None
        if found is None and index < held + count:
            found = (*child, index - held)
        held += count
    return found, held


class LazyPages:
    """pdfplumber's pages of ``pdf`` as ``pdf.pages`` gives them (the same page objects and page numbers; see the
    module's note on their offsets), each built only when it is read in full. The page tree is walked only as far
    as the pages asked for, or not at all once :meth:`trust` is told pypdfium2's page count and it agrees with the
    tree's. :meth:`done` before the PDF is closed."""

    def __init__(self, pdf) -> None:
        self.pdf = pdf
        self._walk: Iterator | None = None  # pdfminer's walk of the page tree, started when first needed
        self._found: list[_PageEntry] = []  # each page met so far by the walk
        self._ended = False
        self._trusted: int | None = None  # the page count, when pages are found by the tree's counts
        self.built: list = []

    def trust(self, pdfium_count: int | None) -> None:
        """Find pages by the tree's counts when the tree's root claims ``pdfium_count`` pages."""
        if pdfium_count and claimed_count(self.pdf.doc) == pdfium_count:
            self._trusted = pdfium_count

    def _reach(self, number: int) -> bool:
        """Walk the page tree to page ``number``; False when the PDF has fewer pages."""
        while len(self._found) < number and not self._ended:
            try:
                if self._walk is None:
                    self._walk = _PageEntry.create_pages(self.pdf.doc)
                entry = cast(_PageEntry | None, next(self._walk, None))
            except Exception as exc:  # as pdfplumber's own walk does: reported as a damaged PDF (or out of memory)
                raise PdfminerException(exc) from exc
            if entry is None:
                self._ended = True
                break
            self._found.append(entry)
        return len(self._found) >= number

    def _has(self, number: int) -> bool:
        return number <= self._trusted if self._trusted is not None else self._reach(number)

    def count(self) -> int:
        """The PDF's number of pages."""
        if self._trusted is not None:
            return self._trusted
        while self._reach(len(self._found) + 1):
            pass
        return len(self._found)

    def ends_at(self, number: int) -> bool:
        """Is page ``number`` the PDF's last?"""
        return self._has(number) and not self._has(number + 1)

    def from_page(self, first: int) -> Iterator[Callable[[], Any]]:
        """For each page from ``first`` on, a function that builds it."""
        number = first
        while self._has(number):
            yield partial(self._build, number)
            number += 1

    def _entry(self, number: int) -> _PageEntry:
        entry = page_at(self.pdf.doc, number) if self._trusted is not None else None
        if entry is None:
            if not self._reach(number):
                raise PdfminerException(f"page {number} is missing from the page tree")
            entry = self._found[number - 1]
        return entry

    def _build(self, number: int):
        entry = self._entry(number)
        page = Page(self.pdf, PDFPage(entry.doc, entry.pageid, entry.tree, entry.label), number, 0)
        self.built.append(page)
        return page

    def done(self) -> None:
        self.pdf._pages = self.built  # pdfplumber's close() flushes these, rather than building every page
