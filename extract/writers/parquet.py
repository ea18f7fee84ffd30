"""Apache Parquet via pandas + pyarrow: typed columns for analysis tools."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import FileResult
from ._atomic import atomic_path


def write_parquet(results: Sequence[FileResult], dest: str, **_options) -> int:
    from ..pipeline import rows_dataframe

    frame = rows_dataframe(results)
    for column in ("page_first", "page_last"):
        frame[column] = frame[column].astype("Int64")
    with atomic_path(dest) as tmp:
        frame.to_parquet(tmp, index=False, engine="pyarrow")
    return len(frame)
