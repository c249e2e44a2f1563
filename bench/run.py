"""`make bench`: how fast and how heavy the site is. Not a test: it reports, and judges only
Lighthouse (bench/lighthouse.py): below its targets `make bench` fails after writing the report.

Every figure is a median over RUNS runs, and ratios are taken within this one run, because
these machines are noisy. Writes bench/RESULTS.md and prints it; the last line printed is
`bench: generate_share=… scale100_over_scale10=… lighthouse=…`.

One section alone, when only it changed or its run was disturbed: `python -m bench.run years`
or `python -m bench.run scale` prints it; with `--write` it replaces that section, which then
says it was measured on its own.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import engines  # noqa: E402
from bench import lighthouse  # noqa: E402
from bench import editor as editor_time  # noqa: E402
from bench import tests as test_time  # noqa: E402
from bench import search as search_bench  # noqa: E402
from bench.synthetic import make_project, make_years  # noqa: E402
from generator import kinds, load, search  # noqa: E402
from generator.build import Project, generate, mkdocs_env, prepare, strip_unneeded  # noqa: E402
from generator.models import data_files  # noqa: E402
from generator.pages.sessions import Download  # noqa: E402
from generator.pages import pages  # noqa: E402
from generator.render import render_pages
from generator.terms import abbreviations  # noqa: E402
from generator.validate import load_site  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PY = sys.executable


def median_time(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_child(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory in MiB) of one child process and its children."""
    # MkDocs imports generator.phone_tables (mkdocs.yml), also from a copy of the project.
    result = subprocess.run([PY, str(REPO / "bench" / "peak.py"), *args], cwd=cwd, env=env or mkdocs_env(),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr}")
    seconds, kib = result.stdout.split()
    return float(seconds), int(kib) // 1024


def median_child(args: list[str], cwd: Path, runs: int = RUNS) -> tuple[float, int]:
    results = [run_child(args, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


BENCH_STARTED = time.perf_counter()


def progress(what: str) -> None:
    """A line on stderr per part, so a long run shows where it is (the report goes to stdout)."""
    print(f"bench: {what} ({time.perf_counter() - BENCH_STARTED:.0f} s)", file=sys.stderr, flush=True)


def fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.0f} ms"


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        if tag == "img" and a.get("src"):
            self.urls.append(a["src"])


def first_visit_bytes(site: Path, page: str) -> int:
    """Gzip-compressed bytes of a page and every stylesheet, script and image it loads."""
    html_path = site / page / "index.html" if not page.endswith(".html") else site / page
    parser = _Assets()
    parser.feed(html_path.read_text(encoding="utf-8"))
    total = len(gzip.compress(html_path.read_bytes(), 6, mtime=0))
    for url in parser.urls:
        path = url.split("?")[0]
        target = (site / path.lstrip("/") if path.startswith("/") else html_path.parent / path).resolve()
        if target.exists():
            total += len(gzip.compress(target.read_bytes(), 6, mtime=0))
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_seconds(project_root: Path, runs: int) -> float:
    """Median time from saving a YAML file under `serve` to the changed page being served."""
    port = free_port()
    server = subprocess.Popen([PY, "-m", "generator", "serve", "--root", str(project_root), "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/steden/almere/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 300
        while "Almere" not in fetch():
            if time.monotonic() > deadline:
                raise SystemExit("preview did not start")
            time.sleep(0.2)
        path = project_root / "data" / "cities.yaml"
        provinces = ["Utrecht", "Flevoland"]
        times = []
        for i in range(runs):
            text = path.read_text(encoding="utf-8")
            new = provinces[i % 2]
            old = provinces[(i + 1) % 2]
            # The synthetic files are re-dumped, so the name may or may not be quoted.
            changed = re.sub(rf'(name: "?Almere"?\n\s+province: ){old}', rf"\g<1>{new}", text, count=1)
            assert changed != text, "Almere not found in cities.yaml"
            path.write_text(changed, encoding="utf-8")
            started = time.perf_counter()
            # A cell may carry its column's name for the phone layout (data-label).
            while not re.search(rf"<td[^>]*>{new}</td>", fetch()):
                if time.perf_counter() - started > 300:
                    raise SystemExit("preview did not update")
                time.sleep(0.05)
            times.append(time.perf_counter() - started)
            time.sleep(1)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=20)


def generator_steps(roots: dict[int, Path]) -> dict[int, dict[str, float]]:
    """Median seconds of load (YAML), validation (models and references) and rendering, per
    scale. The scales take turns within each run, so a slow spell of this noisy machine
    weighs on all of them alike and the growth factors stay honest."""
    samples: dict[int, dict[str, list[float]]] = {n: {} for n in roots}
    for _ in range(RUNS):
        for n, root in roots.items():
            started = time.perf_counter()
            [load.load_document(root / "data" / f"{name}.yaml", name) for name in data_files(root / "data")]
            loaded = time.perf_counter()
            site, _ = load_site(root / "data")
            validated = time.perf_counter()
            render_pages(pages(site), abbreviations(site.organisations))
            rendered = time.perf_counter()
            del site  # freed outside the clock, or the next scale would pay for it
            run = {"load": loaded - started, "validate": max((validated - loaded) - (loaded - started), 0.0),
                   "render": rendered - validated, "total": rendered - loaded}
            for step, seconds in run.items():
                samples[n].setdefault(step, []).append(seconds)
    return {n: {step: statistics.median(times) for step, times in steps.items()} for n, steps in samples.items()}


def engine_section(work: Path, mkdocs: dict[int, tuple]) -> list[str]:
    """Zensical and ProperDocs on the same generated Markdown: build times beside MkDocs'
    (ratios within this run), peak memory, and what comes out different at 1×."""
    from importlib.metadata import version

    rows = []
    sites: dict[str, Path] = {}
    failed: dict[str, str] = {}
    """Engines whose build failed, with the last line of their error."""
    for scale, (project, t_mkdocs, m_mkdocs) in mkdocs.items():
        rows.append(f"| MkDocs {version('mkdocs')} | {scale}× | {fmt(t_mkdocs)} | 1.00× | {m_mkdocs} MiB |")
        site = work / f"properdocs{scale}"
        t, m = median_child(engines.PROPERDOCS.command(project, site), REPO)
        search.install(site, directory_urls=True)  # our build step, as after MkDocs
        rows.append(f"| ProperDocs {engines.PROPERDOCS.version()} | {scale}× | {fmt(t)} | {t / t_mkdocs:.2f}× | {m} MiB |")
        sites.setdefault("ProperDocs", site)
        site = project.build / "zensical-site"
        try:
            t, m = median_child(engines.ZENSICAL.command(project, site, clean=True), REPO)
        except SystemExit as failure:  # a failing build is a finding, not the end of the run
            why = str(failure).strip().splitlines()[-1][:160]
            rows.append(f"| Zensical {engines.ZENSICAL.version()} | {scale}× | bouwt niet: `{why}` | — | — |")
            failed.setdefault("Zensical", why)
            continue
        rows.append(f"| Zensical {engines.ZENSICAL.version()}, koud | {scale}× | {fmt(t)} | {t / t_mkdocs:.2f}× | {m} MiB |")
        t, m = median_child(engines.ZENSICAL.command(project, site, clean=False), REPO)
        rows.append(f"| Zensical {engines.ZENSICAL.version()}, warm | {scale}× | {fmt(t)} | {t / t_mkdocs:.2f}× | {m} MiB |")
        if scale == 1:
            sites["Zensical"] = shutil.copytree(site, work / "zensical1")
    reference = engines.facts(work / "site1")
    missed, placeholder = engines.search_score(work / "site1")
    findings = [f"- **MkDocs** (de standaard): zoekvenster {placeholder!r}, "
                f"{len(engines.DUTCH_QUERIES) - len(missed)}/{len(engines.DUTCH_QUERIES)} Nederlandse zoekvragen "
                "vinden hun pagina in de top 3."]
    for name, site in sites.items():
        missed, placeholder = engines.search_score(site)
        found = engines.differences(reference, engines.facts(site))
        found.append(f"zoekvenster {placeholder!r}; "
                     f"{len(engines.DUTCH_QUERIES) - len(missed)}/{len(engines.DUTCH_QUERIES)} zoekvragen in de top 3"
                     + (f" (mist: {', '.join(missed)})" if missed else ""))
        findings.append(f"- **{name}**: " + "; ".join(found) + ".")
    findings += [f"- **{name}**: bouwt onze site niet (`{why}`)." for name, why in failed.items()]
    return ["## Andere bouwers op dezelfde Markdown", "",
            "`build/docs` en `build/mkdocs.yml` zoals de generator ze schrijft, gebouwd door elk; tijd t.o.v. "
            "MkDocs in deze run (onder 1 is sneller). Zensical koud = met `--clean`, warm = met zijn cache.", "",
            "| bouwer | schaal | build | t.o.v. MkDocs | piekgeheugen |", "| --- | --- | --- | --- | --- |",
            *rows, "", "Wat een lezer anders ziet dan bij MkDocs (1×; zoeken in Chromium):", "", *findings, ""]


def bundle_figures(root: Path, session, dist: Path) -> tuple[str, str]:
    """One session's bundle built RUNS times in its own process: the row for the main table
    (time, memory, zip size) and a line with its files and the median of each step."""
    import json

    times, memories, steps = [], [], []
    for _ in range(RUNS):
        shutil.rmtree(dist, ignore_errors=True)
        dist.mkdir()
        seconds, memory = run_child([PY, "-m", "bench.bundle", str(root), session.id, str(dist)], REPO)
        times.append(seconds)
        memories.append(memory)
        steps.append(json.loads((dist / "steps.json").read_text(encoding="utf-8")))
    zip_file = dist / f"{session.id}.zip"
    pdf = dist / f"{session.id}.pdf"
    items = sorted(p for p in dist.glob(f"{session.id}-*.pdf"))
    pages = re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                        check=True).stdout).group(1)
    step = {name: statistics.median(s[name] for s in steps) for name in steps[0]}
    def size(*paths: Path) -> str:  # in the unit the Raadsbundels page and the build's log use
        return Download("", "", sum(p.stat().st_size for p in paths)).amount

    row = (f"| bundel `{session.id}` (laden, build, pdf's, zip) | {fmt(statistics.median(times))} | "
           f"{max(memories)} MiB | zip {size(zip_file)} |")
    line = (f"| `{session.id}` | {int(step['files_in_zip'])} | {size(zip_file)} | "
            f"{size(pdf)} ({pages}) | {len(items)}, samen "
            f"{size(*items)} | {fmt(step['mkdocs'])} | {fmt(step['chromium'])} | "
            f"{fmt(step['session_pdf'])} | {fmt(step['item_pdfs'])} ({fmt(step['item_pdfs'] / max(1, len(items)))} per stuk) | "
            f"{fmt(step['zip'])} |")
    return row, line


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def html_per_page(site: Path) -> tuple[int, float]:
    files = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return len(files), statistics.mean(p.stat().st_size for p in files)


YEARS = 10
"""The years of the 'ten annual reports' case."""


def largest_per_kind(project: Project, site: Path) -> dict[str, tuple[int, str]]:
    """The biggest built page of every generated kind (generator/kinds.py) in `site`, built
    from `project`: {kind label: (bytes, folder)}."""
    largest: dict[str, tuple[int, str]] = {}
    for page in prepare(project).pages:
        folder = kinds.url(page.path).rstrip("/")
        size = (site / folder / "index.html").stat().st_size
        label = kinds.of(page.template).label
        largest[label] = max(largest.get(label, (0, "")), (size, f"{folder}/" if folder else "/"))
    return largest


def years_section(work: Path, one: Project, t_site1: float | None = None,
                  ten: Project | None = None) -> tuple[list[str], tuple[float, int]]:
    """Ten annual reports (and an agenda for every four years) against today's one: the
    build per page, and the biggest page of every kind, so a kind that grows with the years
    shows here. Also returns the ten-year MkDocs build's median seconds and peak MiB."""
    ten = ten or make_years(work / f"years{YEARS}", YEARS)
    site1, site10 = work / "site1", work / f"site{YEARS}"
    build = [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f"]
    if t_site1 is None or not site1.exists():
        generate(one)
        t_site1, _ = median_child([*build, str(one.config), "-d", str(site1)], REPO)
    generate(ten)
    t_gen1 = median_time(lambda: generate(one, prepare(one)))
    t_gen10 = median_time(lambda: generate(ten, prepare(ten)))
    t_site10, m_site10 = median_child([*build, str(ten.config), "-d", str(site10)], REPO)
    rows = []
    figures = {}
    for label, site, t_site, t_gen in ((1, site1, t_site1, t_gen1), (YEARS, site10, t_site10, t_gen10)):
        count, per_page = html_per_page(site)
        figures[label] = (count, t_site, per_page)
        rows.append(f"| {label} | {count} | {fmt(t_site)} | {t_site / count * 1000:.1f} ms | {per_page / 1024:.1f} KiB | "
                    f"{fmt(t_gen)} | {t_gen / (t_gen + t_site):.1%} |")
    (c1, s1, b1), (c10, s10, b10) = figures[1], figures[YEARS]
    l1, l10 = largest_per_kind(one, site1), largest_per_kind(ten, site10)
    kind_rows = [f"| {kind} | {l1[kind][0] / 1024:.0f} KiB | {l10[kind][0] / 1024:.0f} KiB (`{l10[kind][1]}`) | "
                 f"{l10[kind][0] / l1[kind][0]:.2f}× |" for kind in sorted(l1, key=lambda k: -l10[k][0] / l1[k][0])]
    return ["## Tien jaarverslagen (10×)", "",
            f"Het jaarverslag van nu en {YEARS - 1} synthetische jaren erna (kopieën met eigen ids voor de "
            "activiteiten, dezelfde ids voor pijlers en themagroepen), met elke vier jaar een nieuwe agenda "
            "(kopie van de huidige), door dezelfde code. MkDocs-build mediaan van "
            f"{RUNS} runs; generator = `make generate` in het proces, mediaan.", "",
            "| jaren | pagina's | build | per pagina | HTML per pagina | generator | aandeel generator |",
            "| --- | --- | --- | --- | --- | --- | --- |", *rows, "",
            f"Van 1 naar {YEARS} jaar: {c10 / c1:.1f}× zoveel pagina's, bouwtijd per pagina "
            f"{s10 / c10 / (s1 / c1):.2f}×, HTML per pagina {b10 / b1:.2f}×. Piekgeheugen MkDocs bij {YEARS} jaar: "
            f"{m_site10} MiB.", "",
            f"De grootste gebouwde pagina van elke soort (generator/kinds.py), bij 1 en bij {YEARS} jaar, "
            "de snelst groeiende eerst:", "",
            "| soort | 1 jaar | " + f"{YEARS} jaar | groei |", "| --- | --- | --- | --- |", *kind_rows, ""], (t_site10, m_site10)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-bench-"))
    lines: list[str] = []
    try:
        one = make_project(work / "x1", 1)
        shutil.copytree(REPO / "schemas", one.root / "schemas")
        subprocess.run(["git", "init", "-q"], cwd=one.root, check=True)

        # --- the real site (1×) -------------------------------------------------------------
        t_check, m_check = median_child([PY, "-m", "generator", "check", "--root", str(one.root)], REPO)
        t_generate, m_generate = median_child([PY, "-m", "generator", "generate", "--root", str(one.root)], REPO)
        t_site, m_site = median_child([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(one.config),
                                       "-d", str(work / "site1")], REPO)
        t_whole, m_whole = median_child([PY, "-m", "generator", "build", "--root", str(one.root)], REPO)
        bundle_rows, bundle_lines = [], []
        for session in prepare(one).site.sessions.sessions:
            row, line = bundle_figures(one.root, session, work / f"dist-{session.id}")
            bundle_rows.append(row)
            bundle_lines.append(line)
        index_bytes = sum(p.stat().st_size for p in (one.site / "search").rglob("*") if p.is_file())
        stripped = shutil.copytree(work / "site1", work / "site1-stripped")
        before = folder_bytes(stripped)
        removed = strip_unneeded(stripped)
        lines += ["## De echte site (1×)", "",
                  f"Mediaan van {RUNS} runs. Piekgeheugen: het grootste enkele proces van de stap (MkDocs en "
                  "Chromium draaien als eigen processen; `make site` draait ze naast elkaar).", "",
                  "| stap | tijd | piekgeheugen | grootte |", "| --- | --- | --- | --- |",
                  f"| `make check` | {fmt(t_check)} | {m_check} MiB | |",
                  f"| `make generate` | {fmt(t_generate)} | {m_generate} MiB | |",
                  f"| MkDocs-build publieke site | {fmt(t_site)} | {m_site} MiB | zoekindex `search/` "
                  f"{index_bytes / 1024:.0f} KiB (ongecomprimeerd, alle bestanden) |",
                  *bundle_rows,
                  f"| hele warme `make site` (site, bundels, pdf's) | {fmt(t_whole)} | {m_whole} MiB | |", "",
                  "Per bundel (dezelfde runs, mediaan per stap; hier drukt één Chromium de pdf's na elkaar af, `make site` drukt met twee naast elkaar):", "",
                  "| bundel | bestanden in zip | zip | pdf (pagina's) | pdf's per agendapunt | MkDocs | Chromium starten "
                  "| sessie-pdf (met inhoudsopgave) | pdf's per agendapunt | zip maken |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |", *bundle_lines, "",
                  f"Wat geen lezer nodig heeft, gaat eruit (`strip_unneeded`): {len(removed)} bestanden "
                  f"(bronkaarten, zoekstemmers voor andere talen), {(before - folder_bytes(stripped)) / 1024:.0f} KiB "
                  f"van {before / 1024:.0f} KiB.", ""]

        progress("echte site gemeten")
        # --- weight per page kind -------------------------------------------------------------
        # Every kind's sample page (generator/kinds.py), as the browser tests visit them.
        weights = {k: first_visit_bytes(one.site, p) for k, p in lighthouse.PAGE_KINDS.items()}
        heaviest = max(weights, key=weights.get)
        lines += ["## Gewicht van een eerste bezoek", "",
                  "Gzip-gecomprimeerde bytes van de pagina plus alle stylesheets, scripts en afbeeldingen die ze "
                  "laadt (de zoekindex laadt pas bij zoeken).", "",
                  "| soort pagina | KiB |", "| --- | --- |",
                  *[f"| {k} | {v / 1024:.0f} |" for k, v in weights.items()], "",
                  f"Zwaarste: {heaviest}, {weights[heaviest] / 1024:.0f} KiB (grens 300 KiB).", ""]

        progress("gewicht gemeten")
        # --- Lighthouse: the gate --------------------------------------------------------------
        lighthouse_lines, lighthouse_met = lighthouse.section(lighthouse.measure(one.site, lighthouse.PAGE_KINDS))
        lines += lighthouse_lines
        progress("Lighthouse gemeten")
        # --- YAML loader ----------------------------------------------------------------------
        c_loader = load._Loader
        activities_file = one.data / f"{next(n for n in data_files(one.data) if n.endswith('/activities'))}.yaml"
        t_c = median_time(lambda: [load.load_document(activities_file, "a")])
        load._Loader = load.yaml.SafeLoader
        t_py = median_time(lambda: [load.load_document(activities_file, "a")])
        load._Loader = c_loader
        shown = activities_file.relative_to(one.root).as_posix()
        lines += ["## YAML-laden", "", f"`{shown}` met libyaml (C): {fmt(t_c)}; met de Python-parser: "
                  f"{fmt(t_py)}; libyaml is **{t_py / t_c:.1f}×** zo snel. De regels en kolommen blijven gelijk "
                  "(de knopenboom is dezelfde).", ""]

        progress("YAML-laden gemeten")
        # --- scale ----------------------------------------------------------------------------
        projects = {1: one, YEARS: make_project(work / f"x{YEARS}", YEARS), 100: make_project(work / "x100", 100)}
        scale_lines, scale_ratio = scale_section(projects)
        lines += scale_lines

        progress("schaal gemeten")
        ten = projects[YEARS]
        years_lines, (t_site10, m_site10) = years_section(work, one, t_site, ten)
        lines += years_lines
        progress("tien jaarverslagen gemeten")
        # --- search ---------------------------------------------------------------------------
        hundred = projects[100]
        generate(hundred)
        run_child([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(hundred.config), "-d", str(work / "site100")],
                  REPO)
        sites = {1: work / "site1", YEARS: work / f"site{YEARS}", 100: work / "site100"}
        lunr = {n: search_bench.lunr_bytes(site) for n, site in sites.items()}
        index_rows = []
        for n, site in sites.items():
            started = time.perf_counter()
            counts = search.install(site, directory_urls=True)
            seconds = time.perf_counter() - started
            files = [p for p in (site / "search").rglob("*") if p.is_file()]
            index_rows.append(f"| {n}× | {counts['pages']} | {counts['keys']} | {len(files)} | "
                              f"{sum(p.stat().st_size for p in files) / 1024 / 1024:.1f} MiB | {fmt(seconds)} |")
        progress("zoekindex gebouwd")
        lines += ["## Zoekindex bij 1×, 10× en 100×", "",
                  "`generator/search.py` op de gebouwde site (één run): pagina's, sleutels (woorden, vormen, "
                  "delen van samenstellingen, aliassen), bestanden en hun ongecomprimeerde grootte.", "",
                  "| schaal | pagina's | sleutels | bestanden | samen | bouwtijd index |", "| --- | --- | --- | --- | --- | --- |",
                  *index_rows, ""]
        lines += search_bench.section(sites, lunr, search_bench.full_bundle(one))
        progress("zoeken gemeten")
        # --- other engines ------------------------------------------------------------------
        lines += engine_section(work, {1: (one, t_site, m_site), 10: (ten, t_site10, m_site10)})

        progress("andere bouwers gemeten")
        # --- preview loop -----------------------------------------------------------------------
        p1 = preview_seconds(one.root, RUNS)
        p10 = preview_seconds(ten.root, RUNS)
        lines += ["## Voorbeeld (`make serve`)", "",
                  f"Van het opslaan van `data/cities.yaml` tot de bijgewerkte pagina: **{fmt(p1)}** bij 1×, "
                  f"**{fmt(p10)}** bij 10× (doel bij 1×: onder 2 s).", ""]

        progress("voorbeeld gemeten")
        generate_share = t_generate / t_whole
        summary = (f"bench: generate_share={generate_share:.3f} scale100_over_scale10={scale_ratio:.2f} "
                   f"lighthouse={'gehaald' if lighthouse_met else 'NIET gehaald'}")
        text = "\n".join(["# Benchmark", "", f"Gemeten met `make bench` op {os.cpu_count()} cores; "
                          f"{RUNS} runs per meting, mediaan.", "", *lines,
                          *test_time.kept_section(REPO / "bench" / "RESULTS.md"),
                          *test_time.kept_section(REPO / "bench" / "RESULTS.md", editor_time.HEADING),
                          f"`generate_share` = `make generate` / hele `make site` = {generate_share:.3f}; "
                          f"`scale100_over_scale10` = generatortijd bij 100× / 10× = {scale_ratio:.2f}.", ""])
        (REPO / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")
        print(text)
        print(summary)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not lighthouse_met:
        # The gate: the figures are written, but `make bench` fails.
        raise SystemExit("Lighthouse: niet elke soort pagina haalt de doelen (zie bench/RESULTS.md).")


def scale_section(projects: dict[int, Project]) -> tuple[list[str], float]:
    """The generator's steps at 1×, 10× and 100× (see `generator_steps`), and the ratio of its
    time at 100× to 10×."""
    steps = generator_steps({n: p.root for n, p in projects.items()})
    lines = ["## Schaal: de generator bij 1×, 10× en 100×", "",
             "Synthetische gegevens in het echte schema (bench/synthetic.py): N jaarverslagen, "
             "met elke vier jaar een agenda, door dezelfde code geladen, gevalideerd en gerenderd. "
             "De kopieën citeren dezelfde passages als het echte jaarverslag, dus de bronpagina van dat "
             "jaarverslag groeit met elk jaar (echte jaren hebben elk hun eigen bron); dat telt mee in renderen. "
             "De schalen wisselen elkaar af binnen elke run; valideren = laden en valideren samen min alleen "
             "laden, per run.", "",
             "| schaal | laden | valideren | renderen | samen | groei t.o.v. vorige |",
             "| --- | --- | --- | --- | --- | --- |"]
    previous = None
    for n, step in steps.items():
        growth = f"{step['total'] / previous:.1f}×" if previous else ""
        lines.append(f"| {n}× | {fmt(step['load'])} | {fmt(step['validate'])} | {fmt(step['render'])} | "
                     f"{fmt(step['total'])} | {growth} |")
        previous = step["total"]
    return lines + [""], steps[100]["total"] / steps[10]["total"]


def measured_alone(section: str) -> list[str]:
    """The sentence a section re-measured by `python -m bench.run <section> --write` opens with."""
    commit, load, measured = test_time.stamp()
    return [f"Deze sectie is los gemeten ({measured}, commit `{commit}`, belasting {load:.2f} bij de start) "
            f"met `.venv/bin/python -m bench.run {section} --write`, niet in dezelfde run als de rest van dit "
            "bestand.", ""]


def scale_only(write: bool = False) -> None:
    """`python -m bench.run scale`: only the scale section, printed; with `--write` it also
    replaces that section of bench/RESULTS.md and the ratio on its last line, saying it was
    measured on its own."""
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-bench-"))
    try:
        projects = {n: make_project(work / f"x{n}", n) for n in (1, YEARS, 100)}
        lines, ratio = scale_section(projects)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if write:
        lines[2:2] = measured_alone("scale")
        results = REPO / "bench" / "RESULTS.md"
        replace_section(results, lines)
        text = re.sub(r"(`scale100_over_scale10` = generatortijd bij 100× / 10× = )\d+\.\d+",
                      lambda m: f"{m.group(1)}{ratio:.2f}", results.read_text(encoding="utf-8"))
        results.write_text(text, encoding="utf-8")
    print("\n".join(lines))
    print(f"scale100_over_scale10={ratio:.2f}")


def years_only(write: bool = False) -> None:
    """`python -m bench.run years`: only the ten-year case, printed; with `--write` it also
    replaces that section of bench/RESULTS.md, saying it was measured on its own (the other
    sections stay as `make bench` wrote them)."""
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-bench-"))
    try:
        lines = years_section(work, make_project(work / "x1", 1))[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if write:
        lines[2:2] = measured_alone("years")
        replace_section(REPO / "bench" / "RESULTS.md", lines)
    print("\n".join(lines))


def replace_section(results_file: Path, lines: list[str]) -> None:
    """Put a section (its first line the heading) in place of the one with that heading."""
    text = results_file.read_text(encoding="utf-8")
    start = text.index(lines[0] + "\n")
    end = text.find("\n## ", start + 1)
    text = text[:start] + "\n".join(lines).rstrip("\n") + "\n" + (text[end:] if end >= 0 else "")
    results_file.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["years"]:
        years_only(write="--write" in sys.argv)
    elif sys.argv[1:2] == ["scale"]:
        scale_only(write="--write" in sys.argv)
    else:
        main()
