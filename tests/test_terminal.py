"""What an editor sees in the terminal: `make check` with a data error prints only the
Dutch problems (no `make: ***` line) and ends with status 1; every message of the invalid
corpus is Dutch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.__main__ import cli
from tests.conftest import REPO, copy_project
from tests.test_invalid_corpus import CASES, apply


def make_project(tmp_path: Path) -> Path:
    """A copy of the repository that shares this checkout's installed .venv."""
    copy_project(tmp_path)
    shutil.copytree(REPO / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(REPO / name, tmp_path / name)
    (tmp_path / ".venv").symlink_to(REPO / ".venv")
    return tmp_path


def terminal(root: Path, *args: str) -> tuple[int, str]:
    """Run make as a terminal shows it: stdout and stderr in one stream."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    result = subprocess.run(["make", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=env, timeout=120)
    return result.returncode, result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_check_with_a_data_error_prints_only_the_dutch_problem(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    path = root / "data" / "agenda.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      target: zorgstelsel", "      target: zorgstelse", 1),
                    encoding="utf-8")
    assert terminal(root, "check") == (1, "data/agenda.yaml:50:15: onbekend thema 'zorgstelse' — bedoelde je "
                                          "'zorgstelsel'?\n1 fout in 1 bestand; er is niets gebouwd.\n")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_check_passes_quietly_with_its_summary(tmp_path: Path) -> None:
    code, output = terminal(make_project(tmp_path), "check")
    assert code == 0
    assert output.startswith("OK: 8 thema's") and output.count("\n") == 1, output


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
