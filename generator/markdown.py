"""Turn untrusted text from YAML into Markdown that shows exactly that text.

Python-Markdown passes raw HTML through and Jinja does not escape `.md` templates, so a
title such as `<script>`, `[x](javascript:…)`, `{: onclick=… }` or a leading `# ` would
change the page. Every `{{ value }}` in a template goes through `escape` (the renderer's
`finalize` hook) unless it is `Markup`: text that our own code built from escaped parts.
"""

from __future__ import annotations

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
# Syntax that only counts at the start of a line: lists, ordered lists, setext underlines.
_LEADING_RE = re.compile(r"^(?:([-+])|(\d+)([.)])|(=))")
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
    bullet, digits, dot, equals = match.groups()
    if bullet:
        return "\\" + bullet
    if digits:
        return digits + "\\" + dot if dot == "." else digits + "&#41;"
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
