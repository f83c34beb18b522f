"""Pairwise precision, recall and F1 of a grouping against labelled clusters: the one
scoring rule of `wiredesk bench dedup --labelled` (see ../shared/dev-data/README.md);
the pairs are counted by `tui.dedup.metrics.pair_counts`, as for the generated streams.

Over unordered pairs of distinct items: a pair is predicted-same when both are in one
predicted cluster, truly-same when both are in one truth cluster; an id in no cluster
is a singleton (a cluster of its own). TP is counted from the sizes of the
intersections of predicted and truth clusters (k items in both give k(k-1)/2 pairs),
never by listing pairs.

0/0 is scored 0: a grouping with no predicted-same pair has precision 0 (it earns no
credit for the pairs it never claimed), labels with no truly-same pair give recall 0,
and F1 is 0 when precision and recall are both 0. `predicted_pairs` and `true_pairs`
say when that happened.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from tui.dedup.metrics import pair_counts


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    #: pairs both predicted-same and truly-same
    tp: int
    predicted_pairs: int
    true_pairs: int

    def to_json(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp,
                "predicted_pairs": self.predicted_pairs, "true_pairs": self.true_pairs}


def score(predicted: Iterable[Iterable[str]], truth: Iterable[Iterable[str]],
          ids: Collection[str] | None = None) -> Score:
    """`predicted` and `truth` are clusters of ids (singletons may be left out). With
    `ids`, only those ids count (the others are dropped from both sides). An id listed
    twice in one cluster counts once; in two clusters of one side it is a ValueError."""
    universe = None if ids is None else set(ids)
    predicted_of = _cluster_of(predicted, universe, "predicted")
    truth_of = _cluster_of(truth, universe, "truth")
    tp, predicted_pairs, true_pairs = pair_counts(truth_of, predicted_of)
    precision = tp / predicted_pairs if predicted_pairs else 0.0
    recall = tp / true_pairs if true_pairs else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return Score(precision, recall, f1, tp, predicted_pairs, true_pairs)


def _cluster_of(clusters: Iterable[Iterable[str]], universe: set[str] | None,
                side: str) -> dict[str, int]:
    """id -> the number of its cluster, for the ids of clusters of two or more (a
    singleton makes no pair)."""
    cluster_of: dict[str, int] = {}
    seen: set[str] = set()
    for number, cluster in enumerate(clusters):
        members = {i for i in cluster if universe is None or i in universe}
        if not seen.isdisjoint(members):
            twice = min(seen & members)
            raise ValueError(f"{side}: id {twice!r} is in two clusters")
        seen |= members
        if len(members) >= 2:
            cluster_of.update(dict.fromkeys(members, number))
    return cluster_of
