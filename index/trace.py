"""Who said it first: every passage carrying a quotation as it circulates, earliest first.

A quotation travels shortened, with ellipses, its punctuation and quote marks changed and a
word or two different. It is reduced to its words (case, accents and punctuation aside);
the engine proposes the passages sharing most of its rarest words (`SearchEngine.candidates`
for an OR of the QUERY_WORDS words the fewest passages hold, by `SearchEngine.word_counts`); each candidate is scored here by how much of the
quotation it carries: the largest share of the quotation's words found in one stretch of the
passage not much longer than the quotation (a sliding window over the passage's words, so
dropped, swapped and changed words cost only themselves). Candidates above SIMILAR_ENOUGH
are kept, with every exact copy of their words, and ordered by publication date.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from archive.errors import ArchiveError
from archive.model import SEARCHABLE_KINDS
from index import query as q
from index.engine import SearchEngine
from index.results import Copy, Hit, TracedHit, TraceResult
from index.travel import earliest_first

MIN_WORDS = 4  # shorter than this, a "quotation" is a search: use the search box
MAX_CHARS = 2000
SIMILAR_ENOUGH = 0.6  # share of the quotation's words a passage must carry
CANDIDATES = 100  # passages the engine proposes
QUERY_WORDS = 5  # the rarest words asked for: enough to survive two edits (bench: recall)
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
    ]
)
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words_of(text: str) -> list[str]:
    """The words of a text as tracing compares them: folded, without punctuation or quote
    marks (`“Don’t…` -> `don't`)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(plain)


def similarity(quote: Sequence[str], passage: Sequence[str]) -> float:
    """The largest share of the quotation's words (as a multiset) found in one window of the
    passage a quarter longer than the quotation (at least three words longer)."""
    if not quote:
        return 0.0
    wanted = Counter(quote)
    width = len(quote) + max(3, len(quote) // 4)
    window: Counter[str] = Counter()
    matched = best = 0
    for at, word in enumerate(passage):
        if word in wanted:
            window[word] += 1
            if window[word] <= wanted[word]:
                matched += 1
        if at >= width:
            gone = passage[at - width]
            if gone in wanted:
                if window[gone] <= wanted[gone]:
                    matched -= 1
                window[gone] -= 1
        best = max(best, matched)
    return best / len(quote)


def query_for(words: Sequence[str], counts: dict[str, int]) -> q.Node:
    """The engine's question: any of the quotation's rarest words the index knows (a word
    no passage holds is a changed word; common words would only cost time)."""
    content = [w for w in dict.fromkeys(words) if w not in STOP_WORDS and len(w) > 1]
    known = [w for w in content if counts.get(w, 0) > 0] or content or list(words)[:1]
    chosen = sorted(known, key=lambda w: (counts.get(w, 0), w))[:QUERY_WORDS]
    terms = tuple(q.Term(q.DEFAULT_FIELD, w) for w in chosen)
    return terms[0] if len(terms) == 1 else q.Or(terms)


def trace(
    engine: SearchEngine, text: str, *, kinds: tuple[str, ...] = SEARCHABLE_KINDS
) -> TraceResult:
    """Every passage carrying the quotation, earliest first; ArchiveError for a text too
    short or too long to trace."""
    if len(text) > MAX_CHARS:
        raise ArchiveError(f"the quotation is too long: paste at most {MAX_CHARS} characters")
    words = words_of(text)
    if len(words) < MIN_WORDS:
        raise ArchiveError(
            f"paste at least {MIN_WORDS} words of the quotation to trace it "
            "(for fewer, search for them)"
        )
    kept: dict[str, TracedHit] = {}
    counts = engine.word_counts(list(dict.fromkeys(words)))
    question = query_for(words, counts)
    for candidate in engine.candidates(question, kinds=kinds, limit=CANDIDATES):
        score = similarity(words, words_of(candidate.text))
        if score < SIMILAR_ENOUGH:
            continue
        for hit in _with_copies(engine, candidate):
            kept.setdefault(hit.passage_id, TracedHit(hit, score))
    return TraceResult(text, _earliest_first(list(kept.values())))


def _with_copies(engine: SearchEngine, hit: Hit) -> list[Hit]:
    """The hit and a hit for each passage with the same words."""
    if not hit.copies_total:
        return [hit]
    found = [hit]
    for copy in engine.copies(hit.passage_id):
        if copy.passage_id != hit.passage_id:
            other = engine.passage(copy.passage_id)
            if other is not None:
                found.append(other)
    return found


def _earliest_first(traced: list[TracedHit]) -> list[TracedHit]:
    by_id = {t.hit.passage_id: t for t in traced}
    as_copies = [
        Copy(
            doc_id=t.hit.doc_id,
            passage_id=t.hit.passage_id,
            n=t.hit.n,
            outlet=t.hit.provenance.get("outlet"),
            host=t.hit.provenance.get("host"),
            published=t.hit.provenance.get("published"),
            title=t.hit.provenance.get("title"),
        )
        for t in traced
    ]
    return [by_id[c.passage_id] for c in earliest_first(as_copies)]
