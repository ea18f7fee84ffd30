"""The vocabulary of status statements: done, work, delay and start words, and the words that change how a
find is read (be, have, modals, plans, negations, conditions, parts of the job, clause breaks, adverbs)."""

from __future__ import annotations

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
