"""Agenda packs: a long PDF read in page ranges by several workers gives the rows of a whole read, and
pdfplumber's page objects built by extract.readers.pdf_objects are pdfplumber's own."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pdfplumber
import pytest

from extract import extract_file
from extract.batch import BatchOptions, run_batch
from extract.packs import merge_shares, page_count, page_splits
from extract.pipeline import document_rows, shared_out, with_checks
from extract.readers import pdf_reader
from extract.readers.pdf_objects import use_fast_objects
from extract.readers.pdf_pages import LazyPages
from extract.readers.pdf_reader import join_parts, read_pdf, read_pdf_part
from extract.records import FileResult, Issue

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from boxed import make_boxed  # noqa: E402
from packs import make_pack  # noqa: E402

# text-layer papers with ruled, borderless and decoy tables, tables that run across pages, a rotated page
SOURCES = [
    SAMPLES / name
    for name in (
        "seed-organised-crime.pdf",
        "budget-decoys-only.pdf",
        "flood-risk-progress.pdf",
        "borderless-scrutiny.pdf",
        "two-appendices.pdf",
        "rotated-landscape.pdf",
        "street-trees-2023-06.pdf",
    )
]


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return make_pack(tmp_path_factory.mktemp("pack") / "pack.pdf", 60, SOURCES)


def _same(a, b) -> bool:
    return (a.pages, a.title_hint, a.warnings, a.paragraphs, a.tables) == (
        b.pages,
        b.title_hint,
        b.warnings,
        b.paragraphs,
        b.tables,
    )


@pytest.mark.parametrize("cuts", [[31], [10, 20, 40], [16, 17, 18], list(range(2, 61, 7))])
def test_parts_join_into_the_whole_read(pack, cuts):
    whole = read_pdf(pack)
    bounds = [1, *cuts, 61]
    parts = [read_pdf_part(pack, a, b - 1) for a, b in zip(bounds, bounds[1:], strict=False)]
    joined = join_parts(parts)
    assert joined is not None  # a part reads on while a table runs on, so every cut joins
    assert _same(joined, whole)


def _continued(doc) -> list[int]:
    """Pages whose table the whole read continued on the next page."""
    return [t.page for t in doc.tables if t.page and any(u.page == t.page + 1 for u in doc.tables)]


def test_a_part_reads_on_while_a_table_runs_on(pack):
    whole = read_pdf(pack)
    continued = _continued(whole)
    assert continued  # the pack has tables that run on over a page break
    cut = continued[0] + 1
    head, tail = read_pdf_part(pack, 1, cut - 1), read_pdf_part(pack, cut, 60)
    assert head.end >= cut  # read on over the cut
    assert head.end_state == (False, None)
    assert tail.total == 60
    joined = join_parts([head, tail])
    assert joined is not None
    assert _same(joined, whole)


def test_a_part_that_may_not_read_on_is_not_joined(pack, monkeypatch):
    """Where the part before stops inside a table, the part after (read with no table open) is not joined."""
    monkeypatch.setattr(pdf_reader, "PART_READS_ON", 0)
    cut = _continued(read_pdf(pack))[0] + 1
    head, tail = read_pdf_part(pack, 1, cut - 1), read_pdf_part(pack, cut, 60)
    assert head.end == cut - 1
    assert head.end_state != (False, None)
    assert join_parts([head, tail]) is None


def test_parts_that_do_not_cover_the_pdf_are_not_joined(pack):
    first, last = read_pdf_part(pack, 1, 30), read_pdf_part(pack, 31, 60)
    assert join_parts([first]) is None  # the PDF's end not reached
    assert join_parts([last]) is None  # not from page 1
    if first.end < 31:
        assert join_parts([first, read_pdf_part(pack, 32, 60)]) is None  # a page missing


@pytest.mark.parametrize("trusted", [False, True])
def test_pages_are_built_only_when_read(pack, monkeypatch, trusted):
    """Pages built lazily are pdfplumber's own (numbers, sizes, characters; each with its own document offset of
    0), found by walking the page tree or by its counts, and only the pages read in full are built; closing does
    not build the rest."""
    from pdfminer.pdfpage import PDFPage

    with pdfplumber.open(pack) as plain:
        expected = [(p.page_number, p.bbox) for p in plain.pages]
        first_chars = [(c["text"], c["x0"], c["top"]) for c in plain.pages[-1].chars[:20]]
    pdf = pdfplumber.open(pack)
    lazy = LazyPages(pdf)
    lazy.trust(len(expected) if trusted else None)
    assert lazy.count() == len(expected)
    pages = [make() for make in lazy.from_page(1)]
    assert [(p.page_number, p.bbox) for p in pages] == expected
    assert {p.initial_doctop for p in pages} == {0}
    assert [(c["text"], c["x0"], c["top"]) for c in pages[-1].chars[:20]] == first_chars
    assert all(c["doctop"] == c["top"] for c in pages[-1].chars)
    assert (lazy._walk is None) == trusted  # trusted: the tree is not walked at all
    pdf_reader.close_pdf(pdf)
    built = []
    real = PDFPage.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(PDFPage, "__init__", counted)
    part = read_pdf_part(pack, 40, 45)
    assert part.first == 40
    assert len(built) <= part.end - part.first + 1  # none before page 40, none when closing


def test_a_batch_with_workers_gives_the_rows_of_a_whole_read(pack, tmp_path):
    rows = [dataclasses.asdict(r) for r in extract_file(pack).rows]
    assert rows
    assert page_splits([(0, str(pack))], 2)  # the pack is cut for two workers
    [result] = list(run_batch([pack], BatchOptions(jobs=2, use_cache=False)))
    assert [dataclasses.asdict(r) for r in result.rows] == rows
    assert result.pages == 60


@pytest.mark.parametrize("shares", [2, 3, 5])
def test_shares_of_the_work_give_the_rows_of_the_whole_document(pack, shares):
    """One share checks every row while the others each enrich a run of them: put together, the rows are the
    whole document's (confidence and the owners named across the paper included)."""
    doc = read_pdf(pack)
    whole = document_rows(doc)
    assert whole.tables >= 3
    assert whole.total == len(whole.rows)
    parts = [document_rows(doc, share=(k, shares)) for k in range(shares)]
    assert all((p.tables, p.total) == (whole.tables, whole.total) for p in parts)
    assert all(p.rows for p in parts)  # the enriching is really shared out
    assert with_checks(parts[0].rows, [r for p in parts[1:] for r in p.rows]) == whole.rows
    assert with_checks(parts[0].rows, parts[1].rows[:-1]) is None


def test_shared_out():
    assert shared_out([1, 1, 1, 1], 0, 2) == range(0, 2)
    assert shared_out([1, 1, 1, 1], 1, 2) == range(2, 4)
    assert shared_out([10, 1, 1], 0, 2) == range(0, 1)  # by work, not by count
    assert shared_out([10, 1, 1], 1, 2) == range(1, 3)
    assert shared_out([], 0, 2) == range(0)
    assert shared_out([], 1, 2) == range(0)
    assert [shared_out([5], k, 3) for k in range(3)] == [range(0), range(0, 1), range(0)]  # its middle
    every = [i for k in range(4) for i in shared_out([3, 1, 4, 1, 5, 9, 2, 6], k, 4)]
    assert every == list(range(8))  # each table once, in order


def test_merge_shares(pack):
    head, tail = extract_file(pack, share=(0, 2)), extract_file(pack, share=(1, 2))
    whole = extract_file(pack)
    merged = merge_shares([head, tail])
    assert merged is not None
    assert merged.rows == whole.rows
    assert merged.issues == whole.issues
    assert merge_shares([head, None]) is None  # the parts did not join: the whole file is read
    failed = FileResult(path=str(pack), issues=[Issue("error", str(pack), "timed out after 1 s")])
    assert merge_shares([extract_file(pack, share=(0, 2)), failed]) is failed


def test_parts_that_do_not_join_in_a_batch_are_read_whole(pack, monkeypatch):
    rows = extract_file(pack).rows
    monkeypatch.setattr(pdf_reader, "join_parts", lambda parts: None)  # the forked workers see it too
    [result] = list(run_batch([pack], BatchOptions(jobs=2, use_cache=False)))
    assert result.rows == rows


def test_a_share_that_fails_fails_the_file(pack, monkeypatch):
    from extract import pipeline

    real = pipeline.document_rows

    def second_fails(doc, source=None, notes=None, share=(0, 1)):
        if share[0] == 1:
            raise ValueError("broken share")
        return real(doc, source, notes, share)

    monkeypatch.setattr(pipeline, "document_rows", second_fails)
    [result] = list(run_batch([pack], BatchOptions(jobs=2, use_cache=False)))
    assert result.failed
    assert not result.rows
    assert any("broken share" in issue.reason for issue in result.issues)


def test_boxes_that_are_not_tracking_tables_are_not_parsed(tmp_path, monkeypatch):
    """The fast path chooses pages by a tracking table's header, not by rulings: of a pack of ruled budgets,
    timetables, attendance and decisions (whose prose mentions recommendations, progress and leads) and then a
    paper with a tracking table, only the first page and the tracking table's pages are parsed, and the rows
    are those of a full parse."""
    boxed = make_boxed(tmp_path / "boxed.pdf", 24)
    flood = SAMPLES / "flood-risk-progress.pdf"
    pack = make_pack(tmp_path / "pack.pdf", 24 + page_count(flood), [boxed, flood])
    tracking = sorted({24 + t.page for t in read_pdf(flood).tables if t.page})
    parsed: list[int] = []
    real = pdf_reader._read_page

    def counted(page, number, *args, **kwargs):
        parsed.append(number)
        return real(page, number, *args, **kwargs)

    monkeypatch.setattr(pdf_reader, "_read_page", counted)
    fast = read_pdf(pack)
    assert parsed == [1, *tracking]
    fields = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status", "page_first", "page_last")

    def rows(doc) -> list[tuple]:  # the paper's metadata is not compared: the pack joins two papers
        return [tuple(getattr(r, f) for f in fields) for r in extract_file(pack, document=doc).rows]

    found = rows(fast)
    assert found
    assert found == rows(read_pdf(pack, fast=False))


def test_page_splits():
    assert page_splits([(0, str(SAMPLES / "seed-organised-crime.pdf"))], 2) == {}  # short: read whole
    assert page_splits([(0, "missing.pdf")], 2) == {}


def test_fast_objects_are_pdfplumbers(tmp_path):
    for path in [*SOURCES, SAMPLES / "scanned-lighting-update.pdf", SAMPLES / "damaged-headers.pdf"]:
        with pdfplumber.open(path) as plain, pdfplumber.open(path) as fast:
            for a, b in zip(plain.pages, fast.pages, strict=True):
                use_fast_objects(b)
                ours, theirs = b.objects, a.objects
                assert list(ours) == list(theirs)
                for kind in theirs:
                    for x, y in zip(theirs[kind], ours[kind], strict=True):
                        assert list(x) == list(y)
                        assert {k: v for k, v in x.items() if k != "stream"} == {
                            k: v for k, v in y.items() if k != "stream"
                        }
