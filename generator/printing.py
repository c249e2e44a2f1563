"""Print a bundle's items to PDF: one HTML document per PDF, made from the built pages.

The print document is assembled from the HTML that MkDocs built for each item, not from
the Markdown: links are then real `<a href>` elements, parsed with lxml, and only their
targets are rewritten (never the text around them). A link to another item printed in the
same PDF becomes a link inside the PDF (`#p3-…`); every other link to the site becomes an
absolute `site_url` link, so no PDF points into the folder it was built in.

Chromium (through Playwright, two browsers side by side for the PDFs of a build) writes the tagged PDF
with its outline; pikepdf then sets the metadata from the data and `SOURCE_DATE_EPOCH`
and saves with a content-derived document ID, so two builds give the same bytes.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import hashlib
import html
import os
import posixpath
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import jinja2
import pikepdf
from lxml import html as lxml_html
from markupsafe import Markup

from generator import chrome
from generator.errors import BuildError
from generator.markdown import css_string

TEMPLATES = Path(__file__).parent / "templates"
PRINT_CSS = TEMPLATES / "print.css"
CREATOR = "stedenagenda (generator van de Stedenagenda G40)"
"""What the PDFs name as their creator, instead of Chromium's user-agent string."""
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MISSING_CHROMIUM = ("Chromium ontbreekt ({path}), en zonder Chromium kunnen de pdf's van de raadsbundels niet "
                    "gemaakt worden. Installeer het met 'sudo apt-get install chromium' (Debian/Ubuntu) of "
                    "draai 'make site' als root, dan installeert make het zelf. Alleen de site bouwen kan met "
                    "'python -m generator build --no-bundles'.")
_WEB_ONLY = chrome.xpath(chrome.web_only())
"""What only makes sense on the web (generator/chrome.py): the breadcrumbs, "Terug naar …",
open-data files, the edit link, ¶."""
_NUMBERED = {"p", "li"}
_PASSES = 3
"""Print runs for a PDF with a table of contents: the first finds the pages, the next
fill them in; a third only when the numbers moved the layout."""


@dataclass(frozen=True)
class Row:
    """One line of an identity block: what it says, and an address where it has one."""

    label: str
    text: str
    url: str = ""


@dataclass(frozen=True)
class Item:
    """One agenda item of a session, as built."""

    number: int
    """Its place in the session (1, 2, …): the prefix of its paragraph numbers."""
    title: str
    """The title council systems show (at most `models.SHORT_TITLE_MAX` characters)."""
    page: str
    """The built page, relative to the bundle folder (e.g. `archief/brief.html`)."""
    slug: str
    """The id the session names it by, for its PDF's file name."""
    word: str = "agendapunt"
    """What the session calls it: "agendapunt" at a meeting, else "onderdeel"."""
    identity: tuple[Row, ...] = ()
    """Its identity block: session, date, what it summarises and where that is, version."""
    author: str = ""
    """Who wrote what it summarises, for the PDF's Author; empty: the sources' publishers."""


@dataclass(frozen=True)
class Heading:
    """A line of the table of contents."""

    text: str
    anchor: str
    level: int
    page: int | None = None


@dataclass(frozen=True)
class Printable:
    """One item ready to print: its anchor, its body and the sources it cites."""

    item: Item
    anchor: str
    body: Markup
    sources: list[str]
    """Ids of the source documents its page cites."""


@dataclass(frozen=True)
class Document:
    """What a print document shows (the view of print.html.j2)."""

    title: str
    """The session title: the PDF's title and h1."""
    header: str
    """The running header: session title and date."""
    subtitle: str
    """Who the bundle is for, and when."""
    letter: list[str]
    """The cover letter's paragraphs (empty in a PDF of one item)."""
    items: list[Printable]
    contents: list[Heading] = field(default_factory=list)
    """The table of contents, with page numbers once known (empty in a PDF of one item)."""
    identity: tuple[Row, ...] = ()
    """The session's identity block under the title (empty in a PDF of one item)."""
    footer: str = ""
    """Left in the running footer: the item of a PDF of one item ("agendapunt 3")."""


@dataclass(frozen=True)
class Metadata:
    """The PDF's document information."""

    title: str
    author: str
    subject: str
    keywords: list[str]


def public_url(site_url: str, built_path: str) -> str:
    """The public site's address of a file of the bundle (`agenda/talent.html` →
    `…/agenda/talent/`): the public site uses directory URLs."""
    path, _, anchor = built_path.partition("#")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return site_url.rstrip("/") + "/" + path + (f"#{anchor}" if anchor else "")


def article(page: Path) -> lxml_html.HtmlElement:
    """The content of a built page (mkdocs-material's `<article>`)."""
    tree = lxml_html.fromstring(page.read_bytes().decode("utf-8"))
    found = tree.xpath("//article[contains(@class, 'md-content__inner')]")
    if not found:
        raise BuildError(f"{page}: geen <article> gevonden; is het thema veranderd?")
    return found[0]


def _local_target(href: str, page: str) -> tuple[str, str] | None:
    """A relative link's target in the bundle, as (built path, anchor); None for other links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)) if parts.path else page
    return path, parts.fragment


def printable(item: Item, folder: Path, in_document: dict[str, int], site_url: str,
              session: dict[str, int] | None = None) -> Printable:
    """An item's page made fit for print: numbered heading and paragraphs, links inside
    the PDF or to the public site, abbreviations written out once, no web-only lines.
    A link to another item of the session (`session`: built page → number) says so on
    paper: "(zie agendapunt 3)", inside the PDF when that item is in it."""
    body = copy.deepcopy(article(folder / item.page))
    prefix = f"p{item.number}-"
    for element in body.xpath(_WEB_ONLY):
        parent = element.getparent()
        element.drop_tree()
        if parent is not None and parent.tag == "p" and not parent.text_content().strip() and parent.getparent() is not None:
            parent.drop_tree()  # the paragraph held only the web-only line ('Laatst gewijzigd')
    for element in body.iter(chrome.OPENED_IN_PRINT):
        element.set("open", "open")
    h1 = body.find(".//h1")
    if h1 is not None:
        h1.getparent().remove(h1)
    for element in body.xpath(".//*[@id]"):
        element.set("id", prefix + element.get("id"))
    sources = []
    for link in body.xpath(".//a[@href]"):
        target = _local_target(link.get("href"), item.page)
        if target is None:
            if urlsplit(link.get("href")).scheme not in ("http", "https", "mailto"):
                link.drop_tag()  # nothing else can come from the site; keep the text, not the link
            else:
                _print_address(link)
            continue
        path, anchor = target
        other = (session or in_document).get(path)
        if other is not None and path != item.page:
            _say_which_item(link, item.word, other)
        if path.startswith("bronnen/") and not path.endswith("index.html"):
            sources.append(posixpath.basename(path).removesuffix(".html"))
        if path in in_document:
            number = in_document[path]
            link.set("href", f"#p{number}-{anchor}" if anchor else f"#punt-{number}")
        else:
            link.set("href", public_url(site_url, f"{path}#{anchor}" if anchor else path))
    for image in body.xpath(".//img[@src]"):
        target = _local_target(image.get("src"), item.page)
        if target is not None:
            image.set("src", target[0])
    _write_out_abbreviations(body)
    _number_paragraphs(body, item.number)
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
    return Printable(item, f"punt-{item.number}", Markup(inner), list(dict.fromkeys(sources)))


def _print_address(link: lxml_html.HtmlElement) -> None:
    """" (https://…)" after a link to another site whose text is not its address: paper has
    no links. Real text, not CSS generated content, which Chromium leaves out of the tags."""
    href = link.get("href")
    address_text = href.removeprefix("mailto:")
    if " ".join(link.text_content().split()).rstrip("/") == address_text.rstrip("/"):
        return
    address = lxml_html.Element("span", {"class": "adres"})
    address.text = f" ({address_text})"
    address.tail = link.tail
    link.tail = None
    link.addnext(address)


def _say_which_item(link: lxml_html.HtmlElement, word: str, number: int) -> None:
    """" (zie agendapunt 3)" after a link to another item of the session: on paper the link
    is a word, and the number is what members look up."""
    note = lxml_html.Element("span", {"class": "zie"})
    note.text = f" (zie {word} {number})"
    note.tail = link.tail
    link.tail = None
    link.addnext(note)


def _write_out_abbreviations(body: lxml_html.HtmlElement) -> None:
    """`<abbr title="X">T</abbr>`: "T (X)" the first time in an item, plain "T" after that
    (a printed page has no hover, and a dotted underline on every use is noise). Not inside
    a compound ("G32-Stedennetwerk"), where the expansion would split the word.

    The title is escaped once more than its text (generator/markdown.py,
    `abbreviation_definition`, for the theme's tooltip), so it is unescaped here."""
    seen: set[str] = set()
    for abbr in body.xpath(".//abbr"):
        term, title = abbr.text_content(), html.unescape((abbr.get("title") or "").strip())
        inside_a_word = (abbr.tail or "")[:1].isalnum() or (abbr.tail or "").startswith("-")
        if title and term not in seen and title != term and not inside_a_word:
            abbr.tail = f" ({title})" + (abbr.tail or "")
            seen.add(term)
        abbr.drop_tag()


def _number_paragraphs(body: lxml_html.HtmlElement, number: int) -> None:
    """Number every paragraph and list item of an item's own text 3.1, 3.2, … so members can
    refer to "punt 3.2"; see `numbered` for what is not the item's own text."""
    count = 0
    for element in list(body.iter("p", "li")):
        if not numbered(element):
            continue
        count += 1
        marker = lxml_html.Element("span", {"class": "nr"})
        marker.text = f"{number}.{count}"
        marker.tail = element.text
        element.text = None
        element.insert(0, marker)


def numbered(element: lxml_html.HtmlElement) -> bool:
    """Whether a paragraph or list item gets a paragraph number. Not: one inside a numbered
    paragraph or a table (it shares that number); an item of an ordered list (it has its own
    number: "2.4 1." read as two); one in a box about the text (generator/chrome.py,
    `UNNUMBERED_BOXES`: the source, the notes); an editors' remark: a line all in italics
    (a date note, "Verband gelegd door de redactie.") or one that opens with a label
    ("Let op:", "Indeling van de redactie:")."""
    ancestors = list(element.iterancestors())
    if any(a.tag in _NUMBERED | {"table"} for a in ancestors):
        return False
    if element.tag == "li" and element.getparent() is not None and element.getparent().tag == "ol":
        return False
    if any(a.tag in chrome.UNNUMBERED_BOXES or _classes(a) & set(chrome.UNNUMBERED_BOXES) for a in ancestors):
        return False
    return element.tag != "p" or not _remark(element)


def _classes(element: lxml_html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _remark(paragraph: lxml_html.HtmlElement) -> bool:
    """A paragraph all in italics, or opening with an italic or bold label ending in ':'."""
    first = paragraph[0] if len(paragraph) else None
    if first is None or (paragraph.text or "").strip() or first.tag not in ("em", "strong"):
        return False
    label = " ".join(first.text_content().split())
    whole = " ".join(paragraph.text_content().split())
    return (first.tag == "em" and label == whole) or label.endswith(":")


def contents(items: list[Printable], pages: dict[str, int]) -> list[Heading]:
    """The table of contents: each item with the page it starts on. Only the items: with
    their sections too it ran a few lines onto a page of its own; the bookmarks have those."""
    return [Heading(f"{p.item.number}. {p.item.title}", p.anchor, 1, pages.get(p.anchor)) for p in items]


def render(document: Document) -> str:
    """The print document as HTML (autoescaped: every value from the data is text)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    css = PRINT_CSS.read_text(encoding="utf-8")
    return env.get_template("print.html.j2").render(
        doc=document, css=Markup(css), header=css_string(document.header), footer=css_string(document.footer))


def destination_pages(pdf: Path) -> dict[str, int]:
    """Page number (from 1) of every named destination Chromium wrote (each link target)."""
    with pikepdf.open(pdf) as doc:
        index = {page.objgen: i + 1 for i, page in enumerate(doc.pages)}
        dests = doc.Root.get("/Dests") or {}
        return {str(name)[1:]: index[dest[0].objgen] for name, dest in dests.items()}


class Printer:
    """One headless Chromium for a row of PDFs (starting it costs about a second)."""

    def __enter__(self) -> Printer:
        if not Path(CHROMIUM).exists():
            raise BuildError(MISSING_CHROMIUM.format(path=CHROMIUM))
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        # One context for the row (a new one per PDF cost more than the printing): the
        # structure-tree ids Chromium numbers across a context are renumbered in `finish`.
        self._context = self._browser.new_context()
        self._context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                            else route.abort())
        return self

    def __exit__(self, *exc: object) -> None:
        self._browser.close()
        self._playwright.stop()

    def pdf(self, html: Path, target: Path) -> None:
        """Print one local HTML file to a tagged PDF with bookmarks; no request leaves the machine."""
        page = self._context.new_page()
        try:
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
        finally:
            page.close()

    def document(self, document: Document, html: Path, target: Path) -> Document:
        """Print `document`; with a table of contents, print again until its page numbers
        are the pages the items start on. Returns the document as printed."""
        for _ in range(_PASSES):
            html.write_text(render(document), encoding="utf-8")
            self.pdf(html, target)
            if not document.contents:
                return document
            pages = destination_pages(target)
            filled = contents(document.items, pages)
            if filled == document.contents:
                return document
            document = dataclasses.replace(document, contents=filled)
        raise BuildError(f"{target.name}: de paginanummers in de inhoudsopgave blijven verschuiven.")


Job = Callable[[Printer], Path]
"""One PDF to print, given a printer; returns the PDF."""

PRINTERS = 2
"""Printers side by side: Chromium lays out a page on one core, so two keep a 2-core
machine busy; more only add browsers' memory."""


def print_all(jobs: list[Job], printers: int = PRINTERS) -> list[Path]:
    """Run `jobs` on up to `printers` threads, each with a Chromium of its own (Playwright's
    sync API is bound to the thread that started it); results in the jobs' order. The
    first failure stops the rest and is raised."""
    results: list[Path | None] = [None] * len(jobs)
    waiting = list(enumerate(jobs))
    lock = threading.Lock()
    failed = threading.Event()

    def work() -> None:
        with Printer() as printer:
            while not failed.is_set():
                with lock:
                    if not waiting:
                        return
                    number, job = waiting.pop(0)
                try:
                    results[number] = job(printer)
                except BaseException:
                    failed.set()
                    raise

    with ThreadPoolExecutor(max_workers=printers) as pool:
        workers = [pool.submit(work) for _ in range(min(printers, len(jobs)))]
    for worker in workers:
        worker.result()
    return [r for r in results if r is not None]


def pdf_date(epoch: int) -> str:
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'")


def heading_texts(html: str) -> list[str]:
    """The text of every heading of a print document, in order: Chromium's bookmarks."""
    tree = lxml_html.fromstring(html)
    return [" ".join(h.text_content().split()) for h in tree.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]


def _fix_outline(doc: pikepdf.Pdf, headings: list[str]) -> None:
    """Chromium drops the space where a heading wraps ("bestuurlijketoekomst") in its
    bookmark; put back the heading's own text, matched in order by its letters."""
    with doc.open_outline() as tree:
        pending = list(reversed(tree.root))
        queue = list(headings)
        while pending:
            item = pending.pop()
            squeezed = "".join(item.title.split())
            while queue and "".join(queue[0].split()) != squeezed:
                queue.pop(0)
            if queue:
                item.title = queue.pop(0)
            pending.extend(reversed(item.children))


def finish(pdf: Path, meta: Metadata, epoch: int, headings: list[str]) -> None:
    """Set the document information and XMP metadata, give bookmarks their headings' text,
    open with the title shown, save as PDF 1.7 with an ID derived from the content: the
    same input gives the same bytes."""
    created = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).isoformat()
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        doc.docinfo = doc.make_indirect(pikepdf.Dictionary(
            Title=meta.title, Author=meta.author, Subject=meta.subject, Keywords=", ".join(meta.keywords),
            Creator=CREATOR, Producer=str(doc.docinfo.get("/Producer", "Skia/PDF")) + "; pikepdf",
            CreationDate=pdf_date(epoch), ModDate=pdf_date(epoch)))
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:title"] = meta.title
            xmp["dc:creator"] = [meta.author]
            xmp["dc:description"] = meta.subject
            xmp["dc:language"] = ["nl"]
            xmp["pdf:Keywords"] = ", ".join(meta.keywords)
            xmp["pdf:Producer"] = str(doc.docinfo["/Producer"])
            xmp["xmp:CreatorTool"] = CREATOR
            xmp["xmp:CreateDate"] = created
            xmp["xmp:ModifyDate"] = created
            xmp["xmp:MetadataDate"] = created
            identity = hashlib.sha256(f"{meta.title}\n{meta.subject}\n{pdf.name}".encode()).hexdigest()
            xmp["xmpMM:DocumentID"] = f"uuid:{identity[:8]}-{identity[8:12]}-{identity[12:16]}-{identity[16:20]}-{identity[20:32]}"
            xmp["pdfuaid:part"] = "1"
        _mark_artifacts(doc)
        _add_list_bodies(doc)
        _renumber_structure_ids(doc)
        _fix_outline(doc, headings)
        doc.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        doc.Root.Lang = pikepdf.String("nl")
        _describe_links(doc)
        for page in doc.pages:
            page.obj.Tabs = pikepdf.Name.S  # tab through links in the order of the structure tree
        doc.save(pdf, deterministic_id=True, force_version="1.7",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def _renumber_structure_ids(doc: pikepdf.Pdf) -> None:
    """Give the structure elements that have an ID (table header cells) IDs in document
    order: Chromium numbers them by a counter that differs from run to run."""
    root = doc.Root.get("/StructTreeRoot")
    if root is None or "/IDTree" not in root:
        return
    elements = [element for element in _walk(root.get("/K")) if "/ID" in element]
    renamed = {str(element.ID): f"id{n:06d}" for n, element in enumerate(elements, start=1)}
    for element in elements:
        element.ID = pikepdf.String(renamed[str(element.ID)])
    for element in _walk(root.get("/K")):
        attributes = element.get("/A")
        for attribute in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
            if isinstance(attribute, pikepdf.Dictionary) and "/Headers" in attribute:
                attribute.Headers = pikepdf.Array([pikepdf.String(renamed.get(str(h), str(h))) for h in attribute.Headers])
    names = pikepdf.Array()
    for element in sorted(elements, key=lambda e: str(e.ID)):
        names.append(pikepdf.String(str(element.ID)))
        names.append(element)
    root.IDTree = pikepdf.Dictionary(Names=names)


def _walk(node: pikepdf.Object | None):
    """Every structure element under `node`, parents first."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, pikepdf.Array):
            pending.extend(reversed(list(current)))
        elif isinstance(current, pikepdf.Dictionary) and "/S" in current:
            yield current
            if "/K" in current:
                pending.append(current.K)


def _describe_links(doc: pikepdf.Pdf) -> None:
    """Give every link annotation a description (/Contents, which PDF/UA asks for and
    Chromium leaves out): the address it opens, or the page it goes to."""
    pages = {page.objgen: number for number, page in enumerate(doc.pages, start=1)}
    dests = doc.Root.get("/Dests") or pikepdf.Dictionary()
    for page in doc.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != "/Link" or "/Contents" in annot:
                continue
            if "/A" in annot and "/URI" in annot.A:
                annot.Contents = pikepdf.String(f"Link naar {annot.A.URI}")
                continue
            dest = annot.get("/Dest")
            if isinstance(dest, (pikepdf.Name, pikepdf.String)):
                dest = dests.get("/" + str(dest).lstrip("/"))
            if isinstance(dest, pikepdf.Array) and dest[0].objgen in pages:
                annot.Contents = pikepdf.String(f"Naar pagina {pages[dest[0].objgen]}")


_DRAWS = {"Tj", "TJ", "'", '"', "re", "m", "l", "c", "v", "y", "h", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*",
          "n", "W", "W*", "Do", "sh", "INLINE IMAGE"}
"""Content operators that draw (or build a path to draw): what a reader sees."""


def _mark_artifacts(doc: pikepdf.Pdf) -> None:
    """Mark what Chromium draws outside the structure tree as artifacts (PDF/UA 7.1): the
    running header and footer of the `@page` margin boxes, backgrounds and borders. Every
    drawing operator outside a marked-content sequence goes into `/Artifact BMC … EMC`;
    a sequence opens and closes on the same side of `BT`/`ET`, so the nesting stays valid."""
    artifact = [pikepdf.Name.Artifact]
    for page in doc.pages:
        out: list = []
        depth, in_text, open_ = 0, False, False

        def close() -> None:
            nonlocal open_
            if open_:
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
                open_ = False

        for instruction in pikepdf.parse_content_stream(page):
            op = str(instruction.operator)
            if op in ("BDC", "BMC") and depth == 0 or op in ("BT", "ET"):
                close()
            if op in _DRAWS and depth == 0 and not open_:
                out.append(pikepdf.ContentStreamInstruction(artifact, pikepdf.Operator("BMC")))
                open_ = True
            out.append(instruction)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            in_text = op == "BT" or in_text and op != "ET"
        close()
        page.Contents = doc.make_stream(pikepdf.unparse_content_stream(out))


def _add_list_bodies(doc: pikepdf.Pdf) -> None:
    """Give every list item the body PDF/UA asks for: `LI` holds `Lbl` and `LBody`; Chromium
    puts the item's content straight under `LI`."""
    root = doc.Root.get("/StructTreeRoot")
    if root is None:
        return
    for item in [e for e in _walk(root.get("/K")) if e.S == pikepdf.Name.LI]:
        kids = item.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        label = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") == pikepdf.Name.Lbl]
        content = [k for k in kids if not (isinstance(k, pikepdf.Dictionary) and k.get("/S") == pikepdf.Name.Lbl)]
        if not content or not all(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.StructElem
                                  for k in content):
            continue  # content marked straight under LI would need its ParentTree entries moved: not made by Chromium
        body = doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item,
                                                     K=pikepdf.Array(content)))
        for kid in content:
            kid.P = body
        item.K = pikepdf.Array([*label, body])
