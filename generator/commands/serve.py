"""`serve`: live preview that regenerates when data, content or a template changes.

MkDocs' own server watches build/docs; we watch the inputs of the generator and rewrite
only the Markdown files whose content changed, which keeps MkDocs' rebuilds small.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import Project, generate
from generator.errors import StedenagendaError
from generator.render import TEMPLATES


class _Regenerate(FileSystemEventHandler):
    def __init__(self, project: Project):
        self.project = project

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or str(event.src_path).endswith((".tmp", "~")):
            return
        try:
            written = generate(self.project)
        except StedenagendaError as exc:  # show the mistake, keep serving the last good pages
            click.echo(exc.format_message(), err=True)
            return
        if written:
            click.echo(f"bijgewerkt: {', '.join(written)}")


def run(project: Project, address: str) -> None:
    generate(project)
    observer = Observer()
    handler = _Regenerate(project)
    for folder in (project.data, project.content, TEMPLATES):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(project.config),
                               "--dev-addr", address], cwd=project.root)
    # Stopped by a signal or Ctrl-C, take MkDocs' server down too instead of orphaning it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while server.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
        observer.stop()
        observer.join()
