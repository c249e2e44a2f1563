"""Search as a reader uses it, in headless Chromium, on the public site (served on 127.0.0.1)
and on the full offline bundle (opened from file:// with every other request blocked):

- every word of four or more letters on every built page finds that page (all words, through
  the real engine and index files in the browser; a sample is also typed into the box);
- the Dutch query suite (tests/search_queries.py) finds its pages in the top three, typed
  into the box;
- a page view fetches no search bytes; focusing the box fetches the engine only;
- typos say what was searched instead; keyboard use; the dialog has a name.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import lxml.html
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator import chrome
from generator import search as generator_search
from generator.build import Project
from tests.browser import Offline, Watch, axe_violations, search, serve
from tests.search_queries import QUERIES, bundle_path

FULL_BUNDLE = "volledige-agenda"


@pytest.fixture(scope="module")
def built(bundles_built: Project) -> Project:
    """The session's one `make site` build: the site and its bundles."""
    return bundles_built


@pytest.fixture(scope="module")
def bundle(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp(FULL_BUNDLE)
    with zipfile.ZipFile(built.dist / f"{FULL_BUNDLE}.zip") as z:
        z.extractall(target)
    return target


@pytest.fixture(scope="module")
def site_url(built: Project):
    with serve(built.site) as url:
        yield url


@dataclass
class Target:
    """Where a test searches: the public site or the offline bundle."""

    page: Page
    url: str
    """The base URL (ends in a slash)."""
    folder: Path
    to_target: Callable[[str], str]
    """A public-site path as this target names it."""

    @property
    def start(self) -> str:
        return self.url + self.to_target("")


@pytest.fixture(params=["site", "bundle"])
def target(request, browser, built: Project, bundle: Path, site_url: str):
    """The public site served on 127.0.0.1, or the offline bundle opened from file://."""
    context = browser.new_context()
    page = context.new_page()
    if request.param == "site":
        watch = Watch(page, urlsplit(site_url).netloc)
        yield Target(page, site_url, built.site, lambda p: p)
        assert watch.foreign == [] and watch.errors == []
    else:
        offline = Offline(page)
        yield Target(page, bundle.as_uri() + "/", bundle, lambda p: bundle_path(p, bundle))
        assert offline.blocked == [] and offline.errors == []
    context.close()


# --- the words on every page --------------------------------------------------------------

_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "u", "var", "time", "data", "dfn", "del", "ins"}


class _ArticleWords(HTMLParser):
    """The text a reader sees in a page's article: every tag but inline formatting ends a word."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = 0
        self.hidden = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if not self.inside:
            self.inside = int(tag == "article" and "md-content__inner" in (a.get("class") or ""))
            return
        if tag not in ("br", "img", "hr", "meta", "link", "input", "wbr", "path", "circle", "rect", "line", "use"):
            self.inside += 1
            if self.hidden or tag in ("script", "style") or "headerlink" in (a.get("class") or ""):
                self.hidden += 1
        if tag not in _INLINE:
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.inside or tag in ("br", "img", "hr", "meta", "link", "input", "wbr"):
            return
        self.inside -= 1
        if self.hidden:
            self.hidden -= 1
        if tag not in _INLINE:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.inside and not self.hidden:
            self.chunks.append(data)


_CHROME = chrome.xpath(chrome.PARTS, "//article//")
"""What stands in a page's article but is not its content, and is not indexed on that page
(generator/chrome.py)."""


def without_chrome(html: str) -> str:
    tree = lxml.html.document_fromstring(html)
    for element in tree.xpath(_CHROME):
        element.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode")


def crumbs(html: str) -> list[str]:
    """The breadcrumb items of a built page, as a reader reads them ("Home", …, its title)."""
    tree = lxml.html.document_fromstring(html)
    return [" ".join(li.text_content().split()) for li in tree.xpath("//article//nav[contains(@class, 'kruimels')]//li")]


def content_pages(folder: Path) -> dict[str, str]:
    """The HTML of every page that search covers, by path in `folder`."""
    pages = {}
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        if rel == "404.html" or rel.startswith("search/"):
            continue
        html = path.read_text(encoding="utf-8")
        if '<meta name="stedenagenda:search-exclude"' in html:  # the bundle's print page
            continue
        pages[rel] = html
    return pages


def words_by_page(folder: Path) -> dict[str, set[str]]:
    """Each distinct word of four or more letters or digits in a page's content, with the pages
    it stands on."""
    found: dict[str, set[str]] = {}
    for rel, html in content_pages(folder).items():
        parser = _ArticleWords()
        parser.feed(without_chrome(html))
        for word in re.findall(r"[^\W_]+", "".join(parser.chunks)):
            if len(word) >= 4:
                found.setdefault(word, set()).add(rel)
    return found


def index_file(folder: Path, rel: str) -> object:
    """The data one file of the built index hands to the engine."""
    text = (folder / "search" / rel).read_text(encoding="utf-8")
    return json.loads(text.split(",", 1)[1].rsplit(");", 1)[0])


def indexed(folder: Path) -> tuple[list[list[str]], Callable[[str], set[int]]]:
    """The built index as the engine reads it: its pages ([link, title, excerpt]), and the
    pages a key points to (following a form to its lemma)."""
    manifest = index_file(folder, "manifest.js")
    docs = [d for n in range(0, manifest["docs"], manifest["docChunk"])
            for d in index_file(folder, f"d/{n // manifest['docChunk']}.js")]

    def pages_of(key: str) -> set[int]:
        prefix = next((key[:n] for n in range(len(key), 0, -1) if key[:n] in manifest["shards"]), None)
        if prefix is None:
            return set()
        entry = index_file(folder, f"t/{manifest['shards'][prefix]}.js").get(key, [])
        if isinstance(entry, str):
            return pages_of(entry)
        ids, doc = set(), 0
        for delta in entry[::2]:
            doc += delta
            ids.add(doc)
        return ids

    return docs, pages_of


@pytest.mark.integration
@pytest.mark.parametrize("where", ["site", "bundle"])
def test_breadcrumbs_are_not_indexed_as_the_page_text(where: str, built: Project, bundle: Path) -> None:
    """The breadcrumbs stand in the article but are other pages' titles: no result excerpt
    starts with them or contains them, and a word that stands only in a page's breadcrumbs
    (not in its content, nor as a form or part of a content word) does not find that page."""
    folder = built.site if where == "site" else bundle
    docs, pages_of = indexed(folder)
    directory_urls = where == "site"
    by_file = {link_file(d[0], directory_urls): (i, d) for i, d in enumerate(docs)}
    pages = {rel: html for rel, html in content_pages(folder).items() if rel in by_file}
    with_crumbs = {rel: crumbs(html) for rel, html in pages.items() if crumbs(html)}
    assert len(pages) == len(docs) and len(with_crumbs) > 0.9 * len(pages) > 100  # nearly every page has them
    content = {rel: set(words) for rel, words in _page_words(folder).items()}
    wrong, leaked = [], []
    for rel, items in with_crumbs.items():
        i, (_, _, excerpt) = by_file[rel]
        trail = " ".join(items)
        if excerpt.startswith(items[0]) or trail in excerpt or (len(items) > 2 and " ".join(items[:-1]) in excerpt):
            wrong.append((rel, excerpt[:80]))
        own = content[rel]
        related = own | {generator_search.lemma(w) for w in own} | {
            p for w in own for p in generator_search.compound_parts(w)}
        for word in {w for item in items[:-1] for w in generator_search.words(item) if len(w) >= 4}:
            if word in related or generator_search.lemma(word) in related or word in {
                    generator_search.lemma(w) for w in related} or set(generator_search.compound_parts(word)) & related:
                continue
            if i in pages_of(word):
                leaked.append((rel, word))
    assert wrong == [], f"{len(wrong)} excerpts show breadcrumbs, e.g. {wrong[:5]}"
    assert leaked == [], f"{len(leaked)} breadcrumb words find their page, e.g. {leaked[:10]}"


def _page_words(folder: Path) -> dict[str, list[str]]:
    """The folded words of each page's content (without chrome), by path in `folder`."""
    result = {}
    for rel, html in content_pages(folder).items():
        parser = _ArticleWords()
        parser.feed(without_chrome(html))
        result[rel] = generator_search.words("".join(parser.chunks))
    return result


def open_engine(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("input.md-search__input").focus()
    page.wait_for_function("() => window.stedenagendaZoek && window.stedenagendaZoek.ready === true")


def link_file(link: str, directory_urls: bool) -> str:
    return link + "index.html" if directory_urls and (link == "" or link.endswith("/")) else link


def test_every_word_on_every_page_finds_that_page(target) -> None:
    page, folder = target.page, target.folder
    words = words_by_page(folder)
    assert len(words) > 2000  # not vacuous: the site has about 2,500
    open_engine(page, target.start)
    directory_urls = (folder / "agenda" / "2019-2022" / "talent" / "index.html").exists()
    links = [link_file(d[0], directory_urls) for d in page.evaluate("() => window.stedenagendaZoek.pages()")]
    missed = []
    batch = sorted(words)
    for start in range(0, len(batch), 400):
        chunk = batch[start:start + 400]
        found = page.evaluate("""async words => {
            const out = {};
            for (const w of words) out[w] = (await window.stedenagendaZoek.search(w)).ids;
            return out; }""", chunk)
        for word in chunk:
            pages = {links[i] for i in found[word]}
            missed += [(word, p) for p in sorted(words[word] - pages)]
    assert missed == [], f"{len(missed)} words miss their page, e.g. {missed[:10]}"


def test_a_sample_of_rare_words_typed_in_the_box_shows_their_page(target) -> None:
    page, folder = target.page, target.folder
    words = words_by_page(folder)
    # Search ignores case: a word is rare when it stands on one page in any capitalisation.
    by_folded: dict[str, set] = {}
    for w, pages in words.items():
        by_folded.setdefault(w.casefold(), set()).update(pages)
    rare = sorted(w for w, pages in words.items() if len(by_folded[w.casefold()]) == 1 and not w.isdigit())
    page.goto(target.start)
    failures = []
    for word in random.Random(14).sample(rare, 20):
        (expected,) = words[word]
        hrefs = search(page, word)
        if not any(h.endswith("/" + expected) or h.endswith("/" + expected.removesuffix("index.html")) for h in hrefs):
            failures.append((word, expected, hrefs[:3]))
    assert failures == []


# --- the Dutch query suite -------------------------------------------------------------------


def test_the_engines_bench_asks_queries_this_suite_checks() -> None:
    """`make bench` compares engines on `DUTCH_QUERIES` (tests/browser.py): each is one of the
    suite's queries, with the same page, so the test below checks them on our search."""
    from tests.browser import DUTCH_QUERIES

    suite = dict(QUERIES)
    assert [(q, suite.get(q)) for q, _ in DUTCH_QUERIES] == [(q, (page.lstrip("/"),)) for q, page in DUTCH_QUERIES]


def test_dutch_queries_find_their_pages_in_the_top_three(target) -> None:
    page, url, to_target = target.page, target.url, target.to_target
    page.goto(target.start)
    failures = []
    for query, expected in QUERIES:
        top = search(page, query)[:3]
        wanted = [url + to_target(p) for p in expected]
        if not all(w in top for w in wanted):
            failures.append((query, wanted, top))
    assert len(QUERIES) >= 40
    assert failures == []


def test_a_typo_says_what_was_searched_instead(target) -> None:
    page, url, to_target = target.page, target.url, target.to_target
    page.goto(target.start)
    assert search(page, "Groningn")[0] == url + to_target("steden/groningen/")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_contain_text("Geen resultaten voor “Groningn”. Resultaten voor groningen")
    expect(meta.locator("em")).to_have_text("groningen")
    assert search(page, "Groningen")[0] == url + to_target("steden/groningen/")
    expect(meta).not_to_contain_text("Resultaten voor")


def test_nonsense_finds_nothing_and_says_so(target) -> None:
    page = target.page
    page.goto(target.start)
    page.locator("input.md-search__input").fill("xqzwvk")
    expect(page.locator(".md-search-result__meta")).to_have_text("Geen resultaten")
    assert page.locator(".md-search-result__item").count() == 0


# --- weight: nothing before the reader searches ---------------------------------------------


@pytest.mark.parametrize("path", ["", "agenda/2019-2022/", "agenda/2019-2022/talent/", "steden/zwolle/", "in-beeld/"])
def test_a_page_view_fetches_no_search_bytes(browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    assert not [r for r in requests if "/search/" in r or "lunr" in r or "/workers/" in r]
    page.locator("input.md-search__input").focus()
    page.wait_for_function("() => window.stedenagendaZoek && window.stedenagendaZoek.ready === true")
    assert [r for r in requests if "/search/" in r] == ["/search/zoek.js"]
    page.keyboard.type("wijken")
    # Under load a prefix ("w") may be searched first: wait for the whole word's results.
    assert shown_results(page, "wijken")
    fetched = [r for r in requests if "/search/" in r]
    assert "/search/manifest.js" in fetched and "/search/t/wi.js" in fetched
    assert "/search/woorden.js" not in fetched  # the typo list loads only for typos
    page.close()


def shown_results(page: Page, query: str) -> list[str]:
    page.wait_for_function("q => document.querySelector('.md-search-result').getAttribute('data-query') === q",
                           arg=query)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_results_of_a_prefix_never_mix_into_those_of_the_whole_query(browser, site_url: str) -> None:
    """Typing on while the results of a prefix still load ("onder", then "ondermijning"):
    the list shows the whole query's results only. The result texts of the prefix are held
    back until the whole query has been searched, as on a slow machine or connection."""
    expected_page = browser.new_page()
    expected_page.goto(site_url)
    expected_page.locator("input.md-search__input").click()
    expected_page.keyboard.type("ondermijning")
    expected = shown_results(expected_page, "ondermijning")
    expected_page.close()

    page = browser.new_page()
    held: list = []
    holding = True

    def hold_result_texts(route) -> None:
        if holding and "/search/d/" in route.request.url:
            held.append(route)
        else:
            route.continue_()

    page.route("**/search/**", hold_result_texts)
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("onder")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the prefix's results asked for their texts"
    page.keyboard.type("mijning")
    page.wait_for_timeout(1500)  # the whole query is searched and its list cleared meanwhile
    holding = False
    for route in held:
        route.continue_()
    assert shown_results(page, "ondermijning") == expected
    page.close()


# --- keyboard and accessibility ----------------------------------------------------------------


def test_keyboard_slash_types_arrows_and_enter_open_a_result(target) -> None:
    page, url, to_target = target.page, target.url, target.to_target
    page.goto(target.start)
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("Apeldoorn")
    # On a busy machine the keys come slower than the engine's 80 ms wait, so results for
    # "Apeld…" can show first and be replaced (with the focused link) when "Apeldoorn" lands.
    expect(page.locator(".md-search-result")).to_have_attribute("data-query", "Apeldoorn")
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__item a").first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.getElementById('__search').checked") is False
    page.keyboard.press("/")
    page.keyboard.press("Enter")
    page.wait_for_url(url + to_target("steden/apeldoorn/"))
    assert page.locator("h1").first.inner_text().startswith("Apeldoorn")


def test_search_dialog_has_a_name_and_no_axe_violations(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(site_url)
    assert search(page, "stad")
    # axe judges colours as painted: a fade still under way would be measured half-done.
    # A function, not an expression: Playwright evaluates an expression string with eval,
    # which the site's CSP refuses.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    # And a reader sees them at full contrast at once: the theme's fade-in is switched off.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__output')).transitionDuration") == "0s"
    axe = Axe()
    named = axe.run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert named.response["violations"] == []
    assert named.response["passes"], "the rule found no dialog to check"
    assert axe_violations(axe, page) == []
    page.close()
