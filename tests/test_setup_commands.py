"""The README's two set-up commands work as they stand on a stock Debian or Ubuntu, whose
system Python refuses `pip install` outside a virtual environment (PEP 668), and CI runs
exactly those commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    """The indented command lines of the README's set-up section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return [line[4:] for line in section.splitlines() if line.startswith("    ")]


def _steps(command: str) -> list[list[str]]:
    return [shlex.split(step) for step in command.split("&&")]


def test_the_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.split("\n## ")[1].startswith("Set up on a fresh machine")
    run, tests = readme_commands()
    assert _steps(run)[-1] == [".venv/bin/wiredesk"]  # wiredesk on the bundled seeds/
    assert _steps(tests)[-1][:3] == [".venv/bin/python", "-m", "pytest"]


def test_each_command_installs_into_its_own_virtual_environment() -> None:
    for command in readme_commands():
        steps = _steps(command)
        # first a virtual environment (made, or reused when it is there)...
        assert steps[0] == ["python3", "-m", "venv", ".venv"], command
        for step in steps[1:]:
            # ...then nothing runs from the system Python: its pip refuses to install
            assert step[0].startswith(".venv/bin/"), (command, step)
            if "install" in step:
                assert step[0] in (".venv/bin/pip", ".venv/bin/python"), step


def test_ci_runs_the_readmes_commands_with_the_systems_own_python() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # CI reads the commands from the README (so they cannot drift apart) and runs them
    # with the system's /usr/bin/python3, the interpreter PEP 668 guards
    assert "readme_command 1" in ci and "readme_command 2" in ci
    assert re.search(r"SYSTEM_PYTHON=/usr/bin/python3", ci)
    assert 'eval "$tests"' in ci
