"""The vocabulary of people, posts, organisations and teams: ranks and titles, given names, head words,
words that are never names, and the shape of a name."""

from __future__ import annotations

import re

from ..dates import MONTHS

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

# Month names (the calendar's one table, in dates), weekdays and seasons: never a person's name.
_MONTH_WORDS = frozenset(MONTHS) | frozenset(
    {
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
