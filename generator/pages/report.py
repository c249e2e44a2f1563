"""Pages of the annual reports, one set per year: overview, pillars, theme groups,
activities, timeline."""

from __future__ import annotations

from collections import defaultdict

from generator import wording
from generator.models import Activity, Pillar, ThemeGroup
from generator.pages.links import (
    GLOSSARY, MONTHS, PEOPLE, Context, activity_path, city_path, partial_date, pillar_path, relative, report_path,
    timeline_path,
)
from generator.render import Page
from generator.terms import expansion_text
from generator.validate import ReportYear
from generator.views import (
    ActivityView, CityRoleLink, DatedActivity, GroupCount, GroupRow, GroupView, Link, Month,
    OrganisationLink, PersonLink, PillarRow, PillarView, ReportView, SummedActivity, TimelineView, UndatedGroup,
)


def pages(ctx: Context) -> list[Page]:
    """Every report's pages, newest year first (the menu lists them in this order)."""
    result = []
    for year in reversed(ctx.site.years):
        result += [overview(ctx, year), timeline(ctx, year)]
        for pillar in year.report.pillars:
            result.append(pillar_page(ctx, year, pillar))
            result += [group_page(ctx, year, pillar, group) for group in pillar.groups]
    result += [activity_page(ctx, a) for year in reversed(ctx.site.years) for a in year.activities.activities]
    return result


def other_years(ctx: Context, here: str, year: ReportYear, path) -> tuple[Link, ...]:
    """The year switch: the same page of every other report, newest first (empty with one)."""
    return tuple(Link(str(y.year), relative(here, path(y.year))) for y in reversed(ctx.site.years) if y is not year)


def overview(ctx: Context, year: ReportYear) -> Page:
    report = year.report
    here = report_path(report.year)
    author = ctx.people[report.foreword.author]
    pillars = tuple(PillarRow(p.title, relative(here, pillar_path(report.year, p.id)), p.summary,
                              tuple(GroupCount(g.title, relative(here, ctx.group_path(report.year, g.id)),
                                               len(ctx.by_group[report.year, g.id])) for g in p.groups))
                    for p in report.pillars)
    return Page(here, "report.md.j2", wording.REPORT_TITLE.format(year=report.year), ReportView(
        report=report, author=author, pillars=pillars,
        author_url=relative(here, f"{PEOPLE}#{author.id}"),
        highlights=tuple(ctx.activity_link(here, ctx.activities[a]) for a in report.foreword.highlights),
        timeline_url=relative(here, timeline_path(report.year)), count=len(year.activities.activities),
        other_years=other_years(ctx, here, year, report_path),
        description=wording.REPORT_DESCRIPTION.format(year=report.year),
        references=ctx.cite(here, report.foreword.passages),
    ), ctx.origin(year.report_name, ("foreword",)))


def pillar_page(ctx: Context, year: ReportYear, pillar: Pillar) -> Page:
    here = pillar_path(year.year, pillar.id)
    groups = tuple(GroupRow(g.title, relative(here, ctx.group_path(year.year, g.id)), g.summary,
                            len(ctx.by_group[year.year, g.id])) for g in pillar.groups)
    return Page(here, "pillar.md.j2", pillar.title, PillarView(
        pillar=pillar, groups=groups, year=year.year,
        description=pillar.summary,
        references=ctx.cite(here, [*pillar.passages, *(p for g in pillar.groups for p in g.passages)]),
    ), ctx.origin(year.report_name, ("pillars", year.report.pillars.index(pillar))))


def group_page(ctx: Context, year: ReportYear, pillar: Pillar, group: ThemeGroup) -> Page:
    here = ctx.group_path(year.year, group.id)
    period = ctx.period_at(year.year)
    activities = ctx.by_group[year.year, group.id]
    return Page(here, "group.md.j2", group.title if group.kind == "themagroep" else wording.GENERAL_GROUP_TITLE.format(pillar=pillar.title),
                GroupView(
        group=group, year=year.year,
        pillar=Link(pillar.title, relative(here, pillar_path(year.year, pillar.id))),
        themes=tuple(ctx.chapter_link(here, period, t) for t in group.themes),
        activities=tuple(ctx.activity_link(here, a, SummedActivity, summary=a.summary) for a in activities),
        dataset=ctx.dataset(here, "activiteiten"),
        description=group.summary,
        references=ctx.cite(here, [*group.passages, *(p for a in activities for p in a.passages)]),
        verantwoording=(group.placement,) if group.placement else (),
    ), ctx.origin(year.report_name, ("pillars", year.report.pillars.index(pillar), "groups",
                                     pillar.groups.index(group))))


def activity_page(ctx: Context, activity: Activity) -> Page:
    here = activity_path(activity.id)
    year = ctx.year_of[activity.id]
    period = ctx.period_at(year.year)
    people = tuple(PersonLink(ctx.people[p].name, ctx.people[p].role, relative(here, f"{PEOPLE}#{p}"))
                   for p in activity.people)
    organisations = tuple(OrganisationLink(o.term, expansion_text(o) or o.description or "",
                                           relative(here, f"{GLOSSARY}#{o.id}"))
                          for o in (ctx.organisations[i] for i in activity.organisations))
    cities = tuple(CityRoleLink(ctx.cities[c.city].name, c.role, relative(here, city_path(c.city)))
                   for c in activity.cities)
    return Page(here, "activity.md.j2", activity.title, ActivityView(
        activity=activity, date=partial_date(activity.date),
        group=Link(ctx.group_label(year.year, activity.group),
                   relative(here, ctx.group_path(year.year, activity.group))),
        people=people, organisations=organisations, cities=cities,
        themes=tuple(ctx.chapter_link(here, period, t) for t in activity.themes),
        timeline_url=relative(here, timeline_path(year.year)), dataset=ctx.dataset(here, "activiteiten"),
        description=activity.summary,
        # Activities are not in the menu: their breadcrumbs and menu section are those of the
        # theme group page that lists them.
        trail=ctx.group_path(year.year, activity.group),
        references=ctx.cite(here, [*activity.passages, *(p for c in activity.cities for p in c.passages),
                                   *(p for i in activity.people for p in ctx.people[i].passages)]),
        verantwoording=((activity.placement,) if activity.placement else ()) + tuple(activity.notes),
    ), ctx.origin(year.activities_name, ("activities", ctx.activity_index[activity.id])))


def _day(date: str) -> int | None:
    """The day of the month of an ISO date, None when the date has none (only year and month)."""
    parts = date.split("-")
    return int(parts[2]) if len(parts) > 2 else None


def timeline(ctx: Context, report_year: ReportYear) -> Page:
    """The year by month; activities the report dates only by year come last."""
    year = report_year.year
    here = timeline_path(year)
    by_month: dict[int, list[Activity]] = defaultdict(list)
    for activity in report_year.activities.activities:
        parts = activity.date.split("-")
        by_month[int(parts[1]) if len(parts) > 1 else 0].append(activity)
    # The heading states the month and year; an item adds only its day, when the report has one.
    months = tuple(Month(f"{MONTHS[m - 1].capitalize()} {year}", MONTHS[m - 1],
                         tuple(ctx.activity_link(here, a, DatedActivity, day=_day(a.date))
                               for a in sorted(by_month[m], key=lambda a: a.date)))
                   for m in range(1, 13) if by_month[m])
    # Year-only items by theme group, in the report's order, each group heading once.
    undated_by_group: dict[str, list[Activity]] = defaultdict(list)
    for activity in by_month[0]:
        undated_by_group[activity.group].append(activity)
    own_groups = [g.id for p in report_year.report.pillars for g in p.groups]
    undated = tuple(UndatedGroup(ctx.group_label(year, group_id), relative(here, ctx.group_path(year, group_id)),
                                 tuple(ctx.activity_link(here, a) for a in undated_by_group[group_id]))
                    for group_id in [*(g for g in undated_by_group if g not in own_groups), *own_groups]
                    if undated_by_group[group_id])
    return Page(here, "timeline.md.j2", wording.TIMELINE_TITLE.format(year=year), TimelineView(
        months=months, undated=undated, year=year, dataset=ctx.dataset(here, "activiteiten"),
        report_url=relative(here, report_path(year)),
        other_years=other_years(ctx, here, report_year, timeline_path),
        description=wording.TIMELINE_DESCRIPTION.format(year=year),
        references=(ctx.reference(here, report_year.report.source, wording.PLACE_WHOLE_REPORT),),
    ), ctx.origin(report_year.activities_name))
