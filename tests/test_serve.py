"""`serve` regenerates the Markdown when a data file changes, and MkDocs serves the result."""

from __future__ import annotations

import pytest

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.build import Project
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
def serving(project: Project) -> Iterator[str]:
    """`generator serve` on a free port; yields the base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(project.root),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_picks_up_a_changed_yaml_file(project: Project) -> None:
    with serving(project) as base:
        url = f"{base}/steden/almere/"
        assert wait_for(lambda: "Flevoland" in fetch(url)), "the preview did not come up"
        path: Path = project.data / "cities.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            'name: "Almere"\n    province: Flevoland', 'name: "Almere"\n    province: Utrecht'), encoding="utf-8")
        assert wait_for(lambda: "Utrecht" in fetch(url)), "the change did not reach the preview"
        assert "province: Utrecht" not in (project.docs / "steden" / "almere.md").read_text(encoding="utf-8")
        assert "| Provincie | Utrecht |" in (project.docs / "steden" / "almere.md").read_text(encoding="utf-8")


def test_a_changed_menu_reaches_pages_whose_text_did_not_change(project: Project) -> None:
    """The preview rebuilds only changed pages (`--dirty`), but the menu is in every page."""
    with serving(project) as base:
        url = f"{base}/agenda/talent/"
        assert wait_for(lambda: "Stadsvernieuwing 3.0" in fetch(url)), "the preview did not come up"
        talent = (project.docs / "agenda" / "talent.md").read_bytes()
        path: Path = project.data / "agenda.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            'title: "Stadsvernieuwing 3.0"', 'title: "Stadsvernieuwing 4.0"'), encoding="utf-8")
        assert wait_for(lambda: "Stadsvernieuwing 4.0" in fetch(url)), "the new menu did not reach the page"
        assert (project.docs / "agenda" / "talent.md").read_bytes() == talent
        assert "Stadsvernieuwing 3.0" not in fetch(url)
