"""Relation labels name the right member: versions, repeats and corrections are within
one agency's lineage (across agencies it is "other agency"), and the correction is the
item that corrects, not the item corrected."""

from __future__ import annotations

import json

import pytest
from dedup_helpers import item
from wiredesk_testdata import SEEDS

from tui.cli import main
from tui.dedup.detector import Detector
from tui.dedup.report import dupes_report
from tui.model import Item

LINEAGE = {"version", "repeat", "correction", "kill"}
LEDE = ("HERAKLION, Greece — A passenger ferry carrying 212 people ran aground off the "
        "Cretan port of Heraklion on Tuesday, the Greek coast guard said.")

MORE = "The coast guard said the Olympia Star struck a sandbank in calm seas overnight."


def _ferry(id: str, hours: float, source: str, **fields: object) -> Item:
    return item(id, hours, source=source, language="en",
                headline="Ferry runs aground off Crete", body=LEDE, **fields)


def _members(items: list[Item]) -> dict[str, tuple[str, str]]:
    report = dupes_report(items)
    return {m["id"]: (m["relation"], m["to"]) for c in report["clusters"]
            for m in c["members"]}


@pytest.mark.parametrize("fields", [
    {},  # the same text: AP moved Reuters' copy (or a pool text)
    {"version": "2"},  # the same guid stem, under another agency's name
    {"refers_to": ["rtr-1"], "signal": ["correction"]},
], ids=["same-text", "same-guid", "refers-to"])
def test_another_agencys_copy_is_never_its_version(fields: dict[str, object]) -> None:
    version = {"version": "1"} if "version" in fields else {}
    first = _ferry("tag:x.org,2025:ferry:1" if version else "rtr-1", 0, "Reuters", **version)
    second = _ferry("tag:x.org,2025:ferry:2" if version else "ap-1", 1, "AP", **fields)
    if fields:  # not the same text: the guid or the reference is what links them
        second = item(second.id, 1, source="AP", language="en", body=MORE, **fields)
    detector = Detector()
    detector.add(first)
    links = detector.add(second)
    assert links[0].relation == "other_agency"
    # the event layer's link beside it: never a version either
    assert {link.relation for link in links} <= {"other_agency", "same_event"}
    assert _members([first, second])[second.key] == ("other_agency", first.key)


def test_the_corrected_item_is_not_labelled_the_correction() -> None:
    guid = "tag:afp.com,2025:ferry"
    first = _ferry(f"{guid}:1", 0, "AFP", version="1")
    fixed = item(f"{guid}:2", 2, version="2", source="AFP", language="en",
                 headline="Ferry runs aground off Crete", signal=["correction"],
                 body=LEDE.replace("212", "221"))
    members = _members([first, fixed])
    assert members[fixed.key][0] in {"lead", "correction"}
    assert members[first.key][0] not in {"correction", "repeat", "kill"}


def test_demo_day_labels_stay_inside_each_agency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", str(SEEDS), "--json"]) == 0
    clusters = json.loads(capsys.readouterr().out)["clusters"]
    for cluster in clusters:
        source = {m["id"]: m["source"] for m in cluster["members"]}
        for m in cluster["members"]:
            if m["relation"] in LINEAGE:
                assert source[m["to"]] == m["source"], m
    by_headline = {(m["source"], m["id"]): m for c in clusters for m in c["members"]}
    afp = sorted((key, m) for key, m in by_headline.items() if key[0] == "AFP")
    # 0820 (version 1) and 1035 (its correction, version 2)
    (_, original), (_, correction) = afp
    assert correction["relation"] in {"lead", "correction"}
    assert original["relation"] != "correction"
