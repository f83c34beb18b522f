"""RSS 2.0, RSS 1.0 (RDF) and Atom, including a feed that is not well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Item

FIXTURES = Path(__file__).parent / "fixtures"
RECEIVED = "2024-03-05T10:00:00+00:00"


def parse(name: str) -> list[Item | Quarantined]:
    return list(xmlwire.parse((FIXTURES / name).read_bytes(), name, RECEIVED))


def test_rss2_items_and_a_bad_entry() -> None:
    first, second, empty = parse("rss2.xml")
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.format == "rss"
    assert first.id == "example-storm-1"
    assert first.source == "AP"  # the channel title, canonicalised
    assert first.headline == "Storm closes schools across the state"  # markup removed
    assert first.byline == "Sam Reporter"
    assert first.created == first.versioned == "2024-03-04T10:00:00-05:00"
    # content:encoded wins over the description; &nbsp; and the script are gone.
    assert first.paragraphs == ["Schools closed on Monday as the storm hit.",
                                "Power was out for thousands."]
    assert first.captions == ("Snow on a school bus.",)
    assert first.keywords == ("Weather", "Education")
    assert first.language == "en-us"
    assert first.word_count == 13
    assert second.byline == "Desk Editor"  # "desk@example.test (Desk Editor)"
    assert second.id.startswith("sha:")  # no guid and no link
    assert second.signal == ("update",)
    assert second.created == "2024-03-04T11:00:00+00:00"
    assert isinstance(empty, Quarantined)
    assert empty.path == "rss2.xml#3"
    assert "neither title nor text" in empty.reason


def test_rss1_rdf() -> None:
    [item] = parse("rss1.rdf")
    assert isinstance(item, Item)
    assert item.format == "rss-rdf"
    assert item.id == "https://example.test/a"
    assert item.source == "Science Weekly"
    assert item.headline == "Fungi feed the forest"
    assert item.byline == "Hines, P. J."
    assert item.created == "2017-06-15T10:29:47-07:00"
    assert item.subjects == ("Botany", "Microbiology")
    assert item.body == "Roots share sugar with fungi."
    assert item.captions == ()


def test_atom_html_and_xhtml_entries() -> None:
    first, second = parse("atom.xml")
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.format == "atom"
    assert first.id == "urn:example:entry:1"
    assert first.source == "heise online"
    assert first.headline == "Neue Version erschienen"
    assert first.byline == "heise Redaktion"  # the feed's author
    assert first.created == "2024-03-05T09:00:00+01:00"
    assert first.versioned == "2024-03-05T09:30:00+01:00"
    assert first.paragraphs == ["Erster Absatz.", "Zweiter Absatz."]  # content over summary
    assert first.keywords == ("Software",)
    assert first.language == "de"
    assert second.headline == "XHTML Titel"
    assert second.byline == "Eva Muster"
    assert second.created == second.versioned == "2024-03-05T08:00:00+01:00"
    assert second.paragraphs == ["Absatz eins.", "Absatz zwei."]


def test_atom_summary_stands_in_for_missing_content() -> None:
    data = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id>'
            b'<title>T</title><summary type="html">&lt;p&gt;Only a summary.&lt;/p&gt;</summary>'
            b'<content src="https://example.test/full"/></entry></feed>')
    [item] = xmlwire.parse(data, "s.atom", RECEIVED)
    assert isinstance(item, Item)
    assert item.body == "Only a summary."


def test_latin1_feed_without_declaration_is_recovered_not_quarantined() -> None:
    data = (FIXTURES / "latin1_feed.rss").read_bytes()
    assert b"\xe3" in data and not data.startswith(b"<?xml")  # the premise of the test
    [item] = parse("latin1_feed.rss")
    assert isinstance(item, Item)
    assert item.source == "Notícias do Dia"
    assert item.headline == "São Paulo: greve de ônibus"  # &nbsp; read as a space
    assert item.body == "Motoristas de ônibus param em São Paulo."
    assert item.created == "2018-09-24T19:42:40-03:00"  # Portuguese day and month names


def test_mojibake_in_a_feed_is_repaired() -> None:
    data = ("<rss><channel><title>X</title><item><title>Caf\u00c3\u00a9 costs "
            "\u00c2\u00a33</title></item></channel></rss>").encode()
    [item] = xmlwire.parse(data, "m.rss", RECEIVED)
    assert isinstance(item, Item)
    assert item.headline == "Café costs £3"


def test_feed_without_entries_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no entries"):
        xmlwire.parse(b"<rss><channel><title>Empty</title></channel></rss>", "e.rss", RECEIVED)
