"""``rectrack review``: a static page that shows each extracted row beside the cells it came from.

For each paper the rows are listed lowest confidence first. A PDF row is shown on images of its source
page(s) (rendered with pypdfium2 into the output folder) with its cells outlined and labelled with the
field each one gave; a Word, HTML or text row is shown in its source table rendered as HTML, its cells
highlighted. Every outline carries ``data-rec-id`` and ``data-page``. The page is one ``index.html`` with
its images beside it: no server, no network.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..confidence import CHECK_BELOW, source_rows
from ..model import BBox, Row
from ..records import Recommendation

FIELDS = ("rec_id", "recommendation", "progress", "responsible", "timescale", "status")
LABELS = {
    "rec_id": "No.",
    "recommendation": "Recommendation",
    "progress": "Progress",
    "responsible": "Responsible",
    "timescale": "Timescale",
    "status": "Status",
    "accepted": "Accepted",
}
SCALE = 1.5  # rendered pixels per PDF point (108 dpi)


@dataclass(slots=True)
class Box:
    field: str
    page: int
    bbox: BBox


@dataclass(slots=True)
class Entry:
    """One row of the review: the extracted row, its boxes on pages, or its source table cells."""

    row: Recommendation
    boxes: list[Box] = field(default_factory=list)
    table_html: str = ""


@dataclass(slots=True)
class Paper:
    path: str
    entries: list[Entry] = field(default_factory=list)
    pages: dict[int, tuple[str, float, float]] = field(default_factory=dict)  # page -> (image file, width, height)
    error: str = ""


def review(paths: Sequence[str], out_dir: str | os.PathLike, *, password: str | None = None) -> list[Paper]:
    """Write ``out_dir/index.html`` (and page images) for the papers under ``paths``; return what was shown."""
    from ..pipeline import expand_globs, expand_paths

    out = Path(out_dir)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    files, _ = expand_paths(expand_globs(paths))
    papers = [_paper(file, out, index, password) for index, file in enumerate(sorted(files, key=str))]
    (out / "index.html").write_text(page_html(papers), encoding="utf-8")
    return papers


def _paper(file: Path, out: Path, index: int, password: str | None) -> Paper:
    from ..errors import RectrackError
    from ..pipeline import extract_document
    from ..readers import read
    from ..rows import recommendations
    from ..stitch import tracking_tables

    paper = Paper(path=str(file))
    try:
        doc = read(file, password=password)
        rows, _ = extract_document(doc, source=str(file))
    except RectrackError as exc:
        paper.error = str(exc)
        return paper
    at = 0
    for table in tracking_tables(doc):
        recs = recommendations(table)
        sources = source_rows(table, recs) or [[] for _ in recs]
        for rec_rows in sources:
            if at >= len(rows):
                break
            entry = Entry(row=rows[at])
            at += 1
            if doc.format == "pdf":
                entry.boxes = _boxes(rec_rows, table.header.columns, entry.row)
            if not entry.boxes:
                entry.table_html = _table_html(
                    table.header.labels, table.header.columns, table.rows, rec_rows, entry.row
                )
            paper.entries.append(entry)
    paper.entries.extend(Entry(row=r) for r in rows[at:])
    if doc.format == "pdf":
        _locate_missing(file, paper, password)
        _render_pages(file, paper, out, index, password)
    paper.entries.sort(key=lambda e: e.row.confidence if e.row.confidence is not None else 1.0)
    return paper


def _boxes(rows: list[Row], columns: dict[str, int], row: Recommendation) -> list[Box]:
    out = []
    for name, col in columns.items():
        if name not in LABELS:
            continue
        for source in rows:
            if col < len(source.cells):
                cell = source.cells[col]
                page = cell.page if cell.page is not None else source.page
                if cell.bbox is not None and page is not None and cell.text.strip():
                    out.append(Box(name, page, cell.bbox))
    return out


def _locate_missing(file: Path, paper: Paper, password: str | None) -> None:
    """Rows whose cells carry no box (a label/value table gathered into rows): find their text on the page."""
    todo = [e for e in paper.entries if not e.boxes and e.row.page_first is not None]
    if not todo:
        return
    import pdfplumber

    try:
        pdf = pdfplumber.open(file, password=password or "")
    except Exception:  # noqa: BLE001 - the outlines are a help, not the point
        return
    with pdf:
        for entry in todo:
            first, last = entry.row.page_first or 1, entry.row.page_last or entry.row.page_first or 1
            for name in ("rec_id", "recommendation", "progress", "responsible", "timescale", "status"):
                text = str(getattr(entry.row, name) or "").strip().split("\n")[0][:40].strip()
                if len(text) < 3 and name != "rec_id" or not text:
                    continue
                for number in range(first, last + 1):
                    if not 1 <= number <= len(pdf.pages):
                        continue
                    try:
                        found = pdf.pages[number - 1].search(text, regex=False, case=False)
                    except Exception:  # noqa: BLE001
                        found = []
                    if found:
                        hit = found[0]
                        entry.boxes.append(Box(name, number, (hit["x0"], hit["top"], hit["x1"], hit["bottom"])))
                        break
            if entry.boxes:
                entry.table_html = ""


def _render_pages(file: Path, paper: Paper, out: Path, index: int, password: str | None) -> None:
    import pypdfium2 as pdfium

    wanted = sorted({b.page for e in paper.entries for b in e.boxes})
    if not wanted:
        return
    pdf = pdfium.PdfDocument(str(file), password=password)
    try:
        for number in wanted:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            width, height = page.get_size()
            name = f"pages/{index:03d}-{_slug(file.stem)}-p{number}.png"
            page.render(scale=SCALE).to_pil().save(out / name)
            paper.pages[number] = (name, width, height)
            page.close()
    finally:
        pdf.close()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:40]


def _table_html(
    labels: Sequence[str], columns: dict[str, int], rows: Sequence[Row], mine: list[Row], row: Recommendation
) -> str:
    """The source table as HTML, the row's cells highlighted (outlines with data-rec-id and data-page)."""
    role = {col: name for name, col in columns.items()}
    ids = {id(r) for r in mine}
    width = max([len(labels), *(len(r.cells) for r in rows)])
    head = "".join(f"<th>{_esc(labels[c] if c < len(labels) else '')}</th>" for c in range(width))
    body = []
    for source in rows:
        cells = []
        hit_row = id(source) in ids
        for c in range(width):
            cell = source.cells[c] if c < len(source.cells) else None
            text = _esc(cell.text if cell is not None and not cell.merged else "")
            name = role.get(c)
            if hit_row and name in LABELS and text:
                page = cell.page if cell is not None and cell.page is not None else ""
                cells.append(
                    f'<td class="hit outline" data-rec-id="{_esc(row.rec_id)}" data-page="{page}" '
                    f'data-field="{name}"><span class="label">{LABELS[name]}</span>{text}</td>'
                )
            else:
                cells.append(f"<td>{text}</td>")
        body.append(f'<tr class="{"mine" if hit_row else ""}">{"".join(cells)}</tr>')
    return f'<table class="source"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def _entry_html(paper: Paper, entry: Entry, number: int) -> str:
    row = entry.row
    conf = row.confidence if row.confidence is not None else 1.0
    check = conf < CHECK_BELOW
    fields = "".join(f"<dt>{LABELS[name]}</dt><dd>{_esc(getattr(row, name)) or '<i>empty</i>'}</dd>" for name in FIELDS)
    reason = _esc(row.confidence_reason) if row.confidence_reason else "nothing lowered it"
    pages = []
    for page in sorted({b.page for b in entry.boxes}):
        if page not in paper.pages:
            continue
        image, width, height = paper.pages[page]
        outlines = "".join(
            f'<div class="outline f-{b.field}" data-rec-id="{_esc(row.rec_id)}" data-page="{page}" '
            f'data-field="{b.field}" style="left:{100 * b.bbox[0] / width:.3f}%;top:{100 * b.bbox[1] / height:.3f}%;'
            f"width:{100 * (b.bbox[2] - b.bbox[0]) / width:.3f}%;height:{100 * (b.bbox[3] - b.bbox[1]) / height:.3f}%"
            f'"><span class="label">{LABELS[b.field]}</span></div>'
            for b in entry.boxes
            if b.page == page
        )
        pages.append(
            f'<figure class="page" data-page="{page}"><figcaption>page {page}</figcaption>'
            f'<div class="sheet"><img src="{image}" alt="page {page} of {_esc(Path(paper.path).name)}" '
            f">{outlines}</div></figure>"
        )
    source = "".join(pages) or entry.table_html or '<p class="none">No source cells to show for this row.</p>'
    return (
        f'<section class="row{" check" if check else ""}" tabindex="-1" id="r{number}" data-confidence="{conf:.3f}" '
        f'data-rec-id="{_esc(row.rec_id)}">'
        f'<div class="fields"><h3><span class="conf">{conf:.2f}</span> Recommendation {_esc(row.rec_id)}'
        f'{" <em>check</em>" if check else ""}</h3><p class="why">{reason}</p><dl>{fields}</dl></div>'
        f'<div class="source-view">{source}</div></section>'
    )


def page_html(papers: Iterable[Paper]) -> str:
    parts = []
    number = 0
    count = 0
    for paper in papers:
        name = _esc(Path(paper.path).name)
        rows = []
        for entry in paper.entries:
            rows.append(_entry_html(paper, entry, number))
            number += 1
        count += len(paper.entries)
        checks = sum(1 for e in paper.entries if e.row.confidence is not None and e.row.confidence < CHECK_BELOW)
        note = f'<p class="error">{_esc(paper.error)}</p>' if paper.error else ""
        parts.append(
            f'<article class="paper"><h2>{name} <small>{len(paper.entries)} rows, {checks} to check</small></h2>'
            f"{note}{''.join(rows)}</article>"
        )
    return (
        TEMPLATE.replace("{{BODY}}", "".join(parts))
        .replace("{{COUNT}}", str(count))
        .replace("{{THRESHOLD}}", json.dumps(CHECK_BELOW))
    )


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rectrack review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 Arial,Helvetica,sans-serif;margin:0;background:#f3f4f6;color:#111}
header{position:sticky;top:0;z-index:5;background:#1f4e78;color:#fff;padding:8px 16px;
display:flex;gap:18px;align-items:center}
header h1{font-size:16px;margin:0}header label{font-size:13px}header input{width:4.5em}
.paper{margin:12px 16px}.paper h2{font-size:16px;margin:16px 0 8px}.paper h2 small{font-weight:normal;color:#555}
.row{display:grid;grid-template-columns:minmax(260px,30%) 1fr;gap:12px;background:#fff;border:1px solid #d0d4da;
border-left:6px solid #70ad47;border-radius:4px;margin:0 0 12px;padding:10px}
.row.check{border-left-color:#c00000}.row.current{outline:3px solid #ffc000}.row.hidden{display:none}
.fields h3{font-size:14px;margin:0 0 4px}.conf{display:inline-block;min-width:3em;background:#1f4e78;color:#fff;
border-radius:3px;padding:0 4px;text-align:center}.check .conf{background:#c00000}.why{color:#7a4d00;margin:0 0 6px}
dl{margin:0}dt{font-weight:bold;color:#555;font-size:12px}dd{margin:0 0 6px;white-space:normal;
max-height:12em;overflow:auto}
.page{margin:0 0 8px}.page figcaption{font-size:12px;color:#555}.sheet{position:relative;
display:inline-block;max-width:100%;border:1px solid #ccc}.sheet img{display:block;max-width:100%;height:auto}
.outline{position:absolute;border:2px solid #e4572e;background:rgba(228,87,46,.08);box-sizing:border-box}
.outline .label{position:absolute;left:-2px;top:-16px;background:#e4572e;color:#fff;font-size:10px;line-height:14px;
padding:0 3px;white-space:nowrap}
.outline.f-progress{border-color:#2e86de}.outline.f-progress .label{background:#2e86de}
.outline.f-responsible{border-color:#8e44ad}.outline.f-responsible .label{background:#8e44ad}
.outline.f-timescale{border-color:#16a085}.outline.f-timescale .label{background:#16a085}
.outline.f-status,.outline.f-accepted{border-color:#b7950b}.outline.f-status .label{background:#b7950b}
.outline.f-rec_id{border-color:#555}.outline.f-rec_id .label{background:#555}
table.source{border-collapse:collapse;font-size:12px;width:100%}table.source th,table.source td{border:1px solid #ccc;
padding:3px 5px;vertical-align:top}table.source th{background:#eef}tr.mine td{background:#fffbe6}
td.hit{outline:2px solid #e4572e;outline-offset:-2px}td.hit .label{display:block;font-size:10px;
color:#e4572e;font-weight:bold}
.source-view{overflow:auto;max-height:90vh}
</style></head><body>
<header><h1>rectrack review</h1><span>{{COUNT}} rows, lowest confidence first in each paper</span>
<label>Show confidence below <input id="below" type="number" min="0" max="1.01" step="0.05" value="1.01"></label>
<span id="shown"></span><span>j/k or &darr;/&uarr;: next/previous row</span></header>
<main>{{BODY}}</main>
<script>
(function(){
  var rows=[].slice.call(document.querySelectorAll('section.row'));var at=-1;
  var below=document.getElementById('below');var shown=document.getElementById('shown');
  function visible(){return rows.filter(function(r){return !r.classList.contains('hidden');});}
  function go(step){var v=visible();if(!v.length)return;var i=v.indexOf(rows[at]);
    i=Math.max(0,Math.min(v.length-1,i+step));
    if(at>=0)rows[at].classList.remove('current');at=rows.indexOf(v[i]);v[i].classList.add('current');
    v[i].scrollIntoView({block:'start'});window.scrollBy(0,-48);}
  function filter(){var x=parseFloat(below.value);if(isNaN(x))x=1.01;rows.forEach(function(r){
    r.classList.toggle('hidden',!(parseFloat(r.dataset.confidence)<x));});shown.textContent=visible().length+' shown';}
  below.addEventListener('input',filter);
  document.addEventListener('keydown',function(e){if(e.target===below)return;
    if(e.key==='j'||e.key==='ArrowDown'){go(1);e.preventDefault();}
    else if(e.key==='k'||e.key==='ArrowUp'){go(-1);e.preventDefault();}});
  var q=new URLSearchParams(location.search).get('below');if(q){below.value=q;}
  function reveal(){rows.forEach(function(r){var v=r.querySelector('.source-view');
    var o=v&&v.querySelector('.outline');if(!o)return;
    var top=o.getBoundingClientRect().top-v.getBoundingClientRect().top+v.scrollTop;v.scrollTop=Math.max(0,top-40);});}
  window.addEventListener('load',reveal);window.addEventListener('resize',reveal);
  filter();var t={{THRESHOLD}};document.title='rectrack review ('+rows.filter(function(r){
    return parseFloat(r.dataset.confidence)<t;}).length+' to check)';
})();
</script></body></html>
"""
