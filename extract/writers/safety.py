"""Spreadsheet-formula injection guard (OWASP CSV injection).

Text from a paper that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return could run as a formula when a CSV file is opened in a spreadsheet. Such text
gets a leading apostrophe in CSV. JSON Lines, Parquet and SQLite keep the exact text;
the Excel writer stores every cell as a string, so nothing there is ever a formula.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` made safe for a CSV cell: risky strings get a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
