"""NewsML 1.2: several NewsItems in one (ISO-8859-1, DOCTYPE) file."""

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
    data = (FIXTURES / "newsml1_two_items.xml").read_bytes()
    return list(xmlwire.parse(data, "afp.xml", RECEIVED))


def test_each_news_item_is_an_entry(entries: list[Item | Quarantined]) -> None:
    assert [type(e).__name__ for e in entries] == ["Item", "Item", "Quarantined"]
    photo = entries[2]
    assert isinstance(photo, Quarantined)
    assert photo.path == "afp.xml#3"
    assert photo.reason == ("NewsML news item urn:newsml:afp.com:20240305:PH-1:1 carries no "
                            "story text")


def test_every_field_of_an_afp_revision(entries: list[Item | Quarantined]) -> None:
    item = entries[0]
    assert isinstance(item, Item)
    assert item.format == "newsml-1"
    assert item.id == "urn:newsml:afp.com:20240305:TX-PAR-ABC12:2"
    assert item.version == "2"
    assert item.source == "AFP"
    assert item.created == "2024-03-05T08:00:00+01:00"
    assert item.versioned == "2024-03-05T09:30:00+01:00"
    assert item.slug == "France-grève"  # Latin-1 bytes decoded as declared
    assert item.headline == "Grève des transports à Paris"
    assert item.deck == "Métro perturbé mardi"
    assert item.byline == "Claire Martin"  # French "Par" dropped like "By"
    assert item.dateline == Dateline(city="Paris", country="FRA",
                                     date="2024-03-05T08:00:00+01:00",
                                     text="PARIS, 5 mars 2024 (AFP)")
    assert item.paragraphs == ["Le métro parisien était très perturbé mardi.",
                               "La grève doit durer jusqu'à jeudi."]
    assert item.word_count == 250
    assert item.urgency == 3
    assert item.priority == "3"
    assert item.subjects == ("04000000",)
    assert item.keywords == ("transports", "grève")
    assert item.language == "fr"
    assert item.pubstatus == "usable"
    # Instruction "Rectify" is a correction; revision 2 updates revision 1.
    assert item.signal == ("correction", "update")
    assert item.refers_to == ("urn:newsml:afp.com:20240305:TX-PAR-ABC12:1",)


def test_withheld_item_with_plain_text_and_a_future_status(
        entries: list[Item | Quarantined]) -> None:
    item = entries[1]
    assert isinstance(item, Item)
    assert item.source == "TASS"  # from the provider id www.itar-tass.com
    assert item.pubstatus == "withheld"
    assert item.embargo == "2024-03-05T15:00:00+03:00"
    assert item.signal == ("hold",)
    assert item.urgency == 4  # the envelope's priority
    assert item.paragraphs == [
        "MOSCOW, March 5. /TASS/. First paragraph of the story continues here.",
        "Second paragraph starts indented.",
    ]


def test_language_versions_of_one_item_are_separate_stories() -> None:
    component = """<NewsComponent Duid="{duid}" xml:lang="{lang}"><NewsLines>
        <HeadLine>{head}</HeadLine></NewsLines><NewsComponent><Role FormalName="Body"/>
        <ContentItem><DataContent>{text}</DataContent></ContentItem></NewsComponent>
        </NewsComponent>"""
    data = ("<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>belga.be"
            "</ProviderId><DateId>20240101</DateId><NewsItemId>42</NewsItemId>"
            "<RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:www.belga.be"
            "</PublicIdentifier></NewsIdentifier></Identification><NewsComponent>"
            + component.format(duid="n1", lang="nl", head="Nieuws", text="Tekst.")
            + component.format(duid="f1", lang="fr", head="Nouvelles", text="Texte.")
            + "</NewsComponent></NewsItem></NewsML>").encode()
    first, second = xmlwire.parse(data, "belga.xml", RECEIVED)
    assert isinstance(first, Item) and isinstance(second, Item)
    assert (first.id, first.language, first.headline, first.body) == (
        "urn:newsml:belga.be:20240101:42:1#n1", "nl", "Nieuws", "Tekst.")
    assert (second.id, second.language, second.headline) == (
        "urn:newsml:belga.be:20240101:42:1#f1", "fr", "Nouvelles")
    assert first.source == second.source == "Belga"


def test_newsml_without_news_items_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no NewsItem"):
        xmlwire.parse(b"<NewsML><NewsEnvelope/></NewsML>", "x.xml", RECEIVED)
