"""Parsing untrusted XML: no entity declarations, no external resources, bounded depth."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tui.ingest.errors import ParseError

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
MAX_DEPTH = 200


def parse_xml(data: bytes) -> ET.Element:
    # Entity declarations are how entity bombs and external-entity reads get in; agency
    # copy never needs them, so a document that declares any is refused outright.
    if _ENTITY_DECL.search(data[:65536]) or (b"<!DOCTYPE" in data and _ENTITY_DECL.search(data)):
        raise ParseError("XML declares its own entities; refused as unsafe")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ParseError(f"XML is not well-formed ({exc})") from exc
    if _depth(root) > MAX_DEPTH:
        raise ParseError(f"XML nests deeper than {MAX_DEPTH} levels")
    return root


def _depth(root: ET.Element) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in node)
    return deepest


def local(tag: str) -> str:
    """`{http://iptc.org/std/nar/2006-10-01/}headline` -> `headline`."""
    return tag.rsplit("}", 1)[-1]


def text_of(node: ET.Element | None) -> str:
    return "".join(node.itertext()) if node is not None else ""


def find(node: ET.Element, name: str) -> ET.Element | None:
    """First descendant with this local name, whatever its namespace."""
    for element in node.iter():
        if local(element.tag) == name:
            return element
    return None


def find_all(node: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in node.iter() if local(element.tag) == name]
