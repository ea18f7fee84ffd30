"""Pages found by the page tree's counts (extract.readers.pdf_pages) are the pages pdfminer's walk finds, in
trees of every shape; a tree whose counts do not add up is walked."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extract.readers.pdf_pages import LazyPages, claimed_count, page_at


def _pdf(path: Path, tree: dict, counts: dict[str, int] | None = None) -> Path:
    """A PDF whose page tree is ``tree``: node name -> kids (node names, or page numbers). Each page is told apart
    by its width (100 + its number), but for the pages of node "B", which inherit B's size (300 by 500).
    ``counts`` overrides a node's /Count (a count that lies)."""
    nodes = list(tree)
    pages = sorted({kid for kids in tree.values() for kid in kids if isinstance(kid, int)})
    ids = {name: 3 + i for i, name in enumerate(nodes)}
    ids |= {number: 3 + len(nodes) + i for i, number in enumerate(pages)}
    parent = {kid: name for name, kids in tree.items() for kid in kids}

    def held(name) -> int:
        return 1 if isinstance(name, int) else sum(held(kid) for kid in tree[name])

    objects = {1: "<< /Type /Catalog /Pages 3 0 R >>", 2: "<< >>"}
    for name in nodes:
        kids = " ".join(f"{ids[k]} 0 R" for k in tree[name])
        count = (counts or {}).get(name, held(name))
        up = f" /Parent {ids[parent[name]]} 0 R" if name in parent else ""
        box = " /MediaBox [0 0 300 500]" if name == "B" else ""
        objects[ids[name]] = f"<< /Type /Pages /Kids [{kids}] /Count {count}{up}{box} >>"
    for number in pages:
        box = "" if parent[number] == "B" else f" /MediaBox [0 0 {100 + number} 400]"
        objects[ids[number]] = f"<< /Type /Page /Parent {ids[parent[number]]} 0 R{box} /Resources 2 0 R >>"
    body, offsets = b"%PDF-1.4\n", {}
    for number in sorted(objects):
        offsets[number] = len(body)
        body += f"{number} 0 obj\n{objects[number]}\nendobj\n".encode()
    xref = len(body)
    size = max(objects) + 1
    body += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        body += f"{offsets[number]:010d} 00000 n \n".encode()
    body += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(body)
    return path


TREES = {
    "flat": {"R": [1, 2, 3, 4, 5]},
    "nested": {"R": ["A", 4, "B"], "A": [1, 2, 3], "B": ["C", 7], "C": [5, 6]},
    "one kid a node": {"R": ["A"], "A": ["B"], "B": [1, 2, 3]},
    "single pages in nodes": {"R": ["A", "B"], "A": [1], "B": [2]},
}


@pytest.mark.parametrize("shape", TREES)
def test_pages_found_by_counts_are_the_pages_walked(tmp_path, shape):
    path = _pdf(tmp_path / "tree.pdf", TREES[shape])
    with pdfplumber.open(path) as pdf:
        walked = [(p.page_obj.pageid, p.width, p.height) for p in pdf.pages]
        assert claimed_count(pdf.doc) == len(walked)
        found = [page_at(pdf.doc, n) for n in range(1, len(walked) + 1)]
        assert all(entry is not None for entry in found)
        lazy = LazyPages(pdf)
        lazy.trust(len(walked))
        built = [make() for make in lazy.from_page(1)]
        assert [(p.page_obj.pageid, p.width, p.height) for p in built] == walked
        assert lazy._walk is None  # found without walking the tree
        assert page_at(pdf.doc, len(walked) + 1) is None


def test_widths_tell_the_pages_apart(tmp_path):
    """The test PDF itself: pages in order, the inherited size where a node gives it."""
    path = _pdf(tmp_path / "tree.pdf", TREES["nested"])
    with pdfplumber.open(path) as pdf:
        assert [(p.width, p.height) for p in pdf.pages] == [*((100 + n, 400) for n in range(1, 7)), (300, 500)]


def test_a_tree_whose_counts_lie_is_walked(tmp_path):
    tree = {"R": ["A", "D"], "A": [1, 2], "D": [3, 4]}
    path = _pdf(tmp_path / "tree.pdf", tree, counts={"R": 6})  # the root claims six pages; four are there
    with pdfplumber.open(path) as pdf:
        lazy = LazyPages(pdf)
        lazy.trust(4)  # pypdfium2's count disagrees with the root's: not trusted
        assert lazy.count() == 4
        assert lazy._walk is not None
    path = _pdf(tmp_path / "tree2.pdf", tree, counts={"A": 3})  # a node claims a page it does not hold
    with pdfplumber.open(path) as pdf:
        assert [page_at(pdf.doc, n) for n in range(1, 5)] == [None] * 4  # its parent's count does not add up
        lazy = LazyPages(pdf)
        lazy.trust(4)
        built = [make() for make in lazy.from_page(1)]  # the pages the counts cannot place are walked to
        assert [p.width for p in built] == [101, 102, 103, 104]


def test_a_cycle_in_the_tree_is_not_followed(tmp_path):
    path = _pdf(tmp_path / "tree.pdf", {"R": ["A"], "A": [1, 2]})
    data = path.read_bytes().replace(b"/Kids [5 0 R 6 0 R] /Count 2", b"/Kids [4 0 R] /Count 2")
    path.write_bytes(data)  # node A's kid is A itself
    with pdfplumber.open(path) as pdf:
        assert page_at(pdf.doc, 1) is None
