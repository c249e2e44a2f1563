"""The council PDFs, used as a council member would: open each one, follow every link and
bookmark, read the table of contents, check what is printed and how (issue 13, 12.6)."""

from __future__ import annotations

import datetime
import functools
import os
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pikepdf
import pytest
from lxml import html as lxml_html

from generator import address
from generator.build import Project, prepare
from generator.bundle import contents, item_pdf_name, item_slug
from generator.models import SHORT_TITLE_MAX
from tests.conftest import BUNDLE_EPOCH as EPOCH

MM = 72 / 25.4


@pytest.fixture(scope="module")
def built(bundles_built: Project) -> Project:
    return bundles_built


@pytest.fixture(scope="module")
def sessions(built: Project):
    return prepare(built).site.sessions.sessions


def all_pdfs(project: Project) -> list[Path]:
    return sorted(project.dist.glob("*.pdf"))


def session_pdf_items(project: Project, session) -> list[tuple[int, str, str]]:
    """(number, title, docs path) of each item, from the generator's own page titles (the
    short title where an archive document has one: the title council systems show)."""
    from generator.pages.links import Context
    from generator.pages.sessions import council_title

    prepared = prepare(project)
    titles = {p.path: p.title for p in prepared.pages}
    return [(n, council_title(Context(prepared.site), item, titles[path]), path)
            for n, (path, item) in enumerate(zip(contents(prepared, session).items, session.items), start=1)]


def outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark, in order."""
    pages = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
    result = []
    with pdf.open_outline() as tree:
        def walk(items, depth):
            for item in items:
                dest = item.destination
                assert isinstance(dest, pikepdf.Array), f"bookmark {item.title!r} has no explicit destination"
                result.append((depth, item.title, pages[dest[0].objgen]))
                walk(item.children, depth + 1)
        walk(tree.root, 0)
    return result


def links(pdf: pikepdf.Pdf) -> list[tuple[int, dict]]:
    """Every link annotation as (page number, {'dest': page} or {'uri': …})."""
    pages = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
    dests = pdf.Root.get("/Dests") or pikepdf.Dictionary()
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                dest = annot.Dest
                if isinstance(dest, (pikepdf.Name, pikepdf.String)):
                    key = "/" + str(dest).lstrip("/")
                    assert key in dests, f"page {number}: link to unknown destination {dest}"
                    dest = dests[key]
                found.append((number, {"dest": pages[dest[0].objgen]}))
            else:
                action = annot.A
                assert action.S == "/URI", f"page {number}: link action {action.S}"
                found.append((number, {"uri": str(action.URI)}))
    return found


@functools.cache  # each PDF is read once per run: many tests read the same pages
def plain_pages(pdf: Path) -> list[str]:
    """Each page's text in reading order (pdftotext without -layout: a table cell's lines stay
    together), whitespace made single spaces."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


@functools.cache  # each PDF is read once per run: many tests read the same pages
def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_dist_has_zip_session_pdf_and_one_pdf_per_item(built: Project, sessions) -> None:
    expected = set()
    for session in sessions:
        expected |= {f"{session.id}.zip", f"{session.id}.pdf"}
        expected |= {f"{session.id}-{n:02d}-{item_slug(item)}.pdf" for n, item in enumerate(session.items, start=1)}
    assert {p.name for p in built.dist.iterdir()} == expected
    assert "raadsessie-2012-12-13-03-g32-discussienotitie.pdf" in expected


def test_no_file_url_and_no_build_path_in_any_output(built: Project, tmp_path: Path) -> None:
    """Every PDF (uncompressed), every file in every zip, every file of the site. The
    theme's script tests `location.protocol` for "file:", so scripts are held to `file://`."""
    forbidden = [b"file://", str(built.root).encode(), b".bundle-", b"/build/"]

    def check(name: str, data: bytes) -> None:
        for needle in forbidden + ([] if name.endswith(".js") else [b"file:"]):
            assert needle not in data, f"{name} contains {needle!r}"

    for pdf in all_pdfs(built):
        with pikepdf.open(pdf) as doc:
            plain = tmp_path / pdf.name
            doc.save(plain, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                     object_stream_mode=pikepdf.ObjectStreamMode.disable)
        check(pdf.name, plain.read_bytes())
    for archive in built.dist.glob("*.zip"):
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                check(f"{archive.name}:{name}", z.read(name))
    for path in built.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".json", ".xml", ".css", ".csv", ".jsonld"):
            check(str(path.relative_to(built.site)), path.read_bytes())


def test_every_pdf_link_lands_on_a_page_of_the_pdf_or_on_the_public_site(built: Project) -> None:
    site_url = address.site_url()
    checked_internal = checked_site = 0
    for path in all_pdfs(built):
        with pikepdf.open(path) as pdf:
            for page, link in links(pdf):
                if "dest" in link:
                    assert 1 <= link["dest"] <= len(pdf.pages)
                    checked_internal += 1
                    continue
                uri = link["uri"]
                # External addresses come from the sources (some are http); ours are https.
                assert urlsplit(uri).scheme in ("https", "http", "mailto"), f"{path.name} p{page}: {uri}"
                assert urlsplit(uri).netloc != urlsplit(site_url).netloc or uri.startswith(site_url), uri
                if uri.startswith(site_url):
                    target = urlsplit(uri).path.lstrip("/")
                    file = built.site / target / "index.html" if target.endswith("/") or not target else built.site / target
                    assert file.is_file(), f"{path.name} p{page}: {uri} is not a page of the site"
                    checked_site += 1
    assert checked_internal > 50 and checked_site > 50


def test_outline_has_every_item_and_its_h2_sections(built: Project, sessions) -> None:
    for session in sessions:
        with pikepdf.open(built.dist / f"{session.id}.pdf") as pdf:
            marks = outline(pdf)
        top = [(title, page) for depth, title, page in marks if depth == 0]
        for number, title, docs_path in session_pdf_items(built, session):
            assert (f"{number}. {title}") in [t for t, _ in top], (session.id, number, title)
            index = [t for t, _ in top].index(f"{number}. {title}")
            start = marks.index((0, f"{number}. {title}", top[index][1]))
            end = next((i for i in range(start + 1, len(marks)) if marks[i][0] == 0), len(marks))
            children = [t for depth, t, _ in marks[start + 1:end] if depth == 1]
            page = built.site / docs_path[:-3].removesuffix("index") / "index.html"
            tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
            h2s = [h.text_content().replace("¶", "").strip()
                   for h in tree.xpath("//article//h2") if not h.xpath("ancestor::*[contains(@class,'admonition')]")]
            h2s = [h for h in h2s if h]
            assert children == h2s, (session.id, number, children, h2s)


def test_table_of_contents_page_numbers_are_links_to_those_pages(built: Project, sessions) -> None:
    for session in sessions:
        path = built.dist / f"{session.id}.pdf"
        with pikepdf.open(path) as pdf:
            starts = {title: page for depth, title, page in outline(pdf) if depth == 0}
            toc_links = [link["dest"] for page, link in links(pdf) if page <= 3 and "dest" in link]
            index = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
            named = {str(k).lstrip("/"): index[v[0].objgen] for k, v in (pdf.Root.get("/Dests") or {}).items()}
        for number, title, _ in session_pdf_items(built, session):  # links to an item land on its page
            assert named[f"punt-{number}"] == starts[f"{number}. {title}"], (session.id, number)
        first_pages = page_texts(path)[:3]
        toc = "\n".join(first_pages)
        for number, title, _ in session_pdf_items(built, session):
            start = starts[f"{number}. {title}"]
            assert start in toc_links, (session.id, number)
            line = re.search(rf"^\s*{number}\. {re.escape(title[:30])}.*?(\d+)\s*$", toc, re.M)
            if line is None:  # a long title wraps: its page number ends the line where it ends
                block = toc[toc.index(f"{number}. {title.split()[0]}"):]
                line = re.search(r"(\d+)\s*$", block.split("\n\n")[0], re.M)
            assert line and int(line.group(1)) == start, (session.id, number, start)


def test_metadata_tagging_and_reproducible_dates(built: Project, sessions) -> None:
    date = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc)
    for session in sessions:
        names = [f"{session.id}.pdf"] + [f"{session.id}-{n:02d}-{item_slug(i)}.pdf"
                                          for n, i in enumerate(session.items, start=1)]
        for name in names:
            with pikepdf.open(built.dist / name) as pdf:
                info = pdf.docinfo
                assert str(info.Title) == session.title or name != f"{session.id}.pdf"
                assert len(str(info.Title)) <= SHORT_TITLE_MAX, (name, str(info.Title))
                assert str(info.Author) and "HeadlessChrome" not in str(info.Creator)
                assert str(info.Creator).startswith("stedenagenda")
                assert session.title in str(info.Subject) and str(info.Keywords)
                assert str(info.CreationDate).startswith(date.strftime("D:%Y%m%d%H%M%S"))
                assert str(info.ModDate) == str(info.CreationDate)
                meta = pdf.open_metadata()
                assert meta["dc:title"] == str(info.Title)
                assert meta["xmp:CreateDate"].startswith(date.strftime("%Y-%m-%dT%H:%M:%S"))
                assert meta["pdfuaid:part"] == "1" and meta["xmpMM:DocumentID"].startswith("uuid:")
                assert pdf.pdf_version == "1.7"
                assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
                assert str(pdf.Root.Lang) == "nl"
                assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
                assert len(pdf.pages) >= 1
                for page in pdf.pages:  # every link says where it goes (PDF/UA)
                    for annot in page.get("/Annots", []):
                        assert str(annot.get("/Contents", "")).startswith(("Link naar ", "Naar pagina ")), name
    with pikepdf.open(built.dist / "raadsessie-2012-12-13.pdf") as pdf:
        assert str(pdf.docinfo.Author) == "Stadsregio Amsterdam en G32-Stedennetwerk"
        # Each item prints its Bron notes with the quoted passages open (issue 27): longer than
        # before, still bounded (a runaway print would give hundreds).
        assert 6 <= len(pdf.pages) <= 40


def test_each_item_pdf_names_its_own_author_and_a_title_council_systems_show_whole(built: Project, sessions) -> None:
    """Author: the archive document's own author from the data, "onbekend" where the source
    does not say; a page of the site: the publishers of what it cites. Title: at most 80
    characters (iBabs and NotuBiz list documents by it), the short title where needed."""
    prepared = prepare(built)
    documents = {d.id: d for d in prepared.site.archive.documents}
    publishers = {s.publisher for s in prepared.site.sources.sources}
    seen_unknown = False
    for session in sessions:
        for number, item in enumerate(session.items, start=1):
            with pikepdf.open(built.dist / item_pdf_name(session, number, item)) as pdf:
                author, title = str(pdf.docinfo.Author), str(pdf.docinfo.Title)
            assert len(title) <= SHORT_TITLE_MAX
            if item.archive:
                document = documents[item.archive]
                assert title == (document.short_title or document.title)
                if document.author.startswith("onbekend"):
                    assert author == "onbekend"
                    seen_unknown = True
                else:
                    assert author == document.author, (item.archive, author)
            else:
                assert set(author.split("; ")) <= publishers, (item, author)
    assert seen_unknown


def _dark_fraction(pgm: Path) -> float:
    data = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert header
    pixels = data[header.end():]
    return sum(1 for b in pixels if b < 160) / len(pixels)


def test_first_pages_of_every_pdf_are_not_blank(built: Project, tmp_path: Path) -> None:
    for pdf in all_pdfs(built):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info, pdf.name
        prefix = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "2", str(pdf), str(prefix)], check=True)
        pages = sorted(tmp_path.glob(f"{pdf.stem}-*.pgm"))
        assert _dark_fraction(pages[0]) > 0.004, f"{pages[0].name} looks blank"
        for page in pages[1:]:  # a second page may be the last few lines of an item
            assert _dark_fraction(page) > 0.001, f"{page.name} looks blank"


@functools.cache  # each PDF is read once per run: many tests read the same pages
def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word as (page, xMin, yMin, xMax, yMax, text), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if m:
            words.append((page, *map(float, m.groups()[:4]), m.group(5)))
    return words


def test_print_layout_for_annotating(built: Project) -> None:
    """11 pt body, at least 25 mm margin on both sides, one font family."""
    for pdf in all_pdfs(built):
        words = _words(pdf)
        assert min(w[1] for w in words) >= 25 * MM - 0.5, pdf.name
        assert max(w[3] for w in words) <= 595.28 - 25 * MM + 0.5, pdf.name
        heights = sorted(round(w[4] - w[2], 1) for w in words)
        body = max(set(heights), key=heights.count)  # the most common line height is the body text
        assert 12.2 <= body <= 13.4, (pdf.name, body)  # DejaVu Sans at 11 pt: 1.164 em per line box
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        families = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]).split("-")[0]
                    for line in fonts.splitlines()[2:] if line.strip()}
        assert families == {"DejaVuSans"}, (pdf.name, families)


def test_no_near_empty_pages_except_where_an_item_ends(built: Project, sessions) -> None:
    for session in sessions:
        path = built.dist / f"{session.id}.pdf"
        with pikepdf.open(path) as pdf:
            starts = sorted(page for depth, _, page in outline(pdf) if depth == 0 and page > 1)
        item_ends = {s - 1 for s in starts} | {len(page_texts(path))}
        for number, text in enumerate(page_texts(path), start=1):
            lines = [line for line in text.splitlines() if line.strip()][1:-1]  # no header, no footer
            if number not in item_ends:
                assert len(lines) >= 10, (session.id, number, lines)
        for number, item in enumerate(session.items, start=1):
            alone = page_texts(built.dist / item_pdf_name(session, number, item))
            for page, text in enumerate(alone[:-1], start=1):
                lines = [line for line in text.splitlines() if line.strip()][1:-1]
                assert len(lines) >= 10, (session.id, number, page, lines)


def test_no_heading_or_box_title_ends_a_page(built: Project) -> None:
    """A heading (every bookmark below an item's) or a box's title ("Bron",
    "Verantwoording") is never the last line of a page: it stays with what follows."""
    for path in all_pdfs(built):
        with pikepdf.open(path) as pdf:
            headings = {" ".join(title.split()) for depth, title, _ in outline(pdf) if depth > 0}
        headings |= {"Bron", "Verantwoording"}
        for number, text in enumerate(page_texts(path), start=1):
            lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()][:-1]  # no footer
            assert lines and lines[-1] not in headings, (path.name, number, lines[-1])


def test_running_header_and_page_numbers(built: Project, sessions) -> None:
    for session in sessions:
        pages = page_texts(built.dist / f"{session.id}.pdf")
        for number, text in enumerate(pages, start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0].startswith(session.title[:40]), (session.id, number, lines[0])
            assert lines[-1] == f"pagina {number} van {len(pages)}", (session.id, number, lines[-1])
    first = page_texts(built.dist / "raadsessie-2012-12-13.pdf")[0]
    assert "13 december 2012" in first.splitlines()[0]


def test_an_item_pdf_has_a_one_line_running_header_and_its_item_in_the_footer(built: Project, sessions) -> None:
    """The header of a PDF of one item is the session and its date on one line (with the
    item too it wrapped); "agendapunt N" stands left in the footer."""
    from generator.pages.links import partial_date

    for session in sessions:
        header = f"{session.title} · {partial_date(session.date)}" if session.date else session.title
        word = "agendapunt" if session.date else "onderdeel"
        for number, item in enumerate(session.items, start=1):
            pages = page_texts(built.dist / item_pdf_name(session, number, item))
            for page, text in enumerate(pages, start=1):
                lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
                assert lines[0] == header, (session.id, number, page, lines[:2])
                assert lines[-1] == f"{word} {number} pagina {page} van {len(pages)}", (session.id, number, lines[-1])


def test_paragraphs_are_numbered_per_item_and_the_same_in_the_item_pdf(built: Project, sessions) -> None:
    session = next(s for s in sessions if s.id == "raadsessie-2012-12-13")
    whole = "\n".join(page_texts(built.dist / f"{session.id}.pdf"))
    for number, item in enumerate(session.items, start=1):
        alone = "\n".join(page_texts(built.dist / f"{session.id}-{number:02d}-{item_slug(item)}.pdf"))
        found = [int(m) for m in re.findall(rf"^\s*{number}\.(\d+)\s", alone, re.M)]
        assert found[:2] == [1, 2] and found == sorted(found), (number, found)
        for n in found:
            line = re.search(rf"^\s*{number}\.{n}\s+(.{{0,30}})", alone, re.M).group(1).strip()
            assert line in whole, (number, n, line)


def test_nothing_web_only_is_printed_and_abbreviations_are_written_out_once(built: Project) -> None:
    for pdf in all_pdfs(built):
        text = " ".join(" ".join(page_texts(pdf)).split())
        for web in ("Terug naar", "Bewerk deze pagina", "als open data", "¶"):
            assert web not in text, (pdf.name, web)
    alone = " ".join(" ".join(page_texts(built.dist / "raadsessie-2012-12-13-03-g32-discussienotitie.pdf")).split())
    assert alone.count("G32 (G32-Stedennetwerk)") == 1 and alone.count("G32") > 2


def test_item_pdfs_start_with_their_text_not_the_breadcrumbs_and_print_notes_open(built: Project, sessions) -> None:
    """The breadcrumbs ("Home / Archief / …") are the web's (generator/chrome.py): paragraph
    x.1 is the item's own first paragraph. A collapsed 'Verantwoording' prints open, its text too."""
    session = next(s for s in sessions if s.id == "raadsessie-2012-12-13")
    prepared = prepare(built)
    documents = {d.id: d for d in prepared.site.archive.documents}
    for number, item in enumerate(session.items, start=1):
        alone = "\n".join(page_texts(built.dist / item_pdf_name(session, number, item)))
        first = re.search(rf"^\s*{number}\.1\s+(.+)$", alone, re.M).group(1).strip()
        assert not first.startswith(("Home", "Archief")), (number, first)
        flat = " ".join(alone.split())
        for note in documents[item.archive].notes:
            assert "Verantwoording" in flat and " ".join(note.split())[:40] in flat, (number, note[:40])


def test_session_bundle_holds_its_items_the_pages_they_link_to_and_a_cover(built: Project) -> None:
    with zipfile.ZipFile(built.dist / "raadsessie-2012-12-13.zip") as z:
        pages = sorted(n for n in z.namelist() if n.endswith(".html"))
        items = {n: z.read(n).decode() for n in pages if n.startswith("archief/") and n != "archief/index.html"}
        # The search index is split into many small script files (generator/search.py).
        assert len([n for n in z.namelist() if not n.startswith("search/")]) < 40
    assert "index.html" in pages and "afdrukken.html" in pages
    linked = set()
    for name, text in items.items():
        article = lxml_html.fromstring(text).xpath("//article")[0]
        for href in article.xpath(".//a/@href"):
            parts = urlsplit(href)
            if not parts.scheme and parts.path:
                linked.add(os.path.normpath(os.path.join(os.path.dirname(name), parts.path)))
    assert set(pages) == {"index.html", "afdrukken.html", *items, *linked}
    assert not [p for p in pages if p.startswith(("steden/", "jaarverslag/", "activiteiten/"))]
    with zipfile.ZipFile(built.dist / "volledige-agenda.zip") as z:
        full = {n for n in z.namelist() if n.endswith(".html")}
    site_pages = {p.relative_to(built.site).as_posix() for p in built.site.rglob("index.html")
                  if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}  # redirect pages stay on the web
    assert len(full) >= len(site_pages) - 2  # the whole site, without Raadsbundels and 404


def test_item_pdf_names_follow_session_number_and_item(built: Project, sessions) -> None:
    for session in sessions:
        for number, item in enumerate(session.items, start=1):
            name = item_pdf_name(session, number, item)
            assert name == f"{session.id}-{number:02d}-{item_slug(item)}.pdf"
            assert (built.dist / name).is_file()
            word = "agendapunt" if session.date else "onderdeel"
            assert f"{word} {number} pagina 1 van" in " ".join(page_texts(built.dist / name)[0].split())


def test_raadsbundels_page_lists_every_session_and_its_files_download_from_the_served_site(
        built: Project, sessions) -> None:
    import urllib.request

    from generator.pages.links import partial_date
    from generator.pages.sessions import Download
    from tests.browser import serve

    page_file = built.site / "raadsbundels" / "index.html"
    tree = lxml_html.fromstring(page_file.read_text(encoding="utf-8"))
    text = " ".join(tree.xpath("//article")[0].text_content().split())
    assert "Raadsbundels" in " ".join(tree.xpath("//nav")[0].text_content().split())
    served = []
    with serve(built.site) as base:
        page_url = base + "raadsbundels/"
        for session in sessions:
            assert session.title in text
            if session.date:
                assert partial_date(session.date) in text
            for number, title, _ in session_pdf_items(built, session):
                assert title in text
        for href in tree.xpath("//article//a/@href"):
            if "bundels/" not in href or href.startswith("http"):
                continue
            url = urllib.parse.urljoin(page_url, href)
            with urllib.request.urlopen(url) as response:
                assert response.status == 200
                body = response.read()
            name = href.rsplit("/", 1)[1]
            assert body == (built.dist / name).read_bytes(), name
            pages = len(pikepdf.open(built.dist / name).pages) if name.endswith(".pdf") else None
            assert Download("", name, len(body), pages).description in text, name
            served.append(name)
    assert sorted(served) == sorted(p.name for p in built.dist.iterdir())


def test_raadsbundels_names_each_download_by_its_item_session_pdf_first(built: Project, sessions) -> None:
    """Each PDF link says which item it is, its type, pages and size in kB or MB (never
    KiB); the PDF of the whole session comes before the zip and the items."""
    from generator.pages.sessions import item_label, item_word

    prepared = prepare(built)
    documents = {d.id: d for d in prepared.site.archive.documents}
    tree = lxml_html.fromstring((built.site / "raadsbundels" / "index.html").read_text(encoding="utf-8"))
    anchors = [(" ".join(a.text_content().split()), a.get("href")) for a in tree.xpath("//article//a[@href]")
               if "bundels/" in a.get("href")]
    text = " ".join(tree.xpath("//article")[0].text_content().split())
    assert "KiB" not in text
    for session in sessions:
        names = [href.rsplit("/", 1)[1] for _, href in anchors if href.rsplit("/", 1)[1].startswith(session.id)]
        assert names[0] == f"{session.id}.pdf" and names[1] == f"{session.id}.zip", names[:2]
        for (number, title, _), item in zip(session_pdf_items(built, session), session.items):
            name = item_pdf_name(session, number, item)
            label = next(label for label, href in anchors if href.endswith("/" + name))
            council = documents[item.archive].council_title if item.archive else title
            pages = len(pikepdf.open(built.dist / name).pages)
            assert label == item_label(session, number, council), label
            assert label.startswith(item_word(session).capitalize())
            assert re.search(rf"{re.escape(label)} \(PDF, {pages} pagina('s)?, \d+ kB\)", text), label


def test_download_sizes_read_as_dutch_readers_expect() -> None:
    from generator.pages.sessions import Download

    assert Download("", "a.pdf", 420_400).description == "PDF, 420 kB"
    assert Download("", "a.zip", 1_130_000).description == "zip, 1,1 MB"
    assert Download("", "a.pdf", 300).description == "PDF, 1 kB"
    assert Download("", "a.pdf", 55_400, 3).description == "PDF, 3 pagina's, 55 kB"
    assert Download("", "a.pdf", 40_000, 1).description == "PDF, 1 pagina, 40 kB"


def test_search_index_of_a_focused_bundle_holds_only_its_pages(built: Project) -> None:
    import json

    with zipfile.ZipFile(built.dist / "raadsessie-2012-12-13.zip") as z:
        names = set(z.namelist())
        documents = [z.read(n).decode() for n in names if n.startswith("search/d/") and n.endswith(".js")]
    locations = set()
    for script in documents:
        payload = script[script.index(",") + 1: script.rindex(")")]
        locations |= {entry[0].split("#")[0] for entry in json.loads(payload)}
    assert locations and locations <= names and "archief/g32-discussienotitie.html" in locations

GUTTER = (25 + 13) * MM
"""Paragraph numbers stand left of the text, in the 13 mm gutter inside the left margin."""
PARAGRAPH_NUMBER = re.compile(r"(\d+)\.(\d+)")


def _lines(words: list[tuple[int, float, float, float, float, str]]) -> list[list[tuple]]:
    """Words grouped by page and baseline, each line left to right."""
    rows: dict[tuple[int, float], list[tuple]] = {}
    for word in words:
        rows.setdefault((word[0], round(word[4])), []).append(word)
    return [sorted(row, key=lambda w: w[1]) for _, row in sorted(rows.items())]


def _web_only_texts(built: Project, page: str) -> list[str]:
    """What the built page holds that only the web shows (generator/chrome.py, the same list
    print reads): every crumb but the page itself, the edit line, 'Laatst gewijzigd', …"""
    from generator import chrome

    tree = lxml_html.fromstring((built.site / page).read_text(encoding="utf-8"))
    article = tree.xpath("//article")[0]
    found = []
    for element in article.xpath(chrome.xpath(chrome.web_only())):
        texts = [element.text_content()]
        if element.xpath("self::nav"):  # the whole trail, and its first crumb ("Home"): the
            texts.append(element.xpath(".//li")[0].text_content())  # others are titles of pages
        found += [" ".join(t.split()) for t in texts if t.strip()]
    return found


def test_every_pdf_prints_only_content_numbered_without_gaps_or_double_numbers(built: Project, sessions) -> None:
    """Every PDF, every page: none of the web-only parts of its items' pages (read from the
    built pages with chrome.py's list), 'Verantwoording' printed open, and the paragraph
    numbers in the gutter run 1, 2, 3, … per item, with no list number beside them and
    no editors' remark numbered."""
    prepared = prepare(built)
    documents = {d.id: d for d in prepared.site.archive.documents}
    remarks = ["Let op:", "Verband gelegd door de redactie", "Aantekeningen van de redactie", "Indeling van de redactie",
               "Bron", *(" ".join(d.date_note.split()[:4]) for d in documents.values() if d.date_note)]
    for session in sessions:
        pages = [p for _, _, p in session_pdf_items(built, session)]
        built_pages = [p[:-3].removesuffix("index") + ("index.html" if p.endswith("index.md") else "/index.html")
                       for p in pages]
        web_only = {t for page in built_pages for t in _web_only_texts(built, page.replace("//", "/"))}
        assert "Home" in web_only  # (the copy has no git history: no 'Laatst gewijzigd' to read)
        web_only.add("Laatst gewijzigd")
        names = [f"{session.id}.pdf"] + [item_pdf_name(session, n, i) for n, i in enumerate(session.items, start=1)]
        for name in names:
            text = " ".join(plain_pages(built.dist / name))
            for gone in web_only:
                assert gone not in text, (name, gone)
            numbers: dict[int, list[int]] = {}
            for line in _lines(_words(built.dist / name)):
                first = line[0]
                match = PARAGRAPH_NUMBER.fullmatch(first[5])
                if first[3] > GUTTER or not match:
                    continue
                numbers.setdefault(int(match.group(1)), []).append(int(match.group(2)))
                rest = " ".join(w[5] for w in line[1:])
                assert not re.match(r"\d+[.)] ", rest + " "), (name, first[5], rest[:40])  # "2.4 1. …"
                for remark in remarks:
                    assert not rest.startswith(remark), (name, first[5], rest[:60])
            assert numbers, name
            for item, found in numbers.items():
                assert found == list(range(1, len(found) + 1)), (name, item, found)
    for session in sessions:  # the notes print open, with their text
        for number, item in enumerate(session.items, start=1):
            if item.archive and documents[item.archive].notes:
                text = " ".join(" ".join(page_texts(built.dist / item_pdf_name(session, number, item))).split())
                for note in documents[item.archive].notes:
                    assert " ".join(note.split())[:40] in text, (item.archive, note[:40])


def test_every_item_and_session_pdf_has_an_identity_block(built: Project, sessions) -> None:
    """Session, date, item number and title, what it summarises (the archive document with
    its author and date), where the original is, and the version (the day of the data)."""
    from generator.pages.links import partial_date

    prepared = prepare(built)
    documents = {d.id: d for d in prepared.site.archive.documents}
    version = partial_date(datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc).strftime("%Y-%m-%d"))
    site_url = address.site_url()
    for session in sessions:
        word = "Agendapunt" if session.date else "Onderdeel"
        first = plain_pages(built.dist / f"{session.id}.pdf")[0]
        label = ("Sessie " if session.date else "Bundel ") + session.title
        assert label in first and f"Voor {session.body}" in first, first[:300]
        assert f"Versie stand van {version}" in first and site_url in first, first[:600]
        whole = " ".join(plain_pages(built.dist / f"{session.id}.pdf"))
        if not session.date:
            assert "agendapunt" not in whole.lower(), session.id  # its parts are "onderdelen"
        for (number, title, _), item in zip(session_pdf_items(built, session), session.items):
            text = plain_pages(built.dist / item_pdf_name(session, number, item))[0]
            head = text[:text.find(f"{number}.1 ")] if f"{number}.1 " in text else text
            assert label + (f", {partial_date(session.date)}" if session.date else "") in head, head[:300]
            council = documents[item.archive].council_title if item.archive else title
            assert f"{word} {number}. {council}" in head, head[:300]
            assert "Wat dit is Samenvatting van de redactie van: " in head and "Het origineel in:" in head, head[:600]
            assert f"Versie stand van {version}" in head, head[:600]
            if item.archive:
                document = documents[item.archive]
                assert " ".join(f"{document.title}".split()) in head
                assert " ".join(document.author.split()) in head and partial_date(document.date) in head
            assert f"{number}. {council}" in whole  # and the same block in the session PDF


def test_links_between_items_are_internal_and_say_which_item(built: Project, sessions) -> None:
    """In a session PDF a link to another of its items goes to that item's page in the PDF;
    on paper it says "(zie onderdeel N)". An item PDF says the same, its link goes to the site."""
    site_url = address.site_url()
    from generator.printing import public_url

    seen = 0
    for session in sessions:
        word = "agendapunt" if session.date else "onderdeel"
        items = {public_url(site_url, p[:-3] + ".html"): n for n, _, p in session_pdf_items(built, session)}
        with pikepdf.open(built.dist / f"{session.id}.pdf") as pdf:
            for page, link in links(pdf):
                assert link.get("uri", "").split("#")[0] not in items, (session.id, page, link)
        for number, item in enumerate(session.items, start=1):
            path = built.dist / item_pdf_name(session, number, item)
            text = " ".join(plain_pages(path))
            with pikepdf.open(path) as pdf:
                for page, link in links(pdf):
                    other = items.get(link.get("uri", "").split("#")[0])
                    if other is not None and other != number:
                        assert f"(zie {word} {other})" in text, (path.name, link)
                        seen += 1
    assert seen > 10


def test_every_printed_external_link_shows_its_address(built: Project) -> None:
    """Paper has no links: a link to another site prints its address beside its text."""
    site_url = address.site_url()
    for path in all_pdfs(built):
        # pdftotext joins "…Kernboodschappen-" and "G40.pdf" on the next line without the hyphen.
        texts = [t.replace(" ", "").replace("-", "") for t in plain_pages(path)]
        with pikepdf.open(path) as pdf:
            for page, link in links(pdf):
                uri = link.get("uri", "").removeprefix("mailto:").replace("-", "")
                if uri and not uri.startswith(site_url):
                    assert uri in texts[page - 1] or uri.rstrip("/") in texts[page - 1], (path.name, page, uri)


DRAWING = {"Tj", "TJ", "'", '"', "re", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "INLINE IMAGE"}


def _structure(pdf: pikepdf.Pdf):
    pending = [pdf.Root.StructTreeRoot.K]
    while pending:
        node = pending.pop()
        if isinstance(node, pikepdf.Array):
            pending.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                pending.append(node.K)


def test_pdf_ua_what_the_claim_rests_on(built: Project) -> None:
    """The points of PDF/UA the XMP claim rests on, checked in every PDF (no veraPDF here):
    everything drawn is either tagged content or an artifact (the running header and
    footer are artifacts), every list item has a body, every figure has alternative text,
    and the header and footer text is in the artifacts, not in the tags."""
    for path in all_pdfs(built):
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                stack: list[str] = []
                for operands, operator in pikepdf.parse_content_stream(page):
                    op = str(operator)
                    if op in ("BDC", "BMC"):
                        stack.append(str(operands[0]))
                    elif op == "EMC":
                        stack.pop()
                    elif op in DRAWING:
                        assert stack, f"{path.name} p{number}: {op} drawn outside tags and artifacts"
                assert not stack, f"{path.name} p{number}: a marked-content sequence is not closed"
            elements = list(_structure(pdf))
            for item in (e for e in elements if e.S == pikepdf.Name.LI):
                kids = item.K if isinstance(item.K, pikepdf.Array) else [item.K]
                assert [str(k.S) for k in kids if k.get("/S") != pikepdf.Name.Lbl] == ["/LBody"], path.name
                body = next(k for k in kids if k.get("/S") == pikepdf.Name.LBody)
                assert body.P.objgen == item.objgen
            for figure in (e for e in elements if e.S == pikepdf.Name.Figure):
                assert str(figure.get("/Alt", "")).strip(), f"{path.name}: a figure without alternative text"
    footer = subprocess.run(["pdftotext", "-layout", str(built.dist / "raadsessie-2012-12-13.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert "pagina 1 van" in footer  # still printed: an artifact is drawn, only not read out
