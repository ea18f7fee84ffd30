"""The spaCy pipeline: a blank English pipeline (or ``en_core_web_sm`` when installed) with an entity ruler
built from the vocabulary, loaded once on first use; :func:`parse` runs the same rules without spaCy when no
trained model is installed."""

from __future__ import annotations

from functools import lru_cache

from ..matcher import EntityRuler
from ..tokens import tokenize
from .words import (
    _INITIAL_RE,
    _MONTH_WORDS,
    _NAME_RE,
    _RANK_WORDS,
    GIVEN_NAMES,
    NONNAME,
    ORG_HEADS,
    POST_HEADS,
    POST_LEADS,
    RANKS,
    TEAM_HEADS,
)


def _patterns() -> list[dict]:
    """EntityRuler patterns for PERSON, POST, ORG and TEAM, each with id "rule"."""
    nonname = sorted(NONNAME | {w.capitalize() for w in NONNAME})
    name = {"TEXT": {"REGEX": _NAME_RE, "NOT_IN": nonname}}
    opt_name = {**name, "OP": "?"}
    initial = {"TEXT": {"REGEX": _INITIAL_RE}}
    given = {"TEXT": {"IN": sorted(GIVEN_NAMES)}}
    hyphen = {"ORTH": "-"}
    mod = {
        "TEXT": {"REGEX": r"^(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,6}s?)$"},
        "IS_STOP": False,
        "LOWER": {"NOT_IN": sorted(_MONTH_WORDS)},
    }
    mods = {**mod, "OP": "+"}
    conn = {"LOWER": {"IN": ["and", "&"]}}
    conn_of = {"LOWER": {"IN": ["and", "&", "of", "for"]}}
    title_or_and = {"TEXT": {"REGEX": r"^(?:[A-Z][A-Za-z'’-]*|and|&)$"}, "OP": "+"}
    org_head = {"TEXT": {"IN": sorted(ORG_HEADS)}}
    team_head = {"TEXT": {"IN": sorted(TEAM_HEADS)}}
    post_head = {"TEXT": {"IN": sorted(POST_HEADS - {"Co-ordinator"})}}
    coord: list[dict] = [{"ORTH": "Co"}, hyphen, {"LOWER": {"IN": ["ordinator", "ordinators"]}}]

    out: list[dict] = []

    def add(label: str, pattern: list[dict]) -> None:
        out.append({"label": label, "pattern": pattern, "id": "rule"})

    # one pattern for all one-word ranks, one per longer rank ("Det Supt", "Detective Chief Inspector")
    single = sorted({w for r in RANKS if len(r) == 1 for w in (r[0], r[0] + ".")})
    rank_starts: list[list[dict]] = [[{"TEXT": {"IN": single}}]]
    rank_starts += [[{"ORTH": w} for w in r] for r in RANKS if len(r) > 1]
    for toks in rank_starts:
        add("PERSON", toks + [name, opt_name, opt_name])
        add("PERSON", toks + [initial, name])
        add("PERSON", toks + [name, hyphen, name])
    add("PERSON", [{"ORTH": "Cllr"}, {"ORTH": "."}, name, opt_name, opt_name])
    add("PERSON", [given, name, opt_name])
    add("PERSON", [given, initial, name])
    add("PERSON", [given, name, hyphen, name])

    for lead in POST_LEADS:
        toks = [{"ORTH": w} for w in lead]
        add("POST", toks)
        if lead[-1] not in ("of", "for"):
            add("POST", toks + [{"LOWER": {"IN": ["of", "for"]}}, title_or_and])
        else:
            add("POST", toks + [title_or_and])
    heads: list[list[dict]] = [[post_head], coord]  # a one-token head, and "Co-ordinator" as three tokens
    for head in heads:
        add("POST", [{**mod, "OP": "*"}] + head)
        add("POST", [{**mod, "OP": "*"}] + head + [{"LOWER": "for"}, title_or_and])
        add("POST", [mods] + head + [conn] + [mods] + (head))
    add("POST", [{"ORTH": "Secretary"}, {"ORTH": "of"}, {"ORTH": "State"}])

    add("ORG", [mods, org_head])
    add("ORG", [mods, conn_of, mods, org_head])
    add("ORG", [{"ORTH": "NHS"}])
    add(
        "ORG",
        [
            {"TEXT": {"IN": ["Ministry", "Department"]}},
            {"LOWER": {"IN": ["of", "for"]}},
            {"TEXT": {"REGEX": r"^(?:[A-Z][A-Za-z'’-]*|and|&|,)$"}, "OP": "+"},
        ],
    )

    add("TEAM", [mods, team_head])
    add("TEAM", [mods, conn_of, mods, team_head])
    return out


@lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline: ``en_core_web_sm`` when installed, else ``spacy.blank("en")``; the rules on top."""
    import spacy
    from spacy.pipeline import EntityRuler

    try:
        nlp = spacy.load("en_core_web_sm", exclude=["lemmatizer", "parser", "attribute_ruler", "tagger"])
    except (OSError, ImportError, ValueError):
        nlp = spacy.blank("en")
    config = {"overwrite_ents": True, "validate": False}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=config)
    assert isinstance(ruler, EntityRuler)  # add_pipe is typed as returning any pipe component
    ruler.add_patterns(_patterns())
    return nlp


def has_trained_model() -> bool:
    return _model_installed() and "ner" in load_nlp().pipe_names


@lru_cache(maxsize=1)
def _ruler() -> EntityRuler:
    """The rules without spaCy (:mod:`extract.enrich.tokens`), for the blank pipeline."""
    return EntityRuler(_patterns())


def parse(text: str, alike: frozenset[str] = frozenset()):
    """``text`` through the pipeline: a Doc with ``ents``. With no trained model the rules run without spaCy
    (the same tokens and entities, without importing spaCy); spaCy itself runs for a trained model, for a text
    the plain-Python tokenizer leaves to it, and where two labels tie for a span (spaCy's pick then follows its
    hashes) unless the caller reads the tied labels alike (``alike``)."""
    if not _model_installed():
        doc = tokenize(text)
        if doc is not None and _ruler()(doc, alike) is not None:
            return doc
    return load_nlp()(text)


@lru_cache(maxsize=1)
def _model_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("en_core_web_sm") is not None


# Words without which no PERSON or ORG rule can match (ranks, given names, organisation words).
_TRIGGERS = frozenset(_RANK_WORDS | GIVEN_NAMES | ORG_HEADS | {"Ministry", "Department", "NHS"})
