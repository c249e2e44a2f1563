"""`build`: validate, generate, build the public site into site/ and the bundles into dist/.

Both are built in fresh folders and swapped in only when everything succeeded, so a
failure anywhere leaves the previous site/ and dist/ as they were.
"""

from __future__ import annotations

import shutil

import click

from generator.build import Project, fresh_folder, generate, mkdocs_into, prepare, swap
from generator.bundle import build_bundle


def run(project: Project, bundles: bool = True) -> None:
    prepared = prepare(project)
    generate(project, prepared)
    site = mkdocs_into(project, project.config, fresh_folder(project.site))
    dist = fresh_folder(project.dist) if bundles else None
    outputs = []
    try:
        if dist is not None:
            outputs = [build_bundle(project, prepared, session, dist) for session in prepared.site.sessions.sessions]
    except BaseException:
        shutil.rmtree(site, ignore_errors=True)
        if dist is not None:
            shutil.rmtree(dist, ignore_errors=True)
        raise
    swap(site, project.site)
    click.echo(f"Site gebouwd in {project.site.relative_to(project.root)}/.")
    if dist is not None:
        swap(dist, project.dist)
        for output in outputs:
            size = (project.dist / output.zip.name).stat().st_size
            pdf = f", {output.pdf.name}" if output.pdf else " (pdf overgeslagen: Chromium ontbreekt)"
            click.echo(f"Bundel dist/{output.zip.name} ({size / 1024:.0f} KiB){pdf}.")
