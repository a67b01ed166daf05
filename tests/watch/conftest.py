"""A real HTTP server on 127.0.0.1 for the watch tests, serving what each test publishes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """What the server answers at one path."""

    body: bytes = b""
    content_type: str = "application/octet-stream"
    etag: str = ""
    status: int = 200
    delay_s: float = 0.0
    endless: bool = False
    redirect: str = ""


@dataclass
class Site:
    """The published pages and files, and every request the server saw."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def publish(self, path: str, body: bytes, content_type: str, etag: str = "") -> None:
        self.routes[path] = Route(body, content_type, etag)

    def seen(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                return self._answer(404, b"not found", "text/plain")
            time.sleep(route.delay_s)
            if route.redirect:
                self.send_response(302)
                self.send_header("Location", route.redirect)
                self.end_headers()
                return None
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return None
            if route.endless:
                return self._endless(route)
            return self._answer(route.status, route.body, route.content_type, route.etag)

        def _answer(self, status: int, body: bytes, content_type: str, etag: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def _endless(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.end_headers()
            try:
                for _ in range(10_000):  # 640 MB if nobody stops reading
                    self.wfile.write(b"%PDF-1.4 " + b"0" * 65527)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """Yield a Site served on 127.0.0.1 at a free port, stopped after the test."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
