"""Layout fuzzer benchmark: write N random papers, extract them, print row F1 per layout dimension.

    python tests/fuzz/run.py [--n 300] [--seed 1] [--out output/fuzz] [--formats docx,pdf-rl,...] [--jobs 0]

Papers and their truth go to OUT/papers and OUT/truth, the extractor's rows to OUT/rows.jsonl and the
per-paper scores to OUT/report.json. The extractor runs through its command line (``python -m extract
extract``), with the result cache off. Formats that need LibreOffice (pdf-lo, odt) are skipped with a note
when soffice is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))

from fuzz.generate import FORMATS, write_papers  # noqa: E402
from fuzz.score import FIELDS, Tally, score_paper  # noqa: E402

DIMENSIONS = [
    "format",
    "borders",
    "wording",
    "order",
    "extra_cols",
    "header_rows",
    "rotated",
    "page",
    "layout",
    "response",
    "merged",
    "page_broken",
    "numbering",
    "status_col",
    "decoy",
    "groups",
    "tables",
    "owners",
    "dates",
]
ROW_KEYS = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status")


def extract(papers: Path, rows_path: Path, jobs: int) -> None:
    cmd = [
        sys.executable,
        "-m",
        "extract",
        "extract",
        str(papers),
        "-o",
        str(rows_path),
        "-q",
        "--no-cache",
        "-j",
        str(jobs),
        "--timeout",
        "120",
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    for line in errors[:10]:
        print(line, file=sys.stderr)
    if proc.returncode not in (0, 1) or not rows_path.exists():
        sys.exit(f"fuzz: the extractor failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def load_rows(rows_path: Path) -> dict:
    by_file = defaultdict(list)
    with open(rows_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by_file[os.path.basename(row.get("source", ""))].append({k: row.get(k) or "" for k in ROW_KEYS})
    return by_file


def pct(x) -> str:
    return "   -" if x is None else f"{100 * x:4.0f}"


HEAD = f"{'':<34}{'papers':>7}{'rows':>6}{'pred':>6}{'exact':>6}{'P':>6}{'R':>6}{'F1':>7}   " + " ".join(
    f"{f[:6]:>6}" for f in FIELDS
)


def line(name: str, t: Tally) -> str:
    return (
        f"{name:<34}{t.papers:>7}{t.rows_true:>6}{t.rows_pred:>6}{t.exact:>6}{t.precision:>6.2f}{t.recall:>6.2f}"
        f"{t.f1:>7.3f}   " + " ".join(f"{pct(t.field_acc(f)):>6}" for f in FIELDS)
    )


def report(results: list, out=sys.stdout) -> dict:
    """results: [(truth dict, Tally)]. Prints the tables; returns a summary dict."""
    pos = [(t, s) for t, s in results if t["rows"]]
    neg = [(t, s) for t, s in results if not t["rows"]]
    total = Tally()
    for _, s in pos:
        total.add(s)
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"Row F1 per dimension ({len(pos)} papers with a tracking table; field columns are % of truth rows right)")
    p(HEAD)
    p(line("overall", total))
    summary = {
        "overall": {
            "f1": total.f1,
            "precision": total.precision,
            "recall": total.recall,
            "papers": total.papers,
            "rows_true": total.rows_true,
        },
        "by": {},
    }
    for dim in DIMENSIONS:
        groups = defaultdict(Tally)
        for t, s in pos:
            groups[t["dims"].get(dim, "?")].add(s)
        p(f"-- {dim}")
        for value in sorted(groups):
            p(line(f"   {value}", groups[value]))
            summary["by"].setdefault(dim, {})[value] = {"f1": groups[value].f1, "papers": groups[value].papers}
    # the same per dimension, PDF papers only (the formats where layout matters most)
    pdf = [(t, s) for t, s in pos if t["dims"]["format"].startswith("pdf")]
    if pdf:
        p(f"-- PDF papers only ({len(pdf)}): row F1 (papers) per value")
        for dim in DIMENSIONS[1:]:
            groups = defaultdict(Tally)
            for t, s in pdf:
                groups[t["dims"].get(dim, "?")].add(s)
            p(f"   {dim:<14}" + "  ".join(f"{v} {g.f1:.2f} ({g.papers})" for v, g in sorted(groups.items())))
    # header wording: per role and label
    labels = defaultdict(Tally)
    for t, s in pos:
        for role, label in t["dims"].get("labels", {}).items():
            labels[(role, label)].add(s)
    worst = sorted(((t.f1, role, label, t) for (role, label), t in labels.items() if t.papers >= 3))[:15]
    p("-- header wordings with the lowest row F1 (at least 3 papers)")
    for _, role, label, t in worst:
        p(line(f"   {role}: {label}"[:34], t))
    # negatives
    kinds = defaultdict(Tally)
    for t, s in neg:
        kinds[t["dims"].get("negative", "?")].add(s)
    fp = sum(s.neg_fp for _, s in neg)
    p(
        f"Negative papers (no tracking table): {len(neg)} papers, {fp} false-positive rows, "
        f"{sum(1 for _, s in neg if s.neg_fp)} papers with any"
    )
    for kind in sorted(kinds):
        p(f"   {kind:<23}{kinds[kind].papers:>7} papers {kinds[kind].neg_fp:>5} false-positive rows")
    summary["negatives"] = {"papers": len(neg), "fp_rows": fp}
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="number of papers (default 300)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", default=str(ROOT / "output" / "fuzz"), help="output folder (default output/fuzz)")
    ap.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated subset of {','.join(FORMATS)}")
    ap.add_argument("--jobs", type=int, default=0, help="extractor worker processes (default: one per core)")
    ap.add_argument(
        "--wordings",
        choices=["dev", "held-out"],
        default="dev",
        help="column labels: the usual lists, or the held-out list nobody tuned the extractor on",
    )
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="extract and score the papers already in OUT again, without writing new ones (after a change)",
    )
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if not formats or set(formats) - set(FORMATS):
        ap.error(f"--formats: choose from {','.join(FORMATS)}")
    out = Path(args.out)
    t0 = time.monotonic()
    if args.reuse:
        files = sorted(p.name.removesuffix(".json") for p in (out / "truth").glob("*.json"))
        if not files:
            ap.error(f"--reuse: no papers in {out}; run without --reuse first")
        if (out / "report.json").exists():  # the seed the papers were written from
            args.seed = json.loads((out / "report.json").read_text(encoding="utf-8")).get("seed", args.seed)
    else:
        for sub in ("papers", "truth"):
            shutil.rmtree(out / sub, ignore_errors=True)
        specs, notes = write_papers(args.seed, args.n, out, formats, wordings=args.wordings)
        if notes:
            skipped = sum(1 for n in notes if n.startswith("skipped"))
            print(f"note: {skipped} papers skipped; first: {notes[0]}")
        files = [s.file for s in specs]
    t1 = time.monotonic()
    rows_path = out / "rows.jsonl"
    extract(out / "papers", rows_path, args.jobs)
    t2 = time.monotonic()
    preds = load_rows(rows_path)
    results = []
    for file in files:
        tr = json.loads((out / "truth" / (file + ".json")).read_text(encoding="utf-8"))
        results.append((tr, score_paper(tr["rows"], preds.get(file, []))))
    made = "reused" if args.reuse else "written"
    print(
        f"fuzz: seed {args.seed}, {len(files)} papers {made} in {t1 - t0:.0f} s, extracted in {t2 - t1:.0f} s; "
        f"papers in {out}"
    )
    summary = report(results)
    per_paper = [
        {
            "file": tr["source"],
            "dims": tr["dims"],
            "rows_true": s.rows_true,
            "rows_pred": s.rows_pred,
            "exact": s.exact,
            "f1": s.f1,
            "field_ok": s.field_ok,
        }
        for tr, s in results
    ]
    (out / "report.json").write_text(
        json.dumps({"seed": args.seed, "summary": summary, "papers": per_paper}, indent=1), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
