"""Status from the progress text, read sentence by sentence for what it says happened.

The text is split into sentences (spaCy's tokenizer and ``sentencizer`` on a blank English pipeline, plus
line breaks and bullets), and a ``Matcher`` finds the words that can report a status (both run as spaCy would,
without importing it: :mod:`extract.enrich.tokens`):

* done: a verb of finishing or bringing into force (completed, finished, adopted, approved, launched,
  introduced, implemented, delivered, established, appointed, recruited, published, installed, opened,
  amended, signed, achieved …), "went live", "took effect", "came into force", "is now in place", "is
  complete", "fulfils the recommendation";
* under way: under way, in progress, progressing, on track, started / commenced / begun, "is being
  developed" (a progressive passive of a work verb), "work continues";
* delayed: delayed, postponed, deferred, slipped, behind schedule, off track, on hold, paused;
* not started: "not (yet) started", "yet to start", "no progress".

Each find is then read in its clause (the words back to the last comma, semicolon, "and", "but", "which" …):

* **tense**: a done verb counts when it reports the past — a passive or perfect ("was adopted", "has been
  implemented", "have been appointed"), a simple past with its subject ("Cabinet adopted the policy"), or a
  verb opening the sentence ("Completed in May 2022."). A modal or planned future ("will be completed",
  "is expected to be adopted", "to be launched in May", "due to go live") is not a status;
* **negation**: "not", "n't", "never", "yet to" turn a done verb into work still open ("has not yet been
  adopted" → in_progress; "was not achieved" → delayed) and a delay or start word into its opposite;
* **condition**: a verb after "once", "when", "until", "if", "after", "before" is not a report
  ("once the policy is adopted");
* **part of the job**: "partially completed", "the first phase was completed", "30 of 45 actions have been
  completed" → in_progress; "120 officers have completed the training" (a count of people doing a task)
  and "work completed to date" say nothing about the recommendation.

The sentence's status is its last find that counts; the text's status is that of the **last sentence
that has one**, so a later sentence settles what an earlier one left open ("Consultation is under way. The
policy was adopted in June." → complete). That sentence is returned as the evidence.

The module is split by concern: :mod:`.words` (the vocabulary), :mod:`.patterns` (the token patterns and
matchers) and :mod:`.clauses` (each find read in its clause); this module splits the text and reads it.
"""

from __future__ import annotations

import re

from ..tokens import sentence_spans, tokenize
from .clauses import _clause_before, _conditional, _group, _is_future, _progressive, _read
from .patterns import _matcher, _pipeline

__all__ = ["read_progress", "sentence_status", "sentences"]

_BULLET = re.compile(r"\n\s*(?:[•\-–*·▪●◦]|\d{1,2}[.)])?\s*")


def sentences(text: str) -> list[str]:
    """The text's sentences: spaCy's sentencizer within each line (a line break or bullet ends a sentence)."""
    out: list[str] = []
    for part in _BULLET.split(text or ""):
        part = part.strip()
        if part:
            doc = tokenize(part)
            sents = _pipeline()[0](part).sents if doc is None else sentence_spans(doc)
            out.extend(s.text.strip() for s in sents if s.text.strip())
    return out


def sentence_status(sentence: str) -> str | None:
    """The status one sentence reports, or None."""
    text = sentence.replace("\u2019", "'")
    doc = tokenize(text)
    if doc is not None:
        tokens = [t.lower_ for t in doc]
        matches = _matcher()(doc)
    else:
        nlp, matcher = _pipeline()
        spacy_doc = nlp.make_doc(text)
        tokens = [t.lower_ for t in spacy_doc]
        matches = [(nlp.vocab.strings[match_id], start, end) for match_id, start, end in matcher(spacy_doc)]
    found: list[tuple[int, str]] = []
    for label, start, end in matches:
        status = _read(tokens, start, end, label)
        if status:
            found.append((start, status))
    for i in range(len(tokens)):
        if _progressive(tokens, i):
            before = _clause_before(tokens, i - 1)
            if not _conditional(before) and not _is_future(_group(before), before):
                found.append((i, "in_progress"))
    if not found:
        return None
    found.sort()
    return found[-1][1]


def read_progress(text: str) -> tuple[str, str] | None:
    """(status, the sentence that decided it) from the progress text, or None when it reports none.

    The last sentence that reports a status wins (updates are appended, and a later sentence settles what an
    earlier one left open)."""
    if not text or not text.strip():
        return None
    result: tuple[str, str] | None = None
    for sentence in sentences(text):
        status = sentence_status(sentence)
        if status:
            result = (status, sentence)
    return result
