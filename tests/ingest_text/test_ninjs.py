"""ninjs 1.x and 2.x on objects written for these tests."""

from __future__ import annotations

import json
from typing import Any

from tui.ingest import jsonwire
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

NINJS2: dict[str, Any] = {
    "uri": "urn:newsml:afp.com:20190314:TX-PAR-RQN51",
    "type": "text",
    "version": "2",
    "firstcreated": "2019-03-14T08:20:00Z",
    "versioncreated": "2019-03-14T10:35:00+0100",
    "embargoed": "2019-03-14T19:00:00Z",
    "pubstatus": "usable",
    "urgency": 3,
    "priority": 5,
    "language": "en",
    "copyrightholder": "Agence France-Presse",
    "headlines": [{"role": "main", "value": "Jihadists surrender en masse"},
                  {"role": "sub", "value": "Caliphate nears its end"}],
    "bylines": [{"byline": "By Lucie MARCHAND"}, {"name": "Photo Desk", "role": "photographer"}],
    "slugline": "Syria-conflict-IS",
    "located": "Baghuz, Syria",
    "subjects": [{"name": "armed conflict", "uri": "http://cv.iptc.org/20000056"}],
    "keywords": ["Syria", "IS"],
    "ednote": "CORRECTS number of people in paragraph 2",
    "bodies": [{"role": "main", "contenttype": "text/html",
                "value": "<p>Baghuz (Syria) (AFP) - Wounded jihadists limped out.</p>"
                         "<p>Around 3,000 people &amp; more left.</p>"}],
    "associations": {"featureimage": {"uri": "x", "headline": "not the story"}},
    "replacing": ["urn:newsml:afp.com:20190314:TX-PAR-RQN50"],
}

NINJS1: dict[str, Any] = {
    "guid": "20170825001315282180",
    "headline": "Captain of wrecked cruise ship on trial",
    "byline": "Paulo Santalucia",
    "body_text": "GROSSETO, Italy (AP) -- The trial has begun.\n\nThe defendant made no comment.",
    "subject": [{"code": "01000000", "name": "arts, culture and entertainment"}],
    "pubstatus": "canceled",
    "version": 3,
}


def one(obj: dict[str, Any]) -> Item:
    [item] = jsonwire.parse(json.dumps(obj).encode(), "n.json", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_ninjs2_every_field() -> None:
    item = one(NINJS2)
    assert item.format == "ninjs"
    assert item.id == "urn:newsml:afp.com:20190314:TX-PAR-RQN51"
    assert item.source == "AFP"
    assert item.version == "2"
    assert item.created == "2019-03-14T08:20:00+00:00"
    assert item.versioned == "2019-03-14T10:35:00+01:00"
    assert item.embargo == "2019-03-14T19:00:00+00:00"
    assert item.urgency == 3
    assert item.priority == "5"
    assert item.language == "en"
    assert item.headline == "Jihadists surrender en masse"
    assert item.deck == "Caliphate nears its end"
    assert item.byline == "Lucie MARCHAND"
    assert item.slug == "Syria-conflict-IS"
    assert item.dateline == Dateline(city="Baghuz", country="Syria", text="Baghuz, Syria")
    assert item.subjects == ("armed conflict",)
    assert item.keywords == ("Syria", "IS")
    assert item.ednote == "CORRECTS number of people in paragraph 2"
    assert item.paragraphs == ["Baghuz (Syria) (AFP) - Wounded jihadists limped out.",
                               "Around 3,000 people & more left."]
    assert item.refers_to == ("urn:newsml:afp.com:20190314:TX-PAR-RQN50",)
    assert item.signal == ("correction", "hold")
    assert "not the story" not in item.body


def test_ninjs1_guid_subject_and_cancel() -> None:
    item = one(NINJS1)
    assert item.id == "20170825001315282180"
    assert item.version == "3"
    assert item.source == "AP"  # from the dateline: the object names no holder
    assert item.dateline == Dateline(city="GROSSETO", country="Italy", text="GROSSETO, Italy")
    assert item.subjects == ("arts, culture and entertainment",)
    assert item.pubstatus == "canceled"
    assert "kill" in item.signal
    assert item.paragraphs == ["GROSSETO, Italy (AP) -- The trial has begun.",
                               "The defendant made no comment."]


def test_priority_stands_in_for_missing_urgency() -> None:
    assert one({**NINJS1, "priority": 2}).urgency == 2
    assert one({**NINJS1, "urgency": 12}).urgency is None


def test_picture_has_its_caption() -> None:
    item = one({"uri": "p1", "type": "picture", "headline": "Museum",
                "description_text": "A Casa 2.111 in the museum"})
    assert item.captions == ("A Casa 2.111 in the museum",)


def test_html5_body_drops_the_repeated_headline() -> None:
    item = one({"uri": "tt1", "headline": "Krisen djupare",
                "body_html5": "<html><head><title>t</title></head><body><h1>Krisen djupare</h1>"
                              "<div class='dat'><span>Fotboll</span></div><p>Text.</p></body>"
                              "</html>"})
    assert item.paragraphs == ["Text."]
