"""Can anyone tie up the server? Ordinary searches while three clients send the worst queries.

One `cuttings serve` process with the answer cache off (so every query is really run, and
an attacker gains nothing from repeating one): the query mix from one client alone, then the
same mix from one client while three more send, back to back, the costliest queries we know
(the issue's, and those just inside the limits). Figures: the ordinary client's p95 alone
and under attack (per pass: median and spread over passes) and their ratio, and what the
attackers got back (how many answers of each status, how long they took).
"""

from __future__ import annotations

import http.client
import threading
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from bench.load import HOST, HttpEngine, Server
from bench.queries import BenchQuery
from bench.search import one_pass
from bench.stats import Summary, latency_percentiles

ATTACKERS = 3


def worst_queries(queries: Sequence[BenchQuery]) -> list[str]:
    """The issue's slow queries (64 s, 18 s, 11 s and 7 s on 70,000 passages before the
    limits), and the costliest ones the limits let through: the biggest two-letter prefixes
    together, a fuzzy OR, and the mix's common words OR-ed."""
    common = [q.words[0] for q in queries if q.kind == "common"][:10]
    return [
        "th* OR co* OR pr* OR st* OR re* OR in*",
        "council~5",
        "co*",
        "text:[a TO z]",
        "co* OR re*",
        "th* OR co*",
        "st* OR in* OR pr*",
        "council~2 OR minister~2 OR government~2 OR people~2",
        " OR ".join(common) or "said OR people",
        '"said the" OR "the government"',
    ]


def attack(server: Server, texts: Sequence[str], stop: threading.Event, offset: int) -> list:
    """Send the worst queries back to back until `stop`; (status, ms) per answer."""
    outcomes: list[tuple[int, float]] = []
    conn = http.client.HTTPConnection(HOST, server.port, timeout=120)
    position = offset
    while not stop.is_set():
        text = texts[position % len(texts)]
        position += 1
        started = time.perf_counter()
        try:
            conn.request("GET", "/api/search?" + urlencode({"q": text}))
            response = conn.getresponse()
            response.read()
            status = response.status
        except (http.client.HTTPException, OSError):
            conn.close()
            conn = http.client.HTTPConnection(HOST, server.port, timeout=120)
            status = 0
        outcomes.append((status, (time.perf_counter() - started) * 1000))
    conn.close()
    return outcomes


def measure_costly_load(
    datadir: Any, queries: Sequence[BenchQuery], *, runs: int, threads: int | None = None
) -> dict[str, Any]:
    """The ordinary mix's p95 alone and with ATTACKERS clients sending the worst queries."""
    server = Server(datadir, threads=threads, env={"CUTTINGS_SEARCH_CACHE": "0"})
    server.start()
    try:
        engine = HttpEngine(server)
        one_pass(engine, queries)  # warm up: caches of segments, analysers
        alone = [latency_percentiles(one_pass(engine, queries)[0]) for _ in range(runs)]
        texts = worst_queries(queries)
        stop = threading.Event()
        results: list[list] = [[] for _ in range(ATTACKERS)]

        def attacker(number: int) -> None:
            results[number] = attack(server, texts, stop, number * 3)

        pool = [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(ATTACKERS)]
        for thread in pool:
            thread.start()
        time.sleep(2.0)  # let every attacker have a costly query running
        attacked = [latency_percentiles(one_pass(engine, queries)[0]) for _ in range(runs)]
        stop.set()
        for thread in pool:
            thread.join(timeout=180)
        engine.close()
    finally:
        server.stop()
    answers = [o for per in results for o in per]
    statuses = Counter(status for status, _ in answers)
    p95_alone = Summary.of(r["p95"] for r in alone)
    p95_attacked = Summary.of(r["p95"] for r in attacked)
    return {
        "command": " ".join(server.command()) + " (CUTTINGS_SEARCH_CACHE=0)",
        "attackers": ATTACKERS,
        "worst_queries": texts,
        "runs": runs,
        "p50_alone": Summary.of(r["p50"] for r in alone).to_json(),
        "p95_alone": p95_alone.to_json(),
        "p50_attacked": Summary.of(r["p50"] for r in attacked).to_json(),
        "p95_attacked": p95_attacked.to_json(),
        "ratio_p95": p95_attacked.median / p95_alone.median if p95_alone.median else None,
        "attack_answers": {str(k): v for k, v in sorted(statuses.items())},
        "attack_ms": Summary.of(ms for _, ms in answers).to_json(),
        "attack_ms_by_status": {
            str(status): Summary.of(ms for s, ms in answers if s == status).to_json()
            for status in sorted(statuses)
        },
    }
