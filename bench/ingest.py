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


def ingest_worker(
    manifest: Path,
    data: Path,
    out: Path,
    *,
    database_url: str | None = None,
    part: tuple[int, int] = (0, 1),
) -> dict[str, Any]:
    """Add every file of `manifest` (every `part[1]`-th from `part[0]`, when several
    processes share it) to a fresh archive, through the same path as `cuttings add`
    (index.sync.Archive: Whoosh indexing in worker processes, or in server mode the
    PostgreSQL search in the catalog's transaction); write the figures."""
    from archive.datadir import DataDir
    from archive.ingest.overrides import librarian_fields
    from index.sync import Archive

    entries = load_manifest(manifest)[part[0] :: part[1]]
    counts = {"added": 0, "duplicate": 0, "error": 0, "passages": 0, "searchable": 0, "quotes": 0}
    errors: list[str] = []
    started = time.perf_counter()
    where = DataDir(data, database_url=database_url)
    with Archive.open(where) as archive, archive.loading(parallel=True) as session:
        datadir, load = archive.datadir, session.load
        read = session.ingestor.read_paths
        typed = (
            (item, librarian_fields(entry.overrides))
            for entry in entries
            for item in read([Path(entry.path)])
        )
        for result in session.add_each(typed):  # one stream: the pipeline workers run ahead
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
        **database_sizes(datadir),
        "originals_bytes": folder_size(datadir.originals),
        "stages": pipeline_stage_names(),
        "index_batch": getattr(load, "batch", 1),
        "index_workers": getattr(load, "workers", 0),
        "mode": "server" if database_url else "embedded",
    }
    out.write_text(json.dumps(figures), encoding="utf-8")
    return figures


def database_sizes(datadir: Any) -> dict[str, int]:
    """Bytes of the index and the catalog: files, or PostgreSQL relations in server mode."""
    if not datadir.server_mode:
        return {
            "index_bytes": folder_size(datadir.index),
            "catalog_bytes": folder_size(datadir.catalog),
        }
    import psycopg

    with psycopg.connect(datadir.database_url) as conn:
        total = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        search = conn.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "WHERE c.relname LIKE 'search\\_%' AND c.relkind = 'r'"
        ).fetchone()[0]
    return {"index_bytes": int(search), "catalog_bytes": int(total - search)}


def _count_document(counts: dict[str, int], document: Any) -> None:
    counts["passages"] += len(document.passages)
    counts["searchable"] += len(document.searchable())
    counts["quotes"] += len(document.quotes)


def run_ingest(
    manifest: Path,
    data: Path,
    *,
    database_url: str | None = None,
    processes: int = 1,
    timeout: float = 6 * 3600,
) -> dict[str, Any]:
    """One ingest run in `processes` child processes at once, each adding its share of the
    files (as several `cuttings add` would); the figures, or `failed`."""
    outs = [data.with_suffix(f".{k}.json") for k in range(processes)]
    started = time.perf_counter()
    children = []
    for k, out in enumerate(outs):
        command = [sys.executable, "-m", "bench", "ingest-worker", "--manifest", str(manifest)]
        command += ["--data", str(data), "--out", str(out), "--part", f"{k}/{processes}"]
        if database_url:
            command += ["--database-url", database_url]
        children.append(
            subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        )
    failures = []
    for child, out in zip(children, outs, strict=True):
        _out, err = child.communicate(timeout=timeout)
        if child.returncode != 0 or not out.exists():
            failures.append(err.decode(errors="replace").strip()[-2000:])
    if failures:
        return {"failed": failures[0]}
    seconds = time.perf_counter() - started
    parts = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    return combine_parts(parts, seconds)


def combine_parts(parts: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    """Several processes' figures as one run: counts added up, rates over the wall time."""
    if len(parts) == 1:
        return {**parts[0], "processes": 1}
    figures = dict(parts[-1])
    for key in ("files", "added", "duplicate", "error", "passages", "searchable", "quotes"):
        figures[key] = sum(p.get(key, 0) for p in parts)
    figures.update(
        seconds=seconds,
        ingest_seconds=max(p["ingest_seconds"] for p in parts),
        index_seconds=max(p["index_seconds"] for p in parts),
        docs_per_s=figures["added"] / seconds if seconds else 0.0,
        passages_per_s=figures["passages"] / seconds if seconds else 0.0,
        peak_rss_mb=max(p["peak_rss_mb"] for p in parts),
        processes=len(parts),
        errors_sample=[e for p in parts for e in p.get("errors_sample", [])][:5],
    )
    return figures


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


def ingest_documents(corpus: Corpus, data: Path, database_url: str | None = None) -> dict[str, Any]:
    """Catalog and index prebuilt Documents (in this process): catalog + index cost only,
    through the same sync path as every door."""
    from archive.datadir import DataDir
    from index.sync import Archive

    added, passages, quotes = 0, 0, 0
    started = time.perf_counter()
    where = DataDir(data, database_url=database_url)
    with Archive.open(where) as archive, archive.engine.bulk() as load:
        for doc in build_documents(corpus):
            with archive.catalog.transaction():  # in server mode the index joins it
                archive.catalog.documents.add(doc, added_by="bench")
                load.add(doc)
            added += 1
            passages += len(doc.passages)
            quotes += len(doc.quotes)
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
        **database_sizes(datadir),
        "stages": ["(documents built directly: catalog + index only)"],
        "mode": "server" if database_url else "embedded",
    }


def write_entries_note(entries: list[IngestEntry]) -> str:
    """How the files were given to Cuttings, for the report."""
    typed = sum(1 for e in entries if e.overrides)
    return f"{len(entries):,} files, {typed:,} with typed outlet/date overrides"
