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


def test_adding_a_report_and_an_agenda_as_contributing_describes(project) -> None:
    """The steps of '… een nieuw jaarverslag toevoegen' and '… een nieuwe agenda toevoegen',
    done as an editor would (copy the folder or file, change year or period, drop
    `undated_addresses`, give the activities new ids): the data is valid and the site gets
    the new pages without any change to the code."""
    import re as regex
    import shutil

    from generator.pages import pages

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "### … een nieuw jaarverslag toevoegen" in text and "### … een nieuwe agenda toevoegen" in text
    reports = project.data / "jaarverslagen"
    shutil.copytree(reports / "2021", reports / "2022")
    report = (reports / "2022" / "report.yaml").read_text(encoding="utf-8")
    report = report.replace("year: 2021", "year: 2022")
    report = regex.sub(r"\nundated_addresses: true[^\n]*", "", report)
    activities = yaml.safe_load((reports / "2022" / "activities.yaml").read_text(encoding="utf-8"))["activities"]
    kept = {**activities[0], "id": activities[0]["id"] + "-2022", "date": "2022" + activities[0]["date"][4:]}
    report = regex.sub(r"  highlights:\n(    - .*\n)+", f"  highlights:\n    - {kept['id']}\n", report)
    (reports / "2022" / "report.yaml").write_text(report, encoding="utf-8")
    (reports / "2022" / "activities.yaml").write_text(yaml.safe_dump({"activities": [kept]}, allow_unicode=True),
                                                      encoding="utf-8")
    agenda = (project.data / "agenda" / "2019-2022.yaml").read_text(encoding="utf-8")
    agenda = regex.sub(r"\nundated_addresses: true[^\n]*", "", agenda.replace('period: "2019-2022"', 'period: "2023-2026"'))
    (project.data / "agenda" / "2023-2026.yaml").write_text(agenda, encoding="utf-8")

    site, problems = load_site(project.data)
    assert problems == [] and site is not None
    assert [y.year for y in site.years] == [2021, 2022] and [p.period for p in site.agendas] == ["2019-2022", "2023-2026"]
    paths = {page.path for page in pages(site)}
    assert {"jaarverslag/2022/index.md", "jaarverslag/2022/tijdlijn.md", "agenda/2023-2026/talent.md",
            "agenda/wat-is-veranderd.md", f"activiteiten/{kept['id']}.md"} <= paths
    assert site.agenda_at(2022).period == "2019-2022", "the 2022 report keeps the agenda in force that year"


def test_the_quote_examples_give_what_contributing_says(tmp_path) -> None:
    """'Tekst die met een aanhalingsteken begint': each wrong line gives the message the
    section quotes, each right one loads as the text meant."""
    from generator.load import load_document

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("### Tekst die met een aanhalingsteken begint"):]
    section = section[:section.index("\n## ")]
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    wrong, right = blocks[0], blocks[1]
    quoted = re.search(r"`make check` zegt dan `([^`]+)`", section).group(1)
    for line in [line.split("←")[0].rstrip() for line in wrong.splitlines()]:
        path = tmp_path / "fout.yaml"
        path.write_text("item:\n" + line + "\n", encoding="utf-8")
        doc, problems = load_document(path, "data/fout.yaml")
        assert [p.line for p in problems] == [2] and quoted in problems[0].message, (line, problems)
    body = "\n".join(line.split("←")[0].rstrip() for line in right.splitlines())
    for number, chunk in enumerate(re.split(r"\n(?=    summary:)", body)):
        path = tmp_path / f"goed{number}.yaml"
        path.write_text("item:\n" + chunk + "\n", encoding="utf-8")
        doc, problems = load_document(path, "data/goed.yaml")
        assert problems == [] and doc.data["item"]["summary"].endswith((" nodig.", " maart.")), chunk
