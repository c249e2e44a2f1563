"""The examples in CONTRIBUTING.md are valid data: an editor who copies them gets no error."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.models import Activity, City, Organisation, Session
from generator.validate import load_site
from tests.conftest import REPO

SITE, _ = load_site(REPO / "data")

BLOCKS = re.findall(r"```yaml\n(.*?)```", (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)


def _items(block: str) -> list[dict]:
    data = yaml.safe_load("root:\n" + "\n".join("  " + line for line in block.splitlines()))["root"]
    return data if isinstance(data, list) else [data]


@pytest.mark.parametrize(("model", "marker"), [(Activity, "group:"), (Session, "letter:"), (Organisation, "term:"),
                                              (City, "search_aliases:")])
def test_contributing_example_is_valid(model, marker: str) -> None:
    blocks = [b for b in BLOCKS if marker in b]
    assert blocks, f"no example with {marker}"
    for item in _items(blocks[0]):
        model.model_validate({k: v if not isinstance(v, (int, float)) or isinstance(v, bool) else str(v)
                              for k, v in item.items()})


def test_speerpunt_example_matches_the_data() -> None:
    block = next(b for b in BLOCKS if "speerpunten:" in b)
    agenda = (REPO / "data" / "agenda" / "2019-2022.yaml").read_text(encoding="utf-8")
    assert block.strip().splitlines()[1].strip() in agenda


def test_every_passage_example_resolves(seeds) -> None:
    """Each example of how to cite a passage points at real words in a real source."""
    from generator.models import Passage
    from generator.passages import resolve

    sources = {s.id: s for s in SITE.sources.sources}
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = re.findall(r"\{source: ([\w-]+), place: (\"[^\"]+\"), anchor: (\"[^\"]+\")(?:, end: (\"[^\"]+\"))?\}", text)
    assert len(examples) >= 10
    kinds = {"activities", "report", "agenda", "kernboodschappen", "archive", "people"}
    assert all(kind in text for kind in kinds)
    for source, place, anchor, end in examples:
        passage = Passage(source=source, place=yaml.safe_load(place), anchor=yaml.safe_load(anchor),
                          end=yaml.safe_load(end) if end else None)
        assert not isinstance(resolve(seeds, sources[source], passage), str), passage


def test_the_abbreviation_example_gets_its_hover_on_novi(project) -> None:
    """The CONTRIBUTING example, pasted into organisations.yaml, explains 'Novi' in theme 7."""
    from generator.build import generate

    block = next(b for b in BLOCKS if "term:" in b)
    path = project.data / "organisations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("organisations:\n", "organisations:\n" + block, 1),
                    encoding="utf-8")
    generate(project)
    page = (project.docs / "agenda" / "2019-2022" / "ruimtelijke-kwaliteit.md").read_text(encoding="utf-8")
    assert "*[Novi]: Nationale Omgevingsvisie" in page
