"""Turn untrusted text from YAML into output that shows exactly that text: one function
per output context, and nothing else in the generator escapes.

| context | function | why it differs |
| --- | --- | --- |
| Markdown text (body, headings, tables, lists) | `escape`, `paragraphs` | Python-Markdown passes raw HTML through and Jinja does not escape `.md` templates, so `<script>`, `[x](javascript:…)`, `{: onclick=… }`, a leading `# ` or `!!! danger` would change the page |
| HTML text and attributes that MkDocs' theme prints raw (page title, description, menu labels) | `html_text`, `front_matter_string` | mkdocs-material's templates do not autoescape: `{{ page.meta.description }}` lands in `content="…"` as it is |
| abbreviation definitions (`*[VNG]: …`) | `abbreviation_definition` | the `abbr` extension keeps entities in `title=`, and mkdocs-material's tooltip renders that title as HTML |
| links | `link`, `safe_url` | only page paths and http(s)/mailto URLs |
| CSS strings | `css_string` | the print header's `@page` content |

Every `{{ value }}` in a template goes through `escape` (the renderer's `finalize` hook)
unless it is `Markup`: text that our own code built from escaped parts. CSV cells are
escaped in `generator/opendata.py` (`csv_cell`), PDF links in `generator/bundle.py`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from markupsafe import Markup

from generator.models import URL_PATTERN

# Characters Python-Markdown treats as syntax anywhere in a line. Backslash escapes keep the
# generated Markdown readable; `|` gets an entity because `\|` is only understood in tables.
_INLINE = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}",
    "[": "\\[", "]": "\\]", "#": "\\#", "|": "&#124;",
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
# Syntax that only counts at the start of a block: lists, ordered lists, setext underlines,
# admonitions (`!!! danger "…"`; `???` is the same with pymdownx.details). A value may
# start a block wherever a template puts it (a list item's text is a block of its own).
_LEADING_RE = re.compile(r"^(?:([-+])|(\d+)([.)])|(=)|([!?])(?=[!?]{2}))")
_SPACE_RE = re.compile(r"\s+")
_URL_RE = re.compile(URL_PATTERN)


def escape(value: object) -> Markup:
    """One line of plain text, safe anywhere in Markdown: inline, in a heading, in a table."""
    if isinstance(value, Markup):
        return value
    text = one_line(value)
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)
    text = _LEADING_RE.sub(_leading, text)
    return Markup(text)


def _leading(match: re.Match[str]) -> str:
    bullet, digits, dot, equals, mark = match.groups()
    if bullet:
        return "\\" + bullet
    if digits:
        return digits + "\\" + dot if dot == "." else digits + "&#41;"
    if mark:
        return "&#33;" if mark == "!" else "&#63;"
    return "&#61;"


def one_line(value: object) -> str:
    """Text with all runs of white space, newlines included, folded to one space."""
    return _SPACE_RE.sub(" ", str(value)).strip()


def paragraphs(value: object) -> Markup:
    """Prose with blank-line-separated paragraphs, each escaped as one line."""
    parts = [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return Markup("\n\n".join(escape(p) for p in parts))


def safe_url(url: str) -> str:
    """A URL fit for `[text](url)`: only http(s) and mailto, brackets and spaces encoded."""
    if not _URL_RE.match(url):
        raise ValueError(f"refusing URL {url!r}")
    return quote(url, safe=":/?#&=%@+,;~!$*'.-_")


def link(text: object, target: str) -> Markup:
    """A Markdown link with escaped text; `target` is a relative page path or a checked URL."""
    if "://" in target or target.startswith("mailto:"):
        target = safe_url(target)
    elif not re.fullmatch(r"[a-z0-9/._#-]+", target):
        raise ValueError(f"refusing link target {target!r}")
    return Markup(f"[{escape(text)}]({target})")


def anchor(slug: str) -> Markup:
    """An `attr_list` id suffix for a heading, `{#slug}`; only for validated slugs."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ValueError(f"refusing anchor {slug!r}")
    return Markup("{#" + slug + "}")


def css_string(value: object) -> Markup:
    """A double-quoted CSS string with the text, safe inside a `<style>` element."""
    text = one_line(value)
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-_'·()/" else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')


_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_HTML_RE = re.compile("[&<>\"]")


def html_text(value: object) -> str:
    """One line of text for HTML that a theme template prints without escaping: safe as
    element text and inside a double-quoted attribute (the theme quotes every attribute
    with `"`; a test checks that), and shown exactly as typed (`&amp;` stays `&amp;` on
    the page, as it does in the Markdown body). Apostrophes stay as they are, so titles
    such as "thema's" stay readable in the generated files."""
    return _HTML_RE.sub(lambda m: _HTML[m.group(0)], one_line(value))


def front_matter_string(value: object) -> Markup:
    """A YAML front-matter value (`title:`, `description:`) that MkDocs' theme prints raw
    into `<title>`, the header and `<meta content="…">`: HTML-escaped, then JSON-quoted
    (JSON strings are YAML strings, so no YAML syntax in the text can break out)."""
    return Markup(json.dumps(html_text(value), ensure_ascii=False))


def abbreviation_definition(term: str, title: object) -> str:
    """An `abbr` definition line, `*[term]: title`, whose hover shows `title` as typed.

    Escaped twice: Python-Markdown's serializer keeps entities it finds in `title=` (so the
    browser decodes them once), and mkdocs-material's tooltip puts the decoded title into
    `innerHTML` (which would decode, and run, it again)."""
    return f"*[{term}]: {html_text(html_text(title))}"
