"""End to end in headless Chromium: search, open a hit at its paragraph, filter by a person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.archive_fixtures import Archive, Para, make_document
from tests.browser_support import BROWSER_MARKS, served
from web.app import create_app

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over a small archive, served by werkzeug on a free port in a thread."""
    archive = Archive(tmp_path_factory.mktemp("browser") / "data")
    filler = [
        Para(f"Paragraph {n} of background on the valley and its farms.") for n in range(1, 40)
    ]
    archive.add(
        make_document(
            "The valley dam",
            [
                *filler,
                Para("The reservoir will drown nine hamlets, the engineer said.", "Marta Ruiz"),
            ],
            outlet="Valley Post",
            published="2021-04-01",
        ),
        make_document(
            "Dam opponents",
            [
                Para("Nine hamlets and their reservoir rights are at stake.", "Luis Ortega"),
                Para("The reservoir plan is a disgrace, he said.", "Luis Ortega"),
            ],
            outlet="Daily Ledger",
            published="2021-05-01",
        ),
    )
    with served(create_app({"DATA": str(archive.datadir.root)})) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 700})  # a phone
    page = context.new_page()
    yield page
    context.close()


def test_search_from_the_query_box(page, base_url):
    page.goto(base_url + "/")
    page.fill("input[name=q]", "reservoir hamlets")
    page.click("button[type=submit]")
    page.wait_for_selector("ol.hits")
    assert "q=reservoir+hamlets" in page.url
    hits = page.locator("li.hit")
    assert hits.count() == 2
    assert page.locator("li.hit mark").count() >= 2


def test_open_a_hit_at_its_paragraph(page, base_url):
    page.goto(base_url + "/?q=drown")
    page.click("li.hit a.open")
    page.wait_for_load_state()
    assert page.url.endswith("#p40")
    target = page.locator("#p40")
    assert "drown nine hamlets" in target.inner_text()
    from playwright.sync_api import expect

    expect(target).to_be_in_viewport()
    expect(page.locator("#p1")).not_to_be_in_viewport()


def test_filter_by_a_person(page, base_url):
    page.goto(base_url + "/?q=reservoir")
    assert page.locator("li.hit").count() == 3
    page.click(".facet-person a:text('Luis Ortega')")
    page.wait_for_selector("ol.hits")
    assert "person=Luis+Ortega" in page.url
    speakers = page.locator("li.hit .speakers").all_inner_texts()
    assert len(speakers) == 2 and all("Luis Ortega" in s for s in speakers)
    assert page.locator("input[name=person]").input_value() == "Luis Ortega"
