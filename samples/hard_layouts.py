"""Sample papers with hard table layouts, and their golden rows.

Each paper here is a samplekit.Paper (metadata, body, tables) plus a renderer
of its own and golden rows computed from the same spec:

- borderless-scrutiny.pdf: whitespace-aligned table with no ruling at all
- merged-actions.docx: vMerge'd recommendation cells and gridSpan theme rows
- rotated-landscape.pdf: landscape pages stored portrait with /Rotate 90
- response-to-scrutiny.html: Cabinet response with an "Accepted?" column
- one-table-per-rec.docx: one small key/value table per recommendation
- damaged-headers.pdf: footnote markers, split labels and a blank id header
- work-programme-decoy.docx: work programme and forward plan, no tracking table
- two-appendices.pdf: two tracking tables, each numbered from 1, page break between

Rendering is deterministic like the rest of the samples (fixed docx zip
timestamps, reportlab invariant=1, pypdf output cloned from the reportlab file).
"""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from samplekit import (
    Action,
    Grid,
    Paper,
    PdfStyles,
    Rec,
    Tracking,
    col_widths,
    docx_fill,
    docx_repeat_header,
    docx_save,
    docx_start,
    pdf_doc,
    render_docx,
    render_html,
    ruled_table,
)

CREATOR = "rectrack samples/hard_layouts.py"


@dataclass
class Hard:
    """A paper, its golden rows and its renderer: render(hard, path)."""

    paper: Paper
    rows: list
    render: object
    spec: object = None  # renderer-specific layout data
    tail: tuple = ()  # paragraphs printed after the tables
    weights: list = None  # PDF column widths, if not samplekit's defaults

    @property
    def file(self):
        return self.paper.file

    def golden(self):
        return {**self.paper.golden(), "rows": self.rows}

    def write(self, path):
        self.render(self, path)


def rows_of(tracking, table_index=0, **extra):
    """Golden rows of a Tracking spec, with extra keys added to every row."""
    return [{**row, **extra} for row in tracking.golden(table_index)]


# ------------------------------------------------------------------ renderers
def render_borderless(h, path):
    """Whitespace-aligned table: no GRID/BOX/LINE styles and no backgrounds,
    so the page has no rects or lines at all.  Rows are kept whole (split
    between rows) and the header is repeated on the next page."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    p, st = h.paper, PdfStyles()
    doc = pdf_doc(p, path, creator=CREATOR)
    story = st.front(p)
    for heading, g in p.grids():
        story += [Spacer(1, 6), Paragraph(f"<b>{escape(heading)}</b>", st.body), Spacer(1, 4)]
        data = [[Paragraph(f"<b>{escape(x)}</b>", st.cell) for x in g.header]]
        data += [[st.flow(f"{row[0]}." if row[0] else ""), *[st.flow(c) for c in row[1:]]] for row in g.rows]
        g.weights = h.weights or g.weights
        t = Table(data, colWidths=col_widths(g, doc.width), repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        story.append(t)
    story += [Spacer(1, 8)] + [Paragraph(escape(x), st.body) for x in h.tail]
    doc.build(story)


def render_ruled(h, out):
    """Ruled (GRID) tracking tables.  Header labels may hold "\\n" line breaks;
    h.spec == "page-break" starts each table after the first on a new page, and
    h.spec == "whole-rows" breaks between rows instead of inside a long row."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    p, st = h.paper, PdfStyles()
    doc = pdf_doc(p, out, creator=CREATOR)
    story = st.front(p)
    for i, (heading, g) in enumerate(p.grids()):
        story.append(PageBreak() if i and h.spec == "page-break" else Spacer(1, 6))
        story += [Paragraph(f"<b>{escape(x)}</b>", st.body) for x in heading.split("\n")] + [Spacer(1, 4)]
        data = [
            [[Paragraph(f"<b>{escape(x)}</b>", st.cell) for x in label.split("\n") if x] or "" for label in g.header]
        ]
        data += [[st.flow(c) for c in row] for row in g.rows]
        g.weights = h.weights or g.weights
        story.append(ruled_table(data, col_widths(g, doc.width), g.tracking and h.spec != "whole-rows"))
    foot = st.cell.clone("foot", fontSize=7.5, leading=9.5, spaceBefore=2)
    story += [Spacer(1, 4)] + [Paragraph(escape(x), foot) for x in h.tail]
    doc.build(story)


def render_rotated(h, path):
    """Landscape paper stored as portrait pages with /Rotate 90: build it
    landscape, turn each page's content a quarter-turn anticlockwise into a
    portrait MediaBox, then set /Rotate 90 so viewers show it landscape.  The
    matrix is exact (0 1 -1 0 h 0): a computed cos(90°) of 6e-17 would leave
    rules slightly off axis, and pdfplumber would no longer see them as rules."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    buf = io.BytesIO()
    render_ruled(h, buf)
    writer = PdfWriter(clone_from=PdfReader(buf))  # keeps reportlab's fixed /ID and dates
    for page in writer.pages:
        w, ht = page.mediabox.width, page.mediabox.height
        page.add_transformation((0, 1, -1, 0, ht, 0))  # (x, y) -> (ht - y, x)
        page.mediabox = RectangleObject([0, 0, ht, w])
        page.rotate(90)
    writer.add_metadata({"/Producer": "ReportLab PDF Library - www.reportlab.com; pypdf"})
    with open(path, "wb") as f:
        writer.write(f)


def docx_table(doc, rows, widths_cm, style="Table Grid"):
    """Word table with the given cell grid; returns it (no text written)."""
    from docx.shared import Cm

    t = doc.add_table(rows=rows, cols=len(widths_cm))
    t.style = style
    t.autofit = False
    for col, w in zip(t._tbl.tblGrid.gridCol_lst, widths_cm, strict=False):
        col.w = Cm(w)
    for row in t.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)
    return t


def shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shd.set(qn(k), v)
    cell._tc.get_or_add_tcPr().append(shd)


def render_merged(h, path):
    """One recommendation cell merged down (vMerge) over its action rows, and
    theme rows merged across the table (gridSpan)."""
    p = h.paper
    doc, usable = docx_start(p)
    heading, header, weights, items = h.spec
    doc.add_paragraph().add_run(heading).bold = True
    widths = [usable * w / sum(weights) for w in weights]
    n_rows = 1 + sum(1 if isinstance(it, str) else len(it.actions) for it in items)
    t = docx_table(doc, n_rows, widths)
    docx_repeat_header(t.rows[0])
    for cell, text in zip(t.rows[0].cells, header, strict=False):
        docx_fill(cell, text, bold=True)
    r = 1
    for it in items:
        if isinstance(it, str):  # theme row: one cell across the table
            cell = t.cell(r, 0).merge(t.cell(r, len(header) - 1))
            docx_fill(cell, it, bold=True)
            shade(cell, "DEEAF6")
            r += 1
            continue
        for i, a in enumerate(it.actions):
            for c, text in zip(t.rows[r + i].cells[1:], (a.progress, a.resp, a.time), strict=False):
                docx_fill(c, text)
        k = len(it.actions)
        cell = t.cell(r, 0).merge(t.cell(r + k - 1, 0)) if k > 1 else t.cell(r, 0)
        docx_fill(cell, f"{it.id}. {it.text}")
        r += k
    doc.add_paragraph()
    docx_save(doc, path)


def render_per_rec(h, path):
    """A "Recommendation N" heading, then a two-column key/value table, per rec."""
    p = h.paper
    doc, usable = docx_start(p)
    heading, recs = h.spec
    doc.add_paragraph().add_run(heading).bold = True
    for rec in recs:
        a = rec.actions[0]
        doc.add_paragraph(f"Recommendation {rec.id}", style="Heading 2")
        t = docx_table(doc, 4, [4.2, usable - 4.2])
        pairs = [
            ("Recommendation", rec.text),
            ("Response", a.progress),
            ("Lead Officer", a.resp),
            ("Target Date", a.time),
        ]
        for row, (label, text) in zip(t.rows, pairs, strict=False):
            docx_fill(row.cells[0], label, bold=True)
            docx_fill(row.cells[1], text)
        doc.add_paragraph()
    for x in h.tail:
        doc.add_paragraph(x)
    docx_save(doc, path)


def render_plain(h, path):
    """The paper through the generic samplekit renderer for its format."""
    (render_docx if path.suffix == ".docx" else render_html)(h.paper, path)


# --------------------------------------------------------------------- papers
def one(i, text, prog, who="", when=""):
    """A recommendation with a single row."""
    return Rec(i, text, [Action(prog, who, when)])


def borderless():
    cols = [
        ("No.", "id"),
        ("Recommendation", "rec"),
        ("Progress", "progress"),
        ("Lead Officer", "resp"),
        ("Target Date", "time"),
    ]
    recs = [
        one(
            "1",
            "A named councillor champion for loneliness is appointed.",
            (
                "Councillor Ruth Ellison was appointed as the Council's Loneliness Champion at Annual Council in May "
                "2024. She has since met all five Primary Care Networks and chairs the new Lowfield Connected "
                "partnership, which brings together 23 voluntary and statutory organisations.\nThe partnership has "
                "agreed a shared action plan and will report to the Health and Wellbeing Board in January 2025."
            ),
            "Bethan Morgan",
            "May 2024",
        ),
        one(
            "2",
            "The Council funds a social prescribing link worker based in the district's rural surgeries.",
            (
                "A link worker was recruited in February 2024 on a two-year fixed-term contract funded jointly with "
                "the Integrated Care Board. Between February and July she received 214 referrals, mainly from GPs "
                "and practice nurses. The most common reasons for referral were:\n• bereavement\n• recent retirement "
                "or redundancy\n• caring for a family member\n• limited mobility after a fall\nOf the people "
                "referred, 71% reported feeling less lonely after twelve weeks."
            ),
            "Daniel Okafor",
            "February 2024",
        ),
        one(
            "3",
            "Community buildings are made available free of charge to groups that bring isolated residents together.",
            (
                "The lettings policy was amended in April 2024 so that constituted groups tackling isolation can use "
                "Council-owned community centres at no charge for up to four hours a week. Eighteen groups now use "
                "the scheme, including lunch clubs, a men's shed and a weekly board games café.\nThe estimated loss "
                "of income is £11,500 a year, which is being met from the Community Wellbeing budget."
            ),
            "Sunita Rao",
            "April 2024",
        ),
        one(
            "4",
            (
                "Council staff who visit residents at home are trained to recognise loneliness and to refer people "
                "for support."
            ),
            (
                "A 45-minute e-learning module has been developed with Age UK Lowfield. It is mandatory for housing "
                "officers, benefits visiting officers, environmental health officers and the Council's handyperson "
                "service. So far 162 of the 190 staff in scope have completed it.\nReferrals to the social "
                "prescribing service from Council staff increased from 3 in the first quarter to 29 in the second "
                "quarter."
            ),
            "Sunita Rao",
            "October 2024",
        ),
        one(
            "5",
            "Community transport provision is reviewed so that residents without a car can reach social activities.",
            (
                "The review of community transport has been delayed because the dial-a-ride contract was extended by "
                "twelve months. An options appraisal covering demand-responsive transport, volunteer car schemes and "
                "taxi vouchers will be presented to Cabinet in December 2024.\nIn the meantime the volunteer car "
                "scheme has been extended to cover trips to social groups as well as medical appointments."
            ),
            "Martin Hale",
            "December 2024",
        ),
        one(
            "6",
            "Digital inclusion sessions are offered in every library and community hub.",
            (
                "Weekly drop-in sessions now run at all six libraries and three community hubs, supported by 31 "
                "trained Digital Champions. 540 residents attended at least one session between January and June "
                "2024.\nA tablet loan scheme, funded by a £20,000 grant from the National Lottery Community Fund, "
                "will start in November 2024."
            ),
            "Daniel Okafor",
            "Ongoing",
        ),
        one(
            "7",
            "The Board receives an annual report on the Council's contribution to tackling loneliness.",
            (
                "This report is the first annual update. It is proposed that future reports are combined with the "
                "annual Health and Wellbeing Strategy report, so that the Board can see progress alongside the wider "
                "public health data for the district."
            ),
            "Bethan Morgan",
            "September 2024",
        ),
    ]
    table = Tracking(cols, recs)
    paper = Paper(
        "borderless-scrutiny.pdf",
        "Overview and Scrutiny Management Board",
        "2024-09-12",
        "Thursday 12 September 2024",
        "Loneliness and Social Isolation Scrutiny Review – Progress on Recommendations",
        "Report of Bethan Morgan, Head of Communities and Wellbeing",
        [
            "Purpose of the Report",
            (
                "1. To report progress on the seven recommendations of the Board's review of loneliness and social "
                "isolation, which Cabinet accepted in full on 14 November 2023."
            ),
            "Background",
            (
                "2. The review found that around 9,000 adults in the district often or always feel lonely. Members "
                "heard evidence from Age UK Lowfield, the Carers' Centre, GP practices and students at Lowfield "
                "College."
            ),
            (
                "3. Appendix 1 sets out the progress made against each recommendation, with the lead officer and the "
                "target date."
            ),
            "Recommendation",
            "4. That the Board notes the progress made and agrees to receive a final update in March 2025.",
        ],
        [("Appendix 1 – Progress on Recommendations", table)],
        council="Lowfield District Council",
    )
    tail = (
        "Background Papers",
        "Loneliness and Social Isolation Scrutiny Review, final report (November 2023).",
        "Contact Officer: Bethan Morgan, Head of Communities and Wellbeing, telephone 01632 960481.",
    )
    return Hard(paper, rows_of(table), render_borderless, tail=tail, weights=[0.8, 3.2, 4.6, 1.5, 1.4])


def merged_actions():
    A = Action
    items = [
        Rec(
            "1",
            "A whole-system healthy weight plan is adopted by the Council and its partners.",
            [
                A(
                    (
                        "The Healthy Weight Partnership was re-formed in June 2023 and a draft plan has been agreed "
                        "by the Health and Wellbeing Board for consultation."
                    ),
                    "Dr Farah Siddiqui",
                    "March 2024",
                )
            ],
        ),
        "Theme 1: Best Start in Life",
        Rec(
            "2",
            "Breastfeeding support is extended to all family hubs.",
            [
                A(
                    (
                        "Peer supporters are now based at four of the six family hubs. The remaining two hubs will "
                        "be covered from January 2024."
                    ),
                    "Kerry Mansfield",
                    "January 2024",
                )
            ],
        ),
        Rec(
            "3",
            "Every early years setting is supported to meet healthy food and physical activity standards.",
            [
                A(
                    "The Healthy Early Years award was relaunched in September 2023 and 27 settings have registered.",
                    "Kerry Mansfield",
                    "September 2023",
                ),
                A(
                    (
                        "Free training on portion sizes and menu planning is offered to nursery cooks, delivered "
                        "with the school meals service."
                    ),
                    "Alan Brierley",
                    "December 2023",
                ),
                A(
                    (
                        "Physical activity resources have been sent to childminders, with a target of 60% of "
                        "registered childminders taking part by the end of the year."
                    ),
                    "Kerry Mansfield",
                    "March 2024",
                ),
            ],
        ),
        "Theme 2: Prevention",
        Rec(
            "4",
            "New hot food takeaways are restricted within 400 metres of secondary schools.",
            [
                A(
                    (
                        "A supplementary planning document has been drafted and was approved for consultation by "
                        "Cabinet on 10 October 2023."
                    ),
                    "Naveed Akhtar",
                    "February 2024",
                ),
                A(
                    (
                        "Consultation runs until 5 January 2024, after which the document will be presented to "
                        "Council for adoption."
                    ),
                    "Naveed Akhtar",
                    "February 2024",
                ),
            ],
        ),
        Rec(
            "5",
            "The Daily Mile is promoted to all primary schools.",
            [
                A(
                    (
                        "41 of the 56 primary schools now take part, up from 29 at the time of the review. The "
                        "School Sport Partnership is contacting the remaining schools."
                    ),
                    "Joel Whitaker",
                    "July 2024",
                )
            ],
        ),
        "Theme 3: Healthy Environments",
        Rec(
            "6",
            (
                "Adverts for food and drink high in fat, sugar or salt are not permitted on Council-owned "
                "advertising sites."
            ),
            [
                A(
                    (
                        "A healthier food advertising policy was adopted by Cabinet in September 2023 and applies to "
                        "all new advertising contracts.\nThe bus shelter advertising contract will be renegotiated "
                        "when it expires in 2025."
                    ),
                    "Helen Grayson",
                    "September 2023",
                )
            ],
        ),
    ]
    cols = [("Recommendation", "rec"), ("Action", "progress"), ("Owner", "resp"), ("Due Date", "time")]
    rows, section = [], ""
    for it in items:
        if isinstance(it, str):
            section = it
        else:
            rows += rows_of(Tracking(cols, [it]), section=section)
    heading = "Appendix A: Healthy Weight in Children – Action Plan"
    paper = Paper(
        "merged-actions.docx",
        "Health Scrutiny Committee",
        "2023-11-28",
        "Tuesday 28 November 2023",
        "Healthy Weight in Children Review – Action Plan Update",
        "Report of Dr Farah Siddiqui, Director of Public Health",
        [
            "1. Purpose",
            (
                "1.1 This report updates the Committee on the action plan agreed in response to its review of "
                "healthy weight in children."
            ),
            "2. Background",
            (
                "2.1 In 2022/23, 23.4% of Year 6 children in the borough were obese, compared with 22.7% in England. "
                "The review made six recommendations, which the action plan groups under three themes."
            ),
            (
                "2.2 Where a recommendation needs more than one action, each action is shown on its own row with its "
                "own owner and due date."
            ),
            "3. Recommendation",
            "3.1 That the Committee notes progress against the action plan.",
        ],
        [],
        council="Stanmoor Borough Council",
    )
    spec = (heading, [c for c, _ in cols], [3.0, 4.4, 1.7, 1.9], items)
    return Hard(paper, rows, render_merged, spec)


def rotated():
    cols = [("Recommendation", "rec"), ("Responsible Officer", "resp"), ("Timescale", "time"), ("Progress", "progress")]
    recs = [
        one(
            "1",
            "The Air Quality Action Plan is updated and published.",
            (
                "A draft Air Quality Action Plan was approved for consultation in January 2024. It contains 32 "
                "measures, including:\n• a review of the Clean Air Zone boundary\n• anti-idling enforcement outside "
                "schools and hospitals\n• a freight consolidation trial for the city centre\nConsultation closes on "
                "29 March 2024."
            ),
            "Priya Natarajan",
            "June 2024",
        ),
        one(
            "2",
            "Anti-idling signs are installed outside all primary schools in the Air Quality Management Areas.",
            (
                "Signs were installed outside 19 schools in September 2023. Civil enforcement officers carried out "
                "140 patrols in the autumn term and spoke to 612 drivers; no fixed penalty notices were issued."
            ),
            "Tariq Mahmood",
            "Complete",
        ),
        one(
            "3",
            "The Council's fleet is replaced with electric or low-emission vehicles as leases come to an end.",
            (
                "38 of the Council's 212 vehicles are now electric, including six refuse collection vehicles. A "
                "further 24 electric vans will arrive in summer 2024.\nCharging capacity at the Weir Street depot is "
                "being upgraded at a cost of £640,000."
            ),
            "Lorraine Benn",
            "2027",
        ),
        one(
            "4",
            "Real-time air quality monitoring data is published on the Council's website.",
            (
                "Five continuous monitors now report hourly readings to the national air quality archive. A "
                "dashboard for the Council's website is being developed with the University of Cressford and will "
                "launch in October 2024."
            ),
            "Priya Natarajan",
            "October 2024",
        ),
        one(
            "5",
            "A bid is submitted to the Defra Air Quality Grant for a school streets programme.",
            (
                "The bid was successful and £285,000 was awarded in March 2023. Eight school streets are now "
                "operating, and traffic counts show an average 62% reduction in vehicles at the school gate during "
                "closure times."
            ),
            "Tariq Mahmood",
            "Complete",
        ),
        one(
            "6",
            "The Panel receives a further update once the 2023 annual status report has been submitted to Defra.",
            (
                "The annual status report will be submitted by 30 June 2024. A further update has been added to the "
                "Panel's work programme for July 2024."
            ),
            "Graham Ellwood",
            "July 2024",
        ),
    ]
    table = Tracking(cols, recs, "{}. ")
    paper = Paper(
        "rotated-landscape.pdf",
        "Climate and Environment Scrutiny Panel",
        "2024-03-05",
        "5 March 2024",
        "Air Quality Scrutiny Review – Progress on Recommendations",
        "Report of Graham Ellwood, Service Director, Environment and Regulatory Services",
        [
            (
                "1. This report sets out progress on the recommendations of the Panel's review of air quality, which "
                "were agreed by the Executive on 18 April 2023."
            ),
            (
                "2. Nitrogen dioxide concentrations at the 46 diffusion tube sites fell by an average of 8% in 2023, "
                "but the annual objective was still exceeded at four sites on the inner ring road."
            ),
            "3. The Panel is asked to comment on the progress set out in Appendix 1.",
        ],
        [("Appendix 1: Air Quality Review – Progress on Recommendations", table)],
        council="Cressford City Council",
        landscape=True,
    )
    return Hard(paper, rows_of(table), render_rotated, "whole-rows")


def response():
    recs = [  # (Rec, accepted)
        (
            one(
                "1",
                "A Night-Time Economy Champion is appointed from among the Cabinet.",
                (
                    "The Cabinet Member for Economy and Regeneration will take on the role from July 2024 and will "
                    "meet the Business Improvement District and Pubwatch every quarter."
                ),
                "Cllr Owen Price",
                "July 2024",
            ),
            "Accepted",
        ),
        (
            one(
                "2",
                "The Council applies for Purple Flag accreditation for the town centre.",
                (
                    "An application will be prepared with the Business Improvement District. The assessment fee of "
                    "£3,950 will be met from the town centre budget.\nThe assessment visit is expected in early 2025."
                ),
                "Yvonne Castle",
                "March 2025",
            ),
            "Accepted",
        ),
        (
            one(
                "3",
                "Late-night bus services on Friday and Saturday nights are subsidised by the Council.",
                (
                    "The Council does not have the budget to subsidise late-night services, which would cost an "
                    "estimated £96,000 a year. Officers will instead ask the bus operator to review its timetable "
                    "through the Enhanced Partnership."
                ),
                "Ravi Chauhan",
                "October 2024",
            ),
            "Not accepted",
        ),
        (
            one(
                "4",
                (
                    "Street lighting in the town centre is improved, with particular attention to routes to taxi "
                    "ranks and car parks."
                ),
                (
                    "A lighting survey of the routes identified by the Committee will be carried out this autumn. "
                    "Improvements will be made where lighting is below the required standard, within the existing "
                    "highways maintenance budget.\nThe request for additional CCTV cameras is not accepted at this "
                    "time."
                ),
                "Ravi Chauhan",
                "December 2024",
            ),
            "Partially accepted",
        ),
        (
            one(
                "5",
                (
                    "A Safe Space is provided on Friday and Saturday nights for people who are vulnerable or in need "
                    "of help."
                ),
                (
                    "Funding of £42,000 from the Safer Streets Fund has been secured for two years. The Safe Space "
                    "will operate from the Market Hall and will be:\n• staffed by trained volunteers and a "
                    "paramedic\n• open from 10pm to 4am on Friday and Saturday nights\n• linked to the town centre "
                    "CCTV control room"
                ),
                "Angela Dyer",
                "September 2024",
            ),
            "Accepted",
        ),
        (
            one(
                "6",
                (
                    "The licensing policy is reviewed to encourage a more varied evening offer, including later "
                    "opening for cafés and cultural venues."
                ),
                (
                    "The Statement of Licensing Policy will be reviewed in 2025 as planned and the review will "
                    "consider the Committee's findings. An earlier review is not possible because of the statutory "
                    "consultation requirements."
                ),
                "Angela Dyer",
                "2025/26",
            ),
            "Partially accepted",
        ),
    ]
    header = ["Recommendation", "Accepted?", "Response / Action", "Lead", "Timescale"]
    grid = Grid(
        header,
        [[f"{r.id}. {r.text}", acc, r.actions[0].progress, r.actions[0].resp, r.actions[0].time] for r, acc in recs],
        [3.2, 1.2, 4.6, 1.4, 1.3],
        True,
    )
    cols = [("Recommendation", "rec"), ("Response / Action", "progress"), ("Lead", "resp"), ("Timescale", "time")]
    rows = [{**rows_of(Tracking(cols, [r]))[0], "accepted": acc} for r, acc in recs]
    paper = Paper(
        "response-to-scrutiny.html",
        "Cabinet",
        "2024-06-19",
        "Wednesday 19 June 2024",
        "Cabinet Response to the Scrutiny Review of the Night-Time Economy",
        "Report of Councillor Owen Price, Cabinet Member for Economy and Regeneration",
        [
            "Purpose of Report",
            (
                "1. To agree the Cabinet's response to the six recommendations of the Place Overview and Scrutiny "
                "Committee's review of the night-time economy in Hallowmere town centre."
            ),
            (
                "2. The Constitution requires Cabinet to respond to scrutiny recommendations within two months, "
                "stating whether each recommendation is accepted, partially accepted or not accepted, and giving "
                "reasons."
            ),
            "Recommendation",
            "3. That Cabinet approves the responses set out in the table below.",
        ],
        [("Response to the Scrutiny Recommendations", grid)],
        council="Hallowmere Borough Council",
    )
    return Hard(paper, rows, render_plain)


def per_rec():
    recs = [
        one(
            "1",
            "The telephone opening hours of the customer contact centre are extended to 6pm on weekdays.",
            (
                "Agreed. Extended hours will be introduced from 1 November 2022 using existing staff on a rota. Call "
                "volumes after 5pm will be monitored for six months."
            ),
            "Lucy Hargreaves",
            "November 2022",
        ),
        one(
            "2",
            "A face-to-face service is kept in each of the three market towns.",
            (
                "Agreed in part. Face-to-face appointments will continue in all three towns, but the Ashwell drop-in "
                "service will move into the library building to reduce costs.\nOpening times will be:\n• Kingsbridge "
                "– Monday to Friday, 9am to 4pm\n• Ashwell – Tuesday and Thursday, 9am to 1pm\n• Marlow Cross – "
                "Wednesday, 9am to 1pm"
            ),
            "Lucy Hargreaves",
            "January 2023",
        ),
        one(
            "3",
            "The Council's website is tested with disabled residents and the findings are acted upon.",
            (
                "Agreed. The Kingsbridge Vale Disability Forum has tested the ten most-used online forms. Fourteen "
                "accessibility issues were found and eleven have already been fixed."
            ),
            "Tom Everett",
            "March 2023",
        ),
        one(
            "4",
            (
                "Customer satisfaction is measured across all contact channels and reported to the Committee every "
                "six months."
            ),
            (
                "Agreed. A short satisfaction survey will be offered after telephone calls, online transactions and "
                "face-to-face visits from December 2022. The first report will come to the Committee in June 2023."
            ),
            "Naomi Fitch",
            "June 2023",
        ),
    ]
    cols = [("Recommendation", "rec"), ("Response", "progress"), ("Lead Officer", "resp"), ("Target Date", "time")]
    paper = Paper(
        "one-table-per-rec.docx",
        "Corporate Overview and Scrutiny Committee",
        "2022-10-04",
        "4 October 2022",
        "Customer Access Review – Executive Response and Action Plan",
        "Report of Lucy Hargreaves, Head of Customer Services",
        [
            "1. Introduction",
            (
                "1.1 The Committee's review of customer access was reported to the Executive on 12 July 2022. The "
                "Executive agreed the responses set out in Appendix 1."
            ),
            (
                "1.2 Each recommendation is shown in its own table with the Executive's response, the lead officer "
                "and the target date."
            ),
            "2. Recommendation",
            "2.1 That the Committee notes the Executive's response and reviews progress in six months.",
        ],
        [],
        council="Kingsbridge Vale District Council",
    )
    tail = ("Contact: Lucy Hargreaves, Head of Customer Services, lucy.hargreaves@kingsbridgevale.example.gov.uk",)
    return Hard(
        paper,
        rows_of(Tracking(cols, recs)),
        render_per_rec,
        ("Appendix 1: Executive Response to the Recommendations", recs),
        tail,
    )


def damaged():
    # Header as left by a bad conversion: blank id label, a label broken mid-word
    # over two lines (twice), and footnote markers glued to two labels.
    cols = [
        ("", "id"),
        ("Recommen\ndation", "rec"),
        ("Responsi-\nble Officer", "resp"),
        ("Timetable[iv]", "time"),
        ("Progress Update*", "progress"),
    ]
    recs = [
        one(
            "1",
            (
                "Every carer known to adult social care is offered a carer's assessment within 28 days of being "
                "identified."
            ),
            (
                "Carers' assessments are now completed by the Fenmarsh Carers Hub under a contract that started in "
                "October 2024. In the quarter to December 2024, 78% of assessments were completed within 28 days, "
                "compared with 52% a year earlier."
            ),
            "Hannah Royle",
            "April 2025",
        ),
        one(
            "2",
            "Carers are given information about breaks and respite at the point of hospital discharge.",
            (
                "A carers' information pack has been produced with the hospital discharge team.\nA carers' support "
                "worker is based at Fenmarsh General Hospital three days a week and has met 164 carers since "
                "September 2024."
            ),
            "Hannah Royle",
            "March 2025",
        ),
        one(
            "3",
            "The Council becomes a Carer Confident employer and supports its own staff who are carers.",
            (
                "The Council achieved Carer Confident Level 2 (Accomplished) in November 2024. Staff who are carers "
                "can now take up to five days' paid carers leave a year."
            ),
            "Jasmine Kaur",
            "Complete",
        ),
        one(
            "4",
            "Young carers are identified in every secondary school, with a named lead in each school.",
            (
                "31 of the 38 secondary schools have a named young carers lead. The Young Carers Service is working "
                "with the remaining seven schools, and a young carers ID card has been launched."
            ),
            "Dominic Frayne",
            "July 2025",
        ),
        one(
            "5",
            "The Committee receives a progress report in twelve months.",
            "This report responds to the recommendation.",
            "Caroline Ashdown",
            "January 2025",
        ),
    ]
    table = Tracking(cols, recs)
    paper = Paper(
        "damaged-headers.pdf",
        "Adult Social Care and Health Overview and Scrutiny Committee",
        "2025-01-21",
        "21 January 2025",
        "Unpaid Carers Task Group – Progress Update",
        "Report of Caroline Ashdown, Director of Adult Social Services",
        [
            "1. Purpose",
            (
                "1.1 To update the Committee on progress against the five recommendations of the Unpaid Carers Task "
                "Group, which were endorsed by Cabinet on 9 July 2024."
            ),
            "2. Progress",
            "2.1 Progress against each recommendation is shown in the table below.",
        ],
        [("Appendix A – Progress against Task Group Recommendations", table)],
        council="Fenmarsh County Council",
    )
    tail = (
        "* Progress as at 31 December 2024.",
        "[iv] Timetables were agreed with the Cabinet Member for Adult Social Care in August 2024.",
    )
    return Hard(paper, rows_of(table), render_ruled, tail=tail, weights=[0.5, 3.0, 1.4, 1.8, 4.3])


def work_programme():
    wp = Grid(
        ["Theme", "Item", "Lead Officer", "Meeting date"],
        [
            ["Economic growth", "Town Centre Regeneration Programme – update", "Karen Lowe", "18 September 2024"],
            ["Economic growth", "Inward Investment Strategy 2024–2029", "Dev Mistry", "18 September 2024"],
            [
                "Skills and employment",
                "Adult Skills Review – progress on recommendations",
                "Joanne Whitlow",
                "15 January 2025",
            ],
            [
                "Skills and employment",
                "Apprenticeship Levy transfers: annual report",
                "Joanne Whitlow",
                "15 January 2025",
            ],
            ["Visitor economy", "Destination Management Plan 2025–2030", "Karen Lowe", "12 March 2025"],
            ["Performance", "Quarter 3 Performance Report", "Simon Atherton", "12 March 2025"],
        ],
        [1.4, 3, 1.3, 1.4],
    )
    fp = Grid(
        ["Decision", "Decision maker", "Date", "Contact officer"],
        [
            ["Disposal of land at Station Approach for employment use", "Executive", "24 July 2024", "Dev Mistry"],
            [
                "Award of contract for the Brackley Heath Business Support Programme",
                "Executive",
                "25 September 2024",
                "Karen Lowe",
            ],
            [
                "Local Skills Improvement Plan: local priorities",
                "Cabinet Member for Economy",
                "October 2024",
                "Joanne Whitlow",
            ],
            ["Town centre car parking charges 2025/26", "Executive", "11 December 2024", "Paul Garside"],
        ],
        [3, 1.6, 1.3, 1.3],
    )
    paper = Paper(
        "work-programme-decoy.docx",
        "Economy and Skills Scrutiny Committee",
        "2024-07-10",
        "Wednesday 10 July 2024",
        "Work Programme 2024/25",
        "Report of Simon Atherton, Scrutiny Officer",
        [
            "Purpose of the Report",
            (
                "1. To agree the Committee's work programme for 2024/25 and to note the items on the Executive's "
                "Forward Plan that fall within the Committee's remit."
            ),
            (
                "2. The work programme includes an update on the recommendations of the Committee's review of adult "
                "skills, which will be considered in January 2025."
            ),
            "Recommendations",
            "3. That the Committee agrees the work programme in Table 1 and notes the Forward Plan items in Table 2.",
        ],
        [("Table 1: Work Programme 2024/25", wp), ("Table 2: Forward Plan (July to December 2024)", fp)],
        council="Brackley Heath Borough Council",
    )
    return Hard(paper, [], render_plain)


def two_appendices():
    cols = [("Recommendation", "rec"), ("Progress", "progress"), ("Responsible", "resp"), ("Timescale", "time")]
    housing = [
        one(
            "1",
            "The use of bed and breakfast accommodation for families is ended except in emergencies.",
            (
                "The number of families in bed and breakfast fell from 34 in January 2023 to 6 at the end of August "
                "2023. No family has stayed longer than the six-week legal limit since April.\nThe Council has "
                "leased 28 self-contained flats at Carver House to use as temporary accommodation instead."
            ),
            "Andrew Kemp",
            "March 2024",
        ),
        one(
            "2",
            "The Council buys homes on the open market for use as temporary accommodation.",
            (
                "Cabinet approved a £6 million purchase programme in February 2023, part funded by the Local "
                "Authority Housing Fund. So far:\n• 14 homes have been purchased\n• 9 further purchases are going "
                "through conveyancing\n• 3 homes are being adapted for wheelchair users\nThe programme is expected "
                "to save £410,000 a year in nightly-paid accommodation costs."
            ),
            "Andrew Kemp",
            "March 2025",
        ),
        one(
            "3",
            "Households in temporary accommodation are given a named caseworker and a personal housing plan.",
            (
                "All households now have a named caseworker. An audit of 50 cases in July 2023 found that 46 had an "
                "up-to-date personal housing plan; the remaining four have since been updated."
            ),
            "Maria Santos",
            "Complete",
        ),
        one(
            "4",
            "Children in temporary accommodation are supported to stay at their existing school.",
            (
                "The housing and education teams now share information within two working days of a family being "
                "placed. Home-to-school transport has been arranged for 23 children placed outside their school's "
                "catchment area.\nHeadteachers have been sent a briefing on the support available."
            ),
            "Colin Reeve",
            "September 2023",
        ),
        one(
            "5",
            "Cabinet lobbies the government to raise Local Housing Allowance rates in line with local rents.",
            (
                "The Leader wrote to the Secretary of State for Work and Pensions in February 2023. The Council also "
                "contributed evidence to the Local Government Association's submission ahead of the Autumn Statement."
            ),
            "Cllr Jean Hollis",
            "Complete",
        ),
    ]
    parks = [
        one(
            "1",
            "A Parks and Green Spaces Strategy is prepared with residents and Friends groups.",
            (
                "Engagement ran from April to June 2023 and received 1,380 responses. A draft strategy will be "
                "presented to Cabinet in November 2023."
            ),
            "Gillian Parr",
            "November 2023",
        ),
        one(
            "2",
            "Play areas rated poor in the 2022 condition survey are refurbished.",
            (
                "Seven of the nine play areas rated poor have been refurbished, at a cost of £540,000. Work at "
                "Hillside Park and Mill Lane will be completed in the autumn."
            ),
            "Stephen Ware",
            "December 2023",
        ),
        one(
            "3",
            "Friends groups are given a single point of contact and an annual small grants fund.",
            (
                "A Community Parks Officer was appointed in May 2023. The first round of the small grants fund "
                "awarded £15,000 to 12 Friends groups for projects including bulb planting, benches and a community "
                "orchard."
            ),
            "Gillian Parr",
            "Complete",
        ),
        one(
            "4",
            "Parks are managed to increase biodiversity, including reduced mowing in suitable areas.",
            (
                "Twenty-two sites are now managed as wildflower meadows, covering 9.6 hectares.\nSigns explaining "
                "the changes have been put up following early complaints from residents about untidiness."
            ),
            "Stephen Ware",
            "Ongoing",
        ),
    ]
    parts = [
        ("Appendix A – Recommendations of the Housing Review", Tracking(cols, housing, "{}. ")),
        ("Appendix B – Recommendations of the Parks Review", Tracking(cols, parks, "{}. ")),
    ]
    rows = [row for i, (heading, t) in enumerate(parts) for row in rows_of(t, i, section=heading)]
    paper = Paper(
        "two-appendices.pdf",
        "Communities Scrutiny Committee",
        "2023-09-26",
        "26 September 2023",
        "Monitoring of Scrutiny Review Recommendations: Housing and Parks",
        "Report of Rebecca Thornley, Scrutiny and Governance Manager",
        [
            (
                "1. This report updates the Committee on two completed reviews: the Housing Review of temporary "
                "accommodation (reported to Cabinet in January 2023) and the Parks Review (reported in March 2023)."
            ),
            (
                "2. Appendix A sets out progress on the Housing Review and Appendix B on the Parks Review. Both "
                "reviews number their recommendations from 1."
            ),
            (
                "3. Members are asked to note the progress made and identify any recommendations that can be signed "
                "off as complete."
            ),
        ],
        parts,
        council="Ashcombe Borough Council",
    )
    return Hard(paper, rows, render_ruled, "page-break", weights=[3.2, 4.6, 1.6, 1.5])


def papers():
    return [
        borderless(),
        merged_actions(),
        rotated(),
        response(),
        per_rec(),
        damaged(),
        work_programme(),
        two_appendices(),
    ]
