"""Build: write the generated Markdown, then let MkDocs turn it into a site.

Only files whose content changed are rewritten, so `mkdocs serve` rebuilds little. The
site and the bundles are built into a new generation folder and published in one atomic
step only when everything succeeded (see "publishing" below): a failed or killed build
leaves the previous `site/` and `dist/` as they were.
"""

from __future__ import annotations

import fcntl
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from generator import address, guard, headers, history, kinds, opendata, outputs, redirects, search
from generator.errors import BuildError, DataError, Problem
from generator.load import collector_paused, not_a_plain_file
from generator.pages import links, news, pages
from generator.pages.links import relative as relative_link
from generator.render import (
    Page, changed_line, edit_url, navigation, render_pages, with_abbreviations,
)
from generator.terms import abbreviations, data_text
from generator.validate import Site, load_site

NAV_ORDER = kinds.nav_order()
"""The navigation, top to bottom, from the page kinds (generator/kinds.py): folders become
sections, pages stand alone. A folder that holds one period (one agenda, one annual report)
shows that period's pages directly; the report's label gets the year when there is one
report, the archive's label its year, both from the data (`nav_order`)."""

NOT_IN_NAV = kinds.not_in_nav()
"""Folders whose pages are reached through links only (`Kind.hidden`)."""

FALLBACK_EPOCH = 315532800
"""The earliest time a zip entry can hold (the first of January of the DOS epoch's year);
used outside a git checkout."""


@dataclass(frozen=True)
class Project:
    """Where everything lives, relative to the repository root."""

    root: Path
    """The repository root (where mkdocs.yml is)."""

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def docs(self) -> Path:
        return self.build / "docs"

    @property
    def config(self) -> Path:
        return self.build / SITE.config

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def dist(self) -> Path:
        return self.root / "dist"


def validated_site(project: Project) -> Site:
    """The validated data, or a DataError listing every problem."""
    site, problems = load_site(project.data)
    if problems:
        raise DataError(problems)
    assert site is not None
    return site


def checked_pages(site: Site) -> list[Page]:
    """The generated pages, or a DataError when two of them would be published at one
    address (a city with the id `index` would replace the list of cities). Each page of
    such a pair is reported at its own data line: one of them is the new id."""
    generated = pages(site)
    problems = outputs.problems([page_output(page) for page in generated])
    if problems:
        raise DataError(problems)
    return generated


def page_output(page: Page) -> outputs.Output:
    """A generated page as an output of the site, at the address MkDocs publishes it."""
    origin = (page.origin[0], page.origin[1], 1) if page.origin else None
    return outputs.Output(outputs.SITE, published_as(page.path), f"de pagina '{page.title}'", origin)


def planned_outputs(site: Site, generated: list[Page], files: dict[str, bytes]) -> list[outputs.Output]:
    """Every path the build writes into site/ and dist/, from the data, before anything is
    written: the pages and the other files of the docs folder, the files the steps after
    MkDocs add (search index, header and redirect files), and the bundles' files."""
    by_path = {page.path: page for page in generated}
    result = []
    for path in files:
        if path in by_path:
            result.append(page_output(by_path[path]))
        elif path.endswith(".md"):
            result.append(outputs.Output(outputs.SITE, published_as(path), f"de pagina content/{path}",
                                         (f"content/{path}", 1, 1)))
        else:
            result.append(outputs.Output(outputs.SITE, path, f"het bestand {path}"))
    result += [outputs.Output(outputs.SITE, redirects.published(old), f"de verwijzing van /{redirects.published(old)}",
                              yields=True) for old in redirects.redirects(site)]
    fixed = [headers.HEADER_FILE, headers.NGINX_FILE, redirects.NETLIFY_FILE, redirects.NGINX_FILE,
             "sitemap.xml", "sitemap.xml.gz", "404.html"]
    result += [outputs.Output(outputs.SITE, name, f"het vaste bestand {name}") for name in fixed]
    result += [outputs.Output(outputs.SITE, f"{search.FOLDER}/", "de map van de zoekindex", whole_folder=True),
               outputs.Output(outputs.SITE, f"{links.BUNDLE_FILES}/", "de map met de bestanden van de raadsbundels",
                              whole_folder=True)]
    return result + bundle_outputs(site)


def bundle_outputs(site: Site) -> list[outputs.Output]:
    """The files the council bundles put in dist/ and on the site, each at its session's line."""
    sessions = site.documents["sessions"]
    return outputs.bundle_outputs(site.sessions.sessions,
                                  lambda where: ("data/sessions.yaml", *sessions.where(where)))


def output_problems(site: Site, generated: list[Page]) -> list[Problem]:
    """What `make check` can tell without rendering: two pages or two bundle files at one path."""
    return outputs.problems([page_output(page) for page in generated] + bundle_outputs(site))


def published_as(path: str) -> str:
    """The address MkDocs publishes a docs file at (with directory URLs): `a/b.md` and
    `a/b/index.md` both become `a/b/`."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def site_config(project: Project) -> dict:
    """mkdocs.yml as data (it is ours and plain YAML: no MkDocs-specific tags)."""
    return yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8")) or {}


def hand_written_pages(project: Project) -> dict[str, bytes]:
    """The files under content/, by path relative to it; a DataError for anything that is
    not a regular file (a link could publish any file of the building machine) and for any
    script (content/ is published as it is, under the site's own address)."""
    if project.content.is_symlink():
        raise DataError([Problem("content", 0, 0, "de map is een symbolische link",
                                 "zet de inhoud zelf in de repository in plaats van een link")])
    if not project.content.is_dir():
        return {}
    files, problems = {}, []
    for folder, subfolders, names in os.walk(project.content, followlinks=False):
        for name in sorted(subfolders + names):
            path = Path(folder) / name
            rel = path.relative_to(project.content).as_posix()
            if name in subfolders and not path.is_symlink():
                continue
            problem = not_a_plain_file(path, f"content/{rel}") or _script_problem(path, f"content/{rel}")
            if problem:
                problems.append(problem)
            else:
                files[rel] = path.read_bytes()
    if problems:
        raise DataError(problems)
    return dict(sorted(files.items()))


_SCRIPT_SUFFIXES = (".js", ".mjs", ".cjs", ".wasm")
_SCRIPT_TAG = re.compile(rb"<\s*script\b", re.IGNORECASE)


def _script_problem(path: Path, name: str) -> Problem | None:
    """A problem for a script file or a `<script>` in a hand-written page: the site's
    scripts come from the theme and generator/search_assets, reviewed as code."""
    if path.suffix.lower() in _SCRIPT_SUFFIXES:
        return Problem(name, 0, 0, "een script hoort niet in content/",
                       "content/ is voor tekst, stijl en afbeeldingen; een script hoort in de code van de generator")
    match = _SCRIPT_TAG.search(path.read_bytes())
    if match:
        return Problem(name, *_line_column(path.read_bytes(), match.start()), "een <script> hoort niet in content/",
                       "schrijf de pagina zonder script; content/ is voor tekst, stijl en afbeeldingen")
    return None


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    return raw.count(b"\n", 0, offset) + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


@dataclass(frozen=True)
class Prepared:
    """Everything generated from the data, before anything is written."""

    site: Site
    """The validated data."""
    pages: list[Page]
    """The generated pages, in navigation order."""
    files: dict[str, bytes]
    """Every file of the docs folder: rendered pages and hand-written content."""
    nav: list
    """The navigation."""
    abbreviations: dict[str, str]
    """The abbreviation definitions by term; each page ends with those it uses."""
    not_in_nav: tuple[str, ...] = ()
    """Folders of pages left out of the menu on purpose, besides `NOT_IN_NAV` (the older
    periods' pages but their overview), so MkDocs does not warn about them."""


@collector_paused()
def prepare(project: Project) -> Prepared:
    """Validate the data and render every page, in memory."""
    site = validated_site(project)
    generated = checked_pages(site)
    definitions = abbreviations(site.organisations, data_text(site))
    edit_base = site_config(project).get("extra", {}).get("edit_base", "")
    site_url = address.site_url()
    own = hand_written_pages(project)
    changes = history.page_changes(project.root, site, generated, {
        path: get_data(body.decode())[1].get("title") or path for path, body in own.items() if path.endswith(".md")})
    generated = [news.page(tuple(changes), f"{site_url.rstrip('/')}/{history.FEED}" if site_url else "")
                 if page.path == links.NEWS else page for page in generated]
    per_page = history.page_history(changes)
    blocks = {path: history.history_block(found, relative_link(path, links.NEWS)) for path, found in per_page.items()}
    # A page says when it changed itself, not when anything else in its data file did.
    changed = {**last_changed(project), **{path: found[0].day for path, found in per_page.items()},
               **({links.NEWS: changes[0].day} if changes else {})}
    rendered = render_pages(generated, definitions, edit_base, changed, blocks)
    files: dict[str, bytes] = {path: text.encode() for path, text in rendered.items()}
    clashes = []
    published = {published_as(path) for path in files}
    for path, body in own.items():
        if path in files or published_as(path) in published:
            clashes.append(Problem(f"content/{path}", 1, 1, "deze pagina wordt al uit de gegevens gemaakt",
                                   "geef de handgeschreven pagina een andere naam"))
        elif path.endswith(".md"):
            edit = f"\n[Bewerk deze pagina]({edit_url(edit_base, f'content/{path}')})\n" if edit_base else ""
            text = body.decode() + edit + blocks.get(path, "") + changed_line(changed.get(f"content/{path}"))
            files[path] = with_abbreviations(text, definitions).encode()
        else:
            files[path] = body
    if clashes:
        raise DataError(clashes)
    files.update(opendata.files(site, site_url))
    files[history.FEED] = history.feed(changes, site_url, site_config(project).get("site_name") or "", links.NEWS)
    files[headers.SECURITY_TXT] = headers.security_txt(int(source_date_epoch(project)), site_url)
    files[headers.ROBOTS_TXT] = headers.robots_txt(site_url)
    collisions = outputs.problems(planned_outputs(site, generated, files))
    if collisions:
        raise DataError(collisions)
    hand_written = [menu_entry(p, files[p]) for p in sorted(files) if p.endswith(".md") and p not in rendered]
    in_menu = [page for page in generated if not older_detail(site, page.path)]
    older = tuple(f"{folder}/{name}" for folder, name in older_periods(site))
    return Prepared(site, generated, files, navigation(in_menu, hand_written, nav_order(site), NOT_IN_NAV),
                    definitions, older)


def menu_entry(path: str, page: bytes) -> str | dict[str, str]:
    """A hand-written page's menu entry, labelled with the title in its front matter, which
    MkDocs would show anyway. With the label, a new title changes the configuration, and
    the preview redraws the menu in every page (`make serve` rebuilds only pages whose
    Markdown changed, and the other pages' Markdown does not hold this title)."""
    _, meta = get_data(page.decode())
    title = meta.get("title")
    return {title: path} if isinstance(title, str) and title else path


def older_periods(site: Site) -> list[tuple[str, str]]:
    """(folder, period) of every agenda and report but the newest."""
    return [("agenda", p.period) for p in site.agendas[:-1]] + [("jaarverslag", str(y.year)) for y in site.years[:-1]]


def older_detail(site: Site, path: str) -> bool:
    """Whether a page belongs to an older agenda or report and is not its overview: the
    menu lists the newest period whole and the older ones by their overview page only, so
    it does not grow with every year (mkdocs-material repeats it in every page)."""
    parts = path.split("/")
    return len(parts) > 2 and (parts[0], parts[1]) in set(older_periods(site)) and parts[2:] != ["index.md"]


def nav_order(site: Site) -> dict[str, str]:
    """`NAV_ORDER` with the labels that come from the data."""
    years = [str(y.year) for y in site.years]
    report_key, archive_key = kinds.BY_NAME["report"].menu.key, kinds.BY_NAME["archive"].menu.key
    report = f"{NAV_ORDER[report_key]} {years[0]}" if len(years) == 1 else NAV_ORDER[report_key]
    return {**NAV_ORDER, report_key: report,
            archive_key: f"{NAV_ORDER[archive_key]} {site.source_year(site.archive.source)}"}


def last_changed(project: Project) -> dict[str, str]:
    """The day (YYYY-MM-DD, committer date) each file under data/ and content/ last changed,
    from git history: the same for every build of one commit, in any clone. Empty outside a
    git checkout; files with changes not yet committed keep their last committed day."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "data", "content"],
                             cwd=project.root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    days: dict[str, str] = {}
    for entry in log.split("\0")[1:]:
        day, *names = entry.strip().splitlines()
        for name in names:
            days.setdefault(name, day)
    return days


# --- one build path: the public site and the preview ---------------------------------


@dataclass(frozen=True)
class Build:
    """One kind of build of the site. Every kind writes the same docs tree (`prepare`) and
    the same MkDocs configuration (`mkdocs_config`); what a kind sets differently or leaves
    out is declared here and nowhere else."""

    config: str
    """Its MkDocs configuration, in build/."""
    settings: dict
    """What its configuration sets on top of the site's."""
    leaves_out: tuple[str, ...] = ()
    """What `make site` makes and this kind does not, in Dutch words for the editor."""


PREVIEW_HOOKS = Path(__file__).with_name("preview_hooks.py")
"""The MkDocs hooks that make a `--dirty` rebuild of the preview render as a full build does."""

SITE = Build("mkdocs.yml", {})
"""`make site`: strict, with the search index, the bundles and their PDFs."""

PREVIEW = Build("mkdocs.preview.yml", {"strict": False, "hooks": [str(PREVIEW_HOOKS)]},
                leaves_out=("de zoekindex", "de raadsbundels", "de pdf's"))
"""`make serve`, built by `mkdocs serve --dirty` (MkDocs renders only the pages whose
Markdown changed): without our search index, the bundles and their PDFs, which take a
minute. Not strict: MkDocs warns about every dirty build, and the checks that matter run
before MkDocs sees anything (`prepare`); `make site` stays strict. Its hooks give the pages
a dirty build does not read their titles, so the pages it renders equal a full build's."""


def generate(project: Project, prepared: Prepared | None = None, build: Build = SITE) -> list[str]:
    """Validate, render and write build/docs and `build`'s MkDocs configuration in build/;
    return the paths rewritten (the configuration by its name: when it changed, the menu did)."""
    prepared = prepared or prepare(project)
    written = sync_tree(project.docs, prepared.files)
    redirects.write_plan(project.build, redirects.redirects(prepared.site),
                         {page.path: page.title for page in prepared.pages})
    config = mkdocs_config("../mkdocs.yml", prepared.nav, prepared.not_in_nav, site_url=address.site_url(),
                           **build.settings)
    if write_if_changed(project.build / build.config, config):
        written.append(build.config)
    return written


def mkdocs_config(parent: str, nav: list, hidden: tuple[str, ...] = (), **settings) -> bytes:
    """A generated MkDocs configuration that INHERITs `parent` and adds the navigation.

    Paths in a configuration are relative to the file that MkDocs is given, the generated
    one; so the theme overrides (overrides/, beside the parent) are named from here."""
    overrides = posixpath.join(posixpath.dirname(parent), "overrides")
    config = {"INHERIT": parent, "docs_dir": "docs", "theme": {"custom_dir": overrides},
              "not_in_nav": "\n".join(f"/{folder}/" for folder in sorted({*NOT_IN_NAV, *hidden})), **settings,
              "nav": nav}
    return ("# Generated by the stedenagenda generator: do not edit.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)).encode()


def write_if_changed(path: Path, body: bytes) -> bool:
    """Write only when the bytes differ, so file watchers see only real changes."""
    if path.exists() and path.read_bytes() == body:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(body)
    tmp.replace(path)
    return True


def sync_tree(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Make `folder` hold exactly `files`; return what was written."""
    written = [rel for rel, body in sorted(files.items()) if write_if_changed(folder / rel, body)]
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def source_date_epoch(project: Project) -> str:
    """The time of the last commit, so that two builds of one commit are byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project.root,
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or str(FALLBACK_EPOCH)
    except (OSError, subprocess.CalledProcessError):
        return str(FALLBACK_EPOCH)


def mkdocs_build(project: Project, config: Path, target: Path) -> None:
    """Build the public site with MkDocs and publish it as `site/` (dist/ is kept)."""
    assert target == project.site, "only site/ is published on its own"
    with build_lock(project):
        generation = new_generation(project)
        try:
            mkdocs_into(project, config, generation / "site")
            keep_previous_dist(project, generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        publish(project, generation)


# --- publishing: one atomic step for site/ and dist/ together ------------------------
#
# site/ and dist/ are symbolic links into one generation folder, `.out/<generation>/`,
# through the link `.out/current`. A build writes a new generation beside the current one
# and publishes it by renaming a new `.out/current` over the old (rename(2) is atomic): a
# web server reading site/ during a build, or a build killed at any moment, sees the
# previous build or the new one, whole, and never site/ of one and dist/ of the other.
# Builds take a lock, so two at once run one after the other; the next build removes
# what a killed one left behind.

OUT = ".out"
"""The folder of build generations, beside site/ and dist/ (hidden, ignored by git)."""
DEBRIS = (".site.new-*", ".dist.new-*", ".site.old", ".dist.old", ".legacy-*", ".site.link-*", ".dist.link-*",
          "build/.bundle-*")
"""What killed builds of earlier versions, or of this one, leave in the repository."""


@contextmanager
def build_lock(project: Project, command: str = "make site") -> Iterator[None]:
    """Hold the one lock of every command that writes build/, site/ or dist/ (`make site`,
    `make generate`, `make serve` for as long as it runs); then clear what earlier, killed
    builds left behind. When another command holds it, a Dutch BuildError names that
    command and its process: waiting would hang behind a preview that runs for hours."""
    out = project.root / OUT
    out.mkdir(exist_ok=True)
    with open(out / "lock", "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "een ander proces"
            raise BuildError(f"{command} kan nu niet: {holder} schrijft al in build/, site/ en dist/ — wacht tot "
                             "dat klaar is, of stop het (Ctrl+C), en probeer het opnieuw") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{command} (proces {os.getpid()}, sinds {time.strftime('%H:%M:%S')})\n")
        handle.flush()
        try:
            remove_debris(project)
            yield
        finally:
            handle.truncate(0)


def remove_debris(project: Project) -> list[str]:
    """Remove unpublished generations and temporary folders; return what went."""
    out = project.root / OUT
    current = os.readlink(out / "current") if (out / "current").is_symlink() else None
    doomed = [p for p in out.iterdir() if p.name not in {"lock", "current", current}]
    doomed += [p for pattern in DEBRIS for p in project.root.glob(pattern)]
    for path in doomed:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return sorted(p.relative_to(project.root).as_posix() for p in doomed)


def new_generation(project: Project) -> Path:
    """An empty generation folder with empty site/ and dist/ in it."""
    out = project.root / OUT
    out.mkdir(exist_ok=True)
    generation = Path(tempfile.mkdtemp(prefix="gen-", dir=out))
    generation.chmod(0o755)  # mkdtemp makes it private; a site is for everyone to read
    for name in ("site", "dist"):
        (generation / name).mkdir()
    return generation


def keep_previous_dist(project: Project, generation: Path) -> None:
    """A build of site/ alone carries the published dist/ over (hard links, no copying)."""
    if project.dist.is_dir():
        shutil.rmtree(generation / "dist")
        shutil.copytree(project.dist, generation / "dist", copy_function=os.link)


def publish(project: Project, generation: Path) -> None:
    """Make `generation` the published site/ and dist/ in one rename, then remove the old."""
    out = project.root / OUT
    previous = os.readlink(out / "current") if (out / "current").is_symlink() else None
    _replace_with_link(out / "current", generation.name)
    for name in ("site", "dist"):
        _replace_with_link(project.root / name, f"{OUT}/current/{name}")
    if previous and previous != generation.name:
        shutil.rmtree(out / previous, ignore_errors=True)


def _replace_with_link(path: Path, target: str) -> None:
    """Point `path` at `target` atomically. A real folder left by an older version (from
    before site/ was a link) is moved aside first, once, and removed."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.exists() and not path.is_symlink():
        legacy = Path(tempfile.mkdtemp(prefix=".legacy-", dir=path.parent))
        path.rename(legacy / path.name)
        shutil.rmtree(legacy, ignore_errors=True)
    link = path.with_name(f".{path.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    os.symlink(target, link)
    os.replace(link, path)


MKDOCS_QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
"""Environment that turns off Material for MkDocs' English end-of-life banner."""


def mkdocs_env() -> dict[str, str]:
    """The environment MkDocs runs in: quiet, and able to import this package (mkdocs.yml
    names `generator.phone_tables` as a Markdown extension; MkDocs runs in the project's
    folder, which in the tests is a copy without the package)."""
    package_root = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, **MKDOCS_QUIET, "PYTHONPATH": path}


def mkdocs_into(project: Project, config: Path, fresh: Path) -> Path:
    """Run `mkdocs build --strict` into the empty folder `fresh` and check the result with
    the HTML guard.

    Not `--quiet`: that hides warnings from the counter behind `--strict`, so a broken link
    would pass. The output is shown only when the build fails; `fresh` is removed then.
    """
    env = {**mkdocs_env(), "SOURCE_DATE_EPOCH": source_date_epoch(project)}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(fresh)],
        cwd=project.root, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildError("MkDocs kon de site niet bouwen; de vorige versie is bewaard.\n"
                         + (result.stderr or result.stdout).strip())
    unsafe = guard.findings(fresh)
    if unsafe:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildError("Onveilige HTML in de gebouwde site; de vorige versie is bewaard.\n"
                         + "\n".join(f"{f.page}: {f.what}" for f in unsafe))
    strip_unneeded(fresh)
    generated = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    try:
        search.install(fresh, directory_urls=generated.get("use_directory_urls", True))
        if config == project.config:  # the public site: bundles keep only their own pages
            redirects.install(fresh, project.build, address.site_url())
        headers.write_header_files(fresh)
    except Exception:
        shutil.rmtree(fresh, ignore_errors=True)  # no half-built folder left behind
        raise
    return fresh


SEARCH_LANGUAGE = "nl"
"""The only language whose search stemmer readers need."""


def strip_unneeded(folder: Path, offline: bool = False) -> list[str]:
    """Remove what no reader needs: source maps, other languages' search stemmers, and in
    an offline bundle the sitemap (it only serves search engines) and the 404 page (a web
    server's, with root-absolute links that cannot work from file://). Returns what went."""
    lunr = folder / "assets" / "javascripts" / "lunr"
    keep = {f"lunr.{SEARCH_LANGUAGE}.min.js", "lunr.stemmer.support.min.js"}
    doomed = [p for p in folder.rglob("*.map")]
    doomed += [p for p in (lunr / "min").glob("lunr.*.min.js") if p.name not in keep]
    doomed += [lunr / "tinyseg.js", lunr / "wordcut.js"]
    if offline:
        doomed += [folder / "sitemap.xml", folder / "sitemap.xml.gz", folder / "404.html",
                   folder / headers.HEADER_FILE, folder / headers.NGINX_FILE]
    removed = []
    for path in doomed:
        if path.exists():
            path.unlink()
            removed.append(path.relative_to(folder).as_posix())
    return sorted(removed)
