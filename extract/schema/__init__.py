"""JSON Schema (draft 2020-12) of rectrack's row record, shipped with the package.

``recommendation_schema()`` returns it as a dict, e.g. to validate JSON Lines output::

    import jsonschema
    jsonschema.validate(row, recommendation_schema())
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

SCHEMA_FILE = "recommendation.schema.json"


@cache
def _text() -> str:
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def recommendation_schema() -> dict:
    """The row record's JSON Schema (a fresh copy each call)."""
    return json.loads(_text())
