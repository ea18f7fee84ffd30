"""Random committee papers from random specs, with truth rows taken from the spec.

``make_spec(seed, index)`` draws one paper's spec (content, column wording and order, borders, header rows,
merging, layout, format); ``truth(spec)`` gives its rows in the scoring contract; ``render(spec, path)``
writes it. A spec is a pure function of (seed, index), and rendering is deterministic (fixed docx zip
timestamps, reportlab invariant=1), so the same seed gives the same papers byte for byte.

Truth never depends on the extractor: it is computed from the spec's recommendations and actions.
Cell text uses the samples' notation: "\\n" separates paragraphs, lines starting "• " are bullets.

Formats: docx (python-docx), pdf-rl (reportlab), html, and, through LibreOffice from the docx rendering,
pdf-lo (LibreOffice's PDF export) and odt. Those two are written by ``convert_with_office`` in a batch.
"""

from __future__ import annotations

import html
import io
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from samplekit import (
    BULLET,
    Paper,
    PdfStyles,
    docx_fill,
    docx_repeat_header,
    docx_save,
    docx_start,
    html_cell,
    pdf_doc,
)

from . import words as W

CREATOR = "rectrack tests/fuzz"
FORMATS = ["docx", "pdf-rl", "pdf-lo", "html", "odt"]
EXT = {"docx": ".docx", "pdf-rl": ".pdf", "pdf-lo": ".pdf", "html": ".html", "odt": ".odt"}
OFFICE_FORMATS = {"pdf-lo", "odt"}
PAGED = {"pdf-rl", "pdf-lo"}
ROLES = ("id", "rec", "progress", "resp", "time", "status")
WIDTH = {"id": 0.8, "rec": 3.0, "progress": 4.4, "resp": 1.6, "time": 1.4, "status": 1.1, "extra": 1.2}


# ------------------------------------------------------------------ spec model
@dataclass
class Action:
    progress: str
    resp: str = ""
    time: str = ""
    status: str = ""


@dataclass
class Rec:
    id: str  # bare id for the truth ("3", "4a"); "" when the paper has no numbering
    shown_id: str  # as printed in an id column or a heading ("3.", "R3", "Rec 3")
    text: str
    actions: list
    extras: dict = field(default_factory=dict)  # extra column label -> value


@dataclass
class Column:
    label: str
    role: str  # id, rec, progress, resp, time, status or extra
    tier: str = "common"


@dataclass
class Cell:
    text: str = ""
    v: str = ""  # "" | "start" (top of a vertical merge) | "cont" (merged into the cell above)
    hspan: int = 1  # > 1: this cell spans to the right; the covered cells are "hcont"
    hcont: bool = False


@dataclass
class Table:
    rows: list  # list of list of Cell
    n_header: int  # header rows (repeated on each page)
    weights: list
    tracking: bool = True
    heading: str = ""  # paragraph printed before the table


@dataclass
class Spec:
    name: str
    fmt: str
    seed: int
    index: int
    paper: Paper  # samplekit.Paper: metadata, body text (parts unused)
    dims: dict  # dimension -> value, for the per-dimension report
    columns: list = field(default_factory=list)
    recs: list = field(default_factory=list)
    prefix: str = ""  # numbering printed at the start of the recommendation cell, e.g. "{}. "
    border: str = "full"
    header: str = "1"  # "1", "split" (labels broken over two rows), "banner" (title row above labels)
    split: dict = field(default_factory=dict)  # column index -> (top, bottom)
    banner: str = ""
    layout: str = "grid"  # grid | per-rec-kv | per-rec-grid
    merged: str = "single"  # single | continuation | merged
    long_rows: bool = False
    rotated: bool = False
    negative: str = ""  # negative paper kind ("" for a paper with a tracking table)
    decoys: list = field(default_factory=list)  # (position "before"/"after", Table)
    tail: list = field(default_factory=list)
    themes: dict = field(default_factory=dict)  # index of a recommendation -> theme row printed above it
    theme_row: str = ""  # "span" (one cell across the table) | "first" (first cell, the others empty)
    second: tuple = ()  # (index of the first recommendation of a second tracking table, its heading)

    @property
    def file(self):
        return self.name + EXT[self.fmt]


# ------------------------------------------------------------------ content
def _month(r, lo=2023, hi=2026):
    return f"{r.choice(W.MONTHS)} {r.randint(lo, hi)}"


def _fill(r, template, team):
    n = r.randint(2, 40)
    y = r.randint(2023, 2025)
    return template.format(
        month=_month(r),
        month2=_month(r),
        n=n,
        n2=n + r.randint(1, 30),
        n3=r.randint(40, 900),
        team=team,
        fund=r.choice(W.FUNDS),
        year=f"{y}/{str(y + 1)[2:]}",
        date=f"{r.randint(1, 28)} {_month(r)}",
    )


def _sentence_case(s):
    return s[0].upper() + s[1:] if s else s


def recommendation_text(r, topic, team):
    actor = r.choice(W.ACTORS).format(portfolio=r.choice(W.PORTFOLIOS), service=r.choice(W.SERVICES))
    y = r.randint(2024, 2026)
    text = r.choice(W.REC_TEMPLATES).format(
        actor=actor,
        actor_l=actor[0].lower() + actor[1:] if actor.startswith("The") else actor,
        topic=topic,
        team=team,
        year=f"{y}/{str(y + 1)[2:]}",
        month=_month(r),
    )
    text = _sentence_case(text)
    if r.random() < 0.2:
        text += "\n" + r.choice(W.REC_EXTRAS)
    return text


def progress_text(r, team, long=False):
    n_par = r.randint(2, 4) if long else r.choice([1, 1, 1, 2])
    paras = []
    for _ in range(n_par):
        k = r.randint(3, 6) if long else r.randint(1, 3)
        paras.append(" ".join(_sentence_case(_fill(r, t, team)) for t in r.sample(W.PROGRESS_SENTENCES, k)))
    if r.random() < (0.5 if long else 0.2):
        items = [_sentence_case(_fill(r, t, team)) for t in r.sample(W.PROGRESS_BULLETS, r.randint(2, 4))]
        paras.insert(r.randint(1, len(paras)), "\n".join(BULLET + i for i in items))
    return "\n".join(paras)


def owner(r):
    kind = r.random()
    if kind < 0.35:
        return r.choice(W.POSTS)
    if kind < 0.65:
        return f"{r.choice(W.FIRST)} {r.choice(W.LAST)}"
    if kind < 0.8:
        return r.choice(W.TEAMS)
    if kind < 0.9:
        return f"{r.choice(W.FIRST)} {r.choice(W.LAST)} ({r.choice(W.POSTS)})"
    return f"Cllr {r.choice(W.FIRST)} {r.choice(W.LAST)}"


def timescale(r):
    kind = r.random()
    y = r.randint(2024, 2026)
    if kind < 0.4:
        return _month(r, 2024, 2026)
    if kind < 0.55:
        return f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{y}"
    if kind < 0.7:
        return f"Q{r.randint(1, 4)} {y}/{str(y + 1)[2:]}"
    if kind < 0.8:
        return "Ongoing"
    if kind < 0.88:
        return f"{y}/{str(y + 1)[2:]}"
    if kind < 0.94:
        return f"End of {r.choice(W.MONTHS)} {y}"
    return "Complete"


def _pick(r, role, rare=False, wordings="dev"):
    label, tier = r.choice([h for h in W.HEADERS[role] if (h[1] == "rare") == rare])
    if wordings == "held-out":  # drawn without touching ``r``: the dimensions drawn before the labels stay
        own = random.Random(f"held-out/{role}/{label}/{r.getstate()[1][0]}")
        label, tier = own.choice(W.HELD_OUT[role]), "held-out"
    label = label.format(asat=f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2023, 2025)}", month=_month(r))
    return Column(label, role if role != "response" else "progress", tier)


# ------------------------------------------------------------------ the spec
def make_spec(seed: int, index: int, formats=FORMATS, wordings: str = "dev") -> Spec:
    """One paper's spec, a pure function of (seed, index); ``wordings="held-out"`` labels columns from
    ``words.HELD_OUT``."""
    r = random.Random(f"rectrack-fuzz/{seed}/{index}")
    fmt = r.choice(formats)
    council = f"{r.choice(W.COUNCILS)} {r.choice(W.COUNCIL_KINDS)}"
    committee = r.choice(W.COMMITTEES)
    day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(2023, 2025)
    date_line = f"{day} {W.MONTHS[month - 1]} {year}"
    topic, team = r.choice(W.TOPICS)
    name = f"fz{seed}-{index:04d}"
    negative = r.choice(W.NEGATIVE_KINDS) if r.random() < 0.1 else ""
    title = (
        f"{_sentence_case(topic)} Review – Progress on Recommendations"
        if not negative
        else {
            "budget": "Revenue Budget Monitoring – Quarter 2",
            "kpi": "Quarter 3 Performance Report",
            "work_programme": "Work Programme 2024/25",
            "risk_register": "Corporate Risk Register",
            "planning_decisions": "Planning Applications Determined",
            "licensing_decisions": "Licensing Sub-Committee Decisions",
            "appeals": "Planning Appeals Received and Decided",
        }[negative]
    )
    body = [
        "1. Purpose of the report",
        f"1.1 This report {'updates the Committee on' if not negative else 'sets out'} "
        f"{'the recommendations of its review of ' + topic if not negative else title.lower()}.",
        "2. Recommendations",
        "2.1 That the Committee notes the report and agrees any further recommendations.",
    ]
    paper = Paper(
        name + EXT[fmt],
        committee,
        f"{year}-{month:02d}-{day:02d}",
        date_line,
        title,
        f"Report of {r.choice(W.FIRST)} {r.choice(W.LAST)}, {r.choice(W.POSTS)}",
        body,
        [],
        council=council,
    )
    spec = Spec(name, fmt, seed, index, paper, {"format": fmt})
    spec.border = r.choice(["full", "full", "rows", "none"])
    spec.dims["borders"] = spec.border
    spec.tail = [
        "Background papers: none.",
        f"Contact officer: {r.choice(W.FIRST)} {r.choice(W.LAST)}, {r.choice(W.TEAMS)}.",
    ]
    if negative:
        spec.negative = negative
        spec.dims = {"format": fmt, "borders": spec.border, "negative": negative}
        spec.decoys = [("before", negative_table(r, negative))]
        if r.random() < 0.5:
            spec.decoys.append(("after", negative_table(r, r.choice(W.NEGATIVE_KINDS))))
        return spec

    # layout and structure
    spec.layout = r.choices(["grid", "per-rec-kv", "per-rec-grid"], [0.75, 0.15, 0.1])[0]
    response = r.random() < 0.2
    spec.merged = (
        "single"
        if spec.layout == "per-rec-kv"
        else r.choices(["single", "continuation", "merged"], [0.5, 0.25, 0.25])[0]
    )
    spec.long_rows = fmt in PAGED and r.random() < 0.4
    spec.rotated = fmt in PAGED and r.random() < 0.25
    if spec.layout == "grid":
        spec.header = r.choices(["1", "split", "banner"], [0.6, 0.25, 0.15])[0]

    # columns
    has_status = not response and r.random() < 0.5 or response and r.random() < 0.2
    numbering = r.choices(["column", "prefix", "none"], [0.45, 0.45, 0.1])[0]
    if spec.layout != "grid" and numbering == "none":
        numbering = "prefix"
    # header wording: all common labels, or some roles given a rarer label
    roles = ["rec", "response" if response else "progress", "resp", "time"] + (["status"] if has_status else [])
    rare = set()
    if r.random() < 0.6:
        rare = {x for x in roles if r.random() < 0.4} or {r.choice(roles)}
    cols = [_pick(r, x, x in rare, wordings) for x in roles]
    extras = []
    if response:
        extras.append("Accepted?")
    if r.random() < 0.35:
        extras += r.sample([x for x in W.EXTRA_COLUMNS if x != "Accepted?"], r.randint(1, 2))
    order = "standard"
    if r.random() < 0.4:
        shuffled = cols[:]
        while [c.role for c in shuffled] == [c.role for c in cols]:
            r.shuffle(shuffled)
        cols, order = shuffled, "shuffled"
    for x in extras:  # extras go after the recommendation or at the end
        at = r.choice([1, len(cols)]) if x != "Accepted?" else 1
        cols.insert(at, Column(x, "extra"))
    if numbering == "column":
        cols.insert(0, _pick(r, "id", r.random() < 0.3, wordings))
    if spec.header == "split" and not any(len(c.label.split()) > 1 for c in cols):
        t = next(c for c in cols if c.role == "time")
        t.label, t.tier = "Completion / Date", "rare"
    spec.columns = cols
    landscape_draw = r.random() < 0.25
    spec.paper.landscape = spec.rotated or len(cols) >= 6 or landscape_draw
    status_label = next((c.label for c in cols if c.role == "status"), "")
    status_kind = (
        "yesno"
        if status_label.endswith("?")
        else "brag"
        if status_label == "BRAG"
        else "rag"
        if "RAG" in status_label
        else r.choice(["words", "rag"])
    )
    spec.prefix = r.choice(["{}. ", "{}) ", "R{} ", "Recommendation {}: ", "({}) "]) if numbering == "prefix" else ""

    # recommendations
    n = r.randint(3, 9)
    id_style = r.choice(["{}", "{}", "{}.", "R{}", "Rec {}"])
    recs = []
    ids = [str(i) for i in range(1, n + 1)]
    if r.random() < 0.15:  # one recommendation in lettered parts: 3a, 3b
        k = r.randrange(n)
        ids[k : k + 1] = [ids[k] + "a", ids[k] + "b"]
    for rid in ids:
        multi = spec.merged != "single" and r.random() < 0.45
        acts = []
        base_owner, base_time = owner(r), timescale(r)
        for k in range(r.randint(2, 3) if multi else 1):
            same = k and r.random() < 0.4
            # a merged group cannot break inside its span in a reportlab PDF: keep its rows short
            long = spec.long_rows and not (multi and spec.merged == "merged")
            acts.append(
                Action(
                    progress_text(r, team, long),
                    base_owner if k == 0 or same or r.random() < 0.3 else owner(r),
                    base_time if k == 0 or same else timescale(r),
                    r.choice(W.STATUS_VALUES[status_kind]) if has_status else "",
                )
            )
        ex = {}
        for x in extras:
            kind = W.EXTRA_COLUMNS[x]
            ex[x] = (
                f"{r.randint(1, 28)} {_month(r, 2022, 2024)}"
                if kind == "date"
                else r.choice(W.ACCEPTED)
                if kind == "accepted"
                else r.choice(W.EXTRA_VALUES[kind])
            )
        recs.append(
            Rec(rid if numbering != "none" else "", id_style.format(rid), recommendation_text(r, topic, team), acts, ex)
        )
    spec.recs = recs

    if spec.header == "split":
        cands = [i for i, c in enumerate(cols) if len(c.label.split()) > 1]
        for i in r.sample(cands, min(len(cands), r.randint(1, 3))):
            parts = cols[i].label.split()
            cut = r.randint(1, len(parts) - 1)
            top, bottom = " ".join(parts[:cut]), " ".join(parts[cut:])
            if top.endswith("/"):
                top = top[:-1].rstrip()
            if bottom.startswith("/ "):
                bottom = bottom[2:]
            spec.split[i] = (top, bottom)
    if spec.header == "banner":
        spec.banner = f"{_sentence_case(topic)} Review – recommendations and progress as at {date_line}"
    if r.random() < 0.3:
        spec.decoys.append((r.choice(["before", "after"]), negative_table(r, r.choice(W.DECOY_KINDS))))

    variety = _variety(spec, seed, index)
    rare = [c.label for c in cols if c.tier == "rare"]
    spec.dims.update(variety)
    spec.dims.update(
        {
            "wording": "held-out" if wordings == "held-out" else "rare" if rare else "common",
            "order": order,
            "extra_cols": "yes" if [x for x in extras if x != "Accepted?"] else "no",
            "header_rows": spec.header,
            "rotated": "yes" if spec.rotated else ("no" if fmt in PAGED else "n/a"),
            "page": "landscape" if spec.paper.landscape else "portrait",
            "layout": spec.layout,
            "response": "yes" if response else "no",
            "merged": spec.merged if any(len(x.actions) > 1 for x in recs) else "single",
            "page_broken": ("long" if spec.long_rows else "short") if fmt in PAGED else "n/a",
            "numbering": numbering,
            "status_col": "yes" if has_status else "no",
            "decoy": "yes" if spec.decoys else "no",
            "labels": {c.role: c.label for c in cols if c.role != "extra"},
        }
    )
    return spec


def _variety(spec, seed, index) -> dict:
    """Theme rows between recommendations, a second tracking table, two owners in a cell and other
    timescale forms, drawn from a generator of their own so that what was drawn before keeps its value for a
    (seed, index). Returns the dimensions drawn."""
    x = random.Random(f"rectrack-fuzz/variety/{seed}/{index}")
    recs = spec.recs
    dims = {"groups": "none", "tables": "1", "owners": "one", "dates": "usual"}
    draw = x.random()
    if spec.layout == "grid" and len(recs) >= 4 and draw < 0.2:
        spec.theme_row = dims["groups"] = x.choice(["span", "first"])
        starts = [0] + sorted(x.sample(range(1, len(recs)), min(len(recs) - 1, x.randint(1, 2))))
        form, names = x.choice(W.THEME_FORMS), x.sample(W.THEMES, len(starts))
        spec.themes = {s: form.format(n=k + 1, letter="ABCD"[k], name=names[k]) for k, s in enumerate(starts)}
        if any(c.role == "id" for c in spec.columns) and recs[0].id and x.random() < 0.4:
            for k, s in enumerate(starts):  # numbered within the theme: 1.1, 1.2, 2.1
                end = starts[k + 1] if k + 1 < len(starts) else len(recs)
                for j, rec in enumerate(recs[s:end]):
                    _renumber(rec, f"{k + 1}.{j + 1}")
    elif spec.layout == "grid" and len(recs) >= 4 and draw < 0.35:
        cut = x.randint(2, len(recs) - 2)
        spec.second = (cut, x.choice(W.SECOND_HEADINGS))
        dims["tables"] = "2"
        if recs[0].id and x.random() < 0.5:  # the second table numbers its recommendations from 1 again
            for j, rec in enumerate(recs[cut:]):
                _renumber(rec, str(j + 1))
    if x.random() < 0.15:
        dims["owners"] = "two"
        for rec in recs:
            for a in rec.actions:
                if a.resp and x.random() < 0.5:
                    a.resp = f"{a.resp}{x.choice(W.OWNER_JOINS)}{owner(x)}"
    if x.random() < 0.2:
        dims["dates"] = "other"
        for rec in recs:
            for a in rec.actions:
                if a.time:
                    a.time = _other_timescale(x)
    return dims


def _renumber(rec, new: str) -> None:
    """Give a recommendation another number, keeping a letter part ("3a") and the printed form ("R3")."""
    letter = rec.id.lstrip("0123456789")
    old = rec.id
    rec.id = new + letter
    rec.shown_id = rec.shown_id.replace(old, rec.id, 1)


def _other_timescale(x) -> str:
    y, m, d = x.randint(2024, 2026), x.randint(1, 12), x.randint(1, 28)
    month = W.MONTHS[m - 1]
    return x.choice(W.TIMESCALE_FORMS).format(
        day=d, month=month, year=y, mon=month[:3], yy=str(y)[2:], mm=f"{m:02d}", dd=f"{d:02d}"
    )


# ------------------------------------------------------------------ truth
def truth(spec: Spec) -> dict:
    """The paper's rows in the scoring contract, from the spec alone."""

    def distinct(vals):
        return "; ".join(dict.fromkeys(v for v in vals if v))

    has_status = any(c.role == "status" for c in spec.columns)
    rows = [
        {
            "rec_id": rec.id,
            "recommendation": rec.text,
            "progress": "\n".join(a.progress for a in rec.actions if a.progress),
            "responsible": distinct(a.resp for a in rec.actions),
            "timescale": distinct(a.time for a in rec.actions),
            "status": distinct(a.status for a in rec.actions) if has_status else "",
        }
        for rec in spec.recs
    ]
    p = spec.paper
    return {
        "source": spec.file,
        "committee": p.committee,
        "meeting_date": p.date,
        "title": p.title,
        "dims": spec.dims,
        "rows": rows,
    }


# ------------------------------------------------------------------ tables from the spec
def negative_table(r, kind) -> Table:
    def grid(header, rows, weights, heading):
        return Table([[Cell(h) for h in header]] + [[Cell(c) for c in row] for row in rows], 1, weights, False, heading)

    if kind == "budget":
        rows = []
        for area in r.sample(W.SERVICE_AREAS, r.randint(4, 7)):
            b = r.randint(5000, 90000)
            f = b + r.randint(-2000, 2500)
            rows.append(
                [
                    area,
                    f"{b:,}",
                    f"{f:,}",
                    f"{f - b:,}",
                    r.choice(["", "Pressure on placements", "Vacancy savings", "Income shortfall"]),
                ]
            )
        return grid(
            ["Service", "Budget £000", "Forecast £000", "Variance £000", "Comments"],
            rows,
            [2, 1, 1, 1, 2.5],
            "Table 1: Revenue budget forecast",
        )
    if kind == "kpi":
        rows = [
            [
                k,
                f"{r.randint(50, 99)}%",
                f"{r.randint(40, 100)}%",
                r.choice(["Green", "Amber", "Red"]),
                r.choice(["Improving", "Stable", "Declining"]),
                _fill(r, r.choice(W.PROGRESS_SENTENCES), r.choice(W.TEAMS)),
            ]
            for k in r.sample(W.KPIS, r.randint(4, 7))
        ]
        return grid(
            ["Indicator", "Target", "Actual", "RAG", "Trend", "Comments"],
            rows,
            [3, 0.8, 0.8, 0.8, 1, 3],
            "Appendix 1: Key performance indicators",
        )
    if kind in DECISION_LISTS:
        return decisions_table(r, kind)
    if kind == "work_programme":
        rows = [
            [_month(r, 2024, 2025), w, owner(r), r.choice(["Scrutiny", "Monitoring", "Pre-decision", "Update"])]
            for w in r.sample(W.WORK_ITEMS, r.randint(4, 7))
        ]
        return grid(
            ["Meeting date", "Item", "Lead officer", "Purpose"], rows, [1.3, 3.2, 1.8, 1.2], "Work programme 2024/25"
        )
    rows = [
        [
            f"CR{i + 1}",
            risk,
            owner(r),
            str(r.randint(1, 5)),
            str(r.randint(1, 5)),
            _fill(r, r.choice(W.PROGRESS_SENTENCES), r.choice(W.TEAMS)),
            timescale(r),
            r.choice(["Red", "Amber", "Green"]),
        ]
        for i, risk in enumerate(r.sample(W.RISKS, r.randint(4, 6)))
    ]
    return grid(
        ["Ref", "Risk", "Risk owner", "Likelihood", "Impact", "Mitigating actions", "Target date", "RAG"],
        rows,
        [0.6, 2.4, 1.5, 0.9, 0.8, 3, 1.1, 0.7],
        "Corporate risk register",
    )


def _decided(r) -> str:
    return f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2023, 2025)}"


# Each decisions list: header variants of (label, field), a column-width weight per field and a heading.
DECISION_LISTS = {
    "planning_decisions": (
        [
            [
                ("Application No.", "app"),
                ("Site Address", "site"),
                ("Proposal", "proposal"),
                ("Decision", "decision"),
                ("Date Decided", "date"),
            ],
            [
                ("Ref", "app"),
                ("Location", "site"),
                ("Description of Development", "proposal"),
                ("Case Officer", "officer"),
                ("Recommendation", "verdict"),
                ("Decision", "decision"),
            ],
            [
                ("Application", "app"),
                ("Site", "site"),
                ("Proposal", "proposal"),
                ("Officer Recommendation", "verdict"),
                ("Committee Decision", "decision"),
                ("Decision Date", "date"),
            ],
        ],
        "Applications determined under delegated powers",
    ),
    "licensing_decisions": (
        [
            [
                ("Premises", "premises"),
                ("Applicant", "applicant"),
                ("Application Type", "licence"),
                ("Representations", "reps"),
                ("Decision", "licence_decision"),
                ("Date of Decision", "date"),
            ],
            [
                ("Licence No.", "licence_no"),
                ("Premises", "premises"),
                ("Type", "licence"),
                ("Licensing Officer", "officer"),
                ("Outcome", "licence_decision"),
                ("Hearing Date", "date"),
            ],
        ],
        "Decisions of the Licensing Sub-Committee",
    ),
    "appeals": (
        [
            [
                ("Appeal Ref", "appeal"),
                ("Application No.", "app"),
                ("Site", "site"),
                ("Proposal", "proposal"),
                ("Appeal Type", "appeal_type"),
                ("Decision", "appeal_decision"),
                ("Date", "date"),
            ],
            [
                ("Appeal Ref", "appeal"),
                ("Site Address", "site"),
                ("Development", "proposal"),
                ("Officer Recommendation", "verdict"),
                ("Inspector's Decision", "appeal_decision"),
                ("Decision Date", "date"),
            ],
        ],
        "Appeals decided",
    ),
}
_DECISION_WEIGHTS = {"site": 1.6, "proposal": 3, "premises": 1.8, "licence_decision": 1.5, "appeal": 1.6}


def decisions_table(r, kind, variant: int | None = None) -> Table:
    """A planning-decisions, licensing-decisions or appeals list (``DECISION_LISTS``; its header ``variant``,
    or one drawn): not a tracking table."""
    variants, heading = DECISION_LISTS[kind]
    columns = r.choice(variants) if variant is None else variants[variant]
    values = {
        "app": lambda: f"{r.randint(22, 24)}/{r.randint(100, 2999):05d}/{r.choice(['FUL', 'HOU', 'OUT', 'LBC'])}",
        "site": lambda: r.choice(W.PLANNING_SITES),
        "proposal": lambda: r.choice(W.PROPOSALS),
        "decision": lambda: r.choice(W.DECISIONS),
        "verdict": lambda: r.choice(W.VERDICTS),
        "officer": lambda: f"{r.choice(W.FIRST)} {r.choice(W.LAST)}",
        "date": lambda: _decided(r),
        "premises": lambda: r.choice(W.PREMISES),
        "applicant": lambda: f"{r.choice(W.FIRST)} {r.choice(W.LAST)}",
        "licence": lambda: r.choice(W.LICENCE_TYPES),
        "reps": lambda: r.choice(W.REPRESENTATIONS),
        "licence_decision": lambda: r.choice(W.LICENCE_DECISIONS),
        "licence_no": lambda: f"PL{r.randint(1000, 9999)}",
        "appeal": lambda: f"APP/X{r.randint(1000, 9999)}/W/{r.randint(22, 24)}/{r.randint(3200000, 3399999)}",
        "appeal_type": lambda: r.choice(W.APPEAL_TYPES),
        "appeal_decision": lambda: r.choice(W.APPEAL_DECISIONS),
    }
    rows = [[Cell(values[f]()) for _, f in columns] for _ in range(r.randint(3, 7))]
    return Table(
        [[Cell(label) for label, _ in columns]] + rows,
        1,
        [_DECISION_WEIGHTS.get(f, 1.1) for _, f in columns],
        False,
        heading,
    )


def _rec_cell(spec, rec):
    return (spec.prefix.format(rec.id) if spec.prefix else "") + rec.text


def _values(spec, rec, k, a):
    """Cell texts of action row k of a recommendation, column by column."""
    first = k == 0
    out = []
    for c in spec.columns:
        out.append(
            {
                "id": rec.shown_id if first else "",
                "rec": _rec_cell(spec, rec) if first else "",
                "progress": a.progress,
                "resp": a.resp,
                "time": a.time,
                "status": a.status,
                "extra": rec.extras.get(c.label, "") if first else "",
            }[c.role]
        )
    return out


def _header_rows(spec):
    cols = spec.columns
    if spec.header == "split":
        top, bottom = [], []
        for i, c in enumerate(cols):
            if i in spec.split:
                top.append(Cell(spec.split[i][0]))
                bottom.append(Cell(spec.split[i][1]))
            else:
                top.append(Cell(c.label, v="start"))
                bottom.append(Cell("", v="cont"))
        return [top, bottom]
    labels = [Cell(c.label) for c in cols]
    if spec.header == "banner":
        banner = [Cell(spec.banner, hspan=len(cols))] + [Cell(hcont=True) for _ in cols[1:]]
        return [banner, labels]
    return [labels]


def tracking_tables(spec) -> list:
    weights = [WIDTH[c.role] for c in spec.columns]
    heading = "Appendix A – Progress on recommendations"
    if spec.layout == "per-rec-kv":
        out = []
        for rec in spec.recs:
            a = rec.actions[0]
            values = _values(spec, rec, 0, a)
            if spec.prefix:  # the number goes in a "Recommendation N" heading above the table instead
                values = [rec.text if c.role == "rec" else v for c, v in zip(spec.columns, values, strict=False)]
            rows = [[Cell(c.label), Cell(v)] for c, v in zip(spec.columns, values, strict=False)]
            out.append(Table(rows, 0, [1.3, 4.5], True, f"Recommendation {rec.id}" if spec.prefix else ""))
        out[0].heading = heading + ("\n" + out[0].heading if out[0].heading else "")
        return out
    if spec.layout == "per-rec-grid":
        out = []
        for rec in spec.recs:
            body = _body_rows(spec, [rec])
            out.append(Table(_header_rows(spec) + body, len(_header_rows(spec)), weights, True, ""))
        out[0].heading = heading
        return out
    head = _header_rows(spec)
    if spec.second:
        cut, second = spec.second
        return [
            Table(head + _body_rows(spec, spec.recs[:cut]), len(head), weights, True, heading),
            Table(head + _body_rows(spec, spec.recs[cut:]), len(head), weights, True, second),
        ]
    return [Table(head + _body_rows(spec, spec.recs), len(head), weights, True, heading)]


def _theme_row(spec, text):
    n = len(spec.columns)
    if spec.theme_row == "span":
        return [Cell(text, hspan=n)] + [Cell(hcont=True) for _ in range(n - 1)]
    return [Cell(text)] + [Cell("") for _ in range(n - 1)]


def _body_rows(spec, recs):
    rows = []
    place = {id(rec): i for i, rec in enumerate(spec.recs)}
    for rec in recs:
        if place[id(rec)] in spec.themes:
            rows.append(_theme_row(spec, spec.themes[place[id(rec)]]))
        n = len(rec.actions)
        for k, a in enumerate(rec.actions):
            cells = [Cell(t) for t in _values(spec, rec, k, a)]
            if spec.merged == "merged" and n > 1:
                for i, c in enumerate(spec.columns):
                    if c.role in ("id", "rec", "extra"):
                        cells[i] = Cell(cells[i].text, v="start") if k == 0 else Cell("", v="cont")
            rows.append(cells)
    return rows


def paper_tables(spec) -> list:
    before = [t for pos, t in spec.decoys if pos == "before"]
    after = [t for pos, t in spec.decoys if pos == "after"]
    main = [] if spec.negative else tracking_tables(spec)
    return before + main + after


def vspan(table, r, c):
    """Rows covered by a vertical merge starting at (r, c)."""
    end = r
    while end + 1 < len(table.rows) and table.rows[end + 1][c].v == "cont":
        end += 1
    return end


# ------------------------------------------------------------------ docx (also the source of pdf-lo and odt)
def _docx_borders(table, mode):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        on = mode == "full" or (mode == "rows" and edge in ("top", "bottom", "insideH"))
        el.set(qn("w:val"), "single" if on else "nil")
        if on:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tblPr.append(borders)


def render_docx(spec, path):
    from docx.shared import Cm

    p = spec.paper
    doc, usable = docx_start(p)
    for t in paper_tables(spec):
        for h in t.heading.split("\n") if t.heading else []:
            if h.startswith("Recommendation "):
                doc.add_paragraph(h, style="Heading 2")
            else:
                doc.add_paragraph().add_run(h).bold = True
        ncol = len(t.rows[0])
        table = doc.add_table(rows=len(t.rows), cols=ncol)
        _docx_borders(table, spec.border)
        table.autofit = False
        widths = [usable * w / sum(t.weights) for w in t.weights]
        for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=False):
            col.w = Cm(w)
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=False):
                cell.width = Cm(w)
        for r in range(t.n_header):
            docx_repeat_header(table.rows[r])
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if cell.v == "start":
                    table.cell(r, c).merge(table.cell(vspan(t, r, c), c))
                if cell.hspan > 1:
                    table.cell(r, c).merge(table.cell(r, c + cell.hspan - 1))
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if cell.v == "cont" or cell.hcont or not cell.text:
                    continue
                docx_fill(table.cell(r, c), cell.text, bold=r < t.n_header or (t.n_header == 0 and c == 0))
        doc.add_paragraph()
    for x in spec.tail:
        doc.add_paragraph(x)
    docx_save(doc, path)


# ------------------------------------------------------------------ reportlab PDF
def _pdf_table(t, widths, spec, st, splits):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    class FuzzTable(Table):
        """Like samplekit's ruled table: a split part keeps its bottom rule; counts page splits."""

        def split(self, availWidth, availHeight):
            parts = super().split(availWidth, availHeight)
            if (
                len(parts) == 2
                and self.splitInRow
                and not any(parts[1]._cellvalues[t.n_header] if len(parts[1]._cellvalues) > t.n_header else [1])
            ):
                parts = self._splitRows(availHeight, doInRowSplit=False)
            if len(parts) == 2:
                splits.append(1)
                if spec.border != "none":
                    parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)])
            return parts

    def flow(text, bold):
        if bold:
            return [Paragraph(f"<b>{escape(x)}</b>", st.cell) for x in text.split("\n")] if text else ""
        return st.flow(text)

    data = [
        [
            flow(c.text, r < t.n_header or (t.n_header == 0 and i == 0)) if not (c.v == "cont" or c.hcont) else ""
            for i, c in enumerate(row)
        ]
        for r, row in enumerate(t.rows)
    ]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if spec.border == "full":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif spec.border == "rows":
        style += [("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
    else:
        style += [("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    if spec.border != "none" and t.n_header:
        style.append(("BACKGROUND", (0, 0), (-1, t.n_header - 1), colors.HexColor("#D9D9D9")))
    spans = False
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if cell.v == "start":
                style.append(("SPAN", (c, r), (c, vspan(t, r, c))))
                spans = spans or r >= t.n_header
            if cell.hspan > 1:
                style.append(("SPAN", (c, r), (c + cell.hspan - 1, r)))
    in_row = t.tracking and spec.long_rows and not spans
    tbl = FuzzTable(
        data, colWidths=widths, repeatRows=t.n_header, splitByRow=0 if in_row else 1, splitInRow=1 if in_row else 0
    )
    tbl.setStyle(TableStyle(style))
    return tbl


def render_pdf(spec, path):
    try:
        _render_pdf(spec, path)
    except Exception:  # reportlab could not lay out a merged group taller than a page
        if spec.merged != "merged":
            raise
        spec.merged = spec.dims["merged"] = "continuation"
        _render_pdf(spec, path)


def _render_pdf(spec, path):
    from reportlab.platypus import Paragraph, Spacer

    st = PdfStyles()
    buf = io.BytesIO()
    doc = pdf_doc(spec.paper, buf, creator=CREATOR)
    story = st.front(spec.paper)
    splits = []
    for t in paper_tables(spec):
        story.append(Spacer(1, 6))
        story += [Paragraph(f"<b>{escape(h)}</b>", st.body) for h in t.heading.split("\n") if h]
        widths = [doc.width * w / sum(t.weights) for w in t.weights]
        story.append(_pdf_table(t, widths, spec, st, splits))
    story += [Spacer(1, 8)] + [Paragraph(escape(x), st.body) for x in spec.tail]
    doc.build(story)
    data = buf.getvalue()
    if spec.rotated:
        data = rotate_pdf(data)
    Path(path).write_bytes(data)


def rotate_pdf(data: bytes) -> bytes:
    """Landscape pages stored portrait with /Rotate 90, as samples/hard_layouts.py's render_rotated does:
    each page's content turned by the exact matrix (0 1 -1 0 h 0), then /Rotate 90."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        w, h = page.mediabox.width, page.mediabox.height
        if w <= h:
            continue  # already portrait: nothing to store sideways
        page.add_transformation((0, 1, -1, 0, h, 0))
        page.mediabox = RectangleObject([0, 0, h, w])
        page.rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ HTML
def render_html(spec, path):
    e = html.escape
    p = spec.paper
    css = {
        "full": "table.t{border-collapse:collapse}table.t td,table.t th{border:1px solid #000;padding:4px}",
        "rows": "table.t{border-collapse:collapse}table.t td,table.t th{border-bottom:1px solid #000;padding:4px}",
        "none": "table.t td,table.t th{padding:4px}",
    }[spec.border]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(p.title)} | {e(p.council)}</title><style>{css}</style></head><body>",
        f"<p>{e(p.council)}</p>",
        f"<h1>{e(p.committee)}</h1>",
        f"<p>{e(p.date_line)}</p>",
        f"<h2>{e(p.title)}</h2>",
        f"<p><strong>{e(p.report_of)}</strong></p>",
    ]
    out += [f"<p>{e(x)}</p>" for x in p.body]
    for t in paper_tables(spec):
        out += [f"<h3>{e(h)}</h3>" for h in t.heading.split("\n") if h]
        out.append('<table class="t">')
        for r, row in enumerate(t.rows):
            if r == 0 and t.n_header:
                out.append("<thead>")
            if r == t.n_header:
                out.append("<tbody>")
            tag = "th" if r < t.n_header else "td"
            cells = []
            for c, cell in enumerate(row):
                if cell.v == "cont" or cell.hcont:
                    continue
                attrs = ""
                if cell.v == "start":
                    attrs += f' rowspan="{vspan(t, r, c) - r + 1}"'
                if cell.hspan > 1:
                    attrs += f' colspan="{cell.hspan}"'
                text = html_cell(cell.text)
                if t.n_header == 0 and c == 0:
                    text = f"<strong>{text}</strong>"
                cells.append(f"<{tag}{attrs}>{text}</{tag}>")
            out.append("<tr>" + "".join(cells) + "</tr>")
            if r == t.n_header - 1:
                out.append("</thead>")
        out.append("</tbody></table>")
    out += [f"<p>{e(x)}</p>" for x in spec.tail]
    out.append("</body></html>")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")


# ------------------------------------------------------------------ writing papers
def render(spec: Spec, path) -> None:
    """Write the paper. pdf-lo and odt papers are written as .docx here; convert_with_office turns them."""
    path = Path(path)
    if spec.fmt in ("docx", "pdf-lo", "odt"):
        render_docx(spec, path)
    elif spec.fmt == "pdf-rl":
        render_pdf(spec, path)
    else:
        render_html(spec, path)


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_office(jobs: list, timeout: float = 600) -> list:
    """jobs: [(spec, docx_path, final_path)]. Converts in one LibreOffice run per target format.
    Returns the specs whose final file was written."""
    soffice = office()
    done = []
    if not soffice or not jobs:
        return done
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        profile = (work / "profile").as_uri()
        for fmt, target in (("pdf-lo", "pdf:writer_pdf_Export"), ("odt", "odt")):
            batch = [(s, d, f) for s, d, f in jobs if s.fmt == fmt]
            if not batch:
                continue
            outdir = work / fmt
            outdir.mkdir()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(outdir),
                    *[str(d) for _, d, _ in batch],
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
            for s, d, final in batch:
                produced = outdir / (Path(d).stem + EXT[fmt])
                if produced.exists():
                    data = produced.read_bytes()
                    if fmt == "pdf-lo" and s.rotated:
                        data = rotate_pdf(data)
                    Path(final).write_bytes(data)
                    done.append(s)
    return done


def write_papers(seed: int, count: int, out_dir, formats=FORMATS, start: int = 0, wordings: str = "dev"):
    """Write papers start..start+count-1 and their truth (out_dir/truth/<file>.json).
    Returns (specs written, notes)."""
    import json

    out_dir = Path(out_dir)
    papers, truth_dir = out_dir / "papers", out_dir / "truth"
    papers.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    from reportlab.platypus.doctemplate import LayoutError

    specs, office_jobs, notes = [], [], []
    can_office = office() is not None
    staging = out_dir / "staging"
    for i in range(start, start + count):
        spec = make_spec(seed, i, formats, wordings)
        if spec.fmt in OFFICE_FORMATS:
            if not can_office:
                notes.append(f"skipped {spec.file}: {spec.fmt} needs LibreOffice (soffice), which is not installed")
                continue
            staging.mkdir(exist_ok=True)
            src = staging / (spec.name + ".docx")
            render(spec, src)
            office_jobs.append((spec, src, papers / spec.file))
            continue
        try:
            render(spec, papers / spec.file)
        except LayoutError:
            notes.append(f"skipped {spec.file}: reportlab could not lay out a table row taller than a page")
            continue
        specs.append(spec)
    converted = convert_with_office(office_jobs)
    for s, _, _ in office_jobs:
        if s not in converted:
            notes.append(f"skipped {s.file}: LibreOffice did not convert it")
    specs += converted
    shutil.rmtree(staging, ignore_errors=True)
    specs.sort(key=lambda s: s.index)
    for s in specs:
        (truth_dir / (s.file + ".json")).write_text(
            json.dumps(truth(s), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return specs, notes
