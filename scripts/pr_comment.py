#!/usr/bin/env python3
"""The reviewers' comment on a pull request: what `make check` says and what `make diff`
reports, posted once and updated on every new push (found again by its marker).

    python scripts/pr_comment.py body BASE OUT   # write the comment's Markdown to OUT
    python scripts/pr_comment.py post OUT        # post it, or update the earlier one

`post` reads what GitHub Actions provides: GITHUB_TOKEN, GITHUB_API_URL, GITHUB_REPOSITORY
and the pull request's number from the event payload at GITHUB_EVENT_PATH. Standard
library only (urllib): it is a handful of REST calls.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARKER = "<!-- stedenagenda: wijzigingen en controle -->"
"""Identifies our comment among all comments of the pull request."""


def check_section(root: Path) -> tuple[str, bool]:
    """`make check`'s result as Markdown, and whether the data is valid."""
    from click.testing import CliRunner

    from generator.__main__ import cli

    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    output = result.output.strip()
    if result.exit_code == 0:
        lines = output.splitlines()
        summary = "\n\n".join(line for line in lines if ": let op: " not in line)
        listed = "".join(f"- ⚠️ `{line}`\n" for line in lines if ": let op: " in line)
        return f"### Controle\n\n✅ {summary}\n" + (f"\n{listed}" if listed else ""), True
    return f"### Controle\n\n❌ `make check` vond fouten:\n\n```text\n{output}\n```\n", False


def body(root: Path, base: str, run_url: str = "") -> str:
    """The whole comment: marker, check summary, diff report, where the built site is."""
    from generator.build import Project
    from generator.diff import DiffError, run_diff

    check, _ = check_section(root)
    try:
        report, _ = run_diff(Project(root), base)
    except DiffError as exc:
        report = f"## Wat verandert er?\n\nNiet te vergelijken: {exc.format_message()}\n"
    parts = [MARKER, report.rstrip(), check.rstrip()]
    if run_url:
        parts.append(f"De gebouwde site en de bundels staan als artefact *site-en-bundels* bij "
                     f"[deze run]({run_url}): pak het zip-bestand uit en open `site/index.html`.")
    return "\n\n".join(parts) + "\n"


def _request(method: str, url: str, token: str, payload: dict | None = None):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def post(text: str, env: dict[str, str]) -> str:
    """Create the comment, or update the one an earlier run made; returns what it did."""
    api = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    repo, token = env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"]
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    number = event["pull_request"]["number"]
    page = 1
    while True:
        comments = _request("GET", f"{api}/repos/{repo}/issues/{number}/comments?per_page=100&page={page}", token)
        ours = next((c for c in comments if MARKER in (c.get("body") or "")), None)
        if ours is not None:
            _request("PATCH", f"{api}/repos/{repo}/issues/comments/{ours['id']}", token, {"body": text})
            return f"reactie {ours['id']} bijgewerkt"
        if len(comments) < 100:
            break
        page += 1
    created = _request("POST", f"{api}/repos/{repo}/issues/{number}/comments", token, {"body": text})
    return f"reactie {created['id']} geplaatst"


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "body":
        env = os.environ
        run_url = (f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/actions/runs/{env['GITHUB_RUN_ID']}"
                   if env.get("GITHUB_RUN_ID") else "")
        Path(argv[2]).write_text(body(ROOT, argv[1], run_url), encoding="utf-8")
        return 0
    if len(argv) == 2 and argv[0] == "post":
        print(post(Path(argv[1]).read_text(encoding="utf-8"), dict(os.environ)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
