"""The export formats by name: each one's writer, media type and file extension."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from archive.citations import bibtex, csl_json, ris, styles
from archive.citations.record import CitationRecord
from archive.errors import ArchiveError

Writer = Callable[[Iterable[CitationRecord]], str]
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Format:
    """An export format: how to write it and how to serve it."""

    name: str
    write: Writer
    media_type: str
    extension: str

    @property
    def file_suffix(self) -> str:
        """What tells this format's file apart from another with the same extension:
        `cuttings-12.bib` (BibTeX), `cuttings-12-biblatex.bib`, `cuttings-12-apa.txt`."""
        return "" if self.name in ("bibtex", "ris", "csl-json") else f"-{self.name}"


@dataclass(frozen=True)
class ExportResult:
    """An exported file: its text, media type and file extension (with the dot)."""

    text: str
    media_type: str
    filename_ext: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("bibtex", bibtex.write_bibtex, "application/x-bibtex", ".bib"),
        Format("biblatex", bibtex.write_biblatex, "application/x-bibtex", ".bib"),
        Format("ris", ris.write, "application/x-research-info-systems", ".ris"),
        Format("csl-json", csl_json.write, "application/vnd.citationstyles.csl+json", ".json"),
        *(Format(s, partial(styles.write, style=s), TEXT, ".txt") for s in styles.STYLES),
        Format("biblatex-apa", bibtex.write_biblatex_apa, "application/x-bibtex", ".bib"),
    )
}


def get_format(name: str) -> Format:
    """The format called `name`, or an ArchiveError listing the valid names."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ArchiveError(
            f"unknown citation format {name!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def export(records: Iterable[CitationRecord], format: str) -> ExportResult:
    """Write records in the named format."""
    chosen = get_format(format)
    return ExportResult(chosen.write(list(records)), chosen.media_type, chosen.extension)
