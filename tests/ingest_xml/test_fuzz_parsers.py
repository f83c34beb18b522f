"""Every parser entry point, fuzzed: whatever bytes arrive, a parser returns items and
quarantines or raises ParseError with a one-line reason; nothing else escapes, no item
keeps a control character, and no reason is the reader's catch-all for a parser bug.

The format parsers are found from the modules reader.py dispatches to, not listed by
hand: a format added to a dispatcher is fuzzed here at once, through the entry point its
signature names (`parse_root`, `parse` or `parse_object`), and fails
`test_every_registered_format_is_fuzzed` until it has seeds of its own. Besides the
formats, `read_file` on a file, the sniffers, the decoder and the JSON Lines reader.

Inputs are random bytes and mutations (truncation, byte flips, inserted control
characters, escape sequences, markup and Rich markup, a splice of two files) of the
bundled seeds, the XML fixtures, the examples of the other property tests and, when
present, the shared agency samples. Deterministic (`derandomize`, no database) and bounded
so that the whole file takes well under a minute.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import sys
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from wiredesk_testdata import SEEDS, WIRE_SAMPLES

import tui.ingest
from tui.ingest import decode, jsonl, reader, textwire
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.xmlsafe import local, parse_xml
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"
TESTS = Path(__file__).resolve().parent.parent
#: the reader's catch-all: a parser that needs it has a bug
INTERNAL_ERROR = "could not be read (internal error"
#: C0 and C1 controls and DEL; a body may keep newlines, and tabs between a table's
#: cells (xmlbody), a line field nothing
CONTROLS = frozenset(chr(c) for c in [*range(0x20), *range(0x7f, 0xa0)])
BODY_CONTROLS = CONTROLS - {"\n", "\t"}

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])


# --- the parsers, as reader.py dispatches them ------------------------------------------


def _ingest_modules(module: types.ModuleType) -> list[types.ModuleType]:
    return [value for value in vars(module).values() if isinstance(value, types.ModuleType)
            and value.__name__.startswith(f"{tui.ingest.__name__}.")]


def _is_format(module: types.ModuleType) -> bool:
    return hasattr(module, "FORMAT") or hasattr(module, "ROOTS")


def _format_modules() -> list[types.ModuleType]:
    """The format parsers: modules with a FORMAT or ROOTS that reader.py calls, or that
    the dispatchers it calls (xmlwire, jsonwire, textwire) call."""
    found: dict[str, types.ModuleType] = {}
    for dispatcher in _ingest_modules(reader):
        for module in [dispatcher, *_ingest_modules(dispatcher)]:
            if _is_format(module):
                found[module.__name__] = module
    return sorted(found.values(), key=lambda module: module.__name__)


FORMATS = _format_modules()


@dataclasses.dataclass(frozen=True)
class Entry:
    """How a format module is called: its function and what it takes."""

    function: Callable[..., Any]
    takes: str  # "element", "text", "bytes", "object"


def _entry(module: types.ModuleType) -> Entry | None:
    for name in ("parse_root", "parse", "parse_object"):
        function = getattr(module, name, None)
        if function is None or getattr(function, "__module__", "") != module.__name__:
            continue
        hints = typing.get_type_hints(function)
        first = next(iter(inspect.signature(function).parameters))
        kind = hints.get(first)
        if kind is ET.Element:
            return Entry(function, "element")
        if kind is str:
            return Entry(function, "text")
        if kind is bytes:
            return Entry(function, "bytes")
        if kind is object or typing.get_origin(kind) is dict:
            return Entry(function, "object")
    return None


# --- seeds ------------------------------------------------------------------------------


def _test_module(folder: str, name: str) -> types.ModuleType:
    """Another folder's test module, as pytest imports it (by its own name, with its folder
    on the path), for the examples it builds."""
    if name not in sys.modules:
        path = str(TESTS / folder)
        sys.path.insert(0, path)
        try:
            importlib.import_module(name)
        finally:
            sys.path.remove(path)
    return sys.modules[name]


def _files(folder: Path) -> list[bytes]:
    if not folder.is_dir():
        return []
    return [path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name != "MANIFEST.md"]


_TEXT_PROPERTIES = _test_module("ingest_text", "test_properties_text")
_XML_PROPERTIES = _test_module("ingest_xml", "test_properties_xml")
JSON_OBJECTS: list[Any] = list(_TEXT_PROPERTIES.JSON_SEEDS)
SEED_FILES: list[bytes] = list(dict.fromkeys([
    *_files(SEEDS), *_XML_PROPERTIES.SEEDS, *_TEXT_PROPERTIES.TEXT_SEEDS,
    *(json.dumps(obj).encode() for obj in JSON_OBJECTS), *_files(WIRE_SAMPLES)]))


def _export(data: list[bytes]) -> bytes:
    """JSON Lines as `wiredesk parse --json` writes them, of every seed that has items."""
    lines = []
    for index, seed in enumerate(data):
        try:
            entries = reader.parse_bytes(seed, f"seed{index}", RECEIVED)
        except ParseError:
            continue
        lines += [json.dumps(e.to_json(), ensure_ascii=False) for e in entries
                  if isinstance(e, Item)]
    return "\n".join(lines).encode()


JSON_LINES = _export(SEED_FILES)
SEED_FILES.append(JSON_LINES)


def _root(data: bytes) -> ET.Element | None:
    try:
        return parse_xml(data)
    except ParseError:
        return None


def _roots(module: types.ModuleType) -> frozenset[str]:
    return frozenset(getattr(module, "ROOTS", None) or {module.FORMAT})


def _json(data: bytes) -> Any:
    try:
        return json.loads(decode.decode(data))
    except (ValueError, RecursionError):
        return None


def _accepts(module: types.ModuleType, entry: Entry, data: bytes) -> bool:
    """Whether the dispatcher would hand these bytes to this module (a sniff of its own),
    so that a seed exercises the module rather than its first refusal."""
    if entry.takes == "element":
        root = _root(data)
        return root is not None and local(root.tag) in _roots(module)
    if entry.takes == "object":
        obj = _json(data)
        looks_like = getattr(module, "looks_like", None)
        return isinstance(obj, dict) and (looks_like is None or bool(looks_like(obj)))
    if reader.sniff(data) != "text":
        return False
    sniff = getattr(module, "sniff", None)
    if sniff is None:
        return True
    return bool(sniff(data if entry.takes == "bytes" else decode.decode(data)))


def _own_seeds(module: types.ModuleType) -> list[bytes]:
    entry = _entry(module)
    if entry is None:
        return []
    return [seed for seed in SEED_FILES if _accepts(module, entry, seed)]


OWN_SEEDS = {module.__name__: _own_seeds(module) for module in FORMATS}


# --- inputs -----------------------------------------------------------------------------

INSERTS = [b"\x00", b"\x01", b"\x02", b"\x03", b"\x04", b"\x07", b"\x08", b"\x0b", b"\x0c",
           b"\x16", b"\x1b", b"\x1e", b"\x1f", b"\x7f", b"\xc2\x85", b"\xc2\x9b", b"\xe2\x80\xa8",
           b"\x1b[31m", b"\x1b]0;title\x07", b"\x1b[2J", b"\x9b31m", b"\r", b"\r\n", b"\t",
           b"[bold]", b"[/bold]", b"[link=http://x]", b"[red on white]", b"\\[",
           b"<b>", b"</p>", b"<p>", b"<br/>", b"&", b"&amp;", b"&nbsp;", b"&#0;", b"&#x9b;",
           b"&#27;", b"<![CDATA[", b"]]>", b"<!--", b"-->", b'"', b"{", b"}", b"[", b"]",
           b'"\\u001b[1m"', b'"\\u0085"', b"\xff", b"\xfe", b"\xc3", b"\xe9", b"\xef\xbb\xbf",
           b"ZCZC", b"NNNN", b"BC-", b" =\r\n", b"From: a@b\r\n", b"=?utf-8?Q?=1B?="]


@st.composite
def mutated(draw: st.DrawFn, seeds: Sequence[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["truncate", "flip", "insert", "insert", "delete",
                                       "splice"]))
        if action == "truncate":
            del data[where:]
        elif action == "flip" and where < len(data):
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[where:where] = draw(st.sampled_from(INSERTS) | st.binary(max_size=6))
        elif action == "delete":
            del data[where:where + draw(st.integers(1, 80))]
        elif action == "splice":
            other = draw(st.sampled_from(SEED_FILES))
            data[where:] = other[draw(st.integers(0, len(other))):]
    return bytes(data)


def inputs(seeds: Sequence[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2_000), mutated(seeds), mutated(seeds),
                     mutated(seeds))


# --- what every parser promises ---------------------------------------------------------


def _one_line(reason: str) -> None:
    assert reason.strip(), "an empty reason"
    assert len(reason.splitlines()) == 1, f"a reason of more than one line: {reason!r}"
    assert not reason.startswith(INTERNAL_ERROR), reason


def _text_fields(value: Any, name: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, tuple):
        for text in value:
            yield from _text_fields(text, name)
    elif isinstance(value, Dateline):
        for part in dataclasses.fields(value):
            yield from _text_fields(getattr(value, part.name), f"dateline.{part.name}")


def check_item(item: Item) -> None:
    for field in dataclasses.fields(item):
        # `path` is where the file was, as the caller named it; `id` is the agency's own
        # identifier, kept verbatim (decisions are stored against it) and never shown as
        # copy
        if field.name in ("path", "id"):
            continue
        for name, text in _text_fields(getattr(item, field.name), field.name):
            forbidden = BODY_CONTROLS if name == "body" else CONTROLS
            found = forbidden.intersection(text)
            assert not found, f"{name} keeps control characters {sorted(found)}: {text!r}"


def check_entries(entries: object) -> None:
    if isinstance(entries, Item):
        entries = [entries]  # an entry point for one object (jsonl.parse_object) gives one
    assert isinstance(entries, list | tuple)
    for entry in entries:
        assert isinstance(entry, Item | Quarantined), entry
        if isinstance(entry, Item):
            check_item(entry)
        else:
            _one_line(entry.reason)


def check_parser(call: Callable[[], object]) -> None:
    try:
        entries = call()
    except ParseError as exc:
        _one_line(str(exc))
        return
    check_entries(entries)


# --- the tests --------------------------------------------------------------------------


def test_every_registered_format_is_fuzzed() -> None:
    names = {module.__name__.rsplit(".", 1)[-1] for module in FORMATS}
    # the discovery finds the formats of every dispatcher (a guard against finding none)
    assert {"nitf", "newsml1", "newsmlg2", "feeds", "agencyxml", "anpa", "iptc7901", "zczc",
            "mail", "presstext", "plaintext", "ninjs", "apmedia", "dpawires", "jsonl"} <= names
    for module in FORMATS:
        assert _entry(module) is not None, f"{module.__name__} has no entry point to fuzz"
        assert OWN_SEEDS[module.__name__], f"{module.__name__} has no seed of its format"


def _call(module: types.ModuleType, data: bytes, root_name: str) -> Callable[[], object]:
    entry = _entry(module)
    assert entry is not None
    function = entry.function
    if entry.takes == "element":
        def call() -> object:
            root = parse_xml(data)
            # whatever the document, under a root the dispatcher sends to this module
            namespace = root.tag[:root.tag.index("}") + 1] if "}" in root.tag else ""
            root.tag = namespace + root_name
            return function(root, "fuzz.xml", RECEIVED)
        return call
    if entry.takes == "object":
        return lambda: function(_json(data), "fuzz.json", RECEIVED)
    if entry.takes == "bytes":
        return lambda: function(data, "fuzz.txt", RECEIVED)
    return lambda: function(decode.decode(data), "fuzz.txt", RECEIVED)


@pytest.mark.parametrize("module", FORMATS, ids=[m.__name__.rsplit(".", 1)[-1] for m in FORMATS])
@FUZZ
@given(data=st.data())
def test_format_parser(module: types.ModuleType, data: st.DataObject) -> None:
    seeds = OWN_SEEDS[module.__name__] or SEED_FILES
    raw = data.draw(inputs(seeds), label="bytes")
    entry = _entry(module)
    assert entry is not None
    if entry.takes == "object" and not _accepts(module, entry, raw):
        # JSON the dispatcher would not hand to this module: an object of its own instead
        raw = data.draw(mutated_json(module), label="json")
        assume(_accepts(module, entry, raw))
    root_name = data.draw(st.sampled_from(sorted(_roots(module))), label="root")
    check_parser(_call(module, raw, root_name))


@st.composite
def mutated_json(draw: st.DrawFn, module: types.ModuleType) -> bytes:
    """A JSON object of the module's format with values replaced by hostile ones."""
    seeds = [obj for seed in OWN_SEEDS[module.__name__]
             if isinstance(obj := _json(seed), dict)] or JSON_OBJECTS
    hostile = st.sampled_from(["\x1b[31mred\x1b[0m", "[bold]x[/bold]", "\x85\u2028x", "\x00",
                               "<p>a</p><script>x</script>", 10**30, -1, 1.5e308, True, None,
                               [], {}, ["\x07"], {"\x1b": "\x9b"}, "2019-13-45T99:99"])

    def walk(value: Any, depth: int) -> Any:
        if draw(st.integers(0, 7)) == 0:
            return draw(hostile | st.text(max_size=12))
        if isinstance(value, dict) and depth < 8:
            return {key: walk(item, depth + 1) for key, item in value.items()}
        if isinstance(value, list) and depth < 8:
            return [walk(item, depth + 1) for item in value]
        return value

    return json.dumps(walk(draw(st.sampled_from(seeds)), 0)).encode()


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "wire.dat"


@FUZZ
@given(raw=inputs(SEED_FILES))
def test_read_file(fuzz_file: Path, raw: bytes) -> None:
    fuzz_file.write_bytes(raw)
    result = reader.read_file(fuzz_file)
    assert isinstance(result, reader.FileResult)
    check_entries(result.items)
    check_entries(result.problems)
    if not raw:
        assert result.problems


SNIFFERS: list[tuple[str, Callable[[bytes], object], type]] = [
    ("reader.sniff", reader.sniff, str), ("textwire.kind", textwire.kind, str),
    ("jsonl.sniff", jsonl.sniff, bool),
]
for _module in FORMATS:
    _sniff = getattr(_module, "sniff", None)
    _text_sniff = _sniff is not None and typing.get_type_hints(_sniff).get("text") is str
    if _sniff is not None and _module is not jsonl:
        SNIFFERS.append((f"{_module.__name__}.sniff",
                         (lambda d, s=_sniff: s(decode.decode(d))) if _text_sniff else _sniff,
                         bool))
    if (_looks_like := getattr(_module, "looks_like", None)) is not None:
        SNIFFERS.append((f"{_module.__name__}.looks_like",
                         lambda d, f=_looks_like: isinstance(o := _json(d), dict) and f(o),
                         bool))


@pytest.mark.parametrize(("sniff", "returns"), [(s, r) for _, s, r in SNIFFERS],
                         ids=[name for name, _, _ in SNIFFERS])
@FUZZ
@given(raw=inputs(SEED_FILES))
def test_sniffer(sniff: Callable[[bytes], object], returns: type, raw: bytes) -> None:
    assert isinstance(sniff(raw), returns)


DECLARED = [None, "utf-8", "latin-1", "utf-16", "utf-32-be", "shift_jis", "rot13", "base64",
            "zlib", "idna", "punycode", "unicode_escape", "x" * 300, ""]


@FUZZ
@given(raw=inputs(SEED_FILES), declared=st.sampled_from(DECLARED))
def test_decoder(raw: bytes, declared: str | None) -> None:
    assert isinstance(decode.decode(raw, declared), str)


@FUZZ
@given(raw=inputs([JSON_LINES]) | mutated([JSON_LINES]))
def test_json_lines_reader(raw: bytes) -> None:
    entries = list(jsonl.parse_lines(raw.splitlines(), "fuzz.jsonl", RECEIVED))
    check_entries(entries)


# --- what the fuzzer found --------------------------------------------------------------

ESCAPE = "\x1b[31mred\x1b[0m"


@pytest.mark.parametrize(("data", "fields"), [
    (json.dumps({"data": {"item": {"uri": "u1", "headline": "H", "provider": ESCAPE,
                                   "version": ESCAPE, "firstcreated": ESCAPE}}}).encode(),
     ("source", "version", "created")),
    (json.dumps({"uri": "u2", "type": "text", "headlines": [{"value": "H"}], "version": ESCAPE,
                 "firstcreated": ESCAPE, "priority": ESCAPE}).encode(),
     ("version", "created", "priority")),
    (json.dumps({"urn": "urn:newsml:dpa.com:20090101:1", "version": ESCAPE, "headline": "H",
                 "version_created": ESCAPE, "urgency": ESCAPE,
                 "article_html": "<p>Text.</p>"}).encode(), ("version", "versioned", "priority")),
    (b"From: desk@example.com\r\nSubject: H\r\nDate: \x1b[31mred\x1b[0m\r\n\r\nText.\r\n",
     ("created",)),
], ids=["AP Media API", "ninjs", "digitalwires", "email"])
def test_dates_versions_priorities_and_agency_names_lose_their_control_characters(
        data: bytes, fields: tuple[str, ...]) -> None:
    # The agency's unreadable date, its version and priority, and an agency name wiredesk
    # does not know were kept verbatim, escape sequences and NULs included.
    [item] = reader.parse_bytes(data, "found.dat", RECEIVED)
    assert isinstance(item, Item)
    check_item(item)
    for field in fields:
        assert getattr(item, field) in ("", "red", "31mred"), field
