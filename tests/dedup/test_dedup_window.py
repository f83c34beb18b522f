"""The time window: nothing joins across more than `window_hours` of the items' own
times (versioned, else created), on every candidate path: the same text, guid stem,
slug, paragraph or key terms. Only an agency's `refers_to`, which names the very item,
crosses it. An item with no time of its own is in every window (its arrival time is
the file's, not the event's)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from dedup_helpers import item
from wiredesk_testdata import wire_samples

from tui.cli import main
from tui.dedup.detector import Detector
from tui.model import Item

YEARS = 24 * 365 * 5.0
LEDE = ("HERAKLION, Greece (AP) — A passenger ferry carrying 212 people ran aground off "
        "the Cretan port of Heraklion on Tuesday, the Greek coast guard said.")
MORE = "Coast guard spokeswoman Eleni Markaki said the Olympia Star struck a sandbank."
OTHER = ("Rescuers took all 212 passengers off the Olympia Star by Wednesday morning and "
         "tugs were standing by, the ministry said in Athens.")


def _pair(kind: str, later: float) -> tuple[Item, Item]:
    """Two AP items that one candidate path finds, `later` hours apart."""
    head = "Ferry runs aground off Crete"
    first = item("a", 0, source="AP", language="en", headline=head, body=LEDE)
    if kind == "text":
        second = item("b", later, source="AP", language="en", headline=head, body=LEDE)
    elif kind == "paragraph":
        second = item("b", later, source="AP", language="en", headline="Ferry refloated",
                      body=f"{OTHER}\n\n{LEDE}\n\n{MORE}")
    elif kind == "slug":
        first = item("a", 0, source="AP", slug="ferry-crete", headline=head, body=LEDE)
        second = item("b", later, source="AP", slug="ferry-crete", signal=["kill"],
                      headline="KILL KILL KILL", body="Editors: kill the story.")
    elif kind == "guid":
        first = item("tag:ap.org,2025:ferry:1", 0, version="1", source="AP", headline=head,
                     body=LEDE)
        second = item("tag:ap.org,2025:ferry:2", later, version="2", source="AP",
                      headline="Tugs stand by", body=OTHER)
    else:  # key terms: another agency's rewrite
        second = item("b", later, source="Reuters", language="en",
                      headline="Greek ferry with 212 aboard runs aground near Heraklion",
                      body="HERAKLION, Greece (Reuters) - A ferry with 212 people on board "
                           "ran aground near Heraklion on Crete on Tuesday, Greece's coast "
                           "guard said.")
    return first, second


@pytest.mark.parametrize("kind", ["text", "paragraph", "slug", "guid", "terms"])
def test_every_candidate_path_keeps_the_window(kind: str) -> None:
    for later, joined in ((2.0, True), (71.0, True), (73.0, False), (YEARS, False),
                          (-YEARS, False)):
        first, second = _pair(kind, later)
        detector = Detector()
        detector.add(first)
        links = detector.add(second)
        assert bool(links) is joined, (kind, later, links)
        assert (detector.story_id(second.key) == detector.story_id(first.key)) is joined


def test_a_reference_may_cross_the_window() -> None:
    """The agency names the item it corrects: a correction a week later is still its."""
    first = item("afp-1", 0, source="AFP", headline="Storm hits coast", body="A storm hit.")
    fixed = item("afp-2", 24 * 7, source="AFP", headline="Flood warning issued",
                 refers_to=["afp-1"], signal=["correction"],
                 body="Authorities issued a flood warning for the delta.")
    detector = Detector()
    detector.add(first)
    links = detector.add(fixed)
    assert [(link.other, link.relation, link.why) for link in links] == [
        ("afp-1", "correction", ("refers_to",))]


def _write_day(folder: Path, spread: float) -> None:
    """Four pairs of the ferry story, one per candidate path, as a JSON lines export:
    the two items of a pair an hour apart, the pairs `spread` hours apart."""
    lines = []
    for n, kind in enumerate(["text", "paragraph", "guid", "terms"]):
        for at, one in enumerate(_pair(kind, 1.0)):
            data = one.to_json()
            data["id"] = f"{kind}-{one.id}"
            data["versioned"] = item("x", n * spread + at).versioned
            lines.append(json.dumps(data))
    (folder / "day.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _clusters(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[set[str]]:
    assert main(["dupes", str(folder), "--json"]) == 0
    return [{m["id"] for m in c["members"]}
            for c in json.loads(capsys.readouterr().out)["clusters"]]


def test_dupes_json_of_a_day_spread_over_years_or_hours(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hours, years = tmp_path / "hours", tmp_path / "years"
    hours.mkdir()
    years.mkdir()
    _write_day(hours, 0.25)
    _write_day(years, YEARS)
    # Compressed into hours, the eight items are one story; spread over years, each
    # pair (an hour apart) is a story of its own.
    assert [len(c) for c in _clusters(hours, capsys)] == [8]
    assert sorted(len(c) for c in _clusters(years, capsys)) == [2, 2, 2, 2]


def test_dupes_json_does_not_join_a_real_version_moved_to_2030(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = wire_samples() / "newsml-g2"
    pair = sorted(folder.glob("tag_reuters.com_2016_newsml_L1N14N0FF_*"))
    assert len(pair) == 2
    for path in pair:
        shutil.copy(path, tmp_path / path.name)
    assert len(_clusters(tmp_path, capsys)) == 1
    moved = tmp_path / pair[0].name
    moved.write_text(moved.read_text(encoding="utf-8").replace("2016-01-04T", "2030-01-04T"),
                     encoding="utf-8")
    assert _clusters(tmp_path, capsys) == []
