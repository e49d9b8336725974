"""Moving an archive between modes (`cuttings migrate --to`): an embedded archive into a
server database, or a server archive back into a data directory.

The originals come first (so the target never catalogs a file it lacks), then the catalog's
tables row for row with their ids (archive.catalog.transfer), then the target's search is
built from its catalog. Everything is checked before the copy is called done: each table
counted and hashed on both sides, each original re-hashed where the target keeps it. A copy
that was killed goes on where it stopped when run again with the same source and target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archive.catalog.transfer import (
    TableReport,
    check_source,
    claim_target,
    compare_tables,
    copy_tables,
    finish_target,
)
from archive.errors import Conflict
from archive.originals import Originals, sha256_of
from index.sync import Archive


@dataclass
class MoveReport:
    source: str
    target: str
    tables: list[TableReport] = field(default_factory=list)
    originals_copied: int = 0
    originals_checked: int = 0
    originals_bad: list[str] = field(default_factory=list)  # missing or corrupt in the target
    passages_indexed: int = 0

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables) and not self.originals_bad

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "source": self.source,
            "target": self.target,
            "tables": [t.to_json() for t in self.tables],
            "originals": {
                "copied": self.originals_copied,
                "checked": self.originals_checked,
                "bad": self.originals_bad,
            },
            "passages_indexed": self.passages_indexed,
        }

    def lines(self) -> list[str]:
        out = [f"{self.source} -> {self.target}"]
        for table in self.tables:
            mark = "ok" if table.ok else "DIFFERS"
            out.append(
                f"  {table.name:<16} {table.source_rows:>9} rows, {table.target_rows:>9} in the "
                f"target ({table.copied} copied now) {mark}"
            )
        out.append(
            f"  originals: {self.originals_copied} copied, {self.originals_checked} re-hashed"
            + (f", {len(self.originals_bad)} BAD" if self.originals_bad else "")
        )
        out.append(f"  search: {self.passages_indexed} passages indexed")
        out.append("OK" if self.ok else "PROBLEMS: the copy differs from the source (see above)")
        return out


def move_archive(
    source: Archive, target: Archive, progress: Callable[[str, int], None] | None = None
) -> MoveReport:
    """Copy `source` into `target` (empty, or a copy of the same source that was
    interrupted), check it, and build the target's search."""
    described = source.datadir.describe()
    report = MoveReport(described, target.datadir.describe())
    if report.source == report.target:
        raise Conflict("the source and the target are the same archive")
    check_source(source.catalog)
    target.prepare()
    claim_target(target.catalog, described)
    report.originals_copied = copy_originals(source, target, progress)
    copied = copy_tables(source.catalog, target.catalog, progress)
    report.tables = compare_tables(source.catalog, target.catalog, copied)
    kept = Originals(target.datadir.originals)
    for sha in target.catalog.documents.original_hashes():
        report.originals_checked += 1
        if not kept.verify(sha):
            report.originals_bad.append(sha)
    # the search is built from the source's documents, which the check just found equal to
    # the target's: reading them where they are local is the quicker way
    report.passages_indexed = target.engine.rebuild(source.catalog.documents.iterate)
    if report.ok:
        finish_target(target.catalog)
    return report


def copy_originals(
    source: Archive, target: Archive, progress: Callable[[str, int], None] | None = None
) -> int:
    """Every original the source catalogs, into the target's folder (when it is another)."""
    mine, theirs = Originals(source.datadir.originals), Originals(target.datadir.originals)
    if source.datadir.originals.resolve() == target.datadir.originals.resolve():
        return 0
    copied = 0
    for sha in source.catalog.documents.original_hashes():
        if theirs.verify(sha) or not mine.exists(sha):
            continue  # already there, or missing at the source too (the check reports it)
        data = mine.read(sha)
        if sha256_of(data) != sha:
            continue  # corrupt at the source: never copied under its name
        theirs.put(data)
        copied += 1
        if progress is not None and copied % 500 == 0:
            progress("originals", copied)
    return copied
