"""The engine's future: the same generated Markdown built by Zensical and ProperDocs beside
MkDocs, timed, and checked for what comes out different.

Both read `mkdocs.yml`; they live in their own virtual environment (`.venv-engines`, from
`bench/engines.lock`) because the site itself does not need them. The checks compare each
engine's site with MkDocs' on what our readers rely on: the same pages, Dutch, no requests
to other hosts, no broken links, the search (in Chromium, the same Dutch queries as the
tests), the HTML guard, security.txt and the Dutch 404 page.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator import guard
from generator.build import Project
from tests.browser import CHROMIUM, DUTCH_QUERIES, FLAGS, search, serve

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv-engines"


@dataclass(frozen=True)
class Engine:
    """A static-site engine that reads mkdocs.yml."""

    name: str
    """What the report calls it."""
    package: str
    """Its package on PyPI (for the version)."""

    def version(self) -> str:
        out = subprocess.run([str(VENV / "bin" / "python"), "-c",
                              f"import importlib.metadata as m; print(m.version({self.package!r}))"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def command(self, project: Project, site: Path, clean: bool = True) -> list[str]:
        """The build command; Zensical takes its output folder from the configuration only,
        and only inside the configuration's folder, so it gets a configuration of its own."""
        if self.package == "properdocs":
            return [str(VENV / "bin" / "properdocs"), "build", "--strict", "-q", "-f", str(project.config),
                    "-d", str(site)]
        config = project.build / "zensical.yml"
        config.write_text(f"INHERIT: mkdocs.yml\nsite_dir: {site.relative_to(project.build)}\n", encoding="utf-8")
        return [str(VENV / "bin" / "zensical"), "build", "-f", str(config), *(["--clean"] if clean else [])]


PROPERDOCS = Engine("ProperDocs", "properdocs")
ZENSICAL = Engine("Zensical", "zensical")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.links: list[str] = []
        self.loads: list[str] = []
        self.abbreviations = 0
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.loads.append(a["href"])
        self.abbreviations += tag == "abbr"
        self._in_h1 = tag == "h1"

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1.append(data.strip())

    def handle_endtag(self, tag: str) -> None:
        self._in_h1 = False if tag == "h1" else self._in_h1


def _scan(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _broken(site: Path, page: str, href: str) -> bool:
    """Whether a link inside the site leads nowhere (links to other sites are not followed)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return False
    target = (site / page).parent / parts.path
    return not (target / "index.html" if parts.path.endswith("/") else target).exists()


@dataclass(frozen=True)
class Facts:
    """What a reader would notice of a built site."""

    pages: set[str]
    not_dutch: int
    foreign_loads: set[str]
    broken_links: int
    abbreviations: int
    unsafe: int
    security_txt: bool
    heading_404: str
    search_index: str
    dutch_stemmer: bool


def facts(site: Path) -> Facts:
    pages = _pages(site)
    scans = {p: _scan(site / p) for p in sorted(pages)}
    index = next((p for p in ("search/manifest.js", "search/search_index.json", "search.json") if (site / p).exists()), "")
    return Facts(
        pages=pages,
        not_dutch=sum(s.lang != "nl" for s in scans.values()),
        foreign_loads={urlsplit(u).netloc for s in scans.values() for u in s.loads if urlsplit(u).netloc},
        broken_links=sum(_broken(site, p, h) for p, s in scans.items() if p != "404.html" for h in s.links),
        abbreviations=sum(s.abbreviations for s in scans.values()),
        unsafe=len(guard.findings(site)),
        security_txt=(site / ".well-known" / "security.txt").exists(),
        heading_404=" ".join(scans["404.html"].h1) if "404.html" in scans else "",
        search_index=index,
        dutch_stemmer=(site / "search" / "manifest.js").exists() or any(site.rglob("lunr.nl*.js")),
    )


def differences(reference: Facts, other: Facts) -> list[str]:
    """What differs from MkDocs' site, in the report's words (Dutch); empty when nothing does."""
    found = []
    if other.pages != reference.pages:
        found.append(f"{len(reference.pages - other.pages)} pagina's ontbreken, {len(other.pages - reference.pages)} "
                     "extra")
    if other.not_dutch:
        found.append(f"{other.not_dutch} pagina's zonder `lang=\"nl\"`")
    if other.foreign_loads:
        found.append(f"laadt van andere hosts: {', '.join(sorted(other.foreign_loads))}")
    if other.broken_links != reference.broken_links:
        found.append(f"{other.broken_links} dode interne links (MkDocs: {reference.broken_links})")
    if other.abbreviations != reference.abbreviations:
        found.append(f"{other.abbreviations} afkortingen met uitleg (MkDocs: {reference.abbreviations})")
    if other.unsafe:
        found.append(f"{other.unsafe} bevindingen van de HTML-bewaker")
    if not other.security_txt:
        found.append("geen `.well-known/security.txt`")
    if other.heading_404 != reference.heading_404:
        found.append(f"404-pagina zegt {other.heading_404!r} (MkDocs: {reference.heading_404!r})")
    if other.search_index != reference.search_index:
        found.append(f"zoekindex in `{other.search_index}` (MkDocs: `{reference.search_index}`)")
    if reference.dutch_stemmer and not other.dutch_stemmer:
        found.append("geen Nederlandse stemmer voor het zoeken (meervoud en verbuiging vinden de stam niet)")
    return found


def search_score(site: Path) -> tuple[list[str], str]:
    """(the queries whose page is not in the top three, the search field's placeholder),
    in headless Chromium. Zensical's search is a dialog of its own, in a shadow root."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    missed, placeholder = [], ""
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for query, expected in DUTCH_QUERIES:
            page = browser.new_page()
            page.goto(url)
            if page.locator(".md-search__button").count():
                found, placeholder = _dialog_search(page, query)
            else:
                placeholder = page.locator("input.md-search__input").get_attribute("placeholder") or ""
                try:
                    found = search(page, query)
                except PlaywrightTimeout:  # a search box without an index (our step did not run) finds nothing
                    found = []
            if expected not in [urlsplit(u).path for u in found][:3]:
                missed.append(query)
            page.close()
        browser.close()
    return missed, placeholder


def _dialog_search(page, query: str) -> tuple[list[str], str]:
    """Zensical's search: results once two reads 300 ms apart agree, and the placeholder."""
    page.locator(".md-search__button").first.click()
    field = page.locator("input[role=combobox]")
    field.fill(query)
    previous: list[str] = []
    for _ in range(30):
        page.wait_for_timeout(300)
        current = [h.split("?")[0].split("#")[0]
                   for h in page.locator("[role=listbox] a").evaluate_all("els => els.map(e => e.href)")]
        if current and current == previous:
            break
        previous = current
    return previous, field.get_attribute("placeholder") or ""
