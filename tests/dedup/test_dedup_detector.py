"""The detector's contract: links, story ids, the time window, the lead, the desk's
overrides, and the adapters the app and the CLI use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dedup_helpers import item

from tui.dedup.detector import Detector
from tui.dedup.groups import StoryIndex
from tui.dedup.report import dupes_report, dupes_table
from tui.dedup.settings import Settings
from tui.dedup.stories import Overrides
from tui.dedup.synth import generate
from tui.model import Item

ROOT = Path(__file__).resolve().parents[2]
FERRY = ("HERAKLION, Greece (AP) — A passenger ferry carrying 212 people ran aground off "
         "the Cretan port of Heraklion on Tuesday, the Greek coast guard said.")
FERRY_MORE = "Coast guard spokeswoman Eleni Markaki said the Olympia Star struck a sandbank."
QUAKE = ("A magnitude 5.8 earthquake struck Malatya province in eastern Turkey on Monday, "
         "killing at least four people, the disaster agency AFAD said.")


def ferry(id: str, hours: float | None, **fields: object) -> Item:
    return item(id, hours, source="AP", language="en",
                headline="Ferry runs aground off Crete", body=FERRY, **fields)


def writethru(id: str, hours: float | None) -> Item:
    return item(id, hours, source="AP", language="en", headline="Ferry runs aground off Crete",
                body=f"{FERRY}\n\n{FERRY_MORE}")


def quake(id: str, hours: float | None) -> Item:
    return item(id, hours, source="AFP", language="en",
                headline="Quake kills 4 in eastern Turkey", body=QUAKE)


def detector_with(*items: Item, overrides: Overrides | None = None) -> Detector:
    detector = Detector(overrides=overrides)
    for one in items:
        detector.add(one)
    return detector


# ---- links and stories -----------------------------------------------------------------

def test_link_carries_relation_score_and_why() -> None:
    detector = Detector()
    detector.add(ferry("a", 0))
    links = detector.add(writethru("b", 2))
    assert [(link.item, link.other, link.relation) for link in links] == [("b", "a", "version")]
    assert links[0].score == 100 and any("containment" in why for why in links[0].why)
    assert detector.links_of("b") == links


def test_story_id_is_named_after_the_first_item() -> None:
    detector = detector_with(ferry("a", 0), writethru("b", 2), quake("q", 1))
    assert detector.story_id("a") == detector.story_id("b") == "story:a"
    assert detector.story_id("q") == "story:q"
    assert detector.size_of("b") == 2 and detector.size_of("q") == 1
    assert detector.member_ids("b") == ["a", "b"]


def test_same_guid_with_a_new_version_is_a_version() -> None:
    guid = "tag:reuters.com,2016:newsml_L1N14N0FF"
    a = item(guid, 0, version="1", source="Reuters", headline="Floods in Illinois",
             body="Residents waited for the river to peak.")
    b = item(guid, 1, version="2", source="Reuters", headline="Mississippi crests",
             body="The Mississippi crested at St. Louis on Sunday.")
    detector = detector_with(a)
    links = detector.add(b)
    assert (links[0].other, links[0].relation, links[0].score) == (f"{guid}@1", "version", 100)


def test_refers_to_links_a_correction() -> None:
    a = item("afp-1", 0, source="AFP", headline="Storm hits coast", body="A storm hit the coast.")
    b = item("afp-2", 5, source="AFP", headline="Flood warning issued", refers_to=["afp-1"],
             signal=["correction"], body="Authorities issued a flood warning for the delta.")
    links = detector_with(a).add(b)
    assert (links[0].other, links[0].relation) == ("afp-1", "correction")


def test_a_key_seen_before_is_not_added_again() -> None:
    detector = detector_with(ferry("a", 0))
    assert detector.add(ferry("a", 0)) == []
    assert len(detector) == 1


def test_time_window_bounds_candidates() -> None:
    inside = detector_with(ferry("a", 0), ferry("b", 71))
    assert inside.story_id("b") == "story:a"
    outside = detector_with(ferry("a", 0), ferry("b", 73))
    assert outside.story_id("b") == "story:b"
    narrow = Detector(Settings(window_hours=1))
    narrow.add(ferry("a", 0))
    narrow.add(ferry("b", 2))
    assert narrow.story_id("b") == "story:b"


def test_items_without_time_are_always_in_the_window() -> None:
    detector = detector_with(ferry("a", 0), ferry("b", None), ferry("c", 500))
    assert detector.story_id("b") == "story:a"
    # b has no time and is in everyone's window, but the story stays within the
    # window of its items' own times: a's, which c is far out of
    assert detector.story_id("c") == "story:c"


def test_lead_is_the_newest_version_of_the_first_agency() -> None:
    other = item("rtr-1", 1, source="Reuters", language="en",
                 headline="Greek ferry with 212 aboard runs aground near Heraklion",
                 body="HERAKLION, Greece (Reuters) - A ferry with 212 people on board ran "
                      "aground near Heraklion on Crete on Tuesday, Greece's coast guard said, "
                      "adding that nobody was injured.")
    detector = detector_with(ferry("a", 0), other, writethru("b", 3))
    cluster = detector.cluster_of("a")
    assert cluster is not None and cluster.id == "story:a"
    assert cluster.lead == "b"
    relations = {m.id: m.relation for m in cluster.members}
    assert relations == {"b": "lead", "a": "version", "rtr-1": "other_agency"}


def test_lead_prefers_a_version_with_a_body() -> None:
    a = item("g", 0, version="1", source="Reuters", headline="Floods in Illinois",
             body="Residents waited for the river to peak.")
    b = item("g", 2, version="2", source="Reuters", headline="Floods in Illinois", body="")
    detector = detector_with(a, b)
    assert detector.lead_id("g@2") == "g@1"


# ---- stable ids ----------------------------------------------------------------------------

def _story_ids(items: list[Item]) -> dict[str, str]:
    detector = detector_with(*items)
    return {one.key: detector.story_id(one.key) or "" for one in items}


def test_story_ids_are_the_same_for_the_same_input_order() -> None:
    items = [generated for generated, _ in generate(300, seed=4)]
    assert _story_ids(items) == _story_ids(items)


def test_story_ids_survive_a_restart_with_another_hash_seed() -> None:
    """Python salts str hashes per process; nothing may depend on that."""
    script = ("import json; from tui.dedup.synth import generate; "
              "from tui.dedup.detector import Detector; d = Detector(); "
              "items = [i for i, _ in generate(300, seed=4)]; [d.add(i) for i in items]; "
              "print(json.dumps({i.key: d.story_id(i.key) for i in items}))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=env, cwd=ROOT, timeout=120)
    items = [generated for generated, _ in generate(300, seed=4)]
    assert json.loads(done.stdout) == _story_ids(items)


# ---- the desk's overrides ------------------------------------------------------------------

def test_manual_merge_holds() -> None:
    overrides = Overrides(merged={("q", "story:a")})
    detector = detector_with(ferry("a", 0), quake("q", 1), writethru("b", 2),
                             overrides=overrides)
    assert detector.story_id("q") == "story:a"
    assert detector.member_ids("a") == ["a", "q", "b"]  # in the order they came
    member = {m.id: m for m in detector.cluster_of("a").members}["q"]  # type: ignore[union-attr]
    assert member.relation == "merged"


def test_manual_merge_waits_for_its_story() -> None:
    detector = detector_with(quake("q", 0), ferry("a", 1),
                             overrides=Overrides(merged={("q", "story:a")}))
    assert detector.story_id("q") == detector.story_id("a")


def test_split_holds_and_nothing_pulls_the_item_back() -> None:
    overrides = Overrides(split={"b"})
    detector = detector_with(ferry("a", 0), writethru("b", 2), writethru("c", 3),
                             overrides=overrides)
    assert detector.story_id("b") == "story:b"
    assert detector.size_of("b") == 1
    # c repeats b word for word, but b was taken out by the desk: c goes with a.
    assert detector.story_id("c") == "story:a"


def test_not_same_is_never_joined_by_the_detector() -> None:
    overrides = Overrides(not_same={frozenset({"a", "b"})})
    detector = detector_with(ferry("a", 0), writethru("b", 2), ferry("c", 3),
                             overrides=overrides)
    assert detector.story_id("a") != detector.story_id("b")
    # c is a repeat of a and a version of b: it may join one of them, never both.
    assert detector.story_id("c") in {detector.story_id("a"), detector.story_id("b")}
    assert detector.story_id("a") != detector.story_id("b")


def test_overrides_apply_again_when_they_change() -> None:
    detector = detector_with(ferry("a", 0), writethru("b", 2), quake("q", 1))
    assert detector.story_id("b") == "story:a"
    detector.apply_overrides(Overrides(not_same={frozenset({"a", "b"})}))
    assert detector.story_id("a") != detector.story_id("b")
    detector.apply_overrides(Overrides(merged={("q", "story:a")}, split={"b"}))
    assert detector.member_ids("a") == ["a", "q"] and detector.size_of("b") == 1
    detector.apply_overrides(Overrides())
    assert detector.member_ids("a") == ["a", "b"]
    # Later items still see the overrides in force.
    detector.apply_overrides(Overrides(split={"a"}))
    detector.add(ferry("d", 4))
    assert detector.story_id("a") == "story:a" and detector.size_of("a") == 1


# ---- adapters ------------------------------------------------------------------------------

def test_story_index_adapter() -> None:
    index = StoryIndex()
    first = index.add(ferry("a", 0))
    assert (first.id, first.members, first.lead) == ("story:a", ["a"], "a")
    story = index.add(writethru("b", 2))
    assert (story.id, story.members, story.lead) == ("story:a", ["a", "b"], "b")
    index.add(quake("q", 1))
    assert index.story_of("a") == story and index.story_of("nope") is None
    assert [s.id for s in index.stories()] == ["story:a", "story:q"]
    assert index.size_of("b") == 2 and index.size_of("nope") == 1
    cluster = index.cluster_of("b")
    assert cluster is not None and cluster.lead == "b"


def test_dupes_report_and_table() -> None:
    report = dupes_report([ferry("a", 0), writethru("b", 2), quake("q", 1), ferry("a", 0)])
    assert report["items"] == 3
    assert [c["id"] for c in report["clusters"]] == ["story:a"]
    cluster = report["clusters"][0]
    assert cluster["lead"] == "b" and cluster["size"] == 2
    assert [(m["id"], m["relation"]) for m in cluster["members"]] == [("b", "lead"),
                                                                    ("a", "version")]
    for member in cluster["members"]:
        assert {"id", "relation", "score", "why"} <= member.keys()
        assert isinstance(member["why"], list)
    json.dumps(report)
    text = dupes_table(report)
    assert "story:a" in text and "version 100" in text and "containment" in text


def test_table_shows_control_characters_as_pictures() -> None:
    nasty = item("x", 0, source="AP", headline="Evil \x1b[31mred", body=FERRY)
    text = dupes_table(dupes_report([nasty, ferry("y", 1)]))
    assert "\x1b" not in text


@pytest.mark.parametrize("size", [0, 1])
def test_tiny_inputs(size: int) -> None:
    report = dupes_report([ferry("a", 0)][:size])
    assert report == {"items": size, "clusters": []}
