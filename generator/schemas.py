"""JSON Schemas for the data files, generated from the models, so editors get
autocompletion and squiggles (each data file names its schema in a modeline).

Titles, descriptions and examples come from generator/labels.py, in Dutch: the editor
shows them on hover. The models' English docstrings are for developers only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator import labels
from generator.models import SCHEMA_NAMES, Model

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def all_models() -> list[type[Model]]:
    """Every model reachable from the data files, each once, in a stable order."""
    seen: list[type[Model]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, Model):
            if annotation not in seen:
                seen.append(annotation)
                for field in annotation.model_fields.values():
                    visit(field.annotation)
            return
        for arg in getattr(annotation, "__args__", ()):
            visit(arg)

    for model in SCHEMA_NAMES.values():
        visit(model)
    return seen


def dutch_schema(model: type[Model]) -> dict[str, Any]:
    """The model's JSON Schema with Dutch titles, descriptions and examples."""
    schema = model.model_json_schema()
    by_name = {m.__name__: m for m in all_models()}
    _dutch(schema, model)
    for name, definition in schema.get("$defs", {}).items():
        if name in by_name:
            _dutch(definition, by_name[name])
    return schema


def _dutch(schema: dict[str, Any], model: type[Model]) -> None:
    words = labels.model_labels(model)
    if words is not None:
        schema["title"] = words.label[:1].upper() + words.label[1:]
        schema["description"] = words.description
    for name, prop in schema.get("properties", {}).items():
        field = labels.field_label(model, name)
        if field is None:  # tests/test_labels.py names it; the schema keeps pydantic's text meanwhile
            continue
        prop["title"] = field.label
        prop["description"] = field.description
        if field.example is not None:
            prop["examples"] = [field.example]


def schema_texts() -> dict[str, str]:
    """{file name: schema JSON text} for every data file, byte-stable between runs."""
    result = {}
    for name, model in SCHEMA_NAMES.items():
        schema = {"$schema": SCHEMA_DIALECT, "$id": f"{name}.schema.json", **dutch_schema(model)}
        result[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


def stale_schemas(folder: Path) -> list[str]:
    """The schema files that are missing or differ from what the models generate."""
    return [name for name, text in schema_texts().items()
            if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
