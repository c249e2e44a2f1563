"""Offline council-session bundles: per session a separate MkDocs build of the same
generated Markdown, with a cover page and a printable page, zipped reproducibly and
printed to PDF by headless Chromium.

The bundle works from `file://`: no directory URLs, and our own search (generator/search.py,
installed by every MkDocs build), whose index files are scripts that load from `file://`.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.build import (
    FALLBACK_EPOCH, Prepared, Project, mkdocs_config, mkdocs_into, source_date_epoch, strip_unneeded, sync_tree,
    write_if_changed,
)
from generator.models import Session, SessionItem
from generator.pages import documents, links
from generator.pages.links import Context, partial_date
from generator.render import Page, render_pages

PRINT_PAGE = "afdrukken.md"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]

_PAGE_NAMES = {"agenda": links.AGENDA, "werkwijze": links.WERKWIJZE, "kernboodschappen": links.KERNBOODSCHAPPEN,
               "jaarverslag": links.REPORT, "tijdlijn": links.TIMELINE, "steden": links.CITIES,
               "personen": links.PEOPLE, "archief": links.ARCHIVE, "over-de-g40": links.ABOUT,
               "begrippen": links.GLOSSARY}
_REST = [("De strategische agenda", links.AGENDA), ("De kernboodschappen", links.KERNBOODSCHAPPEN),
         ("Het jaarverslag 2021", links.REPORT), ("De 40 steden", links.CITIES),
         ("Het archief 2012", links.ARCHIVE), ("Bronnen", links.SOURCES)]


@dataclass(frozen=True)
class Output:
    """What one session's bundle produced."""

    zip: Path
    """The zip file."""
    pdf: Path | None
    """The PDF, or None when Chromium is not installed."""


def item_path(ctx: Context, item: SessionItem) -> str:
    """The docs path of the page a bundle item names."""
    if item.archive:
        return links.archive_path(item.archive)
    if item.theme:
        return links.theme_path(item.theme)
    if item.page:
        return _PAGE_NAMES[item.page]
    if item.pillar:
        return links.pillar_path(item.pillar)
    if item.group:
        return ctx.group_path(item.group)
    if item.city:
        return links.city_path(item.city)
    return links.activity_path(item.activity or "")


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,5}) ", re.M)
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")


def printable_body(text: str, page_path: str, definitions: set[str]) -> Markup:
    """A page's Markdown for the print page: no front matter, headings one level down,
    links re-rooted at the bundle's top, no edit link, no abbreviation definitions (the
    print page ends with its own)."""
    text = _FRONT_MATTER.sub("", text)
    text = "\n".join(line for line in text.splitlines()
                     if not line.startswith("[Bewerk deze pagina]") and line not in definitions)
    text = _HEADING.sub(lambda m: "#" + m.group(1) + " ", text)
    folder = posixpath.dirname(page_path)

    def reroot(match: re.Match[str]) -> str:
        target = match.group(1)
        if "://" in target or target.startswith(("mailto:", "#")):
            return match.group(0)
        path, _, anchor = target.partition("#")
        rooted = posixpath.normpath(posixpath.join(folder, path))
        return f"]({rooted}{'#' + anchor if anchor else ''})"

    return Markup(_LINK_TARGET.sub(reroot, text).strip())


def bundle_pages(prepared: Prepared, session: Session) -> list[Page]:
    """The session's cover (replacing the home page) and its printable page."""
    ctx = Context(prepared.site)
    titles = {page.path: page.title for page in prepared.pages}
    paths = [item_path(ctx, item) for item in session.items]
    date = partial_date(session.date) if session.date else ""
    references = [ctx.reference(links.HOME, session.letter_source.source, session.letter_source.place)] \
        if session.letter_source else []
    cover = Page(links.HOME, "cover.md.j2", session.title, {
        "session": session, "date": date,
        "items": [{"title": titles[p], "url": p} for p in paths],
        "print_url": PRINT_PAGE,
        "rest": [{"title": title, "url": path} for title, path in _REST],
        "description": f"Bundel voor {session.body}: {session.title}.",
        "references": references,
    })
    definitions = set(prepared.abbreviations.values())
    printable = Page(PRINT_PAGE, "print.md.j2", session.title, {
        "session": session, "date": date, "header": f"{session.title} · {date}" if date else session.title,
        "items": [{"title": titles[p], "body": printable_body(prepared.files[p].decode(), p, definitions)}
                  for p in paths],
        "description": f"{session.title}: alle stukken in één document.",
        "references": references,
    })
    return [cover, printable]


def bundle_files(prepared: Prepared, session: Session) -> dict[str, bytes]:
    """The docs folder of one bundle: the site's files, its own cover and print page."""
    files = dict(prepared.files)
    offline_pictures = documents.pictures(Context(prepared.site), directory_urls=False)
    for path, text in render_pages([*bundle_pages(prepared, session), offline_pictures], prepared.abbreviations).items():
        files[path] = text.encode()
    return files


def build_bundle(project: Project, prepared: Prepared, session: Session, dist: Path) -> Output:
    """Build one session's bundle into `dist`: `<id>.zip` and, with Chromium, `<id>.pdf`."""
    folder = project.build / "bundles" / session.id
    sync_tree(folder / "docs", bundle_files(prepared, session))
    config = mkdocs_config("../../../mkdocs.yml", [*prepared.nav, {"Afdrukken": PRINT_PAGE}],
                           use_directory_urls=False, site_url=None,
                           plugins=[{"search": {"lang": "nl"}}])
    write_if_changed(folder / "mkdocs.yml", config)
    built = mkdocs_into(project, folder / "mkdocs.yml", Path(tempfile.mkdtemp(prefix=".bundle-", dir=project.build)))
    try:
        strip_unneeded(built, offline=True)
        archive = dist / f"{session.id}.zip"
        write_zip(built, archive, int(source_date_epoch(project)))
        pdf = dist / f"{session.id}.pdf"
        return Output(archive, pdf if print_pdf(built / PRINT_PAGE.replace(".md", ".html"), pdf) else None)
    finally:
        shutil.rmtree(built, ignore_errors=True)


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    """Zip `folder`'s files with sorted names, one fixed time and fixed permissions:
    the same input gives the same bytes."""
    stamp = time.gmtime(max(epoch, FALLBACK_EPOCH))[:6]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def print_pdf(html: Path, pdf: Path) -> bool:
    """Print a page to PDF with headless Chromium; False (and no PDF) when it is not installed."""
    if not Path(CHROMIUM).exists():
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                        html.resolve().as_uri()], check=True, capture_output=True, timeout=120)
    return pdf.exists()
