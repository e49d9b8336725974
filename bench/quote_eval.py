"""Quote attribution benchmark: precision and recall of speakers against hand labels, and speed.

    .venv/bin/python bench/quote_eval.py            # scores per folder and overall
    .venv/bin/python bench/quote_eval.py --errors   # also list every miss and wrong speaker
    .venv/bin/python bench/quote_eval.py --speed    # also time attribution over all BBC files

Labels: bench/quotes/labels.json (see bench/quotes/README.md for how they were made). A label
is matched to a predicted quote by text (its first words begin the prediction, or occur in it),
so the score does not depend on how a file was split into passages. A prediction is right when
its speaker's name or a recorded alias matches the label under archive.quotes.cast.person_key.
Precision = right / predictions with a speaker (matched or spurious); recall = right / labelled
quotes with a speaker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.ingest.decode import decode_item  # noqa: E402
from archive.ingest.pipeline import Item, new_draft  # noqa: E402
from archive.ingest.read import read_path  # noqa: E402
from archive.ingest.segment import split_passages  # noqa: E402
from archive.ingest.stages import attribute_quotes, extract_article  # noqa: E402
from archive.model import Document, Original, Passage  # noqa: E402
from archive.personnames import person_key  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "bench" / "quotes" / "labels.json"


# --- Stand-in for the ingest pipeline (archive.ingest is not ready yet). -------------------
def passages_for(path: Path) -> list[Passage]:
    """Passages of a corpus file through the real read -> decode -> extract -> segment stages."""
    [item] = [i for i in read_path(path) if isinstance(i, Item)]
    draft = new_draft(item, Original(path.name, "", "text", 0))
    for stage in (decode_item, extract_article, split_passages):
        draft = stage(draft)
    return draft.document.passages


def attribute(path: Path) -> Document:
    """Run the quotes stage on one corpus file."""
    item = Item(data=b"", filename=path.name, format="text")
    draft = new_draft(item, Original(path.name, "", "text", 0))
    draft.document.passages = passages_for(path)
    return attribute_quotes(draft).document


# --- Scoring. --------------------------------------------------------------------------------
def norm(text: str) -> str:
    """Lower-case words only, so marks, spacing and apostrophes do not matter."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(re.findall(r"[\w']+", text))


@dataclass
class Score:
    """Counts for one folder."""

    labelled: int = 0
    labelled_with_speaker: int = 0
    found: int = 0  # labelled quotes with a speaker whose prediction is right
    predicted: int = 0  # predictions with a speaker
    right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("labelled", "labelled_with_speaker", "found", "predicted", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled_with_speaker if self.labelled_with_speaker else 1.0


def _label_keys(speaker: str | list[str] | None) -> set[str]:
    if speaker is None:
        return set()
    return {person_key(s) for s in ([speaker] if isinstance(speaker, str) else speaker)}


def _match(label: str, predictions: list[str]) -> int | None:
    """The prediction a label's opening words belong to: one they begin first, else contain."""
    target = norm(label)
    starts = [
        i for i, p in enumerate(predictions) if p and (p.startswith(target) or target.startswith(p))
    ]
    if starts:
        return starts[0]
    inside = [i for i, p in enumerate(predictions) if target in p]
    return min(inside, key=lambda i: len(predictions[i])) if inside else None


def score_file(entry: dict) -> Score:
    """Score one labelled file."""
    document = attribute(CORPUS / entry["file"])
    names = {p.name: {person_key(a) for a in [p.name, *p.aliases]} for p in document.people}
    predictions = [norm(q.text) for q in document.quotes]
    matched: dict[int, list[set[str]]] = defaultdict(list)
    score = Score()
    for label in entry["quotes"]:
        keys = _label_keys(label["speaker"])
        score.labelled += 1
        score.labelled_with_speaker += bool(keys)
        hit = _match(label["text"], predictions)
        if hit is not None:
            matched[hit].append(keys)
        said = document.quotes[hit].speaker if hit is not None else None
        if keys and said and keys & names.get(said, set()):
            score.found += 1
        elif keys:
            score.errors.append(
                f"{entry['file']}: MISS {label['text'][:40]!r} want {label['speaker']} got {said}"
            )
    for i, quote in enumerate(document.quotes):
        if quote.speaker is None:
            continue
        score.predicted += 1
        ok = any(keys & names.get(quote.speaker, set()) for keys in matched.get(i, []))
        score.right += ok
        if not ok:
            what = "WRONG" if i in matched else "SPURIOUS"
            score.errors.append(f"{entry['file']}: {what} {quote.text[:40]!r} -> {quote.speaker}")
    return score


def evaluate(labels: list[dict]) -> dict[str, Score]:
    """Scores per folder ("business", ..., "seeds") and "overall"."""
    scores: dict[str, Score] = defaultdict(Score)
    for entry in labels:
        parts = entry["file"].split("/")
        folder = parts[1] if parts[0] == "bbc" else parts[0]
        file_score = score_file(entry)
        scores[folder].add(file_score)
        scores["overall"].add(file_score)
    return dict(scores)


def time_bbc() -> tuple[int, float]:
    """Attribute every BBC article; return (files, ms per article) for the quotes stage alone."""
    files = sorted((CORPUS / "bbc").glob("*/*.txt"))
    docs = [passages_for(f) for f in files]
    start = time.perf_counter()
    for passages in docs:
        draft = new_draft(Item(b"", "x", "text"), Original("x", "", "text", 0))
        draft.document.passages = passages
        attribute_quotes(draft)
    return len(files), (time.perf_counter() - start) * 1000 / len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and wrong speakers")
    parser.add_argument("--speed", action="store_true", help="time all 2,225 BBC files")
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    scores = evaluate(labels)
    print(f"{'folder':<15}{'labels':>7}{'w/spk':>7}{'pred':>6}{'P':>7}{'R':>7}")
    for folder, s in sorted(scores.items(), key=lambda kv: (kv[0] == "overall", kv[0])):
        print(
            f"{folder:<15}{s.labelled:>7}{s.labelled_with_speaker:>7}{s.predicted:>6}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}"
        )
    if args.errors:
        print("\n".join(scores["overall"].errors))
    if args.speed:
        count, ms = time_bbc()
        print(f"\nattribute_quotes over {count} BBC files: {ms:.3f} ms/article")


if __name__ == "__main__":
    main()
