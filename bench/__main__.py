"""`python -m bench`: run the suite and write docs/benchmarks.md; profiling helpers.

python -m bench [--scales 1,10] [--runs 3] [--quick] [--out docs/benchmarks.md]
python -m bench report [--results bench/results/benchmarks.json] [--out docs/benchmarks.md]
python -m bench profile-ingest [--limit 40] [--scale 1]
python -m bench profile-search [--data DIR] [--limit 40]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "benchmarks.md"
DEFAULT_RESULTS = ROOT / "bench" / "results" / "benchmarks.json"
COMMANDS = ("run", "report", "profile-ingest", "profile-search", "ingest-worker")


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scales",
        default=None,
        help="corpus sizes as multiples of the BBC passage count (default 1,10; x1 is "
        "the real corpus, larger scales are synthetic), e.g. 1,10,50",
    )
    parser.add_argument(
        "--runs", type=int, default=None, help="measured passes per figure (default 3; quick 2)"
    )
    parser.add_argument(
        "--ingest-runs",
        type=int,
        default=None,
        help="ingest and index-build runs per scale (default: --runs at x1, 1 above)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small and fast: 30 BBC articles per topic as the base, 2 s load runs",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="BBC articles per topic to use as the base"
    )
    parser.add_argument(
        "--load-seconds", type=float, default=None, help="length of each load run (default 10)"
    )
    parser.add_argument("--clients", default="1,4,16", help="HTTP client counts (default 1,4,16)")
    parser.add_argument(
        "--mode",
        choices=("files", "documents"),
        default="files",
        help="synthetic corpora: plain-text files through the whole ingest (default), "
        "or Documents built directly into store + index (search-only scaling)",
    )
    parser.add_argument("--server-threads", type=int, default=None, help="cuttings serve --threads")
    parser.add_argument(
        "--server-workers",
        default=None,
        help="cuttings serve --workers counts for the HTTP load runs (default: 1 and one per "
        "core, at most 4), e.g. 1,2",
    )
    parser.add_argument(
        "--no-http", action="store_true", help="skip cuttings serve and the HTTP figures"
    )
    parser.add_argument(
        "--no-server",
        action="store_true",
        help="skip server mode (PostgreSQL) and measure embedded mode only",
    )
    parser.add_argument("--seed", type=int, default=None, help="corpus and query-mix seed")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where corpora and indexes go (default: a temp dir)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the Markdown report")
    parser.add_argument(
        "--results", type=Path, default=DEFAULT_RESULTS, help="the raw results as JSON"
    )
    return parser


def options_from(args: argparse.Namespace):
    from bench.runner import Options

    options = Options(
        quick=args.quick,
        mode=args.mode,
        workdir=args.workdir,
        keep=args.keep,
        server_threads=args.server_threads,
        http=not args.no_http,
        server=not args.no_server,
    )
    if args.quick:
        options.runs, options.limit, options.load_seconds = 2, 30, 2.0
    if args.server_workers:
        options.server_workers = [int(n) for n in args.server_workers.split(",") if n.strip()]
    if args.scales:
        options.scales = [float(s) for s in args.scales.split(",") if s.strip()]
    if args.runs is not None:
        options.runs = args.runs
    if args.limit is not None:
        options.limit = args.limit
    if args.load_seconds is not None:
        options.load_seconds = args.load_seconds
    if args.seed is not None:
        options.seed = args.seed
    options.ingest_runs = args.ingest_runs
    options.clients = [int(c) for c in args.clients.split(",") if c.strip()]
    return options


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "run"
    if command == "run":
        return run(argv)
    if command == "report":
        return report(argv)
    if command == "ingest-worker":
        return ingest_worker(argv)
    return profile(command, argv)


def run(argv: list[str]) -> int:
    from bench.corpus import shared_available
    from bench.report import write_report
    from bench.runner import run_suite, save_results

    args = run_parser().parse_args(argv)
    if not shared_available():
        print(
            "the benchmark needs ../shared/corpus (the BBC articles) beside the project",
            file=sys.stderr,
        )
        return 2
    results = run_suite(options_from(args))
    save_results(results, args.results)
    out = write_report(results, args.out)
    print(f"wrote {out} and {args.results}")
    return 0


def report(argv: list[str]) -> int:
    from bench.report import write_report

    parser = argparse.ArgumentParser(
        prog="python -m bench report", description="re-render the report"
    )
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    results = json.loads(args.results.read_text(encoding="utf-8"))
    print(f"wrote {write_report(results, args.out)}")
    return 0


def ingest_worker(argv: list[str]) -> int:
    from bench.ingest import ingest_worker as worker

    parser = argparse.ArgumentParser(prog="python -m bench ingest-worker")
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--database-url", default=None, help="server mode: the database")
    parser.add_argument("--part", default="0/1", help="K/N: every N-th file from the K-th")
    args = parser.parse_args(argv)
    k, n = (int(x) for x in args.part.split("/"))
    worker(args.manifest, args.data, args.out, database_url=args.database_url, part=(k, n))
    return 0


def profile(command: str, argv: list[str]) -> int:
    from bench.profiling import profile_ingest, profile_search

    parser = argparse.ArgumentParser(prog=f"python -m bench {command}")
    parser.add_argument("--limit", type=int, default=40, help="BBC articles per topic (default 40)")
    parser.add_argument("--top", type=int, default=30, help="functions to list")
    if command == "profile-ingest":
        parser.add_argument(
            "--scale", type=float, default=1.0, help="synthetic scale of the limited base"
        )
        args = parser.parse_args(argv)
        profile_ingest(limit=args.limit, scale=args.scale, top=args.top)
    else:
        parser.add_argument("--data", type=Path, default=None, help="an existing data directory")
        parser.add_argument("--passes", type=int, default=3)
        args = parser.parse_args(argv)
        profile_search(data=args.data, limit=args.limit, passes=args.passes, top=args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
