"""Write archive/quotes/lexicon.py: words news writes in lower case, from development text only.

    .venv/bin/python bench/quotes/lexicon.py

A word is common when the development articles (every BBC file outside the held-out sets
still scored, and PolNeAR's development part) write it in lower case at least five times and
at least twenty times as often as they capitalise it inside a sentence: "users", "early",
"respondents" are common; "brown", "young", "may", "rice" (names as often) are not.
Attribution treats a capitalised common word that opens a sentence as no name unless the
document itself capitalises it inside a sentence (archive.quotes.attribute).
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from archive.quotes.attribute import CAPITALISED_INSIDE  # noqa: E402
from bench.quotes import sets  # noqa: E402

OUT = ROOT / "archive" / "quotes" / "lexicon.py"
MIN_LOWER = 5
LOWER_PER_CAPITAL = 20
_LOWER = re.compile(r"\b[a-z]{2,}\b")


def development_files() -> list[Path]:
    """BBC files outside the held-out sets still scored, and PolNeAR's development articles."""
    split = sets.split()
    retired = set(sets.RETIRED["bbc"])
    held = {
        f
        for key, files in split["bbc"].items()
        if "heldout" in key and key not in retired
        for f in files
    }
    bbc = [
        p
        for p in sorted((sets.CORPUS / "bbc").glob("*/*.txt"))
        if f"bbc/{p.parent.name}/{p.name}" not in held
    ]
    return bbc + [sets.POLNEAR / "articles" / f for f in split["polnear"]["dev"]]


def common_words(files: list[Path]) -> list[str]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        capital.update(w.lower() for w in CAPITALISED_INSIDE.findall(text))
        lower.update(_LOWER.findall(text))
    return sorted(
        w for w, n in lower.items() if n >= MIN_LOWER and n >= LOWER_PER_CAPITAL * capital[w]
    )


def main() -> None:
    files = development_files()
    words = common_words(files)
    body = textwrap.fill(" ".join(words), 92, initial_indent="    ", subsequent_indent="    ")
    OUT.write_text(
        '"""Common words of news, written in lower case (bench/quotes/lexicon.py writes it from\n'
        f'{len(files)} development articles: {len(words)} words)."""\n\n'
        f'_WORDS = """\n{body}\n"""\nCOMMON_WORDS = frozenset(_WORDS.split())\n',
        encoding="utf-8",
    )
    print(f"{len(words)} words from {len(files)} files -> {OUT}")


if __name__ == "__main__":
    main()
