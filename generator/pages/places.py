"""Pages about who and where: the cities and the people."""

from __future__ import annotations

from typing import Any

from generator import wording
from generator.pages.links import CITIES, PEOPLE, Context, activity_path, city_path, relative
from generator.render import Page
from generator.views import (
    CitiesView, CityRow, CityView, CityYear, Link, NameLink, PeopleView, PersonRow, Reference, RoleActivity,
)
from generator.wording import number_word


def pages(ctx: Context) -> list[Page]:
    cities = [city(ctx, i) for i in range(len(ctx.site.cities.cities))]
    return [city_index(ctx), *cities, people(ctx)]


def _membership(ctx: Context, here: str) -> tuple[Reference, ...]:
    return ctx.cite(here, ctx.site.cities.membership)


def city_roles(ctx: Context, here: str, city_id: str, year: int | None = None) -> tuple[RoleActivity, ...]:
    """Every activity the data gives a city a role in, in one year's report or in all, once
    each: its roles in the activity itself, then as the city of a named person in it (left
    out when a role already names that person: "stad van Maaike Veeningen, voorzitter …")."""
    def in_year(activity) -> bool:
        return year is None or ctx.year_of[activity.id].year == year

    roles: dict[str, tuple[Any, list[str], list]] = {}
    for part, activity in ctx.by_city[city_id]:
        if in_year(activity):
            said, cited = roles.setdefault(activity.id, (activity, [], []))[1:]
            said.append(part.role)
            cited += [p for p in (part.passages or activity.passages) if p not in cited]
    for person in ctx.people_by_city[city_id]:
        for activity in ctx.by_person[person.id]:
            if not in_year(activity):
                continue
            said, cited = roles.setdefault(activity.id, (activity, [], []))[1:]
            if not any(person.name in role for role in said):
                said.append(wording.CITY_OF_PERSON.format(name=person.name, role=person.role))
                cited += [p for p in person.passages if p not in cited]
    return tuple(ctx.activity_link(here, activity, RoleActivity, role=wording.ROLES_JOINED.join(said),
                                   references=ctx.cite(here, cited))
                 for activity, said, cited in roles.values())


def roles_per_year(ctx: Context, here: str, city_id: str) -> tuple[CityYear, ...]:
    """A city's roles per report, newest year first (a year without roles says so)."""
    return tuple(CityYear(y.year, city_roles(ctx, here, city_id, y.year)) for y in reversed(ctx.site.years))


def _years_label(ctx: Context) -> str:
    """The years the reports cover: one year, or first–last."""
    years = [y.year for y in ctx.site.years]
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _role_passages(ctx: Context, city_id: str) -> list:
    """Where the sources name a city in its roles: the role's own passage, else its activity's."""
    cited = []
    for activity in ctx.site.all_activities:
        for part in activity.cities:
            if part.city == city_id:
                cited += part.passages or activity.passages
    for person in ctx.people_by_city[city_id]:
        cited += person.passages
    return cited


def city_index(ctx: Context) -> Page:
    here = CITIES
    rows = tuple(CityRow(c.name, relative(here, city_path(c.id)), c.province, len(city_roles(ctx, here, c.id)))
                 for c in ctx.site.cities.cities)
    return Page(here, "cities.md.j2", wording.CITIES_TITLE.format(count=len(rows)), CitiesView(
        rows=rows, count=len(rows),
        years=_years_label(ctx), province_note=wording.PROVINCE_NOTE,
        dataset=ctx.dataset(here, "steden"),
        description=wording.CITIES_DESCRIPTION.format(count=number_word(len(rows))),
        references=_membership(ctx, here),
        verantwoording=(ctx.site.cities.province_note,),
    ), ctx.origin("cities"))


def city(ctx: Context, index: int) -> Page:
    city = ctx.site.cities.cities[index]
    here = city_path(city.id)
    return Page(here, "city.md.j2", city.name, CityView(
        city=city, cities_word=number_word(len(ctx.site.cities.cities)), index_url=relative(here, CITIES),
        years=roles_per_year(ctx, here, city.id), province_note=wording.PROVINCE_NOTE,
        dataset=ctx.dataset(here, "steden"),
        description=wording.CITY_DESCRIPTION.format(name=city.name, province=city.province),
        references=_membership(ctx, here) + ctx.cite(here, _role_passages(ctx, city.id)),
        verantwoording=(ctx.site.cities.province_note,),
    ), ctx.origin("cities", ("cities", index)))


def people(ctx: Context) -> Page:
    here = PEOPLE
    rows = tuple(PersonRow(
        id=p.id, name=p.name, role=p.role,
        city=NameLink(ctx.cities[p.city].name, relative(here, city_path(p.city))) if p.city else None,
        activities=tuple(Link(a.title, relative(here, activity_path(a.id))) for a in ctx.by_person[p.id]),
    ) for p in ctx.site.people.people)
    return Page(here, "people.md.j2", wording.PEOPLE_TITLE, PeopleView(
        rows=rows,
        description=wording.PEOPLE_DESCRIPTION,
        references=ctx.cite(here, [p for person in ctx.site.people.people for p in person.passages]),
    ), ctx.origin("people"))
