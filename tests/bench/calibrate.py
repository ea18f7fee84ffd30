"""Calibration of the row ``confidence``: how often rows in each confidence band are right.

    python tests/bench/calibrate.py --truth CORPUS/truth --pred rows.jsonl [--pred more.jsonl --truth more/truth]
    python tests/bench/calibrate.py --papers CORPUS --truth CORPUS/truth --evidence rows-evidence.json

A row is right when it matches a truth row (the scorer's ``match_rows``) and all five fields (rec_id,
recommendation, progress, responsible, timescale) equal the truth's (the scorer's ``field_eq``); a row that
matches no truth row (a false positive) is wrong. The scorer is ``../shared/eval/score.py`` when present, else
the fuzzer's copy of the same contract (``tests/fuzz/score.py``).

With ``--pred`` the rows' own ``confidence`` is read from JSON Lines (``rectrack extract -o rows.jsonl``).
With ``--papers`` the papers are extracted here and each row's evidence (``extract.confidence``) is kept;
``--evidence FILE`` saves it, so the multipliers can be tried again without re-reading (``--rescore FILE``).

Prints a reliability table (rows, right, share right per band), the share right at >= 0.9 and the share of
right rows it covers, and the AUROC (how well confidence separates right rows from wrong ones).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
CORE = ("rec_id", "recommendation", "progress", "responsible", "timescale")


def scorer():
    """The project's scorer module (match_rows, field_eq)."""
    shared = ROOT.parent / "shared" / "eval" / "score.py"
    path = shared if shared.exists() else ROOT / "tests" / "fuzz" / "score.py"
    spec = importlib.util.spec_from_file_location("rectrack_scorer", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_truth(folder: Path) -> dict[str, list[dict]]:
    out = {}
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        if "rows" not in data:
            continue
        out[os.path.basename(data.get("source") or file.stem)] = data["rows"]
    return out


def judge(truth: dict[str, list[dict]], preds: dict[str, list[dict]]) -> list[tuple[dict, bool]]:
    """Every predicted row of a paper that has a truth file, with whether it is right."""
    score = scorer()
    out = []
    for name, rows in preds.items():
        if name not in truth:
            continue
        trows = truth[name]
        right = [False] * len(rows)
        for i, j in score.match_rows(trows, rows):
            right[j] = all(score.field_eq(f, trows[i].get(f, ""), rows[j].get(f, "") or "") for f in CORE)
        out.extend(zip(rows, right, strict=True))
    return out


def read_jsonl(path: Path) -> dict[str, list[dict]]:
    preds: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                row = {k: ("" if v is None and k != "confidence" else v) for k, v in row.items()}
                preds[os.path.basename(str(row.get("source", "")))].append(row)
    return preds


def extract_with_evidence(papers: Path) -> dict[str, list[dict]]:
    """Extract every paper in ``papers`` here, keeping each row's evidence (code and multiplier)."""
    from extract.confidence import assess_table
    from extract.errors import RectrackError
    from extract.pipeline import expand_paths
    from extract.readers import read
    from extract.rows import recommendations
    from extract.stitch import tracking_tables

    files, _ = expand_paths([papers])
    preds: dict[str, list[dict]] = defaultdict(list)
    for file in sorted(files, key=str):
        try:
            doc = read(file)
        except RectrackError:
            continue
        for table in tracking_tables(doc):
            recs = recommendations(table)
            for rec, check in zip(recs, assess_table(doc, table, recs), strict=True):
                row = dict(rec.fields())
                row["confidence"] = check.confidence
                row["evidence"] = [[e.code, e.factor] for e in check.evidence]
                row["format"] = doc.format
                row["source"] = file.name
                preds[file.name].append(row)
        print(f"  {file.name}: {len(preds[file.name])} rows", file=sys.stderr)
    return preds


def rescore(judged: list[tuple[dict, bool]]) -> list[tuple[dict, bool]]:
    """The rows' confidence again from their evidence, with the multipliers as they are now."""
    from extract.confidence import FACTORS, Evidence, score

    out = []
    for row, right in judged:
        evidence = [
            Evidence(code, factor if code == "ocr" else FACTORS[code], code) for code, factor in row["evidence"]
        ]
        out.append(({**row, "confidence": score(evidence).confidence}, right))
    return out


def auroc(judged: list[tuple[dict, bool]]) -> float | None:
    pos = [r["confidence"] for r, ok in judged if ok]
    neg = [r["confidence"] for r, ok in judged if not ok]
    if not pos or not neg:
        return None
    wins = 0.0
    for p in pos:
        for n in neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(pos) * len(neg))


def reliability(judged: list[tuple[dict, bool]], title: str = "", out=sys.stdout) -> dict:
    """Print the reliability table of ``judged``; return its figures."""
    rows = [(r, ok) for r, ok in judged if r.get("confidence") is not None]
    print(f"Confidence calibration{': ' + title if title else ''} ({len(rows)} rows)", file=out)
    print(f"  {'band':<12} {'rows':>6} {'right':>6} {'share right':>12}", file=out)
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band = [ok for r, ok in rows if lo <= r["confidence"] < hi]
        shown = f"{lo:.2f}-{min(hi, 1.0):.2f}"
        share = f"{sum(band) / len(band):.1%}" if band else "-"
        print(f"  {shown:<12} {len(band):>6} {sum(band):>6} {share:>12}", file=out)
    high = [ok for r, ok in rows if r["confidence"] >= 0.9]
    right = sum(ok for _, ok in rows)
    precision = sum(high) / len(high) if high else 0.0
    coverage = sum(high) / right if right else 0.0
    area = auroc(rows)
    print(
        f"  at >= 0.90: {precision:.1%} right ({len(high)} rows), {coverage:.1%} of the right rows; AUROC {area:.3f}"
        if area is not None
        else "  AUROC: -",
        file=out,
    )
    return {"rows": len(rows), "precision_at_0.9": precision, "coverage_at_0.9": coverage, "auroc": area}


def by_code(judged: list[tuple[dict, bool]], out=sys.stdout) -> None:
    """Share right among the rows carrying each piece of evidence (for setting the multipliers)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, ok in judged:
        codes = {code for code, _ in row.get("evidence", [])} or {"(none)"}
        for code in codes:
            tally[code][0] += 1
            tally[code][1] += ok
    print("Evidence: rows carrying it, share right", file=out)
    for code, (n, ok) in sorted(tally.items(), key=lambda kv: kv[1][1] / kv[1][0]):
        print(f"  {code:<12} {n:>6} {ok / n:>8.1%}", file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", action="append", required=True, help="truth folder (may repeat, paired in order)")
    ap.add_argument("--pred", action="append", default=[], help="rows as JSON Lines (paired with --truth)")
    ap.add_argument("--papers", action="append", default=[], help="papers to extract here (paired with --truth)")
    ap.add_argument("--evidence", help="save the rows with their evidence and right/wrong here (JSON)")
    ap.add_argument("--rescore", action="append", default=[], help="evidence file(s) to score again")
    ap.add_argument("--by-code", action="store_true", help="also print the share right per piece of evidence")
    args = ap.parse_args(argv)
    judged: list[tuple[dict, bool]] = []
    for path in args.rescore:
        judged.extend(rescore([(r, ok) for r, ok in json.loads(Path(path).read_text(encoding="utf-8"))]))
    sources = [("pred", p) for p in args.pred] + [("papers", p) for p in args.papers]
    for (kind, path), truth in zip(sources, args.truth, strict=False):
        if not Path(truth).is_dir():
            print(f"calibrate: no truth folder {truth}; skipped", file=sys.stderr)
            continue
        preds = read_jsonl(Path(path)) if kind == "pred" else extract_with_evidence(Path(path))
        judged.extend(judge(load_truth(Path(truth)), preds))
    if args.evidence:
        Path(args.evidence).write_text(json.dumps(judged, ensure_ascii=False), encoding="utf-8")
    if not judged:
        print("calibrate: no rows to judge", file=sys.stderr)
        return 1
    reliability(judged)
    if args.by_code:
        by_code(judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
