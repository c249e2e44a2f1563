"""Markers on model fields: what a field's value refers to, and what must stand in a passage.

They are declared once, on the field in `generator.models` (`Annotated[Slug, Ref("cities")]`),
and read by one generic pass (`generator.references`) and by the passage test
(`tests/test_passages.py`). A field that holds ids or names and declares neither fails
`tests/test_references.py::test_every_id_or_name_field_declares_what_it_is`.

This module imports nothing of the project, so that the models can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Ref:
    """The value (or each value of a list) is the id of a record of `target`; the targets and
    how to collect their ids are declared once in `generator.references.TARGETS`."""

    target: str


@dataclass(frozen=True)
class NotARef:
    """A field that looks like a reference (a slug, or named after a target) but is none."""

    reason: str


@dataclass(frozen=True)
class InForce:
    """On a date field: the references inside this record are read in the agenda and report in
    force in that date's year (ids stay stable across periods, their meaning does not)."""


@dataclass(frozen=True)
class InPassage:
    """The value must stand in the passage(s) the record cites (checked by the passage test).

    On a `Ref` field, the referred record's `name_field` (from its target) must stand there,
    or one of its `alternatives`."""

    how: Literal["exact", "quoted", "date", "place"] = "exact"
    """`exact`: the whole value; `quoted`: each fragment the text quotes ('…'); `date`: the day
    and month in words; `place`: the value stands in the section name (`place`) of the passages."""
    cited: str = "passages"
    """Where the passages are: a field (dotted: `passages.intro`) of this record or, when it is
    not there or empty, of the nearest record around it."""
    each: bool = False
    """Stand in every cited passage, not merely in one of them."""
    any_case: bool = False
    """Capitals do not count (an abbreviation written in lowercase in running text)."""
    alternatives: tuple[str, ...] = ()
    """Fields (of this record, or of the referred record for a `Ref`) whose values count too."""
    when: tuple[str, object] | None = None
    """Only when this record's field has this value (`("title_is_exact", True)`)."""
    unless: str | None = None
    """Not when this record's field is set (a date with a `date_note` is the editors')."""
    checked: str | None = None
    """Refused by `make check` too, not only by the passage test: the key of the located Dutch
    message (`generator.references.CHECKED_TEXT`), for a rule an editor must hear about at once,
    such as a city that is not in the sources' member list."""
