"""Command line: `python -m generator <command>`. Each command lives in generator/commands/."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.build import Project
from generator.errors import IOFailure

ROOT = Path(__file__).resolve().parent.parent


def _project(root: str | None) -> Project:
    return Project(Path(root).resolve() if root else ROOT)


root_option = click.option("--root", type=click.Path(file_okay=False, exists=True), default=None,
                           help="Repository root (default: this checkout).")


class _DutchGroup(click.Group):
    """Every command's I/O error (full disk, read-only folder) is a Dutch message with the
    file it happened to, not an English traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise IOFailure(exc, os.getcwd()) from None


@click.group(cls=_DutchGroup)
def cli() -> None:
    """Stedenagenda G40: from YAML to a searchable site."""


@cli.command()
@root_option
def check(root: str | None) -> None:
    """Validate the data files (fast; builds nothing)."""
    from generator.commands import check as command

    command.run(_project(root))


@cli.command()
@root_option
def generate(root: str | None) -> None:
    """Write the Markdown pages to build/docs."""
    from generator.commands import generate as command

    command.run(_project(root))


@cli.command()
@root_option
@click.option("--no-bundles", is_flag=True, help="Build only site/, not the offline bundles in dist/.")
@click.option("--publish", is_flag=True, help="A build to publish: refuse the placeholder public address (generator/address.py).")
def build(root: str | None, no_bundles: bool, publish: bool) -> None:
    """Validate, generate and build site/ and the offline bundles in dist/."""
    from generator.commands import build as command

    command.run(_project(root), bundles=not no_bundles, publishing=publish)


@cli.command()
@root_option
def schemas(root: str | None) -> None:
    """Regenerate the JSON Schemas in schemas/ from the models."""
    from generator.commands import schemas as command

    command.run(_project(root))


@cli.command()
@root_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(root: str | None, dev_addr: str) -> None:
    """Live preview that regenerates on every change."""
    from generator.commands import serve as command

    command.run(_project(root), dev_addr)


@cli.command()
@root_option
@click.option("--base", default="origin/main", show_default=True, help="Revision to compare with.")
@click.option("--head", default=None, help="Revision to compare (default: the working tree).")
def diff(root: str | None, base: str, head: str | None) -> None:
    """What the data change does: records and pages, in Dutch Markdown."""
    from generator.commands import diff as command

    command.run(_project(root), base, head)


@cli.command()
@root_option
def ids(root: str | None) -> None:
    """Every id with its title, for editors."""
    from generator.commands import ids as command

    command.run(_project(root))


if __name__ == "__main__":
    cli()
