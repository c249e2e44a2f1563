"""Offline council bundles: open from file:// with no network, search in Dutch, print."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator import address
from generator.build import Project
from tests.browser import Offline, search
from tests.html import Page as HtmlPage

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(bundles_built: Project) -> Project:
    return bundles_built


@pytest.fixture(scope="module")
def unzipped(built: Project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    result = {}
    for archive in sorted(built.dist.glob("*.zip")):
        target = tmp_path_factory.mktemp(archive.stem)
        with zipfile.ZipFile(archive) as z:
            z.extractall(target)
        result[archive.stem] = target
    return result


def test_each_session_has_a_zip_and_pdfs(built: Project) -> None:
    names = {p.name for p in built.dist.iterdir()}
    assert {"raadsessie-2012-12-13.pdf", "raadsessie-2012-12-13.zip", "volledige-agenda.pdf",
            "volledige-agenda.zip"} <= names
    assert "raadsessie-2012-12-13-03-g32-discussienotitie.pdf" in names


def test_cover_page_is_the_top_level_index(unzipped: dict[str, Path]) -> None:
    cover = HtmlPage(unzipped["raadsessie-2012-12-13"] / "index.html")
    assert cover.h1 == ["Raadsessie over de bestuurlijke toekomst van de Stadsregio Amsterdam"]
    text = cover.text
    assert "Eerst uitpakken" in text and "Alles uitpakken" in text
    article = text[text.find("Eerst uitpakken"):]  # skip the navigation and table of contents
    order = [article.find(t) for t in ("Brief", "In deze bundel", "Aanbiedingsbrief voor de raadsessie",
                                       "Toekomstbeeld Regionale Samenwerking", "Ook in deze bundel")]
    assert all(i >= 0 for i in order) and order == sorted(order)


def test_links_are_relative_files_that_exist_or_public_addresses(unzipped: dict[str, Path]) -> None:
    """Follow every link of every page in the zips: a file in the bundle, or an address on
    the web (a focused bundle links the pages it does not hold to the public site)."""
    for folder in unzipped.values():
        for path in folder.rglob("*.html"):
            for tag, attrs in HtmlPage(path).tags:
                href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag == "script" else None
                if not href or href.startswith(("#", "http:", "https:", "mailto:")) and tag == "a":
                    continue
                assert not href.startswith(("/", "http:", "https:", "//", "file:")), f"{path}: {href}"
                assert not href.split("#")[0].endswith("/"), f"{path}: directory URL {href}"
                target = (path.parent / href.split("#")[0].split("?")[0]).resolve()
                assert target.is_file() and folder.resolve() in target.parents, f"{path}: {href} is not in the bundle"


def test_bundle_holds_only_what_readers_need(unzipped: dict[str, Path], built: Project) -> None:
    for folder in unzipped.values():
        names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert not [n for n in names if n.endswith(".map")]
        assert not [n for n in names if "lunr" in n or "/workers/" in n or "iframe-worker" in n]
        assert "sitemap.xml" not in names
        assert {"search/zoek.js", "search/manifest.js", "search/woorden.js"} <= names


def test_public_site_loads_no_shim_and_keeps_directory_urls(built: Project) -> None:
    home = (built.site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in home and "unpkg" not in home
    assert 'href="agenda/2019-2022/"' in home


OFFLINE_QUERIES = {
    "raadsessie-2012-12-13": [("taakdifferentiatie", "archief/g32-discussienotitie.html"),
                              ("Regiodag", "archief/tussenbalans-stadsregio.html"),
                              ("opschalingskorting", "agenda/2019-2022/randvoorwaarden.html")],
    "volledige-agenda": [("energietransitie", "agenda/2019-2022/energietransitie.html"),
                         ("Apeldoorn", "steden/apeldoorn.html"),
                         ("ondermijning", "agenda/2019-2022/veilige-stad.html")],
}
"""Per bundle, searches a member would type and the page each should find in the top three."""


@pytest.mark.parametrize("session", sorted(OFFLINE_QUERIES))
def test_offline_search_and_links_work_from_file(browser, unzipped: dict[str, Path], session: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    offline = Offline(page)
    page.goto((unzipped[session] / "index.html").as_uri())
    for query, expected in OFFLINE_QUERIES[session]:
        hrefs = search(page, query)
        assert any(h.endswith(expected) for h in hrefs[:3]), (query, hrefs[:5])
        page.keyboard.press("Escape")
    page.locator("article a[href$='.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.locator("h1").count() == 1
    context.close()
    assert offline.blocked == []
    assert offline.errors == []


def test_the_cover_links_its_own_print_page_and_no_link_leaves_for_a_page_the_site_lacks(
        unzipped: dict[str, Path], built: Project) -> None:
    """"Alles in één document" opens `afdrukken.html` in the zip (it was rewritten to a public
    page that does not exist); every public address in a zip is a page the site has."""

    site_url = address.site_url()
    for name, folder in unzipped.items():
        cover = HtmlPage(folder / "index.html")
        hrefs = [attrs.get("href") for tag, attrs in cover.tags if tag == "a"]
        assert "afdrukken.html" in hrefs and (folder / "afdrukken.html").is_file(), name
        for path in folder.rglob("*.html"):
            for tag, attrs in HtmlPage(path).tags:
                href = (attrs.get("href") or "") if tag == "a" else ""
                if href.startswith(site_url):
                    target = href[len(site_url):].split("#")[0]
                    assert (built.site / target / "index.html").is_file() or (built.site / target).is_file(), \
                        f"{name}:{path.relative_to(folder)}: {href}"
