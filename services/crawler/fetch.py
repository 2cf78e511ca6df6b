"""One polite, bounded HTTP fetch.

- Redirects are followed by hand, only to hosts of the same portal, each target checked
  by the address policy before any connection.
- The body is read raw and decompressed here with a cap on the decompressed size, so a
  gzip bomb stops at the cap instead of filling memory (httpx would inflate each chunk
  whole). Only gzip and deflate are offered.
- Connect/read timeouts per request and a total deadline per fetch.
- 429 and 503 honour Retry-After (seconds or HTTP date, capped); other 5xx and network
  errors back off exponentially with jitter (tenacity); 304 is a normal answer.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import zlib
from dataclasses import dataclass

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from services.crawler.addresses import Resolver, check_host, resolve
from services.crawler.registry import Portal
from services.crawler.urls import canonical, on_portal
from shared.errors import Rejected, Retryable

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 300.0
DECOMPRESSION_RATIO_CAP = 4  # decompressed bytes may be at most 4x the body cap


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    seconds: float


def retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, min(when.timestamp() - time.time(), MAX_RETRY_AFTER))


class Fetcher:
    def __init__(self, client: httpx.AsyncClient, user_agent: str, attempts: int = 3,
                 resolver: Resolver = resolve, backoff_seconds: float = 1.0) -> None:
        self.client = client
        self.user_agent = user_agent
        self.attempts = attempts
        self.resolver = resolver
        self.backoff_seconds = backoff_seconds
        self.retries = 0

    async def fetch(self, url: str, portal: Portal, etag: str | None = None,
                    last_modified: str | None = None) -> Fetched:
        """Fetch with retries; raises `Rejected` or, when retries run out, `Retryable`."""
        jitter = wait_exponential_jitter(multiplier=self.backoff_seconds, max=60)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            backoff = jitter(state)
            return max(exc.after, backoff) if isinstance(exc, Retryable) else backoff

        async for attempt in AsyncRetrying(stop=stop_after_attempt(self.attempts), wait=wait,
                                           retry=retry_if_exception_type(Retryable),
                                           reraise=True):
            with attempt:
                if attempt.retry_state.attempt_number > 1:
                    self.retries += 1
                return await self._once(url, portal, etag, last_modified)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, url: str, portal: Portal, etag: str | None,
                    last_modified: str | None) -> Fetched:
        started = time.perf_counter()
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate",
                   "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = url
        try:
            async with asyncio.timeout(portal.limits.timeout_seconds):
                for _ in range(MAX_REDIRECTS + 1):
                    host = httpx.URL(target).host
                    await check_host(host, portal.allow_private, self.resolver)
                    async with self.client.stream("GET", target, headers=headers,
                                                  follow_redirects=False) as response:
                        if response.status_code in REDIRECTS:
                            target = self._redirect_target(response, target, portal)
                            continue
                        return await self._read(url, target, response, portal, started)
                raise Rejected("too_many_redirects", f"{url}: more than {MAX_REDIRECTS} redirects")
        except TimeoutError as exc:
            raise Retryable(f"{url}: no complete answer in {portal.limits.timeout_seconds}s",
                            after=5.0) from exc
        except httpx.TimeoutException as exc:
            raise Retryable(f"{url}: timed out ({type(exc).__name__})", after=5.0) from exc
        except httpx.TransportError as exc:
            raise Retryable(f"{url}: {type(exc).__name__}: {exc}", after=5.0) from exc

    def _redirect_target(self, response: httpx.Response, current: str, portal: Portal) -> str:
        location = response.headers.get("Location", "")
        target = canonical(location, current)
        if not on_portal(target, portal):
            raise Rejected("redirect_off_portal", f"{current} redirects to {target}, "
                           f"outside portal {portal.id}")
        return target

    async def _read(self, url: str, final_url: str, response: httpx.Response, portal: Portal,
                    started: float) -> Fetched:
        status = response.status_code
        if status in (429, 503):
            raise Retryable(f"{url}: HTTP {status}",
                            after=retry_after(response.headers.get("Retry-After"), 30.0))
        if status >= 500:
            raise Retryable(f"{url}: HTTP {status}", after=10.0)
        if status >= 400:
            raise Rejected(f"http_{status // 100}xx", f"{url}: HTTP {status}")
        body = b"" if status == 304 else await _read_capped(response, portal.limits.max_body_bytes)
        content_type = response.headers.get("Content-Type", "")
        media, _, params = content_type.partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ").lower()
        return Fetched(url, final_url, status, body, media.strip().lower(), charset,
                       response.headers.get("ETag"), response.headers.get("Last-Modified"),
                       time.perf_counter() - started)


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise Rejected("body_too_large", f"Content-Length {declared} is over {cap} bytes")
    encoding = response.headers.get("Content-Encoding", "identity").lower().strip()
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise Rejected("unsupported_encoding", f"Content-Encoding {encoding} was not asked for")
    limit = cap if inflater is None else cap * DECOMPRESSION_RATIO_CAP
    raw_total = 0
    out = bytearray()
    async for chunk in response.aiter_raw():
        raw_total += len(chunk)
        if raw_total > cap:
            raise Rejected("body_too_large", f"body is over {cap} bytes")
        if inflater is None:
            out += chunk
            continue
        try:
            out += inflater.decompress(chunk, limit - len(out) + 1)
        except zlib.error as exc:
            raise Rejected("bad_compression", f"{encoding} body does not inflate: {exc}") from exc
        if len(out) > limit or inflater.unconsumed_tail:
            raise Rejected("decompression_bomb",
                           f"body inflates past {limit} bytes from {raw_total} bytes")
    if len(out) > cap:
        raise Rejected("body_too_large", f"decompressed body is over {cap} bytes")
    return bytes(out)
