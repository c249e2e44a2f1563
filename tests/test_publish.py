"""Publishing site/ and dist/: atomic for readers, safe to kill, clean afterwards, and
reproducible to the byte across checkouts at different paths."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import OUT, Project
from generator.commands import build as build_command
from tests.conftest import BUNDLE_EPOCH, REPO, adopt_build, copy_fixture_project, fixture_seeds

pytestmark = pytest.mark.integration


@pytest.fixture()
def project(fixture_project: Project) -> Project:
    """Publishing is mechanics, not content: every build here is of the small fixture
    (tests/fixture/), whose `make site` takes a third of the real data's."""
    return fixture_project

EPOCH = str(BUNDLE_EPOCH)


def digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix not in skip}


def published(project: Project) -> tuple[dict[str, str], dict[str, str]]:
    """site/ and dist/ by content. The PDFs are left out here: which build a PDF came from
    is told by the zip beside it, and their bytes are compared across builds by the
    checkout test below."""
    return digest(project.site), digest(project.dist, skip=(".pdf",))


def debris(project: Project) -> list[str]:
    """What a build may not leave: anything in .out/ but the lock, the link and the
    generation it names; temporary folders beside site/ and in build/."""
    out = project.root / OUT
    current = os.readlink(out / "current") if (out / "current").is_symlink() else None
    left = [f"{OUT}/{p.name}" for p in out.iterdir() if p.name not in {"lock", "current", current}] if out.exists() else []
    left += [p.name for p in project.root.iterdir() if p.name.startswith((".site", ".dist", ".legacy"))]
    left += [f"build/{p.name}" for p in project.build.glob(".bundle-*")]
    return sorted(left)


def cli_build(project: Project) -> subprocess.Popen:
    """`make site` as an editor runs it, in a process group of its own (MkDocs and
    Chromium are its children), so a kill takes all of it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(project.root)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def full_build(project: Project) -> None:
    process = cli_build(project)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode()


def switch_data(project: Project, variant: str) -> None:
    """Two versions of the data whose sites differ: Apeldoorn's province."""
    path = project.data / "cities.yaml"
    text = path.read_text(encoding="utf-8")
    province = {"a": "Gelderland", "b": "Utrecht"}[variant]
    text = re.sub(r"(id: apeldoorn\n(?: +.*\n)*? +province: )\S+", lambda m: m.group(1) + province, text, count=1)
    assert f"province: {province}" in text
    path.write_text(text, encoding="utf-8")


def test_a_reader_never_misses_a_file_while_builds_publish(project: Project, monkeypatch) -> None:
    """A web server reading site/ during builds finds every page, every time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # not setdefault: later builds in this worker must not inherit it
    build_command.run(project, bundles=False)
    misses: list[str] = []
    reads = 0
    stop = threading.Event()

    def read() -> None:
        nonlocal reads
        while not stop.is_set():
            for rel in ("index.html", "steden/index.html", "search/manifest.js"):
                try:
                    (project.site / rel).read_bytes()
                except OSError as exc:
                    misses.append(f"{rel}: {exc}")
                reads += 1

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for variant in ("b", "a", "b"):
            switch_data(project, variant)
            build_command.run(project, bundles=False)
    finally:
        stop.set()
        reader.join()
    assert reads > 100
    assert misses == []
    assert debris(project) == []


@dataclass
class Kills:
    """What `killed_then_rebuilt` saw."""

    project: Project
    builds: dict[str, tuple[dict[str, str], dict[str, str]]]
    """`published` of the two versions of the data, a (the fixture's) and b."""
    after_kill: list[tuple[float, str, str, bool]]
    """Per kill: seconds after the start, the version being built, the version published
    after it ("a", "b" or "mixture"), and whether every zip had its PDF beside it."""
    debris: list[str]
    """What was left beside the published build after the next whole build."""


@pytest.fixture(scope="module")
def killed_then_rebuilt(fixture_bundles_built: Project, tmp_path_factory: pytest.TempPathFactory) -> Kills:
    """A checkout at a longer path than the session's build, given that build as its own
    earlier `make site`: version b built whole, then six builds killed (SIGKILL, MkDocs and
    Chromium with them) at moments from 0.3 to 6 s, switching versions each time; then a
    whole build of version a, the fixture's data again."""
    root = tmp_path_factory.mktemp("een-veel-langere-map") / "nog-dieper" / "stedenagenda"
    root.parent.mkdir(parents=True)
    with fixture_seeds():
        project = copy_fixture_project(root)
        adopt_build(project, fixture_bundles_built)
        builds = {"a": published(project)}
        switch_data(project, "b")
        full_build(project)
        builds["b"] = published(project)
        current, after_kill = "b", []
        for delay in (0.3, 1.0, 2.0, 3.0, 4.5, 6.0):
            target = "a" if current == "b" else "b"
            switch_data(project, target)
            process = cli_build(project)
            time.sleep(delay)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            state = published(project)
            seen = next((version for version, build in builds.items() if build == state), "mixture")
            after_kill.append((delay, target, seen,
                               all((project.dist / f"{z.stem}.pdf").is_file() for z in project.dist.glob("*.zip"))))
            current = seen if seen != "mixture" else current
        switch_data(project, "a")
        full_build(project)
    return Kills(project, builds, after_kill, debris(project))


def test_killed_builds_leave_the_previous_or_the_new_build_and_the_next_build_cleans_up(
        killed_then_rebuilt: Kills) -> None:
    kills = killed_then_rebuilt
    a, b = kills.builds["a"], kills.builds["b"]
    assert a[0] != b[0] and a[1] != b[1], "the two versions must differ"
    assert [kill for kill in kills.after_kill if kill[2] == "mixture"] == [], "a kill left a mixture"
    assert all(kill[3] for kill in kills.after_kill), "a zip without its PDF"
    assert any(seen != target for _, target, seen, _ in kills.after_kill), "at least one kill struck before publishing"
    for now, before in zip(published(kills.project), a):
        assert now == before, sorted(k for k in set(now) | set(before) if now.get(k) != before.get(k))[:10]
    assert kills.debris == [], "the next build removes what killed builds left"


def test_a_second_build_at_once_is_refused_naming_the_first_and_the_first_completes(project: Project) -> None:
    """One lock for every writing command (issue 28): the second build does not wait behind
    the first, it says who holds the lock and stops; the first publishes as usual."""
    first = cli_build(project)
    lock = project.root / OUT / "lock"  # holds the holder's name while a build runs
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text(encoding="utf-8").strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock.read_text(encoding="utf-8").strip(), "the first build took no lock"
    second = cli_build(project)
    _, said = second.communicate(timeout=600)
    _, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stderr.decode()
    assert second.returncode != 0 and "make site kan nu niet: make site (proces" in said.decode(), said.decode()
    assert (project.site / "index.html").is_file() and list(project.dist.glob("*.zip"))
    assert debris(project) == []


def test_a_checkout_at_another_path_builds_a_byte_identical_site_zips_and_pdfs(
        fixture_bundles_built: Project, killed_then_rebuilt: Kills) -> None:
    """The session's build (in-process, at a short temporary path) and `make site`'s
    command in a process of its own, in a checkout at a longer path (after killed builds
    there): the same bytes, PDFs and zips included. Paths, process and build order leave no
    trace in the output."""
    project = killed_then_rebuilt.project
    first, second = ((digest(p.site), digest(p.dist)) for p in (fixture_bundles_built, project))
    assert first[0] == second[0], sorted(k for k in first[0] if first[0].get(k) != second[0].get(k))[:10]
    assert first[1] == second[1], sorted(k for k in first[1] if first[1].get(k) != second[1].get(k))
    kinds = {Path(name).suffix for name in first[1]}
    assert {".zip", ".pdf"} <= kinds, "the zips and the PDFs are compared too"
    with zipfile.ZipFile(project.dist / "raadsessie-2012-12-13.zip") as z:
        names = z.namelist()
        assert names == sorted(names)
        assert len({info.date_time for info in z.infolist()}) == 1


def test_a_local_build_says_on_every_bundle_cover_and_session_pdf_that_site_links_wont_work(
        fixture_bundles_built: Project) -> None:
    """The shared fixture build has the placeholder address (tests never set one): every
    bundle's cover (the zip's index.html) and every session PDF carries the warning, and the
    site's own pages do not (they are not for a council)."""
    from generator import address, wording

    warning = wording.PLACEHOLDER_ADDRESS_WARNING.format(placeholder=address.PLACEHOLDER)
    zips = sorted(fixture_bundles_built.dist.glob("*.zip"))
    assert zips
    for archive in zips:
        with zipfile.ZipFile(archive) as z:
            cover = z.read("index.html").decode()
        assert "Proefversie: links naar de site werken niet" in cover, archive.name
        assert " ".join(warning.split()[:8]) in re.sub(r"\s+", " ", cover), archive.name
        session_pdf = archive.with_suffix(".pdf")
        text = subprocess.run(["pdftotext", "-q", str(session_pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "proefversie" in text and address.PLACEHOLDER_HOST in re.sub(r"\s+", "", text), session_pdf.name
    home = (fixture_bundles_built.site / "index.html").read_text(encoding="utf-8")
    assert "Proefversie" not in home
