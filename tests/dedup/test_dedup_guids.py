"""Which ids are versions of one guid (`guid_stem`): a versioned id's last part is cut
only where it is a version, so two stories whose ids differ in their last colon parts
(WENN's `urn:feed-wenn-com:newsfeedarticle:2:2222:1` and `…:3`) are not one story."""

from __future__ import annotations

from pathlib import Path

import pytest
from dedup_helpers import item
from wiredesk_testdata import wire_samples

from tui.dedup.detector import Detector
from tui.dedup.features import guid_stem
from tui.ingest import read_file
from tui.model import Item

WENN = "urn:feed-wenn-com:newsfeedarticle:2:2222"


def _story(id: str, hours: float, headline: str, body: str, **fields: object) -> Item:
    return item(id, hours, source="WENN", language="en", headline=headline, body=body,
                **fields)


@pytest.mark.parametrize(("id", "version", "stem"), [
    # WENN: no version of its own, the last parts are the article's serial
    (f"{WENN}:1", "", ""),
    (f"{WENN}:3", "", ""),
    ("urn:newsml:tt.se:20171220:TT:585167:0", "", ""),
    # NewsML 1.2: the last part is the RevisionId, which is the item's version
    ("urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1", "1",
     "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86"),
    ("urn:newsml:anp.nl:20181210:ANPX-101218-041:2", "2",
     "urn:newsml:anp.nl:20181210:ANPX-101218-041"),
    # Reuters' tag ids carry the version as their last part
    ("tag:reuters.com,2019:newsml_KCN1QV0LZ:3", "3", "tag:reuters.com,2019:newsml_KCN1QV0LZ"),
    ("tag:reuters.com,2016:newsml_L1N14N0FF:978556838", "978556838",
     "tag:reuters.com,2016:newsml_L1N14N0FF"),
    # NewsML-G2 sends the version beside the guid: the guid is the stem
    ("tag:reuters.com,0000:newsml_L1N14N0FF", "1542761538",
     "tag:reuters.com,0000:newsml_L1N14N0FF"),
    # a component of a NewsML 1.2 item (`#` and its own number) is no version of it, and
    # a serial that is not the version is the item's own (two G2 items, both version 1)
    ("urn:newsml:belga.be:20190129T133400:98055798:4#98055801", "4",
     "urn:newsml:belga.be:20190129T133400:98055798:4#98055801"),
    ("urn:bench:g2:17", "1", "urn:bench:g2:17"),
])
def test_guid_stem(id: str, version: str, stem: str) -> None:
    assert guid_stem(item(id, 0, version=version)) == stem


def test_two_wenn_stories_are_not_versions_of_each_other() -> None:
    a = _story(f"{WENN}:1", 0, "Suge Knight involved in fatal hit and run incident",
               "Rap mogul Suge Knight has been questioned by police after a fatal hit and "
               "run incident in Compton, California.")
    b = _story(f"{WENN}:3", 2, "Jagged Edge singer Kyle Norman arrested over domestic row",
               "Jagged Edge star Kyle Norman has been arrested following an alleged domestic "
               "dispute in Atlanta, Georgia.")
    detector = Detector()
    detector.add(a)
    assert detector.add(b) == []
    assert detector.story_id(a.key) != detector.story_id(b.key)


def test_a_newsml_revision_is_still_a_version() -> None:
    base = "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86"
    a = item(f"{base}:1", 0, version="1", source="AFP", headline="Floods in Illinois",
             body="Residents waited for the river to peak.")
    b = item(f"{base}:2", 1, version="2", source="AFP", headline="Mississippi crests",
             body="The Mississippi crested at St. Louis on Sunday.")
    detector = Detector()
    detector.add(a)
    links = detector.add(b)
    assert [(link.other, link.relation, link.why) for link in links] == [
        (a.key, "version", (f"same guid {base}",))]


def _sample_items(path: Path) -> list[Item]:
    result = read_file(path)
    assert result.items, [problem.reason for problem in result.problems]
    return list(result.items)


def test_the_real_wenn_feed_gives_two_stories() -> None:
    items = _sample_items(wire_samples() / "rss-atom" / "wenn.xml")
    assert len(items) == 2 and items[0].id.rsplit(":", 1)[0] == items[1].id.rsplit(":", 1)[0]
    detector = Detector()
    for one in items:
        detector.add(one)
    assert detector.clusters() == []
    assert all(detector.links_of(one.key) == [] for one in items)
