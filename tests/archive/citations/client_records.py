"""The records the client checks run on: the worked examples and adversarial records, and the
two seeds with 20 BBC articles ingested by the real pipeline (each citing a passage that
quotes someone, when one does)."""

from __future__ import annotations

from pathlib import Path

from archive.catalog import open_catalog
from archive.citations import examples, lookup
from archive.citations.record import CitationRecord, merge_records
from archive.datadir import DataDir
from index.sync import Archive

BASE_URL = "https://cuttings.example.org"
BBC_FOLDERS = ("business", "entertainment", "politics", "sport", "tech")


def example_records() -> list[CitationRecord]:
    return merge_records(examples.records() + examples.records(examples.adversarial()))


def corpus_files(corpus: Path) -> list[Path]:
    """Both seeds and the first four articles of each BBC folder."""
    bbc = [corpus / "bbc" / folder / f"{n:03d}.txt" for folder in BBC_FOLDERS for n in range(1, 5)]
    return sorted((corpus / "seeds").glob("*.txt")) + bbc


def corpus_records(corpus: Path, folder: Path) -> list[CitationRecord]:
    """The seeds and 20 BBC articles, ingested, each citing its first passage that quotes
    someone and its first passage (two in-text citations when they differ)."""
    datadir = DataDir.resolve(str(folder))
    with Archive.open(datadir) as archive:
        results = list(archive.add_paths(corpus_files(corpus)))
    assert all(r.status == "added" for r in results), [r.error for r in results]
    catalog = open_catalog(datadir.catalog)
    try:
        cited = []
        for doc_id in catalog.documents.ids(status="active"):
            document = catalog.documents.get(doc_id)
            body = [p for p in document.passages if p.kind == "body"]
            quoting = next((p for p in body if p.speakers), None)
            chosen = {p.n: p for p in body[:1] + ([quoting] if quoting else [])}
            for passage in chosen.values():
                cited.append(lookup.Cited(lookup.CiteId(doc_id, passage.n), document, passage))
        return lookup.records_of(catalog, cited, base_url=BASE_URL)
    finally:
        catalog.close()
