"""What each template shows: one frozen dataclass per template (its view), and `VIEW_TYPES`.

A page module builds the view; the template lays it out and reads nothing else (a test
walks every template's Jinja syntax tree against these declarations, see
tests/template_reads.py). `render_pages` refuses a page whose view is not the type its
template declares here. Small rows and links are dataclasses too, so the declaration goes
as deep as the template reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.models import (
    AboutFile, Activity, AgendaFile, ArchiveDocument, ArchiveFile, City, KernboodschappenFile, Person, Pillar,
    Randvoorwaarden, ReportFile, Session, Source, Theme, ThemeGroup, Werkwijze,
)

# --- small parts shared by several views -------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A link with its text."""

    title: str
    url: str


@dataclass(frozen=True)
class NameLink:
    """A link to a named thing (a city, a person)."""

    name: str
    url: str


@dataclass(frozen=True)
class Reference:
    """One line of a page's 'Bron' block: a document, the place in it, and the passage."""

    document: str
    """The source's title."""
    url: str
    """Our page about the source."""
    place: str
    """The section of the source (or what a page took from the whole document)."""
    anchor: str | None
    """The words the passage begins with; None for a whole document."""
    original: str | None
    """The original document's address, given once per 'Bron' block."""
    source: str
    """The source's id."""
    line: int
    """The line of the source's text where the passage begins (0 for a whole document)."""
    lines: str = ""
    """Where the passage stands in the text extraction ('regels 12–15'); empty for a whole document."""
    quote: str = ""
    """The passage itself, quoted (empty for a whole document)."""


@dataclass(frozen=True)
class Dataset:
    """Links to a published data set: its JSON, its CSV and the open-data page."""

    json: str
    csv: str
    page: str


@dataclass(frozen=True)
class ActivityLink:
    """An activity as a line in a list: title, link, date and where it was reported."""

    title: str
    url: str
    date: str
    group: str
    group_url: str


@dataclass(frozen=True)
class DatedActivity(ActivityLink):
    day: int | None
    """The day of the month, when the report gives one."""


@dataclass(frozen=True)
class SummedActivity(ActivityLink):
    summary: str


@dataclass(frozen=True)
class RoleActivity(ActivityLink):
    role: str
    """A city's role in the activity, in the source's words."""
    references: tuple[Reference, ...] = ()
    """The passages that name the city in this role, shown beside it."""


@dataclass(frozen=True)
class WorkYear:
    """'Wat deed de G40 in <year>?' for one agenda chapter."""

    year: int
    groups: tuple[Link, ...]
    activities: tuple[ActivityLink, ...]


@dataclass(frozen=True, kw_only=True)
class View:
    """What every page shows around its own content (base.md.j2, partials/references)."""

    description: str
    """One line for search engines and link previews."""
    references: tuple[Reference, ...] = ()
    """The 'Bron' block."""
    verantwoording: tuple[str, ...] = ()
    """The editors' notes on how the source was read."""
    dataset: Dataset | None = None
    """The open data this page shows, when it shows one data set."""


# --- agenda ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NutshellLink:
    phrase: str
    summary: str
    url: str


@dataclass(frozen=True, kw_only=True)
class HomeView(View):
    agenda: AgendaFile
    cities_word: str
    """How many cities the network has, in words (from the cities' data)."""
    nutshell: tuple[NutshellLink, ...]
    themes_count: int
    cities_count: int
    city_links: tuple[NameLink, ...]
    map_url: str
    timeline_url: str
    year: int
    agenda_url: str
    cities_url: str
    bundles_url: str
    sources_url: str
    report_url: str
    kernboodschappen_url: str
    changes_url: str | None
    older_agendas: tuple[Link, ...]
    older_reports: tuple[Link, ...]


@dataclass(frozen=True)
class ThemeRow:
    number: int
    title: str
    url: str
    count: int
    """Its speerpunten."""
    activities: int


@dataclass(frozen=True, kw_only=True)
class AgendaView(View):
    agenda: AgendaFile
    themes: tuple[ThemeRow, ...]
    activities_heading: str
    randvoorwaarden_url: str
    werkwijze_url: str
    other_agendas: tuple[Link, ...]
    changes_url: str | None


@dataclass(frozen=True)
class SpeerpuntRow:
    number: int
    title: str
    remark: str | None
    editor_note: str | None
    see: Link | None


@dataclass(frozen=True)
class RelatedLink:
    title: str
    url: str
    cited_as: str


@dataclass(frozen=True, kw_only=True)
class ThemeView(View):
    theme: Theme
    speerpunten: tuple[SpeerpuntRow, ...]
    related: tuple[RelatedLink, ...]
    period: str
    work: tuple[WorkYear, ...]


@dataclass(frozen=True, kw_only=True)
class RandvoorwaardenView(View):
    chapter: Randvoorwaarden
    work: tuple[WorkYear, ...]
    kernboodschappen_url: str
    kernboodschappen_year: int | None


@dataclass(frozen=True, kw_only=True)
class WerkwijzeView(View):
    chapter: Werkwijze
    cities_url: str
    cities_count: int


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str


@dataclass(frozen=True)
class ThemeChange:
    status: str
    """nieuw, vervallen, hernoemd or gebleven."""
    old: Link | None
    new: Link | None
    heading: Link
    added: tuple[str, ...]
    removed: tuple[str, ...]
    renamed: tuple[Renamed, ...]
    unchanged: bool


@dataclass(frozen=True)
class Comparison:
    old: str
    new: str
    old_url: str
    new_url: str
    themes: tuple[ThemeChange, ...]


@dataclass(frozen=True, kw_only=True)
class ChangesView(View):
    comparisons: tuple[Comparison, ...]


# --- annual report -----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupCount:
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class GroupRow:
    title: str
    url: str
    summary: str
    count: int


@dataclass(frozen=True)
class PillarRow:
    title: str
    url: str
    summary: str
    groups: tuple[GroupCount, ...]


@dataclass(frozen=True, kw_only=True)
class ReportView(View):
    report: ReportFile
    author: Person
    author_url: str
    pillars: tuple[PillarRow, ...]
    highlights: tuple[ActivityLink, ...]
    timeline_url: str
    count: int
    other_years: tuple[Link, ...]


@dataclass(frozen=True, kw_only=True)
class PillarView(View):
    pillar: Pillar
    groups: tuple[GroupRow, ...]
    year: int


@dataclass(frozen=True, kw_only=True)
class GroupView(View):
    group: ThemeGroup
    year: int
    pillar: Link
    themes: tuple[Link, ...]
    activities: tuple[SummedActivity, ...]


@dataclass(frozen=True)
class PersonLink:
    name: str
    role: str
    url: str


@dataclass(frozen=True)
class OrganisationLink:
    term: str
    explanation: str
    url: str


@dataclass(frozen=True)
class CityRoleLink:
    name: str
    role: str
    url: str


@dataclass(frozen=True, kw_only=True)
class ActivityView(View):
    activity: Activity
    date: str
    group: Link
    people: tuple[PersonLink, ...]
    organisations: tuple[OrganisationLink, ...]
    cities: tuple[CityRoleLink, ...]
    themes: tuple[Link, ...]
    timeline_url: str
    trail: str
    """The page whose breadcrumbs and menu section the activity takes (its theme group's)."""


@dataclass(frozen=True)
class Month:
    title: str
    anchor: str
    activities: tuple[DatedActivity, ...]


@dataclass(frozen=True)
class UndatedGroup:
    group: str
    group_url: str
    activities: tuple[ActivityLink, ...]


@dataclass(frozen=True, kw_only=True)
class TimelineView(View):
    months: tuple[Month, ...]
    undated: tuple[UndatedGroup, ...]
    year: int
    report_url: str
    other_years: tuple[Link, ...]


# --- cities and people -------------------------------------------------------------------


@dataclass(frozen=True)
class CityRow:
    name: str
    url: str
    province: str
    roles: int


@dataclass(frozen=True, kw_only=True)
class CitiesView(View):
    rows: tuple[CityRow, ...]
    count: int
    years: str
    province_note: str
    """partials/province_note: that the editors added the provinces (wording.PROVINCE_NOTE)."""


@dataclass(frozen=True)
class CityYear:
    year: int
    roles: tuple[RoleActivity, ...]


@dataclass(frozen=True, kw_only=True)
class CityView(View):
    city: City
    cities_word: str
    """How many cities the network has, in words (from the cities' data)."""
    index_url: str
    years: tuple[CityYear, ...]
    province_note: str
    """partials/province_note: that the editors added the provinces (wording.PROVINCE_NOTE)."""


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    role: str
    city: NameLink | None
    activities: tuple[Link, ...]


@dataclass(frozen=True, kw_only=True)
class PeopleView(View):
    rows: tuple[PersonRow, ...]


# --- documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AskRow:
    number: int
    title: str
    summary: str
    points: tuple[str, ...]
    themes: tuple[Link, ...]
    activities: tuple[ActivityLink, ...]
    activity_years: str


@dataclass(frozen=True, kw_only=True)
class KernboodschappenView(View):
    k: KernboodschappenFile
    asks: tuple[AskRow, ...]
    published: str


@dataclass(frozen=True)
class SourceRow:
    title: str
    url: str
    date: str
    publisher: str
    date_basis: str
    """Where the date comes from, in the reader's words (wording.DATE_BASIS)."""


@dataclass(frozen=True, kw_only=True)
class SourcesView(View):
    intro: str
    """The opening sentence (wording.SOURCES_INTRO)."""
    rows: tuple[SourceRow, ...]


@dataclass(frozen=True)
class TakenPassage:
    anchor: str
    line: int
    pages: tuple[Link, ...]
    lines: str = ""
    """Where it stands in the text extraction ('regels 12–15')."""
    quote: str = ""
    """The passage itself, quoted."""


@dataclass(frozen=True)
class TakenSection:
    place: str
    line: int
    passages: tuple[TakenPassage, ...]


@dataclass(frozen=True, kw_only=True)
class SourceView(View):
    source: Source
    date: str
    date_basis: str
    """Where the date comes from, in the reader's words (wording.DATE_BASIS)."""
    index_url: str
    head_title: str
    """The browser tab's and search engines' title: the document's title could be a page's of
    ours too ("Kernboodschappen G40")."""
    content: Link | None
    """The part of this site made from the source."""
    taken: tuple[TakenSection, ...] = ()
    """What the site took from it; filled once every page is made."""


@dataclass(frozen=True)
class ArchiveRow:
    title: str
    url: str
    date: str
    author: str


@dataclass(frozen=True, kw_only=True)
class ArchiveView(View):
    archive: ArchiveFile
    rows: tuple[ArchiveRow, ...]


@dataclass(frozen=True, kw_only=True)
class ArchiveDocumentView(View):
    document: ArchiveDocument
    date: str
    themes: tuple[Link, ...]
    index_url: str


@dataclass(frozen=True, kw_only=True)
class AboutView(View):
    about: AboutFile


@dataclass(frozen=True)
class GlossaryRow:
    id: str
    term: str
    also: tuple[str, ...]
    expansion: str | None
    expansion_label: str | None
    """'(uitleg van de redactie)' when no source spells the term out."""
    description: str | None
    note: str | None
    references: tuple[Reference, ...]


@dataclass(frozen=True, kw_only=True)
class GlossaryView(View):
    rows: tuple[GlossaryRow, ...]
    cited: tuple[Reference, ...]
    """Every row's references: the passages the page cites outside its 'Bron' block."""
    search_aliases: tuple[str, ...]


@dataclass(frozen=True)
class DatasetRow:
    title: str
    description: str
    json: str
    csv: str
    page: str
    schema: str


@dataclass(frozen=True, kw_only=True)
class OpenDataView(View):
    rows: tuple[DatasetRow, ...]
    catalogue: str


@dataclass(frozen=True)
class MapCity:
    name: str
    url: str
    province: str
    lat: str
    lon: str


@dataclass(frozen=True)
class ChapterCount:
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class MonthCount:
    month: str
    count: int


@dataclass(frozen=True)
class LegendEntry:
    short: str
    title: str


@dataclass(frozen=True)
class MatrixRow:
    title: str
    url: str
    themes: str


@dataclass(frozen=True, kw_only=True)
class PicturesView(View):
    map: Markup
    phone_map: Markup
    map_legend: Markup
    map_heading: str
    cities: tuple[MapCity, ...]
    attribution: str
    year: int
    other_years: tuple[Link, ...]
    theme_chart: Markup
    per_theme: tuple[ChapterCount, ...]
    month_chart: Markup
    per_month: tuple[MonthCount, ...]
    undated: int
    matrix: Markup
    legend: tuple[LegendEntry, ...]
    matrix_rows: tuple[MatrixRow, ...]
    timeline_url: str
    province_note: str
    """partials/province_note: that the editors added the provinces (wording.PROVINCE_NOTE)."""


# --- council sessions --------------------------------------------------------------------


@dataclass(frozen=True)
class FileLink:
    """A file of a bundle to download."""

    label: str
    url: str
    name: str
    description: str
    """Its type, a PDF's pages and its size, e.g. "PDF, 3 pagina's, 420 kB"."""


@dataclass(frozen=True)
class BundleItem:
    number: int
    title: str
    url: str
    pdf: FileLink | None


@dataclass(frozen=True)
class SessionRow:
    session: Session
    date: str
    word: str
    """What the session calls an item: "agendapunt", or "onderdeel" without a meeting."""
    parts: str
    """The same, plural."""
    items: tuple[BundleItem, ...]
    zip: FileLink | None
    pdf: FileLink | None


@dataclass(frozen=True, kw_only=True)
class RaadsbundelsView(View):
    rows: tuple[SessionRow, ...]


@dataclass(frozen=True, kw_only=True)
class CoverView(View):
    session: Session
    date: str
    items: tuple[Link, ...]
    print_url: str
    word: str
    """What the session calls an item: "agendapunt", or "onderdeel" without a meeting."""
    linked: tuple[Link, ...]
    rest: tuple[Link, ...]
    address_warning: str = ""
    """Said only when the bundle links to the placeholder address (generator/address.py)."""


@dataclass(frozen=True)
class NewsItem:
    """One page changed by one commit, on the list of what is new."""

    title: str
    url: str
    what: str


@dataclass(frozen=True)
class NewsDay:
    date: str
    """In Dutch words: `15 maart` and the year."""
    items: tuple[NewsItem, ...]


@dataclass(frozen=True)
class NewsView(View):
    days: tuple[NewsDay, ...] = ()
    """The newest changes, per day, newest first."""
    shown: int = 0
    total: int = 0
    """How many changes there are in all (the list shows the newest `shown`)."""
    feed_url: str = ""
    """The Atom feed's absolute address; empty where there is none (a bundle, `make generate`)."""


VIEW_TYPES: dict[str, type[View]] = {
    "home.md.j2": HomeView,
    "agenda.md.j2": AgendaView,
    "theme.md.j2": ThemeView,
    "randvoorwaarden.md.j2": RandvoorwaardenView,
    "werkwijze.md.j2": WerkwijzeView,
    "changes.md.j2": ChangesView,
    "report.md.j2": ReportView,
    "pillar.md.j2": PillarView,
    "group.md.j2": GroupView,
    "activity.md.j2": ActivityView,
    "timeline.md.j2": TimelineView,
    "cities.md.j2": CitiesView,
    "city.md.j2": CityView,
    "people.md.j2": PeopleView,
    "kernboodschappen.md.j2": KernboodschappenView,
    "sources.md.j2": SourcesView,
    "source.md.j2": SourceView,
    "archive.md.j2": ArchiveView,
    "archive_document.md.j2": ArchiveDocumentView,
    "about.md.j2": AboutView,
    "glossary.md.j2": GlossaryView,
    "open_data.md.j2": OpenDataView,
    "pictures.md.j2": PicturesView,
    "raadsbundels.md.j2": RaadsbundelsView,
    "cover.md.j2": CoverView,
    "news.md.j2": NewsView,
}
"""The view type of every page template, by template name: the one place that says what a
template may read. H1's page-kind registry can take its view type from here (or this
mapping can move into it, one entry per kind)."""
