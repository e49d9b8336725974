"""Citation records and their writers: BibTeX, biblatex, RIS, CSL-JSON and formatted styles."""

from archive.citations.formats import FORMATS, ExportResult, export
from archive.citations.record import CitationRecord, merge_records, record_for
from archive.citations.styles import in_text

__all__ = [
    "FORMATS",
    "CitationRecord",
    "ExportResult",
    "export",
    "in_text",
    "merge_records",
    "record_for",
]
