"""Security headers, shipped (issue 16): the build writes `_headers` and an nginx snippet with
a strict policy; served by nginx with the shipped configuration (deploy/nginx/, issue 29), no
page kind breaks it, search included, and nginx sends exactly what `_headers` says."""

from __future__ import annotations

import http.client
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.headers import CACHE_OTHER, security_txt
from tests.browser import Tabs, Watch, search, serve
from generator import kinds
from tests.test_accessibility import PAGE_KINDS

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def header_rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    """`_headers` as Netlify reads it: (address pattern, {header: value}) in file order."""
    found: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            found.append((line, {}))
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            found[-1][1][name] = value
    return found


def served_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` gives every path (`/*`)."""
    pattern, values = header_rules(site)[0]
    assert pattern == "/*"
    return values


def nginx_snippet(headers: dict[str, str]) -> str:
    """An nginx-headers.conf that sends `headers` on every response."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())


@pytest.fixture(scope="module")
def strict_url(built_site: Path):
    """The built site as nginx serves it with the shipped configuration and the build's headers."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def strict_tabs(browser, strict_url: str):
    """Tabs of `strict_url` that record every CSP violation (tests/browser.py `Tabs`)."""
    tabs = Tabs(browser, urlsplit(strict_url).netloc, init_script=RECORD_VIOLATIONS)
    yield tabs
    tabs.close()


def test_header_files_carry_a_strict_policy(built_site: Path) -> None:
    headers = served_headers(built_site)
    policy = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'" and policy["style-src"] == "'self'"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_no_inline_style_attributes_or_style_elements(built_site: Path) -> None:
    found = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if re.search(r"<style[\s>]|\sstyle=", p.read_text("utf-8"))}
    assert found == set()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_csp_violations_on_any_page_kind(strict_tabs: Tabs, strict_url: str, path: str, width: int) -> None:
    page, watch = strict_tabs.open(strict_url + path, width)
    response = strict_tabs.response
    assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()} or \
        "content-security-policy" in response.headers
    # The theme's scripts ran (they turn tables into scroll boxes, set up search), so the
    # hashes let them through: no violation does not just mean nothing ran.
    assert page.evaluate("typeof window.__md_scope") != "undefined"
    if path == "":
        assert search(page, "ondermijning")
        page.goto(strict_url + "?q=wonen")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.evaluate("window.__csp") == []
    assert [e for e in watch.errors if "Content Security Policy" in e] == []


ON_TWO_PERIODS = {k.label: kinds.url(k.sample) for k in kinds.KINDS if k.sample_site == "two_periods"}
"""Kinds whose sample only the two-period site has. (A bundle's cover has no headers to
break: a bundle is read from disk, file://.)"""


@pytest.mark.parametrize("path", ON_TWO_PERIODS.values(), ids=ON_TWO_PERIODS.keys())
def test_no_csp_violations_on_kinds_sampled_on_the_two_period_site(browser, two_periods_built: Path, path: str) -> None:
    with serve(two_periods_built) as url:
        context = browser.new_context(viewport={"width": 375, "height": 900})
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        watch = Watch(page, urlsplit(url).netloc)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__md_scope") != "undefined"
        assert page.evaluate("window.__csp") == []
        assert [e for e in watch.errors if "Content Security Policy" in e] == []
        context.close()


def published_pages(site: Path) -> list[str]:
    """The address of every HTML page the build publishes, redirect pages left out."""
    return sorted(("" if p.name == "index.html" and p.parent == site else
                   p.parent.relative_to(site).as_posix() + "/" if p.name == "index.html" else
                   p.relative_to(site).as_posix())
                  for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text("utf-8"))


def test_every_published_page_on_a_phone_breaks_no_policy_and_fits(browser, strict_url: str,
                                                                    built_site: Path) -> None:
    """Every page, not one per kind: served with the shipped headers at 375 px, no page has a
    CSP violation, a request to another host, a script error or a sideways scroll."""
    pages = published_pages(built_site)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch = Watch(page, urlsplit(strict_url).netloc)
    problems = {}
    for path in pages:
        page.goto(strict_url + path, wait_until="load")
        violations, width = page.evaluate("[window.__csp, document.scrollingElement.scrollWidth]")
        if violations or width > 375 or watch.errors:
            problems[path] = (violations, width, watch.errors[:])
            watch.errors.clear()
    context.close()
    assert len(pages) > 150, pages
    assert problems == {}, problems
    assert watch.foreign == []


def test_security_txt_expires_within_a_year_of_the_build_date() -> None:
    epoch = 1_700_000_000
    text = security_txt(epoch, "https://stedenagenda.example.nl/").decode()
    expires = datetime.strptime(re.search(r"^Expires: (.+)$", text, re.M).group(1), "%Y-%m-%dT%H:%M:%S.000Z")
    built = datetime.fromtimestamp(epoch, tz=timezone.utc).replace(tzinfo=None)
    assert built < expires < built + timedelta(days=365)
    assert security_txt(epoch, "https://stedenagenda.example.nl/") == security_txt(epoch, "https://stedenagenda.example.nl/")
    assert "Canonical: https://stedenagenda.example.nl/.well-known/security.txt" in text


def test_published_security_txt_is_the_builds_own(built_site: Path) -> None:
    from generator import address
    from generator.build import Project, source_date_epoch

    project = Project(built_site.parent)
    epoch = int(source_date_epoch(project))
    assert (built_site / ".well-known" / "security.txt").read_bytes() == security_txt(epoch, address.site_url())


def test_the_check_sees_a_violation_when_there_is_one(browser, built_site: Path) -> None:
    """Without the hashes the theme's inline scripts are blocked, and the check says so."""
    headers = served_headers(built_site)
    headers["Content-Security-Policy"] = re.sub(r"script-src [^;]*", "script-src 'self'",
                                                headers["Content-Security-Policy"])
    with serve(built_site, headers=nginx_snippet(headers)) as url:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
        context.close()


NOT_FROM_HEADERS = {"server", "date", "content-type", "content-length", "last-modified", "etag", "connection",
                    "keep-alive", "accept-ranges", "vary", "content-encoding", "transfer-encoding", "location"}
"""What nginx sends about the response itself, which `_headers` does not set on any host."""


def expected_headers(rules: list[tuple[str, dict[str, str]]], address: str) -> dict[str, str]:
    """What a Netlify-style host sends for `address` after `_headers`: every matching rule
    (`/*` matches all, another pattern its own address), and for a file no rule gives a
    Cache-Control, the host's own default (`headers.CACHE_OTHER`)."""
    found: dict[str, str] = {}
    for pattern, values in rules:
        if pattern == address or (pattern.endswith("*") and address.startswith(pattern[:-1])):
            found.update(values)
    found.setdefault("Cache-Control", CACHE_OTHER)
    return {name.lower(): value for name, value in found.items()}


def site_addresses(site: Path) -> list[str]:
    """Every file of the site by its address, every page also by its folder address, a page
    that does not exist, and every old address of `_redirects`."""
    files = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    folders = sorted({f.removesuffix("index.html") for f in files if f.endswith("/index.html")})
    old = [line.split()[0] for line in (site / "_redirects").read_text(encoding="utf-8").splitlines() if line]
    return files + folders + ["/bestaat-niet/"] + old


def test_nginx_sends_exactly_what_headers_says_on_every_address(built_site: Path, strict_url: str) -> None:
    """The two host files can't drift: for every file, folder, old address and a missing
    page, the headers nginx sends (shipped configuration + the build's nginx-headers.conf)
    are those `_headers` gives it, nothing more, nothing less."""
    rules = header_rules(built_site)
    assert len(rules) > 1 and any("immutable" in v.get("Cache-Control", "") for _, v in rules[1:])
    addresses = site_addresses(built_site)
    connection = http.client.HTTPConnection(urlsplit(strict_url).netloc, timeout=10)
    differences, statuses = {}, set()
    for address in addresses:
        connection.request("HEAD", address)
        response = connection.getresponse()
        response.read()
        statuses.add(response.status)
        got = {name.lower(): value for name, value in response.getheaders() if name.lower() not in NOT_FROM_HEADERS}
        want = expected_headers(rules, address)
        if got != want:
            differences[address] = {k: (got.get(k), want.get(k)) for k in got.keys() | want.keys() if got.get(k) != want.get(k)}
    connection.close()
    assert len(addresses) > 300
    assert {200, 301, 404} <= statuses, statuses
    assert differences == {}, dict(list(differences.items())[:5])


def test_every_old_address_answers_301_from_nginx(built_site: Path, strict_url: str) -> None:
    """What `_redirects` promises, nginx does: every old address, with and without its slash,
    answers 301 with the new address (a path, so it holds behind any proxy or CDN)."""
    moves = [line.split() for line in (built_site / "_redirects").read_text(encoding="utf-8").splitlines() if line]
    connection = http.client.HTTPConnection(urlsplit(strict_url).netloc, timeout=10)
    wrong = {}
    for source, target, code in moves:
        for address in {source, source.rstrip("/") or "/"}:
            connection.request("GET", address)
            response = connection.getresponse()
            response.read()
            if (response.status, response.getheader("Location")) != (int(code.rstrip("!")), target):
                wrong[address] = (response.status, response.getheader("Location"), target)
    connection.close()
    # `301!`: forced, since the stub page exists at the old address (Netlify's "shadowing").
    assert len(moves) > 10 and {code for _, _, code in moves} == {"301!"}
    assert wrong == {}
