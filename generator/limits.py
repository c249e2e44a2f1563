"""Bounds on a data file, checked on its text before the YAML parser sees it.

A hostile or mistaken file must not take the process down or make it run for minutes:
libyaml's composer recurses in C (100,000 nested `? ` keys crash the interpreter with a
segmentation fault), node trees cost hundreds of bytes per node, and later stages grow
with the length of a word (search's compound splitting, its shards). Every bound is far
above what the real data needs (ten to a hundred times; the figures of today's data are
in the comments), and every refusal is a located Dutch problem.

Why no child process: every bound here is checked with linear, non-recursive scans (a
regular expression, `str.count`, libyaml's event parser, which keeps its own stack), and
together they rule out what crashed the composer: deep nesting (refused before composing)
and size (file, lines, flow tokens). A crash would need a bug in libyaml's iterative
parser, which the fuzz tests (tests/test_fuzz.py) have not found.

The same character rule (`FORBIDDEN_CHARACTERS`) applies to keys and values after parsing
(generator/load.py), where escapes such as `"\\u200b"` in a quoted scalar become the
character itself.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import yaml

from generator.errors import Problem, visible  # noqa: F401 - visible: part of the rule

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A data file larger than this is refused before it is read (ours are well under 1 MB)."""

MAX_LINES = 50_000
"""Lines per file (the longest file today has under 1,500)."""

MAX_FLOW_TOKENS = 20_000
"""Flow indicators `[ ] { } ,` per file, a bound on how many nodes one line can make
(commas in prose count too: today's files have under 1,000)."""

MAX_DEPTH = 40
"""Deeper nesting than this is refused (ours goes six deep); the walk and the composer
recurse, and a thousand levels would exhaust the stack."""

MAX_WORD = 300
"""Characters in one word (a run without spaces): the longest today is a 70-character web
address. Search splits compound words in time that grows with the square of a word's
length, and a 100,000-letter word overflowed its recursion."""

MAX_SCALAR = 20_000
"""Characters in one value (the longest text today has about 1,100); the models cap
names and texts much lower (generator/models.py)."""

MAX_ITEMS = 500
"""Items in one list (the longest today has 100; a thousand whole-site sessions were accepted)."""

MAX_QUOTE = 60
"""How much of a value or key a message quotes: a 2 MB id must not give a 2 MB message."""

MAX_REPORTED = 10
"""At most this many character problems per file: one pasted block can hold thousands."""

FORBIDDEN_CHARACTERS = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (tab, newline, carriage return aside)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060-\u2064\u180e"  # zero-width spaces and joiners, invisible operators
    "\u2028\u2029"  # line and paragraph separators
    "\ufeff"  # a byte order mark inside the text (the one at the very start is removed)
    "\ufdd0-\ufdef\ufffe\uffff"  # noncharacters of the first plane
    "\U000e0000-\U000e007f"  # tag characters
    "]"
    # noncharacters of the other planes (U+1FFFE, U+1FFFF, … U+10FFFF)
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""Characters refused in every key and value: invisible in an editor and in review, they
can make a name read differently from what it is (`Trojan Source`), join look-alike
duplicates, break a terminal, a CSV, a PDF (lxml refuses noncharacters) or the parser."""

_LONG_WORD = re.compile(r"[^\s\"'\[\]{},:]{%d,}" % (MAX_WORD + 1))
_FLOW_TOKENS = re.compile(r"[\[\]{},]")


def quoted(value: object, limit: int = MAX_QUOTE) -> str:
    """`repr` of a value for a message, shortened so a huge value gives a short message."""
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def character_name(character: str) -> str:
    """`U+200B (ZERO WIDTH SPACE)`: what an editor can search for."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def text_problems(text: str, name: str) -> list[Problem]:
    """Every bound the text breaks, located; the parser runs only on text with none."""
    problems = _character_problems(text, name)
    problems += _word_problems(text, name)
    if problems:
        return problems
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return [Problem(name, MAX_LINES + 1, 1, f"het bestand heeft {lines} regels, de grens is {MAX_LINES}",
                        "splits het bestand of verwijder wat er per ongeluk in terecht is gekomen")]
    deep = _too_deep(text, name) if _may_nest_deeper_than_allowed(text) else None
    if deep:
        return [deep]
    flow = _FLOW_TOKENS.findall(text)
    if len(flow) > MAX_FLOW_TOKENS:
        return [_at(text, _nth_flow_token(text, MAX_FLOW_TOKENS), name,
                    f"te veel haakjes en komma's ({len(flow)}, de grens is {MAX_FLOW_TOKENS})",
                    "schrijf lijsten als regels die met '- ' beginnen, of splits het bestand")]
    return []


def file_too_large(size: int, name: str) -> Problem | None:
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(name, 1, 1, f"bestand is te groot ({size} bytes, de grens is {MAX_FILE_BYTES})",
                   "splits het bestand of verwijder wat er per ongeluk in terecht is gekomen")


def value_problem(value: str, name: str, line: int, column: int) -> Problem | None:
    """A problem when one parsed value breaks the character rule or is too long."""
    bad = FORBIDDEN_CHARACTERS.search(value)
    if bad:
        return character_problem(name, line, column, bad.group())
    if len(value) > MAX_SCALAR:
        return Problem(name, line, column, f"deze waarde is {len(value)} tekens lang, de grens is {MAX_SCALAR}",
                       "kort de tekst in; de site geeft een samenvatting, geen hele documenten")
    return None


def items_problem(count: int, name: str, line: int, column: int) -> Problem | None:
    if count <= MAX_ITEMS:
        return None
    return Problem(name, line, column, f"deze lijst heeft {count} items, de grens is {MAX_ITEMS}",
                   "verwijder wat er per ongeluk in terecht is gekomen, of splits de lijst")


def character_problem(name: str, line: int, column: int, character: str) -> Problem:
    return Problem(name, line, column, f"onzichtbaar of ongeldig teken {character_name(character)} in de tekst",
                   "typ de tekst opnieuw of verwijder het teken; stuur-, richting-, scheidings- en "
                   "onzichtbare tekens zijn niet toegestaan")


def _character_problems(text: str, name: str) -> list[Problem]:
    return [character_problem(name, *_position(text, match.start()), match.group())
            for match in _first(FORBIDDEN_CHARACTERS.finditer(text))]


def _word_problems(text: str, name: str) -> list[Problem]:
    return [_at(text, match.start(), name, f"een woord van {len(match.group())} tekens zonder spatie "
                f"({quoted(match.group())}), de grens is {MAX_WORD}", "zet spaties tussen de woorden; een webadres hoort in een veld als 'url'")
            for match in _first(_LONG_WORD.finditer(text))]


def _first(matches: Iterator[re.Match[str]]) -> list[re.Match[str]]:
    return [match for _, match in zip(range(MAX_REPORTED), matches)]


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _at(text: str, offset: int, name: str, message: str, hint: str) -> Problem:
    return Problem(name, *_position(text, offset), message, hint)


def _nth_flow_token(text: str, n: int) -> int:
    for index, match in enumerate(_FLOW_TOKENS.finditer(text)):
        if index == n:
            return match.start()
    return 0  # pragma: no cover - called only when there are more than n


_BRACKETS = re.compile(r"[\[\]{}]")
_BLOCK_INDICATORS = ("- ", "? ", ": ")


def _may_nest_deeper_than_allowed(text: str) -> bool:
    """A cheap upper bound of the nesting depth, so that the event scan (a second parse)
    runs only when the text could be too deep. It must run before composing: libyaml's
    composer recurses in C, and 100,000 open brackets (or `? ` keys) crash the process.

    Flow nesting is at most the running balance of open brackets; block nesting at most
    a line's indentation plus its `- `, `? ` and `: ` indicators (those inside text only
    make the bound larger, which costs a scan, never a miss)."""
    balance = flow = 0
    for match in _BRACKETS.finditer(text):
        balance += 1 if match.group() in "[{" else -1
        flow = max(flow, balance)
    block = max((len(line) - len(line.lstrip(" ")) + sum(line.count(i) for i in _BLOCK_INDICATORS)
                 for line in text.splitlines()), default=0)
    return flow + block > MAX_DEPTH


def _too_deep(text: str, name: str) -> Problem | None:
    """Where nesting first goes deeper than MAX_DEPTH, from the event stream (libyaml's
    parser keeps its own stack and does not recurse); None when it never does. A syntax
    error before that point is left to the parse that follows, which reports it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return depth_problem(name, event.start_mark.line + 1, event.start_mark.column + 1)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def depth_problem(name: str, line: int, column: int) -> Problem:
    return Problem(name, line, column, f"de gegevens zijn hier dieper genest dan {MAX_DEPTH} niveaus",
                   "controleer de haakjes [ ] en { } en de inspringing")


try:  # libyaml is an optional part of PyYAML wheels; the pure-Python parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
