"""Hand-written pairs (corpus/pairs.toml): every relation and every kind of look-alike,
in four languages, briefs to long features."""

from __future__ import annotations

from typing import Any

import pytest
from dedup_helpers import item, load_pairs

from tui.dedup.detector import Detector
from tui.model import Item

PAIRS = load_pairs()


@pytest.mark.parametrize("pair", PAIRS, ids=[p["name"] for p in PAIRS])
def test_pair(pair: dict[str, Any], background: list[Item]) -> None:
    detector = Detector()
    for earlier in background:
        detector.add(earlier)
    a = item(hours=0.0, **pair["a"])
    b = item(hours=pair["hours"], **pair["b"])
    detector.add(a)
    links = detector.add(b)
    same = detector.story_id(a.key) == detector.story_id(b.key)
    if pair["relation"] == "none":
        assert not same, f"glued: {[(link.relation, link.why) for link in links]}"
        return
    assert same, "not linked"
    to_a = [link for link in links if link.other == a.key]
    assert to_a, f"linked through another item: {links}"
    assert to_a[0].relation == pair["relation"], to_a[0].why
    assert 0 < to_a[0].score <= 100 and to_a[0].why


def test_every_relation_and_negative_kind_is_covered() -> None:
    relations = {p["relation"] for p in PAIRS}
    assert relations == {"repeat", "version", "correction", "other_agency", "none"}
    languages = {p["a"].get("language") for p in PAIRS}
    assert {"en", "de", "fr", "es"} <= languages
    names = " ".join(p["name"] for p in PAIRS if p["relation"] == "none")
    for kind in ("earthquakes", "matches", "vote", "quoting", "job cuts"):
        assert kind in names
