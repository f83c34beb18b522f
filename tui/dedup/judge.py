"""Is this earlier item the same story as the new one, and how? One pair at a time.

The rules go from the surest signal to the weakest, and the first that holds decides:

1. the same text (case, accents and spacing aside): a repeat;
2. the agency says so: the same guid with another version, or `refers_to`;
3. paragraph containment: most of the shorter item's words sit in paragraphs the other
   has too (a writethru adds or rewrites paragraphs around them). The shared text must
   be at the top of both, or the bulk of the longer, or the two ledes must agree
   (numbers, days, names): a later story that quotes a brief in its background contains
   it too, lower down, under a lede about something else, and is never linked by text;
4. the same lede with a few words changed (a correction of a brief, a refile), if
   the ledes agree on their numbers and names (one template told two quakes);
5. the text score, 100 x a weighted sum of four agreements: rare key terms, names,
   the ledes' numbers and weekdays, and the ledes' rare names. Another agency's
   rewrite keeps the names, places, numbers and day; another event of the same kind
   keeps the words and changes those. Two ledes with two or more numbers each and none
   in common are never linked by text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from tui.dedup.features import Features
from tui.dedup.settings import Settings

Verdict = tuple[str, int, tuple[str, ...]]
#: at most this many words in one paragraph: an urgent one-liner (alert, flash, NewsAlert)
ONE_LINER_WORDS = 25
#: ... and its story has at least this many words more
ALERT_MORE_WORDS = 5


class Context:
    """What judging one new item against its candidates needs besides the two items."""

    __slots__ = ("lede", "names", "paras")

    def __init__(self, new: Features) -> None:
        self.lede = set(new.pairs())
        self.names = set(new.names)
        self.paras = set(new.hashes())


class Shared(NamedTuple):
    """The paragraphs two items have in common, and where."""

    #: share of the shorter item's words in shared paragraphs, 0-100
    share: float
    #: share of the longer item's words in shared paragraphs, 0-1
    of_large: float
    #: the first shared paragraph in each item (0 = the lede)
    first_new: int
    first_old: int
    #: a shared paragraph starts the lower half of an item that has more above it
    low: bool


def number_agreement(new: Features, old: Features) -> float | None:
    """How far the ledes' numbers and weekdays are found in the other item (its lede's,
    or its names, which hold the numbers and capitalised days of its top): the better
    direction, as a share pulled towards one half by one pseudo-count, because one
    number found (a 1-0, a magnitude 5.0) is weak evidence and three are strong. None
    if one lede has none."""
    a, b = new.lede_numbers, old.lede_numbers
    if not a or not b:
        return None
    return max((_found(a, old) + 0.5) / (len(a) + 1), (_found(b, new) + 0.5) / (len(b) + 1))


def _found(facts: tuple[str, ...], other: Features) -> int:
    names, lede = other.names, other.lede_numbers
    count = 0
    for fact in facts:
        at = bisect_left(names, fact)
        count += (at < len(names) and names[at] == fact) or fact in lede
    return count


def numbers_disagree(new: Features, old: Features) -> bool:
    """The ledes report different results: each has a score or tally ("4-1") and none
    is the other's (in either order), or each has two numbers or more (days aside) and
    none in common. Two matches, two votes, two quakes."""
    a = [t for t in new.lede_numbers if t[0].isdigit()]
    b = [t for t in old.lede_numbers if t[0].isdigit()]
    results_a = {_result(t) for t in a if "-" in t}
    results_b = {_result(t) for t in b if "-" in t}
    if results_a and results_b and results_a.isdisjoint(results_b):
        return True
    return len(a) >= 2 and len(b) >= 2 and not set(a).intersection(b)


def _result(text: str) -> str:
    return "-".join(sorted(text.split("-")))


def names_found(of: Features, names: tuple[str, ...]) -> float | None:
    """The share of one item's lede names (places, people, teams) found among `names`,
    weighted by rarity squared (a town counts, a country or a German noun hardly).
    None when the lede names nothing."""
    total = hit = 0.0
    for term, w in zip(of.lede_names, of.lede_weights, strict=True):
        total += w
        at = bisect_left(names, term)
        if at < len(names) and names[at] == term:
            hit += w
    return hit / total if total else None


def judge(new: Features, old: Features, shared: float, ctx: Context,
          s: Settings) -> Verdict | None:
    """`shared` is the weight of the key terms both have, from the candidate query."""
    if new.text_hash == old.text_hash:
        return "repeat", 100, ("same text",)
    flag = "correction" if new.correction else "version"
    if new.guid and new.guid == old.guid:
        return flag, 100, (f"same guid {new.guid}",)
    if (new.kill or old.kill) and new.slug and new.slug == old.slug:
        return "kill", 100, ("kill notice for this slug",)
    if old.agency_id in new.refers or new.agency_id in old.refers \
            or old.item_id in new.refers or new.item_id in old.refers:
        return flag, 100, ("refers_to",)
    pair = _Pair(new, old, s)
    common = None if ctx.paras.isdisjoint(old.hashes()) else shared_paragraphs(new, old)
    if common is not None:
        on_topic = _on_topic(pair, s)
        verdict = _contained(pair, common, on_topic, s)
        if verdict is not None:
            return verdict
        if common.low and not on_topic:
            return None  # what they share is one's background; the rest is another story
    # A lede the same but for a word or two: a brief's correction or refile (a longer
    # story corrected in its lede still shares its other paragraphs).
    if new.lede and old.lede and (min(new.paragraphs, old.paragraphs) <= 1 or common):
        verdict = _same_lede(pair, ctx, s)
        if verdict is not None:
            return verdict
    if pair.disagree:
        return None
    if pair.same_source and new.source:
        verdict = _alert(new, old, s)
        if verdict is not None:
            return verdict
    return _text(pair, shared, ctx, s)


class _Pair:
    """What several rules ask about the two items, worked out once."""

    __slots__ = ("agree", "disagree", "found_new", "found_old", "ledes_agree", "named",
                 "new", "old", "places", "same_source")

    def __init__(self, new: Features, old: Features, s: Settings) -> None:
        self.new, self.old = new, old
        self.same_source = not new.source or not old.source or new.source == old.source
        self.agree = number_agreement(new, old)
        self.disagree = numbers_disagree(new, old)
        # Each lede's names found in the other's lede; the better way is the agreement,
        # since the shorter copy names less. Two events of one kind each name their own
        # place, so both ways stay low.
        self.found_new = names_found(new, old.lede_names)
        self.found_old = names_found(old, new.lede_names)
        ways = [x for x in (self.found_new, self.found_old) if x is not None]
        self.places = max(ways) if ways else None
        self.named = self.places is not None and self.places >= s.lede_names_min / 100
        self.ledes_agree = self.named and not self.disagree \
            and (self.agree is None or self.agree >= 0.5)

    def relation(self, flag: str) -> str:
        return flag if self.same_source else "other_agency"


def _on_topic(pair: _Pair, s: Settings) -> bool:
    """Both ledes name what the other names, and their numbers do not disagree. Asked
    when the shared text sits lower in one of them: a story quoting a brief contains
    all the brief's names, but its own lede is about something else."""
    return not pair.disagree and pair.found_new is not None \
        and pair.found_old is not None \
        and min(pair.found_new, pair.found_old) >= s.lede_names_min / 100


def _contained(pair: _Pair, common: Shared, on_topic: bool, s: Settings) -> Verdict | None:
    new, old = pair.new, pair.old
    top = max(common.first_new, common.first_old) <= s.contain_anchor
    if common.share >= s.contain_min and (top or common.of_large >= 0.5 or on_topic):
        where = "lede shared" if common.first_new == common.first_old == 0 else \
            f"shared from paragraph {common.first_new + 1} of the new, " \
            f"{common.first_old + 1} of the old"
        flag = "correction" if new.correction or _small_change(new, old) else "version"
        return pair.relation(flag), round(common.share), \
            (f"containment {common.share:.0f}%", where)
    return None


def _same_lede(pair: _Pair, ctx: Context, s: Settings) -> Verdict | None:
    """The same lede with small changes: with agreeing numbers, or with the same names
    and at most `lede_words_changed` words changed (a corrected score or toll)."""
    new, old = pair.new, pair.old
    if not (pair.ledes_agree or pair.named):
        return None
    same = sum(1 for h in old.pairs() if h in ctx.lede)
    pairs = min(len(new.lede), len(old.lede)) // 4
    lede = 100.0 * same / pairs
    if lede < s.lede_min or not (pair.ledes_agree
                                 or pairs - same <= 2 * s.lede_words_changed):
        return None
    flag = "correction" if new.correction or _similar_size(new, old) else "version"
    return pair.relation(flag), round(lede), (f"lede {lede:.0f}% the same",)


def _text(pair: _Pair, shared: float, ctx: Context, s: Settings) -> Verdict | None:
    """The text score: 100 x a weighted sum of four agreements (a missing one counts
    one half), against a bar raised for two languages and lowered for one slug."""
    new, old, agree, places = pair.new, pair.old, pair.agree, pair.places
    keys = min(1.0, shared / (min(new.weight, old.weight) or 1.0))
    both = sum(1 for name in old.names if name in ctx.names)
    union = len(new.names) + len(old.names) - both
    names = both / union if union else 0.0
    text = 100.0 * (s.w_keys * keys + s.w_names * names
                    + s.w_numbers * (0.5 if agree is None else agree)
                    + s.w_places * (0.5 if places is None else places))
    other_language = bool(new.language and old.language and new.language != old.language)
    same_slug = bool(new.slug and new.slug == old.slug)
    bar = s.text_min + (s.other_language if other_language else 0.0) \
        - (s.slug_bonus if same_slug else 0.0)
    if text < bar:
        return None
    why = (f"key terms {keys:.0%}", f"names {names:.0%}",
           "no lede numbers to compare" if agree is None else f"lede numbers {agree:.0%} agree",
           "no lede names" if places is None else f"lede names {places:.0%} agree",
           *(("other language",) if other_language else ()),
           *(("same slug",) if same_slug else ()), *_shared_terms(new, old))
    flag = "correction" if new.correction else "version"
    return (flag if pair.same_source and new.source else "other_agency"), round(text), why


def one_liner(f: Features) -> bool:
    return f.paragraphs <= 1 and f.words <= ONE_LINER_WORDS


def _alert(new: Features, old: Features, s: Settings) -> Verdict | None:
    """An urgent one-liner and the agency's full story soon after: what the alert names
    (places, people) and all its numbers are in the story."""
    short, full = (new, old) if new.words <= old.words else (old, new)
    # The story says more than the alert: two one-liners are two alerts.
    if not one_liner(short) or full.words < short.words + ALERT_MORE_WORDS:
        return None
    if short.t and full.t and abs(short.t - full.t) > s.alert_hours * 3600:
        return None
    found = names_found(short, full.names)
    numbers = {n for n in short.lede_numbers if n[0].isdigit() and "-" not in n}
    if found is None or found < s.alert_min / 100 or not numbers.issubset(full.names):
        return None
    return "version", round(100 * found), ("one-liner and full story",
                                           f"its names {found:.0%} in the story")


def shared_paragraphs(new: Features, old: Features) -> Shared | None:
    if not new.para_hash or not old.para_hash:
        return None
    in_old = set(old.hashes())
    shared_words, first_new = 0, -1
    for position, (h, words) in enumerate(zip(new.hashes(), new.counts(), strict=True)):
        if h in in_old:
            shared_words += words
            first_new = position if first_new < 0 else first_new
    if first_new < 0:
        return None
    in_new = set(new.hashes())
    first_old = next(i for i, h in enumerate(old.hashes()) if h in in_new)
    small, large = sorted((new.words or 1, old.words or 1))
    low = any(first >= 1 and first >= item.paragraphs / 2
              for first, item in ((first_new, new), (first_old, old)))
    return Shared(min(100.0, 100.0 * shared_words / small), shared_words / large,
                  first_new, first_old, low)


def _small_change(new: Features, old: Features) -> bool:
    """Same paragraphs but one or two, same length give or take a few words."""
    if new.paragraphs != old.paragraphs:
        return False
    differing = sum(1 for a, b in zip(new.hashes(), old.hashes(), strict=True) if a != b)
    return differing <= 2 and abs(new.words - old.words) <= 3


def _similar_size(new: Features, old: Features) -> bool:
    return abs(new.words - old.words) <= max(3, 0.05 * max(new.words, old.words))


def _shared_terms(new: Features, old: Features, most: int = 5) -> tuple[str, ...]:
    old_keys = set(old.keys)
    terms = [t for t in new.keys if t in old_keys][:most]
    return (f"shared: {', '.join(terms)}",) if terms else ()
