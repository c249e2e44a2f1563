"""`schemas`: regenerate schemas/*.schema.json from the models."""

from __future__ import annotations

import click

from generator.build import Project, write_if_changed
from generator.schemas import schema_texts


def run(project: Project) -> None:
    folder = project.root / "schemas"
    written = [name for name, text in schema_texts().items() if write_if_changed(folder / name, text.encode())]
    click.echo(f"{len(written)} schema('s) bijgewerkt in schemas/." if written else "Schema's zijn actueel.")
