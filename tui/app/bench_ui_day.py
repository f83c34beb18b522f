"""The day `wiredesk bench ui` loads: generated stories written as JSON Lines files."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from tui.bench.corpus import Story, jsonl_line, stories

#: lines per file, as an agency's feed is cut into files over a day
PER_FILE = 10_000


def _line(story: Story) -> bytes:
    """The corpus's JSON line, with the fields a wire item usually carries. One item in
    1,000 is a FLASH (urgency 1, pinned at the top until seen), as on a busy desk; the
    others keep the corpus's urgencies, 3 to 6."""
    record = json.loads(jsonl_line(story))
    urgency = 1 if story.n % 1000 == 0 else max(story.urgency, 3)
    record.update(urgency=urgency, slug=story.slug, byline=story.byline,
                  dateline=story.city)
    return json.dumps(record).encode()


def write_day(folder: Path, items: int) -> list[Path]:
    """`items` generated stories as JSON Lines files of up to 10,000 lines each, dated an
    hour ago so the inbox reads them at once."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    handle = None
    long_ago = time.time() - 3600
    try:
        for story in stories(items):
            if story.n % PER_FILE == 0:
                if handle is not None:
                    handle.close()
                path = folder / f"wire-{story.n // PER_FILE:02d}.jsonl"
                written.append(path)
                handle = path.open("wb")
            assert handle is not None
            handle.write(_line(story) + b"\n")
    finally:
        if handle is not None:
            handle.close()
    for path in written:
        os.utime(path, (long_ago, long_ago))
    return written
