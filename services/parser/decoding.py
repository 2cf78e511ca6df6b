"""Bytes to text: refuse what is not text, pick the charset, normalise to NFC.

Charset order: the one the server declared, then the page's own ``<meta>``, then strict
UTF-8, then detection (charset-normalizer). Vietnamese portals still serve windows-1258, whose
combining tone marks NFC folds into precomposed letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import partial

from charset_normalizer import from_bytes

from shared.errors import Rejected

MAX_BODY_BYTES = 10 * 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                 b"Rar!", b"\x00\x00\x01\x00", b"RIFF", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf")


def decode_body(body: bytes, declared: str | None, max_bytes: int = MAX_BODY_BYTES) -> str:
    """The body as NFC text, or `Rejected` saying why it cannot be text."""
    if len(body) > max_bytes:
        raise Rejected("body_too_large", f"body of {len(body)} bytes is over {max_bytes}")
    if body.startswith(_BINARY_MAGIC) or body[:4096].count(b"\x00") > 8:
        raise Rejected("binary_content", f"body is binary (starts {body[:8]!r})")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _nfc(body.decode("utf-16", errors="replace"))
    # Strict UTF-8 before detection: legacy bytes almost never pass it by accident, and
    # detection on a sample can call a mostly-ASCII page "ascii".
    for charset in (declared, _meta_charset(body), "utf-8"):
        text = _try(body, charset)
        if text is not None:
            return _nfc(text)
    best = from_bytes(body[:200_000]).best()
    if best is None or best.encoding is None:
        raise Rejected("undecodable", "no charset decodes this body")
    text = _try(body, best.encoding)
    if text is None:
        raise Rejected("undecodable", f"detected charset {best.encoding} does not decode it")
    return _nfc(text)


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match[1].decode("ascii", "replace") if match else None


def _try(body: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return body.decode(charset.strip().lower())
    except (LookupError, UnicodeDecodeError):
        return None


_NFC = partial(unicodedata.normalize, "NFC")
NFC_PIECE = 1024  # characters: a piece of text normalised at once


def _nfc(text: str) -> str:
    """NFC, piece by piece, each piece ending before a ``<``. CPython normalises a whole
    string again as soon as one combining mark is in it (milliseconds for a 90 kB page
    that has a few decomposed tone marks); ``<`` never combines with its neighbours, so
    the pieces normalise alone to the same text, and only the pieces with marks cost
    more. Pieces of about a kilobyte, not one per tag: a call per tag cost more than the
    check of a clean piece. The one exception, ``<`` + U+0338 (which composes to
    ``≮``), takes the whole-string way."""
    text = text.lstrip("\ufeff")
    if "<\u0338" in text:
        return _NFC(text)
    pieces = []
    at = 0
    while (cut := text.find("<", at + NFC_PIECE)) >= 0:
        pieces.append(_NFC(text[at:cut]))
        at = cut
    pieces.append(_NFC(text[at:]))
    return "".join(pieces)
