"""Draw the PolNeAR pronoun/description sample for hand labelling, reproducibly.

    .venv/bin/python bench/quotes/draw_pronouns.py   # writes bench/quotes/polnear-pronouns.todo.json

Direct quotations (3+ words, quoted part at least 80% of the attribution's content) whose
annotated source is a pronoun or a description are collected from gold-train.json, apart for
the held-out and the development articles of split.json. Each list is sorted by
(file, paragraph, start), shuffled with its own random.Random(20261202) and cut: the first 200
held-out and the first 120 development quotes are drawn. The automatic `speaker` of the gold
file is left out, so the reader never sees it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus" / "polnear"
SEED = 20261202
COUNTS = {"heldout": 200, "dev": 120}
KINDS = {"pronoun", "description"}
KEEP = ("file", "paragraph", "start", "end", "text", "marks", "cue", "source_text",
        "source_kind", "source_paragraph", "tier", "words", "share_of_content")


def is_direct(quote: dict) -> bool:
    return quote["words"] >= 3 and quote["share_of_content"] >= 0.8


def draw() -> list[dict]:
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))["polnear"]
    gold = json.loads((CORPUS / "gold-train.json").read_text(encoding="utf-8"))
    part_of = {f: part for part, files in split.items() for f in files}
    pools: dict[str, list[dict]] = {part: [] for part in COUNTS}
    for doc in gold["documents"]:
        part = part_of.get(doc["file"])
        if part is None:
            continue
        for quote in doc["quotes"]:
            if quote["source_kind"] in KINDS and is_direct(quote):
                item = {"part": part, "file": doc["file"]}
                item.update({k: quote.get(k) for k in KEEP if k != "file"})
                pools[part].append(item)
    drawn = []
    for part, n in COUNTS.items():
        pool = sorted(pools[part], key=lambda q: (q["file"], q["paragraph"], q["start"]))
        random.Random(SEED).shuffle(pool)  # a fresh generator per part
        print(part, "pool", len(pool), "drawn", min(n, len(pool)))
        drawn += pool[:n]
    return drawn


def main() -> None:
    items = draw()
    out = HERE / "polnear-pronouns.todo.json"
    out.write_text(json.dumps({"seed": SEED, "items": items}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print("wrote", out, len(items))


if __name__ == "__main__":
    main()
