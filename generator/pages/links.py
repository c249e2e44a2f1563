"""Where each page lives, and the lookups every page module shares.

Paths are the Markdown files under the docs folder; links between pages are relative
paths to those files, which MkDocs checks and turns into URLs.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from typing import Any

from collections.abc import Iterable

from generator import passages
from generator.models import RANDVOORWAARDEN_ID, Activity, CityRole, Passage, ThemeGroup
from generator.render import MONTHS
from generator.validate import AgendaPeriod, ReportYear, Site
from generator.views import ActivityLink, Dataset, Link, Reference

HOME = "index.md"
CITIES = "steden/index.md"
SOURCES = "bronnen/index.md"
KERNBOODSCHAPPEN = "kernboodschappen.md"
ARCHIVE = "archief/index.md"
ABOUT = "over-de-g40.md"
GLOSSARY = "begrippen.md"
PEOPLE = "personen.md"
OPEN_DATA = "open-data.md"
PICTURES = "in-beeld.md"
BUNDLES = "raadsbundels.md"
CHANGES = "agenda/wat-is-veranderd.md"
NEWS = "wat-is-er-nieuw.md"
"""The comparison of the agendas, theme by theme (only with two or more agendas)."""
BUNDLE_FILES = "bundels"
"""The folder of the public site that holds every bundle's zip and PDFs."""
AGENDA_FOLDER = "agenda"
REPORT_FOLDER = "jaarverslag"


def agenda_path(period: str) -> str:
    """The overview of one agenda: `agenda/<period>/`."""
    return f"{AGENDA_FOLDER}/{period}/index.md"


def werkwijze_path(period: str) -> str:
    return f"{AGENDA_FOLDER}/{period}/werkwijze.md"


def theme_path(period: str, theme_id: str) -> str:
    """A chapter of one agenda (a theme or the randvoorwaarden): ids are stable across
    agendas, so the period is part of the address."""
    name = "randvoorwaarden" if theme_id == RANDVOORWAARDEN_ID else theme_id
    return f"{AGENDA_FOLDER}/{period}/{name}.md"


def report_path(year: int) -> str:
    """The overview of one annual report: `jaarverslag/<year>/`."""
    return f"{REPORT_FOLDER}/{year}/index.md"


def timeline_path(year: int) -> str:
    return f"{REPORT_FOLDER}/{year}/tijdlijn.md"


def pillar_path(year: int, pillar_id: str) -> str:
    return f"{REPORT_FOLDER}/{year}/{pillar_id}/index.md"


def city_path(city_id: str) -> str:
    return f"steden/{city_id}.md"


def source_path(source_id: str) -> str:
    return f"bronnen/{source_id}.md"


def activity_path(activity_id: str) -> str:
    """Activity ids are unique across all years, so their pages share one folder."""
    return f"activiteiten/{activity_id}.md"


def archive_path(document_id: str) -> str:
    return f"archief/{document_id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A link from one page to another as MkDocs resolves it: relative, to the .md file."""
    target, _, anchor = to_page.partition("#")
    path = _relpath(target, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


@functools.cache
def _relpath(target: str, folder: str) -> str:
    # Cached because pages in one folder link to the same few targets over and over, and
    # `relpath` asks the OS for the working directory twice per call: a fifth of the
    # generator's time at 10x.
    return posixpath.relpath(target, folder)


def partial_date(value: str) -> str:
    """An ISO date in Dutch words: year-month-day → `15 maart <year>`; year-month → `maart <year>`; a
    year stays as it is."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


class Origin(tuple):
    """Where a page comes from: (data file, line), as its edit link opens it; and the path of
    its item in that file, for the page's history (generator/history.py)."""

    path: tuple

    def __new__(cls, file: str, line: int, path: tuple = ()) -> Origin:
        made = super().__new__(cls, (file, line))
        made.path = path
        return made


class Context:
    """The validated site plus the lookups page modules need (built once)."""

    def __init__(self, site: Site):
        self.site = site
        self.sources = {s.id: s for s in site.sources.sources}
        self.cities = {c.id: c for c in site.cities.cities}
        self.people = {p.id: p for p in site.people.people}
        self.organisations = {o.id: o for o in site.organisations.organisations}
        self.activities = {a.id: a for year in site.years for a in year.activities.activities}
        self.year_of: dict[str, ReportYear] = {a.id: year for year in site.years for a in year.activities.activities}
        """The report each activity comes from."""
        self.chapter_titles: dict[tuple[str, str], str] = {}
        """Per (agenda period, chapter id): its title."""
        for period in site.agendas:
            for theme in period.agenda.themes:
                self.chapter_titles[period.period, theme.id] = theme.title
            self.chapter_titles[period.period, RANDVOORWAARDEN_ID] = period.agenda.randvoorwaarden.title
        self.groups: dict[tuple[int, str], ThemeGroup] = {}
        """Per (year, group id): the theme group."""
        self.pillar_of: dict[tuple[int, str], Any] = {}
        for year in site.years:
            for pillar in year.report.pillars:
                for group in pillar.groups:
                    self.groups[year.year, group.id] = group
                    self.pillar_of[year.year, group.id] = pillar
        self.by_theme: dict[tuple[str, str], list[Activity]] = defaultdict(list)
        """Per (agenda period, chapter id): the activities of the reports that agenda covers."""
        self.by_group: dict[tuple[int, str], list[Activity]] = defaultdict(list)
        self.by_person: dict[str, list[Activity]] = defaultdict(list)
        self.by_city: dict[str, list[tuple[CityRole, Activity]]] = defaultdict(list)
        """Per city: (its role, the activity), oldest report first, each in the report's order."""
        self.people_by_city: dict[str, list[Any]] = defaultdict(list)
        self.activity_index = {a.id: i for year in site.years for i, a in enumerate(year.activities.activities)}
        for person in site.people.people:
            if person.city:
                self.people_by_city[person.city].append(person)
        for year in site.years:
            period = site.agenda_at(year.year).period
            for activity in year.activities.activities:
                for part in activity.cities:
                    self.by_city[part.city].append((part, activity))
                self.by_group[year.year, activity.group].append(activity)
                for theme_id in activity.themes:
                    self.by_theme[period, theme_id].append(activity)
                for person_id in activity.people:
                    self.by_person[person_id].append(activity)

    def origin(self, name: str, path: tuple = ()) -> Origin:
        """The data file and line a page comes from: the start of its item, or the file's top."""
        doc = self.site.documents[name]
        line = doc.lines.get(path) or (doc.where(path)[0] if path else 1)
        return Origin(f"data/{name}.yaml", line, path)

    def years_of(self, period: AgendaPeriod) -> list[ReportYear]:
        """The reports an agenda is in force for, newest first."""
        return [y for y in reversed(self.site.years) if self.site.agenda_at(y.year) is period]

    def group_path(self, year: int, group_id: str) -> str:
        report = self.site.report_at(year).report
        if group_id == report.foreword.id:
            return report_path(year)
        return f"{REPORT_FOLDER}/{year}/{self.pillar_of[year, group_id].id}/{group_id}.md"

    def group_label(self, year: int, group_id: str) -> str:
        """'Pijler Sociaal: Armoede en schulden', or 'Voorwoord'."""
        report = self.site.report_at(year).report
        if group_id == report.foreword.id:
            return report.foreword.heading
        pillar, group = self.pillar_of[year, group_id], self.groups[year, group_id]
        return f"{pillar.title}: {group.title}"

    def reference(self, here: str, source_id: str, place: str) -> Reference:
        """Where a page's facts come from when they span a whole document: the document and the place."""
        source = self.sources[source_id]
        return Reference(document=source.title, url=relative(here, source_path(source_id)), place=place,
                         anchor=None, original=source.url, source=source_id, line=0)

    def cite(self, here: str, cited: Iterable[Passage]) -> tuple[Reference, ...]:
        """The passages a page's facts come from, each once, in the order given: the document
        (linked to our source page), the section, the anchor and the original's address."""
        result: list[Reference] = []
        seen: set[Passage] = set()
        for passage in cited:
            if passage in seen:
                continue
            seen.add(passage)
            source = self.sources[passage.source]
            where = passages.resolved(self.site, passage)
            result.append(Reference(document=source.title, url=relative(here, source_path(source.id)),
                                    place=passage.place, anchor=passage.anchor, original=source.url,
                                    source=source.id, line=where.first_line, lines=where.lines,
                                    quote=where.quote))
        return tuple(result)

    def report_place(self, year: int, group_id: str) -> str:
        """The place in the annual report where a group's text stands, in its own headings."""
        report = self.site.report_at(year).report
        if group_id == report.foreword.id:
            return report.foreword.heading
        pillar, group = self.pillar_of[year, group_id], self.groups[year, group_id]
        return f"{pillar.heading}, {group.heading}"

    def activity_link(self, here: str, activity: Activity, kind: type[ActivityLink] = ActivityLink,
                      **more: Any) -> ActivityLink:
        """An activity as a line in a list: title, link, date and where it was reported; `kind`
        and `more` for a list that shows more of it (its day, its summary, a city's role)."""
        year = self.year_of[activity.id].year
        return kind(title=activity.title, url=relative(here, activity_path(activity.id)),
                    date=partial_date(activity.date), group=self.group_label(year, activity.group),
                    group_url=relative(here, self.group_path(year, activity.group)), **more)

    def dataset(self, here: str, name: str) -> Dataset:
        """Links to a published data set: its JSON, CSV and the open-data page."""
        return Dataset(json=relative(here, f"open-data/{name}.json"), csv=relative(here, f"open-data/{name}.csv"),
                       page=relative(here, OPEN_DATA))

    def chapter_link(self, here: str, period: str, chapter_id: str) -> Link:
        """A link to a chapter of the agenda of `period`."""
        return Link(self.chapter_titles[period, chapter_id], relative(here, theme_path(period, chapter_id)))

    def period_at(self, year: int | None) -> str:
        """The period of the agenda in force in a year (see `Site.agenda_at`)."""
        return self.site.agenda_at(year).period
