"""A generated day of wire in every format, for the ingest benchmark.

The copy is random but shaped like the real thing: 3-12 paragraphs, datelines, bylines,
slugs and the framing each format uses (control characters, XML namespaces, MIME).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from xml.sax.saxutils import escape

_WORDS = (
    "government minister said officials police city people year president week "
    "report told country security forces election vote parliament court market shares "
    "company percent million billion rose fell talks agreement attack killed injured "
    "storm rain flood fire hospital health study researchers found team match season "
    "coach players win league final club injury record prices oil energy gas bank rates "
    "inflation economy growth trade tariffs border migrants aid camp refugees ceasefire"
).split()
_CITIES = ("LONDON", "PARIS", "BERLIN", "MADRID", "ROME", "WASHINGTON", "BEIRUT", "TOKYO",
           "SYDNEY", "OTTAWA", "NAIROBI", "CAIRO", "MOSCOW", "KYIV", "DELHI", "BRASILIA")
_AGENCIES = ("AP", "Reuters", "AFP", "dpa", "PA", "AAP", "Canadian Press")
_START = datetime(2026, 11, 24, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Story:
    n: int
    agency: str
    city: str
    headline: str
    byline: str
    paragraphs: tuple[str, ...]
    when: datetime
    urgency: int

    @property
    def slug(self) -> str:
        return "-".join(self.headline.split()[:3]).lower()


def stories(count: int, seed: int = 7) -> Iterator[Story]:
    rng = random.Random(seed)
    for n in range(count):
        paragraphs = tuple(_sentence(rng, rng.randint(18, 40)) for _ in range(rng.randint(3, 12)))
        yield Story(
            n=n, agency=rng.choice(_AGENCIES), city=rng.choice(_CITIES),
            headline=_sentence(rng, rng.randint(6, 11)).rstrip(".").capitalize(),
            byline=f"{rng.choice(('Ana', 'Ben', 'Chloe', 'Dev'))} "
                   f"{rng.choice(('Smith', 'Okafor', 'Martin', 'Raman'))}",
            paragraphs=paragraphs,
            when=_START + timedelta(seconds=n * 0.8),
            urgency=rng.choice((1, 2, 3, 4, 4, 5, 5, 5, 5, 6)),
        )


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.5:
        chosen.insert(rng.randrange(len(chosen)), f"{rng.randint(2, 9999):,}")
    return " ".join(chosen).capitalize() + "."


def _stamp(s: Story) -> str:
    return s.when.strftime("%Y%m%dT%H%M%SZ")


def _iso(s: Story) -> str:
    return s.when.isoformat()


def nitf(s: Story) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>{escape(s.headline)}'
            f'</title><docdata><doc-id id-string="bench-nitf-{s.n}"/><urgency ed-urg='
            f'"{s.urgency}"/><date.issue norm="{_stamp(s)}"/><du-key version="1" key='
            f'"{s.slug}"/><doc.copyright holder="{s.agency}"/></docdata></head><body>'
            f"<body.head><hedline><hl1>{escape(s.headline)}</hl1></hedline><byline>By "
            f"{s.byline}</byline><dateline><location><city>{s.city}</city></location>"
            f"</dateline></body.head><body.content>{body}</body.content></body></nitf>"
            ).encode()


def newsml_g2(s: Story) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/'
            f'nar/2006-10-01/" guid="urn:bench:g2:{s.n}" version="1" standard="NewsML-G2" '
            f'standardversion="2.29" xml:lang="en"><itemMeta><itemClass qcode="ninat:text"/>'
            f'<provider literal="{s.agency}"/><versionCreated>{_iso(s)}</versionCreated>'
            f'<pubStatus qcode="stat:usable"/></itemMeta><contentMeta><urgency>{s.urgency}'
            f"</urgency><slugline>{s.slug}</slugline><headline>{escape(s.headline)}</headline>"
            f"<by>{s.byline}</by><dateline>{s.city}</dateline></contentMeta><contentSet>"
            f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/'
            f'1999/xhtml"><head><title/></head><body>{body}</body></html></inlineXML>'
            f"</contentSet></newsItem>").encode()


def newsml_1(s: Story) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><NewsML><NewsEnvelope><DateAndTime>'
            f"{_stamp(s)}</DateAndTime></NewsEnvelope><NewsItem><Identification>"
            f"<NewsIdentifier><ProviderId>{s.agency}</ProviderId><DateId>20261124</DateId>"
            f"<NewsItemId>{s.n}</NewsItemId><RevisionId PreviousRevision=\"0\" Update=\"N\">1"
            f"</RevisionId><PublicIdentifier>urn:newsml:bench:{s.n}</PublicIdentifier>"
            f"</NewsIdentifier></Identification><NewsManagement><NewsItemType FormalName="
            f'"News"/><FirstCreated>{_stamp(s)}</FirstCreated><ThisRevisionCreated>'
            f'{_stamp(s)}</ThisRevisionCreated><Status FormalName="Usable"/><Urgency '
            f'FormalName="{s.urgency}"/></NewsManagement><NewsComponent><NewsLines><HeadLine>'
            f"{escape(s.headline)}</HeadLine><ByLine>{s.byline}</ByLine><DateLine>{s.city}"
            f"</DateLine></NewsLines><ContentItem><MediaType FormalName=\"Text\"/><DataContent>"
            f"{body}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>").encode()


def rss(s: Story) -> bytes:
    body = escape("".join(f"<p>{p}</p>" for p in s.paragraphs))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>'
            f"{s.agency}</title><link>https://example.org/</link><description>wire"
            f"</description><item><title>{escape(s.headline)}</title><guid>https://example.org/"
            f"{s.n}</guid><pubDate>{s.when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description>{body}</description></item></channel></rss>").encode()


def atom(s: Story) -> bytes:
    body = escape("".join(f"<p>{p}</p>" for p in s.paragraphs))
    return (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{s.agency}</title><id>urn:bench:feed</id><updated>{_iso(s)}</updated>"
            f"<entry><title>{escape(s.headline)}</title><id>urn:bench:atom:{s.n}</id><updated>"
            f'{_iso(s)}</updated><author><name>{s.byline}</name></author><content type="html">'
            f"{body}</content></entry></feed>").encode()


def ninjs(s: Story) -> bytes:
    return json.dumps({
        "uri": f"urn:bench:ninjs:{s.n}", "type": "text", "version": "1",
        "versioncreated": _iso(s), "urgency": s.urgency, "language": "en",
        "headlines": [{"value": s.headline}], "bylines": [{"byline": s.byline}],
        "slugline": s.slug, "located": s.city, "copyrightholder": s.agency,
        "body_text": "\n\n".join(s.paragraphs),
    }).encode()


def ap_media(s: Story) -> bytes:
    return json.dumps({"api_version": "2", "data": {"item": {
        "uri": f"https://api.ap.org/media/v/content/{s.n}", "altids": {"itemid": f"ap{s.n}"},
        "version": 0, "type": "text", "urgency": s.urgency, "language": "en",
        "versioncreated": _iso(s), "firstcreated": _iso(s), "pubstatus": "usable",
        "headline": s.headline, "slugline": s.slug, "bylines": [{"by": f"By {s.byline}"}],
        "datelinelocation": {"city": s.city}, "copyrightnotice": "Copyright 2026 AP",
        "description_summary": s.paragraphs[0],
        "body_nitf": "<nitf><body><body.content>" + "".join(
            f"<p>{escape(p)}</p>" for p in s.paragraphs) + "</body.content></body></nitf>",
    }}}).encode()


def dpa_wires(s: Story) -> bytes:
    return json.dumps({
        "format": "digitalwires@0.9.1", "type": "text", "entry_id": f"bench{s.n}",
        "urn": f"urn:newsml:dpa.com:20261124:{s.n}", "version": 1, "pubstatus": "usable",
        "version_created": _iso(s), "language": "en", "urgency": s.urgency,
        "headline": s.headline, "byline": f"By {s.byline}, dpa", "dateline": f"{s.city} (dpa) - ",
        "article_html": "<section class=\"main\">" + "".join(
            f"<p>{escape(p)}</p>" for p in s.paragraphs) + "</section>",
    }).encode()


def anpa(s: Story) -> bytes:
    body = "\r\n".join(f"\t   {p}" for p in s.paragraphs)
    priority = {1: "f", 2: "b", 3: "u"}.get(s.urgency, "r")
    words = sum(len(p.split()) for p in s.paragraphs)
    return (f"\x16\x16\x01A{s.n % 10000:04d}\x1fglbsm\r\n{priority} a\x13\x11 BC-{s.slug} "
            f"11-24 {words:04d}\r\n\x02^BC-{s.slug},{words}<\r\n^{s.headline}<\r\n"
            f"{s.city} (AP) _ {body}\r\n\r\n\x03AP-WF-11-24-26 {s.when:%H%M}GMT<\r\n\x04"
            ).encode("latin-1", "replace")


def iptc7901(s: Story) -> bytes:
    body = "\r\n".join(f"   {p}" for p in s.paragraphs)
    words = sum(len(p.split()) for p in s.paragraphs)
    return (f"\x01eca{s.n % 1000:03d} {min(s.urgency, 6)} i {words} ccccb   dpa "
            f"{s.n % 1000:03d}\r\n\r\n{s.slug}/\r\n\x02{s.headline} =\r\n\r\n"
            f"   {s.city} (dpa) - {body}\r\ndpa xx yy\r\n{s.when:%d%H%M} Nov 26\r\n"
            "\x03\x04" + "\x7f" * 8).encode("cp1252", "replace")


def zczc(s: Story) -> bytes:
    body = "\n\n   ".join(s.paragraphs)
    return (f"ZCZC AAP\r\n%A\r\n#{s.slug}_BC{s.n % 10}\r\n${s.headline}\r\n:({s.city})\r\n"
            f"&AAPIS\\{s.byline.split()[-1]}\r\n*07000000\r\n@GEN\r\n{body}\r\n\r\n"
            f"AAP RTV\r\nNNNN\r\n").encode("cp1252", "replace")


def email(s: Story) -> bytes:
    message = EmailMessage()
    message["From"] = f"{s.byline} <desk@{s.agency.lower().replace(' ', '')}.example>"
    message["To"] = "wire@example.org"
    message["Subject"] = s.headline
    message["Date"] = s.when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    message["Message-ID"] = f"<bench{s.n}@example.org>"
    message.set_content("\n\n".join(s.paragraphs))
    return bytes(message)


def presstext(s: Story) -> bytes:
    body = "\n\n".join(s.paragraphs)
    return (f"{s.agency} Daily (National Edition)\n\n{s.headline.upper()}\n\n"
            f"- {s.byline.lower()}\n\n{body}\n\nNewspapers in English\n\n"
            f"Newspapers from Canada").encode()


def plain(s: Story) -> bytes:
    body = "\n\n".join(s.paragraphs)
    return (f"{s.headline}\n\nBy {s.byline} ({s.agency})\n\n{s.city} ({s.agency}) - {body}\n"
            ).encode()


def jsonl_line(s: Story) -> bytes:
    return json.dumps({"id": f"bench-jsonl-{s.n}", "headline": s.headline, "source": s.agency,
                       "versioned": _iso(s), "body": "\n\n".join(s.paragraphs)}).encode()


WRITERS: dict[str, Callable[[Story], bytes]] = {
    "nitf": nitf, "newsml-g2": newsml_g2, "newsml-1.2": newsml_1, "rss": rss, "atom": atom,
    "ninjs": ninjs, "ap-media-json": ap_media, "dpa-digitalwires": dpa_wires,
    "anpa-1312": anpa, "iptc-7901": iptc7901, "aap-zczc": zczc, "email": email,
    "presstext": presstext, "plain": plain, "jsonl": jsonl_line,
}
