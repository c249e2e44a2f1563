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
from generator.models import RANDVOORWAARDEN_ID, Activity, Passage, ThemeGroup
from generator.render import MONTHS
from generator.validate import Site

HOME = "index.md"
AGENDA = "agenda/index.md"
WERKWIJZE = "agenda/werkwijze.md"
CITIES = "steden/index.md"
SOURCES = "bronnen/index.md"
REPORT = "jaarverslag/index.md"
TIMELINE = "jaarverslag/tijdlijn.md"
KERNBOODSCHAPPEN = "kernboodschappen.md"
ARCHIVE = "archief/index.md"
ABOUT = "over-de-g40.md"
GLOSSARY = "begrippen.md"
PEOPLE = "personen.md"
OPEN_DATA = "open-data.md"
PICTURES = "in-beeld.md"
BUNDLES = "raadsbundels.md"
BUNDLE_FILES = "bundels"
"""The folder of the public site that holds every bundle's zip and PDFs."""


def theme_path(theme_id: str) -> str:
    return "agenda/randvoorwaarden.md" if theme_id == RANDVOORWAARDEN_ID else f"agenda/{theme_id}.md"


def city_path(city_id: str) -> str:
    return f"steden/{city_id}.md"


def source_path(source_id: str) -> str:
    return f"bronnen/{source_id}.md"


def activity_path(activity_id: str) -> str:
    return f"activiteiten/{activity_id}.md"


def pillar_path(pillar_id: str) -> str:
    return f"jaarverslag/{pillar_id}/index.md"


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
    """`2021-03-15` → `15 maart 2021`; `2021-03` → `maart 2021`; `2021` → `2021`."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


class Context:
    """The validated site plus the lookups page modules need (built once)."""

    def __init__(self, site: Site):
        self.site = site
        self.sources = {s.id: s for s in site.sources.sources}
        self.cities = {c.id: c for c in site.cities.cities}
        self.people = {p.id: p for p in site.people.people}
        self.organisations = {o.id: o for o in site.organisations.organisations}
        self.activities = {a.id: a for a in site.activities.activities}
        self.chapter_titles = {t.id: t.title for t in site.agenda.themes}
        self.chapter_titles[RANDVOORWAARDEN_ID] = site.agenda.randvoorwaarden.title
        self.groups: dict[str, ThemeGroup] = {}
        self.pillar_of: dict[str, Any] = {}
        for pillar in site.report.pillars:
            for group in pillar.groups:
                self.groups[group.id] = group
                self.pillar_of[group.id] = pillar
        self.by_theme: dict[str, list[Activity]] = defaultdict(list)
        self.by_group: dict[str, list[Activity]] = defaultdict(list)
        self.by_person: dict[str, list[Activity]] = defaultdict(list)
        self.by_city: dict[str, list[tuple[str, Activity]]] = defaultdict(list)
        """Per city: (its role, the activity), in the report's order."""
        self.people_by_city: dict[str, list[Any]] = defaultdict(list)
        self.activity_index = {a.id: i for i, a in enumerate(site.activities.activities)}
        for person in site.people.people:
            if person.city:
                self.people_by_city[person.city].append(person)
        for activity in site.activities.activities:
            for part in activity.cities:
                self.by_city[part.city].append((part.role, activity))
            self.by_group[activity.group].append(activity)
            for theme_id in activity.themes:
                self.by_theme[theme_id].append(activity)
            for person_id in activity.people:
                self.by_person[person_id].append(activity)

    def origin(self, name: str, path: tuple = ()) -> tuple[str, int]:
        """The data file and line a page comes from: the start of its item, or the file's top."""
        doc = self.site.documents[name]
        line = doc.lines.get(path) or (doc.where(path)[0] if path else 1)
        return f"data/{name}.yaml", line

    def group_path(self, group_id: str) -> str:
        if group_id == self.site.report.foreword.id:
            return REPORT
        return f"jaarverslag/{self.pillar_of[group_id].id}/{group_id}.md"

    def group_label(self, group_id: str) -> str:
        """'Pijler Sociaal: Armoede en schulden', or 'Voorwoord'."""
        if group_id == self.site.report.foreword.id:
            return self.site.report.foreword.heading
        pillar, group = self.pillar_of[group_id], self.groups[group_id]
        return f"{pillar.title}: {group.title}"

    def reference(self, here: str, source_id: str, place: str) -> dict[str, Any]:
        """Where a page's facts come from when they span a whole document: the document and the place."""
        source = self.sources[source_id]
        return {"document": source.title, "url": relative(here, source_path(source_id)), "place": place,
                "anchor": None, "original": source.url, "source": source_id, "line": 0}

    def cite(self, here: str, cited: Iterable[Passage]) -> list[dict[str, Any]]:
        """The passages a page's facts come from, each once, in the order given: the document
        (linked to our source page), the section, the anchor and the original's address."""
        result: list[dict[str, Any]] = []
        seen: set[Passage] = set()
        for passage in cited:
            if passage in seen:
                continue
            seen.add(passage)
            source = self.sources[passage.source]
            where = passages.resolved(self.site, passage)
            result.append({"document": source.title, "url": relative(here, source_path(source.id)),
                           "place": passage.place, "anchor": passage.anchor, "original": source.url,
                           "source": source.id, "line": where.first_line})
        return result

    def report_place(self, group_id: str) -> str:
        """The place in the annual report where a group's text stands, in its own headings."""
        if group_id == self.site.report.foreword.id:
            return self.site.report.foreword.heading
        pillar, group = self.pillar_of[group_id], self.groups[group_id]
        return f"{pillar.heading}, {group.heading}"

    def activity_link(self, here: str, activity: Activity) -> dict[str, Any]:
        """An activity as a line in a list: title, link, date and where it was reported."""
        return {"title": activity.title, "url": relative(here, activity_path(activity.id)),
                "date": partial_date(activity.date), "group": self.group_label(activity.group),
                "group_url": relative(here, self.group_path(activity.group))}

    def dataset(self, here: str, name: str) -> dict[str, Any]:
        """Links to a published data set: its JSON, CSV and the open-data page."""
        return {"json": relative(here, f"open-data/{name}.json"), "csv": relative(here, f"open-data/{name}.csv"),
                "page": relative(here, OPEN_DATA)}

    def chapter_link(self, here: str, chapter_id: str) -> dict[str, Any]:
        return {"title": self.chapter_titles[chapter_id], "url": relative(here, theme_path(chapter_id))}
