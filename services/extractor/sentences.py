"""Paragraphs and sentences of an article, with their offsets into the text.

Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by space and a capital, an opening
quote or bracket — never inside ``1.870`` or ``TT&TT``. A missing space after the full
stop (``Hải Phòng.Việc``, a common defect) also ends a sentence when a capital follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# The pattern opens on the punctuation (which stays with its sentence) so re can skip
# ahead to it instead of trying a look-behind at every position.
_BOUNDARY = re.compile(
    rf"[.!?…](?:\s+(?=[{_UPPER}\"“(*\-•])|(?<=[a-zà-ỹđ)][.!?])(?=[{_UPPER}][a-zà-ỹđ]))"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text and where it stands."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-blank paragraphs (split on line breaks)."""
    out: list[Span] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Span(start, start + len(line), line))
        start += len(line) + 1
    return out


def sentences(paragraph: Span) -> list[Span]:
    """Sentences of one paragraph, with absolute offsets."""
    out: list[Span] = []
    start = 0
    body = paragraph.text
    for boundary in _BOUNDARY.finditer(body):
        out.append(_span(paragraph.start, body, start, boundary.start() + 1))
        start = boundary.end()
    out.append(_span(paragraph.start, body, start, len(body)))
    return [s for s in out if s.text]


def _span(base: int, body: str, start: int, end: int) -> Span:
    piece = body[start:end]
    if not (piece[:1].isspace() or piece[-1:].isspace()):
        return Span(base + start, base + end, piece)  # the usual case: nothing to strip
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Span(base + start + lead, base + start + lead + len(piece), piece)
