"""What an editor sees in the terminal: `make check` with a data error prints only the
Dutch problems (no `make: ***` line) and ends with status 1; every message of the invalid
corpus is Dutch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.__main__ import cli
from tests.conftest import FIXTURE_SEEDS, REPO, SEEDS, copy_fixture_project, copy_project
from tests.test_invalid_corpus import CASES, apply


def make_project(tmp_path: Path, fixture: bool = False) -> Path:
    """A copy of the repository that shares this checkout's installed .venv; with the
    fixture's data instead of the real data when `fixture` (run it with `copy_env(FIXTURE_SEEDS)`)."""
    (copy_fixture_project if fixture else copy_project)(tmp_path)
    shutil.copytree(REPO / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(REPO / name, tmp_path / name)
    for name in (".venv", "vendor", "scripts"):
        (tmp_path / name).symlink_to(REPO / name)
    return tmp_path


def copy_env(seeds: Path = SEEDS) -> dict[str, str]:
    """The environment for a copy made by `make_project`: its generator/ is not beside
    ../shared, so it is told where the source texts are."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return {**env, "STEDENAGENDA_SEEDS": str(seeds)}


def terminal(root: Path, *args: str, seeds: Path = SEEDS) -> tuple[int, str]:
    """Run make as a terminal shows it: stdout and stderr in one stream."""
    result = subprocess.run(["make", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=copy_env(seeds), timeout=300)
    return result.returncode, result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_check_with_a_data_error_prints_only_the_dutch_problem(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    path = root / "data" / "agenda" / "2019-2022.yaml"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("      target: zorgstelsel") + 1
    path.write_text(text.replace("      target: zorgstelsel", "      target: zorgstelse", 1), encoding="utf-8")
    assert terminal(root, "check") == (1, f"data/agenda/2019-2022.yaml:{line}:15: onbekend thema 'zorgstelse' — bedoelde "
                                          "je 'zorgstelsel'?\n1 fout in 1 bestand; er is niets gebouwd.\n")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_check_passes_quietly_with_its_summary(tmp_path: Path) -> None:
    code, output = terminal(make_project(tmp_path), "check")
    assert code == 0
    assert output.startswith("OK: 8 thema's") and "make" not in output and "let op" not in output, output


ENGLISH = re.compile(r"\b(Error|error|the|and|or|is not|expected|must|should|field|required|Input|value|"
                     r"Traceback|Warning|invalid|missing|unknown|found)\b")


def _unquoted(line: str) -> str:
    """The line without the values it quotes (what the editor typed may be in any language)."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|https?://\S+", "''", line)


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_every_message_of_the_invalid_corpus_is_dutch(case_path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    project = copy_project(tmp_path)
    apply(case, project.data)
    result = CliRunner().invoke(cli, ["check", "--root", str(project.root)])
    assert result.exit_code == 1
    for line in result.output.splitlines():
        english = ENGLISH.findall(_unquoted(line))
        assert not english, f"Engels in {line!r}: {english}"


def _read_until(fd: int, done, seconds: float) -> bytes:
    import select

    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done(out):
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_on_a_chosen_port_says_one_dutch_line_and_stops_quietly(tmp_path: Path) -> None:
    """In a real terminal (a pty): `make serve PORT=…`, a page is served, Ctrl-C ends it."""
    import pty

    from tests.test_serve import fetch, free_port, wait_for

    root = make_project(tmp_path)
    port = free_port()
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes `make serve` on the terminal
        os.chdir(root)
        os.execvpe("make", ["make", "serve", f"PORT={port}"], copy_env())
    try:
        out = _read_until(fd, lambda o: b"Ctrl+C" in o, 60)
        assert wait_for(lambda: "Stedenagenda" in fetch(f"http://127.0.0.1:{port}/")), out
        time.sleep(1)
        os.write(fd, b"\x03")
        out += _read_until(fd, lambda o: False, 8)
    finally:
        _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", errors="replace").replace("\r\n", "\n")
    assert text == (f"Voorbeeld op http://127.0.0.1:{port}/ — sla een bestand op en de pagina ververst; "
                    "stoppen met Ctrl+C. Zonder de zoekindex, de raadsbundels en de pdf's: die maakt make site.\n^C"), text
    assert os.waitstatus_to_exitcode(status) != 0  # interrupted, as the shell expects


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_site_says_only_what_it_built_in_dutch(tmp_path: Path) -> None:
    """No MkDocs progress lines, no Material end-of-life banner, no make lines (on the
    fixture's data: what the terminal shows does not depend on how much data there is)."""
    code, output = terminal(make_project(tmp_path, fixture=True), "site", seeds=FIXTURE_SEEDS)
    assert code == 0, output
    from generator import address

    lines = output.splitlines()
    # Without STEDENAGENDA_SITE_URL (as in the tests) the placeholder is said first and last.
    assert lines[0] == lines[-1] == address.TERMINAL_WARNING, output
    assert lines[1] == "Site gebouwd in site/.", output
    assert lines[2:-1] and all(re.fullmatch(r"Bundel dist/[\w.-]+\.zip \(\d+ [kM]B\), [\w.-]+\.pdf en \d+ pdf's, één "
                                            r"per (agendapunt|onderdeel)\.", line) for line in lines[2:-1]), output
