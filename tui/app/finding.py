"""Finding in the queue: the search and its hits (`n`/`N`), the next unread or FLASH
(`J`/`K`/`F`), the sort (`o`, a click on a column's head), the filter and the saved
views. The rows are worked out in `tui/listing.py`; this moves the cursor and says
what it found."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from textual import on

from tui.app.dayload import DayLoading
from tui.app.messages import SortBy
from tui.app.queue import SORT_OF_COLUMN, QueueHeads
from tui.app.screens import Prompt
from tui.listing import Mode, Sort, seek, step
from tui.query import QueryError, parse_query


class Finding(DayLoading):
    # the app's state, set in WiredeskApp.__init__
    search_text: str
    filter_text: str
    #: the rows holding a search hit, top to bottom (as listed now)
    _hit_rows: list[int]

    def _hit_label(self) -> str:
        rows, cursor = self._hit_rows, self.queue.cursor
        if not rows:
            return "no hits"
        at = bisect.bisect_left(rows, cursor)
        if at < len(rows) and rows[at] == cursor:
            return f"hit {at + 1} of {len(rows)}"
        return f"{len(rows)} hits"

    def action_search(self) -> None:
        def searched(text: str | None) -> None:
            if text is None:
                return
            self.search_text = text.strip()
            self._relist(recount=False)
            if self.search_text and not self._hit_rows:
                self.notify(f"No item has '{self.search_text}'", timeout=3, markup=False)
            elif self.search_text:
                self.action_next_hit(1)

        self.push_screen(Prompt("Search headline, slug and body", self.search_text,
                                "words in any order; escape in the queue clears"), searched)

    def action_next_hit(self, direction: int) -> None:
        """`n`/`N`: the next or previous search hit, round the end as a reader does."""
        if not self.search_text:
            self.notify("No search: press / to search", timeout=3)
            return
        self._land(step(self._hit_rows, self.queue.cursor, direction), direction,
                   f"No item has '{self.search_text}'", "Search went on")
        self._update_counts()

    def action_next_unread(self, direction: int) -> None:
        """`J`/`K`: the next or previous unread item (a story with an unread member)."""
        decision = self.desk.decision
        self._seek(direction, lambda key: any(decision(m).unread for m in self._row_keys(key)),
                   "Nothing unread in this view")

    def action_next_flash(self) -> None:
        """`F`: the next FLASH or BULLETIN, read or not."""
        items = self.wire.items
        self._seek(1, lambda key: any(items[m].is_flash for m in self._row_keys(key)
                                      if m in items),
                   "No FLASH or BULLETIN in this view")

    def _row_keys(self, key: str) -> list[str]:
        """The items a row stands for: in the stories view, its story's."""
        return self._story_keys(key) if self.queue.mode is Mode.STORIES else [key]

    def _seek(self, direction: int, wanted: Callable[[str], bool], none: str) -> None:
        queue = self.queue
        self._land(seek(queue.listing.keys, queue.cursor, direction, wanted), direction,
                   none, "Went on")

    def _land(self, found: tuple[int, bool] | None, direction: int, none: str,
              went_on: str) -> None:
        """The cursor to the row a jump found (`listing.step`, `listing.seek`), saying
        so when it went round the end, or why there was none."""
        if found is None:
            self.notify(none, timeout=3, markup=False)
            return
        row, went_round = found
        if went_round:
            self.notify(f"{went_on} from the " + ("top" if direction > 0 else "bottom"),
                        timeout=2)
        self.queue.move_to(row)

    def action_sort(self) -> None:
        """`o`: the next sort (newest first, oldest first, urgency, source, story size)."""
        self._sort(self.queue.sort.next())

    @on(SortBy)
    def sort_by_column(self, message: SortBy) -> None:
        wanted = SORT_OF_COLUMN.get(message.column)
        if wanted is None:
            self.notify(f"The queue does not sort by {message.column}; press o for the "
                        "sorts it has", timeout=3)
            return
        if wanted is self.queue.sort is Sort.NEWEST:
            wanted = Sort.OLDEST
        self._sort(wanted)

    def _sort(self, sort: Sort) -> None:
        self.queue.sort = sort
        self._relist(recount=False)
        self._show_sort()
        self.notify(f"Sorted by {sort.value}", timeout=2)

    def _show_sort(self) -> None:
        """The sort in the header, and its arrow in the column heads."""
        self.sub_title = f"sorted: {self.queue.sort.value}"
        self.query_one(QueueHeads).refresh()

    def action_filter(self) -> None:
        self.push_screen(Prompt("Filter", self.filter_text,
                                'e.g. source:AP tag:politics status:new urgency:<=3 '
                                '-status:spiked "exact words"', check=_query_problem),
                         self._apply_filter)

    def _apply_filter(self, text: str | None) -> None:
        if text is not None:
            self.filter_text = text.strip()
            self._relist(recount=False)

    def action_saved_view(self, name: str) -> None:
        query = self.config.views.get(name)
        if query is None:
            self.notify(f"No saved view {name}: add one under [views] in your config.",
                        severity="warning")
            return
        problem = _query_problem(query)
        if problem:
            self.notify(f"Saved view {name} is not a valid filter: {problem}",
                        severity="error", markup=False)
            return
        self._apply_filter(query)


def _query_problem(text: str) -> str | None:
    try:
        parse_query(text)
    except QueryError as exc:
        return str(exc)
    return None
