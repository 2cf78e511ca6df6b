import unicodedata

import pytest

from services.parser.decoding import NFC_PIECE, decode_body
from shared.errors import Rejected
from tests.parser.pages import PORTALS

VIETNAMESE = "Sở Thông tin và Truyền thông tổ chức hội nghị"


def test_declared_charset_wins() -> None:
    assert decode_body(VIETNAMESE.encode("utf-8"), "utf-8") == VIETNAMESE


def test_meta_charset_is_used_when_nothing_is_declared() -> None:
    body = b'<html><head><meta charset="windows-1258"></head><body>' + "Hội nghị".encode(
        "cp1258", errors="ignore") + b"</body></html>"
    text = decode_body(body, None)
    assert "<body>" in text


def test_windows_1258_with_combining_tones_comes_back_nfc() -> None:
    page = next(PORTALS.glob("district-haihau/tin-tuc/*-cp1258.html"))
    body = page.read_bytes()
    assert "Nam Định".encode() not in body  # really a legacy encoding on disk
    text = decode_body(body, "windows-1258")
    assert "Sở Thông tin và Truyền thông Nam Định" in text
    assert text == unicodedata.normalize("NFC", text)


def test_decomposed_marks_between_tags_come_back_nfc() -> None:
    # Pieces between tags normalise alone; "<" + U+0338 composes across the cut ("≮").
    text = "<p>Nam Định</p><p>1 ≮ 2</p>"
    assert decode_body(text.encode(), "utf-8") == unicodedata.normalize("NFC", text)
    assert "Nam Định" in decode_body(text.encode(), "utf-8")


def test_a_long_decomposed_page_comes_back_nfc_across_pieces() -> None:
    # Longer than many NFC pieces, decomposed marks on both sides of every cut.
    text = unicodedata.normalize("NFD", "<p>Sở Thông tin và Truyền thông Nam Định</p>" * 300)
    assert len(text) > 10 * NFC_PIECE
    assert decode_body(text.encode(), "utf-8") == unicodedata.normalize("NFC", text)


def test_undeclared_utf8_is_detected() -> None:
    assert decode_body((VIETNAMESE * 20).encode("utf-8"), None).startswith(VIETNAMESE)


@pytest.mark.parametrize("body", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, b"%PDF-1.7\n" + b"x" * 50,
                                  b"\x00\x01\x02" * 100])
def test_binary_bodies_are_rejected(body: bytes) -> None:
    with pytest.raises(Rejected) as info:
        decode_body(body, "utf-8")
    assert info.value.reason == "binary_content"


def test_a_body_over_the_limit_is_rejected_before_decoding() -> None:
    with pytest.raises(Rejected) as info:
        decode_body(b"a" * 2000, None, max_bytes=1000)
    assert info.value.reason == "body_too_large"


def test_a_wrong_declared_charset_falls_back() -> None:
    assert decode_body(VIETNAMESE.encode("utf-8"), "no-such-charset") == VIETNAMESE
