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

Rules 1-4 and the alert make an agency's lineage; another agency's copy and a link by
rule 5 alone are evidence for the same-event layer (events.py), which places the item.
"""

from __future__ import annotations

from itertools import chain
from typing import NamedTuple

from tui.dedup.features import Features
from tui.dedup.settings import Settings

Verdict = tuple[str, int, tuple[str, ...]]
#: the first reason of a text-score verdict (rule 5), a likeness rather than the
#: agency's own lineage: see `by_likeness`
_LIKENESS = "key terms"
#: at most this many words in one paragraph: an urgent one-liner (alert, flash, NewsAlert)
ONE_LINER_WORDS = 25
#: ... and its story has at least this many words more
ALERT_MORE_WORDS = 5


class Context:
    """The new item as judging asks about it: its features, and their sets and tables,
    made once for all its candidates. The earlier item of a pair stays a packed record:
    each question about it is one set operation in C over its tuples."""

    __slots__ = ("counts", "digits", "f", "facts", "hashes", "lede", "lede_names",
                 "lede_set", "lede_total", "names", "numbers", "paras", "results")

    def __init__(self, f: Features) -> None:
        self.f = f
        self.lede = frozenset(f.pairs())
        self.names = frozenset(f.names)
        self.numbers = frozenset(f.lede_numbers)
        #: where a number of the other lede is looked for: names hold the numbers and
        #: capitalised days of the top, the lede's own numbers its lower-case days
        self.facts = self.names | self.numbers
        self.digits, self.results = _digits(f)
        self.hashes: tuple[int, ...] = tuple(f.hashes())
        self.counts: tuple[int, ...] = tuple(f.counts())
        #: each paragraph's first position
        self.paras = {h: i for i, h in reversed(list(enumerate(self.hashes)))}
        self.lede_names = dict(zip(f.lede_names, f.lede_weights, strict=True))
        self.lede_set = frozenset(f.lede_names)
        self.lede_total = sum(f.lede_weights)


def _digits(f: Features) -> tuple[frozenset[str], frozenset[str]]:
    """The lede's numbers (days aside), and its scores and tallies in one order."""
    digits = [t for t in f.lede_numbers if t[0].isdigit()]
    return frozenset(digits), frozenset([_result(t) for t in digits if "-" in t])


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


def number_agreement(new: Context, old: Features) -> float | None:
    """How far the ledes' numbers and weekdays are found in the other item (its lede's,
    or its names, which hold the numbers and capitalised days of its top): the better
    direction, as a share pulled towards one half by one pseudo-count, because one
    number found (a 1-0, a magnitude 5.0) is weak evidence and three are strong. None
    if one lede has none."""
    a, b = new.numbers, old.lede_numbers
    if not a or not b:
        return None
    return max((len(a.intersection(chain(old.names, b))) + 0.5) / (len(a) + 1),
               (len(new.facts.intersection(b)) + 0.5) / (len(b) + 1))


def numbers_disagree(new: Context, old: Features) -> bool:
    """The ledes report different results: each has a score or tally ("4-1") and none
    is the other's (in either order), or each has two numbers or more (days aside) and
    none in common. Two matches, two votes, two quakes."""
    # most ledes have neither a result nor two numbers: no need to read the other's
    if not new.results and len(new.digits) < 2:
        return False
    digits, results = _digits(old)
    if new.results and results and new.results.isdisjoint(results):
        return True
    return len(new.digits) >= 2 and len(digits) >= 2 and new.digits.isdisjoint(digits)


def _result(text: str) -> str:
    return "-".join(sorted(text.split("-")))


def names_found(of: Context | Features, names: frozenset[str]) -> float | None:
    """The share of one item's lede names (places, people, teams) found among `names`,
    weighted by rarity squared (a town counts, a country or a German noun hardly).
    None when the lede names nothing."""
    pairs = of.lede_names.items() if isinstance(of, Context) \
        else zip(of.lede_names, of.lede_weights, strict=True)
    total = hit = 0.0
    for term, w in pairs:
        total += w
        if term in names:
            hit += w
    return hit / total if total else None


def refers(new: Features, old: Features) -> bool:
    """One of the two names the other in its `refers_to` (by agency id or desk key)."""
    return old.agency_id in new.refers or new.agency_id in old.refers \
        or old.item_id in new.refers or new.item_id in old.refers


def judge(a: Context, old: Features, shared: float, s: Settings) -> Verdict | None:
    """Is `old` (earlier) the same story as `a` (new)? `shared` is the weight of the key
    terms both have, from the candidate query."""
    new = a.f
    # Repeats, versions, corrections and kills are one agency's lineage: the same text,
    # guid or reference under another agency's name is that agency's copy of it.
    own = not new.source or not old.source or new.source == old.source
    if new.text_hash == old.text_hash:
        return ("repeat" if own else "other_agency"), 100, ("same text",)
    flag = ("correction" if new.correction else "version") if own else "other_agency"
    if new.guid and new.guid == old.guid:
        return flag, 100, (f"same guid {new.guid}",)
    if (new.kill or old.kill) and new.slug and new.slug == old.slug:
        return ("kill" if own else "other_agency"), 100, ("kill notice for this slug",)
    if refers(new, old):
        return flag, 100, ("refers_to",)
    pair = _Pair(a, old, s)
    common = None if a.paras.keys().isdisjoint(old.hashes()) else shared_paragraphs(a, old)
    background = False
    if common is not None:
        on_topic = _on_topic(pair, s)
        verdict = _contained(pair, common, on_topic, s)
        if verdict is not None:
            return verdict
        # what they share may be one's background, the rest another story
        background = common.low and not on_topic
    # A lede the same but for a word or two: a brief's correction or refile (a longer
    # story corrected in its lede still shares its other paragraphs). Asked before the
    # background rule: a two-paragraph brief whose score is corrected shares only its
    # second paragraph, and its lede is the same but for the score.
    if a.lede and old.lede and (min(new.paragraphs, old.paragraphs) <= 1 or common):
        verdict = _same_lede(pair, s)
        if verdict is not None:
            return verdict
    if background:
        return None
    if pair.disagree:
        return None
    if pair.same_source and new.source:
        verdict = _alert(a, old, s) or _same_facts(pair, s)
        if verdict is not None:
            return verdict
    return _text(pair, shared, s)


def _same_facts(pair: _Pair, s: Settings) -> Verdict | None:
    """One agency's rewrite of its own brief within hours (a new lede, the old one
    dropped): the words change, the text score with them, but the ledes still share a
    number of three digits or more (a toll, a tally, jobs) and most of their names.
    Another event of the kind has its own numbers."""
    new, old = pair.new, pair.old
    if not (new.t and old.t and abs(new.t - old.t) <= s.alert_hours * 3600):
        return None
    big = sorted(t for t in pair.a.digits.intersection(old.lede_numbers)
                 if sum(map(str.isdigit, t)) >= 3)
    if not big or not pair.named:
        return None
    flag = "correction" if new.correction else "version"
    return flag, round(100 * (pair.places or 0.0)), (
        "same agency within hours", f"lede numbers {', '.join(big)} shared",
        f"lede names {pair.places or 0.0:.0%} agree")


class _Pair:
    """What several rules ask about the two items, worked out when first asked (most
    candidates are turned down before most of it is needed)."""

    __slots__ = ("_agree", "_disagree", "_found", "a", "new", "old", "s", "same_source")

    def __init__(self, a: Context, old: Features, s: Settings) -> None:
        self.a, self.s = a, s
        self.new, self.old = a.f, old
        self.same_source = not a.f.source or not old.source or a.f.source == old.source
        self._agree: tuple[float | None] | None = None
        self._disagree: bool | None = None
        self._found: tuple[float | None, float | None] | None = None

    @property
    def agree(self) -> float | None:
        if self._agree is None:
            self._agree = (number_agreement(self.a, self.old),)
        return self._agree[0]

    @property
    def disagree(self) -> bool:
        if self._disagree is None:
            self._disagree = numbers_disagree(self.a, self.old)
        return self._disagree

    def found(self) -> tuple[float | None, float | None]:
        """Each lede's names found in the other's lede. Two events of one kind each name
        their own place, so both ways stay low."""
        if self._found is None:
            a, old = self.a, self.old
            self._found = (names_found(a, frozenset(old.lede_names)),
                           names_found(old, a.lede_set))
        return self._found

    @property
    def places(self) -> float | None:
        """The better way of `found` is the agreement, since the shorter copy names less."""
        ways = [x for x in self.found() if x is not None]
        return max(ways) if ways else None

    @property
    def named(self) -> bool:
        places = self.places
        return places is not None and places >= self.s.lede_names_min / 100

    @property
    def ledes_agree(self) -> bool:
        return self.named and not self.disagree and (self.agree is None or self.agree >= 0.5)

    def relation(self, flag: str) -> str:
        return flag if self.same_source else "other_agency"


def _on_topic(pair: _Pair, s: Settings) -> bool:
    """Both ledes name what the other names, and their numbers do not disagree. Asked
    when the shared text sits lower in one of them: a story quoting a brief contains
    all the brief's names, but its own lede is about something else."""
    found_new, found_old = pair.found()
    return not pair.disagree and found_new is not None and found_old is not None \
        and min(found_new, found_old) >= s.lede_names_min / 100


def _contained(pair: _Pair, common: Shared, on_topic: bool, s: Settings) -> Verdict | None:
    top = max(common.first_new, common.first_old) <= s.contain_anchor
    if common.share >= s.contain_min and (top or common.of_large >= 0.5 or on_topic):
        where = "lede shared" if common.first_new == common.first_old == 0 else \
            f"shared from paragraph {common.first_new + 1} of the new, " \
            f"{common.first_old + 1} of the old"
        flag = "correction" if pair.new.correction or _small_change(pair.a, pair.old) \
            else "version"
        return pair.relation(flag), round(common.share), \
            (f"containment {common.share:.0f}%", where)
    return None


def _same_lede(pair: _Pair, s: Settings) -> Verdict | None:
    """The same lede with small changes: with agreeing numbers, or with the same names
    and at most `lede_words_changed` words changed (a corrected score or toll)."""
    a, old = pair.a, pair.old
    same = len(a.lede.intersection(old.pairs()))
    pairs = min(len(a.lede), len(old.lede) // 8)
    lede = 100.0 * same / pairs
    # the cheap test first: most candidates have another lede
    if lede < s.lede_min or not (pair.ledes_agree or pair.named):
        return None
    if not (pair.ledes_agree or pairs - same <= 2 * s.lede_words_changed):
        return None
    flag = "correction" if pair.new.correction or _similar_size(pair.new, pair.old) \
        else "version"
    return pair.relation(flag), round(lede), (f"lede {lede:.0f}% the same",)


def _text(pair: _Pair, shared: float, s: Settings) -> Verdict | None:
    """The text score: 100 x a weighted sum of four agreements (a missing one counts
    one half), against a bar raised for two languages and lowered for one slug."""
    a, new, old = pair.a, pair.new, pair.old
    other_language = bool(new.language and old.language and new.language != old.language)
    same_slug = bool(new.slug and new.slug == old.slug)
    bar = s.text_min + (s.other_language if other_language else 0.0) \
        - (s.slug_bonus if same_slug else 0.0)
    keys = min(1.0, shared / (min(new.weight, old.weight) or 1.0))
    both = len(a.names.intersection(old.names))
    union = len(a.names) + len(old.names) - both
    names = both / union if union else 0.0
    # the lede names and numbers weigh at most w_places + w_numbers: out of reach with
    # them, stop before reading the ledes' names (most candidates stop here)
    if 100.0 * (s.w_keys * keys + s.w_names * names + s.w_places + s.w_numbers) < bar:
        return None
    places = pair.places
    partial = s.w_keys * keys + s.w_names * names \
        + s.w_places * (0.5 if places is None else places)
    # the lede numbers weigh at most w_numbers: out of reach with them, stop here
    if 100.0 * (partial + s.w_numbers) < bar:
        return None
    agree = pair.agree
    text = 100.0 * (partial + s.w_numbers * (0.5 if agree is None else agree))
    if text < bar:
        return None
    why = (f"{_LIKENESS} {keys:.0%}", f"names {names:.0%}",
           "no lede numbers to compare" if agree is None else f"lede numbers {agree:.0%} agree",
           "no lede names" if places is None else f"lede names {places:.0%} agree",
           *(("other language",) if other_language else ()),
           *(("same slug",) if same_slug else ()), *_shared_terms(new, old))
    flag = "correction" if new.correction else "version"
    return (flag if pair.same_source and new.source else "other_agency"), round(text), why


def by_likeness(why: str) -> bool:
    """A verdict (its reasons joined) made by the text score alone: evidence that the
    two tell one event, not proof that one is the other's version (on scraped local
    news it tied two shootings a week apart told by one site)."""
    return why.startswith(_LIKENESS)


def one_liner(f: Features) -> bool:
    return f.paragraphs <= 1 and f.words <= ONE_LINER_WORDS


def _alert(a: Context, old: Features, s: Settings) -> Verdict | None:
    """An urgent one-liner and the agency's full story soon after: what the alert names
    (places, people) and all its numbers are in the story."""
    new = a.f
    short, full = (new, old) if new.words <= old.words else (old, new)
    # The story says more than the alert: two one-liners are two alerts.
    if not one_liner(short) or full.words < short.words + ALERT_MORE_WORDS:
        return None
    if short.t and full.t and abs(short.t - full.t) > s.alert_hours * 3600:
        return None
    found = names_found(a, frozenset(old.names)) if short is new else names_found(old, a.names)
    if found is None or found < s.alert_min / 100 or not _numbers_in(short, full):
        return None
    return "version", round(100 * found), ("one-liner and full story",
                                           f"its names {found:.0%} in the story")


def _numbers_in(short: Features, full: Features) -> bool:
    """Every number of the one-liner's lede is in the story's names or lede: a score or
    tally whole (in either order), other numbers as they are (a score's parts, which
    the lede keeps beside it, are not looked for alone)."""
    where = set(full.names)
    where.update(full.lede_numbers)
    where.update(_result(t) for t in full.lede_numbers if "-" in t)
    numbers = [t for t in short.lede_numbers if t[0].isdigit()]
    parts = {part for t in numbers if "-" in t for part in t.split("-")}
    return all(t in where or _result(t) in where if "-" in t else t in parts or t in where
               for t in numbers)


def shared_paragraphs(a: Context, old: Features) -> Shared | None:
    old_hashes = old.hashes()
    in_old = set(old_hashes)
    shared_words, first_new = 0, -1
    for position, (h, words) in enumerate(zip(a.hashes, a.counts, strict=True)):
        if h in in_old:
            shared_words += words
            first_new = position if first_new < 0 else first_new
    if first_new < 0:
        return None
    first_old = next(i for i, h in enumerate(old_hashes) if h in a.paras)
    new = a.f
    small, large = sorted((new.words or 1, old.words or 1))
    low = any(first >= 1 and first >= item.paragraphs / 2
              for first, item in ((first_new, new), (first_old, old)))
    return Shared(min(100.0, 100.0 * shared_words / small), shared_words / large,
                  first_new, first_old, low)


def _small_change(a: Context, old: Features) -> bool:
    """Same paragraphs but one or two, same length give or take a few words."""
    if len(a.hashes) != old.paragraphs:
        return False
    differing = sum(1 for x, y in zip(a.hashes, old.hashes(), strict=True) if x != y)
    return differing <= 2 and abs(a.f.words - old.words) <= 3


def _similar_size(new: Features, old: Features) -> bool:
    return abs(new.words - old.words) <= max(3, 0.05 * max(new.words, old.words))


def _shared_terms(new: Features, old: Features, most: int = 5) -> tuple[str, ...]:
    old_keys = set(old.keys)
    terms = [t for t in new.keys if t in old_keys][:most]
    return (f"shared: {', '.join(terms)}",) if terms else ()
