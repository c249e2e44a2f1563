"""What changed on each page, from the git history of the data records behind it, and the
site's Atom feed of those changes.

Each commit on the first-parent line that touches `data/` is compared with its first parent,
record by record (generator/records.py, as `make diff` does): a record added, removed, or
fields changed. A page's history is that of the record its "Bewerk deze pagina" link opens,
with the records inside it (a theme's speerpunten; an overview page of a file has the whole
file). Everything comes from the commits (their committer dates and ids), nothing from the
clock, so two builds of one commit give the same bytes.

Without history (no git, or a shallow clone whose oldest commit has no parent here) a commit
whose parent is missing is not reported: its data cannot be compared with what came before.
A clone with all history (`git clone` without `--depth`, or `fetch-depth: 0` in a CI checkout)
shows the whole history.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

from generator import kinds, labels, markdown, models
from generator.models import AGENDA_FOLDER, REPORT_FOLDER, model_for
from generator.pages.links import Origin, partial_date
from generator.pages.news import PageChange
from generator.records import Path_, Record, field_label, records_of
from generator.render import Page
from generator.validate import Site

FEED = "feed.xml"
"""The Atom feed, at the site's root."""
FEED_ENTRIES = 50
"""The newest changes the feed carries (a feed reader keeps what it saw before)."""
MAX_PARTS = 4
"""What one change says at most, before "en nog …" (an overview page of a whole file)."""
ATOM = "http://www.w3.org/2005/Atom"
ADDED = "toegevoegd"
"""What a page's first change says: its record (or its file) came."""
EMPTY_FEED_TIME = datetime.fromtimestamp(0, tz=timezone.utc).isoformat()
"""A feed without changes still needs `updated` (RFC 4287 4.1.1); not the clock: the epoch."""

try:  # the C loader, as generator/load.py uses
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


NO_BLOB = "0" * 40
"""What git's raw diff gives as the blob of a file that is not there (before it was added)."""


@dataclass(frozen=True)
class Commit:
    """One commit that changed data files, with what its first parent had."""

    id: str
    parent: str | None
    """Its first parent; None for the first commit of the repository."""
    time: str
    """Committer time, strict ISO 8601 (`YYYY-MM-DDThh:mm:ss+01:00`)."""
    files: tuple[tuple[str, str | None, str | None], ...]
    """The files it changed: (path, blob before or None, blob after or None)."""

    @property
    def day(self) -> str:
        return self.time[:10]


def git(root: Path, *args: str) -> bytes | None:
    """git's output in `root`, or None when git or the repository is not there."""
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def data_commits(root: Path, folder: str = "data", suffix: str = ".yaml") -> list[Commit]:
    """The commits on the first-parent line that change files of `folder` ending in
    `suffix`, oldest first, each with the blobs before and after (one `git log --raw`); a
    commit at the edge of a shallow clone (its parent is not here) is left out."""
    log = git(root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev",
              "--format=%x00%H %P%x09%cI", "--", folder)
    if log is None:
        return []
    edge = (git(root, "rev-parse", "--git-path", "shallow") or b"").decode().strip()
    shallow_file = Path(root, edge) if edge else None
    boundary = set(shallow_file.read_text().split()) if shallow_file and shallow_file.is_file() else set()
    commits = []
    for entry in log.decode().split("\0")[1:]:
        head, *lines = entry.strip().splitlines()
        ids, time = head.split("\t")
        commit, *parents = ids.split()
        if commit in boundary:
            continue
        files = []
        for line in lines:
            if not line.startswith(":"):
                continue
            meta, path = line.split("\t", 1)
            old, new = meta.split()[2:4]
            if path.startswith(f"{folder}/") and path.endswith(suffix):
                files.append((path, None if old == NO_BLOB else old, None if new == NO_BLOB else new))
        if files:
            commits.append(Commit(commit, parents[0] if parents else None, time, tuple(files)))
    return commits[::-1]


class Blobs:
    """Data files from git (one `git cat-file --batch` for all), each read and parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.parsed: dict[str, Any] = {}
        self.records: dict[tuple[str, str], dict] = {}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Blobs:
        self.process = subprocess.Popen(["git", "-C", str(self.root), "cat-file", "--batch"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        return self

    def __exit__(self, *_: object) -> None:
        assert self.process and self.process.stdin
        self.process.stdin.close()
        self.process.wait()

    def read(self, spec: str | None) -> Any:
        """The YAML value of a blob (by id, or `revision:path`), or None when it is not there."""
        if spec is None:
            return None
        if spec not in self.parsed:
            assert self.process and self.process.stdin and self.process.stdout
            self.process.stdin.write(spec.encode() + b"\n")
            self.process.stdin.flush()
            header = self.process.stdout.readline().split()
            body = None
            if len(header) == 3 and header[1] == b"blob":
                body = self.process.stdout.read(int(header[2]) + 1)[:-1]
            try:
                self.parsed[spec] = yaml.load(body, Loader=_Loader) if body is not None else None
            except yaml.YAMLError:
                self.parsed[spec] = None
        return self.parsed[spec]


LEGACY = {"data/agenda.yaml": ("agenda", "period"), "data/report.yaml": ("report", "year"),
          "data/activities.yaml": ("activities", "year")}
"""Files of the layout before one file per agenda and per report: where their records live
now (`agenda/<period>`, `jaarverslagen/<year>/…`), read from the period or year of that revision."""


def current_name(blobs: Blobs, revision: str | None, path: str) -> str | None:
    """The name (`cities`, `agenda/<period>`) a data file at `revision` has now, or None for
    a file that is not one of ours."""
    name = path.removeprefix("data/").removesuffix(".yaml")
    if model_for(name) is not None:
        return name
    if path not in LEGACY or revision is None:
        return None
    kind, key = LEGACY[path]
    source = blobs.read(f"{revision}:data/{'agenda' if kind == 'agenda' else 'report'}.yaml")
    value = source.get(key) if isinstance(source, dict) else None
    if value is None:
        return None
    return f"{AGENDA_FOLDER}/{value}" if kind == "agenda" else f"{REPORT_FOLDER}/{value}/{kind}"


def file_records(blobs: Blobs, revision: str | None, path: str, blob: str | None
                 ) -> dict[str, dict[tuple[str, str], Record]]:
    """{current file name: its records} of one data file as it was at `revision` (empty
    when it was not there)."""
    name = current_name(blobs, revision, path) if blob else None
    if not name or not blob:
        return {}
    if (name, blob) not in blobs.records:
        data = blobs.read(blob)
        blobs.records[name, blob] = records_of(name, data) if isinstance(data, dict) else {}
    return {name: blobs.records[name, blob]}


@dataclass(frozen=True)
class RecordChange:
    """One record of one file, changed by one commit."""

    commit: Commit
    before: Record | None
    after: Record | None

    @property
    def record(self) -> Record:
        return self.after or self.before  # type: ignore[return-value]

    def fields(self) -> list[Path_]:
        """The field paths whose values differ (all of them for an added or removed record)."""
        old = self.before.fields if self.before else {}
        new = self.after.fields if self.after else {}
        return sorted((p for p in {*old, *new} if old.get(p) != new.get(p)), key=str)


_READ: dict[tuple[Path, bytes], dict[str, list[RecordChange]]] = {}
"""The history read per repository and HEAD: `make serve` prepares the site again at every
save, and the commits do not change between saves."""


def record_changes(root: Path) -> dict[str, list[RecordChange]]:
    """Per current data file name, every record change, oldest first."""
    head = git(root, "rev-parse", "HEAD")
    key = (root.resolve(), head or b"")
    if head is not None and key in _READ:
        return _READ[key]
    result = _READ[key] = read_record_changes(root) if head is not None else defaultdict(list)
    return result


def read_record_changes(root: Path) -> dict[str, list[RecordChange]]:
    """`record_changes`, read from git."""
    result: dict[str, list[RecordChange]] = defaultdict(list)
    commits = data_commits(root)
    if not commits:
        return result
    with Blobs(root) as blobs:
        for commit in commits:
            before: dict[str, dict] = {}
            after: dict[str, dict] = {}
            for path, old_blob, new_blob in commit.files:
                for name, records in file_records(blobs, commit.parent, path, old_blob).items():
                    before.setdefault(name, {}).update(records)
                for name, records in file_records(blobs, commit.id, path, new_blob).items():
                    after.setdefault(name, {}).update(records)
            for name in sorted({*before, *after}):
                old, new = before.get(name, {}), after.get(name, {})
                for key in [*old, *(k for k in new if k not in old)]:
                    change = RecordChange(commit, old.get(key), new.get(key))
                    if change.before is None or change.after is None or change.fields():
                        result[name].append(change)
    return result


# --- pages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Behind:
    """The data behind one page: a record of a file, and the part of it (for a page made
    from one field of a record: the report's foreword, the agenda's introduction)."""

    file: str
    key: tuple[str, str]
    part: Path_


def behind(site: Site, page: Page, known: dict[str, dict] | None = None) -> Behind | None:
    """What a page is made from, by the item its edit link opens (`Context.origin`): the
    record that is that item, or the field of the record around it. `known` keeps each
    file's records between calls (a hundred activity pages share one file)."""
    if not isinstance(page.origin, Origin):
        return None
    name = page.origin[0].removeprefix("data/").removesuffix(".yaml")
    doc = site.documents.get(name)
    if doc is None or model_for(name) is None:
        return None
    path: Path_ = page.origin.path
    known = {} if known is None else known
    records = known[name] if name in known else known.setdefault(name, records_of(name, doc.data))
    inside = max((r for r in records.values() if path[:len(r.at)] == r.at), key=lambda r: len(r.at))
    return Behind(name, inside.key, path[len(inside.at):])


def part_of_page(change: RecordChange, what: Behind) -> bool:
    """Whether a record change touches the data behind a page: its own record (in the page's
    part of it), or a record inside it (inside that part: a part is a field of a file's own
    record, such as the agenda's `randvoorwaarden`, so its path counts from the file's top)."""
    record = change.record
    if record.key == what.key:
        return change.before is None or change.after is None or any(
            f[:len(what.part)] == what.part for f in change.fields())
    return what.key in record.parents and record.at[:len(what.part)] == what.part


def describe(changes: list[RecordChange], what: Behind) -> str:
    """One commit's changes to one page in plain Dutch: "samenvatting en bronnen aangepast",
    "toegevoegd", "speerpunt 'Wonen' toegevoegd", "97 activiteiten aangepast"."""
    own = [c for c in changes if c.record.key == what.key]
    parts: list[str] = []
    for change in own:
        if change.before is None:
            return ADDED
        names: list[str] = []
        for path in change.fields():
            if path[:len(what.part)] == what.part and len(path) > len(what.part):
                name = field_name(change.record, path[:len(what.part) + 1])
                if name not in names:
                    names.append(name)
        if names:
            parts.append(f"{listed(names)} aangepast")
    inner: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for change in (c for c in changes if c.record.key != what.key):
        verb = "toegevoegd" if change.before is None else "verwijderd" if change.after is None else "aangepast"
        inner[container(change.record), verb].append(change.record)
    for (group, verb), records in inner.items():
        if len(records) > 2:
            parts.append(f"{len(records)} {group} {verb}")
        else:
            parts += [f"{lower_first(r.kind)} „{r.title or r.id}” {verb}" for r in records]
    if len(parts) > MAX_PARTS:
        parts = parts[:MAX_PARTS - 1] + [f"nog {len(parts) - MAX_PARTS + 1} andere wijzigingen"]
    return listed(parts)


def field_name(record: Record, path: Path_) -> str:
    """A field in the editors' words ("samenvatting"); a field this version of the data no
    longer has is "andere gegevens" (its old key is no reader's word)."""
    name = field_label(record.model, path).split(" › ")[-1]
    return "andere gegevens" if name == path[-1] else lower_first(name)


def container(record: Record) -> str:
    """What the list a record stands in is called, in the plural: "activiteiten"."""
    parent = getattr(models, record.parents[-1][0], None) if record.parents else None
    name = record.at[-2] if len(record.at) > 1 else None
    label = labels.field_label(parent, name) if parent and isinstance(name, str) else None
    return lower_first(label.label) if label else record.kind


def lower_first(text: str) -> str:
    """`Samenvatting` → `samenvatting`; an abbreviation (`URL`, `G40`) stays as it is."""
    return text[:1].lower() + text[1:] if len(text) > 1 and not text[1].isupper() and not text[1].isdigit() else text


def listed(items: list[str]) -> str:
    """`a`, `a en b`, `a, b en c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def page_changes(root: Path, site: Site, generated: list[Page],
                 hand_written: dict[str, str] | None = None) -> list[PageChange]:
    """Every change to every page, newest first (then in menu order): the generated pages
    from their records, the hand-written pages (`hand_written`: {docs path: title}) from
    their files under content/."""
    changes = record_changes(root)
    result: list[tuple[int, PageChange]] = []
    known: dict[str, dict] = {}
    for order, page in enumerate(generated):
        what = behind(site, page, known)
        if what is None:
            continue
        by_commit: dict[Commit, list[RecordChange]] = defaultdict(list)
        for change in changes.get(what.file, []):
            if part_of_page(change, what):
                by_commit[change.commit].append(change)
        for commit, found in by_commit.items():
            text = describe(found, what)
            if text:
                result.append((order, PageChange(commit.day, commit.time, commit.id, page.path, page.title, text)))
    order = len(generated)
    for commit in data_commits(root, "content", ".md") if hand_written else []:
        for file, before, after in commit.files:
            path = file.removeprefix("content/")
            if path in hand_written and after:
                result.append((order + sorted(hand_written).index(path), PageChange(
                    commit.day, commit.time, commit.id, path, hand_written[path],
                    "tekst aangepast" if before else ADDED)))
    result.sort(key=lambda item: (item[1].time, -item[0]), reverse=True)
    return [change for _, change in result]


def page_history(changes: list[PageChange]) -> dict[str, list[PageChange]]:
    """The changes by page, newest first."""
    result: dict[str, list[PageChange]] = defaultdict(list)
    for change in changes:
        result[change.path].append(change)
    return dict(result)


def history_block(changes: list[PageChange], news_url: str) -> str:
    """The "Wijzigingen op deze pagina" part of a page's Markdown (nothing without changes),
    a line per day: a static list, on the web and in the bundles' pages, not in their PDFs
    (generator/chrome.py)."""
    if not changes:
        return ""
    days: dict[str, list[str]] = {}
    for change in changes:
        days.setdefault(change.day, []).append(change.what)
    # A page made on a day and changed the same day was made that day.
    lines = [f"- {partial_date(day)}: {markdown.escape(ADDED if ADDED in whats else '; '.join(whats))}"
             for day, whats in days.items()]
    more = f"\nAlle wijzigingen op de site: [Wat is er nieuw]({news_url}).\n" if news_url else ""
    return ('\n<section class="wijzigingen" markdown="1">\n\n## Wijzigingen op deze pagina\n\n'
            + "\n".join(lines) + "\n" + more + "\n</section>\n")


# --- the feed ---------------------------------------------------------------------------


def feed(changes: list[PageChange], site_url: str, title: str, news_path: str) -> bytes:
    """The Atom feed (RFC 4287) of the newest changes: one entry per page and commit, with a
    stable id (a tag URI from the commit and the page), updated at the commit's time. Written
    with ElementTree: the format is small and fixed, and a library (feedgen) would stamp the
    clock into `updated` unless told otherwise at every entry."""
    base = site_url.rstrip("/") + "/"
    host = base.split("://", 1)[-1].split("/", 1)[0]
    ElementTree.register_namespace("", ATOM)

    def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attrs: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    root = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    add(root, "id", f"{base}{FEED}")
    add(root, "title", f"Wat is er nieuw: {title}")
    add(root, "subtitle", "Wijzigingen in de gegevens van de site, per pagina, uit de geschiedenis van de gegevens.")
    add(root, "updated", changes[0].time if changes else EMPTY_FEED_TIME)
    add(root, "link", rel="self", type="application/atom+xml", href=f"{base}{FEED}")
    add(root, "link", rel="alternate", type="text/html", href=f"{base}{kinds.url(news_path)}")
    author = add(root, "author")
    add(author, "name", title)
    for change in changes[:FEED_ENTRIES]:
        entry = add(root, "entry")
        add(entry, "id", f"tag:{host},{change.day}:{change.commit}/{kinds.url(change.path)}")
        add(entry, "title", f"{change.title}: {change.what}")
        add(entry, "updated", change.time)
        add(entry, "link", rel="alternate", type="text/html", href=f"{base}{kinds.url(change.path)}")
        add(entry, "summary", f"{partial_date(change.day)}: {change.what}.")
    ElementTree.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="utf-8",
                                                                          xml_declaration=False) + b"\n"
