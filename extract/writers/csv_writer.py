"""CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads accents right)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from ..records import FIELDS, Recommendation, flat_dict
from .safety import neutralise


def write_csv(rows: Iterable[Recommendation], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(FIELDS)
    count = 0
    for row in rows:
        values = flat_dict(row)
        writer.writerow(["" if values[f] is None else neutralise(values[f]) for f in FIELDS])
        count += 1
    return count
