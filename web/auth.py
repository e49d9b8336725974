"""Accounts on the web: login and logout, roles, Bearer tokens, rate limits, private mode.

`init_app(app)` wires Flask-Login, the login limiter, the session lifetime and - when
CUTTINGS_PRIVATE is set - a hook that asks for an account before any page or API answers.

A session names its user and the user's session generation; logging out, a new password, a
new role or removing the user moves the generation on, which ends every session of that user
on every browser (a copied cookie included). A session also ends CUTTINGS_SESSION_HOURS after
login and CUTTINGS_SESSION_IDLE_MINUTES after its last request.
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
from flask_wtf.csrf import CSRFError

from archive.catalog.accounts import User
from archive.errors import NotFound
from web.context import get_catalog
from web.errors import error_body, error_response, wants_json

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
        """What the session keeps: the user and the generation it was opened in."""
        return f"{self.account.id}.{self.account.session_generation}"

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
def load_user(session_id: str) -> WebUser | None:
    """The session's user, while the session is of the user's current generation: a removed
    account, a logout elsewhere, a new password or role end it at its next request."""
    user_id, _, generation = str(session_id).partition(".")
    try:
        account = get_catalog().accounts.user_by_id(int(user_id))
        if int(generation) != account.session_generation:
            return None
    except (NotFound, ValueError):
        return None
    return WebUser(account)


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
    """Pages for signed-in users with one of `roles`: anonymous -> login, others -> 403. A
    form that keeps what was typed (see `keep_form`) sent after the session ended comes back
    filled in, asking to log in again, and goes through once the user has."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            account = session_account()
            if account is None and _kept_form() is not None:
                account, problem = relogin_from_form()
                if account is None:
                    return _kept_form()(problem, relogin=True), 401  # type: ignore[misc]
            if account is None:
                return unauthorized("log in with a librarian account first")
            if account.role not in roles:
                abort(403, f"your account ({account.role}) may not do this")
            return view(*args, **kwargs)

        return wrapped

    return decorator


# -- forms that keep what was typed ----------------------------------------------------------

KeptForm = Callable[..., str]  # (message, relogin=bool) -> the form page, filled in
_kept_forms: dict[str, KeptForm] = {}
SESSION_ENDED = (
    "Your session has ended (you logged out, it expired, or your password or role "
    "changed): log in again below to send this. What you typed is kept."
)
FORM_STALE = "This form was open too long to be sent safely: check it and send it again."


def keep_form(endpoint: str, render: KeptForm) -> None:
    """`render(message, relogin=...)` shows `endpoint`'s form filled in from the request, when
    it is sent with an expired token or after the session ended."""
    _kept_forms[endpoint] = render


def _kept_form() -> KeptForm | None:
    return _kept_forms.get(request.endpoint or "") if request.method == "POST" else None


def relogin_from_form() -> tuple[User | None, str]:
    """The account whose name and password a kept form carries, now signed in; else None
    and what to tell the user."""
    name = request.form.get("relogin_name", "").strip()[:64]
    password = request.form.get("relogin_password", "")
    if not name or not password:
        return None, SESSION_ENDED
    key = (name.casefold(), request.remote_addr or "")
    wait = limiter().retry_after(key)
    if wait:
        return None, f"too many failed logins; try again in {wait // 60 + 1} minutes"
    account = get_catalog().accounts.authenticate(name, password)
    if account is None:
        limiter().failed(key)
        return None, "wrong name or password: what you typed is kept, try again"
    limiter().succeeded(key)
    start_session(account)
    return account, ""


def form_expired(error: CSRFError):
    """A form whose CSRF token no longer matches: a kept form comes back filled in (with a
    login when the session ended); other forms go to the login page or back, with a word."""
    if wants_json():
        return error_response(error.description or "the form expired", 400)
    kept = _kept_form()
    signed_in = session_account() is not None
    if kept is not None:
        if signed_in:
            return kept(FORM_STALE, relogin=False), 400
        return kept(SESSION_ENDED, relogin=True), 401
    if request.endpoint == "auth.login":  # the login form itself: show it again, ready
        name = request.form.get("name", "").strip()[:64]
        message = "the login form was open too long to be sent safely: log in again"
        next_url = request.values.get("next", "")
        return render_template("auth/login.html", next=next_url, name=name, error=message), 400
    if request.blueprint != "librarian":  # a reader's form (the basket): no account needed
        return error_response(
            "this form was open too long to be sent safely: go back, reload the page and "
            "send it again",
            400,
        )
    back = _page_of_the_form()
    if not signed_in:
        flash("your session has ended: log in again, then repeat what you did")
        return redirect(url_for("auth.login", next=back))
    flash("the form was open too long to be sent safely: please do it again")
    return redirect(back)


def _page_of_the_form() -> str:
    """The page a form was sent from (its path on this site), else the librarian's start."""
    referrer = urlsplit(request.referrer or "")
    path = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    same_site = referrer.netloc == request.host
    return safe_next(path if same_site else None, url_for("librarian.index"))


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
    """Failed logins within a sliding window, kept in memory: per (name, address), and per
    address over every name, so spreading guesses over many names does not help either."""

    def __init__(
        self,
        attempts: int,
        window: float = LOGIN_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        *,
        per_address: int | None = None,
    ) -> None:
        self.attempts = attempts
        self.per_address = per_address or attempts * 4
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, ...], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: tuple[str, str]) -> int:
        """Seconds until `key` (name, address) may try again; 0 when it may now."""
        with self._lock:
            return max(
                self._wait(key, self.attempts), self._wait(self._address(key), self.per_address)
            )

    def failed(self, key: tuple[str, str]) -> None:
        with self._lock:
            if len(self._failures) > 10_000:
                self._prune()
            for counted in (key, self._address(key)):
                self._failures.setdefault(counted, deque()).append(self.clock())

    def succeeded(self, key: tuple[str, str]) -> None:
        """The name's failures are forgotten; the address's stay counted."""
        with self._lock:
            self._failures.pop(key, None)

    @staticmethod
    def _address(key: tuple[str, str]) -> tuple[str]:
        return (key[1],)

    def _wait(self, key: tuple[str, ...], allowed: int) -> int:
        failures = self._recent(key)
        if len(failures) < allowed:
            return 0
        return max(1, int(failures[0] + self.window - self.clock()))

    def _recent(self, key: tuple[str, ...]) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        return failures

    def _prune(self) -> None:
        for key in list(self._failures):
            if not self._recent(key):
                del self._failures[key]


def login_attempts_per_process(app: Flask, setting: str = "CUTTINGS_LOGIN_ATTEMPTS") -> int:
    """The limiter lives in each server process's memory: with several worker processes each
    allows its share, so an attacker spread over all of them still gets no more in total."""
    attempts = int(app.config.get(setting, 5))
    workers = int(app.config.get("CUTTINGS_SERVER_WORKERS", 1))
    return max(1, attempts // workers)


def limiter() -> LoginLimiter:
    return current_app.extensions["cuttings_login_limiter"]


# -- views -----------------------------------------------------------------------------------


def safe_next(target: str | None, default: str) -> str:
    """A same-site path to return to after login; anything else (another site, a scheme, a
    backslash, a control character such as a line break) becomes `default`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(c) < 32 or ord(c) == 127 for c in target):
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
    start_session(account)
    default = url_for("librarian.index") if account.can_edit else "/"
    return redirect(safe_next(next_url, default))


def start_session(account: User) -> None:
    """A fresh session for `account` (no session fixation: it starts empty)."""
    session.clear()
    login_user(WebUser(account))
    session.permanent = True
    session["signed_in_at"] = session["seen_at"] = int(time.time())


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out here and everywhere: every session of the user ends, copies of the cookie too."""
    account = session_account()
    if account is not None:
        get_catalog().accounts.end_sessions(account.id)
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


# -- session lifetime ------------------------------------------------------------------------


def end_expired_session():
    """A login ends CUTTINGS_SESSION_HOURS after it began and CUTTINGS_SESSION_IDLE_MINUTES
    after its last request, whatever the browser keeps."""
    if "_user_id" not in session:
        return
    now = int(time.time())
    started, seen = session.get("signed_in_at"), session.get("seen_at")
    lifetime = current_app.permanent_session_lifetime.total_seconds()
    idle = int(current_app.config["CUTTINGS_SESSION_IDLE_MINUTES"]) * 60
    if not isinstance(started, int) or not isinstance(seen, int):
        expired = True  # a session from before lifetimes were kept
    else:
        expired = now - started > lifetime or now - seen > idle
    if expired:
        logout_user()
        session.clear()
        g.session_ended = True
    elif now - seen >= 60:  # rewrite the cookie at most once a minute
        session["seen_at"] = now


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
    # Flask always has this key (31 days by default), so it is set, not `setdefault`.
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(
        hours=int(app.config.get("CUTTINGS_SESSION_HOURS", 12))
    )
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    app.config["REMEMBER_COOKIE_SECURE"] = app.config.get("SESSION_COOKIE_SECURE", False)
    app.extensions["cuttings_login_limiter"] = LoginLimiter(
        login_attempts_per_process(app),
        per_address=login_attempts_per_process(app, "CUTTINGS_LOGIN_ATTEMPTS_PER_ADDRESS"),
    )
    login_manager.login_view = "auth.login"
    login_manager.init_app(app)
    login_manager.unauthorized_handler(lambda: unauthorized())
    app.before_request(end_expired_session)  # before CSRF and the views see the session
    app.register_error_handler(CSRFError, form_expired)
    app.before_request(require_account_when_private)
