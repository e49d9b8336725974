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
    from archive.ingest.stages import default_stages
    from index.sync import Archive

    base = corpora.real_corpus(limit=limit)
    corpus = base if scale == 1 else corpora.synthetic_corpus(scale, base.articles[2:])
    totals: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory(prefix="cuttings-profile-") as tmp:
        entries = corpora.write_files(corpus, Path(tmp) / "files")
        archive = Archive.open(DataDir(Path(tmp) / "data"))
        catalog = archive.catalog
        timed = [_timed(f"stage {s.__name__}", s, totals) for s in default_stages()]
        ingestor = archive.ingestor(stages=timed)
        ingestor.originals.put = _timed("catalog: original file", ingestor.originals.put, totals)
        catalog.documents.add = _timed("catalog: catalog rows", catalog.documents.add, totals)
        catalog.documents.get = _timed("index: catalog read back", catalog.documents.get, totals)
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        added = 0
        # in this process (no indexing workers), so that the profile sees the indexing too
        with archive.loading(ingestor=ingestor) as session:
            for entry in entries:
                results = _timed("read + pipeline + catalog + index", _consume, totals)(
                    session.add_paths([Path(entry.path)], librarian_fields(entry.overrides))
                )
                added += sum(r.status == "added" for r in results)
        totals["index: add passages and commit"] = session.index_seconds
        profile.disable()
        wall = time.perf_counter() - started
        archive.close()
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
    """The query mix through the archive's search engine under cProfile (building a data dir
    if needed)."""
    with tempfile.TemporaryDirectory(prefix="cuttings-profile-") as tmp:
        if data is None:
            data = _build_datadir(Path(tmp), limit)
        from archive.catalog import open_catalog

        catalog = open_catalog(Path(data) / "catalog.sqlite3")
        passages = corpora.passages_from_catalog(catalog)
        catalog.close()
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
