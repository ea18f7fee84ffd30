"""``rectrack review``: the static review page, its outlines, and the page as Chromium loads it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLES
from extract.cli import main
from extract.model import Cell, Row
from extract.records import Recommendation
from extract.review import Entry, Paper, _table_html, page_html

OUTLINE_RE = re.compile(r'<div class="outline [^"]*" data-rec-id="([^"]*)" data-page="(\d+)"')


def run_review(paths: list[str], out: Path) -> str:
    assert main(["review", *paths, "-o", str(out)]) == 0
    return (out / "index.html").read_text(encoding="utf-8")


def test_review_outlines_each_pdf_row_on_its_page_images(tmp_path):
    page = run_review([str(SAMPLES / "seed-organised-crime.pdf")], tmp_path / "review")
    outlines = OUTLINE_RE.findall(page)
    assert {rec_id for rec_id, _ in outlines} == {"1", "2", "3", "4", "5", "6"}
    for _, number in outlines:
        images = re.findall(r'<img src="(pages/[^"]+-p' + number + r'\.png)"', page)
        assert images, number
        assert (tmp_path / "review" / images[0]).stat().st_size > 1000
    confidences = [float(c) for c in re.findall(r'data-confidence="([0-9.]+)"', page)]
    assert len(confidences) == 6
    assert confidences == sorted(confidences)  # lowest confidence first


def test_review_of_a_word_paper_highlights_the_source_table_cells(tmp_path):
    page = run_review([str(SAMPLES / "seed-organised-crime.docx")], tmp_path / "review")
    cells = re.findall(r'<td class="hit outline" data-rec-id="([^"]*)" data-page="([^"]*)"', page)
    assert {rec_id for rec_id, _ in cells} == {"1", "2", "3", "4", "5", "6"}
    assert "<img" not in page


def test_table_html_marks_only_the_rows_cells():
    header = ("No.", "Recommendation", "Lead")
    mine = Row(cells=(Cell("1"), Cell("Invented text"), Cell("A Person")))
    other = Row(cells=(Cell("2"), Cell("Other text"), Cell("B Person")))
    row = Recommendation("x.html", "1", "Invented text", "", "A Person", "", "", "", "", "", confidence=0.5)
    out = _table_html(header, {"rec_id": 0, "recommendation": 1, "responsible": 2}, [mine, other], [mine], row)
    assert out.count('class="hit outline"') == 3
    assert "Other text" in out
    assert 'data-rec-id="1"' in out
    assert 'data-rec-id="2"' not in out


def test_page_html_escapes_text_and_keeps_keyboard_and_filter():
    row = Recommendation("x.txt", "1", "<script>alert(1)</script>", "", "", "", "", "", "", "", confidence=0.4)
    page = page_html([Paper(path="x.txt", entries=[Entry(row=row)])])
    assert "<script>alert(1)" not in page
    assert 'id="below"' in page
    assert "ArrowDown" in page


def _browser() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(_browser() is None, reason="no Chromium (make setup installs Debian's chromium package)")
def test_review_page_in_chromium_has_every_outline_on_a_loaded_image(tmp_path):
    out = tmp_path / "review"
    run_review([str(SAMPLES / "seed-organised-crime.pdf")], out)
    # the page as Chromium has it once loaded (its script run, its images decoded)
    probe = out / "probe.html"
    probe.write_text(
        (out / "index.html")
        .read_text(encoding="utf-8")
        .replace(
            "</body>",
            "<script>window.addEventListener('load',function(){var bad=[];"
            "document.querySelectorAll('.outline').forEach(function(o){var img=o.parentNode.querySelector('img');"
            "if(!img||!img.complete||!img.naturalWidth||!o.dataset.recId||!o.dataset.page)bad.push(o.dataset.recId);});"
            "document.body.setAttribute('data-bad',bad.length);"
            "document.body.setAttribute('data-outlines',document.querySelectorAll('.outline').length);});</script></body>",
        ),
        encoding="utf-8",
    )
    base = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]
    for img in out.glob("pages/*.png"):
        assert img.stat().st_size > 1000
    dom = subprocess.run(
        [*base, "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    outlines = int(re.search(r'data-outlines="(\d+)"', dom).group(1))  # type: ignore[union-attr]
    assert outlines >= 6
    assert 'data-bad="0"' in dom
    assert set(re.findall(r'class="outline [^"]*" data-rec-id="([^"]*)"', dom)) == {"1", "2", "3", "4", "5", "6"}
    shot = out / "screenshot.png"
    subprocess.run(
        [*base, "--window-size=1400,1000", f"--screenshot={shot}", (out / "index.html").as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists()
    assert shot.stat().st_size > 10_000
