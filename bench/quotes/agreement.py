"""Agreement between two readers' quotation labels of the same files.

Usage:
    python bench/quotes/agreement.py A.json B.json [--names A B]

Both files are in the format of ``bbc-dev.json``: a list of ``{"file": ..., "quotes":
[{"text": ..., "speaker": ..., "kind": ..., "unsure": ...}]}``.  Within each file a
quotation of A is paired with one of B when their normalised texts (case, accents,
quotation marks, punctuation and spacing ignored) agree, one being a prefix of the
other.  Paired quotations are then compared by speaker: two speakers agree when both
are ``null``, or when some name listed for one matches some name listed for the other,
ignoring case, accents and titles (Mr, Mrs, Dr, Sir, Lord, ...), or when one is the
surname-only form of the other.  Plain percentages are printed (no chance correction),
then every disagreement: quotations only one reader labelled, speakers that differ, and
``unsure`` flags that differ (listed, not counted against speaker agreement).  Only the
standard library is used.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "baroness",
    "prof",
    "professor",
    "rev",
    "the",
}


def fold(s: str) -> str:
    """Lower-case, strip accents, unify quotation marks and spacing."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.lower().split())


def norm_text(s: str) -> str:
    """A quotation's text reduced to letters, digits and single spaces."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(s)).split())


def name_tokens(name: str) -> list[str]:
    """A name's words, folded, without titles or full stops."""
    words = re.sub(r"[.,]", " ", fold(name)).split()
    return [w for w in words if w not in TITLES]


def names(speaker: str | list[str] | None) -> list[str]:
    """The alternatives a speaker field lists."""
    if speaker is None:
        return []
    return [speaker] if isinstance(speaker, str) else list(speaker)


def name_match(a: str, b: str) -> bool:
    """Equal up to case, accents and titles, or one the surname of the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return fold(a) == fold(b)
    if ta == tb:
        return True
    if len(ta) == 1 and ta[0] == tb[-1]:
        return True
    return len(tb) == 1 and tb[0] == ta[-1]


def speakers_agree(a: str | list[str] | None, b: str | list[str] | None) -> bool:
    """True when both are null or any listed alternatives match."""
    if a is None or b is None:
        return a is None and b is None
    return any(name_match(x, y) for x in names(a) for y in names(b))


def pair(qa: list[dict], qb: list[dict]) -> tuple[list, list, list]:
    """Pair quotations of one file; returns (pairs, only_a, only_b)."""
    used: set[int] = set()
    pairs, only_a = [], []
    nb = [norm_text(q["text"]) for q in qb]
    for q in qa:
        ta = norm_text(q["text"])
        hit = None
        for j, tb in enumerate(nb):
            if j in used or not ta or not tb:
                continue
            if ta.startswith(tb) or tb.startswith(ta):
                hit = j
                break
        if hit is None:
            only_a.append(q)
        else:
            used.add(hit)
            pairs.append((q, qb[hit]))
    only_b = [q for j, q in enumerate(qb) if j not in used]
    return pairs, only_a, only_b


def pct(n: int, d: int) -> str:
    """n of d as a percentage, or a dash when d is 0."""
    return f"{100 * n / d:.1f}%" if d else "-"


def show(speaker: str | list[str] | None) -> str:
    """A speaker field as one short string."""
    return "null" if speaker is None else " / ".join(names(speaker))


def load(path: str) -> dict[str, list[dict]]:
    """A label file as a mapping from file name to its quotations."""
    return {e["file"]: e["quotes"] for e in json.loads(Path(path).read_text())}


def main(argv: list[str] | None = None) -> int:
    """Compare two label files and print the figures and disagreements."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--names", nargs=2, default=("A", "B"), metavar=("A", "B"))
    args = ap.parse_args(argv)
    na, nb = args.names
    la, lb = load(args.a), load(args.b)
    files = sorted(set(la) | set(lb))
    missing = [f for f in files if f not in la or f not in lb]
    both = only_a = only_b = agree = kind_agree = 0
    unsure_agree = 0
    null_pairs = unsure_pairs = 0  # pairs where a reader gave null / marked unsure
    lines: list[str] = []
    empty_agree = 0
    for f in files:
        if f in missing:
            continue
        pairs, oa, ob = pair(la[f], lb[f])
        if not la[f] and not lb[f]:
            empty_agree += 1
        both += len(pairs)
        only_a += len(oa)
        only_b += len(ob)
        for q in oa:
            lines.append(f'only {na}  {f}: "{q["text"]}" ({show(q["speaker"])})')
        for q in ob:
            lines.append(f'only {nb}  {f}: "{q["text"]}" ({show(q["speaker"])})')
        for qa, qb in pairs:
            if qa.get("kind") == qb.get("kind"):
                kind_agree += 1
            if qa.get("unsure") or qb.get("unsure"):
                unsure_pairs += 1
            if bool(qa.get("unsure")) == bool(qb.get("unsure")):
                unsure_agree += 1
            else:
                flagger = na if qa.get("unsure") else nb
                lines.append(f'unsure   {f}: "{qa["text"]}" marked unsure by {flagger} only')
            if qa["speaker"] is None or qb["speaker"] is None:
                null_pairs += 1
            if speakers_agree(qa["speaker"], qb["speaker"]):
                agree += 1
            else:
                lines.append(
                    f'speaker  {f}: "{qa["text"]}" {na}={show(qa["speaker"])}'
                    f" {nb}={show(qb['speaker'])}"
                )
    total_a, total_b = both + only_a, both + only_b
    union = both + only_a + only_b
    print(f"files compared: {len(files) - len(missing)} (both without quotations: {empty_agree})")
    if missing:
        print(f"files in only one label set: {', '.join(missing)}")
    print(f"quotations: {na} {total_a}, {nb} {total_b}")
    print(
        f"  in both: {both} ({pct(both, union)} of the union;"
        f" {pct(both, total_a)} of {na}'s, {pct(both, total_b)} of {nb}'s)"
    )
    print(f"  only in {na}: {only_a}")
    print(f"  only in {nb}: {only_b}")
    print(f"speaker agreement among the {both} in both: {agree} ({pct(agree, both)})")
    print(
        f"  pairs where a reader gave null: {null_pairs};"
        f" where a reader marked unsure: {unsure_pairs}"
    )
    print(
        f"unsure flag agreement among the {both} in both: {unsure_agree} ({pct(unsure_agree, both)})"
    )
    print(f"kind agreement among the {both} in both: {kind_agree} ({pct(kind_agree, both)})")
    print(
        f"quotation and speaker both agree: {agree} of {union} ({pct(agree, union)} of the union)"
    )
    if lines:
        print("\ndisagreements:")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
