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
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import Matcher, sentence_spans, tokenize

# ---------------------------------------------------------------- vocabulary

# Verbs that report a job done, in their past forms (past tense and past participle).
DONE_VERBS = frozenset(
    """
completed finished adopted ratified launched introduced implemented delivered established appointed recruited
published installed opened amended signed achieved concluded enacted fulfilled discharged set put rolled carried
""".split()
)
# Done verbs that need a particle: "set up", "put in place", "rolled out", "carried out".
_PARTICLE = {"set": ("up",), "put": ("in", "place"), "rolled": ("out",), "carried": ("out",)}
# Done only as a passive or perfect, not as a simple past ("we carried out", "they set up" read as lists).
_PASSIVE_ONLY = frozenset({"set", "put", "carried"})
# Words that report a job done when they open the sentence ("Completed in May 2022.", "Closed.").
COMPLETE_WORDS = frozenset({"completed", "achieved", "implemented", "closed", "done", "delivered", "finished"})
WORK_VERBS = frozenset(
    """
developed reviewed drafted prepared implemented updated revised considered procured recruited tested piloted
finalised finalized rolled introduced established explored discussed progressed delivered produced written
refreshed designed built installed commissioned undertaken carried
""".split()
)
DELAY_WORDS = frozenset({"delayed", "postponed", "deferred", "slipped", "paused", "suspended"})
START_WORDS = frozenset({"started", "commenced", "begun", "began", "start", "commence", "begin"})

_PREPOSITIONS = frozenset(
    {"with", "by", "in", "on", "at", "for", "from", "to", "through", "under", "across", "via", "within", "into", "as"}
)
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "am"})
HAVE = frozenset({"has", "have", "had", "'ve"})
MODALS = frozenset({"will", "shall", "would", "should", "must", "could", "may", "might", "can", "'ll", "wo"})
PLAN_WORDS = frozenset(
    {
        "expected",
        "due",
        "planned",
        "plan",
        "plans",
        "scheduled",
        "intended",
        "intend",
        "intends",
        "aim",
        "aims",
        "aiming",
        "anticipated",
        "proposed",
        "hoped",
        "hope",
        "going",
        "likely",
        "set",
        "needs",
        "need",
        "required",
        "seeks",
        "seek",
        "asked",
        "ready",
    }
)
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "cannot"})
CONDITIONS = frozenset({"once", "when", "until", "if", "after", "before", "unless", "whether", "whenever", "following"})
PARTIAL = frozenset(
    {
        "partially",
        "partly",
        "part",
        "largely",
        "mostly",
        "substantially",
        "phase",
        "stage",
        "first",
        "initial",
        "some",
        "most",
        "majority",
        "element",
        "elements",
        "tranche",
        "step",
        "steps",
        "half",
    }
)
# Words that end a clause: the context of a find is read back to the nearest one.
CLAUSE_BREAKS = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "and",
        "but",
        "which",
        "although",
        "though",
        "while",
        "whilst",
        "whereas",
        "so",
        "because",
        "as",
        "-",
        "–",
        "—",
        "who",
        "that",
        "where",
    }
)
ADVERBS = frozenset(
    {
        "now",
        "also",
        "since",
        "already",
        "recently",
        "successfully",
        "fully",
        "formally",
        "been",
        "subsequently",
        "then",
        "officially",
        "finally",
        "just",
        "previously",
        "duly",
        "all",
        "both",
        "each",
        "further",
        "jointly",
        "unanimously",
        "originally",
        "largely",
        "mostly",
        "partly",
        "partially",
        "substantially",
        "yet",
        "still",
        "currently",
        "effectively",
        "broadly",
    }
)


@lru_cache(maxsize=1)
def _pipeline():
    """A blank English pipeline with a sentencizer, and the Matcher of status words (built once): used only for
    a text that :func:`~extract.enrich.tokens.tokenize` leaves to spaCy."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    _add_status_patterns(matcher)
    return nlp, matcher


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    """The same Matcher without spaCy."""
    matcher = Matcher()
    _add_status_patterns(matcher)
    return matcher


def _add_status_patterns(matcher) -> None:
    """The status words' token patterns, added to a spaCy Matcher or :class:`~extract.enrich.tokens.Matcher`."""
    low = lambda *words: {"LOWER": {"IN": list(words)}}  # noqa: E731
    matcher.add("DONE", [[low(*(DONE_VERBS | COMPLETE_WORDS))]])
    matcher.add(
        "DONE_PHRASE",
        [
            [low("went", "gone", "go", "goes", "going"), low("live")],
            [low("took", "taken", "take", "takes", "taking"), low("effect")],
            [low("came", "come", "comes", "coming"), low("into"), low("force", "effect", "operation")],
            [low("in"), low("place")],
            [low("operational", "live")],
        ],
    )
    matcher.add("COMPLETE_ADJ", [[low("complete")]])
    matcher.add(
        "FULFILS",
        [
            [
                low(
                    "fulfils",
                    "fulfilled",
                    "fulfil",
                    "discharges",
                    "discharged",
                    "meets",
                    "met",
                    "satisfies",
                    "satisfied",
                ),
                low("the", "this"),
                low("recommendation"),
            ],
            [
                low("recommendation"),
                low("has", "is", "was"),
                {"LOWER": "been", "OP": "?"},
                low("met", "fulfilled", "discharged", "satisfied"),
            ],
        ],
    )
    matcher.add(
        "UNDERWAY",
        [
            [low("underway")],
            [low("under"), {"LOWER": {"IN": ["way", "-way"]}}],
            [low("in"), {"TEXT": "-", "OP": "?"}, low("progress")],
            [low("progressing")],
            [low("on"), {"TEXT": "-", "OP": "?"}, low("track", "target", "schedule")],
            [low("continues", "continue", "continuing"), {"LOWER": "to", "OP": "?"}],
        ],
    )
    matcher.add("ONGOING", [[low("ongoing")], [low("on"), {"TEXT": "-"}, low("going")]])
    matcher.add("START", [[low(*START_WORDS)]])
    matcher.add(
        "DELAY",
        [
            [low(*DELAY_WORDS)],
            [low("behind"), low("schedule", "target", "plan")],
            [low("off"), {"TEXT": "-", "OP": "?"}, low("track", "target", "schedule")],
            [low("on"), low("hold")],
        ],
    )
    matcher.add(
        "NO_PROGRESS",
        [
            [
                low("no"),
                {"LOWER": {"IN": ["further", "significant", "real"]}, "OP": "?"},
                low("progress", "work", "action"),
            ]
        ],
    )


# ---------------------------------------------------------------- reading


def _clause_before(tokens: list[str], start: int, limit: int = 12) -> list[str]:
    """The lower-cased words of the clause before ``start`` (nearest last), at most ``limit``."""
    out: list[str] = []
    for i in range(start - 1, max(-1, start - 1 - limit), -1):
        if tokens[i] in CLAUSE_BREAKS:
            break
        out.append(tokens[i])
    return out


def _group(before: list[str]) -> list[str]:
    """The auxiliaries and adverbs right before a verb ("has not yet been"), nearest last."""
    group: list[str] = []
    for word in before:
        if (
            word in BE
            or word in HAVE
            or word in MODALS
            or word in NEGATIONS
            or word in ADVERBS
            or word == "to"
            or word in PLAN_WORDS
            or word in {"get", "got", "gets", "getting"}
        ):
            group.append(word)
        else:
            break
    return group


def _is_future(group: list[str], before: list[str]) -> bool:
    if any(w in MODALS for w in group) or "to" in group:
        return True
    if any(w in PLAN_WORDS for w in group):
        return True
    # "expected to be completed", "is due to be adopted" with the planning word further back
    return "to" in before[:3] and any(w in PLAN_WORDS for w in before[:6])


def _negated(group: list[str], before: list[str]) -> bool:
    if any(w in NEGATIONS for w in group):
        return True
    return before[:2] == ["to", "yet"] or before[:3] == ["be", "to", "yet"]  # "yet to be adopted"


def _conditional(before: list[str]) -> bool:
    return any(w in CONDITIONS for w in before)


def _partial(before: list[str], tokens: list[str], end: int) -> bool:
    if any(w in PARTIAL for w in before):
        return True
    # "30 of 45 actions have been completed", "3 out of 5"
    words = " ".join(reversed(before))
    if re.search(r"\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b", words):
        return True
    after = tokens[end : end + 3]
    return bool(after) and after[0] in {"in", "for"} and len(after) > 1 and after[1] == "part"


def _counted_subject(before: list[str]) -> bool:
    """A clause that opens with a count of people or items ("120 drivers", "78% of cases", "three teams")."""
    if not before:
        return False
    first = before[-1].replace(",", "")
    return first.isdigit() or first in {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "many",
        "several",
        "most",
        "some",
    }


def _read_done(tokens: list[str], start: int, end: int, label: str) -> str | None:
    """A done word in its clause: "complete", "in_progress" (partly done or not yet), "delayed", or None."""
    word = tokens[start]
    before = _clause_before(tokens, start)
    group = _group(before)
    if label == "DONE":
        if word in _PARTICLE and tuple(tokens[end : end + len(_PARTICLE[word])]) != _PARTICLE[word]:
            return None
        after = tokens[end : end + 3]
        if after[:2] == ["to", "date"] or (word == "agreed" and after[:1] in (["to"], ["that"])):
            return None
        if before and before[0] in {"the", "a", "an", "this", "these", "those", "its", "their", "our", "newly"}:
            return None  # an adjective ("the adopted policy"): not a report
        if before and before[0] in {"being"}:
            return None  # progressive passive: read as work under way elsewhere
    if _conditional(before) or any(w in {"no", "none", "nothing"} for w in before):
        return None  # "once it is adopted"; "no decision has been made" (left to "no progress" and the like)
    negated = _negated(group, before)
    if _is_future(group, before) and not negated:
        return None
    if negated:
        if word in {"achieved", "met", "delivered"} and "yet" not in group:
            return "delayed"
        return "in_progress"
    passive_or_perfect = any(w in BE or w in HAVE for w in group)
    at_start = len(before) == 0 and start == 0
    if label == "DONE":
        if at_start:
            if word not in COMPLETE_WORDS:
                return None  # "Adopted in May" is rare; "Opened figures …" is not a report
        elif word not in DONE_VERBS:
            return None
        elif not passive_or_perfect and (word in _PASSIVE_ONLY or not before):
            return None  # "…, carried out by" / a verb with no subject
        if tokens[end : end + 2] == ["so", "far"]:
            return "in_progress"  # "11 schools completed so far"
        if tokens[end : end + 2] in (["for", "consultation"], ["in", "principle"]):
            return "in_progress"
        if _counted_subject(before) and not any(w in BE for w in group):
            return None  # "120 drivers have completed the training": people doing a task, not the job
        if not passive_or_perfect and not at_start and tokens[end : end + 1] and tokens[end] in _PREPOSITIONS:
            return None  # "a programme delivered with the contractor": a participle after its noun
    elif label in ("DONE_PHRASE", "COMPLETE_ADJ"):
        if label == "COMPLETE_ADJ" and not (at_start or any(w in BE for w in group)):
            return None  # "a complete review"
        if (
            label == "DONE_PHRASE"
            and tokens[start] in {"in", "operational", "live"}
            and not (at_start or any(w in BE or w in HAVE for w in group) or (before and before[0] == "now"))
        ):
            return None  # "in place" needs "is now in place", "has been put in place"
    if _partial(before, tokens, end):
        return "in_progress"
    return "complete"


def _read(tokens: list[str], start: int, end: int, label: str) -> str | None:
    if label in ("DONE", "DONE_PHRASE", "COMPLETE_ADJ"):
        return _read_done(tokens, start, end, label)
    before = _clause_before(tokens, start)
    group = _group(before)
    if _conditional(before):
        return None
    negated = _negated(group, before)
    future = _is_future(group, before) and not negated
    if label == "FULFILS":
        return None if future or negated else "complete"
    if label == "NO_PROGRESS":
        return "not_started"
    if label == "START":
        if negated or tokens[start] in {"start", "commence", "begin"} and before[:2] == ["to", "yet"]:
            return "not_started"
        if tokens[start] in {"start", "commence", "begin"} or future:
            return None
        if not any(w in BE or w in HAVE for w in group) and tokens[start] != "began":
            return None  # "started" as an adjective or in a list
        return "in_progress"
    if label == "DELAY":
        if negated or future:
            return None
        if tokens[start] in DELAY_WORDS and not (
            any(w in BE or w in HAVE for w in group)
            or tokens[end : end + 1] in (["by"], ["until"], ["due"], ["because"])
        ):
            return None  # "Delayed transfers of care …"
        return "delayed"
    if label == "UNDERWAY":
        if tokens[start] in {"continues", "continue", "continuing"}:
            return None if future else "in_progress"
        if negated:
            return "delayed" if tokens[end - 1] in {"track", "target", "schedule"} else None
        return None if future else "in_progress"
    if label == "ONGOING":
        if (
            negated
            or future
            or not any(w in BE for w in group)
            and (not before or before[0] not in {"remains", "remain"})
        ):
            return None
        return "ongoing"
    return None


def _progressive(tokens: list[str], i: int) -> bool:
    """ "is being developed", "are currently being reviewed": work under way."""
    if tokens[i] not in WORK_VERBS or i < 2 or tokens[i - 1] != "being":
        return False
    return tokens[i - 2] in BE or (i >= 3 and tokens[i - 2] in ADVERBS and tokens[i - 3] in BE)


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
