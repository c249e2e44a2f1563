"""`diff`: what the data change since a revision does, as Dutch Markdown for reviewers."""

from __future__ import annotations

import sys

import click

from generator.build import Project
from generator.diff import run_diff


def run(project: Project, base: str, head: str | None) -> None:
    text, valid = run_diff(project, base, head)
    click.echo(text, nl=False)
    if not valid:
        sys.exit(1)
