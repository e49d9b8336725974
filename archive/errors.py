"""The archive's errors: one base class, each kind with its HTTP status and a message a user
can act on. Failures travel as these types (or as a `FailedItem` carrying one), never as
strings a caller has to search.
"""


class ArchiveError(Exception):
    """Something the user can fix: bad input, an unknown id, a missing tool."""

    status = 400
    kind = "bad-request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ArchiveError):
    status = 404
    kind = "not-found"


class Conflict(ArchiveError):
    """A change that does not apply to the record as it stands (e.g. withdrawing twice)."""

    status = 409
    kind = "conflict"


class TooLarge(ArchiveError):
    """Input, or what it decompresses to, is over the configured bound."""

    status = 413
    kind = "too-large"


class UnsupportedInput(ArchiveError):
    """A file the archive cannot read: empty, binary, or of an unknown format."""

    status = 415
    kind = "unsupported"


class InvalidValue(ArchiveError):
    """A value that does not fit (an invalid date, an unknown field name)."""

    status = 422
    kind = "invalid"


class Unreadable(ArchiveError):
    """A readable file with nothing to archive in it (no article text found)."""

    status = 422
    kind = "unreadable"


class Internal(ArchiveError):
    """A bug: reported with a request to report it, never as a traceback."""

    status = 500
    kind = "internal"


class Unavailable(ArchiveError):
    """The archive cannot do this right now (the index is busy, the disk is full)."""

    status = 503
    kind = "unavailable"


class IndexBusy(Unavailable):
    """The search index could not take a change in time. The catalog has the change (it is
    saved), and the index catches up as soon as it is free: the next change, `cuttings add`
    or `cuttings verify`, or the server's own catch-up."""

    kind = "index-busy"


KINDS = {
    cls.kind: cls
    for cls in (
        ArchiveError,
        NotFound,
        Conflict,
        TooLarge,
        UnsupportedInput,
        InvalidValue,
        Unreadable,
        Internal,
        Unavailable,
        IndexBusy,
    )
}
