"""The council PDFs, used as a council member would: open each one, follow every link and
bookmark, read the table of contents, check what is printed and how (issue 13, 12.6)."""

from __future__ import annotations

import datetime
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
    """(number, title, docs path) of each item, from the generator's own page titles."""
    prepared = prepare(project)
    titles = {p.path: p.title for p in prepared.pages}
    return [(n, titles[path], path) for n, path in enumerate(contents(prepared, session).items, start=1)]


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
                assert str(info.Title).startswith(session.title)
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
        assert 6 <= len(pdf.pages) <= 14


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


def test_running_header_and_page_numbers(built: Project, sessions) -> None:
    for session in sessions:
        pages = page_texts(built.dist / f"{session.id}.pdf")
        for number, text in enumerate(pages, start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0].startswith(session.title[:40]), (session.id, number, lines[0])
            assert lines[-1] == f"pagina {number} van {len(pages)}", (session.id, number, lines[-1])
    first = page_texts(built.dist / "raadsessie-2012-12-13.pdf")[0]
    assert "13 december 2012" in first.splitlines()[0]


def test_paragraphs_are_numbered_per_item_and_the_same_in_the_item_pdf(built: Project, sessions) -> None:
    session = next(s for s in sessions if s.id == "raadsessie-2012-12-13")
    whole = "\n".join(page_texts(built.dist / f"{session.id}.pdf"))
    for number, item in enumerate(session.items, start=1):
        alone = "\n".join(page_texts(built.dist / f"{session.id}-{number:02d}-{item_slug(item)}.pdf"))
        found = [int(m) for m in re.findall(rf"^\s*{number}\.(\d+)\s", alone, re.M)]
        assert found[:3] == [1, 2, 3] and found == sorted(found), (number, found)
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
            with pikepdf.open(built.dist / name) as pdf:
                assert f"agendapunt {number}" in str(pdf.docinfo.Title)


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
            assert Download("", name, len(body)).description in text, name
            served.append(name)
    assert sorted(served) == sorted(p.name for p in built.dist.iterdir())


def test_download_sizes_read_as_dutch_readers_expect() -> None:
    from generator.pages.sessions import Download

    assert Download("", "a.pdf", 420_400).description == "PDF, 420 kB"
    assert Download("", "a.zip", 1_130_000).description == "zip, 1,1 MB"
    assert Download("", "a.pdf", 300).description == "PDF, 1 kB"


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