"""Pages of the strategic agenda: home, overview, themes, randvoorwaarden, werkwijze."""

from __future__ import annotations

from generator.models import RANDVOORWAARDEN_ID
from generator.pages.links import (
    AGENDA, BUNDLES, CITIES, HOME, KERNBOODSCHAPPEN, PICTURES, REPORT, SOURCES, TIMELINE, WERKWIJZE, Context, city_path,
    relative, theme_path,
)
from generator.render import Page


def pages(ctx: Context) -> list[Page]:
    themes = [theme(ctx, i) for i in range(len(ctx.site.agenda.themes))]
    return [home(ctx), overview(ctx), *themes, randvoorwaarden(ctx), werkwijze(ctx)]


def home(ctx: Context) -> Page:
    here, agenda = HOME, ctx.site.agenda
    items = [{"phrase": i.phrase, "summary": i.summary, "url": relative(here, theme_path(i.target))}
             for i in agenda.nutshell.items]
    cities = sorted(ctx.site.cities.cities, key=lambda c: c.name)
    return Page(here, "home.md.j2", "Stedenagenda G40", {
        "agenda": agenda, "nutshell": items,
        "themes_count": len(agenda.themes), "cities_count": len(cities),
        "city_links": [{"name": c.name, "url": relative(here, city_path(c.id))} for c in cities],
        "map_url": relative(here, PICTURES + "#de-40-steden-op-de-kaart"), "timeline_url": relative(here, TIMELINE),
        "agenda_url": relative(here, AGENDA), "cities_url": relative(here, CITIES),
        "bundles_url": relative(here, BUNDLES), "sources_url": relative(here, SOURCES), "report_url": relative(here, REPORT),
        "kernboodschappen_url": relative(here, KERNBOODSCHAPPEN),
        "description": f"De agenda van het Stedennetwerk G40: {agenda.title} {agenda.subtitle}.",
        "references": ctx.cite(here, [*agenda.mission.passages, *agenda.nutshell.passages]),
        "verantwoording": [agenda.nutshell.note] if agenda.nutshell.note else [],
    }, ctx.origin("agenda", ("mission",)))


def overview(ctx: Context) -> Page:
    here, agenda = AGENDA, ctx.site.agenda
    themes = [{"number": t.number, "title": t.title, "url": relative(here, theme_path(t.id)),
               "count": len(t.speerpunten), "activities": len(ctx.by_theme[t.id])} for t in agenda.themes]
    return Page(here, "agenda.md.j2", agenda.subtitle, {
        "agenda": agenda, "themes": themes,
        "randvoorwaarden_url": relative(here, theme_path(RANDVOORWAARDEN_ID)),
        "werkwijze_url": relative(here, WERKWIJZE),
        "description": f"{agenda.title} De acht thema's en de randvoorwaarden van de G40.",
        "references": ctx.cite(here, agenda.introduction.passages),
    }, ctx.origin("agenda", ("introduction",)))


def _work_in_2021(ctx: Context, here: str, chapter_id: str) -> dict:
    """'Wat deed de G40 in 2021?': the theme groups and activities that serve a chapter."""
    groups = [{"title": ctx.group_label(g.id), "url": relative(here, ctx.group_path(g.id))}
              for g in ctx.groups.values() if chapter_id in g.themes]
    activities = [ctx.activity_link(here, a) for a in ctx.by_theme[chapter_id]]
    return {"groups": groups, "activities": activities}


def theme(ctx: Context, index: int) -> Page:
    theme = ctx.site.agenda.themes[index]
    here = theme_path(theme.id)
    speerpunten = [{
        "number": s.number, "title": s.title, "remark": s.remark, "editor_note": s.editor_note,
        "see": ctx.chapter_link(here, s.see) if s.see else None,
    } for s in theme.speerpunten]
    related = [{**ctx.chapter_link(here, r.target), "cited_as": r.cited_as} for r in theme.related]
    return Page(here, "theme.md.j2", theme.title, {
        "theme": theme, "speerpunten": speerpunten, "related": related,
        "work": _work_in_2021(ctx, here, theme.id),
        "dataset": ctx.dataset(here, "themas"),
        "description": theme.intro,
        "references": ctx.cite(here, [p for part in type(theme.passages).model_fields
                                      for p in getattr(theme.passages, part)])
        + [ctx.reference(here, ctx.site.report.source, "de activiteiten, per pijler en themagroep")],
        "verantwoording": theme.notes,
    }, ctx.origin("agenda", ("themes", index)))


def randvoorwaarden(ctx: Context) -> Page:
    here, chapter = theme_path(RANDVOORWAARDEN_ID), ctx.site.agenda.randvoorwaarden
    return Page(here, "randvoorwaarden.md.j2", chapter.title, {
        "chapter": chapter, "description": chapter.intro,
        "work": _work_in_2021(ctx, here, RANDVOORWAARDEN_ID),
        "kernboodschappen_url": relative(here, KERNBOODSCHAPPEN),
        "references": ctx.cite(here, [*chapter.passages,
                                      *(p for section in chapter.sections for p in section.passages),
                                      *(p for section in chapter.sections for point in section.points
                                        for p in point.passages),
                                      *chapter.closing.passages])
        + [ctx.reference(here, ctx.site.report.source, "de activiteiten, per pijler en themagroep")],
    }, ctx.origin("agenda", ("randvoorwaarden",)))


def werkwijze(ctx: Context) -> Page:
    here, chapter = WERKWIJZE, ctx.site.agenda.werkwijze
    return Page(here, "werkwijze.md.j2", chapter.title, {
        "chapter": chapter, "cities_url": relative(here, CITIES),
        "description": "Hoe het Stedennetwerk G40 werkt: pijlers, themagroepen, netwerkdagen en partners.",
        "references": ctx.cite(here, [p for point in chapter.points for p in point.passages]),
    }, ctx.origin("agenda", ("werkwijze",)))
