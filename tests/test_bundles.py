"""Offline council bundles: open from file:// with no network, search in Dutch, print."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.build import Project
from generator.commands import build as build_command
from tests.browser import Offline, search
from tests.conftest import copy_project
from tests.html import Page as HtmlPage

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("bundles"))
    build_command.run(project)
    return project


@pytest.fixture(scope="module")
def unzipped(built: Project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    result = {}
    for archive in sorted(built.dist.glob("*.zip")):
        target = tmp_path_factory.mktemp(archive.stem)
        with zipfile.ZipFile(archive) as z:
            z.extractall(target)
        result[archive.stem] = target
    return result


def test_each_session_has_a_zip_and_the_2012_one_says_so(built: Project) -> None:
    names = sorted(p.name for p in built.dist.iterdir())
    assert names == ["raadsessie-2012-12-13.pdf", "raadsessie-2012-12-13.zip",
                     "volledige-agenda.pdf", "volledige-agenda.zip"]


def test_cover_page_is_the_top_level_index(unzipped: dict[str, Path]) -> None:
    cover = HtmlPage(unzipped["raadsessie-2012-12-13"] / "index.html")
    assert cover.h1 == ["Raadsessie over de bestuurlijke toekomst van de Stadsregio Amsterdam"]
    text = cover.text
    assert "Eerst uitpakken" in text and "Alles uitpakken" in text
    article = text[text.find("Eerst uitpakken"):]  # skip the navigation and table of contents
    order = [article.find(t) for t in ("Brief", "In deze bundel", "Aanbiedingsbrief voor de raadsessie",
                                       "Toekomstbeeld Regionale Samenwerking", "De rest van de site")]
    assert all(i >= 0 for i in order) and order == sorted(order)


def test_links_are_relative_files_only(unzipped: dict[str, Path]) -> None:
    for folder in unzipped.values():
        for path in folder.rglob("*.html"):
            for tag, attrs in HtmlPage(path).tags:
                href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag == "script" else None
                if not href or href.startswith(("#", "http:", "https:", "mailto:")) and tag == "a":
                    continue
                assert not href.startswith(("/", "http:", "https:", "//")), f"{path}: {href}"
                assert not href.split("#")[0].endswith("/"), f"{path}: directory URL {href}"


def test_bundle_holds_only_what_readers_need(unzipped: dict[str, Path], built: Project) -> None:
    for folder in unzipped.values():
        names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert not [n for n in names if n.endswith(".map")]
        assert not [n for n in names if "lunr" in n or "/workers/" in n or "iframe-worker" in n]
        assert "sitemap.xml" not in names
        assert {"search/zoek.js", "search/manifest.js", "search/woorden.js"} <= names


def test_public_site_loads_no_shim_and_keeps_directory_urls(built: Project) -> None:
    home = (built.site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in home and "unpkg" not in home
    assert 'href="agenda/"' in home


@pytest.mark.parametrize("session", ["raadsessie-2012-12-13", "volledige-agenda"])
def test_offline_search_and_links_work_from_file(browser, unzipped: dict[str, Path], session: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    offline = Offline(page)
    page.goto((unzipped[session] / "index.html").as_uri())
    for query, expected in [("energietransitie", "agenda/energietransitie.html"),
                            ("Apeldoorn", "steden/apeldoorn.html"),
                            ("ondermijning", "agenda/veilige-stad.html")]:
        hrefs = search(page, query)
        assert any(h.endswith(expected) for h in hrefs[:3]), (query, hrefs[:5])
        page.keyboard.press("Escape")
    page.locator("article a[href$='.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.locator("h1").count() == 1
    context.close()
    assert offline.blocked == []
    assert offline.errors == []


def test_zips_are_byte_identical_across_builds(built: Project, tmp_path: Path) -> None:
    first = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in built.dist.glob("*.zip")}
    build_command.run(built)
    second = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in built.dist.glob("*.zip")}
    assert first == second and len(first) == 2
    with zipfile.ZipFile(built.dist / "volledige-agenda.zip") as z:
        names = z.namelist()
        assert names == sorted(names)
        assert len({info.date_time for info in z.infolist()}) == 1


def _dark_fraction(pgm: Path) -> float:
    data = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert header
    pixels = data[header.end():]
    return sum(1 for b in pixels if b < 160) / len(pixels)


@pytest.mark.parametrize("session", ["raadsessie-2012-12-13", "volledige-agenda"])
def test_pdf_first_pages_are_not_blank(built: Project, tmp_path: Path, session: str) -> None:
    pdf = built.dist / f"{session}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info or "595.92 x 842.88" in info or "594.96 x 841.92" in info, info
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) == 2
    for page in pages:
        assert _dark_fraction(page) > 0.005, f"{page.name} looks blank"
    text = subprocess.run(["pdftotext", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("Volledige agenda" if session == "volledige-agenda" else "13 december 2012") >= 2
