"""Golden files: the generated Markdown of the fixture's pages (tests/fixture/), one case
per file, at least one per page kind. They run on the fixture only, so an editorial change
to data/ changes no golden file (`test_golden_files_read_nothing_of_the_real_data`).

Regenerate deliberately with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator import kinds
from tests.conftest import REPO, SEEDS, render_fixture

GOLDEN = Path(__file__).parent / "golden"

CASES = [
    "index.md",
    "agenda/2019-2022/index.md",
    "agenda/2019-2022/talent.md",
    "agenda/2019-2022/zorgstelsel.md",
    "agenda/2019-2022/randvoorwaarden.md",
    "agenda/2019-2022/werkwijze.md",
    "agenda/2023-2026/index.md",
    "agenda/2023-2026/fictief-klimaat.md",
    "agenda/wat-is-veranderd.md",
    "kernboodschappen.md",
    "jaarverslag/2021/index.md",
    "jaarverslag/2021/sociaal/index.md",
    "jaarverslag/2021/sociaal/armoede-schulden.md",
    "jaarverslag/2021/tijdlijn.md",
    "activiteiten/city-deal-impact-ondernemen.md",
    "activiteiten/uitvoeringsagenda-mkb.md",
    "steden/index.md",
    "steden/apeldoorn.md",
    "steden/s-hertogenbosch.md",
    "personen.md",
    "archief/index.md",
    "archief/g32-discussienotitie.md",
    "archief/aanbiedingsbrief-raadsessie.md",
    "bronnen/index.md",
    "bronnen/jaarverslag-2021.md",
    "over-de-g40.md",
    "begrippen.md",
    "in-beeld.md",
    "open-data.md",
    "raadsbundels.md",
    "wat-is-er-nieuw.md",
]
"""The pages with a golden file: the one place to add a case (a page kind without one
fails `test_every_page_kind_has_a_golden_file`)."""
COVER = "bundle:index.md"
"""The fixture session's cover, the one page kind not published on the site."""


@pytest.fixture(scope="module")
def rendered(fixture_rendered: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The fixture's pages, and its session's cover as `bundle:index.md`."""
    from generator.build import prepare
    from generator.bundle import bundle_pages
    from generator.render import render_pages
    from tests.conftest import copy_fixture_project, fixture_seeds

    with fixture_seeds():
        prepared = prepare(copy_fixture_project(tmp_path_factory.mktemp("golden-cover")))
        session = prepared.site.sessions.sessions[0]
        cover = [p for p in bundle_pages(prepared, session) if kinds.of(p.template).name == "cover"]
        texts = render_pages(cover, prepared.abbreviations)
    return {**fixture_rendered, COVER: texts[cover[0].path]}


@pytest.mark.parametrize("page", [*CASES, COVER])
def test_generated_markdown_matches_golden_file(rendered: dict[str, str], page: str, update_golden: bool) -> None:
    golden = GOLDEN / page.replace(":", "__").replace("/", "__")
    if update_golden:
        golden.write_text(rendered[page], encoding="utf-8")
    assert golden.exists(), f"no golden file for {page}: run pytest --update-golden"
    assert rendered[page] == golden.read_text(encoding="utf-8")


def test_every_golden_file_is_a_case() -> None:
    """A golden file left behind by a removed case would be compared with nothing."""
    names = {page.replace(":", "__").replace("/", "__") for page in [*CASES, COVER]}
    assert sorted(p.name for p in GOLDEN.glob("*.md") if p.name not in names) == []


def test_every_page_kind_has_a_golden_file(fixture_site) -> None:
    """Each page kind with a template (generator/kinds.py) has at least one golden case on
    the fixture: its pages, or the session's cover for the cover."""
    from generator.pages import pages
    from tests.conftest import fixture_seeds

    with fixture_seeds():
        generated = pages(fixture_site)
    covered = {kinds.of(page.template).name for page in generated if page.path in CASES} | {"cover"}
    assert sorted(k.name for k in kinds.KINDS if k.template and k.name not in covered) == []
    assert set(CASES) <= {page.path for page in generated}, "a case names a page the fixture does not have"


def test_golden_files_read_nothing_of_the_real_data() -> None:
    """An editorial change to data/ (or to the source texts) changes no golden file: the
    golden rendering opens no file under data/ or ../shared/seeds."""
    opened: list[str] = []
    watching = True

    def hook(event: str, args: tuple) -> None:
        if watching and event == "open" and isinstance(args[0], (str, Path)):
            opened.append(str(Path(args[0]).resolve()))

    sys.addaudithook(hook)  # hooks cannot be removed: this one stops listening below
    try:
        render_fixture()
    finally:
        watching = False
    real = [REPO / "data", SEEDS.resolve()]
    assert opened, "the hook saw no file opened: it watches nothing"
    assert any("tests/fixture/data" in path for path in opened)
    assert [p for p in opened if any(p.startswith(f"{r}/") for r in real)] == []


def test_the_fixture_renders_every_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every template under generator/templates/ (partials included) is rendered for the
    fixture's pages or its session's cover, so the goldens and the fixture builds see all
    of them. The print document is the one exception: it is made from the built HTML of a
    bundle, and tests/test_bundle_pdfs.py prints it."""
    import jinja2

    from generator.build import prepare
    from generator.bundle import bundle_pages
    from generator.render import TEMPLATES, render_pages
    from tests.conftest import copy_fixture_project, fixture_seeds

    used: set[str] = set()
    original = jinja2.FileSystemLoader.get_source

    def recording(self, environment, name):
        used.add(name)
        return original(self, environment, name)

    monkeypatch.setattr(jinja2.FileSystemLoader, "get_source", recording)
    with fixture_seeds():
        prepared = prepare(copy_fixture_project(tmp_path))
        render_pages(bundle_pages(prepared, prepared.site.sessions.sessions[0]), prepared.abbreviations)
    every = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2")}
    assert used, "no template was loaded through the recording loader"
    assert sorted(every - used - {"print.html.j2"}) == []
