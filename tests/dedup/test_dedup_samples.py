"""Real version series from ../shared/wire-samples (not in this repository: skipped
when absent): two Reuters versions of one story, AP writethru takes of other stories."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from wiredesk_testdata import wire_samples

from tui.dedup.detector import Detector
from tui.ingest import read_file
from tui.ingest.dates import epoch, from_timestamp
from tui.model import Item


def _read(path: Path) -> list[Item]:
    result = read_file(path)
    if not result.items:
        reasons = "; ".join(problem.reason for problem in result.problems)
        pytest.xfail(f"the parser gives no item for {path.name} yet: {reasons}")
    return list(result.items)


def test_two_reuters_versions_are_one_story() -> None:
    folder = wire_samples() / "newsml-g2"
    items = [one for path in sorted(folder.glob("tag_reuters.com_2016_newsml_L1N14N0FF_*"))
             for one in _read(path)]
    assert len(items) == 2
    detector = Detector()
    for one in items:
        detector.add(one)
    first, second = items
    assert detector.story_id(first.key) == detector.story_id(second.key)
    (link,) = [link for one in items for link in detector.links_of(one.key)]
    assert link.relation in {"version", "correction"} and link.score >= 90
    # the guid's stem, its version cut (tui/dedup/features.guid_stem)
    assert link.why == ("same guid tag:reuters.com,0000:newsml_L1N14N0FF",)
    cluster = detector.cluster_of(first.key)
    assert cluster is not None and {m.id for m in cluster.members} == {first.key, second.key}


def test_ap_takes_of_different_stories_stay_apart() -> None:
    items = [one for path in sorted((wire_samples() / "anpa-1312").glob("*.tst"))
             for one in _read(path)]
    assert len(items) >= 10
    detector = Detector()
    for one in items:
        detector.add(one)
    assert detector.clusters() == []


def test_an_earlier_take_of_a_real_writethru_is_its_version() -> None:
    """The 1st Ld-Writethru restores a paragraph and adds others: take them out again
    for the earlier take (B = A + paragraphs), on the agency's own words."""
    (writethru,) = _read(wire_samples() / "anpa-1312" / "anpa-2.tst")
    paragraphs = writethru.paragraphs
    assert len(paragraphs) > 8
    earlier = dataclasses.replace(
        writethru, id=writethru.id + "-take0", take_key="", signal=(),
        body="\n\n".join(paragraphs[:2] + paragraphs[3:-3]),
        versioned=from_timestamp(epoch(writethru.sort_time) - timedelta(hours=2).seconds))
    detector = Detector()
    detector.add(earlier)
    links = detector.add(writethru)
    assert [(link.other, link.relation) for link in links] == [(earlier.key, "version")]
