"""`build`: validate, generate, and build the public site into site/."""

from __future__ import annotations

import click

from generator.build import Project, generate, mkdocs_build


def run(project: Project) -> None:
    generate(project)
    mkdocs_build(project, project.config, project.site)
    click.echo(f"Site gebouwd in {project.site.relative_to(project.root)}/.")
