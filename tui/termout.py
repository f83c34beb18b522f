"""Everything the command line prints goes through here, so that a file name, an id, a
tag, a note or wire copy never reaches the terminal as a command (an OSC 52 clipboard
write, a screen clear, a C1 CSI, a bidi override):

- text a person reads is written as `textsafe.cell` shows it: controls as visible
  symbols (ESC as ␛), no bidi embeddings, overrides or isolates;
- JSON is written with every control and bidi control escaped (`\\u009b`), so it stays
  the same data and reads back the same;
- a CSV table also starts no cell as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from tui.textsafe import cell

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

#: what `json.dumps(…, ensure_ascii=False)` leaves raw and a terminal may act on: DEL and
#: the C1 controls (U+009B is CSI), lone surrogates (an undecodable byte of a file name)
#: and the bidi controls `cell` removes (C0 controls are escaped by json itself)
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: OWASP's rule against CSV injection: a cell that starts with one of these is read by a
#: spreadsheet as a formula (or a DDE call), unless a `'` makes it text
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write(text: str, stream: SupportsWrite[str]) -> None:
    """`text` as a person may read it, on `stream`, as is otherwise (no newline added)."""
    stream.write(cell(text))


def out(text: str = "") -> None:
    """A line (or lines) for the reader, on stdout."""
    write(text + "\n", sys.stdout)


def err(text: str) -> None:
    """A line for the reader, on stderr: a problem, an error or a progress note."""
    write(text + "\n", sys.stderr)
    sys.stderr.flush()


def json_text(value: object, *, indent: int | None = None) -> str:
    """`value` as JSON (non-ASCII text as its characters), with nothing a terminal acts on."""
    return _RAW_IN_JSON.sub(_escape, json.dumps(value, ensure_ascii=False, indent=indent))


def json_out(value: object, *, indent: int | None = None) -> None:
    """`value` as JSON on one line of stdout (more with `indent`)."""
    sys.stdout.write(json_text(value, indent=indent) + "\n")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def spreadsheet_cell(value: object) -> object:
    """A CSV cell as `cell` shows it, with a `'` in front if a spreadsheet would read it
    as a formula (OWASP); numbers are left as they are."""
    if not isinstance(value, str):
        return value
    shown = cell(value)
    # what the cell started with before a control or bidi character was shown or taken
    # out counts too: "\u202e=1+1" would be a formula once the override is gone
    if value.startswith(_FORMULA_START) or shown.startswith(_FORMULA_START):
        return "'" + shown
    return shown


def csv_out(fields: list[str], rows: Iterable[Mapping[str, object]]) -> None:
    """A CSV table with a header on stdout, every cell a `spreadsheet_cell`."""
    buffer = io.StringIO()
    # "\n" ends a row: "\r\n" would be shown as ␍ by `write`, and every spreadsheet reads
    # either
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: spreadsheet_cell(value) for key, value in row.items()}
                     for row in rows)
    write(buffer.getvalue(), sys.stdout)
