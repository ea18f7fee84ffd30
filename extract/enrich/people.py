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
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------- vocabulary

# Ranks and titles that make the next capitalised words a person (each a token sequence).
RANKS: tuple[tuple[str, ...], ...] = tuple(
    tuple(r.split())
    for r in (
        "Detective Chief Superintendent",
        "Detective Chief Inspector",
        "Detective Superintendent",
        "Detective Inspector",
        "Detective Sergeant",
        "Detective Constable",
        "Chief Superintendent",
        "Chief Inspector",
        "Chief Constable",
        "Deputy Chief Constable",
        "Assistant Chief Constable",
        "Police Constable",
        "Superintendent",
        "Inspector",
        "Sergeant",
        "Det Ch Supt",
        "Det Chief Supt",
        "Det Supt",
        "Det Insp",
        "Det Sgt",
        "Det Con",
        "Ch Supt",
        "Ch Insp",
        "Chief Supt",
        "Chief Insp",
        "DCI",
        "DI",
        "DS",
        "DC",
        "DSU",
        "DCS",
        "PC",
        "PCSO",
        "Sgt",
        "Insp",
        "Supt",
        "ACC",
        "DCC",
        "County Councillor",
        "Councillor",
        "Cllr",
        "Cllrs",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Prof",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Rev",
        "Revd",
        "Reverend",
        "Canon",
    )
)
_RANK_WORDS = frozenset(w for r in RANKS for w in r)
_RANKS_LONGEST_FIRST = tuple(sorted(RANKS, key=len, reverse=True))

# Common given names: a name that starts with one is a person even when its surname is also a word
# ("Helen Marsh", "Karen Bell"). Words that are more often something else (May, Will, Grant, Hope …) are left out.
GIVEN_NAMES = frozenset(
    """
Aaron Abdul Abigail Adam Adrian Ahmed Aidan Aisha Alan Alastair Alex Alexander Alexandra Ali Alice Alison Alistair
Amanda Amir Amy Andrea Andrew Andy Angela Anil Anita Ann Anna Anne Annette Anthony Antony Anwar Arthur Ashley
Barbara Barry Ben Benjamin Beverley Bilal Brenda Brian Bridget Bruce Callum Cameron Carl Carla Carol Caroline
Catherine Charles Charlotte Chloe Chris Christine Christopher Claire Clare Colin Connor Craig Daniel Danny Darren
Dave David Dawn Dean Debbie Deborah Denise Derek Diane Dominic Donna Dorothy Douglas Duncan Edward Eileen Elaine
Eleanor Elizabeth Ellie Emily Emma Eric Fatima Fiona Frances Francesca Gail Gareth Gary Gavin Gemma Geoff Geoffrey
George Georgina Gerald Gillian Gordon Graham Hannah Harry Hayley Heather Helen Henry Hilary Hugh Iain Ian Imran
Irene Isabel Jack Jackie Jacqueline James Jamie Jan Jane Janet Janice Jason Jayne Jean Jeff Jennifer Jenny Jeremy
Jessica Jill Jim Joan Joanna Joanne Jodie John Jon Jonathan Joseph Josephine Josh Joshua Joy Judith Julia Julian
Julie Karen Karl Kate Katherine Kathryn Katie Kay Keith Kelly Kenneth Kerry Kevin Kim Kirsty Kwame Laura Lauren
Lee Leigh Lesley Leslie Liam Linda Lindsay Lisa Lorraine Louise Lucy Lynn Lynne Malcolm Marcus Margaret Maria
Marie Marion Mark Martin Martyn Mary Matthew Maureen Megan Melanie Michael Michelle Mike Mohammed Mohammad Muhammad
Naomi Natalie Neil Nicholas Nick Nicola Nigel Noel Oliver Owen Pamela Patricia Patrick Paul Paula Pauline Peter
Philip Phillip Phil Priya Rachel Rajesh Raymond Rebecca Richard Rob Robert Robin Roger Ross Ruth Ryan Sally
Samantha Sam Sandra Sarah Scott Sean Shaun Sharon Sheila Simon Siobhan Sonia Sophie Stella Stephanie Stephen Steve
Steven Stuart Sue Susan Suzanne Tanya Teresa Thomas Tim Timothy Tina Tom Tony Tracey Tracy Trevor Valerie Vanessa
Vicky Victor Vincent Wendy William Yasmin Yusuf Zoe
""".split()
)

ORG_HEADS = frozenset(
    {
        "Council",
        "Councils",
        "Constabulary",
        "Agency",
        "Partnership",
        "Board",
        "Trust",
        "NHS",
        "Police",
        "Authority",
        "Commission",
        "Government",
        "Office",
        "Association",
        "Federation",
        "Foundation",
        "University",
        "College",
        "CCG",
        "ICB",
        "Ltd",
        "Limited",
        "plc",
        "PLC",
        "LLP",
        "Consortium",
        "Alliance",
        "Society",
    }
)
# An organisation however it ends: "Durham Police Service", "Fire and Rescue Service".
_PUBLIC_BODY_WORDS = frozenset({"Police", "Constabulary", "NHS", "Fire", "Rescue", "Ambulance", "Probation", "Prison"})
# Council bodies: an owner of type organisation, but not a mention ("the Overview and Scrutiny Committee").
_BODY_WORDS = frozenset({"Committee", "Cabinet", "Panel", "Forum", "Executive", "Assembly", "Network"})
TEAM_HEADS = frozenset(
    {
        "Team",
        "Teams",
        "Service",
        "Services",
        "Unit",
        "Directorate",
        "Section",
        "Department",
        "Division",
        "Hub",
        "Function",
        "Group",
    }
)
POST_HEADS = frozenset(
    {
        "Manager",
        "Officer",
        "Director",
        "Executive",
        "Leader",
        "Lead",
        "Auditor",
        "Coordinator",
        "Co-ordinator",
        "Adviser",
        "Advisor",
        "Engineer",
        "Planner",
        "Solicitor",
        "Accountant",
        "Analyst",
        "Commissioner",
        "Chair",
        "Chairman",
        "Chairperson",
        "Clerk",
        "Treasurer",
        "Controller",
        "Administrator",
        "Consultant",
        "Specialist",
        "Surveyor",
        "Architect",
        "Worker",
        "Holder",
        "Member",
        "Investigator",
        "Inspector",
        "Secretary",
        "Registrar",
        "Supervisor",
        "Practitioner",
        "Librarian",
        "Warden",
        "Head",
        "Partner",
        "Assistant",
        "Deputy",
        "Minister",
        "Mayor",
        "Coroner",
        "Archivist",
        "Curator",
        "Trainer",
        "Designer",
        "Technician",
        "Caseworker",
        "Ombudsman",
    }
)
# A post that starts with these words: "Head of Planning and Assets", "Director of Public Health".
POST_LEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "Head of",
        "Head for",
        "Director of",
        "Director for",
        "Assistant Director",
        "Deputy Director",
        "Deputy Head",
        "Strategic Director",
        "Corporate Director",
        "Executive Director",
        "Interim Director",
        "Interim Head",
        "Acting Director",
        "Acting Head",
        "Service Director",
        "Chief Executive",
        "Chief Officer",
        "Portfolio Holder",
        "Cabinet Member",
        "Cabinet Lead",
        "Lead Member",
        "Leader of",
        "Secretary of",
        "Chair of",
        "Chairman of",
        "Police and Crime Commissioner",
    )
)
_CONNECTORS = frozenset({"and", "&", "of", "for"})

_MONTH_WORDS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "winter",
    }
)
_PLACE_WORDS = frozenset(
    {
        "road",
        "street",
        "avenue",
        "lane",
        "drive",
        "close",
        "crescent",
        "terrace",
        "square",
        "centre",
        "center",
        "hospital",
        "school",
        "academy",
        "library",
        "house",
        "hall",
        "park",
        "court",
        "estate",
        "station",
        "bridge",
        "way",
        "gardens",
        "place",
    }
)
# Words that are never part of a person's name.
NONNAME = (
    frozenset(w.lower() for w in ORG_HEADS | TEAM_HEADS | POST_HEADS)
    | _MONTH_WORDS
    | {
        "committee",
        "cabinet",
        "scrutiny",
        "overview",
        "panel",
        "forum",
        "group",
        "review",
        "plan",
        "strategy",
        "policy",
        "members",
        "officers",
        "county",
        "city",
        "borough",
        "district",
        "england",
        "wales",
        "scotland",
    }
)
# Words of service areas, plans and other capitalised phrases that are not people's names.
DEPT_WORDS = frozenset(
    """
access accommodation accounts adult adults adaptations advice affordable allocations and annual anti asb asset assets
assessment audit awareness benefits better budget building buildings business care carers cctv change children
childrens civil cleansing climate coastal commercial commissioning communications communities community compliance
consultation contracts control corporate council countryside county crime culture customer cyber data democratic
design development digital disability disorder domestic drainage early economic economy education emergency
employment enforcement engagement environment environmental equality estates events facilities family finance
financial fleet flood food fraud front funding general governance grants growth health highways homelessness
housing human improvement inclusion information infrastructure innovation insight integrated intelligence internal
investment learning legal leisure libraries licensing local management market marketing member mental
neighbourhood neighbourhoods network operations organised parking parks partnerships people performance planning
policy prevention private procurement programme project projects property protection public quality
recycling regeneration regulatory resilience resources revenues risk road roads rural safe safeguarding safer
safety school schools sector services skills social special sport strategic strategy street support sustainability
systems technical technology tenancy trading traffic training transformation transport travel urban waste welfare
wellbeing workforce young youth the a an new national regional north south east west northern southern central
joint multi agency senior elected chief principal assistant deputy interim acting head
""".split()
)
_NONNAME_SUFFIX = re.compile(r"(?:ment|tion|sion|ity|ness|ship|ance|ence|ics|ism)$", re.I)

_NAME_RE = r"^(?:[A-Z][a-z]+(?:['’][A-Z]?[a-z]+)*|[A-Z]['’][A-Z][a-z]+|(?:Mc|Mac|De|Le|Van|Von)[A-Z][a-z]+)$"
_INITIAL_RE = r"^[A-Z]\.?$"
_NAME = re.compile(_NAME_RE)
_INITIAL = re.compile(_INITIAL_RE)

# ---------------------------------------------------------------- spaCy pipeline


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
    return "ner" in load_nlp().pipe_names


@lru_cache(maxsize=1)
def _model_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("en_core_web_sm") is not None


# Words without which no PERSON or ORG rule can match (ranks, given names, organisation words).
_TRIGGERS = frozenset(_RANK_WORDS | GIVEN_NAMES | ORG_HEADS | {"Ministry", "Department", "NHS"})


# ---------------------------------------------------------------- shapes


def _strip_rank(words: list[str]) -> tuple[list[str], bool]:
    bare = [w.rstrip(".") for w in words]
    for rank in _RANKS_LONGEST_FIRST:
        if tuple(bare[: len(rank)]) == rank and len(words) > len(rank):
            return words[len(rank) :], True
    return words, False


def _name_word(word: str) -> bool:
    return bool(
        _NAME.match(word) or _INITIAL.match(word) or (("-" in word) and all(_NAME.match(p) for p in word.split("-")))
    )


def is_person_name(text: str) -> bool:
    """Two to four capitalised name words (or a rank and one to three), none a word of a service or post."""
    words = text.replace(",", " ").split()
    words, ranked = _strip_rank(words)
    if not words or len(words) > 4 or (len(words) < 2 and not ranked):
        return False
    if not all(_name_word(w) for w in words):
        return False
    if any(w.lower().rstrip(".") in NONNAME for w in words):
        return False
    if ranked or words[0] in GIVEN_NAMES:
        return True
    return not any(w.lower() in DEPT_WORDS or _NONNAME_SUFFIX.search(w) for w in words)


def _type_by_words(text: str) -> str:
    """post, organisation or team from head words; "" when the words say nothing."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not words:
        return ""
    lead = tuple(words[:3])
    if any(lead[: len(p)] == p for p in POST_LEADS) or words[-1] in POST_HEADS or words[-1].rstrip("s") in POST_HEADS:
        return "post"
    if words[-1] in ORG_HEADS | _BODY_WORDS or any(w in _PUBLIC_BODY_WORDS for w in words):
        return "organisation"
    if words[-1] in TEAM_HEADS:
        return "team"
    if any(w in ORG_HEADS for w in words):
        return "organisation"
    if any(w in TEAM_HEADS for w in words):
        return "team"
    if any(w in POST_HEADS for w in words):
        return "post"
    return ""


_LABEL_TYPE = {"PERSON": "person", "POST": "post", "ORG": "organisation", "TEAM": "team"}


def _untitle(text: str) -> str:
    """ "HEAD OF PLANNING" → "Head of Planning" (ranks and short acronyms kept), for text in capitals."""
    out = []
    for word in text.split():
        bare = word.strip(",.;:()")
        if bare.lower() in _CONNECTORS or bare.lower() == "the":
            out.append(word.lower())
        elif bare in _RANK_WORDS or bare in ORG_HEADS or len(bare) <= 3:
            out.append(word)
        else:
            out.append("-".join(p.capitalize() for p in word.split("-")))
    return " ".join(out)


def classify(text: str) -> str:
    """The owner type of one name: person, post, team or organisation.

    The vocabulary's head words and name shapes decide first (ranks, posts, organisations, teams, names);
    what they leave open goes through the spaCy pipeline (its rules, and a trained model's NER when one is
    installed); whatever is still open is a service area, a team.
    """
    text = text.strip()
    if not text:
        return "team"
    if text.isupper() and len(text) > 4:
        text = _untitle(text)
    if _strip_rank(text.split())[1] and is_person_name(text):
        return "person"
    by_words = _type_by_words(text)
    if by_words:
        return by_words
    if is_person_name(text):
        return "person"
    doc = load_nlp()(text)
    spans = [e for e in doc.ents if e.start == 0 and e.end == len(doc) - (1 if doc[-1].is_punct else 0)]
    rule = next((e for e in spans if e.ent_id_ == "rule" and e.label_ != "PERSON"), None)
    if rule is not None:
        return _LABEL_TYPE[rule.label_]
    if any(e.label_ == "ORG" for e in spans):
        return "organisation"
    return "team"  # a service area: "Public Health", "Development Management"


# ---------------------------------------------------------------- owners

_GROUP_SPLIT = re.compile(r"\s*(?:;|/|\n|\r|\|)\s*")
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.I)
_TRAILING_CONNECTOR = re.compile(r"(?:\b(?:and|of|for|the)|&|-|–)\s*$", re.I)
_PAREN = re.compile(r"\(([^()]*)\)")


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t,.;:-–")


def _comma_parts(group: str) -> list[str]:
    group = _PAREN.sub(lambda m: ", " + m.group(1) + ",", group)
    raw = [p for p in (_tidy(x) for x in group.split(",")) if p]
    parts: list[str] = []
    for part in raw:
        # a line or comma that cuts a name in two: "Head of Legal and" + "Democratic Services"
        if parts and (_TRAILING_CONNECTOR.search(parts[-1]) or part[:1].islower()):
            parts[-1] = f"{parts[-1]} {part}" if not parts[-1].endswith(",") else parts[-1] + " " + part
        else:
            parts.append(part)
    return parts


def owners(text: str) -> tuple[dict, ...]:
    """The owners named in a responsible cell, each ``{"name", "type"}`` (+ ``post``/``organisation``)."""
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    text = (text or "").replace("\u00a0", " ")
    # a line break inside one name ("Head of Legal and" / "Democratic Services") is not a separator
    text = re.sub(r"(\b(?:and|of|for|the)|&|,)[ \t]*\r?\n\s*", r"\1 ", text, flags=re.I)
    text = re.sub(r"[ \t]*\r?\n\s*(?=(?:and|of|for|&)\b|[a-z])", " ", text)
    for group in _GROUP_SPLIT.split(text):
        if not _tidy(group):
            continue
        current: list[dict] = []
        for part in _comma_parts(group):
            pieces = [_tidy(p) for p in _AND_SPLIT.split(part)]
            if len(pieces) > 1 and all(p and is_person_name(p) for p in pieces):
                current.extend({"name": p, "type": "person"} for p in pieces)
                continue
            kind = classify(part)
            last = current[-1] if current else None
            if kind == "person":
                current.append({"name": part, "type": "person"})
            elif kind == "post" and last is not None and last["type"] == "person" and "post" not in last:
                last["post"] = part
            elif kind in ("team", "organisation") and last is not None and last["type"] == "post":
                if kind == "organisation" and "organisation" not in last:
                    last["organisation"] = part
                else:
                    last["name"] = f"{last['name']}, {part}"
            elif kind in ("team", "organisation") and last is not None and last["type"] == "person":
                if "post" in last and kind == "team":
                    last["post"] = f"{last['post']}, {part}"
                elif kind == "organisation" and "organisation" not in last:
                    last["organisation"] = part
                else:
                    current.append({"name": part, "type": kind})
            else:
                current.append({"name": part, "type": kind})
        for owner in current:
            key = (owner["name"], owner["type"])
            if key not in seen:
                seen.add(key)
                out.append(owner)
    return tuple(out)


# ---------------------------------------------------------------- mentions


def _trim(span):
    """Drop connectors and punctuation at the ends of a span."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _CONNECTORS):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in _CONNECTORS or doc[start].lower_ == "the"):
        start += 1
    return doc[start:end]


# An organisation word that names a thing, not a body: "Enhanced Partnership Plan", "Trust Board Report".
_THING_WORDS = frozenset(
    {
        "Plan",
        "Plans",
        "Scheme",
        "Strategy",
        "Policy",
        "Document",
        "Report",
        "Review",
        "Agreement",
        "Protocol",
        "Framework",
        "Programme",
        "Fund",
        "Project",
        "Meeting",
        "Website",
        "Action",
        "Statement",
        "Charter",
        "Bid",
        "Grant",
        "Award",
    }
)


# A lone modifier that does not make an organisation's name: "Annual Council" (a meeting), "Local Authority",
# "County Council" (which one?), "Enhanced Partnership" (an arrangement).
_GENERIC_MODIFIERS = frozenset(
    {
        "Annual",
        "Full",
        "Local",
        "County",
        "City",
        "District",
        "Borough",
        "Parish",
        "Town",
        "Enhanced",
        "Joint",
        "Strategic",
        "Relevant",
        "Statutory",
        "Special",
        "Extraordinary",
        "New",
        "Existing",
        "Partner",
        "Safeguarding",
        "Shadow",
    }
)


def _org_ok(span) -> bool:
    """An ORG span from the rules that names a body: not "Annual Council", not "Local Authority Housing Fund"."""
    words = [t.text for t in span]
    if len(words) == 2 and words[0] in _GENERIC_MODIFIERS:
        return False
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].is_title and not doc[i].is_stop:
        i += 1
    return not (i > span.end and doc[i - 1].text in _THING_WORDS | TEAM_HEADS | POST_HEADS)


def _model_org_ok(span) -> bool:
    words = [t.text for t in span if not t.is_punct]
    if len(words) < 2 or words[-1] in TEAM_HEADS | POST_HEADS:
        return False
    if any(w.lower() in ("committee", "cabinet", "scrutiny", "panel", "members") for w in words):
        return False
    return all(_NAME.match(w) or w.isupper() or w in _CONNECTORS for w in words)


def mentions(text: str, known_people: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """People and organisations named in free text, each ``{"text", "type"}``, in order of first mention.

    People: a rank or title and a name ("DCI Ashton", "Councillor Joy Allen"), a known given name and a
    surname ("Fiona Liddle"), or a name the paper gives as an owner (``known_people``). Organisations:
    capitalised names ending in an organisation word ("Durham Constabulary", "Safe Durham Partnership",
    "Environment Agency", "Home Office"), "NHS", "Ministry of …" / "Department for …". A lone "the Council"
    or "the Police" is not a mention.
    """
    if not text or not text.strip():
        return ()
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    # Every rule that can name a person or an organisation needs one of the trigger words; without one (and
    # without a trained model) the pipeline would find nothing, so it is not run.
    run = _model_installed() or not _TRIGGERS.isdisjoint(re.findall(r"[A-Za-z]+", text))
    for ent in load_nlp()(text).ents if run else ():
        span = _trim(ent)
        if not len(span):
            continue
        if ent.ent_id_ == "rule":
            if ent.label_ == "PERSON":
                kind = "person"
            elif ent.label_ == "ORG":
                if not _org_ok(span):
                    continue
                kind = "organisation"
            else:
                taken.append((span.start_char, span.end_char))  # posts and teams: not mentions, but they
                continue  # keep their words from being read as a name
        elif ent.label_ == "PERSON" and is_person_name(span.text):
            kind = "person"
        elif ent.label_ == "ORG" and _model_org_ok(span):
            kind = "organisation"
        else:
            continue
        taken.append((span.start_char, span.end_char))
        found.append((span.start_char, span.text, kind))
    for name in sorted(set(known_people), key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text):
            s, e = m.span()
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                found.append((s, name, "person"))
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _, span_text, kind in sorted(found):
        span_text = re.sub(r"\s+", " ", span_text)
        if (span_text, kind) not in seen:
            seen.add((span_text, kind))
            out.append({"text": span_text, "type": kind})
    return tuple(out)


def known_people(all_owners) -> tuple[str, ...]:
    """Names of the people among owners (two words or more, ranks dropped), to find them in progress text."""
    names: set[str] = set()
    for owner_list in all_owners:
        for owner in owner_list:
            if owner.get("type") != "person":
                continue
            words, _ = _strip_rank(owner["name"].split())
            if len(words) >= 2:
                names.add(" ".join(words))
    return tuple(sorted(names))
