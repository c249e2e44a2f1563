"""Build one session's bundle in a process of its own, so that `make bench` can measure its
time and peak memory like every other step: `python -m bench.bundle ROOT SESSION DIST`.
The time includes loading and rendering the data (about 0.1 s), as a real build does.
Writes DIST/steps.json: the seconds of each step (MkDocs, starting Chromium, the session
PDF with its table of contents, the PDFs per item, the zip), printed one after the
other by one Chromium; `make site` runs two side by side."""

import json
import shutil
import sys
import time
from pathlib import Path

from generator.build import Project, prepare, source_date_epoch
from generator.bundle import build_bundle, print_item, print_session, write_zip
from generator.printing import Printer


def main(root: str, session_id: str, dist: str) -> None:
    project, target, steps = Project(Path(root)), Path(dist), {}
    prepared = prepare(project)
    session = next(s for s in prepared.site.sessions.sessions if s.id == session_id)
    started = time.perf_counter()

    def step(name: str) -> None:
        nonlocal started
        steps[name] = time.perf_counter() - started
        started = time.perf_counter()

    built = build_bundle(project, prepared, session)
    step("mkdocs")
    with Printer() as printer:
        step("chromium")
        print_session(project, prepared, built, printer, target)
        step("session_pdf")
        for item in built.items:
            print_item(project, prepared, built, item, printer, target)
        step("item_pdfs")
    write_zip(built.folder, target / f"{session.id}.zip", int(source_date_epoch(project)))
    step("zip")
    steps["files_in_zip"] = sum(1 for p in built.folder.rglob("*") if p.is_file())
    shutil.rmtree(built.folder)
    (target / "steps.json").write_text(json.dumps(steps), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
