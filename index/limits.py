"""What one search may cost, counted on the query model, whichever engine runs it.

The bounds are the ones Lucene and Elasticsearch ship with, in our terms: a prefix or
wildcard stands for at most `max_expansions` words, a fuzzy word for its 50 closest words
within 2 edits, a whole query for at most `max_clauses` words once expanded, and every
search stops at a time budget. `account` checks the first three before anything runs and
estimates the work (postings to visit) from the engine's term statistics; a `Deadline`
carries the budget into the engine, which calls `check()` as it goes.

Refusals say which part was too costly: a `QueryTooCostly` (400) before the search, a
`SearchTimedOut` (503) when the budget ran out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from archive.errors import ArchiveError, Unavailable
from index import query as q

MAX_FUZZY_EXPANSIONS = 50  # Lucene's FuzzyQuery default: the 50 closest words are searched


@dataclass(frozen=True)
class SearchLimits:
    """The bounds one search runs within (web/settings.py sets them from CUTTINGS_SEARCH_*)."""

    max_expansions: int = 1024  # words a prefix or wildcard may stand for
    max_clauses: int = 1024  # words in the whole query once expanded (Lucene's clause limit)
    seconds: float = 2.0  # time budget of one search
    max_fuzzy_expansions: int = MAX_FUZZY_EXPANSIONS
    # estimated postings above which a search is costly: it waits for the costly lane
    costly_postings: int = 250_000


class QueryTooCostly(ArchiveError):
    """A query that would stand for more words than a search may: the message names the part."""

    kind = "query-too-costly"


class SearchTimedOut(Unavailable):
    """A search stopped at its time budget; the message names its costliest part."""

    kind = "search-timeout"


@dataclass
class Expansion:
    """What a prefix, wildcard or fuzzy word stands for in one index: the words (at most the
    limit asked for), their postings in all, and whether more words matched than were kept."""

    words: list[str]
    postings: int
    complete: bool = True


class TermStats(Protocol):
    """What an engine tells `account` about its index."""

    def postings(self, leaf: q.Term | q.Phrase) -> int:
        """Passages holding the word (for a phrase: each of its words), summed."""

    def expand(self, leaf: q.Prefix | q.Wildcard | q.Fuzzy, limit: int) -> Expansion:
        """The words a pattern or fuzzy word stands for, at most `limit` (for a fuzzy word the
        closest first, then the most common)."""


@dataclass
class Cost:
    """A query's size once expanded: its words, the postings they bring, the costliest part."""

    clauses: int = 0
    postings: int = 0
    expansions: dict[q.Node, Expansion] = field(default_factory=dict)
    parts: dict[q.Node, int] = field(default_factory=dict)  # leaf -> its postings

    @property
    def costliest(self) -> q.Node | None:
        return max(self.parts, key=self.parts.__getitem__) if self.parts else None

    def describe_costliest(self) -> str:
        """`co*` (712 words in 48,211 passages), for messages."""
        leaf = self.costliest
        if leaf is None:
            return "the filters"
        expansion = self.expansions.get(leaf)
        words = f"{len(expansion.words):,} words in " if expansion else ""
        return f"`{q.written(leaf)}` ({words}{self.parts[leaf]:,} passages)"


def account(node: q.Node | None, stats: TermStats, limits: SearchLimits) -> Cost:
    """The cost of a parsed query; QueryTooCostly when it breaks a bound."""
    cost = Cost()
    if node is None:
        return cost
    for leaf in dict.fromkeys(q.leaves(node)):
        if isinstance(leaf, q.DateRange):
            cost.clauses += 1
            continue
        if isinstance(leaf, q.Prefix | q.Wildcard):
            expansion = stats.expand(leaf, limits.max_expansions + 1)
            if len(expansion.words) > limits.max_expansions or not expansion.complete:
                raise QueryTooCostly(
                    f"`{q.written(leaf)}` matches more than {limits.max_expansions:,} "
                    "different words, more than one search may look for: add letters before "
                    "the * or ?"
                )
        elif isinstance(leaf, q.Fuzzy):
            if leaf.edits > q.MAX_FUZZY_EDITS:
                raise QueryTooCostly(
                    f"`{q.written(leaf)}`: a word may differ by {q.MAX_FUZZY_EDITS} letters at most"
                )
            expansion = stats.expand(leaf, limits.max_fuzzy_expansions)
        else:
            words = len(leaf.words) if isinstance(leaf, q.Phrase) else 1
            cost.clauses += words
            cost.parts[leaf] = stats.postings(leaf)
            cost.postings += cost.parts[leaf]
            continue
        cost.expansions[leaf] = expansion
        cost.clauses += len(expansion.words)
        cost.parts[leaf] = expansion.postings
        cost.postings += expansion.postings
    if cost.clauses > limits.max_clauses:
        expanded = ", ".join(
            f"`{q.written(leaf)}` {len(e.words):,}"
            for leaf, e in sorted(cost.expansions.items(), key=lambda item: -len(item[1].words))
        )
        detail = f" (words per part: {expanded})" if expanded else ""
        raise QueryTooCostly(
            f"the query stands for {cost.clauses:,} words once its wildcards and fuzzy words "
            f"are expanded{detail}, more than the {limits.max_clauses:,} one search may look "
            "for: use fewer or longer patterns"
        )
    return cost


class Deadline:
    """A search's time budget. The engine calls `check()` between steps of work; past the
    budget it raises SearchTimedOut naming the costliest part. `pause` (the costly lane's) is
    called at each check and may sleep to let cheaper searches go first."""

    def __init__(
        self,
        seconds: float,
        *,
        culprit: Callable[[], str] = lambda: "this search",
        pause: Callable[[Deadline], None] | None = None,
    ) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self.started_cpu = time.thread_time()  # this thread's CPU time: work, not waiting
        self.end = self.started + seconds
        self.culprit = culprit
        self.pause = pause

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def worked(self) -> float:
        """CPU seconds this search's thread has spent since it began (waiting for the
        interpreter lock or a lane does not count)."""
        return time.thread_time() - self.started_cpu

    def expired(self) -> bool:
        return time.monotonic() > self.end

    def check(self) -> None:
        if self.pause is not None:
            self.pause(self)
        if time.monotonic() > self.end:
            raise SearchTimedOut(
                f"the search took longer than {self.seconds:g} s and was stopped; its costliest "
                f"part is {self.culprit()}: add words, use a phrase or choose a filter to "
                "narrow it"
            )


class NoDeadline(Deadline):
    """For work with no budget (an index rebuild reading its own postings)."""

    def __init__(self) -> None:
        super().__init__(float("inf"))

    def check(self) -> None:
        return None
