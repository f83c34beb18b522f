"""How good a grouping is against labels: pairwise precision, recall and F1.

Overall: over all pairs of items, "same story" predicted (same cluster) vs true (same
label story). Per relation: recall is the share of (item, the item it was made from)
pairs with that relation that ended in one cluster; precision is the share of the
detector's links it called that relation that join two items of one true story.
Hard negatives: the share of look-alike story pairs (sibling events, a story quoting an
earlier brief) that ended up glued together, which must stay at zero.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from tui.dedup.detector import Link
from tui.dedup.synth import Label

_LINKED = ("repeat", "version", "correction", "other_agency")


@dataclass(slots=True)
class Score:
    precision: float = 1.0
    recall: float = 1.0
    pairs: int = 0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_json(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "pairs": self.pairs}


@dataclass(slots=True)
class Report:
    overall: Score
    relations: dict[str, Score] = field(default_factory=dict)
    #: look-alike story pairs glued together / all such pairs, by kind
    negatives: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"overall": self.overall.to_json(),
                "relations": {k: v.to_json() for k, v in self.relations.items()},
                "hard_negatives_glued": {k: list(v) for k, v in self.negatives.items()}}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_counts(truth: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
                ) -> tuple[int, int, int]:
    """(pairs in one group on both sides, pairs in one predicted group, pairs in one
    true group), from item id -> group maps, counted from the sizes of the groups and
    of their intersections (k items make k(k-1)/2 pairs), never by listing pairs."""
    cells = Counter((truth[i], group) for i, group in predicted.items() if i in truth)
    return (sum(_pairs(n) for n in cells.values()),
            sum(_pairs(n) for n in Counter(predicted.values()).values()),
            sum(_pairs(n) for n in Counter(truth.values()).values()))


def pairwise(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Score:
    """Both map item id -> group; only ids in both count."""
    ids = [i for i in truth if i in predicted]
    hits, pred_pairs, true_pairs = pair_counts({i: truth[i] for i in ids},
                                               {i: predicted[i] for i in ids})
    return Score(hits / pred_pairs if pred_pairs else 1.0,
                 hits / true_pairs if true_pairs else 1.0, true_pairs)


def evaluate(labels: Iterable[Label], predicted: Mapping[str, str],
             links: Iterable[Link]) -> Report:
    by_id = {label.id: label for label in labels}
    truth = {i: label.story for i, label in by_id.items()}
    report = Report(pairwise(truth, predicted))
    made: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for label in by_id.values():
        if label.relation in _LINKED and label.parent in predicted and label.id in predicted:
            made[label.relation] += 1
            kept[label.relation] += predicted[label.id] == predicted[label.parent]
    said: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for link in links:
        if link.item in truth and link.other in truth:
            said[link.relation] += 1
            right[link.relation] += truth[link.item] == truth[link.other]
    for relation in _LINKED:
        report.relations[relation] = Score(
            right[relation] / said[relation] if said[relation] else 1.0,
            kept[relation] / made[relation] if made[relation] else 1.0, made[relation])
    # Look-alikes: a story and its sibling (or the story whose brief it quotes).
    members: dict[str, set[str]] = {}
    for i, label in by_id.items():
        if i in predicted:
            members.setdefault(label.story, set()).add(predicted[i])
    glued: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    checked = set()
    for label in by_id.values():
        key = (label.story, label.negative_of)
        if not label.negative_of or key in checked or label.negative_of not in members:
            continue
        checked.add(key)
        seen[label.negative] += 1
        glued[label.negative] += bool(members[label.story] & members[label.negative_of])
    report.negatives = {kind: (glued[kind], seen[kind]) for kind in sorted(seen)}
    return report
