"""The plain-Python copy of spaCy's tokenizer, sentencizer and matchers (extract.enrich.tokens) gives spaCy's
results, and a one-paper run on text does not import spaCy, pandas or the PDF stack."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from extract.enrich import tokens
from extract.enrich.matcher import Matcher
from extract.enrich.people import mentions, nlp
from extract.enrich.people.shapes import classify
from extract.enrich.statements import _BULLET, read_progress

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HEAVY = ("spacy", "pandas", "pyarrow", "openpyxl", "pdfplumber", "pdfminer", "pypdfium2", "docx", "dask")


def _texts() -> list[str]:
    """Every cell of the samples' expected rows, each bullet part and each sentence of it."""
    found: set[str] = set()
    for path in sorted((SAMPLES / "expected").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data if isinstance(data, list) else data.get("rows", []):
            for key in ("recommendation", "progress", "responsible", "timescale", "status"):
                text = row.get(key) or ""
                found.add(text)
                found.update(p.strip() for p in _BULLET.split(text) if p.strip())
                found.update(part.strip() for part in text.replace(";", ",").replace("/", ",").split(","))
    return sorted(found)


def _tricky(seed: int, count: int) -> list[str]:
    """Words of the samples mixed with abbreviations, units, quotes, brackets, hyphens and odd spacing."""
    words = " ".join(_texts()).split() or ["word"]
    extra = [
        *"e.g. i.e. m. £2.5m. 's ( ) - / £ % a.m. No. :) ... etc. Dr. U.K. 2018/19 on-going in-progress".split(),
        *["co-ordinator", "www.x.gov.uk", "don't", "can't", "&", ";", ":", ",", ".", "?", "•", "–", "’", "“"],
        *["\n", "  ", "\t", "°k.", "10a.m.", "\u00a0"],
    ]
    specials = sorted(tokens.tables().specials)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [
            rng.choice(words) if (c := rng.random()) < 0.55 else rng.choice(extra if c < 0.8 else specials)
            for _ in range(rng.randint(1, 20))
        ]
        out.append("".join(p + rng.choice([" ", " ", "", "\n", "  "]) for p in parts))
    return out


@pytest.fixture(scope="module")
def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    made = spacy.blank("en")
    made.add_pipe("sentencizer")
    return made


def test_saved_tables_are_the_installed_spacys():
    pytest.importorskip("spacy")
    saved = json.loads(tokens._DATA.read_text(encoding="utf-8"))
    assert saved == tokens.spacy_tables(), "spaCy changed: run `python -m extract.enrich.tokens` to save its tables"


def test_tokens_and_sentences_are_spacys(spacy_nlp):
    texts = _texts() + _tricky(seed=1, count=3000)
    for text in texts:
        doc = tokens.tokenize(text)
        assert doc is not None, text
        ref = spacy_nlp(text)
        assert [(t.idx, t.text, t.whitespace_) for t in doc] == [(t.idx, t.text, t.whitespace_) for t in ref], text
        assert [(s.start, s.end) for s in tokens.sentence_spans(doc)] == [(s.start, s.end) for s in ref.sents]


@pytest.mark.skipif(nlp._model_installed(), reason="with a trained model spaCy runs the rules itself")
def test_rules_give_spacys_entities_mentions_owner_types_and_statuses(monkeypatch):
    texts = _texts()
    spacy_nlp = nlp.load_nlp()
    for text in texts:
        doc = tokens.tokenize(text)
        assert doc is not None
        if nlp._ruler()(doc) is not None:  # None: two labels tie for a span, left to spaCy
            ref = spacy_nlp(text)
            assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in ref.ents]
    fast = [(mentions(t), classify(t), read_progress(t)) for t in texts]
    monkeypatch.setattr("extract.enrich.people.nlp.tokenize", lambda text: None)
    monkeypatch.setattr("extract.enrich.statements.tokenize", lambda text: None)
    assert fast == [(mentions(t), classify(t), read_progress(t)) for t in texts]


def test_matcher_finds_every_span_of_optional_and_repeated_tokens():
    matcher = Matcher()
    matcher.add("A", [[{"LOWER": "a", "OP": "+"}, {"TEXT": "B", "OP": "?"}]])
    doc = tokens.tokenize("a a B")
    assert doc is not None
    assert sorted(matcher(doc)) == sorted(("A", s, e) for s, e in [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3)])


def test_a_text_paper_runs_without_spacy_pandas_or_the_pdf_stack(tmp_path):
    paper = SAMPLES / "seed-organised-crime.txt"
    script = (
        "import sys, extract\n"
        f"result = extract.extract_file({str(paper)!r})\n"
        "assert result.rows and any(r.mentions for r in result.rows), result.issues\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_command_line_on_a_text_paper_loads_no_heavy_library(tmp_path):
    paper = SAMPLES / "seed-organised-crime.txt"
    script = (
        "import sys\n"
        "from extract.cli import main\n"
        f"code = main(['extract', {str(paper)!r}, '-o', {str(tmp_path / 'rows.jsonl')!r}, '-q', '--no-cache', "
        "'-j', '1'])\n"
        f"print(code, ' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]
    assert (tmp_path / "rows.jsonl").read_text(encoding="utf-8").count("\n") > 0
