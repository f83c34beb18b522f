"""The state loader against damaged files: truncations, flipped bytes, random TOML values in
the snapshot and the journal, garbage in the sidecar and the cache. Whatever the bytes,
`Desk(path)` either loads or raises a StateError naming the file and the line; what it
loads, it loads the same from its parsed copy, and the next action keeps it readable."""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, composite

from tui.desk.desk import Desk
from tui.desk.files import DeskFiles, StateError

#: bounded so the whole file runs in well under 30 s on a slow CI machine
FUZZ = settings(max_examples=120, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _base() -> dict[str, bytes]:
    """A desk with every kind of decision, folded once and worked on after: the bytes of
    each of its files."""
    folder = Path(tempfile.mkdtemp(prefix="wiredesk-fuzz-base-"))
    try:
        desk = Desk(folder / "desk.toml", editor="ana")
        desk.tag(["a", "b"], "politics", "world")
        desk.set_status("a", "used")
        desk.set_priority("b", 2)
        desk.assign("a", "Ben Okafor")
        desk.note("b", 'call "the desk" [bold]now[/]')
        desk.compact()
        desk.merge("story:a", ["a", "c"])
        desk.not_same("a", "d")
        desk.set_lead("story:a", "c")
        desk.set_read(["b"], True)
        desk.undo()
        desk.split("e")
        files = DeskFiles(folder / "desk.toml")
        return {"snapshot": files.snapshot.read_bytes(), "journal": files.journal.read_bytes(),
                "seq": files.acknowledged.read_bytes()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- ways to damage bytes -------------------------------------------------------------

@composite
def _damaged(draw: DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate"]))
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            if out:
                where = draw(st.integers(0, len(out) - 1))
                out[where] ^= draw(st.integers(1, 255))
        return bytes(out)
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=12) |
                                st.sampled_from([b"[[event]]\n", b"# end 3\n", b"\n", b"=",
                                                 b'"', b"\xff", b"[items.x]\n"])) + data[at:]
    end = draw(st.integers(at, min(len(data), at + 200)))
    if kind == "delete":
        return data[:at] + data[end:]
    return data[:end] + data[at:end] + data[end:]


_SCALARS = (st.integers(-2**63, 2**63 - 1) | st.booleans() | st.text(max_size=8) |
            st.floats(allow_nan=False) | st.sampled_from([0, -5, 10, 1, 9, "new", "used", ""]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) |
                       st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
                       max_leaves=6)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed document a value can be put."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def _put(document: Any, where: tuple[Any, ...], value: Any) -> None:
    for step in where[:-1]:
        document = document[step]
    document[where[-1]] = value


@composite
def _snapshot_with_a_random_value(draw: DrawFn) -> bytes:
    document = tomllib.loads(_base()["snapshot"].decode())
    where = draw(st.sampled_from(_paths(document)))
    _put(document, where, draw(_VALUES))
    return tomli_w.dumps(document).encode()


@composite
def _journal_with_a_random_value(draw: DrawFn) -> bytes:
    raw = _base()["journal"]
    header, *blocks = re.split(rb"(?m)^(?=\[\[event\]\]$)", raw)
    index = draw(st.integers(0, len(blocks) - 1))
    event = tomllib.loads(blocks[index].decode())
    where = draw(st.sampled_from(_paths(event["event"][0])))
    _put(event["event"][0], where, draw(_VALUES))
    seq = re.search(rb"(?m)^# end (\d+)$", blocks[index])
    assert seq is not None
    blocks[index] = tomli_w.dumps(event).encode() + b"# end " + seq.group(1) + b"\n\n"
    return header + b"".join(blocks)


# --- the property ---------------------------------------------------------------------

def _check(snapshot: bytes | None, journal: bytes | None, seq: bytes | None = None,
           cache: Callable[[DeskFiles], bytes] | None = None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wiredesk-fuzz-"))
    try:
        files = DeskFiles(folder / "desk.toml")
        for target, data in ((files.snapshot, snapshot), (files.journal, journal),
                             (files.acknowledged, seq)):
            if data is not None:
                target.write_bytes(data)
        if cache is not None:
            files.cache.write_bytes(cache(files))
        try:
            desk = Desk(files.snapshot, editor="fuzz")
        except StateError as exc:
            assert exc.path in (files.snapshot, files.journal), exc
            text = exc.path.read_bytes()
            assert exc.line is not None, exc
            assert 1 <= exc.line <= text.count(b"\n") + 1, exc
            assert str(exc).startswith(f"{exc.path}:{exc.line}: "), exc
            return
        again = Desk(files.snapshot, editor="fuzz")  # from the parsed copy, if it was written
        assert again.state == desk.state and again.seq == desk.seq
        desk.tag("fuzz-item", "fuzzed")  # the next action leaves a desk that reads back
        after = Desk(files.snapshot, editor="fuzz")
        assert after.warnings == []
        assert after.decision("fuzz-item").tags == ("fuzzed",)
        assert after.seq == desk.seq
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(st.data())
def test_a_damaged_journal_loads_or_is_refused_with_its_line(data: st.DataObject) -> None:
    base = _base()
    journal = data.draw(_damaged(base["journal"]) | _journal_with_a_random_value())
    _check(base["snapshot"], journal, data.draw(st.sampled_from([base["seq"], None])))


@FUZZ
@given(st.data())
def test_a_damaged_snapshot_loads_or_is_refused_with_its_line(data: st.DataObject) -> None:
    base = _base()
    snapshot = data.draw(_damaged(base["snapshot"]) | _snapshot_with_a_random_value())
    _check(snapshot, base["journal"], base["seq"])


@FUZZ
@given(st.data())
def test_both_damaged_and_a_garbage_sidecar(data: st.DataObject) -> None:
    base = _base()
    _check(data.draw(_damaged(base["snapshot"])), data.draw(_damaged(base["journal"])),
           data.draw(st.binary(max_size=40) | _damaged(base["seq"])))


@FUZZ
@given(st.binary(max_size=200) | st.sampled_from([b"[]", b"{}", b'{"version": 3}', b"null",
                                                   b'{"version": 3, "snapshot": 1}']))
def test_a_garbage_cache_is_only_a_slower_start(cache: bytes) -> None:
    base = _base()
    _check(base["snapshot"], base["journal"], base["seq"], cache=lambda _files: cache)
