"""The records of a data file: each item with an `id` (a theme, a city, an activity …) and
the file's own fields, flattened to their leaf values, with where each record stands.

`make diff` compares two revisions record by record with these; the page history
(generator/history.py) compares each commit with its parent the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator import labels
from generator.markdown import one_line
from generator.models import Model, model_for

Path_ = tuple[str | int, ...]

TITLE_FIELDS = ("title", "name", "term", "heading", "phrase", "keyword", "label")
"""The field that names a record in the report, the first one it has."""


@dataclass
class Record:
    """One item with an id (or a file's own fields), flattened to its leaf values."""

    file: str
    kind: str
    """What one such record is called, in Dutch ('activiteit')."""
    id: str
    """Its id; empty for the file's own fields."""
    title: str
    model: type[Model]
    fields: dict[Path_, Any] = field(default_factory=dict)
    at: Path_ = ()
    """Where the item stands in its file (`("themes", 3)`); () for the file's own fields."""
    parents: tuple[tuple[str, str], ...] = ()
    """The keys of the records it stands in, outermost first (the file's own, a theme …)."""

    @property
    def key(self) -> tuple[str, str]:
        return self.model.__name__, self.id


def inner_model(annotation: Any) -> type[Model] | None:
    """The model inside a field's annotation (`list[City]`, `Quote | None`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def records_of(name: str, data: Any) -> dict[tuple[str, str], Record]:
    """Every record of one data file, keyed by (kind of record, id)."""
    model = model_for(name)
    assert model is not None, name
    own = Record(name, labels.MODELS[model.__name__].label, "", f"data/{name}.yaml", model)
    found = {(model.__name__, ""): own}
    if isinstance(data, dict):
        _walk(name, data, model, (), own, found)
    return found


def _walk(name: str, data: dict, model: type[Model], path: Path_, record: Record,
          found: dict[tuple[str, str], Record]) -> None:
    for key, value in data.items():
        info = model.model_fields.get(key) if isinstance(key, str) else None
        inner = inner_model(info.annotation) if info else None
        here = path + (key,)
        if inner and isinstance(value, list) and value and all(isinstance(v, dict) and "id" in v for v in value):
            for index, item in enumerate(value):
                child = Record(name, labels.MODELS.get(inner.__name__, labels.MODELS[model.__name__]).label,
                               str(item["id"]), _title(item), inner, at=record.at + here + (index,),
                               parents=record.parents + (record.key,))
                found[(inner.__name__, child.id)] = child
                _walk(name, item, inner, (), child, found)
        elif inner and isinstance(value, dict):
            _walk(name, value, inner, here, record, found)
        elif inner and isinstance(value, list) and all(isinstance(v, dict) for v in value):
            for index, item in enumerate(value):
                _walk(name, item, inner, here + (index,), record, found)
        else:
            record.fields[here] = value


def _title(item: dict) -> str:
    return next((one_line(item[f]) for f in TITLE_FIELDS if isinstance(item.get(f), str)), "")


def field_label(model: type[Model], path: Path_) -> str:
    """'Speerpunten › nr. 2 › Titel': a field path in the editors' words."""
    words, current = [], model
    for part in path:
        if isinstance(part, int):
            words.append(f"nr. {part + 1}")
            continue
        label = labels.field_label(current, part) if current else None
        words.append(label.label if label else part)
        info = current.model_fields.get(part) if current else None
        current = inner_model(info.annotation) if info else None
    return " › ".join(words)
