"""Development figures that the model was not fitted on: two-fold cross-validation by article.

    .venv/bin/python bench/quotes/crossval.py [--folds 2] [--draws 0]

The development articles (PolNeAR's development part with its hand labels, the BBC
development sets and labels.json) are split into folds by the SHA-256 of their names; for each
fold the ranker, antecedent weights and calibration are fitted on the other folds
(bench/quotes/train.py) and the fold is scored through the ingest stages. The figures and the
reliability tables per source then describe articles the coefficients never saw, as the
held-out figures will, without opening a held-out article. Figures printed by
`quote_eval.py --part dev` are in-sample by comparison (the committed model was fitted on
them).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.quote_eval import evaluate, print_figures, print_reliability  # noqa: E402
from bench.quotes import train  # noqa: E402


def fold_of(file: str, folds: int) -> int:
    """The fold an article belongs to (stable: the SHA-256 of its name)."""
    return int(hashlib.sha256(file.encode("utf-8")).hexdigest()[:8], 16) % folds


def source_of(file: str) -> str:
    return "polnear" if file.startswith("polnear-") else "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--draws", type=int, default=0, help="bootstrap draws (0: none)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = train.development_articles()
    results: dict[str, list] = {"polnear": [], "bbc": []}
    for fold in range(args.folds):
        fitting = [(a, raw) for a, raw in articles if fold_of(a.file, args.folds) != fold]
        scoring = [a for a, _ in articles if fold_of(a.file, args.folds) == fold]
        prefix = f"fold {fold + 1}: "
        train.fit(fitting, args.rounds, log=lambda line, prefix=prefix: print(prefix + line))
        scored, _ = evaluate(scoring)
        for article, result in zip(scoring, scored, strict=True):
            results[source_of(article.file)].append(result)
    for source, found in results.items():
        print(
            f"\n{source}: {len(found)} development articles, each scored by a model fitted "
            "without it"
        )
        print_figures(found, args.draws)
        print_reliability(found)


if __name__ == "__main__":
    main()
