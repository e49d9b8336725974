"""Article-body extraction benchmark: our read -> decode -> extract_html on 181 news pages.

Scores as scrapinghub/article-extraction-benchmark's evaluate.py does: `\\w+` tokens, 4-gram
shingles counted as a multiset, each document's TP/FP/FN normalised to sum to 1, precision
averaged over documents with a prediction, recall over documents with a ground truth, and F1
of the two means. Writes bench/results/extraction.json.

    .venv/bin/python bench/extraction.py [--corpus DIR] [--option favor_recall=true ...]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.ingest import html  # noqa: E402
from archive.ingest.decode import decode_item  # noqa: E402
from archive.ingest.pipeline import Item, new_draft  # noqa: E402
from archive.ingest.read import read_path  # noqa: E402
from archive.model import Original  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "extraction-benchmark"
RESULTS = Path(__file__).resolve().parent / "results" / "extraction.json"
SEARCHED = ("body", "heading")
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles (a shorter text is one short shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle matches of one document, normalised so long documents weigh no more."""
    want, got = shingles(true), shingles(pred)
    tp, fp, fn = sum((want & got).values()), sum((got - want).values()), sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall_f1(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over documents, and F1 of the two means (evaluate.py)."""
    precision = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0
    )
    recall = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0
    )
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "precision": precision,
        "recall": recall,
    }


def predict(item: Item) -> tuple[str, str | None]:
    """Our article body for one page (searchable blocks, one per line), and any error."""
    draft = new_draft(item, Original(item.filename, "", item.format, len(item.original_bytes)))
    try:
        draft = html.extract_html(decode_item(draft))
    except Exception as err:  # a benchmark counts failures instead of stopping
        return "", f"{type(err).__name__}: {err}"
    return "\n".join(block.text for block in draft.blocks if block.kind in SEARCHED), None


def run(corpus: Path) -> dict:
    """Read, decode and extract every page; score against the ground truth."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    items = [item for item in read_path(corpus / "html") if isinstance(item, Item)]
    predictions: dict[str, str] = {}
    errors: dict[str, str] = {}
    started = time.perf_counter()
    for item in items:
        key = item.filename.split(".")[0]
        item.url = truth.get(key, {}).get("url")
        predictions[key], error = predict(item)
        if error:
            errors[key] = error
    elapsed = time.perf_counter() - started
    counts = [
        tp_fp_fn(entry.get("articleBody", ""), predictions.get(key, ""))
        for key, entry in truth.items()
    ]
    return {
        **precision_recall_f1(counts),
        "documents": len(truth),
        "read": len(items),
        "empty": sum(1 for key in truth if not predictions.get(key)),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "docs_per_second": round(len(items) / elapsed, 1),
        "options": dict(html.EXTRACTION_OPTIONS),
    }


def _parse_option(text: str) -> tuple[str, object]:
    """'favor_recall=true' -> ('favor_recall', True)."""
    key, _, value = text.partition("=")
    return key, {"true": True, "false": False}.get(value.lower(), value)


def main() -> None:
    """Run the benchmark, print a table and write the JSON results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--option", action="append", default=[], help="trafilatura option key=value"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not (args.corpus / "ground-truth.json").exists():
        sys.exit(f"{args.corpus} has no ground-truth.json: this benchmark needs ../shared/corpus")
    html.EXTRACTION_OPTIONS.update(_parse_option(option) for option in args.option)
    result = run(args.corpus)
    print(f"{'options':<10} {json.dumps(result['options'])}")
    for key in ("f1", "precision", "recall"):
        print(f"{key:<10} {result[key]:.4f}")
    print(
        f"{'documents':<10} {result['documents']} ({result['empty']} empty, {len(result['errors'])} errors)"
    )
    print(f"{'speed':<10} {result['docs_per_second']} docs/s ({result['seconds']} s)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
