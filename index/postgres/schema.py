"""The server-mode search's own tables, beside the catalog's in the same database.

One row per passage with its provenance copied beside it (as the Whoosh index stores it), so
a hit needs no join with the catalog; two weighted `tsvector`s with GIN indexes: `words`
(the passage's text, weight A, and its document's title, weight B) and `names` (person A,
outlet B, host C, author D). `search_terms` lists every word the vectors hold, for fuzzy
words and wildcards. These tables are derived: `cuttings reindex` rebuilds them.

Words are analysed by two text search configurations made here: `cuttings_text` (accents
folded by `unaccent`, English Snowball stems, no stop words: the query side leaves out the
same common words as Whoosh, index.words) and `cuttings_names` (folded, never stemmed).
"""

from __future__ import annotations

# Bump when the tables or the analysis change: `cuttings reindex` then rebuilds them.
SCHEMA_VERSION = 1
TEXT_CONFIG = "cuttings_text"
NAMES_CONFIG = "cuttings_names"
_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

EXTENSIONS = (
    # both are "trusted": a database owner may create them without being a superuser
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch",
)

CONFIGURATIONS = f"""
DO $$
BEGIN
  IF NOT EXISTS (
      SELECT 1 FROM pg_ts_config WHERE cfgname = '{TEXT_CONFIG}'
      AND cfgnamespace = current_schema()::regnamespace) THEN
    CREATE TEXT SEARCH DICTIONARY cuttings_english (TEMPLATE = snowball, Language = english);
    CREATE TEXT SEARCH CONFIGURATION {TEXT_CONFIG} (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION {TEXT_CONFIG} ALTER MAPPING FOR {_TOKENS}
      WITH unaccent, cuttings_english;
    CREATE TEXT SEARCH CONFIGURATION {NAMES_CONFIG} (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION {NAMES_CONFIG} ALTER MAPPING FOR {_TOKENS}
      WITH unaccent, simple;
  END IF;
END
$$
"""

TABLES = (
    f"""CREATE TABLE IF NOT EXISTS search_passages (
        passage_id   TEXT PRIMARY KEY,
        doc_id       BIGINT NOT NULL,
        n            INTEGER NOT NULL,
        kind         TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        text         TEXT NOT NULL,
        title        TEXT,
        outlet       TEXT,
        outlet_key   TEXT,
        host         TEXT,
        author       TEXT,
        authors      TEXT[] NOT NULL DEFAULT '{{}}',
        published    TEXT,
        url          TEXT,
        day          INTEGER,
        year         TEXT,
        person       TEXT,
        speakers     TEXT[] NOT NULL DEFAULT '{{}}',
        person_keys  TEXT[] NOT NULL DEFAULT '{{}}',
        attributions JSONB NOT NULL DEFAULT '[]',
        words        TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('{TEXT_CONFIG}'::regconfig, text), 'A')
            || setweight(to_tsvector('{TEXT_CONFIG}'::regconfig, COALESCE(title, '')), 'B')
        ) STORED,
        names        TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('{NAMES_CONFIG}'::regconfig, COALESCE(person, '')), 'A')
            || setweight(to_tsvector('{NAMES_CONFIG}'::regconfig, COALESCE(outlet, '')), 'B')
            || setweight(to_tsvector('{NAMES_CONFIG}'::regconfig, COALESCE(host, '')), 'C')
            || setweight(to_tsvector('{NAMES_CONFIG}'::regconfig, COALESCE(author, '')), 'D')
        ) STORED
    )""",
    "CREATE INDEX IF NOT EXISTS search_passages_words ON search_passages USING gin (words)",
    "CREATE INDEX IF NOT EXISTS search_passages_names ON search_passages USING gin (names)",
    "CREATE INDEX IF NOT EXISTS search_passages_doc ON search_passages (doc_id)",
    "CREATE INDEX IF NOT EXISTS search_passages_fingerprint ON search_passages (fingerprint)",
    "CREATE INDEX IF NOT EXISTS search_passages_day ON search_passages (day)",
    "CREATE INDEX IF NOT EXISTS search_passages_outlet ON search_passages (outlet_key)",
    "CREATE INDEX IF NOT EXISTS search_passages_people ON search_passages USING gin (person_keys)",
    """CREATE TABLE IF NOT EXISTS search_terms (
        vector  TEXT NOT NULL,
        term    TEXT NOT NULL,
        PRIMARY KEY (vector, term)
    )""",
    "CREATE INDEX IF NOT EXISTS search_terms_pattern ON search_terms (vector, term text_pattern_ops)",
    "CREATE TABLE IF NOT EXISTS search_meta (name TEXT PRIMARY KEY, value TEXT)",
)

DROP = (
    "DROP TABLE IF EXISTS search_passages",
    "DROP TABLE IF EXISTS search_terms",
    "DROP TABLE IF EXISTS search_meta",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {TEXT_CONFIG}",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {NAMES_CONFIG}",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS cuttings_english",
)
