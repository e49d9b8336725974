"""One fast run of the benchmark harness: a tiny corpus, a few queries, every engine.

The baselines run on a corpus made here; the Cuttings parts need ../shared/corpus and
Cuttings' ingest and search, and skip with the reason when it or a benchmark extra is missing.
"""

from __future__ import annotations

import json

import pytest

from bench import corpus as corpora
from bench.engines import baseline
from bench.queries import build_query_mix
from bench.report import write_report
from bench.runner import Options, run_suite
from bench.search import measure_latency, throughput_runs
from bench.stats import Summary, percentile

SENTENCES = [
    "The council approved the new budget for schools on Tuesday.",
    "Shares in the telecoms firm rose sharply after the results.",
    "The film won three awards at the ceremony in London.",
    "Ministers are expected to publish the report next month.",
    "The striker scored twice as the home side won the match.",
    "Broadband subscriptions grew faster than analysts had forecast.",
    "Campaigners said the decision would hurt rural communities.",
    "The bank kept interest rates on hold for a third month.",
]


def tiny_base() -> list[corpora.Article]:
    return [
        corpora.Article(
            key=f"t/{i}",
            title=f"Headline number {i}",
            paragraphs=[" ".join(SENTENCES[(i + j) % 8 : (i + j) % 8 + 2]) for j in range(3)],
        )
        for i in range(8)
    ]


def test_stats_give_percentiles_and_a_spread():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    summary = Summary.of([3.0, 1.0, 2.0])
    assert (summary.median, summary.spread()) == (2.0, (1.0, 3.0))


def test_the_generator_is_deterministic_and_labelled_synthetic():
    first = corpora.synthetic_corpus(2, tiny_base())
    second = corpora.synthetic_corpus(2, tiny_base())
    assert [a.text() for a in first.articles] == [a.text() for a in second.articles]
    assert first.synthetic and "SYNTHETIC" in first.description
    assert first.passage_count >= 2 * sum(len(a.paragraphs) for a in tiny_base())
    assert any(people for a in first.articles for people in a.speakers)


def test_every_baseline_answers_the_same_query_mix(tmp_path):
    passages = corpora.passages_from_corpus(corpora.synthetic_corpus(3, tiny_base()))
    queries = build_query_mix(passages)
    assert {q.kind for q in queries} >= {"common", "rare", "phrase", "person", "date", "facets"}
    totals = {}
    for name in ("whoosh", "fts5", "tantivy"):
        engine = baseline(name, tmp_path)
        engine.build(passages)
        latency = measure_latency(engine, queries[:12], runs=1, warmup=0)
        assert latency["error_count"] == 0, latency["errors"]
        load = throughput_runs(engine, queries, clients=2, seconds=0.2, runs=1)
        assert load["requests"] > 0
        totals[name] = latency["hits"]
        engine.close()
    assert totals["whoosh"][0] == totals["fts5"][0] == totals["tantivy"][0] > 0


@pytest.mark.corpus
def test_a_quick_suite_run_measures_cuttings_and_writes_the_report(tmp_path):
    if not corpora.shared_available():
        pytest.skip(f"{corpora.BBC} is absent: the suite run needs the shared BBC corpus")
    for module in ("tantivy", "matplotlib"):
        pytest.importorskip(module, reason=f"the benchmarks need {module}: pip install -e .[bench]")
    options = Options(
        scales=[1.0],
        runs=1,
        limit=2,
        load_seconds=0.3,
        clients=[2],
        inprocess_clients=2,
        server_workers=[1, 2],
        ingest_processes=[2],
        workdir=tmp_path / "work",
    )
    results = run_suite(options)
    scale = results["scales"][0]
    assert scale["ingest"].get("added", 0) > 0, scale["ingest"]
    assert "cuttings" in scale["latency"]
    assert scale["latency"]["cuttings"]["error_count"] == 0, scale["latency"]["cuttings"]["errors"]
    http = scale["http"]
    assert http["throughput"]["2"]["requests"] > 0, http
    assert http["throughput_workers"]["2"]["throughput"]["2"]["requests"] > 0, http
    if "skipped" not in results["server_mode"]:  # PostgreSQL installed: both modes measured
        for engine in ("cuttings-server", "postgres", "postgres+facets"):
            figures = scale["latency"][engine]
            assert figures["error_count"] == 0, figures.get("errors")
        assert scale["ingest_processes"]["server 2"].get("added", 0) > 0
        assert scale["http_server"]["throughput_workers"]["2"]["throughput"]["2"]["requests"] > 0
    out = write_report(results, tmp_path / "docs" / "benchmarks.md")
    text = out.read_text()
    assert "## Machine" in text and "cuttings" in text
    assert "cuttings-http --workers 2" in text
    assert "cuttings-cold" in scale["latency"] and "cold" in http
    costly = scale["costly"]
    assert costly["p95_alone"]["n"] == 1 and costly["attack_answers"], costly
    assert set(costly["attack_answers"]) <= {"200", "400", "503"}
    assert scale["trace"]["recall"] is not None and scale["trace"]["quotations"] > 0
    assert "## Costly queries" in text and "## Trace a quote" in text
    assert (tmp_path / "docs" / "benchmarks-scaling.png").exists()
    json.dumps(results, default=str)


def test_the_report_renders_a_documents_mode_ingest_that_recorded_no_counts():
    from bench.report import ingest_section

    ingest = {
        "mode": "documents built directly (catalog + index only)",
        "runs": [{"added": 3}],
        "docs_per_s": Summary.of([10.0]).to_json(),
        "added": 3,
        "duplicate": None,
        "error": None,
        "quotes": None,
    }
    scale = {"scale": 10.0, "corpus": {"synthetic": True}, "ingest": ingest}
    lines = ingest_section({"scales": [scale]})
    assert any("3 added, 0 dup, 0 err; 0 quotes" in line for line in lines)


def test_the_safety_benchmark_measures_both_findings_against_their_baselines():
    from bench import safety

    warc = safety.warc_figures(records=4, images_mb=1, runs=1)
    assert warc["records"] == 4 and warc["warc_bytes"] > 1024 * 1024
    assert warc["ratio_warc_to_files"] > 0 and warc["old_extra_hashing_s"]["median"] > 0
    fix = safety.speaker_figures(passages=200, runs=1)
    assert fix["ratio_long_to_short"] > 0 and fix["ratio_old_to_new"] > 0
