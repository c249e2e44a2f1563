"""Every path a build writes, registered once: two outputs at one path are a located Dutch
error naming both data lines, before anything is written.

A build writes the public site (site/: the pages MkDocs builds from the docs folder, the open
data, the search index, the header and redirect files, the bundles' files under `bundels/`)
and the council bundles (dist/: per session a zip, a PDF of all items and a PDF per item).
`planned` lists them all from the data; `problems` finds the paths claimed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Problem
from generator.models import Session, SessionItem

SITE, DIST = "site", "dist"
"""The two folders a build publishes."""


@dataclass(frozen=True)
class Output:
    """One file (or folder) a build writes."""

    folder: str
    """`site` or `dist`."""
    path: str
    """Where in that folder: a file (`steden/apeldoorn/`, as a directory URL, for a page), or
    a folder ending in `/` (see `whole_folder`)."""
    what: str
    """What it is, in Dutch, for the error message: "de pdf van agendapunt 5 van 'Volledige agenda'"."""
    origin: tuple[str, int, int] | None = None
    """The data file, line and column it comes from; None for fixed files."""
    yields: bool = False
    """It steps aside for any other output at its path (a redirect never replaces a page)."""
    whole_folder: bool = False
    """`path` is a folder the output fills alone (the search index): nothing else may go in it."""

    @property
    def shown(self) -> str:
        return f"/{self.path}" if self.folder == SITE else f"{self.folder}/{self.path}"

    @property
    def same_place(self) -> str:
        return "hetzelfde adres" if self.folder == SITE else "dezelfde plaats"

    def described(self) -> str:
        where = f" ({self.origin[0]} regel {self.origin[1]})" if self.origin else ""
        return f"{self.what}{where}"


def zip_name(session: Session) -> str:
    """The bundle's zip: `<session>.zip`."""
    return f"{session.id}.zip"


def pdf_name(session: Session) -> str:
    """The PDF of all items: `<session>.pdf`."""
    return f"{session.id}.pdf"


def item_slug(item: SessionItem) -> str:
    """The id by which the session names an item (its one set field), for file names."""
    return next(str(value) for value in item.__dict__.values() if value is not None)


def item_pdf_name(session: Session, number: int, item: SessionItem) -> str:
    """`<session>-<nr>-<item>.pdf`, the number two digits so that file lists sort in order."""
    return f"{session.id}-{number:02d}-{item_slug(item)}.pdf"


def bundle_outputs(sessions: list[Session], where) -> list[Output]:
    """Every session's files in dist/; `where(path)` gives the (file, line, column) of a place
    in data/sessions.yaml."""
    result = []
    for index, session in enumerate(sessions):
        at = where(("sessions", index, "id"))
        result += [Output(DIST, zip_name(session), f"de zip van sessie '{session.id}'", at),
                   Output(DIST, pdf_name(session), f"de pdf van sessie '{session.id}'", at)]
        for number, item in enumerate(session.items, start=1):
            result.append(Output(DIST, item_pdf_name(session, number, item),
                                 f"de pdf van agendapunt {number} van sessie '{session.id}'",
                                 where(("sessions", index, "items", number - 1))))
    return result


def problems(outputs: list[Output]) -> list[Problem]:
    """A located problem at each output that shares its path with another, naming the others
    and their lines; an output without a data line is reported at the other's."""
    by_path: dict[tuple[str, str], list[Output]] = {}
    for output in outputs:
        by_path.setdefault((output.folder, output.path), []).append(output)
    folders = [o for o in outputs if o.whole_folder]
    groups = [group for group in by_path.values() if len([o for o in group if not o.yields]) > 1]
    for folder in folders:
        inside = [o for o in outputs if o is not folder and not o.yields and o.folder == folder.folder
                  and o.path.startswith(folder.path)]
        if inside:
            groups.append([folder, *inside])
    result = []
    for group in groups:
        sharing = [o for o in group if not o.yields]
        located = [o for o in sharing if o.origin]
        for output in located or sharing[:1]:
            others = ", ".join(o.described() for o in sharing if o is not output)
            file, line, column = output.origin or ("data", 0, 0)
            result.append(Problem(file, line, column or 1,
                                  f"{output.what} komt op {output.same_place} {output.shown} als {others}",
                                  "kies een andere id: elk bestand dat de bouw maakt heeft een eigen plaats nodig"))
    return sorted(set(result))
