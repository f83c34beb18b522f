"""Every real XML sample in ../shared/wire-samples is read through the app's own reader:
each file yields items or says why not, and the fields a careful reader checks are right.

The samples are AGPL/CC-BY copies of real agency files; they are read in place, never
copied into this repository, and the tests skip when the folder is not there."""

from __future__ import annotations

import re
from typing import Any

import pytest
from wiredesk_testdata import CONTROL, MOJIBAKE, WIRE_SAMPLES, wire_samples

from tui.ingest.reader import FileResult, read_file, walk
from tui.model import Item

FOLDERS = ("nitf", "newsml-g2", "newsml-1.2", "rss-atom", "agency-xml-other")


_cache: dict[str, FileResult] = {}


def result(relative: str) -> FileResult:
    if relative not in _cache:
        _cache[relative] = read_file(wire_samples() / relative)
    return _cache[relative]


def first(relative: str) -> Item:
    found = result(relative)
    assert found.items, f"{relative}: {found.problems}"
    return found.items[0]


def sample_files() -> list[str]:
    if not WIRE_SAMPLES.is_dir():
        return []
    return [str(p.relative_to(WIRE_SAMPLES)) for folder in FOLDERS
            for p in walk([WIRE_SAMPLES / folder])]


# (items, quarantines) per file where it is not simply one item.
COUNTS = {
    "newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml": (0, 5),
    "newsml-g2/LISTING_29_Hop_History.xml": (0, 1),
    "newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml": (0, 1),
    "newsml-g2/scoop.xml": (1, 1),
    "newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10": (0, 1),
    "newsml-g2/ap.xml": (3, 0),
    "newsml-g2/ntb_newsml_g2.xml": (3, 0),
    "newsml-1.2/belga_newsml_1_2.xml": (2, 0),
    "rss-atom/encoding.rss": (40, 0),
    "rss-atom/guardian.rss": (55, 0),
    "rss-atom/heise.atom": (15, 0),
    "rss-atom/rss-1.rss": (69, 0),
    "rss-atom/uolNoticias.rss": (15, 0),
    "rss-atom/wenn.xml": (2, 0),
    "agency-xml-other/ritzau_feed.xml": (2, 0),
}


@pytest.mark.parametrize("relative", sample_files() or ["(no samples)"])
def test_every_file_is_accounted_for(relative: str) -> None:
    found = result(relative)
    assert found.items or found.problems, f"{relative} yielded nothing and said nothing"
    assert (len(found.items), len(found.problems)) == COUNTS.get(relative, (1, 0))
    for problem in found.problems:
        assert "internal error" not in problem.reason
        assert re.search(r"package|no story text|neither headline nor text", problem.reason)
    for item in found.items:
        assert item.id and item.format and item.headline
        assert item.source, f"{relative}: no source"
        for text in (item.headline, item.deck, item.byline, item.slug, item.ednote):
            assert "\n" not in text and not CONTROL.search(text)
        assert not CONTROL.search(item.body)
        assert not MOJIBAKE.search(item.headline + item.body), f"{relative}: mojibake"
        assert "<p>" not in item.body and "&amp;" not in item.body
        assert item.urgency is None or 1 <= item.urgency <= 9


def test_quarantined_packages_say_what_they_link() -> None:
    [problem] = result("newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml").problems
    assert problem.reason == "NewsML-G2 package item: links 2 items but carries no story text"
    [package] = result("newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10").problems
    assert package.path.endswith("#1") and "links 5 items" in package.reason


def test_reuters_versions_of_one_story_share_their_guid() -> None:
    stem = "newsml-g2/tag_reuters.com_2016_newsml_L1N14N0FF_version_"
    first_version, withdrawal = first(stem + "978556838"), first(stem + "1542761538")
    assert first_version.id == withdrawal.id == "tag:reuters.com,0000:newsml_L1N14N0FF"
    assert (first_version.version, withdrawal.version) == ("978556838", "1542761538")
    assert first_version.pubstatus == "usable" and "correction" in first_version.signal
    assert withdrawal.pubstatus == "canceled" and "kill" in withdrawal.signal
    assert withdrawal.versioned > first_version.versioned


EXPECTED: dict[str, dict[str, Any]] = {
    "nitf/aap.xml": dict(id="AAP.115314987.5417374", source="AAP", urgency=5,
                         slug="Monitor 1900 ABC News", byline="John Doe", word_count=349,
                         created="2013-10-20T19:27:51+11:00", category="a"),
    "nitf/aap-finance.xml": dict(source="AFP", slug="Samsung", word_count=399,
                                 headline="ASIA:Samsung sells defence, petrochemical units"),
    "nitf/aap-sports.xml": dict(take_key="(SYDNEY)", slug="RL Roosters", source="AAP"),
    "nitf/ap-nitf.xml": dict(source="AP", byline="BERNARD CONDON, AP Business Writer",
                             ednote="For global distribution", dateline_city="NEW YORK"),
    "nitf/ansa_belga.xml": dict(id="XAM22192010243_AMZ_X083", source="ANSA",
                                headline=">>>ANSA/Gazprom cuts Italy gas supplies by a third",
                                dateline_city="ROME", language="it"),
    "nitf/efe_nitf.xml": dict(source="EFE", deck="HONDURAS GOVERNMENT", urgency=5,
                              keywords=("HONDURAS GOVERNMENT",),
                              dateline_date="2017-01-02T22:28:00+00:00"),
    "nitf/handle_invalid_fields.xml": dict(
        source="Canadian Press", urgency=2, embargo="", keywords=("National", "Justice",
                                                                  "Politics"),
        byline="Mia Rabson and Jordan Press, The Canadian Press", dateline_city="Ottawa",
        dateline_country="Canada"),
    "nitf/nitf-fishing.xml": dict(pubstatus="canceled", embargo="2002-02-26T09:30:00-05:00",
                                  version="1", slug="ongoing-winter-tide-updates",
                                  refers_to=("iptc.321656141.a",), urgency=3,
                                  byline="Alan Karben, NITF Network News Online"),
    "nitf/nitf-ntb.xml": dict(source="NTB", version="48", slug="faktisk-faktasjekk",
                              language="nb-NO", dateline_text="Oslo"),
    "nitf/nitf_test.xml": dict(source="Ritzau", urgency=3, version="4", slug="NU-FLASH-K"),
    "nitf/pa1.xml": dict(source="PA", urgency=4, headline="PA SPORT TRIVIA (OCTOBER 14)"),
    "nitf/pa2.xml": dict(source="PA", id="T201510140143580001T"),
    "nitf/pa3.xml": dict(source="PA", pubstatus="withheld", embargo="2016-09-09T00:01:00+01:00",
                         byline="Benjamin Wright, Press Association"),
    "nitf/pa5.xml": dict(headline="HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY",
                         byline="Sam Lister, Press Association Political Correspondent"),
    "newsml-g2/ansa-newsmlg2-text.xml": dict(
        source="ANSA", urgency=5, deck="Foreign minister expresses faith in Spanish government",
        dateline_city="Rome", language="it", version="1"),
    "newsml-g2/ap.xml": dict(slug="BC-US--Earns-Nutrisystem, 1st Ld-Writethru", urgency=4,
                             ednote="Eds: Adds full-year results.", word_count=233,
                             dateline_text="FORT WASHINGTON, Pa.", version="2"),
    "newsml-g2/dpa.xml": dict(source="dpa", urgency=4, language="de", dateline_city="London",
                              headline="Eintracht in London: Hintereggers Tränen und Attacke "
                                       "auf Reporter"),
    "newsml-g2/dpa_newsml_2_0_1_belga.xml": dict(source="dpa", version="6", urgency=3),
    "newsml-g2/fr.xml": dict(source="GlobeNewswire", language="fr-FR"),
    "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml": dict(
        embargo="2018-10-23T12:00:00+00:00", version="11", slug="US-Finance-Fed",
        dateline_city="Berlin", dateline_country="Germany"),
    "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml": dict(
        byline="Meredith Jameson, Staff Reporter", slug="US-Finance-Fed"),
    "newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml": dict(
        slug="AAV!PREVIEW-ARI-PHI", byline="Sports Network", dateline_city="Philadelphia"),
    "newsml-g2/reuters_no_byline.xml": dict(source="Reuters", byline="",
                                            slug="GLOBAL-MARKETS/ (WRAPUP 1)"),
    "newsml-g2/reuters_with_byline.xml": dict(source="Reuters", byline="Dave McNary"),
    "newsml-g2/scoop.xml": dict(id="BD-20160112123540", byline="Staff Reporter, BusinessDesk",
                                version="3"),
    "newsml-g2/stt_newsml_test.xml": dict(source="STT", version="4",
                                          ednote="complemented throughout"),
    "newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NN_version_5": dict(
        byline="Marwan Makdisi", refers_to=("tag_reuters.com_2014_newsml_L6N0PR263",),
        version="5", urgency=4),
    "newsml-g2/tt_newsml_test.xml": dict(source="TT", slug="eu-polenUV4", language="sv",
                                         refers_to=("urn:newsml:tt.se:20171220:TT:585152:0",)),
    "newsml-1.2/afp.xml": dict(id="urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1",
                               source="AFP", slug="Sweden-SAAB", urgency=4, word_count=224,
                               dateline_text="STOCKHOLM, Aug 29, 2014 (AFP)", version="1"),
    "newsml-1.2/afp20.xml": dict(slug="procès-santé-secours",
                                 headline="Décès de Naomi Musenga: l'opératrice du Samu "
                                          "définitivement condamnée"),
    "newsml-1.2/ana1.xml": dict(source="ANA", word_count=115, urgency=5),
    "newsml-1.2/anp_belga.xml": dict(source="ANP", version="2", urgency=3,
                                     refers_to=("urn:newsml:anp.nl:20181210:ANPX-101218-041:1",)),
    "newsml-1.2/ats_newsml_1_2_belga.xml": dict(source="ATS", slug="Animaux", language="fr"),
    "newsml-1.2/efe_belga.xml": dict(source="EFE", urgency=5, deck="INDIA SUCESOS"),
    "newsml-1.2/kyodo_newsml_1_2_belga.xml": dict(source="Kyodo", slug="Obit-Li Peng",
                                                  dateline_text="BEIJING, July 23"),
    "newsml-1.2/tass_belga.xml": dict(source="TASS", urgency=2,
                                      id="16AAC34CE1C503AE4325838900396A95"),
    "newsml-1.2/20210130005024r1.xml": dict(source="Business Wire",
                                            slug="CT-INTERACTIVE-BROKERS",
                                            dateline_text="GREENWICH, Conn."),
    "newsml-1.2/superdesk-ntb/afp.xml": dict(
        ednote="UPDATES with Germany, US, UAE cases", signal=("update",)),
    "rss-atom/guardian.rss": dict(source="The Guardian", byline="David Smith in Washington",
                                  created="2018-01-31T07:26:05+00:00"),
    "rss-atom/uolNoticias.rss": dict(
        source="UOL Noticias", created="2018-09-24T19:42:40-03:00",
        headline="Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"),
    "rss-atom/encoding.rss": dict(headline="Mãe de utente é a nova presidente da Raríssimas",
                                  language="pt-pt"),
    "rss-atom/heise.atom": dict(id="http://heise.de/-3088438", byline="heise online"),
    "rss-atom/rss-1.rss": dict(headline="Food for fungi", byline="Hines, P. J."),
    "rss-atom/wenn.xml": dict(slug="(KL&TD/WNWCZM/RL)", language="en-gb"),
    "agency-xml-other/0c828d30-d250-4aec-9739-b04961eb36fc.xml": dict(
        source="AP", slug="US-America-Protests-Buffalo-Police", word_count=108,
        dateline_city="Buffalo"),
    "agency-xml-other/ritzau_news.xml": dict(source="Ritzau", slug="NU/FLASH-U",
                                             byline="Peder Top Poulsen", dateline_city="Haag"),
    "agency-xml-other/ritzau_feed.xml": dict(
        deck="UK Space Agency Backs Spire's Proposal to European Space Agency as Space "
             "Mission Provider"),
    "agency-xml-other/solita_1.xml": dict(id="17854111", byline="Nye Veier",
                                          created="2018-09-28T11:15:00", language="no"),
}


@pytest.mark.parametrize("relative", list(EXPECTED))
def test_fields_a_careful_reader_expects(relative: str) -> None:
    item = first(relative)
    for name, expected in EXPECTED[relative].items():
        if name.startswith("dateline_"):
            actual = getattr(item.dateline, name.removeprefix("dateline_"))
        else:
            actual = getattr(item, name)
        assert actual == expected, f"{relative}: {name}"


def test_tables_are_tab_separated_lines() -> None:
    item = first("nitf/ap-table-nitf.xml")
    assert "Brantley Hou\t64\t263\t89\t42\t.338" in item.body.split("\n")


def test_double_escaped_and_mislabelled_text_reads_cleanly() -> None:
    spire = first("agency-xml-other/ritzau_feed.xml")
    assert "more than £4 million" in spire.body and "'parallel super-computing'" in spire.body
    assert "\\'" not in first("newsml-g2/reuters_no_byline.xml").body
