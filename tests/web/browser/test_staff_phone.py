"""On a phone-sized screen (375 px), in a real browser: log in, upload a web archive and watch
its progress, open a check page from the summary, filter the audit log, log out - every
staff page without sideways scrolling - and a cookie copied before logout is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive_fixtures import article_page, warc_of
from tests.browser_support import BROWSER_MARKS, served
from tests.librarian_support import PASSWORD, add_user, build_app

pytestmark = BROWSER_MARKS
PHONE = {"width": 375, "height": 740}
RECORDS = 120


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from archive.catalog import accounts
    from tests.librarian_support import FAST_HASHER

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    return tmp_path / "data"


@pytest.fixture
def server(data: Path) -> Iterator[str]:
    add_user(data, "boss", "admin")
    with served(build_app(data)) as url:
        yield url


def fits_the_screen(page) -> None:
    """No sideways scrolling: the page is no wider than the phone."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px screen"


def test_a_librarian_on_a_phone_uploads_checks_filters_and_logs_out(browser, server, tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_of(
            [
                (
                    f"https://news.example/{n}",
                    article_page(f"Harbour report {n}", f"Boat {n} came in."),
                )
                for n in range(RECORDS)
            ]
        )
    )
    context = browser.new_context(base_url=server, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(60_000)

    page.goto("/librarian/upload")
    page.fill("#name", "boss")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/librarian/upload")
    fits_the_screen(page)
    nav_height = page.locator("nav.site-nav").bounding_box()["height"]
    assert nav_height < 100, f"the navigation takes {nav_height} px"
    assert page.locator("nav.site-nav >> text=Log out").count() == 1

    # upload: a background job with a progress bar, then one line per record
    page.set_input_files("#files", str(crawl))
    page.fill("#outlet", "Harbour Gazette")
    page.click("form[enctype] button[type=submit]")
    page.wait_for_url("**/librarian/jobs/**")
    assert page.locator("progress").count() == 1
    page.wait_for_selector("text=Upload done", timeout=180_000)
    rows = page.locator("table.upload-summary tbody tr")
    assert rows.count() == RECORDS
    fits_the_screen(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 400 * RECORDS  # a line per item, not every item's whole check page

    # the check page, a click away
    rows.first.locator("a").click()
    page.wait_for_selector("section.review")
    assert "no date, no author" in page.locator("p.missing").inner_text()
    fits_the_screen(page)

    # the audit log, filtered by action
    page.goto("/librarian/audit")
    fits_the_screen(page)
    page.select_option("select[name=action]", "add")
    page.click("form.audit-filters button")
    page.wait_for_url("**action=add**")
    assert page.locator("li.audit-entry").count() == 50  # a page of the 120 adds
    assert "page 1 of 3" in page.locator("p.summary").inner_text()
    assert page.locator("li.audit-entry .action", has_text="add").count() == 50
    fits_the_screen(page)
    for path in ("/librarian/", "/librarian/people", "/librarian/review"):
        page.goto(path)
        fits_the_screen(page)

    # log out; a copy of the cookie taken before is refused afterwards
    copied = context.cookies()
    page.click("nav.site-nav >> text=Log out")
    page.wait_for_url("**/login")
    thief = browser.new_context(base_url=server, viewport=PHONE)
    thief.add_cookies(copied)
    stolen = thief.new_page()
    stolen.goto("/librarian/audit")
    assert "/login" in stolen.url
    assert stolen.locator("li.audit-entry").count() == 0
    thief.close()
    context.close()
