"""A child process for the crash and concurrency tests: N actions, one line per save."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.desk.desk import Desk


def main() -> None:
    path, editor, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    desk = Desk(path, editor=editor)
    for n in range(count):
        item = f"{editor}-{n}"
        if n % 3 == 0:
            desk.tag(item, f"t{n}")
        elif n % 3 == 1:
            desk.set_status(item, "seen")
        else:
            desk.assign(item, f"{editor} {n}")
        # printed only once the call has returned: the action is on disk
        print(f"saved {n}", flush=True)


if __name__ == "__main__":
    main()
