"""The seed's format: a newspaper story exported as plain text by a press reader."""

from __future__ import annotations

from pathlib import Path

from wiredesk_testdata import SEED_ARTICLE

from tui.ingest import read_file
from tui.ingest.presstext import fix_name_case, parse, sniff


def _seed():  # type: ignore[no-untyped-def]
    result = read_file(SEED_ARTICLE)
    assert result.problems == []
    assert len(result.items) == 1
    return result.items[0]


def test_seed_fields() -> None:
    item = _seed()
    assert item.format == "presstext"
    assert item.source == "National Post (National Edition)"
    assert item.headline == "ISLAMIC STATE’S FINAL MOMENTS AS JIHADISTS FLEE LAST STRONGHOLD"
    assert item.deck == "WEST-BACKED COALITION SMASHES SMALL SLIVER OF RESISTANCE IN SYRIA"
    assert item.byline == "Josie Ensor and Roland Oliphant"
    assert item.path == str(SEED_ARTICLE)
    assert item.id.startswith("sha:")
    assert item.received  # the file's time, for ordering


def test_seed_body_is_the_story_paragraphs_only() -> None:
    item = _seed()
    paragraphs = item.paragraphs
    assert paragraphs[0].startswith("Western-backed forces claimed Wednesday that ISIL’s caliphate")
    assert paragraphs[-1].startswith("The SDF is said to be in disagreement")
    assert len(paragraphs) == 23
    body = item.body
    for not_story in ("??", "Newspapers in English", "Newspapers from Canada",
                      "MADE NO PROGRESS AND WERE STOPPED", "DELIL SOULEIMAN", "National Post"):
        assert not_story not in body
    # the export's lower-casing inside words is repaired
    assert "U.S.-led coalition planes" in body
    assert "U.s." not in body
    assert item.word_count == len(body.split())


def test_seed_captions_and_pull_quotes_have_their_own_fields() -> None:
    item = _seed()
    assert item.pull_quotes == ("(ISIL) MADE NO PROGRESS AND WERE STOPPED.",)
    assert len(item.captions) == 1  # the repeat without the ?? frame is dropped
    caption = item.captions[0]
    assert caption.startswith("An injured man is led out of the village of Baghuz")
    assert caption.endswith("(DELIL SOULEIMAN / AFP / GETTY IMAGES)")
    assert "U.S.-backed" in caption


def test_same_text_same_id(tmp_path: Path) -> None:
    copy = tmp_path / "again.txt"
    copy.write_bytes(SEED_ARTICLE.read_bytes())
    assert read_file(copy).items[0].id == _seed().id


def test_byline_case() -> None:
    assert fix_name_case("Josie ensor and roland oliphant") == "Josie Ensor and Roland Oliphant"
    assert fix_name_case("mary o'brien-smith") == "Mary O'Brien-Smith"
    assert fix_name_case("Ludwig van beethoven") == "Ludwig van Beethoven"
    assert fix_name_case("Ronald McDonald") == "Ronald McDonald"


def test_sniff_tells_the_export_from_plain_copy() -> None:
    assert sniff(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert not sniff("Plain headline\n\nBy Someone (PA)\n\nA paragraph of copy.\n")


def test_minimal_export_without_extras() -> None:
    text = "Ottawa Citizen\n\nBIG HEADLINE HERE\n\n- jane doe\n\nOne paragraph.\n"
    (item,) = parse(text, "x.txt", "")
    assert (item.headline, item.deck, item.byline, item.body) == (
        "BIG HEADLINE HERE", "", "Jane Doe", "One paragraph.")
    assert item.captions == () and item.pull_quotes == ()
