"""The built public site: complete, Dutch, strictly built, and free of third parties."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.validate import load_site
from tests.conftest import REPO
from tests.html import Page

SITE, _ = load_site(REPO / "data")
assert SITE is not None


def test_every_speerpunt_is_on_its_theme_page(built_site: Path) -> None:
    for theme in SITE.agendas[-1].agenda.themes:
        page = Page(built_site / "agenda" / "2019-2022" / theme.id / "index.html")
        assert page.h1 == [theme.title]
        for speerpunt in theme.speerpunten:
            assert speerpunt.title in page.text, f"{theme.id}: {speerpunt.title!r} missing"


def test_theme_without_speerpunten_says_the_source_gives_none(built_site: Path) -> None:
    page = Page(built_site / "agenda" / "2019-2022" / "talent" / "index.html")
    assert "De agenda noemt voor dit thema geen speerpunten" in page.text


def test_typo_in_a_speerpunt_is_kept_with_an_editors_note(built_site: Path) -> None:
    page = Page(built_site / "agenda" / "2019-2022" / "ruimtelijke-kwaliteit" / "index.html")
    assert "Een inspirerende Novu als basis voor nieuw partnerschap" in page.text
    assert "Noot van de redactie: De bron schrijft 'Novu'" in page.text


def test_one_page_per_city_titled_with_its_name(built_site: Path) -> None:
    city_pages = sorted(p.parent.name for p in (built_site / "steden").glob("*/index.html"))
    assert city_pages == sorted(c.id for c in SITE.cities.cities)
    for city in SITE.cities.cities:
        page = Page(built_site / "steden" / city.id / "index.html")
        assert page.h1 == [city.name]
        assert city.province in page.text


def test_city_index_lists_all_forty_with_province(built_site: Path) -> None:
    page = Page(built_site / "steden" / "index.html")
    for city in SITE.cities.cities:
        assert f"{city.name} {city.province}" in page.text


def test_home_links_every_nutshell_line_to_its_theme(built_site: Path) -> None:
    page = Page(built_site / "index.html")
    hrefs = {attrs.get("href") for tag, attrs in page.tags if tag == "a"}
    for item in SITE.agendas[-1].agenda.nutshell.items:
        assert f"agenda/2019-2022/{item.target}/" in hrefs
        assert item.phrase in page.text


@pytest.mark.parametrize("path", ["index.html", "agenda/2019-2022/index.html", "agenda/2019-2022/veilige-stad/index.html",
                                  "agenda/2019-2022/randvoorwaarden/index.html", "agenda/2019-2022/werkwijze/index.html",
                                  "steden/index.html", "steden/apeldoorn/index.html"])
def test_every_page_shows_its_source(built_site: Path, path: str) -> None:
    page = Page(built_site / path)
    assert re.search(r"Bron (Steden maken het verschil! Strategische agenda 2019-2022|Jaarverslag 2021)", page.text)


def test_interface_and_search_are_dutch(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert 'placeholder="Zoeken"' in html and 'aria-label="Zoeken op de site"' in html
    engine = (built_site / "search" / "zoek.js").read_text(encoding="utf-8")
    assert "Geen resultaten" in engine and "Resultaten voor " in engine and "No results" not in engine


def test_no_page_refers_to_another_host_for_assets(built_site: Path) -> None:
    """No fonts, scripts or styles from elsewhere: every src/href to http(s) is a plain link."""
    for path in built_site.rglob("*.html"):
        page = Page(path)
        for tag, attrs in page.tags:
            if tag in ("script", "img", "iframe") and (attrs.get("src") or "").startswith(("http:", "https:", "//")):
                pytest.fail(f"{path}: {tag} loads {attrs['src']}")
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload"):
                assert not (attrs.get("href") or "").startswith(("http:", "https:", "//")), f"{path}: {attrs}"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_public_site_holds_no_source_maps_or_lunr(built_site: Path) -> None:
    names = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if "lunr" in n or "/workers/" in n]  # our own search replaces them
    assert "search/zoek.js" in names


def test_the_menu_of_a_city_or_activity_page_lists_no_single_cities_or_activities(built_site: Path) -> None:
    """Pages that grow with the data stay out of the menu that every page repeats; the
    overview of the cities stands in it."""
    for page in ("steden/apeldoorn/", "activiteiten/warmtewet/"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        menu = html.split('<nav class="md-nav md-nav--primary"')[1].split('<div class="md-content"')[0]
        targets = {posixpath.normpath(posixpath.join(page, href)) for href in re.findall(r'href="([^"#]+)"', menu)}
        assert "steden" in targets, page
        assert not [t for t in targets if re.fullmatch(r"(steden|activiteiten)/[^/]+", t)], page
