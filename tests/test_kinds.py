"""The page-kind registry (generator/kinds.py) is complete: every template has a kind, every
kind its template, its sample page, its bundle name where it has one, and its template reads
only what its view declares. Leaving out a piece of wiring fails one of these, by name."""

from __future__ import annotations

import typing

import pytest

from generator import bundle, kinds, render
from generator.build import prepare
from generator.models import PageName, SessionItem
from generator.pages import pages
from generator.validate import load_site
from tests.conftest import REPO, copy_project, seeds_at

OWN_TEMPLATES = {"base.md.j2", "print.html.j2"}
"""Templates that are not a page kind's: the frame every page extends, and the print document
(generator/printing.py, whose view is printing.Document)."""


@pytest.fixture(scope="module")
def real_pages():
    site, problems = load_site(REPO / "data")
    assert not problems
    return pages(site)


@pytest.fixture(scope="module")
def two_period_pages(tmp_path_factory: pytest.TempPathFactory):
    from tests import periods

    root, seeds = periods.copy_with_second_period(tmp_path_factory.mktemp("kinds-periods"))
    with seeds_at(seeds):
        site, problems = load_site(root / "data")
        assert not problems
        return pages(site)


@pytest.fixture(scope="module")
def cover_pages(tmp_path_factory: pytest.TempPathFactory):
    prepared = prepare(copy_project(tmp_path_factory.mktemp("kinds-bundle")))
    return [page for s in prepared.site.sessions.sessions for page in bundle.bundle_pages(prepared, s)]


def test_every_template_belongs_to_one_kind_and_every_kind_has_its_template() -> None:
    templates = {p.name for p in render.TEMPLATES.glob("*.j2")} - OWN_TEMPLATES
    declared = [k.template for k in kinds.KINDS if k.template]
    assert sorted(templates - set(declared)) == [], "templates no kind declares"
    assert sorted(set(declared) - templates) == [], "kinds whose template does not exist"
    assert len(declared) == len(set(declared)), "two kinds with one template"
    assert len(kinds.BY_NAME) == len(kinds.KINDS) and len({k.label for k in kinds.KINDS}) == len(kinds.KINDS)


def test_every_generated_page_has_a_kind(real_pages, two_period_pages, cover_pages) -> None:
    unknown = {p.template for p in [*real_pages, *two_period_pages, *cover_pages]} - set(kinds.BY_TEMPLATE)
    assert unknown == set()


def test_every_kind_has_a_sample_among_the_pages_of_its_site(real_pages, two_period_pages, cover_pages) -> None:
    """The golden file, the accessibility and CSP checks and the bench visit each kind's sample."""
    on = {"site": {p.path: p for p in real_pages}, "two_periods": {p.path: p for p in two_period_pages},
          "bundle": {p.path: p for p in cover_pages}}
    hand_written = {p.relative_to(REPO / "content").as_posix() for p in (REPO / "content").rglob("*.md")}
    wrong = []
    for kind in kinds.KINDS:
        if kind.template is None:
            found = kind.sample in hand_written if kind.name == "content" else (REPO / "overrides" / kind.sample).is_file()
        else:
            page = on[kind.sample_site].get(kind.sample_path() if kind.sample_site == "site" else kind.sample)
            found = page is not None and page.template == kind.template
        if not found:
            wrong.append(kind.name)
    assert wrong == [], f"kinds whose sample page is not a page of that kind: {wrong}"


def test_every_kind_is_checked_for_accessibility_and_csp() -> None:
    from tests.test_accessibility import ELSEWHERE, PAGE_KINDS
    from tests.test_headers import ON_TWO_PERIODS

    axe = {*PAGE_KINDS, *ELSEWHERE}
    csp = {*PAGE_KINDS, *ON_TWO_PERIODS}
    assert [k.label for k in kinds.KINDS if k.label not in axe] == []
    assert [k.label for k in kinds.KINDS if k.label not in csp and k.sample_site != "bundle"] == []


def test_bundle_page_names_are_the_registrys() -> None:
    """models.PageName (what sessions.yaml may name with `page:`) lists the kinds' bundle names."""
    assert sorted(typing.get_args(PageName)) == sorted(kinds.bundle_pages())


def test_every_field_of_a_session_item_names_a_kind() -> None:
    assert set(SessionItem.model_fields) == {"page", *kinds.bundle_fields()}


def test_samples_elsewhere_name_no_period() -> None:
    """A sample on the two-period data is not found by the real data's newest periods."""
    assert [k.name for k in kinds.KINDS if k.sample_site != "site" and "{" in k.sample] == []


def test_menu_order_is_a_total_order_of_distinct_places() -> None:
    menus = [k.menu for k in kinds.KINDS if k.menu]
    assert len({m.order for m in menus}) == len(menus) and len({m.key for m in menus}) == len(menus)


# --- templates read only what their view declares ------------------------------------------------


def test_every_kind_with_a_template_has_its_view_type() -> None:
    """The view a kind's template reads is declared once, in generator/views.py VIEW_TYPES;
    tests/test_views.py checks that the template reads only what that view declares."""
    assert [k.name for k in kinds.KINDS if k.template and k.view is None] == []


# --- search and sitemap follow the registry ----------------------------------------------------


def test_only_pages_not_made_from_a_template_opt_out_of_search_or_sitemap() -> None:
    """Search leaves out fixed built paths (`kinds.unsearched`), and MkDocs lists every Markdown
    page in the sitemap: a generated kind that opts out needs that wired first (front matter
    `search: exclude`, a sitemap filter), so declaring it alone fails here."""
    assert [k.name for k in kinds.KINDS if k.template and not (k.search and k.sitemap)] == []
    assert all(isinstance(k.path, str) for k in kinds.KINDS if not k.search)


def test_the_built_sitemap_and_search_index_hold_the_kinds_that_ask_for_them(built_site, real_pages) -> None:
    import gzip
    import re as regex

    from generator import search as site_search

    base = "https://stedenagenda.example.nl/"
    sitemap = set(regex.findall(r"<loc>([^<]*)</loc>", gzip.decompress((built_site / "sitemap.xml.gz").read_bytes())
                                .decode()))
    hand_written = [p.relative_to(REPO / "content").as_posix() for p in (REPO / "content").rglob("*.md")]
    expected = {base + kinds.url(p.path) for p in real_pages if kinds.of(p.template).sitemap}
    expected |= {base + kinds.url(p) for p in hand_written if kinds.BY_NAME["content"].sitemap}
    assert sitemap == expected
    indexed = {p.url for p in site_search.site_pages(built_site, directory_urls=True)}
    assert {kinds.url(p.path) for p in real_pages if kinds.of(p.template).search} <= indexed
    assert not indexed & kinds.unsearched() and (built_site / "404.html").is_file()
