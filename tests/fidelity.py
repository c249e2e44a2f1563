"""Compare names in the data with the source texts, forgiving only extraction artefacts."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                         "\u00a0": " "})


def _fold(text: str) -> str:
    text = text.translate(_QUOTES).replace("*", "")
    return " ".join(text.split())


def searchable(source: str) -> tuple[str, str]:
    """The source twice: line-end hyphens joined ("Haal-\\nbare" → "Haalbare") and kept."""
    joined = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", source)
    return _fold(joined), _fold(source)


def occurs(needle: str, haystacks: tuple[str, str], *, any_case: bool = False) -> bool:
    """Whether the exact name occurs in the source, whitespace, quotes and markup aside.

    `any_case` is for titles the source sets in capitals (the cover: "STEDEN MAKEN HET
    VERSCHIL!"); names in running text must match letter for letter.
    """
    wanted = _fold(needle)
    if any_case:
        return any(wanted.casefold() in hay.casefold() for hay in haystacks)
    return any(wanted in hay for hay in haystacks)


_QUOTED = re.compile(r"(?<![\w'])'([^']+?)'(?![\w])")


def quoted_fragments(text: str) -> list[str]:
    """The parts of our text between single quotes: exact names of documents and events."""
    return [m.group(1) for m in _QUOTED.finditer(text)]
