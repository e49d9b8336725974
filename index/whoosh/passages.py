"""One passage by its id: as a hit, with every copy of its words, and the candidates a
traced quotation starts from."""

from __future__ import annotations

from whoosh.searching import Searcher

from index import query as q
from index.limits import SearchLimits
from index.results import Copy, Hit
from index.travel import MAX_TIMELINE, earliest_first
from index.whoosh.copies import copy_at
from index.whoosh.expansion import analysed
from index.whoosh.facets import table_for
from index.whoosh.hits import build_hit
from index.whoosh.searching import Search


def docnum_of(searcher: Searcher, passage_id: str) -> int | None:
    found = list(searcher.document_numbers(passage_id=passage_id))
    return found[0] if found else None


def passage_hit(searcher: Searcher, place: str, passage_id: str) -> Hit | None:
    docnum = docnum_of(searcher, passage_id)
    if docnum is None:
        return None
    return build_hit(searcher, docnum, frozenset(), table_for(searcher, place))


def all_copies(searcher: Searcher, place: str, passage_id: str) -> list[Copy]:
    docnum = docnum_of(searcher, passage_id)
    if docnum is None:
        return []
    table = table_for(searcher, place)
    group = table.shared.get(table.fingerprint[docnum], [docnum])
    if len(group) > MAX_TIMELINE:
        dates = table.oldest_key
        group = sorted(group, key=dates.__getitem__)[:MAX_TIMELINE]
    return earliest_first(copy_at(searcher, d) for d in group)


def word_counts(searcher: Searcher, words: list[str]) -> dict[str, int]:
    reader = searcher.reader()
    counts: dict[str, int] = {}
    for word in words:
        terms = analysed(searcher, "text", word)
        counts[word] = reader.doc_frequency("text", terms[0]) if len(terms) == 1 else 0
    return counts


def candidates(
    searcher: Searcher,
    place: str,
    limits: SearchLimits,
    node: q.Node,
    *,
    kinds: tuple[str, ...],
    limit: int,
) -> list[Hit]:
    return Search(searcher, place, limits).candidates(node, kinds, limit)
