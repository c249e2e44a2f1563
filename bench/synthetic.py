"""Synthetic data in the real schema, at N times today's volume: more activities, cities
and people, so the same code path (load → validate → render → MkDocs) can be measured as
the content grows. Written as YAML into a copy of the project."""

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
    header = f"# yaml-language-server: $schema=../schemas/{name}.schema.json\n"
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")


def make_project(target: Path, scale: int) -> Project:
    """A project in `target` whose activities, cities and people are `scale` times today's."""
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    if scale == 1:
        return Project(target)
    data = target / "data"
    cities = _load(data / "cities.yaml")
    real = list(cities["cities"])
    for copy in range(1, scale):
        cities["cities"] += [{**c, "id": f"{c['id']}-{copy}", "name": f"{c['name']} {copy}",
                              "map_place": c.get("map_place", c["name"])} for c in real]
    _dump(data / "cities.yaml", cities, "cities")
    people = _load(data / "people.yaml")
    real_people = list(people["people"])
    for copy in range(1, scale):
        people["people"] += [{**p, "id": f"{p['id']}-{copy}"} | ({"city": f"{p['city']}-{copy}"} if "city" in p else {})
                             for p in real_people]
    _dump(data / "people.yaml", people, "people")
    activities = _load(data / "activities.yaml")
    real_activities = list(activities["activities"])
    for copy in range(1, scale):
        for a in real_activities:
            clone = {**a, "id": f"{a['id']}-{copy}", "title": f"{a['title']} ({copy})",
                     "people": [f"{p}-{copy}" for p in a.get("people", [])],
                     "cities": [{**c, "city": f"{c['city']}-{copy}"} for c in a.get("cities", [])]}
            activities["activities"].append(clone)
    _dump(data / "activities.yaml", activities, "activities")
    return Project(target)
