"""Answers kept per request and index generation, so a repeated search (the next page's
facets, a reload, a popular query) costs a dictionary lookup. Any commit to the index makes
a new generation, so a cached answer can never outlive the passages it was computed from.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

DEFAULT_ENTRIES = 512


class ResultCache:
    """A thread-safe LRU of answers keyed by (generation, what was asked)."""

    def __init__(self, entries: int = DEFAULT_ENTRIES) -> None:
        self.entries = entries
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._generation: Hashable = None
        self._lock = threading.Lock()

    def get(self, generation: Hashable, key: Hashable) -> Any | None:
        if self.entries <= 0:
            return None
        with self._lock:
            if generation != self._generation:
                return None
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, generation: Hashable, key: Hashable, value: Any) -> None:
        if self.entries <= 0:
            return
        with self._lock:
            if generation != self._generation:
                # a new generation: everything older describes an index that is gone
                self._items.clear()
                self._generation = generation
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._generation = None


MAX_PLACES = 16  # indexes one process keeps answers for (a test run opens hundreds)
_caches: OrderedDict[tuple[str, int], ResultCache] = OrderedDict()
_caches_lock = threading.Lock()


def cache_for(place: str, entries: int = DEFAULT_ENTRIES) -> ResultCache:
    """The process's cache for one index (an index directory, a database), of this size."""
    key = (place, entries)
    with _caches_lock:
        found = _caches.get(key)
        if found is None:
            found = _caches[key] = ResultCache(entries)
            while len(_caches) > MAX_PLACES:
                _caches.popitem(last=False)
        _caches.move_to_end(key)
        return found
