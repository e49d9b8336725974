"""The archive's errors: one base class, each carrying a message a user can act on."""


class ArchiveError(Exception):
    """Something the user can fix: bad input, an unknown id, a missing tool."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ArchiveError):
    status = 404


class UnsupportedInput(ArchiveError):
    """A file the archive cannot read: empty, binary, or of an unknown format."""

    status = 415


class InvalidValue(ArchiveError):
    """A field value that does not fit (an invalid date, an unknown field name)."""

    status = 422
