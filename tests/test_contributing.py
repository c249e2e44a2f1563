"""The examples in CONTRIBUTING.md are valid data: an editor who copies them gets no error."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.models import Activity, Session
from tests.conftest import REPO

BLOCKS = re.findall(r"```yaml\n(.*?)```", (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)


def _items(block: str) -> list[dict]:
    data = yaml.safe_load("root:\n" + "\n".join("  " + line for line in block.splitlines()))["root"]
    return data if isinstance(data, list) else [data]


@pytest.mark.parametrize(("model", "marker"), [(Activity, "group:"), (Session, "letter:")])
def test_contributing_example_is_valid(model, marker: str) -> None:
    blocks = [b for b in BLOCKS if marker in b]
    assert blocks, f"no example with {marker}"
    for item in _items(blocks[0]):
        model.model_validate({k: v if not isinstance(v, (int, float)) or isinstance(v, bool) else str(v)
                              for k, v in item.items()})


def test_speerpunt_example_matches_the_data() -> None:
    block = next(b for b in BLOCKS if "speerpunten:" in b)
    agenda = (REPO / "data" / "agenda.yaml").read_text(encoding="utf-8")
    assert block.strip().splitlines()[1].strip() in agenda
