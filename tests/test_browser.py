"""What only a browser shows: Dutch search works, and nothing is fetched from elsewhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser import Watch, search, serve


@pytest.fixture()
def page(browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.watch = Watch(page, urlsplit(site_url).netloc)  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("Apeldoorn", "/steden/apeldoorn/"),
    ("ondermijning", "/agenda/2019-2022/veilige-stad/"),
    ("energietransitie", "/agenda/2019-2022/energietransitie/"),
    ("opschalingskorting", "/agenda/2019-2022/randvoorwaarden/"),
])
def test_dutch_search_finds_the_page(page: Page, site_url: str, query: str, expected: str) -> None:
    page.goto(site_url)
    found = [urlsplit(url).path for url in search(page, query)]
    assert expected in found[:3], found
    assert page.watch.foreign == []  # type: ignore[attr-defined]
    assert page.watch.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["", "agenda/2019-2022/", "agenda/2019-2022/talent/", "steden/", "steden/zwolle/", "bronnen/",
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


def test_the_cited_passage_opens_with_one_key(page: Page, site_url: str) -> None:
    """Issue 27: the quoted passage in 'Bron' is a native disclosure (<details>/<summary>): hidden
    until asked for, reached with Tab, opened with Enter, and then readable as a quotation."""
    page.goto(f"{site_url}activiteiten/kernboodschappen-aangeboden/")
    summary = page.locator(".admonition.quote details summary").first
    quote = page.locator(".admonition.quote details blockquote").first
    assert not quote.is_visible()
    for _ in range(200):  # Tab from the top of the page until the summary has the focus
        page.keyboard.press("Tab")
        if summary.evaluate("e => e === document.activeElement"):
            break
    else:
        raise AssertionError("the passage's summary is not reachable with Tab")
    page.keyboard.press("Enter")
    assert quote.is_visible()
    assert "Kernboodschappen G40" in quote.inner_text()
    assert page.watch.foreign == [] and page.watch.errors == []  # type: ignore[attr-defined]
