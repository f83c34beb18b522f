"""Signals, datelines and dates: the conventions every text and JSON parser relies on."""

from __future__ import annotations

import pytest

from tui.ingest import datelines
from tui.ingest.dates import compose, iso, month_number
from tui.ingest.decode import decode
from tui.ingest.signals import detect, from_codes
from tui.ingest.textblocks import html_paragraphs
from tui.model import Dateline


@pytest.mark.parametrize(("texts", "expected"), [
    (("KILL KILL KILL",), ("kill",)),
    (("STORY WITHDRAWN - Reuters",), ("kill",)),
    (("BC-US--Obit-Hollis-KILL",), ("kill",)),
    (("CORRECTED-UPDATE 1-Islamic State's enclave crumbles",), ("correction", "update")),
    (("Corrects sixth paragraph to say al-Hol camp is in Hasaka",), ("correction",)),
    (("REFILE-Oil prices rise",), ("repeat",)),
    (("x", "1st Ld-Writethru"), ("update",)),
    (("2ND LEAD",), ("update",)),
    (("UPDATE 2-Markets fall",), ("update",)),
    (("Eds: REPEAT. Repeats BC-ML--Syria, sent at 0905 GMT.",), ("repeat",)),
    (("EMBARGOED until 0001 GMT March 15",), ("hold",)),
    (("ADVISORY: coverage plans",), ("advisory",)),
    # Ordinary words in headlines are not markers.
    (("Police kill suspect in raid",), ()),
    (("US lifts embargo on Cuban cigars",), ()),
    (("Troop withdrawal from Syria begins",), ()),
    (("Economy adds 200,000 jobs",), ()),
    (("Repeat offenders face tougher sentences",), ()),
    (("Travel advisory issued for storm",), ()),
    # A headline set all in capitals (press readers) is not read for capital markers.
    (("POLICE KILL SUSPECT AS CORRECTION OFFICERS WATCH THE RAID",), ()),
])
def test_detect(texts: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert detect(*texts) == expected


def test_structured_codes() -> None:
    assert from_codes(["sig:update", "newscontent", "Correction", "canceled", "withheld"]) == (
        "update", "correction", "kill", "hold")


@pytest.mark.parametrize(("paragraph", "dateline", "agency", "rest"), [
    ("CHATHAM, Mass. (AP) _ A lobster died.",
     Dateline(city="CHATHAM", country="Mass.", text="CHATHAM, Mass."), "AP", "A lobster died."),
    ("LONDON (Reuters) - Britain's economy grew.",
     Dateline(city="LONDON", text="LONDON"), "Reuters", "Britain's economy grew."),
    ("Paris (ats afp) Les violences ont repris.",
     Dateline(city="Paris", text="Paris"), "ats afp", "Les violences ont repris."),
    ("SAITAMA, Japan, Dec. 9 Kyodo - Urawa won.",
     Dateline(city="SAITAMA", country="Japan", date="Dec. 9", text="SAITAMA, Japan, Dec. 9"),
     "Kyodo", "Urawa won."),
    ("QUEBEC CITY — Caribou herds are shrinking.",
     Dateline(city="QUEBEC CITY", text="QUEBEC CITY"), "", "Caribou herds are shrinking."),
])
def test_datelines(paragraph: str, dateline: Dateline, agency: str, rest: str) -> None:
    found = datelines.find(paragraph)
    assert found is not None
    assert (found.dateline, found.agency, found.rest) == (dateline, agency, rest)


@pytest.mark.parametrize("paragraph", [
    "The European Central Bank (ECB) said rates would stay on hold.",
    "Some people said (AP) - nothing.",
    "In 2010, fuel became the No. 1 use for corn.",
])
def test_not_datelines(paragraph: str) -> None:
    assert datelines.find(paragraph) is None


def test_agency_of_a_credit() -> None:
    assert datelines.agency_name("ats afp") == "ats"
    assert datelines.agency_name("tca/dpa") == "dpa"


def test_dates() -> None:
    assert iso("2017-08-25T04:41:35+0000") == "2017-08-25T04:41:35+00:00"
    assert iso("Tue, 10 Mar 2015 14:17:01 -0700") == "2015-03-10T14:17:01-07:00"
    assert iso("06 June 2016 14:00:00") == "2016-06-06T14:00:00"
    assert iso("Mon, 1 Jan 99999999999999999999 00:00:00 +0000") != ""  # kept, not raised
    assert iso("soon") == "soon"
    assert compose(13, 11, 13, 15, 9, utc=True) == "2013-11-13T15:09:00+00:00"
    assert compose(99, 2, 30) == ""
    assert [month_number(m) for m in ("Okt", "Dez", "déc", "juillet", "June", "xyz")] == [
        10, 12, 12, 7, 6, None]


@pytest.mark.parametrize("charset", ["base64", "rot13", "idna", "punycode", "zlib", "hex",
                                     "undefined", "no-such-charset", "utf-16"])
def test_declared_charsets_that_cannot_be_right_fall_back(charset: str) -> None:
    assert decode("Müller".encode("cp1252"), charset) == "Müller"
    assert decode(f'<?xml encoding="{charset}"?>é'.encode()) == f'<?xml encoding="{charset}"?>é'


def test_decode_order() -> None:
    assert decode(b"\xef\xbb\xbfBOM") == "BOM"
    assert decode("caf\u00e9 \u201cq\u201d".encode("cp1252"), "iso-8859-1") == "café “q”"
    assert decode("Grüne".encode()) == "Grüne"


@pytest.mark.parametrize(("markup", "paragraphs"), [
    ("<p>One &amp; two</p><p>Three<br>Four</p>", ["One & two", "Three", "Four"]),
    ("<html><head><title>T</title><style>p{}</style></head><body><p>x</p></body></html>",
     ["x"]),
    ("<svg><p>hidden</svg>shown", ["shown"]),
    ("<table><tr><td>a</td><td>b</td></tr></table>", ["a b"]),
    ("<div class='dat'><span>Fotboll</span></div><p>Text</p>", ["Text"]),
    ("<p>unclosed <b>bold", ["unclosed bold"]),
])
def test_html_paragraphs(markup: str, paragraphs: list[str]) -> None:
    assert html_paragraphs(markup, frozenset({"dat"})) == paragraphs
