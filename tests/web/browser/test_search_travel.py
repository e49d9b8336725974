"""End to end in headless Chromium: leaving a word out, a facet marked and removed, a
passage's reposts on its timeline, and a quotation traced to its first publication."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.archive_fixtures import Archive, Para, make_document
from tests.browser_support import BROWSER_MARKS, served
from web.app import create_app

pytestmark = BROWSER_MARKS

QUOTE = "The reservoir will drown nine hamlets and the valley's oldest church with them"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    archive = Archive(tmp_path_factory.mktemp("browser-travel") / "data")
    archive.add(
        make_document(
            "The valley dam",
            [
                Para(f'"{QUOTE}," the engineer said.', "Marta Ruiz"),
                Para("The reservoir plan was approved on Monday."),
            ],
            outlet="Valley Post",
            published="2021-04-01",
        ),
        make_document(
            "Dam news (forum)",
            [Para(f'"{QUOTE}," the engineer said.', "Marta Ruiz")],
            outlet="Valley Post",
            host="forum repost by riverwatch",
            published="2021-04-03",
        ),
        make_document(
            "Opponents",
            [Para("Nine hamlets oppose the reservoir and its dam.", "Luis Ortega")],
            outlet="Daily Ledger",
            published="2021-05-01",
        ),
        make_document(
            "Columnist",
            [Para(f"As the engineer put it, {QUOTE.lower()}.")],
            outlet="Daily Ledger",
            published="2021-06-10",
        ),
    )
    with served(create_app({"DATA": str(archive.datadir.root)})) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_a_minus_word_typed_in_the_box_leaves_those_passages_out(page, base_url):
    page.goto(base_url + "/")
    page.fill("input[name=q]", "reservoir -hamlets")
    page.click("button[type=submit]")
    page.wait_for_selector("ol.hits")
    texts = page.locator("li.hit blockquote.snippet").all_inner_texts()
    assert texts == ["The reservoir plan was approved on Monday."]
    assert page.locator("li.hit mark").all_inner_texts() == ["reservoir"]


def test_a_facet_is_marked_when_chosen_and_removed_with_its_cross(page, base_url):
    page.goto(base_url + "/?q=reservoir")
    assert page.locator("li.hit").count() == 4
    page.click(".facet-outlet a:text('Daily Ledger')")
    page.wait_for_selector(".facet-outlet li.selected")
    assert "outlet=Daily+Ledger" in page.url
    selected = page.locator(".facet-outlet li.selected")
    assert "Daily Ledger" in selected.inner_text()
    assert selected.locator("strong[aria-current=true]").count() == 1
    assert page.locator("li.hit").count() == 2
    selected.locator("a.remove").click()
    page.wait_for_selector("ol.hits")
    assert "outlet=" not in page.url
    assert page.locator(".facet-outlet li.selected").count() == 0
    assert page.locator("li.hit").count() == 4


def test_a_reposted_passage_shows_its_copies_and_its_timeline(page, base_url):
    page.goto(base_url + "/?q=church")
    hit = page.locator("li.hit").filter(has=page.locator(".copies")).first
    assert "via forum repost by riverwatch" in hit.locator(".copies").inner_text()
    hit.locator("a.passage-link").click()
    page.wait_for_selector("ol.timeline")
    stops = page.locator("ol.timeline li")
    assert stops.count() == 2
    assert "first published" in stops.nth(0).inner_text()
    assert "2021-04-01" in stops.nth(0).inner_text()
    assert "repost" in stops.nth(1).inner_text()
    assert "via forum repost by riverwatch" in stops.nth(1).inner_text()


def test_a_changed_quotation_is_traced_to_its_first_publication(page, base_url):
    page.goto(base_url + "/")
    page.click("a.tips-link")
    page.wait_for_selector("table.examples")
    page.click("a:text('trace it')")
    page.fill("textarea[name=text]", "“…will drown nine hamlets and the valley’s oldest chapel…”")
    page.click("form.trace-form button[type=submit]")
    page.wait_for_selector("ol.traced")
    traced = page.locator("li.traced-hit")
    assert traced.count() == 3
    first = traced.nth(0).inner_text()
    assert "2021-04-01" in first and "earliest" in first and "quoting Marta Ruiz" in first
    assert "2021-06-10" in traced.nth(2).inner_text()
    traced.nth(0).locator("a.cite").click()
    page.wait_for_load_state()
    assert "/cite?ids=" in page.url
