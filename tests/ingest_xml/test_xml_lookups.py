"""The element lookups give what a plain `local(tag) == name` walk gives, whatever the
namespaces, prefixes and comments in the tree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.ingest import xmlsafe
from tui.ingest.xmlsafe import local

_TAGS = ("a", "ba", "b", "{urn:x}a", "{urn:x}ba", "x:a", "y:ba", "{urn:a}b", "a.b", "{u}a.b",
         None)  # None: a comment
_NAMES = ("a", "ba", "b", "a.b", "x:a", "")


def _tree(shape: list[tuple[int, str | None]]) -> ET.Element:
    root = ET.Element("root")
    nodes = [root]
    for parent, tag in shape:
        node = ET.Comment("c") if tag is None else ET.Element(tag)
        nodes[parent % len(nodes)].append(node)
        if tag is not None:
            nodes.append(node)
        node.text = f"t{len(nodes)}"
    return root


_SHAPES = st.lists(st.tuples(st.integers(0, 30), st.sampled_from(_TAGS)), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_SHAPES, st.sampled_from(_NAMES), st.sampled_from(_NAMES))
def test_lookups_match_the_local_name_walk(shape: list[tuple[int, str | None]], name: str,
                                           other: str) -> None:
    root = _tree(shape)
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        every = [e for e in node.iter() if local(e.tag) == name]
        assert xmlsafe.find_all(node, name) == every
        assert xmlsafe.find(node, name) is (every[0] if every else None)
        direct = [e for e in node if local(e.tag) == name]
        assert xmlsafe.children(node, name) == direct
        first = next((e for n in (other, name) for e in node if local(e.tag) == n), None)
        assert xmlsafe.child(node, other, name) is first
        texts = [xmlsafe.text_of(e).strip() for n in (other, name) for e in node
                 if local(e.tag) == n]
        assert xmlsafe.child_text(node, other, name) == next((t for t in texts if t), "")
