"""NewsML-G2: a news message with a package, a text item, a picture and a withdrawal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Dateline, Item

FIXTURES = Path(__file__).parent / "fixtures"
RECEIVED = "2024-03-05T10:00:00+00:00"


@pytest.fixture(scope="module")
def entries() -> list[Item | Quarantined]:
    return list(xmlwire.parse((FIXTURES / "g2_message.xml").read_bytes(), "msg.xml", RECEIVED))


def test_message_accounts_for_every_entry_in_order(entries: list[Item | Quarantined]) -> None:
    assert [type(e).__name__ for e in entries] == ["Quarantined", "Item", "Quarantined", "Item"]
    package, _, picture, _ = entries
    assert isinstance(package, Quarantined) and isinstance(picture, Quarantined)
    assert package.path == "msg.xml#1"
    assert package.reason == "NewsML-G2 package item: links 3 items but carries no story text"
    assert picture.path == "msg.xml#3"
    assert "picture item" in picture.reason and "no story text" in picture.reason
    assert package.format == picture.format == "newsml-g2"


def test_every_field_of_a_text_item(entries: list[Item | Quarantined]) -> None:
    item = entries[1]
    assert isinstance(item, Item)
    assert item.format == "newsml-g2"
    assert item.id == "urn:example:text:7"
    assert item.path == "msg.xml"
    assert item.version == "4"
    assert item.source == "Reuters"  # provider qcode nprov:REUTERS, canonicalised
    assert item.created == "2024-03-05T08:00:00+00:00"
    assert item.versioned == "2024-03-05T09:59:00+00:00"
    assert item.slug == "TALKS-GENEVA/"
    assert item.headline == "Ministers agree to meet again in Geneva"
    assert item.deck == "Second round set for April"
    assert item.byline == "Ana Lima"
    assert item.dateline == Dateline(city="Geneva", country="Switzerland",
                                     text="GENEVA, March 5")
    # The XHTML h1 repeats the headline and is dropped; the figure is a caption.
    assert item.paragraphs == ["GENEVA (Reuters) - Ministers agreed on Tuesday to meet again.",
                               "The next round is set for April."]
    assert item.captions == ("Ministers in Geneva.",)
    assert item.word_count == 321
    assert item.urgency == 3
    assert item.priority == "3"
    assert item.subjects == ("politics", "medtop:20000587")
    assert item.keywords == ("talks", "ministers")
    assert item.language == "en-GB"
    assert item.pubstatus == "usable"
    assert item.embargo == "2024-03-05T12:00:00+00:00"
    assert item.ednote == "Corrects spelling of minister's name"
    assert item.signal == ("correction", "hold")
    assert item.refers_to == ("urn:example:text:6",)


def test_withdrawn_item_with_inline_nitf(entries: list[Item | Quarantined]) -> None:
    item = entries[3]
    assert isinstance(item, Item)
    assert item.source == "ANSA"  # provider literal ansa.it
    assert item.pubstatus == "canceled"
    assert item.signal == ("kill",)
    assert item.byline == "Marco Rossi"
    assert item.body == "This story has been withdrawn."
    assert item.urgency == 4  # no urgency of its own: the message header's priority
    assert item.created == ""


SINGLE = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g:1" version="2">
<itemMeta><itemClass qcode="ninat:text"/><provider literal="dpa"/>
<versionCreated>2024-01-01T10:00:00+01:00</versionCreated><pubStatus qcode="stat:withheld"/>
<edNote role="x:closingline">dpa xy</edNote></itemMeta>
<contentMeta><headline>Plain text item</headline><creditline>dpa</creditline>
<dateline>2024-01-01 10:00:00 GMT+00:00</dateline></contentMeta>
<contentSet><inlineData contenttype="text/plain" wordcount="0">First line
of the first paragraph.
   Second paragraph.</inlineData></contentSet></newsItem>"""


def test_single_item_with_plain_text_and_a_withheld_status() -> None:
    [item] = xmlwire.parse(SINGLE, "one.xml", RECEIVED)
    assert isinstance(item, Item)
    assert item.source == "dpa"
    assert item.byline == ""  # the credit line only names the agency
    assert item.ednote == ""  # desk initials are not a note
    assert item.pubstatus == "withheld"
    assert item.signal == ("hold",)
    assert item.dateline.date == "2024-01-01T10:00:00+00:00"
    assert item.paragraphs == ["First line of the first paragraph.", "Second paragraph."]
    assert item.word_count == 8  # wordcount="0" is not a count: counted instead


def test_package_alone_is_one_quarantine_naming_the_file() -> None:
    data = (b'<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p">'
            b'<groupSet><group><itemRef residref="a"/><itemRef residref="b"/></group>'
            b"</groupSet></packageItem>")
    assert xmlwire.parse(data, "pkg.xml", RECEIVED) == [
        Quarantined("pkg.xml", "NewsML-G2 package item: links 2 items but carries no story text",
                    "newsml-g2")]


def test_empty_news_message_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no items"):
        xmlwire.parse(b"<newsMessage><header/></newsMessage>", "m.xml", RECEIVED)
