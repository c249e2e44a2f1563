"""Headless Debian Chromium via Playwright, on a site served from 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

DUTCH_QUERIES = [
    ("energietransitie", "/agenda/2019-2022/energietransitie/"),
    ("wonen", "/jaarverslag/2021/sociaal/wonen-welzijn-zorg/"),
    ("ondermijning", "/agenda/2019-2022/veilige-stad/"),
    ("inburgering", "/activiteiten/wet-inburgering-2021/"),
    ("Apeldoorn", "/steden/apeldoorn/"),
    ("taakdifferentiatie", "/archief/g32-discussienotitie/"),
    ("opschalingskorting", "/agenda/2019-2022/randvoorwaarden/"),
]
"""Searches a reader would type, and the page each should find in the top three."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yield the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    with serve_with(functools.partial(Quiet, directory=str(folder))) as url:
        yield url


@contextmanager
def serve_with(handler) -> Iterator[str]:
    """Run an http.server request handler on 127.0.0.1 at a free port; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Watch:
    """Records, and blocks, every request to another host, and every console error."""

    def __init__(self, page, allowed_netloc: str):
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.allowed = allowed_netloc
        page.route("**/*", self._route)
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.netloc == self.allowed:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


class Offline:
    """Blocks and records every request that is not for a local file; records console errors."""

    def __init__(self, page: Page):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: None if r.url.startswith("file:") else self.blocked.append(r.url))

    def _route(self, route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


def search(page: Page, query: str) -> list[str]:
    """Type a query into the search box; return the result pages (no query or anchor), best first.

    The results say which query they answer (`data-query`); read them once that is this one."""
    toggle = page.locator('button.md-header__button[data-schakel="__search"]')
    if toggle.is_visible():  # on a phone the search field hides behind an icon
        toggle.click()
    else:
        page.locator("input.md-search__input").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('.md-search-result').getAttribute('data-query') === q",
                           arg=query, timeout=15_000)
    results = page.locator(".md-search-result__item > a")
    return [h.split("?")[0].split("#")[0] for h in results.evaluate_all("els => els.map(e => e.href)")]
