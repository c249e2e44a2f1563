"""Problems are values: every step collects them, and the CLI reports them all at once."""

from __future__ import annotations

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
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


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
