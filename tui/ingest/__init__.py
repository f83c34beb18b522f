"""Reading agency copy into normalised items. Never imports textual."""

from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.reader import FileResult, read_file, read_paths, walk

__all__ = ["FileResult", "ParseError", "Quarantined", "read_file", "read_paths", "walk"]
