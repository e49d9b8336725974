"""Citation records by id: what the cite page, the basket, the API and the CLI look up.

An id is a document (`12`) or a passage of it (`12-p3`). A passage citation quotes the
passage; passages of the same article merge into one reference that notes them all.
Unknown and withdrawn documents, and passages a document lacks, are NotFound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.citations.record import (
    ATTRIBUTION_THRESHOLD,
    CitationRecord,
    merge_records,
    record_for,
)
from archive.errors import ArchiveError, NotFound
from archive.model import Document, Passage

MAX_IDS = 500  # per request or basket: a reference list, not the whole archive
_ID = re.compile(r"(\d{1,9})(?:-p(\d{1,6}))?")


@dataclass(frozen=True)
class CiteId:
    """A document, or one passage (paragraph `n`) of it."""

    doc_id: int
    n: int | None = None

    def __str__(self) -> str:
        return f"{self.doc_id}-p{self.n}" if self.n is not None else str(self.doc_id)


def parse_id(text: str) -> CiteId:
    """`12` -> CiteId(12); `12-p3` -> CiteId(12, 3); anything else is an ArchiveError."""
    match = _ID.fullmatch(text.strip())
    if not match:
        raise ArchiveError(f"{text.strip()!r} is not a document id (12) or a passage id (12-p3)")
    n = match.group(2)
    return CiteId(int(match.group(1)), int(n) if n is not None else None)


def parse_ids(texts: str | Iterable[str]) -> list[CiteId]:
    """Comma- or space-separated ids, each once, in order; at least one, at most MAX_IDS."""
    if isinstance(texts, str):
        texts = [texts]
    words = [w for text in texts for w in re.split(r"[,\s]+", text) if w]
    if not words:
        raise ArchiveError("no ids given: pass document ids (12) or passage ids (12-p3)")
    ids = list(dict.fromkeys(parse_id(w) for w in words))
    if len(ids) > MAX_IDS:
        raise ArchiveError(f"too many ids ({len(ids)}): cite at most {MAX_IDS} at once")
    return ids


@dataclass(frozen=True)
class Cited:
    """An id found in the archive: its document and, for a passage id, the passage."""

    id: CiteId
    document: Document
    passage: Passage | None = None


def resolve(
    catalog: Catalog, ids: Iterable[CiteId], *, skip_missing: bool = False
) -> tuple[list[Cited], list[CiteId]]:
    """Look ids up, each document once: (found, missing). A missing id - an unknown or
    withdrawn document, a passage the document lacks - is NotFound unless `skip_missing`."""
    found: list[Cited] = []
    missing: list[CiteId] = []
    documents: dict[int, Document | None] = {}
    for cite_id in ids:
        if cite_id.doc_id not in documents:
            documents[cite_id.doc_id] = _document_or_none(catalog, cite_id.doc_id, skip_missing)
        document = documents[cite_id.doc_id]
        passage = _passage(document, cite_id.n) if document and cite_id.n is not None else None
        if document is None or (cite_id.n is not None and passage is None):
            if not skip_missing:
                raise NotFound(f"document {cite_id.doc_id} has no passage {cite_id}")
            missing.append(cite_id)
            continue
        found.append(Cited(cite_id, document, passage))
    return found, missing


def _document_or_none(catalog: Catalog, doc_id: int, skip_missing: bool) -> Document | None:
    """A readable document; None (or NotFound, unless skipping) for unknown or withdrawn."""
    try:
        return catalog.documents.get(doc_id)
    except NotFound:
        if skip_missing:
            return None
        raise


def _passage(document: Document, n: int) -> Passage | None:
    return next((p for p in document.passages if p.n == n), None)


def records_of(
    catalog: Catalog,
    cited: Iterable[Cited],
    *,
    base_url: str,
    threshold: float = ATTRIBUTION_THRESHOLD,
) -> list[CitationRecord]:
    """One merged record per article, quoting the passages cited (none for a document); a
    passage's speaker is named when verified or at least `threshold` sure."""
    by_doc: dict[int, tuple[Document, dict[int, Passage]]] = {}
    for item in cited:
        document, passages = by_doc.setdefault(item.document.id, (item.document, {}))
        if item.passage is not None:
            passages[item.passage.n] = item.passage
    return merge_records(
        record_for(
            document,
            passages=[passages[n] for n in sorted(passages)],
            base_url=base_url,
            added=catalog.documents.info(doc_id).added_at,
            threshold=threshold,
        )
        for doc_id, (document, passages) in by_doc.items()
    )


def records_for_ids(
    catalog: Catalog,
    ids: Iterable[CiteId],
    *,
    base_url: str,
    threshold: float = ATTRIBUTION_THRESHOLD,
) -> list[CitationRecord]:
    """The merged records of ids; NotFound for any id the archive cannot cite."""
    return records_of(catalog, resolve(catalog, ids)[0], base_url=base_url, threshold=threshold)


def all_records(catalog: Catalog, *, base_url: str) -> Iterator[CitationRecord]:
    """A record of every active document in the archive, in id order."""
    for doc_id in catalog.documents.ids(status="active"):
        document = catalog.documents.get(doc_id)
        yield record_for(document, base_url=base_url, added=catalog.documents.info(doc_id).added_at)
