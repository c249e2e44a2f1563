"""`check`: validate the data files and say what they hold, and what may not work as meant."""

from __future__ import annotations

import click

from generator import ownwords, passages
from generator.build import Project, checked_pages, output_problems, validated_site
from generator.errors import DataError
from generator.terms import unused_terms
from generator.validate import Site


def run(project: Project) -> None:
    site = validated_site(project)
    problems = output_problems(site, checked_pages(site)) + ownwords.pasted_problems(site)
    if problems:
        raise DataError(problems)
    click.echo(summary(site))
    click.echo(sources_summary(site))
    for warning in unused_terms(site, project.content):
        click.echo(str(warning))


def summary(site: Site) -> str:
    """What the data holds, so editors see at a glance what their change did."""
    themes = [t for period in site.agendas for t in period.agenda.themes]
    groups = [g for year in site.years for p in year.report.pillars for g in p.groups if g.kind == "themagroep"]
    with_role = {c.city for a in site.all_activities for c in a.cities}
    with_role |= {p.city for p in site.people.people if p.city}
    years = [year.year for year in site.years]
    periods = "" if len(site.agendas) == 1 else f"{len(site.agendas)} agenda's, "
    return (
        f"OK: {periods}{len(themes)} thema's, {sum(len(t.speerpunten) for t in themes)} speerpunten, "
        f"{len(groups)} themagroepen, {len(site.all_activities)} activiteiten, "
        f"{len(site.cities.cities)} steden ({len(with_role)} met een rol in "
        f"{years[0] if len(years) == 1 else f'{years[0]}–{years[-1]}'}), "
        f"{len(site.people.people)} personen, {len(site.organisations.organisations)} begrippen, "
        f"{len(site.archive.documents)} archiefstukken, {len(site.sources.sources)} bronnen."
    )


def sources_summary(site: Site) -> str:
    """How the data rests on the sources: the passages cited (all found, or validation would
    have failed) and, per file, the longest run of words a summary shares with a source."""
    cited = {passage for _, _, passage in passages.all_cited(site)}
    longest = ownwords.per_file(ownwords.longest_runs(site))
    runs = ", ".join(f"{file.removeprefix('data/')} {n}" for file, n in sorted(longest.items()))
    return (f"Bronnen: {len(cited)} passages, alle gevonden. Eigen woorden: langste reeks woorden gelijk aan de "
            f"bron (grens {ownwords.LIMIT}): {runs or 'geen'}.")
