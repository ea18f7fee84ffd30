"""Enrichment: meaning added beside the paper's own text (due dates, status, RAG, owners, overdue).

The core fields (``timescale``, ``status``, ``progress``, ``responsible`` …) keep the paper's words; this
stage only fills the enrichment fields of each :class:`~extract.records.Recommendation`. It is pure and
deterministic: the same rows give the same result, nothing is downloaded, and no state is kept between calls
(the spaCy pipeline is built once and cached). spaCy is imported only when the first row needs it.

Vocabulary
----------

``due_date`` (YYYY-MM-DD or None) comes from the timescale; a period resolves to its end:

* ``March 2017`` → 2017-03-31; day-first dates ``31/03/2018``, ``31.03.18``, ``31st March 2018`` → that day
* UK financial years (1 April – 31 March): ``2017/18`` → 2018-03-31; quarters ``Q3 2019/20`` → 2019-12-31
  (Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar)
* ``End of 2016`` / ``2016`` → 2016-12-31; ``early`` / ``mid`` / ``late 2017`` → 30 Apr / 31 Aug / 31 Dec
* seasons: spring → 31 May, summer → 31 August, autumn → 30 November, winter → end of February next year
* ranges (``July – October 2015``) → the end; several timescales (``Ongoing; July 2023``) → the latest
* relative to the meeting date: ``by the end of the year``, ``end of the financial year``, ``next year``,
  ``within six months``, ``next month``, ``next quarter``, ``this`` / ``next municipal year`` (the municipal
  year runs May to May: it ends 31 May), a month or day without a year (``March`` → the next March)
* a date in the status or progress cell with a label or status word before it (``Complete – March 2017``,
  ``Target date: June 2018``) is used only when the timescale gives none (note "from status" / "from progress")

``due_date_note`` says why there is no date — ``no timescale``, ``ongoing``, ``recurring`` (Annually …),
``complete``, ``immediate``, ``to be confirmed``, ``not applicable``, ``ambiguous`` (``03/04``, ``Q3 2019``,
``March 17`` — never guessed), ``invalid date``, ``no meeting date``, ``unparsed`` — or how a date was found:
``""`` (read as written), ``relative to meeting date``, ``year from meeting date``, ``from status``,
``from progress``.

``status_norm`` is one of complete, in_progress, ongoing, delayed, not_started, not_accepted, unknown; taken
from the first source that has one (``status_source``):

1. ``status_column`` — the paper's status word (or a response table's "Accepted?" column saying No / Not
   accepted / Rejected → not_accepted): Complete(d), Achieved, Closed, Implemented, Done, Delivered,
   In place, Blue → complete; In progress, On track, On target, Progressing, Underway, Started, Open,
   Partially complete, Not yet complete → in_progress; Ongoing, On-going, Continuous, Business as usual,
   Annual → ongoing; Delayed, Slipped, Behind, Off track, Overdue, Not achieved, Not met, Postponed,
   Deferred → delayed; Not started, Not yet started, Pending → not_started; Not accepted, Not agreed,
   Rejected, Declined, Withdrawn → not_accepted; numbered scales ("1 Achieved", "3 Slipped") by their word;
   "NN%" → complete at 100%, not_started at 0%, in_progress otherwise.
2. ``shading`` — a grey status cell (``status_fill``) means done → complete.
3. ``timescale`` — Complete / In place → complete; Ongoing / Annually → ongoing.
4. ``progress_text`` — the progress text read sentence by sentence (:mod:`.statements`): work reported done
   in the past tense → complete, part done or under way → in_progress, not started, delayed; future tense,
   conditions and negation are handled; the last sentence that reports a status wins.
5. ``shading`` — a red, amber or green status cell with no words: read as that RAG rating (below).
6. ``due_date`` — nothing else, and the due date is on or after the meeting date → in_progress (open, not
   yet due).
7. ``none`` → unknown.

``status_evidence`` is what decided: the progress sentence, the status or Accepted cell, the timescale, the
shading or the due date ("" when unknown).

``rag`` (red, amber, green or ""): the status column's colour word or letter (Red/Amber/Green, R/A/G,
"RAG: Amber", Yellow/Orange → amber; "Amber/Green" → the worse), else the status cell's shading classified by
hue (reds; oranges, ambers and yellows; greens). A status column holding only a RAG word sets ``status_norm``
too: Red → delayed, Amber → in_progress (at risk), Green → in_progress (on track) unless the progress text
says the work is done (complete) or the timescale says complete or ongoing; Blue → complete.

``overdue`` (see :func:`is_overdue`) is True when the status is known and open (in_progress, delayed,
not_started) and the due date is before the meeting date (or the ``--as-of`` date, :func:`apply_as_of`);
False when the status is known and the row is not overdue; None when not known (status unknown).

``owners`` splits ``responsible`` on ";", "/", line breaks, "," (a post's service and a person's post stay
with them) and on "and" / "&" only between two names; each owner is ``{"name", "type"}`` with type person
(a rank or title and a name — DCI, DI, Det Supt, Ch Insp, Sgt, Cllr, Councillor, Dr, Mr/Mrs/Ms … — or two
to four capitalised name words), post (Head of …, Director of …, Corporate Director, Chief Executive,
… Manager, … Officer, … Leader …), organisation (… Council, Constabulary, Agency, Partnership, Board, Trust,
NHS, Police, Authority …) or team (… Team, Service(s), Unit, Directorate, Section, Department, and any
other service area such as "Public Health"). A person given with a post ("Paul Waller, Head of Legal and
Democratic Services") is one person owner with ``"post"``; with an organisation, ``"organisation"``.

``mentions`` are the people and organisations named in the progress text, ``{"text", "type"}`` with type
person or organisation, kept to high precision: people by rank or title and name, by a common given name
and surname, or by a name the paper lists as an owner; organisations by a capitalised name ending in an
organisation word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ..records import Recommendation
from .dates import Due, labelled_date, parse_timescale
from .statements import read_progress
from .status import (
    RAG_STATUS,
    STATUSES,
    fill_class,
    not_accepted,
    rag_from_text,
    status_from_text,
    status_from_timescale,
)

__all__ = ["apply_as_of", "enrich_row", "enrich_rows", "is_overdue", "paper_people", "preload"]


def preload() -> None:
    """Build the enrichment's rules now (otherwise built when a row first needs them): the plain-Python copy of
    spaCy's tokenizer and matchers, or, with a trained model installed, the spaCy pipeline (~1 s).

    For worker processes with a per-file time limit: call this once in the worker's initializer, or in the
    parent before forking, so the first file does not pay for it.
    """
    from .people import load_nlp
    from .people.nlp import _model_installed, _ruler
    from .statements import _matcher
    from .tokens import tables

    if _model_installed():
        load_nlp()
    tables()
    _ruler()
    _matcher()


def _due(row: Recommendation) -> Due:
    due = parse_timescale(row.timescale, row.meeting_date)
    if due.date is not None:
        return due
    # the timescale gives none: a labelled date in the status cell (or a status cell that is just a date),
    # then a labelled date in the progress text
    found = labelled_date(row.status, row.meeting_date)
    if found is None and row.status.strip():
        plain = parse_timescale(row.status, row.meeting_date)
        found = plain if plain.date is not None else None
    if found is not None:
        return Due(found.date, "from status")
    found = labelled_date(row.progress, row.meeting_date)
    if found is not None:
        return Due(found.date, "from progress")
    return due


def _status(row: Recommendation, due: Due) -> tuple[str, str, str, str]:
    """(status_norm, status_source, rag, status_evidence)."""
    shade = fill_class(row.status_fill)
    word_rag = rag_from_text(row.status)
    rag = word_rag or (shade if shade in RAG_STATUS else "")
    cell = row.status.strip()
    word = status_from_text(row.status)
    if word:
        return word, "status_column", rag, cell
    if not_accepted(getattr(row, "accepted", "")):
        return "not_accepted", "status_column", rag, row.accepted.strip()
    if shade == "grey":
        return "complete", "shading", rag, f"status cell shaded grey ({row.status_fill.strip().lstrip('#').upper()})"
    progress = read_progress(row.progress)
    if word_rag:
        # a RAG word in the status column: Red → delayed, Amber → in_progress, Green → in_progress unless the
        # progress text says the work is done (or the timescale says it is done or ongoing)
        if word_rag == "green":
            if progress is not None and progress[0] == "complete":
                return "complete", "progress_text", rag, progress[1]
            timed = status_from_timescale(row.timescale)
            if timed in ("complete", "ongoing"):
                return timed, "timescale", rag, row.timescale.strip()
        return RAG_STATUS[word_rag], "status_column", rag, cell
    timed = status_from_timescale(row.timescale)
    if timed:
        return timed, "timescale", rag, row.timescale.strip()
    if progress is not None:
        return progress[0], "progress_text", rag, progress[1]
    if rag:  # a RAG-shaded status cell with no words
        return (
            RAG_STATUS[rag],
            "shading",
            rag,
            f"status cell shaded {rag} ({row.status_fill.strip().lstrip('#').upper()})",
        )
    meeting = _meeting(row.meeting_date)
    if due.date is not None and meeting is not None and due.date >= meeting:
        return "in_progress", "due_date", rag, f"due {due.iso}, on or after the meeting ({row.meeting_date})"
    return "unknown", "none", rag, ""


# Statuses that can be overdue: work known to be open. (ongoing has no due date; complete and not_accepted are
# closed.)
OPEN_STATUSES = frozenset({"in_progress", "delayed", "not_started"})


def is_overdue(
    status_norm: str, due: date | str | None, reference: date | str | None, status_source: str = ""
) -> bool | None:
    """Whether a recommendation is overdue on ``reference`` (the meeting date, or the ``--as-of`` date).

    True: the status is known and open (in_progress, delayed, not_started) and the due date is before
    ``reference``. False: the status is known and the row is not overdue (complete, not_accepted, ongoing, no
    due date, or due on or after ``reference``). None: not known — the status is unknown (or only inferred
    from a due date that has since passed), or there is no reference date.
    """
    status_norm = (status_norm or "unknown").strip()
    if status_norm not in STATUSES or status_norm == "unknown":
        return None
    if status_norm not in OPEN_STATUSES:
        return False
    due, reference = _as_date(due), _as_date(reference)
    if due is None:
        return False
    if reference is None:
        return None
    if due >= reference:
        return False
    # "in_progress" read only from a due date still to come at the meeting says nothing once that date passes
    return None if status_source == "due_date" else True


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return _meeting(value)


def apply_as_of(rows: list[Recommendation], as_of: date | None) -> list[Recommendation]:
    """``rows`` with ``overdue`` judged on ``as_of`` instead of each row's meeting date (None: unchanged)."""
    if as_of is None:
        return rows
    return [replace(row, overdue=is_overdue(row.status_norm, row.due_date, as_of, row.status_source)) for row in rows]


def _meeting(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def enrich_row(
    row: Recommendation, known_people: tuple[str, ...] = (), owner_list: tuple[dict, ...] | None = None
) -> Recommendation:
    """One row with its enrichment fields filled in.

    ``known_people``: people's names the same paper gives as owners (found again in the progress text);
    ``owner_list``: the row's owners when already worked out.
    """
    from .people import mentions, owners

    due = _due(row)
    status_norm, source, rag, evidence = _status(row, due)
    overdue = is_overdue(status_norm, due.date, row.meeting_date, source)
    return replace(
        row,
        due_date=due.iso,
        due_date_note=due.note,
        status_norm=status_norm,
        status_source=source,
        rag=rag,
        overdue=overdue,
        status_evidence=evidence,
        owners=owners(row.responsible) if owner_list is None else owner_list,
        mentions=mentions(row.progress, known_people),
    )


def enrich_rows(rows: list[Recommendation], people: tuple[str, ...] | None = None) -> list[Recommendation]:
    """Return ``rows`` with their enrichment fields filled in (new rows; the input is not changed).

    ``people``: when ``rows`` are only some of one paper's rows (a long PDF's tables shared out between
    processes), the people the whole paper names as owners (:func:`paper_people`).
    """
    if not rows:
        return []
    from .people import known_people, owners

    owner_lists = [owners(row.responsible) for row in rows]
    by_source: dict[str, list[tuple[dict, ...]]] = {}
    for row, owner_list in zip(rows, owner_lists, strict=True):
        by_source.setdefault(row.source, []).append(owner_list)
    names = {source: known_people(lists) if people is None else people for source, lists in by_source.items()}
    return [enrich_row(row, names[row.source], owner_list) for row, owner_list in zip(rows, owner_lists, strict=True)]


def paper_people(responsible: Iterable[str]) -> tuple[str, ...]:
    """The people a paper names as owners, from all its rows' ``responsible`` (as :func:`enrich_rows` finds them
    for the rows it is given)."""
    from .people import known_people, owners

    return known_people(owners(text) for text in responsible)
