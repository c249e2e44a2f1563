"""`build`: validate, generate, build the bundles into dist/ and the public site into site/.

Both are built in a fresh generation folder and published together only when everything
succeeded, so a failure anywhere leaves the previous site/ and dist/ as they were. The
bundles come first: the site's Raadsbundels page lists their files with their sizes, and
the site serves them. The bundles' MkDocs builds run side by side, and so do two Chromiums
printing their PDFs.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from generator import address
from generator.build import (
    Prepared, Project, build_lock, generate, keep_previous_dist, last_changed, mkdocs_into, new_generation, prepare,
    publish, site_config, write_if_changed,
)
from generator.bundle import Output, build_bundle, pack, print_jobs
from generator.pages import links, sessions
from generator.pages.links import Context
from generator.printing import print_all
from generator.render import render_pages


def run(project: Project, bundles: bool = True, publishing: bool = False) -> None:
    """Build; `publishing` (make publish) refuses the placeholder address before any work,
    a local build with it says, first and last, that links to the public site won't work."""
    url = address.publishing_site_url() if publishing else address.site_url()
    if address.is_placeholder(url):
        click.echo(address.TERMINAL_WARNING, err=True)
    with build_lock(project):
        _build(project, bundles)
    if address.is_placeholder(url):
        click.echo(address.TERMINAL_WARNING, err=True)


def _build(project: Project, bundles: bool) -> None:
    prepared = prepare(project)
    generate(project, prepared)
    generation = new_generation(project)
    site = generation / "site"
    dist = generation / "dist" if bundles else None
    try:
        outputs = build_bundles(project, prepared, dist) if dist is not None else []
        if outputs:
            publish_bundles(project, prepared, outputs)
        mkdocs_into(project, project.config, site)
        if dist is None:
            keep_previous_dist(project, generation)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    publish(project, generation)
    click.echo(f"Site gebouwd in {project.site.relative_to(project.root)}/.")
    for output in outputs:
        size = (project.dist / output.zip.name).stat().st_size
        click.echo(f"Bundel dist/{output.zip.name} ({size / 1024:.0f} KiB), {output.pdf.name} "
                   f"en {len(output.item_pdfs)} pdf's per agendapunt.")


def build_bundles(project: Project, prepared: Prepared, dist: Path) -> list[Output]:
    """Every session's bundle: MkDocs builds side by side, then two browsers print their PDFs."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        jobs = [pool.submit(build_bundle, project, prepared, s) for s in prepared.site.sessions.sessions]
    try:
        built = [job.result() for job in jobs]
        per_bundle = [print_jobs(project, prepared, b, dist) for b in built]
        # Session PDFs are the longest jobs: they go first, so no printer is left with one at the end.
        order = sorted(((b, n) for b, bundle_jobs in enumerate(per_bundle) for n in range(len(bundle_jobs))),
                       key=lambda place: place[1] != 0)
        pdfs = dict(zip(order, print_all([per_bundle[b][n] for b, n in order])))
        return [pack(project, b, [pdfs[i, n] for n in range(len(per_bundle[i]))], dist) for i, b in enumerate(built)]
    finally:
        for job in jobs:  # pack removes each folder it packed; this catches the rest
            if job.exception() is None:
                shutil.rmtree(job.result().folder, ignore_errors=True)


def publish_bundles(project: Project, prepared: Prepared, outputs: list[Output]) -> None:
    """Put the bundles' files in the site's docs and list them, with sizes, on Raadsbundels."""
    downloads = {}
    for output, session in zip(outputs, prepared.site.sessions.sessions):
        def download(label: str, path: Path) -> sessions.Download:
            write_if_changed(project.docs / links.BUNDLE_FILES / path.name, path.read_bytes())
            return sessions.Download(label, path.name, path.stat().st_size)

        downloads[session.id] = sessions.Downloads(
            download("zip", output.zip), download("pdf", output.pdf),
            [download(f"agendapunt {n}", p) for n, p in enumerate(output.item_pdfs, start=1)])
    titles = {page.path: page.title for page in prepared.pages}
    page = sessions.bundles(Context(prepared.site), titles, downloads)
    edit_base = site_config(project).get("extra", {}).get("edit_base", "")
    # Rendered again with the files' sizes: with its "Laatst gewijzigd" line, as the first time.
    text = render_pages([page], prepared.abbreviations, edit_base, last_changed(project))[page.path]
    write_if_changed(project.docs / page.path, text.encode())
