"""Quote attribution evaluation: the PolNeAR metric per tier and marks, with 95% intervals.

    .venv/bin/python bench/quote_eval.py --corpus polnear [--part dev|heldout]
    .venv/bin/python bench/quote_eval.py --corpus bbc [--part dev|heldout]
    .venv/bin/python bench/quote_eval.py --corpus labels          # the first labelled set
    .venv/bin/python bench/quote_eval.py --corpus polnear --errors "direct named"   # dev only
    .venv/bin/python bench/quote_eval.py --speed                  # ms per BBC article
                                                                  # (held-out files left out)

Every article goes through the stages `cuttings add` runs (archive.ingest.stages.
default_stages(), in-process). The metric is the one ../shared/corpus/polnear/README.md names
(bench/quotes/metric.py); intervals come from resampling articles (bench/quotes/bootstrap.py).
The held-out parts are for reporting only: `--errors` refuses them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quotes import sets  # noqa: E402
from bench.quotes.bootstrap import intervals, totals  # noqa: E402
from bench.quotes.documents import ingest  # noqa: E402
from bench.quotes.metric import FIGURES, ArticleResult, match, score_article  # noqa: E402

BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


def evaluate(articles: list[sets.Article]) -> tuple[list[ArticleResult], dict]:
    """Score every article; also return the documents found (for --errors)."""
    results, documents = [], {}
    for article in articles:
        document = ingest(article.path)
        documents[article.file] = document
        results.append(score_article(article.file, article.golds, document))
    return results, documents


def _groups(results: list[ArticleResult]) -> list[str]:
    """The groups to print: direct quotes per tier and marks, partial ones per tier, the hand
    labels, and for a labelled set its folders."""
    seen = {g for r in results for g in r.counts}
    shown = [
        g
        for g in seen
        if g.split()[0] not in ("partial", "all")
        or g == "partial"
        or (g.startswith("partial ") and len(g.split()) == 2 and g.split()[1] in TIERS)
    ]
    if "direct" not in seen:
        shown.append("all")  # a labelled set: all its quotes, then per folder
    order = {"all": -1, "direct": 0, "partial": 2, "hand": 3}
    return sorted(shown, key=lambda g: (order.get(g.split()[0], 1), len(g.split()), g))


TIERS = ("named", "coref", "none")
NOTES = (
    "direct = 3+ words and >= 80% of the attribution's content (PolNeAR README); partial = the rest.",
    "coref: PolNeAR's speaker for these is an automatic coreference (right about half the time);",
    "       its P and R measure agreement with that, not correctness. hand = the hand-labelled",
    "       pronoun/description sources (polnear-pronouns.json), the gold for those quotes.",
    "none: no speaker in the gold; span R only. named/null: quotes whose gold names no one that",
    "       were given a speaker anyway, of those quotes.",
)


def _cell(value: float | None, interval: tuple[float, float] | None) -> str:
    if value is None:
        return f"{'-':>19}"
    if interval is None:
        return f"{value:>7.3f}{'':12}"
    return f"{value:>7.3f} [{interval[0]:.2f}-{interval[1]:.2f}]"


def print_figures(results: list[ArticleResult], draws: int) -> None:
    print(
        f"{'group':<28}{'gold':>6}{'w/spk':>6}"
        + "".join(f"{n:>20}" for n in FIGURES)
        + f"{'named/null':>12}"
    )
    for group in _groups(results):
        total = totals(results, group)
        spread = intervals(results, group, draws) if draws else {}
        figures = total.figures()
        row = "".join(_cell(figures[n], spread.get(n)) for n in FIGURES)
        null = total.gold - total.with_speaker
        named_null = f"{total.wrongly_named}/{null}" if null else "-"
        print(f"{group:<28}{total.gold:>6}{total.with_speaker:>6}{row}{named_null:>12}")


def print_reliability(results: list[ArticleResult]) -> None:
    pairs = [pair for r in results for pair in r.attributions]
    print("\nreliability (attributions of gold quotes a person labelled)")
    print(f"{'confidence':<14}{'count':>7}{'accuracy':>10}")
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [right for conf, right in pairs if low <= conf < high]
        accuracy = f"{sum(band) / len(band):>10.3f}" if band else f"{'-':>10}"
        print(f"{low:.2f}-{min(high, 1.0):.2f}    {len(band):>7}{accuracy}")
    sure = [right for conf, right in pairs if conf >= 0.9]
    if sure:
        print(f"{'>= 0.90':<14}{len(sure):>7}{sum(sure) / len(sure):>10.3f}")


def print_errors(articles: list[sets.Article], documents: dict, group: str) -> None:
    for article in articles:
        document = documents[article.file]
        for outcome in match(article.golds, document):
            gold = outcome.gold
            if (group != "all" and group not in gold.groups) or outcome.correct:
                continue
            if gold.speaker is None and not outcome.attributed:
                continue
            found = outcome.found
            what = "MISS" if found is None else "NONE" if found.speaker is None else "WRONG"
            evidence = getattr(found, "evidence", None) or {}
            print(
                f"{article.file.removeprefix('polnear-train-')[:46]} p{gold.paragraph} {what}: "
                f"{gold.text[:60]!r} "
                f"want {gold.speaker!r} got {found.speaker if found else None!r} "
                f"cue {found.cue if found else None!r} rule {evidence.get('rule')!r}"
            )


def speed_files() -> list[Path]:
    """The BBC files timed by --speed: all but the held-out ones (split.json), which no
    development run opens, not even to time it."""
    held_out = {
        name for key, part in sets.split()["bbc"].items() if "heldout" in key for name in part
    }
    return [
        path
        for path in sorted((sets.CORPUS / "bbc").glob("*/*.txt"))
        if f"bbc/{path.parent.name}/{path.name}" not in held_out
    ]


def time_bbc(files: list[Path] | None = None) -> tuple[int, float, float, float]:
    """One pass over the BBC corpus through every stage: (files, CPU ms per article in the
    quotes stage, CPU ms per article in the other stages, documents/s for all the stages).
    CPU time (this process's, not the clock's) so that other work on the machine counts less."""
    from archive.ingest import stages as stage_module

    files = files if files is not None else speed_files()
    spent = {"quotes": 0.0, "other": 0.0}

    def timed(stage, bucket):
        def run(draft):
            start = time.process_time()
            out = stage(draft)
            spent[bucket] += time.process_time() - start
            return out

        return run

    quotes = stage_module.attribute_quotes
    pipeline = [
        timed(s, "quotes" if s is quotes else "other") for s in stage_module.default_stages()
    ]
    start = time.perf_counter()
    for file in files:
        ingest(file, pipeline)
    elapsed = time.perf_counter() - start
    per = 1000 / len(files)
    return len(files), spent["quotes"] * per, spent["other"] * per, len(files) / elapsed


def print_speed(runs: int) -> None:
    """Medians and spreads over `runs` passes; the other stages are the baseline measured in
    the same passes (the machine is shared, so absolute times drift; the ratio holds)."""
    passes = [time_bbc() for _ in range(runs)]
    count = passes[0][0]
    quotes = [p[1] for p in passes]
    ratios = [p[1] / p[2] for p in passes]
    rates = [p[3] for p in passes]
    print(
        f"{count} BBC files, {runs} passes: quotes stage {median(quotes):.2f} CPU ms/article "
        f"[{min(quotes):.2f}-{max(quotes):.2f}]; {median(ratios):.2f}x the other stages "
        f"[{min(ratios):.2f}-{max(ratios):.2f}]; all stages {median(rates):.0f} docs/s "
        f"[{min(rates):.0f}-{max(rates):.0f}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("polnear", "bbc", "labels"), default="polnear")
    parser.add_argument("--part", choices=sets.PARTS, default="dev")
    parser.add_argument("--errors", metavar="GROUP", help="list the errors of one group (dev)")
    parser.add_argument("--draws", type=int, default=1000, help="bootstrap draws (0: none)")
    parser.add_argument("--speed", action="store_true", help="time the stages over all BBC")
    parser.add_argument("--runs", type=int, default=3, help="passes for --speed (median)")
    parser.add_argument(
        "--repeats",
        action="store_true",
        help="keep the held-out files that repeat a development file (left out by default)",
    )
    args = parser.parse_args()
    retired = args.part in sets.RETIRED.get(args.corpus, ())
    if args.errors and args.part.startswith("heldout") and args.corpus != "labels" and not retired:
        parser.error("--errors is for development data only: the held-out part is not read")
    if args.speed:
        print_speed(args.runs)
        return
    articles = sets.load(args.corpus, args.part, repeats=args.repeats)
    if not articles:
        sys.exit(f"no labelled articles for --corpus {args.corpus} --part {args.part} yet")
    if args.corpus == "bbc" and args.part == sets.BBC_HELD_OUT and not args.repeats:
        left = sorted(sets.repeats_of_development(args.part))
        print(f"left out {len(left)} files repeating a development file: {', '.join(left)}")
    results, documents = evaluate(articles)
    part = "" if args.corpus == "labels" else f", {args.part} part"
    print(
        f"{args.corpus}{part}: {len(articles)} articles; 95% intervals from {args.draws} "
        "bootstrap resamples of articles"
    )
    if args.corpus == "polnear":
        print("\n".join(NOTES))
    print_figures(results, args.draws)
    print_reliability(results)
    if args.errors:
        print()
        print_errors(articles, documents, args.errors)


if __name__ == "__main__":
    main()
