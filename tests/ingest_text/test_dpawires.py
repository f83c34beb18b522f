"""dpa digitalwires JSON on objects written for these tests."""

from __future__ import annotations

import json
from typing import Any

from tui.ingest import jsonwire
from tui.ingest.errors import Quarantined
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

ENTRY: dict[str, Any] = {
    "format": "digitalwires@0.9.1",
    "urn": "urn:newsml:dpa.com:20090101:250123-930-353124",
    "version_created": "2025-01-23T14:10:47+01:00",
    "content_created": "2025-01-23T13:00:00+01:00",
    "version": 2,
    "pubstatus": "usable",
    "signal": "sig:correction",
    "embargoed": "2025-01-23T19:00:00+01:00",
    "language": "de",
    "urgency": 4,
    "kicker": "Ausstellung",
    "headline": "Steinmeier: Russland zerstört kulturelles Erbe",
    "subhead": None,
    "teaser": "Eine Ausstellung zeigt gerettete Gemälde.",
    "byline": "Von Sabrina Szameitat, dpa",
    "dateline": "Berlin (dpa) - ",
    "article_html": "<section class=\"main\"><p><span class=\"dateline\">Berlin "
                    "<span class=\"credit\">(dpa)</span> - </span>Steinmeier hat gewarnt.</p>"
                    "<p>«Russlands Krieg» ist auch ein Krieg gegen die Kultur.</p></section>",
    "ednotes": [
        {"role": "dpaednoterole:embargo", "ednote": "Sperrfrist 19.00 Uhr.",
         "is_publishable": True},
        {"role": "dpaednoterole:closingline", "ednote": "dpa sza", "is_publishable": True},
        {"role": "dpaednoterole:editorialnote",
         "ednote": "Zu diesem Text finden Sie Bilder mit folgendem Titel im dpa Bildangebot:",
         "is_publishable": True},
        {"role": "dpaednoterole:editorialnote", "ednote": "Bundespräsident Steinmeier",
         "is_publishable": True},
        {"role": "dpaednoterole:dpacontacts", "ednote": "Autor/in: +49 30 000",
         "is_publishable": False},
        {"role": "dpaednoterole:correction",
         "ednote": "der Meldung urn:newsml:dpa.com:20090101:250123-930-353000 vom 23.1.",
         "is_publishable": True},
    ],
    "categories": [{"type": "dnltype:signal", "name": "correction", "qcode": "sig:correction"},
                   {"type": "dnltype:provider", "name": "dpa", "qcode": "dnlprov:dpa"}],
    "dpasubject_names": ["Ausstellungen", "Krieg"],
    "geosubject_names": ["Berlin"],
    "keyword_names": ["Kunst"],
    "desk_names": ["ku"],
}


def test_every_field() -> None:
    [item] = jsonwire.parse(json.dumps(ENTRY).encode(), "dw.json", RECEIVED)
    assert isinstance(item, Item)
    assert item.format == "digitalwires"
    assert item.id == "urn:newsml:dpa.com:20090101:250123-930-353124"
    assert item.source == "dpa"
    assert item.version == "2"
    assert item.created == "2025-01-23T13:00:00+01:00"
    assert item.versioned == "2025-01-23T14:10:47+01:00"
    assert item.embargo == "2025-01-23T19:00:00+01:00"
    assert item.urgency == 4
    assert item.priority == "4"
    assert item.language == "de"
    assert item.slug == "Ausstellung"
    assert item.headline == "Steinmeier: Russland zerstört kulturelles Erbe"
    assert item.deck == "Eine Ausstellung zeigt gerettete Gemälde."
    assert item.byline == "Sabrina Szameitat, dpa"
    assert item.dateline == Dateline(city="Berlin", text="Berlin")
    assert item.category == "ku"
    assert item.subjects == ("Ausstellungen", "Krieg")
    assert item.keywords == ("Kunst", "Berlin")
    assert item.paragraphs == ["Berlin (dpa) - Steinmeier hat gewarnt.",
                               "«Russlands Krieg» ist auch ein Krieg gegen die Kultur."]
    # Embargo note and the correction; not the closing line, picture titles or contacts.
    assert item.ednote == ("Sperrfrist 19.00 Uhr. / der Meldung "
                           "urn:newsml:dpa.com:20090101:250123-930-353000 vom 23.1.")
    assert item.signal == ("correction", "hold")
    assert item.refers_to == ("urn:newsml:dpa.com:20090101:250123-930-353000",)


def test_emergency_is_a_flash() -> None:
    [item] = jsonwire.parse(json.dumps({**ENTRY, "emergency": True, "urgency": 2}).encode(),
                            "e", RECEIVED)
    assert isinstance(item, Item) and item.urgency == 1


def test_feed_of_entries() -> None:
    feed = {"entries": [ENTRY, {"format": "digitalwires@0.9.1", "urn": "u2"}, ENTRY]}
    results = jsonwire.parse(json.dumps(feed).encode(), "feed.json", RECEIVED)
    assert [type(r).__name__ for r in results] == ["Item", "Quarantined", "Item"]
    assert isinstance(results[1], Quarantined) and results[1].path == "feed.json#1"
