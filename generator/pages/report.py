"""Pages of the annual report 2021: overview, pillars, theme groups, activities, timeline."""

from __future__ import annotations

from collections import defaultdict

from generator.models import Activity, Pillar, ThemeGroup
from generator.pages.links import (
    GLOSSARY, MONTHS, PEOPLE, REPORT, TIMELINE, Context, activity_path, city_path, partial_date, pillar_path,
    relative,
)
from generator.render import Page


def pages(ctx: Context) -> list[Page]:
    result = [overview(ctx), timeline(ctx)]
    for pillar in ctx.site.report.pillars:
        result.append(pillar_page(ctx, pillar))
        result += [group_page(ctx, pillar, group) for group in pillar.groups]
    result += [activity_page(ctx, a) for a in ctx.site.activities.activities]
    return result


def _report_reference(ctx: Context, here: str, place: str) -> list[dict]:
    return [ctx.reference(here, ctx.site.report.source, place)]


def overview(ctx: Context) -> Page:
    here, report = REPORT, ctx.site.report
    author = ctx.people[report.foreword.author]
    pillars = [{"title": p.title, "url": relative(here, pillar_path(p.id)), "summary": p.summary,
                "groups": [{"title": g.title, "url": relative(here, ctx.group_path(g.id)),
                            "count": len(ctx.by_group[g.id])} for g in p.groups]}
               for p in report.pillars]
    return Page(here, "report.md.j2", f"Jaarverslag {report.year}", {
        "report": report, "author": author, "pillars": pillars,
        "author_url": relative(here, f"{PEOPLE}#{author.id}"),
        "highlights": [ctx.activity_link(here, ctx.activities[a]) for a in report.foreword.highlights],
        "foreword_activities": [ctx.activity_link(here, a) for a in ctx.by_group[report.foreword.id]],
        "timeline_url": relative(here, TIMELINE), "count": len(ctx.site.activities.activities),
        "description": f"Wat het Stedennetwerk G40 in {report.year} deed, per pijler en themagroep.",
        "references": ctx.cite(here, report.foreword.passages),
    }, ctx.origin("report", ("foreword",)))


def pillar_page(ctx: Context, pillar: Pillar) -> Page:
    here = pillar_path(pillar.id)
    groups = [{"title": g.title, "url": relative(here, ctx.group_path(g.id)), "summary": g.summary,
               "count": len(ctx.by_group[g.id])} for g in pillar.groups]
    return Page(here, "pillar.md.j2", pillar.title, {
        "pillar": pillar, "groups": groups,
        "description": pillar.summary,
        "references": ctx.cite(here, [*pillar.passages, *(p for g in pillar.groups for p in g.passages)]),
    }, ctx.origin("report", ("pillars", ctx.site.report.pillars.index(pillar))))


def group_page(ctx: Context, pillar: Pillar, group: ThemeGroup) -> Page:
    here = ctx.group_path(group.id)
    return Page(here, "group.md.j2", group.title if group.kind == "themagroep" else f"{pillar.title}: algemeen", {
        "group": group, "pillar": {"title": pillar.title, "url": relative(here, pillar_path(pillar.id))},
        "themes": [ctx.chapter_link(here, t) for t in group.themes],
        "activities": [{**ctx.activity_link(here, a), "summary": a.summary} for a in ctx.by_group[group.id]],
        "dataset": ctx.dataset(here, "activiteiten"),
        "description": group.summary,
        "references": ctx.cite(here, [*group.passages, *(p for a in ctx.by_group[group.id] for p in a.passages)]),
        "verantwoording": [group.placement] if group.placement else [],
    }, ctx.origin("report", ("pillars", ctx.site.report.pillars.index(pillar), "groups", pillar.groups.index(group))))


def activity_page(ctx: Context, activity: Activity) -> Page:
    here = activity_path(activity.id)
    people = [{"name": ctx.people[p].name, "role": ctx.people[p].role,
               "url": relative(here, f"{PEOPLE}#{p}")} for p in activity.people]
    organisations = [{"term": o.term, "explanation": o.expansion or o.description or "",
                      "url": relative(here, f"{GLOSSARY}#{o.id}")}
                     for o in (ctx.organisations[i] for i in activity.organisations)]
    cities = [{"name": ctx.cities[c.city].name, "role": c.role, "url": relative(here, city_path(c.city))}
              for c in activity.cities]
    return Page(here, "activity.md.j2", activity.title, {
        "activity": activity, "date": partial_date(activity.date),
        "group": {"title": ctx.group_label(activity.group), "url": relative(here, ctx.group_path(activity.group))},
        "people": people, "organisations": organisations, "cities": cities,
        "themes": [ctx.chapter_link(here, t) for t in activity.themes],
        "timeline_url": relative(here, TIMELINE), "dataset": ctx.dataset(here, "activiteiten"),
        "description": activity.summary,
        "references": ctx.cite(here, [*activity.passages, *(p for c in activity.cities for p in c.passages),
                                      *(p for i in activity.people for p in ctx.people[i].passages)]),
        "verantwoording": ([activity.placement] if activity.placement else []) + list(activity.notes),
    }, ctx.origin("activities", ("activities", ctx.activity_index[activity.id])))


def timeline(ctx: Context) -> Page:
    """The year by month; activities the report dates only by year come last."""
    here, year = TIMELINE, ctx.site.report.year
    by_month: dict[int, list[Activity]] = defaultdict(list)
    for activity in ctx.site.activities.activities:
        parts = activity.date.split("-")
        by_month[int(parts[1]) if len(parts) > 1 else 0].append(activity)
    months = [{"title": f"{MONTHS[m - 1].capitalize()} {year}", "anchor": MONTHS[m - 1],
               "activities": [ctx.activity_link(here, a) for a in sorted(by_month[m], key=lambda a: a.date)]}
              for m in range(1, 13) if by_month[m]]
    undated = [ctx.activity_link(here, a) for a in by_month[0]]
    return Page(here, "timeline.md.j2", f"Tijdlijn {year}", {
        "months": months, "undated": undated, "year": year, "dataset": ctx.dataset(here, "activiteiten"),
        "report_url": relative(here, REPORT),
        "description": f"De activiteiten van het Stedennetwerk G40 in {year}, per maand.",
        "references": _report_reference(ctx, here, "hele jaarverslag; data zoals het jaarverslag ze geeft"),
    }, ctx.origin("activities"))
