"""JSON Schemas for the data files, generated from the models, so editors get
autocompletion and squiggles (each data file names its schema in a modeline)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import FILE_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_texts() -> dict[str, str]:
    """{file name: schema JSON text} for every data file, byte-stable between runs."""
    result = {}
    for name, model in FILE_MODELS.items():
        schema = {"$schema": SCHEMA_DIALECT, "$id": f"{name}.schema.json", **model.model_json_schema()}
        result[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


def stale_schemas(folder: Path) -> list[str]:
    """The schema files that are missing or differ from what the models generate."""
    return [name for name, text in schema_texts().items()
            if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
