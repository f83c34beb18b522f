"""The parts of an email that wiredesk reads (its raw headers and its body text), taken
either through the stdlib `email` parser or, for the common single-part plain-text
message, straight from the bytes.

The shortcut gives exactly what the stdlib parser (compat32 policy) gives for the messages
it accepts: header values as `Message.raw_items()` returns them (name up to the colon,
leading blanks dropped, folding kept, ASCII with surrogate escapes for 8-bit bytes), and
the body as `get_payload(decode=True)` returns it. Anything it is not sure of (multipart,
any other content type, parameters beyond plain tokens, base64 it cannot read strictly,
line ends other than CRLF and LF, repeated MIME headers) is left to the stdlib parser.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.message
import quopri
import re
from dataclasses import dataclass

from tui.ingest.decode import decode

Headers = list[tuple[str, str]]

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:")
_END_OF_HEADERS = re.compile(rb"\r?\n\r?\n")
# Characters str.splitlines breaks on (so the stdlib parser would too) beyond CR and LF.
_OTHER_BREAKS = re.compile(rb"[\x0b\x0c\x1c-\x1e]")
_TOKEN = r"[A-Za-z0-9._:+-]+"
_PLAIN_TYPE = re.compile(
    rf"\s*text/plain\s*((?:;\s*[A-Za-z][A-Za-z0-9-]*\s*=\s*(?:{_TOKEN}|\"{_TOKEN}\")\s*)*)"
    r";?\s*", re.IGNORECASE)
_PARAM = re.compile(rf";\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*\"?({_TOKEN})\"?")
_MIME_HEADERS = ("content-type", "content-transfer-encoding", "content-disposition")
_SIGNATURE = re.compile(r"(?m)^-- ?$")


@dataclass(frozen=True, slots=True)
class MailParts:
    headers: Headers
    #: the text of the story part (plain text, or HTML when `from_html`)
    text: str
    from_html: bool

    def header(self, name: str) -> str:
        """The first header of this name (any case), raw; empty when there is none."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return ""


def read(data: bytes) -> MailParts:
    return read_plain(data) or read_mime(data)


def read_mime(data: bytes) -> MailParts:
    """Through the stdlib parser: any message, any structure."""
    message = email.message_from_bytes(data)
    headers = [(key, value if isinstance(value, str) else "")
               for key, value in message.raw_items()]
    text, from_html = _body_text(message)
    return MailParts(headers, text, from_html)


def read_plain(data: bytes) -> MailParts | None:
    """A single-part text/plain message read from its bytes, or None when the message is
    anything else (and must go through `read_mime`)."""
    end = _END_OF_HEADERS.search(data)
    if end is None:
        return None
    head, body = data[:end.start()], data[end.end():]
    if data.count(b"\r") != data.count(b"\r\n") or _OTHER_BREAKS.search(head):
        return None
    headers = _headers(head)
    if headers is None:
        return None
    mime: dict[str, str] = {}
    for key, value in headers:
        folded = key.lower()
        if folded in _MIME_HEADERS:
            if folded in mime or not value.isascii():
                return None
            mime[folded] = value
    charset: str | None = None
    if "content-type" in mime:
        kind = _PLAIN_TYPE.fullmatch(mime["content-type"])
        if kind is None:
            return None
        charset = _charset(kind.group(1))
    disposition = mime.get("content-disposition", "").split(";")[0].strip().lower()
    if disposition == "attachment":
        return MailParts(headers, "", False)
    payload = _payload(body, mime.get("content-transfer-encoding", "").lower())
    if payload is None:
        return None
    return MailParts(headers, _plain(decode(payload, charset)), False)


def _headers(head: bytes) -> Headers | None:
    """(name, value) as the compat32 policy stores them, or None for a block with a line
    that is neither a plain header nor a continuation."""
    headers: Headers = []
    lines: list[str] = []
    for raw in head.splitlines(keepends=True):
        if raw[:1] in (b" ", b"\t"):
            if not lines:
                return None
            lines.append(raw.decode("ascii", "surrogateescape"))
            continue
        if _HEADER_LINE.match(raw) is None:
            return None
        if lines:
            headers.append(_header(lines))
        lines = [raw.decode("ascii", "surrogateescape")]
    if lines:
        headers.append(_header(lines))
    return headers


def _header(lines: list[str]) -> tuple[str, str]:
    name, value = lines[0].split(":", 1)
    value = value.lstrip(" \t") + "".join(lines[1:])
    return name, value.rstrip("\r\n")


def _charset(params: str) -> str | None:
    for match in _PARAM.finditer(params):
        if match.group(1).lower() == "charset":
            return match.group(2).lower()
    return None


def _payload(body: bytes, encoding: str) -> bytes | None:
    if encoding == "quoted-printable":
        return quopri.decodestring(body)
    if encoding == "base64":
        # Strict base64 only; the stdlib parser's repairs of broken base64 are its own.
        joined = b"".join(body.splitlines())
        if len(joined) % 4:
            return None
        try:
            return base64.b64decode(joined, validate=True)
        except (binascii.Error, ValueError):
            return None
    if encoding in ("x-uuencode", "uuencode", "uue", "x-uue"):
        return None
    return body


def _plain(text: str) -> str:
    return _SIGNATURE.split(text.replace("\r\n", "\n"), maxsplit=1)[0]


def _body_text(message: email.message.Message) -> tuple[str, bool]:
    """The text of the first text/plain part that is not an attachment, else of the first
    text/html part (and True to say it is HTML)."""
    html = ""
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
        if disposition == "attachment":
            continue
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        text = decode(raw, _part_charset(part))
        if kind == "text/plain":
            return _plain(text), False
        html = html or text
    return html, bool(html)


def _part_charset(part: email.message.Message) -> str | None:
    try:
        return part.get_content_charset()
    except (LookupError, ValueError):
        return None
