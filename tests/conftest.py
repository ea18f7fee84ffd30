"""Shared fixtures: small papers built on the fly, so unit tests need no binary files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

HEADER = ("Review Recommendation", "Progress", "Lead Officer", "Timescale")
ROWS = [
    ("1) Members receive an annual report on fly-tipping.", "Report scheduled for March.", "Jo Bloggs", "March 2024"),
    (
        "2) The council reviews bulky waste charges.",
        "Charges reviewed.\nNew charges from April.",
        "Sam Smith",
        "April 2024",
    ),
    ("", "A consultation closed in May.", "Ann Other", "April 2024"),
]
FRONT = [
    "Environment Scrutiny Committee",
    "12 January 2024",
    "Fly-tipping Review: Progress on Recommendations",
    "Report of Jane Doe, Head of Environment",
]


@pytest.fixture
def paper_txt(tmp_path: Path) -> Path:
    lines = FRONT + ["", "\t".join(HEADER)]
    for rec, progress, lead, when in ROWS:
        cell = "".join(f"<p>{p}</p>" for p in progress.split("\n"))
        lines.append("\t".join([f"<p>{rec}</p>" if rec else "", cell, lead, when]))
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def paper_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in FRONT:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            parts = text.split("\n")
            cell.text = parts[0]
            for extra in parts[1:]:
                cell.add_paragraph(extra)
    path = tmp_path / "paper.docx"
    document.save(path)
    return path


def make_pdf(
    path: Path,
    *,
    encrypt: str | None = None,
    owner_only: bool = False,
    rows=ROWS,
    front=FRONT,
    grid: bool | str = True,
    repeat_header: bool = True,
) -> Path:
    """A table PDF paper built with reportlab: ruled (``grid``) or borderless; optionally encrypted."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    encryption = None
    if encrypt is not None or owner_only:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encryption = StandardEncryption("" if owner_only else encrypt, ownerPassword="owner-secret", canPrint=0)
    doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encryption, invariant=1)
    story = [Paragraph(line, body) for line in front] + [Spacer(1, 12)]
    data = [[Paragraph(h, body) for h in HEADER]]
    for row in rows:
        data.append([[Paragraph(p, body) for p in cell.split("\n")] if cell else "" for cell in row])
    table = Table(data, colWidths=[140, 180, 90, 80], repeatRows=1 if repeat_header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if grid == "rows":  # horizontal rules between rows only, no column lines
        style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
    elif grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    story.append(table)
    doc.build(story)
    return path


@pytest.fixture
def paper_pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "paper.pdf")


@pytest.fixture(scope="session")
def extracted_samples() -> tuple:
    """Every paper in samples/, extracted once per test session, in path order (as ``rectrack extract samples``).

    Shared by every test that needs all the samples: take ``sample_results`` (a private copy) to change them.
    Read by two worker processes (tests/test_batch.py compares them with one), without the cache and without a
    time limit (a loaded machine must not fail a sample).
    """
    from extract.batch import BatchOptions, run_batch
    from extract.pipeline import expand_paths

    files, _ = expand_paths([SAMPLES])
    return tuple(run_batch(sorted(files, key=str), BatchOptions(jobs=2, timeout=0, use_cache=False)))


@pytest.fixture
def sample_results(extracted_samples) -> list:
    """A private copy of the extracted samples, free to change."""
    import copy

    return copy.deepcopy(list(extracted_samples))


def sample_result(extracted_samples, name: str):
    """The extracted sample whose path relative to samples/ is ``name``."""
    for result in extracted_samples:
        if Path(result.path).relative_to(SAMPLES).as_posix() == name:
            return result
    raise KeyError(name)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty result cache, never the user's."""
    monkeypatch.setenv("RECTRACK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
