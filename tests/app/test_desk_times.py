"""Times in the desk's zone, with the date when not today; a date alone stays a date."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.app.preview import Preview
from tui.app.queue import QueueView
from tui.app.timefmt import DeskTime
from tui.cli import build_app
from tui.config import Config, ConfigError, load_config
from tui.desk.desk import Desk

TOKYO = ZoneInfo("Asia/Tokyo")


def _at(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def test_today_shows_the_time_in_the_desks_zone() -> None:
    times = DeskTime(TOKYO, now=lambda: _at("2019-03-14T12:00:00+00:00"))
    assert times.short("2019-03-14T09:30:00+00:00") == "18:30"  # 09:30 UTC is 18:30 there
    assert times.short("2019-03-14T16:30:00+00:00") == "15 Mar 01:30"  # tomorrow in Tokyo


def test_another_day_shows_the_date_and_another_year_the_year() -> None:
    times = DeskTime(UTC, now=lambda: _at("2019-06-01T12:00:00+00:00"))
    assert times.short("2019-03-14T09:30:00+00:00") == "14 Mar 09:30"
    assert times.short("2018-12-31T23:00:00+00:00") == "31 Dec 2018"


def test_a_date_alone_is_never_given_a_time() -> None:
    times = DeskTime(UTC, now=lambda: _at("2019-03-14T12:00:00+00:00"))
    assert times.short("2019-03-14") == "14 Mar"
    assert "00:00" not in times.short("2019-03-14")
    assert times.full("2019-03-14") == "2019-03-14 (a date only: the copy gives no time)"


def test_full_time_has_its_zone_and_what_was_sent() -> None:
    times = DeskTime(TOKYO)
    assert times.full("2019-03-14T09:30:00+00:00") == \
        "2019-03-14T18:30:00+09:00 JST (as sent: 2019-03-14T09:30:00+00:00)"
    assert times.full("2019-03-14T09:30:00") == "2019-03-14T09:30:00 (no zone given)"
    assert times.short("not a time") == "--:--"


def test_an_unknown_zone_is_a_config_error_naming_the_line(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('[desk]\ntimezone = "Europe/Berln"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(user, use_user_dir=False)
    assert caught.value.line == 2 and "Europe/Berln" in str(caught.value)


async def test_the_queue_and_preview_use_the_desk_zone(config: Config, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "timed", "headline": "Timed item", "body": "Text.",
         "versioned": "2019-03-14T09:30:00+00:00"},
        {"id": "dated", "headline": "Dated item", "body": "Text.", "created": "2019-03-13"},
    ]))
    config = dataclasses.replace(config, desk=dataclasses.replace(config.desk,
                                                                  timezone="Asia/Tokyo"))
    app = build_app(config, [inbox], Desk(tmp_path / "d.toml"), poll_seconds=60)
    app.times.now = lambda: _at("2019-03-14T12:00:00+00:00")
    async with app.run_test(size=(160, 40)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        queue = app.query_one(QueueView)
        assert queue.row_text("timed", 160).startswith("18:30 ")
        assert queue.row_text("dated", 160).startswith("13 Mar ")
        assert "00:00" not in queue.row_text("dated", 160)
        queue.move_to(queue.listing.row_of["timed"])
        await pilot.pause(0.2)
        assert "2019-03-14T18:30:00+09:00 JST" in app.query_one(Preview).text
