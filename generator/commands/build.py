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
import pikepdf

from generator import address
from generator.build import (
    Prepared, Project, build_lock, generate, keep_previous_dist, last_changed, mkdocs_into, new_generation, prepare,
    publish, site_config, write_if_changed,
)
from generator.bundle import Output, build_bundle, pack, print_jobs
from generator import wording
from generator.pages import links, sessions
from generator.pages.links import Context
from generator.printing import print_all
from generator.render import render_pages


def run(project: Project, bundles: bool = True, publishing: bool = False) -> None:
    """Build; `publishing` (make publish) refuses the placeholder address before any work,
    a local build with it says, first and last, that links to the public site won't work."""
    url = address.publishing_site_url() if publishing else address.site_url()
    with build_lock(project):  # a build that cannot start says only who holds the lock
        if address.is_placeholder(url):
            click.echo(address.TERMINAL_WARNING, err=True)
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
        size = sessions.Download("", output.zip.name, (project.dist / output.zip.name).stat().st_size).amount
        click.echo(f"Bundel dist/{output.zip.name} ({size}), {output.pdf.name} "
                   f"en {len(output.item_pdfs)} pdf's, één per onderdeel.")


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


def _download(project: Project, label: str, path: Path) -> sessions.Download:
    """Put a bundle's file in the site's docs; what the Raadsbundels page says of it."""
    write_if_changed(project.docs / links.BUNDLE_FILES / path.name, path.read_bytes())
    pages = None
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
    return sessions.Download(label, path.name, path.stat().st_size, pages)


def publish_bundles(project: Project, prepared: Prepared, outputs: list[Output]) -> None:
    """Put the bundles' files in the site's docs and list them, with sizes, on Raadsbundels."""
    downloads = {}
    for output, session in zip(outputs, prepared.site.sessions.sessions):
        downloads[session.id] = sessions.Downloads(
            _download(project, wording.BUNDLE_ZIP_LABEL, output.zip),
            _download(project, wording.BUNDLE_PDF_LABEL.format(parts=sessions.parts_word(session)), output.pdf),
            [_download(project, sessions.item_label(session, n, council_title), p)
             for n, (p, council_title) in enumerate(zip(output.item_pdfs, output.item_titles), start=1)])
    titles = {page.path: page.title for page in prepared.pages}
    page = sessions.bundles(Context(prepared.site), titles, downloads)
    edit_base = site_config(project).get("extra", {}).get("edit_base", "")
    # Rendered again with the files' sizes: with its "Laatst gewijzigd" line, as the first time.
    text = render_pages([page], prepared.abbreviations, edit_base, last_changed(project))[page.path]
    write_if_changed(project.docs / page.path, text.encode())
