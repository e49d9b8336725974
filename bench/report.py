"""docs/benchmarks.md and its scaling plot, written from one run's results."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.stats import Summary, ratio

TARGET_SCALE = 10.0
COLOURS = {
    "cuttings": "tab:blue",
    "cuttings-cold": "tab:brown",
    "cuttings-http": "tab:cyan",
    "cuttings-http-cold": "tab:pink",
    "cuttings reindex": "tab:purple",
    "whoosh": "tab:green",
    "whoosh+facets": "tab:olive",
    "fts5": "tab:orange",
    "tantivy": "tab:red",
    "cuttings-server": "tab:brown",
    "cuttings-server-http": "tab:pink",
    "postgres": "tab:gray",
    "postgres+facets": "black",
}
BASELINE = "whoosh"
SERVER_BASELINE = "postgres+facets"
LARGE_SCALE = 50.0


def latencies(scale: dict[str, Any]) -> dict[str, Any]:
    """Every engine's latency figures at a scale, the HTTP ones of both modes included."""
    lat = dict(scale.get("latency", {}))
    if scale.get("http", {}).get("latency"):
        lat["cuttings-http"] = scale["http"]["latency"]
    if scale.get("http_server", {}).get("latency"):
        lat["cuttings-server-http"] = scale["http_server"]["latency"]
    return lat


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def fmt_summary(data: dict[str, Any] | None, digits: int = 1) -> str:
    """`median (low-high)` with the spread Summary chooses (min-max, or IQR from 5 runs)."""
    if not data or not data.get("n"):
        return "-"
    summary = Summary.from_json(data)
    if summary.n == 1:
        return fmt(summary.median, digits)
    low, high = summary.spread()
    return f"{fmt(summary.median, digits)} ({fmt(low, digits)}–{fmt(high, digits)})"


def fmt_ratio(value: float) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.2f}x"


def count(figures: dict[str, Any], key: str) -> int:
    """A count from a results dict; 0 when the run did not record it (documents mode has no
    duplicates or failed files, and older results lack some counts)."""
    return int(figures.get(key) or 0)


def mib(size: int | None) -> str:
    return "-" if size is None else f"{size / 1048576:,.1f} MiB"


def median(data: dict[str, Any] | None) -> float:
    return float(data["median"]) if data and data.get("n") else math.nan


def table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def scale_label(scale: dict[str, Any]) -> str:
    synthetic = " (synthetic)" if scale["corpus"]["synthetic"] else " (real)"
    return f"x{scale['scale']:g}{synthetic}"


# -- sections ---------------------------------------------------------------------------------


def machine_section(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in m["libraries"].items())
    return [
        "## Machine",
        "",
        *table(
            ["what", "value"],
            [
                ["CPU", m["cpu"]],
                ["cores", f"{m['cores']} ({m.get('usable_cores') or m['cores']} usable)"],
                ["RAM", f"{m['ram_gib']} GiB"],
                ["Python", m["python"]],
                ["platform", m["platform"]],
                ["libraries", libs],
                ["date", m["date"]],
                [
                    "load average (1/5/15 min)",
                    f"before {m.get('load_before', '-')}, after {m.get('load_after', '-')} "
                    "(the machine was shared: a load above 0 means other work competed)",
                ],
            ],
        ),
    ]


def target_scale(results: dict[str, Any]) -> dict[str, Any] | None:
    scales = results["scales"]
    exact = [s for s in scales if s["scale"] == TARGET_SCALE]
    return exact[0] if exact else (max(scales, key=lambda s: s["scale"]) if scales else None)


def targets_section(results: dict[str, Any]) -> list[str]:
    scale = target_scale(results)
    if scale is None:
        return []
    real = next((s for s in results["scales"] if not s["corpus"]["synthetic"]), None)
    x50 = next((s for s in results["scales"] if s["scale"] == 50), None)
    note = (
        ""
        if scale["scale"] == TARGET_SCALE
        else (f" **The x10 corpus was not run: these are the x{scale['scale']:g} figures.**")
    )
    http = scale.get("http", {})
    cold = http.get("cold") or {}
    lat = scale.get("latency", {})
    overhead = ratio(
        median(lat.get("cuttings-cold", {}).get("p95")), median(lat.get(BASELINE, {}).get("p95"))
    )
    costly = scale.get("costly") or {}
    rows = [
        _target(
            "GET /api/search p95, 1 client (answers cached per index generation)",
            median((http.get("latency") or {}).get("p95")),
            "<=",
            25,
            "ms",
        ),
        _target(
            "... the same with the cache off (every query run)",
            median((cold.get("latency") or {}).get("p95")),
            "<=",
            25,
            "ms",
        ),
        _target(
            "GET /api/search with 4 clients, one server process (cached)",
            median(((http.get("throughput") or {}).get("4") or {}).get("rps")),
            ">=",
            100,
            "req/s",
        ),
        _target(
            "... the same with the cache off",
            median(((cold.get("throughput") or {}).get("4") or {}).get("rps")),
            ">=",
            100,
            "req/s",
        ),
        _target(
            "ordinary p95 with 3 clients sending the worst queries / alone (cache off)",
            costly.get("ratio_p95") if costly.get("ratio_p95") is not None else math.nan,
            "<=",
            2,
            "x",
        ),
        _target("Cuttings p95, cache off / raw Whoosh p95 (Python API)", overhead, "<=", 1.5, "x"),
        *server_targets(results, scale, real),
    ]
    if x50 is not None:
        rows.append(
            _target(
                "GET /api/search p95 at x50, 1 client (cached)",
                median(((x50.get("http") or {}).get("latency") or {}).get("p95")),
                "<=",
                100,
                "ms",
            )
        )
    answers = http.get("answers") or {}
    if answers.get("max_kb") is not None:
        rows.append(
            _target(
                f"largest /api/search answer of the mix at per_page={answers['per_page']}",
                answers["max_kb"],
                "<=",
                500,
                "KiB",
            )
        )
    for traced in results["scales"]:
        recall = (traced.get("trace") or {}).get("recall")
        if recall is not None:
            rows.append(
                _target(
                    f"trace-a-quote recall, {scale_label(traced)}, 12-30 words, 0-2 edits",
                    recall,
                    ">=",
                    0.95,
                    "",
                )
            )
    ingest = median((real or {}).get("ingest", {}).get("docs_per_s"))
    rows.append(_target("ingest of the real BBC corpus, end to end", ingest, ">=", 200, "docs/s"))
    return [
        "## Targets",
        "",
        f"On {scale_label(scale)}, {scale['corpus']['indexed_passages']:,} passages; ingest on the "
        f"real corpus.{note} The bench repeats its query mix, so with the answer cache on "
        "(the default) every pass after the warm-up is answered from the cache; the cold rows "
        "(`CUTTINGS_SEARCH_CACHE=0`) are what running each query costs.",
        "",
        *table(["target", "measured", "goal", "met"], rows),
    ]


def server_targets(
    results: dict[str, Any], scale: dict[str, Any], real: dict[str, Any] | None
) -> list[list[str]]:
    """The server-mode targets, and the 2-process speed-up of both modes."""
    if "http_server" not in scale and "cuttings-server" not in scale.get("latency", {}):
        return []
    lat = latencies(scale)
    large = next((s for s in results["scales"] if s["scale"] == LARGE_SCALE), None)
    large_p95 = (
        median(latencies(large).get("cuttings-server-http", {}).get("p95")) if large else math.nan
    )
    ingest2 = median_of((real or {}).get("ingest_processes", {}).get("server 2", {}), "docs_per_s")
    return [
        _target(
            "server mode: GET /api/search p95, 1 client",
            median(lat.get("cuttings-server-http", {}).get("p95")),
            "<=",
            50,
            "ms",
        ),
        _target(
            "server mode: Cuttings p95 / raw PostgreSQL p95 with the same facets (Python API)",
            ratio(
                median(lat.get("cuttings-server", {}).get("p95")),
                median(lat.get(SERVER_BASELINE, {}).get("p95")),
            ),
            "<=",
            1.5,
            "x",
        ),
        _target("server mode: GET /api/search p95 at x50, 1 client", large_p95, "<=", 150, "ms"),
        _target(
            "embedded: 4 HTTP clients, `--workers 2` / one process",
            speedup(scale.get("http", {}), "4"),
            ">=",
            1.7,
            "x",
        ),
        _target(
            "server mode: 4 HTTP clients, `--workers 2` / one process",
            speedup(scale.get("http_server", {}), "4"),
            ">=",
            1.7,
            "x",
        ),
        _target(
            "server mode: BBC ingest with 2 `cuttings add` processes", ingest2, ">=", 200, "docs/s"
        ),
    ]


def median_of(figures: dict[str, Any], key: str) -> float:
    value = figures.get(key)
    if isinstance(value, int | float):
        return float(value)
    return median(value) if isinstance(value, dict) else math.nan


def speedup(http: dict[str, Any], clients: str) -> float:
    """Requests/s with `clients` clients on 2 server processes over one process."""
    by_workers = {
        w: median(t[clients].get("rps")) for w, t in runs_by_workers(http) if clients in t
    }
    return ratio(by_workers.get(2, math.nan), by_workers.get(1, math.nan))


def processes_section(results: dict[str, Any]) -> list[str]:
    """Ingest with one and two processes, in both modes."""
    rows = []
    for s in results["scales"]:
        runs = {"embedded 1": s.get("ingest", {}), **s.get("ingest_processes", {})}
        for name, f in runs.items():
            if not f or "skipped" in f:
                continue
            if "failed" in f:
                rows.append(
                    [scale_label(s), name, f"failed: {str(f['failed'])[-160:]}", *["-"] * 4]
                )
                continue
            rows.append(
                [
                    scale_label(s),
                    name,
                    fmt(median_of(f, "docs_per_s")),
                    fmt(median_of(f, "seconds")),
                    mib(f.get("index_bytes")),
                    mib(f.get("catalog_bytes")),
                    f"{f.get('added') or 0:,} added, {f.get('duplicate') or 0} dup, "
                    f"{f.get('error') or 0} err" + (f"; {f['how']}" if f.get("how") else ""),
                ]
            )
    if not rows:
        return []
    mode = results.get("server_mode", {})
    return [
        "## Ingest with one and two processes, both modes",
        "",
        "The same files, split between N `cuttings add`-like processes started at once (each "
        "takes every N-th file); docs/s is all documents added over the wall time. Embedded: "
        "SQLite and Whoosh in one data directory (writers queue on the catalog's write lock "
        "and the index's file lock); server mode: PostgreSQL "
        f"{mode.get('postgresql', '?').split()[0]} with fsync on, each document stored and "
        "indexed in one transaction (index = the search tables; catalog = the rest of the "
        "database).",
        "",
        *table(
            ["scale", "mode, processes", "docs/s", "seconds", "index", "catalog", "documents"], rows
        ),
    ]


def runs_by_workers(http: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """(server processes, {clients: throughput}) for every `cuttings serve` configuration run."""
    runs = [(int(http.get("workers", 1)), http.get("throughput") or {})]
    for workers, run in (http.get("throughput_workers") or {}).items():
        runs.append((int(workers), run.get("throughput") or {}))
    return runs


def http_runs(http: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(server configuration, {clients: throughput}) for every `cuttings serve` run."""
    workers = int(http.get("workers", 1))
    name = "cuttings-http" if workers == 1 else f"cuttings-http --workers {workers}"
    runs = [(name, http.get("throughput") or {})]
    if http.get("cold"):
        runs.append((f"{name} (cache off)", http["cold"].get("throughput") or {}))
    for more, run in (http.get("throughput_workers") or {}).items():
        runs.append((f"cuttings-http --workers {more}", run.get("throughput") or {}))
    return runs


def _target(name: str, value: float, op: str, goal: float, unit: str) -> list[str]:
    if math.isnan(value):
        return [name, "not measured", f"{op} {goal:g} {unit}", "-"]
    met = value <= goal if op == "<=" else value >= goal
    return [name, f"{fmt(value, 2)} {unit}", f"{op} {goal:g} {unit}", "yes" if met else "**no**"]


def corpus_section(results: dict[str, Any]) -> list[str]:
    rows, notes = [], []
    for s in results["scales"]:
        c = s["corpus"]
        rows.append(
            [
                scale_label(s),
                c["name"],
                f"{c['articles']:,}",
                f"{c['paragraphs']:,}",
                f"{c.get('indexed_passages', 0):,}",
                c.get("passage_source", "-"),
                s.get("ingest", {}).get("mode", "-"),
            ]
        )
        notes.append(f"- {scale_label(s)}: {c['description']}")
    header = [
        "scale",
        "corpus",
        "articles",
        "paragraphs",
        "searchable passages",
        "passages from",
        "ingest input",
    ]
    return ["## Corpora", "", *table(header, rows), *notes, ""]


def ingest_section(results: dict[str, Any]) -> list[str]:
    rows = []
    for s in results["scales"]:
        i = s.get("ingest", {})
        if "skipped" in i or "failed" in i:
            reason = i.get("skipped") or f"failed: {str(i.get('failed'))[-200:]}"
            rows.append([scale_label(s), reason, *["-"] * 7])
            continue
        rows.append(
            [
                scale_label(s),
                fmt_summary(i.get("docs_per_s")),
                fmt_summary(i.get("passages_per_s"), 0),
                fmt_summary(i.get("seconds")),
                f"{fmt(median(i.get('ingest_seconds')))} / {fmt(median(i.get('index_seconds')))}",
                fmt_summary(i.get("peak_rss_mb"), 0),
                mib(i.get("index_bytes")),
                mib(i.get("catalog_bytes")),
                f"{count(i, 'added'):,} added, {count(i, 'duplicate')} dup, "
                f"{count(i, 'error')} err; {count(i, 'quotes'):,} quotes; n={len(i.get('runs', []))}",
            ]
        )
    header = [
        "scale",
        "docs/s",
        "passages/s",
        "seconds",
        "pipeline+store / waiting for the index s",
        "peak RSS MiB",
        "index",
        "catalog",
        "documents",
    ]
    stages = next(
        (s["ingest"].get("stages") for s in results["scales"] if s.get("ingest", {}).get("stages")),
        None,
    )
    first = next((s["ingest"] for s in results["scales"] if s.get("ingest", {}).get("runs")), {})
    run = (first.get("runs") or [{}])[0]
    batch, workers = run.get("index_batch", "?"), run.get("index_workers", 0)
    indexing = (
        f"indexed in {workers} worker processes while extraction goes on"
        if workers
        else "indexed in the same process"
    )
    lines = [
        "## Ingest (end to end, as `cuttings add`)",
        "",
        "Each run is a child process adding every file to a fresh data directory: read, extract, "
        "segment, quotes, store (original + catalog), and the index through `Indexer.bulk()` as "
        f"`cuttings add` does: commits every {batch} documents, {indexing}. The second time "
        "column is what the ingest spent handing passages to the index and waiting for its "
        "commits; peak RSS is the child's `ru_maxrss` (the indexing workers' memory is their "
        "own).",
        "",
        *table(header, rows),
    ]
    if stages:
        lines += [f"Pipeline stages: `{' -> '.join(stages)}`.", ""]
    return lines


def builds_section(results: dict[str, Any]) -> list[str]:
    rows = []
    for s in results["scales"]:
        builds = s.get("builds", {})
        base = median(builds.get(BASELINE, {}).get("passages_per_s"))
        for name, b in builds.items():
            rows.append(
                [
                    scale_label(s),
                    name,
                    fmt_summary(b.get("seconds"), 2),
                    fmt_summary(b.get("passages_per_s"), 0),
                    fmt_ratio(ratio(median(b.get("passages_per_s")), base)),
                    mib(b.get("bytes")),
                ]
            )
    return [
        "## Index build over the same passages",
        "",
        "Index only, from passages already extracted: the baselines from the passages Cuttings "
        "stored (one writer, one commit), and `cuttings reindex` (`Indexer.rebuild` over the "
        "catalog's documents).",
        "",
        *table(["scale", "engine", "seconds", "passages/s", "rate vs raw Whoosh", "size"], rows),
    ]


def latency_section(results: dict[str, Any]) -> list[str]:
    rows = []
    for s in results["scales"]:
        lat = latencies(s)
        cold = (s.get("http", {}).get("cold") or {}).get("latency")
        if cold:
            lat["cuttings-http-cold"] = cold
        base = lat.get(BASELINE, {})
        for name, figures in lat.items():
            rows.append(
                [
                    scale_label(s),
                    name,
                    fmt_summary(figures.get("p50"), 2),
                    fmt_summary(figures.get("p95"), 2),
                    fmt_summary(figures.get("p99"), 2),
                    fmt_ratio(ratio(median(figures.get("p95")), median(base.get("p95")))),
                    hit_agreement(figures.get("hits"), base.get("hits")),
                    str(figures.get("error_count", 0)),
                ]
            )
    return [
        "## Search latency, one client (ms)",
        "",
        "One pass = every query of the mix once; each figure is the median over passes of that "
        "pass's percentile, with the spread over passes, after one warm-up pass. `cuttings` is "
        "the engine's search in-process, `cuttings-http` `GET /api/search` on loopback against "
        "`cuttings serve`; both keep answers per index generation, so after the warm-up they "
        "answer the repeated mix from the cache. `cuttings-cold` and `cuttings-http-cold` run "
        "with the cache off (`CUTTINGS_SEARCH_CACHE=0`): every query really run. Cuttings always counts facets (outlet, person, year) and "
        "collapses repeated passages, so `whoosh+facets` (raw Whoosh counting facets on every "
        "query) is the like-for-like baseline; `whoosh`, `fts5` and `tantivy` count facets only "
        "for the facet queries. Hit agreement: queries with the same total as raw Whoosh, "
        "and the median ratio of totals (Cuttings counts a passage repeated in several documents "
        "once; FTS5's and tantivy's stemmers differ slightly from Whoosh's).",
        "",
        *table(
            [
                "scale",
                "engine",
                "p50",
                "p95",
                "p99",
                "p95 vs raw Whoosh",
                "hit agreement",
                "errors",
            ],
            rows,
        ),
    ]


def hit_agreement(hits: list[Any] | None, base: list[Any] | None) -> str:
    """Queries with raw Whoosh's total, and the median ratio of totals (did the same work?)."""
    if not hits or not base or len(hits) != len(base):
        return "-"
    pairs = [(a, b) for a, b in zip(hits, base, strict=True) if a is not None and b]
    same = sum(1 for a, b in pairs if a == b)
    ratios = sorted(a / b for a, b in pairs)
    middle = ratios[len(ratios) // 2] if ratios else math.nan
    return f"{same}/{len(hits)} same, median {fmt(middle, 2)}"


def kinds_section(results: dict[str, Any]) -> list[str]:
    scale = target_scale(results)
    if scale is None:
        return []
    lat = latencies(scale)
    kinds = sorted({k for f in lat.values() for k in f.get("by_kind_p50", {})})
    rows = [
        [name, *(fmt(f.get("by_kind_p50", {}).get(k), 2) for k in kinds)] for name, f in lat.items()
    ]
    return [
        f"### p50 by kind of query on {scale_label(scale)} (ms, all passes pooled)",
        "",
        *table(["engine", *kinds], rows),
        "Queries of the mix: " + "; ".join(f"`{q}`" for q in scale.get("queries", [])[:80]),
        "",
    ]


def throughput_section(results: dict[str, Any]) -> list[str]:
    rows = []
    for s in results["scales"]:
        base = median(s.get("throughput", {}).get(BASELINE, {}).get("rps"))
        for name, t in s.get("throughput", {}).items():
            rows.append(throughput_row(s, name, f"{t['clients']} threads in-process", t, base))
        for name, runs in http_runs(s.get("http", {})):
            rows += [
                throughput_row(s, name, f"{clients} HTTP clients", t, base)
                for clients, t in runs.items()
            ]
        for workers, runs in runs_by_workers(s.get("http_server", {})):
            name = "cuttings-server-http" + (f" --workers {workers}" if workers > 1 else "")
            rows += [
                throughput_row(s, name, f"{clients} HTTP clients", t, base)
                for clients, t in runs.items()
            ]
        skipped = s.get("http", {}).get("skipped")
        if skipped:
            rows.append(
                [scale_label(s), "cuttings-http", "-", f"skipped: {skipped[:200]}", "-", "-", "-"]
            )
    return [
        "## Throughput (requests/s, bounded runs)",
        "",
        "Python threads cycling through the query mix from different offsets for a fixed time; "
        "HTTP clients are threads with one keep-alive `http.client` connection each, on the same "
        "2-core machine as the server (the load generator's CPU is not free). The ratio is to raw "
        "Whoosh with the in-process thread count. A run covers the mix only if it lasts longer "
        "than one pass at that rate: at about 10 requests/s a 5 s run sees 50 of the queries, "
        "so slow and fast queries are not weighted evenly (use `--load-seconds 30` or more on "
        "large corpora).",
        "",
        *table(
            ["scale", "engine", "concurrency", "req/s", "p95 ms", "vs raw Whoosh", "errors"], rows
        ),
    ]


def throughput_row(
    scale: dict[str, Any], engine: str, concurrency: str, t: dict[str, Any], base: float
) -> list[str]:
    return [
        scale_label(scale),
        engine,
        concurrency,
        fmt_summary(t.get("rps")),
        fmt_summary(t.get("p95"), 2),
        fmt_ratio(ratio(median(t.get("rps")), base)),
        str(t.get("errors", 0)),
    ]


def growth_section(results: dict[str, Any], plot: Path | None, out: Path) -> list[str]:
    names = [
        "cuttings",
        "cuttings-cold",
        "cuttings-http",
        "cuttings-server",
        "cuttings-server-http",
        "whoosh",
        "whoosh+facets",
        "postgres+facets",
        "fts5",
        "tantivy",
    ]
    rows = []
    for s in results["scales"]:
        lat = latencies(s)
        rows.append(
            [
                scale_label(s),
                f"{s['corpus'].get('indexed_passages', 0):,}",
                fmt(median(s.get("ingest", {}).get("docs_per_s"))),
                *(fmt(median(lat.get(n, {}).get("p95")), 2) for n in names),
            ]
        )
    lines = [
        "## How cost grows",
        "",
        *table(["scale", "passages", "ingest docs/s", *(f"{n} p95 ms" for n in names)], rows),
    ]
    if plot is not None:
        lines += [
            f"![latency, ingest rate and index size against corpus size]({_relative(plot, out)})",
            "",
        ]
    return lines


def _relative(path: Path, out: Path) -> str:
    try:
        return str(path.resolve().relative_to(out.resolve().parent))
    except ValueError:
        return str(path)


def costly_section(results: dict[str, Any]) -> list[str]:
    rows = []
    queries: list[str] = []
    for s in results["scales"]:
        c = s.get("costly")
        if not c:
            continue
        queries = c.get("worst_queries", queries)
        answers = ", ".join(f"{n} × {status}" for status, n in c.get("attack_answers", {}).items())
        by_status = c.get("attack_ms_by_status", {})
        slowest = "; ".join(f"{k}: {fmt_summary(v, 0)}" for k, v in by_status.items())
        rows.append(
            [
                scale_label(s),
                fmt_summary(c.get("p50_alone"), 2),
                fmt_summary(c.get("p95_alone"), 2),
                fmt_summary(c.get("p50_attacked"), 2),
                fmt_summary(c.get("p95_attacked"), 2),
                fmt_ratio(c.get("ratio_p95") if c.get("ratio_p95") is not None else math.nan),
                answers,
                slowest,
            ]
        )
    if not rows:
        return []
    return [
        "## Costly queries: can anyone tie up the server?",
        "",
        "One `cuttings serve` process with the answer cache off. The query mix from one client "
        "alone, then again while 3 more clients send the worst queries back to back (the "
        "issue's, which took up to 64 s on 70,000 passages before the limits, and the costliest "
        "ones the limits let through). A pattern stands for at most 1,024 words, a fuzzy word "
        "for its 50 closest within 2 edits, a query for 1,024 words in all (400 beyond, naming "
        "the part); each search stops at 2 s (503, naming its costliest part). Searches whose "
        "estimated work is large take the one costly slot and step aside while ordinary "
        "searches run, as do searches once they have worked 0.05 s of CPU (`index/lanes.py`). p95 per pass of the mix, median "
        "and spread over passes; attackers' answers by HTTP status, and their time per status "
        "(ms, median and IQR over all their requests).",
        "",
        *table(
            [
                "scale",
                "p50 alone",
                "p95 alone",
                "p50 attacked",
                "p95 attacked",
                "p95 attacked / alone",
                "attackers' answers",
                "attackers' ms by status",
            ],
            rows,
        ),
        "Worst queries sent: " + "; ".join(f"`{q}`" for q in queries),
        "",
    ]


def trace_section(results: dict[str, Any]) -> list[str]:
    rows = []
    for s in results["scales"]:
        t = s.get("trace")
        if not t:
            continue
        by_edits = t.get("recall_by_edits", {})
        rows.append(
            [
                scale_label(s),
                f"{s['corpus'].get('indexed_passages', 0):,}",
                str(t.get("quotations")),
                fmt_summary(t.get("words"), 0),
                fmt(t.get("recall"), 3),
                ", ".join(f"{k}: {fmt(v[0], 3)} (n={v[1]})" for k, v in sorted(by_edits.items())),
                fmt_summary(t.get("hits_per_quotation"), 0),
                fmt_summary(t.get("p50"), 1),
                fmt_summary(t.get("p95"), 1),
            ]
        )
    if not rows:
        return []
    example = next((s["trace"]["examples"] for s in results["scales"] if s.get("trace")), [])
    lines = [
        "## Trace a quote: recall and latency",
        "",
        "Quotations drawn from the archive's own passages (the words between quotation marks "
        "when there are 12 or more, else a run of 12-30 words), altered as they circulate: "
        "punctuation stripped, quote marks changed or dropped, an ellipsis at either end, and 0, "
        "1 or 2 edits (a word dropped, two swapped, a word changed for another of the "
        "archive's). Found: a hit is the source passage or a copy of its words. Latency: "
        "`index.trace.trace` in-process, cache off, per pass over all the quotations (median "
        "and spread over passes).",
        "",
        *table(
            [
                "scale",
                "passages",
                "quotations",
                "words",
                "recall",
                "recall by edits",
                "passages found per quotation",
                "p50 ms",
                "p95 ms",
            ],
            rows,
        ),
    ]
    for e in example[:2]:
        lines.append(f"- {e['edits']} edits: `{e['original']}` circulated as `{e['circulated']}`")
    return [*lines, ""]


def method_section(results: dict[str, Any]) -> list[str]:
    o = results["options"]
    return [
        "## Method",
        "",
        f"- Command: `python -m bench --scales {','.join(f'{s:g}' for s in o['scales'])} "
        f"--runs {o['runs']}{' --quick' if o['quick'] else ''}` (started {results['started']}, "
        f"finished {results.get('finished', '-')}).",
        f"- Runs: {o['runs']} measured passes per latency/throughput figure; ingest and index "
        "builds as the `n=` of each row (x1: every run; larger scales: one unless "
        "`--ingest-runs`). Spread: min–max below 5 runs, else the interquartile range.",
        f"- Load runs last {o['load_seconds']:g} s each; clients {o['clients']}.",
        "- The same passages (read back from Cuttings' catalog after ingest, with the outlet, "
        "date, title and quoted people it extracted) are indexed by every baseline: raw Whoosh "
        "(StemmingAnalyzer, one open searcher), SQLite FTS5 (`porter unicode61`), tantivy "
        "(`en_stem`). Each engine fetches the stored fields of the first 20 hits and the total.",
        "- The query mix is derived from the passages with a fixed seed: common words (top "
        "document frequency), rare words (in 2-5 passages), phrases and word pairs taken from "
        "passages, people among the most quoted and from the tail with a word of theirs, date "
        "ranges of 1-3 years, and facet queries.",
        "- Synthetic corpora are labelled SYNTHETIC: their text is real BBC sentences in new "
        "articles; outlets, dates and speakers are generated.",
        "- Profiling: `python -m bench profile-ingest` and `python -m bench profile-search`.",
        "",
        "### Running it",
        "",
        "```",
        "python -m bench --quick                      # minutes: 30 BBC articles per topic as base",
        "python -m bench                              # x1 (real) and x10 (synthetic), 3 runs",
        "python -m bench --scales 1,10,50 --runs 3    # adds x50 (about 650,000 passages)",
        "python -m bench --scales 50 --mode documents # search-only scaling: Documents built directly",
        "python -m bench report                       # re-render from bench/results/benchmarks.json",
        "python -m bench profile-ingest --limit 40    # where ingest time goes (cProfile)",
        "python -m bench profile-search --data DIR    # where search time goes (cProfile)",
        "```",
        "",
    ]


def render(results: dict[str, Any], out: Path, plot: Path | None) -> str:
    lines = [
        "# Cuttings benchmarks",
        "",
        "Written by `python -m bench` (bench/). Figures are medians with their spread "
        "(min–max, or IQR from 5 runs), measured on the machine below in one run, next to "
        "baselines measured in the same run. Synthetic corpora are marked as such.",
        "",
        *(f"- {note}" for note in results.get("notes", [])),
        *([""] if results.get("notes") else []),
    ]
    for section in (
        targets_section(results),
        machine_section(results),
        corpus_section(results),
        ingest_section(results),
        processes_section(results),
        builds_section(results),
        latency_section(results),
        kinds_section(results),
        throughput_section(results),
        costly_section(results),
        trace_section(results),
        growth_section(results, plot, out),
        method_section(results),
    ):
        lines += section
    return "\n".join(lines).rstrip() + "\n"


def plot_scaling(results: dict[str, Any], path: Path) -> Path | None:
    """Latency p95, ingest rate and index size against passages (PNG, Agg backend)."""
    scales = results["scales"]
    if not scales:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [s["corpus"].get("indexed_passages", 0) for s in scales]
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(15, 4.5))
    engines = [
        "cuttings",
        "cuttings-cold",
        "cuttings-http",
        "cuttings-server",
        "cuttings-server-http",
        "whoosh",
        "whoosh+facets",
        "postgres+facets",
        "fts5",
        "tantivy",
    ]
    for name in engines:
        points = []
        for x, s in zip(xs, scales, strict=True):
            lat = latencies(s).get(name)
            if lat and lat.get("p95", {}).get("n"):
                points.append((x, lat["p95"]["median"], lat["p95"]["min"], lat["p95"]["max"]))
        if points:
            px, py, lo, hi = zip(*points, strict=True)
            err = [
                [y - a for y, a in zip(py, lo, strict=True)],
                [b - y for y, b in zip(py, hi, strict=True)],
            ]
            ax1.errorbar(px, py, yerr=err, marker="o", capsize=3, label=name, color=COLOURS[name])
    ax1.axhline(25, color="grey", linestyle=":", label="25 ms target (HTTP, x10)")
    _axes(ax1, "search p95 latency (ms)")
    ingest = [
        (x, s["ingest"]["passages_per_s"]["median"])
        for x, s in zip(xs, scales, strict=True)
        if s.get("ingest", {}).get("passages_per_s", {}).get("n")
    ]
    if ingest:
        ax2.plot(
            *zip(*ingest, strict=True),
            marker="o",
            label="Cuttings ingest (end to end)",
            color=COLOURS["cuttings"],
        )
    for name in ("cuttings reindex", "whoosh", "fts5", "tantivy"):
        pts = [
            (x, s["builds"][name]["passages_per_s"]["median"])
            for x, s in zip(xs, scales, strict=True)
            if s.get("builds", {}).get(name, {}).get("passages_per_s", {}).get("n")
        ]
        if pts:
            ax2.plot(
                *zip(*pts, strict=True),
                marker="o",
                linestyle="--",
                label=f"{name} (index only)",
                color=COLOURS[name],
            )
    _axes(ax2, "passages per second")
    for name in ("cuttings", "whoosh", "fts5", "tantivy"):
        pts = []
        for x, s in zip(xs, scales, strict=True):
            size = (
                s.get("ingest", {}).get("index_bytes")
                if name == "cuttings"
                else s.get("builds", {}).get(name, {}).get("bytes")
            )
            if size:
                pts.append((x, size / 1048576))
        if pts:
            ax3.plot(*zip(*pts, strict=True), marker="o", label=name, color=COLOURS[name])
    _axes(ax3, "index size (MiB)")
    synthetic = any(s["corpus"]["synthetic"] for s in scales)
    fig.suptitle(
        "Cuttings: cost against corpus size"
        + (" (scales above x1 are SYNTHETIC corpora)" if synthetic else "")
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _axes(ax: Any, ylabel: str) -> None:
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("searchable passages")
    ax.set_ylabel(ylabel)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)


def write_report(results: dict[str, Any], out: Path) -> Path:
    """docs/benchmarks.md and docs/benchmarks-scaling.png beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    plot = plot_scaling(results, out.parent / f"{out.stem}-scaling.png")
    out.write_text(render(results, out, plot), encoding="utf-8")
    return out
