"""The index queue: documents whose index entries may lag the catalog.

A change notes its documents here in its own transaction; the index path (index.sync)
clears the note once the index has the change. A crash, a kill or a busy index in between
leaves the note, and the next writer - any later change, `cuttings add`, `cuttings verify`,
the server's catch-up - indexes those documents. So the catalog always knows what the index
still lacks, whichever search engine it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from archive.catalog.database import Database, now_iso


class IndexQueue:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, doc_ids: Iterable[int]) -> None:
        """Note documents the index must catch up with; call inside the change's transaction."""
        at = now_iso()
        self.db.run_many(
            "INSERT INTO index_queue (doc_id, queued_at) VALUES (?, ?)",
            [(int(d), at) for d in dict.fromkeys(doc_ids)],
        )

    def mark(self) -> int:
        """The newest note's number: clearing up to it spares notes written after."""
        return int(self.db.scalar("SELECT MAX(id) AS n FROM index_queue") or 0)

    def pending(self, limit: int | None = None, *, older_than: str | None = None) -> list[int]:
        """Documents with a note (one written before `older_than`, an ISO time, if given),
        oldest note first, each once."""
        where = " WHERE queued_at < ?" if older_than else ""
        params: list[object] = [older_than] if older_than else []
        sql = (
            f"SELECT doc_id, MIN(id) AS first FROM index_queue{where} "
            "GROUP BY doc_id ORDER BY first"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [int(r["doc_id"]) for r in self.db.all(sql, params)]

    def count(self) -> int:
        """Documents waiting for the index."""
        return int(self.db.scalar("SELECT COUNT(DISTINCT doc_id) AS n FROM index_queue") or 0)

    def clear(self, marks: dict[int, int]) -> None:
        """The index has each document as the catalog had it when its `marks` value was the
        newest note: clear its notes up to that one (a later change keeps its own)."""
        if not marks:
            return
        with self.db.transaction():
            self.db.run_many(
                "DELETE FROM index_queue WHERE doc_id = ? AND id <= ?",
                [(int(d), int(m)) for d, m in marks.items()],
            )
