"""A passage's words indexed in one pass: the postings Whoosh's analyzer chain gives, faster.

Whoosh analyses a field through a chain of generators (tokenizer, lowercase, stop words,
stemmer, accent folding) that handles one token object at a time, and most of an ingest's
indexing time went there. For the chains the schema uses (`index.whoosh.analysis`:
regex words, lowercased, optionally stop words and stems, accents folded), `TEXT.index` here
does the same in one loop over the words, with each distinct word's outcome remembered, and
a short value seen lately (a title, an outlet, an author, repeated on every passage of a
document) is analysed once. The postings (words, frequencies, weights, positions, encoded as
Whoosh's `Positions` format encodes them) are the same; any other chain, format or call goes
to Whoosh's own `index`. Applied on import.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from pickle import dumps
from typing import Any

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.formats import Positions
from whoosh.system import pack_uint

Posting = tuple[bytes, int, float, bytes]  # (word, frequency, weight, encoded positions)

WORDS_KEPT = 200_000  # distinct words remembered per chain, at most (then forgotten)
SHORT = 300  # values up to this length are remembered whole (titles, names, outlets)
SHORTS_KEPT = 256

_whoosh_index = fields.TEXT.index


class OnePass:
    """One analyzer chain, run as a single loop."""

    def __init__(
        self,
        finditer: Callable[[str], Iterator[Any]],
        charmap: dict[int, str],
        stops: frozenset[str] | None,
        minsize: int,
        stem: Callable[[str], str] | None,
    ) -> None:
        self.finditer = finditer
        self.charmap = charmap
        self.stops = stops
        self.minsize = minsize
        self.stem = stem
        self.words: dict[str, str | None] = {}  # lowercased word -> indexed form, None: dropped
        self.shorts: dict[tuple[str, float], list[Posting]] = {}

    @classmethod
    def of(cls, analyzer: Any) -> OnePass | None:
        """The one-pass form of `analyzer`, or None when it is not a chain this knows."""
        if type(analyzer) is not CompositeAnalyzer:
            return None
        items = list(analyzer.items)
        if len(items) not in (3, 5) or [type(i) for i in (items[0], items[1], items[-1])] != [
            RegexTokenizer,
            LowercaseFilter,
            CharsetFilter,
        ]:
            return None
        tokenizer, charset = items[0], items[-1]
        if tokenizer.gaps:
            return None
        stops, minsize, stem = None, 0, None
        if len(items) == 5:
            stopper, stemmer = items[2], items[3]
            if type(stopper) is not StopFilter or type(stemmer) is not StemFilter:
                return None
            if stopper.max is not None or not stopper.renumber or stemmer.ignore:
                return None
            stops, minsize, stem = frozenset(stopper.stops), stopper.min, stemmer._stem
        return cls(tokenizer.expression.finditer, charset.charmap, stops, minsize, stem)

    def index(self, value: str, field_boost: float) -> list[Posting]:
        if len(value) > SHORT:
            return self._postings(value, field_boost)
        key = (value, field_boost)
        found = self.shorts.get(key)
        if found is None:
            if len(self.shorts) >= SHORTS_KEPT:
                self.shorts.clear()
            found = self.shorts[key] = self._postings(value, field_boost)
        return found

    def _postings(self, value: str, field_boost: float) -> list[Posting]:
        positions: dict[str, list[int]] = {}
        pos: int | None = None
        words = self.words
        if len(words) >= WORDS_KEPT:
            words.clear()
        for at, match in enumerate(self.finditer(value)):
            word = match.group(0).lower()
            try:
                form = words[word]
            except KeyError:
                form = words[word] = self._form(word)
            if form is None:
                continue
            # StopFilter(renumber=True): the first word kept keeps its place, each one after
            # it comes next, whatever was dropped between them
            pos = at if self.stops is None or pos is None else pos + 1
            found = positions.get(form)
            if found is None:
                positions[form] = [pos]
            else:
                found.append(pos)
        return [
            (form.encode("utf-8"), len(places), len(places) * field_boost, _encode(places))
            for form, places in positions.items()
        ]

    def _form(self, word: str) -> str | None:
        """What a lowercased word is indexed as; None for a stop word or one too short."""
        if self.stops is not None:
            if len(word) < self.minsize or word in self.stops:
                return None
            word = self.stem(word) if self.stem is not None else word
        return word.translate(self.charmap)


def _encode(places: list[int]) -> bytes:
    """Positions as whoosh.formats.Positions.encode writes them: the count, then the deltas."""
    deltas, base = [], 0
    for place in places:
        deltas.append(place - base)
        base = place
    return pack_uint(len(deltas)) + dumps(deltas, 2)


# analyzer id -> (a weak reference to it, its one-pass form or None)
_chains: dict[int, tuple[weakref.ref, OnePass | None]] = {}


def one_pass(analyzer: Any) -> OnePass | None:
    key = id(analyzer)
    known = _chains.get(key)
    if known is not None and known[0]() is analyzer:
        return known[1]
    form = OnePass.of(analyzer)
    _chains[key] = (weakref.ref(analyzer, lambda _ref, key=key: _chains.pop(key, None)), form)
    return form


def _index(self: fields.TEXT, value: Any, **kwargs: Any) -> Any:
    """TEXT.index: in one pass when the chain and the format allow, else Whoosh's own."""
    if isinstance(value, str) and not kwargs and type(self.format) is Positions:
        form = one_pass(self.analyzer)
        if form is not None:
            return form.index(value, self.format.field_boost)
    return _whoosh_index(self, value, **kwargs)


fields.TEXT.index = _index
