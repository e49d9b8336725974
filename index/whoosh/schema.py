"""The index schema: one Whoosh document per passage. Declarations only."""

from __future__ import annotations

from whoosh import columns
from whoosh.fields import COLUMN, DATETIME, ID, IDLIST, NUMERIC, STORED, TEXT, Schema

from index.whoosh.analysis import KEY_EXPRESSION, name_analyzer, text_analyzer

# Bump when the fields change: an index with another version is rebuilt by `cuttings reindex`.
SCHEMA_VERSION = 3


def date_field() -> DATETIME:
    """Sortable (the `date` sort), and what `date:` in a query is parsed against; ranges on it
    are answered from `day` (see index.whoosh.searching)."""
    field = DATETIME(sortable=True)
    field.shift_step = 16
    return field


def day_field() -> NUMERIC:
    """Dates as yyyymmdd ints with 8-bit trie tiers (4 terms per passage): a range reads a few
    hundred postings lists at most, where the microsecond DATETIME above walks one per
    distinct date."""
    return NUMERIC(int, bits=32, shift_step=8)


def build_schema() -> Schema:
    """Searchable words, exact keys for filters, and the stored provenance a hit shows."""
    return Schema(
        # identity
        passage_id=ID(stored=True, unique=True),
        # one term per value (no trie): looked up exactly, never by range
        doc_id=NUMERIC(int, bits=64, stored=True, sortable=True, shift_step=0),
        n=STORED(),
        kind=ID(stored=True),
        fingerprint=ID(stored=True),
        # searchable words
        text=TEXT(analyzer=text_analyzer(), stored=True, phrase=True),
        title=TEXT(analyzer=text_analyzer(), stored=True, phrase=True),
        person=TEXT(analyzer=name_analyzer(), phrase=True),
        outlet=TEXT(analyzer=name_analyzer(), stored=True, phrase=True),
        host=TEXT(analyzer=name_analyzer(), stored=True, phrase=True),
        author=TEXT(analyzer=name_analyzer(), phrase=True),
        # exact keys for filters (folded by index.whoosh.analysis.exact_key)
        person_key=IDLIST(expression=KEY_EXPRESSION),
        outlet_key=ID(),
        year=ID(),
        date=date_field(),
        # the same date as an int yyyymmdd, for range filters: a handful of trie terms per range
        day=day_field(),
        # provenance shown on a hit, not searched
        published=STORED(),
        authors=STORED(),
        speakers=STORED(),
        attributions=STORED(),  # [{name, person_id, confidence, verified}]
        url=STORED(),
        # (fingerprint, outlet, year, speakers) per passage, for facets and collapsing
        facets=COLUMN(columns.PickleColumn(columns.VarBytesColumn())),
    )
