"""Lighthouse 12 on every kind of page, mobile and desktop: a gate in `make bench`, not a test.

The site is served from 127.0.0.1 by a real host: Debian's nginx with the configuration in
deploy/nginx/ (gzip, caching, the headers the build writes, the strict Content-Security-Policy
included), so the best-practices audits judge what a reader would get. Lighthouse itself is pinned in
`bench/npm/package-lock.json` and installed there by `npm ci` when missing; it drives Debian's
Chromium (`CHROME_PATH`) with Lighthouse's default simulated throttling, which keeps the
performance score steadier on a busy machine than real throttling would.

Alone, on the site `make site` built: `.venv/bin/python -m bench.lighthouse` prints the table;
with `--write` it also replaces the Lighthouse section of bench/RESULTS.md. `LIGHTHOUSE_RUNS` (default 3) runs per page and form factor, median taken;
`LIGHTHOUSE_KINDS=home,stad` to measure only some kinds while fixing something.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import kinds  # noqa: E402
from tests.browser import serve  # noqa: E402

PAGE_KINDS = {label: kinds.url(path) for label, path in kinds.samples("site").items()}
"""Every page kind's sample on the real data's site (generator/kinds.py), as the browser tests visit them."""

UNLISTED = {kind.label for kind in kinds.KINDS if not kind.sitemap}
"""The kinds kept out of the sitemap and search engines on purpose (`noindex`, e.g. the 404
page): Lighthouse's SEO audit `is-crawlable` fails there by design, so their SEO score is
judged without it (see `targets_met`)."""

BY_DESIGN = {"is-crawlable"}
"""The SEO audits an unlisted kind fails on purpose."""

NPM_DIR = REPO / "bench" / "npm"
CLI = NPM_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
RUNNER = NPM_DIR / "run.mjs"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage"]
CATEGORIES = {"performance": "prestaties", "accessibility": "toegankelijkheid",
              "best-practices": "goede praktijken", "seo": "SEO"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FORM_FACTORS = ("mobiel", "desktop")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def ensure_installed() -> None:
    """Install the pinned Lighthouse into bench/npm/node_modules when it is not there."""
    if not CLI.exists():
        print("bench: Lighthouse installeren (npm ci in bench/npm)", file=sys.stderr, flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=NPM_DIR, check=True)


@contextmanager
def serve_like_a_host(site: Path) -> Iterator[str]:
    """Serve `site` with Debian's nginx and the shipped configuration (deploy/nginx/); yield the base URL."""
    with serve(site) as url:
        yield url


def measure(site: Path, kinds: dict[str, str], runs: int = RUNS) -> dict[tuple[str, str], dict]:
    """Per (page kind, form factor): the median score per category, and what cost points.

    Every page and form factor once per round, `runs` rounds, so a busy spell of the machine
    falls on different pages rather than on all runs of one."""
    ensure_installed()
    jobs = [{"kind": kind, "form": form, "path": path, "desktop": form == "desktop"}
            for _ in range(runs) for kind, path in kinds.items() for form in FORM_FACTORS]
    samples: dict[tuple[str, str], list[dict]] = {}
    with serve_like_a_host(site) as base:
        process = subprocess.Popen(
            ["node", str(RUNNER), json.dumps([{**job, "url": base + job["path"]} for job in jobs])],
            env={**os.environ, "CHROME_PATH": CHROME, "CHROME_FLAGS": " ".join(CHROME_FLAGS)},
            stdout=subprocess.PIPE, text=True)
        for line in process.stdout:
            run = json.loads(line)
            samples.setdefault((run["kind"], run["form"]), []).append(run)
            print(f"lighthouse: {run['kind']} {run['form']} {run['scores']} {' '.join(run['lost'])} "
                  f"{' '.join(run['warnings'])}",
                  file=sys.stderr, flush=True)
        if process.wait() != 0:
            raise SystemExit("Lighthouse faalde (zie hierboven)")
    return {key: summary(found)
            for key, found in sorted(samples.items(), key=lambda item: list(kinds).index(item[0][0]))}


def summary(runs: list[dict]) -> dict:
    """The median per category over the runs (a run whose score Lighthouse could not compute
    counts as 0, with its warning kept), what cost points, and the median unused CSS and JS."""
    return {"scores": {c: statistics.median(r["scores"][c] or 0 for r in runs) for c in CATEGORIES},
            "seo_lost": sorted({a for r in runs for a in r.get("seoLost", [])}),
            "lost": sorted({a for r in runs for a in r["lost"]} | {w for r in runs for w in r["warnings"]}),
            "unused_css": statistics.median(r["unusedCss"] for r in runs),
            "unused_js": statistics.median(r["unusedJs"] for r in runs)}


def missed(kind: str, result: dict) -> list[str]:
    """The categories whose median score misses its target; an unlisted kind (`UNLISTED`)
    meets the SEO target when the only SEO audits it loses are the ones it fails by design."""
    return [category for category, score in result["scores"].items()
            if score < TARGETS[category] and not (category == "seo" and kind in UNLISTED
                                                  and set(result["seo_lost"]) <= BY_DESIGN)]


def targets_met(kind: str, result: dict) -> bool:
    """Whether a kind's median scores meet every target (see `missed`)."""
    return not missed(kind, result)


def shortfall(kind: str, form: str, result: dict) -> str:
    """`in beeld, mobiel (prestaties 93)`: a page and form that missed, with the scores that did."""
    scores = ", ".join(f"{CATEGORIES[c]} {result['scores'][c]:g}" for c in missed(kind, result))
    return f"{kind}, {form} ({scores})"


def section(results: dict[tuple[str, str], dict], runs: int = RUNS) -> tuple[list[str], bool]:
    """The Markdown section for bench/RESULTS.md, and whether every target is met."""
    met = all(targets_met(kind, r) for (kind, _), r in results.items())
    rows = [f"| {kind} | {form} | " + " | ".join(f"{r['scores'][c]:g}" for c in CATEGORIES)
            + f" | {r['unused_css']:g} / {r['unused_js']:g} |" for (kind, form), r in results.items()]
    lost = [f"- {kind}, {form}: {', '.join(r['lost'])}" for (kind, form), r in results.items() if r["lost"]]
    version = json.loads((NPM_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    lines = ["## Lighthouse", "",
             f"Lighthouse {version} (vast in `bench/npm/package-lock.json`) met Debians Chromium, headless, op elke "
             "soort pagina (de voorbeeldpagina van elke soort in `generator/kinds.py`), mobiel (Lighthouses standaard: Moto G "
             "Power, trage 4G) en desktop (`--preset=desktop`); beide met Lighthouses gesimuleerde vertraging. "
             "De site komt van 127.0.0.1, van Debians nginx met de configuratie uit `deploy/nginx/` (gzip, "
             "caching en de headers van de build, ook de strenge Content-Security-Policy), zoals de host hem geeft. "
             f"Mediaan van {runs} "
             f"run{'s' if runs != 1 else ''} per pagina en vorm, in rondes (elke ronde alle pagina's één keer), "
             "met één Chromium voor alle runs (Lighthouse wist cache en opslag voor elke run). "
             "Doel: prestaties ≥ 95, de andere drie 100; bij pagina's die bewust buiten de sitemap en "
             f"zoekmachines blijven ({', '.join(sorted(UNLISTED))}: `noindex`) telt voor SEO alleen de audit "
             f"{', '.join(f'`{a}`' for a in sorted(BY_DESIGN))} niet mee. "
             "Deze machine wordt gedeeld (2 cores, andere builds tegelijk): de prestatiescore schommelt daardoor "
             "een paar punten tussen runs.", "",
             "| soort pagina | vorm | " + " | ".join(CATEGORIES.values()) + " | ongebruikt CSS / JS (KiB) |",
             "| --- | --- | " + " | ".join("---" for _ in CATEGORIES) + " | --- |", *rows, "",
             ("**Doelen gehaald** op elke soort pagina en vorm." if met else
              "**Doelen NIET gehaald** op: " + "; ".join(
                  shortfall(kind, form, r) for (kind, form), r in results.items() if missed(kind, r)) + "."), ""]
    if lost:
        lines += ["Audits die punten kostten (in minstens één run; score 0 tot 1), en waarschuwingen van "
                  "Lighthouse:", "", *lost, ""]
    lines += ["Ongebruikt CSS / JS: wat Lighthouse op die pagina ongebruikt ziet in mkdocs-materials eigen "
              "stylesheet en script (één bestand elk voor de hele site, door het thema zo gebouwd); telt niet mee "
              "in de prestatiescore.", ""]
    return lines, met


def write_section(results_file: Path, lines: list[str]) -> None:
    """Put the Lighthouse section into bench/RESULTS.md in place of the one there (or after the
    weight section, where `make bench` writes it), leaving the other sections as they are."""
    text = results_file.read_text(encoding="utf-8")
    section_text = "\n".join(lines)
    start = text.find("## Lighthouse\n")
    if start < 0:
        start = text.find("## YAML-laden\n")
        text = text[:start] + section_text + "\n" + text[start:]
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section_text + text[end:]
    results_file.write_text(text, encoding="utf-8")


def main() -> None:
    """Measure the site in site/ and print the section; with --write, also put it into
    bench/RESULTS.md, saying that it was measured on its own."""
    site = REPO / "site"
    if not (site / "_headers").exists():
        raise SystemExit("Eerst `make site`: er is geen gebouwde site in site/.")
    wanted = os.environ.get("LIGHTHOUSE_KINDS")
    kinds = {k: p for k, p in PAGE_KINDS.items() if not wanted or k in wanted.split(",")}
    lines, met = section(measure(site, kinds))
    if "--write" in sys.argv:
        measured = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        lines[2:2] = [f"Deze sectie is los gemeten ({measured}) met `.venv/bin/python -m bench.lighthouse --write` "
                      "op de site van `make site` (dezelfde gegevens als de 1×-site van `make bench`), niet in "
                      "dezelfde run als de rest van dit bestand.", ""]
        write_section(REPO / "bench" / "RESULTS.md", lines)
    print("\n".join(lines))
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
