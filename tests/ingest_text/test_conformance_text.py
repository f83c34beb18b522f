"""Every real text and JSON sample in ../shared/wire-samples is read through the app's own
reader: each file yields items (no quarantine), and the fields a careful reader checks are
right, file by file.

The samples are AGPL / Apache copies of real agency files; they are read in place, never
copied into this repository, and the tests skip when the folder is not there."""

from __future__ import annotations

from typing import Any

import pytest
from wiredesk_testdata import CONTROL, MOJIBAKE, wire_samples

from tui.ingest.reader import FileResult, read_file, walk
from tui.model import Item

FOLDERS = {"anpa-1312": "anpa1312", "iptc-7901": "iptc7901", "aap-zczc": "zczc",
           "email": "email", "plain-text": "plain", "ninjs": "ninjs",
           "ap-media-api-json": "apmedia", "dpa-digitalwires-json": "digitalwires"}


# file -> fields of its (only) item; "dateline" means the dateline's city, "paragraph0"
# the start of the first paragraph.
EXPECTED: dict[str, dict[str, Any]] = {
    "anpa-1312/anpa-1.tst": dict(
        source="AP", headline="For Argentine chemo patients, mirrors can hurt",
        byline="PAUL BYRNE and ALMUDENA CALATRAVA", slug="BC-LT--Argentina-Cancer Beauty",
        take_key="", priority="f", urgency=1, category="l", ednote="With AP Photos.",
        created="2013-11-13T15:09:00+00:00", dateline="BUENOS AIRES",
        paragraph0="BUENOS AIRES, Argentina (AP) — For cancer patients"),
    "anpa-1312/anpa-2.tst": dict(
        source="AP", headline="Prairies vanish in the US push for green energy",
        byline="CHET BROKAW and JACK GILLUM", slug="BC-US--Ethanol-Losing Grassland",
        take_key="1st Ld-Writethru", priority="r", urgency=4, signal=("update",),
        created="2013-11-13T07:45:00+00:00", dateline="ROSCOE"),
    "anpa-1312/anpa-3.tst": dict(
        source="AP", headline="Global Weather-Fahrenheit", priority="u", urgency=3,
        slug="BC-WEA--Global Weather-Fahrenheit", dateline="NEW YORK"),
    "anpa-1312/anpa-4.tst": dict(
        source="AP", headline="AP Top Entertainment News at 11:23 p.m. EST",
        slug="AP-Top-Entertainment-Headlines", category="e",
        paragraph0="Ex-bodyguard testifies about lewd messages sent to Paltrow"),
    "anpa-1312/ap_anpa-1.tst": dict(
        source="AP", headline="Deng has 30 points, short-handed Heat beat Hawks 115-111",
        byline="CHARLES ODUM", slug="BC-BKN--Heat-Hawks", take_key="1st Ld-Writethru",
        signal=("update",), dateline="ATLANTA", created="2016-02-20T03:37:00+00:00"),
    "anpa-1312/ap_anpa-2.tst": dict(
        source="AP", headline="Baseball Expanded Standings", byline="The Associated Press",
        slug="BC-BBO--Baseball Expanded Glance"),
    "anpa-1312/ap_anpa-3.tst": dict(
        source="AP", headline="$210 lobster is found dead", slug="BC-US--Giant Lobster Death",
        take_key="1st Ld-Writethru", signal=("update",), dateline="CHATHAM",
        ednote="APNewsNow. Changes short headline. New approach.",
        created="2016-08-29T16:26:00+00:00", paragraph0="CHATHAM, Mass. (AP) — A lobster died."),
    "anpa-1312/ap_anpa-4.tst": dict(
        source="AP", headline="AP Exclusive: China lawyer's family says US helped them flee",
        byline="GERRY SHIH", slug="BC-AS--China-Daring Escape-ABRIDGED",
        take_key="3rd Ld-Writethru", signal=("update",), dateline="BEIJING"),
    "anpa-1312/ap_anpa-5.tst": dict(
        source="AP", priority="b", urgency=2, slug="BC-US--APNewsAlert", dateline="HONOLULU",
        headline="Hawaii files court challenge to Trump administration's definition of close "
                 "U.S. relationship needed to avoid travel ban."),
    "anpa-1312/ap_anpa-6.tst": dict(
        source="AP", headline="Wild Card Glance", byline="The Associated Press", category="s",
        created="2019-08-18T20:17:00+00:00"),
    "anpa-1312/ap_anpa-7.tst": dict(
        source="AP", headline="10 Things to Know for Today", byline="The Associated Press",
        slug="BC-10 Things to Know-Today"),
    "anpa-1312/kyodo.txt": dict(
        source="Kyodo", headline="Soccer: Urawa Reds claim 7th Emperor's Cup by beating "
                                 "Vegalta Sendai",
        slug="BC-Soccer-Emperor's-Cup", priority="u", urgency=3, category="s",
        dateline="SAITAMA", created="2018-12-09T21:37:00"),
    "iptc-7901/IPTC7901.txt": dict(
        source="dpa", headline="Germany Social Democrats: Coalition talks with Merkel could fail",
        slug="Germany-politics", priority="4", urgency=4, category="i", dateline="Berlin",
        created="2013-11-13T11:37:00+00:00"),
    "iptc-7901/IPTC7901_odd_charset.txt": dict(
        source="dpa", headline="German football saddened by illness to striker legend Mueller",
        byline="Manuel Schwarz, dpa", take_key="1ST LEAD", signal=("update",),
        ednote="adds comments by Germany coach Loew, byline", dateline="Munich",
        created="2015-10-07T13:41:00+00:00", contains="Thomas Müller"),
    "iptc-7901/ats.txt": dict(
        source="ATS", headline="France: Gilets jaunes: une «catastrophe pour notre économie» "
                               "(Le Maire)",
        take_key="Situation", category="ec", dateline="Paris", created="2018-12-09T12:23:00"),
    "iptc-7901/dpa.txt": dict(
        source="dpa", headline="Top EU court: Britain can unilaterally reverse Brexit decision",
        byline="Helen Maguire, dpa", take_key="2ND LEAD 3RD NET", signal=("update",),
        slug="politics/Britain/EU/Brexit/justice", created="2018-12-10T11:37:00+00:00",
        dateline="Luxembourg"),
    "iptc-7901/dpa_copyright.txt": dict(
        source="dpa", headline="Impressum", take_key="(Achtung)", category="rs"),
    "iptc-7901/dpa_four_line.txt": dict(
        source="dpa", headline="Switzerland joins list of countries resisting UN migration pact",
        take_key="REFILE 1ST LEAD", byline="dpa correspondents", signal=("repeat", "update"),
        ednote="adds head of UNGA in grafs 7-11", dateline="Geneva"),
    "iptc-7901/dpa_two_by_line.txt": dict(
        source="dpa", byline="Tom Krasovic, The San Diego Union-Tribune",
        headline="Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
        slug="American Football/NFL", dateline="San Diego"),
    "iptc-7901/dpa_two_line.txt": dict(
        source="dpa", take_key="EXTRA", dateline="Washington",
        headline="Peace talks on Yemen to take place in Sweden next month, Mattis says"),
    "aap-zczc/1487e8f1-f7f5-40f5-8c0f-0eba3c2e162d.tst": dict(
        source="AAP", headline="Legionella found in Qld hospital", slug="Legionella_BC1",
        category="A", dateline="BRISBANE", subjects=("07000000",)),
    "aap-zczc/612fa1dc-c476-425d-8c80-d40bdc9cc1d5.tst": dict(
        source="AAP", headline="GPS device to come off Vic teen", dateline="MELBOURNE"),
    "aap-zczc/AAP201606060716291.tst": dict(
        id="26945219", source="News Bites", headline="UGL continues project delay negotiation",
        created="2016-06-06T14:00:00", contains="UGL’s construction"),
    "aap-zczc/ED_841066_2_1.tst": dict(
        source="AAP", headline="Media release: Personal insolvencies rise 0.6% in the "
                               "September quarter"),
    "aap-zczc/Standings__2014_14_635535729050675896.tst": dict(
        source="AAP", headline="MOTOR: Collated results/standings after Sydney NRMA 500",
        slug="Motor V8", take_key="Sydney NRMA 500", dateline="SYDNEY"),
    "aap-zczc/bob_am_headlines.tst": dict(
        source="AAP", headline="Sydney headlines round-up Nov 06, 1200",
        slug="AM Sydney headlines"),
    "email/charset_in_subject_email.txt": dict(
        headline="Google Apps News March 2015", byline="a sender",
        id="CAHU3GgVHd6C_RSMQXvOhr6V-Ya0LwdBkqpbZ_qUwGF8JvhrQVg@mail.gmail.com",
        created="2015-02-19T17:18:40+11:00", paragraph0="body text"),
    "email/composite_email.txt": dict(
        headline="single image test", paragraph0="this is a test of a single image"),
    "email/email_attachment_belga.txt": dict(
        headline="test", byline="Thanh Nguyen", created="2019-07-05T10:08:08+00:00"),
    "email/odd_charset_email.txt": dict(
        headline="TravTalk’s Special for TAAI convention", byline="Ben Everill", source="AAP",
        dateline="LOS ANGELES", created="2015-03-10T14:17:01-07:00",
        contains="Innisbrook Resort’s Cooperhead course"),
    "email/simple_email.txt": dict(headline="Test message 1234", paragraph0="body text"),
    "plain-text/asianet_1.tst": dict(
        id="PR67276", headline="Digital Turbine Partners with Axiata Digital On Carrier "
                               "Billing Platform Integration", dateline="AUSTIN"),
    "plain-text/asianet_2.tst": dict(id="PR67254", dateline="LONDON", contains="£1million"),
    "plain-text/ticker_sample.txt": dict(headline="TRUMP PLANS TO INVITE PUTIN TO WASHINGTON"),
    "ninjs/ninjs3.json": dict(
        id="20170825001315282180", source="AAP", headline="German Air Force Museum",
        version="3", urgency=3, priority="6", language="en",
        versioned="2017-08-25T04:41:35+00:00"),
    "ninjs/ninjs4.json": dict(
        headline="China behauptet, einen Polizeihund geklont zu haben", byline="futurezone/KN",
        language="de", urgency=5),
    "ninjs/ninjsExSimpleText1.json": dict(
        id="http://ninjs.example.com/newsitems/20130709simp123", source="AP",
        headline="Captain of wrecked cruise ship on trial in Italy", dateline="GROSSETO",
        byline="Paulo Santalucia and Frances d'Emilio"),
    "ninjs/ntbttninjs.json": dict(
        source="TT", headline="Krisen allt djupare – Mellberg sämst någonsin",
        byline="Martin Hardenberger/TT", urgency=4, language="sv",
        refers_to=("http://tt.se/media/text/200702-allsvhelsingborg-1259429",)),
    "ap-media-api-json/ap-sports.json": dict(
        id="fb2f977662129b47b4c2bc1dcf18dadf", source="AP", urgency=4, priority="r",
        headline="Houston event off as men’s tennis tour makes schedule tweaks",
        slug="AP-TEN--Virus Outbreak-ATP Schedule Changes", dateline="London", version="0"),
    "ap-media-api-json/ap-text.json": dict(
        headline="Review: Documentary about electric racing holds little spark",
        byline="MARK KENNEDY", version="3", category="e",
        paragraph0="For proof that Leonardo DiCaprio can't save every film he touches"),
    "ap-media-api-json/ap_media_feed.json": dict(
        headline="AC2: An Intimate Evening with Anderson Cooper and Andy Cohen",
        captions=("Caption description",)),
    "ap-media-api-json/ap_media_item.json": dict(byline="John Doe", priority="d", urgency=5),
    "ap-media-api-json/ap_media_text_feed.json": dict(headline="BC-BBN--Top Ten"),
    "ap-media-api-json/ap_media_text_item.json": dict(slug="BC-BBN--Top Ten", category="s"),
    "ap-media-api-json/politics.json": dict(
        headline="Biden taps Rice as domestic policy adviser, McDonough for VA",
        byline="JULIE PACE and ZEKE MILLER", slug="AP-US--Biden-Staff",
        take_key="3rd Ld-Writethru", signal=("update",), version="3", dateline="Washington"),
    "dpa-digitalwires-json/dw-1.json": dict(
        id="urn:newsml:dpa.com:20090101:240923-930-240378", version="2", source="dpa",
        headline="«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz",
        byline="Marco Krefting und Sunrita Sen, dpa", slug="Frauenrechte", urgency=3,
        signal=("correction",), dateline="Waghäusel", language="de"),
    "dpa-digitalwires-json/eil.json": dict(
        headline="Grünen-Spitze tritt nach Wahlniederlagen ab", urgency=2, dateline="Berlin"),
    "dpa-digitalwires-json/embargoed.json": dict(
        embargo="2025-01-23T19:00:00+01:00", signal=("hold",), slug="Ausstellung",
        headline="Steinmeier: Russland zerstört kulturelles Erbe der Ukraine"),
    "dpa-digitalwires-json/with_dateline.json": dict(
        signal=("update",), version="2", dateline="New York", byline="Andrej Sokolow, dpa",
        versioned="2025-01-28T09:18:34+01:00",
        paragraph0="New York (dpa) - Ein Chatbot aus China schockt die Wall Street"),
}


def _read(relative: str) -> FileResult:
    return read_file(wire_samples() / relative)


def test_every_file_is_accounted_for() -> None:
    root = wire_samples()
    on_disk = {str(p.relative_to(root)) for f in FOLDERS for p in walk([root / f])}
    assert on_disk == set(EXPECTED), "a sample file has no expectations, or one went missing"


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_sample(relative: str) -> None:
    result = _read(relative)
    assert result.problems == []
    [item] = result.items
    assert item.format == FOLDERS[relative.split("/")[0]]
    assert item.id and item.headline
    for name, value in EXPECTED[relative].items():
        if name == "dateline":
            assert item.dateline.city == value
        elif name == "paragraph0":
            assert item.paragraphs[0].startswith(value)
        elif name == "contains":
            assert value in item.body
        else:
            assert getattr(item, name) == value, name
    _clean(item)


def _clean(item: Item) -> None:
    for name, value in item.to_json().items():
        values = value if isinstance(value, list) else [value]
        for text in values:
            if isinstance(text, str):
                assert not CONTROL.search(text.replace("\n", "")), (name, text[:80])
                assert not MOJIBAKE.search(text), (name, text[:80])
    assert "<p>" not in item.body and "&amp;" not in item.body
    assert item.word_count == len(item.body.split())


def test_ap_writethrus_carry_take_keys_and_update() -> None:
    for relative, fields in EXPECTED.items():
        if "Ld-Writethru" in fields.get("take_key", ""):
            [item] = _read(relative).items
            assert item.take_key.endswith("Ld-Writethru")
            assert "update" in item.signal


def test_whole_folders_through_the_reader() -> None:
    root = wire_samples()
    for folder in FOLDERS:
        results = [read_file(p) for p in walk([root / folder])]
        assert results
        assert all(r.items and not r.problems for r in results), folder
