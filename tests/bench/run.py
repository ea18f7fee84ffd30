"""Benchmark: rectrack against plain pdfplumber ``extract_tables()`` on every page, in the same run.

Run with ``make bench`` (or ``python tests/bench/run.py [FOLDER...]``). For each folder it times the whole
``rectrack extract`` command (start-up included, result cache off) and a baseline script that opens
each PDF with pdfplumber and calls ``extract_tables()`` on every page, and prints pages/s, files/s,
peak memory per process and the speed ratio. When the folder has a ``truth/`` folder beside the papers,
rectrack's rows are scored with the project's scorer (``../shared/eval/score.py``) when it is present.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project folder

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


def bench_folder(folder: Path, jobs: int) -> None:
    papers = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".pdf", ".docx", ".html", ".htm", ".txt"})
    pdfs = [p for p in papers if p.suffix.lower() == ".pdf"]
    if not papers:
        return
    pages = _pdf_pages(pdfs)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.jsonl"
        rectrack = [
            sys.executable,
            "-m",
            "extract",
            "extract",
            *map(str, papers),
            "-o",
            str(out),
            "--no-cache",
            "-q",
            "-j",
            str(jobs),
        ]
        ours, ours_mem, done = _timed(rectrack)
        pdf_only = (
            [
                sys.executable,
                "-m",
                "extract",
                "extract",
                *map(str, pdfs),
                "-o",
                str(Path(tmp) / "pdf.jsonl"),
                "--no-cache",
                "-q",
                "-j",
                str(jobs),
            ]
            if pdfs
            else None
        )
        ours_pdf, _, _ = _timed(pdf_only) if pdf_only else (0.0, 0.0, None)
        base, base_mem, _ = _timed([sys.executable, "-c", BASELINE, *map(str, pdfs)]) if pdfs else (0.0, 0.0, None)
        rows = sum(1 for _ in out.open()) if out.exists() else 0
        print(f"\n== {folder}  ({len(papers)} files, {len(pdfs)} PDFs, {pages} PDF pages, {rows} rows, -j {jobs})")
        print(
            f"rectrack, all files : {ours:7.2f} s  {len(papers) / ours:7.2f} files/s  peak {ours_mem:6.0f} MiB/process"
            f"  [{done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}]"
        )
        if pdfs:
            print(
                f"rectrack, PDFs only : {ours_pdf:7.2f} s  {pages / ours_pdf:7.1f} pages/s"
                f"  {len(pdfs) / ours_pdf:6.2f} files/s"
            )
            print(
                f"pdfplumber baseline : {base:7.2f} s  {pages / base:7.1f} pages/s  {len(pdfs) / base:6.2f} files/s"
                f"  peak {base_mem:6.0f} MiB"
            )
            print(f"speed ratio (pages/s, rectrack / baseline): {base / ours_pdf:.1f}x")
        _score(folder, out)


def _score(folder: Path, rows: Path) -> None:
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    truth = folder / "truth"
    if not (scorer.exists() and truth.is_dir() and rows.exists()):
        return
    done = subprocess.run(
        [sys.executable, str(scorer), "--truth", str(truth), "--pred", str(rows)], capture_output=True, text=True
    )
    print("accuracy:", done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    try:
        import psutil  # noqa: F401  (the bench extra: peak memory of the timed processes)
    except ImportError:
        print(
            "error: the benchmark needs psutil: install it with `pip install -e '.[bench]'` or run `make setup`",
            file=sys.stderr,
        )
        return 2
    folders = args.folders or [ROOT / "samples", ROOT.parent / "shared" / "corpus" / "perf"]
    for folder in folders:
        if folder.is_dir():
            bench_folder(folder, args.jobs)
        else:
            print(f"(skipped {folder}: not present)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
