"""Plain agency copy (PA's) that gives no time of day takes its date from its
dateline, not from the file's arrival: a 2019 story read today is a 2019 story, and
finds its 2019 pair."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from wiredesk_testdata import SEEDS

from tui.cli import main
from tui.ingest import read_file
from tui.ingest.dates import dateline_date

TODAY = 1_800_000_000  # 2027: the file arrived long after the story
BREXIT = (SEEDS / "1800_pa_brexit-delay.txt").read_text(encoding="utf-8")
LEDE = "MPs have voted to ask the European Union to delay Brexit"


def _pa_file(folder: Path, dateline: str) -> Path:
    """The seed's PA Brexit copy, its first paragraph opened with `dateline`."""
    path = folder / "pa_brexit.txt"
    path.write_text(BREXIT.replace(LEDE, f"{dateline} {LEDE}", 1), encoding="utf-8")
    os.utime(path, (TODAY, TODAY))
    return path


@pytest.mark.parametrize(("text", "date"), [
    ("March 14, 2019", "2019-03-14"),
    ("Mar. 14, 2019", "2019-03-14"),
    ("14 March 2019", "2019-03-14"),
    ("Thursday 14 March 2019", "2019-03-14"),
    ("Thursday, March 14, 2019", "2019-03-14"),
    ("March 14", ""),  # no year: not guessed from the arrival
    ("Feb. 30, 2019", ""),
    ("", ""),
])
def test_dateline_date(text: str, date: str) -> None:
    assert dateline_date(text) == date


@pytest.mark.parametrize("dateline", ["LONDON, March 14, 2019 (PA) -",
                                      "London, 14 March 2019 (PA) -"])
def test_a_pa_item_takes_its_date_from_the_dateline(tmp_path: Path, dateline: str) -> None:
    (one,) = read_file(_pa_file(tmp_path, dateline)).items
    assert one.source == "PA" and one.dateline.city.lower() == "london"
    assert one.created == "2019-03-14"
    assert one.sort_time == "2019-03-14"  # not the file's 2027 arrival


def test_a_pa_item_without_a_date_is_not_given_one(tmp_path: Path) -> None:
    (one,) = read_file(_pa_file(tmp_path, "LONDON (PA) -")).items
    assert one.created == "" and one.sort_time == one.received


def test_a_dated_pa_item_finds_its_2019_pair_through_dupes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A seed-like PA story and the same copy as an agency-timed JSON item of 2019: the
    PA file, read in 2027, is placed in 2019 and joins it; a PA copy dated 2021 does not."""
    pa = _pa_file(tmp_path, "LONDON, March 14, 2019 (PA) -")
    (item,) = read_file(pa).items
    pair = item.to_json() | {"id": "pa-wire-1", "path": "", "source": "PA",
                             "created": "2019-03-14T18:00:00+00:00",
                             "versioned": "2019-03-14T18:00:00+00:00"}
    (tmp_path / "wire.jsonl").write_text(json.dumps(pair) + "\n", encoding="utf-8")
    assert main(["dupes", str(tmp_path), "--json"]) == 0
    clusters = json.loads(capsys.readouterr().out)["clusters"]
    assert [{m["id"] for m in c["members"]} for c in clusters] == [{item.key, "pa-wire-1"}]
    _pa_file(tmp_path, "LONDON, March 14, 2021 (PA) -")
    assert main(["dupes", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["clusters"] == []
