"""Accounts: users with a role, argon2 password hashes, and API tokens stored hashed.

A token is `secrets.token_urlsafe(32)`, shown once when created; the catalog keeps only its
SHA-256, so a copy of the catalog does not hand out working tokens. Every change to users
and tokens is written to the audit log in the same transaction as the change itself.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from archive import password_policy
from archive.catalog.database import Database, Row, now_iso
from archive.errors import InvalidValue, NotFound

if TYPE_CHECKING:
    from archive.catalog.catalog import Catalog

# `reader` may read a private archive; `librarian` adds and corrects; `admin` also
# reinstates withdrawn documents and reads the audit log.
ROLES = ("reader", "librarian", "admin")
EDITOR_ROLES = ("librarian", "admin")
MIN_PASSWORD = password_policy.MIN_LENGTH
MAX_PASSWORD = password_policy.MAX_LENGTH
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong
    password. Made on first use rather than on import: a hash takes a fifth of a second of
    CPU, which every command paid as it started (the web app makes it as it starts)."""
    return _hasher.hash(secrets.token_hex(16))


def prepare_logins() -> None:
    """Make ahead what logins need, so that the first unknown name costs no more than any
    other (the web app calls this as it starts)."""
    _dummy_hash()


@dataclass(frozen=True)
class User:
    """An account: who may log in, and what their role lets them do."""

    id: int
    name: str
    role: str
    created_at: str
    # Sessions carry the generation they were opened in; moving it on ends them all.
    session_generation: int = 0

    @property
    def can_edit(self) -> bool:
        return self.role in EDITOR_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "created_at": self.created_at}


@dataclass(frozen=True)
class TokenInfo:
    """An API token as listed: never its value, which only its creator saw once."""

    id: int
    user: str
    created_at: str
    revoked_at: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "user": self.user,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


def _user(row: Row) -> User:
    return User(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        created_at=row["created_at"],
        session_generation=int(row.get("session_generation") or 0),
    )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- validation -----------------------------------------------------------------------------


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidValue(
            f"user name {name!r} is not allowed: use 1-64 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidValue(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    return role


def check_password(password: str, name: str | None = None) -> str:
    """The password policy (archive.password_policy): long, and not easily guessed."""
    return password_policy.check_password(password, name=name)


class Accounts:
    """Users with a role and a password hash, and their API tokens."""

    def __init__(self, db: Database, catalog: Catalog) -> None:
        self.db = db
        self.catalog = catalog

    # -- users ------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, password: str, *, actor: str) -> User:
        """Create an account; InvalidValue for a bad name, role or password, or a taken name."""
        check_name(name)
        check_role(role)
        password_hash = _hasher.hash(check_password(password, name))
        with self.db.transaction():
            if self.db.one("SELECT id FROM users WHERE name = ?", (name,)):
                raise InvalidValue(f"there is already a user called {name!r}")
            user_id = self.db.insert(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                (name, role, password_hash, now_iso()),
            )
            self.catalog.audit.write(actor, "user-add", f"user:{name}", None, {"role": role})
        return self.user_by_id(user_id)

    def user(self, name: str) -> User:
        row = self.db.one("SELECT * FROM users WHERE name = ?", (name,))
        if row is None:
            raise NotFound(f"no user called {name!r}")
        return _user(row)

    def user_by_id(self, user_id: int) -> User:
        row = self.db.one("SELECT * FROM users WHERE id = ?", (user_id,))
        if row is None:
            raise NotFound(f"no user with id {user_id}")
        return _user(row)

    def users(self) -> list[User]:
        return [_user(r) for r in self.db.all("SELECT * FROM users ORDER BY name")]

    def remove_user(self, name: str, *, actor: str) -> None:
        """Delete an account and its tokens; the audit log keeps the name."""
        user = self.user(name)
        with self.db.transaction():
            tokens = self.db.run("DELETE FROM tokens WHERE user_id = ?", (user.id,))
            self.db.run("DELETE FROM users WHERE id = ?", (user.id,))
            self.catalog.audit.write(
                actor, "user-remove", f"user:{name}", {"role": user.role, "tokens": tokens}, None
            )

    def set_password(self, name: str, password: str, *, actor: str) -> None:
        """A new password; every session of the user ends (they log in with the new one)."""
        user = self.user(name)
        password_hash = _hasher.hash(check_password(password, name))
        with self.db.transaction():
            self.db.run(
                "UPDATE users SET password_hash = ?, session_generation = session_generation + 1 "
                "WHERE id = ?",
                (password_hash, user.id),
            )
            self.catalog.audit.write(actor, "user-password", f"user:{name}", None, None)

    def set_role(self, name: str, role: str, *, actor: str) -> User:
        """A new role; every session of the user ends, so no page keeps the old rights."""
        user = self.user(name)
        check_role(role)
        with self.db.transaction():
            self.db.run(
                "UPDATE users SET role = ?, session_generation = session_generation + 1 "
                "WHERE id = ?",
                (role, user.id),
            )
            self.catalog.audit.write(
                actor, "user-role", f"user:{name}", {"role": user.role}, {"role": role}
            )
        return self.user(name)

    def end_sessions(self, user_id: int) -> None:
        """End every session of a user, on every browser (logging out does this)."""
        self.db.run(
            "UPDATE users SET session_generation = session_generation + 1 WHERE id = ?",
            (user_id,),
        )

    def authenticate(self, name: str, password: str) -> User | None:
        """The user when the password matches, else None (taking as long for an unknown name)."""
        if not isinstance(name, str) or not isinstance(password, str):
            return None
        if len(password) > MAX_PASSWORD:
            return None
        row = self.db.one("SELECT * FROM users WHERE name = ?", (name,))
        try:
            _hasher.verify(row["password_hash"] if row else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None:
            return None
        if _hasher.check_needs_rehash(row["password_hash"]):
            with self.db.transaction():
                self.db.run(
                    "UPDATE users SET password_hash = ? WHERE id = ?",
                    (_hasher.hash(password), row["id"]),
                )
        return _user(row)

    # -- tokens -----------------------------------------------------------------------------

    def create_token(self, name: str, *, actor: str) -> tuple[TokenInfo, str]:
        """A new API token for a user: (its listing, the token itself, to show once)."""
        user = self.user(name)
        token = secrets.token_urlsafe(32)
        created = now_iso()
        with self.db.transaction():
            token_id = self.db.insert(
                "INSERT INTO tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)",
                (user.id, hash_token(token), created),
            )
            self.catalog.audit.write(
                actor, "token-create", f"user:{name}", None, {"token": token_id}
            )
        return TokenInfo(token_id, name, created, None), token

    def tokens(self, name: str | None = None) -> list[TokenInfo]:
        sql = (
            "SELECT t.id, u.name, t.created_at, t.revoked_at FROM tokens t "
            "JOIN users u ON u.id = t.user_id"
        )
        rows = (
            self.db.all(sql + " WHERE u.name = ? ORDER BY t.id", (name,))
            if name
            else self.db.all(sql + " ORDER BY t.id")
        )
        return [TokenInfo(r["id"], r["name"], r["created_at"], r["revoked_at"]) for r in rows]

    def revoke_tokens(self, name: str, *, actor: str, token_id: int | None = None) -> list[int]:
        """Revoke one of a user's tokens (`token_id`) or all of them; the ids revoked."""
        user = self.user(name)
        active = [t.id for t in self.tokens(name) if t.revoked_at is None]
        if token_id is not None:
            if token_id not in active:
                raise NotFound(f"{name} has no active token with id {token_id}")
            active = [token_id]
        if not active:
            return []
        with self.db.transaction():
            self.db.run_many(
                "UPDATE tokens SET revoked_at = ? WHERE id = ? AND user_id = ?",
                [(now_iso(), i, user.id) for i in active],
            )
            self.catalog.audit.write(
                actor, "token-revoke", f"user:{name}", None, {"tokens": active}
            )
        return active

    def user_for_token(self, token: str) -> User | None:
        """The owner of an active token, else None."""
        if not isinstance(token, str) or not 20 <= len(token) <= 200:
            return None
        row = self.db.one(
            "SELECT u.* FROM tokens t JOIN users u ON u.id = t.user_id "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL",
            (hash_token(token),),
        )
        return _user(row) if row else None
