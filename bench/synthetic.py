"""Synthetic data in the real schema, at N times today's volume: more activities, cities
and people, so the same code path (load → validate → render → MkDocs) can be measured as
the content grows; or with N annual reports (`make_years`), as the site will be after N
years. Written as YAML into a copy of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.build import Project

REPO = Path(__file__).resolve().parent.parent


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    """Our loader refuses aliases, so shared lists must be written out in full."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(path: Path, data: dict, name: str) -> None:
    up = "../" * path.parts[::-1].index("data")  # data/x.yaml is one folder below the schemas' parent
    header = f"# yaml-language-server: $schema={up}schemas/{name}.schema.json\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")


def _copy(target: Path) -> None:
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")


def _only(folder: Path) -> Path:
    """The one file or folder in `folder` (today's data has one agenda and one report)."""
    found = sorted(folder.iterdir())
    assert len(found) == 1, found
    return found[0]


def make_project(target: Path, scale: int) -> Project:
    """A project in `target` whose activities, cities and people are `scale` times today's."""
    _copy(target)
    if scale == 1:
        return Project(target)
    data = target / "data"
    cities = _load(data / "cities.yaml")
    real = list(cities["cities"])
    for copy in range(1, scale):
        # A copy's search aliases get its number too: an alias may name one city only.
        cities["cities"] += [{**c, "id": f"{c['id']}-{copy}", "name": f"{c['name']} {copy}",
                              "map_place": c.get("map_place", c["name"]),
                              "search_aliases": [f"{a} {copy}" for a in c.get("search_aliases", [])]}
                             for c in real]
    _dump(data / "cities.yaml", cities, "cities")
    people = _load(data / "people.yaml")
    real_people = list(people["people"])
    for copy in range(1, scale):
        people["people"] += [{**p, "id": f"{p['id']}-{copy}"} | ({"city": f"{p['city']}-{copy}"} if "city" in p else {})
                             for p in real_people]
    _dump(data / "people.yaml", people, "people")
    activities_file = _only(data / "jaarverslagen") / "activities.yaml"
    activities = _load(activities_file)
    real_activities = list(activities["activities"])
    for copy in range(1, scale):
        for a in real_activities:
            clone = {**a, "id": f"{a['id']}-{copy}", "title": f"{a['title']} ({copy})",
                     "people": [f"{p}-{copy}" for p in a.get("people", [])],
                     "cities": [{**c, "city": f"{c['city']}-{copy}"} for c in a.get("cities", [])]}
            activities["activities"].append(clone)
    _dump(activities_file, activities, "activities")
    return Project(target)


AGENDA_YEARS = 4
"""A strategic agenda covers four years; the synthetic agendas follow each other so."""


def make_years(target: Path, years: int) -> Project:
    """A project in `target` with `years` annual reports: today's and copies of it for the
    years after (activity ids get the year; ids of groups and pillars stay), and a copy of
    today's agenda for every four years after its period, as the network publishes them.
    The copies cite the same passages, so the data stays valid."""
    _copy(target)
    data = target / "data"
    agenda_file = _only(data / "agenda")
    agenda = _load(agenda_file)
    first, last = (int(y) for y in agenda["period"].split("-"))
    report_folder = _only(data / "jaarverslagen")
    report, activities = _load(report_folder / "report.yaml"), _load(report_folder / "activities.yaml")
    start = report["year"]
    for year in range(start + 1, start + years):
        while year > last:
            first, last = last + 1, last + AGENDA_YEARS
            period = f"{first}-{last}"
            _dump(data / "agenda" / f"{period}.yaml", {**agenda, "period": period, "undated_addresses": False,
                                                       "subtitle": f"{agenda['subtitle']} ({period})"}, "agenda")
        suffix = f"-{year}"
        clones = [{**a, "id": a["id"] + suffix, "date": str(year) + a["date"][4:]} for a in activities["activities"]]
        highlights = [h + suffix for h in report["foreword"]["highlights"]]
        _dump(data / "jaarverslagen" / str(year) / "report.yaml",
              {**report, "year": year, "undated_addresses": False,
               "foreword": {**report["foreword"], "highlights": highlights}}, "report")
        _dump(data / "jaarverslagen" / str(year) / "activities.yaml", {"activities": clones}, "activities")
    return Project(target)
