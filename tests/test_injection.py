"""The injection table: hostile text in every text field of the fixture's data (tests/fixture/:
every kind of record and every template, at a third of the real data's size), built into
the site, its search index and a council bundle, must give exactly the element tree that
neutral text of the same length gives.

Every string value of every data file gets a payload (in turn from PAYLOADS); a value
the validator refuses with a payload (ids, dates, addresses, exact-name checks) keeps its
original text in both builds, so the two builds differ only in text the site accepts. The
neutral build replaces each payload character by a capital (white space kept), so headings,
paragraphs and table cells stay where they were. Then, page by page, the sequence of
elements and attribute names must be the same: a payload that opened a tag, added an
attribute (`http-equiv`), an admonition, a list or a link would show up as a difference.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from generator import wording
from generator.build import Project
from generator.commands import build as build_command
from generator.load import Path_, load_document
from generator.models import data_files
from generator.validate import load_site
from tests.conftest import copy_fixture_project, fixture_seeds

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", autouse=True)
def _fixture_sources() -> Iterator[None]:
    """Every build and check here reads the fixture's own source texts."""
    with fixture_seeds():
        yield

PAYLOADS = [
    '0;url=https://evil.example/" http-equiv="refresh',
    "x\"> tekst ' onmouseover='alert(1)",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "Tom &amp; Jerry &lt;b&gt;",
    '!!! danger "Gehackt"',
    '??? note "Gehackt"',
    "{: onclick=alert(1) } tekst",
    "*[de]: uitleg van de",
    "[x]: javascript:alert(1)",
    "`code` **vet** _schuin_ ~~weg~~",
    "| cel | cel |",
    "# kop",
    "- lijst",
    "1. lijst",
    "2) lijst",
    "> citaat",
    "---",
    "===",
    "javascript:alert(1)",
    "{{ config.site_name }} {% raw %} {# x #}",
    "${alert(1)} \\ \\\\",
    "3 < 4 > 2 & 5",
    "https://evil.example/",
    "x\u00a0y",
]
"""One-line payloads that pass validation (markup that the validator refuses outright,
such as `<script>` or `[x](y)`, is tested in test_invalid_corpus and test_security)."""

TEXT_PAYLOADS = [
    '!!! danger "Gehackt"\n\n    ingesprongen regel\n\neen alinea',
    "regel\n---\nregel",
    "regel\n===\n\n* lijst\n* lijst",
    "eerste alinea\n\n<!-- -->\n\n{: .x }",
]
"""Payloads over several lines, for values that already span lines (prose)."""


def neutral(text: str) -> str:
    """Text of the same shape with nothing in it: every visible character becomes one
    capital, a different one per payload (pages that group records by a text, such as
    the source pages by section, must group the neutral build the same way)."""
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(PAYLOADS + TEXT_PAYLOADS).index(text) % 26]
    return re.sub(r"\S", letter, text)


def string_paths(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from string_paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from string_paths(child, path + (index,))
    elif isinstance(value, str):
        yield path, value


def set_at(data: Any, path: Path_, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def original_data(root: Path) -> dict[str, Any]:
    return {name: load_document(root / "data" / f"{name}.yaml", name)[0].data for name in data_files(root / "data")}


def mutated(originals: dict[str, Any], choose, keep: set[tuple[str, Path_]]) -> dict[str, Any]:
    """The data with every string not in `keep` replaced by `choose(index, original)`."""
    data = yaml.safe_load(json.dumps(originals))  # a deep copy
    index = 0
    for name, document in originals.items():
        for path, text in string_paths(document):
            if (name, path) not in keep:
                set_at(data[name], path, choose(index, text))
            index += 1
    return data


def write_data(project: Project, data: dict[str, Any]) -> None:
    for name, document in data.items():
        (project.data / f"{name}.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")


def refused_paths(project: Project) -> set[tuple[str, Path_]]:
    """The string values the validator refuses, found from the problems' positions."""
    _, problems = load_site(project.data)
    refused = set()
    for problem in problems:
        name = problem.file.removeprefix("data/").removesuffix(".yaml")
        doc, _ = load_document(project.data / f"{name}.yaml", problem.file)
        at = [path for path, (line, column) in doc.values.items()
              if line == problem.line and isinstance(doc.data, dict) and _is_string(doc.data, path)]
        assert at, f"cannot map {problem} to a value"
        refused |= {(name, path) for path in at}
    return refused


def _is_string(data: Any, path: Path_) -> bool:
    for part in path:
        data = data[part]
    return isinstance(data, str)


def hostile(index: int, text: str) -> str:
    if "\n" in text.strip() or len(text) > 120:
        return TEXT_PAYLOADS[index % len(TEXT_PAYLOADS)]
    return PAYLOADS[index % len(PAYLOADS)]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Project]:
    """The hostile and the neutral build, each with the site and the bundles."""
    projects = {kind: copy_fixture_project(tmp_path_factory.mktemp(kind)) for kind in ("hostile", "neutral")}
    originals = original_data(projects["hostile"].root)
    keep: set[tuple[str, Path_]] = set()
    for _ in range(6):  # each round keeps what the validator refused in either build
        variants = {"hostile": mutated(originals, hostile, keep),
                    "neutral": mutated(originals, lambda i, t: neutral(hostile(i, t)), keep)}
        refused = set()
        for kind, project in projects.items():
            write_data(project, variants[kind])
            refused |= refused_paths(project)
        if not refused:
            break
        keep |= refused
    else:
        pytest.fail(f"still refused after six rounds: {sorted(refused)[:5]}")
    mutated_count = sum(1 for doc in originals.values() for _ in string_paths(doc)) - len(keep)
    assert mutated_count > 250, f"only {mutated_count} values carry a payload"
    for project in projects.values():
        build_command.run(project)
    return projects


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Tree(HTMLParser):
    """The element tree as (depth, tag, attribute names) per element. Compared as a
    multiset: pages that sort records by their text (source pages by section) may put
    the same elements in another order, but may not add, drop or re-nest one. Only the
    number of lines (`tspan`) of an SVG label is free: the picture wraps a label by its
    width, and the neutral text's capitals are wider than the payload's characters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[int, str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.depth = 0

    @property
    def shape(self) -> Counter:
        lines = {element for element in self.elements if element[1] == "tspan"}
        return Counter(element for element in self.elements if element[1] != "tspan") + Counter(lines)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((self.depth, tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth -= 1


def tree(path: Path) -> Tree:
    parsed = Tree()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def html_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def test_payloads_reach_the_pages(builds: dict[str, Project]) -> None:
    """The suite means something only if the payloads are published, as text."""
    site = builds["hostile"].site
    text = "\n".join((site / page).read_text(encoding="utf-8") for page in html_files(site))
    for payload in ("http-equiv=&#34;refresh", "http-equiv=&quot;refresh", "onerror=alert(1)", "Gehackt"):
        if payload in text:
            break
    else:
        pytest.fail("no payload reached the site")
    assert text.count("Gehackt") > 20


@pytest.mark.parametrize("where", ["site", "dist"])
def test_no_payload_changes_any_pages_element_tree(builds: dict[str, Project], where: str) -> None:
    hostile_project, neutral_project = builds["hostile"], builds["neutral"]
    if where == "site":
        folders = [(hostile_project.site, neutral_project.site)]
    else:
        folders = []
        for archive in sorted(hostile_project.dist.glob("*.zip")):
            import zipfile

            pair = []
            for project in (hostile_project, neutral_project):
                target = project.root / "unzipped" / archive.stem
                zipfile.ZipFile(project.dist / archive.name).extractall(target)
                pair.append(target)
            folders.append(tuple(pair))
        assert folders, "no bundles were built"
    checked = 0
    for hostile_folder, neutral_folder in folders:
        pages = html_files(hostile_folder)
        assert pages == html_files(neutral_folder)
        for page in pages:
            hostile_tree, neutral_tree = tree(hostile_folder / page), tree(neutral_folder / page)
            if hostile_tree.shape != neutral_tree.shape:
                pytest.fail(f"{hostile_folder.name}/{page}: only with payloads "
                            f"{list((hostile_tree.shape - neutral_tree.shape).elements())[:5]}, only without "
                            f"{list((neutral_tree.shape - hostile_tree.shape).elements())[:5]}")
            checked += 1
    assert checked > 80 if where == "site" else checked > 30


def test_no_attribute_carries_script_or_a_refresh(builds: dict[str, Project]) -> None:
    """Only the build's own redirect pages (for the addresses of before the periods) refresh,
    and only to a relative address made of ids."""
    from generator import redirects

    site = builds["hostile"].site
    plan = json.loads((builds["hostile"].build / redirects.FILE).read_text(encoding="utf-8"))
    stubs = {redirects.published(old) + "index.html" for old in plan}
    assert stubs and stubs <= set(html_files(site))
    for page in html_files(site):
        for tag, name, value in tree(site / page).attributes:
            if page in stubs and tag == "meta" and name == "content" and value != "noindex":
                assert re.fullmatch(r"0; url=(\.\./)*[a-z0-9/-]+/", value), (page, value)
            assert name != "http-equiv" or value.lower() != "refresh" or page in stubs, page
            assert not name.startswith("on"), (page, tag, name)
            if name in {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}:
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (page, tag, value)


def test_the_search_index_has_the_same_pages_and_shows_only_text(builds: dict[str, Project]) -> None:
    """Our search index holds each page's link, title and excerpt as plain strings, and the
    engine puts them on the page as text (textContent), never as markup."""
    def docs(project: Project) -> list[list[str]]:
        found = []
        folder = project.site / "search" / "d"
        for path in sorted(folder.glob("*.js"), key=lambda p: int(p.stem)):
            body = path.read_text(encoding="utf-8")
            found += json.loads(body.split(",", 1)[1].rsplit(");", 1)[0])
        return found

    hostile, neutral = docs(builds["hostile"]), docs(builds["neutral"])
    assert len(hostile) > 60
    assert [d[0] for d in hostile] == [d[0] for d in neutral]
    assert all(isinstance(field, str) for d in hostile for field in d)
    engine = (builds["hostile"].site / "search" / "zoek.js").read_text(encoding="utf-8")
    assert "textContent" in engine
    assert not [w for w in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write") if w in engine]


def test_titles_read_the_same_in_tab_header_menu_and_heading(builds: dict[str, Project]) -> None:
    """One escaping rule everywhere: `Tom &amp; Jerry` is shown as typed in all four places."""
    site = builds["hostile"].site
    shown = menus = 0
    for page in html_files(site):
        text = (site / page).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        if not h1 or not title:
            continue
        heading = html_lib.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).replace("¶", "").strip()
        tab = html_lib.unescape(title.group(1)).removesuffix(" - Stedenagenda G40").strip()
        topics = re.findall(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', text, re.S)
        menu = re.search(r'md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', text, re.S)
        if "Tom &amp; Jerry" in heading or "&lt;img" in heading:
            shown += 1
            # A source page's tab says what it is: its title can be a page of ours too.
            named = {heading, wording.SOURCE_HEAD_TITLE.format(title=heading)} if page.startswith("bronnen/") \
                else {heading}
            assert tab in named, page
            assert html_lib.unescape(topics[-1]).strip() in named, page
            if menu:
                menus += 1
                assert html_lib.unescape(menu.group(1)).strip() == heading, page
    assert shown > 0 and menus > 0, "no title carried an entity payload"


TOOLTIP_PAYLOAD = "&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt; & \"x\" 3 > 2"


@pytest.fixture(scope="module")
def tooltip_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's site, with the payload as every abbreviation's expansion."""
    from generator.build import generate, mkdocs_build

    project = copy_fixture_project(tmp_path_factory.mktemp("tooltip"))
    path = project.data / "organisations.yaml"
    text = re.sub(r"^( +expansion: ).*$", lambda m: m.group(1) + json.dumps(TOOLTIP_PAYLOAD),
                  path.read_text(encoding="utf-8"), flags=re.M)
    path.write_text(text, encoding="utf-8")
    generate(project)
    mkdocs_build(project, project.config, project.site)
    return project.site


def test_hovering_an_abbreviation_shows_its_hostile_title_as_text(tooltip_site: Path, browser) -> None:
    """In Chromium: mkdocs-material's tooltip puts the `title` into innerHTML; it must
    show the expansion as typed and run nothing (every abbreviation on the page)."""
    from tests.browser import Watch, serve

    expected = TOOLTIP_PAYLOAD
    with serve(tooltip_site) as base:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        watch = Watch(tab, base.split("/")[2])
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(base + "agenda/2019-2022/werkwijze/")
        # Quoted passages sit in closed disclosures; a reader opens them, so the test does too.
        tab.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
        abbreviations = [a for a in tab.locator("article abbr").all() if "onerror" in (a.get_attribute("title") or "")]
        assert abbreviations, "no abbreviation carries the payload"
        for abbr in abbreviations:
            abbr.scroll_into_view_if_needed()
            abbr.hover()
            tip = tab.locator(".md-tooltip2__inner").filter(has_text="onerror").last
            tip.wait_for(state="attached", timeout=5000)
            assert tip.evaluate("e => e.querySelectorAll('*').length") == 0
            assert tip.inner_text().strip() == expected
            tab.mouse.move(0, 0)
        tab.wait_for_timeout(300)
        tab.close()
    assert dialogs == [] and watch.foreign == [] and not [e for e in watch.errors if "alert" in e]
