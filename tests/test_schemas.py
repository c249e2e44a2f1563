"""The committed JSON Schemas are fresh, and accept the real data as an editor's YAML tool reads it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.models import data_files, schema_name
from generator.schemas import schema_texts, stale_schemas
from tests.conftest import REPO


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas(REPO / "schemas") == [], "run `python -m generator schemas` and commit schemas/"


def test_stale_schema_is_noticed(tmp_path) -> None:
    for name, text in schema_texts().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "cities.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["cities.schema.json"]


@pytest.mark.parametrize("name", data_files(REPO / "data"))
def test_data_file_names_its_schema_and_passes_it(name: str) -> None:
    text = (REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    up = "../" * (name.count("/") + 1)  # from data/agenda/<period>.yaml the schemas are two folders up
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={up}schemas/{schema_name(name)}.schema.json"
    schema = json.loads((REPO / "schemas" / f"{schema_name(name)}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(text))


def test_schema_rejects_an_unknown_field() -> None:
    schema = json.loads((REPO / "schemas" / "cities.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((REPO / "data" / "cities.yaml").read_text(encoding="utf-8"))
    data["cities"][0]["provincie"] = "Noord-Holland"
    with pytest.raises(jsonschema.ValidationError, match="provincie"):
        jsonschema.Draft202012Validator(schema).validate(data)
