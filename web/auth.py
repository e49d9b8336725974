"""Accounts on the web: login and logout, roles, Bearer tokens, rate limits, private mode.

`init_app(app)` wires Flask-Login, the login limiter and - when CUTTINGS_PRIVATE is set - a
hook that asks for an account before any page or API answers.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from archive.catalog.accounts import User
from archive.errors import NotFound
from web.context import get_catalog
from web.errors import error_body, wants_json

bp = Blueprint("auth", __name__)
login_manager = LoginManager()

LOGIN_WINDOW_SECONDS = 15 * 60
# Endpoints anyone may reach on a private archive: the way in, and the style sheets.
PUBLIC_ENDPOINTS = {"auth.login", "static"}


class WebUser(UserMixin):
    """An account as Flask-Login sees it."""

    def __init__(self, account: User) -> None:
        self.account = account

    def get_id(self) -> str:
        return str(self.account.id)

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def role(self) -> str:
        return self.account.role

    @property
    def can_edit(self) -> bool:
        return self.account.can_edit

    @property
    def is_admin(self) -> bool:
        return self.account.is_admin


@login_manager.user_loader
def load_user(user_id: str) -> WebUser | None:
    """A removed account's session stops working at its next request."""
    try:
        return WebUser(get_catalog().accounts.user_by_id(int(user_id)))
    except (NotFound, ValueError):
        return None


# -- who is asking ---------------------------------------------------------------------------


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer <token>` header, if any."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def token_account() -> User | None:
    """The owner of the request's Bearer token, when it is valid and not revoked."""
    if "token_account" not in g:
        token = bearer_token()
        g.token_account = get_catalog().accounts.user_for_token(token) if token else None
    return g.token_account


def session_account() -> User | None:
    return current_user.account if current_user.is_authenticated else None


def unauthorized(message: str = "log in first"):
    """401 for the API, a redirect to the login page for pages."""
    if wants_json():
        response = jsonify(error_body(message, 401))
        response.status_code = 401
        response.headers["WWW-Authenticate"] = 'Bearer realm="cuttings"'
        return response
    flash(message)
    return redirect(url_for("auth.login", next=_here()))


def _here() -> str:
    return request.full_path.rstrip("?") if request.query_string else request.path


def roles_required(*roles: str) -> Callable:
    """Pages for signed-in users with one of `roles`: anonymous -> login, others -> 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            account = session_account()
            if account is None:
                return unauthorized("log in with a librarian account first")
            if account.role not in roles:
                abort(403, f"your account ({account.role}) may not do this")
            return view(*args, **kwargs)

        return wrapped

    return decorator


def token_required(*roles: str) -> Callable:
    """API routes for a valid Bearer token whose owner has one of `roles`; cookies ignored."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if bearer_token() is None:
                return unauthorized("send an API token: Authorization: Bearer <token>")
            account = token_account()
            if account is None:
                return unauthorized("the API token is not valid (unknown or revoked)")
            if account.role not in roles:
                abort(403, f"the token's account ({account.role}) may not do this")
            g.account = account
            return view(*args, **kwargs)

        return wrapped

    return decorator


def actor() -> str:
    """Who is making the change, as the audit log names them."""
    account = g.get("account") or session_account()
    return account.name if account else "anonymous"


# -- login rate limiting ---------------------------------------------------------------------


class LoginLimiter:
    """Failed logins per (name, address) within a sliding window, kept in memory."""

    def __init__(
        self,
        attempts: int,
        window: float = LOGIN_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: tuple[str, str]) -> int:
        """Seconds until `key` may try again; 0 when it may now."""
        with self._lock:
            failures = self._recent(key)
            if len(failures) < self.attempts:
                return 0
            return max(1, int(failures[0] + self.window - self.clock()))

    def failed(self, key: tuple[str, str]) -> None:
        with self._lock:
            if len(self._failures) > 10_000:
                self._prune()
            self._failures.setdefault(key, deque()).append(self.clock())

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        return failures

    def _prune(self) -> None:
        for key in list(self._failures):
            if not self._recent(key):
                del self._failures[key]


def login_attempts_per_process(app: Flask) -> int:
    """The limiter lives in each server process's memory: with several worker processes each
    allows its share, so an attacker spread over all of them still gets no more in total."""
    attempts = int(app.config.get("CUTTINGS_LOGIN_ATTEMPTS", 5))
    workers = int(app.config.get("CUTTINGS_SERVER_WORKERS", 1))
    return max(1, attempts // workers)


def limiter() -> LoginLimiter:
    return current_app.extensions["cuttings_login_limiter"]


# -- views -----------------------------------------------------------------------------------


def safe_next(target: str | None, default: str) -> str:
    """A same-site path to return to after login; anything else becomes `default`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return default if parts.scheme or parts.netloc else target


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; on success a fresh session, then back to where the user was going."""
    next_url = request.values.get("next", "")
    if request.method == "GET":
        return render_template("auth/login.html", next=next_url, name="")
    name = request.form.get("name", "").strip()[:64]
    key = (name.casefold(), request.remote_addr or "")
    wait = limiter().retry_after(key)
    if wait:
        message = f"too many failed logins; try again in {wait // 60 + 1} minutes"
        return (
            render_template("auth/login.html", next=next_url, name=name, error=message),
            429,
            {"Retry-After": str(wait)},
        )
    account = get_catalog().accounts.authenticate(name, request.form.get("password", ""))
    if account is None:
        limiter().failed(key)
        current_app.logger.warning("failed login for %r from %s", name, key[1])
        return render_template(
            "auth/login.html", next=next_url, name=name, error="wrong name or password"
        ), 401
    limiter().succeeded(key)
    session.clear()  # no session fixation: the signed-in session starts empty
    login_user(WebUser(account))
    session.permanent = True
    default = url_for("librarian.index") if account.can_edit else "/"
    return redirect(safe_next(next_url, default))


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


# -- private archive -------------------------------------------------------------------------


def require_account_when_private():
    """With CUTTINGS_PRIVATE, every page and API answer needs a session or a valid token."""
    if not current_app.config.get("CUTTINGS_PRIVATE"):
        return None
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if bearer_token() is not None and token_account() is not None:
        return None
    return unauthorized("this archive is private: log in first")


# -- wiring ----------------------------------------------------------------------------------


def init_app(app: Flask) -> None:
    """Wire accounts into the app: Flask-Login, the login limiter, session cookies, and the
    private-archive hook. (The app factory registers the blueprints and CSRF exemptions.)"""
    app.config.setdefault("PERMANENT_SESSION_LIFETIME", timedelta(hours=12))
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    app.config["REMEMBER_COOKIE_SECURE"] = app.config.get("SESSION_COOKIE_SECURE", False)
    app.extensions["cuttings_login_limiter"] = LoginLimiter(login_attempts_per_process(app))
    login_manager.login_view = "auth.login"
    login_manager.init_app(app)
    login_manager.unauthorized_handler(lambda: unauthorized())
    app.before_request(require_account_when_private)
