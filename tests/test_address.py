"""The public address is one setting (issue 29): STEDENAGENDA_SITE_URL, read only by
generator/address.py; everything that writes an absolute URL takes it from there; a build for
publishing refuses the placeholder in Dutch; a local build with it says so."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import address, bundle
from generator.__main__ import cli
from generator.build import Project, generate
from generator.errors import BuildError
from tests.conftest import REPO

REAL = "https://stedenagenda.g40.test/"


def test_unset_is_the_placeholder_and_a_value_is_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(address.VARIABLE, raising=False)
    assert address.site_url() == address.PLACEHOLDER and address.is_placeholder(address.site_url())
    monkeypatch.setenv(address.VARIABLE, "https://stedenagenda.g40.test/pad")
    assert address.site_url() == "https://stedenagenda.g40.test/pad/"
    assert not address.is_placeholder(address.site_url())


@pytest.mark.parametrize("value", ["http://stedenagenda.g40.test/", "stedenagenda.g40.test", "https://",
                                   "https://x.test/?a=1", "https://x.test/#top", "https://iemand@x.test/"])
def test_an_unusable_address_is_a_dutch_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(address.VARIABLE, value)
    with pytest.raises(BuildError, match="is geen bruikbaar adres — geef het https-adres"):
        address.site_url()


@pytest.mark.parametrize("value", [None, address.PLACEHOLDER, "https://stedenagenda.example.nl/sub/"])
def test_a_build_for_publishing_refuses_the_placeholder(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv(address.VARIABLE, raising=False)
    else:
        monkeypatch.setenv(address.VARIABLE, value)
    with pytest.raises(BuildError, match="een build om te publiceren heeft het echte adres nodig"):
        address.publishing_site_url()
    monkeypatch.setenv(address.VARIABLE, REAL)
    assert address.publishing_site_url() == REAL


def test_only_address_py_knows_the_placeholder_or_the_variable() -> None:
    """Declared once: no other module names the placeholder host or reads the variable, and
    mkdocs.yml has no site_url of its own (the generated configuration gets it)."""
    others = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("*.py")
              if p.name != "address.py" and re.search(r"example\.nl|STEDENAGENDA_SITE_URL|\.get\(\"site_url\"\)",
                                                      p.read_text(encoding="utf-8"))}
    assert others == set()
    assert "site_url" not in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [p for p in (REPO / "overrides").rglob("*") if p.is_file() and b"example.nl" in p.read_bytes()] == []


def test_every_absolute_url_of_a_build_comes_from_the_setting(fixture_project: Project,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """What the generator writes itself (MkDocs' configuration, for canonicals, sitemap and
    404; the open-data catalogue; security.txt) and the bundles' links all use the address."""
    monkeypatch.setenv(address.VARIABLE, REAL)
    generate(fixture_project)
    config = yaml.safe_load((fixture_project.build / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == REAL
    catalogue = (fixture_project.docs / "open-data" / "catalogus.jsonld").read_text(encoding="utf-8")
    assert REAL in catalogue and json.loads(catalogue)
    security = (fixture_project.docs / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert f"Canonical: {REAL}.well-known/security.txt" in security
    assert bundle.site_url(fixture_project) == REAL and bundle.placeholder_warning() == ""
    written = [p for p in fixture_project.build.rglob("*") if p.is_file()]
    assert [p for p in written if address.PLACEHOLDER_HOST.encode() in p.read_bytes()] == []


def test_a_local_build_with_the_placeholder_says_so_in_the_terminal(fixture_project: Project,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Said before the build starts (here it then stops on a data mistake), in Dutch."""
    monkeypatch.delenv(address.VARIABLE, raising=False)
    cities = fixture_project.data / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8") + "\nkapot: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(fixture_project.root)])
    assert result.exit_code == 1
    assert address.TERMINAL_WARNING in result.output
    assert "werken niet" in address.TERMINAL_WARNING and "make publish" in address.TERMINAL_WARNING


def test_make_publish_refuses_the_placeholder_before_building(tmp_path: Path) -> None:
    """`make publish` without the address: the Dutch refusal, status 1, no make noise, nothing built."""
    env = {k: v for k, v in os.environ.items() if k != address.VARIABLE}
    before = sorted((REPO / ".out").glob("gen-*")) if (REPO / ".out").exists() else []
    result = subprocess.run(["make", "--no-print-directory", "publish"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1
    assert "STEDENAGENDA_SITE_URL is niet gezet" in result.stderr and "make: ***" not in result.stderr + result.stdout
    assert (sorted((REPO / ".out").glob("gen-*")) if (REPO / ".out").exists() else []) == before


def test_the_publish_job_runs_the_ci_steps_and_the_check() -> None:
    """The deploy workflow's publish job: the source texts as the test job gets them, Debian's
    Chromium, `make publish` (make site + the refusal) with the address from the repository,
    the placeholder check, and one deploy of site/ (the bundles are in site/bundels/)."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    test, publish = workflow["jobs"]["test"], workflow["jobs"]["publish"]
    sources = [s for s in test["steps"] if s.get("with", {}).get("repository")]
    assert sources and all(s in publish["steps"] for s in sources)
    runs = "\n".join(s.get("run", "") for s in publish["steps"])
    order = [runs.index(x) for x in ("mv shared ../shared", "scripts/ensure-chromium", "make publish",
                                      "scripts/publish_check.py site dist --expect", "deploy --prod")]
    assert order == sorted(order)
    assert publish["env"][address.VARIABLE] == "${{ vars.SITE_URL }}" and publish["needs"] == "test"
    assert '--dir "$(readlink -f site)"' in runs
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^COMMAND_publish\s*:= build --publish$", makefile, re.M)
    assert re.search(r"^COMMAND_site\s*:= build$", makefile, re.M)
