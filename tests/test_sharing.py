"""Sharing and crawling (issue 25, point 4), over every page of the built site: sharing
meta with absolute addresses, robots.txt naming the sitemap, a unique and descriptive title
per page, an absolute canonical address (redirect stubs too), no entry twice in a list."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from lxml import html

from generator import address
from generator import headers
from tests.conftest import REPO

SITE_URL = address.site_url()
SITE_NAME = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
SHARING = ("og:title", "og:description", "og:type", "og:url", "og:image", "twitter:card", "twitter:title",
           "twitter:description", "twitter:image")


def html_pages(site: Path) -> dict[str, html.HtmlElement]:
    """Every HTML page a reader or a crawler can reach, by path (not the search shards'
    folder nor the bundles' files)."""
    return {p.relative_to(site).as_posix(): html.fromstring(p.read_bytes()) for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith(("search/", "bundels/"))}


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, html.HtmlElement]:
    return html_pages(built_site)


def is_stub(tree: html.HtmlElement) -> bool:
    return bool(tree.xpath('//meta[@http-equiv="refresh"]'))


def meta(tree: html.HtmlElement, name: str) -> str | None:
    found = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return found[0] if found else None


def test_every_page_has_sharing_meta_with_absolute_addresses(pages) -> None:
    checked = 0
    for path, tree in pages.items():
        if is_stub(tree) or path == "404.html":
            continue
        missing = [name for name in SHARING if not meta(tree, name)]
        assert not missing, (path, missing)
        assert meta(tree, "og:url") == tree.xpath('//link[@rel="canonical"]/@href')[0], path
        for name in ("og:url", "og:image", "twitter:image"):
            assert meta(tree, name).startswith(SITE_URL), (path, name, meta(tree, name))
        assert meta(tree, "og:title") == tree.findtext(".//title").removesuffix(f" - {SITE_NAME}"), path
        assert meta(tree, "og:description") == meta(tree, "description"), path
        checked += 1
    assert checked > 200


def test_the_sharing_image_is_published_at_the_address_the_pages_give(built_site: Path, pages) -> None:
    image = meta(pages["index.html"], "og:image")
    published = built_site / image.removeprefix(SITE_URL)
    assert published.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert published.read_bytes()[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")  # IHDR size


def test_robots_txt_names_the_sitemap_by_its_absolute_address(built_site: Path) -> None:
    lines = (built_site / headers.ROBOTS_TXT).read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert (built_site / "sitemap.xml").exists()
    assert not any(line.startswith("Disallow: /") and line.strip() != "Disallow:" for line in lines)


def test_every_title_is_unique_and_descriptive(pages) -> None:
    """The browser tab and a search result name each page apart: no two pages share a
    title, and only the home page is titled by the site alone (the 404 page was too)."""
    by_title: dict[str, list[str]] = defaultdict(list)
    for path, tree in pages.items():
        by_title[" ".join(tree.findtext(".//title").split())].append(path)
    shared = {title: paths for title, paths in by_title.items() if len(paths) > 1}
    assert not shared, shared
    assert by_title[SITE_NAME] == ["index.html"]
    assert by_title[f"Pagina niet gevonden - {SITE_NAME}"] == ["404.html"]
    assert len(by_title) == len(pages) > 200


def test_every_page_has_an_absolute_canonical_address_redirect_stubs_too(pages) -> None:
    stubs = 0
    for path, tree in pages.items():
        if path == "404.html":  # not a page at an address of its own: noindex instead
            assert meta(tree, "robots") == "noindex" and not tree.xpath('//link[@rel="canonical"]')
            continue
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        assert len(canonical) == 1, path
        assert canonical[0].startswith(SITE_URL) and urlsplit(canonical[0]).scheme == "https", (path, canonical)
        if is_stub(tree):
            stubs += 1
            target = re.search(r"url=(.+)$", tree.xpath('//meta[@http-equiv="refresh"]/@content')[0]).group(1)
            landed = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert canonical[0] == f"{SITE_URL}{landed}/", (path, canonical, target)
        else:
            expected = SITE_URL + (path.removesuffix("index.html"))
            assert canonical[0] == expected, (path, canonical)
    assert stubs > 10


def first_link(item: html.HtmlElement) -> str | None:
    hrefs = [h for h in item.xpath(".//a/@href") if not h.startswith("#")]
    return hrefs[0] if hrefs else None


def test_no_list_or_table_names_one_page_twice(pages) -> None:
    """In every list and table of every page, each entry leads to its own page: a city had
    one activity twice, once for its own role and once as a person's city. Left out: the
    Bron blocks and a source page's passages, where each entry is a passage and two
    passages may well be used on one page."""
    twice = {}
    for path, tree in pages.items():
        outside_boxes = '[not(ancestor::*[contains(@class, "admonition")])]'  # the Bron notes: one per passage
        for listing in tree.xpath(f'//article//ul{outside_boxes} | //article//ol{outside_boxes} | //article//tbody'):
            entries = [(first_link(item), " ".join(item.text_content().split()))
                       for item in listing.xpath("./li | ./tr")]
            seen: dict[str, int] = defaultdict(int)
            for link, text in entries:
                if link and not text.startswith("'"):
                    seen[link] += 1
            doubles = sorted(link for link, count in seen.items() if count > 1)
            if doubles:
                twice.setdefault(path, []).extend(doubles)
    assert not twice, twice
