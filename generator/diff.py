"""`make diff`: what a change to the data does, for a reviewer, in Dutch Markdown.

Both revisions are validated with this checkout's code and compared record by record (a
record is an item with an `id`: a theme, a city, an activity …; what has no id of its own
belongs to the record around it, or to the file). Changed fields are named by their Dutch
labels (generator/labels.py). The pages are rendered for both revisions and compared too,
so the report lists exactly the pages whose text changes, as links under `site_url`. A
change that removes more than `MASS_DELETION_SHARE` of a file's records or filled-in fields
gets a warning on top: the known failure of data pull requests is an edit that deletes
many values at once without anyone noticing.
"""

from __future__ import annotations

import io
import posixpath
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import address
from generator.build import Project, hand_written_pages
from generator.errors import StedenagendaError, summary_line
from generator.load import load_document
from generator.markdown import one_line
from generator.models import AGENDA_FOLDER, REPORT_FOLDER, data_files, model_for
from generator.records import Path_, Record, field_label, records_of
from generator.validate import load_site

MASS_DELETION_SHARE = 0.2
"""Warn when a change removes more than this share of a file's records or filled-in fields."""

MAX_PAGES = 60
"""Pages listed by name; more are counted (a menu change touches every page)."""

INPUTS = ("data", "content", "mkdocs.yml")
"""What a revision contributes to the comparison; the code is this checkout's."""


class DiffError(StedenagendaError):
    """A revision cannot be read or compared."""


@dataclass
class FileChanges:
    """What changed in one data file."""

    name: str
    added: list[Record] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    changed: list[tuple[Record, list[tuple[str, Any, Any]]]] = field(default_factory=list)
    before: dict[tuple[str, str], Record] = field(default_factory=dict)
    """The file's records before the change, by (kind of record, id)."""
    records_before: int = 0
    fields_before: int = 0
    fields_removed: int = 0

    def mass_deletion(self) -> list[str]:
        """The Dutch warnings when too much of this file goes at once."""
        warnings = []
        if self.records_before and len(self.removed) / self.records_before > MASS_DELETION_SHARE:
            warnings.append(f"verwijdert {len(self.removed)} van de {self.records_before} items "
                            f"({_percent(len(self.removed), self.records_before)})")
        if self.fields_before and self.fields_removed / self.fields_before > MASS_DELETION_SHARE:
            warnings.append(f"maakt {self.fields_removed} van de {self.fields_before} ingevulde velden leeg of "
                            f"haalt ze weg ({_percent(self.fields_removed, self.fields_before)})")
        return warnings


@dataclass
class Revision:
    """The data of one revision, as records, and its pages."""

    label: str
    records: dict[str, dict[tuple[str, str], Record]]
    pages: dict[str, tuple[str, str]] | None
    """{docs path: (title, Markdown)}, or None when the data did not validate."""
    problems: list[str] = field(default_factory=list)
    site: Any = None
    """The validated site, None when the data did not validate."""


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[FileChanges]:
    """Per data file, the records added, removed and changed, and what was deleted."""
    result = []
    for name in [*before, *(n for n in after if n not in before)]:
        old, new = before.get(name, {}), after.get(name, {})
        changes = FileChanges(name, before=old)
        changes.records_before = sum(1 for r in old.values() if r.id)
        for key, record in old.items():
            filled = [p for p, v in record.fields.items() if not _empty(v)]
            changes.fields_before += len(filled)
            if key not in new:
                if record.id:
                    changes.removed.append(record)
                changes.fields_removed += len(filled)
                continue
            now = new[key]
            changes.fields_removed += sum(1 for p in filled if _empty(now.fields.get(p)))
            fields = [(field_label(record.model, p), record.fields.get(p), now.fields.get(p))
                      for p in sorted({*record.fields, *now.fields}, key=_sort_key)
                      if record.fields.get(p) != now.fields.get(p)]
            if fields:
                changes.changed.append((now, fields))
        changes.added = [r for k, r in new.items() if k not in old and r.id]
        if changes.added or changes.removed or changes.changed:
            result.append(changes)
    return result


def _sort_key(path: Path_) -> tuple:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


# --- revisions ----------------------------------------------------------------------


def revision_root(repo: Path, revision: str, target: Path) -> Path:
    """Write the data, content and mkdocs.yml of `revision` into `target` (the user's
    working tree is not touched)."""
    def git(*args: str, text: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=text)

    resolved = git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if resolved.returncode != 0:
        raise DiffError(f"onbekende versie {revision!r} — geef een bestaande versie, bijvoorbeeld "
                        f"`make diff BASE=HEAD~1` of `make diff BASE=origin/main` (na `git fetch`)")
    listed = git("ls-tree", "--name-only", revision).stdout.split()
    paths = [p for p in INPUTS if p in listed]
    archive = git("archive", "--format=tar", revision, "--", *paths, text=False) if paths else None
    if archive is not None and archive.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
    upgrade_layout(target / "data")
    return target


def load_revision(project: Project, label: str) -> Revision:
    """The records and pages of the data in `project`, validated with this checkout's code."""
    site, problems = load_site(project.data)
    if site is None:
        records = {}
        for name in data_files(project.data):  # compare what loads, so the report still shows the change
            path = project.data / f"{name}.yaml"
            if path.is_file():
                doc, _ = load_document(path, f"data/{name}.yaml")
                records[name] = records_of(name, doc.data)
        lines = [str(p) for p in problems] + [summary_line(problems)]
        return Revision(label, records, None, lines)
    records = {name: records_of(name, model.model_dump(mode="json")) for name, model in site.models.items()}
    return Revision(label, records, rendered_pages(project, site), site=site)


LEGACY_FILES = {"agenda": AGENDA_FOLDER, "report": REPORT_FOLDER, "activities": REPORT_FOLDER}
"""Data files of the versions before agendas and reports had a file per period."""


def upgrade_layout(data_dir: Path) -> None:
    """Move the files of the layout before the periods (`data/agenda.yaml`, `report.yaml`,
    `activities.yaml`) in an extracted revision to the names they have now
    (`agenda/<period>.yaml`, `jaarverslagen/<year>/…`), read from their period and year, so
    a diff against such a version compares record by record instead of file against file."""
    def field(name: str, key: str) -> str | None:
        path = data_dir / f"{name}.yaml"
        if not path.is_file():
            return None
        doc, _ = load_document(path, f"data/{name}.yaml")
        value = doc.data.get(key) if isinstance(doc.data, dict) else None
        return str(value) if value is not None else None

    period, year = field("agenda", "period"), field("report", "year")
    for old, folder in LEGACY_FILES.items():
        path = data_dir / f"{old}.yaml"
        name = f"{AGENDA_FOLDER}/{period}" if folder == AGENDA_FOLDER else f"{REPORT_FOLDER}/{year}/{old}"
        if not path.is_file() or model_for(name) is None or (data_dir / f"{name}.yaml").exists():
            continue
        (data_dir / f"{name}.yaml").parent.mkdir(parents=True, exist_ok=True)
        path.rename(data_dir / f"{name}.yaml")


def rendered_pages(project: Project, site) -> dict[str, tuple[str, str]]:
    """{docs path: (title, Markdown)} for every page, without the line-numbered edit links
    (a line added at the top of a file would otherwise change every page below it)."""
    from generator.pages import pages
    from generator.render import render_pages
    from generator.terms import abbreviations

    generated = pages(site)
    from generator.terms import data_text

    texts = render_pages(generated, abbreviations(site.organisations, data_text(site)), "")
    result = {page.path: (page.title, texts[page.path]) for page in generated}
    for path, body in hand_written_pages(project).items():
        if path.endswith(".md"):
            text = body.decode("utf-8", errors="replace")
            title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path)
            result[path] = (title, text)
    return result


def page_url(site_url: str, path: str) -> str:
    """The address of a docs page on the published site (directory URLs)."""
    stem = path[: -len(".md")]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return site_url.rstrip("/") + "/" + stem


# --- the report ----------------------------------------------------------------------

_BREAKS = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BACKTICKS = re.compile("`+")
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~/%-]*)?$")


def safe_address(url: str) -> bool:
    """Whether an address can be a Markdown link target as it is (http(s), no spaces,
    brackets, quotes or other characters that could end the link)."""
    return bool(_SAFE_URL.match(url))


def _longest_backticks(text: str) -> int:
    return max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)


class Text:
    """The report for a terminal: plain Dutch text, values as they are between „…”."""

    def heading(self, level: int, text: str) -> list[str]:
        return [text, ("=" if level <= 2 else "-") * len(text), ""]

    def value(self, value: object) -> str:
        """A value from the data or a file name, on one line, control characters shown as '?'."""
        return _CONTROL.sub("?", _BREAKS.sub(" ", str(value)).strip())

    def quoted(self, value: object) -> str:
        return f"„{self.value(value)}”"

    def strong(self, text: str) -> str:
        return text

    def command(self, text: str) -> str:
        """One of our commands, named in the text."""
        return text

    def link(self, label: object, url: str) -> str:
        return f"{self.value(label)} ({url})" if url else self.value(label)

    def block(self, lines: list[str]) -> list[str]:
        return [f"  {self.value(line)}" for line in lines]

    def warning(self, text: str) -> str:
        return f"LET OP: {text}"


class Markdown(Text):
    """The report for the pull-request comment (GitHub Markdown). Every value from the data
    or a file name is inert: on one line, in a code span whose fence is longer than any run
    of backticks in it, so no heading, list, link, image, HTML, mention or bare address can
    come from it (GitHub links neither @names nor addresses inside code). Blocks of lines go
    in a fence no line can close. Our own words carry the Markdown."""

    def heading(self, level: int, text: str) -> list[str]:
        return ["#" * level + " " + text, ""]

    def value(self, value: object) -> str:
        text = super().value(value)
        if not text:
            return "(leeg)"
        fence = "`" * (_longest_backticks(text) + 1)
        pad = " " if text[0] == "`" or text[-1] == "`" else ""  # CommonMark strips one space each side
        return f"{fence}{pad}{text}{pad}{fence}"

    def quoted(self, value: object) -> str:
        return self.value(value)

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def command(self, text: str) -> str:
        return f"`{text}`"

    def link(self, label: object, url: str) -> str:
        return f"[{self.value(label)}]({url})" if url and safe_address(url) else self.value(label)

    def block(self, lines: list[str]) -> list[str]:
        body = [_CONTROL.sub("?", line) for line in lines]
        fence = "`" * max(3, max((_longest_backticks(line) for line in body), default=0) + 1)
        return [f"{fence}text", *body, fence]

    def warning(self, text: str) -> str:
        return f"> ⚠️ **Let op:** {text}"


TEXT, MARKDOWN = Text(), Markdown()


def _show(value: Any, fmt: Text, other: Any = None) -> str:
    """A value as a reviewer reads it; a long text shows the part that changed."""
    if _empty(value):
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_show(v, fmt) for v in value)
    text = one_line(value)
    if isinstance(other, str) and max(len(text), len(other)) > 160:
        text = _excerpt(text, one_line(other))
    elif len(text) > 160:
        text = text[:157] + "…"
    return fmt.quoted(text)


def _excerpt(text: str, other: str, context: int = 50) -> str:
    """The stretch of `text` that differs from `other`, with some words around it."""
    start = 0
    while start < min(len(text), len(other)) and text[start] == other[start]:
        start += 1
    end = 0
    while end < min(len(text), len(other)) - start and text[-1 - end] == other[-1 - end]:
        end += 1
    left, right = max(0, start - context), min(len(text), len(text) - end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _name(record: Record, fmt: Text) -> str:
    if not record.id:
        return f"{fmt.value(f'data/{record.file}.yaml')} zelf"
    title = f": {fmt.quoted(record.title)}" if record.title else ""
    return f"{record.kind} {fmt.value(record.id)}{title}"


def report(base: Revision, head: Revision, site_url: str, fmt: Text = MARKDOWN,
           warnings: list[str] | None = None) -> str:
    """The Dutch report of what changes from `base` to `head`: Markdown for the comment,
    plain text for a terminal. With invalid new data, only its errors: records compared
    from data that does not load would be invented changes."""
    lines = [*fmt.heading(2, "Wat verandert er?"), f"Vergeleken: {base.label} → {head.label}.", ""]
    if head.problems:
        return "\n".join([*lines, f"{fmt.strong('De gegevens van deze versie kloppen niet.')} "
                                  f"{fmt.command('make check')} meldt:", "", *fmt.block(head.problems), "",
                          f"Er is niets vergeleken: herstel eerst deze fouten, dan toont {fmt.command('make diff')} "
                          "wat er verandert."]) + "\n"
    if base.problems:
        lines += [f"De gegevens van {base.label} kloppen niet volgens de huidige controle; ze zijn "
                  "vergeleken zoals ze geladen zijn.", ""]
    changes = compare(base.records, head.records)
    for change in changes:
        for warning in change.mass_deletion():
            lines += [fmt.warning(f"veel verwijderd. Deze wijziging {warning} in "
                                  f"{fmt.value(f'data/{change.name}.yaml')}. Is dat de bedoeling?"), ""]
    for warning in [*passages_lost(changes, fmt), *(warnings or [])]:
        lines += [fmt.warning(warning), ""]
    if not changes:
        lines += ["Geen wijzigingen in de gegevens.", ""]
    for change in changes:
        lines += fmt.heading(3, fmt.value(f"data/{change.name}.yaml"))
        if change.added:
            lines += [fmt.strong("Toegevoegd"), "", *(f"- {_name(r, fmt)}" for r in change.added), ""]
        if change.removed:
            lines += [fmt.strong("Verwijderd"), "", *(f"- {_name(r, fmt)}" for r in change.removed), ""]
        if change.changed:
            lines += [fmt.strong("Gewijzigd"), ""]
            for record, fields in change.changed:
                lines.append(f"- {_name(record, fmt)}")
                lines += [f"  - {label}: {_show(old, fmt, new)} → {_show(new, fmt, old)}" for label, old, new in fields]
            lines.append("")
    lines += _pages_section(base, head, site_url, fmt)
    return "\n".join(lines).rstrip() + "\n"


def _passages_of(record: Record) -> list[tuple]:
    """The passages a record cites (its own and those of the parts without an id of their own)."""
    found = []
    for path, value in record.fields.items():
        prefix = path[:-1]
        if path and path[-1] == "anchor" and prefix + ("source",) in record.fields:  # a Passage
            found.append((record.fields.get(prefix + ("source",)), record.fields.get(prefix + ("place",)), value))
    return found


def passages_lost(changes: list[FileChanges], fmt: Text) -> list[str]:
    """A warning per record that stays but cites fewer passages than before: its facts may
    no longer be traceable to a source."""
    warnings = []
    for change in changes:
        for record, _ in change.changed:
            before = change.before.get((record.model.__name__, record.id))
            if before is None:
                continue
            old, new = _passages_of(before), _passages_of(record)
            if len(new) < len(old):
                gone = [p for p in old if p not in new] or old[len(new):]
                listed = "; ".join(f"{fmt.value(src)} ({fmt.value(place)}): {fmt.quoted(anchor)}"
                                   for src, place, anchor in gone)
                warnings.append(f"{_name(record, fmt)} in {fmt.value(f'data/{change.name}.yaml')} verliest "
                                f"{'een passage' if len(old) - len(new) == 1 else f'{len(old) - len(new)} passages'}"
                                f" ({len(old)} → {len(new)}): {listed}. Staat alles wat het item zegt nog in een bron?")
    return warnings


def _pages_section(base: Revision, head: Revision, site_url: str, fmt: Text) -> list[str]:
    if base.pages is None or head.pages is None:
        return [*fmt.heading(3, "Pagina's"), "Niet vergeleken: de gegevens van een van beide versies kloppen niet.", ""]
    rows = []
    for path in sorted({*base.pages, *head.pages}):
        old, new = base.pages.get(path), head.pages.get(path)
        if old == new:
            continue
        title, what = (new or old)[0], "nieuw" if old is None else "verdwijnt" if new is None else "gewijzigd"
        rows.append(f"- {fmt.link(title, page_url(site_url, path))} — {what}")
    if not rows:
        return [*fmt.heading(3, "Pagina's"), "Geen pagina verandert.", ""]
    shown = rows[:MAX_PAGES]
    more = [f"- … en nog {len(rows) - MAX_PAGES} pagina's"] if len(rows) > MAX_PAGES else []
    return [*fmt.heading(3, f"Pagina's die veranderen ({len(rows)})"), *shown, *more, ""]


_LINK_TARGET = re.compile(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)")


def orphaned_links(base: Revision, head: Revision, site_url: str, fmt: Text) -> list[str]:
    """A warning per page that disappears while other pages of the base linked to it: their
    readers' links, and links from elsewhere, lead nowhere now."""
    if base.pages is None or head.pages is None:
        return []
    gone = {path for path in base.pages if path not in head.pages}
    linking: dict[str, list[str]] = {}
    for path, (_, text) in base.pages.items():
        if path in gone:
            continue
        folder = posixpath.dirname(path)
        for target in _LINK_TARGET.findall(text):
            resolved = posixpath.normpath(posixpath.join(folder, target))
            if resolved in gone:
                linking.setdefault(resolved, []).append(path)
    warnings = []
    for path, sources in sorted(linking.items()):
        titles = sorted({base.pages[p][0] for p in sources})
        named = ", ".join(fmt.quoted(t) for t in titles[:5]) + (f" en nog {len(titles) - 5}" if len(titles) > 5 else "")
        warnings.append(f"de pagina {fmt.link(base.pages[path][0], page_url(site_url, path))} verdwijnt, maar "
                        f"{len(titles)} andere {'pagina linkte' if len(titles) == 1 else 'pagina’s linkten'} ernaar: "
                        f"{named}. Links van buiten de site naar deze pagina werken dan ook niet meer.")
    return warnings


def literal_titles_missing(base_site, head_site, fmt: Text) -> list[str]:
    """A warning per literal title (a value that must stand word for word in its passage: a
    speerpunt, a theme, a programme between single quotes) that does not, in the new data,
    while it did before: a reviewer sees a renamed title before the readers do."""
    before = set(_missing_literals(base_site)) if base_site is not None else set()
    warnings = []
    for key, (text, cited) in _missing_literals(head_site).items():
        if key in before:
            continue
        file, path = key[0], key[1]
        where = "; ".join(f"{fmt.value(p.source)} ({fmt.value(p.place)})" for p in cited)
        warnings.append(f"de titel {fmt.quoted(text)} in {fmt.value(f'data/{file}.yaml')} staat niet letterlijk in "
                        f"zijn bron: {where}. Een titel die de bron noemt, schrijf je precies zoals de bron.")
    return warnings


_QUOTED_NAME = re.compile(r"(?<![\w'])'([^']+?)'(?![\w])")


def _missing_literals(site) -> dict[tuple, tuple[str, tuple]]:
    """{(file, path, words): (words, passages)} for each literal that does not stand in its passages."""
    from generator import references
    from generator.passages import fold, resolved

    missing = {}
    for fact in references.facts(site):
        if fact.rule.how == "exact":
            wanted = [fact.text]
        elif fact.rule.how == "quoted":
            wanted = _QUOTED_NAME.findall(fact.text)
        else:
            continue
        texts = [fold(resolved(site, p).text) for p in fact.cited]
        for words in wanted:
            alternatives = [fold(w) for w in (words, *fact.alternatives)]
            if not any(a in t or (fact.rule.any_case and a.casefold() in t.casefold()) for a in alternatives
                       for t in texts):
                missing[(fact.file, fact.path, words)] = (words, fact.cited)
    return missing


def run_diff(project: Project, base: str, head: str | None = None, fmt: Text = MARKDOWN) -> tuple[str, bool]:
    """The report comparing revision `base` with `head` (default: the working tree), and
    whether the head's data is valid: Markdown (the comment) or plain text (`fmt`)."""
    with tempfile.TemporaryDirectory(prefix="stedenagenda-diff-") as tmp:
        base_project = Project(revision_root(project.root, base, Path(tmp) / "base"))
        before = load_revision(base_project, f"{fmt.value(base)} ({_short(project.root, base)})")
        if head is None:
            after = load_revision(project, f"de werkmap (op {_short(project.root, 'HEAD') or 'geen commit'})")
        else:
            head_project = Project(revision_root(project.root, head, Path(tmp) / "head"))
            after = load_revision(head_project, f"{fmt.value(head)} ({_short(project.root, head)})")
        site_url = address.site_url()
        warnings = []
        if after.site is not None:
            warnings = [*literal_titles_missing(before.site, after.site, fmt),
                        *orphaned_links(before, after, site_url, fmt)]
        return report(before, after, site_url, fmt, warnings), not after.problems


def _short(repo: Path, revision: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", revision], capture_output=True, text=True)
    return out.stdout.strip()
