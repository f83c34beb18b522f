"""Filter and search for the queue (core: never imports textual).

`parse_query` reads the editor's filter (`source:AP -status:spiked "exact words"`; see
`tui.query.parse`), `filter_keys` narrows the queue with it, and `SearchIndex` holds the
folded words of every item for both the filter's words and the `/` search.
"""

from tui.query.parse import FIELDS, IS_VALUES, Query, QueryError, filter_keys, parse_query
from tui.query.search import SearchIndex
from tui.query.terms import Context

__all__ = ["FIELDS", "IS_VALUES", "Context", "Query", "QueryError", "SearchIndex",
           "filter_keys", "parse_query"]
