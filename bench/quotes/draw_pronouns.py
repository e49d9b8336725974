"""Draw the PolNeAR pronoun/description sample for hand labelling, reproducibly.

    .venv/bin/python bench/quotes/draw_pronouns.py              # polnear-pronouns.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --dev-extra  # polnear-pronouns-dev2.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --heldout-extra  # polnear-pronouns-heldout2.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --heldout3   # polnear-pronouns-heldout3.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --dev3       # polnear-pronouns-dev3.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --heldout4   # polnear-pronouns-heldout4.todo.json
    .venv/bin/python bench/quotes/draw_pronouns.py --check      # checks the labelled files

Direct quotations (3+ words, quoted part at least 80% of the attribution's content) whose
annotated source is a pronoun or a description are collected from gold-train.json, apart for
the held-out and the development articles of split.json. Each list is sorted by
(file, paragraph, start), shuffled with its own random.Random(20261202) and cut: the first 200
held-out and the first 120 development quotes are drawn. --dev-extra draws the next 200
development quotes of the same shuffled order (items 121-320), for polnear-pronouns-dev2.json;
the held-out draw is unchanged. --heldout-extra draws the rest of the held-out pool (items
201 on) for polnear-pronouns-heldout2.json, the held-out set of round three. --heldout3 draws, for round four, the next HELDOUT3
development quotes of the same order (items 321-480): the held-out pool was used up, so these
come from development articles, but no one had labelled or looked at these quotes. --dev3
draws the next 160 (items 481-640) for round four's development; --heldout4 the rest of the list
(items 641-706), round five's held-out quotes, drawn before any round-five work. The automatic `speaker` of the gold file is left out, so the
reader never sees it.

--check confirms that each labelled file (polnear-pronouns.json, and polnear-pronouns-dev2.json
when it exists) holds exactly its drawn quotes, that the two share none, and that each quote's
text occurs in its paragraph (whitespace and quote marks normalised; the NYT copies write
quotes as doubled apostrophes). A quote's `paragraph` counts the article file's non-empty
lines from 0, the headline being line 0 (some files separate paragraphs by a single newline).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus" / "polnear"
SEED = 20261202
COUNTS = {"heldout": 200, "dev": 120}
DEV_EXTRA = 200  # the next development quotes of the same shuffled order, for the second set
LABELLED = HERE / "polnear-pronouns.json"
LABELLED_DEV2 = HERE / "polnear-pronouns-dev2.json"
LABELLED_HELDOUT2 = HERE / "polnear-pronouns-heldout2.json"
LABELLED_HELDOUT3 = HERE / "polnear-pronouns-heldout3.json"
HELDOUT3 = 160  # after the two development draws (120 + 200) in the development order
DEV3 = 160  # after heldout3, for round four's development
LABELLED_DEV3 = HERE / "polnear-pronouns-dev3.json"
HELDOUT4 = 160  # after dev3, round five's held-out quotes (the list holds 66 more)
LABELLED_HELDOUT4 = HERE / "polnear-pronouns-heldout4.json"
KINDS = {"pronoun", "description"}
KEEP = (
    "file",
    "paragraph",
    "start",
    "end",
    "text",
    "marks",
    "cue",
    "source_text",
    "source_kind",
    "source_paragraph",
    "tier",
    "words",
    "share_of_content",
)


def is_direct(quote: dict) -> bool:
    return quote["words"] >= 3 and quote["share_of_content"] >= 0.8


def shuffled_pools() -> dict[str, list[dict]]:
    """Each part's quotes, sorted by (file, paragraph, start), shuffled by its own generator."""
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
    for part in COUNTS:
        pools[part].sort(key=lambda q: (q["file"], q["paragraph"], q["start"]))
        random.Random(SEED).shuffle(pools[part])  # a fresh generator per part
    return pools


def draw() -> list[dict]:
    """The first draw: 200 held-out and 120 development quotes (polnear-pronouns.json)."""
    pools = shuffled_pools()
    drawn = []
    for part, n in COUNTS.items():
        print(part, "pool", len(pools[part]), "drawn", min(n, len(pools[part])))
        drawn += pools[part][:n]
    return drawn


def _development_items(first: int, count: int, name: str) -> list[dict]:
    """`count` quotes of the shuffled development list from item `first` (0-based) on."""
    pool = shuffled_pools()["dev"]
    drawn = pool[first : first + count]
    span = f"(items {first + 1}-{first + len(drawn)})"
    print("dev pool", len(pool), name, "drawn", len(drawn), span)
    return drawn


def draw_dev_extra() -> list[dict]:
    """The next DEV_EXTRA development quotes after the first draw (polnear-pronouns-dev2.json)."""
    return _development_items(COUNTS["dev"], DEV_EXTRA, "extra")


def draw_heldout_extra() -> list[dict]:
    """The held-out quotes after the first draw (polnear-pronouns-heldout2.json)."""
    pool = shuffled_pools()["heldout"]
    extra = pool[COUNTS["heldout"] :]
    print("heldout pool", len(pool), "extra drawn", len(extra))
    return extra


def draw_heldout3() -> list[dict]:
    """Round four's held-out quotes: development items 321-480 (polnear-pronouns-heldout3.json)."""
    drawn = _development_items(COUNTS["dev"] + DEV_EXTRA, HELDOUT3, "heldout3")
    return [q | {"part": "heldout3"} for q in drawn]


def draw_dev3() -> list[dict]:
    """Round four's development quotes: items 481-640 (polnear-pronouns-dev3.json)."""
    return _development_items(COUNTS["dev"] + DEV_EXTRA + HELDOUT3, DEV3, "dev3")


def draw_heldout4() -> list[dict]:
    """Round five's held-out quotes: development items 641-706 (polnear-pronouns-heldout4.json)."""
    first = COUNTS["dev"] + DEV_EXTRA + HELDOUT3 + DEV3
    return [q | {"part": "heldout4"} for q in _development_items(first, HELDOUT4, "heldout4")]


def _norm(text: str) -> str:
    for a, b in (
        ("''", '"'),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2018", "'"),
        ("\u2019", "'"),
        ("\xa0", " "),
    ):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip()


def _key(q: dict) -> tuple:
    return (q["part"], q["file"], q["paragraph"], q["text"])


def check_file(path: Path, drawn: list[dict]) -> int:
    """Problems found in one labelled file against its draw (0 when it is sound)."""
    labelled = json.loads(path.read_text(encoding="utf-8"))["items"]
    problems = 0
    if sorted(map(_key, labelled)) != sorted(map(_key, drawn)):
        print(path.name, ": labelled items differ from the draw")
        problems += 1
    for item in labelled:
        text = (CORPUS / "articles" / item["file"]).read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if line.strip()]
        if _norm(item["text"]) not in _norm(lines[item["paragraph"]]):
            print("text not in its paragraph:", item["file"], item["paragraph"], item["text"][:60])
            problems += 1
        if (item["speaker"] is None) != (item["speaker_kind"] is None):
            print("speaker and speaker_kind disagree:", item["file"], item["text"][:60])
            problems += 1
    print(path.name, len(labelled), "labelled items,", problems, "problems")
    return problems


def check() -> int:
    """Problems found in polnear-pronouns.json and polnear-pronouns-dev2.json (0 when sound)."""
    first = draw()
    problems = check_file(LABELLED, first)
    if LABELLED_DEV2.exists():
        extra = draw_dev_extra()
        problems += check_file(LABELLED_DEV2, extra)
        if set(map(_key, first)) & set(map(_key, extra)):
            print("the two draws share quotes")
            problems += 1
    else:
        print(LABELLED_DEV2.name, "not written yet; not checked")
    if LABELLED_HELDOUT2.exists():
        extra = draw_heldout_extra()
        problems += check_file(LABELLED_HELDOUT2, extra)
        if set(map(_key, first)) & set(map(_key, extra)):
            print("the held-out draws share quotes")
            problems += 1
    if LABELLED_HELDOUT3.exists():
        third = draw_heldout3()
        problems += check_file(LABELLED_HELDOUT3, third)
        if LABELLED_DEV2.exists():
            earlier = {(q["file"], q["paragraph"], q["text"]) for q in first + draw_dev_extra()}
            if earlier & {(q["file"], q["paragraph"], q["text"]) for q in third}:
                print("heldout3 shares quotes with an earlier draw")
                problems += 1
    if LABELLED_DEV3.exists():
        problems += check_file(LABELLED_DEV3, draw_dev3())
    if LABELLED_HELDOUT4.exists():
        problems += check_file(LABELLED_HELDOUT4, draw_heldout4())
    return problems


def main() -> None:
    args = sys.argv[1:]
    if "--check" in args:
        sys.exit(1 if check() else 0)
    if "--dev-extra" in args:
        items, out = draw_dev_extra(), HERE / "polnear-pronouns-dev2.todo.json"
    elif "--dev3" in args:
        items, out = draw_dev3(), HERE / "polnear-pronouns-dev3.todo.json"
    elif "--heldout4" in args:
        items, out = draw_heldout4(), HERE / "polnear-pronouns-heldout4.todo.json"
    elif "--heldout3" in args:
        items, out = draw_heldout3(), HERE / "polnear-pronouns-heldout3.todo.json"
    elif "--heldout-extra" in args:
        items, out = draw_heldout_extra(), HERE / "polnear-pronouns-heldout2.todo.json"
    else:
        items, out = draw(), HERE / "polnear-pronouns.todo.json"
    out.write_text(
        json.dumps({"seed": SEED, "items": items}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print("wrote", out, len(items))


if __name__ == "__main__":
    main()
