"""Enrichment: meaning added beside the paper's own text (due dates, status, RAG, owners).

The core fields keep the paper's words; this stage only fills the enrichment fields
of each :class:`~extract.records.Recommendation`.
"""

from __future__ import annotations

from ..records import Recommendation


def enrich_rows(rows: list[Recommendation]) -> list[Recommendation]:
    """Return ``rows`` with their enrichment fields filled in."""
    return rows
