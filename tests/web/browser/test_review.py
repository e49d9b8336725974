"""In a real browser, with the keyboard only: a librarian reviews three unsure attributions,
then finds them verified on a search hit and named in a citation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import BROWSER_MARKS, chromium, served
from tests.librarian_support import PASSWORD, add_user, archive_document, build_app
from tests.web.test_review import flood_report

pytestmark = BROWSER_MARKS


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from archive.catalog import accounts
    from tests.librarian_support import FAST_HASHER

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    return tmp_path / "data"


@pytest.fixture
def server(data: Path) -> Iterator[str]:
    add_user(data, "lib", "librarian")
    archive_document(data, flood_report())
    with served(build_app(data)) as url:
        yield url


@pytest.fixture
def page(server: str):
    with chromium() as browser:
        page = browser.new_page(base_url=server)
        page.set_default_timeout(20_000)
        yield page


def _wait_for_the_first_item_to_take_the_keys(page) -> None:
    """After each review the page reloads; review.js focuses the first item once the page is
    loaded, and a key pressed before that reaches no item (as it would for a librarian)."""
    page.wait_for_function(
        "() => document.activeElement === document.querySelector('.review-item')"
    )


def test_three_unsure_quotes_reviewed_with_the_keyboard_are_verified_and_cited(page):
    page.goto("/login?next=/librarian/review")
    page.fill("#name", "lib")
    page.fill("#password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector(".review-item")
    assert page.locator(".review-item").count() == 3

    # lowest first: confirm the first, pick the second's first candidate, type the third
    first = page.locator(".review-item").first
    assert "The river will rise" in first.inner_text()
    assert first.evaluate("item => item === document.activeElement")
    page.keyboard.press("c")
    page.wait_for_selector("text=verified: Ana Silva")

    second = page.locator(".review-item").first
    assert "Nobody warned" in second.inner_text()
    _wait_for_the_first_item_to_take_the_keys(page)
    page.keyboard.press("1")  # its first candidate: Ana Silva
    page.wait_for_selector(".review-item >> nth=0 >> text=We will rebuild")

    _wait_for_the_first_item_to_take_the_keys(page)
    page.keyboard.press("t")
    page.keyboard.type("Marta Reis")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=verified: Marta Reis")
    assert page.locator(".review-item").count() == 0

    page.goto("/?q=rebuild+bridge")
    hit = page.locator("li.hit").first
    speakers = hit.locator(".speakers").inner_text()
    assert "Marta Reis" in speakers and "verified" in speakers

    page.goto("/?q=nobody+warned")
    page.locator("li.hit a.cite").first.click()
    page.wait_for_url("**/cite?ids=*")
    cite = page.locator("main").inner_text()
    assert "quoting Ana Silva" in cite
    assert "as cited in" in cite or "qtd. in" in cite or "quoted in" in cite
