"""A long document with a ruled table on most pages and no tracking table, for the fast path's benchmark.

``make_boxed(dest, pages)`` writes an annual-report-like PDF (reportlab): every page has a heading, prose
and, on all but about one page in eight, a ruled table of a kind common in council papers that is not a
recommendation tracking table: revenue budgets, member attendance, bus and course timetables, fees and
charges, performance indicators (with RAG and comments), a work programme (with a lead officer), planning
decisions. The prose uses the words a tracking table's header uses ("recommended", "progress", "lead",
"due", "update", "target"), as such documents do, so only the tables' headers tell the pages apart. The
same ``pages`` and ``seed`` give the same bytes.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "samples"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz import words as W  # noqa: E402

SERVICES = W.SERVICE_AREAS
MEMBERS = ["Cllr A. Whitfield", "Cllr R. Osei", "Cllr M. Lindqvist", "Cllr D. Parry", "Cllr S. Ahmed", "Cllr J. Kerr"]
PLACES = ["Bus Station", "Market Square", "Hospital", "Railway Station", "Retail Park", "College", "Leisure Centre"]
SESSIONS = ["Induction", "Safeguarding", "Data protection", "Budget setting", "Chairing skills", "Planning law"]
OFFICERS = ["Nadia Corbett", "Oliver Grange", "Priya Nair", "Tom Ashby", "Helen Marsh", "Gareth Lloyd"]
INDICATORS = [
    "Household waste recycled (%)",
    "Council tax collected (%)",
    "Days to process benefit claims",
    "Homes brought back into use",
    "Visits to libraries",
    "Invoices paid in 30 days (%)",
]
PROSE = [
    "The service continued to recover from the disruption of previous years, and demand rose in every quarter.",
    "In 2022 the Panel recommended that the service publish a quarterly update on its progress; the first is "
    "due in the spring, when the new targets have been agreed.",
    "Members asked who would lead the work and when it would be complete; the Director agreed to report back "
    "with a timetable and the name of the responsible officer.",
    "The figures below are taken from the ledger at the end of the period and have not been audited.",
    "Partners across the county have been consulted, and their comments are summarised in the appendix.",
    "The Committee is recommended to note the position and to agree the actions set out in this section.",
    "Progress against the target has been steady, although two indicators remain below the national average.",
]


def _budget(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    rows = []
    for area in r.sample(SERVICES, r.randint(4, 7)):
        budget = r.randint(5_000, 90_000)
        forecast = budget + r.randint(-2_000, 2_500)
        rows.append([area, f"{budget:,}", f"{forecast:,}", f"{forecast - budget:,}"])
    return "Revenue budget forecast", ["Service Area", "Budget £000", "Forecast £000", "Variance £000"], rows


def _attendance(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    held = r.randint(4, 10)
    rows = [[m, str(held), str(r.randint(held // 2, held))] for m in r.sample(MEMBERS, r.randint(4, 6))]
    return "Member attendance", ["Member", "Meetings held", "Meetings attended"], rows


def _bus(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    rows = []
    for route in r.sample(range(1, 40), r.randint(4, 7)):
        start, end = r.sample(PLACES, 2)
        hour = r.randint(6, 20)
        rows.append([str(route), f"{start} to {end}", f"{hour:02d}:{r.choice(['05', '20', '35', '50'])}", "Mon-Sat"])
    return "Bus timetable", ["Route", "From / To", "First departure", "Days"], rows


def _course(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    rows = [
        [f"Week {w}", s, r.choice(OFFICERS), f"Room {r.randint(1, 12)}"]
        for w, s in zip(range(1, 7), r.sample(SESSIONS, r.randint(3, 6)), strict=False)
    ]
    return "Member development programme", ["Week", "Session", "Lead", "Room"], rows


def _fees(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    rows = []
    for service in r.sample(
        [
            "Bulky waste collection",
            "Garden waste permit",
            "Pest control",
            "Room hire",
            "Pre-application advice",
            "Street naming",
        ],
        r.randint(3, 6),
    ):
        old = r.randint(20, 300)
        new = old + r.randint(0, 25)
        rows.append([service, f"£{old}.00", f"£{new}.00", f"{(new - old) / old:.1%}"])
    return "Fees and charges", ["Service", "2023/24 charge", "2024/25 charge", "Change"], rows


def _kpi(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    rows = [
        [
            k,
            f"{r.randint(50, 99)}",
            f"{r.randint(40, 100)}",
            r.choice(["Green", "Amber", "Red"]),
            r.choice(["On course", "Below target after a slow first quarter", "Improving"]),
        ]
        for k in r.sample(INDICATORS, r.randint(3, 6))
    ]
    return "Performance indicators", ["Indicator", "Target", "Actual", "RAG", "Comments"], rows


def _work_programme(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    items = ["Budget proposals", "Housing strategy", "Annual scrutiny report", "Transport plan", "Corporate plan"]
    rows = [
        [
            f"{r.randint(1, 28)} {r.choice(['March', 'June', 'September'])} 2024",
            item,
            r.choice(OFFICERS),
            r.choice(["Scrutiny", "Monitoring", "Pre-decision"]),
        ]
        for item in r.sample(items, r.randint(3, 5))
    ]
    return "Work programme", ["Meeting date", "Item", "Lead officer", "Purpose"], rows


def _planning(r: random.Random) -> tuple[str, list[str], list[list[str]]]:
    works = ["Two-storey rear extension", "Change of use to a dwelling", "Replacement shopfront", "Nine dwellings"]
    rows = [
        [
            f"23/{r.randint(100, 2999):05d}/FUL",
            f"{r.randint(1, 90)} {r.choice(PLACES)} Road",
            w,
            r.choice(["Approved", "Refused"]),
            f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/2023",
        ]
        for w in r.sample(works, r.randint(2, 4))
    ]
    return "Planning decisions", ["Application No.", "Site Address", "Proposal", "Decision", "Date Decided"], rows


KINDS = [_budget, _attendance, _bus, _course, _fees, _kpi, _work_programme, _planning]


def make_boxed(dest: Path, pages: int = 120, seed: int = 15) -> Path:
    """Write ``pages`` pages to ``dest``: prose on each, a ruled non-tracking table on about seven in eight."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from samplekit import PdfStyles, ruled_table

    r = random.Random(f"rectrack-boxed/{seed}")
    st = PdfStyles()
    doc = SimpleDocTemplate(
        str(dest),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Annual Report",
        creator="rectrack tests/bench/boxed.py",
        invariant=1,
    )
    story: list = []
    for number in range(1, pages + 1):
        story.append(Paragraph(f"<b>{number}. {escape(r.choice(SERVICES))}</b>", st.big))
        story += [Paragraph(escape(text), st.body) for text in r.sample(PROSE, 3)]
        if r.random() < 7 / 8:
            title, header, rows = r.choice(KINDS)(r)
            story += [Spacer(1, 6), Paragraph(f"<b>Table {number}: {escape(title)}</b>", st.body)]
            data = [[Paragraph(f"<b>{escape(h)}</b>", st.cell) for h in header]]
            data += [[Paragraph(escape(c), st.cell) for c in row] for row in rows]
            story.append(ruled_table(data, [doc.width / len(header)] * len(header), False))
        story.append(PageBreak())
    doc.build(story)
    return dest


if __name__ == "__main__":
    out = make_boxed(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 120)
    print(out)
