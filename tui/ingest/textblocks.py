"""Paragraphs out of wire text and HTML bodies.

Plain wire copy comes two ways: one paragraph per line (AAP, email from newsroom
systems), or lines wrapped at a fixed width with blank lines or an indent between
paragraphs (dpa, Kyodo, press releases). `paragraphs` tells them apart per block.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

_BLANK = re.compile(r"\n[ \t\x7f]*\n")
_WRAP_MIN = 50  # a wrapped line fills most of the width (the widths agencies use: 58-80)
_WRAP_MAX = 82


def lines(text: str) -> str:
    """CRLF and lone CR (some teleprinter copy uses it alone) to LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def blocks(text: str) -> list[str]:
    """Runs of lines separated by blank lines (white space or DEL padding only)."""
    return [b for b in _BLANK.split(lines(text)) if b.strip()]


def paragraphs(text: str) -> list[str]:
    """Paragraph texts (not yet cleaned): wrapped lines are joined, an indented line
    starts a new paragraph, and a block of unwrapped lines is a paragraph per line."""
    found: list[str] = []
    for block in blocks(text):
        found.extend(block_paragraphs(block))
    return found


def block_paragraphs(block: str) -> list[str]:
    rows = [r.rstrip() for r in block.split("\n") if r.strip()]
    if len(rows) <= 1:
        return [r.strip() for r in rows]
    filled = [_WRAP_MIN <= len(r) <= _WRAP_MAX for r in rows[:-1]]
    if sum(filled) < max(1.0, 0.6 * len(filled)):
        # Not wrapped text: a paragraph per line, unless the lines read as one sentence.
        return [" ".join(r.strip() for r in rows)] if _continues(rows) else \
            [r.strip() for r in rows]
    found: list[str] = []
    current: list[str] = []
    for row in rows:
        if current and _indented(row):
            found.append(" ".join(current))
            current = []
        current.append(row.strip())
        if not _WRAP_MIN <= len(row) <= _WRAP_MAX:
            # A line that does not fill the width ends its paragraph (a heading, the
            # last line of a paragraph).
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def _indented(row: str) -> bool:
    return row.startswith(("\t", "  "))


def _continues(rows: list[str]) -> bool:
    """Lines that read as one sentence broken short: each line but the last ends without
    closing punctuation and the next starts in lower case."""
    return all(
        not a.rstrip().endswith((".", "!", "?", ":", '"', "”", "'")) and b.strip()[:1].islower()
        for a, b in itertools.pairwise(rows)
    )


# ------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre",
    "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "figure", "figcaption", "address", "hr", "main", "nav", "body", "html", "center", "form",
})
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template", "svg",
                        "object", "iframe", "math"})
_CELL_TAGS = frozenset({"td", "th"})


class _Paragraphs(HTMLParser):
    def __init__(self, skip_classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._current: list[str] = []
        # While inside a skipped element: its tag and how deep it nests in itself (only its
        # own end tag closes it, so stray tags inside cannot end the skip early or late).
        self._skip_tag = ""
        self._skip_depth = 0
        self._skip_classes = skip_classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        classes = set((dict(attrs).get("class") or "").split())
        if (tag in _SKIP_TAGS or classes & self._skip_classes) and tag not in _VOID:
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "br" or tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._current:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip_tag and (tag == "br" or tag in _BLOCK_TAGS):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if not self._skip_depth:
                    self._skip_tag = ""
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_tag:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.found.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "area", "base", "col",
                   "embed", "source", "track", "wbr", "param"})


def html_paragraphs(markup: str, skip_classes: frozenset[str] = frozenset()) -> list[str]:
    """The paragraphs of an HTML fragment or page as plain text (entities decoded, no
    tags); `skip_classes` drops elements such as a dateline span the caller reads apart."""
    parser = _Paragraphs(skip_classes)
    parser.feed(markup)
    parser.close()
    return parser.found


def looks_like_html(text: str) -> bool:
    return re.search(r"<(?:p|div|br|span|b|i|a|h\d|ul|li|section|table)\b[^>]*>", text,
                     re.I) is not None
