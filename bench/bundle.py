"""Build one session's bundle in a process of its own, so that `make bench` can measure its
time and peak memory like every other step: `python -m bench.bundle ROOT SESSION DIST`.
The time includes loading and rendering the data (about 0.1 s), as a real build does."""

import sys
from pathlib import Path

from generator.build import Project, prepare
from generator.bundle import build_bundle


def main(root: str, session_id: str, dist: str) -> None:
    project = Project(Path(root))
    prepared = prepare(project)
    session = next(s for s in prepared.site.sessions.sessions if s.id == session_id)
    build_bundle(project, prepared, session, Path(dist))


if __name__ == "__main__":
    main(*sys.argv[1:])
