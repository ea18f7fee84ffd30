"""Real-world Word and OpenDocument packages: odd main parts, templates, nameless styles, doubled core
properties, ODF zips in any entry order, and password-protected files (recognised before LibreOffice starts)."""

from __future__ import annotations

import re
import struct
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from extract import EncryptedDocument, extract_file
from extract.readers import convert, read, sniff

SOFFICE = convert.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: run `make setup`")

Edit = Callable[[bytes], bytes]


def rezip(source: Path, target: Path, *, rename=None, edit=None, extra=None, order=None) -> Path:
    """A copy of the zip ``source``: members renamed, edited (name -> function of the bytes), added, reordered."""
    rename, edit, extra = rename or {}, edit or {}, extra or {}
    with zipfile.ZipFile(source) as src:
        members = {rename.get(n, n): edit.get(n, lambda b: b)(src.read(n)) for n in src.namelist()}
    members.update(extra)
    names = sorted(members, key=lambda n: order.index(n) if n in order else len(order)) if order else list(members)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            dst.writestr(name, members[name])
    return target


def sub(old: str, new: str) -> Edit:
    def edit(data: bytes) -> bytes:
        assert old.encode() in data, old
        return data.replace(old.encode(), new.encode())

    return edit


def rows_of(path: Path) -> list[dict]:
    result = extract_file(path)
    assert not result.failed, result.error
    return [{k: v for k, v in r.to_dict().items() if k not in ("source", "format")} for r in result.rows]


# -- Word packages that python-docx alone refuses or misreads ------------------------------------------------------


def test_main_part_found_through_the_office_document_relationship(paper_docx, tmp_path):
    """Word Online names the main part /word/document22.xml; _rels/.rels points at it."""
    path = rezip(
        paper_docx,
        tmp_path / "online.docx",
        rename={
            "word/document.xml": "word/document22.xml",
            "word/_rels/document.xml.rels": "word/_rels/document22.xml.rels",
        },
        edit={
            "_rels/.rels": sub('Target="word/document.xml"', 'Target="/word/document22.xml"'),
            "[Content_Types].xml": sub('PartName="/word/document.xml"', 'PartName="/word/document22.xml"'),
        },
    )
    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" not in z.namelist()
    assert rows_of(path) == rows_of(paper_docx)
    assert len(rows_of(path)) == 2


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
    ],
)
def test_templates_and_macro_enabled_files_are_read_as_documents(paper_docx, tmp_path, content_type):
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    path = rezip(paper_docx, tmp_path / "template.docx", edit={"[Content_Types].xml": sub(main, content_type)})
    result = extract_file(path)
    assert not result.failed, result.error
    assert not result.issues, result.issues
    assert rows_of(path) == rows_of(paper_docx)


def test_spreadsheet_named_docx_says_what_it_is(paper_docx, tmp_path):
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    path = rezip(paper_docx, tmp_path / "sheet.docx", edit={"[Content_Types].xml": sub(main, sheet)})
    error = extract_file(path).error
    assert error.startswith("not a Word .docx file (its main part is"), error
    assert "spreadsheetml" in error
    assert "\n" not in error


def test_paragraph_style_without_a_name(paper_docx, tmp_path):
    path = rezip(
        paper_docx, tmp_path / "nameless.docx", edit={"word/styles.xml": lambda b: re.sub(rb"<w:name [^>]*/>", b"", b)}
    )
    with zipfile.ZipFile(path) as z:
        assert b"<w:name " not in z.read("word/styles.xml")
    doc = read(path)
    assert doc.paragraphs[0].text == "Environment Scrutiny Committee"
    assert rows_of(path) == rows_of(paper_docx)


def test_two_core_properties_parts(paper_docx, tmp_path):
    core_type = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    with zipfile.ZipFile(paper_docx) as z:
        core = z.read("docProps/core.xml")
    second_rel = f'<Relationship Id="rIdCore2" Type="{core_type}" Target="docProps/core2.xml"/></Relationships>'
    second_type = (
        '<Override PartName="/docProps/core2.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    )
    path = rezip(
        paper_docx,
        tmp_path / "two-cores.docx",
        edit={
            "docProps/core.xml": lambda b: re.sub(rb"<dc:title>[^<]*</dc:title>|<dc:title/>", b"", b).replace(
                b"</cp:coreProperties>", b"<dc:title>Fly-tipping Review</dc:title></cp:coreProperties>"
            ),
            "_rels/.rels": sub("</Relationships>", second_rel),
            "[Content_Types].xml": sub("</Types>", second_type),
        },
        extra={"docProps/core2.xml": core},
    )
    import docx

    with pytest.raises(ValueError, match="multiple relationships"):
        _ = docx.Document(str(path)).core_properties  # what python-docx alone does
    doc = read(path)
    assert doc.title_hint == "Fly-tipping Review"  # the first core-properties part
    assert rows_of(path) == rows_of(paper_docx)


def test_zip_without_a_word_part_still_says_so(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("readme.txt", "hello")
    error = extract_file(path).error
    assert "not a Word .docx file" in error
    assert "word/document.xml" in error


# -- ODF or OOXML: by the zip's entries, not their order -----------------------------------------------------------

_ODF_MIME = "application/vnd.oasis.opendocument.text"
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{_ODF_MIME}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "{extra}</manifest:manifest>"
)
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def _odt_content() -> str:
    header = ("Recommendation", "Progress", "Lead Officer")
    rows = [
        ("1. Review the contracts register.", "Register reviewed.", "Head of Finance"),
        ("2. Train all budget holders.", "Two courses held.", "HR Manager"),
    ]

    def row(cells):
        return (
            "<table:table-row>"
            + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cells)
            + "</table:table-row>"
        )

    front = "".join(f"<text:p>{t}</text:p>" for t in ("Audit Committee", "3 March 2021", "Audit Progress Report"))
    table = (
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="3"/>'
        + row(header)
        + "".join(row(r) for r in rows)
        + "</table:table>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
        f"<office:body><office:text>{front}{table}</office:text></office:body></office:document-content>"
    )


def make_odt(path: Path, *, entries: tuple[str, ...], manifest_extra: str = "") -> Path:
    """A small .odt made by hand, its zip entries in the order given (``mimetype`` may be left out)."""
    data = {
        "mimetype": _ODF_MIME,
        "content.xml": _odt_content(),
        "META-INF/manifest.xml": _MANIFEST.format(extra=manifest_extra),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in entries:
            z.writestr(name, data[name])
    return path


@pytest.mark.parametrize(
    "entries",
    [
        ("content.xml", "META-INF/manifest.xml", "mimetype"),
        ("content.xml", "META-INF/manifest.xml"),
        ("META-INF/manifest.xml", "mimetype", "content.xml"),
    ],
)
def test_odt_sniffed_by_its_entries_not_their_order(tmp_path, entries):
    path = make_odt(tmp_path / "paper.odt", entries=entries)
    assert sniff(path) == "odt"
    named_docx = path.rename(tmp_path / "paper.docx")
    assert sniff(named_docx) == "odt"


def test_docx_sniffed_as_docx_whatever_comes_first(paper_docx, tmp_path):
    assert sniff(paper_docx) == "docx"
    path = rezip(paper_docx, tmp_path / "reordered.docx", order=["word/document.xml", "docProps/core.xml"])
    with zipfile.ZipFile(path) as z:
        assert z.namelist()[0] == "word/document.xml"
    assert sniff(path) == "docx"


@needs_soffice
def test_odt_with_content_first_is_read_as_odt(tmp_path):
    path = make_odt(tmp_path / "paper.odt", entries=("content.xml", "META-INF/manifest.xml", "mimetype"))
    result = extract_file(path)
    assert not result.failed, result.error
    assert result.format == "odt"
    assert [(r.rec_id, r.recommendation, r.responsible) for r in result.rows] == [
        ("1", "Review the contracts register.", "Head of Finance"),
        ("2", "Train all budget holders.", "HR Manager"),
    ]


# -- password-protected files ---------------------------------------------------------------------------------------

_FREE, _END, _FAT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def make_ole(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding ``streams`` at its root.

    Sector 0 is the FAT, sector 1 the directory, then each stream padded to whole sectors; every stream is
    given at least 4096 bytes so it lives in ordinary sectors (no mini stream is needed).
    """
    assert len(streams) <= 3
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the directory's sibling order
    fat = [_FAT, _END]
    starts, blobs = [], []
    for name in names:
        blob = streams[name].ljust(4096, b"\0")
        blob += b"\0" * (-len(blob) % 512)
        first, count = len(fat), len(blob) // 512
        fat += list(range(first + 1, first + count)) + [_END]
        starts.append(first)
        blobs.append(blob)
    assert len(fat) <= 128
    fat += [_FREE] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, _NONE, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, 1, _NONE, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _NONE
        entries.append(entry(name, 2, _NONE, right, starts[i], len(streams[name].ljust(4096, b"\0"))))
    entries += [entry("", 0, _NONE, _NONE, 0, 0)] * (4 - len(entries))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", 0, *([_FREE] * 108))
    )
    path.write_bytes(header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(blobs))
    return path


def word_fib(*, encrypted: bool) -> bytes:
    """The start of a Word 97-2003 FIB: wIdent 0xA5EC, nFib, unused, lid, pnNext, then the flags word at offset
    10, whose bit 8 is fEncrypted."""
    return struct.pack("<6H", 0xA5EC, 0x00C1, 0, 0x0409, 0, 0x0100 if encrypted else 0)


@pytest.fixture
def no_libreoffice(monkeypatch):
    """LibreOffice must never be started: a started converter fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("LibreOffice was started")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(convert, "find_soffice", lambda: "/usr/bin/soffice")


ENCRYPTED_OOXML = {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x10" + bytes(64)}


@pytest.mark.parametrize("name", ["locked.docx", "locked.doc"])
def test_encrypted_docx_recognised_before_libreoffice(tmp_path, no_libreoffice, name):
    path = make_ole(tmp_path / name, ENCRYPTED_OOXML)
    with pytest.raises(EncryptedDocument) as info:
        read(path)
    message = str(info.value)
    assert message == (
        "password-protected Word (.docx) file "
        "(rectrack cannot read encrypted Office documents; save an unprotected copy)"
    )
    result = extract_file(path)
    assert result.failed
    assert result.error == message


def test_encrypted_doc_recognised_from_its_fib(tmp_path, no_libreoffice):
    path = make_ole(tmp_path / "locked.doc", {"WordDocument": word_fib(encrypted=True), "1Table": b"\0" * 16})
    with pytest.raises(EncryptedDocument, match=r"^password-protected Word \(\.doc\) file \(.*unprotected copy\)$"):
        read(path)


def test_unencrypted_doc_goes_on_to_libreoffice(tmp_path, monkeypatch):
    path = make_ole(tmp_path / "plain.doc", {"WordDocument": word_fib(encrypted=False), "1Table": b"\0" * 16})
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    error = extract_file(path).error
    assert error.startswith("LibreOffice is needed to read .doc files"), error


def test_encrypted_odt_recognised_from_its_manifest(tmp_path, no_libreoffice):
    encryption = (
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml" manifest:size="900">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K"'
        ' manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"'
        ' manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>'
    )
    path = make_odt(
        tmp_path / "locked.odt", entries=("mimetype", "META-INF/manifest.xml", "content.xml"), manifest_extra=encryption
    )
    with pytest.raises(EncryptedDocument, match=r"^password-protected OpenDocument file \("):
        read(path)
    plain = make_odt(tmp_path / "plain.odt", entries=("mimetype", "META-INF/manifest.xml", "content.xml"))
    with pytest.raises(AssertionError, match="LibreOffice was started"):
        read(plain)  # not encrypted: on to the converter


def test_encrypted_docx_message_is_one_line_in_the_cli(tmp_path):
    import io

    from extract.cli import main

    path = make_ole(tmp_path / "locked.docx", ENCRYPTED_OOXML)
    out, err = io.StringIO(), io.StringIO()
    assert main(["extract", str(path)], stdout=out, stderr=err) == 1
    [line] = [ln for ln in err.getvalue().splitlines() if "password-protected" in ln]
    assert line.startswith("error: ")
    assert "save an unprotected copy" in line
    assert "DOC, not DOCX" not in err.getvalue()  # an encrypted .docx is not a misnamed .doc
