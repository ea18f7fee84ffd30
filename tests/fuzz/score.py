"""The fuzzer's scorer: extracted rows against truth rows, per paper (standard library only).

It follows the project's scoring contract so the figures mean the same as the shared development score:

- text is normalised: NFKC, curly quotes and dashes made plain, bullet glyphs at line starts dropped,
  whitespace collapsed, casefolded; ``recommendation`` also loses a leading number ("1)", "R1",
  "Recommendation 1:"); ``rec_id`` keeps letters, digits and inner dots, without a leading "R"/"Rec";
- ``responsible`` and ``timescale`` are compared as sets of parts split on ";", "/", ",", "&" and " and ";
- truth rows with rec_id "" (a paper without numbering) accept any predicted id;
- predicted rows are matched one-to-one to truth rows greedily by difflib ratio of the normalised
  recommendation (>= 0.5; equal ids break ties);
- a row counts as exact only when rec_id, recommendation, progress, responsible and timescale all match.
  ``status`` is reported on its own, over papers whose table has a status column.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

CORE = ("rec_id", "recommendation", "progress", "responsible", "timescale")
FIELDS = CORE + ("status",)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
BULLET_RE = re.compile(r"^\s*(?:[\u2022\u25cf\u25e6\u25aa\u25a0\u2023\u2043\u00b7\uf0b7]+|- |\* )\s*")
RECNUM_RE = re.compile(
    r"^\s*(?:(?:recommendation|rec)\s*\.?\s*\d+[a-z]?\s*[:.)-]?|r\d+[a-z]?\s*[:.)-]?|"
    r"\(\s*\d+[a-z]?\s*\)|\d+(?:\.\d+)*[a-z]?\s*[.):-]|\(?[a-z]\)|\d+[a-z]?\s+(?=\S))\s*"
)
SEP_RE = re.compile(r"\s*(?:;|/|,|\band\b|&)\s*")


def norm(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    for k, v in QUOTES.items():
        s = s.replace(k, v)
    for d in DASHES:
        s = s.replace(d, "-")
    s = " ".join(BULLET_RE.sub("", line) for line in s.splitlines())
    return re.sub(r"\s+", " ", s).strip().casefold()


def norm_rec(s) -> str:
    s, prev = norm(s), None
    while prev != s:  # "Recommendation 1: 1) ..." double prefixes
        prev, s = s, RECNUM_RE.sub("", s, count=1).strip()
    return s


def norm_id(s) -> str:
    s = re.sub(r"^(?:recommendation|rec|r)\s*\.?\s*(?=\d)", "", norm(s))
    return re.sub(r"[^0-9a-z.]", "", s).strip(".")


def norm_set(s) -> frozenset:
    return frozenset(p for p in (x.strip(" .") for x in SEP_RE.split(norm(s))) if p)


def norm_set_lines(s) -> frozenset:
    """Like norm_set, with each line of the cell a part too."""
    return frozenset(
        p for line in str(s or "").splitlines() for p in (x.strip(" .") for x in SEP_RE.split(norm(line))) if p
    )


NORM = {
    "rec_id": norm_id,
    "recommendation": norm_rec,
    "progress": norm,
    "responsible": norm_set,
    "timescale": norm_set,
    "status": norm,
}


def field_eq(name: str, truth_value, pred_value) -> bool:
    if name == "rec_id" and not norm_id(truth_value):
        return True
    if NORM[name] is norm_set and norm_set_lines(truth_value) == norm_set_lines(pred_value):
        return True
    return NORM[name](truth_value) == NORM[name](pred_value)


def ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < 0.5 or sm.quick_ratio() < 0.5:
        return 0.0
    return sm.ratio()


def match_rows(truth_rows: list, pred_rows: list) -> list:
    """Greedy one-to-one (truth index, prediction index) pairs by recommendation similarity."""
    tn = [(norm_rec(t.get("recommendation")), norm_id(t.get("rec_id"))) for t in truth_rows]
    pn = [(norm_rec(p.get("recommendation")), norm_id(p.get("rec_id"))) for p in pred_rows]
    cands = []
    for i, (tr, tid) in enumerate(tn):
        for j, (pr, pid) in enumerate(pn):
            r = ratio(tr, pr)
            if r >= 0.5:
                cands.append((-r, 0 if tid and tid == pid else 1, i, j))
    cands.sort()
    used_t, used_p, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_t and j not in used_p:
            used_t.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Tally:
    """Counts that add up over papers; ``summary`` turns them into rates."""

    papers: int = 0
    rows_true: int = 0
    rows_pred: int = 0
    exact: int = 0
    field_ok: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    status_n: int = 0
    neg_papers: int = 0
    neg_fp: int = 0

    def add(self, other: Tally) -> None:
        for name in ("papers", "rows_true", "rows_pred", "exact", "status_n", "neg_papers", "neg_fp"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for f in FIELDS:
            self.field_ok[f] += other.field_ok[f]

    @property
    def precision(self) -> float:
        return self.exact / self.rows_pred if self.rows_pred else (1.0 if not self.rows_true else 0.0)

    @property
    def recall(self) -> float:
        return self.exact / self.rows_true if self.rows_true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_acc(self, name: str) -> float | None:
        n = self.status_n if name == "status" else self.rows_true
        return self.field_ok[name] / n if n else None


def score_paper(truth_rows: list, pred_rows: list) -> Tally:
    """One paper's tally. pred_rows: dicts with the six row keys (missing keys count as "")."""
    t = Tally(papers=1, rows_true=len(truth_rows), rows_pred=len(pred_rows))
    if not truth_rows:
        t.neg_papers, t.neg_fp = 1, len(pred_rows)
        return t
    has_status = any(r.get("status") for r in truth_rows)
    if has_status:
        t.status_n = len(truth_rows)
    for i, j in match_rows(truth_rows, pred_rows):
        tr, pr = truth_rows[i], pred_rows[j]
        ok = {f: field_eq(f, tr.get(f, ""), pr.get(f, "") or "") for f in FIELDS}
        t.exact += all(ok[f] for f in CORE)
        for f in CORE:
            t.field_ok[f] += ok[f]
        if has_status:
            t.field_ok["status"] += ok["status"]
    return t
