"""AP Media API JSON: a single item and a feed, on objects written for these tests."""

from __future__ import annotations

import json
from typing import Any

from tui.ingest import jsonwire
from tui.ingest.errors import Quarantined
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

ITEM: dict[str, Any] = {
    "uri": "https://api.example/content/9e2f?qt=abc&et=1",
    "altids": {"itemid": "9e2faea3", "etag": "9e2faea3_3a5", "friendlykey": "2948"},
    "version": 3,
    "type": "text",
    "urgency": 4,
    "editorialpriority": "r",
    "language": "en",
    "versioncreated": "2020-12-10T16:13:39Z",
    "firstcreated": "2020-12-10T14:56:30Z",
    "pubstatus": "usable",
    "ednote": "Eds: UPDATES: Updates photos",
    "editorialtypes": ["Lead"],
    "title": "US--Biden-Staff",
    "headline": "Biden taps Rice as domestic policy adviser",
    "headline_extended": "President-elect Joe Biden is naming Susan Rice",
    "slugline": "AP-US--Biden-Staff, 3rd Ld-Writethru",
    "bylines": [{"by": "By JULIE PACE and ZEKE MILLER", "title": "Associated Press"}],
    "located": "WASHINGTON",
    "datelinelocation": {"city": "Washington", "countryname": "United States"},
    "keywords": ["Biden-Staff"],
    "provider": "AP",
    "subject": [{"rels": ["category"], "code": "p", "name": "p"},
                {"rels": ["direct"], "code": "86aa", "name": "Government and politics"}],
    "associations": {"1": {"type": "picture", "headline": "not the story"}},
}


def test_single_item_every_field() -> None:
    envelope = {"api_version": "2.1", "data": {"meta": {}, "item": ITEM},
                "nitf": {"body_html": "<p>WASHINGTON (AP) — Biden named Rice.</p><p>More.</p>"}}
    [item] = jsonwire.parse(json.dumps(envelope).encode(), "ap.json", RECEIVED)
    assert isinstance(item, Item)
    assert item.format == "apmedia"
    assert item.id == "9e2faea3"
    assert item.source == "AP"
    assert item.version == "3"
    assert item.created == "2020-12-10T14:56:30+00:00"
    assert item.versioned == "2020-12-10T16:13:39+00:00"
    assert item.urgency == 4
    assert item.priority == "r"
    assert item.category == "p"
    assert item.subjects == ("Government and politics",)
    assert item.keywords == ("Biden-Staff",)
    assert item.slug == "AP-US--Biden-Staff"
    assert item.take_key == "3rd Ld-Writethru"
    assert item.headline == "Biden taps Rice as domestic policy adviser"
    assert item.deck == "President-elect Joe Biden is naming Susan Rice"
    assert item.byline == "JULIE PACE and ZEKE MILLER"
    assert item.dateline == Dateline(city="Washington", country="United States",
                                     text="WASHINGTON")
    assert item.ednote == "UPDATES: Updates photos"
    assert item.signal == ("update",)
    assert item.paragraphs == ["WASHINGTON (AP) — Biden named Rice.", "More."]


def test_feed_keeps_good_items_and_quarantines_a_bad_one() -> None:
    feed = {"data": {"items": [{"item": ITEM}, {"item": "broken"},
                               {"item": {**ITEM, "altids": {"itemid": "b2"},
                                         "type": "picture", "headline": "", "title": "",
                                         "description_caption": "A caption"}},
                               {"item": {"uri": "x"}}]}}
    results = jsonwire.parse(json.dumps(feed).encode(), "feed.json", RECEIVED)
    assert [type(r).__name__ for r in results] == ["Item", "Quarantined", "Item", "Quarantined"]
    assert isinstance(results[1], Quarantined) and results[1].path == "feed.json#1"
    assert isinstance(results[3], Quarantined) and results[3].path == "feed.json#3"
    picture = results[2]
    assert isinstance(picture, Item)
    assert picture.captions == ("A caption",)
    assert picture.headline == "A caption"


def test_kill_and_correction_types() -> None:
    killed = {**ITEM, "editorialtypes": ["Kill"], "pubstatus": "canceled"}
    [item] = jsonwire.parse(json.dumps({"data": {"item": killed}}).encode(), "k", RECEIVED)
    assert isinstance(item, Item)
    assert "kill" in item.signal
    assert item.pubstatus == "canceled"
