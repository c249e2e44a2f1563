"""MkDocs hooks of the preview (`make serve`), named in its configuration (`build.PREVIEW`).

The preview builds with `--dirty`: MkDocs reads and renders only the pages whose Markdown is
newer than their HTML. The pages it skips have no title, so every page it renders printed
"None" wherever it names one of them: Colofon, Over deze site and Toegankelijkheid in the
menu and the footer (their menu entries carry no label, their front matter has the title),
an index page in the breadcrumbs. Reading the skipped pages' Markdown (not rendering it:
that is what takes the time) gives them the titles a full build gives them.

MkDocs loads this file by its path, on its own: it imports nothing of the generator.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """After MkDocs read the changed pages and before it renders them, read the others."""
    for file in files.documentation_pages():
        if file.page is not None and file.page.markdown is None:
            file.page.read_source(config)
    return env
