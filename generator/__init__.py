"""stedenagenda: the G40 agenda site, generated from hand-curated YAML.

The pipeline runs in five layers, and a module imports only from its own layer or the ones
before it (tests/test_layers.py checks every import, also those inside functions, and that
no modules import each other in a circle):

1. **load**: read YAML with the position of every key and value, and say what is wrong
   with it in Dutch at that position.
2. **model**: the typed records (pydantic) and what they need to be checked on their own:
   Markdown escaping of their text, where Dutch places lie.
3. **check**: the whole data set validated (references, passages in the sources, the
   editors' own-words measure), ending in one `Site`.
4. **pages**: what a reader gets from the `Site`: the page kinds, one typed view per page,
   rendered to Markdown by Jinja; pictures, terms and the open-data sets.
5. **publish**: MkDocs, search shards, headers, redirects, council bundles, PDFs, and the
   editors' commands on top (`make check`, `diff`, `serve`, …).

A new module gets a place in `LAYERS`; the test fails until it has one.
"""

LAYERS: dict[str, tuple[str, ...]] = {
    "load": ("errors", "address", "limits", "load", "lookalike", "labels"),
    "model": ("markers", "models", "markdown", "geo", "records"),
    "check": ("passages", "references", "validate", "ownwords", "schemas"),
    "pages": ("wording", "views", "kinds", "chrome", "render", "terms", "pictures", "opendata", "pages", "pages.links", "pages.agenda",
              "pages.documents", "pages.places", "pages.report", "pages.sessions", "pages.news"),
    "publish": ("guard", "phone_tables", "outputs", "search", "preview_hooks", "headers", "redirects", "printing", "history", "build", "bundle", "diff",
                "commands", "commands.build", "commands.check", "commands.diff", "commands.generate",
                "commands.ids", "commands.schemas", "commands.serve", "__main__"),
}
"""Every module of the generator by layer, in pipeline order (names relative to `generator`)."""
