"""End to end in headless Chromium: collect passages of three articles, export the basket.

A reader opens three documents, cites a paragraph of each, adds it to the basket (with the
page's own "Add to basket" button when the document page includes the cite controls, else on
the cite page its "Cite" link opens), opens the basket and downloads the BibTeX file, which
bibtexparser reads back as three entries, each with its passage.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import pytest

from archive.catalog import open_catalog
from archive.citations import examples
from tests.browser_support import BROWSER_MARKS, served
from web.app import create_app

# (document id, paragraph) of a passage in each of the three worked examples.
PASSAGES = [(1, 12), (2, 1), (3, 4)]

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over the three worked examples, served by werkzeug on a free port."""
    data = tmp_path_factory.mktemp("basket") / "data"
    app = create_app({"DATA": str(data), "CUTTINGS_BASE_URL": "https://cuttings.example.org"})
    catalog = open_catalog(app.config["DATADIR"].catalog)
    for document in (examples.haaretz(), examples.opindia(), examples.bbc()):
        catalog.documents.add(document)
    catalog.close()
    with served(app) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if _script_error(m) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors  # a CSP violation or a script error shows up here


def _script_error(message) -> bool:
    """A console error other than a missing resource (the favicon the app does not serve)."""
    return message.type == "error" and not message.text.startswith("Failed to load resource")


def add_paragraph_to_basket(page, base_url: str, doc_id: int, n: int) -> None:
    """From the document page: its own basket button, else through the cite page."""
    page.goto(f"{base_url}/documents/{doc_id}#p{n}")
    paragraph = page.locator(f"#p{n}")
    own_button = paragraph.locator("button.basket-add")
    if own_button.count():
        own_button.click()
        page.wait_for_selector(f"#p{n} button.basket-remove")
        return
    paragraph.locator("a.cite").first.click()
    page.wait_for_url(f"**/cite?ids={doc_id}-p{n}")
    page.click("section.cite-actions button.basket-add")
    page.wait_for_selector("section.cite-actions button.basket-remove")


def test_three_articles_in_the_basket_download_as_three_bibtex_entries(page, base_url):
    for doc_id, n in PASSAGES:
        add_paragraph_to_basket(page, base_url, doc_id, n)
    page.goto(base_url + "/basket")
    assert page.locator("li.basket-entry").count() == 3
    assert page.locator("ol.references li.reference").count() == 3
    with page.expect_download() as info:
        page.click("section.basket-exports a[data-format=bibtex]")
    download = info.value
    assert download.suggested_filename == "cuttings-basket.bib"
    text = Path(download.path()).read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    passages = {e.key: e.fields_dict["x-passage"].value for e in library.entries}
    assert len(passages) == 3
    assert passages["haaretz_2020_chinas_093b89"].startswith("[12] Ethan Gutmann")
    assert passages["opindiastaff_nd_chinas_e131ac"].startswith("[1] As per Human Rights")
    assert passages["oneill_2005_ad_5a1e07"].startswith("[4] {\\textquotedblleft}Our financial")


def test_copy_buttons_appear_with_javascript_and_copy_the_reference(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto(base_url + "/cite?ids=2")
    button = page.locator("tr.style-apa button.copy").first
    assert button.is_visible()  # hidden until copy.js (script-src 'self') unhides it
    button.click()
    page.wait_for_function(
        "document.querySelector('tr.style-apa button.copy').textContent === 'Copied'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("OpIndia Staff. (n.d.). China’s real Squid Game:")


def test_the_basket_can_be_emptied_and_says_so(page, base_url):
    add_paragraph_to_basket(page, base_url, 3, 4)
    page.goto(base_url + "/basket")
    page.click("button.basket-clear")
    page.wait_for_selector("text=Your basket is empty")
