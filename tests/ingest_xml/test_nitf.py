"""NITF 3.x on a fixture that carries every field the parser reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError
from tui.model import Dateline, Item

FIXTURES = Path(__file__).parent / "fixtures"
RECEIVED = "2024-03-05T10:00:00+00:00"


def parse_one(data: bytes) -> Item:
    [item] = xmlwire.parse(data, "story.xml", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_every_field_of_a_full_nitf_story() -> None:
    item = parse_one((FIXTURES / "nitf_story.xml").read_bytes())
    assert item.format == "nitf"
    assert item.id == "WD.2024.0002"
    assert item.path == "story.xml"
    assert item.received == RECEIVED
    assert item.source == "AAP"
    assert item.created == item.versioned == "2024-03-05T06:15:00+01:00"
    assert item.version == "3"
    assert item.take_key == "1st Ld-Writethru"
    assert item.slug == "Bridge-Reopens"
    assert item.headline == "Harbour bridge reopens after storm"
    assert item.deck == "Traffic flows again after three days"
    assert item.byline == "JANE DOE, Transport Reporter"
    assert item.dateline == Dateline(city="Sydney", country="Australia",
                                     date="2024-03-05T06:15:00+01:00")
    assert item.paragraphs == [
        "SYDNEY (AAP) - The harbour bridge reopened on Tuesday & traffic flowed again.",
        "Engineers worked through the night.",
        "Lane\tStatus\nNorth\topen",
        "\u201cWe are relieved,\u201d the mayor said.",
    ]
    assert item.captions == ("The bridge at dawn.",)
    assert item.word_count == 412
    assert item.urgency == 2
    assert item.priority == "2"
    assert item.category == "a"
    assert item.subjects == ("Weather", "Storms")
    assert item.keywords == ("bridge", "storm")
    assert item.language == "en-GB"
    assert item.pubstatus == "withheld"
    assert item.embargo == "2024-03-05T09:00:00+01:00"
    assert item.ednote == "Eds: adds quote from mayor in 4th graf"
    assert item.signal == ("update", "hold")
    assert item.refers_to == ("WD.2024.0001",)


MINIMAL = b"""<nitf><head><docdata><date.issue norm="20240101T120000Z"/>
<date.release norm="20240101T110000Z"/></docdata></head>
<body><body.head><hedline><hl1>Only a headline</hl1></hedline>
<byline>Staff</byline><dateline>LONDON, Jan 1 -</dateline></body.head></body></nitf>"""


def test_minimal_story_gets_a_content_id_and_no_embargo_before_issue() -> None:
    item = parse_one(MINIMAL)
    assert item.id.startswith("sha:")
    assert item.headline == "Only a headline"
    assert item.body == ""
    assert item.word_count == 0
    assert item.embargo == ""  # released before it was issued: not an embargo
    assert item.signal == ()
    assert item.byline == "Staff"
    assert item.dateline.display() == "LONDON, Jan 1 -"
    assert item.urgency is None


def test_copyright_holder_names_the_agency_canonically() -> None:
    data = MINIMAL.replace(b"</docdata>",
                           b'<doc.copyright holder="The Canadian Press. All rights reserved."/>'
                           b"</docdata>")
    assert parse_one(data).source == "Canadian Press"


def test_canceled_status_is_a_kill_and_placeholder_dates_do_not_count() -> None:
    data = MINIMAL.replace(b"<docdata>", b'<docdata management-status="canceled">')
    data = data.replace(b'20240101T110000Z', b"YYYYMMDD000000-HHMM")
    item = parse_one(data)
    assert item.pubstatus == "canceled"
    assert item.signal == ("kill",)
    assert item.embargo == ""


def test_letter_priority_maps_to_urgency_when_no_ed_urg() -> None:
    data = MINIMAL.replace(b"<head>", b'<head><meta name="priority" content="U"/>')
    item = parse_one(data)
    assert item.priority == "U"
    assert item.urgency == 3


def test_pre_keeps_its_lines_and_br_is_a_space() -> None:
    data = (b"<nitf><body><body.head><hedline><hl1>Teams</hl1></hedline></body.head>"
            b"<body.content><pre>Mexico v Panama\nMexico: A, B.\n\n</pre>"
            b"<p>one<br/>two</p></body.content></body></nitf>")
    assert parse_one(data).paragraphs == ["Mexico v Panama\nMexico: A, B.", "one two"]


def test_nitf_with_neither_headline_nor_body_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="neither headline nor body"):
        xmlwire.parse(b"<nitf><head/><body/></nitf>", "x.xml", RECEIVED)
