"""The JSON dispatch: arrays, unknown JSON, invalid JSON, a one-item wiredesk export."""

from __future__ import annotations

import json

import pytest

from tui.ingest import jsonwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Item

RECEIVED = "2024-03-05T10:00:00+00:00"


def test_array_of_ninjs_with_a_bad_entry() -> None:
    data = json.dumps([{"uri": "a", "headline": "One", "body_text": "x"}, 5,
                       {"uri": "c", "type": "text"}, {"uri": "d", "headline": "Two"}]).encode()
    results = jsonwire.parse(data, "arr.json", RECEIVED)
    assert [type(r).__name__ for r in results] == ["Item", "Quarantined", "Quarantined", "Item"]
    assert [r.path for r in results if isinstance(r, Quarantined)] == ["arr.json#1", "arr.json#2"]
    assert all(r.reason and "\n" not in r.reason for r in results if isinstance(r, Quarantined))


def test_single_wiredesk_export_object() -> None:
    record = {"id": "x-1", "path": "old.xml", "format": "nitf", "headline": "H", "body": "B",
              "urgency": 2, "signal": ["update"]}
    [item] = jsonwire.parse(json.dumps(record).encode(), "one.json", RECEIVED)
    assert isinstance(item, Item)
    assert (item.id, item.format, item.urgency, item.signal) == ("x-1", "nitf", 2, ("update",))


@pytest.mark.parametrize(("data", "words"), [
    (b'{"a": 1}', "not a wire format"),
    (b"[]", "empty"),
    (b'"text"', "a string"),
    (b'{"a": ', "not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
])
def test_file_level_errors(data: bytes, words: str) -> None:
    with pytest.raises(ParseError, match=words):
        jsonwire.parse(data, "f.json", RECEIVED)


def test_concatenated_objects_are_read_as_json_lines() -> None:
    data = b'{"id": "a", "headline": "A"}\n{"id": "b", "headline": "B"}\n'
    results = jsonwire.parse(data, "f.json", RECEIVED)
    assert [r.id for r in results if isinstance(r, Item)] == ["a", "b"]
