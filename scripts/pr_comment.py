#!/usr/bin/env python3
"""The reviewers' comment on a pull request: what `make check` says and what `make diff`
reports, posted once and updated on every new push (found again by its marker).

    python scripts/pr_comment.py body BASE OUT   # write the comment's Markdown to OUT (and the
                                                 # whole report, uncut, beside it: wijzigingen.md)
    python scripts/pr_comment.py post OUT        # post it, or update the earlier one

`post` reads what GitHub Actions provides: GITHUB_TOKEN, GITHUB_API_URL, GITHUB_REPOSITORY
and the pull request's number from the event payload at GITHUB_EVENT_PATH. Standard
library only (urllib): it is a handful of REST calls.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARKER = "<!-- stedenagenda: wijzigingen en controle -->"
"""Identifies our comment among all comments of the pull request."""


LIMIT = 60_000
"""Characters the comment may have: GitHub refuses a comment over 65,536; the rest of the
report is in the run's artifact (`wijzigingen.md`)."""

FULL_REPORT = "wijzigingen.md"
"""The whole report's file name beside the comment, uploaded with the site (the workflow)."""


def check_section(root: Path) -> tuple[str, bool]:
    """`make check`'s result as Markdown, and whether the data is valid. Its lines name data
    values and file names: they go in a fenced block, where nothing is Markdown."""
    from click.testing import CliRunner

    from generator.__main__ import cli
    from generator.diff import MARKDOWN

    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    lines = result.output.strip().splitlines()
    if result.exit_code == 0:
        warnings = sum(1 for line in lines if ": let op: " in line)
        said = f"geen fouten, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}" if warnings \
            else "geen fouten"
        head = f"✅ `make check`: {said}."
    else:
        head = "❌ `make check` vond fouten:"
    return "\n".join(["### Controle", "", head, "", *MARKDOWN.block(lines)]) + "\n", result.exit_code == 0


def body(root: Path, base: str, run_url: str = "", limit: int = LIMIT) -> str:
    """The whole comment: marker, diff report, check, where the built site is; cut below
    `limit` characters, with where the rest is."""
    return capped(full_body(root, base, run_url), limit, run_url)


def full_body(root: Path, base: str, run_url: str = "") -> str:
    from generator.build import Project
    from generator.diff import MARKDOWN, DiffError, run_diff

    check, _ = check_section(root)
    try:
        report, _ = run_diff(Project(root), base)
    except DiffError as exc:
        report = "\n".join(["## Wat verandert er?", "", "Niet te vergelijken:", "",
                            *MARKDOWN.block(exc.format_message().splitlines())]) + "\n"
    parts = [MARKER, report.rstrip(), check.rstrip()]
    if run_url:
        parts.append(f"De gebouwde site en de bundels staan als artefact *site-en-bundels* bij "
                     f"{own_link('deze run', run_url)}: pak het zip-bestand uit en open `site/index.html`.")
    return "\n\n".join(parts) + "\n"


def own_link(label: str, url: str) -> str:
    """A link with our own words as its label, to an address of the expected form only."""
    from generator.diff import safe_address

    return f"[{label}]({url})" if safe_address(url) else label


_FENCE = re.compile(r"^(`{3,})text$")


def capped(text: str, limit: int, run_url: str = "") -> str:
    """`text` when it fits in `limit` characters; else its first lines (a fenced block cut
    in two is closed) and a line saying where the whole report is."""
    if len(text) <= limit:
        return text
    where = f"bij {own_link('deze run', run_url)}" if run_url else "bij de run"
    tail = (f"\n\n*De reactie is ingekort tot onder de {limit} tekens (GitHub neemt er hooguit 65.536). "
            f"Het hele overzicht staat in het artefact *site-en-bundels* {where}: `{FULL_REPORT}`.*\n")
    kept: list[str] = []
    size, fence = len(tail), None
    for line in text.splitlines():
        closing = len(fence) + 1 if fence else 0
        if size + len(line) + 1 + closing > limit:
            break
        kept.append(line)
        size += len(line) + 1
        opened = _FENCE.match(line)
        if fence and line == fence:
            fence = None
        elif fence is None and opened:
            fence = opened.group(1)
    if fence:
        kept.append(fence)
    return "\n".join(kept) + tail


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
        whole = full_body(ROOT, argv[1], run_url)
        out = Path(argv[2])
        out.write_text(capped(whole, LIMIT, run_url), encoding="utf-8")
        out.with_name(FULL_REPORT).write_text(whole, encoding="utf-8")
        return 0
    if len(argv) == 2 and argv[0] == "post":
        print(post(Path(argv[1]).read_text(encoding="utf-8"), dict(os.environ)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
