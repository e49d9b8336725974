"""One table of settings: name, default, help and what values it takes; read from the
environment as CUTTINGS_<NAME> and checked when the app starts, so a bad value is one line
that names the setting, never a traceback.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import current_app

from archive.errors import ArchiveError
from index.limits import SearchLimits
from index.options import EngineOptions

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


class SettingError(ArchiveError):
    """A CUTTINGS_* value that does not fit; the message names the setting and the fix."""

    kind = "setting"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    low: int | None = None  # for whole numbers: the smallest allowed
    high: int | None = None
    url: bool = False  # for text: an http(s) address, or empty

    @property
    def variable(self) -> str:
        return f"CUTTINGS_{self.name}"

    def read(self, environ: dict[str, str] | None = None) -> Any:
        raw = (environ if environ is not None else os.environ).get(self.variable)
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            return self._boolean(raw)
        if isinstance(self.default, int):
            return self._whole_number(raw)
        if isinstance(self.default, float):
            return self._share(raw)
        return self._url(raw) if self.url else raw

    def _url(self, raw: str) -> str:
        value = raw.strip()
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise SettingError(
                f"{self.variable} must be an http(s) address such as https://archive.example.org,"
                f" not {raw!r}"
            )
        return value.rstrip("/")

    def _share(self, raw: str) -> float:
        try:
            number = float(raw.strip())
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 1.0:
            raise SettingError(f"{self.variable} must be a number from 0 to 1, not {raw!r}")
        return number

    def _boolean(self, raw: str) -> bool:
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise SettingError(f"{self.variable} must be 1 or 0 (true or false), not {raw!r}")

    def _whole_number(self, raw: str) -> int:
        try:
            number = int(raw.strip())
        except ValueError:
            number = None
        low, high = self.low if self.low is not None else 0, self.high
        if number is None or number < low or (high is not None and number > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise SettingError(f"{self.variable} must be a whole number {span}, not {raw!r}")
        return number


SETTINGS = (
    Setting(
        "BASE_URL",
        "",
        "Public address of the archive, used in permalinks (unset: the address each request"
        " came to; the CLI then uses http://127.0.0.1:8000)",
        url=True,
    ),
    Setting("PRIVATE", False, "When true, reading and searching need an account too"),
    Setting(
        "MAX_UPLOAD_MB",
        50,
        "Largest upload accepted, in megabytes (answered with 413)",
        low=1,
        high=10_000,
    ),
    Setting(
        "MAX_DECOMPRESSED_MB",
        200,
        "Largest size a compressed upload may expand to",
        low=1,
        high=100_000,
    ),
    Setting(
        "LOGIN_ATTEMPTS",
        5,
        "Failed logins allowed per name and address per 15 minutes",
        low=1,
        high=1000,
    ),
    Setting(
        "LOGIN_ATTEMPTS_PER_ADDRESS",
        20,
        "Failed logins allowed per address (over every name) per 15 minutes",
        low=1,
        high=10_000,
    ),
    Setting("SECURE_COOKIES", False, "Send session cookies over HTTPS only (set behind TLS)"),
    Setting(
        "SESSION_HOURS",
        12,
        "Hours a login lasts at most, however busy its user",
        low=1,
        high=24 * 31,
    ),
    Setting(
        "SESSION_IDLE_MINUTES",
        60,
        "Minutes without a request after which a login ends",
        low=1,
        high=24 * 60 * 31,
    ),
    Setting(
        "INDEX_WAIT",
        5,
        "Seconds a web change waits for a busy search index before it is saved and reported "
        "as pending (indexed as soon as the index is free)",
        low=0,
        high=600,
    ),
    Setting(
        "ATTRIBUTION_THRESHOLD",
        0.9,
        "Confidence (0-1) at or above which a citation names the person quoted without a "
        "librarian's confirmation; quotes below it wait in the review queue",
    ),
    Setting(
        "DATABASE_URL",
        "",
        "Server mode: the postgresql:// database holding the catalog and the search "
        "(empty: embedded mode, SQLite and Whoosh in the data directory)",
    ),
    Setting(
        "DATABASE_REPLICA_URL",
        "",
        "Server mode: a read replica for searches and reader pages (writes use the primary)",
    ),
    Setting(
        "ORIGINALS",
        "",
        "Server mode: the originals folder every host mounts (default: the one `cuttings db "
        "init` recorded in the database, else the data directory's)",
    ),
    Setting(
        "SEARCH_TIME_LIMIT_MS",
        2000,
        "Time budget of one search, in milliseconds; a search still running then is stopped "
        "with a 503 that names its costliest part",
        low=50,
        high=600_000,
    ),
    Setting(
        "SEARCH_MAX_EXPANSIONS",
        1024,
        "Words a prefix or wildcard (harv*, h?rvest) may stand for; more is a 400",
        low=1,
        high=1_000_000,
    ),
    Setting(
        "SEARCH_MAX_CLAUSES",
        1024,
        "Words a whole query may stand for once its patterns and fuzzy words are expanded",
        low=1,
        high=1_000_000,
    ),
    Setting(
        "SEARCH_COSTLY_POSTINGS",
        250_000,
        "Estimated passages visited above which a search is costly: it waits for one of the "
        "few costly slots and gives way to cheaper searches (embedded mode; in server mode the "
        "database bounds the work with the time limit)",
        low=1,
        high=10**12,
    ),
    Setting(
        "SEARCH_CACHE",
        512,
        "Search answers kept per process (each forgotten when the index changes); 0 keeps none "
        "(embedded mode: server mode keeps none, another host's writes would go unseen)",
        low=0,
        high=1_000_000,
    ),
    Setting(
        "MAX_PASSAGE_CHARS",
        3000,
        "Longest passage ingest keeps whole: longer ones are split at sentence ends (or at "
        "this length) and the document is flagged for a librarian",
        low=200,
        high=10_000_000,
    ),
)


def defaults(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Flask config keys (CUTTINGS_<NAME>) with values from the environment or defaults;
    SettingError for the first value that does not fit."""
    return {s.variable: s.read(environ) for s in SETTINGS}


def describe() -> str:
    """The table as text, for `cuttings serve --help-settings`."""
    width = max(len(s.name) for s in SETTINGS) + 10
    return "\n".join(
        f"CUTTINGS_{s.name:<{width - 9}} {s.help} (default: {s.default!r})" for s in SETTINGS
    )


def engine_options(config: Mapping[str, Any] | None = None) -> EngineOptions:
    """The search engine's limits and cache from the settings (a Flask config, or the
    environment read as `defaults()` does)."""
    values = config if config is not None else defaults()
    limits = SearchLimits(
        max_expansions=int(values["CUTTINGS_SEARCH_MAX_EXPANSIONS"]),
        max_clauses=int(values["CUTTINGS_SEARCH_MAX_CLAUSES"]),
        seconds=int(values["CUTTINGS_SEARCH_TIME_LIMIT_MS"]) / 1000,
        costly_postings=int(values["CUTTINGS_SEARCH_COSTLY_POSTINGS"]),
    )
    return EngineOptions(limits=limits, cache_entries=int(values["CUTTINGS_SEARCH_CACHE"]))


def max_passage_chars(config: Mapping[str, Any] | None = None) -> int:
    values = config if config is not None else defaults()
    return int(values["CUTTINGS_MAX_PASSAGE_CHARS"])


LOCAL_BASE_URL = "http://127.0.0.1:8000"  # `cuttings serve`'s own default address


def base_url_warning(host: str, configured: str) -> str | None:
    """What to say when serving on an address others reach without CUTTINGS_BASE_URL: the
    permalinks would then name whatever host each request used."""
    if configured or _is_loopback(host):
        return None
    return (
        f"warning: serving on {host} without CUTTINGS_BASE_URL: citation permalinks will name"
        " the address each request came to; set CUTTINGS_BASE_URL to the archive's public"
        " address (e.g. https://archive.example.org)"
    )


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def max_decompressed_bytes() -> int:
    """How far a compressed upload may expand (CUTTINGS_MAX_DECOMPRESSED_MB), in bytes."""
    return int(current_app.config["CUTTINGS_MAX_DECOMPRESSED_MB"]) * 1024 * 1024


def attribution_threshold() -> float:
    """CUTTINGS_ATTRIBUTION_THRESHOLD of the running app (0.9 by default)."""
    return float(current_app.config["CUTTINGS_ATTRIBUTION_THRESHOLD"])


def max_upload_mb() -> int:
    return int(current_app.config["CUTTINGS_MAX_UPLOAD_MB"])
