"""A built site on a local port, and the Chromium that browses it: for tests and benchmarks."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

# Debian's Chromium, headless, as root, on a machine without internet access.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host: the site under its path, and the site's 404.html, with the status 404,
    at any address where there is nothing (as GitHub Pages, GitLab Pages or Netlify do)."""

    mount = "/"

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.mount):
            return ""  # no file: answered with the 404 page
        return super().translate_path("/" + path[len(self.mount) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path, path: str = "/") -> Iterator[str]:
    """Serve `folder` at `path` of a host, as a static host would; yields the site's URL."""
    handler = functools.partial(
        type("Host", (_StaticHost,), {"mount": path}), directory=str(folder)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
