"""Every field has Dutch words for editors (schema hover help, `make diff`), and the
schemas carry only those: no English left for the editor to read."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import create_model

from generator import labels
from generator.models import City
from generator.schemas import all_models, schema_texts

ENGLISH = {"the", "and", "or", "which", "when", "where", "with", "from", "its", "their", "for", "to", "by",
           "that", "this", "what", "who", "every", "each", "our", "words", "name", "source", "page"}
"""Common English words that are not Dutch words."""


def test_every_field_of_every_model_has_a_dutch_label() -> None:
    missing = labels.unlabelled_fields(all_models())
    assert missing == [], ("geen Nederlandse naam/uitleg in generator/labels.py voor: " + ", ".join(missing)
                           + " — voeg ze toe en draai `make schemas`")


def test_no_label_is_left_for_a_field_that_is_gone() -> None:
    stale = labels.stale_labels(all_models())
    assert stale == [], "generator/labels.py noemt velden die er niet meer zijn: " + ", ".join(stale)


def test_a_new_field_without_a_label_is_named_exactly() -> None:
    grown = create_model("City", __base__=City, population=(int, 0))
    assert labels.unlabelled_fields([grown]) == ["City.population"]
    assert labels.unlabelled_fields([create_model("Unknown", __base__=City)]) == ["Unknown"]


def _texts(node: Any, key: str = "") -> list[tuple[str, str]]:
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("title", "description") and isinstance(v, str):
                found.append((k, v))
            elif k != "properties":
                found += _texts(v, k)
            else:  # property names are field names (English identifiers), their schemas are texts
                for prop in v.values():
                    found += _texts(prop)
    elif isinstance(node, list):
        for item in node:
            found += _texts(item)
    return found


def test_every_schema_title_and_description_comes_from_the_dutch_labels() -> None:
    dutch = {text for m in labels.MODELS.values() for text in (m.label[:1].upper() + m.label[1:], m.description)}
    dutch |= {text for m in labels.MODELS.values() for f in m.fields.values() for text in (f.label, f.description)}
    for name, text in schema_texts().items():
        for kind, value in _texts(json.loads(text)):
            assert value in dutch, f"{name}: {kind} {value!r} komt niet uit generator/labels.py"


def test_no_label_reads_as_english() -> None:
    for model, words in labels.MODELS.items():
        for where, text in [(model, words.description), *((f"{model}.{n}", f.description)
                                                          for n, f in words.fields.items())]:
            # outside code, quotes and file names, where English identifiers may stand
            plain = re.sub(r"`[^`]*`|'[^']*'|\S+\.yaml|\S+/\S*", " ", text.lower())
            english = set(re.findall(r"[a-z]+", plain)) & ENGLISH
            assert not english, f"{where}: Engels in {text!r}: {sorted(english)}"


def test_data_file_header_comments_are_dutch() -> None:
    from generator.models import data_files
    from tests.conftest import REPO

    for name in data_files(REPO / "data"):
        lines = (REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
        header = []
        for line in lines[1:]:
            if not line.startswith("#"):
                break
            header.append(line.lstrip("# "))
        text = re.sub(r"`[^`]*`|\"[^\"]*\"|\S+\.(?:yaml|txt|md|zip)|\S+/\S*", " ", " ".join(header).lower())
        english = set(re.findall(r"[a-z]+", text)) & ENGLISH
        assert header and not english, f"data/{name}.yaml: Engels in de kop: {sorted(english)}"
