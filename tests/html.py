"""Reading built HTML pages in tests (stdlib html.parser: enough for text and tags)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


_INLINE = {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.h1: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._in_h1 = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _INLINE:
            self.text.append(" ")
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _INLINE:
            self.text.append(" ")
        if tag == "h1":
            self._in_h1 = False
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data


class Page:
    """A built page: its visible text (whitespace folded), its h1s and its tags."""

    def __init__(self, path: Path):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        self.text = " ".join("".join(parser.text).split())
        self.h1 = [" ".join(h.replace("¶", "").split()) for h in parser.h1]
        self.tags = parser.tags
