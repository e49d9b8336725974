"""In a real browser: log in, upload a file, correct its outlet, find the correction in search,
withdraw the document and see it gone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import BROWSER_MARKS, chromium, served
from tests.librarian_support import PASSWORD, add_user, build_app

ARTICLE = (
    "Harbour pilots strike over night shifts\n\n"
    "By Jane Reporter\n\n"
    "“We cannot bring ships in safely after midnight,” said Ann Lee, a pilot for 20 years.\n\n"
    "The port authority said talks would resume on Monday with a mediator present.\n"
)

pytestmark = BROWSER_MARKS


@pytest.fixture
def server(data: Path) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served from a background thread."""
    add_user(data, "lib", "librarian")
    app = build_app(data)
    with served(app) as url:
        yield url


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from archive.catalog import accounts
    from tests.librarian_support import FAST_HASHER

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    return tmp_path / "data"


@pytest.fixture
def page(server: str):
    with chromium() as browser:
        page = browser.new_page(base_url=server)
        page.set_default_timeout(20_000)
        yield page


def test_upload_correct_search_and_withdraw(page, tmp_path):
    page.goto("/librarian/upload")
    assert "/login" in page.url  # anonymous visitors are sent to log in first
    page.fill("#name", "lib")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/librarian/upload")

    article = tmp_path / "pilots.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.set_input_files("#files", str(article))
    page.fill("#outlet", "Harbour Gazette")
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("section.review")
    review = page.locator("section.review").first
    assert "Harbour Gazette" in review.locator("tr.field-outlet").inner_text()
    assert "librarian" in review.locator("tr.field-outlet .source").inner_text()

    review.locator("a", has_text="Correct fields").click()
    page.fill("#f-outlet", "The Maritime Times")
    page.click("text=Save corrections")
    page.wait_for_selector("text=corrected outlet")

    page.goto("/?q=midnight")
    hit = page.locator("li.hit").first
    assert "The Maritime Times" in hit.locator(".outlet").inner_text()
    hit.locator("a.title").click()
    doc_id = page.url.rstrip("/").split("/")[-1].split("#")[0]

    page.goto(f"/librarian/documents/{doc_id}")
    page.fill("#reason", "uploaded by mistake")
    page.click("form.withdraw button[type=submit]")
    page.wait_for_selector("p.withdrawn")

    page.goto("/?q=midnight")
    assert page.locator("li.hit").count() == 0
    response = page.goto(f"/documents/{doc_id}")
    assert response.status == 404
