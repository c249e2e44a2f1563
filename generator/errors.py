"""Problems are values: every step collects them, and the CLI reports them all at once."""

from __future__ import annotations

import errno
import os
import unicodedata
from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, located where an editor can find it."""

    file: str
    """Path of the file as the editor knows it, e.g. `data/agenda/<period>.yaml`."""
    line: int
    """1-based line of the offending key or value (0 when the whole file is at fault)."""
    column: int
    """1-based column."""
    message: str
    """What is wrong, in Dutch, with the value that arrived (as `repr`) where that helps."""
    hint: str = ""
    """How to fix it, in Dutch."""

    def __str__(self) -> str:
        message, hint = visible(self.message, keep=_LINES), visible(self.hint, keep=_LINES)
        text = f"{visible(self.file)}:{self.line}:{self.column}: {message}"
        return f"{text} — {hint}" if hint else text


_LINES = " \n"


def visible(text: str, keep: str = " ") -> str:
    """`text` with every control, format, separator and unassigned character written as
    `\\u…`, for messages: a file name or value must not move the cursor, colour the
    terminal or reverse the line it is printed in."""
    return "".join(c if c in keep or unicodedata.category(c)[0] not in "CZ" else _escape(c) for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def summary_line(problems: list[Problem]) -> str:
    """The closing line of a failed check, in Dutch."""
    files = len({p.file for p in problems})
    noun = "fout" if len(problems) == 1 else "fouten"
    where = "bestand" if files == 1 else "bestanden"
    return f"{len(problems)} {noun} in {files} {where}; er is niets gebouwd."


class StedenagendaError(click.ClickException):
    """Base of our exceptions: the Dutch message alone (no English `Error:` before it), exit
    status 1, no traceback."""

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True, file=file)


class DataError(StedenagendaError):
    """The data files have problems; the message lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = [str(p) for p in self.problems] + [summary_line(self.problems)]
        super().__init__("\n".join(lines))


class BuildError(StedenagendaError):
    """MkDocs (or another build step) failed; the previous site is left as it was."""


_IO_REASONS = {
    errno.ENOSPC: ("de schijf is vol", "maak ruimte vrij en probeer het opnieuw"),
    errno.EDQUOT: ("je schijfruimte (quotum) is op", "maak ruimte vrij en probeer het opnieuw"),
    errno.EROFS: ("de map staat op een schijf die alleen gelezen kan worden",
                  "bouw in een map waarin je mag schrijven"),
    errno.EACCES: ("je mag hier niet schrijven of lezen", "controleer de rechten van de map (ls -l) en probeer opnieuw"),
    errno.EPERM: ("dit mag niet van het systeem", "controleer de rechten van de map (ls -l) en probeer opnieuw"),
    errno.ENOENT: ("dit bestand of deze map bestaat niet (meer)", "probeer het opnieuw; verplaats niets tijdens het bouwen"),
    errno.EIO: ("de schijf gaf een leesfout of schrijffout", "controleer de schijf en probeer het opnieuw"),
}


def io_problem(exc: OSError, root: str) -> Problem:
    """An I/O error (full disk, read-only folder, no permission) as a located Dutch problem:
    the file it happened to, relative to the repository, or the output when it has none."""
    message, hint = _IO_REASONS.get(exc.errno or 0, (f"het besturingssysteem meldt fout {exc.errno}",
                                                    "probeer het opnieuw; blijft het, meld het aan de beheerder"))
    name = os.fsdecode(exc.filename) if exc.filename else "de uitvoer"
    if os.path.isabs(name) and os.path.commonpath([root, name]) == root:
        name = os.path.relpath(name, root)
    return Problem(name, 0, 0, message, f"{hint}; site/ en dist/ zijn niet veranderd")


class IOFailure(StedenagendaError):
    """Reading or writing failed (disk full, read-only, no permission), said in Dutch."""

    def __init__(self, exc: OSError, root: str):
        super().__init__(str(io_problem(exc, root)))
