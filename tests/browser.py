"""Headless Debian Chromium via Playwright, on a site served from 127.0.0.1 by Debian's nginx
with the shipped configuration (deploy/nginx/), as the host serves it."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
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


NGINX = "/usr/sbin/nginx"
NGINX_CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
"""The shipped configuration (deploy/nginx/): the tests serve the site with it, as a host does."""
HEADERS_INCLUDE = "include site/nginx-headers.conf*;"
"""The line of stedenagenda.conf that takes the build's headers (replaced by `serve(headers=…)`)."""


@contextmanager
def serve(folder: Path, headers: str | None = None) -> Iterator[str]:
    """Serve `folder` with Debian's nginx and the shipped configuration on 127.0.0.1 at a free
    port; yield the base URL. `headers` replaces the build's nginx-headers.conf (to show that
    a check sees a broken policy). nginx must be installed (make test runs scripts/ensure-nginx)."""
    assert Path(NGINX).is_file(), f"{NGINX} ontbreekt: draai scripts/ensure-nginx (of make test)"
    with tempfile.TemporaryDirectory(prefix="stedenagenda-nginx-") as tmp:
        prefix = Path(tmp)
        (prefix / "nginx.conf").write_bytes((NGINX_CONFIG / "nginx.conf").read_bytes())
        server = (NGINX_CONFIG / "stedenagenda.conf").read_text(encoding="utf-8")
        if headers is not None:
            assert server.count(HEADERS_INCLUDE) == 1
            server = server.replace(HEADERS_INCLUDE, "include test-headers.conf;")
            (prefix / "test-headers.conf").write_text(headers, encoding="utf-8")
        (prefix / "stedenagenda.conf").write_text(server, encoding="utf-8")
        (prefix / "site").symlink_to(folder.resolve(), target_is_directory=True)
        (prefix / "tmp").mkdir()
        for attempt in range(5):  # the free port can be taken between finding and binding it
            port = free_port()
            (prefix / "listen.conf").write_text(f"listen 127.0.0.1:{port};\n", encoding="utf-8")
            process = _start_nginx(prefix, port)
            if process is not None:
                break
        else:
            raise RuntimeError(f"nginx kwam niet op: {(prefix / 'nginx.log').read_text(errors='replace')}")
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_nginx(prefix: Path, port: int) -> subprocess.Popen | None:
    """nginx in the foreground with one worker (as root: a worker as root too, since pytest's
    folders are closed to nobody); None when it could not bind `port`."""
    user = " user root;" if os.geteuid() == 0 else ""
    log = (prefix / "nginx.log").open("ab")
    process = subprocess.Popen([NGINX, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf"), "-e", "stderr",
                                "-g", f"daemon off; worker_processes 1;{user}"],
                               stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    log.close()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = (prefix / "nginx.log").read_text(errors="replace")
            if "Address already in use" in text:
                return None
            raise RuntimeError(f"nginx stopte meteen:\n{text}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx nam geen verbindingen aan binnen 15 s")


WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}
"""The axe rules the site is held to: WCAG 2.0 and 2.1, A and AA."""

ON_SCREEN = """on => { for (const e of document.querySelectorAll('body *'))
  if (on ? getComputedStyle(e).contentVisibility === 'auto' : e.dataset.axeShown !== undefined) {
    e.style.contentVisibility = on ? 'visible' : ''; on ? e.dataset.axeShown = '' : delete e.dataset.axeShown; } }"""
"""Lay out (`true`) or give back to the browser (`false`) the parts it lays out only near the
screen (`content-visibility: auto`: tables, lezer.css). axe judges a colour by what is
painted at a spot; a table not yet painted showed the colour behind it. A reader sees a table
once it is on screen, so axe judges every part as if it were. (Through the DOM, not a style
element, which the site's Content-Security-Policy refuses.)"""


def axe_violations(axe, page: Page) -> list[str]:
    """axe's WCAG violations on `page`, every part laid out (`ON_SCREEN`), a line each."""
    page.evaluate(ON_SCREEN, True)
    result = axe.run(page, options=WCAG)
    page.evaluate(ON_SCREEN, False)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:160]}"
            for v in result.response["violations"]]


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


class Tabs:
    """One browser tab per viewport and colour scheme, kept for a whole test file: opening a
    page is then a navigation (a fifth of a second), not a new browser context (over a
    second each, the most of what the per-kind browser tests spent). Every `open` starts
    from a clean slate as a new context would: the tab's storage is cleared before it
    navigates, the watch's records are emptied, and the page is judged once it has loaded
    and painted twice (the theme's scripts wrap tables and set up search on load)."""

    def __init__(self, browser, netloc: str, init_script: str | None = None):
        self.browser, self.netloc, self.init_script = browser, netloc, init_script
        self.open_tabs: dict[tuple, tuple[Page, Watch]] = {}
        self.response = None
        """The last page's response (its headers)."""

    def open(self, url: str, width: int, height: int = 900, color_scheme: str = "light") -> tuple[Page, Watch]:
        key = (width, height, color_scheme)
        if key not in self.open_tabs:
            context = self.browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
            if self.init_script:
                context.add_init_script(self.init_script)
            page = context.new_page()
            self.open_tabs[key] = (page, Watch(page, self.netloc))
        page, watch = self.open_tabs[key]
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        page.mouse.move(0, 0)  # where the last test left the pointer, it would hover the new page
        watch.foreign.clear()
        watch.errors.clear()
        self.response = page.goto(url, wait_until="load")
        page.evaluate(SETTLED)
        return page, watch

    def close(self) -> None:
        for page, _ in self.open_tabs.values():
            page.context.close()
        self.open_tabs.clear()


SETTLED = "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"
"""Resolves once the web fonts are in and the page has painted twice after load."""
