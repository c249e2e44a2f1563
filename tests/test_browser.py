"""What only a browser shows: Dutch search works, and nothing is fetched from elsewhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.browser import CHROMIUM, FLAGS, Watch, serve


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.watch = Watch(page, urlsplit(site_url).netloc)  # type: ignore[attr-defined]
    yield page
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Type a query in the search box; return the result links, best first."""
    page.get_by_label("Zoeken", exact=True).first.click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10_000)
    return [urlsplit(href).path for href in results.evaluate_all("els => els.map(e => e.href)")]


@pytest.mark.parametrize(("query", "expected"), [
    ("Apeldoorn", "/steden/apeldoorn/"),
    ("ondermijning", "/agenda/veilige-stad/"),
    ("energietransitie", "/agenda/energietransitie/"),
    ("opschalingskorting", "/agenda/randvoorwaarden/"),
])
def test_dutch_search_finds_the_page(page: Page, site_url: str, query: str, expected: str) -> None:
    page.goto(site_url)
    found = search(page, query)
    assert expected in found[:3], found
    assert page.watch.foreign == []  # type: ignore[attr-defined]
    assert page.watch.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["", "agenda/", "agenda/talent/", "steden/", "steden/zwolle/", "bronnen/",
                                  "over-deze-site/"])
def test_pages_request_nothing_from_another_host(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert page.watch.foreign == []  # type: ignore[attr-defined]
    assert page.watch.errors == []  # type: ignore[attr-defined]


def test_the_request_guard_catches_a_third_party_font(page: Page, tmp_path: Path) -> None:
    """The guard above is not vacuous: a page that loads Google Fonts is caught."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>t</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>'
        "<body><h1>t</h1></body></html>", encoding="utf-8")
    with serve(tmp_path) as url:
        page.watch.allowed = urlsplit(url).netloc  # type: ignore[attr-defined]
        page.goto(url)
    assert page.watch.foreign == ["https://fonts.googleapis.com/css?family=Roboto"]  # type: ignore[attr-defined]
