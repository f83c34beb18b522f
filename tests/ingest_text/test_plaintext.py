"""Plain agency text and the text sniffing that sends a file to its parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import textwire
from tui.ingest.errors import ParseError
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b9ed3b9ded6fdf7d.txt"


def one(data: bytes) -> Item:
    [item] = textwire.parse(data, "p.txt", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_pa_byline_with_agency() -> None:
    item = one(b"MPs vote to ask EU for delay\n\nBy Harriet Lowe (PA)\n\n"
               b"MPs have voted to ask for a delay.\n\nThe Commons backed it.\n")
    assert item.format == "plain"
    assert item.headline == "MPs vote to ask EU for delay"
    assert item.byline == "Harriet Lowe"
    assert item.source == "PA"
    assert item.paragraphs == ["MPs have voted to ask for a delay.", "The Commons backed it."]
    assert item.signal == ()


def test_agency_datelines() -> None:
    reuters = one(b"UK economy grows\n\nLONDON (Reuters) - Britain's economy grew.\n")
    assert reuters.source == "Reuters"
    assert reuters.dateline == Dateline(city="LONDON", text="LONDON")
    dpa = one(b"Kabinett tagt\n\nBERLIN (dpa) - Das Kabinett tagt.\n")
    assert dpa.source == "dpa"
    assert dpa.dateline.city == "BERLIN"


def test_a_sentence_that_starts_with_by_is_not_a_byline() -> None:
    item = one(b"Budget\n\nBy the end of the year, the council will have spent it all.\n")
    assert item.byline == ""
    assert item.paragraphs[0].startswith("By the end of the year")


def test_reuters_trailer_gives_the_byline() -> None:
    item = one(b"Oil rises\n\nOil rose on Monday.\n\n(Reporting by Ann Lee; Editing by Bo)\n")
    assert item.byline == "Ann Lee"
    assert item.source == "Reuters"


def test_wrapped_lines_are_joined_and_indents_start_paragraphs() -> None:
    text = (
        "Engineers win prize\n\n"
        "    Four engineers responsible for the creation of digital imaging sensors\n"
        "were today honoured with the world's most prestigious engineering prize.\n"
        "    Eric Fossum, George Smith and Michael Tompsett were announced as the\n"
        "winners by Lord Browne.\n"
    )
    assert one(text.encode()).paragraphs == [
        "Four engineers responsible for the creation of digital imaging sensors were today "
        "honoured with the world's most prestigious engineering prize.",
        "Eric Fossum, George Smith and Michael Tompsett were announced as the winners by "
        "Lord Browne.",
    ]


def test_asianet_release() -> None:
    data = (
        b"Source: Queen Elizabeth Prize\r\nMEDIA RELEASE PR67254\r\n"
        b"Queen Elizabeth Prize for Engineering Awarded to the Creators of Digital \r\n"
        b"Imaging Sensors\r\n\r\nLONDON, Feb. 1, 2017 /PRNewswire/ --\r\n\r\n"
        b"Four engineers were honoured today.\r\n\r\nSOURCE: Queen Elizabeth Prize\r\n"
    )
    item = one(data)
    assert item.id == "PR67254"
    assert item.headline == ("Queen Elizabeth Prize for Engineering Awarded to the Creators "
                             "of Digital Imaging Sensors")
    assert item.source == "PRNewswire"
    assert item.keywords == ("Queen Elizabeth Prize",)
    assert item.category == "media release"
    assert item.dateline == Dateline(city="LONDON", date="Feb. 1, 2017",
                                     text="LONDON, Feb. 1, 2017")
    assert item.paragraphs[0] == "LONDON, Feb. 1, 2017 /PRNewswire/ -- Four engineers were " \
                                 "honoured today."


def test_ticker() -> None:
    item = one(b"TRUMP PLANS VISIT ** LABOR MP FACES CLAIMS ** RATE STAYS AT 5.4% ** ")
    assert item.headline == "TRUMP PLANS VISIT"
    assert item.paragraphs == ["TRUMP PLANS VISIT", "LABOR MP FACES CLAIMS", "RATE STAYS AT 5.4%"]
    assert item.slug == "ticker"


def test_signals_from_the_headline() -> None:
    assert one(b"CORRECTED-Oil rises\n\nOil rose.\n").signal == ("correction",)
    assert one(b"Police kill suspect in raid\n\nText.\n").signal == ()


@pytest.mark.parametrize("data", [b"", b"   \n\n  \r\n", b"\x00\x01\x02"])
def test_no_text_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        textwire.parse(data, "p", RECEIVED)


@pytest.mark.parametrize(("data", "kind"), [
    (b"\x16\x16\x01W0412\x1fglbsm\nb i\x13\x11 BC-ML--APNewsAlert  03-14 0028\n\x02x\x03",
     "anpa1312"),
    (b"\x01eca062 4 i 211   dpa 061\r\n\r\nx/\r\n\x02Headline =\r\n\r\nText\r\n", "iptc7901"),
    (b"ZCZC AAP\r\n$Head\r\nText\r\nNNNN", "zczc"),
    (b"From: a <a@b.c>\r\nSubject: s\r\nDate: Tue, 3 Mar 2015 11:27:36 +1100\r\n\r\nx", "email"),
    (b"Source: X\r\nMEDIA RELEASE PR1\r\nTitle\r\n", "plain"),
    (b"Headline\n\nBy A Writer (PA)\n\nText.\n", "plain"),
])
def test_sniffing_by_content(data: bytes, kind: str) -> None:
    assert textwire.kind(data) == kind
    assert textwire.parse(data, "x.xml", RECEIVED)[0].format == kind  # type: ignore[union-attr]


def test_press_reader_export_still_goes_to_presstext() -> None:
    if not SEED.is_file():
        pytest.skip("seed article not present")
    [item] = textwire.parse(SEED.read_bytes(), str(SEED), RECEIVED)
    assert isinstance(item, Item)
    assert item.format == "presstext"
    assert item.source == "National Post (National Edition)"
