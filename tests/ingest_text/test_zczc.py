"""AAP ZCZC teleprinter copy in its three dialects, on messages written for these tests."""

from __future__ import annotations

from tui.ingest import textwire
from tui.ingest.errors import Quarantined
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

NEWS = (
    b"ZCZC AAP\r\n%A\r\n#Legionella_BC1\r\n$Legionella found in Qld hospital\r\n"
    b":(BRISBANE)\r\n&AAPIS\\Huttonc\r\n*07000000\r\n@QLD\r\n"
    b"Legionella bacteria has been found in a regional Queensland hospital.\n\n"
    b"   Routine testing returned positive results, but the risks are low.\n\n"
    b"\r\n\r\nAAP RTV\r\nNNNN"
)
RESULTS = (
    b"   ZCZC AAP\r$T\r:Motor V8\r=Sydney NRMA 500\r^MOTOR:  Collated results\r*X\r&T\r"
    b"+15039001\rSYDNEY, Dec 7 AAP - Collated results from the Sydney NRMA 500:\r"
    b"\t\r\t1. Shane van Gisbergen (Holden)     1hr14mins50.0418sec\r"
    b"\t2. Garth Tander (Holden)              1:14:51.8575\r\t   AAP"
)
TAGGED = (
    b"zczc\r\nAN#26945219\r\nKN#News Bites\r\nPD#06 June 2016 14:00:00\r\nCO#UGL.AX\r\n"
    b"BY#Jane Roe\r\nKY#ACNB Comnews\r\nTI#UGL continues project delay negotiation\r\n"
    b"AB#UGL\x92s construction continues to experience delays.\r\nTX#\r\n"
    b"UGL\x92s construction of the Ichthys projects continues to experience delays.\r\n"
    b"Substantial claims have been raised with JKC.\r\n"
)


def one(data: bytes) -> Item:
    [item] = textwire.parse(data, "wire/aap.tst", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_aap_news_every_field() -> None:
    item = one(NEWS)
    assert item.format == "zczc"
    assert item.source == "AAP"
    assert item.category == "A"
    assert item.slug == "Legionella_BC1"
    assert item.headline == "Legionella found in Qld hospital"
    assert item.dateline == Dateline(city="BRISBANE", text="BRISBANE")
    assert item.subjects == ("07000000",)
    assert item.keywords == ("QLD",)
    assert item.paragraphs == [
        "Legionella bacteria has been found in a regional Queensland hospital.",
        "Routine testing returned positive results, but the risks are low.",
    ]
    assert "AAP RTV" not in item.body
    assert item.id.startswith("sha:")


def test_results_dialect_with_cr_line_ends() -> None:
    item = one(RESULTS)
    assert item.headline == "MOTOR: Collated results"
    assert item.category == "T"
    assert item.slug == "Motor V8"
    assert item.take_key == "Sydney NRMA 500"
    assert item.subjects == ("15039001",)
    assert item.dateline == Dateline(city="SYDNEY", date="Dec 7", text="SYDNEY, Dec 7")
    assert item.source == "AAP"
    assert item.paragraphs[1] == "1. Shane van Gisbergen (Holden) 1hr14mins50.0418sec"
    assert item.paragraphs[-1] == "2. Garth Tander (Holden) 1:14:51.8575"


def test_news_bites_tagged_fields_in_cp1252() -> None:
    item = one(TAGGED)
    assert item.id == "26945219"
    assert item.source == "News Bites"
    assert item.created == "2016-06-06T14:00:00"
    assert item.byline == "Jane Roe"
    assert item.headline == "UGL continues project delay negotiation"
    assert item.deck == "UGL’s construction continues to experience delays."
    assert item.keywords == ("ACNB", "Comnews", "UGL.AX")
    assert item.paragraphs == [
        "UGL’s construction of the Ichthys projects continues to experience delays.",
        "Substantial claims have been raised with JKC.",
    ]


def test_two_messages_in_one_file() -> None:
    results = list(textwire.parse(NEWS + b"\r\n" + NEWS.replace(b"Qld", b"NSW") +
                                  b"\r\nZCZC AAP\r\nNNNN\r\n", "f", RECEIVED))
    assert [type(r).__name__ for r in results] == ["Item", "Item", "Quarantined"]
    assert isinstance(results[2], Quarantined) and results[2].path == "f#2"
