"""The same-event level (tui/dedup/events.py): independently written copy of one event
joins one story; two events of one kind do not; nothing chains or joins across the
window. The dev-data test measures pairwise F1 on ../shared/dev-data (skipped when
absent; never copied here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.bench.pairwise import score
from tui.dedup.detector import Detector, in_time_order
from tui.dedup.events import EventIndex
from tui.dedup.settings import Settings
from tui.ingest.dates import epoch
from tui.ingest.jsonl import parse_object
from tui.model import Item

DEV_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "dev-data"


def item(key: str, headline: str, body: str, when: str = "2025-03-04T10:00:00Z",
         source: str = "wire", language: str = "en") -> Item:
    return Item(id=key, path="", format="jsonl", source=source, received=when,
                headline=headline, body=body, language=language)


def warmed(background: list[Item], fuzzy: bool = True) -> EventIndex:
    """An index that has seen other copy (2024, outside the window), so that common
    words are common."""
    index = EventIndex(fuzzy=fuzzy)
    index.add_all(background)
    return index


def score_pairwise(predicted: list[list[str]],
                   truth: list[list[str]]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 as ../shared/dev-data/README.md defines them, by the bench's own
    scoring (tui/bench/pairwise.py)."""
    result = score(predicted, truth)
    return result.precision, result.recall, result.f1


def test_score_pairwise() -> None:
    assert score_pairwise([["a", "b"], ["c"]], [["a", "b"]]) == (1.0, 1.0, 1.0)
    p, r, _ = score_pairwise([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]])
    assert (p, r) == (2 / 6, 1.0)
    assert score_pairwise([["a"], ["b"]], [["a", "b"]]) == (0.0, 0.0, 0.0)


BALTIMORE = item(
    "a1", "Man, 23, shot dead in Baltimore's Harlem Park",
    "BALTIMORE (AP) — Keith Jones, 23, was shot and killed Tuesday night on Edmondson "
    "Avenue in Harlem Park, police said.\n\nOfficers found Jones with several gunshot wounds "
    "and he died at Shock Trauma. Police have not named a suspect.")
BALTIMORE_OTHER_OUTLET = item(
    "b1", "Police identify victim of Harlem Park homicide",
    "Baltimore police on Wednesday identified the man fatally shot on Edmondson Avenue as "
    "23-year-old Keith Jones.\n\nDetectives asked anyone with information on the Harlem "
    "Park killing to call Metro Crime Stoppers.", when="2025-03-05T09:00:00Z",
    source="baltsun.com")
MEMPHIS = item(
    "c1", "Man, 31, shot dead in Memphis' Orange Mound",
    "MEMPHIS (AP) — Darnell Price, 31, was shot and killed Tuesday night on Park Avenue "
    "in Orange Mound, police said.\n\nOfficers found Price with several gunshot wounds and "
    "he died at Regional One. Police have not named a suspect.",
    when="2025-03-04T11:00:00Z")


def test_same_event_two_outlets_joins(background: list[Item]) -> None:
    index = warmed(background)
    first = index.add("a1", BALTIMORE)
    assert first.why == "new story" and first.story == "story:a1"
    second = index.add("b1", BALTIMORE_OTHER_OUTLET)
    assert second.story == "story:a1", second
    assert second.why.startswith("same event:")
    assert 0 <= second.score <= 100
    assert index.members("story:a1") == ["a1", "b1"]


def test_a_story_of_one_is_kept_compact_and_scores_as_its_dicts(
        background: list[Item]) -> None:
    # a full day keeps 100,000 stories of one in the window: their profiles are a
    # tuple and an array, not dicts (bench ui: 1,293 MiB before, for 100,000 items)
    from tui.dedup.events import _Story

    index = warmed(background)
    index.add("a1", BALTIMORE)
    story = index._active["story:a1"]
    assert story.weights is not None and not story.centroid
    probe = index._vector(index.reading_of(BALTIMORE_OTHER_OUTLET))
    facts = story.one_facts
    as_dicts = _Story(story.sid, story.first, story.last, size=1)
    as_dicts.centroid = dict(zip(story.terms, story.weights, strict=True))
    assert story.dot(probe) == pytest.approx(as_dicts.dot(probe)) and story.dot(probe) > 0
    index.add("b1", BALTIMORE_OTHER_OUTLET)
    assert story.weights is None and story.centroid and story.size == 2
    assert set(facts) <= set(story.facts)
    from tui.dedup import events
    assert not (events._NO_CENTROID or events._NO_FACTS or events._NO_UNITS)  # never written


@pytest.mark.xfail(reason="not reached yet: a template sibling event still joins", strict=True)
def test_two_shootings_same_vocabulary_do_not_join(background: list[Item]) -> None:
    index = warmed(background)
    index.add("a1", BALTIMORE)
    other = index.add("c1", MEMPHIS)
    assert other.story == "story:c1", other
    assert index.story_of("c1") != index.story_of("a1")


@pytest.mark.xfail(reason="not reached yet: a template sibling event still joins", strict=True)
def test_no_chaining(background: list[Item]) -> None:
    """B is like A and like C; A and C share nothing: A and C are never one story."""
    index = warmed(background)
    a = item("A", "Flood closes Rhine bridge at Koblenz",
             "KOBLENZ — Floodwater closed the Pfaffendorf bridge over the Rhine on Monday, "
             "the city said. Barges were moored and the promenade was sandbagged.")
    b = item("B", "Koblenz flood: Pfaffendorf bridge shut, Bundesliga match against Mainz off",
             "KOBLENZ — The Pfaffendorf bridge over the Rhine stays shut because of the flood, "
             "and TuS Koblenz called off Saturday's cup match against Mainz at the Oberwerth "
             "stadium, the club said.", when="2025-03-04T12:00:00Z")
    c = item("C", "Mainz beat Oberwerth side in rescheduled cup tie",
             "Mainz won the rescheduled cup tie at the Oberwerth stadium 3-1, with goals by "
             "Onisiwo, Burkardt and Lee after the break.", when="2025-03-04T14:00:00Z")
    index.add("A", a)
    index.add("B", b)
    index.add("C", c)
    assert index.story_of("C") != index.story_of("A")


def test_nothing_joins_across_the_window(background: list[Item]) -> None:
    index = warmed(background)
    index.add("a1", BALTIMORE)
    hours = Settings().window_hours
    later = item("a9", BALTIMORE.headline, BALTIMORE.body,
                 when=f"2025-03-{4 + int(hours // 24) + 1:02d}T11:00:00Z")
    assert index.add("a9", later).story == "story:a9"


def test_lineage_goes_to_its_story(background: list[Item]) -> None:
    index = warmed(background)
    index.add("a1", BALTIMORE)
    index.add("c1", MEMPHIS)
    unlike = item("a2", "Correction: Baltimore shooting", "An earlier item misspelt a name.")
    placed = index.add("a2", unlike, lineage="a1")
    assert placed.story == "story:a1" and placed.score == 100.0


def test_fuzzy_name_slip_joins(background: list[Item]) -> None:
    def pair(index: EventIndex) -> tuple[str, float]:
        index.add("z1", item(
            "z1", "Zelensky meets Nouripour in Kyiv",
            "KYIV — Ukrainian President Volodymyr Zelensky met Green party leader Omid "
            "Nouripour in Kyiv on Thursday to discuss air defence."))
        placed = index.add("z2", item(
            "z2", "Zelenskyy hosts German Greens chief Nouripur",
            "Volodymyr Zelenskyy received Omid Nouripur of Germany's Greens in the Ukrainian "
            "capital on Thursday; air defence topped the talks.",
            when="2025-03-04T12:00:00Z"))
        return placed.story, placed.score

    with_fuzzy = pair(warmed(background))
    without = pair(warmed(background, fuzzy=False))
    assert with_fuzzy[0] == "story:z1"
    assert with_fuzzy[1] > without[1]


@pytest.mark.xfail(reason="not reached yet: a template sibling event still joins", strict=True)
def test_german_and_french(background: list[Item]) -> None:
    index = warmed(background)
    index.add("d1", item(
        "d1", "Erdbeben der Stärke 5,8 erschüttert Kahramanmaraş",
        "ANKARA (dpa) — Ein Erdbeben der Stärke 5,8 hat am Montag die südtürkische Provinz "
        "Kahramanmaraş erschüttert. Nach Angaben der Katastrophenschutzbehörde Afad wurden "
        "zwölf Menschen verletzt.", language="de"))
    same = index.add("d2", item(
        "d2", "Afad: Zwölf Verletzte nach Beben in Kahramanmaraş",
        "Bei dem Erdbeben der Stärke 5,8 in der Provinz Kahramanmaraş sind nach Angaben "
        "der Behörde Afad zwölf Menschen verletzt worden.", when="2025-03-04T11:00:00Z",
        source="faz.net", language="de"))
    other = index.add("d3", item(
        "d3", "Erdbeben der Stärke 4,9 erschüttert Ostanatolien bei Van",
        "ANKARA (dpa) — Ein Erdbeben der Stärke 4,9 hat am Montag die Provinz Van im Osten "
        "der Türkei erschüttert. Berichte über Verletzte lagen zunächst nicht vor.",
        when="2025-03-04T12:00:00Z", language="de"))
    assert same.story == "story:d1", same
    assert other.story == "story:d3", other

    index.add("f1", item(
        "f1", "Grève à la SNCF : le trafic très perturbé à Lyon",
        "LYON (AFP) — La grève des cheminots de la SNCF perturbe fortement le trafic à Lyon "
        "ce mardi, avec un TER sur trois, selon la direction régionale.", language="fr"))
    same_fr = index.add("f2", item(
        "f2", "Lyon : un TER sur trois pendant la grève des cheminots",
        "Seul un TER sur trois circule mardi autour de Lyon en raison de la grève à la SNCF, "
        "a indiqué la direction régionale Auvergne-Rhône-Alpes.",
        when="2025-03-04T11:30:00Z", source="leprogres.fr", language="fr"))
    other_fr = index.add("f3", item(
        "f3", "Grève à la RATP : le métro très perturbé à Paris",
        "PARIS (AFP) — La grève des agents de la RATP perturbe fortement le métro à Paris "
        "ce mardi, avec une rame sur deux sur la ligne 13, selon la régie.",
        when="2025-03-04T12:00:00Z", language="fr"))
    assert same_fr.story == "story:f1", same_fr
    assert other_fr.story == "story:f3", other_fr


# ---- dev data -------------------------------------------------------------------------

def _load(name: str) -> list[Item]:
    items = []
    with (DEV_DATA / name).open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            data["language"] = data.pop("lang", "")
            items.append(parse_object(data, "", data["received"]))
    return items


def _items(name: str) -> list[Item]:
    if not DEV_DATA.is_dir():
        pytest.skip("../shared/dev-data is not beside this checkout")
    return _load(name)


def _stories(items: list[Item], level: str) -> list[list[str]]:
    """The stories of the event layer alone, or of the detector as the app places a
    day (lineages, with the event layer above them)."""
    if level == "events":
        index = EventIndex()
        for one in items:
            index.add(one.id, one)
        return index.stories()
    detector = Detector()
    for one in in_time_order(items):
        detector.add(one)
    return [members for _, members, _ in detector.stories()]


def _f1(name: str, truth: str) -> tuple[float, float, float]:
    items = _items(name)  # skips when the dev data is not there
    clusters = json.loads((DEV_DATA / truth).read_text(encoding="utf-8"))
    return score_pairwise(_stories(items, "app"), clusters)


@pytest.mark.parametrize("level", ["events", "app"])
@pytest.mark.parametrize("name", ["gva-dev.jsonl", "gva-dev-dense.jsonl", "basil-dev.jsonl"])
def test_no_story_on_a_dev_set_spans_more_than_the_window(name: str, level: str) -> None:
    items = _items(name)
    when = {one.key: epoch(one.sort_time) for one in items}
    window = Settings().window_hours * 3600
    for story in _stories(items, level):
        times = [when[key] for key in story]
        assert max(times) - min(times) <= window, story


#: what the app's grouping reaches now with the default settings (a guard against
#: regressions: gva 0.820, dense 0.786, basil 0.972), and the bars of issue 13: basil
#: reaches its bar; gva (recall 0.71 is the gap) and dense do not yet
DEV_SETS = [
    ("gva-dev.jsonl", "gva-dev.truth.json", 0.81, 0.92),
    ("gva-dev-dense.jsonl", "gva-dev.truth.json", 0.77, 0.80),
    ("basil-dev.jsonl", "basil-dev.truth.json", 0.95, 0.96),
]


@pytest.mark.parametrize(("name", "truth", "floor", "bar"), DEV_SETS)
def test_dev_sets_floor(name: str, truth: str, floor: float, bar: float) -> None:
    assert _f1(name, truth)[2] >= floor


@pytest.mark.parametrize(("name", "truth", "floor", "bar"), [
    pytest.param(*DEV_SETS[0], marks=pytest.mark.xfail(
        reason="issue 13 bar not reached yet on gva (0.820 < 0.92)", strict=True)),
    pytest.param(*DEV_SETS[1], marks=pytest.mark.xfail(
        reason="issue 13 bar not reached yet on dense (0.786 < 0.80)", strict=True)),
    DEV_SETS[2]])
def test_dev_sets_bar(name: str, truth: str, floor: float, bar: float) -> None:
    assert _f1(name, truth)[2] >= bar
