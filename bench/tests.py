"""How long `make test` takes: the whole suite, once, in a fresh clone of the commit.

Not part of `make bench` (the suite alone takes minutes, and `make bench` already runs for
long): `.venv/bin/python -m bench.tests` prints the section, and with `--write` it also
replaces the "Tests" section of bench/RESULTS.md, leaving every other section as it is
(`make bench` keeps this section when it rewrites the file). Measure on a quiet machine:
the load average at the start is written beside the time, since other work on the same
cores makes the figure meaningless.

The clone sits in a temporary folder beside a link to `../shared` (the source texts), as a
checkout does. In it the README's two commands run as a newcomer runs them: `make site`
first (untimed; it makes the clone's `.venv` from the lock and must succeed), then `make
test` with `CI=true`, as `.ci/run` calls it, timed. So one run is also the fresh-clone check.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "RESULTS.md"
HEADING = "## Tests"
TARGET_SECONDS = 600
"""Issue 23: `make test` within ten minutes on two cores."""
COMMAND = ["make", "test"]
"""The README's test command, timed; `make site` runs before it, untimed."""
COUNTS = re.compile(r"(\d+) (passed|failed|skipped|errors?|deselected|xfailed|xpassed)")


def fresh_clone(work: Path) -> Path:
    """A clone of HEAD in `work/stedenagenda`, with `work/shared` linking the source texts."""
    (work / "shared").symlink_to(REPO.parent / "shared")
    clone = work / "stedenagenda"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)], check=True)
    return clone


def run_suite(clone: Path) -> tuple[float, int, str]:
    """Wall seconds, exit status and pytest's closing line of `make test` in the clone,
    after `make site` there."""
    # As .ci/run calls it: CI=true and nothing else. (An inherited PYTHONDONTWRITEBYTECODE
    # would make every Python process of the suite compile the generator anew.)
    env = {**os.environ, "CI": "true"}
    for name in ("STEDENAGENDA_SEEDS", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    site = subprocess.run(["make", "site"], cwd=clone, env=env, capture_output=True, text=True)
    if site.returncode != 0:
        sys.stderr.write(site.stdout[-3000:] + site.stderr[-3000:])
        return 0.0, site.returncode, "make site mislukte"
    start = time.monotonic()
    result = subprocess.run(COMMAND, cwd=clone, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    closing = [line for line in result.stdout.splitlines() if COUNTS.search(line) and " in " in line]
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-5000:] + result.stderr[-2000:])
    return seconds, result.returncode, closing[-1].strip("= ") if closing else "(geen uitvoer)"


def counts(summary: str) -> dict[str, int]:
    """pytest's closing line as numbers: {'passed': 1540, 'skipped': 0, …}."""
    return {kind.rstrip("s") if kind.startswith("error") else kind: int(n) for n, kind in COUNTS.findall(summary)}


def section(seconds: float, status: int, summary: str, commit: str, load: float, measured: str) -> list[str]:
    """The Markdown section for bench/RESULTS.md."""
    found = counts(summary)
    met = status == 0 and seconds <= TARGET_SECONDS
    minutes, rest = divmod(round(seconds), 60)
    tally = ", ".join(f"{n} {kind}" for kind, n in found.items()) or summary
    return [HEADING, "",
            f"`{' '.join(COMMAND)}` (met `CI=true`, zoals `.ci/run`) in een verse kloon van {commit}, na `make site` "
            f"daar, gemeten {measured} met `.venv/bin/python -m bench.tests --write`, los van `make bench`, "
            f"op {os.cpu_count()} cores; belasting (load average, 1 min) bij de start: {load:.2f}.", "",
            f"**{minutes} min {rest:02d} s** ({seconds:.0f} s): {tally}"
            + ("" if status == 0 else f" (`make test` eindigde met status {status})") + ".", "",
            f"Doel: binnen {TARGET_SECONDS // 60} minuten, alle tests groen: **{'gehaald' if met else 'NIET gehaald'}**.",
            ""]


def write_section(results_file: Path, lines: list[str], heading: str = HEADING) -> None:
    """Put the section into RESULTS.md in place of the one there, or before the closing
    `generate_share` line of `make bench` (at the end when there is none); the rest stays."""
    text = results_file.read_text(encoding="utf-8") if results_file.exists() else "# Benchmark\n\n"
    section_text = "\n".join(lines).rstrip("\n") + "\n\n"
    start = text.find(heading + "\n")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        closing = text.find("\n`generate_share`", start + 1)
        ends = [e for e in (end, closing) if e >= 0]
        end = min(ends) + 1 if ends else len(text)
        text = text[:start] + section_text + text[end:]
    else:
        closing = text.find("\n`generate_share`")
        at = closing + 1 if closing >= 0 else len(text)
        before = text[:at].rstrip("\n") + "\n\n"
        text = before + section_text + text[at:]
    results_file.write_text(text, encoding="utf-8")


def kept_section(results_file: Path, heading: str = HEADING) -> list[str]:
    """The Tests section (or another measured apart: `heading`) as RESULTS.md has it now (for
    `make bench`, which rewrites the file but does not run the suite), or nothing."""
    if not results_file.exists():
        return []
    text = results_file.read_text(encoding="utf-8")
    start = text.find(heading + "\n")
    if start < 0:
        return []
    ends = [e for e in (text.find("\n## ", start + 1), text.find("\n`generate_share`", start + 1)) if e >= 0]
    return text[start:min(ends) + 1 if ends else len(text)].rstrip("\n").split("\n") + [""]


def stamp() -> tuple[str, float, str]:
    """What a measurement is said with: the commit, the load average (1 min) at its start
    and the time (UTC)."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.strip()
    return commit, os.getloadavg()[0], datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def main() -> None:
    commit, load, measured = stamp()
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-tests-"))
    try:
        seconds, status, summary = run_suite(fresh_clone(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = section(seconds, status, summary, commit, load, measured)
    if "--write" in sys.argv:
        write_section(RESULTS, lines)
    print("\n".join(lines))
    sys.exit(0 if status == 0 and seconds <= TARGET_SECONDS else 1)


if __name__ == "__main__":
    main()
