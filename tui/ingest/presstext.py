"""Newspaper stories exported as plain text by a press reader (PressReader style).

The shape: a publication line, the headline and deck in capitals, a byline such as
`- Josie ensor and roland oliphant` (the export lower-cases all but the first letter),
the story paragraphs, then pull quotes in capitals, photo captions framed by `??`
(a bare `??  ??` is an image that was lost) repeated once without the frame, and the
reader's boilerplate (`Newspapers in English`, `Newspapers from Canada`).
"""

from __future__ import annotations

import re

from tui.ingest.errors import ParseError
from tui.ingest.signals import detect
from tui.model import Item, content_id, count_words
from tui.textsafe import clean_line

FORMAT = "presstext"

_BOILERPLATE = re.compile(r"^Newspapers (?:in|from) [A-Z][\w ]*$")
_BYLINE = re.compile(r"^[-–—]\s+(\S.*)$")
_CAPTION = re.compile(r"\?\?\s*(.*?)\s*\?\?\s*(.*)$")
# `\b[A-Z]` written as a look-behind after the capital, so that the search can skip
# ahead to capitals instead of trying every position.
_INITIALISM = re.compile(r"([A-Z])(?<!\w.)\.([a-z])\.")
_CAPS_POSSESSIVE = re.compile(r"\b([A-Z]{2,})([’'])S\b")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_NAME_PARTICLES = frozenset({"and", "de", "del", "der", "di", "du", "la", "le", "van", "von"})


def sniff(text: str) -> bool:
    blocks = _blocks(text[:4000])[:8]  # the head decides; the body is not split twice
    if any(_BYLINE.match(b) for b in blocks[1:]) and any(_is_caps(b) for b in blocks[:4]):
        return True
    tail = [b for b in _blocks(text[-400:])][-2:]
    return bool(tail) and all(_BOILERPLATE.match(b) for b in tail)


def parse(text: str, path: str, received: str) -> list[Item]:
    blocks = _blocks(text)
    if len(blocks) < 2:
        raise ParseError("press-reader export with no story after the publication line")
    publication = clean_line(blocks[0])
    rest = blocks[1:]
    caps: list[str] = []
    while rest and _is_caps(rest[0]):
        caps.append(clean_line(rest.pop(0)))
    byline = ""
    if rest and (match := _BYLINE.match(rest[0])):
        byline = fix_name_case(clean_line(match.group(1)))
        rest.pop(0)
    body: list[str] = []
    pull_quotes: list[str] = []
    captions: list[str] = []
    for block in rest:
        if _BOILERPLATE.match(block):
            continue
        if "??" in block:
            captions.extend(_captions(block))
        elif _is_caps(block):
            pull_quotes.append(clean_line(block))
        else:
            body.append(_fix_body_case(clean_line(block)))
    if not caps and not body:
        raise ParseError("press-reader export with neither headline nor story paragraphs")
    headline = caps[0] if caps else body[0]
    deck = " / ".join(caps[1:])
    text_body = "\n\n".join(body)
    return [
        Item(
            id=content_id(publication, headline, text_body),
            path=path,
            format=FORMAT,
            source=publication,
            received=received,
            headline=headline,
            deck=deck,
            byline=byline,
            body=text_body,
            captions=tuple(captions),
            pull_quotes=tuple(pull_quotes),
            word_count=count_words(text_body),
            signal=detect(headline, deck),
        )
    ]


def fix_name_case(byline: str) -> str:
    """`Josie ensor and roland oliphant` -> `Josie Ensor and Roland Oliphant`."""
    words = byline.split()
    fixed = []
    for index, word in enumerate(words):
        if index and word.lower() in _NAME_PARTICLES:
            fixed.append(word.lower())
        elif any(c.isupper() for c in word[1:]):
            fixed.append(word)  # McDonald, DeSantis: already cased by hand
        else:
            fixed.append(re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(),
                                word.lower()))
    return " ".join(fixed)


def _fix_body_case(paragraph: str) -> str:
    # The export lower-cases letters after the first of a word: U.s. -> U.S., ISIL’S -> ISIL’s.
    paragraph = _INITIALISM.sub(lambda m: f"{m.group(1)}.{m.group(2).upper()}.", paragraph)
    if "'S" not in paragraph and "’S" not in paragraph:
        return paragraph
    return _CAPS_POSSESSIVE.sub(lambda m: f"{m.group(1)}{m.group(2)}s", paragraph)


def _captions(block: str) -> list[str]:
    found: list[str] = []
    seen: set[str] = set()
    for raw in block.splitlines():
        line = clean_line(raw)
        match = _CAPTION.search(line)
        if match:
            credit, caption = match.group(1), match.group(2)
            if not (credit or caption):
                continue  # an image the export lost
            seen.add(clean_line(f"{credit} {caption}"))
            caption = _fix_body_case(caption)
            found.append(f"{caption} ({credit})" if credit and caption else caption or credit)
        elif line and line not in seen:
            found.append(line)
    return found


def _blocks(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [b.strip("\n") for b in blocks if b.strip()]


def _is_caps(block: str) -> bool:
    # counted at C level: this runs on every block of every text file
    if block.isascii():
        raw = block.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
    else:
        upper = sum(map(str.isupper, block))
        lower = sum(map(str.islower, block))
    return upper >= 3 and upper >= 0.9 * (upper + lower)
