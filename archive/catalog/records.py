"""What the catalog hands out besides documents: plain records, never database rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class DocumentInfo:
    """A document's catalog entry: where it came from, who added it, and its status."""

    id: int
    status: str
    filename: str
    format: str
    original_sha256: str
    content_sha256: str
    record: int | None
    added_at: str
    added_by: str | None
    withdrawn_at: str | None = None
    withdrawn_by: str | None = None
    withdrawn_reason: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    flags: tuple[str, ...] = ()  # what ingest flagged for a librarian (listing only)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class QuoteRef:
    """A quote as a person's record lists it, with the document it is in."""

    id: int
    doc_id: int
    passage_id: str
    n: int
    kind: str
    text: str
    cue: str | None
    status: str = "active"
    confidence: float = 0.0
    verified: bool = False
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class QuoteForReview:
    """A quote awaiting a librarian: its words in their passage, who was chosen and why."""

    id: int
    doc_id: int
    passage_id: str
    n: int
    text: str
    passage_text: str
    span_start: int
    span_end: int
    speaker: str | None
    speaker_id: int | None
    speaker_kind: str | None
    confidence: float
    evidence: dict[str, Any]
    verified: bool
    title: str | None = None
    outlet: str | None = None
    published: str | None = None

    @property
    def candidates(self) -> list[str]:
        """Other people the evidence names as plausible speakers, best first."""
        names = [c for c in self.evidence.get("candidates") or [] if isinstance(c, str)]
        return [c for c in dict.fromkeys(names) if c != self.speaker]

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"candidates": self.candidates}


@dataclass(frozen=True)
class PersonDocument:
    """A document a person is quoted or named in, with the role that document gives them."""

    doc_id: int
    role: str | None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class PersonSummary:
    """A person in a list: name, kind, role and how much the archive holds of them."""

    id: int
    name: str
    kind: str
    role: str | None
    quotes: int = 0
    documents: int = 0


@dataclass
class PersonRecord:
    """A person as the catalog holds them: aliases, roles, quotes and documents."""

    id: int
    name: str
    kind: str
    role: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)
    documents: list[PersonDocument] = field(default_factory=list)

    @property
    def document_ids(self) -> list[int]:
        return [d.doc_id for d in self.documents]

    def summary(self) -> dict[str, Any]:
        """What the audit log keeps of a person."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "aliases": self.aliases,
        }


@dataclass(frozen=True)
class PersonInDocument:
    """Someone a document quotes or names, with how often it quotes them."""

    id: int
    name: str
    kind: str
    role: str | None
    quotes: int


@dataclass(frozen=True)
class HistoryEntry:
    """A field value a correction replaced."""

    name: str
    value: Any
    source: str | None
    evidence: str | None
    replaced_at: str
    replaced_by: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One change as the audit log keeps it: who, what, when, and the values before and after."""

    id: int
    at: str
    actor: str
    action: str
    target: str | None
    before: Any
    after: Any

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JobRecord:
    """A background job (a long upload) as its status page and JSON show it."""

    id: str
    kind: str
    owner: str
    state: str  # queued, running, done, failed or interrupted
    total: int
    done: int
    message: str | None
    results: list[dict[str, Any]]
    created_at: str
    updated_at: str

    @property
    def finished(self) -> bool:
        return self.state not in ("queued", "running")

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"finished": self.finished}
