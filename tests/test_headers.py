"""Security headers, shipped (issue 16): the build writes `_headers` and an nginx snippet with
a strict policy; served WITH those headers, no page kind breaks it, search included."""

from __future__ import annotations

import functools
import http.server
import re
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from generator.headers import security_txt
from tests.browser import Watch, search, serve_with
from generator import kinds
from tests.test_accessibility import PAGE_KINDS

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def served_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` gives every path (`/*`), as a Netlify-style host reads them."""
    text = (site / "_headers").read_text(encoding="utf-8")
    assert text.startswith("/*\n")
    return dict(line.strip().split(": ", 1) for line in text.splitlines()[1:] if line.strip())


@contextmanager
def serve_with_headers(folder: Path, headers: dict[str, str]) -> Iterator[str]:
    class WithHeaders(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with serve_with(functools.partial(WithHeaders, directory=str(folder))) as url:
        yield url


@pytest.fixture(scope="module")
def strict_url(built_site: Path):
    with serve_with_headers(built_site, served_headers(built_site)) as url:
        yield url


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
    nginx = (built_site / "nginx-headers.conf").read_text(encoding="utf-8")
    for name, value in headers.items():
        assert f'add_header {name} "{value}" always;' in nginx


def test_no_inline_style_attributes_or_style_elements(built_site: Path) -> None:
    found = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if re.search(r"<style[\s>]|\sstyle=", p.read_text("utf-8"))}
    assert found == set()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_csp_violations_on_any_page_kind(browser, strict_url: str, path: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch = Watch(page, urlsplit(strict_url).netloc)
    response = page.goto(strict_url + path)
    assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()} or \
        "content-security-policy" in response.headers
    page.wait_for_load_state("networkidle")
    # The theme's scripts ran (they turn tables into scroll boxes, set up search), so the
    # hashes let them through: no violation does not just mean nothing ran.
    assert page.evaluate("typeof window.__md_scope") != "undefined"
    if path == "":
        assert search(page, "ondermijning")
        page.goto(strict_url + "?q=wonen")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.evaluate("window.__csp") == []
    assert [e for e in watch.errors if "Content Security Policy" in e] == []
    context.close()


ON_TWO_PERIODS = {k.label: kinds.url(k.sample) for k in kinds.KINDS if k.sample_site == "two_periods"}
"""Kinds whose sample only the two-period site has. (A bundle's cover has no headers to
break: a bundle is read from disk, file://.)"""


@pytest.mark.parametrize("path", ON_TWO_PERIODS.values(), ids=ON_TWO_PERIODS.keys())
def test_no_csp_violations_on_kinds_sampled_on_the_two_period_site(browser, two_periods_built: Path, path: str) -> None:
    with serve_with_headers(two_periods_built, served_headers(two_periods_built)) as url:
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
    from generator.build import Project, site_config, source_date_epoch

    project = Project(built_site.parent)
    epoch = int(source_date_epoch(project))
    assert (built_site / ".well-known" / "security.txt").read_bytes() == \
        security_txt(epoch, site_config(project).get("site_url") or "")


def test_the_check_sees_a_violation_when_there_is_one(browser, built_site: Path) -> None:
    """Without the hashes the theme's inline scripts are blocked, and the check says so."""
    headers = served_headers(built_site)
    headers["Content-Security-Policy"] = re.sub(r"script-src [^;]*", "script-src 'self'",
                                                headers["Content-Security-Policy"])
    with serve_with_headers(built_site, headers) as url:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
        context.close()
