"""Legacy Word (.doc), Rich Text (.rtf) and OpenDocument (.odt) papers, via LibreOffice.

LibreOffice converts the paper to .docx in headless mode; the .docx reader then
reads it, so these formats get the same tables, merged cells, bullets and shading
as Word papers. Each conversion runs in its own temporary folder with its own
LibreOffice profile, so parallel workers never share (or lock) a profile, and
everything is removed afterwards. The converter is run without a shell, with a
time limit; on timeout its whole process group is ended.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import LimitReached, ToolMissing, UnreadableDocument, short_reason
from ..model import Document
from . import external
from .docx_reader import read_docx

CONVERT_TIMEOUT = 120.0  # seconds for one conversion (LibreOffice starts in about 2 s)
_INSTALL_HINT = "install it with `apt-get install libreoffice-writer-nogui` or run `make setup`"
_DOCX_FILTER = "docx:MS Word 2007 XML"


def find_soffice() -> str | None:
    """The LibreOffice binary on PATH (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path) -> Document:
    return read_converted(path, "doc")


def read_rtf(path: Path) -> Document:
    return read_converted(path, "rtf")


def read_odt(path: Path) -> Document:
    return read_converted(path, "odt")


def read_converted(path: Path, fmt: str, *, timeout: float = CONVERT_TIMEOUT) -> Document:
    """Convert ``path`` to .docx with LibreOffice and read it; the Document keeps ``path`` and says ``fmt``."""
    path = Path(path)
    binary = find_soffice()
    if binary is None:
        raise ToolMissing(f"LibreOffice is needed to read .{fmt} files: {_INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="rectrack-convert-") as tmp:
        work = Path(tmp)
        source = work / f"paper.{fmt}"  # a plain name: the paper's own name may start with "-" or hold odd bytes
        shutil.copyfile(path, source)
        out = work / "out"
        out.mkdir()
        argv = [
            binary,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _DOCX_FILTER,
            "--outdir",
            str(out),
            str(source),
        ]
        stderr = _run(argv, timeout, fmt, cwd=work)
        converted = out / "paper.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            if not _has_writer(binary):
                raise ToolMissing(f"LibreOffice Writer is needed to read .{fmt} files: {_INSTALL_HINT}")
            detail = _last_line(stderr)
            raise UnreadableDocument(
                f"LibreOffice could not convert this .{fmt} file"
                f"{f' ({detail})' if detail else ' (damaged or password-protected?)'}"
            )
        try:
            doc = read_docx(converted)
        except UnreadableDocument as exc:
            raise UnreadableDocument(f"converted .{fmt} file could not be read: {exc}") from exc
    doc.path = str(path)
    doc.format = fmt
    return doc


def _has_writer(binary: str) -> bool:
    """False when the LibreOffice install visibly lacks Writer (Debian's core package without the writer one)."""
    program = Path(binary).resolve().parent
    return not (program / "soffice.bin").exists() or any(program.glob("libswlo.*"))


def _run(argv: list[str], timeout: float, fmt: str, cwd: Path) -> str:
    """Run the converter in its own process group; return its stderr. Raises LimitReached on timeout."""
    env = dict(os.environ, HOME=str(cwd))  # nothing is written to the user's home
    try:
        proc = external.start(argv, cwd=cwd, env=env)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ToolMissing(f"LibreOffice could not be started to read .{fmt} files ({reason})") from exc
    try:  # on any exception (e.g. the batch runner's own time limit) LibreOffice is ended first
        _, err = external.finish(proc, timeout)
    except subprocess.TimeoutExpired:
        raise LimitReached(f"LibreOffice took over {timeout:g} s to convert this .{fmt} file") from None
    return err.decode("utf-8", "replace")


def _last_line(text: str) -> str:
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and "javaldx" not in ln and not ln.startswith("convert ")
    ]
    return short_reason(lines[-1]) if lines else ""
