"""A Markdown extension for MkDocs: every table cell carries its column's header as
`data-label`, so that on a phone (toegang.css) each row reads as a block of "Kolom: waarde"
lines instead of columns that do not fit the screen.

Hand-written because no maintained extension does it (pymdown-extensions has none); it is
a tree walk over what Python-Markdown's own `tables` extension made. The header text is
text (ElementTree escapes it in the attribute), never markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def header_text(cell: etree.Element) -> str:
    """A header cell's text as a reader sees it (links and emphasis flattened)."""
    return " ".join("".join(cell.itertext()).split())


class LabelCells(Treeprocessor):
    """Gives each body cell of every table the text of its column's header."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            names = [header_text(th) for th in head]
            for row in table.iterfind("tbody/tr"):
                for name, cell in zip(names, row):
                    if name:
                        cell.set("data-label", name)


class PhoneTables(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Last: after the inline patterns (20) and the unescaping of backslash escapes (0), so the
        # header cells hold their final text.
        md.treeprocessors.register(LabelCells(md), "phone_tables", -1)


def makeExtension(**kwargs) -> PhoneTables:  # noqa: N802 (the name Python-Markdown looks for)
    return PhoneTables(**kwargs)
