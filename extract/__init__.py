"""rectrack: recommendation tracking tables from committee papers, as clean rows."""

from .errors import EncryptedDocument, RectrackError, UnreadableDocument, UnsupportedFormat, WriterError
from .history import history_frame, link_results
from .pipeline import extract_document, extract_file, extract_paths, rows_dataframe
from .records import FIELDS, FileResult, Issue, Recommendation

__version__ = "0.1.0"

__all__ = [
    "FIELDS",
    "EncryptedDocument",
    "FileResult",
    "Issue",
    "Recommendation",
    "RectrackError",
    "UnreadableDocument",
    "UnsupportedFormat",
    "WriterError",
    "__version__",
    "extract_document",
    "extract_file",
    "extract_paths",
    "history_frame",
    "link_results",
    "rows_dataframe",
]
