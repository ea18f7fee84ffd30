"""The batch runner: order, parallel workers, isolation of bad files, the cache, Dask."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest

import extract.batch as batch
from conftest import sample_result
from extract.batch import BatchOptions, run_batch
from extract.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PAPERS = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".docx", ".html", ".txt"})


def rows_of(results):
    return [r.to_dict() for res in results for r in res.rows]


def cli(args, stdin: str | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def session_results(extracted_samples, papers):
    """The session's extraction of ``papers`` (two workers: see conftest)."""
    return [sample_result(extracted_samples, p.name) for p in papers]


def test_same_rows_in_same_order_whatever_the_workers(extracted_samples):
    one = list(run_batch(PAPERS, BatchOptions(jobs=1, use_cache=False, timeout=0)))
    two = session_results(extracted_samples, PAPERS)
    assert [r.path for r in one] == [str(p) for p in PAPERS]
    assert rows_of(one) == rows_of(two)
    assert len(rows_of(one)) > 40


def test_rerun_is_served_from_cache_and_new_paper_is_processed(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for paper in PAPERS[:4]:
        shutil.copy(paper, folder)
    cache = str(tmp_path / "cache")
    first = cli(["extract", str(folder), "-o", str(tmp_path / "a.jsonl"), "--cache-dir", cache])
    assert first[0] == 0
    assert first[2].splitlines()[-1].startswith("rectrack: 4 files, 4 processed, 0 cached")
    second = cli(["extract", str(folder), "-o", str(tmp_path / "b.jsonl"), "--cache-dir", cache])
    assert second[2].splitlines()[-1].startswith("rectrack: 4 files, 0 processed, 4 cached")
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()
    shutil.copy(PAPERS[5], folder)
    third = cli(["extract", str(folder), "-o", str(tmp_path / "c.jsonl"), "--cache-dir", cache])
    assert third[2].splitlines()[-1].startswith("rectrack: 5 files, 1 processed, 4 cached")
    forced = cli(["extract", str(folder), "-o", "-", "--cache-dir", cache, "--force"])
    assert forced[2].splitlines()[-1].startswith("rectrack: 5 files, 5 processed, 0 cached")


def test_cache_hit_reports_the_current_path(tmp_path):
    cache = str(tmp_path / "cache")
    original = tmp_path / "one.txt"
    shutil.copy(SAMPLES / "seed-organised-crime.txt", original)
    list(run_batch([original], BatchOptions(cache_dir=cache)))
    moved = tmp_path / "renamed.txt"
    original.rename(moved)
    [result] = list(run_batch([moved], BatchOptions(cache_dir=cache)))
    assert result.cached
    assert {r.source for r in result.rows} == {str(moved)}


def test_cache_key_changes_with_code(tmp_path, monkeypatch):
    from extract import cache as cache_module

    store = cache_module.ResultCache(tmp_path)
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "other-code")
    assert cache_module.ResultCache(tmp_path).version != store.version


def _slow_or_crashing(path, password=None):
    name = Path(path).name
    if "slow" in name:
        time.sleep(30)
    if "crash" in name:
        os._exit(9)
    if "hog" in name:
        hoard = bytearray(4 * 1024**3)
        return hoard
    from extract.pipeline import extract_file

    return extract_file(path, password=password)


@pytest.fixture
def hostile_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "extract_file", _slow_or_crashing)
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed-organised-crime.txt", folder / "a-good.txt")
    shutil.copy(SAMPLES / "youth-services-update.txt", folder / "d-good.txt")
    for name in ("b-slow.txt", "c-crash.txt", "e-hog.txt"):
        (folder / name).write_text("x")
    return folder


def test_timeouts_crashes_and_memory_hogs_are_isolated(hostile_folder):
    files = sorted(hostile_folder.iterdir())
    # the limit is wide enough for the good papers on a loaded machine, far below the slow one's 30 s
    results = list(run_batch(files, BatchOptions(jobs=2, timeout=8, max_memory_mb=1024, use_cache=False)))
    by_name = {Path(r.path).name: r for r in results}
    assert [Path(r.path).name for r in results] == [f.name for f in files]
    assert "timed out after 8 s" in by_name["b-slow.txt"].error
    assert "worker process died" in by_name["c-crash.txt"].error
    assert "ran out of memory" in by_name["e-hog.txt"].error
    assert len(by_name["a-good.txt"].rows) == 6
    assert len(by_name["d-good.txt"].rows) == 5


def test_paths_from_stdin_and_globs(tmp_path, monkeypatch):
    listing = f"{SAMPLES / 'seed-organised-crime.txt'}\n{SAMPLES / 'youth-services-update.txt'}\n"
    code, out, err = cli(["extract", "--files-from", "-", "-q"], stdin=listing, monkeypatch=monkeypatch)
    assert code == 0
    assert len(out.splitlines()) == 11
    code, out, err = cli(["extract", str(SAMPLES / "*.html"), "-q"])
    assert code == 0
    html = {p.name for p in SAMPLES.glob("*.html")}
    assert len(html) >= 2
    assert {Path(json.loads(line)["source"]).name for line in out.splitlines()} == html


def test_dask_local_cluster_matches_local_run(extracted_samples):
    papers = PAPERS[:4]
    local = session_results(extracted_samples, papers)
    distributed = list(run_batch(papers, BatchOptions(jobs=2, use_cache=False, dask="local")))
    assert rows_of(distributed) == rows_of(local)


def test_dask_remote_path_ships_bytes(tmp_path):
    result = batch._process_bytes("elsewhere/seed.txt", (SAMPLES / "seed-organised-crime.txt").read_bytes(), None)
    assert result.path == "elsewhere/seed.txt"
    assert {r.source for r in result.rows} == {"elsewhere/seed.txt"}
    assert len(result.rows) == 6


def test_dask_missing_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the dask extra were not installed
    code, _, err = cli(["extract", str(SAMPLES / "seed-organised-crime.txt"), "--dask", "local", "--no-cache"])
    assert code == 1
    assert "rectrack[dask]" in err
