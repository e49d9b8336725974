"""Background jobs in the catalog (a long upload): what they are doing, how far they got and
what each item became, readable by every server process. The process running a job is
recorded, so a job whose process died reads as interrupted, not as running for ever."""

from __future__ import annotations

import json
import secrets
from typing import Any

from archive.catalog.database import Database, Row, now_iso
from archive.catalog.records import JobRecord
from archive.errors import NotFound
from archive.processes import is_running

RUNNING = ("queued", "running")


class Jobs:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, kind: str, owner: str, *, runner: str, total: int = 0) -> str:
        """A new job, queued; its id (unguessable, as it names a page)."""
        job_id = secrets.token_urlsafe(12)
        at = now_iso()
        self.db.run(
            "INSERT INTO jobs (id, kind, owner, state, total, done, runner, created_at, "
            "updated_at) VALUES (?, ?, ?, 'queued', ?, 0, ?, ?, ?)",
            (job_id, kind, owner, total, runner, at, at),
        )
        return job_id

    def update(
        self,
        job_id: str,
        *,
        state: str | None = None,
        total: int | None = None,
        done: int | None = None,
        results: list[dict[str, Any]] | None = None,
        message: str | None = None,
    ) -> None:
        """Record progress; only the values given change."""
        changes: dict[str, Any] = {
            "state": state,
            "total": total,
            "done": done,
            "results": json.dumps(results, ensure_ascii=False) if results is not None else None,
            "message": message,
        }
        changes = {name: value for name, value in changes.items() if value is not None}
        sets = ", ".join(f"{name} = ?" for name in changes)
        self.db.run(
            f"UPDATE jobs SET {sets}{', ' if sets else ''}updated_at = ? WHERE id = ?",
            (*changes.values(), now_iso(), job_id),
        )

    def get(self, job_id: str) -> JobRecord:
        """A job as it stands; one whose process is gone reads as interrupted."""
        row = self.db.one("SELECT * FROM jobs WHERE id = ?", (str(job_id)[:64],))
        if row is None:
            raise NotFound(f"no job {job_id!r}")
        return _record(row)

    def interrupt_orphans(self) -> int:
        """Mark jobs whose process died as interrupted (what they added stays); how many."""
        rows = self.db.all("SELECT id, runner FROM jobs WHERE state IN ('queued', 'running')")
        gone = [r["id"] for r in rows if not is_running(r["runner"])]
        for job_id in gone:
            self.update(job_id, state="interrupted", message=INTERRUPTED)
        return len(gone)


INTERRUPTED = (
    "the server stopped before the job was done: what it had added is kept; "
    "upload the rest again (what is already archived is reported as a duplicate)"
)


def _record(row: Row) -> JobRecord:
    state, message = row["state"], row["message"]
    if state in RUNNING and not is_running(row["runner"]):
        state, message = "interrupted", INTERRUPTED
    return JobRecord(
        id=row["id"],
        kind=row["kind"],
        owner=row["owner"],
        state=state,
        total=int(row["total"]),
        done=int(row["done"]),
        message=message,
        results=json.loads(row["results"]) if row["results"] else [],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
