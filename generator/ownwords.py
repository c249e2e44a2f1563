"""Own words, measured: the longest run of words a summary shares with the sources.

Longer passages are summarised, never pasted. A run of ten or more words in a row that
also stands in a source is pasted text; names of documents and events that a summary
quotes between single quotes are exact on purpose and do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import passages
from generator.errors import Problem
from generator.models import _one_line, _plain_text

LIMIT = 10
"""A run of this many words shared with a source is pasted text."""

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_QUOTED = re.compile(r"(?<![\w'])'[^']+?'(?![\w])")


@dataclass(frozen=True)
class Run:
    """The longest run of one text."""

    file: str
    """The data file, e.g. `data/cities.yaml`."""
    path: tuple
    """Where the text stands in it."""
    words: tuple[str, ...]
    """The shared words, in order."""
    source: str = ""
    """The source file (under the seeds) the run stands in."""


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(passages.fold(text))]


def _is_prose(field: Any) -> bool:
    """Our own prose (`Text`): plain text that may run over several lines."""
    validators = [getattr(m, "func", None) for m in field.metadata]
    # list[Text] (with or without Field(min_length=…), whose MinLen is the field's metadata):
    # the validators are inside.
    args = getattr(field.annotation, "__args__", ())
    validators += [getattr(m, "func", None) for a in args for m in getattr(a, "__metadata__", ())]
    return _plain_text in validators and _one_line not in validators


def prose(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in our own words inside a model, with its path."""
    if not isinstance(value, BaseModel):
        if isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from prose(item, path + (index,))
        return
    for name, field in type(value).model_fields.items():
        item = getattr(value, name)
        if _is_prose(field) and item is not None:
            if isinstance(item, str):
                yield path + (name,), item
            else:
                yield from ((path + (name, i), text) for i, text in enumerate(item))
        elif isinstance(item, (BaseModel, list, tuple)):
            yield from prose(item, path + (name,))


class Sources:
    """All source texts as word sequences, for finding shared runs."""

    def __init__(self, seeds: Path, files: list[str]):
        texts = [words(passages.source_text(seeds / f).folded) for f in files]
        self.files = files
        self.joined = [" " + " ".join(t) + " " for t in texts]
        self.fourgrams = {tuple(t[i:i + 4]) for t in texts for i in range(len(t) - 3)}

    def longest(self, text: str) -> tuple[str, ...]:
        """The longest run of `text`'s words (quoted names left out) found in a source."""
        best: tuple[str, ...] = ()
        for part in _QUOTED.split(text):
            seq = words(part)
            for i in range(len(seq) - 3):
                if tuple(seq[i:i + 4]) not in self.fourgrams:
                    continue
                j = i + 4
                while j < len(seq) and any(f" {' '.join(seq[i:j + 1])} " in s for s in self.joined):
                    j += 1
                if j - i > len(best) and any(f" {' '.join(seq[i:j])} " in s for s in self.joined):
                    best = tuple(seq[i:j])
        return best


    def holding(self, run: tuple[str, ...]) -> str:
        """The first source file whose text holds the run."""
        needle = f" {' '.join(run)} "
        return next((f for f, text in zip(self.files, self.joined) if needle in text), "")


def longest_runs(site: Any, seeds: Path | None = None) -> list[Run]:
    """Per text in our own words, its longest run shared with a source (runs of 4+ words)."""
    sources = Sources(seeds or passages.SEEDS, [s.file for s in site.sources.sources])
    runs = []
    for name, model in site.models.items():
        for path, text in prose(model):
            shared = sources.longest(text)
            if shared:
                runs.append(Run(f"data/{name}.yaml", path, shared,
                                sources.holding(shared) if len(shared) >= LIMIT else ""))
    return runs


def pasted_problems(site: Any, seeds: Path | None = None) -> list[Problem]:
    """A located problem for every text in our own words that shares a run of `LIMIT` or
    more words with a source: the run quoted, and where it stands in the source."""
    seeds = seeds or passages.SEEDS
    by_file = {s.file: s for s in site.sources.sources}
    problems = []
    for run in longest_runs(site, seeds):
        if len(run.words) < LIMIT:
            continue
        name = run.file.removeprefix("data/").removesuffix(".yaml")
        line, column = site.documents[name].where(run.path)
        source = by_file.get(run.source)
        where = f"{source.id} ({run.source}, regel {_line_in(seeds / run.source, run.words)})" if source else run.source
        problems.append(Problem(run.file, line, column,
                                f"{len(run.words)} woorden achter elkaar staan zo ook in de bron {where}: "
                                f"„{' '.join(run.words)}”",
                                f"vat samen in eigen woorden (hooguit {LIMIT - 1} woorden achter elkaar gelijk aan de "
                                "bron); een naam van een document of evenement mag letterlijk, tussen enkele "
                                "aanhalingstekens"))
    return problems


def _line_in(path: Path, run: tuple[str, ...]) -> int:
    """The line of the source where the run begins (words separated by anything but letters)."""
    text = passages.source_text(path)
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in run) + r"(?!\w)", re.IGNORECASE)
    found = pattern.search(text.folded)
    return text.line_of(text.offsets[found.start()]) if found else 0


def per_file(runs: list[Run]) -> dict[str, int]:
    """The longest run per data file."""
    result: dict[str, int] = {}
    for run in runs:
        result[run.file] = max(result.get(run.file, 0), len(run.words))
    return result
