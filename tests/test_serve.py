"""`serve` regenerates the Markdown when a data file changes, and MkDocs serves the result."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import lxml.html
import pytest

from generator.build import Project
from generator.commands.serve import relay_mkdocs
from tests.conftest import REPO

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@contextmanager
def serving(project: Project, log: Path | None = None, crashes: bool = False) -> Iterator[str]:
    """`generator serve` on a free port; yields the base URL. Its terminal output goes to `log`.
    Stopped as a closing terminal or a process manager stops it (SIGTERM), it leaves nothing
    in its temp directory (MkDocs' server keeps its pages in one). A test that kills it
    (`crashes`) checks only that MkDocs' server ends with it: a crash promises no clean-up."""
    port = free_port()
    out = log.open("w", encoding="utf-8") if log else subprocess.DEVNULL
    temp = project.root / f"tmp-serve-{port}"
    temp.mkdir()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(project.root),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                              env={**os.environ, "TMPDIR": str(temp)})
    serving.pid = server.pid  # type: ignore[attr-defined]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)
        if log:
            out.close()
    # Jinja2's bytecode cache (`_jinja2-cache-<uid>`) stays on purpose: it is shared by every run.
    def left() -> list[str]:
        return [p.name for p in temp.iterdir() if not p.name.startswith("_jinja2-cache-")]
    assert crashes or wait_for(lambda: not left(), seconds=10), f"make serve left {left()} in its temp directory"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.fixture()
def project(fixture_project: Project) -> Project:
    """The fixture's data (tests/fixture/): what the preview does does not depend on how much
    data there is, and a small site comes up in seconds."""
    return fixture_project


def test_serve_picks_up_a_changed_yaml_file_and_its_server_ends_with_it(project: Project) -> None:
    with serving(project, crashes=True) as base:
        url = f"{base}/steden/apeldoorn/"
        assert wait_for(lambda: "Gelderland" in fetch(url)), "the preview did not come up"
        path: Path = project.data / "cities.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            'name: Apeldoorn\n    province: Gelderland', 'name: Apeldoorn\n    province: Utrecht'), encoding="utf-8")
        assert wait_for(lambda: "Utrecht" in fetch(url)), "the change did not reach the preview"
        assert "province: Utrecht" not in (project.docs / "steden" / "apeldoorn.md").read_text(encoding="utf-8")
        assert "| Provincie | Utrecht |" in (project.docs / "steden" / "apeldoorn.md").read_text(encoding="utf-8")
        # Issue 28: when the preview process died (a crash), MkDocs' server went on serving old pages.
        os.kill(serving.pid, signal.SIGKILL)  # type: ignore[attr-defined]  # as a crash ends it: no `finally`
        assert wait_for(lambda: not fetch(url), seconds=10), "MkDocs' server outlived the preview"


def test_a_changed_menu_reaches_pages_whose_text_did_not_change(project: Project) -> None:
    """The preview rebuilds only changed pages (`--dirty`), but the menu is in every page."""
    with serving(project) as base:
        url = f"{base}/agenda/2023-2026/talent/"  # the newest agenda: its themes are in the menu
        assert wait_for(lambda: "Stadsvernieuwing 3.0" in fetch(url)), "the preview did not come up"
        talent = (project.docs / "agenda" / "2023-2026" / "talent.md").read_bytes()
        path: Path = project.data / "agenda" / "2023-2026.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "title: Stadsvernieuwing 3.0", "title: Stadsvernieuwing 4.0"), encoding="utf-8")
        assert wait_for(lambda: "Stadsvernieuwing 4.0" in fetch(url)), "the new menu did not reach the page"
        assert (project.docs / "agenda" / "2023-2026" / "talent.md").read_bytes() == talent
        assert "Stadsvernieuwing 3.0" not in fetch(url)


def test_serve_idles_after_a_save_and_says_each_error_once(project: Project, tmp_path: Path) -> None:
    """Reading the data fired watchdog events that started the next regeneration: the preview
    used a whole core for ever after one save, and printed an invalid file's error ~60 times a
    second. Only changes count now, and an error is said once."""
    log = tmp_path / "serve.log"
    path: Path = project.data / "cities.yaml"
    with serving(project, log) as base:
        url = f"{base}/steden/apeldoorn/"
        assert wait_for(lambda: "Gelderland" in fetch(url)), "the preview did not come up"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('name: Apeldoorn\n    province: Gelderland',
                                     'name: Apeldoorn\n    province: Utrecht'), encoding="utf-8")
        assert wait_for(lambda: "Utrecht" in fetch(url)), "the change did not reach the preview"
        time.sleep(2)
        before = cpu_seconds(serving.pid)  # type: ignore[attr-defined]
        time.sleep(4)
        idle = cpu_seconds(serving.pid) - before  # type: ignore[attr-defined]
        assert idle < 0.5, f"the preview used {idle:.2f} s of CPU in 4 idle seconds"
        broken = text.replace("    province: Groningen", "    provincie: Groningen", 1)
        for padding in ("", "\n", "\n\n"):  # three saves of the same mistake
            path.write_text(broken + padding, encoding="utf-8")
            time.sleep(1.5)
        time.sleep(3)
        assert "Utrecht" in fetch(url), "the last good pages are no longer served"
    output = log.read_text(encoding="utf-8")
    assert output.count("onbekend veld 'provincie'") == 1, output
    assert output.count("er is niets gebouwd") == 1, output
    for english in ("INFO", "WARNING", "dirty", "Material for MkDocs", "Serving on", "Error"):
        assert english not in output, output


def test_mkdocs_chatter_is_left_out_and_each_problem_said_once() -> None:
    said: list[str] = []
    lines = [
        "INFO    -  Building documentation...\n",
        "WARNING -  A 'dirty' build is being performed, this will likely lead to inaccurate navigation\n",
        "INFO    -  [21:59:44] Serving on http://127.0.0.1:8765/\n",
        "Traceback (most recent call last):\n", '  File "x.py", line 1, in <module>\n',
        "FileNotFoundError: build/docs/a.md\n",
        "Traceback (most recent call last):\n", '  File "x.py", line 1, in <module>\n',
        "FileNotFoundError: build/docs/a.md\n",
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found\n",
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found\n",
    ]
    relay_mkdocs(iter(lines), echo=lambda message, err=False: said.append(message))
    assert said == [
        "MkDocs liep vast bij het verversen (FileNotFoundError: build/docs/a.md); sla het bestand opnieuw op.",
        "MkDocs meldt: Doc file 'a.md' contains a link 'b.md', but the target is not found",
    ]


def test_a_burst_of_saves_ends_in_the_last_version_without_tracebacks(project: Project, tmp_path: Path) -> None:
    """Twenty saves in a few seconds (an editor's autosave): no traceback, no English, and
    the preview ends on the last save."""
    log = tmp_path / "serve.log"
    path: Path = project.data / "jaarverslagen" / "2021" / "activities.yaml"
    text = path.read_text(encoding="utf-8")
    with serving(project, log) as base:
        url = f"{base}/activiteiten/warmtewet/"
        assert wait_for(lambda: "het wetsvoorstel dat" in fetch(url)), "the preview did not come up"
        for n in range(20):
            path.write_text(text.replace("het wetsvoorstel dat", f"het wetsvoorstel ({n}) dat"), encoding="utf-8")
            time.sleep(0.15)
        assert wait_for(lambda: "het wetsvoorstel (19) dat" in fetch(url)), log.read_text(encoding="utf-8")
        time.sleep(2)
    output = log.read_text(encoding="utf-8")
    assert "Traceback" not in output and "Error" not in output and "WARNING" not in output, output


def test_an_unexpected_failure_is_said_once_and_the_preview_goes_on(project: Project, monkeypatch) -> None:
    """A mistake that `check` does not catch yet (a bug) must not end the preview."""
    from generator.commands import serve

    said: list[str] = []
    regenerator = serve.Regenerator(project, echo=lambda message, err=False: said.append(message))
    real = serve.generate

    def broken(project: Project, **_) -> list[str]:
        raise ValueError("kapot")

    monkeypatch.setattr(serve, "generate", broken)
    regenerator.regenerate()
    regenerator.regenerate()
    assert said == ["de pagina's konden niet worden gemaakt (ValueError: kapot); het voorbeeld toont de laatste "
                    "goede versie"]
    monkeypatch.setattr(serve, "generate", real)
    regenerator.regenerate()
    assert said[1] == "fouten opgelost; het voorbeeld is weer bij."


PREVIEW_ONLY = re.compile(r"<script>\s*var livereload = function\(epoch, requestId\) \{.*?</script>", re.DOTALL)
"""The one script MkDocs' development server adds to every page it serves (before `</body>`),
so the browser reloads after a rebuild; it carries the build's epoch and the request's time."""


def as_built(html: str, base: str, site_url: str) -> str:
    """A preview page as the full build writes it, changing only what a preview must differ
    in: MkDocs' livereload script goes, and the absolute addresses get the site's address back
    (MkDocs' server sets `site_url` to the address it serves on; the canonical link and the
    sharing meta, og:url and og:image, print `site_url`)."""
    return PREVIEW_ONLY.sub("", html).replace(f'="{base}/', f'="{site_url}')


def named_pages(html: str) -> list[str]:
    """The texts that name other pages: the links and section labels of the main menu, the
    breadcrumbs and the footer links."""
    tree = lxml.html.fromstring(html)
    links = tree.xpath("//nav[contains(@class, 'md-nav--primary')]//a | //nav[contains(@class, 'md-nav--primary')]"
                       "//label | //nav[@class='kruimels']//li | //nav[@class='voetlinks']//a")
    return [" ".join(link.text_content().split()) for link in links]


def settled(snapshot, seconds: float = 60.0) -> dict[str, str]:
    """`snapshot()` once two calls a second apart agree: MkDocs writes the pages of one
    rebuild one after the other, so the first changed page says the rebuild started."""
    previous = snapshot()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(1)
        current = snapshot()
        if current == previous:
            return current
        previous = current
    raise AssertionError("the preview kept changing")


def preview_and_build(project: Project, save: Callable[[], None], saved: Callable[[str], bool],
                      pages: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Start a preview, `save` a change once it is up, wait until `saved(html)` holds for the
    first page and the preview stops changing; then build the site as `make site` does (but
    the bundles, which the preview leaves out). Returns, per page, the preview's HTML (made
    comparable with `as_built`) and the build's."""
    from generator import address
    from generator.commands import build as build_command

    site_url = address.site_url()
    with serving(project) as base:
        assert wait_for(lambda: "Stedenagenda G40" in fetch(f"{base}/{pages[0]}")), "the preview did not come up"
        save()
        assert wait_for(lambda: saved(fetch(f"{base}/{pages[0]}"))), f"the change did not reach /{pages[0]} in the preview"
        preview = settled(lambda: {url: as_built(fetch(f"{base}/{url}"), base, site_url) for url in pages})
    build_command.run(project, bundles=False)
    return {url: (html, (project.site / url / "index.html").read_text(encoding="utf-8"))
            for url, html in preview.items()}


REBUILT = ("activiteiten/warmtewet/", "jaarverslag/2021/overige/duurzaamheid/")
"""Pages whose Markdown a new summary of an activity changes: the preview rebuilds them. Their
breadcrumbs name index pages that are in the menu without a label (Jaarverslag 2021,
Overige themagroepen)."""
UNTOUCHED = ("colofon/", "agenda/2019-2022/talent/", "steden/apeldoorn/")
"""Pages whose Markdown that change does not touch: the preview serves the HTML of its first
build for them. The menu and the footer in every page name Colofon, Over deze site and
Toegankelijkheid."""


def test_a_page_rebuilt_by_the_preview_equals_the_full_build(project: Project) -> None:
    """After a save, `make serve` rebuilt pages with "None" for Colofon, Over deze site and
    Toegankelijkheid in the menu and the footer, and for index pages in the breadcrumbs
    (MkDocs' `--dirty` build left those pages unread, and so without a title), where `make
    site` is right: the preview's pages must equal the build's."""
    path: Path = project.data / "jaarverslagen" / "2021" / "activities.yaml"

    def save() -> None:
        path.write_text(path.read_text(encoding="utf-8").replace(
            "het wetsvoorstel dat", "het wetsvoorstel (2021) dat"), encoding="utf-8")

    pages = preview_and_build(project, save, lambda html: "het wetsvoorstel (2021) dat" in html,
                              (*REBUILT, *UNTOUCHED))
    for url, (preview, built) in pages.items():
        assert "None" not in named_pages(preview), f"{url}: {' | '.join(named_pages(preview))}"
        assert {"Colofon", "Over deze site", "Toegankelijkheid"} <= set(named_pages(preview)), url
        assert first_difference(preview, built) is None, (url, first_difference(preview, built))
    assert all("het wetsvoorstel (2021) dat" in pages[url][1] for url in REBUILT)
    assert {"Jaarverslag 2021", "Overige themagroepen"} <= set(named_pages(pages[REBUILT[0]][0]))


def test_a_new_title_of_a_hand_written_page_reaches_every_page_of_the_preview(project: Project) -> None:
    """The menu and the footer of every page name Colofon, but only colofon.md holds its title:
    a new title must reach the pages whose Markdown did not change, as in a full build."""
    path: Path = project.content / "colofon.md"

    def save() -> None:
        path.write_text(path.read_text(encoding="utf-8").replace("title: Colofon\n", "title: Colofon en contact\n"),
                        encoding="utf-8")

    pages = preview_and_build(project, save, lambda html: "Colofon en contact" in html,
                              ("agenda/2019-2022/talent/", "colofon/", "steden/apeldoorn/"))
    for url, (preview, built) in pages.items():
        assert "Colofon en contact" in named_pages(preview), (url, named_pages(preview))
        assert first_difference(preview, built) is None, (url, first_difference(preview, built))


def first_difference(one: str, other: str) -> tuple[str, str] | None:
    """The first line where two pages differ, from each (an assertion message short enough to read)."""
    for a, b in zip(one.splitlines(), other.splitlines()):
        if a != b:
            return a, b
    return None if one == other else (one[len(other):][:200], other[len(one):][:200])
