"""Talking to a real server process over loopback: a free port, waiting for it, a browser."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import time
import urllib.parse
import urllib.request

from tests.librarian_support import PASSWORD


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not start on port {port}")


class Browser:
    """Just enough of a browser: cookies, and the CSRF token of the last page."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, timeout: float = 30):
        return self.opener.open(self.base + path, timeout=timeout)

    def token(self, path: str) -> str:
        page = self.get(path).read().decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post(self, path: str, body: bytes, content_type: str, timeout: float = 300):
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Content-Type": content_type}
        )
        return self.opener.open(request, timeout=timeout)

    def log_in(self, name: str, password: str = PASSWORD) -> None:
        form = {"name": name, "password": password, "csrf_token": self.token("/login")}
        body = urllib.parse.urlencode(form).encode()
        self.post("/login", body, "application/x-www-form-urlencoded")
