"""The single-part plain-text shortcut reads an email exactly as the stdlib parser does."""

from __future__ import annotations

import base64
import quopri
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wiredesk_testdata import WIRE_SAMPLES

from tui.ingest import mail, mailparts
from tui.model import Item

RECEIVED = "2024-03-05T10:00:00+00:00"


def _mail(headers: list[tuple[bytes, bytes]], body: bytes, eol: bytes = b"\r\n") -> bytes:
    return b"".join(name + b": " + value + eol for name, value in headers) + eol + body


def _std() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Ana Smith <desk@ap.example>"
    message["Subject"] = "Minister resigns over £2m grant – “I regret it”"
    message["Date"] = "Tue, 24 Nov 2026 10:00:00 +0100"
    message["Message-ID"] = "<one@example.org>"
    return message


def _emailmessage(body: str, charset: str, cte: str | None) -> bytes:
    message = _std()
    message.set_content(body, charset=charset, cte=cte)
    return bytes(message)


_TEXT = ("LONDON (Reuters) - A minister resigned on Tuesday.\n\n"
         "Café owners said the grant was “unfair”, at £2m.\n\n-- \nsent from the desk\n")
_LONG = "BERLIN (dpa) - " + "Sehr lange Zeile mit Umlauten äöü und ß " * 6 + "\n\nZweiter Absatz.\n"

EMAILS: dict[str, bytes] = {
    "utf8 quoted-printable": _emailmessage(_TEXT, "utf-8", "quoted-printable"),
    "utf8 base64": _emailmessage(_TEXT, "utf-8", "base64"),
    "utf8 8bit": _emailmessage(_TEXT, "utf-8", "8bit"),
    "latin-1 quoted-printable": _emailmessage(_LONG, "iso-8859-1", "quoted-printable"),
    "latin-1 base64": _emailmessage(_LONG, "iso-8859-1", "base64"),
    "ascii 7bit": _emailmessage("PARIS (AFP) - Plain text.\n", "us-ascii", "7bit"),
    "encoded-word headers, LF ends": _mail([
        (b"From", b"=?iso-8859-1?Q?J=F6rg_M=FCller?= <joerg@dpa.example>"),
        (b"Subject", b"=?utf-8?B?R3LDvG5lbi1TcGl0emUgdHJpdHQgYWI=?= =?utf-8?Q?_heute?="),
        (b"Date", b"Wed, 25 Sep 2024 10:37:24 +0200"),
        (b"Content-Type", b"text/plain; charset=\"utf-8\"; format=flowed"),
        (b"Content-Transfer-Encoding", b"8bit"),
    ], "Berlin (dpa) - Die Grünen-Spitze zieht Konsequenzen.\n".encode(), eol=b"\n"),
    "no charset, Latin-1 bytes": _mail([
        (b"From", b"desk@ats.example"),
        (b"Subject", b"Gen\xe8ve: le Conseil f\xe9d\xe9ral d\xe9cide"),
        (b"Date", b"Thu, 01 Feb 2024 08:00:00 +0100"),
    ], b"Gen\xe8ve (ats) Le Conseil f\xe9d\xe9ral a d\xe9cid\xe9.\r\n"),
    "no content headers at all": _mail([
        (b"From", b"\"Newsdesk\" <news@pa.example>"),
        (b"To", b"wire@example.org"),
        (b"Subject", b"Folded\r\n subject line"),
    ], b"By Ben Okafor (PA)\r\n\r\nLONDON (PA) - Text.\r\n"),
    "declared windows-1252, quoted-printable": _mail([
        (b"From", b"Ben Everill <ben@aap.example>"),
        (b"Subject", b"=?windows-1252?Q?Scott=92s_Masters_build-up?="),
        (b"Content-Type", b"TEXT/PLAIN; CHARSET=Windows-1252"),
        (b"Content-Transfer-Encoding", b"Quoted-Printable"),
    ], b"LOS ANGELES, March 10 AAP =96 Adam Scott is hoping to live up to his favour=\r\n"
       b"ite tag.\r\n"),
    "attachment disposition": _mail([
        (b"From", b"desk@example.org"), (b"Subject", b"Only an attachment"),
        (b"Content-Disposition", b"attachment; filename=\"x.txt\""),
    ], b"not the story\r\n"),
    "unknown charset": _mail([
        (b"From", b"desk@example.org"), (b"Subject", b"Odd"),
        (b"Content-Type", b"text/plain; charset=x-no-such-charset"),
    ], b"Caf\xc3\xa9 text.\r\n"),
    "qp with a soft break at the end": _mail([
        (b"From", b"desk@example.org"), (b"Subject", b"QP"),
        (b"Content-Transfer-Encoding", b"quoted-printable"),
    ], quopri.encodestring("Zürich (sda) - ".encode() * 20)),
    "base64 unpadded (stdlib repairs it)": _mail([
        (b"From", b"desk@example.org"), (b"Subject", b"B64"),
        (b"Content-Transfer-Encoding", b"base64"),
    ], base64.b64encode(b"TOKYO (Kyodo) - Text").rstrip(b"=") + b"\r\n"),
}


def _item(data: bytes) -> Item:
    [item] = mail.parse(data, "mail/1.eml", RECEIVED)
    return item


@pytest.mark.parametrize("name", sorted(EMAILS))
def test_shortcut_gives_the_stdlib_item(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = EMAILS[name]
    fast = _item(data)
    monkeypatch.setattr(mailparts, "read_plain", lambda _data: None)
    assert fast == _item(data)


def test_shortcut_is_taken_for_single_part_plain_text() -> None:
    taken = {name for name, data in EMAILS.items() if mailparts.read_plain(data) is not None}
    assert taken == set(EMAILS) - {"base64 unpadded (stdlib repairs it)"}


@pytest.mark.parametrize("data", [
    b"From: a@b\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nhi\r\n--x--\r\n",
    b"From: a@b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n",
    b"From: a@b\r\nContent-Type: text/plain; charset*=utf-8''x\r\n\r\nhi\r\n",
    b"From: a@b\r\nSubject: x\r\ncontent-type: text/plain\r\nContent-Type: text/html\r\n\r\nhi",
    b"From: a@b\rSubject: bare CR\r\r\nhi",
    b"From: a@b\r\nSubject: form\x0cfeed\r\n\r\nhi",
    b"From a@b Mon Jan  1 00:00:00 2024\r\nSubject: x\r\n\r\nhi",
    b"From: a@b\r\nSubject: no body separator",
])
def test_anything_unusual_goes_to_the_stdlib_parser(data: bytes) -> None:
    assert mailparts.read_plain(data) is None


_HEADER_VALUES = st.sampled_from([
    b"plain", b"=?utf-8?q?caf=C3=A9?=", b"=?iso-8859-1?b?Z2Vu6HZl?=", b"caf\xc3\xa9",
    b"gen\xe8ve", b"a\r\n folded", b"  spaced  ", b"", b"=?bad", b"x\tty",
])
_NAMES = st.sampled_from([b"From", b"Subject", b"Date", b"Message-ID", b"To",
                          b"Content-Language", b"X-Priority", b"subject"])
_TYPES = st.sampled_from([None, b"text/plain", b"text/plain; charset=utf-8",
                          b"text/plain; charset=\"ISO-8859-1\"", b"Text/Plain ; charset = cp1252 ;",
                          b"text/plain; format=flowed; charset=us-ascii", b"text/plain; charset=",
                          b"text/plain; charset=utf-16", b"text/html", b"multipart/mixed"])
_ENCODINGS = st.sampled_from([None, b"7bit", b"8bit", b"quoted-printable", b"base64",
                              b"BASE64", b"binary", b"quoted-printable "])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_NAMES, _HEADER_VALUES), max_size=6), _TYPES, _ENCODINGS,
       st.binary(max_size=300), st.sampled_from([b"\r\n", b"\n"]), st.booleans())
def test_shortcut_agrees_with_stdlib(headers: list[tuple[bytes, bytes]], kind: bytes | None,
                                     encoding: bytes | None, body: bytes, eol: bytes,
                                     encode_body: bool) -> None:
    rows = [(b"From", b"Desk <desk@example.org>"), *headers]
    if kind is not None:
        rows.append((b"Content-Type", kind))
    if encoding is not None:
        rows.append((b"Content-Transfer-Encoding", encoding))
        if encode_body and encoding.strip().lower() == b"base64":
            body = base64.encodebytes(body)
        elif encode_body and encoding.strip().lower() == b"quoted-printable":
            body = quopri.encodestring(body)
    data = _mail(rows, body, eol)
    fast = mailparts.read_plain(data)
    if fast is not None:
        assert fast == mailparts.read_mime(data)


SAMPLES = WIRE_SAMPLES / "email"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared wire samples are not here")
def test_shortcut_gives_the_stdlib_item_for_the_real_samples(
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    fast = [mail.parse(p.read_bytes(), str(p), RECEIVED) for p in files]
    monkeypatch.setattr(mailparts, "read_plain", lambda _data: None)
    assert fast == [mail.parse(p.read_bytes(), str(p), RECEIVED) for p in files]
