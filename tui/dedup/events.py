"""Same-event stories: an incremental single-pass clusterer of independently written copy.

The lineage judge (detector.py, judge.py) ties an agency's own repeats, versions and
corrections; this is the level above it, which places every item the detector adds:
reports of one event by different outlets, in their own words. An item of a lineage
goes to its lineage's story while that story stays within the window; the judge's
other findings (another agency's copy, a rewrite alike by its text score, a lede with
other numbers) come as evidence for or against stories, weighed with the rest.

It is TDT's single-pass clustering (Allan, Papka & Lavrenko 1998), with the
event-specific evidence of Miranda et al. 2018 folded into the score:

* an item is a TF-IDF vector of its headline (tf x3), lede (x2) and body (the first
  2,000 characters), sublinear tf, IDF from the items received so far only (never a
  look ahead), its places, names and numbers with units (evidence.py) boosted; the
  heaviest `event_terms` kept, so an item costs the same however long it is;
* a story is the sum of its members' unit vectors; an item's text score with it is
  the *mean* cosine with its members (group average: dot with the sum / size), never
  its best single member, so a story cannot grow by chaining A~B~C, and a loose story
  (a short centroid) does not attract everything as a normalised centroid would;
* the text score is gated by the specifics: scaled down towards `event_fact_gate`
  when the story has none of the item's places, names and numbers (by rarity), plus
  a small bonus for the share it has, less for a dateline conflict and for the time
  gap (an older story needs more evidence);
* the time gap is counted in *items received* since the story last took one, not in
  hours: Allan, Papka & Lavrenko (1998) and the TDT runs after them measured a
  story's age by the stories seen since, because what makes an old story unlikely is
  how much other news has arrived in between, and that is the same on a quiet and on
  a busy desk (a day of a local site is an hour of a national wire). A gap in hours
  would need a different weight for each stream's rate; a gap in items does not.
  The hard cut stays in hours: no story spans more than `window_hours` of its
  items' own times (an item joins only a story whose first and last members are both
  within the window of it);
* names are matched exactly, else with rapidfuzz ratio >= `event_fuzzy_min` on the
  folded name (Zelensky / Zelenskyy, Nouripour / Nouripur); the fuzzy look-up, the
  dearest step, is made only for the `event_fuzzy_candidates` best stories by the
  exact score (a slip can only add to a score) and only for names not found as
  written;
* candidates come from an inverted index of each story's members' heaviest terms
  (bounded postings, newest first), the best `event_candidates` by shared weight, and
  only stories active within `window_hours` of the item's own time; stories quiet for
  longer than the window are dropped from the index (their membership stays).

No word list of any language is used: IDF makes common words cheap.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from sys import intern
from typing import NamedTuple

from rapidfuzz import fuzz, process

from tui.dedup.reading import Reading, read
from tui.dedup.settings import Settings
from tui.ingest.dates import epoch
from tui.model import Item

_weight = itemgetter(1)


class _Probe(NamedTuple):
    """The item as scoring asks about it, made once for all its candidate stories."""

    vec: dict[str, float]
    #: its evidence terms with their rarity (see `_weigh`)
    weighed: list[tuple[str, float]]
    #: unit -> its numbers, of the weighed terms (see `_units_of`)
    units: dict[str, set[str]]
    head: str


def _units_of(terms: Iterable[str]) -> dict[str, set[str]]:
    """Unit -> the numbers given with it, of the number and result terms."""
    out: dict[str, set[str]] = {}
    for term in terms:
        if term[0] in "#=":
            unit, number = _unit(term)
            out.setdefault(unit, set()).add(number)
    return out


def _unit(term: str) -> tuple[str, str]:
    """("year", "23") for "#23 year"; ("=", "2-3") for a result "=2-3"."""
    if term[0] == "=":
        return "=", term[1:]
    number, _, unit = term[1:].partition(" ")
    return unit, number


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where `add` put an item: its story, how sure (0-100), and why in words;
    `joined` names the members it joined through, to try in turn: its lineage's
    item, then the story's first and newest members (empty for a new story)."""

    story: str
    score: float
    why: str
    joined: tuple[str, ...] = ()
    #: it followed its lineage (the lineage's story could take it)
    lineage: bool = False


#: the profile dicts of a story of one, shared and never written: `_Story.expand` gives
#: a story its own before anything is added (100,000 stories of one: 26 MB less)
_NO_CENTROID: dict[str, float] = {}
_NO_FACTS: Counter[str] = Counter()
_NO_UNITS: dict[str, set[str]] = {}


@dataclass(slots=True)
class _Story:
    """A story's profile. Most stories of a day stay one item, and a full day keeps
    100,000 of them within the window: a story of one keeps its item's vector as a
    tuple of terms and an array of weights and its facts as a tuple (a third of the
    memory of the dicts), made into the dicts when a second item joins."""

    sid: str
    first: float
    last: float
    #: members in its profile (centroid, facts): all of them, unless it was revived
    size: int = 0
    #: the stream's item count when the story last took an item (its age in items)
    last_n: int = 0
    #: sum of the members' unit vectors (term -> weight), pruned to the strongest terms
    centroid: dict[str, float] = field(default_factory=lambda: _NO_CENTROID)
    #: evidence term -> in how many members
    facts: Counter[str] = field(default_factory=lambda: _NO_FACTS)
    #: the folded headlines of the first members
    heads: list[str] = field(default_factory=list)
    #: unit -> the numbers the members give with it ("year" -> {"23", "24"}), and the
    #: results ("=2-3") they report
    units: dict[str, set[str]] = field(default_factory=lambda: _NO_UNITS)
    #: a story of one: its item's terms, weights and facts (the dicts above are empty)
    terms: tuple[str, ...] = ()
    weights: array[float] | None = None
    one_facts: tuple[str, ...] = ()

    def dot(self, vec: dict[str, float]) -> float:
        """The item vector's dot product with the centroid."""
        if self.weights is None:
            centroid = self.centroid
            return sum([vec[term] * centroid[term] for term in vec.keys() & centroid.keys()])
        terms, weights = self.terms, self.weights
        return sum([vec[term] * weights[terms.index(term)] for term in vec.keys() & terms])

    def unit_numbers(self) -> dict[str, set[str]]:
        return self.units if self.weights is None else _units_of(self.one_facts)

    def expand(self) -> None:
        """A second item joins: the story of one takes the dicts."""
        if self.weights is not None:
            self.centroid = dict(zip(self.terms, self.weights, strict=True))
            self.facts = Counter(self.one_facts)
            self.units = _units_of(self.one_facts)
            self.terms, self.weights, self.one_facts = (), None, ()


class EventIndex:
    def __init__(self, settings: Settings | None = None, fuzzy: bool = True) -> None:
        self.settings = settings or Settings()
        self.fuzzy = fuzzy
        self._df: Counter[str] = Counter()
        self._n = 0
        self._story_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        #: stories that can still take items (active within the window)
        self._active: dict[str, _Story] = {}
        #: term -> the newest stories keyed on it
        self._post: dict[str, list[str]] = {}
        #: first and last times of the stories dropped from the index
        self._spans: dict[str, tuple[float, float]] = {}
        self._latest = 0.0
        self._since_sweep = 0

    def __len__(self) -> int:
        return self._n

    # ---- reading an item -----------------------------------------------------------
    def reading_of(self, item: Item) -> Reading:
        s = self.settings
        return read(item.headline, item.body, item.dateline.city, s.event_head_weight,
                    s.event_lede_weight, s.event_fact_boost)

    def _vector(self, reading: Reading) -> dict[str, float]:
        """The item's TF-IDF vector over the stream so far (counting the item in): the
        heaviest `event_terms`, unit length, heaviest first (`_keys` reads them so)."""
        self._n += 1
        df = self._df
        terms = reading.terms
        df.update(terms)
        ln_n = math.log(self._n + 1)
        log = math.log
        vec = [(t, tf * (ln_n - log(df[t] + 0.5)))
               for t, tf in zip(terms, reading.tf, strict=True)]
        vec.sort(key=_weight, reverse=True)
        top = vec[:self.settings.event_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {intern(t): w / norm for t, w in top if w > 0}

    def _keys(self, vec: dict[str, float]) -> list[str]:
        """The item's heaviest `event_keys` terms (`vec` is heaviest first)."""
        return list(islice(vec, self.settings.event_keys))

    # ---- adding --------------------------------------------------------------------
    def add(self, key: str, item: Item, lineage: str | None = None,
            partners: Mapping[str, float] | None = None,
            against: Iterable[str] = (), kin: Iterable[str] = (),
            reading: Reading | None = None) -> Assignment:
        """Place the item: with `lineage` (an earlier item of its agency's lineage) in
        that item's story while the story stays within the window, else in the story
        it matches best as a whole, or a new one. `partners` are earlier items of other
        agencies that the lineage judge found near-identical or rewritten with the
        same names and numbers (key -> its score, 0-1): evidence for their stories,
        weighed with the rest, never a join of its own; `against` are earlier items
        whose ledes report other numbers (another result, other tallies): evidence
        against theirs; `kin` are partners of the item's own agency (a rewrite the
        judge scored alike), whose stories are not marked down for their age.
        `reading` is `reading_of(item)` when another process made it already."""
        s = self.settings
        t = epoch(item.sort_time)
        if reading is None:
            reading = self.reading_of(item)
        facts, head = reading.facts, reading.head
        vec = self._vector(reading)
        self._latest = max(self._latest, t)
        if lineage is not None and lineage in self._story_of:
            home = self._story_of[lineage]
            first, last = self._span(home)
            if self._within(first, last, t):
                story = self._active.get(home) or self._revive(home)
                members = self._members[home]
                # the story's first and newest members too: the desk may have taken
                # the lineage's item out of it
                joined = tuple(dict.fromkeys((lineage, members[0], members[-1])))
                self._join(story, key, t, vec, facts, head)
                return Assignment(home, 100.0, "same lineage as " + lineage, joined, True)
        best: _Story | None = None
        best_score = -1.0
        best_why = ""
        weighed = self._weigh(facts)
        probe = _Probe(vec, weighed, _units_of(term for term, _ in weighed), head)
        pairs: dict[str, float] = {}
        for other, value in (partners or {}).items():
            found = self._story_of.get(other)
            if found is not None and value > pairs.get(found, 0.0):
                pairs[found] = value
        akin = {found for other in kin if (found := self._story_of.get(other)) is not None}
        contradicted = {found for other in against
                        if (found := self._story_of.get(other)) is not None}
        candidates = self._candidates(vec, t)
        seen = {c.sid for c in candidates}
        for found in pairs:
            partner = self._active.get(found)
            if found not in seen and partner is not None \
                    and self._within(partner.first, partner.last, t):
                candidates.append(partner)
        judged = [(self._score(probe, story, False, pairs.get(story.sid, 0.0),
                               story.sid in contradicted, story.sid in akin), story)
                  for story in candidates]
        if self.fuzzy and judged:
            # a name slip can only add to a story's score: look names up fuzzily for
            # the best few only, and only those not found as written
            judged.sort(key=lambda sc: -sc[0][0])
            for n in range(min(s.event_fuzzy_candidates, len(judged))):
                story = judged[n][1]
                judged[n] = (self._score(probe, story, True,
                                         pairs.get(story.sid, 0.0),
                                         story.sid in contradicted, story.sid in akin),
                             story)
        for (score, why), story in judged:
            if score > best_score:
                best, best_score, best_why = story, score, why
        if best is not None and best_score >= s.event_min:
            members = self._members[best.sid]
            joined = tuple(dict.fromkeys((members[0], members[-1])))
            self._join(best, key, t, vec, facts, head)
            return Assignment(best.sid, round(best_score, 1), best_why, joined)
        sid = f"story:{key}"
        story = _Story(sid, t, t)
        self._active[sid] = story
        self._members[sid] = []
        self._join(story, key, t, vec, facts, head)
        self._sweep()
        return Assignment(sid, round(max(best_score, 0.0), 1), "new story")

    def add_all(self, items: Iterable[Item]) -> list[Assignment]:
        return [self.add(item.key, item) for item in items]

    def _revive(self, sid: str) -> _Story:
        """A story dropped from the index for being quiet, taken back by a late item of
        one of its lineages (its profile starts again; its span is kept)."""
        first, last = self._spans.pop(sid)
        story = _Story(sid, first, last)  # its size counts the members profiled
        self._active[sid] = story
        return story

    def _span(self, sid: str) -> tuple[float, float]:
        story = self._active.get(sid)
        return (story.first, story.last) if story is not None else self._spans[sid]

    def _within(self, first: float, last: float, t: float) -> bool:
        """A story of these first and last times would stay within `window_hours`
        with an item of time `t` (no time: every story can take it)."""
        window = self.settings.window_hours * 3600.0
        return not (t and last and (t - first > window or last - t > window))

    def _join(self, story: _Story, key: str, t: float, vec: dict[str, float],
              facts: tuple[str, ...], head: str) -> None:
        s = self.settings
        story.size += 1
        if t:  # an item with no time of its own stretches no story
            story.first = min(story.first, t) if story.first else t
            story.last = max(story.last, t)
        if story.size == 1 and not story.centroid:
            story.terms = tuple(vec)
            story.weights = array("d", vec.values())
            story.one_facts = tuple(dict.fromkeys(facts))
        else:
            story.expand()
            centroid = story.centroid
            for term, w in vec.items():
                centroid[term] = centroid.get(term, 0.0) + w
            if len(centroid) > 2 * s.event_profile_terms:
                kept = sorted(centroid.items(), key=_weight, reverse=True)
                story.centroid = dict(kept[:s.event_profile_terms])
            story.facts.update(set(facts))
            units = story.units
            for unit, numbers in _units_of(facts).items():
                units.setdefault(unit, set()).update(numbers)
        if len(story.heads) < 4:
            story.heads.append(head)
        story.last_n = self._n
        self._story_of[key] = story.sid
        self._members[story.sid].append(key)
        cap = s.event_postings
        for term in self._keys(vec):
            post = self._post.get(term)
            if post is None:
                self._post[term] = [story.sid]
            elif post[-1] != story.sid:
                if story.sid in post:
                    post.remove(story.sid)
                post.append(story.sid)
                if len(post) > cap:
                    del post[0]

    def _candidates(self, vec: dict[str, float], t: float) -> list[_Story]:
        """The stories most worth judging: those active within the window that share
        the most weight of the item's heaviest terms (an inverted-index accumulation,
        the cheap prefilter), the best `event_candidates` of them."""
        s = self.settings
        found: dict[str, float] = {}
        get = found.get
        for term in self._keys(vec):
            w = vec[term]
            for sid in self._post.get(term, ()):
                found[sid] = get(sid, 0.0) + w
        active = self._active
        out = []
        for sid in sorted(found, key=found.__getitem__, reverse=True):
            story = active.get(sid)
            if story is None:
                continue
            # the whole story stays within the window: its first and last members
            # and this item, not only this item and the story's latest
            if not self._within(story.first, story.last, t):
                continue
            out.append(story)
            if len(out) >= s.event_candidates:
                break
        return out

    def _weigh(self, facts: tuple[str, ...]) -> list[tuple[str, float]]:
        """The item's facts with their rarity (IDF), once per item: the ones common
        in the stream (IDF <= 0) say nothing and are dropped."""
        df = self._df
        ln_n = math.log(self._n + 1)
        out = []
        for term in facts:
            w = ln_n - math.log(df[term] + 0.5)
            if w > 0:
                out.append((term, w))
        return out

    def _features(self, probe: _Probe, story: _Story, fuzzy: bool
                  ) -> tuple[tuple[float, ...], list[str]]:
        """(cosine, share of facts, share of name runs, place conflict, headline
        likeness, gap in units of `event_gap_items`, rarity of the item's facts), and
        the shared facts."""
        s = self.settings
        vec, weighed, _, head = probe
        # the mean of the item's cosines with the members (group average), not the
        # cosine with the normalised centroid: a story whose members agree on little
        # has a short centroid, and normalising it would make it attract everything
        cos = story.dot(vec) / story.size
        # a story of one has its facts as a tuple (each once): asked as they are
        one = story.one_facts if story.weights is not None else None
        have = story.facts
        size = story.size
        total = shared = run_total = run_shared = 0.0
        hits: list[str] = []
        pool: list[str] | None = None
        place = False
        for term, w in weighed:
            run = term[0] == "~"
            if term[0] == "@":
                place = True
            if run:
                run_total += w
            else:
                total += w
            count = (term in one) if one is not None else have.get(term, 0)
            if not count and fuzzy and len(term) >= 5 and term[0] not in "#$":
                if pool is None:
                    pool = [f for f in (have if one is None else one)
                            if len(f) >= 4 and f[0] not in "#$"]
                match = process.extractOne(term, pool, scorer=fuzz.ratio,
                                           score_cutoff=s.event_fuzzy_min)
                if match is not None:
                    count = 1 if one is not None else have[match[0]]
            if count:
                # a fact of the story counts in full when half its members have it: one
                # member's name does not make a large story the item's
                w *= min(1.0, 2.0 * count / size)
                hits.append(term)
                if run:
                    run_shared += w
                else:
                    shared += w
        conflict = 0.0
        if place and not any(h[0] == "@" for h in hits):
            conflict = 1.0 if any(f[0] == "@" for f in (have if one is None else one)) \
                else 0.0
        likeness = 0.0
        if fuzzy and s.event_w_head and story.heads:
            likeness = max(fuzz.token_set_ratio(head, other) for other in story.heads) / 100
        # bounded: on a national wire a thousand items arrive in the hour before
        # another agency's copy, and an old story needs more evidence, not the
        # impossible
        gap = min(s.event_gap_most, (self._n - 1 - story.last_n) / s.event_gap_items)
        return (cos, shared / total if total else 0.0,
                run_shared / run_total if run_total else 0.0, conflict, likeness, gap,
                total), hits

    @staticmethod
    def _clash(mine: dict[str, set[str]], story: _Story) -> float:
        """How far the item's numbers contradict the story's: a result none of its
        members reports (another match, another vote), or, by share of the units both
        give, an age, a toll, a tally with none of the story's numbers for that unit
        (two shootings of a 23- and a 31-year-old). `mine`: the item's units and
        numbers (`_units_of`)."""
        if not mine:
            return 0.0
        theirs = story.unit_numbers()
        compared = clashed = 0
        for unit, numbers in mine.items():
            known = theirs.get(unit)
            if known:
                if unit == "=" and numbers.isdisjoint(known):
                    return 1.0
                compared += 1
                clashed += numbers.isdisjoint(known)
        return clashed / compared if compared else 0.0

    def _score(self, probe: _Probe, story: _Story, fuzzy: bool, pair: float,
               contradicted: bool, kin: bool) -> tuple[float, str]:
        """The item's score with the story (0-100, `event_min` joins) and why; `pair`
        is the best lineage-judge score (0-1) of another agency's copy in the story,
        `contradicted` that a member's lede reports other numbers."""
        s = self.settings
        f, hits = self._features(probe, story, fuzzy)
        cos, share, runs, conflict, likeness, gap, total_facts = f
        if kin:
            # the lineage judge found the agency's own rewrite in it, within the
            # window: that is the evidence an old story needs
            gap = 0.0
        # text alike but none of the specifics: a sibling event (another town, another
        # victim) until the facts agree; the text counts in full only when they do
        if total_facts:
            cos *= s.event_fact_gate + (1.0 - s.event_fact_gate) * share
        score = 100.0 * (s.event_w_text * cos + s.event_w_facts * share
                         + s.event_w_runs * runs + s.event_w_head * likeness
                         - s.event_w_conflict * conflict - s.event_w_gap * gap
                         - s.event_w_clash * self._clash(probe.units, story)
                         + s.event_w_pair * pair
                         - s.event_w_contradict * contradicted)
        shown = [h.lstrip("@~#=") for h in hits[:4]]
        why = (f"same event: {', '.join(dict.fromkeys(shown)) or 'words'}; "
               f"{100 * cos:.0f}% of weighted terms shared")
        if pair:
            why += f"; another agency's copy {100 * pair:.0f}% alike"
        return score, why

    def _sweep(self) -> None:
        """Drop the profiles of stories quiet for longer than the window."""
        self._since_sweep += 1
        if self._since_sweep < 1024:
            return
        self._since_sweep = 0
        horizon = self._latest - self.settings.window_hours * 3600.0
        gone = [sid for sid, st in self._active.items() if st.last and st.last < horizon]
        for sid in gone:
            story = self._active.pop(sid)
            self._spans[sid] = (story.first, story.last)
        if gone:
            for term in list(self._post):
                post = [sid for sid in self._post[term] if sid in self._active]
                if post:
                    self._post[term] = post
                else:
                    del self._post[term]

    # ---- reading ---------------------------------------------------------------------
    def story_of(self, key: str) -> str:
        return self._story_of[key]

    def members(self, story_id: str) -> list[str]:
        return list(self._members.get(story_id, ()))

    def stories(self) -> list[list[str]]:
        return [list(m) for m in self._members.values()]
