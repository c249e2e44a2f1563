"""`check`: validate the data files and say what they hold."""

from __future__ import annotations

import click

from generator.build import Project, validated_site


def run(project: Project) -> None:
    site = validated_site(project)
    themes = site.agenda.themes
    click.echo(
        f"OK: {len(themes)} thema's, {sum(len(t.speerpunten) for t in themes)} speerpunten, "
        f"{len(site.cities.cities)} steden, {len(site.sources.sources)} bronnen."
    )
