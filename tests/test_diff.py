"""`make diff`: golden reports for an added, a changed, a removed record and a mass deletion,
each made in a small git repository in a temporary folder holding the fixture's data
(tests/fixture/), so an editorial change to data/ changes none of these golden files.

Regenerate deliberately with `pytest tests/test_diff.py --update-golden` and review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.__main__ import cli
from generator.build import Project
from generator.diff import MASS_DELETION_SHARE, page_url, run_diff
from tests.conftest import REPO, copy_fixture_project, copy_project, fixture_seeds

GOLDEN = Path(__file__).parent / "golden" / "diff"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.nl",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.nl",
           "GIT_AUTHOR_DATE": "2026-01-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T12:00:00Z"}

NEW_ACTIVITY = """
  - id: werkbezoek-minister
    group: duurzaamheid
    title: "Werkbezoek van de minister"
    date: "2021-11"
    summary: >-
      De minister bezocht een warmtenet en sprak met bestuurders over de warmtewet.
    themes: [energietransitie]
    passages:
      - {source: jaarverslag-2021, place: "Thema Duurzaamheid", anchor: "G40-bestuurders hebben zich intensief ingezet"}
"""


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], env=GIT_ENV, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Iterator[Project]:
    """A git repository holding a copy of the fixture's data, with one commit."""
    with fixture_seeds():
        project = copy_fixture_project(tmp_path)
        git(tmp_path, "init", "-q", "-b", "main")
        git(tmp_path, "add", "-A")
        git(tmp_path, "commit", "-q", "-m", "Gegevens")
        yield project


def commit(project: Project, message: str) -> None:
    git(project.root, "commit", "-q", "-a", "-m", message)


def edit(project: Project, name: str, old: str, new: str) -> None:
    path = project.data / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def unreferenced_activities(project: Project) -> list[str]:
    """Ids of activities no other data file names, so removing them keeps the data valid."""
    others = "".join(p.read_text(encoding="utf-8") for p in project.data.rglob("*.yaml") if p.stem != "activities")
    data = yaml.safe_load((project.data / "jaarverslagen" / "2021" / "activities.yaml").read_text(encoding="utf-8"))
    return [a["id"] for a in data["activities"] if not re.search(rf"\b{re.escape(a['id'])}\b", others)]


def remove_activities(project: Project, ids: set[str]) -> None:
    path = project.data / "jaarverslagen" / "2021" / "activities.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["activities"] = [a for a in data["activities"] if a["id"] not in ids]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def check_golden(name: str, text: str, update: bool) -> None:
    text = re.sub(r"\(([0-9a-f]{7,})\)|\(op [0-9a-f]{7,}\)", "(…)", text)  # commit ids vary with the data
    golden = GOLDEN / f"{name}.md"
    if update:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8")


def test_added_record(repo: Project, update_golden: bool) -> None:
    edit(repo, "jaarverslagen/2021/activities", "\n  - id: warmtewet", NEW_ACTIVITY.rstrip("\n")
         + "\n\n  - id: warmtewet")
    commit(repo, "Nieuwe activiteit")
    text, valid = run_diff(repo, "HEAD~1")
    assert valid
    assert "**Toegevoegd**\n\n- activiteit `werkbezoek-minister`: `Werkbezoek van de minister`\n" in text
    assert ("- [`Werkbezoek van de minister`](https://stedenagenda.example.nl/activiteiten/werkbezoek-minister/)"
            " — nieuw") in text
    check_golden("added", text, update_golden)


def test_changed_record(repo: Project, update_golden: bool) -> None:
    edit(repo, "cities", "name: Apeldoorn\n    province: Gelderland", "name: Apeldoorn\n    province: Utrecht")
    edit(repo, "jaarverslagen/2021/activities", "G40-bestuurders zetten zich in voor een warmtewet",
         "G40-bestuurders, ook de wethouders, zetten zich in voor een warmtewet")
    commit(repo, "Provincie en samenvatting")
    text, valid = run_diff(repo, "HEAD~1")
    assert valid
    assert "- stad `apeldoorn`: `Apeldoorn`\n  - Provincie: `Gelderland` → `Utrecht`\n" in text
    assert "  - Samenvatting: `G40-bestuurders zetten zich in" in text
    assert "[`Apeldoorn`](https://stedenagenda.example.nl/steden/apeldoorn/) — gewijzigd" in text
    assert "Let op" not in text
    check_golden("changed", text, update_golden)


def test_removed_record(repo: Project, update_golden: bool) -> None:
    assert "warmtewet" in unreferenced_activities(repo)
    remove_activities(repo, {"warmtewet"})
    commit(repo, "Activiteit weg")
    text, valid = run_diff(repo, "HEAD~1")
    assert valid
    assert "**Verwijderd**\n\n- activiteit `warmtewet`: `Een warmtewet met genoeg sturing voor gemeenten`\n" in text
    assert "/activiteiten/warmtewet/) — verdwijnt" in text
    assert "veel verwijderd" not in text  # one of eleven is no mass deletion
    assert ("> ⚠️ **Let op:** de pagina [`Een warmtewet met genoeg sturing voor gemeenten`]"
            "(https://stedenagenda.example.nl/activiteiten/warmtewet/) verdwijnt, maar ") in text
    assert "Gewijzigd" not in text  # re-dumping the YAML changed no value
    check_golden("removed", text, update_golden)


def test_mass_deletion_is_warned_about(repo: Project, update_golden: bool) -> None:
    doomed = unreferenced_activities(repo)[:3]
    assert len(doomed) == 3
    remove_activities(repo, set(doomed))
    commit(repo, "Veel weg")
    text, valid = run_diff(repo, "HEAD~1")
    assert valid
    assert ("> ⚠️ **Let op:** veel verwijderd. Deze wijziging verwijdert 3 van de 11 items "
            "(27 %) in `data/jaarverslagen/2021/activities.yaml`. Is dat de bedoeling?") in text
    assert text.index("Let op") < text.index("### `data/jaarverslagen/2021/activities.yaml`"), "the warning comes first"
    check_golden("mass-deletion", text, update_golden)


def test_emptied_fields_are_a_mass_deletion_too(repo: Project) -> None:
    path = repo.data / "organisations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for org in data["organisations"]:
        for key in ("description", "note", "expansion", "explained_by", "reference"):
            org.pop(key, None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text, _ = run_diff(repo, "HEAD")
    assert re.search(r"Deze wijziging maakt \d+ van de \d+ ingevulde velden leeg of haalt ze weg \(\d+ %\) "
                     r"in `data/organisations.yaml`", text), text
    assert f"{MASS_DELETION_SHARE:.0%}" == "20%"


def test_invalid_head_shows_the_errors_only_and_fails(repo: Project) -> None:
    """One broken line in the new data: the report is its errors, in plain text for the
    terminal, and no comparison of records read from data that does not load."""
    line = target_line(repo)
    edit(repo, "agenda/2019-2022", "      target: zorgstelsel", "      target: zorgstelse")
    edit(repo, "cities", '    name: Apeldoorn\n', '    name: "Apeldoorn\n')
    result = CliRunner().invoke(cli, ["diff", "--root", str(repo.root), "--base", "HEAD"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:5] == ["Wat verandert er?", "=================", "",
                         lines[3], ""] and lines[3].startswith("Vergeleken: HEAD (")
    assert lines[5:8] == ["De gegevens van deze versie kloppen niet. make check meldt:", "",
                          f'  data/agenda/2019-2022.yaml:{line}:15: onbekend thema \'zorgstelse\' — bedoelde je '
                          '\'zorgstelsel\'?']
    assert lines[8].startswith('  data/cities.yaml:') and "aanhalingsteken" in lines[8]
    assert lines[9:] == ["  2 fouten in 2 bestanden; er is niets gebouwd.", "",
                         "Er is niets vergeleken: herstel eerst deze fouten, dan toont make diff wat er verandert."]


def test_the_terminal_report_is_plain_text(repo: Project) -> None:
    """`make diff` in a terminal: no Markdown (no **, backticks, \\# or &amp;), values as
    they are between „…”, page addresses after the titles."""
    edit(repo, "cities", "name: Apeldoorn\n    province: Gelderland", "name: Apeldoorn\n    province: Utrecht")
    result = CliRunner().invoke(cli, ["diff", "--root", str(repo.root), "--base", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "- stad apeldoorn: „Apeldoorn”\n  - Provincie: „Gelderland” → „Utrecht”\n" in result.output
    assert "- Apeldoorn (https://stedenagenda.example.nl/steden/apeldoorn/) — gewijzigd" in result.output
    for markup in ("**", "`", "\\", "&amp;", "](", "### "):
        assert markup not in result.output, markup


def test_an_invalid_base_is_compared_as_loaded(repo: Project) -> None:
    edit(repo, "agenda/2019-2022", "      target: zorgstelsel", "      target: zorgstelse")
    commit(repo, "Tikfout")
    edit(repo, "agenda/2019-2022", "      target: zorgstelse", "      target: zorgstelsel")  # the fix
    text, valid = run_diff(repo, "HEAD")
    assert valid
    assert "De gegevens van `HEAD` (" in text and "kloppen niet volgens de huidige controle" in text
    assert "  - Notendop › Regels › nr. 1 › Thema: `zorgstelse` → `zorgstelsel`" in text


def test_unknown_revision_is_said_in_dutch(repo: Project) -> None:
    result = CliRunner().invoke(cli, ["diff", "--root", str(repo.root), "--base", "origin/main"])
    assert result.exit_code == 1
    assert result.output.startswith("onbekende versie 'origin/main' — geef een bestaande versie")


def test_compare_two_revisions_leaves_the_working_tree_alone(repo: Project) -> None:
    edit(repo, "cities", "    province: Gelderland", "    province: Utrecht")
    commit(repo, "Een")
    edit(repo, "cities", "    province: Utrecht", "    province: Gelderland")  # uncommitted
    text, _ = run_diff(repo, "HEAD~1", "HEAD")
    assert "`Gelderland` → `Utrecht`" in text
    assert git(repo.root, "status", "--porcelain").strip() == "M data/cities.yaml"
    assert git(repo.root, "worktree", "list").count("\n") == 1


@pytest.mark.parametrize(("path", "url"), [("index.md", "https://x.nl/"), ("agenda/index.md", "https://x.nl/agenda/"),
                                           ("steden/almere.md", "https://x.nl/steden/almere/")])
def test_page_urls(path: str, url: str) -> None:
    assert page_url("https://x.nl/", path) == url


def test_a_base_from_before_the_periods_is_compared_file_by_file(tmp_path: Path) -> None:
    """`make diff` against a version with data/agenda.yaml, report.yaml and activities.yaml
    (before agendas and reports had a file per period) compares them with the files they
    became: moving them is no change of content, only the new field shows. On the real
    data: the old layout is the real repository's history (one agenda, one report)."""
    project = copy_project(tmp_path)
    data = project.data
    moved = {"agenda/2019-2022": "agenda", "jaarverslagen/2021/report": "report",
             "jaarverslagen/2021/activities": "activities"}
    for new, old in moved.items():
        text = (data / f"{new}.yaml").read_text(encoding="utf-8")
        text = re.sub(r"\nundated_addresses: true[^\n]*", "", text)
        (data / f"{old}.yaml").write_text(text, encoding="utf-8")
        (data / f"{new}.yaml").unlink()
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Oude indeling")
    for new, old in moved.items():
        (data / f"{new}.yaml").parent.mkdir(parents=True, exist_ok=True)
        (data / f"{new}.yaml").write_bytes((REPO / "data" / f"{new}.yaml").read_bytes())
        (data / f"{old}.yaml").unlink()
    text, valid = run_diff(project, "HEAD")
    assert valid, text
    assert "**Toegevoegd**" not in text and "**Verwijderd**" not in text
    assert "### `data/agenda/2019-2022.yaml`" in text and "### `data/jaarverslagen/2021/report.yaml`" in text
    assert "### `data/jaarverslagen/2021/activities.yaml`" not in text, "the activities did not change"
    assert "Oude adressen" in text  # the one new field, by its Dutch label


def test_a_literal_title_gone_from_its_source_and_a_lost_passage_are_warned_about(repo: Project) -> None:
    edit(repo, "agenda/2019-2022", "        title: Preventie en sterke basis", "        title: Preventie en een sterke basis")
    edit(repo, "jaarverslagen/2021/activities",
         "      - source: jaarverslag-2021\n        place: Voorwoord\n        anchor: Paul Depla, voorzitter Stedennetwerk G40\n",
         "")
    text, valid = run_diff(repo, "HEAD")
    assert valid, text
    assert ("> ⚠️ **Let op:** de titel `Preventie en een sterke basis` in `data/agenda/2019-2022.yaml` staat niet "
            "letterlijk in zijn bron: `strategische-agenda` (`") in text
    assert "Een titel die de bron noemt, schrijf je precies zoals de bron." in text
    assert ("verliest een passage (2 → 1): `jaarverslag-2021` (`Voorwoord`): `Paul Depla, voorzitter Stedennetwerk "
            "G40`. Staat alles wat het item zegt nog in een bron?") in text
    assert text.index("Let op") < text.index("### `data/")


def target_line(repo) -> int:
    """The line of the first 'target: zorgstelsel' in the agenda, where a typo is reported."""
    text = (repo.data / "agenda" / "2019-2022.yaml").read_text(encoding="utf-8")
    return text.splitlines().index("      target: zorgstelsel") + 1
