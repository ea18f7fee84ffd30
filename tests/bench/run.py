"""Benchmark: rectrack against the floor (every page's text read once) and plain pdfplumber, in the same run.

Run with ``make bench`` (or ``python tests/bench/run.py [FOLDER...]``). For ``samples/``,
``../shared/corpus/perf`` (when present) and agenda packs of 100, 400 and 1,000 pages made from the perf packs'
pages (``tests/bench/packs.py``), it times whole commands (start-up included, result cache off), the median of
``--repeat`` runs, and prints them side by side with their ratio to the floor:

* the floor: a script that reads every page's text once with pypdfium2, on one core;
* rectrack ``-j 1`` and ``-j 2`` (the long packs read in page ranges by both workers);
* plain pdfplumber: a script that calls ``extract_tables()`` on every page (only up to ``--baseline-pages``),
  and rectrack's cost against it.

A long document with a ruled table on most pages but no tracking table (``tests/bench/boxed.py``, ``--boxed``
pages) shows what the agenda-pack fast path costs where it should parse next to nothing.

It also gives the peak memory (RSS) of the largest rectrack process at ``-j 1``, checks that ``-j 1`` and
``-j 2`` give the same rows and that they are the rows of a full parse (pdfplumber on every page, in this
process; up to ``--full-parse-pages``), and, where a ``truth/`` folder is beside the papers, scores the rows
with the project's scorer (``../shared/eval/score.py``). ``--profile`` prints where one in-process run of each
folder spends its time (pyinstrument). Each timed run starts when the machine is idle (waiting up to
``--idle-wait`` seconds; the runs that could not are counted at the end). Speeds are reported, never asserted:
other work on the machine moves them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project folder
PERF = ROOT.parent / "shared" / "corpus" / "perf"
PAPER_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt"}

FLOOR = r"""
import sys, pypdfium2 as pdfium
for name in sys.argv[1:]:
    pdf = pdfium.PdfDocument(name)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
"""

BASELINE = r"""
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.flush_cache()
"""


def _pdf_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for file in files:
        try:
            pdf = pdfium.PdfDocument(str(file))
            total += len(pdf)
            pdf.close()
        except (pdfium.PdfiumError, OSError):
            pass  # a damaged PDF: rectrack reports it, the page count leaves it out
    return total


def _timed(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall time and the peak RSS (MiB) of the largest single process in the command's process tree."""
    import psutil  # checked in main()

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [watched, *watched.children(recursive=True)]:
                peak = max(peak, p.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.02)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    return elapsed, peak / 2**20, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _busy(interval: float = 0.4) -> float:
    """The share of the machine's CPU time spent working over ``interval`` seconds (Linux; 0.0 elsewhere)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
        return sum(values), values[3] + values[4]  # all, idle + iowait

    try:
        total, idle = sample()
        time.sleep(interval)
        total2, idle2 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    return 1.0 - (idle2 - idle) / max(1, total2 - total)


WAIT_FOR_IDLE = 60.0  # seconds a timed run waits for other work on the machine to pause (--idle-wait)
UNQUIET: list[int] = [0]  # timed runs that started while other work was running


def _wait_for_idle() -> None:
    """Start a timed run when the machine is idle (other work moves wall times), waiting at most WAIT_FOR_IDLE."""
    started = time.monotonic()
    while time.monotonic() - started < WAIT_FOR_IDLE:
        if _busy() < 0.08 and _busy() < 0.08:
            return
    UNQUIET[0] += 1


def _median(cmd: list[str], repeat: int) -> tuple[float, list[float], float, subprocess.CompletedProcess]:
    """Median wall time, all the times, the highest peak RSS (MiB) and the last run."""
    times, peaks = [], []
    done = None
    for _ in range(repeat):
        if WAIT_FOR_IDLE > 0:
            _wait_for_idle()
        elapsed, peak, done = _timed(cmd)
        times.append(elapsed)
        peaks.append(peak)
    assert done is not None
    return statistics.median(times), times, max(peaks), done


def _rectrack(papers: list[Path], out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "extract", "extract", *map(str, papers), "-o", str(out), "--no-cache", "-q"] + [
        "-j",
        str(jobs),
    ]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")] if path.exists() else []


def _full_parse_rows(pdfs: list[Path], out: Path) -> list[dict]:
    """Rows of a full parse (pdfplumber on every page, no fast path), in this process, written as the command
    writes them."""
    sys.path.insert(0, str(ROOT))
    from extract.history import link_results
    from extract.pipeline import extract_document
    from extract.readers.pdf_reader import read_pdf
    from extract.records import FileResult
    from extract.writers import write

    results = []
    for pdf in sorted(pdfs, key=str):
        doc = read_pdf(pdf, fast=False)
        rows, tables = extract_document(doc, source=str(pdf))
        results.append(FileResult(path=str(pdf), rows=rows, tables=tables, pages=doc.pages, format="pdf"))
    write(link_results(results), str(out))
    return _rows(out)


def bench(name: str, papers: list[Path], args: argparse.Namespace, truth: Path | None = None) -> None:
    pdfs = [p for p in papers if p.suffix.lower() == ".pdf"]
    if not papers:
        return
    pages = _pdf_pages(pdfs)
    print(f"\n== {name}  ({len(papers)} files, {len(pdfs)} PDFs, {pages} PDF pages; medians of {args.repeat})")
    with tempfile.TemporaryDirectory() as tmp:
        outs = {jobs: Path(tmp) / f"rows-j{jobs}.jsonl" for jobs in (1, 2)}
        lines = []
        floor = None
        if pdfs:
            floor, times, _, _ = _median([sys.executable, "-c", FLOOR, *map(str, pdfs)], args.repeat)
            lines.append(("the floor: pypdfium2 text of every page, one core", floor, times, None))
        for jobs, out in outs.items():
            wall, times, peak, done = _median(_rectrack(papers, out, jobs), args.repeat)
            summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
            lines.append((f"rectrack -j {jobs}", wall, times, peak))
            if jobs == 1:
                j1, summary1 = wall, summary
            else:
                j2 = wall
        base = None
        if pdfs and pages <= args.baseline_pages:
            base, times, peak, _ = _median([sys.executable, "-c", BASELINE, *map(str, pdfs)], args.repeat)
            lines.append(("plain pdfplumber extract_tables(), every page", base, times, peak))
        elif pdfs:
            lines.append((f"plain pdfplumber: skipped (over {args.baseline_pages} pages)", None, [], None))
        for label, wall, times, peak in lines:
            if wall is None:
                print(f"  {label}")
                continue
            ratio = f"{wall / floor:5.1f}x floor" if floor else ""
            rate = f"{pages / wall:7.1f} pages/s" if pages else f"{len(papers) / wall:7.2f} files/s"
            mem = f"  peak {peak:5.0f} MiB/process" if peak else ""
            runs = " ".join(f"{t:.2f}" for t in times)
            print(f"  {label:<52} {wall:7.2f} s  {rate}  {ratio}{mem}  [{runs}]")
        print(f"  -j 2 speed-up over -j 1: {j1 / j2:.2f}x   [{summary1}]")
        if base:
            print(f"  rectrack's cost against plain pdfplumber: -j 1 {j1 / base:.2f}x, -j 2 {j2 / base:.2f}x")
        rows1, rows2 = _rows(outs[1]), _rows(outs[2])
        print(f"  rows: {len(rows1)}; -j 1 and -j 2 identical: {'yes' if rows1 == rows2 else 'NO'}", end="")
        if pdfs and len(pdfs) == len(papers) and pages <= args.full_parse_pages:
            full = _full_parse_rows(pdfs, Path(tmp) / "full.jsonl")
            print(f"; identical to a full parse: {'yes' if rows1 == full else 'NO'}")
        else:
            print()
        if truth is not None:
            _score(truth, outs[1])
        if args.profile:
            _profile(papers)


def _score(truth: Path, rows: Path) -> None:
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    if not (scorer.exists() and truth.is_dir() and rows.exists()):
        return
    done = subprocess.run(
        [sys.executable, str(scorer), "--truth", str(truth), "--pred", str(rows)], capture_output=True, text=True
    )
    print("  accuracy:", done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip())


def _profile(papers: list[Path]) -> None:
    """pyinstrument over one in-process run (one core) of extracting ``papers`` and writing JSON Lines."""
    script = (
        "import sys\n"
        "from extract.pipeline import extract_file\n"
        "from extract.writers import write\n"
        "results = [extract_file(p) for p in sys.argv[1:]]\n"
        "write(results, sys.argv[0] + '.jsonl')\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profiled.py"
        path.write_text(script, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "pyinstrument", "-r", "text", str(path), *map(str, papers)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    print("  profile (pyinstrument, one core, in process):")
    print("\n".join("    " + line for line in (done.stdout or done.stderr).splitlines()[:60]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs per command; the median is shown (default 3)")
    parser.add_argument("--packs", default="100,400,1000", help="page counts of the packs made ('' for none)")
    parser.add_argument(
        "--boxed", type=int, default=150, help="pages of the boxed document without a tracking table (0: none)"
    )
    parser.add_argument("--baseline-pages", type=int, default=450, help="plain pdfplumber only up to this many pages")
    parser.add_argument("--full-parse-pages", type=int, default=450, help="full-parse check up to this many pages")
    parser.add_argument("--profile", action="store_true", help="also profile one in-process run of each folder")
    parser.add_argument(
        "--idle-wait",
        type=float,
        default=WAIT_FOR_IDLE,
        help="seconds each timed run waits for the machine to be idle (0: start at once; default 60)",
    )
    args = parser.parse_args(argv)
    globals()["WAIT_FOR_IDLE"] = args.idle_wait
    try:
        import psutil  # noqa: F401  (the bench extra: peak memory of the timed processes)
    except ImportError:
        print(
            "error: the benchmark needs psutil: install it with `pip install -e '.[bench]'` or run `make setup`",
            file=sys.stderr,
        )
        return 2
    if args.profile:
        try:
            import pyinstrument  # noqa: F401
        except ImportError:
            print("error: --profile needs pyinstrument (the bench extra)", file=sys.stderr)
            return 2
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    folders = args.folders or [ROOT / "samples", PERF]
    for folder in folders:
        if folder.is_dir():
            papers = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAPER_SUFFIXES)
            truth = folder / "truth"
            bench(str(folder), papers, args, truth if truth.is_dir() else None)
        else:
            print(f"(skipped {folder}: not present)")
    if args.boxed:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from boxed import make_boxed

        with tempfile.TemporaryDirectory() as tmp:
            doc = make_boxed(Path(tmp) / f"boxed-{args.boxed}.pdf", args.boxed)
            bench(
                f"{args.boxed} pages with a ruled table on most, no tracking table (tests/bench/boxed.py)", [doc], args
            )
    sizes = [int(n) for n in args.packs.split(",") if n.strip()]
    sources = sorted(PERF.glob("*.pdf")) if PERF.is_dir() else []
    if sizes and sources:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from packs import make_pack

        with tempfile.TemporaryDirectory() as tmp:
            for size in sizes:
                pack = make_pack(Path(tmp) / f"pack-{size}.pdf", size, sources)
                bench(f"pack of {size} pages (the perf packs' pages, repeated)", [pack], args)
    elif sizes:
        print("(packs skipped: they are made from ../shared/corpus/perf, not present)")
    print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if UNQUIET[0]:
        print(
            f"{UNQUIET[0]} timed runs started while other work was running "
            f"(waited {WAIT_FOR_IDLE:g} s): compare with care"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
