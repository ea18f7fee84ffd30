"""Enrichment: due dates, status and RAG, owners, mentions, overdue — offline and deterministic."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from extract import extract_file
from extract.enrich import enrich_row, enrich_rows
from extract.enrich.dates import parse_timescale
from extract.enrich.people import classify, has_trained_model, mentions, owners
from extract.enrich.status import fill_class, rag_from_text, status_from_progress, status_from_text
from extract.records import Recommendation

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MEETING = "2016-09-23"

# (timescale, meeting date, due date, note)
TIMESCALES = [
    # month and year
    ("March 2017", MEETING, "2017-03-31", ""),
    ("February 2016", MEETING, "2016-02-29", ""),
    ("Feb 2015", MEETING, "2015-02-28", ""),
    ("Mar-17", MEETING, "2017-03-31", ""),
    ("March '17", MEETING, "2017-03-31", ""),
    ("Sept 2015", MEETING, "2015-09-30", ""),
    ("03/2017", MEETING, "2017-03-31", ""),
    ("end of March 2017", MEETING, "2017-03-31", ""),
    ("early March 2017", MEETING, "2017-03-10", ""),
    ("mid March 2017", MEETING, "2017-03-20", ""),
    # UK day-first dates
    ("31/03/2018", MEETING, "2018-03-31", ""),
    ("04/03/2018", MEETING, "2018-03-04", ""),
    ("1/2/2017", MEETING, "2017-02-01", ""),
    ("31.03.18", MEETING, "2018-03-31", ""),
    ("31-3-2018", MEETING, "2018-03-31", ""),
    ("31st March 2018", MEETING, "2018-03-31", ""),
    ("1st of April 2018", MEETING, "2018-04-01", ""),
    ("28 February 2016", MEETING, "2016-02-28", ""),
    ("31 Mar 18", MEETING, "2018-03-31", ""),
    ("March 31, 2018", MEETING, "2018-03-31", ""),
    ("2018-03-31", MEETING, "2018-03-31", ""),
    ("29/02/2016", MEETING, "2016-02-29", ""),
    # financial years and quarters
    ("2017/18", MEETING, "2018-03-31", ""),
    ("2017-18", MEETING, "2018-03-31", ""),
    ("2017/2018", MEETING, "2018-03-31", ""),
    ("FY 2017/18", MEETING, "2018-03-31", ""),
    ("Financial year 2019/20", MEETING, "2020-03-31", ""),
    ("End of 2017/18", MEETING, "2018-03-31", ""),
    ("Q1 2020/21", MEETING, "2020-06-30", ""),
    ("Q2 2015/16", MEETING, "2015-09-30", ""),
    ("Q3 2019/20", MEETING, "2019-12-31", ""),
    ("Q4 2017/18", MEETING, "2018-03-31", ""),
    ("Quarter 4 2021-22", MEETING, "2022-03-31", ""),
    ("Q3 19/20", MEETING, "2019-12-31", ""),
    ("2019/20 Q2", MEETING, "2019-09-30", ""),
    ("third quarter of 2019/20", MEETING, "2019-12-31", ""),
    ("16/17", MEETING, "2017-03-31", ""),
    # years and parts of years
    ("2017", MEETING, "2017-12-31", ""),
    ("End of 2016", MEETING, "2016-12-31", ""),
    ("By end 2016", MEETING, "2016-12-31", ""),
    ("Early 2017", MEETING, "2017-04-30", ""),
    ("Mid 2017", MEETING, "2017-08-31", ""),
    ("Late 2017", MEETING, "2017-12-31", ""),
    ("First half of 2018", MEETING, "2018-06-30", ""),
    ("H2 2018", MEETING, "2018-12-31", ""),
    # seasons
    ("Spring 2018", MEETING, "2018-05-31", ""),
    ("Summer 2019", MEETING, "2019-08-31", ""),
    ("Autumn 2015", MEETING, "2015-11-30", ""),
    ("Winter 2016", MEETING, "2017-02-28", ""),
    ("Winter 2019/20", MEETING, "2020-02-29", ""),
    # ranges → the end
    ("July – October 2015", MEETING, "2015-10-31", ""),
    ("December – March 2018", MEETING, "2018-03-31", ""),
    ("November - February 2016", MEETING, "2016-02-29", ""),
    ("July 2015 to October", MEETING, "2015-10-31", ""),
    ("April 2019 – March 2020", MEETING, "2020-03-31", ""),
    ("2015 – 2017", MEETING, "2017-12-31", ""),
    # several timescales → the latest
    ("Ongoing; July 2023", MEETING, "2023-07-31", ""),
    ("March 2017; June 2016", MEETING, "2017-03-31", ""),
    ("December 2016\nMarch 2017", MEETING, "2017-03-31", ""),
    # a cell wrapped over two lines
    ("March\n2017", MEETING, "2017-03-31", ""),
    ("End of\n2016", MEETING, "2016-12-31", ""),
    # relative to the meeting date
    ("By the end of the year", MEETING, "2016-12-31", "relative to meeting date"),
    ("End of the financial year", MEETING, "2017-03-31", "relative to meeting date"),
    ("Year end", "2017-01-10", "2017-03-31", "relative to meeting date"),
    ("Next financial year", MEETING, "2018-03-31", "relative to meeting date"),
    ("Next year", MEETING, "2017-12-31", "relative to meeting date"),
    ("Within six months", MEETING, "2017-03-23", "relative to meeting date"),
    ("Within 12 weeks", MEETING, "2016-12-16", "relative to meeting date"),
    ("6 months", MEETING, "2017-03-23", "relative to meeting date"),
    ("Next month", MEETING, "2016-10-31", "relative to meeting date"),
    ("Next quarter", MEETING, "2016-12-31", "relative to meeting date"),
    ("This municipal year", MEETING, "2017-05-31", "relative to meeting date"),
    ("Next municipal year", MEETING, "2018-05-31", "relative to meeting date"),
    ("This municipal year", "2017-03-01", "2017-05-31", "relative to meeting date"),
    ("Next municipal year", "2017-03-01", "2018-05-31", "relative to meeting date"),
    ("March", MEETING, "2017-03-31", "year from meeting date"),
    ("September", MEETING, "2016-09-30", "year from meeting date"),
    ("31 March", MEETING, "2017-03-31", "year from meeting date"),
    # no date, with the reason
    ("", MEETING, None, "no timescale"),
    ("-", MEETING, None, "no timescale"),
    ("Ongoing", MEETING, None, "ongoing"),
    ("On-going", MEETING, None, "ongoing"),
    ("Business as usual", MEETING, None, "ongoing"),
    ("Complete", MEETING, None, "complete"),
    ("Completed", MEETING, None, "complete"),
    ("In place", MEETING, None, "complete"),
    ("Immediate", MEETING, None, "immediate"),
    ("Immediately", MEETING, None, "immediate"),
    ("Annually", MEETING, None, "recurring"),
    ("Quarterly", MEETING, None, "recurring"),
    ("TBC", MEETING, None, "to be confirmed"),
    ("N/A", MEETING, None, "not applicable"),
    ("Next meeting", MEETING, None, "unparsed"),
    # ambiguous: never guessed
    ("03/04", MEETING, None, "ambiguous"),
    ("12/13", MEETING, None, "ambiguous"),
    ("Q3 2019", MEETING, None, "ambiguous"),
    ("March 17", MEETING, None, "ambiguous"),
    ("03/13/2018", MEETING, None, "ambiguous"),
    ("2017/19", MEETING, None, "ambiguous"),
    ("Short term", MEETING, None, "ambiguous"),
    ("Q3", MEETING, None, "ambiguous"),
    ("30/02/2016", MEETING, None, "invalid date"),
    # relative, but the paper's meeting date is unknown
    ("By the end of the year", "", None, "no meeting date"),
    ("March", "", None, "no meeting date"),
]


def test_timescale_table_is_large():
    assert len(TIMESCALES) >= 40


@pytest.mark.parametrize(
    ("text", "meeting", "due", "note"), TIMESCALES, ids=[repr(t[0]) + "@" + t[1] for t in TIMESCALES]
)
def test_due_date(text, meeting, due, note):
    got = parse_timescale(text, meeting)
    assert (got.iso, got.note) == (due, note)


def row(**kw) -> Recommendation:
    base = {
        "source": "paper.docx",
        "rec_id": "1",
        "recommendation": "Do it.",
        "progress": "",
        "responsible": "",
        "timescale": "",
        "status": "",
        "committee": "Scrutiny",
        "meeting_date": MEETING,
        "title": "Review",
    }
    base.update(kw)
    return Recommendation(**base)


# ---------------------------------------------------------------- due dates from other cells


def test_date_in_progress_used_only_when_the_timescale_has_none():
    got = enrich_row(row(timescale="", progress="Complete – March 2017. Thanks to all."))
    assert (got.due_date, got.due_date_note) == ("2017-03-31", "from progress")
    got = enrich_row(row(timescale="June 2016", progress="Complete – March 2017."))
    assert (got.due_date, got.due_date_note) == ("2016-06-30", "")


def test_date_in_status_cell():
    got = enrich_row(row(timescale="Ongoing", status="Target date: June 2018"))
    assert (got.due_date, got.due_date_note) == ("2018-06-30", "from status")


def test_progress_dates_without_a_label_are_not_due_dates():
    got = enrich_row(
        row(
            timescale="",
            progress="Opening hours were introduced on 10/05/2015. The route review was completed in May 2015.",
        )
    )
    assert (got.due_date, got.due_date_note) == (None, "no timescale")


# ---------------------------------------------------------------- status and RAG

STATUS_WORDS = [
    ("Complete", "complete", ""),
    ("Completed", "complete", ""),
    ("Achieved", "complete", ""),
    ("Closed", "complete", ""),
    ("Implemented", "complete", ""),
    ("In progress", "in_progress", ""),
    ("In progr ess", "in_progress", ""),
    ("On track", "in_progress", ""),
    ("Progressing", "in_progress", ""),
    ("Ongoing", "ongoing", ""),
    ("On-going", "ongoing", ""),
    ("Delayed", "delayed", ""),
    ("Slipped", "delayed", ""),
    ("Behind schedule", "delayed", ""),
    ("On hold", "delayed", ""),
    ("Not started", "not_started", ""),
    ("Not accepted", "not_accepted", ""),
    ("Rejected", "not_accepted", ""),
    ("Partially complete", "in_progress", ""),
    ("Not yet complete", "in_progress", ""),
    ("To be completed by March", None, ""),
    ("1 Achieved", "complete", ""),
    ("2 On track", "in_progress", ""),
    ("3 Slipped", "delayed", ""),
    ("4 Not achieved", "delayed", ""),
    ("100% complete", "complete", ""),
    ("60% complete", "in_progress", ""),
    ("0%", "not_started", ""),
    ("Green", None, "green"),
    ("Amber", None, "amber"),
    ("Red", None, "red"),
    ("G", None, "green"),
    ("A", None, "amber"),
    ("R", None, "red"),
    ("RAG: Amber", None, "amber"),
    ("Amber/Green", None, "amber"),
    ("Red – delayed", "delayed", "red"),
    ("Green - complete", "complete", "green"),
]


@pytest.mark.parametrize(("text", "norm", "rag"), STATUS_WORDS)
def test_status_column_words(text, norm, rag):
    assert (status_from_text(text), rag_from_text(text)) == (norm, rag)


@pytest.mark.parametrize(
    ("fill", "kind"),
    [
        ("FF0000", "red"),
        ("C00000", "red"),
        ("FFC7CE", "red"),
        ("FFC000", "amber"),
        ("FFFF00", "amber"),
        ("ED7D31", "amber"),
        ("FFEB9C", "amber"),
        ("00B050", "green"),
        ("92D050", "green"),
        ("C6EFCE", "green"),
        ("D9D9D9", "grey"),
        ("BFBFBF", "grey"),
        ("808080", "grey"),
        ("FFFFFF", ""),
        ("F2F2F2", ""),
        ("000000", ""),
        ("DEEAF6", ""),
        ("0070C0", ""),
        ("", ""),
        ("auto", ""),
    ],
)
def test_fill_classes(fill, kind):
    assert fill_class(fill) == kind


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("Work now completed. Last update received by Home Office on 13 July 2016.", "complete"),
        ("The new policy has been implemented across all sites.", "complete"),
        ("Complete – report to Cabinet in March.", "complete"),
        ("This report fulfils the recommendation.", "complete"),
        ("Development of the package is well underway.", "in_progress"),
        ("Work has not yet started on the review.", "not_started"),
        ("The feasibility study has been delayed by the pandemic.", "delayed"),
        ("Work completed to date includes: a survey.", None),
        ("120 drivers have completed the safeguarding training.", None),
        ("Delayed transfers attributable to social care averaged 3 per day.", None),
        # work reported done in the past tense is complete (issue 13), whatever follows
        ("The route review was completed in May 2015; 5 new stops have been added.", "complete"),
        ("It will be completed by March.", None),
    ],
)
def test_progress_cues(text, norm):
    assert status_from_progress(text) == norm


def test_status_order_of_trust():
    # the status column first, its colour word for RAG only
    got = enrich_row(row(status="Completed", status_fill="FF0000", timescale="Ongoing"))
    assert (got.status_norm, got.status_source, got.rag) == ("complete", "status_column", "red")
    # a RAG word alone leaves status to the other sources
    got = enrich_row(row(status="Green", timescale="Ongoing"))
    assert (got.status_norm, got.status_source, got.rag) == ("ongoing", "timescale", "green")
    # shading only
    got = enrich_row(row(status="", status_fill="FFC000", timescale="Complete"))
    assert (got.status_norm, got.status_source, got.rag) == ("complete", "timescale", "amber")
    got = enrich_row(row(status="", status_fill="D9D9D9", timescale="March 2016"))
    assert (got.status_norm, got.status_source, got.rag, got.overdue) == ("complete", "shading", "", False)
    # the progress text
    got = enrich_row(row(timescale="March 2016", progress="Work now completed."))
    assert (got.status_norm, got.status_source) == ("complete", "progress_text")
    # only a due date still to come
    got = enrich_row(row(timescale="March 2017"))
    assert (got.status_norm, got.status_source) == ("in_progress", "due_date")
    # nothing at all
    got = enrich_row(row(timescale="March 2016"))
    assert (got.status_norm, got.status_source, got.rag) == ("unknown", "none", "")


@pytest.mark.parametrize(
    ("status", "timescale", "meeting", "overdue"),
    [
        ("In progress", "March 2016", MEETING, True),
        ("In progress", "September 2016", MEETING, False),  # due at the end of the meeting's month
        ("Complete", "March 2016", MEETING, False),
        ("Not accepted", "March 2016", MEETING, False),
        ("Delayed", "March 2016", MEETING, True),
        ("", "March 2016", MEETING, None),  # unknown status: overdue is not known, never true
        ("In progress", "March 2016", "", None),  # no meeting date to judge by
        ("In progress", "Ongoing", MEETING, False),
    ],
)
def test_overdue(status, timescale, meeting, overdue):
    assert enrich_row(row(status=status, timescale=timescale, meeting_date=meeting)).overdue is overdue


# ---------------------------------------------------------------- owners


def _owner_map(owner_list):
    return {o["name"]: o["type"] for o in owner_list}


def test_seed_paper_owners():
    result = extract_file(SAMPLES / "seed-organised-crime.txt")
    found = {}
    for r in result.rows:
        found.update(_owner_map(r.owners))
    assert found["DCI Ashton"] == "person"
    assert found["Joanne Waller"] == "person"
    assert found["Paul Bradley"] == "person"
    both = next(r for r in result.rows if r.responsible == "DCI Ashton; Paul Bradley")
    assert [o["name"] for o in both.owners] == ["DCI Ashton", "Paul Bradley"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Head of Planning and Assets", [{"name": "Head of Planning and Assets", "type": "post"}]),
        (
            "Paul Waller, Head of Legal and Democratic Services",
            [{"name": "Paul Waller", "type": "person", "post": "Head of Legal and Democratic Services"}],
        ),
        (
            "Corporate Director, Regeneration and Local Services",
            [{"name": "Corporate Director, Regeneration and Local Services", "type": "post"}],
        ),
        (
            "Karen Foster, Strategic Manager, Housing Solutions",
            [{"name": "Karen Foster", "type": "person", "post": "Strategic Manager, Housing Solutions"}],
        ),
        (
            "Gordon Bell, Chief Internal Auditor and Corporate Fraud Manager",
            [{"name": "Gordon Bell", "type": "person", "post": "Chief Internal Auditor and Corporate Fraud Manager"}],
        ),
        (
            "Chris Charlton / Julie Gibson",
            [{"name": "Chris Charlton", "type": "person"}, {"name": "Julie Gibson", "type": "person"}],
        ),
        (
            "Paul Bradley and DCI Ashton",
            [{"name": "Paul Bradley", "type": "person"}, {"name": "DCI Ashton", "type": "person"}],
        ),
        (
            "Imran Qureshi & Helen Marsh",
            [{"name": "Imran Qureshi", "type": "person"}, {"name": "Helen Marsh", "type": "person"}],
        ),
        (
            "Licensing Team Leader / Licensing Team",
            [{"name": "Licensing Team Leader", "type": "post"}, {"name": "Licensing Team", "type": "team"}],
        ),
        (
            "Dave Ashton, Durham Constabulary",
            [{"name": "Dave Ashton", "type": "person", "organisation": "Durham Constabulary"}],
        ),
        ("Head of Legal and\nDemocratic Services", [{"name": "Head of Legal and Democratic Services", "type": "post"}]),
        (
            "Durham Constabulary, Environment Agency",
            [
                {"name": "Durham Constabulary", "type": "organisation"},
                {"name": "Environment Agency", "type": "organisation"},
            ],
        ),
        ("", []),
    ],
)
def test_owner_splitting(text, expected):
    assert list(owners(text)) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("DCI Ashton", "person"),
        ("Det Supt Jopling", "person"),
        ("Ch Insp Hughes", "person"),
        ("Sgt Kelly", "person"),
        ("Cllr Peter Oakes", "person"),
        ("Councillor Joy Allen", "person"),
        ("Dr Kwame Mensah", "person"),
        ("Mrs Smith", "person"),
        ("Siobhan Kerrigan", "person"),
        ("Lorraine O'Donnell", "person"),
        ("Sarah Smith-Jones", "person"),
        ("Yusuf Patel", "person"),
        ("Head of Planning and Assets", "post"),
        ("Director of Public Health", "post"),
        ("Chief Executive", "post"),
        ("Corporate Director", "post"),
        ("Libraries Manager", "post"),
        ("Community Safety Manager", "post"),
        ("Monitoring Officer", "post"),
        ("Licensing Team Leader", "post"),
        ("Safe Durham Partnership", "organisation"),
        ("Durham County Council", "organisation"),
        ("Durham Constabulary", "organisation"),
        ("Environment Agency", "organisation"),
        ("NHS", "organisation"),
        ("Health and Wellbeing Board", "organisation"),
        ("County Durham and Darlington NHS Foundation Trust", "organisation"),
        ("Police", "organisation"),
        ("Fire and Rescue Service", "organisation"),
        ("Waste Management Team", "team"),
        ("Library Service", "team"),
        ("Democratic Services", "team"),
        ("Housing Directorate", "team"),
        ("Public Health", "team"),
        ("Development Management", "team"),
        ("Adult Care Commissioning", "team"),
        ("Highways Asset Management", "team"),
        ("Finance", "team"),
        ("HEAD OF PLANNING AND ASSETS", "post"),
        ("JOHN SMITH", "person"),
        ("Cabinet", "organisation"),
    ],
)
def test_owner_types(text, kind):
    assert classify(text) == kind


# ---------------------------------------------------------------- mentions

SEED_PROGRESS = (
    "On behalf of Cabinet, Councillor Joy Allen, Portfolio Holder for Safer Communities has stated: "
    "\u201cI welcome the review.\u201d AAP Co-ordinators were briefed by DCI Ashton in November 2015. "
    "Operation Sledgehammer information is provided to partners. Officers within Durham County Council work "
    "with the Environment Agency, the Police and the Council. Front line workers in Durham Constabulary. "
    "Fiona Liddle attended the January meeting. Delayed Transfers of Care fell. The Local Enforcement Plan was "
    "adopted. Secretary of State approval is awaited. Further work with Cabinet Office Legal advisers. "
    "The Enhanced Partnership Plan was made."
)


def test_mentions_find_people_and_organisations():
    got = [(m["text"], m["type"]) for m in mentions(SEED_PROGRESS)]
    for expected in [
        ("Councillor Joy Allen", "person"),
        ("DCI Ashton", "person"),
        ("Fiona Liddle", "person"),
        ("Durham County Council", "organisation"),
        ("Environment Agency", "organisation"),
        ("Durham Constabulary", "organisation"),
        ("Cabinet Office", "organisation"),
    ]:
        assert expected in got


@pytest.mark.skipif(has_trained_model(), reason="exact rule output: a trained model may add entities")
def test_mentions_are_precise():
    got = [(m["text"], m["type"]) for m in mentions(SEED_PROGRESS)]
    assert got == [
        ("Councillor Joy Allen", "person"),
        ("DCI Ashton", "person"),
        ("Durham County Council", "organisation"),
        ("Environment Agency", "organisation"),
        ("Durham Constabulary", "organisation"),
        ("Fiona Liddle", "person"),
        ("Cabinet Office", "organisation"),
    ]


def test_owner_names_are_found_in_progress():
    rows = [
        row(rec_id="1", responsible="Kwame Mensah", progress=""),
        row(rec_id="2", responsible="", progress="Kwame Mensah met the Environment Agency."),
    ]
    got = enrich_rows(rows)
    assert {"text": "Kwame Mensah", "type": "person"} in got[1].mentions


# ---------------------------------------------------------------- the stage


def test_enrich_rows_is_pure_and_deterministic():
    rows = [
        row(
            rec_id=str(i), timescale=t, status=s, responsible="DCI Ashton; Paul Bradley", progress="Work now completed."
        )
        for i, (t, s) in enumerate([("March 2017", ""), ("Ongoing", "Amber")])
    ]
    before = [dataclasses.asdict(r) for r in rows]
    first, second = enrich_rows(rows), enrich_rows(list(rows))
    assert [dataclasses.asdict(r) for r in rows] == before
    assert first == second
    assert first[0].due_date == "2017-03-31"
    assert first[1].rag == "amber"
    for r, original in zip(first, rows, strict=False):
        for name in ("timescale", "status", "progress", "responsible"):
            assert getattr(r, name) == getattr(original, name)
    assert enrich_rows([]) == []


def test_every_field_is_in_its_vocabulary():
    rows = [
        row(rec_id=str(i), timescale=t, status=s, status_fill=f, progress=p, responsible=o)
        for i, (t, s, f, p, o) in enumerate(
            [
                ("March 2017", "Amber", "", "Work now completed.", "DCI Ashton"),
                ("03/04", "", "D9D9D9", "", "Public Health"),
                ("garbage ###", "?!", "nothex", "\u201c\u201d", ";;//,,"),
                ("", "", "", "", ""),
            ]
        )
    ]
    for r in enrich_rows(rows):
        assert r.status_norm in {
            "complete",
            "in_progress",
            "ongoing",
            "delayed",
            "not_started",
            "not_accepted",
            "unknown",
        }
        assert r.status_source in {"status_column", "shading", "timescale", "progress_text", "due_date", "none"}
        assert r.rag in {"red", "amber", "green", ""}
        assert r.overdue is None or isinstance(r.overdue, bool)
        assert r.overdue is not True or r.status_norm in {"in_progress", "delayed", "not_started"}
        assert r.due_date is None or len(r.due_date) == 10
        assert r.due_date is not None or r.due_date_note
        assert all(o["type"] in {"person", "post", "team", "organisation"} and o["name"] for o in r.owners)
        assert all(m["type"] in {"person", "organisation"} and m["text"] for m in r.mentions)


def test_odd_text_never_raises():
    import random

    rng = random.Random(5)
    alphabet = "aAbQ3 019/.-–;,&()%'\n" + "MarchJuneSpringRedDCIHeadofTeam"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        enrich_row(row(timescale=text, status=text, progress=text, responsible=text))


def test_importing_extract_does_not_import_spacy():
    code = "import sys, extract, extract.enrich; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Ruth Ellison was appointed at Annual Council in May 2024.",
        "Part funded by the Local Authority Housing Fund.",
        "The Enhanced Partnership Plan and Scheme were made on 31 March 2023.",
        "Operation Sledgehammer information is provided to partners.",
        "Partnership with the adult learning service.",
        "The Police, the Council and the Board agreed.",
        "The Local Enforcement Plan was adopted. The Summer Reading Challenge ran in 2015.",
        "Front line workers in the North East. Elected Members have received training.",
    ],
)
def test_mentions_leave_out_things_that_are_not_bodies(text):
    assert not [m for m in mentions(text) if m["type"] == "organisation"]
    assert all(m["text"].startswith(("Councillor", "Cllr")) for m in mentions(text) if m["type"] == "person")
