"""Shared fixtures: project folders built in tmp_path, a site built once per session."""

from __future__ import annotations

import fcntl
import itertools
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml

from generator import address
from generator.build import OUT, Project, generate, mkdocs_build

# Tests build as a local build does, with the placeholder address, whatever the shell that
# runs them has set; tests of a publishing build set the address themselves.
os.environ.pop(address.VARIABLE, None)

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


BUILDS = ("bundles_built", "built_site", "two_periods_built", "fixture_bundles_built")
"""The session's builds (see `once_per_run`), the longest first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if INTEGRATION_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)
    rank = file_order(items)
    items.sort(key=lambda item: rank[item.path])


def file_order(items: list[pytest.Item]) -> dict[Path, int]:
    """The order the two workers take the test files in (pytest-xdist, a file at a time, in
    this order with --no-loadscope-reorder): files with integration tests first, so the run
    ends on short unit files instead of one worker finishing a long build alone; and among
    those, the files needing each of the session's builds in turn (one needing `bundles_built`,
    one needing `built_site`, …), so the two workers start by making two different builds
    side by side rather than one waiting for the other's (`once_per_run`)."""
    needs: dict[Path, set[str]] = {}
    for item in items:
        needs.setdefault(item.path, set()).update(getattr(item, "fixturenames", ()))
    slow = {item.path for item in items if item.get_closest_marker("integration")}
    groups: list[list[Path]] = [[] for _ in range(len(BUILDS) + 1)]
    for path in needs:  # in collection order
        if path in slow:
            groups[next((i for i, build in enumerate(BUILDS) if build in needs[path]), len(BUILDS))].append(path)
    turns = [path for turn in itertools.zip_longest(*groups) for path in turn if path]
    ordered = turns + [path for path in needs if path not in slow]
    return {path: rank for rank, path in enumerate(ordered)}


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


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path | None]) -> Path:
    """What `make(folder)` returns (or `folder` itself), made once per test run in a folder
    `name`, however many workers ask for it. pytest-xdist gives each worker its own session fixtures, so each worker
    would build the site again; here the first worker to ask builds it under a lock and the
    others wait and read the same folder (the pattern pytest-xdist documents for session
    fixtures). The folders are read only: a test that changes a build copies it first."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above every worker's own
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            done.write_text(str(make(folder) or folder), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once, strictly, into a temporary site/."""

    def build(folder: Path) -> None:
        project = copy_project(folder)
        generate(project)
        mkdocs_build(project, project.config, project.site)

    return Project(once_per_run(tmp_path_factory, "built-site", build)).site


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

    return Project(once_per_run(tmp_path_factory, "two-periods", lambda folder: copy_with_second_period(folder)[0]))


@pytest.fixture(scope="session")
def two_periods_built(two_periods_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-period fixture built once, strictly, into its site/."""
    project = two_periods_project

    def build(_: Path) -> Path:
        with seeds_at(project.root / "seeds"):
            generate(project)
        mkdocs_build(project, project.config, project.site)
        return project.site

    return once_per_run(tmp_path_factory, "two-periods-site", build)


@pytest.fixture(scope="session")
def two_periods_bundle(two_periods_project: Project, two_periods_built: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole-site bundle of the two-period fixture, built by MkDocs (not printed)."""
    from generator import bundle
    from generator.build import prepare

    def build(_: Path) -> Path:
        with seeds_at(two_periods_project.root / "seeds"):
            prepared = prepare(two_periods_project)
            session = next(s for s in prepared.site.sessions.sessions if s.whole_site)
            return bundle.build_bundle(two_periods_project, prepared, session).folder

    return once_per_run(tmp_path_factory, "two-periods-bundle", build)


BUNDLE_EPOCH = 1700000000
"""The SOURCE_DATE_EPOCH of the shared bundle build (14 November 2023, 22:13:20 UTC)."""


@pytest.fixture(scope="session")
def bundles_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real data built once with `make site`'s code: site/ and dist/ with every bundle
    and PDF, at a fixed SOURCE_DATE_EPOCH. Tests only read it."""
    from generator.commands import build as build_command

    def build(folder: Path) -> None:
        with source_date_epoch(BUNDLE_EPOCH):
            build_command.run(copy_project(folder))

    return Project(once_per_run(tmp_path_factory, "bundles", build))


@pytest.fixture(scope="session")
def fixture_bundles_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture built once with `make site`'s code (site/, dist/ with its one bundle and
    its PDFs) at `BUNDLE_EPOCH`, for tests of the build's mechanics. Tests only read it."""
    from generator.commands import build as build_command

    def build(folder: Path) -> None:
        with source_date_epoch(BUNDLE_EPOCH), fixture_seeds():
            build_command.run(copy_fixture_project(folder))

    return Project(once_per_run(tmp_path_factory, "fixture-bundles", build))


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


@pytest.fixture(scope="module")
def site_tabs(browser, site_url: str):
    """Tabs of the session's served site, one per viewport, kept for a test file (tests/browser.py `Tabs`)."""
    from urllib.parse import urlsplit

    from tests.browser import Tabs

    tabs = Tabs(browser, urlsplit(site_url).netloc)
    yield tabs
    tabs.close()


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
