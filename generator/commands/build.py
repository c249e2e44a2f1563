"""`build`: validate, generate, build the public site into site/ and the bundles into dist/.

Both are built in fresh folders and swapped in only when everything succeeded, so a
failure anywhere leaves the previous site/ and dist/ as they were. The site and the
bundles are separate MkDocs and Chromium processes, so they run side by side.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import click

from generator.build import Project, build_lock, generate, keep_previous_dist, mkdocs_into, new_generation, prepare, publish
from generator.bundle import build_bundle


def run(project: Project, bundles: bool = True) -> None:
    with build_lock(project):
        _build(project, bundles)


def _build(project: Project, bundles: bool) -> None:
    prepared = prepare(project)
    generate(project, prepared)
    generation = new_generation(project)
    site = generation / "site"
    dist = generation / "dist" if bundles else None
    sessions = prepared.site.sessions.sessions if dist is not None else []
    # One more job than cores: each spends part of its time waiting on its processes
    # (on 2 cores a warm `make site` took 11 s in turn, 9 s with 2 jobs, 8 s with 3).
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 1) as pool:
        site_job = pool.submit(mkdocs_into, project, project.config, site)
        bundle_jobs = [pool.submit(build_bundle, project, prepared, session, dist) for session in sessions]
    try:
        site_job.result()
        outputs = [job.result() for job in bundle_jobs]
        if dist is None:
            keep_previous_dist(project, generation)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    publish(project, generation)
    click.echo(f"Site gebouwd in {project.site.relative_to(project.root)}/.")
    if dist is not None:
        for output in outputs:
            size = (project.dist / output.zip.name).stat().st_size
            pdf = f", {output.pdf.name}" if output.pdf else " (pdf overgeslagen: Chromium ontbreekt)"
            click.echo(f"Bundel dist/{output.zip.name} ({size / 1024:.0f} KiB){pdf}.")
