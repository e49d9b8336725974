"""Integrity: originals still hash to their names, and the index holds what the catalog does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archive.catalog import Catalog
from archive.datadir import DataDir
from archive.originals import Originals


@dataclass
class VerifyReport:
    originals_checked: int = 0
    originals_missing: list[str] = field(default_factory=list)
    originals_corrupt: list[str] = field(default_factory=list)
    originals_unreferenced: list[str] = field(default_factory=list)
    leftovers_removed: list[str] = field(default_factory=list)
    documents: int = 0
    index_missing: list[int] = field(default_factory=list)  # active, not in the index
    index_stale: list[int] = field(default_factory=list)  # indexed with other passages
    index_extra: list[int] = field(default_factory=list)  # indexed, but withdrawn or unknown
    repaired: bool = False

    @property
    def originals_ok(self) -> bool:
        return not self.originals_missing and not self.originals_corrupt

    @property
    def index_ok(self) -> bool:
        return not (self.index_missing or self.index_stale or self.index_extra)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.originals_ok and (self.index_ok or self.repaired),
            "originals": {
                "checked": self.originals_checked,
                "missing": self.originals_missing,
                "corrupt": self.originals_corrupt,
                "unreferenced": self.originals_unreferenced,
                "leftovers_removed": self.leftovers_removed,
            },
            "documents": self.documents,
            "index": {
                "missing": self.index_missing,
                "stale": self.index_stale,
                "extra": self.index_extra,
                "repaired": self.repaired,
            },
        }

    def lines(self) -> list[str]:
        out = [f"originals: {self.originals_checked} checked"]
        out += [f"  MISSING {sha}" for sha in self.originals_missing]
        out += [f"  CORRUPT {sha} (no longer hashes to its name)" for sha in self.originals_corrupt]
        if self.originals_unreferenced:
            out.append(
                f"  {len(self.originals_unreferenced)} not in the catalog "
                "(an interrupted add; harmless, kept)"
            )
        if self.leftovers_removed:
            out.append(
                f"  removed {len(self.leftovers_removed)} temporary files of interrupted adds"
            )
        out.append(f"catalog: {self.documents} active documents")
        if self.index_ok:
            out.append("index: in step with the catalog")
        else:
            verb = "repaired" if self.repaired else "found"
            out.append(
                f"index: {verb} {len(self.index_missing)} missing, "
                f"{len(self.index_stale)} stale, {len(self.index_extra)} extra documents"
            )
        out.append("OK" if self.originals_ok else "PROBLEMS: restore the originals listed above")
        return out


def verify_archive(
    datadir: DataDir, catalog: Catalog, *, index_state: dict[int, int]
) -> VerifyReport:
    """Check everything; remove crash leftovers; report what the index lacks (caller repairs)."""
    report = VerifyReport()
    originals = Originals(datadir.originals)
    for leftover in originals.leftovers():
        leftover.unlink(missing_ok=True)
        report.leftovers_removed.append(leftover.name)
    catalogued = catalog.documents.original_hashes()
    for sha in catalogued:
        report.originals_checked += 1
        if not originals.exists(sha):
            report.originals_missing.append(sha)
        elif not originals.verify(sha):
            report.originals_corrupt.append(sha)
    known = set(catalogued)
    if datadir.originals.exists():
        report.originals_unreferenced = sorted(
            p.name
            for p in datadir.originals.iterdir()
            if not p.name.startswith(".") and p.name not in known
        )
    expected = catalog.documents.passage_counts()
    report.documents = len(expected)
    for doc_id, count in expected.items():
        if doc_id not in index_state:
            report.index_missing.append(doc_id)
        elif index_state[doc_id] != count:
            report.index_stale.append(doc_id)
    report.index_extra = sorted(set(index_state) - set(expected))
    return report
