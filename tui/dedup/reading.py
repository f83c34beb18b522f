"""What the same-event layer reads of one item, before any look at the stream: the
same in any process, so the bulk helper (bulk.py) makes it while the detector adds
the items before it, and `EventIndex.add` makes it itself for a live item.

The term weights that read the stream (IDF over the items received so far) are the
index's (events.py); this is only the item's own side: its evidence (evidence.py),
its terms with their weighted counts (headline x `event_head_weight`, lede and
evidence x `event_lede_weight`, the rest of the body's first `BODY_CHARS` x 1) taken
as sublinear tf (1 + ln count), evidence x `event_fact_boost`, and its folded
headline.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from math import log
from typing import NamedTuple

from tui.dedup.evidence import evidence_of
from tui.dedup.features import _tokens, bare_headline, fold

#: the body is read this far: the top of a story says what it is about, and the cost
#: of an item stays flat however long it is
BODY_CHARS = 2000
LEDE_CHARS = 400


class Reading(NamedTuple):
    #: the evidence terms (places, names, numbers with units, results, name runs)
    facts: tuple[str, ...]
    #: the item's terms and their tf (sublinear, evidence boosted), in the same order:
    #: the vector's weights before IDF
    terms: tuple[str, ...]
    tf: tuple[float, ...]
    #: the headline folded, without its agency prefixes
    head: str


def read(headline: str, body: str, city: str, head_weight: float,
         lede_weight: float, fact_boost: float) -> Reading:
    facts = evidence_of(headline, body, city).terms()
    bare = bare_headline(headline)
    body = body[:BODY_CHARS]
    head, lede, rest = _tokens(bare), _tokens(body[:LEDE_CHARS]), _tokens(body[LEDE_CHARS:])
    # The body's words are most of an item's: counted in C (Counter), then the few of
    # the headline, the lede and the evidence weighed in; the terms keep the order of
    # their first use.
    tf: dict[str, float] = dict.fromkeys(chain(head, lede, rest, facts), 0.0)
    tf.update(Counter(rest))
    for weight, tokens in ((head_weight, head), (lede_weight, lede), (lede_weight, facts)):
        for t in tokens:
            tf[t] += weight
    # two-letter words say nothing in any language; short numbers do
    kept = [(t, c) for t, c in tf.items() if (len(t) >= 3 or t[0].isdigit()) and c > 0]
    fset = set(facts)
    return Reading(facts, tuple([t for t, _ in kept]),
                   tuple([(1.0 + log(c)) * fact_boost if t in fset else 1.0 + log(c)
                          for t, c in kept]),
                   fold(bare))
