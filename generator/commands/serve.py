"""`serve`: live preview that regenerates when data, content or a template changes.

The preview is written by the code that writes the site (`generate`, with the preview's
kind of build, `build.PREVIEW`, which declares all that differs: no search index, no
bundles, no PDFs, not strict). MkDocs' own server watches build/docs; we watch the inputs
of the generator and rewrite only the Markdown files whose content changed. MkDocs runs
with `--dirty`, so it rebuilds just those pages: every page whose text depends on a change
has changed text, so it is among them. Only the menu is shared by all pages; when it
changes, every page is touched. The preview's hooks give the pages a dirty build skips
their titles, so that the menu, the footer and the breadcrumbs of a rebuilt page name them
(tests/test_serve.py compares rebuilt pages with a full build's).

The terminal stays quiet: only writes, creations, moves and deletions start a
regeneration (reading the data fires `opened` and `closed_no_write` events too, which made
the preview regenerate forever), a burst of saves makes one regeneration, an error is
printed once however often it is saved again, and MkDocs' English chatter is left out.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import subprocess
import sys
import threading
import time
from typing import IO

import click
from watchdog.events import (
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent, FileSystemEventHandler,
)
from watchdog.observers import Observer

from generator.build import PREVIEW, Project, build_lock, generate, mkdocs_env
from generator.errors import StedenagendaError
from generator.render import TEMPLATES

CHANGES = (FileModifiedEvent, FileCreatedEvent, FileMovedEvent, FileDeletedEvent)
"""The events that mean a file changed; the others (opened, closed, attrib) come from reading."""

SETTLE_SECONDS = 0.15
"""How long the files must stay unchanged before regenerating: an editor's save is often a
write, a rename and a delete in quick succession."""


def _is_change(event: FileSystemEvent) -> bool:
    if event.is_directory or not isinstance(event, CHANGES):
        return False
    path = str(getattr(event, "dest_path", "") or event.src_path)
    return not path.endswith((".tmp", "~", ".swp", ".swx")) and "/.#" not in path


class Regenerator(FileSystemEventHandler):
    """Regenerates the Markdown after changes settle; says each new error once."""

    def __init__(self, project: Project, echo=click.echo):
        self.project = project
        self.echo = echo
        self.changed = threading.Event()
        self.last_error: str | None = None
        threading.Thread(target=self._loop, daemon=True).start()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if _is_change(event):
            self.changed.set()

    def _loop(self) -> None:
        while True:
            self.changed.wait()
            while self.changed.is_set():  # wait until a burst of saves is over
                self.changed.clear()
                time.sleep(SETTLE_SECONDS)
            self.regenerate()

    def regenerate(self) -> None:
        try:
            written = generate(self.project, build=PREVIEW)
        except Exception as exc:  # show the mistake once, keep serving the last good pages
            # A mistake `check` does not catch yet must not end the preview either.
            message = (exc.format_message() if isinstance(exc, StedenagendaError)
                       else f"de pagina's konden niet worden gemaakt ({type(exc).__name__}: {exc}); "
                            "het voorbeeld toont de laatste goede versie")
            if message != self.last_error:
                self.echo(message, err=True)
                self.last_error = message
            return
        if self.last_error is not None:
            self.echo("fouten opgelost; het voorbeeld is weer bij.", err=True)
            self.last_error = None
        if PREVIEW.config in written:
            rebuild_every_page(self.project)
        if written:
            self.echo(f"bijgewerkt: {', '.join(written)}")


def rebuild_every_page(project: Project) -> None:
    """Mark every page as changed, so a dirty build redraws the menu in all of them; MkDocs
    reloads the configuration (and the new menu) on every rebuild."""
    now = time.time()
    for path in project.docs.rglob("*.md"):
        os.utime(path, (now, now))


_NOISE = re.compile(r"^(INFO\b|DEBUG\b|WARNING\s+-\s+A 'dirty' build is being performed)")
_LOG_LINE = re.compile(r"^(WARNING|ERROR|CRITICAL)\s+-\s+(.*)$")


def relay_mkdocs(stream: IO[str], echo=click.echo) -> None:
    """Pass on what MkDocs says that matters to an editor, in Dutch words around it, once each.

    Its progress lines (INFO) and the dirty-build warning are left out; a traceback (the
    search plugin printed some during bursts of saves) becomes one line with its last line;
    the next save builds again."""
    said: set[str] = set()
    in_traceback = False
    for raw in stream:
        line = raw.rstrip("\n")
        if line.startswith("Traceback"):
            in_traceback = True
            continue
        if in_traceback:
            if line.startswith((" ", "\t")) or not line.strip():
                continue
            in_traceback = False
            message = f"MkDocs liep vast bij het verversen ({line.strip()}); sla het bestand opnieuw op."
        elif not line.strip() or _NOISE.match(line):
            continue
        else:
            match = _LOG_LINE.match(line)
            message = f"MkDocs meldt: {match.group(2) if match else line.strip()}"
        if message not in said:
            said.add(message)
            echo(message, err=True)


def dutch_list(items: tuple[str, ...]) -> str:
    """`a, b en c`."""
    return ", ".join(items[:-1]) + f" en {items[-1]}" if len(items) > 1 else "".join(items)


def _end_with_parent() -> None:
    """In MkDocs' server process: end when this process ends, however it ends (killed, or a
    crash), so that no orphaned server goes on showing old pages. SIGTERM, not the SIGINT
    `stop` sends: with its parent gone, a server given SIGINT once went on serving for over
    ten seconds (its clean-up); it must end at once, its temp folder is the lesser loss (Linux; elsewhere the
    `finally` below is all there is)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def stop(server: subprocess.Popen, signalled: bool = False) -> None:
    """End MkDocs' server as Ctrl+C does (SIGINT), unless the terminal has sent it already
    (a second one would interrupt its clean-up): it then removes its temporary site folder
    (`mkdocs_…` in the temp directory), which SIGTERM would leave behind."""
    if not signalled and server.poll() is None:
        server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when its parent ends."""


def run(project: Project, address: str) -> None:
    with build_lock(project, "make serve"):  # the preview writes build/ on every save
        _serve(project, address)


def _serve(project: Project, address: str) -> None:
    generate(project, build=PREVIEW)
    config = project.build / PREVIEW.config
    observer = Observer()
    handler = Regenerator(project)
    for folder in (project.data, project.content, TEMPLATES):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True, event_filter=list(CHANGES))
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--config-file", str(config),
                               "--dev-addr", address], cwd=project.root, env=mkdocs_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                              errors="replace", preexec_fn=_end_with_parent)
    assert server.stdout is not None
    threading.Thread(target=relay_mkdocs, args=(server.stdout,), daemon=True).start()
    click.echo(f"Voorbeeld op http://{address}/ — sla een bestand op en de pagina ververst; stoppen met Ctrl+C. "
               f"Zonder {dutch_list(PREVIEW.leaves_out)}: die maakt make site.")
    # Stopped by a signal or Ctrl-C, take MkDocs' server down too instead of orphaning it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    interrupted = False
    try:
        while server.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:  # Ctrl+C: the terminal sent SIGINT to MkDocs' server too
        interrupted = True
    finally:
        stop(server, signalled=interrupted)
        observer.stop()
        observer.join()
