"""`generate`: data → Markdown in build/docs (no MkDocs)."""

from __future__ import annotations

import click

from generator.build import Project, build_lock, generate


def run(project: Project) -> None:
    with build_lock(project, "make generate"):
        written = generate(project)
    click.echo(f"{len(written)} bestand(en) bijgewerkt in {project.docs.relative_to(project.root)}/.")
