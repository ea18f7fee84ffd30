"""Legacy .doc, .rtf and .odt papers: converted with LibreOffice, then read like .docx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from extract import extract_file
from extract.readers import convert, read, sniff

SOFFICE = convert.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: run `make setup`")

FRONT = ["Audit Committee", "3 March 2021", "Internal Audit Recommendations: Progress Report"]
HEADER = ("Recommendation", "Progress", "Lead Officer", "Timescale")
ROWS = [
    (
        "1. Review the contracts register every quarter.",
        "Register reviewed in January.",
        "Head of Finance",
        "April 2021",
    ),
    ("2. Train all budget holders.", "Two sessions held.\nA third is booked for May.", "HR Manager", "June 2021"),
    ("3. Publish the risk register.", "Published on the intranet.", "Chief Executive", "Complete"),
]
EXPECTED = [
    {
        "rec_id": "1",
        "recommendation": "Review the contracts register every quarter.",
        "progress": "Register reviewed in January.",
        "responsible": "Head of Finance",
        "timescale": "April 2021",
    },
    {
        "rec_id": "2",
        "recommendation": "Train all budget holders.",
        "progress": "Two sessions held.\nA third is booked for May.",
        "responsible": "HR Manager",
        "timescale": "June 2021",
    },
    {
        "rec_id": "3",
        "recommendation": "Publish the risk register.",
        "progress": "Published on the intranet.",
        "responsible": "Chief Executive",
        "timescale": "Complete",
    },
]


def _soffice_convert(source: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    out = outdir / f"{source.stem}.{fmt}"
    assert out.is_file(), f"soffice did not write {out.name}"
    return out


@pytest.fixture(scope="module")
def legacy_papers(tmp_path_factory) -> dict[str, Path]:
    """The same paper as .doc, .rtf and .odt, written by LibreOffice from a python-docx paper."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: run `make setup`")
    import docx

    folder = tmp_path_factory.mktemp("legacy")
    document = docx.Document()
    for line in FRONT:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=False):
        cell.text = text
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row, strict=False):
            first, *more = text.split("\n")
            cell.text = first
            for extra in more:
                cell.add_paragraph(extra)
    source = folder / "paper.docx"
    document.save(source)
    profile = folder / "profile"
    # LibreOffice 7.4 drops python-docx tables when saving .doc straight from .docx; via .odt they survive.
    odt = _soffice_convert(source, "odt", folder / "odt", profile)
    return {
        "odt": odt,
        "doc": _soffice_convert(odt, "doc", folder / "doc", profile),
        "rtf": _soffice_convert(odt, "rtf", folder / "rtf", profile),
    }


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_legacy_formats_give_the_same_rows(legacy_papers, fmt):
    path = legacy_papers[fmt]
    result = extract_file(path)
    assert not result.failed, result.issues
    assert not result.issues, result.issues
    assert result.format == fmt
    got = [{k: r.to_dict()[k] for k in EXPECTED[0]} for r in result.rows]
    assert got == EXPECTED
    first = result.rows[0]
    assert (first.committee, first.meeting_date, first.title) == ("Audit Committee", "2021-03-03", FRONT[2])
    assert first.format == fmt
    assert first.source == str(path)


@needs_soffice
def test_conversion_leaves_nothing_behind(legacy_papers, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    doc = read(legacy_papers["rtf"])
    assert doc.format == "rtf"
    assert doc.path == str(legacy_papers["rtf"])
    assert list(tmp_path.iterdir()) == []


@needs_soffice
def test_file_content_wins_over_its_name(legacy_papers, tmp_path):
    misnamed = tmp_path / "paper.doc"
    shutil.copyfile(legacy_papers["rtf"], misnamed)  # councils often publish RTF under a .doc name
    assert sniff(misnamed) == "rtf"
    result = extract_file(misnamed)
    assert not result.failed, result.issues
    assert len(result.rows) == 3
    assert result.format == "rtf"
    assert any("RTF, not DOC" in i.reason for i in result.issues)
    assert sniff(legacy_papers["odt"]) == "odt"
    assert sniff(legacy_papers["doc"]) == "doc"


@needs_soffice
def test_damaged_file_is_an_error(tmp_path):
    bad = tmp_path / "broken.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = extract_file(bad)
    assert result.failed
    assert "could not" in result.error
    assert ".doc" in result.error


def test_missing_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = extract_file(path)
    assert result.failed
    assert result.error == (
        "LibreOffice is needed to read .doc files: install it with "
        "`apt-get install libreoffice-writer-nogui` or run `make setup`"
    )
    rtf = tmp_path / "old.rtf"
    rtf.write_text("{\\rtf1 hello}", encoding="ascii")
    assert extract_file(rtf).error.startswith("LibreOffice is needed to read .rtf files")


def test_timeout_ends_the_converter(tmp_path, monkeypatch):
    """A hung conversion is stopped at the time limit and reported; the process group is gone."""
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30\n", encoding="ascii")
    script.chmod(0o755)
    monkeypatch.setattr(convert, "find_soffice", lambda: str(script))
    path = tmp_path / "slow.rtf"
    path.write_text("{\\rtf1 hello}", encoding="ascii")
    with pytest.raises(Exception, match=r"LibreOffice took over 0.5 s"):
        convert.read_converted(path, "rtf", timeout=0.5)
