"""Offline council-session bundles: per session a separate MkDocs build of the same
generated Markdown with the session's cover; zipped reproducibly, and printed to PDF
(all items in one, and one per item) by generator/printing.py.

The bundle works from `file://`: no directory URLs, and our own search (generator/search.py),
whose index files are scripts that load from `file://`. A focused bundle (the default) holds
its cover, its items and the pages they link to, and its search index only those; its other
links go to the public site. A session with `whole_site: true` bundles everything.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
import posixpath
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown as markdown_lib
from lxml import html as lxml_html
from mkdocs.utils.meta import get_data

from generator import address, headers, history, kinds, outputs, printing, search, wording
from generator.build import (
    FALLBACK_EPOCH, Prepared, Project, mkdocs_config, mkdocs_into, source_date_epoch, strip_unneeded,
    sync_tree, write_if_changed,
)
from generator.models import Session, SessionItem, Source
from generator.opendata import PUBLISHER
from generator.pages import documents, links
from generator.pages.links import Context, partial_date
from generator.pages.sessions import archive_document, council_title, item_word, parts_word
from generator.validate import year_of
from generator.render import Page, render_pages
from generator.views import CoverView, Link

PRINT_PAGE = "afdrukken.html"
"""The print document of all items, written after the build; the zip holds it too."""
PUBLIC_ONLY = kinds.public_only() | {history.FEED, headers.ROBOTS_TXT}
"""Files only the public site has: the list of bundles links to files a bundle cannot hold;
a feed and robots.txt are for readers and crawlers of the public address."""


def _rest(ctx: Context) -> list[tuple[str, str]]:
    """The cover's 'the rest of the site' of a whole-site bundle: the newest agenda and report."""
    period, report = ctx.site.agendas[-1].period, ctx.site.years[-1].year
    return [("De strategische agenda", links.agenda_path(period)), ("De kernboodschappen", links.KERNBOODSCHAPPEN),
            (f"Het jaarverslag {report}", links.report_path(report)), ("De 40 steden", links.CITIES),
            (documents.archive_title(ctx), links.ARCHIVE), ("Bronnen", links.SOURCES)]


item_path = kinds.item_path


item_slug = outputs.item_slug


built_path = kinds.built
"""Where MkDocs puts a docs page in a bundle (no directory URLs): `a/b.md` → `a/b.html`."""


def linked_pages(prepared: Prepared, paths: list[str]) -> list[str]:
    """The pages the given pages link to (one step), in order of first link, without them.

    The Markdown is converted by Python-Markdown with the site's extensions and the links
    read from the HTML, so a link is only what Markdown itself takes for one."""
    converter = markdown_lib.Markdown(extensions=["tables", "admonition", "abbr", "attr_list"])
    found: dict[str, None] = {}
    for path in paths:
        body, _ = get_data(prepared.files[path].decode())
        tree = lxml_html.fromstring(f"<div>{converter.reset().convert(body)}</div>")
        for href in tree.xpath("//a/@href"):
            target = urlsplit(href)
            if target.scheme or target.netloc or not target.path.endswith(".md"):
                continue
            docs_path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.path))
            if docs_path in prepared.files and docs_path not in paths:
                found[docs_path] = None
    return list(found)


@dataclass(frozen=True)
class Contents:
    """What one session's bundle holds, by docs path."""

    items: list[str]
    """The items' pages, in session order."""
    linked: list[str]
    """The pages the items link to; empty with `whole_site`, where the bundle holds every page."""


def contents(prepared: Prepared, session: Session) -> Contents:
    ctx = Context(prepared.site)
    items = [item_path(ctx, item, year_of(session.date)) for item in session.items]
    return Contents(items, [] if session.whole_site else linked_pages(prepared, items))


def bundle_pages(prepared: Prepared, session: Session) -> list[Page]:
    """The session's cover, which replaces the home page."""
    ctx = Context(prepared.site)
    titles = {page.path: page.title for page in prepared.pages}
    held = contents(prepared, session)
    date = partial_date(session.date) if session.date else ""
    references = (ctx.reference(links.HOME, session.letter_source[0].source, session.letter_source[0].place),) \
        if session.letter_source else ()
    cover = Page(links.HOME, "cover.md.j2", session.title, CoverView(
        session=session, date=date,
        items=tuple(Link(titles[p], p) for p in held.items),
        print_url=PRINT_PAGE, word=item_word(session),
        linked=tuple(Link(titles.get(p, _hand_written_title(prepared, p)), p) for p in held.linked),
        rest=tuple(Link(title, path) for title, path in _rest(ctx)) if session.whole_site else (),
        description=f"Bundel voor {session.body}: {session.title}.",
        references=references,
        address_warning=placeholder_warning(),
    ))
    return [cover]


def placeholder_warning() -> str:
    """The cover's and the session PDF's warning when links to the site go to the placeholder."""
    url = address.site_url()
    return wording.PLACEHOLDER_ADDRESS_WARNING.format(placeholder=url) if address.is_placeholder(url) else ""


def _hand_written_title(prepared: Prepared, path: str) -> str:
    """A hand-written page's title: its first `# ` heading."""
    for line in prepared.files[path].decode().splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path


def bundle_files(prepared: Prepared, session: Session) -> dict[str, bytes]:
    """The docs folder of one bundle: the site's files (a focused bundle drops the rest after
    the build, so MkDocs still checks every link), and its own cover.

    The print page is written after the build, from the built items; the cover links to it
    in raw HTML, which MkDocs does not check (a test follows every link of the zips)."""
    files = {path: body for path, body in prepared.files.items() if path not in PUBLIC_ONLY}
    ctx = Context(prepared.site)
    offline_pictures = [documents.pictures(ctx, directory_urls=False),
                        *(documents.pictures(ctx, False, y) for y in prepared.site.years[:-1])]
    for path, text in render_pages([*bundle_pages(prepared, session), *offline_pictures],
                                   prepared.abbreviations).items():
        files[path] = text.encode()
    return links_to_the_public_site(files, address.site_url())


def links_to_the_public_site(files: dict[str, bytes], public: str) -> dict[str, bytes]:
    """`files` with each Markdown link to a page only the public site has (e.g. Raadsbundels,
    which "Wat is er nieuw" names when a session changed) pointing at that page on the public
    site: a bundle lacks the page, and MkDocs refuses a link to a missing file."""
    gone = sorted(path for path in PUBLIC_ONLY if path.endswith(".md"))
    out = {}
    for path, body in files.items():
        if path.endswith(".md") and gone:
            text = body.decode()
            for target in gone:
                rel = posixpath.relpath(target, posixpath.dirname(path) or ".")
                url = printing.public_url(public, built_path(target))
                text = text.replace(f"]({rel})", f"]({url})").replace(f"]({rel}#", f"]({url}#")
            body = text.encode()
        out[path] = body
    return out


def bundle_nav(prepared: Prepared, session: Session) -> list:
    """The menu: the whole site's for a whole-site bundle, else cover, items and linked pages."""
    if session.whole_site:
        return [entry for entry in prepared.nav if not (isinstance(entry, dict) and entry == {"Raadsbundels": links.BUNDLES})]
    titles = {page.path: page.title for page in prepared.pages}
    held = contents(prepared, session)
    nav: list = [{"Voorblad": links.HOME}, {parts_word(session).capitalize(): [{titles[p]: p} for p in held.items]}]
    if held.linked:
        nav.append({"Ook in deze bundel": [{titles[p]: p} if p in titles else p for p in held.linked]})
    return nav


@dataclass(frozen=True)
class Built:
    """One session's bundle as MkDocs built it, before printing and zipping."""

    session: Session
    folder: Path
    """The built bundle (a fresh folder under build/; removed after packing)."""
    items: list[printing.Item]


def build_bundle(project: Project, prepared: Prepared, session: Session) -> Built:
    """Build one session's bundle with MkDocs into a fresh folder; a focused bundle keeps
    only its cover, items and the pages they link to."""
    folder = project.build / "bundles" / session.id
    sync_tree(folder / "docs", bundle_files(prepared, session))
    settings: dict = {"use_directory_urls": False, "site_url": None, "plugins": [{"search": {"lang": "nl"}}]}
    if not session.whole_site:
        settings["validation"] = {"nav": {"omitted_files": "info"}}  # the rest goes after the build
    write_if_changed(folder / "mkdocs.yml",
                     mkdocs_config("../../../mkdocs.yml", bundle_nav(prepared, session), prepared.not_in_nav, **settings))
    built = mkdocs_into(project, folder / "mkdocs.yml", Path(tempfile.mkdtemp(prefix=".bundle-", dir=project.build)))
    try:
        strip_unneeded(built, offline=True)
        held = contents(prepared, session)
        if not session.whole_site:
            keep = {built_path(p) for p in [links.HOME, *held.items, *held.linked]} | {PRINT_PAGE}
            prune(built, keep, site_url(project))
        titles = {page.path: page.title for page in prepared.pages}
        ctx = Context(prepared.site)
        items = [printing.Item(n, council_title(ctx, item, titles[p]), built_path(p), item_slug(item),
                               item_word(session), author=item_author(prepared, item))
                 for n, (p, item) in enumerate(zip(held.items, session.items), start=1)]
        return Built(session, built, items)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise


def item_author(prepared: Prepared, item: SessionItem) -> str:
    """Who wrote the document an item summarises, as the data says; "onbekend" where the
    source does not say (the data then explains why, after "onbekend: …"). Empty for a page
    of the site, which draws on the sources it cites."""
    document = archive_document(Context(prepared.site), item)
    if document is None:
        return ""
    return wording.UNKNOWN_AUTHOR if document.author.startswith(wording.UNKNOWN_AUTHOR) else document.author


def version_row(project: Project) -> printing.Row:
    """Which version a PDF is: the day of the data it was made from, and the site."""
    day = time.strftime("%Y-%m-%d", time.gmtime(int(source_date_epoch(project))))
    return printing.Row(wording.IDENTITY_VERSION, wording.IDENTITY_VERSION_TEXT.format(date=partial_date(day)),
                        site_url(project))


def session_row(session: Session) -> printing.Row:
    date = partial_date(session.date) if session.date else ""
    return printing.Row(wording.IDENTITY_SESSION if session.date else wording.IDENTITY_BUNDLE,
                        f"{session.title}, {date}" if date else session.title)


def session_identity(project: Project, session: Session) -> tuple[printing.Row, ...]:
    """The identity block under a session PDF's title."""
    return (session_row(session), printing.Row(wording.IDENTITY_FOR, session.body), version_row(project))


def item_identity(project: Project, prepared: Prepared, session: Session, printed: printing.Printable) -> tuple[printing.Row, ...]:
    """An item's identity block: the session, the item, what it summarises (the archive
    document with its author and date, or the sources its page cites), where the original
    is, and the version."""
    item = printed.item
    ctx = Context(prepared.site)
    rows = [session_row(session), printing.Row(item.word.capitalize(), f"{item.number}. {item.title}")]
    document = archive_document(ctx, session.items[item.number - 1])
    sources = [ctx.sources[prepared.site.archive.source]] if document else \
        [ctx.sources[s] for s in printed.sources if s in ctx.sources]
    if document:
        of = wording.IDENTITY_DOCUMENT.format(
            title=document.title, described="" if document.title_is_exact else wording.IDENTITY_DESCRIBED,
            author=document.author, date=partial_date(document.date))
    else:
        of = "; ".join(_source_text(s) for s in sources)
    if of:
        rows.append(printing.Row(wording.IDENTITY_WHAT, wording.IDENTITY_SUMMARY.format(of=of)))
    for source in sources:
        text = wording.IDENTITY_IN.format(document=_source_text(source))
        rows.append(printing.Row(wording.IDENTITY_ORIGINAL, text + (wording.IDENTITY_AT if source.url else wording.IDENTITY_TEXT_AT),
                                 source.url or printing.public_url(site_url(project), built_path(links.source_path(source.id)))))
    rows.append(version_row(project))
    return tuple(rows)


def _source_text(source: Source) -> str:
    return wording.IDENTITY_SOURCE.format(title=source.title, publisher=source.publisher, date=partial_date(source.date))


def identified(project: Project, prepared: Prepared, session: Session, printed: printing.Printable) -> printing.Printable:
    """`printed` with its identity block."""
    item = dataclasses.replace(printed.item, identity=item_identity(project, prepared, session, printed))
    return dataclasses.replace(printed, item=item)


def site_url(project: Project) -> str:
    """Where links to pages outside a bundle go: the one public address (generator/address.py)."""
    return address.site_url()


def prune(folder: Path, pages: set[str], public: str) -> None:
    """Keep `pages`, the theme's assets and the search index; every link to a page that goes
    becomes a link to that page on the public site, and search forgets it."""
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in pages and not rel.startswith(("assets/", "search/")):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for page in sorted(pages):
        if page.endswith(".html") and page != PRINT_PAGE:
            target = folder / page
            target.write_text(rewrite_links(target.read_text(encoding="utf-8"), page, folder, public, {PRINT_PAGE}),
                              encoding="utf-8")
    keep_in_search(folder, pages)


def rewrite_links(text: str, page: str, folder: Path, public: str, to_come: set[str] = frozenset()) -> str:
    """`text` with each `<a href>` to a file that is not in `folder` pointing at the public
    site instead; `to_come` are files written later (the print page, which the cover links
    to). Only those start tags change; every other byte stays as MkDocs wrote it."""
    finder = _StartTags()
    finder.feed(text)
    finder.close()
    lines = [0]
    for line in text.splitlines(keepends=True):
        lines.append(lines[-1] + len(line))
    out, last = [], 0
    for (line, column), raw, attrs in finder.anchors:
        href = dict(attrs).get("href") or ""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        if (folder / path).is_file() or path in to_come:
            continue
        new = printing.public_url(public, path + (f"#{parts.fragment}" if parts.fragment else ""))
        start = lines[line - 1] + column
        out += [text[last:start], "<a" + "".join(
            f' {name}="{html_lib.escape(new if name == "href" else value or "", quote=True)}"' for name, value in attrs)
            + ">"]
        last = start + len(raw)
    return "".join(out) + text[last:]


class _StartTags(HTMLParser):
    """Collects each `<a>` start tag: where it is, its text as written and its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[tuple[int, int], str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.anchors.append((self.getpos(), self.get_starttag_text() or "", attrs))


def keep_in_search(folder: Path, pages: set[str]) -> None:
    """Index again what the focused bundle kept, so search finds only pages it holds."""
    search.install(folder, directory_urls=False)


@dataclass(frozen=True)
class Output:
    """What one session's bundle produced in dist/."""

    zip: Path
    pdf: Path
    """All items in one PDF, with the cover letter and the table of contents."""
    item_pdfs: list[Path]
    """One PDF per item, in session order."""
    item_titles: list[str]
    """The items' titles as council systems show them, in session order."""


item_pdf_name = outputs.item_pdf_name


def metadata(prepared: Prepared, session: Session, items: list[printing.Printable], title: str) -> printing.Metadata:
    """A PDF's metadata: the publishers of the sources its items cite (else the network)."""
    sources = {s.id: s for s in prepared.site.sources.sources}
    if len(items) == 1 and items[0].item.author:  # one archive document: its own author
        return printing.Metadata(title, items[0].item.author, _subject(session), _keywords(session, items))
    cited = [sources[s].publisher for p in items for s in p.sources if s in sources]
    if session.letter_source:
        cited.insert(0, sources[session.letter_source[0].source].publisher)
    return printing.Metadata(title, "; ".join(dict.fromkeys(cited)) or PUBLISHER, _subject(session),
                             _keywords(session, items))


def _subject(session: Session) -> str:
    date = partial_date(session.date) if session.date else ""
    return f"{session.title}" + (f", {date}" if date else "") + f" ({session.body})"


def _keywords(session: Session, items: list[printing.Printable]) -> list[str]:
    date = partial_date(session.date) if session.date else ""
    return ["raadsbundel", "Stedennetwerk G40", *([date] if date else []), *(p.item.title for p in items)]


def print_jobs(project: Project, prepared: Prepared, built: Built, dist: Path) -> list[printing.Job]:
    """What a bundle has printed: its session PDF, then one PDF per item. Each job stands
    alone (its own print page), so printers may take them in any order, side by side."""
    return [lambda printer: print_session(project, prepared, built, printer, dist),
            *(lambda printer, item=item: print_item(project, prepared, built, item, printer, dist)
              for item in built.items)]


def pack(project: Project, built: Built, pdfs: list[Path], dist: Path) -> Output:
    """Zip the bundle, its print page included, into `dist`; removes the built folder.
    `pdfs` are what `print_jobs` printed, in its order."""
    try:
        archive = dist / outputs.zip_name(built.session)
        write_zip(built.folder, archive, int(source_date_epoch(project)))
        return Output(archive, pdfs[0], pdfs[1:], [item.title for item in built.items])
    finally:
        shutil.rmtree(built.folder, ignore_errors=True)


def _heading(session: Session) -> tuple[str, str]:
    """The running header (title · date) and the line under the title (body, date)."""
    date = partial_date(session.date) if session.date else ""
    return (f"{session.title} · {date}" if date else session.title,
            f"{session.body}, {date}" if date else session.body)


def print_session(project: Project, prepared: Prepared, built: Built, printer: printing.Printer, dist: Path) -> Path:
    """`<id>.pdf`: the letter, the contents with page numbers, every item; its print page
    stays in the bundle as `afdrukken.html`."""
    session, folder = built.session, built.folder
    header, subtitle = _heading(session)
    everything = {item.page: item.number for item in built.items}
    printed = [identified(project, prepared, session, printing.printable(item, folder, everything, site_url(project)))
               for item in built.items]
    warning = [placeholder_warning()] if placeholder_warning() else []
    document = printing.Document(session.title, header, subtitle, warning + paragraph_texts(session.letter), printed,
                                 printing.contents(printed, {}), session_identity(project, session))
    pdf = dist / outputs.pdf_name(session)
    final = printer.document(document, folder / PRINT_PAGE, pdf)
    printing.finish(pdf, metadata(prepared, session, printed, session.title), int(source_date_epoch(project)),
                    printing.heading_texts(printing.render(final)))
    return pdf


def print_item(project: Project, prepared: Prepared, built: Built, item: printing.Item, printer: printing.Printer,
               dist: Path) -> Path:
    """One item's PDF, numbered as in the session PDF, titled as council systems show it
    (its number and the session are in its identity block and running footer)."""
    session, folder = built.session, built.folder
    header, subtitle = _heading(session)
    everything = {other.page: other.number for other in built.items}
    alone = identified(project, prepared, session, printing.printable(item, folder, {item.page: item.number},
                                                                      site_url(project), everything))
    title = item.title
    one = printing.Document(title, header, subtitle, [], [alone], footer=f"{item.word} {item.number}")
    target = dist / item_pdf_name(session, item.number, session.items[item.number - 1])
    html = folder / f".agendapunt-{item.number}.html"
    printer.document(one, html, target)
    html.unlink()
    printing.finish(target, metadata(prepared, session, [alone], title), int(source_date_epoch(project)),
                    printing.heading_texts(printing.render(one)))
    return target


def paragraph_texts(text: str) -> list[str]:
    """Prose split into paragraphs at blank lines, each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


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
