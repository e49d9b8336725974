"""Search latency over the query mix, and in-process throughput with concurrent threads."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from bench.engines import Engine
from bench.queries import BenchQuery
from bench.stats import Summary, latency_percentiles, percentile


def one_pass(engine: Engine, queries: Sequence[BenchQuery]) -> tuple[list[float], list[Any]]:
    """Each query once, in order: latencies in ms, and the hit count or the error per query."""
    latencies: list[float] = []
    outcomes: list[Any] = []
    for query in queries:
        started = time.perf_counter()
        try:
            outcome: Any = engine.search(query)
        except Exception as error:  # an engine's error is a figure, not a crash of the suite
            outcome = f"{type(error).__name__}: {error}"[:200] + f" (query {query.words!r})"
        latencies.append((time.perf_counter() - started) * 1000)
        outcomes.append(outcome)
    return latencies, outcomes


def measure_latency(
    engine: Engine, queries: Sequence[BenchQuery], *, runs: int, warmup: int = 1
) -> dict[str, Any]:
    """p50/p95/p99 per run (medians and spread over runs), per-category p50, hit counts."""
    for _ in range(warmup):
        one_pass(engine, queries)
    per_run: list[dict[str, float]] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    outcomes: list[Any] = []
    for _ in range(runs):
        latencies, outcomes = one_pass(engine, queries)
        per_run.append(latency_percentiles(latencies))
        for query, latency in zip(queries, latencies, strict=True):
            by_kind[query.kind].append(latency)
    errors = [o for o in outcomes if isinstance(o, str)]
    return {
        "engine": engine.name,
        "runs": runs,
        "queries": len(queries),
        **{
            key: Summary.of(run[key] for run in per_run).to_json()
            for key in ("p50", "p95", "p99", "mean")
        },
        "by_kind_p50": {kind: percentile(values, 50) for kind, values in by_kind.items()},
        "hits": [o if isinstance(o, int) else None for o in outcomes],
        "errors": errors[:5],
        "error_count": len(errors),
    }


def measure_throughput(
    engine: Engine, queries: Sequence[BenchQuery], *, clients: int, seconds: float
) -> dict[str, Any]:
    """`clients` threads each cycling through the mix (from different offsets) for `seconds`."""
    done = [0] * clients
    failed = [0] * clients
    latencies: list[list[float]] = [[] for _ in range(clients)]
    deadline = time.perf_counter() + seconds
    start_gate = threading.Barrier(clients + 1)

    def client(number: int) -> None:
        position = number * max(1, len(queries) // clients)
        start_gate.wait()
        while time.perf_counter() < deadline:
            query = queries[position % len(queries)]
            position += 1
            started = time.perf_counter()
            try:
                engine.search(query)
                done[number] += 1
            except Exception:
                failed[number] += 1
            latencies[number].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    start_gate.wait()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    elapsed = max(time.perf_counter() - began, 1e-9)
    merged = [x for per_client in latencies for x in per_client]
    return {
        "clients": clients,
        "seconds": elapsed,
        "requests": sum(done),
        "errors": sum(failed),
        "rps": sum(done) / elapsed,
        **latency_percentiles(merged),
    }


def throughput_runs(
    engine: Engine, queries: Sequence[BenchQuery], *, clients: int, seconds: float, runs: int
) -> dict[str, Any]:
    """`runs` bounded throughput runs: requests/s and p95 as medians with their spread."""
    results = [
        measure_throughput(engine, queries, clients=clients, seconds=seconds) for _ in range(runs)
    ]
    return {
        "engine": engine.name,
        "clients": clients,
        "seconds_each": seconds,
        "rps": Summary.of(r["rps"] for r in results).to_json(),
        "p95": Summary.of(r["p95"] for r in results).to_json(),
        "errors": sum(r["errors"] for r in results),
        "requests": sum(r["requests"] for r in results),
    }
