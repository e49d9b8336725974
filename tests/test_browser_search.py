"""End to end in headless Chromium: search, open a hit at its paragraph, filter by a person."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive_fixtures import Archive, Para, make_document
from web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install chromium"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over a small archive, served by werkzeug on a free port in a thread."""
    from werkzeug.serving import make_server

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
    server = make_server(
        "127.0.0.1", 0, create_app({"DATA": str(archive.datadir.root)}), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
