"""Run a corpus file through the same stages `cuttings add` runs, in-process."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.pipeline import Item, new_draft, run_pipeline
from archive.ingest.read import read_path
from archive.ingest.stages import default_stages
from archive.model import Document, Original


def ingest(path: Path, stages=None) -> Document:
    """The document `cuttings add PATH` would store (first item of the file)."""
    [item] = [i for i in read_path(path) if isinstance(i, Item)][:1]
    original = Original(path.name, "", item.format, len(item.data))
    return run_pipeline(new_draft(item, original), stages or default_stages())
