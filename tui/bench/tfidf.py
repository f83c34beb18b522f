"""A TF-IDF centroid single-pass baseline for `wiredesk bench dedup --labelled`.

Items come one at a time, in the order they were received, and each looks only at the
items before it:

* one vector per item: its words (runs of letters and digits, case-folded) of the
  headline twice and the body, weighted by sublinear tf (1 + ln tf) times a smoothed
  IDF, ln((1 + n) / (1 + df)) + 1, over the n items seen so far, this one included (the
  counts grow as the stream goes, nothing is learnt from later items), L2-normalised;
* each story keeps the sum of its items' vectors (each as weighed when it came: the
  centroid up to scale, which a cosine ignores);
* an item joins the story whose centroid is most similar, among the stories whose
  last item is at most WINDOW_HOURS older, when that cosine is at least THRESHOLD;
  else it starts a story. A story stays open as long as items keep joining it, so it
  may span more than the window.

THRESHOLD is 0.3, picked once before any labelled set was scored and never tuned per
set (a common starting point for TF-IDF cosine of news texts).
"""

from __future__ import annotations

import heapq
import math
import re
import time
from collections import Counter
from collections.abc import Sequence

from tui.ingest.dates import epoch
from tui.model import Item

THRESHOLD = 0.3
WINDOW_HOURS = 72.0
_WORD = re.compile(r"[^\W_]+")


def words(item: Item) -> list[str]:
    """The item's words: the headline twice, then the body."""
    return _WORD.findall(f"{item.headline}\n{item.headline}\n{item.body}".casefold())


class CentroidStories:
    """The stories so far; `add` places the next item of the stream."""

    def __init__(self, threshold: float = THRESHOLD,
                 window_hours: float = WINDOW_HOURS) -> None:
        self.threshold = threshold
        self.window = window_hours * 3600.0
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        #: story -> its item keys, in order
        self.members: list[list[str]] = []
        #: the open stories' sums of vectors, their squared norms, their last item's time
        self._sums: dict[int, dict[str, float]] = {}
        self._norm2: dict[int, float] = {}
        self._last: dict[int, float] = {}
        #: term -> open story -> that story's summed weight of the term
        self._postings: dict[str, dict[int, float]] = {}
        #: (last item's time, story), oldest first; stale entries are skipped
        self._by_last: list[tuple[float, int]] = []

    def add(self, key: str, when: float, terms: Sequence[str]) -> int:
        """Place the item `key` received at `when` (seconds; not before the item added
        last); returns its story's number."""
        self._close_before(when - self.window)
        vector = self._vector(terms)
        dots: dict[int, float] = {}
        for term, weight in vector.items():
            for story, summed in self._postings.get(term, {}).items():
                dots[story] = dots.get(story, 0.0) + weight * summed
        best, best_cosine = -1, 0.0
        for story, dot in dots.items():
            cosine = dot / math.sqrt(self._norm2[story])
            if cosine > best_cosine or (cosine == best_cosine and best >= 0 and story < best):
                best, best_cosine = story, cosine
        if best < 0 or best_cosine < self.threshold:
            best = len(self.members)
            self.members.append([])
            self._sums[best] = {}
            self._norm2[best] = 0.0
        self._join(best, vector, dots.get(best, 0.0), when)
        self.members[best].append(key)
        return best

    def _vector(self, terms: Sequence[str]) -> dict[str, float]:
        counts = Counter(terms)
        self.n_docs += 1
        self.df.update(counts.keys())
        n = self.n_docs
        vector = {term: (1.0 + math.log(tf)) * (math.log((1 + n) / (1 + self.df[term])) + 1.0)
                  for term, tf in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        return {term: w / norm for term, w in vector.items()} if norm else {}

    def _join(self, story: int, vector: dict[str, float], dot: float, when: float) -> None:
        sums = self._sums[story]
        for term, weight in vector.items():
            summed = sums.get(term, 0.0) + weight
            sums[term] = summed
            self._postings.setdefault(term, {})[story] = summed
        # |s + v|² = |s|² + 2 s·v + |v|², and |v| is 1 (or 0 for an item with no words)
        self._norm2[story] += 2 * dot + (1.0 if vector else 0.0)
        self._last[story] = when
        heapq.heappush(self._by_last, (when, story))

    def _close_before(self, oldest: float) -> None:
        """Stories whose last item came before `oldest` can take no item any more: their
        centroids leave the postings."""
        while self._by_last and self._by_last[0][0] < oldest:
            last, story = heapq.heappop(self._by_last)
            if self._last.get(story) != last:
                continue  # the story had a later item: a later entry stands for it
            for term in self._sums.pop(story):
                postings = self._postings[term]
                del postings[story]
                if not postings:
                    del self._postings[term]
            del self._norm2[story], self._last[story]


def tfidf_groups(items: Sequence[Item], threshold: float = THRESHOLD,
                 window_hours: float = WINDOW_HOURS) -> tuple[list[list[str]], float]:
    """The stories (item keys) of the stream `items`, in order, and the seconds it
    took (reading the words included)."""
    start = time.perf_counter()
    stories = CentroidStories(threshold, window_hours)
    for item in items:
        stories.add(item.key, epoch(item.received), words(item))
    return stories.members, time.perf_counter() - start
