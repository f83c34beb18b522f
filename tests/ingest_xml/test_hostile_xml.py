"""Hostile XML ends as a ParseError with a one-line reason, quickly, and never touches the
network or the file system."""

from __future__ import annotations

import random
import socket
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.ingest import read_file, xmlwire
from tui.ingest.errors import ParseError
from tui.ingest.xmlsafe import refuse_entity_bombs

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


# The quadratic blowup at the size of the issue: one 100 KB internal entity referenced
# 20,000 times (2 GB once expanded) and no nesting. The entity pushes the root element past
# the bytes the sniffer looks at, so the file is not even recognised as XML by its head.
QUADRATIC_ENTITY = "x" * 100_000
QUADRATIC_REFS = "&a;" * 20_000
WRAPPERS: dict[str, tuple[str, str]] = {
    "NITF": ("nitf", "<nitf><body><body.head><hedline><hl1>Quake</hl1></hedline></body.head>"
                     "<body.content><p>{refs}</p></body.content></body></nitf>"),
    "NewsML 1.2": ("NewsML", "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Quake"
                             "</HeadLine></NewsLines><ContentItem><DataContent>{refs}"
                             "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"),
    "NewsML-G2": ("newsItem", '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
                              'guid="urn:x:1" version="1"><contentMeta><headline>Quake</headline>'
                              '</contentMeta><contentSet><inlineXML><html xmlns="http://www.w3.org'
                              '/1999/xhtml"><body><p>{refs}</p></body></html></inlineXML>'
                              "</contentSet></newsItem>"),
    "RSS": ("rss", '<rss version="2.0"><channel><title>F</title><item><title>Quake</title>'
                   "<description>{refs}</description></item></channel></rss>"),
    "Atom": ("feed", '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry>'
                     "<title>Quake</title><id>urn:e:1</id><content>{refs}</content></entry>"
                     "</feed>"),
}


def _quadratic(wrapper: str, *, subset_prefix: str = "", declaration: bool = True) -> bytes:
    root, body = WRAPPERS[wrapper]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if declaration else ""
    return (f"{head}<!DOCTYPE {root} [{subset_prefix}<!ENTITY a \"{QUADRATIC_ENTITY}\">]>\n"
            f"{body.format(refs=QUADRATIC_REFS)}").encode()


def _quarantined_quickly(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = read_file(path)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.items == [], "the quadratic blowup was read as a story"
    assert elapsed < 2.0
    assert peak < 64 * 1024 * 1024, "the entity was expanded in memory"
    [problem] = result.problems
    reason = problem.reason
    assert reason and "\n" not in reason and len(reason) < 300
    return reason


@pytest.mark.parametrize("wrapper", list(WRAPPERS))
def test_each_wrapper_reads_without_the_entities(wrapper: str) -> None:
    # The documents of the tests below are real to their parsers: without the entity they
    # are one story each.
    [item] = xmlwire.parse(WRAPPERS[wrapper][1].format(refs="Text.").encode(), "w.xml", RECEIVED)
    assert getattr(item, "headline", "") == "Quake"


@pytest.mark.parametrize("declaration", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize("wrapper", list(WRAPPERS))
def test_quadratic_blowup_is_quarantined_in_every_xml_format(
        tmp_path: Path, wrapper: str, declaration: bool) -> None:
    reason = _quarantined_quickly(tmp_path / "quadratic.xml",
                                  _quadratic(wrapper, declaration=declaration))
    assert "entit" in reason and reason.endswith("refused as unsafe")


@pytest.mark.parametrize("wrapper", list(WRAPPERS))
def test_quadratic_blowup_is_a_parse_error_from_the_xml_parser_itself(wrapper: str) -> None:
    started = time.monotonic()
    # refused by the size the references would expand to, before expat reads the DTD
    with pytest.raises(ParseError, match=r"entit.*expand.*refused as unsafe"):
        xmlwire.parse(_quadratic(wrapper), "quadratic.xml", RECEIVED)
    assert time.monotonic() - started < 2.0


def test_quadratic_blowup_after_an_unread_dtd_module_is_quarantined(tmp_path: Path) -> None:
    # NewsML 1 names the NITF DTD as a parameter entity, which is allowed and never read;
    # expat then stops reporting the declarations after it, so the entity check in the
    # parser never sees `a` (its references are "undefined" and the repair pass would keep
    # them as 20,000 literal `&a;`).
    data = _quadratic("NewsML 1.2", subset_prefix='<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;')
    reason = _quarantined_quickly(tmp_path / "newsml.xml", data)
    assert reason.endswith("refused as unsafe")


@pytest.mark.parametrize("broken", ["unclosed", "two roots", "text first"])
def test_quadratic_blowup_that_is_not_well_formed_is_quarantined_too(
        tmp_path: Path, broken: str) -> None:
    data = _quadratic("RSS")
    if broken == "unclosed":
        data = data.replace(b"</channel></rss>", b"")
    elif broken == "two roots":
        data += b"<rss/>"
    else:
        # read as plain text by the sniffer, whatever the rest of the file holds
        data = b"Quake hits Vanuatu\n\n" + data
    reason = _quarantined_quickly(tmp_path / "broken.xml", data)
    assert "entit" in reason and reason.endswith("refused as unsafe")


def _chain(length: int) -> bytes:
    # each entity twice the next: 2**length characters, nested far deeper than any laugh
    entities = "".join(f'<!ENTITY e{i} "&e{i + 1};&e{i + 1};">' for i in range(length))
    return f'<!DOCTYPE x [{entities}<!ENTITY e{length} "x">]><x>&e0;</x>'.encode()


@pytest.mark.parametrize("data", [
    _billion_laughs(), _chain(5_000),
    b'<!DOCTYPE x [<!ENTITY a "&b;"><!ENTITY b "&a;">]><x>&a;</x>',
    b'<!DOCTYPE x [<!ENTITY a "y">]><x>' + b"&a;" * 2_000_000 + b"</x>",
    b'<!ENTITY a "' * 1_000_000,
    b"".join(b'<!ENTITY e%d "x">' % i for i in range(100_000)) + b"&e1;",
], ids=["billion laughs", "chain of 5,000", "entities that refer to each other",
        "a one-character entity two million times", "a million unclosed declarations",
        "100,000 declarations"])
def test_entity_expansion_is_counted_before_parsing_and_quickly(data: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(ParseError, match="refused as unsafe") as caught:
        refuse_entity_bombs(data)
    assert time.monotonic() - started < 1.0
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE x [<!ENTITY co "Reuters Ltd">]><x>&co; and &co;</x>',
    b'<!ENTITY a "' + b"x" * 1_000 + b'">' + b"&amp;" * 5_000_000,
    b"<rss><channel><item><title>&amp; &lt;</title></item></channel></rss>",
], ids=["a small entity used twice", "millions of other references", "no declaration"])
def test_entity_expansion_below_the_limit_is_not_refused_by_the_count(data: bytes) -> None:
    # (the parser still refuses any entity declaration of its own; the count only decides
    # for bytes that never reach it, and must stay quick for a 50 MB file of `&amp;`)
    started = time.monotonic()
    refuse_entity_bombs(data)
    assert time.monotonic() - started < 1.0


def test_a_text_file_quoting_a_small_entity_stays_copy(tmp_path: Path) -> None:
    path = tmp_path / "howto.txt"
    path.write_bytes(b'XML tips for the desk\n\nDeclare <!ENTITY co "Reuters"> and write &co;.\n')
    [item] = read_file(path).items
    assert item.headline == "XML tips for the desk"
