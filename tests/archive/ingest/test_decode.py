"""The decode stage: the right text from each encoding, and a record of how it was decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import UnsupportedInput
from archive.ingest.decode import decode_item
from archive.ingest.pipeline import Draft, Item, new_draft
from archive.model import Original

FRENCH = (
    "Le café de la place était fermé depuis l'été. « Nous avons dû réduire nos dépenses », a "
    "déclaré le propriétaire, qui espère rouvrir à la fin de l'année. Les habitués regrettent "
    "déjà les après-midi passés en terrasse; beaucoup évoquent une « véritable perte » pour le "
    "quartier. Selon la mairie, une aide exceptionnelle pourrait être accordée d'ici Noël."
)
ENGLISH_1252 = (
    "The minister said the plan was \u201cunworkable\u201d and added that the government\u2019s "
    "budget \u2013 already stretched \u2013 could not absorb another cut. \u201cWe will see,\u201d "
    "she told reporters on Tuesday, before leaving for the summit in Brussels."
)
HEBREW = (
    'ראש הממשלה אמר ביום שלישי כי הממשלה תפעל להחזרת החטופים בהקדם האפשרי. לדבריו, "אנחנו לא '
    'נוותר על אף אחד". בכנסת נמתחה ביקורת חריפה על התנהלות הממשלה, וחברי האופוזיציה דרשו להקים '
    "ועדת חקירה ממלכתית. הדיון צפוי להימשך גם בשבוע הבא."
)
JAPANESE = (
    "東京都は二十日、新型ウイルスの感染者が新たに確認されたと発表した。都の担当者は「引き続き警戒が"
    "必要だ」と述べ、不要不急の外出を控えるよう呼びかけた。専門家の間では、今後の感染拡大を懸念する声も上がっている。"
)


def _decode(
    tmp_path: Path, name: str, data: bytes, *, fmt: str = "text", charset: str | None = None
) -> Draft:
    """Write the bytes to a real file and decode what was read back."""
    path = tmp_path / name
    path.write_bytes(data)
    item = Item(data=path.read_bytes(), filename=name, format=fmt, charset=charset)
    return decode_item(new_draft(item, Original(name, "0" * 64, fmt, len(data))))


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        pytest.param(
            FRENCH, "latin-1", "windows-1252 (detected by charset-normalizer)", id="latin-1"
        ),
        pytest.param(
            ENGLISH_1252,
            "cp1252",
            "windows-1252 (detected by charset-normalizer)",
            id="windows-1252",
        ),
        pytest.param(
            HEBREW, "cp1255", "windows-1255 (detected by charset-normalizer)", id="hebrew"
        ),
        pytest.param(
            JAPANESE, "shift_jis", "windows-932 (detected by charset-normalizer)", id="shift-jis"
        ),
        pytest.param(FRENCH, "utf-8", "utf-8 (valid UTF-8)", id="utf-8"),
    ],
)
def test_undeclared_text_is_detected_and_says_so(tmp_path: Path, text, codec, encoding) -> None:
    draft = _decode(tmp_path, "story.txt", text.encode(codec))
    assert draft.text == text
    assert draft.encoding == encoding


@pytest.mark.parametrize(
    ("bom_codec", "encoding"),
    [
        pytest.param("utf-8-sig", "utf-8 (byte order mark)", id="utf-8-bom"),
        pytest.param("utf-16", "utf-16-le (byte order mark)", id="utf-16"),
        pytest.param("utf-16-be", "utf-16-be (byte order mark)", id="utf-16-be"),
    ],
)
def test_a_byte_order_mark_decides_and_is_stripped(tmp_path: Path, bom_codec, encoding) -> None:
    data = FRENCH.encode(bom_codec)
    if bom_codec == "utf-16-be":
        data = b"\xfe\xff" + data
    draft = _decode(tmp_path, "story.txt", data)
    assert draft.text == FRENCH
    assert draft.encoding == encoding


def test_the_http_header_charset_wins_over_the_meta_tag(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{ENGLISH_1252}</p></body></html>'
    draft = _decode(tmp_path, "p.html", page.encode("cp1252"), fmt="html", charset="windows-1252")
    assert ENGLISH_1252 in draft.text
    assert draft.encoding == "windows-1252 (http header)"


def test_a_meta_charset_is_followed(tmp_path: Path) -> None:
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1255"></head><body><p>{HEBREW}</p></body></html>'
    draft = _decode(tmp_path, "p.html", page.encode("cp1255"), fmt="html")
    assert HEBREW in draft.text
    assert draft.encoding == "windows-1255 (meta charset)"


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do(tmp_path: Path) -> None:
    page = (
        f'<html><head><meta charset="ISO-8859-1"></head><body><p>{ENGLISH_1252}</p></body></html>'
    )
    draft = _decode(tmp_path, "p.html", page.encode("cp1252"), fmt="html")
    assert "\u201cunworkable\u201d" in draft.text
    assert draft.encoding == "windows-1252 (meta charset)"


def test_a_wrong_declaration_is_overruled_and_the_reason_recorded(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{FRENCH}</p></body></html>'
    draft = _decode(tmp_path, "p.html", page.encode("cp1252"), fmt="html")
    assert FRENCH in draft.text
    assert draft.encoding == (
        "windows-1252 (detected by charset-normalizer; meta charset said 'utf-8', which does not fit)"
    )


def test_windows_line_endings_become_newlines(tmp_path: Path) -> None:
    assert _decode(tmp_path, "crlf.txt", b"one\r\ntwo\rthree").text == "one\ntwo\nthree"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 16, id="all-bytes"),
        pytest.param(b"\x00\x01\x02\x03" * 500, id="control-bytes"),
    ],
)
def test_binary_content_is_refused_with_a_clear_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UnsupportedInput, match="binary"):
        _decode(tmp_path, "blob.txt", data)
