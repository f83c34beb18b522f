"""The demo day (seeds/) against tests/data/demo_day_expected.toml, read the way the
app reads it (tui.wire.Wire and group_items, as tui/app/dayload.py does) and the way
`wiredesk dupes --json` does, in file-name order and reversed: the same stories."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from wiredesk_testdata import ROOT, SEEDS

from tui.cli import main
from tui.config import load_config
from tui.dedup.detector import Detector
from tui.ingest import read_paths
from tui.model import Item
from tui.wire import Wire, group_items

EXPECTED = tomllib.loads((ROOT / "tests" / "data" / "demo_day_expected.toml")
                         .read_text(encoding="utf-8"))
ORDERS = ["name", "reversed"]
#: groups the detector does not make whole yet, and why (in either reading order)
NOT_YET = {
    "baghuz-surrender": "the National Post's page (no time of its own, so placed at its "
                        "file's time, after the wire copy) scores 43-55 against the "
                        "agencies' Baghuz copy (text_min 63): its lede names ISIL's "
                        "'final moments' where theirs name Baghuz and the SDF; the "
                        "agencies' copy is one story",
    "brexit-extension-vote": "PA's and dpa's Brexit copy share few words and lede numbers "
                             "(text score 47, below text_min 63)",
}

Partition = set[frozenset[str]]


def _files(order: str) -> list[Path]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    return files[::-1] if order == "reversed" else files


def _app_wire(files: Iterable[Path]) -> Wire:
    """What the app holds once its day is loaded: items taken file by file, stories
    grouped apart (group_items) and installed (tui/app/dayload.py)."""
    settings = load_config(None).dedup
    wire = Wire(settings)
    wire.defer_grouping()
    for result in read_paths(files):
        wire.take(result)
    items, overrides = wire.take_ungrouped()
    wire.install_stories(group_items(items, settings, overrides))
    return wire


def _app_partition(files: list[Path]) -> Partition:
    return {frozenset(story.members) for story in _app_wire(files).stories.stories()
            if len(story.members) > 1}


def _cli_partition(files: list[Path], capsys: pytest.CaptureFixture[str]) -> Partition:
    assert main(["dupes", *map(str, files), "--json"]) == 0
    clusters: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["clusters"]
    return {frozenset(m["id"] for m in c["members"]) for c in clusters}


def _keys() -> dict[str, str]:
    """File name -> the key of its (one) item."""
    items: dict[str, Item] = {}
    for result in read_paths(_files("name")):
        (one,) = result.items
        items[Path(one.path).name] = one
    return {name: one.key for name, one in items.items()}


@pytest.mark.parametrize("order", ORDERS)
def test_app_and_dupes_give_the_same_stories(order: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    files = _files(order)
    app = _app_partition(files)
    assert app, "the demo day has stories"
    assert app == _cli_partition(files, capsys)
    assert app == _app_partition(_files("name"))


def _detector(order: str) -> Detector:
    return _app_wire(_files(order)).stories.detector


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("group", EXPECTED["group"], ids=lambda g: g["name"])
def test_demo_day_groups(group: dict[str, Any], order: str) -> None:
    if group["name"] in NOT_YET:
        pytest.xfail(NOT_YET[group["name"]])
    keys = _keys()
    detector = _detector(order)
    want = {keys[m["file"]] for m in group["members"]}
    assert set(detector.member_ids(keys[group["first"]])) == want


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("group", EXPECTED["group"], ids=lambda g: g["name"])
def test_demo_day_lineage(group: dict[str, Any], order: str) -> None:
    """Within one agency's chain, each item is linked to the item it follows, with the
    relation the expected file names (its `direct` and `of`, or `relation` to `first`
    when that is not another agency), and the two are in one story."""
    keys = _keys()
    detector = _detector(order)
    for m in group["members"]:
        relation, to = m.get("direct", m["relation"]), m.get("of", group["first"])
        if relation in ("first", "other_agency"):
            continue
        key, other = keys[m["file"]], keys[to]
        found = {link.relation for link in detector.links_of(key) + detector.links_of(other)
                 if {link.item, link.other} == {key, other}}
        assert found == {relation}, (m["file"], to)
        assert detector.story_id(key) == detector.story_id(other)


@pytest.mark.parametrize("order", ORDERS)
def test_demo_day_hard_negatives_stay_apart(order: str) -> None:
    keys = _keys()
    detector = _detector(order)
    for pair in EXPECTED["must_not_group"]:
        a, b = keys[pair["a"]], keys[pair["b"]]
        assert detector.story_id(a) != detector.story_id(b), pair["why"]
