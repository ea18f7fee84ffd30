"""The result cache: what goes into the key, what is never cached, and how cached failures are reported.

Every input is invented here; outside programs (LibreOffice) are simulated with monkeypatch.
"""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest

import extract.batch as batch
from extract import cache as cache_module
from extract import errors, pipeline
from extract.batch import BatchOptions, run_batch
from extract.cache import ResultCache
from extract.cli import main
from extract.readers import convert

TRACKER = (
    "\n".join(
        [
            "Parks Scrutiny Committee",
            "3 March 2025",
            "Playground Review: Progress on Recommendations",
            "",
            "Recommendation\tProgress\tLead Officer\tTimescale",
            "1) Inspect every playground each month.\tInspections began in April.\tPat Green\tApril 2025",
            "2) Publish the repair list online.\tThe list is online.\tLee Brown\tMay 2025",
        ]
    )
    + "\n"
)


def _slow_extract(path, password=None):
    """The pipeline, after a pause for files named *slow*: a paper that needs more time than a tight limit."""
    if "slow" in Path(path).name:
        time.sleep(2.5)
    from extract.pipeline import extract_file

    return extract_file(path, password=password)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def test_a_timed_out_file_is_read_when_rerun_with_a_higher_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "extract_file", _slow_extract)
    paper = tmp_path / "slow-paper.txt"
    paper.write_text(TRACKER, encoding="utf-8")
    folder = tmp_path / "cache"
    [first] = run_batch([paper], BatchOptions(jobs=1, timeout=0.5, cache_dir=str(folder)))
    assert "timed out after 0.5 s" in first.error
    assert _entries(folder) == []  # a limit says nothing about the file: never cached
    [second] = run_batch([paper], BatchOptions(jobs=1, timeout=30, cache_dir=str(folder)))
    assert not second.failed
    assert not second.cached
    assert len(second.rows) == 2
    [third] = run_batch([paper], BatchOptions(jobs=1, timeout=0.5, cache_dir=str(folder)))
    assert third.cached
    assert len(third.rows) == 2


def _fake_libreoffice(tmp_path: Path, docx: Path, monkeypatch) -> None:
    """A 'LibreOffice' on PATH whose conversion writes ``docx`` where the real one would."""
    binary = tmp_path / "bin" / "soffice"
    binary.parent.mkdir()
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)

    def convert_run(argv, timeout, fmt, cwd):
        shutil.copyfile(docx, Path(argv[argv.index("--outdir") + 1]) / "paper.docx")
        return ""

    monkeypatch.setattr(convert, "find_soffice", lambda: str(binary))
    monkeypatch.setattr(convert, "_run", convert_run)


def test_a_failure_for_a_missing_tool_is_not_served_once_the_tool_is_present(tmp_path, monkeypatch, paper_docx):
    paper = tmp_path / "tracker.rtf"
    paper.write_text(r"{\rtf1 an invented paper}", encoding="utf-8")
    folder = tmp_path / "cache"
    options = BatchOptions(jobs=1, cache_dir=str(folder))
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    [missing] = run_batch([paper], options)
    assert "LibreOffice is needed" in missing.error
    assert _entries(folder) == []
    [again] = run_batch([paper], options)
    assert again.failed
    assert not again.cached
    _fake_libreoffice(tmp_path, paper_docx, monkeypatch)
    [present] = run_batch([paper], options)
    assert not present.failed
    assert not present.cached
    assert len(present.rows) == 2
    [rerun] = run_batch([paper], options)
    assert rerun.cached
    assert len(rerun.rows) == 2


def test_a_stored_missing_tool_failure_is_keyed_on_the_tool(tmp_path, monkeypatch):
    """Even an entry stored while the tool was missing (by an older rectrack, say) is not served once it is there."""
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    without = ResultCache(tmp_path).key("paper.odt")
    binary = tmp_path / "soffice"
    binary.write_text("#!/bin/sh\n")
    monkeypatch.setattr(convert, "find_soffice", lambda: str(binary))
    present = ResultCache(tmp_path).key("paper.odt")
    assert "soffice=missing" in without
    assert present != without
    binary.write_text("#!/bin/sh\n# upgraded\n")
    assert ResultCache(tmp_path).key("paper.odt") != present  # another version of the program


def test_tools_are_looked_up_only_for_the_formats_that_need_them(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setitem(cache_module.TOOL_FINDERS, "tesseract", lambda: calls.append("tesseract") or None)
    monkeypatch.setitem(cache_module.TOOL_FINDERS, "soffice", lambda: calls.append("soffice") or None)
    store = ResultCache(tmp_path)
    for name in ("a.txt", "b.docx", "c.html"):
        store.key(name)
    assert calls == []
    store.key("d.pdf")
    store.key("e.pdf")
    store.key("f.doc")
    assert calls == ["tesseract", "soffice"]  # once per run


def test_the_password_is_part_of_a_pdfs_key(tmp_path):
    plain, first, second = (ResultCache(tmp_path, password=p) for p in (None, "first", "second"))
    assert len({plain.key("a.pdf"), first.key("a.pdf"), second.key("a.pdf")}) == 3
    assert plain.key("a.txt") == first.key("a.txt")  # only PDFs take a password
    assert "first" not in first.key("a.pdf")


@pytest.mark.parametrize(
    ("kind", "cacheable"),
    [
        (errors.UnreadableDocument, True),
        (errors.EncryptedDocument, True),
        (errors.UnsupportedFormat, True),
        (errors.LimitReached, False),
        (errors.ToolMissing, False),
        (errors.OutOfMemory, False),
        (errors.MissingDependency, False),
    ],
)
def test_whether_a_failure_is_cached_is_a_property_of_its_kind_not_of_its_words(tmp_path, monkeypatch, kind, cacheable):
    """The same words are cached or not according to the kind of error alone."""
    misleading = "took over 60 s; install it with `apt-get install x` or run `make setup`; ran out of memory"

    def fail(path, password=None):
        raise kind(misleading)

    monkeypatch.setattr(pipeline, "read", fail)
    paper = tmp_path / "paper.txt"
    paper.write_text(TRACKER, encoding="utf-8")
    result = pipeline.extract_file(paper)
    assert result.error == misleading
    assert result.issues[0].cacheable is cacheable is kind.cacheable
    assert batch._cacheable(result, ResultCache(tmp_path)) is cacheable
    folder = tmp_path / "cache"
    [first] = run_batch([paper], BatchOptions(jobs=1, cache_dir=str(folder)))
    assert first.error == misleading
    assert (_entries(folder) != []) is cacheable


@pytest.mark.parametrize(
    "make",
    [
        lambda: batch._limited("a.txt", 0.2, lambda: time.sleep(5)),
        lambda: batch._limited("a.txt", None, lambda: bytearray(1 << 62)),
        lambda: batch._failed("a.txt", "worker process died while reading", cacheable=False),
    ],
    ids=["timeout", "memory", "worker"],
)
def test_the_batch_runners_own_failures_are_never_cached(tmp_path, make):
    result = make()
    assert result.failed
    assert not result.issues[0].cacheable
    assert not batch._cacheable(result, ResultCache(tmp_path))


def test_the_readers_missing_tools_and_limits_are_kinds_that_are_not_cached(tmp_path, monkeypatch):
    from extract.readers import ocr

    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    with pytest.raises(errors.ToolMissing, match="LibreOffice is needed"):
        convert.read_converted(tmp_path / "a.doc", "doc")
    monkeypatch.setattr(ocr, "find_tesseract", lambda: None)
    monkeypatch.setattr(ocr, "look", lambda page: type("Look", (), {"has_text": True})())
    with pytest.raises(errors.ToolMissing, match="Tesseract is needed"):
        ocr.read_scanned_page(object(), 1, 0, None)
    with pytest.raises(errors.LimitReached, match="took over 0.1 s"):
        convert._run(["sleep", "5"], 0.1, "doc", tmp_path)
    with pytest.raises(errors.ToolMissing, match="could not be started"):
        convert._run([str(tmp_path / "no-such-program")], 5, "doc", tmp_path)


def test_memory_running_out_after_reading_is_reported_as_the_limit_and_not_cached(tmp_path, monkeypatch):
    """A MemoryError while the rows are extracted (the file was read) is the worker's memory limit, as while
    reading: the batch's message, never an 'unexpected failure', and never cached."""

    def hog(doc, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "document_rows", hog)
    paper = tmp_path / "paper.txt"
    paper.write_text(TRACKER, encoding="utf-8")
    result = batch.process_file(str(paper))
    assert result.error == "ran out of memory (per-worker limit; raise it with --max-memory)"
    assert not result.issues[0].cacheable
    folder = tmp_path / "cache"
    [first] = run_batch([paper], BatchOptions(jobs=1, cache_dir=str(folder)))
    assert first.error == result.error
    assert _entries(folder) == []


def test_a_cached_failure_is_reported_as_cached(tmp_path):
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"not a zip file at all")
    cache = str(tmp_path / "cache")
    summaries = []
    for _ in range(2):
        err = io.StringIO()
        assert (
            main(
                ["extract", str(damaged), "-o", str(tmp_path / "out.jsonl"), "--cache-dir", cache],
                stdout=io.StringIO(),
                stderr=err,
            )
            == 1
        )
        summaries.append(err.getvalue().splitlines()[-1])
    assert summaries[0] == "rectrack: 1 files, 0 processed, 0 cached, 1 failed, 0 rows"
    served = "rectrack: 1 files, 0 processed, 0 cached, 1 failed (1 from the cache; --force retries them), 0 rows"
    assert summaries[1] == served


def test_entries_are_written_whole(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(TRACKER, encoding="utf-8")
    folder = tmp_path / "cache"
    list(run_batch([paper], BatchOptions(jobs=1, cache_dir=str(folder))))
    [entry] = _entries(folder)
    assert [p for p in folder.rglob("*") if p.is_file()] == [entry]  # no temporary file left beside it
