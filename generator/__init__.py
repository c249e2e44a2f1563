"""stedenagenda: the G40 agenda site, generated from hand-curated YAML.

The pipeline, one module a step: load (YAML with positions) → validate (typed models and
cross-references, all problems at once) → models → render (Jinja2 → Markdown) → build
(MkDocs into a fresh folder, then swap).
"""
