"""Agencies' own XML: CP Publish, Ritzau RBNews feeds and NTB info press releases."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Dateline, Item

FIXTURES = Path(__file__).parent / "fixtures"
RECEIVED = "2024-03-05T10:00:00+00:00"


def parse(name: str) -> list[Item | Quarantined]:
    return list(xmlwire.parse((FIXTURES / name).read_bytes(), name, RECEIVED))


def test_cp_publish_xml() -> None:
    [item] = parse("cp_publish.xml")
    assert isinstance(item, Item)
    assert item.format == "cp-xml"
    assert item.id == "222"
    assert item.source == "Canadian Press"
    assert item.headline == "Wildfire forces evacuation of northern town"
    assert item.deck == "Town evacuated as wildfire nears"
    assert item.byline == "Lee Tran"
    assert item.slug == "Wildfire-Evacuation"
    assert item.category == "National"
    assert item.created == "2024-07-01T15:00:00"
    assert item.versioned == "2024-07-01T10:05:00-06:00"
    assert item.version == "2"
    assert item.dateline == Dateline(city="Fort Example", country="Canada")
    assert item.paragraphs == ["Residents left on Monday.", "Crews are on scene."]
    assert item.word_count == 57
    assert item.urgency == 3 and item.priority == "3"
    assert item.keywords == ("Wildfires", "Evacuations")
    assert item.language == "en"
    assert item.embargo == ""  # .NET's "no date" is not an embargo
    assert item.signal == ("update",)  # second writethru


def test_ritzau_feed_flash_and_a_bad_entry() -> None:
    flash, bad = parse("ritzau_feed.xml")
    assert isinstance(flash, Item)
    assert flash.format == "ritzau"
    assert flash.id == "aaaa-1"
    assert flash.source == "Ritzau"
    assert flash.headline == "Et kort flash om åbningen"  # no headline: the short text
    assert flash.slug == "NU/FLASH-I"
    assert flash.byline == "Mette Hansen"
    assert flash.dateline == Dateline(city="Aarhus")
    assert flash.category == "Indland"
    assert flash.version == "2"
    assert flash.created == "2024-03-05T10:00:00"
    assert flash.body == "Et kort flash om åbningen."  # HTML escaped twice, decoded
    assert flash.urgency == 2
    assert flash.ednote == "Rettet stavefejl"
    assert flash.signal == ("correction", "update")
    assert flash.refers_to == ("aaaa-0",)
    assert isinstance(bad, Quarantined)
    assert bad.path == "ritzau_feed.xml#2"


def test_ritzau_feed_reporting_an_error_is_a_parse_error() -> None:
    data = (b"<XMLNewsQueuedResponse><XMLNewsQueuedResult><error>3</error>"
            b"<errormsg>queue empty</errormsg></XMLNewsQueuedResult></XMLNewsQueuedResponse>")
    with pytest.raises(ParseError, match="error 3: queue empty"):
        xmlwire.parse(data, "r.xml", RECEIVED)


def test_annulled_ritzau_story_is_a_kill() -> None:
    data = (b"<RBNews><NewsID>x</NewsID><headline>Annulleret</headline>"
            b"<content>&lt;p&gt;Tekst&lt;/p&gt;</content><Annuleret>true</Annuleret></RBNews>")
    [item] = xmlwire.parse(data, "r.xml", RECEIVED)
    assert isinstance(item, Item)
    assert item.pubstatus == "canceled"
    assert item.signal == ("kill",)


def test_ntb_press_release() -> None:
    [item] = parse("press_release.xml")
    assert isinstance(item, Item)
    assert item.format == "ntb-pr"
    assert item.id == "5550001"
    assert item.source == "NTB"
    assert item.headline == "Signerte kontrakt på 2 mrd."
    assert item.deck == "Selskapet har signert en stor kontrakt."
    assert item.byline == "Eksempel AS"
    assert item.created == "2024-03-05T14:30:00"
    assert item.embargo == "2024-03-06T08:00:00"
    assert item.pubstatus == "withheld"
    assert item.signal == ("hold",)
    assert item.paragraphs == ["– Dette er en merkedag, sier direktøren.",
                               "Arbeidet starter i 2025.",
                               "Kari Nordmann\nKommunikasjonssjef\nkari@example.test"]
    assert item.captions == ("Signeringen i Oslo.",)
    assert item.category == "Pressemelding"
    assert item.keywords == ("vei", "kontrakt")
    assert item.language == "no"
