"""Apply the librarian's metadata (typed on `cuttings add` or the upload form) over extraction."""

from __future__ import annotations

from archive.addresses import is_web_address
from archive.errors import InvalidValue
from archive.ingest.pipeline import Draft
from archive.model import FIELD_NAMES, Field, PartialDate


def librarian_fields(values: dict[str, object], *, who: str = "librarian") -> dict[str, Field]:
    """Validate typed metadata into fields with source `librarian`; bad values raise InvalidValue."""
    fields: dict[str, Field] = {}
    for name, value in values.items():
        if value in (None, "", [], ()):
            continue
        if name not in FIELD_NAMES:
            raise InvalidValue(f"unknown field {name!r}; known fields: {', '.join(FIELD_NAMES)}")
        fields[name] = Field(_clean(name, value), "librarian", f"typed by {who}")
    return fields


def _clean(name: str, value: object) -> object:
    if name == "authors":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(a, str) for a in items):
            raise InvalidValue("authors must be a list of names")
        return [_text(name, a.strip()) for a in items if a.strip()]
    if not isinstance(value, str):
        raise InvalidValue(f"{name} must be text, not {type(value).__name__}")
    value = _text(name, value.strip())
    if name in ("published", "captured"):
        date = PartialDate.parse(value)
        if date is None or len(value) not in (4, 7, 10):
            raise InvalidValue(f"{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        _check_calendar(name, date)
        return date.iso()
    if name == "url" and not is_web_address(value):
        raise InvalidValue(
            f"url {value[:80]!r} is not a web address: give one starting with http:// or https://"
        )
    return value


def _text(name: str, value: str) -> str:
    """Text any catalog can store: not a lone surrogate (what a command line makes of bytes
    that are not UTF-8, or a JSON "\\ud800")."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidValue(
            f"{name} is not valid text (character {error.start + 1} is a lone surrogate: "
            "bytes that are not UTF-8?)"
        ) from None
    return value


def _check_calendar(name: str, date: PartialDate) -> None:
    import datetime

    if date.day:
        try:
            datetime.date(date.year, date.month or 1, date.day)
        except ValueError as error:
            raise InvalidValue(f"{name} {date.iso()} is not a calendar date") from error


def apply_overrides(draft: Draft) -> Draft:
    """Typed values win over extracted ones."""
    draft.document.fields.update(draft.overrides)
    return draft
