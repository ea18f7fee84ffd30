"""JSON Lines: one object per row, keys in FIELDS order (the scoring contract first)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..records import Recommendation


def write_jsonl(rows: Iterable[Recommendation], stream: IO[str]) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
