"""Parsing untrusted XML: no entity declarations, no external resources, bounded depth,
bounded size; and a second, forgiving pass for feeds that are not quite XML.

The tree is built by driving expat ourselves (not `ET.fromstring`) so that every hostile
construct is refused at the moment expat meets it: an entity declaration before it can be
expanded, the 201st nested element before the 100,000th, an oversized attribute before it
is copied into the tree. Nothing here ever fetches anything: expat is given no handler for
external entities and parameter-entity parsing is off.

Before expat sees a byte, the size the document's internal entities would expand to is
counted from the bytes themselves (`refuse_entity_bombs`): that catches the quadratic
blowup (one big entity used thousands of times) where expat would never report the
declaration (after a DTD module it does not read), and in files that are not XML at all.
"""

from __future__ import annotations

import codecs
import functools
import html.entities
import re
import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from tui.ingest.decode import decode
from tui.ingest.errors import ParseError

MAX_DEPTH = 200
MAX_ATTRIBUTE_CHARS = 256 * 1024
MAX_ELEMENTS = 500_000
#: The most characters all entity references of a document may expand to, counted before
#: it is parsed. Agency copy declares no entities of its own (and XML that does is refused
#: anyway); this bounds the work for a declaration expat or the sniffer never reports.
MAX_ENTITY_EXPANSION = 1_000_000
MAX_ENTITY_DECLARATIONS = 10_000
# Expanded sizes are counted up to this and no further (a billion laughs is 10**9 per level).
_SATURATED = 10**12
# Work bounds of the count: references inside declared values, entities counted one by one.
_MAX_DECLARED_REFERENCES = 100_000
_COUNTED_ENTITIES = 16

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_XML_DECL = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)")
# Characters XML 1.0 forbids outright; feeds leak them from databases and word processors.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHAR_REF = re.compile(r"&#(?:([0-9]{1,8})|[xX]([0-9A-Fa-f]{1,8}));")
_NAMED_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")
_BARE_AMP = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
# An internal entity declaration (a literal value) and a general entity reference, in bytes.
_XML_NAME = rb"[A-Za-z_:\x80-\xff][\w.:\x80-\xff-]*"
_ENTITY_LITERAL = re.compile(
    rb"<!ENTITY\s+(%\s*)?(" + _XML_NAME + rb")\s+(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY_REF = re.compile(rb"&(" + _XML_NAME + rb");")


class _Refused(Exception):
    """Hostile or oversized input: never retried by the forgiving pass."""


class _Malformed(Exception):
    """Not well-formed; the forgiving pass may still read it."""


def parse_xml(data: bytes) -> ET.Element:
    """The document's root element, or ParseError with a one-line reason."""
    refuse_entity_bombs(data)
    try:
        return _parse(data, namespaces=True)
    except _Refused as exc:
        raise ParseError(str(exc)) from None
    except _Malformed as first:
        reason = str(first)
    # Feeds in the wild carry Latin-1 bytes without a declaration, HTML entities such as
    # &nbsp;, bare ampersands and control characters. Repair those in the text and parse
    # once more with the same guards; if that fails too, the first reason is the honest one.
    repaired = _repair(data)
    for namespaces in (True, False):
        try:
            return _parse(repaired, namespaces=namespaces)
        except _Refused as exc:
            raise ParseError(str(exc)) from None
        except _Malformed as exc:
            if "unbound prefix" not in str(exc):
                break
    raise ParseError(reason)


def _parse(data: bytes, *, namespaces: bool) -> ET.Element:
    parser = expat.ParserCreate(namespace_separator="}" if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    builder = ET.TreeBuilder()
    state = [0, 0]  # current depth, elements seen

    def start(name: str, attributes: dict[str, str]) -> None:
        state[0] += 1
        state[1] += 1
        if state[0] > MAX_DEPTH:
            raise _Refused(f"XML nests deeper than {MAX_DEPTH} levels; refused as unsafe")
        if state[1] > MAX_ELEMENTS:
            raise _Refused(f"XML has more than {MAX_ELEMENTS:,} elements; refused as too large")
        if attributes:
            for value in attributes.values():
                if len(value) > MAX_ATTRIBUTE_CHARS:
                    raise _Refused(f"XML attribute longer than {MAX_ATTRIBUTE_CHARS // 1024} "
                                   "KB; refused as unsafe")
            attributes = {_clark(k): v for k, v in attributes.items()}
        # _clark written out: these two handlers run for every element of every file
        builder.start("{" + name if "}" in name else name, attributes)

    def end(name: str) -> None:
        state[0] -= 1
        builder.end("{" + name if "}" in name else name)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _entity_declared
    parser.SkippedEntityHandler = _entity_skipped
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise _Malformed(f"XML is not well-formed ({exc})") from None
    except (LookupError, ValueError, UnicodeError) as exc:
        # pyexpat hands encodings it lacks to Python codecs, which refuse multi-byte and
        # non-text codecs: the document as declared cannot be read.
        raise _Malformed(f"XML in an encoding that cannot be read ({exc})") from None
    except RecursionError:
        raise _Refused("XML nests too deeply to read") from None
    root = builder.close()
    if not isinstance(root, ET.Element):
        raise _Malformed("XML has no root element")
    return root


def _clark(name: str) -> str:
    # expat reports `uri}local`; ElementTree (and everything here) expects `{uri}local`.
    return "{" + name if "}" in name else name


def _entity_declared(name: str, is_parameter: int, value: str | None, base: str | None,
                     system_id: str | None, public_id: str | None,
                     notation: str | None) -> None:
    # General entities are how billion-laughs bombs and external-entity reads get in, and
    # agency copy never needs them. The one declaration real feeds do carry is a parameter
    # entity naming a DTD module by relative path (NewsML 1 pulling in the NITF DTD); it is
    # never fetched, so it is let through. Anything pointing at a URL is refused.
    external_module = bool(is_parameter) and value is None and system_id is not None \
        and not _SCHEME.match(system_id)
    if not external_module:
        kind = "parameter entity" if is_parameter else "entity"
        raise _Refused(f"XML declares its own {kind} '{name}'; refused as unsafe")


def _entity_skipped(name: str, is_parameter: int) -> None:
    # An entity used but not defined inside the document: defined (if at all) in an external
    # DTD that is deliberately never read. HTML names are repaired by the forgiving pass.
    raise _Malformed(f"XML uses the undefined entity &{name};")


def refuse_entity_bombs(data: bytes) -> None:
    """ParseError when the internal entities declared anywhere in the bytes would expand
    to more than MAX_ENTITY_EXPANSION characters where they are referenced: the billion
    laughs (entities nested) and the quadratic blowup (one big entity used many times).
    Counted from the declarations and references alone, without expanding anything and in
    a few passes of `bytes.count` over the data; for the files the sniffer sends to text
    as well as XML."""
    if b"<!ENTITY" not in data:
        return
    values: dict[bytes, bytes] = {}
    declared: list[bytes] = []  # every declaration's value, parameter entities' too
    for number, match in enumerate(_ENTITY_LITERAL.finditer(data)):
        if number == MAX_ENTITY_DECLARATIONS:
            raise ParseError(f"XML declares more than {MAX_ENTITY_DECLARATIONS:,} entities; "
                             "refused as unsafe")
        percent, name, double, single = match.groups()
        value = double if double is not None else single
        declared.append(value)
        if not percent:
            # the first declaration of a name is the binding one
            values.setdefault(name, value)
    if not values:
        return
    sizes = _expanded_sizes(values)
    # A reference inside a declared value is counted there, by _expanded_sizes; the NUL
    # between values is no name character, so no reference spans two of them.
    inside = b"\0".join(declared)
    ampersands = data.count(b"&")
    ranked = sorted((name for name in values if sizes[name]), key=sizes.__getitem__,
                    reverse=True)
    total = counted = 0
    uses: dict[bytes, int] = {}
    for index, name in enumerate(ranked):
        # The names left are no bigger than this one and have at most the ampersands not
        # yet counted: when even that cannot reach the limit, nothing can.
        if (ampersands - counted) * sizes[name] <= MAX_ENTITY_EXPANSION - total:
            return
        if index == _COUNTED_ENTITIES:
            raise ParseError(f"XML declares {len(ranked):,} entities with up to "
                             f"{ampersands:,} references; refused as unsafe")
        token = b"&" + name + b";"
        count = data.count(token) - inside.count(token)
        uses[name] = count
        counted += count
        total += count * sizes[name]
        if total > MAX_ENTITY_EXPANSION:
            worst = max(uses, key=lambda used: uses[used] * sizes[used])
            raise ParseError(_bomb_reason(worst, sizes[worst], uses[worst]))


def _bomb_reason(name: bytes, size: int, count: int) -> str:
    shown = "".join(c for c in name.decode("utf-8", "replace")[:40] if c.isprintable())
    length = "more than a terabyte" if size >= _SATURATED else \
        f"{size:,} character{'s' if size != 1 else ''}"
    times = "once" if count == 1 else f"{count:,} times"
    return (f"XML entities would expand to more than {MAX_ENTITY_EXPANSION // 1_000_000:,} "
            f"million characters (the entity '{shown}', {length} long, is used {times}); "
            "refused as unsafe")


def _expanded_sizes(values: dict[bytes, bytes]) -> dict[bytes, int]:
    """Each entity's length once every entity it references is expanded, saturated at
    _SATURATED; an entity that refers to itself (which expat refuses) counts as unbounded.
    Worked out with an explicit stack, as a chain of entities may be thousands long."""
    sizes: dict[bytes, int] = {}
    references: dict[bytes, list[bytes]] = {}
    seen = 0
    for name, value in values.items():
        references[name] = refs = []
        for match in _ENTITY_REF.finditer(value):
            refs.append(match.group(1))
        seen += len(refs)
        if seen > _MAX_DECLARED_REFERENCES:
            raise ParseError(f"XML entity declarations hold more than "
                             f"{_MAX_DECLARED_REFERENCES:,} references; refused as unsafe")
    for first in values:
        if first in sizes:
            continue
        # (name, how many of its references are looked at)
        stack: list[tuple[bytes, int]] = [(first, 0)]
        open_names = {first}
        while stack:
            name, done = stack[-1]
            refs = references[name]
            if done < len(refs):
                stack[-1] = (name, done + 1)
                ref = refs[done]
                if ref in open_names:
                    sizes[name] = _SATURATED  # it refers to itself
                elif ref in values and ref not in sizes:
                    stack.append((ref, 0))
                    open_names.add(ref)
                continue
            stack.pop()
            open_names.discard(name)
            size = len(values[name])
            for ref in refs:
                if ref in sizes:
                    # the reference `&ref;` is replaced by what it expands to
                    size += sizes[ref] - len(ref) - 2
            sizes[name] = min(max(size, sizes.get(name, 0)), _SATURATED)
    return sizes


def _repair(data: bytes) -> bytes:
    text = _lenient_decode(data)
    text = _XML_DECL.sub("", text, count=1)
    text = _INVALID_CHARS.sub("", text)
    text = _CHAR_REF.sub(_valid_char_ref, text)
    text = _NAMED_REF.sub(_named_ref, text)
    text = _BARE_AMP.sub("&amp;", text)
    return text.encode("utf-8")


def _lenient_decode(data: bytes) -> str:
    declared = _DECLARED_ENCODING.match(data)
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        is_utf8 = codecs.lookup(name).name == "utf-8"
    except LookupError:
        is_utf8 = True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not is_utf8:
        try:
            return decode(data)
        except (LookupError, ValueError):
            # A declared "encoding" that is no text codec at all (rot13, base64).
            pass
    # Mostly UTF-8 with stray single-byte characters: keep every valid sequence and read
    # only the bytes that are not UTF-8 as Windows-1252.
    return data.decode("utf-8", errors="wiredesk-cp1252")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return bytes(chunk).decode("cp1252", errors="replace"), error.end


codecs.register_error("wiredesk-cp1252", _cp1252_fallback)


def _valid_char_ref(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF
    return match.group() if allowed else ""


def _named_ref(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _PREDEFINED:
        return match.group()
    code = html.entities.name2codepoint.get(name)
    # An unknown name is kept as the literal text the agency sent.
    return f"&#{code};" if code is not None else f"&amp;{name};"


# Navigation helpers: agency XML mixes namespaces freely (or leaves prefixes undeclared),
# so everything is looked up by local name.


def local(tag: Any) -> str:
    """`{http://iptc.org/std/nar/2006-10-01/}headline` -> `headline` (also `dc:creator`
    -> `creator` when a feed was read without namespaces). Comments and processing
    instructions have no name."""
    if not isinstance(tag, str):
        return ""
    return _local(tag)


@functools.lru_cache(maxsize=4096)
def _local(tag: str) -> str:
    # every lookup walks the tree asking each element's name: the few distinct tags of a
    # format are split once, not once per element per lookup
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def text_of(node: ET.Element | None) -> str:
    return "".join(node.itertext()) if node is not None else ""


def find(node: ET.Element | None, name: str) -> ET.Element | None:
    """First descendant (or the node itself) with this local name, whatever its namespace."""
    if node is None:
        return None
    # `local(tag) == name` written out, with a suffix test first that nearly every element
    # fails without splitting its tag: these lookups ask every element of a tree (the same
    # test is written out in find_all, child, children and child_text). The empty name is
    # the name of comments and processing instructions, which no suffix test finds.
    if not name:
        return next((e for e in node.iter() if local(e.tag) == name), None)
    for element in node.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.endswith(name) and _local(tag) == name:
            return element
    return None


def find_all(node: ET.Element | None, name: str) -> list[ET.Element]:
    if node is None:
        return []
    if not name:
        return [e for e in node.iter() if local(e.tag) == name]
    return [element for element in node.iter() if isinstance(tag := element.tag, str)
            and tag.endswith(name) and _local(tag) == name]


def child(node: ET.Element | None, *names: str) -> ET.Element | None:
    """First direct child with one of these local names (tried in order)."""
    if node is None:
        return None
    for name in names:
        for element in node:
            tag = element.tag
            if (isinstance(tag, str) and tag.endswith(name) and _local(tag) == name) or \
                    (not name and local(tag) == name):
                return element
    return None


def children(node: ET.Element | None, name: str) -> list[ET.Element]:
    if node is None:
        return []
    if not name:
        return [e for e in node if local(e.tag) == name]
    return [element for element in node if isinstance(tag := element.tag, str)
            and tag.endswith(name) and _local(tag) == name]


def child_text(node: ET.Element | None, *names: str) -> str:
    """Stripped text of the first direct child with one of these names that has any."""
    if node is None:
        return ""
    for name in names:
        for element in node:
            tag = element.tag
            if (isinstance(tag, str) and tag.endswith(name) and _local(tag) == name) or \
                    (not name and local(tag) == name):
                text = text_of(element).strip()
                if text:
                    return text
    return ""


def attr(node: ET.Element | None, name: str) -> str:
    """An attribute by local name (namespaced or not), stripped."""
    if node is None:
        return ""
    value = node.get(name)
    if value is None:
        for key, candidate in node.attrib.items():
            if local(key) == name:
                value = candidate
                break
    return (value or "").strip()


def lang_of(node: ET.Element | None) -> str:
    if node is None:
        return ""
    return (node.get(XML_LANG) or node.get("xml:lang") or "").strip()
