"""ANPA-1312 (AP, Kyodo) on small messages written for these tests, with the real control
characters as bytes."""

from __future__ import annotations

from tui.ingest import textwire
from tui.ingest.errors import Quarantined
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

WRITETHRU = (
    b"\x16\x16\x01W0519\x1fglbsm\r\n"
    b"r i\x13\x11 BC-ML--Syria-IslamicStat 1stLd-Writethru   03-14 0331\r\n"
    b"\x02^BC-ML--Syria-Islamic State, 1st Ld-Writethru,64<\r\n"
    b"^US-backed fighters say IS holdouts surrendering<\r\n"
    b"^AP Photo BAG101, BAG102<\r\n"
    b"^Eds: APNewsNow. Updates with SDF estimate. With AP Photos.<\r\n"
    b"^By HALA NASSIF and PETER KRAUSE=\r\n"
    b"^Associated Press=\r\n"
    b"\t   BAGHUZ, Syria (AP) _ Hundreds of militants streamed out on Thursday, and the "
    b"force said ``a large number'' had surrendered.\r\n"
    b" \r\n"
    b"\t   The SDF said it was holding 2,000 captured militants _ plus their families.\r\n"
    b" \r\n"
    b"\t   ___\r\n"
    b"\t   Associated Press writer Omar Farouk contributed.\r\n"
    b"\r\n"
    b"\t   \x03AP-WF-03-14-19 0905GMT<\r\n"
    b"\r\n\x0c\r\n\x04"
)

ALERT = (
    b"\x16\x16\x01W0412\x1fglbsm\n"
    b"b i\x13\x11 BC-ML--APNewsAlert     03-14 0028\n"
    b"\x02^BC-ML--APNewsAlert,28<\n"
    b"\t   BAGHUZ, Syria (AP) _ US-backed force says 3,000 people have left the enclave.\n"
    b"\n\t   \x03AP-WF-03-14-19 0745GMT<\n\n\x0c\n\x04"
)

KILL = (
    b"\x16\x16\x01W0902\x1fglbsm\r\n"
    b"b a\x13\x11 BC-US--Obit-Hollis-KILL     03-14 0083\r\n"
    b"\x02^BC-US--Obit-Hollis-KILL,83<\r\n"
    b"^KILL KILL KILL<\r\n"
    b"^Eds: KILL KILL KILL. AP is withdrawing BC-US--Obit-Hollis. Hollis is alive.<\r\n"
    b"\t   NEW ORLEANS (AP) _ The Associated Press has withdrawn its story.\r\n"
    b"\r\n\t   \x03AP-WF-03-14-19 1520GMT<\r\n\x04"
)

AGATE = (
    b"\x16\x16\x01s0284\x1f-----\r\n"
    b"r s\x14\x12 BC-BBO--WildCardGlance     08-18 \r\n"
    b"\x02^BC-BBO--Wild Card Glance<\r\n"
    b"^Wild Card Glance=\r\n"
    b"^All Times EDT=\r\n"
    b"^By The Associated Press=\r\n"
    b"^AMERICAN LEAGUE=\r\n"
    b"\x08^\x1f\x1e W\x1e \x1e L\x1e \x1e Pct\x1e \x1e WCGB\r\n"
    b"\x08Tampa\x10 Bay\x1f\x1e 73\x1e \x1e 52\x1e \x1e .584\x1e \x1e 16{\r\n"
    b"\t   ___=\r\n"
    b"\x03AP-WF-08-18-19 2017GMT<\r\n\x04"
)

KYODO = (
    b"\x01a0105KYODO\x1fkoko-\r\n"
    b"u s\x14\x12 BC-Soccer-Emperor's-Cup   09-12 0344\r\n"
    b"\x02BC-Soccer-Emperor's-Cup\r\n"
    b"Soccer: Urawa Reds claim 7th Emperor's Cup+\r\n"
    b"     SAITAMA, Japan, Dec. 9 Kyodo - Urawa Reds claimed their seventh \r\n"
    b"Emperor's Cup on Sunday after defeating Vegalta Sendai 1-0.\r\n"
    b"     Midfielder Tomoya Ugajin scored the only goal.\r\n"
    b"==Kyodo\r\n"
    b"\x03KWS-21:37-09-12-18\x04\r\n"
)


def parse(data: bytes) -> list[Item | Quarantined]:
    return list(textwire.parse(data, "wire/test.tst", RECEIVED))


def one(data: bytes) -> Item:
    [item] = parse(data)
    assert isinstance(item, Item)
    return item


def test_writethru_every_field() -> None:
    item = one(WRITETHRU)
    assert item.format == "anpa1312"
    assert item.source == "AP"
    assert item.path == "wire/test.tst"
    assert item.received == RECEIVED
    assert item.created == "2019-03-14T09:05:00+00:00"
    assert item.priority == "r"
    assert item.urgency == 4
    assert item.category == "i"
    assert item.slug == "BC-ML--Syria-Islamic State"
    assert item.take_key == "1st Ld-Writethru"
    assert item.headline == "US-backed fighters say IS holdouts surrendering"
    assert item.byline == "HALA NASSIF and PETER KRAUSE"
    assert item.ednote == "APNewsNow. Updates with SDF estimate. With AP Photos."
    assert item.dateline == Dateline(city="BAGHUZ", country="Syria", text="BAGHUZ, Syria")
    assert item.signal == ("update",)
    assert item.id.startswith("sha:")
    # AP's teletype typography becomes real punctuation; the rule line is dropped.
    assert item.paragraphs == [
        "BAGHUZ, Syria (AP) — Hundreds of militants streamed out on Thursday, and the force "
        "said “a large number” had surrendered.",
        "The SDF said it was holding 2,000 captured militants — plus their families.",
        "Associated Press writer Omar Farouk contributed.",
    ]
    assert item.word_count == len(item.body.split())
    assert "AP Photo" not in item.body


def test_news_alert_headline_is_the_sentence_after_the_dateline() -> None:
    item = one(ALERT)
    assert item.headline == "US-backed force says 3,000 people have left the enclave."
    assert item.priority == "b"
    assert item.urgency == 2
    assert item.slug == "BC-ML--APNewsAlert"
    assert item.take_key == ""
    assert item.created == "2019-03-14T07:45:00+00:00"


def test_kill_is_signalled() -> None:
    item = one(KILL)
    assert item.headline == "KILL KILL KILL"
    assert item.signal == ("kill",)
    assert item.slug == "BC-US--Obit-Hollis-KILL"


def test_agate_rows_and_centred_headings() -> None:
    item = one(AGATE)
    assert item.headline == "Wild Card Glance"
    assert item.byline == "The Associated Press"
    assert item.paragraphs[:3] == ["All Times EDT", "AMERICAN LEAGUE", "W L Pct WCGB"]
    assert item.paragraphs[3] == "Tampa Bay 73 52 .584 16½"
    assert item.category == "s"


def test_kyodo_wrapped_lines_and_day_first_trailer() -> None:
    item = one(KYODO)
    assert item.source == "Kyodo"
    assert item.headline == "Soccer: Urawa Reds claim 7th Emperor's Cup"
    assert item.urgency == 3
    # Kyodo writes day-month-year in local time: no zone is invented.
    assert item.created == "2018-12-09T21:37:00"
    assert item.dateline == Dateline(city="SAITAMA", country="Japan", date="Dec. 9",
                                     text="SAITAMA, Japan, Dec. 9")
    assert item.paragraphs == [
        "SAITAMA, Japan, Dec. 9 Kyodo - Urawa Reds claimed their seventh Emperor's Cup on "
        "Sunday after defeating Vegalta Sendai 1-0.",
        "Midfielder Tomoya Ugajin scored the only goal.",
    ]


def test_lf_and_crlf_give_the_same_item() -> None:
    assert one(WRITETHRU.replace(b"\r\n", b"\n")).body == one(WRITETHRU).body


def test_copy_with_the_framing_stripped_is_still_anpa() -> None:
    stripped = bytes(b for b in WRITETHRU if b >= 0x20 or b in (0x09, 0x0a, 0x0d))
    item = one(stripped)
    assert item.format == "anpa1312"
    assert item.priority == "r"
    assert item.headline == "US-backed fighters say IS holdouts surrendering"
    assert item.created == "2019-03-14T09:05:00+00:00"
    assert item.body == one(WRITETHRU).body


def test_repeat_of_the_same_story_keeps_its_own_id() -> None:
    repeat = WRITETHRU.replace(b"W0519", b"W0788").replace(b"0905GMT", b"1215GMT").replace(
        b"Eds: APNewsNow. Updates with SDF estimate.", b"Eds: REPEAT. Repeats the 0905 GMT.")
    first, again = one(WRITETHRU), one(repeat)
    assert first.headline == again.headline and first.body == again.body
    assert first.id != again.id
    assert again.signal == ("repeat", "update")
    assert one(WRITETHRU).id == first.id  # the same transmission twice is one item


def test_many_messages_in_one_file_and_a_bad_one_is_quarantined_alone() -> None:
    broken = b"\x16\x16\x01W0999\x1fglbsm\r\n\x04"
    results = parse(WRITETHRU + ALERT + broken)
    assert [type(r).__name__ for r in results] == ["Item", "Item", "Quarantined"]
    problem = results[2]
    assert isinstance(problem, Quarantined)
    assert problem.path == "wire/test.tst#2"
    assert "ANPA" in problem.reason


def test_latin1_bytes_are_not_mojibake() -> None:
    item = one(WRITETHRU.replace(b"Omar Farouk", b"Ren\xe9e M\xfcller"))
    assert "Renée Müller" in item.body


def test_take_key_from_the_keyword_line_when_the_stx_line_has_none() -> None:
    data = ALERT.replace(b"BC-ML--APNewsAlert     03-14", b"BC-ML--APNewsAlert Bjt  03-14")
    item = one(data)
    assert item.take_key == "Bjt"
    assert item.slug == "BC-ML--APNewsAlert"
    assert item.signal == ()
