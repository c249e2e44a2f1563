"""Pages of the strategic agendas, one set per period (overview, themes, randvoorwaarden,
werkwijze), the home page, and the comparison of the agendas."""

from __future__ import annotations

from generator import wording
from generator.models import RANDVOORWAARDEN_ID
from generator.pages.documents import map_address
from generator.pages.links import (
    BUNDLES, CHANGES, CITIES, HOME, KERNBOODSCHAPPEN, SOURCES, Context, agenda_path, city_path, relative,
    report_path, theme_path, timeline_path, werkwijze_path,
)
from generator.render import Page
from generator.validate import AgendaPeriod
from generator.wording import number_word
from generator.views import (
    ActivityLink, AgendaView, ChangesView, Comparison, HomeView, Link, NameLink, NutshellLink, RandvoorwaardenView,
    Reference, RelatedLink, Renamed, SpeerpuntRow, ThemeChange, ThemeRow, ThemeView, WerkwijzeView, WorkYear,
)


def pages(ctx: Context) -> list[Page]:
    """The home page, then every agenda's pages, newest first (the menu lists them in this order)."""
    result = [home(ctx)]
    if len(ctx.site.agendas) > 1:
        result.append(changes(ctx))
    for period in reversed(ctx.site.agendas):
        themes = [theme(ctx, period, i) for i in range(len(period.agenda.themes))]
        result += [overview(ctx, period), *themes, randvoorwaarden(ctx, period), werkwijze(ctx, period)]
    return result


def _older_agendas(ctx: Context, here: str) -> tuple[Link, ...]:
    """The agendas before the newest, newest first: the home page lists them."""
    return tuple(Link(p.agenda.subtitle, relative(here, agenda_path(p.period))) for p in reversed(ctx.site.agendas[:-1]))


def _older_reports(ctx: Context, here: str) -> tuple[Link, ...]:
    """The reports before the newest, newest first: the home page lists them."""
    return tuple(Link(wording.REPORT_TITLE.format(year=y.year), relative(here, report_path(y.year)))
                 for y in reversed(ctx.site.years[:-1]))


def home(ctx: Context) -> Page:
    here, period, newest = HOME, ctx.site.agendas[-1], ctx.site.years[-1]
    agenda = period.agenda
    items = tuple(NutshellLink(i.phrase, i.summary, relative(here, theme_path(period.period, i.target)))
                  for i in agenda.nutshell.items)
    cities = sorted(ctx.site.cities.cities, key=lambda c: c.name)
    return Page(here, "home.md.j2", wording.HOME_TITLE, HomeView(
        agenda=agenda, nutshell=items,
        themes_count=len(agenda.themes), cities_count=len(cities),
        city_links=tuple(NameLink(c.name, relative(here, city_path(c.id))) for c in cities),
        map_url=relative(here, map_address(ctx.site)), cities_word=number_word(len(cities)),
        timeline_url=relative(here, timeline_path(newest.year)), year=newest.year,
        agenda_url=relative(here, agenda_path(period.period)), cities_url=relative(here, CITIES),
        bundles_url=relative(here, BUNDLES),
        sources_url=relative(here, SOURCES), report_url=relative(here, report_path(newest.year)),
        kernboodschappen_url=relative(here, KERNBOODSCHAPPEN),
        changes_url=relative(here, CHANGES) if len(ctx.site.agendas) > 1 else None,
        older_agendas=_older_agendas(ctx, here), older_reports=_older_reports(ctx, here),
        description=wording.HOME_DESCRIPTION.format(title=agenda.title, subtitle=agenda.subtitle),
        # The first sentence says what the network is: the member list is its passage.
        references=ctx.cite(here, [*ctx.site.cities.membership, *agenda.mission.passages,
                                   *agenda.nutshell.passages]),
        verantwoording=(agenda.nutshell.note,) if agenda.nutshell.note else (),
    ), ctx.origin(period.name, ("mission",)))


def overview(ctx: Context, period: AgendaPeriod) -> Page:
    agenda = period.agenda
    here = agenda_path(period.period)
    years = sorted(y.year for y in ctx.years_of(period))
    themes = tuple(ThemeRow(t.number, t.title, relative(here, theme_path(period.period, t.id)),
                            len(t.speerpunten), len(ctx.by_theme[period.period, t.id]))
                   for t in agenda.themes)
    others = tuple(Link(p.agenda.subtitle, relative(here, agenda_path(p.period)))
                   for p in reversed(ctx.site.agendas) if p is not period)
    return Page(here, "agenda.md.j2", agenda.subtitle, AgendaView(
        agenda=agenda, themes=themes,
        activities_heading=" ".join([wording.ACTIVITIES_HEADING, ", ".join(str(y) for y in years)]).strip(),
        randvoorwaarden_url=relative(here, theme_path(period.period, RANDVOORWAARDEN_ID)),
        werkwijze_url=relative(here, werkwijze_path(period.period)),
        other_agendas=others,
        changes_url=relative(here, CHANGES) if others else None,
        description=wording.AGENDA_DESCRIPTION.format(title=agenda.title, themes=number_word(len(agenda.themes))),
        references=ctx.cite(here, agenda.introduction.passages),
    ), ctx.origin(period.name, ("introduction",)))


def work_per_year(ctx: Context, here: str, period: AgendaPeriod, chapter_id: str) -> tuple[WorkYear, ...]:
    """'Wat deed de G40 in <year>?', newest year first: per report the agenda is in force
    for, the theme groups and activities that serve a chapter."""
    result = []
    for year in ctx.years_of(period):
        groups = tuple(Link(ctx.group_label(year.year, g.id), relative(here, ctx.group_path(year.year, g.id)))
                       for p in year.report.pillars for g in p.groups if chapter_id in g.themes)
        activities: tuple[ActivityLink, ...] = tuple(ctx.activity_link(here, a)
                                                     for a in ctx.by_theme[period.period, chapter_id]
                                                     if ctx.year_of[a.id] is year)
        result.append(WorkYear(year.year, groups, activities))
    return tuple(result)


def _report_references(ctx: Context, here: str, period: AgendaPeriod) -> tuple[Reference, ...]:
    return tuple(ctx.reference(here, year.report.source, wording.PLACE_REPORT_ACTIVITIES)
                 for year in ctx.years_of(period))


def theme(ctx: Context, period: AgendaPeriod, index: int) -> Page:
    theme = period.agenda.themes[index]
    here = theme_path(period.period, theme.id)
    speerpunten = tuple(SpeerpuntRow(s.number, s.title, s.remark, s.editor_note,
                                     ctx.chapter_link(here, period.period, s.see) if s.see else None)
                        for s in theme.speerpunten)
    related = tuple(RelatedLink(link.title, link.url, r.cited_as)
                    for r in theme.related for link in [ctx.chapter_link(here, period.period, r.target)])
    return Page(here, "theme.md.j2", theme.title, ThemeView(
        theme=theme, speerpunten=speerpunten, related=related, period=period.period,
        work=work_per_year(ctx, here, period, theme.id),
        dataset=ctx.dataset(here, "themas"),
        description=theme.intro,
        references=ctx.cite(here, [p for part in type(theme.passages).model_fields
                                   for p in getattr(theme.passages, part)])
        + _report_references(ctx, here, period),
        verantwoording=tuple(theme.notes),
    ), ctx.origin(period.name, ("themes", index)))


def randvoorwaarden(ctx: Context, period: AgendaPeriod) -> Page:
    here, chapter = theme_path(period.period, RANDVOORWAARDEN_ID), period.agenda.randvoorwaarden
    return Page(here, "randvoorwaarden.md.j2", chapter.title, RandvoorwaardenView(
        chapter=chapter, description=chapter.intro,
        work=work_per_year(ctx, here, period, RANDVOORWAARDEN_ID),
        kernboodschappen_url=relative(here, KERNBOODSCHAPPEN),
        kernboodschappen_year=ctx.site.source_year(ctx.site.kernboodschappen.source),
        references=ctx.cite(here, [*chapter.passages,
                                      *(p for section in chapter.sections for p in section.passages),
                                      *(p for section in chapter.sections for point in section.points
                                        for p in point.passages),
                                      *chapter.closing.passages])
        + _report_references(ctx, here, period),
    ), ctx.origin(period.name, ("randvoorwaarden",)))


def werkwijze(ctx: Context, period: AgendaPeriod) -> Page:
    here, chapter = werkwijze_path(period.period), period.agenda.werkwijze
    return Page(here, "werkwijze.md.j2", chapter.title, WerkwijzeView(
        chapter=chapter, cities_url=relative(here, CITIES), cities_count=len(ctx.site.cities.cities),
        description=wording.WERKWIJZE_DESCRIPTION,
        references=ctx.cite(here, [p for point in chapter.points for p in point.passages]),
    ), ctx.origin(period.name, ("werkwijze",)))


def changes(ctx: Context) -> Page:
    """'Wat is veranderd': each agenda against the one before it, theme by theme. Themes and
    speerpunten are matched by id and number: same id, other title is a rename."""
    here = CHANGES
    comparisons = []
    pairs = list(zip(ctx.site.agendas, ctx.site.agendas[1:]))
    for old, new in reversed(pairs):
        old_themes = {t.id: t for t in old.agenda.themes}
        new_themes = {t.id: t for t in new.agenda.themes}

        def link(period: AgendaPeriod, theme) -> Link:
            return Link(theme.title, relative(here, theme_path(period.period, theme.id)))

        themes = []
        for theme_id in [*new_themes, *(t for t in old_themes if t not in new_themes)]:
            before, after = old_themes.get(theme_id), new_themes.get(theme_id)
            status = ("nieuw" if before is None else "vervallen" if after is None
                      else "hernoemd" if before.title != after.title else "gebleven")
            added, removed, renamed = _speerpunt_changes(before, after) if before and after else ((), (), ())
            themes.append(ThemeChange(
                status=status,
                old=link(old, before) if before else None, new=link(new, after) if after else None,
                heading=link(new, after) if after else link(old, before),
                added=added, removed=removed, renamed=renamed,
                unchanged=bool(before and after and not (added or removed or renamed)),
            ))
        comparisons.append(Comparison(old=old.agenda.subtitle, new=new.agenda.subtitle,
                                      old_url=relative(here, agenda_path(old.period)),
                                      new_url=relative(here, agenda_path(new.period)), themes=tuple(themes)))
    newest = ctx.site.agendas[-1]
    return Page(here, "changes.md.j2", wording.CHANGES_TITLE, ChangesView(
        comparisons=tuple(comparisons),
        description=wording.CHANGES_DESCRIPTION,
        references=tuple(ctx.reference(here, p.agenda.source, wording.PLACE_AGENDA_THEMES)
                         for p in reversed(ctx.site.agendas)),
    ), ctx.origin(newest.name, ("themes",)))


def _speerpunt_changes(before, after) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Renamed, ...]]:
    """(added, removed, renamed) speerpunten of one theme in two agendas. A title in both is
    kept; of the rest, one with the same number in both is a rename."""
    old_titles = {s.title for s in before.speerpunten}
    new_titles = {s.title for s in after.speerpunten}
    gone = [s for s in before.speerpunten if s.title not in new_titles]
    came = [s for s in after.speerpunten if s.title not in old_titles]
    came_by_number = {s.number: s for s in came}
    renamed = tuple(Renamed(s.title, came_by_number[s.number].title) for s in gone if s.number in came_by_number)
    renamed_numbers = {s.number for s in gone if s.number in came_by_number}
    return (tuple(s.title for s in came if s.number not in renamed_numbers),
            tuple(s.title for s in gone if s.number not in renamed_numbers), renamed)
