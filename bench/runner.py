"""The whole suite for each scale: corpus, Cuttings ingest, baseline builds, latency, load."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import corpus as corpora
from bench.costly import measure_costly_load
from bench.engines import (
    BASELINES,
    CuttingsEngine,
    PostgresFtsEngine,
    WhooshEngine,
    baseline,
    folder_size,
)
from bench.ingest import database_sizes, ingest_documents, run_ingest
from bench.load import HttpEngine, Server, ServerError, answer_sizes
from bench.machine import describe_machine, load_average
from bench.queries import build_query_mix
from bench.search import measure_latency, throughput_runs
from bench.stats import Summary
from bench.trace_eval import measure_trace

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Options:
    """How much to run; `python -m bench --help` describes each."""

    scales: list[float] = field(default_factory=lambda: [1.0, 10.0])
    runs: int = 3
    ingest_runs: int | None = None  # default: `runs` at x1, 1 above
    quick: bool = False
    limit: int | None = None  # BBC articles per topic (quick: 30)
    load_seconds: float = 10.0
    clients: list[int] = field(default_factory=lambda: [1, 4, 16])
    inprocess_clients: int = 4
    mode: str = "files"  # synthetic corpora: "files" (full ingest) or "documents"
    seed: int = corpora.DEFAULT_SEED
    workdir: Path | None = None
    keep: bool = False
    server_threads: int | None = None
    # `cuttings serve --workers` counts for the throughput runs; the first also gives latency
    server_workers: list[int] = field(default_factory=lambda: default_server_workers())
    http: bool = True
    # server mode (PostgreSQL) beside embedded mode, when PostgreSQL is installed
    server: bool = True
    ingest_processes: list[int] = field(default_factory=lambda: [1, 2])
    # above this scale, skip what takes longest and issue 13 does not compare against: the
    # raw Whoosh build (and its baselines) and `cuttings reindex`
    heavy_up_to: float = 10.0

    def ingest_runs_for(self, scale: float) -> int:
        if self.ingest_runs is not None:
            return self.ingest_runs
        return self.runs if scale <= 1 else 1


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def make_corpus(
    scale: float, options: Options, base: Sequence[corpora.Article] | None = None
) -> corpora.Corpus:
    """x1: the real corpus (seeds + BBC); larger: synthetic from the BBC articles' sentences."""
    real = corpora.real_corpus(limit=options.limit, seed=options.seed) if base is None else None
    if scale == 1 and real is not None:
        return real
    articles = (
        list(base)
        if base is not None
        else [a for a in real.articles if a.source and "bbc" in a.key]
    )
    config = corpora.GeneratorConfig(seed=options.seed)
    return corpora.synthetic_corpus(scale, articles, config)


def run_suite(options: Options, base: Sequence[corpora.Article] | None = None) -> dict[str, Any]:
    """Every scale in turn; the results as one JSON-able dict."""
    workdir = Path(options.workdir or tempfile.mkdtemp(prefix="cuttings-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": describe_machine(),
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(options).items()},
        "scales": [],
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    log(f"working in {workdir}")
    cluster = start_cluster(options, results)
    try:
        for scale in options.scales:
            scale_dir = workdir / f"x{scale:g}"
            scale_dir.mkdir(parents=True, exist_ok=True)
            results["scales"].append(run_scale(scale, options, scale_dir, base, cluster))
            if not options.keep:
                shutil.rmtree(scale_dir, ignore_errors=True)
    finally:
        if cluster is not None:
            cluster.remove()
        if not options.keep and options.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    results["machine"]["load_after"] = load_average()
    return results


def start_cluster(options: Options, results: dict[str, Any]) -> Any:
    """A private PostgreSQL cluster for server mode (durable settings, as a deployment
    would run), or None when server mode is off or PostgreSQL is not installed."""
    if not options.server:
        results["server_mode"] = {"skipped": "--no-server"}
        return None
    from tests.postgres_cluster import Cluster, ClusterError

    try:
        cluster = Cluster(settings=SERVER_SETTINGS).init().start()
    except ClusterError as error:
        results["server_mode"] = {"skipped": str(error)}
        return None
    results["server_mode"] = {
        "postgresql": cluster.sql("SHOW server_version"),
        "settings": SERVER_SETTINGS,
    }
    log(f"PostgreSQL {results['server_mode']['postgresql']} on port {cluster.port}")
    return cluster


# A deployment's durability (fsync on), with memory for a 24 GiB machine.
SERVER_SETTINGS = {
    "fsync": "on",
    "synchronous_commit": "on",
    "full_page_writes": "on",
    "shared_buffers": "1GB",
    "work_mem": "64MB",
    "maintenance_work_mem": "256MB",
    "effective_cache_size": "8GB",
    "jit": "off",
}


def run_scale(
    scale: float,
    options: Options,
    folder: Path,
    base: Sequence[corpora.Article] | None = None,
    cluster: Any = None,
) -> dict[str, Any]:
    log(f"scale x{scale:g}: building the corpus")
    corpus = make_corpus(scale, options, base)
    out: dict[str, Any] = {
        "scale": scale,
        "corpus": {
            "name": corpus.name,
            "synthetic": corpus.synthetic,
            "description": corpus.description,
            "articles": len(corpus.articles),
            "paragraphs": corpus.passage_count,
        },
    }
    log(f"{corpus.name}: {len(corpus.articles):,} articles, {corpus.passage_count:,} paragraphs")
    datadir, out["ingest"] = measure_cuttings_ingest(corpus, options, folder)
    passages = _passages(corpus, datadir)
    out["corpus"]["indexed_passages"] = len(passages)
    out["corpus"]["passage_source"] = "Cuttings catalog" if datadir else "bench paragraph split"
    engines, out["builds"] = build_baselines(passages, options, folder, scale)
    if datadir is not None and scale <= options.heavy_up_to:
        out["builds"]["cuttings reindex"] = measure_reindex(
            datadir, folder, options, scale, len(passages)
        )
    queries = build_query_mix(passages, seed=options.seed)
    out["queries"] = [q.label() for q in queries]
    if datadir is not None:
        engines[:0] = [CuttingsEngine(datadir), CuttingsEngine(datadir, cache=False)]
    out["latency"], out["throughput"] = {}, {}
    for engine in engines:
        log(f"latency: {engine.name}")
        out["latency"][engine.name] = measure_latency(engine, queries, runs=options.runs)
        out["throughput"][engine.name] = throughput_runs(
            engine,
            queries,
            clients=options.inprocess_clients,
            seconds=options.load_seconds,
            runs=options.runs,
        )
        engine.close()
    out["http"] = measure_http(datadir, queries, options)
    if datadir is not None and options.http:
        log("costly load: ordinary searches while 3 clients send the worst queries")
        out["costly"] = measure_costly_load(datadir, queries, runs=options.runs)
    if datadir is not None:
        log("trace a quote: recall and latency")
        out["trace"] = measure_trace(datadir, passages, runs=options.runs)
    if cluster is not None:
        run_server_scale(out, corpus, passages, queries, options, folder, cluster, datadir)
    return out


def new_server_database(cluster: Any, name: str) -> str:
    """A fresh database with `cuttings db init` applied; its URL."""
    from archive.catalog.postgres import close_pools
    from tests.postgres_support import prepare_database

    cluster.sql(f'DROP DATABASE IF EXISTS "{name}"')
    url = cluster.create_database(name)
    prepare_database(url)
    close_pools()
    return url


def measure_migrate(embedded: Path, data: Path, url: str) -> dict[str, Any]:
    """`cuttings migrate --to URL` from the embedded archive, timed."""
    from archive.catalog import open_catalog
    from archive.catalog.postgres import close_pools
    from archive.datadir import DataDir
    from index.engine import open_engine
    from index.moving import move_archive
    from index.sync import Archive

    started = time.perf_counter()
    target = DataDir(data, database_url=url, originals_root=DataDir(embedded).originals)
    with Archive.open(DataDir(embedded)) as source:
        catalog = open_catalog(url, upgrade=False)
        with Archive(
            target.create(), catalog, open_engine(target, database=catalog.db)
        ) as destination:
            report = move_archive(source, destination)
    close_pools()
    seconds = time.perf_counter() - started
    added = next((t.target_rows for t in report.tables if t.name == "documents"), 0)
    return {
        "added": added,
        "passages": report.passages_indexed,
        "seconds": seconds,
        "docs_per_s": added / seconds if seconds else 0.0,
        "ok": report.ok,
        "how": "cuttings migrate --to postgresql:// (copy, check, build the search)",
        **database_sizes(target),
    }


def run_server_scale(
    out: dict[str, Any],
    corpus: corpora.Corpus,
    passages: Sequence[corpora.BenchPassage],
    queries: Sequence[Any],
    options: Options,
    folder: Path,
    cluster: Any,
    embedded: Path | None,
) -> None:
    """Server mode on the same corpus, passages and query mix: ingest with 1 and 2
    processes, the raw PostgreSQL baseline, latency, throughput and HTTP."""
    tag = f"x{corpus.scale:g}".replace(".", "_")
    documents_mode = corpus.synthetic and options.mode == "documents"
    manifest = folder / "manifest.json"
    more: dict[str, Any] = out.setdefault("ingest_processes", {})
    if not documents_mode and 2 in options.ingest_processes:
        log("ingest: embedded mode, 2 processes")
        more["embedded 2"] = run_ingest(manifest, folder / "data-two", processes=2)
        shutil.rmtree(folder / "data-two", ignore_errors=True)
    kept: str | None = None
    for count in options.ingest_processes if not documents_mode else []:
        url = new_server_database(cluster, f"cuttings_{tag}_{count}")
        log(f"ingest: server mode, {count} process(es)")
        data = folder / f"server-{count}"
        figures = run_ingest(manifest, data, database_url=url, processes=count)
        more[f"server {count}"] = figures
        if "failed" not in figures:
            kept = url
    if documents_mode and embedded is not None:
        # the synthetic scales reach server mode the way an archive moves: cuttings migrate
        kept = new_server_database(cluster, f"cuttings_{tag}_migrated")
        data = folder / "server-1"
        log("server mode: cuttings migrate from the embedded archive")
        more["server (migrated)"] = measure_migrate(embedded, data, kept)
    if kept is None:
        out["server"] = {"skipped": "server-mode ingest failed"}
        return
    cluster.sql("ANALYZE", database=kept.rsplit("/", 1)[1])
    if not documents_mode:
        data = folder / f"server-{options.ingest_processes[-1]}"
    baseline_url = new_server_database(cluster, f"baseline_{tag}")
    postgres = PostgresFtsEngine(baseline_url)
    seconds = []
    for number in range(options.ingest_runs_for(corpus.scale)):
        log(f"build postgres {number + 1}")
        started = time.perf_counter()
        postgres.build(passages)
        seconds.append(time.perf_counter() - started)
    out["builds"]["postgres"] = _build_figures(seconds, len(passages), postgres.size_bytes())
    engines = [CuttingsEngine(data, kept), postgres, postgres.with_facets()]
    for engine in engines:
        log(f"latency: {engine.name}")
        out["latency"][engine.name] = measure_latency(engine, queries, runs=options.runs)
        out["throughput"][engine.name] = throughput_runs(
            engine,
            queries,
            clients=options.inprocess_clients,
            seconds=options.load_seconds,
            runs=options.runs,
        )
        engine.close()
    out["http_server"] = measure_http(data, queries, options, database_url=kept)


def _passages(corpus: corpora.Corpus, datadir: Path | None) -> list[corpora.BenchPassage]:
    if datadir is None:
        return corpora.passages_from_corpus(corpus)
    from archive.catalog import open_catalog

    catalog = open_catalog(Path(datadir) / "catalog.sqlite3")
    try:
        return corpora.passages_from_catalog(catalog)
    finally:
        catalog.close()


def measure_cuttings_ingest(
    corpus: corpora.Corpus, options: Options, folder: Path
) -> tuple[Path | None, dict[str, Any]]:
    """Ingest runs in fresh data directories; the last good one is kept for searching."""
    runs = options.ingest_runs_for(corpus.scale)
    documents_mode = corpus.synthetic and options.mode == "documents"
    mode = "documents built directly (catalog + index only)" if documents_mode else "files"
    figures: list[dict[str, Any]] = []
    kept: Path | None = None
    manifest = None
    if not documents_mode:
        entries = corpora.write_files(corpus, folder / "files")
        manifest = corpora.save_manifest(entries, folder / "manifest.json")
    for number in range(runs):
        data = folder / f"data-{number}"
        log(f"ingest run {number + 1}/{runs} ({mode})")
        result = ingest_documents(corpus, data) if documents_mode else run_ingest(manifest, data)
        figures.append(result)
        if "failed" in result:
            log(f"ingest failed: {result['failed'][-500:]}")
            break
        if kept is not None:
            shutil.rmtree(kept, ignore_errors=True)
        kept = data
    good = [f for f in figures if "failed" not in f]
    summary: dict[str, Any] = {"mode": mode, "runs": figures}
    for key in (
        "docs_per_s",
        "passages_per_s",
        "peak_rss_mb",
        "seconds",
        "ingest_seconds",
        "index_seconds",
    ):
        summary[key] = Summary.of(f.get(key) for f in good if f.get(key) is not None).to_json()
    if good:
        last = good[-1]
        for key in (
            "added",
            "duplicate",
            "error",
            "passages",
            "searchable",
            "quotes",
            "index_bytes",
            "catalog_bytes",
            "originals_bytes",
            "stages",
            "errors_sample",
            "files",
        ):
            summary[key] = last.get(key)
    else:
        summary["failed"] = figures[-1].get("failed") if figures else "no run"
    return kept, summary


def build_baselines(
    passages: Sequence[corpora.BenchPassage], options: Options, folder: Path, scale: float
) -> tuple[list[Any], dict[str, Any]]:
    """Each baseline built `ingest_runs` times from the same passages (timed); the last kept."""
    engines: list[Any] = []
    builds: dict[str, Any] = {}
    runs = options.ingest_runs_for(scale)
    for name in BASELINES:
        if name == "whoosh" and scale > options.heavy_up_to:
            continue  # raw Whoosh takes longest to build; measured up to heavy_up_to
        engine = baseline(name, folder / "baselines")
        seconds = []
        for number in range(runs):
            log(f"build {name} {number + 1}/{runs}")
            started = time.perf_counter()
            engine.build(passages)
            seconds.append(time.perf_counter() - started)
        builds[name] = _build_figures(seconds, len(passages), engine.size_bytes())
        engines.append(engine)
        if isinstance(engine, WhooshEngine):
            engines.append(engine.with_facets())
    return engines, builds


def _build_figures(seconds: list[float], passages: int, size: int) -> dict[str, Any]:
    return {
        "seconds": Summary.of(seconds).to_json(),
        "passages_per_s": Summary.of(passages / s for s in seconds if s > 0).to_json(),
        "bytes": size,
    }


def measure_reindex(
    datadir: Path, folder: Path, options: Options, scale: float, passages: int
) -> dict[str, Any]:
    """`cuttings reindex`'s work: the engine's rebuild over the catalog's documents, in a new dir."""
    from archive.catalog import open_catalog
    from index.whoosh import WhooshEngine

    seconds = []
    target = folder / "reindex"
    for _ in range(options.ingest_runs_for(scale)):
        shutil.rmtree(target, ignore_errors=True)
        catalog = open_catalog(Path(datadir) / "catalog.sqlite3")
        started = time.perf_counter()
        WhooshEngine(target).rebuild(catalog.documents.iterate)
        seconds.append(time.perf_counter() - started)
        catalog.close()
    figures = _build_figures(seconds, passages, folder_size(target))
    shutil.rmtree(target, ignore_errors=True)
    return figures


def default_server_workers() -> list[int]:
    """One server process, and one per usable core (at most 4) when there are several."""
    cores = min(len(os.sched_getaffinity(0)), 4)
    return [1, cores] if cores > 1 else [1]


def measure_http(
    datadir: Path | None,
    queries: Sequence[Any],
    options: Options,
    database_url: str | None = None,
) -> dict[str, Any]:
    """GET /api/search latency (one client) and throughput (1, 4, 16 clients) on loopback."""
    if not options.http:
        return {"skipped": "--no-http"}
    if datadir is None:
        return {"skipped": "no Cuttings data directory (ingest did not run)"}
    first, *more = options.server_workers
    out = _serve_and_load(datadir, queries, options, workers=first, latency=True, url=database_url)
    out["workers"] = first
    if "skipped" not in out:
        # the same with the answer cache off: every query really run (cold)
        out["cold"] = _serve_and_load(
            datadir, queries, options, workers=first, latency=True, cold=True
        )
    if more and "skipped" not in out:
        out["throughput_workers"] = {
            str(n): _serve_and_load(
                datadir, queries, options, workers=n, latency=False, url=database_url
            )
            for n in more
        }
    return out


def _serve_and_load(
    datadir: Path,
    queries: Sequence[Any],
    options: Options,
    *,
    workers: int,
    latency: bool,
    url: str | None = None,
    cold: bool = False,
) -> dict[str, Any]:
    """Start `cuttings serve --workers N` (`cold`: with CUTTINGS_SEARCH_CACHE=0; `url`: in
    server mode), measure, stop it."""
    env = {"CUTTINGS_SEARCH_CACHE": "0"} if cold else {}
    server = Server(
        datadir, threads=options.server_threads, workers=workers, database_url=url, env=env
    )
    try:
        server.start()
    except ServerError as error:
        return {"skipped": f"cuttings serve did not start: {error}"}
    try:
        engine = HttpEngine(server)
        command = " ".join(server.command()) + (" (CUTTINGS_SEARCH_CACHE=0)" if cold else "")
        out: dict[str, Any] = {"command": command, "throughput": {}}
        if latency:
            log(f"latency: GET /api/search{' (cache off)' if cold else ''}")
            out["latency"] = measure_latency(engine, queries, runs=options.runs)
            if not cold:
                out["answers"] = answer_sizes(server, list(queries))
        for clients in [c for c in options.clients if not cold or c <= 4]:
            log(
                f"load: {clients} client(s), {workers} server process(es), "
                f"{'cache off, ' if cold else ''}"
                f"{options.load_seconds:g} s x {options.runs}"
            )
            out["throughput"][str(clients)] = throughput_runs(
                engine, queries, clients=clients, seconds=options.load_seconds, runs=options.runs
            )
        engine.close()
        return out
    finally:
        server.stop()


def save_results(results: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return path
