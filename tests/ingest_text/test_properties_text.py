"""Whatever bytes arrive, the text and JSON parsers either return items and quarantines
or raise ParseError with a one-line reason; nothing else escapes. Inputs are random bytes
and the fixtures of the other tests (and the real samples, when present) mutated."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_anpa import AGATE, ALERT, KILL, KYODO, WRITETHRU
from test_apmedia import ITEM as AP_ITEM
from test_dpawires import ENTRY as DPA_ENTRY
from test_email import HTML_ONLY, MULTIPART
from test_iptc7901 import ATS, DPA
from test_ninjs import NINJS1, NINJS2
from test_zczc import NEWS, RESULTS, TAGGED
from wiredesk_testdata import WIRE_SAMPLES

from tui.ingest import jsonl, jsonwire, textwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Item

TEXT_FOLDERS = ("anpa-1312", "iptc-7901", "aap-zczc", "email", "plain-text")
JSON_FOLDERS = ("ninjs", "ap-media-api-json", "dpa-digitalwires-json")
RECEIVED = "2024-03-05T10:00:00+00:00"
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _samples(folders: tuple[str, ...]) -> list[bytes]:
    if not WIRE_SAMPLES.is_dir():
        return []
    return [p.read_bytes() for f in folders
            for p in sorted((WIRE_SAMPLES / f).iterdir()) if p.is_file()]


TEXT_SEEDS = [WRITETHRU, ALERT, KILL, AGATE, KYODO, DPA, ATS, NEWS, RESULTS, TAGGED, MULTIPART,
              HTML_ONLY, b"Headline\n\nBy A Writer (PA)\n\nLONDON (Reuters) - Text.\n",
              *_samples(TEXT_FOLDERS)]
JSON_SEEDS: list[Any] = [NINJS1, NINJS2, DPA_ENTRY, {"entries": [DPA_ENTRY]},
                         {"data": {"item": AP_ITEM}}, {"data": {"items": [{"item": AP_ITEM}]}},
                         [NINJS2, DPA_ENTRY], {"id": "x", "headline": "h", "format": "plain"},
                         *[json.loads(b) for b in _samples(JSON_FOLDERS)]]

# Bytes that mean something to the parsers: framing, separators, markers.
SPECIAL = st.sampled_from([b"\x01", b"\x02", b"\x03", b"\x04", b"\x16", b"\x1f", b"\x1e",
                           b"\x08", b"\x10", b"\x7f", b"\r", b"\n", b"\r\n", b"\t", b"^", b"<",
                           b"=", b" =\r\n", b"ZCZC", b"NNNN", b"#", b"*", b"{", b"(AP) _ ",
                           b"\xff", b"\xc3", b"=?utf-8?Q?", b"=?idna?B?", b"?=", b"--", b"\x00",
                           b"From: ", b"charset=base64", b"charset=\"utf-16\"", b"<p>"])


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 8))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "cut"]))
        if action == "insert":
            data[where:where] = draw(SPECIAL | st.binary(max_size=8))
        elif action == "delete":
            del data[where:where + draw(st.integers(1, 64))]
        elif action == "replace" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif action == "duplicate":
            data[where:where] = data[where:where + draw(st.integers(1, 200))]
        elif action == "cut":
            data = data[:where] if draw(st.booleans()) else data[where:]
    return bytes(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["<p>x</p>", "\x1b[31m", "2019-13-45T99:99",
                                               "Berlin (dpa) - ", "sig:kill", "10" * 30]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)


@st.composite
def mutated_json(draw: st.DrawFn) -> Any:
    def walk(value: Any, depth: int) -> Any:
        if draw(st.integers(0, 9)) == 0:
            return draw(JSON_VALUES)
        if isinstance(value, dict) and depth < 6:
            out = {k: walk(v, depth + 1) for k, v in value.items()
                   if draw(st.integers(0, 14)) != 0}
            return out
        if isinstance(value, list) and depth < 6:
            return [walk(v, depth + 1) for v in value]
        return value

    return walk(draw(st.sampled_from(JSON_SEEDS)), 0)


def _check(results: object) -> None:
    assert isinstance(results, list | tuple)
    for entry in results:
        assert isinstance(entry, Item | Quarantined)
        if isinstance(entry, Quarantined):
            assert entry.reason and "\n" not in entry.reason


def _text(data: bytes) -> None:
    try:
        _check(textwire.parse(data, "fuzz.txt", RECEIVED))
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)


def _json(data: bytes) -> None:
    try:
        _check(jsonwire.parse(data, "fuzz.json", RECEIVED))
    except ParseError as exc:
        assert str(exc)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_text(data: bytes) -> None:
    _text(data)


@SETTINGS
@given(mutated(TEXT_SEEDS))
def test_mutated_text_fixtures(data: bytes) -> None:
    _text(data)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_json(data: bytes) -> None:
    _json(data)


@SETTINGS
@given(mutated_json())
def test_mutated_json_structures(obj: Any) -> None:
    _json(json.dumps(obj).encode())


@SETTINGS
@given(mutated([json.dumps(s).encode() for s in JSON_SEEDS]))
def test_mutated_json_bytes(data: bytes) -> None:
    _json(data)


@SETTINGS
@given(st.lists(st.binary(max_size=200) | mutated_json().map(lambda o: json.dumps(o).encode())
                | mutated([json.dumps({"id": "a", "headline": "h", "urgency": 3,
                                       "dateline": {"city": "X"}}).encode()]), max_size=6))
def test_json_lines_never_raise(lines: list[bytes]) -> None:
    # The JSONL reader has no file-level error: every line is an item or a quarantine.
    _check(list(jsonl.parse_lines(lines, "fuzz.jsonl", RECEIVED)))
