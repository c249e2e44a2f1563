"""Render the validated models into Markdown pages, one template per kind of page.

This module owns the Jinja `Environment`. It prepares, per page, a plain view (titles,
texts, relative links) so that templates only lay out what they are given: no lookups,
no URL building, no formatting decisions in templates.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import markdown
from generator.models import RANDVOORWAARDEN_ID
from generator.validate import Site

TEMPLATES = Path(__file__).parent / "templates"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Where it goes under the docs folder, e.g. `agenda/zorgstelsel.md`."""
    template: str
    """The template that lays it out."""
    title: str
    """The page title (h1, browser tab, navigation)."""
    view: dict[str, Any] = field(default_factory=dict)
    """What the template shows."""


def environment() -> jinja2.Environment:
    """The one Jinja environment: every `{{ }}` is Markdown-escaped unless it is Markup."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        finalize=markdown.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = markdown.paragraphs
    env.filters["link"] = markdown.link
    env.filters["yaml_string"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    return env


def render_pages(generated: list[Page]) -> dict[str, str]:
    """Every generated page as {path under docs: Markdown text}."""
    env = environment()
    return {page.path: env.get_template(page.template).render(page=page, **page.view) for page in generated}


# --- links ---------------------------------------------------------------------------


def theme_path(theme_id: str) -> str:
    return "agenda/randvoorwaarden.md" if theme_id == RANDVOORWAARDEN_ID else f"agenda/{theme_id}.md"


def city_path(city_id: str) -> str:
    return f"steden/{city_id}.md"


def source_path(source_id: str) -> str:
    return f"bronnen/{source_id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A link from one page to another as MkDocs resolves it: relative, to the .md file."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def partial_date(value: str) -> str:
    """`2021-03-15` → `15 maart 2021`; `2021-03` → `maart 2021`; `2021` → `2021`."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


# --- page views ----------------------------------------------------------------------


class _Views:
    """Builds the view of each page; one method per page kind."""

    def __init__(self, site: Site):
        self.site = site
        self.sources = {s.id: s for s in site.sources.sources}
        self.chapter_titles = {t.id: t.title for t in site.agenda.themes}
        self.chapter_titles[RANDVOORWAARDEN_ID] = site.agenda.randvoorwaarden.title

    def reference(self, here: str, source_id: str, place: str) -> dict[str, Any]:
        """Where a page's facts come from: the document (linked) and the place in it."""
        source = self.sources[source_id]
        return {"document": source.title, "url": relative(here, source_path(source_id)), "place": place}

    def agenda_reference(self, here: str, place: str) -> list[dict[str, Any]]:
        """The reference list of a page that comes from one place in the agenda."""
        return [self.reference(here, self.site.agenda.source, place)]

    def home(self) -> Page:
        here, agenda = "index.md", self.site.agenda
        items = [{"phrase": i.phrase, "summary": i.summary, "url": relative(here, theme_path(i.target))}
                 for i in agenda.nutshell.items]
        return Page(here, "home.md.j2", "Stedenagenda G40", {
            "agenda": agenda, "nutshell": items,
            "agenda_url": relative(here, "agenda/index.md"),
            "cities_url": relative(here, "steden/index.md"),
            "sources_url": relative(here, "bronnen/index.md"),
            "description": f"De agenda van het Stedennetwerk G40: {agenda.title} {agenda.subtitle}.",
            "references": [self.reference(here, agenda.source, agenda.mission.reference),
                           self.reference(here, agenda.source, agenda.nutshell.reference)],
        })

    def agenda_overview(self) -> Page:
        here, agenda = "agenda/index.md", self.site.agenda
        themes = [{"number": t.number, "title": t.title, "url": relative(here, theme_path(t.id)),
                   "count": len(t.speerpunten)} for t in agenda.themes]
        return Page(here, "agenda.md.j2", f"{agenda.subtitle}", {
            "agenda": agenda, "themes": themes,
            "randvoorwaarden_url": relative(here, theme_path(RANDVOORWAARDEN_ID)),
            "werkwijze_url": relative(here, "agenda/werkwijze.md"),
            "description": f"{agenda.title} De acht thema's en de randvoorwaarden van de G40.",
            "references": self.agenda_reference(here, agenda.introduction.reference),
        })

    def theme(self, index: int) -> Page:
        theme = self.site.agenda.themes[index]
        here = theme_path(theme.id)
        speerpunten = [{
            "number": s.number, "title": s.title, "remark": s.remark, "editor_note": s.editor_note,
            "see": {"title": self.chapter_titles[s.see], "url": relative(here, theme_path(s.see))} if s.see else None,
        } for s in theme.speerpunten]
        related = [{"title": self.chapter_titles[r.target], "url": relative(here, theme_path(r.target)),
                    "cited_as": r.cited_as} for r in theme.related]
        return Page(here, "theme.md.j2", theme.title, {
            "theme": theme, "speerpunten": speerpunten, "related": related,
            "description": theme.intro,
            "references": self.agenda_reference(here, f"hoofdstuk {theme.number} '{theme.title}'"),
        })

    def randvoorwaarden(self) -> Page:
        here, chapter = theme_path(RANDVOORWAARDEN_ID), self.site.agenda.randvoorwaarden
        return Page(here, "randvoorwaarden.md.j2", chapter.title, {
            "chapter": chapter, "description": chapter.intro,
            "references": self.agenda_reference(here, f"hoofdstuk '{chapter.title}'"),
        })

    def werkwijze(self) -> Page:
        here, chapter = "agenda/werkwijze.md", self.site.agenda.werkwijze
        return Page(here, "werkwijze.md.j2", chapter.title, {
            "chapter": chapter, "cities_url": relative(here, "steden/index.md"),
            "description": "Hoe het Stedennetwerk G40 werkt: pijlers, themagroepen, netwerkdagen en partners.",
            "references": self.agenda_reference(here, f"hoofdstuk '{chapter.title}'"),
        })

    def membership_references(self, here: str) -> list[dict[str, Any]]:
        return [self.reference(here, m.source, m.place) for m in self.site.cities.membership]

    def city_index(self) -> Page:
        here = "steden/index.md"
        rows = [{"name": c.name, "url": relative(here, city_path(c.id)), "province": c.province}
                for c in self.site.cities.cities]
        return Page(here, "cities.md.j2", "De 40 G40-steden", {
            "rows": rows, "count": len(rows), "province_note": self.site.cities.province_note,
            "description": "De veertig gemeenten van het Stedennetwerk G40, met hun provincie.",
            "references": self.membership_references(here),
        })

    def city(self, index: int) -> Page:
        city = self.site.cities.cities[index]
        here = city_path(city.id)
        return Page(here, "city.md.j2", city.name, {
            "city": city, "index_url": relative(here, "steden/index.md"),
            "province_note": self.site.cities.province_note,
            "description": f"{city.name} ({city.province}) in het Stedennetwerk G40.",
            "references": self.membership_references(here),
        })

    def source_index(self) -> Page:
        here = "bronnen/index.md"
        rows = [{"title": s.title, "url": relative(here, source_path(s.id)), "date": partial_date(s.date),
                 "publisher": s.publisher} for s in self.site.sources.sources]
        return Page(here, "sources.md.j2", "Bronnen", {
            "rows": rows, "description": "De brondocumenten waarop alle feiten op deze site berusten.",
            "references": [],
        })

    def source(self, index: int) -> Page:
        source = self.site.sources.sources[index]
        here = source_path(source.id)
        return Page(here, "source.md.j2", source.title, {
            "source": source, "date": partial_date(source.date),
            "index_url": relative(here, "bronnen/index.md"),
            "description": f"Brondocument: {source.title} ({source.publisher}).",
            "references": [],
        })


def pages(site: Site) -> list[Page]:
    """Every generated page, in navigation order."""
    views = _Views(site)
    return [
        views.home(),
        views.agenda_overview(),
        *(views.theme(i) for i in range(len(site.agenda.themes))),
        views.randvoorwaarden(),
        views.werkwijze(),
        views.city_index(),
        *(views.city(i) for i in range(len(site.cities.cities))),
        views.source_index(),
        *(views.source(i) for i in range(len(site.sources.sources))),
    ]


def navigation(generated: list[Page], hand_written: list[str]) -> list[Any]:
    """The `nav` of mkdocs.yml: sections mirror the content, hand-written pages at the end."""
    by_dir: dict[str, list[Page]] = {}
    for page in generated:
        by_dir.setdefault(posixpath.dirname(page.path), []).append(page)
    labels = {"agenda": "Agenda", "steden": "Steden", "bronnen": "Bronnen"}
    nav: list[Any] = [{"Home": "index.md"}]
    for folder, label in labels.items():
        nav.append({label: [{p.title: p.path} if not p.path.endswith("index.md") else p.path
                            for p in by_dir.get(folder, [])]})
    nav += sorted(hand_written)
    return nav

