"""Analyzers: stemmed words for passages and titles, folded words for names, exact keys."""

from __future__ import annotations

import re

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemmingAnalyzer,
)
from whoosh.support.charset import accent_map

from index.words import exact_key, fold

__all__ = ["exact_key", "exact_keys", "fold", "name_analyzer", "text_analyzer"]

# Separates the values of a multi-valued exact key field (speakers, one per line).
KEY_SEPARATOR = "\n"
KEY_EXPRESSION = re.compile(r"[^\n]+")


def text_analyzer() -> Analyzer:
    """Words, lowercased, accents folded, stop words dropped, stemmed (`harvested` -> `harvest`)."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


def name_analyzer() -> Analyzer:
    """Names and outlets: every word kept (no stop words, no stems), lowercased, accents folded."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def exact_keys(values: list[str]) -> str:
    """Several exact keys as one field value, for an IDLIST split on KEY_EXPRESSION."""
    return KEY_SEPARATOR.join(k for k in dict.fromkeys(exact_key(v) for v in values) if k)
