"""Whatever bytes arrive, xmlwire.parse returns items and quarantines or raises ParseError,
and every item it returns keeps the model's promises (plain, control-free text)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wiredesk_testdata import CONTROL

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError, Quarantined
from tui.model import PUBSTATUSES, SIGNALS, Item

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = [path.read_bytes() for path in sorted(FIXTURES.iterdir()) if path.is_file()]
RECEIVED = "2024-03-05T10:00:00+00:00"
FRAGMENTS = [b"<", b">", b"/>", b"</p>", b"<p>", b"&", b"&amp;", b"&nbsp;", b"&#0;", b"&#x1F;",
             b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<!DOCTYPE x [", b"<!ENTITY e 'x'>", b"]>",
             b"\x00", b"\xff\xfe", b"\xc3", b"\xe9", b'"', b"'", b"=", b":", b"xmlns:a='u'",
             b"<br/>", b"<table><tr><td>", b"</td></tr></table>", b"<pre>", b"\x1b[31m",
             b"<?xml version='1.0' encoding='latin-1'?>", b"<body.content>", b"<hl1>", b"\t\n"]

SETTINGS = settings(max_examples=250, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(data: bytes) -> None:
    try:
        entries = xmlwire.parse(data, "fuzz.xml", RECEIVED)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for entry in entries:
        assert isinstance(entry, Item | Quarantined)
        if isinstance(entry, Item):
            check_item(entry)


def check_item(item: Item) -> None:
    for text in (item.headline, item.deck, item.byline, item.slug, item.ednote, item.source,
                 item.take_key, item.category, *item.captions, *item.keywords, *item.subjects):
        assert "\n" not in text and "\t" not in text and not CONTROL.search(text)
        assert text == text.strip()
    assert not CONTROL.search(item.body)
    assert "\n\n\n" not in item.body and item.body == item.body.strip()
    assert item.urgency is None or 1 <= item.urgency <= 9
    assert item.pubstatus in PUBSTATUSES
    assert set(item.signal) <= set(SIGNALS)
    assert item.id and item.word_count >= 0


@SETTINGS
@given(st.binary(max_size=2_000))
def test_random_bytes(data: bytes) -> None:
    check(data)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=8), max_size=60))
def test_xml_like_soup(parts: list[bytes]) -> None:
    check(b"".join(parts))


@st.composite
def mutated_fixture(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "copy"]))
        if operation == "insert":
            data[position:position] = draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=16))
        elif operation == "delete":
            del data[position:position + draw(st.integers(1, 200))]
        elif operation == "replace" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif operation == "truncate":
            del data[position:]
        else:
            start = draw(st.integers(0, len(data)))
            data[position:position] = data[start:start + draw(st.integers(1, 400))]
    return bytes(data)


@SETTINGS
@given(mutated_fixture())
def test_mutated_fixtures(data: bytes) -> None:
    check(data)


def test_unmutated_fixtures_keep_the_promises_too() -> None:
    for data in SEEDS:
        check(data)


@SETTINGS
@given(st.lists(st.sampled_from(["<", ">", "/", "p", "br", "a", "=", '"', "'", "!--", "-->",
                                 "&", "amp;", "nbsp;", "<![CDATA[", "]]>", "script", "table",
                                 "tr", "td", " ", "\n", "x"]) | st.text(max_size=5),
                max_size=80))
def test_html_soup_in_a_feed(parts: list[str]) -> None:
    markup = "".join(parts).replace("&", "&amp;").replace("<", "&lt;")
    check(f"<rss><channel><item><title>t</title><description>{markup}</description>"
          f"</item></channel></rss>".encode("utf-8", "surrogatepass"))
