"""A reader finds the way (issue 16): the home page's ways in fit the first screen, the menu
is there on every page, nothing scrolls sideways on a phone, and every page says where it is."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pikepdf
import pytest
from lxml import html as lxml_html
from playwright.sync_api import expect

from tests.test_accessibility import PAGE_KINDS

SCREENS = {"desktop": (1280, 800), "telefoon": (375, 667)}
"""First screens: a laptop, and a small phone (iPhone SE)."""

WAYS_IN = ["Thema's", "Kernboodschappen", "Jaarverslag 2021", "De kaart", "Tijdlijn", "Raadsbundels"]
"""Links the home page offers before any scrolling, besides the search box and the city picker."""


@pytest.fixture()
def open_page(site_tabs, site_url: str):
    """A function (path, width[, height]) → the page at `path`, loaded in the file's tab of that size."""

    def open_(path: str, width: int, height: int = 900):
        page, watch = site_tabs.open(site_url + path, width, height)
        page.watch = watch
        return page

    return open_


def _in_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] \
        and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_home_first_screen_has_intro_search_and_every_way_in(open_page, screen: tuple[int, int]) -> None:
    page = open_page("", *screen)
    content = page.locator("article")
    intro = content.locator("p.intro")
    assert _in_first_screen(page, intro) and "G40" in intro.inner_text()
    assert _in_first_screen(page, content.get_by_label("Zoek op de site"))
    assert _in_first_screen(page, content.get_by_role("button", name="Zoeken"))
    ways = content.get_by_role("navigation", name="Ingangen")
    for name in WAYS_IN:
        link = ways.get_by_role("link", name=name, exact=True)
        assert _in_first_screen(page, link), name
    assert _in_first_screen(page, content.locator("details.stedenkiezer summary"))
    assert page.watch.errors == [] and page.watch.foreign == []


def test_home_city_picker_opens_to_every_city_and_a_city_page(open_page, built_site: Path) -> None:
    page = open_page("", 375)
    picker = page.locator("details.stedenkiezer")
    picker.locator("summary").click()
    cities = picker.locator("li a")
    expect(cities.first).to_be_visible()
    city_pages = {p.parent.name for p in (built_site / "steden").glob("*/index.html")}
    assert {urlsplit(h).path.strip("/").split("/")[-1] for h in cities.evaluate_all("l => l.map(a => a.href)")} \
        == city_pages
    cities.filter(has_text="Apeldoorn").click()
    assert urlsplit(page.url).path.endswith("/steden/apeldoorn/")


@pytest.mark.parametrize("width", [1280, 375])
def test_home_search_box_shows_results(open_page, width: int) -> None:
    page = open_page("", width)
    box = page.locator("article").get_by_label("Zoek op de site")
    box.fill("ondermijning")
    box.press("Enter")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15_000)
    assert any("/agenda/2019-2022/veilige-stad/" in h for h in results.evaluate_all("l => l.map(a => a.href)"))


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_menu_on_every_page_kind(open_page, path: str) -> None:
    desktop = open_page(path, 1280)
    menu = desktop.locator(".md-sidebar--primary .md-nav--primary")
    expect(menu).to_be_visible()
    for label in ("Agenda", "Steden", "Bronnen"):
        expect(menu.get_by_role("link", name=label, exact=True).first).to_be_visible()
    phone = open_page(path, 375)
    expect(phone.get_by_role("button", name="Menu")).to_be_visible()


def test_page_titles_do_not_repeat_the_site_name(built_site: Path) -> None:
    titles = {p.relative_to(built_site).as_posix(): re.search(r"<title>(.*?)</title>", p.read_text("utf-8")).group(1)
              for p in built_site.rglob("*.html")}
    assert titles["index.html"] == "Stedenagenda G40"
    repeated = {page: t for page, t in titles.items() if len(set(t.split(" - "))) < len(t.split(" - "))}
    assert repeated == {}


def test_english_quote_is_marked_english(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    assert re.search(r'<p lang="en">"We cannot solve our problems', home)


TABLES_AT_375 = """() => [...document.querySelectorAll('article table')].map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap'), style = wrap && getComputedStyle(wrap);
    const cell = t.querySelector('td'), text = document.querySelector('article > p');
    return {wide: wrap ? wrap.scrollWidth > wrap.clientWidth : t.scrollWidth > t.clientWidth,
            scrolls: !!style && style.overflowX === 'auto', cue: !!style && style.backgroundImage.includes('radial-gradient'),
            cell: cell && parseFloat(getComputedStyle(cell).fontSize), body: text && parseFloat(getComputedStyle(text).fontSize)};
})"""


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_page_kind_scrolls_sideways_on_a_phone(open_page, path: str) -> None:
    page = open_page(path, 375)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    for table in page.evaluate(TABLES_AT_375):
        # A wide table scrolls inside its own box, which shows a shadow at the edge with more.
        assert not table["wide"] or (table["scrolls"] and table["cue"]), table
        if table["cell"] and table["body"]:
            assert table["cell"] == table["body"], table


def test_the_agenda_table_reads_as_rows_on_a_phone(open_page) -> None:
    """The check above has tables to check: the agenda's, too wide for a phone's column side
    by side, shows there in its reading form, each cell named by its column (issue 25)."""
    page = open_page("agenda/2019-2022/", 375)
    assert page.locator("article table").count() > 0
    assert not any(t["wide"] for t in page.evaluate(TABLES_AT_375))
    named = page.evaluate("""() => [...document.querySelectorAll('article table tbody td')].map(td =>
        getComputedStyle(td, '::before').content)""")
    assert named and all(n.startswith('"') and n.endswith(': "') for n in named), named[:3]


def test_every_glossary_term_is_explained_or_marked_unexplained(built_site: Path) -> None:
    """Read from the page's Markdown as generated for this site: one `## term` section each."""
    markdown = (built_site.parent / "build" / "docs" / "begrippen.md").read_text("utf-8")
    sections = [s for s in re.split(r"^## ", markdown, flags=re.M)[1:]]
    assert len(sections) > 40
    unexplained, said_of = [], {}
    for section in sections:
        term, _, body = section.partition("\n")
        term = re.sub(r"\s*\{#[^}]*\}$", "", term)
        said = [line for line in body.splitlines()
                if line.strip() and not line.startswith(("Bron:", "Ook geschreven als:", "*[")) ]
        said_of[term] = " ".join(said)
        if not said:
            unexplained.append(term)
    assert unexplained == []
    for term in ("Deltacommissaris", "Democratie in Uitvoering"):
        assert "legt niet uit" in said_of[term], said_of[term]


def _commit(root: Path, day: str, message: str) -> None:
    import os
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=env)


def test_each_page_says_when_its_data_last_changed_in_git(project) -> None:
    import subprocess

    from generator.build import generate, prepare
    from generator.bundle import Output
    from generator.commands import build as build_command

    generate(project)  # outside git: no date at all, rather than a wrong one
    assert "Laatst gewijzigd" not in (project.docs / "steden" / "apeldoorn.md").read_text("utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    _commit(project.root, "2020-01-02", "all")
    cities = project.data / "cities.yaml"
    text = cities.read_text("utf-8")
    assert '  - id: apeldoorn\n    name: "Apeldoorn"\n' in text
    cities.write_text(text.replace('  - id: apeldoorn\n    name: "Apeldoorn"\n',
                                   '  - id: apeldoorn\n    name: "Apeldoorn"\n    search_aliases: ["Apeldorp"]\n')
                      + "\n# a later edit\n", encoding="utf-8")
    _commit(project.root, "2021-03-04", "cities")
    generate(project)
    assert "*Laatst gewijzigd: 4 maart 2021*" in (project.docs / "steden" / "apeldoorn.md").read_text("utf-8")
    # A page says when its own record changed, not when anything else in its file did.
    assert "*Laatst gewijzigd: 2 januari 2020*" in (project.docs / "steden" / "assen.md").read_text("utf-8")
    assert "*Laatst gewijzigd: 2 januari 2020*" in (project.docs / "agenda" / "2019-2022" / "talent.md").read_text("utf-8")
    assert "*Laatst gewijzigd: 2 januari 2020*" in (project.docs / "colofon.md").read_text("utf-8")
    # An uncommitted edit does not change the day: the build stays the same for one commit.
    cities.write_text(cities.read_text("utf-8") + "# not committed\n", encoding="utf-8")
    generate(project)
    assert "*Laatst gewijzigd: 4 maart 2021*" in (project.docs / "steden" / "apeldoorn.md").read_text("utf-8")
    # Every page says it, Raadsbundels too once `make site` lists the bundles' files on it.
    prepared = prepare(project)
    outputs = []
    for session in prepared.site.sessions.sessions:
        files = [project.root / f"{session.id}.{n}.pdf" for n in range(len(session.items))]
        for path in [*files, project.root / f"{session.id}.pdf"]:
            with pikepdf.new() as pdf:  # the page counts the Raadsbundels page gives
                pdf.add_blank_page()
                pdf.save(path)
        (project.root / f"{session.id}.zip").write_bytes(b"x")
        outputs.append(Output(project.root / f"{session.id}.zip", project.root / f"{session.id}.pdf", files,
                              [f"Stuk {n}" for n in range(len(files))]))
    build_command.publish_bundles(project, prepared, outputs)
    assert "PDF" in (project.docs / "raadsbundels.md").read_text("utf-8")
    assert [p.relative_to(project.docs).as_posix() for p in sorted(project.docs.rglob("*.md"))
            if "Laatst gewijzigd" not in p.read_text("utf-8")] == []


ORIENTATION = """() => ({
    h1: getComputedStyle(document.querySelector('article h1')).color,
    crumbs: [...document.querySelectorAll('nav.kruimels li')].map(li => li.textContent.trim()),
    current: [...new Set([...document.querySelectorAll(
        '.md-nav--primary > .md-nav__list > .md-nav__item--active > .md-nav__link')].map(a => a.textContent.trim()))],
    footer: [...document.querySelectorAll('nav.voetlinks a')].map(a => a.textContent.trim()),
})"""


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_every_page_kind_says_where_the_reader_is(open_page, path: str) -> None:
    page = open_page(path, 1280)
    seen = page.evaluate(ORIENTATION)
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", seen["h1"]))
    assert max(red, green, blue) < 60 and (not alpha or alpha[0] >= 0.85), seen["h1"]  # as dark as body text
    assert set(seen["footer"]) >= {"Toegankelijkheid", "Colofon", "Open data", "Contact"}
    assert len(seen["current"]) <= 1
    if path not in ("", "404.html"):
        assert seen["crumbs"][0] == "Home" and len(seen["crumbs"]) >= 2
        assert seen["crumbs"][-1] == page.locator("article h1").inner_text().replace("¶", "").strip()


@pytest.mark.parametrize(("path", "crumbs", "section"), [
    ("steden/apeldoorn/", ["Home", "Steden", "Apeldoorn"], "Steden"),
    ("steden/", ["Home", "Steden"], "Steden"),
    ("agenda/2019-2022/talent/", ["Home", "Agenda"], "Agenda"),
    ("jaarverslag/2021/sociaal/armoede-schulden/", ["Home", "Jaarverslag 2021"], "Jaarverslag 2021"),
    ("personen/", ["Home", "Personen"], "Personen"),
    ("activiteiten/actieagenda-wonen/", ["Home", "Jaarverslag 2021", "Fysiek", "Fysiek: algemeen", "Actieagenda Wonen"],
     "Jaarverslag 2021"),
])
def test_breadcrumbs_and_current_section(open_page, path: str, crumbs: list[str], section: str) -> None:
    page = open_page(path, 1280)
    seen = page.evaluate(ORIENTATION)
    assert seen["crumbs"][: len(crumbs) - 1] == crumbs[:-1] and seen["crumbs"][-1] == seen["crumbs"][-1]
    assert crumbs[-1] in seen["crumbs"][-1] or len(crumbs) == 2
    assert seen["current"] == [section]
    phone = open_page(path, 375)
    expect(phone.locator("nav.kruimels")).to_be_visible()


def test_section_mark_does_not_stay_on_later_pages(built_site: Path) -> None:
    """The same page objects serve every page of a build: pages built after a city page must
    not show "Steden" as theirs."""
    for html in built_site.rglob("index.html"):
        rel = html.relative_to(built_site).as_posix()
        text = html.read_text("utf-8")
        marked = re.findall(r'md-nav__item--active[^>]*>(?:\s|<input[^>]*>|<(?:a|label)[^>]*>|<span[^>]*>)*([^<]+?)\s*<',
                            text)
        assert ("Steden" in marked) == rel.startswith("steden/"), (rel, marked)


def test_every_activity_sits_under_its_theme_group_in_crumbs_and_menu(built_site: Path) -> None:
    """Activities are not in the menu; each one's breadcrumbs run through the report and the
    theme group page that lists it, and the menu marks that report's section, and only on
    activity and report pages (the mark is reset after each page)."""
    activities = sorted((built_site / "activiteiten").glob("*/index.html"))
    assert len(activities) >= 100
    for html in built_site.rglob("index.html"):
        rel = html.relative_to(built_site).as_posix()
        text = html.read_text("utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        tree = lxml_html.fromstring(text)
        marked = [" ".join(item.xpath("./*[self::a or self::label or self::div][1]")[0].text_content().split())
                  for item in tree.xpath("//nav[contains(@class, 'md-nav--primary')]/ul/li"
                                         "[contains(@class, 'md-nav__item--active')]")]
        in_report = rel.startswith(("activiteiten/", "jaarverslag/"))
        assert any(m.startswith("Jaarverslag") for m in marked) == in_report, (rel, marked)
        if rel.startswith("activiteiten/"):
            names = [" ".join(li.text_content().split()) for li in tree.xpath("//nav[@class='kruimels']//li")]
            assert len(names) >= 3 and names[1].startswith("Jaarverslag"), (rel, names)


def test_timeline_states_each_date_once_and_groups_year_only_items(built_site: Path) -> None:
    from generator.render import MONTHS

    markdown = (built_site.parent / "build" / "docs" / "jaarverslag" / "2021" / "tijdlijn.md").read_text("utf-8")
    dated, _, undated = markdown.partition("## Alleen het jaar bekend")
    items = [line for line in dated.splitlines() if line.startswith("- ")]
    assert len(items) > 10
    for line in items:  # the month heading gives month and year; an item at most its day
        title_part = line.split("](")[0]
        assert not any(re.search(rf"\b{m}\b", title_part.split("[", 1)[0], re.I) for m in MONTHS), line
        assert not re.match(r"- \S*20\d\d", line), line
    groups = re.findall(r"^### (.+)$", undated, re.M)
    assert len(groups) == len(set(groups)) > 3
    before_first_group = undated.split("### ", 1)[0]
    assert not re.search(r"^- ", before_first_group, re.M)  # every year-only item sits under its group
    all_items = len(items) + len(re.findall(r"^- ", undated, re.M))
    activities = (built_site.parent / "data" / "jaarverslagen" / "2021" / "activities.yaml").read_text("utf-8")
    assert all_items == len(re.findall(r"^  - id: ", activities, re.M))


PICTURES = """() => [...document.querySelectorAll('article svg.plaatje')].filter(svg => svg.getClientRects().length).map(svg => {
    const frame = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom,
                px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                href: t.closest('a') && new URL(t.closest('a').getAttribute('href'), location.href).href};
    });
    const dots = [...svg.querySelectorAll('circle')].map(c => {
        const r = c.getBoundingClientRect();
        return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, href: c.closest('a') && new URL(c.closest('a').getAttribute('href'), location.href).href};
    });
    return {map: svg.classList.contains('kaart'), texts, dots,
            frame: {x0: frame.left, y0: frame.top, x1: frame.right, y1: frame.bottom}};
})"""


def _overlap(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


@pytest.mark.parametrize("width", [1280, 375])
def test_map_names_never_overlap_and_every_city_links(open_page, built_site: Path, width: int) -> None:
    """One map shows at each width: names beside the dots at 1280 px; at 375 px numbers, with
    the numbered list beneath, whose every entry links to the same city as its number."""
    page = open_page("in-beeld/", width)
    pictures = page.evaluate(PICTURES)
    maps = [p for p in pictures if p["map"]]
    assert len(maps) == 1
    names, dots = maps[0]["texts"], maps[0]["dots"]
    city_pages = {p.parent.name for p in (built_site / "steden").glob("*/index.html")}
    assert len(names) == len(dots) == len(city_pages) == 40
    assert {urlsplit(t["href"]).path.strip("/").split("/")[-1] for t in names} == city_pages
    assert {urlsplit(d["href"]).path.strip("/").split("/")[-1] for d in dots} == city_pages
    overlapping = [(a["text"], b["text"]) for i, a in enumerate(names) for b in names[i + 1:] if _overlap(a, b)]
    assert overlapping == []
    on_dots = [(t["text"], d["href"]) for t in names for d in dots if _overlap(t, d)]
    assert on_dots == []
    assert min(t["px"] for t in names) >= 12
    assert maps[0]["frame"]["x1"] <= width and page.evaluate("document.scrollingElement.scrollWidth") <= width
    legend = page.locator(".kaart__legenda li a")
    if width < 640:
        assert sorted(t["text"] for t in names) == sorted(str(n) for n in range(1, 41))
        expect(legend.first).to_be_visible()
        entries = legend.evaluate_all("as => as.map(a => [a.textContent, a.href])")
        assert {str(n): href for n, (_, href) in enumerate(entries, 1)} == {t["text"]: t["href"] for t in names}
        assert min(legend.evaluate_all("as => as.map(a => parseFloat(getComputedStyle(a).fontSize))")) >= 12
    else:
        assert not any(t["text"].isdigit() for t in names)
        expect(legend.first).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 375])
def test_chart_labels_fit_inside_their_picture_and_are_readable(open_page, width: int) -> None:
    page = open_page("in-beeld/", width)
    for picture in page.evaluate(PICTURES):
        frame = picture["frame"]
        for text in picture["texts"]:
            assert text["x0"] >= frame["x0"] - 0.5 and text["x1"] <= frame["x1"] + 0.5, text
            assert text["px"] >= 12, text
    if width >= 1280:  # on a wide screen every chart shows whole, without scrolling its box
        boxes = page.evaluate("[...document.querySelectorAll('.kaartvak')].map(b => [b.scrollWidth, b.clientWidth])")
        assert len(boxes) >= 3 and all(inner <= outer for inner, outer in boxes), boxes


@pytest.mark.parametrize("width", [1280, 375])
def test_map_draws_the_netherlands_with_every_city_on_it(open_page, width: int) -> None:
    page = open_page("in-beeld/", width)
    inside = page.evaluate("""() => {
        return [...document.querySelectorAll('svg.kaart')].filter(svg => svg.getClientRects().length).map(svg => {
            const land = svg.querySelector('path.kaart__land');
            return [...svg.querySelectorAll('circle')].map(c => land.isPointInFill(new DOMPoint(c.cx.baseVal.value, c.cy.baseVal.value)));
        });
    }""")
    assert len(inside) == 1 and len(inside[0]) == 40 and all(inside[0])
