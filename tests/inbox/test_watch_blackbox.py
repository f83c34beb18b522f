"""Issue 12's bar, black-box: `wiredesk watch --json` on a fresh inbox sees all the copy
within seconds (a file appended in place, one rewritten in place, one first seen
half-written) and no note file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Dam holds after night of rain</title>
<docdata><doc-id id-string="halfway-1"/></docdata></head>
<body><body.head><hedline><hl1>Dam holds after night of rain</hl1></hedline></body.head>
<body.content><p>The dam above the town held through the night.</p>
"""
NITF_END = "<p>Engineers will inspect it at first light.</p></body.content></body></nitf>\n"


class Lines:
    """A stream's lines as they come, read on a thread."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line)

    def wait_for(self, predicate: Any, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if predicate(list(self.lines)):
                return True
            time.sleep(0.05)
        return predicate(list(self.lines))


def _items(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines if line.startswith("{")]


def _newest(lines: list[str], name: str) -> dict[str, Any] | None:
    found = [i for i in _items(lines) if Path(i["path"]).name == name]
    return found[-1] if found else None


def test_watch_sees_every_change_and_no_note_file(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = tmp_path / "wiredesk.toml"
    config.write_text("[inbox]\nsettle_seconds = 0.3\n", encoding="utf-8")
    rewritten = inbox / "rewritten.txt"
    rewritten.write_text("Council sets budget\n\nThe council set its budget.\n",
                         encoding="utf-8")
    old = time.time() - 600
    os.utime(rewritten, (old, old))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())",
         "watch", "--json", "--seconds", "60", "--config", str(config),
         "--inbox", str(inbox)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    out, err = Lines(process.stdout), Lines(process.stderr)
    try:
        assert err.wait_for(lambda lines: any("watching" in x for x in lines), 30), err.lines

        (inbox / "MANIFEST.md").write_text("# What is here\n\nNotes on the feed.\n",
                                           encoding="utf-8")
        # rewritten in place: same size, the old time put back (a copy that keeps times)
        rewritten.write_text("Council cuts budget\n\nThe council cut its budget.\n",
                             encoding="utf-8")
        os.utime(rewritten, (old, old))
        # first seen half-written: not yet XML, then finished
        halfway = inbox / "halfway.xml"
        halfway.write_text(NITF, encoding="utf-8")
        appended = inbox / "appended.txt"
        with appended.open("w", encoding="utf-8") as handle:
            handle.write("Storm closes coast road\n\nParagraph 1 of the storm story.\n")
            handle.flush()
            for n in range(2, 6):  # a paragraph every 0.8 s, past the settle time
                time.sleep(0.8)
                handle.write(f"\nParagraph {n} of the storm story.\n")
                handle.flush()
        with halfway.open("a", encoding="utf-8") as handle:
            handle.write(NITF_END)

        def all_there(lines: list[str]) -> bool:
            storm, council, dam = (_newest(lines, n) for n in
                                   ("appended.txt", "rewritten.txt", "halfway.xml"))
            return (storm is not None and "Paragraph 5" in storm["body"]
                    and council is not None and council["headline"] == "Council cuts budget"
                    and dam is not None and "first light" in dam["body"])

        assert out.wait_for(all_there, 10), (out.lines, err.lines)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    storm = _newest(out.lines, "appended.txt")
    assert storm is not None and storm["body"].count("Paragraph") == 5
    assert not [i for i in _items(out.lines) if Path(i["path"]).name == "MANIFEST.md"]
    assert not [line for line in err.lines if "MANIFEST" in line]
    assert any("halfway.xml" in line for line in err.lines)  # was quarantined at first
    assert process.returncode == 0
