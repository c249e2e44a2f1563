"""Load YAML data files into plain Python values, remembering where each value stood.

PyYAML composes the node tree (libyaml's C parser when available, which is many times
faster than the pure-Python one) and we turn nodes into values ourselves. That gives us
three things a plain `yaml.safe_load` does not:

* every key and value keeps its line and column, so model errors can point at them;
* scalars stay the text the editor typed (`no`, `1.10`, a date are strings): the
  typed models decide what a field means, YAML 1.1 never silently turns text into a
  boolean or a number;
* duplicate keys, aliases and custom tags are reported instead of silently accepted.
"""

from __future__ import annotations

import gc
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import limits
from generator.errors import Problem
from generator.limits import MAX_DEPTH, depth_problem, quoted

try:  # libyaml is an optional part of PyYAML wheels; the pure-Python parser gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and sequence indices from the root."""

_NULL_TAG = "tag:yaml.org,2002:null"
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:timestamp",
    _NULL_TAG,
}


@dataclass
class Document:
    """One loaded data file."""

    name: str
    """The file as editors know it, e.g. `data/agenda/<period>.yaml`."""
    data: Any = None
    """The content as dicts, lists, strings and None."""
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """(line, column), 1-based, of the value at each path."""
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """(line, column) of the key that introduces each mapping entry."""
    lines: dict[Path_, int] = field(default_factory=dict)
    """Line where each mapping or sequence item starts (for "bewerk" links)."""
    text: str = field(default="", repr=False)
    """The file's text, for messages that read the lines around a mistake."""

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for `path`, walking up when the path has no mark."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while building many small objects that form no cycles.

    Each collection walks every object alive, and building node trees and models creates
    them by the hundred thousand: at 100× today's data, loading took twice as long with the
    collector on, and grew faster than the data; rendering, with all the models alive, took
    a quarter longer. Reference counting still frees memory (peak memory measured the same).
    Usable as a decorator too."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
def load_document(path: Path, name: str) -> tuple[Document, list[Problem]]:
    """Read one YAML file; return it with the problems found (the data is None on failure)."""
    doc = Document(name=name)
    problem = not_a_plain_file(path, name)
    if problem:
        return doc, [problem]
    problem = limits.file_too_large(path.lstat().st_size, name)
    if problem:
        return doc, [problem]
    raw = _read_plain_file(path)
    text, problem = _decode(raw, name)
    if problem:
        return doc, [problem]
    doc.text = text
    bounds = limits.text_problems(text, name)  # before libyaml sees the text
    if bounds:
        return doc, bounds
    try:
        aliases = _alias_problems(text, name)
        if aliases:
            return doc, aliases
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return doc, [_syntax_problem(exc, name, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML parse error is marked
        return doc, [Problem(name, 1, 1, f"YAML kan niet gelezen worden: {exc}", "")]
    if root is None:
        return doc, [Problem(name, 1, 1, "het bestand is leeg", "vul het bestand of verwijder het")]
    problems: list[Problem] = []
    doc.data = _value(root, (), doc, problems, set())
    return doc, problems


def not_a_plain_file(path: Path, name: str) -> Problem | None:
    """A problem when `path` is missing, a link, a folder, a device or a pipe.

    Only regular files are read: a symbolic link could publish any file of the machine
    that builds (`/proc/self/environ`, `/etc/passwd`), and reading a pipe would hang."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return Problem(name, 0, 0, f"bestand niet te lezen ({exc.strerror})", "controleer het pad")
    if stat.S_ISLNK(mode):
        return Problem(name, 0, 0, "dit is een symbolische link, geen gewoon bestand",
                       "zet de inhoud zelf in de repository in plaats van een link")
    if not stat.S_ISREG(mode):
        what = "een map" if stat.S_ISDIR(mode) else "geen gewoon bestand"
        return Problem(name, 0, 0, f"dit is {what}", "hier hoort een gewoon tekstbestand")
    return None


def _read_plain_file(path: Path) -> bytes:
    """The bytes of a regular file, refusing to follow a link swapped in since it was checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def _alias_problems(text: str, name: str) -> list[Problem]:
    """Every `*alias`, located. Parser events never expand aliases, so a bomb costs nothing.

    An alias needs a `*`; without one the second pass over the file is skipped (it was a
    fifth of the loading time)."""
    if "*" not in text:
        return []
    return [
        Problem(name, event.start_mark.line + 1, event.start_mark.column + 1,
                "aliassen (&anker en *verwijzing) zijn niet toegestaan",
                "schrijf de waarde voluit op elke plek waar ze nodig is")
        for event in yaml.parse(text, Loader=_Loader) if isinstance(event, yaml.AliasEvent)
    ]


def _decode(raw: bytes, name: str) -> tuple[str, Problem | None]:
    """UTF-8 text with an optional BOM removed, or a problem at the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return "", Problem(
            name, line, column,
            f"ongeldige tekens: byte {raw[exc.start]:#04x} is geen UTF-8",
            "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)",
        )
    return text, None


_TAB = ("er staat een tab in de inspringing", "gebruik spaties in plaats van tabs")
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "een dubbele punt op een onverwachte plek",
     "zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing"),
    ("could not find expected ':'", "hier werd een 'sleutel: waarde' verwacht",
     "controleer de inspringing en of er een dubbele punt ontbreekt"),
    ("did not find expected key", "de inspringing klopt niet",
     "zet alle velden van hetzelfde item precies onder elkaar"),
    ("did not find expected '-' indicator", "de inspringing van de lijst klopt niet",
     "zet alle '- ' van dezelfde lijst precies onder elkaar"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op",
     "controleer of alle aanhalingstekens gesloten zijn"),
    ("found undefined alias", "een alias (*naam) verwijst naar een anker dat niet bestaat",
     "schrijf de waarde voluit; aliassen zijn niet toegestaan"),
]


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    """A located Dutch message at the line where the editor must act.

    The parser stops where the structure can no longer be read, which is often a line or
    more after the mistake: a quote left open swallows the next line's start, so the parser
    trips on what follows. The common mistakes (a quote left open, text after a closing
    quote, a field indented too far) are recognised from the lines up to that point and
    reported where they are, with their fix; otherwise the parser's own place is kept."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raw = f"{exc.context or ''} {exc.problem or ''}".strip()
    lines = text.splitlines()
    if "cannot start any token" in raw and 0 < line <= len(lines) and "\t" in lines[line - 1]:
        message, hint = _TAB
        return Problem(name, line, column, f"YAML-syntaxfout: {message}", hint)
    found = _real_mistake(exc, lines, line)
    if found:
        return Problem(name, *found)
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in raw:
            return Problem(name, line, column, f"YAML-syntaxfout: {message}", hint)
    # The parser's own words are English: the position and the hint are what helps here.
    return Problem(name, line, column, "YAML-syntaxfout: hier loopt de YAML-structuur vast",
                   "controleer inspringing, dubbele punten en aanhalingstekens rond deze plek")


LOOK_BACK = 12
"""How many lines above the parser's stop the real mistake is looked for: an open quote
runs on to the next quote, a line or a few later."""

_QUOTED_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)*[^\s#'\"{}\[\]][^:#{}\[\]]*:\s+|\s*(?:-\s+)+)(?P<quote>[\"'])")
"""A block value that starts with a quote: `key: "…`, `- key: '…`, `- "…` (not a value inside
a `{…}` or `[…]` on one line, which text after its closing quote is part of)."""
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)*(?P<key>[\w-]+):(?:\s+(?P<value>\S.*))?$")
"""A `key:` line, with its value when it has one on the line."""

UNCLOSED = ("YAML-syntaxfout: het aanhalingsteken {quote} aan het begin van deze tekst wordt niet gesloten",
            "zet een {quote} aan het eind van de tekst op deze regel")
TEXT_AFTER_QUOTE = ("YAML-syntaxfout: de tekst gaat door na het sluitende aanhalingsteken {quote}",
                    "zet de hele tekst tussen dubbele aanhalingstekens en schrijf aanhalingstekens in de tekst "
                    "als ‘…’ of “…”, of zet de tekst met '>-' op de regels eronder (zie CONTRIBUTING.md, "
                    "'Tekst die met een aanhalingsteken begint')")
OVER_INDENTED = ("YAML-syntaxfout: veld {key!r} staat verder ingesprongen dan het veld {above!r} erboven",
                 "zet '{key}:' recht onder '{above}:' ({spaces} spaties vanaf het begin van de regel)")


def _real_mistake(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a recognised mistake at or above `line`, or None."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:  # open to the end of the file
        at = exc.context_mark
        quote = lines[at.line][at.column:at.column + 1] if at.line < len(lines) else ""
        quote = quote if quote in ("'", '"') else '"'
        return at.line + 1, at.column + 1, UNCLOSED[0].format(quote=quote), UNCLOSED[1].format(quote=quote)
    for number in range(min(line, len(lines)), max(0, line - LOOK_BACK), -1):
        found = _quote_mistake(lines[number - 1]) or _indent_mistake(lines, number)
        if found:
            return (number, *found)
    return None


def _quote_mistake(text: str) -> tuple[int, str, str] | None:
    """(column, message, hint) when a quoted value on this line is never closed, or closes
    before the text ends."""
    match = _QUOTED_VALUE.match(text)
    if not match:
        return None
    quote, start = match.group("quote"), match.end("quote") - 1
    end = _closing_quote(text, start)
    if end is None:
        return start + 1, UNCLOSED[0].format(quote=quote), UNCLOSED[1].format(quote=quote)
    rest = text[end + 1:]
    if rest.strip() and not rest.lstrip().startswith("#"):
        after = end + 1 + (len(rest) - len(rest.lstrip()))
        return after + 1, TEXT_AFTER_QUOTE[0].format(quote=quote), TEXT_AFTER_QUOTE[1]
    return None


def _closing_quote(text: str, start: int) -> int | None:
    """The offset of the quote that closes the one at `start` on this line, or None.
    Double quotes escape with a backslash; single quotes by doubling."""
    quote, index = text[start], start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _indent_mistake(lines: list[str], number: int) -> tuple[int, str, str] | None:
    """(column, message, hint) when line `number` is a `key:` indented further than the
    `key: value` line above it, which cannot hold fields of its own."""
    here = _KEY_LINE.match(lines[number - 1])
    above_number = number - 1
    while above_number > 0 and (not lines[above_number - 1].strip() or lines[above_number - 1].lstrip().startswith("#")):
        above_number -= 1
    above = _KEY_LINE.match(lines[above_number - 1]) if above_number else None
    if not (here and above and above.group("value")) or above.group("value")[0] in "|>":
        return None
    column, above_column = here.start("key"), above.start("key")
    if column <= above_column:
        return None
    fields = OVER_INDENTED
    return (column + 1, fields[0].format(key=here.group("key"), above=above.group("key")),
            fields[1].format(key=here.group("key"), above=above.group("key"), spaces=above_column))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _value(node: yaml.Node, path: Path_, doc: Document, problems: list[Problem], seen: set[int]) -> Any:
    """Turn a node into a plain value, recording positions and collecting problems."""
    if id(node) in seen:
        # Aliases are refused before composing (see _alias_problems); this guard only keeps
        # the walk linear should one ever slip through.
        line, column = _mark(node)
        problems.append(Problem(doc.name, line, column, "aliassen (&anker en *verwijzing) zijn niet toegestaan",
                                "schrijf de waarde voluit op elke plek waar ze nodig is"))
        return None
    seen.add(id(node))
    doc.values[path] = _mark(node)
    if len(path) > MAX_DEPTH:
        problems.append(depth_problem(doc.name, *_mark(node)))
        return None
    if node.tag not in (_PLAIN_TAGS if isinstance(node, yaml.ScalarNode) else _COLLECTION_TAGS):
        line, column = _mark(node)
        problems.append(Problem(doc.name, line, column, f"onbekende YAML-tag {quoted(node.tag)}",
                                "verwijder de tag (het woord dat met ! begint)"))
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL_TAG and not node.style:  # plain style is None (Python) or "" (libyaml)
            return None
        problem = _scalar_problem(doc.name, node)
        if problem:
            problems.append(problem)
            return None
        return unicodedata.normalize("NFC", node.value)  # one spelling of é, however it was typed
    if isinstance(node, yaml.SequenceNode):
        too_many = limits.items_problem(len(node.value), doc.name, *_mark(node))
        if too_many:
            problems.append(too_many)
            return None
        items = []
        for index, child in enumerate(node.value):
            doc.lines[path + (index,)] = child.start_mark.line + 1
            items.append(_value(child, path + (index,), doc, problems, seen))
        return items
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem(doc.name, line, column, "een sleutel moet een gewoon woord zijn",
                                        "gebruik 'naam: waarde'; samenvoegen met '<<' is niet toegestaan"))
                continue
            key = key_node.value
            problem = _scalar_problem(doc.name, key_node)
            if problem:
                problems.append(problem)
                continue
            if key in result:
                first = doc.keys[path + (key,)]
                problems.append(Problem(doc.name, line, column, f"sleutel {quoted(key)} staat hier twee keer",
                                        f"de eerste staat op regel {first[0]}; houd er één over"))
                continue
            doc.keys[path + (key,)] = (line, column)
            result[key] = _value(value_node, path + (key,), doc, problems, seen)
        return result
    raise AssertionError(f"unexpected YAML node {node!r}")  # pragma: no cover


def _scalar_problem(name: str, node: yaml.ScalarNode) -> Problem | None:
    """The character rule and length bound (generator/limits.py) on one parsed key or value:
    escapes in quoted text (`"\\u200b"`) only become characters here."""
    line, column = _mark(node)
    problem = limits.value_problem(node.value, name, line, column)
    bad = limits.FORBIDDEN_CHARACTERS.search(node.value)
    if problem and bad and "\n" not in node.value[: bad.start()] and not node.style:
        # a plain scalar on one line: point at the character itself
        problem = limits.character_problem(name, line, column + bad.start(), bad.group())
    return problem
