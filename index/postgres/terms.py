"""What the server-mode search knows of its words: what a prefix, wildcard or fuzzy word
stands for (the words the archive holds, from `search_terms`), how many passages hold a
word, and the closest better-known word for "did you mean" - the same questions the Whoosh
engine asks its term dictionary (index.limits, index.suggest, index.trace).
"""

from __future__ import annotations

from archive.catalog.database import Database
from index import query as q
from index.limits import Expansion
from index.postgres.compile import LEXEME, VECTORS, lexeme, like_escape, unquote
from index.postgres.hits import analyse_words
from index.words import MIN_WORD, STOP_WORDS, WORD, fold

STEMMED_FIELDS = ("text", "title")
BETTER_BY = 2  # a suggestion must be in this many times more passages than the word typed
SUGGESTION_CANDIDATES = 20  # closest words whose passages are counted
COUNT_AT_MOST = 100_000  # passages counted for one word (tracing wants the rarest words)


class PostgresTermStats:
    """`index.limits.TermStats` over the search tables. Postings are not estimated (0): the
    database plans and bounds each search itself (its statement timeout), and there is no
    costly lane to choose, since the work runs in the database's processes, not ours."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def postings(self, leaf: q.Term | q.Phrase) -> int:
        return 0

    def expand(self, leaf: q.Prefix | q.Wildcard | q.Fuzzy, limit: int) -> Expansion:
        if leaf.field not in VECTORS:  # `kind:` is a column, matched as a whole
            return Expansion([], 0)
        vector, _weight, config = VECTORS[leaf.field]
        if isinstance(leaf, q.Fuzzy):
            return Expansion(self._closest(vector, config, leaf.text, leaf.edits, limit), 0)
        if isinstance(leaf, q.Prefix):
            like = like_escape(fold(leaf.text)) + "%"
        else:
            like = like_escape(fold(leaf.pattern)).replace("*", "%").replace("?", "_")
        rows = self.db.all(
            "SELECT term FROM search_terms WHERE vector = ? AND term LIKE ? ESCAPE '!' "
            "ORDER BY term LIMIT ?",
            (vector, like, limit),
        )
        return Expansion([r["term"] for r in rows], 0)

    def _closest(self, vector: str, config: str, text: str, edits: int, limit: int) -> list[str]:
        """The `limit` words within `edits` of the word as analysed, closest first (the
        first letter kept, as in Whoosh)."""
        word = analysed_one(self.db, config, text) or fold(text)
        if not word:
            return []
        rows = self.db.all(
            "SELECT term FROM search_terms WHERE vector = ? AND term LIKE ? ESCAPE '!' "
            "AND length(term) BETWEEN ? AND ? AND levenshtein_less_equal(term, ?, ?) <= ? "
            "ORDER BY levenshtein(term, ?), term LIMIT ?",
            (
                vector,
                like_escape(word[0]) + "%",
                len(word) - edits,
                len(word) + edits,
                word,
                edits,
                edits,
                word,
                limit,
            ),
        )
        return [r["term"] for r in rows]


def analysed_one(db: Database, config: str, word: str) -> str | None:
    """The one lexeme a word becomes in a configuration; None for none or several."""
    found = db.scalar(f"SELECT phraseto_tsquery('{config}', ?)::text AS q", (word,)) or ""
    lexemes = [unquote(t) for t in _lexemes(found)]
    return lexemes[0] if len(lexemes) == 1 else None


def _lexemes(tsquery: str) -> list[str]:
    return LEXEME.findall(tsquery)


def passages_holding(db: Database, vector: str, tsqueries: list[str]) -> dict[str, int]:
    """How many passages match each tsquery on a vector (counted up to COUNT_AT_MOST)."""
    if not tsqueries:
        return {}
    rows = db.all(
        f"SELECT t.q, (SELECT COUNT(*) FROM (SELECT 1 FROM search_passages "
        f"WHERE {vector} @@ t.q::tsquery LIMIT {COUNT_AT_MOST}) AS held) AS n "
        "FROM unnest(?::text[]) AS t(q)",
        (list(dict.fromkeys(tsqueries)),),
    )
    return {r["q"]: int(r["n"]) for r in rows}


def word_counts(db: Database, words: list[str]) -> dict[str, int]:
    """Passages whose text holds each word as the engine analyses it (0 for a common word,
    or a word that analyses to nothing or to several lexemes)."""
    analysed = analyse_words(db, [w for w in words if fold(w) not in STOP_WORDS])
    wanted = {w: f"{lexeme(next(iter(s)))}:A" for w, s in analysed.items() if len(s) == 1}
    held = passages_holding(db, "words", list(wanted.values()))
    return {w: held.get(wanted[w], 0) if w in wanted else 0 for w in words}


def suggest_word(db: Database, field: str, word: str) -> str | None:
    """The index's closest better-known word for one the reader typed, or None."""
    if field not in VECTORS:
        return None
    vector, weight, config = VECTORS[field]
    typed = analysed_one(db, config, word)
    if typed is None:
        return None
    edits = 1 if len(typed) <= 4 else 2
    # the text vectors keep common words in place (for phrases); Whoosh's index has none of
    # them, and a query of one is nothing to search for: never suggest one
    unsearched = sorted(STOP_WORDS) if field in STEMMED_FIELDS else []
    rows = db.all(
        "SELECT term, levenshtein(term, ?) AS d FROM search_terms WHERE vector = ? "
        "AND term LIKE ? ESCAPE '!' AND term <> ? AND length(term) BETWEEN ? AND ? "
        "AND levenshtein_less_equal(term, ?, ?) <= ? AND length(term) >= ? "
        "AND NOT (term = ANY(?::text[])) ORDER BY d, term LIMIT ?",
        (
            typed,
            vector,
            like_escape(typed[0]) + "%",
            typed,
            len(typed) - edits,
            len(typed) + edits,
            typed,
            edits,
            edits,
            MIN_WORD,
            unsearched,
            SUGGESTION_CANDIDATES,
        ),
    )
    if not rows:
        return None
    asked = {t: f"{lexeme(t)}:{weight}" for t in [typed, *(r["term"] for r in rows)]}
    held = passages_holding(db, vector, list(asked.values()))
    known = held.get(asked[typed], 0)
    ranked = sorted(
        (int(r["d"]), -held.get(asked[r["term"]], 0), r["term"])
        for r in rows
        if held.get(asked[r["term"]], 0) >= max(1, known * BETTER_BY)
    )
    if not ranked:
        return None
    best = ranked[0][2]
    return _as_written(db, field, best, asked[best]) if field in STEMMED_FIELDS else best


def _as_written(db: Database, field: str, term: str, tsquery: str) -> str:
    """A word of a passage (or title) holding `term` that analyses to it (`compani` ->
    `company`); the term itself if none is found."""
    column = "text" if field == "text" else "title"
    text = db.scalar(
        f"SELECT {column} AS t FROM search_passages WHERE words @@ ?::tsquery LIMIT 1",
        (tsquery,),
    )
    words = list(dict.fromkeys(m.group() for m in WORD.finditer(text or "")))
    for written, lexemes in analyse_words(db, words).items() if words else []:
        if lexemes == {term}:
            return written.lower()
    return term
