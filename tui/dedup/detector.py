"""The incremental story detector: `add` an item, get its links; ask for its story.

Adding an item costs its candidates only: the postings of its key terms (at most
`key_terms` lists of at most `postings_cap` items), the item with the same text, the
items with the same guid stem or slug, the items it refers to, the newest items with
one of its paragraphs (a writethru under a new lede) and the source's recent
one-liners that share a term with it (an alert before its story). The best
`candidates` of them by shared key weight are judged (tui/dedup/judge.py), and the
links that hold place the item in a story (tui/dedup/stories.py). Nothing here ever
passes over all items, and the text is not kept (see features.py for what is).

Items are known by `Item.key` (agency id, and version where there is one).
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass

from tui.dedup.bulk import Prepared, prepared
from tui.dedup.events import EventIndex
from tui.dedup.features import Features, analyse, features
from tui.dedup.judge import Context, by_likeness, judge, numbers_disagree, one_liner, refers
from tui.dedup.settings import Settings
from tui.dedup.stories import Overrides, Placement
from tui.gcpause import collector_paused
from tui.ingest.dates import epoch
from tui.model import Item

#: relations a member can have, strongest first (ties in a report)
RELATIONS = ("repeat", "correction", "version", "kill", "other_agency", "same_event",
             "merged")
_STRUCTURAL_CAP = 16
#: paragraphs indexed per item (the top: a writethru keeps the old top lower down), of
#: at least this many words (a dateline or a one-line credit is in every story)
_PARA_INDEXED = 8
_PARA_MIN_WORDS = 6
#: at most this many candidates found by a shared paragraph besides the others
_PARA_CANDIDATES = 3
#: one-liners kept per source for their full story to find
_ALERTS_KEPT = 24
#: a stored link: (earlier item, relation, score, the why joined by "; "). A plain
#: tuple of atoms, which the garbage collector stops tracking.
_Stored = tuple[int, str, int, str]


@dataclass(frozen=True, slots=True)
class Link:
    """`item` (the newer) is `relation` of `other` (an earlier item), with a score 0-100
    and the signals that made it (`why`)."""

    item: str
    other: str
    relation: str
    score: int
    why: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    #: "lead", or the relation to `to` (the lead when linked to it, else the nearest
    #: member); "merged" when the desk put it there or no link of its own holds it
    relation: str
    score: int
    why: tuple[str, ...]
    to: str = ""
    #: the first item of its lineage (the agency's repeats, versions, corrections)
    lineage: str = ""
    #: why that lineage is in the story: the event layer's words for its first item,
    #: "lead lineage" for the lead's, "merged by the desk" for one the desk put there
    joined: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    #: the newest item with a body of the agency that had the story first
    lead: str
    members: tuple[Member, ...]


def in_time_order(items: Iterable[Item]) -> list[Item]:
    """The items in the order the wire sent them, as the queue shows them: by
    `Item.sort_time` (the agency's time, else the file's), the same set of files giving
    the same order however they were read. Items that share a file time only (copy
    with no time of its own, as PA's plain text) go by key; items that share an agency
    time keep the order given, as do items with no time at all, not even a file's
    (made in memory), which stay after the item before them. `add_all` and `wiredesk
    dupes` (report.py) place a day in this order, so the app and the command give the
    same stories."""
    keyed: list[tuple[float, str, int, Item]] = []
    last = 0.0
    for n, item in enumerate(items):
        when = item.sort_time
        last = epoch(when) if when else last
        own = bool(item.versioned or item.created)
        keyed.append((last, "" if own or not when else item.key, n, item))
    keyed.sort(key=lambda row: row[:3])
    return [row[3] for row in keyed]


class Detector:
    def __init__(self, settings: Settings | None = None,
                 overrides: Overrides | None = None) -> None:
        self.settings = settings or Settings()
        #: every item's features as a plain tuple (a NamedTuple instance is never
        #: untracked by the garbage collector, a tuple of atoms is), see _doc()
        self._docs: list[tuple[object, ...]] = []
        #: each item's key weight, beside the features for the candidate loop
        self._weight = array("d")
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._df: Counter[str] = Counter()
        #: term -> the newest items keyed on it (arrays: compact, and the collector
        #: does not track them)
        self._post: dict[str, array[int]] = {}
        self._by_text: dict[int, int] = {}
        #: paragraph hash -> the newest item with it (the top paragraphs of some length)
        self._by_para: dict[int, int] = {}
        #: source -> its newest one-liners
        self._alerts: dict[str, list[int]] = {}
        #: agency id -> its newest version, for items whose key adds a version
        self._by_agency: dict[str, int] = {}
        self._by_guid: dict[str, list[int]] = {}
        self._by_slug: dict[str, list[int]] = {}
        #: per item: its kept links to earlier items, best first
        self._links: list[tuple[_Stored, ...]] = []
        #: per item: the first item of its lineage (itself when it starts one)
        self._root = array("i")
        #: per item: the earlier items whose story it joined (see stories.Placement)
        self._targets: list[tuple[int, ...]] = []
        #: the level above lineage: which lineage joins which story on its text
        self.events = EventIndex(self.settings)
        self._stories = Placement(self._ids)
        if overrides is not None:
            self._stories.set_overrides(overrides)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    @property
    def document_frequencies(self) -> Mapping[str, int]:
        """In how many items each term was (read only)."""
        return self._df

    # ---- adding ----------------------------------------------------------------------

    def add(self, item: Item, ready: Prepared | None = None) -> list[Link]:
        """Place one item; returns its links to earlier items, best first. A key seen
        before is not added again (and gets no links). `ready` is the item's record
        when another process made it already (see `add_all`); the links are the same
        either way."""
        if item.key in self._index:
            return []
        s = self.settings
        n = len(self._docs)
        reading = None
        if ready is not None and ready[0].idx == n:
            f, terms, key_weights, reading = ready
        else:
            f, weights = features(analyse(item), n, self._df, n, s.key_terms, s.name_boost)
            terms, key_weights = tuple(weights), tuple(map(weights.__getitem__, f.keys))
        found, against = self._judge_candidates(f, self._candidates(f, key_weights))
        found.sort(key=lambda link: (-link[2], -link[0]))
        kept = tuple(found[:s.links_kept])
        self._remember(f, terms)
        # The item's lineage is its best exact link's (the same text, guid, reference,
        # containment, lede, alert, to its own agency). The event layer places it: in
        # its lineage's story while that story stays within the window, else by its
        # text, with the judge's other findings as evidence for or against stories
        # (another agency's copy, an own rewrite alike by the text score alone, a lede
        # with other numbers); the item then starts a lineage of its own.
        own = [link for link in kept
               if link[1] != "other_agency" and not by_likeness(link[3])]
        partners = {self._ids[link[0]]: link[2] / 100 for link in kept
                    if link not in own}
        parent = own[0][0] if own else -1
        kin = [self._ids[link[0]] for link in kept
               if link[1] != "other_agency" and link not in own]
        placed = self.events.add(item.key, item, self._ids[parent] if own else None,
                                 partners, [self._ids[c] for c in against], kin,
                                 reading)
        self._root.append(self._root[parent] if placed.lineage else n)
        targets = tuple(self._index[other] for other in placed.joined)
        if targets and not placed.lineage:
            score = max(0, min(100, round(placed.score)))
            kept = kept[:max(0, s.links_kept - len(targets))] + tuple(
                (other, "same_event", score, placed.why) for other in targets)
        self._links.append(kept)
        self._targets.append(targets)
        self._stories.place(n, targets)
        return [self._link(n, stored) for stored in kept]

    def add_all(self, items: Iterable[Item],
                progress: Callable[[int], None] | None = None) -> None:
        """`add` every item in turn, in the wire's order (`in_time_order`: the same
        files give the same stories whatever order they were read in);
        from `bulk.BULK_MIN` items their records are made
        in a second process while this one adds, so two cores work. `progress` is told
        the count of items added every thousand."""
        fresh: dict[str, Item] = {}
        for item in items:
            if item.key not in self._index:
                fresh.setdefault(item.key, item)
        s = self.settings
        ordered = in_time_order(fresh.values())
        # closing(): an exception here shuts the other process down now, not when the
        # traceback lets go of the iterator.
        with collector_paused(), \
                closing(prepared(ordered, self._df, len(self._docs),
                                 s.key_terms, s.name_boost,
                                 reading=(s.event_head_weight, s.event_lede_weight,
                                          s.event_fact_boost))) as stream:
            for done, (item, ready) in enumerate(stream, 1):
                self.add(item, ready)
                if progress is not None and done % 1000 == 0:
                    progress(done)

    def _candidates(self, f: Features, key_weights: tuple[float, ...]) -> dict[int, float]:
        # The walk over postings is the loop of this class that runs most: a plain dict
        # and arrays (no int objects to chase through memory) keep it short.
        acc: dict[int, float] = {}
        get = acc.get
        post = self._post
        for term, w in zip(f.keys, key_weights, strict=True):
            postings = post.get(term)
            if postings:
                for c in postings:
                    acc[c] = get(c, 0.0) + w
        of, mine = self._weight, f.weight
        # Shared weight squared over the smaller item's weight: favours a short alert
        # wholly inside a long story over a long story sharing many common words.
        floor = 0.05 * mine
        scored = [(a * a / (w if (w := of[c]) < mine else mine), c)
                  for c, a in acc.items() if a >= floor]
        chosen = {c: acc[c] for _, c in heapq.nlargest(self.settings.candidates, scored)}
        extra: list[int] = []
        same_text = self._by_text.get(f.text_hash)
        if same_text is not None:
            extra.append(same_text)
        if f.guid:
            extra += self._by_guid.get(f.guid, ())
        if f.slug:
            extra += self._by_slug.get(f.slug, ())
        for ref in f.refers:
            # An agency id names its newest version here; a desk key names one item.
            if ref in self._index:
                extra.append(self._index[ref])
            elif ref in self._by_agency:
                extra.append(self._by_agency[ref])
        # A writethru whose new lede and headline push the old top out of its key terms
        # still has the old paragraphs: the newest items with any of them.
        by_para = self._by_para
        for h in f.hashes():
            found = by_para.get(h)
            if found is not None and found not in chosen:
                chosen[found] = acc.get(found, 0.0)
                if len(chosen) >= self.settings.candidates + _PARA_CANDIDATES:
                    break
        # An agency's one-liner has few key terms, and a long story sharing them all
        # ranks below stories sharing many common words: its recent one-liners that
        # share a term are judged too.
        if f.source and not one_liner(f):
            for c in self._alerts.get(f.source, ()):
                if c in acc:
                    extra.append(c)
        for c in extra:
            chosen.setdefault(c, acc.get(c, 0.0))
        return chosen

    def _judge_candidates(self, f: Features, chosen: dict[int, float]
                          ) -> tuple[list[_Stored], list[int]]:
        """The links that hold, and the candidates whose ledes report other numbers
        (another result, other tallies: see judge.numbers_disagree)."""
        s, docs, make = self.settings, self._docs, Features._make
        window = s.window_hours * 3600
        story_of = self._stories.story_of
        # Placement needs one link per story: a candidate in a story already joined by
        # one is not judged, unless that link is another agency's and the candidate is
        # the item's own agency (it may be a version, which the desk should see as
        # such). Judging was most of the cost of an item.
        own: set[int] = set()
        other: set[int] = set()
        out: list[_Stored] = []
        against: list[int] = []
        ctx: Context | None = None  # made for the first candidate judged
        for c, shared in chosen.items():
            story = id(story_of(c))
            if story in own or (story in other and docs[c][3] != f.source):
                continue
            old = make(docs[c])
            # The window holds for every way a candidate is found (text, guid stem, slug,
            # paragraph, terms, alert), on the items' own times (versioned, else created:
            # a file's arrival time says nothing about the event). An item with no time
            # of its own is in every window. Only `refers_to` crosses it: the agency
            # names that very item (a correction or kill days later is still its own).
            # A guid stem does not: it is cut from ids by our rule, and an id met again
            # years later is a feed reusing it, not a version the desk is working on.
            if f.t and old.t and abs(f.t - old.t) > window and not refers(f, old):
                continue
            if ctx is None:
                ctx = Context(f)
            verdict = judge(ctx, old, shared, s)
            if verdict is not None:
                relation, score, why = verdict
                out.append((c, relation, score, "; ".join(why)))
                (own if relation != "other_agency" else other).add(story)
            elif numbers_disagree(ctx, old):
                against.append(c)
        return out, against

    def _remember(self, f: Features, terms: Iterable[str]) -> None:
        n, post, cap = f.idx, self._post, self.settings.postings_cap
        if terms:
            self._df.update(terms)
        for term in f.keys:
            postings = post.get(term)
            if postings is None:
                post[term] = array("i", (n,))
            else:
                postings.append(n)
                if len(postings) > cap:
                    del postings[0]
        self._by_text[f.text_hash] = n
        counts = f.counts()
        for at, h in enumerate(f.hashes()[:_PARA_INDEXED]):
            if counts[at] >= _PARA_MIN_WORDS:
                self._by_para[h] = n
        if f.source and one_liner(f):
            recent = self._alerts.setdefault(f.source, [])
            recent.append(n)
            if len(recent) > _ALERTS_KEPT:
                del recent[0]
        for table, key in ((self._by_guid, f.guid), (self._by_slug, f.slug)):
            if key:
                bucket = table.setdefault(key, [])
                bucket.append(n)
                if len(bucket) > _STRUCTURAL_CAP:
                    del bucket[0]
        self._docs.append(tuple(f))
        self._weight.append(f.weight)
        self._ids.append(f.item_id)
        self._index[f.item_id] = n
        if f.agency_id != f.item_id:
            self._by_agency[f.agency_id] = n

    def _link(self, n: int, stored: _Stored) -> Link:
        other, relation, score, reasons = stored
        return Link(self._ids[n], self._ids[other], relation, score,
                    tuple(reasons.split("; ")) if reasons else ())

    # ---- overrides -------------------------------------------------------------------

    @property
    def overrides(self) -> Overrides:
        return self._stories.overrides

    def apply_overrides(self, overrides: Overrides) -> None:
        """Take the desk's decisions and place every item again (links are kept, so
        this costs a pass over links, not a comparison of texts). The same decisions
        as the stories were placed with change nothing: no pass (a second at 100,000
        items, on the screen's thread when the day's stories are installed)."""
        if overrides == self._stories.overrides:
            return
        self._stories.set_overrides(overrides)
        self._stories.replay(self._targets)

    # ---- stories ---------------------------------------------------------------------

    def story_id(self, key: str) -> str | None:
        n = self._index.get(key)
        return None if n is None else self._stories.story_of(n).id

    def size_of(self, key: str) -> int:
        n = self._index.get(key)
        return 1 if n is None else len(self._stories.story_of(n).members)

    def member_ids(self, key: str) -> list[str]:
        """The keys of the item's story, in the order they were added."""
        n = self._index.get(key)
        if n is None:
            return []
        return [self._ids[m] for m in self._stories.story_of(n).members]

    def lead_id(self, key: str) -> str:
        n = self._index.get(key)
        if n is None:
            return ""
        return self._ids[self.lead_of(self._stories.story_of(n).members)]

    def links_of(self, key: str) -> list[Link]:
        """The item's links to earlier items, best first (later items' links to it are
        theirs)."""
        n = self._index.get(key)
        return [] if n is None else [self._link(n, stored) for stored in self._links[n]]

    def stories(self) -> list[tuple[str, list[str], str]]:
        """Every story, single items included, oldest first: (id, member keys in the
        order they were added, lead key). Cheaper than `clusters` (no links read)."""
        chosen = sorted(self._stories.stories(), key=lambda st: st.members[0])
        return [(story.id, [self._ids[m] for m in story.members],
                 self._ids[self.lead_of(story.members)]) for story in chosen]

    def cluster_of(self, key: str) -> Cluster | None:
        n = self._index.get(key)
        if n is None:
            return None
        story = self._stories.story_of(n)
        return self._cluster(story.members, story.id)

    def clusters(self, min_size: int = 2) -> list[Cluster]:
        """Every story of at least `min_size` items, oldest story first."""
        chosen = sorted((story for story in self._stories.stories()
                         if len(story.members) >= min_size), key=lambda st: st.members[0])
        return [self._cluster(story.members, story.id) for story in chosen]

    def lead_of(self, members: list[int]) -> int:
        """The newest version of the agency that had the story first: the source of the
        earliest member (time, then order of arrival), its newest item (ditto) that has
        a body, or its newest item if none has (an alert not yet followed up). A kill or
        withdrawal notice never leads while the story has any other item: the editor must
        see the story that was killed, struck through, not the notice."""
        every = [Features._make(self._docs[m]) for m in members]
        docs = [d for d in every if not d.kill] or every
        first = min(docs, key=lambda d: (d.t, d.idx))
        own = [d for d in docs if d.source == first.source]
        with_body = [d for d in own if d.words] or own
        return max(with_body, key=lambda d: (d.t, d.idx)).idx

    def _cluster(self, members: list[int], story_id: str) -> Cluster:
        lead = self.lead_of(members)
        lead_id = self._ids[lead]
        inside = set(members)
        merged = {item for item, _ in self._stories.overrides.merged}
        # Links between members, from the newer side (each is stored there once).
        touching: dict[int, list[Link]] = {m: [] for m in members}
        for m in members:
            for stored in self._links[m]:
                if stored[0] in inside:
                    link = self._link(m, stored)
                    touching[m].append(link)
                    touching[stored[0]].append(link)
        roots = self._root
        lead_root = roots[lead]
        joined: dict[int, tuple[str, ...]] = {}
        for m in members:
            root = roots[m]
            if root not in joined:
                joined[root] = self._joined(root, lead_root, merged)
        out = [Member(lead_id, "lead", 100, (), "", self._ids[lead_root], joined[lead_root])]
        for m in members:
            if m == lead:
                continue
            key = self._ids[m]
            lineage = self._ids[roots[m]]
            if key in merged or not touching[m]:
                why = ("merged by the desk",) if key in merged else ("joined with its story",)
                out.append(Member(key, "merged", 100, why, lead_id, lineage, joined[roots[m]]))
                continue
            own_links = touching[m]
            if roots[m] == m and roots[m] != lead_root:
                # the first item of another lineage: how that lineage joined the story
                # (its own event link), not how its later versions link to it
                own_links = [link for link in touching[m]
                             if link.item == key and link.relation in ("same_event",
                                                                       "other_agency")] \
                    or [link for link in touching[m] if link.item == key] or own_links
            else:
                # an item inside a lineage: its relation within it
                own_links = [link for link in touching[m]
                             if roots[self._index[link.item]] == roots[self._index[link.other]]
                             ] or own_links
            best = max(own_links, key=lambda link: (lead_id in (link.item, link.other),
                                                    link.score,
                                                    -RELATIONS.index(link.relation)))
            to = best.other if best.item == key else best.item
            relation = best.relation
            if best.item != key and relation == "correction":
                # the link is the newer item's: this one is what it corrects, an
                # earlier version of the agency's story
                relation = "version"
            out.append(Member(key, relation, best.score, best.why, to, lineage,
                              joined[roots[m]]))
        return Cluster(story_id, lead_id, tuple(out))

    def _joined(self, root: int, lead_root: int, merged: set[str]) -> tuple[str, ...]:
        """Why the lineage that `root` starts is in its story, in the desk's words."""
        if root == lead_root:
            return ("lead lineage",)
        if self._ids[root] in merged:
            return ("merged by the desk",)
        for other, relation, _, why in self._links[root]:
            if relation == "same_event":
                return (f"{why} (with {self._ids[other]})",)
        return ("joined with its story",)
