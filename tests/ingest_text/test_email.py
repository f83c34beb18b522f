"""Copy by email: RFC 822 headers, MIME parts, RFC 2047 subjects in any charset."""

from __future__ import annotations

import pytest

from tui.ingest import textwire
from tui.ingest.errors import ParseError
from tui.model import Dateline, Item

RECEIVED = "2024-03-05T10:00:00+00:00"

MULTIPART = (
    b"      \r\n"
    b"Delivered-To: desk@example.com\r\n"
    b"Date: Tue, 10 Mar 2015 14:17:01 -0700\r\n"
    b"Message-ID: <7173E056@example.com>\r\n"
    b"Subject: =?windows-1252?Q?Scott=92s_Masters_build-up?=\r\n"
    b"From: Ben Everill <ben@example.com>\r\n"
    b"To: desk@example.com\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: multipart/mixed; boundary=\"XX\"\r\n"
    b"\r\n"
    b"--XX\r\n"
    b"Content-Type: multipart/alternative; boundary=\"YY\"\r\n"
    b"\r\n"
    b"--YY\r\n"
    b"Content-Type: text/plain; charset=\"Windows-1252\"\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Gol PGA\r\n"
    b"By Ben Everill\r\n"
    b"\r\n"
    b"LOS ANGELES, March 10 AAP =96 Adam Scott is hoping to live up to his favour=\r\n"
    b"ite tag as he searches for more competitive reps in his Masters preparation=\r\n"
    b"s.\r\n"
    b"Scott lines up this week at Innisbrook Resort=92s Copperhead course.\r\n"
    b"\r\n"
    b"-- \r\n"
    b"Ben Everill, Golf Writer\r\n"
    b"--YY\r\n"
    b"Content-Type: text/html; charset=\"windows-1252\"\r\n"
    b"\r\n"
    b"<p>not this one</p>\r\n"
    b"--YY--\r\n"
    b"--XX\r\n"
    b"Content-Type: text/plain; name=\"notes.txt\"\r\n"
    b"Content-Disposition: attachment; filename=\"notes.txt\"\r\n"
    b"\r\n"
    b"an attachment is not the story\r\n"
    b"--XX--\r\n"
)

HTML_ONLY = (
    b"From: \"Newsdesk\" <news@dpa.example>\r\n"
    b"Subject: =?utf-8?B?R3LDvG5lbi1TcGl0emUgdHJpdHQgYWI=?=\r\n"
    b"Date: Wed, 25 Sep 2024 10:37:24 +0200\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<html><head><title>x</title><style>p{}</style></head><body>"
    b"<p>Berlin (dpa) - Die Gr\xc3\xbcnen-Spitze zieht &quot;Konsequenzen&quot;.</p>"
    b"<div>Zweiter<br>Absatz</div><script>alert(1)</script></body></html>\r\n"
)


def one(data: bytes) -> Item:
    [item] = textwire.parse(data, "mail/1.eml", RECEIVED)
    assert isinstance(item, Item)
    return item


def test_multipart_every_field() -> None:
    item = one(MULTIPART)
    assert item.format == "email"
    assert item.id == "7173E056@example.com"
    assert item.headline == "Scott’s Masters build-up"
    assert item.created == "2015-03-10T14:17:01-07:00"
    assert item.byline == "Ben Everill"
    assert item.source == "AAP"  # from the dateline in the text, not the sender
    assert item.dateline == Dateline(city="LOS ANGELES", date="March 10",
                                     text="LOS ANGELES, March 10")
    assert item.paragraphs == [
        "LOS ANGELES, March 10 AAP – Adam Scott is hoping to live up to his favourite tag as "
        "he searches for more competitive reps in his Masters preparations.",
        "Scott lines up this week at Innisbrook Resort’s Copperhead course.",
    ]
    assert "attachment" not in item.body and "Golf Writer" not in item.body


def test_html_only_mail_is_reduced_to_paragraphs() -> None:
    item = one(HTML_ONLY)
    assert item.headline == "Grünen-Spitze tritt ab"
    assert item.byline == "Newsdesk"
    assert item.source == "dpa"
    assert item.created == "2024-09-25T10:37:24+02:00"
    assert item.paragraphs == ['Berlin (dpa) - Die Grünen-Spitze zieht "Konsequenzen".',
                               "Zweiter", "Absatz"]
    assert item.id.startswith("sha:")  # no Message-ID


def test_raw_utf8_inside_an_encoded_word() -> None:
    data = MULTIPART.replace(b"Scott=92s_Masters", "Scott’s_Masters".encode())
    assert one(data).headline == "Scott’s Masters build-up"


def test_unknown_charset_falls_back_without_error() -> None:
    data = MULTIPART.replace(b'charset="Windows-1252"', b'charset="x-no-such"')
    assert "Adam Scott" in one(data).body


def test_empty_mail_is_refused() -> None:
    with pytest.raises(ParseError):
        textwire.parse(b"From: a@b.c\r\nDate: Tue, 10 Mar 2015 14:17:01 -0700\r\n\r\n",
                       "x", RECEIVED)
