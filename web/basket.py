"""The reader's basket: ids of passages and documents to cite together, kept in the session.

The session is a signed cookie, and browsers drop cookies over 4 KB (and with it the login),
so the basket holds at most MAX_ENTRIES ids and refuses one that would overflow the cookie.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import current_app, request, session
from flask.sessions import SecureCookieSessionInterface

from archive.catalog import Catalog
from archive.citations.lookup import MAX_IDS, CiteId, parse_id
from archive.errors import ArchiveError

SESSION_KEY = "basket"
MAX_ENTRIES = MAX_IDS
MAX_COOKIE_BYTES = 3800  # of the 4093 browsers keep, leaving room for the cookie's name


def ids() -> list[str]:
    """The basket's ids, in the order they were added."""
    stored = session.get(SESSION_KEY, [])
    return [str(i) for i in stored] if isinstance(stored, list) else []


def contains(cite_id: str | int | CiteId) -> bool:
    """Whether an id (`12`, `12-p3`) is in the basket."""
    return str(cite_id) in ids()


def count(catalog: Catalog) -> int:
    """Entries still readable: a document withdrawn since it was added is not counted (and
    the basket page forgets it)."""
    entries = valid_ids()
    if not entries:
        return 0
    active = catalog.documents.active_among([e.doc_id for e in entries])
    return sum(1 for e in entries if e.doc_id in active)


def add(new: Iterable[CiteId]) -> int:
    """Add ids not already in the basket; return how many were added."""
    current = ids()
    added = [str(i) for i in new if str(i) not in current]
    if len(current) + len(added) > MAX_ENTRIES:
        raise ArchiveError(
            f"the basket holds at most {MAX_ENTRIES} items: export it, then clear it"
        )
    _store([*current, *added])
    return len(added)


def remove(old: Iterable[CiteId]) -> int:
    """Remove ids from the basket; return how many were removed."""
    gone = {str(i) for i in old}
    current = ids()
    _store([i for i in current if i not in gone])
    return len([i for i in current if i in gone])


def clear() -> None:
    """Empty the basket."""
    session.pop(SESSION_KEY, None)


def valid_ids() -> list[CiteId]:
    """The basket's ids as CiteId values (a tampered entry is dropped)."""
    found = []
    for text in ids():
        try:
            found.append(parse_id(text))
        except ArchiveError:
            continue
    return found


def _store(entries: list[str]) -> None:
    """Save the basket, unless the session cookie would grow too big for browsers."""
    if _cookie_bytes({**session, SESSION_KEY: entries}) > MAX_COOKIE_BYTES:
        raise ArchiveError("the basket is full: export it, then clear it or remove some items")
    if entries:
        session[SESSION_KEY] = entries
    else:
        session.pop(SESSION_KEY, None)


def _cookie_bytes(values: dict) -> int:
    """The size of the signed session cookie these values make (0 for a server-side session)."""
    interface = current_app.session_interface
    if not isinstance(interface, SecureCookieSessionInterface):
        return 0
    serializer = interface.get_signing_serializer(current_app)
    return len(serializer.dumps(values)) if serializer else 0


def back_target(fallback: str) -> str:
    """Where to go after a basket change: the form's `next` if it is a path on this site,
    else the referring page if it is on this site, else `fallback`."""
    wanted = (request.form.get("next") or "").strip()
    if _is_local_path(wanted):
        return wanted
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.scheme in ("http", "https"):
        path = referrer.path + (f"?{referrer.query}" if referrer.query else "")
        if _is_local_path(path):
            return path
    return fallback


def _is_local_path(target: str) -> bool:
    """A relative path on this site: `/x`, never `//host`, `/\\host` or a scheme."""
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ord(c) < 32 or c == "\\" for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
