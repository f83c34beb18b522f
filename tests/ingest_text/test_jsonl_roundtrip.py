"""JSON Lines round trip: parse -> to_json lines (as `wiredesk parse --json` writes them)
-> parse again gives equal items; a bad line is quarantined alone; big files stream."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from wiredesk_testdata import WIRE_SAMPLES

from tui.ingest import jsonl
from tui.ingest.errors import Quarantined
from tui.ingest.reader import read_file, sniff, walk
from tui.model import Dateline, Item

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FOLDERS = ("anpa-1312", "iptc-7901", "aap-zczc", "email", "plain-text", "ninjs",
           "ap-media-api-json", "dpa-digitalwires-json")

RICH = Item(
    id="urn:x:1", path="in/a.xml", format="nitf", source="AP", received="2024-03-05T10:00:00",
    created="2024-03-05T09:00:00+00:00", versioned="2024-03-05T09:30:00+00:00", version="2",
    take_key="1st Ld-Writethru", slug="BC-US--X", headline="Headline “quoted”", deck="Deck",
    byline="A Writer", dateline=Dateline(city="PARIS", country="France", text="PARIS"),
    body="One.\n\nTwo — three.", captions=("cap",), pull_quotes=("pq",), word_count=4,
    urgency=2, priority="b", category="i", subjects=("politics",), keywords=("k1", "k2"),
    language="fr", pubstatus="withheld", embargo="2024-03-06T00:00:00+00:00", ednote="Note",
    signal=("update", "hold"), refers_to=("urn:x:0",),
)


def _export(items: list[Item], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")


def test_every_field_survives(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    bare = replace(RICH, id="urn:x:2", dateline=Dateline(), captions=(), pull_quotes=(),
                   subjects=(), keywords=(), signal=(), refers_to=(), urgency=None)
    _export([RICH, bare], export)
    result = read_file(export)
    assert result.problems == []
    assert result.items[0] == RICH
    assert result.items[1] == bare


def test_real_samples_round_trip(tmp_path: Path) -> None:
    seeds = [p for p in walk([SEEDS]) if p.suffix != ".xml"] if SEEDS.is_dir() else []
    samples = ([p for f in FOLDERS for p in walk([WIRE_SAMPLES / f])]
               if WIRE_SAMPLES.is_dir() else [])
    items = [i for p in seeds + samples for i in read_file(p).items]
    assert items or not (seeds or samples)
    export = tmp_path / "all.jsonl"
    _export(items, export)
    assert sniff(export.read_bytes()) == "jsonl"
    again = read_file(export)
    assert again.problems == []
    assert again.items == items


def test_a_bad_line_is_quarantined_alone(tmp_path: Path) -> None:
    export = tmp_path / "mixed.jsonl"
    good = json.dumps(RICH.to_json())
    export.write_text("\n".join([
        good,
        '{"id": "broken", "headline": ',          # cut off
        '["not", "an", "object"]',
        '{"id": "no-text"}',                        # neither headline nor body
        '{"id": "bad-type", "headline": "h", "captions": [{"a": 1}]}',
        "",
        good.replace("urn:x:1", "urn:x:3"),
    ]) + "\n", encoding="utf-8")
    result = read_file(export)
    assert [i.id for i in result.items] == ["urn:x:1", "urn:x:3"]
    assert [q.path for q in result.problems] == [
        f"{export}:2", f"{export}:3", f"{export}:4", f"{export}:5"]
    assert all(q.reason.startswith("line ") for q in result.problems)


def test_text_is_cleaned_but_the_id_is_kept_verbatim() -> None:
    record = {"id": " id\twith space ", "headline": "a\x1b[31mb", "byline": "x\x07y",
              "signal": ["update", "bogus"], "pubstatus": "weird", "urgency": 42,
              "dateline": {"city": "P\x00A", "zone": "x"}}
    [item] = list(jsonl.parse_lines([json.dumps(record).encode()], "p", "r"))
    assert isinstance(item, Item)
    assert item.id == " id\twith space "
    assert (item.headline, item.byline) == ("ab", "xy")
    assert item.signal == ("update",)
    assert item.pubstatus == "usable"
    assert item.urgency is None
    assert item.dateline == Dateline(city="PA")


def test_a_first_line_longer_than_the_sniffed_head_is_still_json_lines(tmp_path: Path) -> None:
    long_item = Item(id="long", path="p", format="plain", headline="Long",
                     body="\n\n".join(["word " * 200] * 10))
    export = tmp_path / "long.jsonl"
    _export([long_item, RICH], export)
    assert len(export.read_bytes().split(b"\n", 1)[0]) > 4096
    assert jsonl.sniff(export.read_bytes()[:4096])
    result = read_file(export)
    assert [i.id for i in result.items] == ["long", "urn:x:1"]


def test_lines_are_read_one_at_a_time() -> None:
    seen: list[int] = []

    def lines() -> object:
        for number in range(1, 100_000):
            seen.append(number)
            yield json.dumps({"id": str(number), "headline": "h"}).encode()

    stream = jsonl.parse_lines(lines(), "big", "r")  # type: ignore[arg-type]
    first = next(stream)
    assert isinstance(first, Item) and first.id == "1"
    assert len(seen) == 1  # nothing was read ahead


def test_quarantined_type() -> None:
    [entry] = list(jsonl.parse_lines([b"{"], "p", "r"))
    assert isinstance(entry, Quarantined)
    assert entry.format == "jsonl"
