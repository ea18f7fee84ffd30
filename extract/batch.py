"""The batch runner: many files through the pipeline, in parallel, isolated, cached.

Each file runs in a worker process with a time limit and an address-space limit,
so one pathological paper is reported (``error: PATH: timed out …``) instead of
hanging or killing the batch; a worker that dies is replaced and only its file is
reported. Results come back in input order whatever the number of workers, and are
cached by content hash so a re-run only processes new or changed files. Failures that
say more about this run than about the file (a limit reached, a worker killed, an
outside program missing) are never cached: a re-run with a higher limit, or after
installing the program, reads the file again.

``--dask ADDRESS`` (or ``local``) sends the same per-file work to a Dask cluster.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from . import packs
from .cache import ResultCache, default_cache_dir
from .errors import MissingDependency, OutOfMemory
from .pipeline import extract_file
from .records import FileResult, Issue
from .rowkeys import file_hash

DEFAULT_TIMEOUT = 60.0  # seconds per file
DEFAULT_MAX_MEMORY_MB = 3072  # address space per worker process

# How the batch runner's own failures begin; they depend on the run, not the file, and none of them is cached
# (nor are the readers' failures of a kind whose ``cacheable`` is False: see extract.errors).
TIMED_OUT = "timed out after"
OUT_OF_MEMORY = "ran out of memory"  # how OutOfMemory's message begins (a reader's, or a MemoryError's here)
WORKER_DIED = "worker process died"
CLUSTER_FAILED = "cluster task failed"
# The warnings that are only about the rows read: a repaired cross-reference table, OCR that found no words.
_ABOUT_ROWS = ("damaged cross-reference table", "mean word confidence 0% over 0 words")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    jobs: int = 0  # 0: one worker per core
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    cache_dir: str | None = None  # None: the default cache folder
    use_cache: bool = True
    force: bool = False  # ignore cached results (and refresh them)
    dask: str | None = None  # scheduler address, or "local"

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


class FileTimeout(BaseException):
    """Raised inside a worker when a file exceeds its time limit (a BaseException so no reader swallows it)."""


def process_file(path: str, password: str | None = None, timeout: float | None = None) -> FileResult:
    """Extract one file with a time limit; every failure becomes an ``error`` issue, never an exception."""
    return _limited(path, timeout, lambda: extract_file(path, password=password))


def process_part(path: str, password: str | None, timeout: float | None, first: int, last: int):
    """Pages ``first`` to ``last`` of a long PDF (a :class:`~extract.readers.pdf_reader.PdfPart`), or a failed
    FileResult (the whole file is then read on its own, which reports the failure as usual)."""
    return _limited(path, timeout, lambda: packs.read_part(path, password, first, last))


def finish_parts(
    path: str, password: str | None, timeout: float | None, parts: list, share: tuple[int, int] = (0, 1)
) -> FileResult | None:
    """The FileResult of a PDF read in parts, with the rows of share ``share`` of its tracking tables (the
    shares' results are put together by :func:`~extract.packs.merge_shares`); None when the parts do not join
    (then read the whole file)."""
    return _limited(path, timeout, lambda: packs.extract_parts(path, password, parts, extract_file, share))


def _limited(path: str, timeout: float | None, work: Callable):
    limit = timeout or 0.0  # None or 0: no limit
    use_alarm = limit > 0 and hasattr(signal, "setitimer") and _in_main_thread()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return work()
    except FileTimeout:
        return _failed(path, f"{TIMED_OUT} {timeout:g} s (per-file limit; raise it with --timeout)", cacheable=False)
    except MemoryError:
        return _failed(path, str(OutOfMemory()), cacheable=OutOfMemory.cacheable)
    except RecursionError:
        return _failed(path, "structure nested too deeply to read")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _on_alarm(signum, frame) -> None:
    raise FileTimeout()


def _failed(path: str, reason: str, *, cacheable: bool = True) -> FileResult:
    """A FileResult for a file that could not be read; ``cacheable=False`` when the cause is the run's, not the
    file's."""
    return FileResult(path=path, issues=[Issue("error", path, reason, cacheable=cacheable)])


def _init_worker(max_memory_mb: int) -> None:
    """Cap the worker's address space, so a runaway file raises MemoryError instead of exhausting the machine."""
    if max_memory_mb <= 0:
        return
    try:
        import resource

        limit = max_memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


Progress = Callable[[FileResult], None]


def run_batch(
    files: Sequence[str | os.PathLike], options: BatchOptions = BatchOptions(), progress: Progress | None = None
) -> Iterator[FileResult]:
    """Extract ``files``; yield one FileResult per file, in the order given."""
    paths = [str(f) for f in files]
    cache = (
        ResultCache(options.cache_dir or default_cache_dir(), _options_key(), password=options.password)
        if options.use_cache
        else None
    )
    hashes: dict[int, str | None] = {}
    done: dict[int, FileResult] = {}
    todo: list[int] = []
    for index, path in enumerate(paths):
        digest = file_hash(path) if cache else None
        hashes[index] = digest
        hit = cache.get(digest, path) if cache and digest and not options.force else None
        if hit is not None:
            done[index] = hit
        else:
            todo.append(index)
    runner = _run_dask if options.dask else _run_local
    next_index = 0
    for index, result in _with_cached(done, runner([(i, paths[i]) for i in todo], options)):
        _drop_row_checks(result)
        digest = hashes.get(index)
        if not result.cached and cache and digest and _cacheable(result, cache):
            cache.put(digest, result)
        done[index] = result
        if progress:
            progress(result)
        while next_index in done:
            yield done.pop(next_index)
            next_index += 1


def _with_cached(cached: dict[int, FileResult], fresh: Iterator[tuple[int, FileResult]]):
    yield from list(cached.items())
    yield from fresh


def _options_key() -> str:
    """What besides the code, the password and outside programs changes results: a trained spaCy model."""
    from .enrich.people import _model_installed

    return "model" if _model_installed() else ""


def _drop_row_checks(result: FileResult) -> None:
    """A file that gave no rows has none to check: drop the warnings that only ask for its rows to be checked."""
    if not result.rows:
        result.issues = [
            i for i in result.issues if i.level != "warning" or not any(m in i.reason for m in _ABOUT_ROWS)
        ]


def _cacheable(result: FileResult, cache: ResultCache) -> bool:
    """Rows, notes and failures that come from the file itself are cached; a failure that may come from this run
    (a limit, a killed worker, a missing outside program: an error whose ``cacheable`` is False) is not, so the
    next run tries again."""
    if not result.failed:
        return True
    if cache.tool_missing(result.path):
        return False
    return all(issue.cacheable for issue in result.issues if issue.level == "error")


def _run_local(items: list[tuple[int, str]], options: BatchOptions) -> Iterator[tuple[int, FileResult]]:
    pending = list(items)
    while pending:
        splits = packs.page_splits(pending, options.workers)  # long PDFs read in page ranges by several workers
        tasks = len(pending) + sum(len(ranges) - 1 for ranges in splits.values())
        crash = yield from _pool_run(pending, options, min(options.workers, tasks), splits)
        if crash is None:
            return
        in_flight, pending = crash
        for item in in_flight:  # find the culprit: run each file that was in flight on its own
            if (yield from _pool_run([item], options, 1)) is not None:
                yield (
                    item[0],
                    _failed(
                        item[1],
                        f"{WORKER_DIED} while reading (killed by the system, probably out of memory)",
                        cacheable=False,
                    ),
                )


def _pool_run(
    batch: list[tuple[int, str]],
    options: BatchOptions,
    size: int,
    splits: dict[int, list[tuple[int, int]]] | None = None,
):
    """Run ``batch`` in one pool (the files of ``splits`` in page ranges). Returns None, or (files in flight at a
    crash, files not started)."""
    import multiprocessing

    from .readers import preload as preload_readers

    preload_readers(path for _, path in batch)  # imported once here: forked workers share them
    if len(batch) > 1 or size > 1:  # several files or workers: build the enrichment's rules once, for all
        from .enrich import preload

        preload()
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    executor = ProcessPoolExecutor(
        max_workers=size, mp_context=context, initializer=_init_worker, initargs=(options.max_memory_mb,)
    )
    # a task is a whole file (None), pages of a long PDF (first, last), or joining a PDF's parts and extracting
    # the rows of a share of its tables ("join", share): every worker joins, each takes a share of the tables
    splits = splits or {}
    queue: list[tuple[int, str, object]] = [
        (index, path, span) for index, path in batch for span in splits.get(index, [None])
    ]
    parts: dict[int, dict[int, object]] = {index: {} for index in splits}  # index -> first page -> part
    joined: dict[int, list] = {}  # index -> the parts in page order, while its shares run
    shares: dict[int, dict[int, FileResult | None]] = {}  # index -> share -> its result
    running: dict[Future, tuple[int, str, object]] = {}
    try:
        while queue or running:
            while queue and len(running) < size * 2:
                index, path, what = task = queue.pop(0)
                pw, limit = options.password, options.timeout
                future: Future
                if what is None:
                    future = executor.submit(process_file, path, pw, limit)
                elif isinstance(what, tuple) and what[0] == "join":
                    if index not in joined:
                        joined[index] = [part for _, part in sorted(parts.pop(index).items())]
                    future = executor.submit(finish_parts, path, pw, limit, joined[index], (what[1], size))
                else:
                    first, last = cast(tuple[int, int], what)
                    future = executor.submit(process_part, path, pw, limit, first, last)
                running[future] = task
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                index, path, what = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    lost = _files([(index, path, what), *running.values()])
                    return lost, [item for item in _files(queue) if item not in lost]
                if what is None:
                    yield index, result
                elif isinstance(what, tuple) and what[0] == "join":
                    shares.setdefault(index, {})[what[1]] = result
                    if len(shares[index]) < size:
                        continue
                    joined.pop(index, None)
                    done = shares.pop(index)
                    merged = packs.merge_shares([done[share] for share in range(size)])
                    if merged is not None:
                        yield index, merged
                    else:  # the parts do not join: read the whole file
                        queue.insert(0, (index, path, None))
                elif isinstance(result, FileResult):  # a part failed: read the whole file
                    if index in parts:  # (once per file)
                        parts.pop(index, None)
                        queue = [t for t in queue if t[0] != index]
                        queue.insert(0, (index, path, None))
                elif index in parts:
                    parts[index][result.first] = result
                    if len(parts[index]) == len(splits[index]):
                        queue[0:0] = [(index, path, ("join", share)) for share in range(size)]
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return None


def _files(tasks) -> list[tuple[int, str]]:
    """The files of ``tasks``, each once, in order."""
    return list(dict.fromkeys((index, path) for index, path, _ in tasks))


def _run_dask(items: list[tuple[int, str]], options: BatchOptions) -> Iterator[tuple[int, FileResult]]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise MissingDependency(
            f"--dask needs Dask ({exc.name or 'dask'} is not installed): install it with "
            "`pip install 'rectrack[dask]'` or run `make setup`"
        ) from exc

    if not items:
        return
    cluster = None
    if options.dask == "local":
        cluster = LocalCluster(
            n_workers=min(options.workers, len(items)), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(options.dask, timeout="30s")
    try:
        futures = {}
        for index, path in items:
            if cluster is not None:
                future = client.submit(process_file, path, options.password, None, pure=False)
            else:  # a remote cluster may not see our files: send their bytes
                future = client.submit(_process_bytes, path, _read_bytes(path), options.password, pure=False)
            futures[future] = (index, path)
        for future in as_completed(futures):
            index, path = futures[future]
            try:
                yield index, future.result()
            except Exception as exc:  # noqa: BLE001 - a task fails with whatever its worker raised; the rest go on
                yield index, _failed(path, f"{CLUSTER_FAILED} ({type(exc).__name__}: {exc})", cacheable=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _read_bytes(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _process_bytes(path: str, data: bytes | None, password: str | None) -> FileResult:
    """On a remote worker: write the shipped bytes to a temporary file with the same name, then extract."""
    import tempfile

    if data is None:
        return extract_file(path, password=password)  # let the reader give the usual reason
    with tempfile.TemporaryDirectory(prefix="rectrack-") as folder:
        local = Path(folder) / Path(path).name
        local.write_bytes(data)
        result = extract_file(local, password=password)
    return _renamed(result, str(local), path)


def _renamed(result: FileResult, old: str, new: str) -> FileResult:
    from dataclasses import replace

    result.path = new
    result.rows = [replace(r, source=new) if r.source == old else r for r in result.rows]
    for issue in result.issues:
        issue.path = new
    return result
