"""One exception tree for portalwatch, named for what happens next.

- `Rejected` — this input can never be processed; it becomes a `DeadLetter` with the
  reason and the stream goes on.
- `Retryable` — the failure is outside the input (broker, warehouse or portal away);
  back off for `after` seconds and try the same input again.
- `NotAnArticle` — a page that is fine but carries no article (a listing, a home page,
  an error page): a counted outcome, neither a crash nor a dead letter.

Library errors are translated at the boundary with ``raise … from exc``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class PortalwatchError(Exception):
    """Root of every error portalwatch raises on purpose."""


class ConfigError(PortalwatchError):
    """A setting is missing or malformed; the message names the variable to set."""


class Rejected(PortalwatchError):
    """The input is bad for good: dead-letter it with `reason` and move on.

    `reason` is a short bounded code (it labels counters); the message says what was wrong.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class SerializationError(Rejected):
    """Bytes that are not a valid record of the expected schema (a poison record)."""

    def __init__(self, message: str) -> None:
        super().__init__("undecodable_record", message)


class NotAnArticle(PortalwatchError):
    """The page is valid but is not an article (listing, home, error page).

    `emits` holds what the handler still wants written although there is no article:
    a home page's visitor counter is traffic even though the page is not news.
    """

    def __init__(self, kind: str, message: str, emits: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.emits = tuple(emits)


class Retryable(PortalwatchError):
    """A transient failure: wait `after` seconds (at least) and try again."""

    def __init__(self, message: str, after: float = 1.0) -> None:
        super().__init__(message)
        self.after = after
