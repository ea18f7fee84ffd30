"""Long agenda packs for the benchmark, made from the pages of shorter ones.

``make_pack(dest, pages, sources)`` writes a PDF of exactly ``pages`` pages: the sources' pages in turn,
repeated as needed, so a pack of 1,000 pages has the mix of text, ruled and tracking-table pages of the packs
it is made from (about one page in ten with a table for the perf packs).
"""

from __future__ import annotations

from pathlib import Path


def make_pack(dest: Path, pages: int, sources: list[Path]) -> Path:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    opened = [pdfium.PdfDocument(str(s)) for s in sources]
    try:
        while len(out) < pages:
            for src in opened:
                want = min(len(src), pages - len(out))
                if want <= 0:
                    break
                out.import_pages(src, list(range(want)))
        out.save(str(dest))
    finally:
        for src in opened:
            src.close()
        out.close()
    return dest
