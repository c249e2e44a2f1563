"""What an editor waits for, measured as a new editor meets it: the first install, `make
check`, a `make site` after the first, and the time from saving a YAML file to the page in
`make serve`. CONTRIBUTING.md and the Makefile's first-time line name no times: they point
here.

`make bench` runs it last, with `--write`: it replaces the "Voor redacteuren" section of
bench/RESULTS.md (the first install downloads every package, so it adds minutes). Alone:
`.venv/bin/python -m bench.editor` prints the section. Everything runs in a
fresh clone of HEAD beside `../shared`, as a checkout on a new machine: the install uses an
empty pip cache (a new machine has none); Chromium, which `make site` installs with apt when
missing, is taken as present and said so. The load average at the start is written beside
the figures: on a busy machine every figure is longer.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.tests import RESULTS, fresh_clone, stamp, write_section  # noqa: E402

HEADING = "## Voor redacteuren"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall seconds of one command; it must succeed."""
    started = time.monotonic()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds


def first_install(clone: Path, cache: Path) -> float:
    """`make`'s first step on a new machine: .venv from the lock, downloading every package."""
    env = {**os.environ, "PIP_CACHE_DIR": str(cache), "PIP_NO_INPUT": "1"}
    return timed(["make", "-s", ".venv/.installed-from-lock"], clone, env)


def fmt(seconds: float) -> str:
    if seconds >= 90:
        minutes, rest = divmod(round(seconds), 60)
        return f"{minutes} min {rest:02d} s"
    return f"{seconds:.1f} s"


def section(install: float, check: float, site: float, preview: float, commit: str, load: float,
            measured: str) -> list[str]:
    return [HEADING, "",
            f"Gemeten {measured} in een verse kloon van {commit} met `.venv/bin/python -m bench.editor --write` "
            f"(de laatste stap van `make bench`), op {os.cpu_count()} cores; belasting (load average, 1 min) bij de start: {load:.2f}. "
            f"Chromium stond al op de machine (anders installeert `make site` het eerst met apt). Mediaan van "
            f"{RUNS} keer, behalve de installatie (één keer).", "",
            "| wat | hoe lang |", "| --- | --- |",
            f"| eerste keer: `.venv` installeren (alle pakketten downloaden, lege pip-cache) | **{fmt(install)}** |",
            f"| `make check` | **{fmt(check)}** |",
            f"| `make site`, niet de eerste keer | **{fmt(site)}** |",
            f"| `make serve`: van opslaan tot de bijgewerkte pagina | **{fmt(preview)}** |", ""]


def main() -> None:
    from bench.run import preview_seconds

    commit, load, measured = stamp()
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-editor-"))
    try:
        clone = fresh_clone(work)
        (work / "pip-cache").mkdir()
        install = first_install(clone, work / "pip-cache")
        print(f"installeren: {fmt(install)}", file=sys.stderr)
        env = {k: v for k, v in os.environ.items() if k != "STEDENAGENDA_SEEDS"}
        check = statistics.median(timed(["make", "check"], clone, env) for _ in range(RUNS))
        print(f"make check: {fmt(check)}", file=sys.stderr)
        timed(["make", "site"], clone, env)  # the first build (MkDocs' and the PDFs' caches)
        site = statistics.median(timed(["make", "site"], clone, env) for _ in range(RUNS))
        print(f"make site: {fmt(site)}", file=sys.stderr)
        preview = preview_seconds(clone, RUNS)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = section(install, check, site, preview, commit, load, measured)
    if "--write" in sys.argv:
        write_section(RESULTS, lines, HEADING)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
