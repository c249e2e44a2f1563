"""`diff`: what the data change since a revision does, as plain Dutch text for a terminal
(the pull-request comment takes the same report as Markdown, scripts/pr_comment.py)."""

from __future__ import annotations

import sys

import click

from generator.build import Project
from generator.diff import TEXT, run_diff


def run(project: Project, base: str, head: str | None) -> None:
    text, valid = run_diff(project, base, head, TEXT)
    click.echo(text, nl=False)
    if not valid:
        sys.exit(1)
