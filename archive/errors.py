"""The archive's errors: one base class, each kind with its HTTP status and a message a user
can act on. Failures travel as these types (or as a `FailedItem` carrying one), never as
strings a caller has to search.
"""

import errno


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


class DiskFull(Unavailable):
    """No space left for the data directory: nothing half-written is kept, and what was
    added before stays."""

    status = 507
    kind = "disk-full"


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
        DiskFull,
        IndexBusy,
    )
}


_NO_SPACE = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # EFBIG: a file size limit


def storage_failure(error: BaseException) -> Unavailable | None:
    """The error a failed write to the data directory stands for, said in one line: the
    disk is full (no space, a quota or a size limit), or it could not be written at all."""
    if isinstance(error, OSError) and error.errno in _NO_SPACE:
        where = f" writing {error.filename}" if error.filename else ""
        return DiskFull(
            f"no space left on the disk{where} ({error.strerror}): free some space and "
            "run it again; everything added before is kept"
        )
    if type(error).__name__ != "OperationalError":  # sqlite3's, without importing it here
        return None
    text = str(error).lower()
    if "disk is full" in text:
        return DiskFull(
            "no space left on the disk for the catalog (database or disk is full): free some "
            "space and run it again; everything added before is kept"
        )
    if "disk i/o error" in text:
        return Unavailable(
            "the catalog could not be written (disk I/O error): check the disk and its free "
            "space, then run it again; everything added before is kept"
        )
    return None
