"""Hostile XML ends as a ParseError with a one-line reason, quickly, and never touches the
network or the file system."""

from __future__ import annotations

import random
import socket
import time
from collections.abc import Iterator

import pytest

from tui.ingest import xmlwire
from tui.ingest.errors import ParseError

RECEIVED = "2024-03-05T10:00:00+00:00"
# A generous guard against exponential or quadratic work, not a benchmark.
SECONDS = 5.0


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]>'
            "<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>").encode()


def _quadratic_blowup() -> bytes:
    return (f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>'
            f"<rss><channel><item><title>{'&a;' * 50_000}</title></item></channel></rss>"
            ).encode()


def _junk_after_angle() -> bytes:
    rng = random.Random(7)
    return b"<" + bytes(rng.randrange(256) for _ in range(5_000))


HOSTILE: dict[str, bytes] = {
    "billion laughs": _billion_laughs(),
    "quadratic blowup": _quadratic_blowup(),
    "billion laughs in UTF-16": _billion_laughs().decode().replace(
        '<?xml version="1.0"?>', "").encode("utf-16"),
    "external entity file://": b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM '
                               b'"file:///etc/passwd">]><nitf><head><title>&xxe;</title>'
                               b"</head></nitf>",
    "external entity http://": b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
                               b"<rss><channel><item><title>&xxe;</title></item></channel></rss>",
    "external parameter entity": b'<!DOCTYPE x [<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/e.dtd">'
                                 b"%dtd;]><nitf/>",
    "internal parameter entity": b'<!DOCTYPE x [<!ENTITY % p "<!ENTITY b \'boom\'>"> %p;]>'
                                 b"<nitf>&b;</nitf>",
    "unparsed entity": b'<!DOCTYPE x [<!NOTATION gif SYSTEM "gif"><!ENTITY pic SYSTEM '
                       b'"http://127.0.0.1:9/p.gif" NDATA gif>]><nitf/>',
    "deep nesting": b"<nitf>" + b"<p>" * 100_000 + b"</p>" * 100_000 + b"</nitf>",
    "deep nesting, unclosed": b"<a>" * 100_000,
    "huge attribute": b'<nitf><head><meta name="x" content="' + b"A" * 20_000_000
                      + b'"/></head></nitf>',
    "many elements": b"<rss><channel>" + b"<i/>" * 600_000 + b"</channel></rss>",
    "name with colons": b"<a:b:c><x/></a:b:c>",
    "unbound prefix in root": b"<wire:nitf><p/></wire:nitf>",
    "name with spaces": b"<news item><p/></news item>",
    "binary junk after <": _junk_after_angle(),
    "NUL bytes": b"<nitf>\x00\x00\x00</nitf>",
    "unreadable encoding": b'<?xml version="1.0" encoding="rot13"?><nitf/>',
    "multi-byte encoding expat lacks": b'<?xml version="1.0" encoding="shift_jis"?><x>\x82</x>',
    "truncated": b'<?xml version="1.0"?><nitf><head><title>Cut',
    "only a declaration": b'<?xml version="1.0"?>',
    "two roots": b"<nitf/><nitf/>",
    "unknown root": b"<html><body><p>Not a wire format</p></body></html>",
}


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the XML parser tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.mark.parametrize("data", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_is_a_quick_one_line_parse_error(data: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(ParseError) as caught:
        xmlwire.parse(data, "hostile.xml", RECEIVED)
    assert time.monotonic() - started < SECONDS
    reason = str(caught.value)
    assert reason and "\n" not in reason and len(reason) < 300


@pytest.mark.parametrize("name", ["billion laughs", "quadratic blowup", "billion laughs in UTF-16",
                                  "external entity file://", "external parameter entity"])
def test_entity_declarations_are_refused_as_unsafe(name: str) -> None:
    with pytest.raises(ParseError, match="refused as unsafe"):
        xmlwire.parse(HOSTILE[name], "hostile.xml", RECEIVED)


def test_deep_nesting_reason_says_so() -> None:
    with pytest.raises(ParseError, match="nests deeper than 200 levels"):
        xmlwire.parse(HOSTILE["deep nesting"], "deep.xml", RECEIVED)


def test_file_contents_never_leak_into_an_item() -> None:
    with pytest.raises(ParseError):
        xmlwire.parse(HOSTILE["external entity file://"], "xxe.xml", RECEIVED)


def test_external_dtd_is_never_fetched_and_its_entities_stay_text() -> None:
    # Real NITF names its DTD by URL; the document must still read, offline, and an entity
    # that only the DTD could define stays literal text instead of being resolved.
    data = (b'<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf-3-4.dtd"><nitf><body><body.head>'
            b"<hedline><hl1>Offline &secret; headline</hl1></hedline></body.head></body></nitf>")
    [item] = xmlwire.parse(data, "dtd.xml", RECEIVED)
    assert not isinstance(item, ParseError)
    assert getattr(item, "headline", "") == "Offline &secret; headline"


def test_relative_dtd_module_of_newsml1_is_allowed_but_not_read() -> None:
    data = (b'<!DOCTYPE NewsML [<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;]>'
            b"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Kept</HeadLine></NewsLines>"
            b"<ContentItem><DataContent>Text.</DataContent></ContentItem></NewsComponent>"
            b"</NewsItem></NewsML>")
    [item] = xmlwire.parse(data, "n.xml", RECEIVED)
    assert getattr(item, "headline", "") == "Kept"


@pytest.mark.parametrize("markup", ["<!--" * 100_000, '<a b="' * 100_000, "</" * 200_000,
                                    "<div>" * 100_000, '<a "' * 100_000 + ">"],
                         ids=["unclosed comments", "unclosed quotes", "stray end tags",
                              "deep divs", "stray quotes"])
def test_hostile_html_inside_a_feed_is_read_in_linear_time(markup: str) -> None:
    # Feed descriptions are HTML in a string; the standard HTMLParser is quadratic on some
    # of these, which would let one feed stall the desk.
    escaped = markup.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    data = (f"<rss><channel><title>T</title><item><title>Hostile</title>"
            f"<description>{escaped}</description></item></channel></rss>").encode()
    started = time.monotonic()
    entries = xmlwire.parse(data, "feed.rss", RECEIVED)
    assert time.monotonic() - started < SECONDS
    assert len(entries) == 1
