"""Synthetic data in the real schema, at N times today's volume: N annual reports (and an
agenda for every four years), as the site will be after N years, so the same code path
(load → validate → render → MkDocs) can be measured as the content grows. Written as YAML
into a copy of the project."""

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
    """A project in `target` at `scale` times today's volume: a copy of today's project, and
    for a scale above 1 that many annual reports (`make_years`). The data grows the way the
    network's does: a report a year and an agenda every four years, with the same 40 member
    cities (copied cities would be refused: the membership rule reads the sources' member
    list, and a file of 4,000 cities breaks the list cap of generator/limits.py)."""
    return make_years(target, scale) if scale > 1 else _copied(target)


def _copied(target: Path) -> Project:
    _copy(target)
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
