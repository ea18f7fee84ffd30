"""Owners (from the responsible cell) and mentions (people and organisations named in the progress text).

One vocabulary (ranks and titles, given names, post, organisation and team head words) drives both parts.
Free text goes through spaCy: a blank English pipeline (``spacy.blank("en")``) with an ``entity_ruler``
whose token patterns label PERSON (a rank or title and a name, or a known given name and a surname), POST
(job titles), ORG (names ending in an organisation word) and TEAM (names ending in a team word); POST and
TEAM spans are not mentions, but they keep their words from being read as names. When a trained English
model (``en_core_web_sm``) is installed it is loaded instead of the blank pipeline and the same ruler runs
before its NER: the rules win, and the model only adds people and organisations the rules did not find
(which still have to pass the same shape checks). Nothing is downloaded; with no model the results are the
rules' alone and fully deterministic. The pipeline is built once, on first use (about a second).

An owner (one name from the responsible cell, already split) is typed by the vocabulary's head words and
name shapes first; what they leave open goes through the same pipeline, and is a team if still open.

Owner types: ``person``, ``post``, ``team``, ``organisation``. A person named with their post
("Paul Waller, Head of Legal and Democratic Services") is one owner of type person with the post kept under
``"post"``; a person named with an organisation ("Dave Ashton, Durham Constabulary") keeps it under
``"organisation"``. A post followed by its service ("Corporate Director, Regeneration and Local Services")
stays one post. A name that is none of these (a service area such as "Public Health" or "Development
Management") is a ``team``.

Modules: ``words`` (the vocabulary), ``nlp`` (the spaCy pipeline), ``shapes`` (name shapes and types),
``owners`` and ``mentions``.
"""

from __future__ import annotations

from .mentions import known_people, mentions
from .nlp import _model_installed as _model_installed  # for the batch runner's start-up check
from .nlp import has_trained_model, load_nlp
from .owners import owners
from .shapes import classify, is_person_name

__all__ = ["classify", "has_trained_model", "is_person_name", "known_people", "load_nlp", "mentions", "owners"]
