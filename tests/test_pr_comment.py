"""The pull-request comment: its body from a fake pull request, posted once and then
updated (never repeated) against a fake GitHub API; the workflow's own steps are run."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml

from generator.build import Project
from tests.conftest import FIXTURE_SEEDS, REPO
from tests.test_diff import commit, edit, git, repo, target_line  # noqa: F401 (repo is a fixture)

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
_spec = importlib.util.spec_from_file_location("pr_comment", REPO / "scripts" / "pr_comment.py")
pr_comment = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pr_comment)


class FakeGitHub:
    """Just enough of GitHub's REST API for issue comments, recording every request."""

    def __init__(self) -> None:
        self.comments: list[dict] = [{"id": 1, "body": "Mooi werk!"}]
        self.requests: list[tuple[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _reply(self, value) -> None:
                body = json.dumps(value).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _payload(self) -> dict:
                assert self.headers["Authorization"] == "Bearer geheim"
                return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

            def do_GET(self) -> None:
                fake.requests.append(("GET", self.path))
                self._reply(fake.comments)

            def do_POST(self) -> None:
                fake.requests.append(("POST", self.path))
                comment = {"id": 100 + len(fake.comments), "body": self._payload()["body"]}
                fake.comments.append(comment)
                self._reply(comment)

            def do_PATCH(self) -> None:
                fake.requests.append(("PATCH", self.path))
                number = int(self.path.rsplit("/", 1)[1])
                comment = next(c for c in fake.comments if c["id"] == number)
                comment["body"] = self._payload()["body"]
                self._reply(comment)

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture()
def github(monkeypatch: pytest.MonkeyPatch):
    for name in ("no_proxy", "NO_PROXY"):  # the fake API is local: never through a proxy
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    fake = FakeGitHub()
    yield fake
    fake.server.shutdown()


def fake_env(tmp_path: Path, api: str) -> dict[str, str]:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "base": {"ref": "main"}}}), encoding="utf-8")
    return {"GITHUB_API_URL": api, "GITHUB_REPOSITORY": "g40/stedenagenda", "GITHUB_TOKEN": "geheim",
            "GITHUB_EVENT_PATH": str(event), "GITHUB_BASE_REF": "main", "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_RUN_ID": "42"}


def test_body_has_the_marker_the_diff_and_the_check(repo: Project) -> None:  # noqa: F811
    edit(repo, "cities", "name: Apeldoorn\n    province: Gelderland", "name: Apeldoorn\n    province: Utrecht")
    text = pr_comment.body(repo.root, "HEAD", "https://github.com/g40/stedenagenda/actions/runs/42")
    assert text.startswith(pr_comment.MARKER + "\n\n## Wat verandert er?")
    assert "- stad `apeldoorn`: `Apeldoorn`\n  - Provincie: `Gelderland` → `Utrecht`" in text
    assert "### Controle\n\n✅ `make check`: geen fouten.\n\n```text\nOK: 2 agenda's, 12 thema's" in text
    assert "[deze run](https://github.com/g40/stedenagenda/actions/runs/42)" in text


def test_body_lists_check_warnings(repo: Project) -> None:  # noqa: F811
    edit(repo, "organisations", "organisations:\n", 'organisations:\n  - id: xyzq\n    term: "XYZQ"\n')
    text = pr_comment.body(repo.root, "HEAD")
    assert "✅ `make check`: geen fouten, 1 waarschuwing.\n\n```text\nOK: 2 agenda's, 12 thema's" in text
    assert "\ndata/organisations.yaml:5:11: let op: de term 'XYZQ' staat op geen enkele pagina" in text


def test_body_shows_check_errors(repo: Project) -> None:  # noqa: F811
    line = target_line(repo)
    edit(repo, "agenda/2019-2022", "      target: zorgstelsel", "      target: zorgstelse")
    text = pr_comment.body(repo.root, "HEAD")
    assert f"❌ `make check` vond fouten:\n\n```text\ndata/agenda/2019-2022.yaml:{line}:15: onbekend thema 'zorgstelse'" in text


def test_comment_is_posted_once_then_updated(github: FakeGitHub, tmp_path: Path) -> None:
    env = fake_env(tmp_path, github.url)
    assert pr_comment.post(f"{pr_comment.MARKER}\neerste", env) == "reactie 101 geplaatst"
    assert pr_comment.post(f"{pr_comment.MARKER}\ntweede", env) == "reactie 101 bijgewerkt"
    assert [c["body"] for c in github.comments] == ["Mooi werk!", f"{pr_comment.MARKER}\ntweede"]
    assert [r[0] for r in github.requests] == ["GET", "POST", "GET", "PATCH"]
    assert github.requests[1][1] == "/repos/g40/stedenagenda/issues/7/comments"
    assert github.requests[3][1] == "/repos/g40/stedenagenda/issues/comments/101"


def _steps() -> dict[str, dict]:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return {step.get("name", ""): step for step in jobs["review"]["steps"]}


def test_workflow_review_job_comments_builds_and_uploads() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    review = workflow["jobs"]["review"]
    assert review["if"] == "github.event_name == 'pull_request'"
    assert review["permissions"]["pull-requests"] == "write"
    steps = _steps()
    assert "make site" in steps["Site en bundels bouwen"]["run"]
    upload = next(s for s in review["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].split() == ["site/", "dist/", f"build/{pr_comment.FULL_REPORT}"]
    checkout = review["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0


def test_workflow_comment_steps_run_against_a_fake_pull_request(repo: Project, github: FakeGitHub,  # noqa: F811
                                                               tmp_path: Path) -> None:
    """The workflow's own `run:` lines, in a checkout of a pull request, twice (two pushes)."""
    root = repo.root
    shutil.copytree(REPO / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "scripts", root / "scripts")
    shutil.copytree(REPO / "vendor", root / "vendor")
    (root / ".venv").symlink_to(REPO / ".venv")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    env = {**os.environ, **fake_env(tmp_path, github.url), "STEDENAGENDA_SEEDS": str(FIXTURE_SEEDS)}
    for push, province in enumerate(("Utrecht", "Drenthe")):
        edit(repo, "cities", "    province: Gelderland" if push == 0 else "    province: Utrecht",
             f"    province: {province}")
        commit(repo, f"push {push}")
        for name in ("Reactie opstellen", "Reactie plaatsen"):
            result = subprocess.run(["bash", "-e", "-c", _steps()[name]["run"]], cwd=root, env=env,
                                    capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stderr
    ours = [c for c in github.comments if pr_comment.MARKER in c["body"]]
    assert len(ours) == 1, "the comment was repeated instead of updated"
    assert "`Gelderland` → `Drenthe`" in ours[0]["body"]
    assert "✅ `make check`: geen fouten." in ours[0]["body"]
    assert "[deze run](https://github.com/g40/stedenagenda/actions/runs/42)" in ours[0]["body"]

