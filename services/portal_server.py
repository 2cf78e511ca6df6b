"""A local web server for the fixture portals (``tests/fixtures/portals/<name>/``).

`portalwatch demo` and the tests run the pipeline against it instead of the internet.
It serves static files like a real portal would: ETag and Last-Modified with 304 on
conditional GET, gzip when asked, robots.txt and sitemap.xml, and the per-page headers
a site's ``site.toml`` lists (e.g. a legacy ``charset=windows-1258``). It listens on
127.0.0.1 only. Extra routes let a test add misbehaving pages.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

PORTALS_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "portals"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class PortalServer:
    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0,
                 extra: dict[str, Handler] | None = None) -> None:
        self.root = root
        self.host = host
        self.port = port
        self.extra = extra or {}
        site = root / "site.toml"
        self.headers: dict[str, dict[str, str]] = (
            tomllib.loads(site.read_text(encoding="utf-8")).get("headers", {})
            if site.exists() else {})
        self.requests: list[str] = []
        self._runner: web.AppRunner | None = None
        self._mtime = email.utils.formatdate(1_700_000_000, usegmt=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> PortalServer:
        app = web.Application()
        app.router.add_route("GET", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        query = f"?{request.query_string}" if request.query_string else ""
        self.requests.append(f"/{path}{query}")
        if "/" + path in self.extra:
            return await self.extra["/" + path](request)
        file = (self.root / path).resolve()
        if file.is_dir():
            file = file / "index.html"
        hidden = "expected" in file.parts or file.name == "site.toml"
        if not file.is_relative_to(self.root.resolve()) or not file.is_file() or hidden:
            return web.Response(status=404, text="Not Found")
        body = file.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        headers = {"ETag": etag, "Last-Modified": self._mtime,
                   "Content-Type": f"{content_type}; charset=utf-8"
                   if content_type.startswith("text/") else content_type}
        headers.update(self.headers.get(path, {}))
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return web.Response(body=body, headers=headers)
