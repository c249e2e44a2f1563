"""Valid HTML (issue 25): the W3C Nu HTML Checker (npm `vnu-jar`, pinned in tests/npm, run
with Debian's Java) over every page of the built site finds no error of our own.

One error of the theme stays, on every page: mkdocs-material's base.html puts
`autocomplete="off"` on its two hidden checkboxes (#__drawer, #__search), which HTML allows
only on text-like inputs. They sit outside every template block, so only a copy of the whole
base template could drop them, and they keep Firefox from restoring an open menu or search
on Back. `THEME_ERRORS` names them, and only them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

VNU = REPO / "tests" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"


def theme_error(message: dict) -> bool:
    """The theme's autocomplete on its drawer and search checkboxes (see the module's text)."""
    extract = message.get("extract", "")
    return (message["message"].startswith("Attribute “autocomplete” is only allowed when the input type is")
            and ('id="__drawer"' in extract or 'id="__search"' in extract))


def validate(*paths: Path) -> list[dict]:
    """Every error the Nu checker reports for the HTML files under `paths` (without its
    guess of each page's language: every page declares lang="nl")."""
    assert VNU.is_file(), f"{VNU} ontbreekt: make test installeert het (npm ci in tests/npm)"
    result = subprocess.run([JAVA, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--no-langdetect", "--exit-zero-always",
                             *map(str, paths)], capture_output=True, text=True, timeout=540)
    assert result.returncode == 0, result.stderr[-2000:]
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]


@pytest.fixture(scope="module")
def tripwire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page with the mistake the site once had (md_in_html's `markdown` attribute left on a
    figure): the checker must report it, or a run that checked nothing would pass."""
    folder = tmp_path_factory.mktemp("tripwire")
    (folder / "index.html").write_text('<!doctype html><html lang="nl"><head><title>t</title></head><body>'
                                       '<figure markdown="0"><p>x</p></figure></body></html>', encoding="utf-8")
    return folder


def test_every_built_page_is_valid_html_but_for_the_known_theme_error(built_site: Path, tripwire: Path) -> None:
    errors = validate(built_site, tripwire)
    own = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors
           if not theme_error(m) and "tripwire" not in m["url"]]
    assert own == []
    tripped = [m["message"] for m in errors if "tripwire" in m["url"]]
    assert len(tripped) == 1 and tripped[0].startswith("Attribute “markdown” not allowed on element “figure”"), tripped
    # Every page with the theme's frame was checked: each has the theme's known error.
    framed = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
              if 'id="__drawer"' in p.read_text(encoding="utf-8")}
    checked = {m["url"].split("/site/")[-1].lstrip("./") for m in errors if theme_error(m)}
    assert len(framed) > 100 and framed == checked
