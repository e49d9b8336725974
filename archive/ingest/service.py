"""Ingest: run each item through the pipeline, then store the original and the catalog rows.

Order matters for crash safety: the pipeline is pure, the original is written atomically,
then the catalog in one transaction. The index is the caller's (web/CLI) next step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.datadir import DataDir
from archive.errors import ArchiveError
from archive.ingest.pipeline import Item, Stage, new_draft, run_pipeline
from archive.ingest.stages import default_stages
from archive.model import Document, FailedItem, Field, Original
from archive.originals import Originals, sha256_of
from archive.store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """What happened to one input: added, a duplicate of an archived document, or an error."""

    source: str
    status: str  # "added", "duplicate" or "error"
    id: int | None = None
    document: Document | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": self.id,
            "status": self.status,
            "source": self.source,
            "title": doc.value("title") if doc else None,
            "outlet": doc.value("outlet") if doc else None,
            "published": doc.value("published") if doc else None,
            "passages": len(doc.passages) if doc else 0,
            "quotes": len(doc.quotes) if doc else 0,
            "error": self.error,
        }


class Ingestor:
    """Adds files to one data directory's originals and catalog."""

    def __init__(
        self,
        datadir: DataDir,
        store: Store,
        *,
        stages: list[Stage] | None = None,
        added_by: str | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.datadir = datadir.create()
        self.store = store
        self.originals = Originals(datadir.originals)
        self.stages = stages if stages is not None else default_stages()
        self.added_by = added_by
        self.max_bytes = max_bytes

    def ingest_paths(
        self,
        paths: Iterable[Path],
        overrides: dict[str, Field] | None = None,
    ) -> Iterator[IngestResult]:
        from archive.ingest.read import read_path

        for path in paths:
            if not Path(path).exists():
                yield IngestResult(str(path), "error", error=f"{path}: no such file or directory")
                continue
            kwargs = {"max_bytes": self.max_bytes} if self.max_bytes else {}
            yield from self._ingest_all(read_path(Path(path), **kwargs), overrides)

    def ingest_bytes(
        self, data: bytes, filename: str, overrides: dict[str, Field] | None = None
    ) -> Iterator[IngestResult]:
        """An upload or pasted text: the name is for display only, never a path."""
        from archive.ingest.read import read_bytes

        kwargs = {"max_bytes": self.max_bytes} if self.max_bytes else {}
        yield from self._ingest_all(read_bytes(data, filename, **kwargs), overrides)

    def _ingest_all(
        self, items: Iterable[Item | FailedItem], overrides: dict[str, Field] | None
    ) -> Iterator[IngestResult]:
        for item in items:
            if isinstance(item, FailedItem):
                yield IngestResult(item.source, "error", error=item.error)
            else:
                yield self.ingest_item(item, overrides)

    def ingest_item(self, item: Item, overrides: dict[str, Field] | None = None) -> IngestResult:
        content = sha256_of(item.data)
        existing = self.store.find_by_content(content)
        if existing is not None:
            return IngestResult(
                item.filename,
                "duplicate",
                id=existing,
                document=self.store.get_document(existing, include_withdrawn=True),
            )
        try:
            document = self.process(item, content, overrides)
            if not document.passages:
                raise ArchiveError(f"{item.filename}: no article text found")
            self.originals.put(item.original_bytes)
            doc_id = self.store.add_document(document, added_by=self.added_by)
        except ArchiveError as error:
            return IngestResult(item.filename, "error", error=_one_line(error.message, item))
        except Exception as error:  # a bug must not cost the rest of the batch
            log.exception("ingest of %s failed", item.filename)
            return IngestResult(
                item.filename,
                "error",
                error=f"{item.filename}: internal error ({type(error).__name__}: "
                f"{error}); please report it",
            )
        return IngestResult(item.filename, "added", id=doc_id, document=document)

    def process(
        self, item: Item, content_sha256: str, overrides: dict[str, Field] | None = None
    ) -> Document:
        """Run the pipeline on one item without storing anything."""
        original = Original(
            filename=item.filename,
            sha256=sha256_of(item.original_bytes),
            format=item.container_format or item.format,
            bytes=len(item.original_bytes),
            record=item.record,
            content_sha256=content_sha256,
        )
        return run_pipeline(new_draft(item, original, overrides), self.stages)


def _one_line(message: str, item: Item) -> str:
    message = " ".join(message.split())
    return message if item.filename in message else f"{item.filename}: {message}"
