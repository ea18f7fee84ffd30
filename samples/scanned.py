"""A scanned paper: a ruled tracking table rendered to an image, saved as an image-only PDF.

The page is first drawn as an ordinary PDF (samplekit's renderer), then rendered at
200 dpi in greyscale with pypdfium2 and wrapped, with no text layer, as a PDF by
Pillow: what a council's scanner produces. Its golden rows are the spec's; golden
rows from a scan are compared with a tolerance for OCR misreadings (the rows say
"ocr": true).
"""

import tempfile
import time
from pathlib import Path

from samplekit import Action, Paper, Rec, Tracking, render_pdf

DPI = 200


def scanned():
    cols = [("Recommendation", "rec"), ("Progress", "progress"), ("Lead Officer", "resp"), ("Timescale", "time")]
    recs = [
        Rec(
            "1",
            "Street lighting columns older than forty years are surveyed.",
            [Action("The survey of 1,240 columns was finished in May 2022.", "Neil Archer", "May 2022")],
        ),
        Rec(
            "2",
            "Faulty street lights are repaired within five working days.",
            [Action("Repairs now average four days across the county.", "Helen Shaw", "Ongoing")],
        ),
        Rec(
            "3",
            "LED lanterns are fitted on all main roads.",
            [Action("Half of the main roads now have LED lanterns fitted.", "Neil Archer", "March 2024")],
        ),
    ]
    return Paper(
        "scanned-lighting-update.pdf",
        "Highways Scrutiny Committee",
        "2022-07-14",
        "14 July 2022",
        "Street Lighting Review – Progress on Recommendations",
        "Report of Helen Shaw, Head of Highways",
        ["1. This report sets out progress on the recommendations of the street lighting review."],
        [("Appendix 1", Tracking(cols, recs, "{}) "))],
    )


def golden(paper):
    data = paper.golden()
    data["rows"] = [{**row, "ocr": True} for row in data["rows"]]
    return data


def write(paper, path):
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as folder:
        clean = Path(folder) / "clean.pdf"
        render_pdf(paper, clean)
        pdf = pdfium.PdfDocument(str(clean))
        pages = [pdf[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
        pdf.close()
    fixed = time.strptime("2022-07-01", "%Y-%m-%d")  # fixed dates: re-running gives identical bytes
    pages[0].save(
        path,
        "PDF",
        resolution=DPI,
        save_all=True,
        append_images=pages[1:],
        creationDate=fixed,
        modDate=fixed,
        producer="rectrack samples",
    )
