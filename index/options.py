"""How an engine searches, whichever engine: its cost limits and its answer cache."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.cache import DEFAULT_ENTRIES
from index.limits import SearchLimits


@dataclass(frozen=True)
class EngineOptions:
    """How an engine searches: its cost limits and how many answers it keeps (0: none)."""

    limits: SearchLimits = field(default_factory=SearchLimits)
    cache_entries: int = DEFAULT_ENTRIES
