"""Ingest measured end to end, as `cuttings add` does it: through index.sync.Archive.

Each run happens in a fresh data directory in a child process (`python -m bench
ingest-worker`), so its peak resident memory (getrusage maxrss) is the ingest's own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.corpus import Corpus, IngestEntry, load_manifest
from bench.engines import folder_size

ROOT = Path(__file__).resolve().parents[1]


def pipeline_stage_names() -> list[str]:
    """The names of the stages every document passes through (archive.ingest.stages)."""
    from archive.ingest.stages import default_stages

    return [stage.__name__ for stage in default_stages()]


def ingest_worker(manifest: Path, data: Path, out: Path) -> dict[str, Any]:
    """Add every file of `manifest` to a fresh data directory, through the same path as
    `cuttings add` (index.sync.Archive, indexing in worker processes); write the figures."""
    from archive.datadir import DataDir
    from archive.ingest.overrides import librarian_fields
    from index.sync import Archive

    entries = load_manifest(manifest)
    counts = {"added": 0, "duplicate": 0, "error": 0, "passages": 0, "searchable": 0, "quotes": 0}
    errors: list[str] = []
    started = time.perf_counter()
    with Archive.open(DataDir(data)) as archive, archive.loading(parallel=True) as session:
        datadir, load = archive.datadir, session.load
        for entry in entries:
            results = session.add_paths([Path(entry.path)], librarian_fields(entry.overrides))
            for result in results:
                counts[result.status] += 1
                if result.status == "error" and len(errors) < 5:
                    errors.append(result.error or "")
                if result.status == "added" and result.document is not None:
                    _count_document(counts, result.document)
    seconds = time.perf_counter() - started
    figures = {
        "files": len(entries),
        **counts,
        "errors_sample": errors,
        "seconds": seconds,
        # "index" is the time the ingest waits for the index: handing passages to the
        # indexing workers and each batch's commit (their work overlaps with extraction)
        "ingest_seconds": seconds - session.index_seconds,
        "index_seconds": session.index_seconds,
        "docs_per_s": counts["added"] / seconds if seconds else 0.0,
        "passages_per_s": counts["passages"] / seconds if seconds else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "index_bytes": folder_size(datadir.index),
        "catalog_bytes": folder_size(datadir.catalog),
        "originals_bytes": folder_size(datadir.originals),
        "stages": pipeline_stage_names(),
        "index_batch": load.batch,
        "index_workers": load.workers,
    }
    out.write_text(json.dumps(figures), encoding="utf-8")
    return figures


def _count_document(counts: dict[str, int], document: Any) -> None:
    counts["passages"] += len(document.passages)
    counts["searchable"] += len(document.searchable())
    counts["quotes"] += len(document.quotes)


def run_ingest(manifest: Path, data: Path, *, timeout: float = 6 * 3600) -> dict[str, Any]:
    """One ingest run in a child process; the figures it wrote, or an `error`."""
    out = data.with_suffix(".json")
    command = [
        sys.executable,
        "-m",
        "bench",
        "ingest-worker",
        "--manifest",
        str(manifest),
        "--data",
        str(data),
        "--out",
        str(out),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0 or not out.exists():
        return {"failed": (done.stderr or done.stdout).strip()[-2000:]}
    return json.loads(out.read_text(encoding="utf-8"))


# -- documents built directly, for search-only scaling --------------------------------------


def build_documents(corpus: Corpus) -> Iterable[Any]:
    """archive.model.Documents straight from the generator's articles (no read/extract/quotes)."""
    import hashlib

    from archive.model import Document, Original, Passage, PersonMention, Quote

    for article in corpus.articles:
        data = article.text().encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        doc = Document(original=Original(f"{article.key}.txt", sha, "text", len(data), None, sha))
        doc.set("title", article.title, "text", "line 1")
        for name, value in article.overrides().items():
            doc.set(name, value, "librarian", "typed by bench")
        people: dict[str, PersonMention] = {}
        for n, text in enumerate(article.paragraphs, start=1):
            doc.passages.append(Passage(n=n, kind="body", text=text))
            for speaker in article.speakers[n - 1]:
                doc.quotes.append(Quote(text=text, passage_n=n, speaker=speaker, cue="said"))
                people.setdefault(speaker, PersonMention(name=speaker))
        doc.people = list(people.values())
        yield doc


def ingest_documents(corpus: Corpus, data: Path) -> dict[str, Any]:
    """Catalog and index prebuilt Documents (in this process): catalog + index cost only,
    through the same sync path as every door."""
    from archive.datadir import DataDir
    from index.sync import Archive

    added, passages, quotes = 0, 0, 0
    started = time.perf_counter()
    with Archive.open(DataDir(data)) as archive, archive.engine.bulk() as load:
        for doc in build_documents(corpus):
            archive.catalog.documents.add(doc, added_by="bench")
            added += 1
            passages += len(doc.passages)
            quotes += len(doc.quotes)
            load.add(doc)
        datadir = archive.datadir
    seconds = time.perf_counter() - started
    return {
        "files": len(corpus.articles),
        "added": added,
        "duplicate": 0,
        "error": 0,
        "passages": passages,
        "quotes": quotes,
        "searchable": passages,
        "seconds": seconds,
        "docs_per_s": added / seconds if seconds else 0.0,
        "passages_per_s": passages / seconds if seconds else 0.0,
        "index_bytes": folder_size(datadir.index),
        "catalog_bytes": folder_size(datadir.catalog),
        "stages": ["(documents built directly: catalog + index only)"],
    }


def write_entries_note(entries: list[IngestEntry]) -> str:
    """How the files were given to Cuttings, for the report."""
    typed = sum(1 for e in entries if e.overrides)
    return f"{len(entries):,} files, {typed:,} with typed outlet/date overrides"
