"""End to end: the real `wiredesk` command in a real terminal (tmux)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from wiredesk_testdata import SEEDS

pytestmark = pytest.mark.e2e

SEED_HEADLINE = "ISLAMIC STATE’S FINAL MOMENTS"


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=False).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "desk")

    def wait_for(self, text: str, seconds: float = 45.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, seconds: float = 45.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never went; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "desk", *keys)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    terminal_socket = f"wiredesk-test-{uuid.uuid4().hex[:8]}"
    yield Terminal(terminal_socket)
    subprocess.run(["tmux", "-L", terminal_socket, "kill-server"], capture_output=True,
                   check=False)


def _start(terminal: Terminal, tmp_path: Path, *args: str,
           size: tuple[int, int] = (140, 40)) -> None:
    command = Path(sys.executable).with_name("wiredesk")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "st"),
           "TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    # the pane's shell may export COLUMNS/LINES from before the window had its size
    line = (f"env -u COLUMNS -u LINES {exports} {shlex.quote(str(command))} "
            f"{' '.join(map(shlex.quote, args))}; "
            "echo WIREDESK-EXITED-$?; sleep 60")
    terminal.tmux("new-session", "-d", "-s", "desk", "-x", str(size[0]), "-y", str(size[1]),
                  line)
    terminal.tmux("set-option", "-g", "window-size", "manual")


def test_starts_on_the_seeds_shows_the_seed_and_quits(terminal: Terminal,
                                                      tmp_path: Path) -> None:
    _start(terminal, tmp_path, "--inbox", str(SEEDS), "--state", str(tmp_path / "d.toml"))
    terminal.wait_for(SEED_HEADLINE)
    terminal.keys("q")
    terminal.wait_for("WIREDESK-EXITED-0")


def test_default_run_opens_the_bundled_seeds(terminal: Terminal, tmp_path: Path) -> None:
    _start(terminal, tmp_path)
    terminal.wait_for(SEED_HEADLINE)
    terminal.keys("q")
    terminal.wait_for("WIREDESK-EXITED-0")


def test_a_shift_in_miniature_survives_a_restart(terminal: Terminal, tmp_path: Path) -> None:
    from tui.desk.desk import Desk

    state = tmp_path / "d.toml"
    _start(terminal, tmp_path, "--inbox", str(SEEDS), "--state", str(state))
    terminal.wait_for(SEED_HEADLINE)
    steps = [("t", "new tag: shiftword"), ("a", "Assign")]
    terminal.keys("t")
    terminal.wait_for("Tag the item")
    terminal.keys("shiftword")
    terminal.wait_for(steps[0][1])
    terminal.keys("Enter")
    # a tag not in [tags] list asks once more, so a typo is not a new tag
    terminal.wait_for("enter again to create it")
    terminal.keys("Enter")
    terminal.wait_for("Tagged shiftword")
    terminal.keys("a")
    # the picker's own title: keys typed before it opens would go to the queue
    terminal.wait_for("Assign the item to")
    terminal.keys("Ben Ok")
    terminal.wait_for("Ben Okafor")
    terminal.keys("Enter")
    terminal.wait_for("Assigned to Ben Okafor")
    terminal.keys("Space")  # mark this item and move to the next
    terminal.keys("m")
    terminal.wait_for("Merged 1 item(s) into this story")
    terminal.keys("Escape")  # clear the mark
    # wait for it: ESC followed at once by a key reads as alt+key in a terminal
    terminal.wait_for("Marks cleared")
    terminal.keys("s")
    terminal.wait_for("Spiked")
    terminal.keys("u")
    terminal.wait_for("Undone: spiked")
    terminal.keys("q")
    terminal.wait_for("WIREDESK-EXITED-0")

    desk = Desk(state)
    tagged = [k for k, d in desk.state.decisions.items() if "shiftword" in d.tags]
    assert len(tagged) == 1
    first = desk.decision(tagged[0])
    assert first.assignee == "Ben Okafor"
    merged = [k for k, d in desk.state.decisions.items() if d.story]
    assert len(merged) == 2 and len({desk.decision(k).story for k in merged}) == 1
    assert all(d.status != "spiked" for d in desk.state.decisions.values())

    terminal.tmux("kill-session", "-t", "desk")
    _start(terminal, tmp_path, "--inbox", str(SEEDS), "--state", str(state))
    screen = terminal.wait_for(SEED_HEADLINE)
    terminal.wait_for("shiftword")
    terminal.keys("q")
    terminal.wait_for("WIREDESK-EXITED-0")
    assert screen


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_a_shift_with_the_readers_keys(terminal: Terminal, tmp_path: Path,
                                       size: tuple[int, int]) -> None:
    """Search with n/N, next unread, sort, a typo refused as a tag, untag, mark all
    read, yank: at 80x24 and at 200x50."""
    from tui.desk.desk import Desk

    # resting on an item reads it after `seen_after`: too soon for counting by hand here
    (tmp_path / "config" / "wiredesk").mkdir(parents=True)
    (tmp_path / "config" / "wiredesk" / "wiredesk.toml").write_text(
        "[desk]\nseen_after = 600\n")
    state = tmp_path / "d.toml"
    _start(terminal, tmp_path, "--inbox", str(SEEDS), "--state", str(state), size=size)
    terminal.wait_for("25 unread")

    terminal.keys("/")
    terminal.wait_for("Search headline")
    terminal.keys("brexit", "Enter")
    first = terminal.wait_for(" of 3")
    assert "hit 1 of 3" in first or "hit 2 of 3" in first
    terminal.keys("n")
    terminal.wait_for("hit 3 of 3" if "hit 2 of 3" in first else "hit 2 of 3")
    terminal.keys("N")
    terminal.wait_for("hit 2 of 3" if "hit 2 of 3" in first else "hit 1 of 3")
    terminal.keys("Escape")  # the search cleared
    terminal.wait_gone('search "brexit"')

    terminal.keys("r")  # this one read
    terminal.wait_for("24 unread")
    terminal.keys("J", "r")  # the next unread: read too (had J stayed, r would unread)
    terminal.wait_for("23 unread")
    terminal.keys("K", "r")
    terminal.wait_for("22 unread")

    terminal.keys("o")
    terminal.wait_for("sorted: oldest first")
    terminal.keys("o")
    terminal.wait_for("sorted: urgency")

    terminal.keys("t")
    terminal.wait_for("Tag the item")
    terminal.keys("brexti")  # like no tag of the list: only a new tag would take it
    terminal.wait_for("new tag: brexti")
    terminal.keys("Enter")
    terminal.wait_for("enter again to create it")
    terminal.keys("Escape")  # a typo: not created
    terminal.wait_gone("Tag the item")
    terminal.keys("t")
    terminal.wait_for("Tag the item")
    terminal.keys("poltics")  # near a tag of the list: that one is offered first
    terminal.wait_for("new tag: poltics")
    terminal.keys("Enter")
    terminal.wait_for("Tagged politics")
    terminal.keys("t")
    terminal.wait_for("✓ politics")
    terminal.keys("BSpace")  # on an empty line: the last tag comes off
    terminal.wait_for("Took tag politics off")

    terminal.keys("R")
    terminal.wait_for("0 unread")
    terminal.keys("y")
    terminal.wait_for("Copied the")
    terminal.keys("q")
    terminal.wait_for("WIREDESK-EXITED-0")

    desk = Desk(state)
    decisions = desk.state.decisions.values()
    assert not any({"brexti", "poltics", "politics"} & set(d.tags) for d in decisions)
    assert decisions and all(not d.unread for d in decisions)
