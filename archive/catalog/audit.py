"""The audit log: every change, who made it and when, with the values before and after.

Entries are written inside the transaction of the change they describe, so the log and the
catalog can never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from archive.catalog.database import Database, Row, now_iso
from archive.catalog.records import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to list: by actor, action, target prefix and date (ISO, inclusive)."""

    actor: str | None = None
    action: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.actor:
            clauses.append("actor = ?")
            params.append(self.actor)
        if self.action:
            clauses.append("action = ?")
            params.append(self.action)
        if self.target:
            clauses.append("LOWER(target) LIKE LOWER(?)")
            params.append(self.target.replace("%", "").replace("_", "") + "%")
        if self.since:
            clauses.append("at >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("at <= ?")
            params.append(self.until + ("T23:59:59Z" if len(self.until) == 10 else ""))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def write(self, actor: str, action: str, target: str | None, before: Any, after: Any) -> None:
        """Record a change; call inside the change's own transaction."""
        self.db.run(
            "INSERT INTO audit (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            (now_iso(), actor, action, target, _json(before), _json(after)),
        )

    def entries(
        self, wanted: AuditFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[AuditEntry]:
        """Newest first."""
        where, params = (wanted or AuditFilter()).where()
        sql = f"SELECT * FROM audit{where} ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_entry(r) for r in self.db.all(sql, params)]

    def count(self, wanted: AuditFilter | None = None) -> int:
        where, params = (wanted or AuditFilter()).where()
        return int(self.db.scalar(f"SELECT COUNT(*) AS n FROM audit{where}", params) or 0)

    def actions(self) -> list[str]:
        return [r["action"] for r in self.db.all("SELECT DISTINCT action FROM audit ORDER BY 1")]

    def actors(self) -> list[str]:
        return [r["actor"] for r in self.db.all("SELECT DISTINCT actor FROM audit ORDER BY 1")]


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


def _entry(row: Row) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        action=row["action"],
        target=row["target"],
        before=json.loads(row["before"]) if row["before"] else None,
        after=json.loads(row["after"]) if row["after"] else None,
    )
