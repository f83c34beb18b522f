"""Story text out of markup: XML content (NITF, XHTML, agency dialects), HTML strings and
plain text all become the same blocks, and the same cleaning makes them display text."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime

from tui.ingest.dates import epoch, iso
from tui.ingest.xmlsafe import MAX_DEPTH, local
from tui.textsafe import clean_line, clean_paragraphs, strip_controls

# Elements whose content is not story text (metadata, media, scripts, the NITF head and
# the parts of TT's dialect that repeat the dateline and byline).
_SKIP = frozenset({
    "head", "title", "script", "style", "noscript", "iframe", "object", "embed", "svg",
    "img", "video", "audio", "source", "picture", "button", "form", "input", "select",
    "nav", "header", "media", "media-reference", "media-metadata", "media-producer",
    "media-object", "bild", "bildfil", "bildskapare", "dat", "byline", "meta", "link",
})
_CAPTIONS = frozenset({"media-caption", "figcaption", "bildtext", "caption"})
_BLOCKS = frozenset({
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "blockquote",
    "block.quote", "bq", "pq", "address", "div", "section", "article", "aside", "main",
    "footer", "block", "body", "body.content", "ul", "ol", "dl", "center", "figure",
    "fieldset", "note", "tagline", "abstract", "citat", "mellis", "rubrik", "ingress",
    "brodtext", "text", "tr", "td", "th", "tbody", "thead", "tfoot", "hr",
})
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+"
)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")
# "By" in the languages of the agencies we read (par, por, von, af, av, door).
_BY = re.compile(r"^\s*(?:by|par|por|von|af|av|door)[:\s]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of raw text; `pre` keeps its lines (tables, preformatted copy)."""

    text: str
    pre: bool = False


@dataclass(slots=True)
class Content:
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def line(text: str) -> str:
    """One line of display text from whatever the agency sent."""
    return clean_line(_unescape(fix_mojibake(text)))


def fix_mojibake(text: str) -> str:
    """UTF-8 that was read as Latin-1 or Windows-1252 somewhere upstream (`Â£`, `Ã©`,
    `â€™`) back to what was meant; runs that do not decode are left alone."""
    if not text or text.isascii() or not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_demangle, text)


def _demangle(match: re.Match[str]) -> str:
    run = match.group()
    try:
        return run.encode("cp1252").decode("utf-8")
    except UnicodeError:
        try:
            return run.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return run


def _unescape(text: str) -> str:
    # Copy that was escaped twice upstream still shows `&amp;` or `&apos;` after parsing;
    # only complete references are decoded, so `R&D` or `&notice` stay as written. Quotes
    # escaped for a programming language (`day\'s`) never belong in news copy either.
    if "\\" in text:
        text = text.replace("\\'", "'").replace('\\"', '"')
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def body_text(blocks: list[Block]) -> str:
    """The body: prose paragraphs folded to one line, tables and preformatted blocks kept as
    lines (cells separated by tabs), all joined by a blank line."""
    parts: list[str] = []
    for block in blocks:
        if block.pre:
            rows = ["\t".join(line(cell) for cell in row.split("\t")).rstrip("\t")
                    for row in strip_controls(block.text).splitlines()]
            kept = "\n".join(row for row in rows if row.strip())
            if kept:
                parts.append(kept)
        else:
            kept = clean_paragraphs([_unescape(fix_mojibake(block.text))])
            if kept:
                parts.append(kept)
    return "\n\n".join(parts)


def drop_repeated_headline(blocks: list[Block], headline: str) -> list[Block]:
    """Bodies often open with the headline again (XHTML h1, a NITF hl2, TT's RUBRIK)."""
    if headline and blocks and not blocks[0].pre and line(blocks[0].text) == headline:
        return blocks[1:]
    return blocks


def element_content(node: ET.Element | None) -> Content:
    """Blocks and captions of an XML/XHTML content element, whatever its vocabulary."""
    content = Content()
    if node is not None:
        _Walker(content).walk(node, 0)
    return content


def html_content(markup: str) -> Content:
    """Blocks and captions of an HTML string (feed descriptions, escaped agency bodies),
    however badly formed."""
    return element_content(html_tree(markup))


def text_content(text: str) -> Content:
    """Plain text: HTML if it carries tags, else paragraphs by blank lines or indentation."""
    if re.search(r"<(?:p|br|div|b|i|em|strong|a|span|li|ul|h[1-6])\b[^<>]*>", text, re.I):
        return html_content(text)
    return Content([Block(p) for p in plain_paragraphs(html.unescape(text))])


def plain_paragraphs(text: str) -> list[str]:
    if "\n" not in text and "\r" not in text:
        return [text] if text.strip() else []  # one line: nothing to split (most <p>s)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        paragraphs.extend(_split_indented(chunk))
    return [p for p in paragraphs if p.strip()]


def _split_indented(chunk: str) -> list[str]:
    # Wire copy marks a new paragraph by indenting its first line while continuation lines
    # start at the margin. Pretty-printed markup indents the continuations instead, so the
    # rule applies only when most lines after the first sit at the margin.
    lines = [ln for ln in chunk.split("\n") if ln.strip()]
    rest = lines[1:]
    if len(lines) < 2 or sum(1 for ln in rest if _INDENTED.match(ln)) * 2 > len(rest):
        return [chunk]
    paragraphs: list[list[str]] = [[lines[0]]]
    for ln in rest:
        if _INDENTED.match(ln):
            paragraphs.append([ln])
        else:
            paragraphs[-1].append(ln)
    return ["\n".join(p) for p in paragraphs]


class _Walker:
    def __init__(self, content: Content) -> None:
        self.content = content
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if not text.strip():
            return
        # Wire copy pasted into one <p> keeps its own paragraphing: blank lines, or an
        # indented first line (see plain_paragraphs).
        self.content.blocks.extend(Block(piece) for piece in plain_paragraphs(text))

    def walk(self, node: ET.Element, depth: int) -> None:
        name = local(node.tag).lower()
        if name in _CAPTIONS:
            self.caption(node)
            return
        if depth > MAX_DEPTH:
            return
        if name in _SKIP:
            # A picture's caption sits inside the media element that is skipped.
            for element in node.iter():
                if local(element.tag).lower() in _CAPTIONS:
                    self.caption(element)
            return
        if name == "br":
            self.buffer.append(" ")
            return
        if name == "table":
            self.flush()
            self.table(node)
            return
        if name == "pre":
            self.flush()
            self.content.blocks.append(Block("".join(node.itertext()), pre=True))
            return
        block = name in _BLOCKS
        if block:
            self.flush()
        self.buffer.append(node.text or "")
        for element in node:
            self.walk(element, depth + 1)
            self.buffer.append(element.tail or "")
        if block:
            self.flush()

    def caption(self, node: ET.Element) -> None:
        caption = line("".join(node.itertext()))
        if caption:
            self.content.captions.append(caption)

    def table(self, node: ET.Element) -> None:
        rows: list[str] = []
        for row in node.iter():
            if local(row.tag).lower() != "tr":
                continue
            cells = [line("".join(cell.itertext())) for cell in row
                     if local(cell.tag).lower() in ("td", "th")]
            if any(cells):
                rows.append("\t".join(cells))
        if rows:
            self.content.blocks.append(Block("\n".join(rows), pre=True))


_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area",
                   "base", "col", "embed", "param", "track"})
_RAW_TEXT = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:._-]{0,63})")


def html_tree(markup: str) -> ET.Element:
    """A forgiving HTML-to-element-tree reader, linear in the length of its input.

    The standard library's HTMLParser takes quadratic time on some inputs (thousands of
    unclosed `<!--`), which a hostile feed can send. This reader moves forward only: every
    search starts where the last one stopped or reuses its answer, so each character is
    looked at a bounded number of times. Unknown end tags are ignored, unclosed tags are
    closed by an end tag further out, and depth is capped like XML's."""
    return _HTMLReader(markup).read()


class _HTMLReader:
    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.size = len(markup)
        self.root = ET.Element("body")
        self.stack = [self.root]
        self.pending: list[str] = []
        self.found: dict[str, int] = {}

    def next(self, char: str, start: int) -> int:
        """Index of the next `char` at or after `start`, or the end of the markup; answers
        are remembered, and `start` never goes backwards for long."""
        cached = self.found.get(char, -1)
        if cached < start:
            cached = self.markup.find(char, start)
            cached = self.size if cached == -1 else cached
            self.found[char] = cached
        return cached

    def text(self, chunk: str) -> None:
        if chunk:
            self.pending.append(chunk)

    def flush(self) -> None:
        if not self.pending:
            return
        text = html.unescape("".join(self.pending))
        self.pending.clear()
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def read(self) -> ET.Element:
        markup, size, position = self.markup, self.size, 0
        while position < size:
            lt = self.next("<", position)
            self.text(markup[position:lt])
            if lt >= size:
                break
            position = self.special(lt)
            if position > lt:
                continue
            tag = _TAG_NAME.match(markup, lt + 1)
            if tag is None:
                self.text("<")
                position = lt + 1
                continue
            end = self.tag_end(tag.end())
            if end >= size:
                self.text(markup[lt:])
                break
            position = end + 1
            self.element(tag.group(1) == "/", tag.group(2).lower(), markup[end - 1] == "/")
            if tag.group(2).lower() in _RAW_TEXT and tag.group(1) != "/":
                close = _RAW_TEXT[tag.group(2).lower()].search(markup, position)
                position = size if close is None else close.end()
        self.flush()
        return self.root

    def special(self, lt: int) -> int:
        """Past a comment, CDATA section, declaration or processing instruction at `lt`;
        `lt` itself when there is none. An unclosed one swallows the rest, as in a browser."""
        markup = self.markup
        if markup.startswith("<!--", lt):
            end = markup.find("-->", lt + 4)
            return self.size if end == -1 else end + 3
        if markup.startswith("<![CDATA[", lt):
            end = markup.find("]]>", lt + 9)
            self.text(markup[lt + 9:self.size if end == -1 else end].replace("&", "&amp;"))
            return self.size if end == -1 else end + 3
        if markup.startswith(("<!", "<?"), lt):
            return min(self.next(">", lt) + 1, self.size)
        return lt

    def tag_end(self, start: int) -> int:
        """The `>` closing a tag whose attributes start at `start`; a `>` inside a quoted
        attribute value does not count. The end of the markup if the tag never closes."""
        position = start
        while True:
            gt = self.next(">", position)
            quote = min(self.next('"', position), self.next("'", position))
            if gt <= quote:
                return gt
            if not self.markup[position:quote].rstrip().endswith("="):
                position = quote + 1  # a stray quote, not an attribute value
                continue
            close = self.next(self.markup[quote], quote + 1)
            if close >= self.size:
                return gt  # an unclosed value: the next > ends the tag after all
            position = close + 1

    def element(self, closing: bool, name: str, self_closing: bool) -> None:
        self.flush()
        stack = self.stack
        if closing:
            for index in range(len(stack) - 1, 0, -1):
                if stack[index].tag == name:
                    del stack[index:]
                    return
            return
        element = ET.SubElement(stack[-1], name)
        if name not in _VOID and name not in _RAW_TEXT and not self_closing \
                and len(stack) < MAX_DEPTH:
            stack.append(element)


def html_text(markup: str) -> str:
    """One line of text from an HTML fragment (a feed title, an escaped headline)."""
    if "<" not in markup:
        return line(markup)
    return line(" ".join(body_text(html_content(markup).blocks).split("\n\n")))


def byline(text: str) -> str:
    """`By JANE DOE` -> `JANE DOE`."""
    cleaned = line(text)
    return line(_BY.sub("", cleaned)) if _BY.match(cleaned) else cleaned


def valid_time(value: str) -> str:
    """ISO 8601 if the value is a real time stamp, else "" (for fields that are compared,
    such as embargoes, where a placeholder like `YYYYMMDD` must not count)."""
    text = iso(value)
    if not text or text.startswith("0001-"):
        return ""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return ""
    return text


def later(first: str, second: str) -> bool:
    """Whether ISO time `first` is after `second` (naive times are taken as UTC)."""
    return bool(first and second) and epoch(first) > epoch(second)


def number(text: str) -> int | None:
    text = text.strip()
    # isascii: str.isdigit() also accepts superscripts and other scripts' digits.
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def urgency(text: str) -> int | None:
    """1 (most urgent) … 9, or None when the value is not on that scale."""
    value = number(text)
    return value if value is not None and 1 <= value <= 9 else None


def unique(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return tuple(seen)
