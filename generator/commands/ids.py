"""`ids`: every id with its title, so editors need not search the YAML for them."""

from __future__ import annotations

import typing

import click

from generator.build import Project, validated_site
from generator.models import RANDVOORWAARDEN_ID, PageName
from generator.validate import Site


def id_lists(site: Site) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(id, title)]) for every kind of thing data files refer to by id; the
    agendas and reports newest first (their ids stay the same from period to period)."""
    per_period = []
    for period in reversed(site.agendas):
        per_period.append((f"Thema's (data/{period.name}.yaml; voor theme, themes, target, see)",
                           [(t.id, f"{t.number}. {t.title}") for t in period.agenda.themes]
                           + [(RANDVOORWAARDEN_ID, period.agenda.randvoorwaarden.title)]))
    for year in reversed(site.years):
        report = year.report
        groups = [(report.foreword.id, report.foreword.heading)]
        for pillar in report.pillars:
            groups += [(g.id, f"{g.title} (pijler {pillar.title})") for g in pillar.groups]
        per_period += [(f"Pijlers (data/{year.report_name}.yaml; voor pillar)", [(p.id, p.title) for p in report.pillars]),
                       (f"Themagroepen (data/{year.report_name}.yaml; voor group)", groups)]
    activities = [(f"Activiteiten (data/{year.activities_name}.yaml; voor activity, activities, highlights)",
                   [(a.id, a.title) for a in year.activities.activities]) for year in reversed(site.years)]
    return [
        *per_period,
        ("Steden (data/cities.yaml; voor city)", [(c.id, c.name) for c in site.cities.cities]),
        ("Personen (data/people.yaml; voor people, author)",
         [(p.id, f"{p.name}, {p.role}") for p in site.people.people]),
        ("Organisaties en afkortingen (data/organisations.yaml; voor organisations)",
         [(o.id, o.term + (f" ({o.expansion})" if o.expansion else "")) for o in site.organisations.organisations]),
        ("Bronnen (data/sources.yaml; voor source)", [(s.id, s.title) for s in site.sources.sources]),
        ("Archiefstukken (data/archive.yaml; voor archive)", [(d.id, d.title) for d in site.archive.documents]),
        ("Raadsessies (data/sessions.yaml)", [(s.id, s.title) for s in site.sessions.sessions]),
        *activities,
        ("Vaste pagina's (voor page in een bundel)", [(p, "") for p in typing.get_args(PageName)]),
    ]


def text(site: Site) -> str:
    blocks = []
    for heading, rows in id_lists(site):
        width = max(len(i) for i, _ in rows)
        blocks.append("\n".join([heading, *(f"  {i.ljust(width)}  {title}".rstrip() for i, title in rows)]))
    return "\n\n".join(blocks) + "\n"


def run(project: Project) -> None:
    click.echo(text(validated_site(project)), nl=False)
