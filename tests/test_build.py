"""Builds are atomic, incremental and reproducible."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from generator import wording
from generator.build import Project, generate, mkdocs_build
from generator.errors import BuildError, DataError, StedenagendaError
from generator.render import abbreviations_used
from generator.validate import load_site
from tests.conftest import REPO, adopt_build, copy_fixture_project, fixture_seeds
from tests.html import Page

pytestmark = pytest.mark.integration


@pytest.fixture()
def project(fixture_project: Project) -> Project:
    """These tests are about the build's mechanics, not the content: they build the small
    fixture (tests/fixture/), a few seconds a build instead of the real site's half minute."""
    return fixture_project


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(project: Project) -> None:
    generate(project)
    mkdocs_build(project, project.config, project.site)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project after one `build`, shared: tests that start from a built site
    copy it (`built`) instead of building first."""
    with fixture_seeds():
        project = copy_fixture_project(tmp_path_factory.mktemp("built-once"))
        build(project)
    return project


@pytest.fixture()
def built(built_once: Project, project: Project) -> Project:
    """A fresh copy of `built_once` (data, build/, the published generation and the site/
    and dist/ links, which are relative) in this test's own project folder."""
    shutil.rmtree(project.root)
    shutil.copytree(built_once.root, project.root, symlinks=True)
    return project


def test_two_builds_are_byte_identical(built: Project) -> None:
    """The second build runs in another folder than the first: paths leave no trace either."""
    project = built
    first = tree_digest(project.site)
    build(project)
    assert tree_digest(project.site) == first
    assert "sitemap.xml.gz" in first


def test_a_failing_mkdocs_build_keeps_the_previous_site(built: Project) -> None:
    project = built
    before = tree_digest(project.site)
    (project.content / "kapot.md").write_text("# Kapot\n\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="MkDocs kon de site niet bouwen; de vorige versie is bewaard"):
        build(project)
    assert tree_digest(project.site) == before
    assert not list(project.root.glob(".site.*")), "the half-built folder is cleaned up"


def test_invalid_data_builds_nothing(built: Project) -> None:
    project = built
    before = tree_digest(project.site)
    docs_before = tree_digest(project.docs)
    path = project.data / "cities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("province: Gelderland", "province: Gelderlnd", 1),
                    encoding="utf-8")
    with pytest.raises(DataError):
        build(project)
    assert tree_digest(project.site) == before
    assert tree_digest(project.docs) == docs_before


def test_generate_rewrites_only_pages_whose_content_changed(project: Project) -> None:
    generate(project)
    path = project.data / "cities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("province: Gelderland", "province: Utrecht", 1),
                    encoding="utf-8")
    written = generate(project)
    assert sorted(written) == ["in-beeld.md", "open-data/steden.csv", "open-data/steden.json", "steden/apeldoorn.md", "steden/index.md"]
    assert generate(project) == []


def test_hand_written_pages_are_copied_and_listed(project: Project) -> None:
    generate(project)
    copied = (project.docs / "over-deze-site.md").read_text(encoding="utf-8")
    assert copied.startswith((project.content / "over-deze-site.md").read_text(encoding="utf-8"))
    assert "- Over deze site: over-deze-site.md" in project.config.read_text(encoding="utf-8")


def test_a_page_ends_with_the_abbreviations_it_uses_and_no_others(project: Project) -> None:
    (project.content / "overleg.md").write_text("# Overleg\n\nDe VNG sprak met het UWV.\n", encoding="utf-8")
    generate(project)
    copied = (project.docs / "overleg.md").read_text(encoding="utf-8")
    # UWV is written out by the editors (no source does), so its expansion says so.
    assert copied.endswith("\n\n*[VNG]: Vereniging van Nederlandse Gemeenten\n"
                           f"*[UWV]: Uitvoeringsinstituut Werknemersverzekeringen {wording.EXPLAINED_BY_EDITORS}\n")
    generated = (project.docs / "activiteiten" / "warmtewet.md").read_text(encoding="utf-8")
    assert "*[BZK]:" not in generated and "BZK" not in generated.split("*[")[0]


def test_a_term_inside_overlapping_or_across_lines_or_escaped_still_counts_as_used() -> None:
    definitions = {"EU": "*[EU]: Europese Unie", "EU-fondsen": "*[EU-fondsen]: fondsen van de EU",
                   "IenW": "*[IenW]: Infrastructuur en Waterstaat", "G_4": "*[G_4]: vier steden",
                   "fondsenwerving": "*[fondsenwerving]: x",
                   "RES": "*[RES]: regionale energiestrategie"}
    used = abbreviations_used("Uit de EU-fondsenwerving, met G\\_4.", definitions)
    assert used == ("*[EU]: Europese Unie\n*[EU-fondsen]: fondsen van de EU\n*[G_4]: vier steden\n"
                    "*[fondsenwerving]: x\n")
    assert abbreviations_used("Niets hier.", definitions) == ""
    assert abbreviations_used("de Stadsregio\nAmsterdam", {"Stadsregio Amsterdam": "*[Stadsregio Amsterdam]: x"}) \
        == "*[Stadsregio Amsterdam]: x\n"
    assert abbreviations_used("IenW", {}) == ""


def test_a_removed_page_disappears_from_the_docs(project: Project) -> None:
    generate(project)
    (project.content / "over-deze-site.md").unlink()
    generate(project)
    assert not (project.docs / "over-deze-site.md").exists()


def test_a_broken_anchor_fails_the_strict_build(project: Project) -> None:
    (project.content / "anker.md").write_text("# Anker\n\n[talent](agenda/2019-2022/talent.md#bestaat-niet)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="bestaat-niet"):
        build(project)


EXECUTABLE = {"onerror": '<img src="x.png" onerror="alert(1)">', "javascript": '<a href="javascript:alert(1)">x</a>',
              "iframe": '<iframe src="https://example.org"></iframe>',
              "refresh": '<meta http-equiv="Refresh" content="0;url=https://evil.example/">'}
"""Executable HTML that Markdown lets through: each on a page of its own, one build for all."""


def test_a_script_in_content_is_refused_before_the_build(built: Project) -> None:
    """Issue 28: no <script> in content/; refused before MkDocs runs, the site untouched."""
    project = built
    before = tree_digest(project.site)
    (project.content / "over-deze-site.md").write_text("# Over\n\n<script>alert(1)</script>\n", encoding="utf-8")
    with pytest.raises(StedenagendaError, match="een <script> hoort niet in content/"):
        build(project)
    assert tree_digest(project.site) == before


def test_the_html_guard_stops_executable_content(built: Project) -> None:
    """The guard finds each kind of executable HTML on its page, and the build keeps the previous site."""
    project = built
    before = tree_digest(project.site)
    for name, html in EXECUTABLE.items():
        (project.content / f"gevaar-{name}.md").write_text(f"# Gevaar\n\n{html}\n", encoding="utf-8")
    with pytest.raises(StedenagendaError, match="Onveilige HTML in de gebouwde site") as refused:
        build(project)
    for name in EXECUTABLE:
        assert f"gevaar-{name}/index.html: " in str(refused.value), (name, str(refused.value))
    assert tree_digest(project.site) == before


def test_hostile_data_reaches_the_page_as_text(project: Project) -> None:
    """End to end: Markdown syntax in data is shown as typed and passes the guard."""
    path = project.data / "people.yaml"
    hostile = "Han Polman *vet* [x] {: onclick=alert(1) } # | `code` &amp; _y_ <3"
    text = path.read_text(encoding="utf-8")
    assert "name: Han Polman\n" in text
    path.write_text(text.replace("name: Han Polman\n", f'name: "{hostile}"\n'), encoding="utf-8")
    build(project)
    from tests.html import Page
    page = Page(project.site / "personen" / "index.html")
    assert hostile in page.text


def test_a_failing_bundle_keeps_the_previous_site_and_dist(project: Project, fixture_bundles_built: Project,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.commands import build as build_command

    adopt_build(project, fixture_bundles_built)
    site_before, dist_before = tree_digest(project.site), tree_digest(project.dist)
    (project.content / "nieuw.md").write_text("# Nieuw\n\nEen nieuwe pagina.\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise BuildError("bundel mislukt")

    monkeypatch.setattr(build_command, "build_bundle", broken)
    with pytest.raises(BuildError, match="bundel mislukt"):
        build_command.run(project)
    assert tree_digest(project.site) == site_before
    assert tree_digest(project.dist) == dist_before
    assert not [p for p in project.root.iterdir() if p.name.startswith((".site.new", ".dist.new"))]


def test_the_glossary_explains_its_terms_in_text_and_other_pages_by_tooltip(built_site: Path) -> None:
    """The glossary page carries no tooltips (it is the explanation; 69 of them cost a phone
    Lighthouse's performance margin), while a page that uses a term still has one."""
    glossary = Page(built_site / "begrippen" / "index.html")
    site, _ = load_site(REPO / "data")
    assert not [tag for tag, _ in glossary.tags if tag == "abbr"]
    assert all(o.term in glossary.text for o in site.organisations.organisations)
    pages_with_tooltips = [p for p in built_site.rglob("index.html")
                           if "<abbr " in p.read_text(encoding="utf-8")]
    assert len(pages_with_tooltips) > 50


def test_the_preview_is_configured_as_the_site_but_for_what_it_declares(project: Project) -> None:
    """`make serve` renders the docs tree `make site` renders, with the site's configuration;
    what differs is declared once, in `build.PREVIEW`."""
    from generator.build import PREVIEW, SITE

    generate(project)
    assert generate(project, build=PREVIEW) == [PREVIEW.config]  # the same docs tree: not one page rewritten
    site = yaml.safe_load((project.build / SITE.config).read_text(encoding="utf-8"))
    preview = yaml.safe_load((project.build / PREVIEW.config).read_text(encoding="utf-8"))
    assert preview == {**site, **PREVIEW.settings}
    assert PREVIEW.settings["strict"] is False and all(Path(hook).is_file() for hook in PREVIEW.settings["hooks"])
    assert SITE.settings == {} and SITE.leaves_out == ()
