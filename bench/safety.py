"""Issue 16's two speed findings, measured with baselines in the same run.

python bench/safety.py [--records 300] [--images-mb 20] [--passages 20000] [--runs 3]

1. A WARC of N HTML records beside M MB of image records (skipped, as a crawl's images
   are), ingested whole, against the same N pages as separate HTML files (the ratio is ~1
   when the WARC is hashed once), and what hashing the WARC twice per record - what ingest
   used to do - costs on top.
2. A speaker fix on a document of P passages against one on a document of 50 (the ratio is
   ~1 when only the quote's passage is reindexed), and the old path - reindexing the whole
   document - on the long one.

Medians over the runs, with the spread (min-max); writes bench/results/safety.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.datadir import DataDir  # noqa: E402
from archive.model import Passage  # noqa: E402
from archive.originals import sha256_of  # noqa: E402
from index.sync import Archive  # noqa: E402
from tests.archive_fixtures import article_page, warc_of  # noqa: E402
from tests.librarian_support import make_document  # noqa: E402
from web import editing  # noqa: E402


def timed(action: Callable[[], object], runs: int, setup: Callable[[], object] | None = None):
    """Seconds per run: median, min, max."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def warc_figures(records: int, images_mb: int, runs: int) -> dict:
    pages = [
        (f"https://news.example/{n}", article_page(f"Harbour report {n}", f"Boat {n} came in."))
        for n in range(records)
    ]
    images = [
        (f"https://news.example/photo{n}.jpg", os.urandom(1024 * 1024)) for n in range(images_mb)
    ]
    container = warc_of(pages, images=images)
    roots: list[Path] = []

    def fresh() -> None:
        roots.append(Path(tempfile.mkdtemp()) / "data")

    def as_warc() -> None:
        with Archive.open(DataDir(roots[-1])) as archive:
            items = archive.ingestor().read_upload(container, "crawl.warc.gz")
            assert all(r.status == "added" for r in archive.add(items))

    def as_files() -> None:
        with Archive.open(DataDir(roots[-1])) as archive:
            ingestor = archive.ingestor()
            items = [i for n, (_, page) in enumerate(pages)
                     for i in ingestor.read_upload(page, f"page{n}.html")]  # fmt: skip
            assert all(r.status == "added" for r in archive.add(items))

    warc = timed(as_warc, runs, fresh)
    files = timed(as_files, runs, fresh)
    double = timed(lambda: [sha256_of(container) for _ in range(2 * records)], runs)
    return {
        "records": records,
        "images_mb": images_mb,
        "warc_bytes": len(container),
        "warc_s": warc,
        "separate_files_s": files,
        "ratio_warc_to_files": warc["median"] / files["median"],
        "old_extra_hashing_s": double,
    }


def speaker_figures(passages: int, runs: int) -> dict:
    def archive_with(count: int) -> tuple[Archive, int]:
        doc = make_document(count)
        doc.passages += [
            Passage(n, "body", f"Filler paragraph {n} of the long report.")
            for n in range(3, count + 1)
        ]
        archive = Archive.open(DataDir(Path(tempfile.mkdtemp()) / "data"))
        doc_id = archive.catalog.documents.add(doc)
        archive.sync([doc_id])
        return archive, doc_id

    short, short_id = archive_with(50)
    long, long_id = archive_with(passages)
    names = iter(f"Speaker {n}" for n in range(10 * runs))

    def fix(archive: Archive, doc_id: int) -> Callable[[], object]:
        quote = archive.catalog.quotes.of_document(doc_id)[0].id
        return lambda: editing.fix_speaker(archive, quote, next(names), actor="bench")

    def whole(archive: Archive, doc_id: int) -> Callable[[], object]:
        quote = archive.catalog.quotes.of_document(doc_id)[0].id

        def old_path() -> None:  # what a fix used to cost: the whole document again
            archive.catalog.quotes.set_speaker(quote, next(names), actor="bench")
            archive.sync([doc_id])

        return old_path

    small = timed(fix(short, short_id), runs)
    big = timed(fix(long, long_id), runs)
    old = timed(whole(long, long_id), runs)
    for archive in (short, long):
        archive.close()
    return {
        "passages": passages,
        "fix_50_passages_s": small,
        f"fix_{passages}_passages_s": big,
        "ratio_long_to_short": big["median"] / small["median"],
        f"whole_document_reindex_{passages}_s": old,
        "ratio_old_to_new": old["median"] / big["median"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--images-mb", type=int, default=20)
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "safety.json")
    args = parser.parse_args()
    results = {
        "warc": warc_figures(args.records, args.images_mb, args.runs),
        "speaker_fix": speaker_figures(args.passages, args.runs),
    }
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
