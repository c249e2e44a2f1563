"""Shared fixtures: project folders built in tmp_path, a site built once per session."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml

from generator.build import OUT, Project, generate, mkdocs_build

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURE = Path(__file__).resolve().parent / "fixture"
"""The small test data set (tests/fixture/README.md): `data/` laid out as the site's, and
`seeds/` with its own source texts. Tests of mechanics run on it; an editorial change to
the real data/ changes none of their results."""
FIXTURE_DATA = FIXTURE / "data"
FIXTURE_SEEDS = FIXTURE / "seeds"


INTEGRATION_FIXTURES = {"built_site", "browser", "bundles_built", "two_periods_built", "two_periods_bundle",
                        "fixture_bundles_built", "firefox"}
"""Fixtures that run MkDocs or Chromium: a test that uses one is an integration test."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if INTEGRATION_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)
    # Files with integration tests first: the two workers (pytest-xdist, a file at a time, in
    # this order with --no-loadscope-reorder) start on the long files and end on short unit
    # files, instead of one worker finishing a long build alone while the other idles.
    slow = {item.path for item in items if item.get_closest_marker("integration")}
    items.sort(key=lambda item: item.path not in slow)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/ from the current output instead of comparing.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The source texts; missing sources fail under CI and skip only on a developer's machine."""
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEEDS} is missing: CI must check out ../shared beside the repository")
        pytest.skip(f"{SEEDS} is missing")
    return SEEDS


def copy_project(target: Path) -> Project:
    """A copy of the repository's inputs (data, content, overrides, mkdocs.yml) in `target`."""
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return Project(target)


def copy_fixture_project(target: Path) -> Project:
    """A project in `target` with the fixture's data and the repository's content,
    overrides and mkdocs.yml; its passages resolve in `FIXTURE_SEEDS` (see `fixture_seeds`)."""
    shutil.copytree(FIXTURE_DATA, target / "data")
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return Project(target)


@contextmanager
def fixture_seeds() -> Iterator[None]:
    """Resolve passages in the fixture's own source texts, in this process and in the
    processes it starts (`python -m generator build` reads STEDENAGENDA_SEEDS)."""
    before = os.environ.get("STEDENAGENDA_SEEDS")
    os.environ["STEDENAGENDA_SEEDS"] = str(FIXTURE_SEEDS)
    try:
        with seeds_at(FIXTURE_SEEDS):
            yield
    finally:
        if before is None:
            del os.environ["STEDENAGENDA_SEEDS"]
        else:
            os.environ["STEDENAGENDA_SEEDS"] = before


@pytest.fixture()
def fixture_project(tmp_path: Path) -> Iterator[Project]:
    """A fresh copy of the fixture project, free to break, with its sources in force."""
    with fixture_seeds():
        yield copy_fixture_project(tmp_path)


@pytest.fixture(scope="session")
def fixture_site():
    """The fixture's data, validated once (read only)."""
    from generator.validate import load_site

    with fixture_seeds():
        site, problems = load_site(FIXTURE_DATA)
    assert not problems, problems
    return site


def render_fixture() -> dict[str, str]:
    """The Markdown of every generated page of the fixture, by path (no git dates, no edit links)."""
    from generator.pages import pages
    from generator.render import render_pages
    from generator.terms import abbreviations
    from generator.validate import load_site

    with fixture_seeds():
        site, problems = load_site(FIXTURE_DATA)
        assert not problems, problems
        return render_pages(pages(site), abbreviations(site.organisations))


@pytest.fixture(scope="session")
def fixture_rendered() -> dict[str, str]:
    """`render_fixture()`, once per session (read only)."""
    return render_fixture()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once, strictly, into a temporary site/."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    generate(project)
    mkdocs_build(project, project.config, project.site)
    return project.site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The session's built site, served on 127.0.0.1 at a free port."""
    from tests.browser import serve

    with serve(built_site) as url:
        yield url


@contextmanager
def seeds_at(folder: Path) -> Iterator[None]:
    """Resolve passages in `folder` (the fixture with fictional periods has its own sources)."""
    from generator import passages

    before = passages.SEEDS
    passages.SEEDS = folder
    try:
        yield
    finally:
        passages.SEEDS = before


@pytest.fixture(scope="session")
def two_periods_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real data plus a fictional agenda and two fictional reports (tests/periods.py)."""
    from tests.periods import copy_with_second_period

    root, _ = copy_with_second_period(tmp_path_factory.mktemp("two-periods"))
    return Project(root)


@pytest.fixture(scope="session")
def two_periods_built(two_periods_project: Project) -> Path:
    """The two-period fixture built once, strictly, into its site/."""
    project = two_periods_project
    with seeds_at(project.root / "seeds"):
        generate(project)
    mkdocs_build(project, project.config, project.site)
    return project.site


@pytest.fixture(scope="session")
def two_periods_bundle(two_periods_project: Project, two_periods_built: Path) -> Path:
    """The whole-site bundle of the two-period fixture, built by MkDocs (not printed)."""
    from generator import bundle
    from generator.build import prepare

    with seeds_at(two_periods_project.root / "seeds"):
        prepared = prepare(two_periods_project)
        session = next(s for s in prepared.site.sessions.sessions if s.whole_site)
        return bundle.build_bundle(two_periods_project, prepared, session).folder


BUNDLE_EPOCH = 1700000000
"""The SOURCE_DATE_EPOCH of the shared bundle build (14 November 2023, 22:13:20 UTC)."""


@pytest.fixture(scope="session")
def bundles_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real data built once with `make site`'s code: site/ and dist/ with every bundle
    and PDF, at a fixed SOURCE_DATE_EPOCH. Tests only read it."""
    from generator.commands import build as build_command

    project = copy_project(tmp_path_factory.mktemp("bundles"))
    with source_date_epoch(BUNDLE_EPOCH):
        build_command.run(project)
    return project


@pytest.fixture(scope="session")
def fixture_bundles_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture built once with `make site`'s code (site/, dist/ with its one bundle and
    its PDFs) at `BUNDLE_EPOCH`, for tests of the build's mechanics. Tests only read it."""
    from generator.commands import build as build_command

    project = copy_fixture_project(tmp_path_factory.mktemp("fixture-bundles"))
    with source_date_epoch(BUNDLE_EPOCH), fixture_seeds():
        build_command.run(project)
    return project


def adopt_build(project: Project, built: Project) -> None:
    """Give `project` (the same data) the session's published build, as its own earlier
    `make site` would have left it: the generation folder and the site/ and dist/ links."""
    shutil.copytree(built.root / OUT, project.root / OUT, symlinks=True)
    for link in ("site", "dist"):
        (project.root / link).symlink_to(os.readlink(built.root / link))


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (its own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, FLAGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def firefox():
    """Debian's headless Firefox ESR, driven over WebDriver BiDi (tests/bidi.py)."""
    from tests.bidi import firefox as start

    with start() as browser:
        yield browser


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    """A fresh copy of the repository's inputs, free to break."""
    return copy_project(tmp_path)


def real_data(name: str) -> dict[str, Any]:
    return yaml.safe_load((REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture()
def write_data(project: Project) -> Callable[[str, Any], Path]:
    """Replace one data file of the project by YAML made from a dict (or raw text)."""

    def write(name: str, content: Any) -> Path:
        path = project.data / f"{name}.yaml"
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
