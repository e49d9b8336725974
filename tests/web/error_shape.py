"""The JSON API's one error shape, as every test of an error checks it."""

from __future__ import annotations

from typing import Any

ERROR_KEYS = {"error", "status", "kind"}


def is_error(body: Any, status: int, *, extra: set[str] = frozenset()) -> bool:
    """`{"error": message, "status": code, "kind": name}` (plus `extra` detail keys)."""
    return (
        isinstance(body, dict)
        and set(body) == ERROR_KEYS | set(extra)
        and isinstance(body["error"], str)
        and bool(body["error"])
        and body["status"] == status
        and isinstance(body["kind"], str)
    )
