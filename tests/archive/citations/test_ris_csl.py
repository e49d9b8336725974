"""RIS read back by rispy and CSL-JSON read back by json, for the seeds and hostile titles."""

from __future__ import annotations

import json

from archive.citations import csl_json, examples, ris

RECORDS = examples.records() + examples.records(examples.adversarial())


def test_rispy_reads_the_ris_back_to_the_same_records():
    text = ris.write(RECORDS)
    assert ris.read(text) == [ris.entry(r) for r in RECORDS]


def test_ris_uses_crlf_line_ends_and_one_line_per_value():
    text = ris.write(RECORDS)
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(line == "" or line[2:6] == "  - " for line in lines), "a value spilled over a line"


def test_ris_seeds_follow_zoteros_news_mapping():
    haaretz, opindia, _ = (ris.entry(r) for r in examples.records())
    assert haaretz["type_of_reference"] == "NEWS"
    assert "authors" not in haaretz
    assert (haaretz["secondary_title"], haaretz["date"], haaretz["year"]) == (
        "Haaretz",
        "2020/12/04/",
        "2020",
    )
    assert haaretz["accession_number"] == f"{examples.BASE_URL}/documents/1#p12"
    assert haaretz["name_of_database"] == "Cuttings"
    assert haaretz["access_date"] == "2024/05/01/"
    assert "Quoted: Ethan Gutmann" in haaretz["notes"]
    assert "Forum repost by striver44" in haaretz["notes"]
    assert opindia["authors"] == ["OpIndia Staff"]
    assert "date" not in opindia and opindia["access_date"] == "2024/04/24/"
    assert "AU  - OpIndia Staff\r\n" in ris.write(examples.records())


def test_ris_partial_dates_leave_empty_parts():
    (record,) = [r for r in RECORDS if r.key == "lemondeco_2021_close_01ab00"]
    assert ris.entry(record)["date"] == "2021/03//"


def test_csl_json_reads_back_with_every_title_intact():
    items = json.loads(csl_json.write(RECORDS))
    assert [i["id"] for i in items] == [r.key for r in RECORDS]
    assert [i["title"] for i in items] == [r.title for r in RECORDS]
    assert {i["type"] for i in items} == {"article-newspaper"}


def test_csl_json_seeds_match_the_worked_example():
    haaretz, opindia, bbc = csl_json.items(examples.records())
    assert "author" not in haaretz
    assert haaretz["container-title"] == "Haaretz"
    assert haaretz["issued"] == {"date-parts": [[2020, 12, 4]]}
    assert haaretz["accessed"] == {"date-parts": [[2024, 5, 1]]}
    assert haaretz["title-short"] == "China's ‘XXX Files’"
    assert haaretz["custom"]["quoted-person"] == ["Ethan Gutmann"]
    assert haaretz["custom"]["archive-url"].endswith("/documents/1#p12")
    assert haaretz["custom"]["sha256"].startswith("093b89")
    assert opindia["author"] == [{"literal": "OpIndia Staff"}]
    assert "issued" not in opindia
    assert bbc["author"] == [{"family": "O'Neill", "given": "Jane"}]
    assert bbc["issued"] == {"date-parts": [[2005, 2]]}


def test_csl_json_marks_an_uncertain_date_circa():
    (record,) = [r for r in RECORDS if r.key == "lemondeco_2021_close_01ab00"]
    assert csl_json.item(record)["issued"] == {"date-parts": [[2021, 3]], "circa": True}


def test_csl_json_carries_what_zotero_imports_citation_key_archive_and_extra_lines():
    haaretz = csl_json.items(examples.records())[0]
    assert haaretz["citation-key"] == haaretz["id"] == "haaretz_2020_chinas_093b89"
    assert haaretz["archive"] == "Cuttings"
    assert haaretz["archive_location"] == f"{examples.BASE_URL}/documents/1#p12"
    lines = haaretz["note"].split("\n")
    assert lines[0] == "Citation Key: haaretz_2020_chinas_093b89"  # Better BibTeX's line
    assert "Quoted person: Ethan Gutmann" in lines
    assert "Repost: Forum repost by striver44" in lines
    assert all(": " in line for line in lines)  # Zotero's Extra reads `Key: value`


def test_an_item_without_an_original_url_links_to_the_permalink():
    doc = examples.bbc()
    doc.fields.pop("url")
    (record,) = examples.records([doc])
    assert csl_json.item(record)["URL"] == f"{examples.BASE_URL}/documents/3"
    assert ris.entry(record)["urls"] == [f"{examples.BASE_URL}/documents/3"]


def test_ris_carries_the_citation_key_as_an_extra_line_and_an_id():
    text = ris.write(examples.records()[:1])
    assert "M2  - Citation Key: haaretz_2020_chinas_093b89\r\n" in text
    assert "ID  - haaretz_2020_chinas_093b89\r\n" in text


def test_an_undated_item_has_no_date_fields_in_any_format():
    opindia = examples.records()[1]
    assert not {"date", "year"} & ris.entry(opindia).keys()
    assert "issued" not in csl_json.item(opindia)
