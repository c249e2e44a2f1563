"""Resolve every cited passage in the source texts: one generic pass over all models.

A `Passage` names a source, a section and an anchor: a few words copied from the source.
This module finds the anchor in the extraction under `../shared/seeds` (it must occur
exactly once), works out how far the passage runs, and reports each anchor that is missing,
ambiguous or points at the wrong source as a located Dutch problem.

Matching forgives only what the extraction does to text: runs of white space (line breaks
included), typographic quotes, Markdown emphasis (`*`) and words broken with a hyphen at
the end of a line. Letters, digits and punctuation must match exactly.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import Problem
from generator.load import Path_
from generator.models import Passage, Source

SEEDS = Path(os.environ.get("STEDENAGENDA_SEEDS") or Path(__file__).resolve().parent.parent.parent / "shared" / "seeds")
"""The source texts, beside the repository (`../shared/seeds`); `STEDENAGENDA_SEEDS` overrides."""

_QUOTES = {"‘": "'", "’": "'", "‚": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "}
_DROPPED = {"*"}


@dataclass(frozen=True)
class SourceText:
    """A source's text twice: as extracted, and folded for matching, with a map between them."""

    raw: str
    """The extraction as it is on disk."""
    folded: str
    """White space folded to single spaces, quotes straightened, `*` dropped, broken words joined."""
    offsets: tuple[int, ...]
    """For each character of `folded`, its offset in `raw`."""

    def line_of(self, raw_offset: int) -> int:
        return self.raw.count("\n", 0, raw_offset) + 1


def fold(text: str) -> str:
    """The folded form of any text (an anchor, a name), as `SourceText.folded` is made."""
    return _fold(text)[0]


def _fold(raw: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "-" and out and out[-1].isalpha():
            # A word broken at the end of a line: "Haal-\nbare" reads "Haalbare".
            j = i + 1
            while j < n and raw[j] in " \t":
                j += 1
            if j < n and raw[j] == "\n":
                k = j
                while k < n and raw[k].isspace():
                    k += 1
                # Not across a jump to another column (a line the extraction starts with a space).
                if k < n and raw[k].islower() and raw[k - 1] == "\n":
                    i = k
                    continue
        if ch in _DROPPED:
            i += 1
            continue
        ch = _QUOTES.get(ch, ch)
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            i += 1
            continue
        out.append(ch)
        offsets.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    if out and out[0] == " ":
        out.pop(0)
        offsets.pop(0)
    return "".join(out), offsets


def source_text(path: Path) -> SourceText:
    """The source at `path`, read once per version of the file (the preview runs for hours)."""
    return _source_text(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _source_text(path: Path, version: int) -> SourceText:
    raw = path.read_text(encoding="utf-8")
    folded, offsets = _fold(raw)
    return SourceText(raw, folded, tuple(offsets))


def occurrences(text: SourceText, words: str) -> list[int]:
    """Offsets in `text.folded` where the folded `words` stand as whole words."""
    needle = fold(words)
    if not needle:
        return []
    found, start = [], 0
    while True:
        at = text.folded.find(needle, start)
        if at < 0:
            return found
        before = text.folded[at - 1] if at else " "
        after_at = at + len(needle)
        after = text.folded[after_at] if after_at < len(text.folded) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            found.append(at)
        start = at + 1


@dataclass(frozen=True)
class Resolved:
    """Where a passage stands in its source."""

    file: str
    """The source's file name."""
    start: int
    """Offset in the raw text where the anchor begins."""
    end: int
    """Offset in the raw text where the passage ends."""
    first_line: int
    """Line where it begins (1-based)."""
    last_line: int
    """Line where it ends."""
    text: str
    """The passage, as extracted."""
    quote: str
    """The passage as a reader quotes it: white space folded, broken words joined, `*` dropped."""
    paragraph_end: int
    """Offset in the raw text where the anchor's paragraph ends (an explicit end may not pass it)."""

    @property
    def words(self) -> int:
        """Words of the passage; list marks and table bars ('-', '|') are not words."""
        return sum(any(c.isalnum() for c in token) for token in self.quote.split())

    @property
    def lines(self) -> str:
        """'regel 12' or 'regels 12–15': where the passage stands in the text extraction."""
        if self.first_line == self.last_line:
            return f"regel {self.first_line}"
        return f"regels {self.first_line}–{self.last_line}"


def _is_heading(line: str) -> bool:
    return line.lstrip().startswith("#")


def _is_jump(line: str) -> bool:
    """A line the extraction starts with one space: text continued from another column or page."""
    return len(line) > 1 and line[0] == " " and not line[1].isspace()


_SENTENCE_END = (".", "?", "!", ":", ";")
_LIST_ITEM = ("•", "- ", "o ")


def _ends_paragraph(line: str, following: str | None, width: int | None) -> bool:
    """Whether a line of text ends its paragraph in an extraction without blank lines between
    paragraphs: a short line that ends a sentence, or the line before a list item."""
    if width is None:
        return False
    text = line.rstrip()
    if following is not None and following.lstrip().startswith(_LIST_ITEM):
        return True
    return text.endswith(_SENTENCE_END) and len(text) < width


def _introduces_list(lines: list[str], index: int) -> bool:
    """Whether the text before this blank line ends with a colon and a list follows: a list
    belongs to the sentence that introduces it."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    after = _next_text(lines, index)
    return before.rstrip().rstrip("*").endswith(":") and after is not None and after.lstrip().startswith(_LIST_ITEM)


def _next_text(lines: list[str], index: int) -> str | None:
    return next((line for line in lines[index + 1:] if line.strip()), None)


def _paragraph_end(raw: str, from_offset: int, gap: int, width: int | None = None) -> int:
    """The end of the paragraph that holds `from_offset`: before `gap` blank lines in a row,
    a heading, or a jump to another column, or (with `width`) after a short line that ends a
    sentence; a heading the passage starts in does not end it."""
    line_start = raw.rfind("\n", 0, from_offset) + 1
    lines = raw[line_start:].split("\n")
    position = line_start
    in_heading = _is_heading(lines[0])
    blank = 0
    end = position + len(lines[0])
    for index, line in enumerate(lines):
        if index:
            if not line.strip():
                blank += 1
                if blank >= gap and not in_heading and not _introduces_list(lines, index):
                    return end
                position += len(line) + 1
                continue
            if (_is_heading(line) or _is_jump(line)) and not in_heading:
                return end
            in_heading = in_heading and _is_heading(line)
            blank = 0
            end = position + len(line)
        if not in_heading and _ends_paragraph(line, _next_text(lines, index), width):
            return end
        position += len(line) + 1
    return len(raw.rstrip())


def resolve(seeds: Path, source: Source, passage: Passage) -> Resolved | str:
    """The passage's place and text, or the Dutch reason it cannot be found."""
    path = seeds / source.file
    if not path.is_file():
        return f"de brontekst {source.file} ontbreekt in {seeds}"
    return _resolve(path, path.stat().st_mtime_ns, source.file, source.paragraph_gap, source.paragraph_width,
                    passage.anchor, passage.end)


@functools.lru_cache(maxsize=4096)
def _resolve(path: Path, version: int, file: str, gap: int, width: int | None, anchor: str,
             end: str | None) -> Resolved | str:
    """Cached: the same passage is cited from several records and resolved for several pages."""
    text = source_text(path)
    found = occurrences(text, anchor)
    if not found:
        return f"het anker {anchor!r} staat niet in {file}"
    if len(found) > 1:
        lines = ", ".join(str(text.line_of(text.offsets[at])) for at in found[:5])
        return f"het anker {anchor!r} staat {len(found)} keer in {file} (regels {lines})"
    start = found[0]
    anchor_end = start + len(fold(anchor)) - 1
    raw_start = text.offsets[start]
    paragraph_end = max(_paragraph_end(text.raw, text.offsets[anchor_end], gap, width), text.offsets[anchor_end] + 1)
    if end is not None:
        ends = [at for at in occurrences(text, end) if at > start]
        if not ends:
            return f"het eindanker {end!r} staat niet na het anker in {file}"
        folded_end = ends[0] + len(fold(end))
        raw_end = text.offsets[folded_end - 1] + 1
    else:
        raw_end = paragraph_end
        folded_end = bisect.bisect_left(text.offsets, raw_end)
    return Resolved(file, raw_start, raw_end, text.line_of(raw_start), text.line_of(raw_end - 1),
                    text.raw[raw_start:raw_end], text.folded[start:folded_end].strip(), paragraph_end)


# --- the generic pass ------------------------------------------------------------------


def cited(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Passage]]:
    """Every passage inside a validated model, with its path from the file's root."""
    if isinstance(value, Passage):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from cited(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from cited(item, path + (index,))


def all_cited(site: Any) -> Iterator[tuple[str, Path_, Passage]]:
    """(data file name, path, passage) for every passage of the site."""
    for name, model in site.models.items():
        for path, passage in cited(model):
            yield name, path, passage


def passage_problems(site: Any, seeds: Path | None = None) -> list[Problem]:
    """A located problem for every passage whose source or anchor cannot be resolved."""
    seeds = seeds or SEEDS
    sources = {s.id: s for s in site.sources.sources}
    problems: list[Problem] = []
    if not seeds.is_dir():
        return [Problem("data/sources.yaml", 0, 0, f"de bronteksten staan niet in {seeds}",
                        "zet de map shared/seeds naast de repository, of wijs haar aan met STEDENAGENDA_SEEDS")]
    for name, path, passage in all_cited(site):
        doc = site.documents[name]
        source = sources.get(passage.source)
        if source is None:
            line, column = doc.where(path + ("source",))
            problems.append(Problem(doc.name, line, column, f"onbekende bron {passage.source!r}",
                                    f"bekende bronnen: {', '.join(sorted(sources))}"))
            continue
        result = resolve(seeds, source, passage)
        if isinstance(result, str):
            field = "end" if "eindanker" in result else "anchor"
            line, column = doc.where(path + (field,))
            problems.append(Problem(doc.name, line, column, result, _hint(result)))
        else:
            problems.extend(_unbounded(doc, path, passage, result, seeds))
    return problems


MAX_WORDS = 80
"""The longest passage a record may cite: a quotation beside a claim, not a republication.
Longer support is cited as several passages, each with its own anchor and end."""


def _unbounded(doc: Any, path: Path_, passage: Passage, result: Resolved, seeds: Path) -> Iterator[Problem]:
    """A problem for a passage that runs past its paragraph or past `MAX_WORDS` words."""
    if result.end > result.paragraph_end:
        line, column = doc.where(path + ("end",))
        text = source_text(seeds / result.file)
        yield Problem(doc.name, line, column,
                      f"de passage loopt voorbij haar alinea: die eindigt op regel "
                      f"{text.line_of(result.paragraph_end - 1)}, het eindanker staat op regel {result.last_line}",
                      "citeer elke alinea als een eigen passage, met een eindanker binnen die alinea")
    elif result.words > MAX_WORDS:
        line, column = doc.where(path + ("end" if passage.end else "anchor",))
        yield Problem(doc.name, line, column,
                      f"de passage telt {result.words} woorden ({result.lines}); een passage heeft er hooguit {MAX_WORDS}",
                      "citeer de steun als meer passages, of geef met 'end' de laatste woorden die de bewering dragen")


def _hint(reason: str) -> str:
    if "ontbreekt" in reason:
        return "controleer 'file' in data/sources.yaml"
    if "keer in" in reason:
        return "maak het anker langer, tot het maar één keer in de bron staat"
    return "kopieer de woorden letterlijk uit de bron (hoofdletters en leestekens tellen mee)"


def resolved(site: Any, passage: Passage, seeds: Path | None = None) -> Resolved:
    """The resolved passage of a validated site (validation guarantees it resolves)."""
    source = next(s for s in site.sources.sources if s.id == passage.source)
    result = resolve(seeds or SEEDS, source, passage)
    assert not isinstance(result, str), result
    return result
