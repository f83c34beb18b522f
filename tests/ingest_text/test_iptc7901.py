"""IPTC 7901 (dpa, ATS/SDA) on messages written for these tests: SOH/STX/ETX/EOT framing,
DEL padding, CRLF, Latin-1, and a copy with the control characters stripped."""

from __future__ import annotations

from tui.ingest import textwire
from tui.ingest.errors import Quarantined
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

DPA = (
    b"\x7f\x7f\r\n\x7f\x01eca0003 3 i 120  dpa 0045\r\n"
    b"\r\n"
    b"Switzerland/migration/UN/\r\n"
    b"\x02REFILE\r\n"
    b"1ST LEAD\r\n"
    b"Switzerland joins countries resisting UN migration pact\r\n"
    b"By Albert Otti, dpa =\r\n"
    b"\r\n"
    b"Geneva (dpa) - Switzerland is joining a growing number of countries\r\n"
    b"that will refrain from signing a UN migration pact in December, the\r\n"
    b"government announced on Wednesday.\r\n"
    b"\r\n"
    b"The government said it wished to postpone its final decision.\r\n"
    b"\r\n"
    b"# Notebook\r\n"
    b"\r\n"
    b"## Refile\r\n"
    b"\r\n"
    b"## Note to editors\r\n"
    b"- adds head of UNGA in grafs 7-11\r\n"
    b"\r\n"
    b"* * * *\r\n"
    b"The following information is not intended for publication\r\n"
    b"\r\n"
    b"## Editorial contacts\r\n"
    b"- Reporting by: Albert Otti, +41 22 000 0000\r\n"
    b"\r\n"
    b"dpa al rmo\r\n"
    b"\r\n"
    b"\x03212322 GMT Nov 18\r\n"
    b"\x7f\r\n\x7f\x04"
)

ATS = (
    b"\x7f\x7f\r\n\x7f\x01bsf025 3 ec 121   etf 967\r\n"
    b"\r\n"
    b"France\r\n"
    b"\r\n"
    b"\x02Situation \r\n"
    b"Gilets jaunes: une \xabcatastrophe pour notre \xe9conomie\xbb (Le Maire) = \r\n"
    b" \r\n"
    b"   Paris (ats afp) Les violences li\xe9es aux manifestations sont une \r\n"
    b"\xabcatastrophe\xbb pour l'\xe9conomie, a estim\xe9 dimanche le ministre. \r\n"
    b" \r\n"
    b"(SDA\\/sj) \r\n"
    b" \r\n"
    b"\x03091223 d\xe9c 18\r\n"
    b"\r\n\x04\r\n"
)


def one(data: bytes) -> Item:
    [item] = textwire.parse(data, "wire/7901.txt", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_dpa_every_field() -> None:
    item = one(DPA)
    assert item.format == "iptc7901"
    assert item.source == "dpa"
    assert item.priority == "3"
    assert item.urgency == 3
    assert item.category == "i"
    assert item.slug == "Switzerland/migration/UN"
    assert item.keywords == ("Switzerland", "migration", "UN")
    assert item.take_key == "REFILE 1ST LEAD"
    assert item.headline == "Switzerland joins countries resisting UN migration pact"
    assert item.byline == "Albert Otti, dpa"
    assert item.dateline == Dateline(city="Geneva", text="Geneva")
    assert item.created == "2018-11-21T23:22:00+00:00"
    assert item.ednote == "adds head of UNGA in grafs 7-11"
    assert item.signal == ("repeat", "update")
    assert item.paragraphs == [
        "Geneva (dpa) - Switzerland is joining a growing number of countries that will "
        "refrain from signing a UN migration pact in December, the government announced on "
        "Wednesday.",
        "The government said it wished to postpone its final decision.",
    ]
    # The notebook's non-public part (contacts) never reaches the item.
    assert "Reporting by" not in item.body + item.ednote
    assert "dpa al rmo" not in item.body


def test_ats_latin1_no_dash_dateline_and_local_time() -> None:
    item = one(ATS)
    assert item.source == "ATS"
    assert item.headline == "Gilets jaunes: une «catastrophe pour notre économie» (Le Maire)"
    assert item.take_key == "Situation"
    assert item.slug == "France"
    assert item.category == "ec"
    assert item.dateline.city == "Paris"
    assert item.paragraphs == [
        "Paris (ats afp) Les violences liées aux manifestations sont une «catastrophe» pour "
        "l'économie, a estimé dimanche le ministre."
    ]
    assert item.created == "2018-12-09T12:23:00"  # no GMT on the trailer: no zone


def test_stripped_copy_is_read_by_its_shape() -> None:
    stripped = bytes(b for b in DPA if (b >= 0x20 and b != 0x7F) or b in (0x0A, 0x0D))
    item = one(stripped)
    assert item.format == "iptc7901"
    assert item.headline == "Switzerland joins countries resisting UN migration pact"
    assert item.created == "2018-11-21T23:22:00+00:00"
    assert item.body == one(DPA).body


def test_two_messages_and_a_broken_one() -> None:
    results = list(textwire.parse(DPA + ATS + b"\x01garbage\x04", "f", RECEIVED))
    assert [type(r).__name__ for r in results] == ["Item", "Item", "Quarantined"]
    assert isinstance(results[2], Quarantined)
    assert results[2].path == "f#2"
    assert "header line" in results[2].reason


def test_flash_priority() -> None:
    item = one(DPA.replace(b"eca0003 3 i", b"eca0003 1 i"))
    assert item.urgency == 1
    assert item.priority == "1"
