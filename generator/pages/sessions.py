"""The 'Raadsbundels' page: every council session with its items and its files to download."""

from __future__ import annotations

from dataclasses import dataclass

from generator import wording
from generator.pages import links
from generator.pages.links import Context, partial_date, relative
from generator.models import ArchiveDocument, Session, SessionItem
from generator.render import Page
from generator.views import BundleItem, FileLink, RaadsbundelsView, SessionRow


@dataclass(frozen=True)
class Download:
    """One file of a bundle on the public site."""

    label: str
    """What it is, e.g. "Alles in één pdf" or "Agendapunt 2"."""
    name: str
    """The file name, e.g. `<session id>.pdf`."""
    size: int
    """Its size in bytes."""
    pages: int | None = None
    """A PDF's number of pages."""

    @property
    def kind(self) -> str:
        return "zip" if self.name.endswith(".zip") else "PDF"

    @property
    def amount(self) -> str:
        """The size in decimal kilobytes or megabytes, Dutch style: one unit on the page and
        in the build's log."""
        if self.size >= 1_000_000:
            return f"{self.size / 1_000_000:.1f}".replace(".", ",") + " MB"
        return f"{max(1, round(self.size / 1000))} kB"

    @property
    def description(self) -> str:
        """"PDF, 3 pagina's, 420 kB": the type, a PDF's pages and the size."""
        pages = "" if self.pages is None else (wording.PAGE_COUNT if self.pages != 1 else wording.ONE_PAGE).format(
            count=self.pages)
        return f"{self.kind}, " + (f"{pages}, " if pages else "") + self.amount


@dataclass(frozen=True)
class Downloads:
    """A session's files: the zip, the PDF of all items, one PDF per item (in order)."""

    zip: Download
    pdf: Download
    items: list[Download]


def item_word(session: Session) -> str:
    """What a session calls its parts: agenda items at a meeting (a dated session), else
    parts of a bundle ("onderdeel")."""
    return wording.ITEM_AT_MEETING if session.date else wording.ITEM_OF_BUNDLE


def parts_word(session: Session) -> str:
    return wording.PARTS_AT_MEETING if session.date else wording.PARTS_OF_BUNDLE


def archive_document(ctx: Context, item: SessionItem) -> ArchiveDocument | None:
    return next((d for d in ctx.site.archive.documents if d.id == item.archive), None) if item.archive else None


def council_title(ctx: Context, item: SessionItem, page_title: str) -> str:
    """The title council systems show: an archive document's short title where it has one."""
    document = archive_document(ctx, item)
    return document.council_title if document else page_title


def item_label(session: Session, number: int, title: str) -> str:
    """"Agendapunt 3: <title>": what an item's PDF is called on the Raadsbundels page."""
    return f"{item_word(session).capitalize()} {number}: {title}"


def bundles(ctx: Context, titles: dict[str, str], downloads: dict[str, Downloads] | None = None) -> Page:
    """The page, given every other page's title by path; `downloads` by session id once the
    bundles are built (without them, as in `make generate`, it says that `make site` makes
    the files)."""
    from generator.kinds import item_path
    from generator.validate import year_of

    here = links.BUNDLES
    rows = []
    for session in ctx.site.sessions.sessions:
        files = (downloads or {}).get(session.id)
        items = []
        for n, item in enumerate(session.items, start=1):
            path = item_path(ctx, item, year_of(session.date))
            items.append(BundleItem(n, titles[path], relative(here, path),
                                    _file(here, files.items[n - 1]) if files else None))
        rows.append(SessionRow(session=session, date=partial_date(session.date) if session.date else "",
                               word=item_word(session), parts=parts_word(session),
                               items=tuple(items), zip=_file(here, files.zip) if files else None,
                               pdf=_file(here, files.pdf) if files else None))
    return Page(here, "raadsbundels.md.j2", wording.BUNDLES_TITLE, RaadsbundelsView(
        rows=tuple(rows),
        description=wording.BUNDLES_DESCRIPTION,
    ), ctx.origin("sessions"))


def _file(here: str, download: Download) -> FileLink:
    return FileLink(label=download.label, url=relative(here, f"{links.BUNDLE_FILES}/{download.name}"),
                    name=download.name, description=download.description)
