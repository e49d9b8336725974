"""Ingest: run each item through the pipeline, then store the original and the catalog rows.

Order matters for crash safety: the pipeline is pure, the original is written atomically,
then the catalog in one transaction. Bringing the index in step is `index.sync`'s job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from archive.catalog import Catalog
from archive.catalog.database import DuplicateRow
from archive.datadir import DataDir
from archive.errors import ArchiveError, Unreadable, storage_failure
from archive.ingest.limits import DEFAULT_MAX_BYTES
from archive.ingest.parallel import Ahead
from archive.ingest.pipeline import Draft, Item, Stage, new_draft, run_pipeline
from archive.ingest.read import read_bytes, read_path
from archive.ingest.stages import default_stages
from archive.model import Document, FailedItem, Field, Original
from archive.originals import Originals, sha256_of

log = logging.getLogger(__name__)

# A long load stores its documents in groups, one transaction each (each document in a
# savepoint of its own, so a document that fails leaves nothing): a commit per document was
# a third of the store's time. A group is stored once it has this many documents or its
# first has waited this long, and its results are given only once it is committed, so what
# is reported added is in the catalog.
STORE_GROUP = 32
STORE_GROUP_SECONDS = 0.5

Job = tuple[Item | FailedItem, dict[str, Field] | None]  # an entry and its typed metadata


@dataclass
class IngestResult:
    """What happened to one input: added, a duplicate of an archived document, or an error
    (with its kind: "too-large", "unsupported", "unreadable", "not-found", "internal")."""

    source: str
    status: str  # "added", "duplicate" or "error"
    id: int | None = None
    document: Document | None = None
    error: str | None = None
    kind: str | None = None

    @classmethod
    def failed(cls, failure: FailedItem) -> IngestResult:
        return cls(failure.source, "error", error=failure.error, kind=failure.kind)

    @property
    def http_status(self) -> int:
        """The status a web door answers this result with on its own."""
        if self.status != "error":
            return 201 if self.status == "added" else 200
        return FailedItem(self.source, self.error or "", self.kind or "unreadable").status

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
            **({"kind": self.kind} if self.kind else {}),
        }


class Ingestor:
    """Adds items to one data directory's originals and catalog."""

    def __init__(
        self,
        datadir: DataDir,
        catalog: Catalog,
        *,
        stages: list[Stage] | None = None,
        added_by: str | None = None,
        max_bytes: int | None = None,
        max_passage_chars: int | None = None,
    ) -> None:
        self.datadir = datadir.create()
        self.catalog = catalog
        self.originals = Originals(datadir.originals)
        self.stages = stages if stages is not None else default_stages()
        self.added_by = added_by
        self.max_bytes = max_bytes or DEFAULT_MAX_BYTES
        # Called with each new document's id inside the transaction that stores it (an index
        # in the catalog's own database indexes it there: stored and searchable, or neither).
        self.on_stored: Callable[[int], None] | None = None
        self.max_passage_chars = max_passage_chars

    def read_paths(self, paths: Iterable[Path]) -> Iterator[Item | FailedItem]:
        """The items of files and folders (a WARC file holds many)."""
        for path in paths:
            yield from read_path(Path(path), max_bytes=self.max_bytes)

    def read_upload(self, data: bytes, filename: str) -> list[Item | FailedItem]:
        """The items of an upload or pasted text: the name is for display only, never a path."""
        return list(read_bytes(data, filename, max_bytes=self.max_bytes))

    def ingest(
        self,
        entries: Iterable[Item | FailedItem],
        overrides: dict[str, Field] | None = None,
        *,
        workers: int = 0,
    ) -> Iterator[IngestResult]:
        """Archive each item; a failed read passes through as an error result. With `workers`,
        the pipeline runs in that many processes a few items ahead (archive.ingest.parallel),
        and each item is still stored here, in input order."""
        yield from self.ingest_each(((entry, overrides) for entry in entries), workers=workers)

    def ingest_each(
        self,
        entries: Iterable[tuple[Item | FailedItem, dict[str, Field] | None]],
        *,
        workers: int = 0,
    ) -> Iterator[IngestResult]:
        """`ingest`, each item with typed metadata of its own (a list of files with their
        outlets and dates)."""
        if workers < 1:
            for entry, overrides in entries:
                yield self._ingest_entry(entry, overrides)
            return
        with Ahead(self.stages, workers, originals=self.originals) as ahead:
            for group in _groups(ahead.run(entries, self._draft)):
                yield from self._ingest_group(group)

    def _ingest_group(self, group: list[tuple[Job, Document | None]]) -> Iterator[IngestResult]:
        """Store a group of entries in one transaction, then give their results. Should the
        group fail as a whole (a full disk, found at its commit), it is rolled back and its
        entries are made and stored again one by one, as without groups: what fits is
        kept, and the entry that does not fit fails as it would have."""
        try:
            with self.catalog.transaction():
                results = [self._ingest_entry(*job, made) for job, made in group]
        except Exception:
            # the documents were given ids the rollback undid: make them afresh here
            for job, _made in group:
                yield self._ingest_entry(*job)
            return
        yield from results

    def _ingest_entry(
        self,
        entry: Item | FailedItem,
        overrides: dict[str, Field] | None,
        made: Document | None = None,
    ) -> IngestResult:
        if isinstance(entry, FailedItem):
            return IngestResult.failed(entry)
        return self.ingest_item(entry, overrides, made=made)

    def ingest_item(
        self,
        item: Item,
        overrides: dict[str, Field] | None = None,
        *,
        made: Document | None = None,
    ) -> IngestResult:
        """Archive one item. `made` is the pipeline's document for it when a worker process
        made it already (`_draft`'s draft); otherwise the pipeline runs here."""
        content = sha256_of(item.data)
        existing = self.catalog.documents.find_by_content(content)
        if existing is not None:
            return self._duplicate(item, existing)
        try:
            document = made if made is not None else self.process(item, content, overrides)
            if not document.passages:
                raise Unreadable("no article text found")
            self.originals.put(item.original_bytes, sha256=document.original.sha256)
            doc_id = self._store(document)
        except DuplicateRow as error:
            # another process stored the same content while we extracted it: theirs stands
            existing = self.catalog.documents.find_by_content(content)
            if existing is None:
                return IngestResult.failed(FailedItem.of(item.filename, error))
            return self._duplicate(item, existing)
        except ArchiveError as error:
            return IngestResult.failed(FailedItem.of(item.filename, error))
        except Exception as error:  # a bug must not cost the rest of the batch
            failure = storage_failure(error)
            if failure is not None:
                raise failure from None  # the next item would fail the same way: stop here
            log.exception("ingest of %s failed", item.filename)
            bug = FailedItem.of(
                item.filename,
                f"internal error ({type(error).__name__}: {error}); please report it",
                "internal",
            )
            return IngestResult.failed(bug)
        return IngestResult(item.filename, "added", id=doc_id, document=document)

    def _draft(self, job: tuple[Item | FailedItem, dict[str, Field] | None]) -> Draft | None:
        """What a worker process needs to make an entry's document; None for nothing to make
        (a failed read, or content archived already: `ingest_item` decides for sure)."""
        entry, overrides = job
        if isinstance(entry, FailedItem):
            return None
        content = sha256_of(entry.data)
        if self.catalog.documents.find_by_content(content) is not None:
            return None
        original = self._original(entry, content)
        light = replace(entry, container=None)  # a WARC record travels without its WARC
        return new_draft(light, original, overrides, max_passage_chars=self.max_passage_chars)

    def _store(self, document: Document) -> int:
        """The catalog rows (and, through `on_stored`, the index) in one transaction, or in a
        savepoint of the group's (`_ingest_group`): all of the document or nothing."""
        db = self.catalog.db
        part = db.savepoint() if db.in_transaction else nullcontext()
        with self.catalog.transaction(), part:
            doc_id = self.catalog.documents.add(document, added_by=self.added_by)
            if self.on_stored is not None:
                self.on_stored(doc_id)
        return doc_id

    def _duplicate(self, item: Item, existing: int) -> IngestResult:
        document = self.catalog.documents.get(existing, include_withdrawn=True)
        return IngestResult(item.filename, "duplicate", id=existing, document=document)

    def process(
        self, item: Item, content_sha256: str, overrides: dict[str, Field] | None = None
    ) -> Document:
        """Run the pipeline on one item without storing anything."""
        original = self._original(item, content_sha256)
        draft = new_draft(item, original, overrides, max_passage_chars=self.max_passage_chars)
        return run_pipeline(draft, self.stages)

    @staticmethod
    def _original(item: Item, content_sha256: str) -> Original:
        if item.original_sha256:
            original_sha256 = item.original_sha256
        elif item.container is None:  # the file is the item's own bytes: hashed already
            original_sha256 = content_sha256
        else:
            original_sha256 = sha256_of(item.original_bytes)
        return Original(
            filename=item.filename,
            sha256=original_sha256,
            format=item.container_format or item.format,
            bytes=len(item.original_bytes),
            record=item.record,
            content_sha256=content_sha256,
        )


def _groups(
    made: Iterable[tuple[Job, Document | None]],
    size: int = STORE_GROUP,
    seconds: float = STORE_GROUP_SECONDS,
) -> Iterator[list[tuple[Job, Document | None]]]:
    """The workers' documents in groups of `size`, or fewer once the first of a group has
    waited `seconds` (so that a slow stream still reports and commits as it goes)."""
    group: list[tuple[Job, Document | None]] = []
    first = 0.0
    for one in made:
        if not group:
            first = time.monotonic()
        group.append(one)
        if len(group) >= size or time.monotonic() - first >= seconds:
            yield group
            group = []
    if group:
        yield group
