"""Periods as data: the site with a second (fictional) agenda and two more (fictional)
annual reports from tests/periods.py, and the real site's redirects from its addresses of
before the periods.

In-process tests render the pages; the integration tests build the two-period site with
MkDocs once (`two_periods_built`) and read it as a reader would: every page of every
period, the redirects, the comparison page, the search index and a bundle.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator import bundle, passages, redirects
from generator.build import Project, prepare, published_as
from generator.commands.check import summary
from generator.commands.ids import text as ids_text
from generator.opendata import files as open_data_files
from generator.pages import pages
from generator.render import render_pages
from generator.terms import abbreviations
from generator.validate import load_site
from tests import periods
from tests.conftest import REPO
from tests.html import Page as HtmlPage

YEARS = [periods.FIRST_YEAR, *periods.FICTIONAL_YEARS]
PERIODS = [periods.FIRST_PERIOD, periods.SECOND_PERIOD]


@pytest.fixture(scope="module")
def two_periods(tmp_path_factory: pytest.TempPathFactory):
    """(project, site) with the real data plus the fictional periods, seeds pointed at."""
    root, seeds = periods.copy_with_second_period(tmp_path_factory.mktemp("periods"))
    before = passages.SEEDS
    passages.SEEDS = seeds
    try:
        site, problems = load_site(root / "data")
        assert problems == []
        yield Project(root), site
    finally:
        passages.SEEDS = before


@pytest.fixture(scope="module")
def rendered(two_periods) -> dict[str, str]:
    project, site = two_periods
    before = passages.SEEDS
    passages.SEEDS = project.root / "seeds"
    try:
        return render_pages(pages(site), abbreviations(site.organisations))
    finally:
        passages.SEEDS = before


def report_pages(site, year) -> list[str]:
    report = next(y for y in site.years if y.year == year).report
    result = [f"jaarverslag/{year}/index.md", f"jaarverslag/{year}/tijdlijn.md"]
    for pillar in report.pillars:
        result.append(f"jaarverslag/{year}/{pillar.id}/index.md")
        result += [f"jaarverslag/{year}/{pillar.id}/{g.id}.md" for g in pillar.groups]
    return result


def agenda_pages(site, period) -> list[str]:
    agenda = next(p for p in site.agendas if p.period == period).agenda
    return [f"agenda/{period}/index.md", f"agenda/{period}/werkwijze.md", f"agenda/{period}/randvoorwaarden.md",
            *(f"agenda/{period}/{t.id}.md" for t in agenda.themes)]


# --- the data ------------------------------------------------------------------------


def test_the_fixture_has_two_agendas_and_three_reports_oldest_first(two_periods) -> None:
    _, site = two_periods
    assert [p.period for p in site.agendas] == PERIODS
    assert [y.year for y in site.years] == YEARS
    assert site.agenda_at(periods.FIRST_YEAR).period == periods.FIRST_PERIOD
    assert all(site.agenda_at(y).period == periods.SECOND_PERIOD for y in periods.FICTIONAL_YEARS)
    assert site.agenda_at(None).period == periods.SECOND_PERIOD
    assert site.agenda_at(1990).period == periods.FIRST_PERIOD  # before every agenda: the first


def test_the_public_data_holds_only_the_sources_periods() -> None:
    site, problems = load_site(REPO / "data")
    assert problems == [] and site is not None
    assert [p.period for p in site.agendas] == [periods.FIRST_PERIOD]
    assert [y.year for y in site.years] == [periods.FIRST_YEAR]
    assert not any("Fictie" in s.title for s in site.sources.sources)


def test_a_report_in_the_wrong_folder_is_refused_at_its_year(two_periods, tmp_path) -> None:
    import shutil

    project, _ = two_periods
    data = tmp_path / "data"
    shutil.copytree(project.data, data, symlinks=True)
    year = periods.FICTIONAL_YEARS[-1]
    (data / "jaarverslagen" / str(year)).rename(data / "jaarverslagen" / "2030")
    before = passages.SEEDS
    passages.SEEDS = project.root / "seeds"
    try:
        site, problems = load_site(data)
    finally:
        passages.SEEDS = before
    assert site is None
    assert [(p.file, p.message) for p in problems] == [
        ("data/jaarverslagen/2030/report.yaml", f"het jaar {year} past niet bij de map 2030")]
    assert problems[0].line > 0


def test_old_addresses_lead_to_one_period_only(two_periods, tmp_path) -> None:
    import shutil

    project, _ = two_periods
    data = tmp_path / "data"
    shutil.copytree(project.data, data, symlinks=True)
    path = data / "agenda" / f"{periods.SECOND_PERIOD}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("undated_addresses: false", "undated_addresses: true"),
                    encoding="utf-8")
    site, problems = load_site(data)
    assert site is None
    assert [p.file for p in problems] == [f"data/agenda/{periods.SECOND_PERIOD}.yaml"]
    assert "undated_addresses" in problems[0].message


def test_ids_and_check_name_every_period(two_periods) -> None:
    _, site = two_periods
    listed = ids_text(site)
    for period in PERIODS:
        assert f"Thema's (data/agenda/{period}.yaml" in listed
    for year in YEARS:
        assert f"Themagroepen (data/jaarverslagen/{year}/report.yaml" in listed
        assert f"Activiteiten (data/jaarverslagen/{year}/activities.yaml" in listed
    assert "2 agenda's" in summary(site) and f"met een rol in {YEARS[0]}–{YEARS[-1]}" in summary(site)


def test_open_data_gives_each_row_its_year_or_period(two_periods) -> None:
    import json

    _, site = two_periods
    files = open_data_files(site, "https://x.nl/")
    activities = json.loads(files["open-data/activiteiten.json"])
    assert {a["year"] for a in activities} == set(YEARS)
    themes = json.loads(files["open-data/themas.json"])
    assert {t["period"] for t in themes} == set(PERIODS)
    catalogue = files["open-data/catalogus.jsonld"].decode()
    assert f"Thema's van de strategische agenda {', '.join(PERIODS)}" in catalogue


# --- pages ---------------------------------------------------------------------------


def test_every_page_kind_exists_for_every_year_and_period(two_periods, rendered) -> None:
    _, site = two_periods
    for year in YEARS:
        missing = [p for p in report_pages(site, year) if p not in rendered]
        assert missing == [], year
        activities = next(y for y in site.years if y.year == year).activities.activities
        assert all(f"activiteiten/{a.id}.md" in rendered for a in activities)
    for period in PERIODS:
        assert [p for p in agenda_pages(site, period) if p not in rendered] == [], period
    assert "agenda/wat-is-veranderd.md" in rendered
    for year in YEARS[:-1]:  # the newest report's charts are on 'In beeld' itself
        assert f"jaarverslag/{year}/in-beeld.md" in rendered


def test_a_report_page_says_its_own_year_and_switches_to_the_others(rendered) -> None:
    for year in YEARS:
        page = rendered[f"jaarverslag/{year}/tijdlijn.md"]
        assert f"# Tijdlijn {year}" in page
        others = [y for y in reversed(YEARS) if y != year]
        switch = re.search(r"\*Andere jaren:\*(.*)\n\n", page).group(1)  # a paragraph of its own
        assert re.findall(r"\[(\d{4})\]\(\.\./(\d{4})/tijdlijn\.md\)", switch) == [(str(y), str(y)) for y in others]
        group = rendered[f"jaarverslag/{year}/sociaal/armoede-schulden.md"]
        assert f"in het jaarverslag {year}.*" in group
        other_years = {str(y) for y in YEARS if y != year}
        assert not any(f"jaarverslag/{y}/" in group for y in other_years), "a group page lists its own year only"


def test_a_theme_page_lists_its_agendas_years_newest_first(two_periods, rendered) -> None:
    _, site = two_periods
    newer = rendered[f"agenda/{periods.SECOND_PERIOD}/talent.md"]
    headings = re.findall(r"^## Wat deed de G40 in (\d{4})\?$", newer, re.M)
    assert headings == [str(y) for y in reversed(periods.FICTIONAL_YEARS)]
    older = rendered[f"agenda/{periods.FIRST_PERIOD}/talent.md"]
    assert re.findall(r"^## Wat deed de G40 in (\d{4})\?$", older, re.M) == [str(periods.FIRST_YEAR)]
    for year in periods.FICTIONAL_YEARS:
        section = newer.split(f"## Wat deed de G40 in {year}?")[1].split("## ")[0]
        ids = re.findall(r"activiteiten/([\w-]+)\.md", section)
        assert ids and all(i.startswith(periods.prefix(year)) for i in ids), year


def test_a_city_page_lists_its_roles_per_year_newest_first(two_periods, rendered) -> None:
    _, site = two_periods
    page = rendered["steden/apeldoorn.md"]
    assert re.findall(r"^## Rollen in (\d{4})$", page, re.M) == [str(y) for y in reversed(YEARS)]
    first = page.split(f"## Rollen in {periods.FIRST_YEAR}")[1]
    assert "fictief-" not in first.split("Terug naar")[0], "the 2021 roles are the real ones only"


def test_home_and_menu_point_to_the_newest_and_list_the_older(two_periods, rendered) -> None:
    project, site = two_periods
    home = rendered["index.md"]
    newest = YEARS[-1]
    assert f"[Jaarverslag {newest}](jaarverslag/{newest}/index.md)" in home
    assert f"(agenda/{periods.SECOND_PERIOD}/index.md)" in home
    for year in YEARS[:-1]:
        assert f"[Jaarverslag {year}](jaarverslag/{year}/index.md)" in home
    assert f"(agenda/{periods.FIRST_PERIOD}/index.md)" in home and "(agenda/wat-is-veranderd.md)" in home
    before = passages.SEEDS
    passages.SEEDS = project.root / "seeds"
    try:
        nav = prepare(project).nav
    finally:
        passages.SEEDS = before
    sections = {next(iter(entry)): entry[next(iter(entry))] for entry in nav if isinstance(entry, dict)}
    report_section = [next(iter(e)) for e in sections["Jaarverslag"] if isinstance(e, dict)]
    assert report_section == [f"Jaarverslag {y}" for y in reversed(YEARS)]
    agenda_section = sections["Agenda"]
    assert agenda_section[0] == {"Wat is veranderd": "agenda/wat-is-veranderd.md"}
    assert [next(iter(e)) for e in agenda_section[1:]] == [f"Fictieve strategische agenda {periods.SECOND_PERIOD}",
                                                           f"Strategische agenda {periods.FIRST_PERIOD}"]


def test_the_comparison_names_added_removed_and_renamed_themes_and_speerpunten(two_periods, rendered) -> None:
    _, site = two_periods
    page = rendered["agenda/wat-is-veranderd.md"]
    old = {t.id: t for t in site.agendas[0].agenda.themes}

    def section(theme_title: str) -> str:
        return page.split(f"### [{theme_title}]")[1].split("\n### ")[0]

    renamed_id, renamed_title = periods.RENAMED_THEME
    assert f"*Hernoemd; eerder: [{old[renamed_id].title}]" in section(renamed_title)
    assert "*Vervallen: dit thema staat niet in de nieuwe agenda.*" in section(old[periods.REMOVED_THEME].title)
    assert "*Nieuw thema.*" in section("Fictief: klimaat in de stad")
    zorg = section(old["zorgstelsel"].title)
    assert f"- {old['zorgstelsel'].speerpunten[0].title} → {periods.RENAMED_SPEERPUNT[2]}" in zorg
    assert f"Nieuwe speerpunten:\n\n- {periods.ADDED_SPEERPUNT[1]}" in zorg
    removed = old[periods.REMOVED_SPEERPUNT].speerpunten[-1].title
    assert f"Vervallen speerpunten:\n\n- {removed}" in section(old[periods.REMOVED_SPEERPUNT].title)
    assert "De speerpunten zijn gelijk gebleven." in section(old["talent"].title)


def test_no_comparison_page_with_one_agenda() -> None:
    site, _ = load_site(REPO / "data")
    assert "agenda/wat-is-veranderd.md" not in {p.path for p in pages(site)}


def test_bundles_name_the_period_of_their_session(two_periods) -> None:
    project, site = two_periods
    from generator.pages.links import Context

    ctx = Context(site)
    undated = next(s for s in site.sessions.sessions if s.date is None)
    paths = [bundle.item_path(ctx, item) for item in undated.items]
    assert f"agenda/{periods.SECOND_PERIOD}/index.md" in paths
    assert f"jaarverslag/{YEARS[-1]}/index.md" in paths
    from generator.models import SessionItem

    assert bundle.item_path(ctx, SessionItem(page="jaarverslag"), periods.FIRST_YEAR) == \
        f"jaarverslag/{periods.FIRST_YEAR}/index.md"
    assert bundle.item_path(ctx, SessionItem(theme="talent"), 2012) == f"agenda/{periods.FIRST_PERIOD}/talent.md"


# --- redirects -----------------------------------------------------------------------


def test_old_addresses_redirect_to_the_first_period_only(two_periods) -> None:
    _, site = two_periods
    mapping = redirects.redirects(site)
    assert mapping["agenda/index.md"] == f"agenda/{periods.FIRST_PERIOD}/index.md"
    assert mapping["jaarverslag/index.md"] == f"jaarverslag/{periods.FIRST_YEAR}/index.md"
    assert all(f"/{periods.SECOND_PERIOD}/" not in new and not any(f"/{y}/" in new for y in periods.FICTIONAL_YEARS)
               for new in mapping.values())


def test_every_address_of_before_the_periods_redirects_to_its_page() -> None:
    site, _ = load_site(REPO / "data")
    mapping = redirects.redirects(site)
    generated = {p.path for p in pages(site)}
    year, period = periods.FIRST_YEAR, periods.FIRST_PERIOD
    old_layout = {path.replace(f"agenda/{period}/", "agenda/").replace(f"jaarverslag/{year}/", "jaarverslag/")
                  for path in generated if path.startswith((f"agenda/{period}/", f"jaarverslag/{year}/"))}
    assert set(mapping) == old_layout
    assert all(new in generated for new in mapping.values())
    assert not set(mapping) & generated, "an old address is no page of its own"


def test_a_redirect_page_links_relatively_and_escapes_its_title() -> None:
    body = redirects.stub("agenda/talent.md", "agenda/p/talent.md", '<b>"x"</b>').decode()
    assert '<meta http-equiv="refresh" content="0; url=../p/talent/">' in body
    assert '<a href="../p/talent/">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</a>' in body
    assert "<script" not in body


# --- the built site ------------------------------------------------------------------


def test_every_page_of_both_periods_is_built(two_periods_built: Path, two_periods, rendered) -> None:
    missing = [p for p in rendered if not (two_periods_built / published_as(p) / "index.html").exists()
               and not (two_periods_built / published_as(p)).is_file()]
    assert missing == []
    for year in YEARS:
        page = HtmlPage(two_periods_built / "jaarverslag" / str(year) / "index.html")
        assert page.h1 == [f"Jaarverslag {year}"]


def test_old_addresses_of_the_built_site_lead_to_the_first_period(two_periods_built: Path) -> None:
    stubs = sorted(p for p in two_periods_built.rglob("index.html")
                   if 'http-equiv="refresh"' in p.read_text(encoding="utf-8"))
    assert len(stubs) == len(redirects.redirects(load_site(REPO / "data")[0]))
    for stub in stubs:
        text = stub.read_text(encoding="utf-8")
        target = re.search(r'url=([^"]+)"', text).group(1)
        landed = Path(posixpath.normpath(posixpath.join(stub.parent.as_posix(), target))) / "index.html"
        assert landed.exists(), stub
        folder = landed.parent.relative_to(two_periods_built).as_posix()
        assert folder.startswith((f"agenda/{periods.FIRST_PERIOD}", f"jaarverslag/{periods.FIRST_YEAR}")), folder
        assert re.search(r"<title>Verhuisd: (.*)</title>", text).group(1) == HtmlPage(landed).h1[0]
    netlify = (two_periods_built / redirects.NETLIFY_FILE).read_text(encoding="utf-8")
    assert f"/agenda/talent/ /agenda/{periods.FIRST_PERIOD}/talent/ 301!" in netlify.splitlines()


def test_old_address_redirects_in_chromium(two_periods_built: Path, browser) -> None:
    from tests.browser import Watch, serve

    with serve(two_periods_built) as base:
        page = browser.new_page()
        watch = Watch(page, base.split("/")[2])
        page.goto(base + "jaarverslag/sociaal/")
        page.wait_for_url(f"**/jaarverslag/{periods.FIRST_YEAR}/sociaal/")
        assert page.locator("h1").inner_text().rstrip("¶") == "Sociaal"
        assert watch.foreign == []
        page.close()


def test_search_finds_pages_of_every_period_and_no_redirect(two_periods_built: Path) -> None:
    from generator import search

    folder = two_periods_built / "search"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.js")))
    urls = set(re.findall(r'"((?:agenda|jaarverslag|activiteiten)/[^"]*/)"', text))
    assert f"agenda/{periods.SECOND_PERIOD}/fictief-klimaat/" in urls
    assert f"agenda/{periods.FIRST_PERIOD}/talent/" in urls
    for year in YEARS:
        assert f"jaarverslag/{year}/sociaal/armoede-schulden/" in urls
    assert "agenda/talent/" not in urls and "jaarverslag/sociaal/" not in urls, "redirect pages are not indexed"
    index = search.build_index([p for p in search.site_pages(two_periods_built, True) if p.url in urls])
    found = {index.docs[d].url for d in index.postings["klimaat"]}
    assert f"agenda/{periods.SECOND_PERIOD}/fictief-klimaat/" in found


def test_the_whole_site_bundle_holds_every_period_and_links_the_newest(two_periods_bundle: Path) -> None:
    for year in YEARS:
        assert (two_periods_bundle / "jaarverslag" / str(year) / "tijdlijn.html").exists()
    for period in PERIODS:
        assert (two_periods_bundle / "agenda" / period / "talent.html").exists()
    assert (two_periods_bundle / "agenda" / "wat-is-veranderd.html").exists()
    cover = (two_periods_bundle / "index.html").read_text(encoding="utf-8")
    assert f'href="agenda/{periods.SECOND_PERIOD}/index.html"' in cover
    assert f'href="jaarverslag/{YEARS[-1]}/index.html"' in cover
    assert not list(two_periods_bundle.glob("agenda/talent*")), "no redirect pages in a bundle"
