"""End to end in headless Chromium: a student cites three passages and pastes each in-text
citation into her paper.

The cite page for three passages (two of one article) shows one reference per article and one
in-text citation per passage; each Copy button puts that citation on the clipboard, and a
paste (Ctrl+V into a text box) gives it back word for word, the quoted person named.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from archive.catalog import open_catalog
from archive.citations import examples
from tests.browser_support import BROWSER_MARKS, served
from web.app import create_app

pytestmark = BROWSER_MARKS

EXPECTED_APA = {
    "1-12": "(Gutmann, as cited in “China’s ‘XXX Files,’” 2020, para. 12)",
    "1-13": "(“China’s ‘XXX Files,’” 2020, para. 13)",
    "3-4": "(Parsons, as cited in O’Neill, 2005, para. 4)",
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The three worked examples, served without CUTTINGS_BASE_URL: permalinks name the
    address the browser used."""
    data = tmp_path_factory.mktemp("paste") / "data"
    app = create_app({"DATA": str(data), "CUTTINGS_BASE_URL": ""})
    catalog = open_catalog(app.config["DATADIR"].catalog)
    for document in (examples.haaretz(), examples.opindia(), examples.bbc()):
        catalog.documents.add(document)
    catalog.close()
    with served(app) as url:
        yield url


def test_three_passages_give_three_in_text_citations_that_paste_word_for_word(browser, base_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/cite?ids=1-p12,3-p4,1-p13")
        assert page.locator("section.citation").count() == 2  # one reference per article
        forms = page.locator("tr.style-apa div.in-text-citation")
        assert forms.count() == 3
        pasted = {}
        for i in range(forms.count()):
            form = forms.nth(i)
            key = form.evaluate(
                "el => el.closest('section').id.includes('haaretz') ? '1' : '3'"
            ) + "-" + form.get_attribute("data-passage")  # fmt: skip
            form.locator("button.copy").click()
            page.wait_for_function(
                "b => b.textContent === 'Copied'", arg=form.locator("button.copy").element_handle()
            )
            page.evaluate(
                "() => { const box = document.createElement('textarea'); box.id = 'paper';"
                " document.body.append(box); box.focus(); }"
            )
            page.keyboard.press("Control+V")
            pasted[key] = page.locator("#paper").input_value()
            page.evaluate("() => document.getElementById('paper').remove()")
        assert pasted == EXPECTED_APA
        # the references link to the archive at the address the browser used
        notes = page.locator("tr.style-chicago-note div.in-text-citation textarea")
        assert notes.count() == 3
        assert f"{base_url}/documents/1#p12" in page.locator("#file-csl-json").input_value()
    finally:
        context.close()
