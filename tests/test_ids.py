"""`make ids` lists every id the data files define, each with its title."""

from __future__ import annotations

import re
from typing import Any

import yaml
from click.testing import CliRunner

from generator.__main__ import cli
from generator.models import data_files
from tests.conftest import REPO


def ids_in(value: Any) -> set[str]:
    """Every `id:` anywhere in a YAML document."""
    if isinstance(value, dict):
        found = {value["id"]} if isinstance(value.get("id"), str) else set()
        return found.union(*(ids_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(ids_in(v) for v in value))
    return set()


def test_every_id_of_every_data_file_is_listed_with_a_title() -> None:
    result = CliRunner().invoke(cli, ["ids", "--root", str(REPO)])
    assert result.exit_code == 0, result.output
    listed = dict(re.findall(r"^  (\S+) +(.+)$", result.output, re.M))
    expected = set().union(*(ids_in(yaml.safe_load((REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8")))
                             for name in data_files(REPO / "data")))
    assert expected, "no ids found in the data"
    assert sorted(expected - set(listed)) == []
    assert listed["randvoorwaarden"] == "Ruimte en slagkracht voor stad en regio"
    assert listed["economie"].endswith("Een vitale stedelijke economie")
    for heading in ("Thema's", "Themagroepen", "Steden", "Personen", "Organisaties en afkortingen", "Bronnen",
                    "Archiefstukken", "Raadsessies"):
        assert re.search(rf"^{heading} \(", result.output, re.M), heading
