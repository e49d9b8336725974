"""The Flask application factory: settings, blueprints, error handling, security headers."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, request, session
from flask_wtf.csrf import CSRFProtect

from archive.addresses import is_web_address
from archive.catalog import init_command, locate_originals, open_catalog
from archive.catalog.accounts import prepare_logins
from archive.datadir import DataDir
from index.engine import open_engine
from web import settings
from web.catchup import IndexCatchUp
from web.context import close_archive, release_connections, remember_writes
from web.errors import register_error_handlers
from web.jobs import JobRunner

csrf = CSRFProtect()

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(
    test_config: dict[str, Any] | None = None,
    *,
    data: str | None = None,
    database_url: str | None = None,
) -> Flask:
    """Build the app for one archive: the data directory (`data`, else $CUTTINGS_DATA, else
    ./cuttings-data), in server mode with its database (`database_url`, else
    $CUTTINGS_DATABASE_URL). Refuses (SchemaOutdated) a catalog older than the code."""
    app = Flask(__name__)
    prepare_logins()
    given = test_config or {}
    datadir = DataDir.resolve(
        data or given.get("DATA"), database_url=database_url or given.get("DATABASE_URL")
    ).create()
    app.config.from_mapping(settings.defaults())
    datadir, shared_secret = check_archive(datadir)
    app.config.update(
        DATADIR=datadir,
        SECRET_KEY=os.environ.get("CUTTINGS_SECRET_KEY")
        or shared_secret
        or _secret_key(datadir.root),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        JSON_SORT_KEYS=False,
        WTF_CSRF_TIME_LIMIT=None,  # a form's token is valid as long as its session
    )
    if test_config:
        app.config.update(test_config)
    app.config["SESSION_COOKIE_SECURE"] = app.config["CUTTINGS_SECURE_COOKIES"]
    app.config["MAX_CONTENT_LENGTH"] = app.config["CUTTINGS_MAX_UPLOAD_MB"] * 1024 * 1024
    app.json.sort_keys = False
    app.jinja_env.tests["web_address"] = is_web_address  # only http(s) becomes a link

    catalog = open_catalog(datadir.catalog, upgrade=False)  # its schema checked above
    try:
        catalog.jobs.interrupt_orphans()  # jobs of a server that died are not running any more
    finally:
        catalog.close()
        release_connections()
    wait = float(app.config["CUTTINGS_INDEX_WAIT"])
    app.extensions["cuttings_catch_up"] = IndexCatchUp(datadir, wait=wait)
    app.extensions["cuttings_jobs"] = JobRunner(datadir, wait=wait)
    app.teardown_appcontext(close_archive)
    app.after_request(remember_writes)
    register_error_handlers(app)
    _register_blueprints(app)
    _register_template_globals(app)

    @app.after_request
    def add_security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if _is_private(app):
            response.headers["Cache-Control"] = "no-store"
            response.vary.add("Cookie")
        return response

    return app


# Pages and answers no browser or proxy may keep: staff pages, exports, logins.
STAFF_BLUEPRINTS = {"auth", "librarian", "librarian_api"}


def _is_private(app: Flask) -> bool:
    """Whether this response is for staff, a signed-in user or a private archive."""
    return (
        request.blueprint in STAFF_BLUEPRINTS
        or "_user_id" in session
        or bool(app.config.get("CUTTINGS_PRIVATE"))
    )


def shutdown(app: Flask) -> None:
    """Stop the app's background threads (upload jobs, then the index catch-up); the server
    calls it when it stops, so nothing of the app outlives the server."""
    app.extensions["cuttings_jobs"].stop()
    app.extensions["cuttings_catch_up"].stop()


def _register_blueprints(app: Flask) -> None:
    """Every blueprint, and which take no CSRF token: the JSON API reads with no cookies for
    changes (its writes take Bearer tokens only)."""
    from web import api, auth, citations, librarian, librarian_api, pages, passages, tips

    auth.init_app(app)
    csrf.init_app(app)
    for blueprint in (
        pages.bp,
        passages.bp,
        tips.bp,
        api.bp,
        citations.bp,
        auth.bp,
        librarian.bp,
        librarian_api.bp,
    ):
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)
    csrf.exempt(librarian_api.bp)


def check_archive(datadir: DataDir) -> tuple[DataDir, str | None]:
    """Before serving: the catalog's schema is this code's (a new embedded archive is
    created; anything older is refused with the command that upgrades it), and in server
    mode the search tables are there. Returns where the archive is (in server mode with the
    originals folder the database names) and the session key every host shares (server
    mode: kept in the catalog)."""
    if not datadir.server_mode and _is_new(datadir):
        open_catalog(datadir.catalog).close()
    catalog = open_catalog(datadir.catalog, upgrade=False)
    try:
        catalog.require_current(datadir.describe(), fix=init_command(datadir))
        if not datadir.server_mode:
            return datadir, None
        open_engine(datadir, database=catalog.db).require_ready()
        located = locate_originals(datadir, catalog).create()
        return located, catalog.secret("session_key", lambda: secrets.token_hex(32))
    finally:
        catalog.close()
        release_connections()  # a server that forks workers gives them none of its own


def _is_new(datadir: DataDir) -> bool:
    """An embedded archive with no catalog yet (nothing to upgrade: create it)."""
    path = Path(datadir.catalog)
    return not path.exists() or path.stat().st_size == 0


def _register_template_globals(app: Flask) -> None:
    """What every template may use: the URLs of paragraphs and passages (web.links), the
    search form's choices and the search limits in force."""
    from archive.model import PASSAGE_KINDS
    from index.request import SORT_LABELS
    from web import links

    app.jinja_env.globals.update(
        paragraph_url=links.paragraph_url,
        passage_url=links.passage_url,
        passages_per_page=links.PASSAGES_PER_PAGE,
        passage_kinds=PASSAGE_KINDS,
        sort_labels=SORT_LABELS,
        limits=settings.engine_options(app.config).limits,
    )


def _secret_key(root: Path) -> str:
    """A random key kept in the data directory, so sessions survive a restart."""
    path = root / "secret.key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32))
    return path.read_text().strip()
