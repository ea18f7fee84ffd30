"""Hostile and broken files: each is reported on its own line and never stops, hangs or leaks."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from conftest import make_pdf
from extract import extract_file
from extract.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_DOCX = SAMPLES / "seed-organised-crime.docx"
SEED_PDF = SAMPLES / "seed-organised-crime.pdf"


def run(args):
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def error_of(path: Path) -> str:
    result = extract_file(path)
    assert result.failed, f"{path.name} should fail"
    return result.error


# -- 1. broken files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".txt"])
def test_empty_and_tiny_files(tmp_path, suffix):
    (tmp_path / f"empty{suffix}").write_bytes(b"")
    (tmp_path / f"tiny{suffix}").write_bytes(b"\x00\x01\x02")
    assert "empty" in error_of(tmp_path / f"empty{suffix}")
    assert error_of(tmp_path / f"tiny{suffix}")


@pytest.mark.parametrize("source", [SEED_PDF, SEED_DOCX])
def test_random_and_truncated(tmp_path, source):
    rnd = tmp_path / f"random{source.suffix}"
    rnd.write_bytes(os.urandom(4096))
    assert error_of(rnd)
    cut = tmp_path / f"truncated{source.suffix}"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    result = extract_file(cut)
    assert result.failed or result.issues  # reported either way, never silent


def test_damaged_xref_is_repaired_with_a_warning(tmp_path):
    data = SEED_PDF.read_bytes()
    damaged = data[: data.rfind(b"startxref")] + b"startxref\n999999\n%%EOF\n"
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    result = extract_file(path)
    assert len(result.rows) == 6
    assert any(i.level == "warning" and "cross-reference" in i.reason for i in result.issues)


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "word/document.xml" in error_of(path)


# -- 2. encryption -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_restricted_pdfs_are_read_and_locked_ones_reported(tmp_path, algorithm):
    from pypdf import PdfReader, PdfWriter

    for user, name in (("", "restricted.pdf"), ("secret", "locked.pdf")):
        writer = PdfWriter(clone_from=PdfReader(SEED_PDF))
        writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
        with open(tmp_path / name, "wb") as f:
            writer.write(f)
    assert len(extract_file(tmp_path / "restricted.pdf").rows) == 6
    reason = error_of(tmp_path / "locked.pdf")
    assert "encrypted" in reason or "password" in reason
    assert len(extract_file(tmp_path / "locked.pdf", password="secret").rows) == 6


# -- 3. zip bombs and 4. XML attacks ------------------------------------------------------------------------------


def _docx_with(tmp_path: Path, name: str, replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(SEED_DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, replace.get(item.filename, src.read(item.filename)))
        for member, data in (extra or {}).items():
            dst.writestr(member, data)
    return path


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(SEED_DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        with dst.open("word/media/huge.bin", "w", force_zip64=True) as member:
            block = bytes(16 * 2**20)
            for _ in range(20):  # 320 MB of zeros, about 300 KB compressed
                member.write(block)
    assert "zip bomb" in error_of(path)  # refused from the sizes in the zip's directory, before inflating


def test_zip_member_with_parent_path_is_never_written(tmp_path):
    path = _docx_with(tmp_path, "slip.docx", {}, {"../../escaped.txt": b"x", "/abs.txt": b"y"})
    outside = tmp_path.parent / "escaped.txt"
    result = extract_file(path)
    assert len(result.rows) == 6
    assert not outside.exists()
    assert not Path("/abs.txt").exists()


def test_external_entity_never_reaches_output(tmp_path):
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = _docx_with(tmp_path, "xxe.docx", {"word/document.xml": xxe})
    code, out, err = run(["extract", str(path)])
    assert code == 1
    assert "entities" in err
    assert "root:" not in out + err


def test_billion_laughs_refused(tmp_path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
        + b"]><l>&i;</l>"
    )
    path = _docx_with(tmp_path, "lol.docx", {"word/document.xml": lol})
    assert "entities" in error_of(path)


# -- 5. misnamed files ------------------------------------------------------------------------------------------


def test_pdf_named_docx_and_docx_named_pdf_are_read_by_content(tmp_path):
    (tmp_path / "really-pdf.docx").write_bytes(SEED_PDF.read_bytes())
    (tmp_path / "really-docx.pdf").write_bytes(SEED_DOCX.read_bytes())
    for name in ("really-pdf.docx", "really-docx.pdf"):
        result = extract_file(tmp_path / name)
        assert len(result.rows) == 6
        assert any(i.level == "warning" and "content is" in i.reason for i in result.issues)


def test_binary_garbage_html_is_an_error(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(bytes(range(256)) * 20)
    assert "binary" in error_of(path)


# -- 6. text encodings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_export_encodings(paper_txt, tmp_path, encoding):
    text = paper_txt.read_text(encoding="utf-8").replace("Jo Bloggs", "Jo Blöggs – café")
    path = tmp_path / f"paper-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    rows = extract_file(path).rows
    assert rows[0].responsible == "Jo Blöggs – café"


def test_invalid_utf8_is_read_with_a_warning(paper_txt, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(paper_txt.read_bytes() + b"\x81\x8d\x8f\x90\x9d\n")
    result = extract_file(path)
    assert len(result.rows) == 2
    assert any(i.level == "warning" for i in result.issues)


# -- 7. HTML depth and hidden text --------------------------------------------------------------------------------


def test_deep_html_and_hidden_elements(tmp_path):
    table = (
        "<table><tr><th>Recommendation</th><th>Progress</th><th>Owner</th></tr>"
        "<tr><td>1) Do it<script>document.write('SECRET1')</script></td><td>Done<style>p{}</style>"
        "<noscript>SECRET2</noscript><iframe>SECRET3</iframe></td><td>Ann</td></tr></table>"
    )
    html = (
        "<html><body><h1>Audit Committee</h1><p>1 May 2020</p><h2>Progress report</h2>"
        + "<div>" * 5000
        + table
        + "</div>" * 5000
        + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(html)
    [row] = extract_file(path).rows
    assert (row.recommendation, row.progress, row.responsible) == ("Do it", "Done", "Ann")
    assert "SECRET" not in json.dumps(row.to_dict())


# -- 8. size limits ---------------------------------------------------------------------------------------------------


def test_page_with_thousands_of_cells_hits_the_time_limit(tmp_path):
    from reportlab.pdfgen import canvas

    from extract.batch import BatchOptions, run_batch

    path = tmp_path / "cells.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 800))
    for i in range(200):
        for j in range(100):
            c.rect(10 + i * 2.9, 10 + j * 7.8, 2.9, 7.8)
    c.save()
    good = make_pdf(tmp_path / "good.pdf")
    results = list(run_batch([path, good], BatchOptions(jobs=2, timeout=0.5, use_cache=False)))
    assert "timed out" in results[0].error
    assert len(results[1].rows) == 2


# -- 9. names and links ----------------------------------------------------------------------------------------------


def test_awkward_names_and_links(tmp_path, paper_txt):
    folder = tmp_path / "in"
    folder.mkdir()
    names = [
        "with space.txt",
        "non-ascii-é中.txt",
        "-leading-dash.txt",
        "new\nline.txt",
        "$(touch pwned).txt",
        "`touch pwned2`;.txt",
        "x" * 236 + ".txt",
    ]
    for name in names:
        (folder / name).write_bytes(paper_txt.read_bytes())
    sub = folder / "looks-like.pdf"
    sub.mkdir()
    (sub / "inner.txt").write_bytes(paper_txt.read_bytes())
    (sub / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "broken\nname.pdf").write_bytes(b"not a PDF")  # a message that names a file with a newline
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out, err = run(["extract", str(folder)])
    finally:
        os.chdir(cwd)
    rows = [json.loads(line) for line in out.splitlines()]
    sources = {Path(r["source"]).name for r in rows}
    assert sources == set(names) | {"inner.txt"}
    assert len(rows) == 2 * (len(names) + 1)
    assert code == 1
    assert "dangling.txt: file not found" in err
    assert "broken\\nname.pdf" in err  # the newline shown as an escape: one message, one line
    assert all(line.startswith(("error: ", "warning: ", "note: ", "rectrack: ")) for line in err.splitlines()), err
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "pwned2").exists()
