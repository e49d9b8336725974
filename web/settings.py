"""One table of settings: name, default and help; read from the environment as CUTTINGS_<NAME>."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    def read(self) -> Any:
        raw = os.environ.get(f"CUTTINGS_{self.name}")
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(self.default, int):
            return int(raw)
        return raw


SETTINGS = (
    Setting(
        "BASE_URL", "http://127.0.0.1:8000", "Public address of the archive, used in permalinks"
    ),
    Setting("PRIVATE", False, "When true, reading and searching need an account too"),
    Setting("MAX_UPLOAD_MB", 50, "Largest upload accepted, in megabytes (answered with 413)"),
    Setting("MAX_DECOMPRESSED_MB", 200, "Largest size a compressed upload may expand to"),
    Setting("LOGIN_ATTEMPTS", 5, "Failed logins allowed per name and address per 15 minutes"),
    Setting("SECURE_COOKIES", False, "Send session cookies over HTTPS only (set behind TLS)"),
)


def defaults() -> dict[str, Any]:
    """Flask config keys (CUTTINGS_<NAME>) with values from the environment or defaults."""
    return {f"CUTTINGS_{s.name}": s.read() for s in SETTINGS}


def describe() -> str:
    """The table as text, for `cuttings serve --help-settings`."""
    width = max(len(s.name) for s in SETTINGS) + 10
    return "\n".join(
        f"CUTTINGS_{s.name:<{width - 9}} {s.help} (default: {s.default!r})" for s in SETTINGS
    )
