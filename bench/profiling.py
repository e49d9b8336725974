"""Where the time goes: cProfile over Cuttings' ingest and search, with a per-stage table."""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import corpus as corpora
from bench.engines import CuttingsEngine
from bench.ingest import pipeline_stages
from bench.queries import build_query_mix


def print_stats(profile: cProfile.Profile, top: int, title: str) -> str:
    """The top functions by own time and by cumulative time."""
    out = io.StringIO()
    for order in ("tottime", "cumulative"):
        out.write(f"\n== {title}: top {top} by {order} ==\n")
        stats = pstats.Stats(profile, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
    text = out.getvalue()
    print(text)
    return text


def _timed(name: str, function: Callable[..., Any], totals: dict[str, float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started

    run.__name__ = getattr(function, "__name__", name)
    return run


def _consume(results: Any) -> list[Any]:
    return list(results)


def profile_ingest(
    *, limit: int | None = 40, scale: float = 1.0, top: int = 30
) -> dict[str, float]:
    """Ingest BBC files (first `limit` per topic, or a synthetic scale) under cProfile."""
    from archive.datadir import DataDir
    from archive.ingest.overrides import librarian_fields
    from archive.ingest.service import Ingestor
    from archive.store import Store
    from index.indexing import BulkLoad, Indexer

    base = corpora.real_corpus(limit=limit)
    corpus = base if scale == 1 else corpora.synthetic_corpus(scale, base.articles[2:])
    totals: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory(prefix="cuttings-profile-") as tmp:
        entries = corpora.write_files(corpus, Path(tmp) / "files")
        datadir = DataDir(Path(tmp) / "data").create()
        store = Store(datadir.catalog)
        stages, _names = pipeline_stages()
        ingestor = Ingestor(
            datadir, store, stages=[_timed(f"stage {s.__name__}", s, totals) for s in stages]
        )
        ingestor.originals.put = _timed("store: original file", ingestor.originals.put, totals)
        store.add_document = _timed("store: catalog rows", store.add_document, totals)
        indexer = Indexer(datadir.index)
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        # in this process (no indexing workers), so that the profile sees the indexing too
        load = BulkLoad(indexer, workers=0)
        added = 0
        for entry in entries:
            results = _timed("read + pipeline + store (all)", _consume, totals)(
                ingestor.ingest_paths([Path(entry.path)], librarian_fields(entry.overrides))
            )
            for result in results:
                if result.status == "added":
                    added += 1
                    doc = _timed("index: catalog read back", store.get_document, totals)(result.id)
                    _timed("index: add passages", load.add, totals)(doc)
        _timed("index: last commit", load.commit, totals)()
        profile.disable()
        wall = time.perf_counter() - started
        store.close()
    print(
        f"\nIngested {added} of {len(entries)} files of {corpus.name} in {wall:.2f} s "
        f"({added / wall:.1f} docs/s, profiler on)\n"
    )
    print(f"{'part':<40} {'seconds':>9} {'share':>7}")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{name:<40} {seconds:9.2f} {seconds / wall:7.1%}")
    print_stats(profile, top, "ingest")
    return dict(totals)


def profile_search(
    *, data: Path | None = None, limit: int | None = 40, passes: int = 3, top: int = 30
) -> None:
    """The query mix through `index.querying.search` under cProfile (building a data dir if needed)."""
    with tempfile.TemporaryDirectory(prefix="cuttings-profile-") as tmp:
        if data is None:
            data = _build_datadir(Path(tmp), limit)
        from archive.store import Store

        store = Store(Path(data) / "catalog.sqlite3")
        passages = corpora.passages_from_store(store)
        store.close()
        queries = build_query_mix(passages)
        engine = CuttingsEngine(Path(data))
        for query in queries:  # warm the searcher and the facet cache first
            engine.search(query)
        per_kind: dict[str, float] = defaultdict(float)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(passes):
            for query in queries:
                started = time.perf_counter()
                engine.search(query)
                per_kind[query.kind] += time.perf_counter() - started
        profile.disable()
        engine.close()
        print(
            f"\n{passes} passes of {len(queries)} queries over {len(passages):,} passages (profiler on)"
        )
        count = {k: sum(1 for q in queries if q.kind == k) * passes for k in per_kind}
        for kind, seconds in sorted(per_kind.items(), key=lambda kv: -kv[1]):
            print(f"  {kind:<8} {seconds * 1000 / count[kind]:8.2f} ms per query")
        print_stats(profile, top, "search")


def _build_datadir(folder: Path, limit: int | None) -> Path:
    from bench.ingest import ingest_worker

    corpus = corpora.real_corpus(limit=limit)
    entries = corpora.write_files(corpus, folder / "files")
    manifest = corpora.save_manifest(entries, folder / "manifest.json")
    print(f"building a data directory from {corpus.name} ...")
    ingest_worker(manifest, folder / "data", folder / "ingest.json")
    return folder / "data"
