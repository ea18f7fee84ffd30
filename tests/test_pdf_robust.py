"""Real-world PDF failures, on small files built here: memory, damaged page trees, encryption pdfminer refuses
but PDFium opens, the libraries' log lines, and messages that are cut or only about rows."""

from __future__ import annotations

import io
import logging
import warnings
import zlib
from pathlib import Path

import pytest

from conftest import make_pdf
from extract import extract_file
from extract.batch import BatchOptions, run_batch
from extract.errors import OutOfMemory, short_reason

PAGE = b"BT /F1 12 Tf 72 720 Td (Hello world) Tj ET"


def raw_pdf(objects: dict[int, bytes], trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (number -> body) with a correct cross-reference table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def one_page(content: bytes = PAGE, page: bytes = b"/MediaBox [0 0 612 792]", font: bytes = b"") -> dict[int, bytes]:
    """The objects of a one-page PDF that says "Hello world"."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R %s /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>" % page,
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        5: font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- A. running out of memory is the run's limit, never a damaged file, and never cached --------------------------


def _array_memory_error(*args, **kwargs):
    import numpy as np
    from numpy._core._exceptions import _ArrayMemoryError

    raise _ArrayMemoryError((10**6, 10**6), np.dtype("float64"))  # "Unable to allocate 7.28 TiB for an array …"


def _memory_error(*args, **kwargs):
    raise MemoryError()


@pytest.mark.parametrize(
    ("target", "raiser"),
    [
        ("extract.readers.pdf_reader.reading_page", _array_memory_error),  # inside rectrack's own page reading
        ("pdfminer.pdfpage.PDFPage.create_pages", _memory_error),  # inside pdfminer: pdfplumber wraps it
    ],
)
def test_memory_errors_in_the_reader_are_the_memory_limit(tmp_path, monkeypatch, target, raiser):
    monkeypatch.setattr(target, raiser)
    result = extract_file(make_pdf(tmp_path / "paper.pdf"))
    assert result.error == str(OutOfMemory())
    assert "damaged" not in result.error
    assert "--max-memory" in result.error


def _hog_or_slow(pdf, path: Path, plan, pages):
    import time

    if path.name.startswith("hog"):
        _array_memory_error()
    time.sleep(30)


def test_memory_failures_and_timeouts_are_not_cached(tmp_path, monkeypatch):
    hog, slow = make_pdf(tmp_path / "hog.pdf"), make_pdf(tmp_path / "slow.pdf")
    monkeypatch.setattr("extract.readers.pdf_reader._read_open_pdf", _hog_or_slow)  # forked workers see it
    cache = tmp_path / "cache"
    options = BatchOptions(jobs=2, timeout=1, cache_dir=str(cache))
    for _ in range(2):
        results = list(run_batch([hog, slow], options))
        assert [r.cached for r in results] == [False, False]
    assert results[0].error == str(OutOfMemory())
    assert "timed out" in results[1].error
    assert not list(cache.rglob("*.json"))


# -- B. a damaged page tree: one line, and the file closed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("objects", "said"),
    [
        ({3: b"<< /Type /Page /Parent 2 0 R /MediaBox 9 0 R /Contents 4 0 R >>"}, "'NoneType' object is not iterable"),
        ({3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font >> >>"}, "dictionary"),
        ({2: b"<< /Type /Pages /Kids [null] /Count 1 >>"}, "NoneType"),
        ({3: b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"}, "NoneType"),  # no MediaBox: pdfminer logs it
    ],
)
def test_damaged_page_tree_is_one_line_and_the_file_is_closed(tmp_path, monkeypatch, capfd, objects, said):
    import pdfplumber.pdf

    opened: list = []

    def spy(*args, **kwargs):
        opened.append(open(*args, **kwargs))  # noqa: SIM115 - the reader must close it
        return opened[-1]

    monkeypatch.setattr(pdfplumber.pdf, "open", spy, raising=False)
    path = write(tmp_path / "damaged.pdf", raw_pdf({**one_page(), **objects}))
    error = extract_file(path).error
    assert error.startswith("damaged PDF (")
    assert said in error
    assert "\n" not in error
    assert "unexpected" not in error
    assert opened
    assert all(f.closed for f in opened)
    assert capfd.readouterr().err == ""  # pdfminer's log lines stay with the file


# -- C. encryption pdfminer refuses but PDFium opens without a password ------------------------------------------------


def _incremental(data: bytes, objects: dict[int, bytes], trailer: bytes) -> bytes:
    """``data`` with an incremental update that adds ``objects`` and ``trailer`` entries."""
    from pypdf import PdfReader

    old = PdfReader(io.BytesIO(data)).trailer
    start = data.rfind(b"startxref")
    previous = int(data[start + 9 :].split()[0])
    out = bytearray(data)
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n"
    for number, at in offsets.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, at)
    size = max([int(old["/Size"]), *(n + 1 for n in objects)])
    root = old.raw_get("/Root").idnum
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d %s>>\n" % (size, root, previous, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _attachments_only_encryption(size: int) -> tuple[dict[int, bytes], bytes]:
    """An encryption dictionary (user password "secret") that encrypts only embedded files: streams and strings
    use the Identity filter. pdfminer asks for the password; PDFium opens the file."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    entry = reader.trailer["/Encrypt"].get_object()
    o, u = (entry[k].original_bytes.hex().encode() for k in ("/O", "/U"))
    doc_id = reader.trailer["/ID"][0].original_bytes.hex().encode()
    body = (
        b"<< /Filter /Standard /V 4 /R 4 /Length 128 /P -4 /O <%s> /U <%s> /StmF /Identity /StrF /Identity "
        b"/EFF /StdCF /CF << /StdCF << /CFM /AESV2 /AuthEvent /EFOpen /Length 16 >> >> >>" % (o, u)
    )
    return {size: body}, b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (size, doc_id, doc_id)


def test_pdfs_pdfminer_refuses_are_read_when_they_open_without_a_password(tmp_path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException
    from pypdf import PdfReader

    paper = make_pdf(tmp_path / "paper.pdf").read_bytes()
    broken = write(tmp_path / "broken-entry.pdf", _incremental(paper, {}, b"/Encrypt 9999 0 R "))
    size = int(PdfReader(io.BytesIO(paper)).trailer["/Size"])
    attachments = write(tmp_path / "attachments.pdf", _incremental(paper, *_attachments_only_encryption(size)))
    for path, refusal in ((broken, PDFEncryptionError), (attachments, PDFPasswordIncorrect)):
        with pytest.raises(PdfminerException) as refused:
            pdfplumber.open(path).close()
        assert type(refused.value.args[0]) is refusal  # pdfminer refuses the file
        result = extract_file(path)
        assert not result.failed, result.error
        assert len(result.rows) == 2
        assert result.rows[0].responsible == "Jo Bloggs"


def test_a_pdf_that_needs_its_password_is_still_reported(tmp_path):
    locked = make_pdf(tmp_path / "locked.pdf", encrypt="secret")
    assert "needs a password" in extract_file(locked).error
    assert "password given is wrong" in extract_file(locked, password="guess").error
    assert len(extract_file(locked, password="secret").rows) == 2


def test_an_encryption_pdfium_cannot_open_either_is_reported(tmp_path):
    objects = {**one_page(), 6: b"<< /Filter /Unknown.Handler >>"}
    path = write(tmp_path / "drm.pdf", raw_pdf(objects, b"/Encrypt 6 0 R "))
    assert extract_file(path).error.startswith("PDF is encrypted in a way rectrack cannot open (")


# -- D. the libraries' log lines and warnings --------------------------------------------------------------------------


def _lost_checksum(content: bytes) -> bytes:
    """A Flate stream whose checksum is damaged: pdfminer reads it and logs "Data-loss …"."""
    packed = zlib.compress(content)
    packed = packed[:-2] + bytes([packed[-2] ^ 1, packed[-1] ^ 1])
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


def test_harmless_library_lines_are_dropped(tmp_path, capfd):
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /Odd /FontDescriptor << /FontBBox null /Flags 32 >> >>"
    objects = one_page(content=PAGE + b" /Fm1 Do", font=font)  # a font without its box, a form that draws itself
    objects[3] = objects[3].replace(b"/Font <<", b"/XObject << /Fm1 6 0 R >> /Font <<")
    loop = b"/Fm1 Do"
    objects[6] = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm1 6 0 R >> >> "
        b"/Length %d >>\nstream\n%s\nendstream" % (len(loop), loop)
    )
    result = extract_file(write(tmp_path / "odd.pdf", raw_pdf(objects)))
    assert not result.failed
    assert [i for i in result.issues if i.level == "warning"] == []
    assert capfd.readouterr().err == ""


def test_other_library_lines_are_one_warning_of_the_file(tmp_path, capfd):
    objects = {**one_page(), 2: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>", 4: _lost_checksum(PAGE)}
    objects[6] = objects[3].replace(b"4 0 R", b"7 0 R")
    objects[7] = _lost_checksum(PAGE)
    path = write(tmp_path / "lossy.pdf", raw_pdf(objects))
    warned = [i.reason for i in extract_file(path).issues if i.level == "warning"]
    assert warned == [
        "faults in the PDF worked around while reading: Data-loss while decompressing corrupted data (and 1 more)"
    ]
    assert capfd.readouterr().err == ""


def test_library_logging_is_left_as_it_was(tmp_path):
    logger = logging.getLogger("pdfminer")
    before = (logger.propagate, logger.level, list(logger.handlers))
    extract_file(write(tmp_path / "lossy.pdf", raw_pdf({**one_page(), 4: _lost_checksum(PAGE)})))
    assert (logger.propagate, logger.level, list(logger.handlers)) == before


def test_xhtml_page_gives_no_parser_warning(tmp_path):
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Audit</title></head><body>'
        "<table><tr><th>Recommendation</th><th>Progress</th><th>Owner</th></tr>"
        "<tr><td>1) Do it</td><td>Done</td><td>Ann</td></tr></table></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = extract_file(path)
    assert [w for w in caught if "XML" in w.category.__name__] == []
    assert len(result.rows) == 1


def test_reasons_are_cut_between_words():
    text = "Invalid dictionary construct: " + " ".join(f"/Key{i} <PDFObjRef:{i}>" for i in range(40))
    cut = short_reason(text + "\nsecond line")
    assert len(cut) <= 160
    assert cut.endswith("…")
    assert text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "
    assert short_reason("x" * 300) == "x" * 159 + "…"  # one long word is cut where it must be
    assert short_reason("short\nmore") == "short"


def test_no_row_checks_on_a_file_without_rows(tmp_path):
    data = raw_pdf(one_page())
    damaged = write(tmp_path / "no-table.pdf", data[: data.rfind(b"startxref")] + b"startxref\n999999\n%%EOF\n")
    [result] = run_batch([damaged], BatchOptions(jobs=1, use_cache=False))
    assert not result.rows
    assert not result.failed
    assert not any("cross-reference" in i.reason for i in result.issues)


def test_row_checks_are_dropped_only_without_rows():
    from extract.batch import _drop_row_checks
    from extract.records import FileResult, Issue, Recommendation

    ocr = "read by OCR (no text layer): page 1; mean word confidence 0% over 0 words; check the rows"
    xref = "damaged cross-reference table: the PDF was repaired while reading; check its rows"
    issues = [Issue("warning", "a.pdf", ocr), Issue("warning", "a.pdf", xref), Issue("warning", "a.pdf", "other")]
    empty = FileResult(path="a.pdf", issues=list(issues))
    _drop_row_checks(empty)
    assert [i.reason for i in empty.issues] == ["other"]
    full = FileResult(path="a.pdf", rows=[Recommendation("a.pdf", *[""] * 9)], issues=list(issues))
    _drop_row_checks(full)
    assert len(full.issues) == 3
