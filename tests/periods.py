"""A second period for the tests: a fictional annual report and a fictional strategic agenda.

Nothing here reaches the public site. The second period is made from the real data (so it
has every kind of record the real one has), with every text marked as fictional, its own
ids for activities, and passages that point into a fictional source text written beside it
(tests set `generator.passages.SEEDS` to a folder with the real sources and these). Ids of
themes, pillars and theme groups stay the same, as they would from one year to the next.

What changes between the agendas, so the comparison page has something of every kind:
- theme `veilige-stad` gets another title (renamed), `integratie` is gone (removed) and
  `fictief-klimaat` is new (added);
- in `zorgstelsel` speerpunt 1 gets another title (renamed) and a new one is added at the
  end; in `stadsvernieuwing` the last one is gone.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import REPO, SEEDS

FICTIONAL_YEARS = (2023, 2024)
"""The fictional reports: two years under the fictional agenda, so its theme pages list
activities of more than one year."""
SECOND_PERIOD = "2023-2026"
FIRST_YEAR = 2021
FIRST_PERIOD = "2019-2022"
AGENDA_SOURCE = "fictieve-agenda"
AGENDA_FILE = "902_f1c71ef000000002.txt"


def report_source(year: int) -> str:
    return f"fictief-jaarverslag-{year}"


def report_file(year: int) -> str:
    return f"9{year % 100:02d}_f1c71ef00000{year}.txt"


def prefix(year: int) -> str:
    """Activity ids are unique across years: the fictional ones start with this."""
    return f"fictief-{year}-"
RENAMED_THEME = ("veilige-stad", "Fictief: een veilige en weerbare stad")
REMOVED_THEME = "integratie"
ADDED_THEME = "fictief-klimaat"
RENAMED_SPEERPUNT = ("zorgstelsel", 1, "Fictief: preventie eerst")
ADDED_SPEERPUNT = ("zorgstelsel", "Fictief: een nieuw speerpunt voor de tests")
REMOVED_SPEERPUNT = "stadsvernieuwing"
"""The theme whose last speerpunt the fictional agenda drops."""
ACTIVITIES = 24
"""How many of the real activities a fictional year copies (with new ids)."""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


class _Text:
    """A fictional source text: one paragraph per cited passage, each with a unique anchor."""

    def __init__(self, source: str, kind: str) -> None:
        self.source, self.kind, self.paragraphs = source, kind, []

    def passage(self, place: str) -> dict[str, str]:
        number = len(self.paragraphs) + 1
        anchor = f"Fictieve {self.kind} passage nummer {number} begint hier"
        self.paragraphs.append(f"{anchor}. Verzonnen tekst voor de tests over {place}.")
        return {"source": self.source, "place": place, "anchor": anchor}

    def mention(self, anchor: str, name: str) -> None:
        """Name a city in the paragraph of `anchor`, as a role's passage must (make check)."""
        index = next(i for i, p in enumerate(self.paragraphs) if p.startswith(anchor))
        self.paragraphs[index] += f" Genoemd: {name}."

    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def _repoint(value: Any, text: _Text) -> Any:
    """The value with every passage replaced by one into the fictional text."""
    if isinstance(value, dict):
        if {"source", "place", "anchor"} <= set(value):
            return text.passage(str(value["place"]))
        return {k: _repoint(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_repoint(v, text) for v in value]
    return value


def _fictional(text: str) -> str:
    return text if text.startswith("Fictief") else f"Fictief: {text}"


def second_agenda(real: dict, text: _Text) -> dict:
    agenda = _repoint(copy.deepcopy(real), text)
    agenda.update(source=AGENDA_SOURCE, period=SECOND_PERIOD, undated_addresses=False,
                  title="Fictieve agenda voor de tests", subtitle=f"Fictieve strategische agenda {SECOND_PERIOD}")
    themes = [t for t in agenda["themes"] if t["id"] != REMOVED_THEME]
    for theme in themes:
        theme["intro"] = _fictional(theme["intro"])
        theme["related"] = [r for r in theme.get("related", []) if r["target"] != REMOVED_THEME]
        for speerpunt in theme["speerpunten"]:
            if speerpunt.get("see") == REMOVED_THEME:
                del speerpunt["see"]
        if theme["id"] == RENAMED_THEME[0]:
            theme["title"] = RENAMED_THEME[1]
        if theme["id"] == RENAMED_SPEERPUNT[0]:
            theme["speerpunten"][RENAMED_SPEERPUNT[1] - 1]["title"] = RENAMED_SPEERPUNT[2]
            theme["speerpunten"].append({"number": len(theme["speerpunten"]) + 1, "title": ADDED_SPEERPUNT[1]})
        if theme["id"] == REMOVED_SPEERPUNT:
            theme["speerpunten"] = theme["speerpunten"][:-1]
    added = copy.deepcopy(themes[0])
    added.update(id=ADDED_THEME, title="Fictief: klimaat in de stad", related=[],
                 speerpunten=[{"number": 1, "title": "Fictief: groene daken"}])
    themes.append(added)
    for number, theme in enumerate(themes, start=1):
        theme["number"] = number
    agenda["themes"] = themes
    agenda["nutshell"]["items"] = [i for i in agenda["nutshell"]["items"] if i["target"] != REMOVED_THEME]
    agenda["introduction"]["summary"] = "Fictief: een verzonnen agenda, alleen voor de tests."
    return agenda


def fictional_report(real_report: dict, real_activities: dict, text: _Text, year: int) -> tuple[dict, dict]:
    report = _repoint(copy.deepcopy(real_report), text)
    report.update(source=report_source(year), year=year, undated_addresses=False)
    report["foreword"]["summary"] = "Fictief: een verzonnen voorwoord voor de tests."
    for pillar in report["pillars"]:
        pillar["summary"] = _fictional(pillar["summary"])
        for group in pillar["groups"]:
            group["summary"] = _fictional(group["summary"])
            group["themes"] = [t for t in group["themes"] if t != REMOVED_THEME] or [ADDED_THEME]
    offset = (year - FICTIONAL_YEARS[0]) * ACTIVITIES
    chosen = real_activities["activities"][offset:offset + ACTIVITIES]
    activities = []
    for activity in _repoint(copy.deepcopy(chosen), text):
        activity["id"] = prefix(year) + activity["id"]
        activity["title"] = _fictional(activity["title"])
        activity["summary"] = "Fictief: verzonnen voor de tests."
        activity["date"] = str(year) + activity["date"][4:]
        activity["themes"] = [t for t in activity["themes"] if t != REMOVED_THEME] or [ADDED_THEME]
        activities.append(activity)
    names = {c["id"]: c["name"] for c in _load(REPO / "data" / "cities.yaml")["cities"]}
    for activity in activities:
        for part in activity.get("cities", []):
            for passage in part.get("passages") or activity["passages"]:
                text.mention(passage["anchor"], names[part["city"]])
    ids = {a["id"] for a in activities}
    report["foreword"]["highlights"] = [prefix(year) + h for h in report["foreword"]["highlights"]
                                        if prefix(year) + h in ids] or [activities[0]["id"]]
    return report, {"activities": activities}


def add_second_period(data: Path, seeds: Path) -> None:
    """Add the fictional report and agenda to a copy of the data in `data`, and write their
    source texts into `seeds` (which gets the real sources too)."""
    seeds.mkdir(parents=True, exist_ok=True)
    for real in SEEDS.iterdir():
        if not (seeds / real.name).exists():
            (seeds / real.name).symlink_to(real)
    agenda_text = _Text(AGENDA_SOURCE, "agenda")
    _dump(data / "agenda" / f"{SECOND_PERIOD}.yaml",
          second_agenda(_load(data / "agenda" / f"{FIRST_PERIOD}.yaml"), agenda_text))
    (seeds / AGENDA_FILE).write_text(agenda_text.text(), encoding="utf-8")
    sources = _load(data / "sources.yaml")
    sources["sources"].append(
        {"id": AGENDA_SOURCE, "title": f"Fictieve strategische agenda {SECOND_PERIOD} (testgegevens)",
         "publisher": "Testredactie", "date": SECOND_PERIOD[:4], "date_basis": "redactie", "kind": "agenda", "file": AGENDA_FILE})
    for year in FICTIONAL_YEARS:
        text = _Text(report_source(year), "jaarverslag")
        report, activities = fictional_report(_load(data / "jaarverslagen" / str(FIRST_YEAR) / "report.yaml"),
                                              _load(data / "jaarverslagen" / str(FIRST_YEAR) / "activities.yaml"),
                                              text, year)
        _dump(data / "jaarverslagen" / str(year) / "report.yaml", report)
        _dump(data / "jaarverslagen" / str(year) / "activities.yaml", activities)
        (seeds / report_file(year)).write_text(text.text(), encoding="utf-8")
        sources["sources"].append(
            {"id": report_source(year), "title": f"Fictief jaarverslag {year} (testgegevens)",
             "publisher": "Testredactie", "date": str(year + 1), "date_basis": "redactie",
             "kind": "jaarverslag", "file": report_file(year)})
    _dump(data / "sources.yaml", sources)
    sessions = _load(data / "sessions.yaml")
    for session in sessions["sessions"]:  # an undated bundle names the newest agenda, without the removed theme
        session["items"] = [i for i in session["items"] if i.get("theme") != REMOVED_THEME]
    _dump(data / "sessions.yaml", sessions)


def copy_with_second_period(target: Path) -> tuple[Path, Path]:
    """A copy of the repository's inputs with the second period in `target`; returns the
    project root and the seeds folder to use."""
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    add_second_period(target / "data", target / "seeds")
    return target, target / "seeds"
