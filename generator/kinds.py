"""The page kinds: one declaration per kind of page the site has, and nothing about a kind
anywhere else.

The menu (build.py), the pages a council bundle can name (bundle.py, models.PageName), search
(search.py), the test samples (accessibility, CSP, reader, golden files) and the bench read
this list. A new kind of page is one entry here, one view (generator/views.py, in VIEW_TYPES),
one template, the function that makes its pages (generator/pages/), and a golden case on the
fixture (tests/test_golden.py); a named test fails when any of those is missing.

A generated page's kind is found by its template (`of`): each template belongs to one kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from generator.models import AGENDA_FOLDER, REPORT_FOLDER, SessionItem, data_files
from generator.pages import links
from generator.pages.links import Context
from generator.views import VIEW_TYPES, View

DATA = Path(__file__).resolve().parent.parent / "data"
"""The real data, whose pages the samples are by default."""
Scope = Literal["agenda", "report"]
"""What a path rule takes first: the period of the agenda, or the year of the report in force."""
SampleSite = Literal["site", "two_periods", "bundle"]
"""Where a kind's sample page is: the site of the real data; the site of the real data plus a
second, fictional period (tests/periods.py), for pages that only exist with two; the
whole-site bundle of that data (a bundle's cover)."""


@dataclass(frozen=True)
class Menu:
    """A kind's place in the menu: as a page, or as the section of its folder."""

    order: int
    """Top to bottom."""
    key: str
    """The page (`begrippen.md`) or the folder (`agenda`) the entry stands for."""
    label: str
    """The menu's label; the report's and the archive's get their year from the data (build.nav_order)."""


@dataclass(frozen=True)
class Kind:
    """One kind of page."""

    name: str
    """Its id, in English (as in code): `theme`."""
    label: str
    """Its Dutch name, as tests and the bench report it: `thema`."""
    template: str | None
    """The template that lays it out; None for pages that are not generated from the data
    (hand-written pages under content/, the theme's 404 page)."""
    path: str | Callable[..., str]
    """Where its pages go under the docs folder: a fixed path, or the rule that makes one from
    `scope` (when set) and the page's data id (links.py, or Context for the report's groups)."""
    sample: str
    """A page of this kind, by docs path (or built path for the theme's pages), on `sample_site`:
    the one the golden file, the accessibility and CSP checks and the bench use. `{agenda}` and
    `{report}` stand for the newest agenda's period and report's year (see `sample_path`)."""
    scope: Scope | None = None
    menu: Menu | None = None
    hidden: bool = False
    """Its pages stay out of the menu but for the folder's index: they grow with the data (a
    hundred activities, forty cities), and mkdocs-material repeats the open section of the menu
    in every page, so per-page bytes would grow with them."""
    bundle_page: str | None = None
    """The name a session's `page:` gives it (sessions.yaml), for kinds with one page per period.
    models.PageName lists the same names (models cannot import this module, which imports
    models): tests/test_kinds.py holds the two equal."""
    bundle_field: str | None = None
    """The field of a session item that names a page of this kind by its data id (`theme: talent`)."""
    printed: bool = True
    """Whether its pages can be printed into a bundle's PDFs (through the print filter,
    generator/chrome.py); false for the pages a bundle does not carry."""
    public_only: bool = False
    """Only the public site has it (the list of bundles links to files a bundle cannot hold)."""
    search: bool = True
    """Whether search indexes its pages."""
    sitemap: bool = True
    """Whether the sitemap lists its pages (MkDocs lists every Markdown page; the others, not)."""
    with_context: bool = False
    """The path rule is a Context method (it needs the data, not only ids)."""
    sample_site: SampleSite = "site"

    @property
    def view(self) -> type[View] | None:
        """The typed view its template reads, as generator/views.py declares it for the template."""
        return VIEW_TYPES.get(self.template or "")

    def locate(self, ctx: Context, year: int | None, ident: str | None = None) -> str:
        """The docs path of the page of this kind for a session in `year`, given its data id:
        the agenda and the report in force that year (see `Site.agenda_at`)."""
        if isinstance(self.path, str):
            return self.path
        args: list = [] if self.scope is None else [
            ctx.period_at(year) if self.scope == "agenda" else ctx.site.report_at(year).year]
        if self.with_context:
            args.insert(0, ctx)
        return self.path(*args, *([] if ident is None else [ident]))

    def sample_path(self, data: Path = DATA) -> str:
        """The sample's path with the newest periods of the data in `data` filled in."""
        return self.sample.format(**newest_periods(data))

    def folder(self) -> str:
        """The top folder its pages go into (`steden`), or "" for a page at the top."""
        path = self.sample if isinstance(self.path, str) or self.with_context else self.path(*["x"] * _arity(self))
        return path.split("/")[0] if "/" in path else ""


def newest_periods(data: Path) -> dict[str, str]:
    """The newest agenda's period and the newest report's year among the data files in `data`."""
    names = data_files(data)
    agendas = [n.split("/")[1] for n in names if n.startswith(f"{AGENDA_FOLDER}/")]
    reports = [n.split("/")[1] for n in names if n.startswith(f"{REPORT_FOLDER}/")]
    return {"agenda": agendas[-1] if agendas else "", "report": reports[-1] if reports else ""}


def _arity(kind: Kind) -> int:
    import inspect

    return len(inspect.signature(kind.path).parameters)  # type: ignore[arg-type]


KINDS: tuple[Kind, ...] = (
    Kind("home", "home", "home.md.j2", links.HOME, "index.md", menu=Menu(0, links.HOME, "Home")),
    Kind("changes", "wat is veranderd", "changes.md.j2", links.CHANGES, links.CHANGES, sample_site="two_periods"),
    Kind("agenda", "agenda", "agenda.md.j2", links.agenda_path, "agenda/{agenda}/index.md", scope="agenda",
         menu=Menu(1, links.AGENDA_FOLDER, "Agenda"), bundle_page="agenda"),
    Kind("theme", "thema", "theme.md.j2", links.theme_path, "agenda/{agenda}/talent.md", scope="agenda",
         bundle_field="theme"),
    Kind("randvoorwaarden", "randvoorwaarden", "randvoorwaarden.md.j2", links.theme_path,
         "agenda/{agenda}/randvoorwaarden.md", scope="agenda"),
    Kind("werkwijze", "werkwijze", "werkwijze.md.j2", links.werkwijze_path, "agenda/{agenda}/werkwijze.md",
         scope="agenda", bundle_page="werkwijze"),
    Kind("kernboodschappen", "kernboodschappen", "kernboodschappen.md.j2", links.KERNBOODSCHAPPEN,
         links.KERNBOODSCHAPPEN, menu=Menu(2, links.KERNBOODSCHAPPEN, "Kernboodschappen"),
         bundle_page="kernboodschappen"),
    Kind("report", "jaarverslag", "report.md.j2", links.report_path, "jaarverslag/{report}/index.md", scope="report",
         menu=Menu(3, links.REPORT_FOLDER, "Jaarverslag"), bundle_page="jaarverslag"),
    Kind("timeline", "tijdlijn", "timeline.md.j2", links.timeline_path, "jaarverslag/{report}/tijdlijn.md",
         scope="report", bundle_page="tijdlijn"),
    Kind("pillar", "pijler", "pillar.md.j2", links.pillar_path, "jaarverslag/{report}/sociaal/index.md", scope="report",
         bundle_field="pillar"),
    Kind("group", "themagroep", "group.md.j2", Context.group_path, "jaarverslag/{report}/sociaal/armoede-schulden.md",
         scope="report", with_context=True, bundle_field="group"),
    Kind("activity", "activiteit", "activity.md.j2", links.activity_path,
         "activiteiten/city-deal-impact-ondernemen.md", hidden=True, bundle_field="activity"),
    Kind("cities", "stedenindex", "cities.md.j2", links.CITIES, links.CITIES, menu=Menu(4, "steden", "Steden"),
         bundle_page="steden"),
    Kind("city", "stad", "city.md.j2", links.city_path, "steden/apeldoorn.md", hidden=True, bundle_field="city"),
    Kind("people", "personen", "people.md.j2", links.PEOPLE, links.PEOPLE, menu=Menu(5, links.PEOPLE, "Personen"),
         bundle_page="personen"),
    Kind("archive", "archief", "archive.md.j2", links.ARCHIVE, links.ARCHIVE, menu=Menu(6, "archief", "Archief"),
         bundle_page="archief"),
    Kind("archive_document", "archiefstuk", "archive_document.md.j2", links.archive_path,
         "archief/g32-discussienotitie.md", bundle_field="archive"),
    Kind("sources", "bronnen", "sources.md.j2", links.SOURCES, links.SOURCES, menu=Menu(7, "bronnen", "Bronnen")),
    Kind("source", "bron", "source.md.j2", links.source_path, "bronnen/strategische-agenda.md"),
    Kind("about", "over de g40", "about.md.j2", links.ABOUT, links.ABOUT, menu=Menu(8, links.ABOUT, "Over de G40"),
         bundle_page="over-de-g40"),
    Kind("glossary", "begrippen", "glossary.md.j2", links.GLOSSARY, links.GLOSSARY,
         menu=Menu(9, links.GLOSSARY, "Begrippen"), bundle_page="begrippen"),
    Kind("pictures", "in beeld", "pictures.md.j2", links.PICTURES, links.PICTURES,
         menu=Menu(10, links.PICTURES, "In beeld")),
    Kind("open_data", "open data", "open_data.md.j2", links.OPEN_DATA, links.OPEN_DATA,
         menu=Menu(11, links.OPEN_DATA, "Open data")),
    Kind("raadsbundels", "raadsbundels", "raadsbundels.md.j2", links.BUNDLES, links.BUNDLES,
         menu=Menu(12, links.BUNDLES, "Raadsbundels"), public_only=True, printed=False),
    Kind("news", "wat is er nieuw", "news.md.j2", links.NEWS, links.NEWS, menu=Menu(13, links.NEWS, "Wat is er nieuw")),
    Kind("cover", "voorblad", "cover.md.j2", links.HOME, "index.md", sample_site="bundle", printed=False),
    Kind("content", "toegankelijkheid", None, "<naam>.md (uit content/)", "toegankelijkheid.md"),
    Kind("404", "404", None, "404.html", "404.html", printed=False, search=False, sitemap=False),
)
"""Every kind, in the order the menu would list them were they all in it."""

BY_NAME = {kind.name: kind for kind in KINDS}
BY_TEMPLATE = {kind.template: kind for kind in KINDS if kind.template}


def of(template: str) -> Kind:
    """The kind of a generated page, by its template."""
    return BY_TEMPLATE[template]


def nav_order() -> dict[str, str]:
    """The menu, top to bottom: {page or folder: label}."""
    return {k.menu.key: k.menu.label for k in sorted((k for k in KINDS if k.menu), key=lambda k: k.menu.order)}


def not_in_nav() -> set[str]:
    """The folders whose pages are reached through links only (see `Kind.hidden`)."""
    return {kind.folder() for kind in KINDS if kind.hidden}


def bundle_pages() -> dict[str, Kind]:
    """The kinds a session's `page:` names, by that name."""
    return {kind.bundle_page: kind for kind in KINDS if kind.bundle_page}


def bundle_fields() -> dict[str, Kind]:
    """The kinds a session item names by a data id, by the item's field."""
    return {kind.bundle_field: kind for kind in KINDS if kind.bundle_field}


def public_only() -> set[str]:
    """The docs paths only the public site has (fixed paths only)."""
    return {kind.path for kind in KINDS if kind.public_only and isinstance(kind.path, str)}


def unsearched() -> set[str]:
    """Built pages that search leaves out, by built path (the theme's pages: fixed paths)."""
    return {kind.path for kind in KINDS if not kind.search and isinstance(kind.path, str)}


def samples(site: SampleSite = "site", generated: bool | None = None, data: Path = DATA) -> dict[str, str]:
    """{label: sample docs path} of the kinds sampled on `site`, whose data is in `data`;
    `generated` keeps only the kinds with a template (True) or without (False)."""
    return {k.label: k.sample_path(data) for k in KINDS if k.sample_site == site
            and (generated is None or (k.template is not None) == generated)}


def url(docs_path: str) -> str:
    """The public site's address of a docs path, relative to its root (`steden/apeldoorn/`)."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built(docs_path: str) -> str:
    """Where a docs page is built without directory URLs (a bundle): `a/b.md` → `a/b.html`."""
    return docs_path[: -len(".md")] + ".html" if docs_path.endswith(".md") else docs_path


def item_path(ctx: Context, item: SessionItem, year: int | None = None) -> str:
    """The docs path of the page a bundle item names, for a session in `year`: the kind its
    one set field names (generator/kinds.py); a `page:` names a kind, the other fields a
    page of their kind by its data id."""
    field, value = next((k, v) for k, v in item.__dict__.items() if v is not None)
    if field == "page":
        return bundle_pages()[value].locate(ctx, year)
    return bundle_fields()[field].locate(ctx, year, value)
