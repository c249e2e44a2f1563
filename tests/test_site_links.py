"""The connections a reader follows: city → activity → theme and source, and back."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator import wording
from generator.validate import load_site
from tests.conftest import REPO
from tests.html import Page

SITE, _ = load_site(REPO / "data")
assert SITE is not None


def links_from(built_site: Path, page_path: str) -> set[str]:
    """The site-relative paths a built page links to (anchors dropped)."""
    page = Page(built_site / page_path / "index.html" if not page_path.endswith(".html") else built_site / page_path)
    base = "/" + page_path.rstrip("/") + "/"
    found = set()
    for tag, attrs in page.tags:
        href = attrs.get("href") if tag == "a" else None
        if href and "://" not in href and not href.startswith("#"):
            found.add(posixpath.normpath(urljoin(base, href.split("#")[0])) + "/")
    return found


@pytest.mark.parametrize("city", sorted({c.city for a in SITE.all_activities for c in a.cities}))
def test_two_clicks_from_a_city_to_its_activities_themes_and_source(built_site: Path, city: str) -> None:
    city_links = links_from(built_site, f"steden/{city}")
    for activity in SITE.all_activities:
        if city not in {c.city for c in activity.cities}:
            continue
        assert f"/activiteiten/{activity.id}/" in city_links, f"{city} → {activity.id}"
        activity_links = links_from(built_site, f"activiteiten/{activity.id}")
        assert f"/bronnen/{SITE.years[-1].report.source}/" in activity_links
        for theme in activity.themes:
            assert f"/agenda/2019-2022/{theme}/" in activity_links, f"{activity.id} → {theme}"
        assert f"/steden/{city}/" in activity_links


def test_every_theme_group_has_a_page_listing_its_activities_in_order(built_site: Path) -> None:
    for pillar in SITE.years[-1].report.pillars:
        for group in pillar.groups:
            page = Page(built_site / "jaarverslag" / "2021" / pillar.id / group.id / "index.html")
            titles = [a.title for a in SITE.all_activities if a.group == group.id]
            positions = [page.text.find(t) for t in titles]
            assert all(p >= 0 for p in positions), group.id
            assert positions == sorted(positions), f"{group.id}: activities out of order"


def test_theme_pages_say_what_the_g40_did_in_2021(built_site: Path) -> None:
    for theme in SITE.agendas[-1].agenda.themes:
        page = Page(built_site / "agenda" / "2019-2022" / theme.id / "index.html")
        assert "Wat deed de G40 in 2021?" in page.text
        links = links_from(built_site, f"agenda/2019-2022/{theme.id}")
        for activity in SITE.all_activities:
            if theme.id in activity.themes:
                assert f"/activiteiten/{activity.id}/" in links


def test_each_person_appears_on_the_activities_that_name_them(built_site: Path) -> None:
    people = Page(built_site / "personen" / "index.html")
    for activity in SITE.all_activities:
        page = Page(built_site / "activiteiten" / activity.id / "index.html")
        for person_id in activity.people:
            person = next(p for p in SITE.people.people if p.id == person_id)
            assert person.name in page.text
            assert ("a", {"href": f"../../personen/#{person_id}"}) in page.tags
    assert all(p.name in people.text for p in SITE.people.people)


def test_abbreviations_are_explained_on_hover(built_site: Path) -> None:
    page = Page(built_site / "activiteiten" / "boek-sociaal-domein" / "index.html")
    abbrs = {attrs.get("title") for tag, attrs in page.tags if tag == "abbr"}
    # SZW is written out by the editors (no source does), so its expansion says so.
    assert {"Vereniging van Nederlandse Gemeenten",
            f"ministerie van Sociale Zaken en Werkgelegenheid {wording.EXPLAINED_BY_EDITORS}"} <= abbrs


def test_the_archive_holds_the_2012_documents(built_site: Path) -> None:
    index = Page(built_site / "archief" / "index.html")
    for document in SITE.archive.documents:
        page = Page(built_site / "archief" / document.id / "index.html")
        assert page.h1 == [document.title]
        assert document.title in index.text
    g32 = Page(built_site / "archief" / "g32-discussienotitie" / "index.html")
    assert g32.text.count("Scenario ") >= 3 and "Eerste bottleneck" in g32.text and "Tweede bottleneck" in g32.text


def test_kernboodschappen_link_each_ask_to_themes_and_activities(built_site: Path) -> None:
    page = Page(built_site / "kernboodschappen" / "index.html")
    links = links_from(built_site, "kernboodschappen")
    for ask in SITE.kernboodschappen.asks:
        assert ask.title in page.text
        assert all(f"/agenda/2019-2022/{t}/" in links for t in ask.themes)
        assert all(f"/activiteiten/{a}/" in links for a in ask.activities)


def test_timeline_lists_every_activity_once(built_site: Path) -> None:
    links = links_from(built_site, "jaarverslag/2021/tijdlijn")
    assert {f"/activiteiten/{a.id}/" for a in SITE.all_activities} <= links
    page = Page(built_site / "jaarverslag" / "2021" / "tijdlijn" / "index.html")
    assert "Maart 2021" in page.text and "Alleen het jaar bekend" in page.text
