"""Every threshold and weight of the story detector, with the default chosen by measurement.

Measured on the synthetic stream (tui/dedup/synth.py: 10k items, seeds 3, 11 and 5)
and checked on the hand-written pairs (tests/dedup/corpus/pairs.toml); each comment
says what the value was weighed against. "Miss" below is an item whose story had an
earlier item but none among its candidates. Scores are 0-100 everywhere, so a
threshold reads the same in the config file, in `why` and on the screen.

Each setting's allowed range is declared next to its default (tui/ranges.py): scores
0-100, the text score's weights 0-1, hours more than 0, counts of things kept or judged
1 or more, paragraph and word counts 0 or more, and `name_boost` 1 or more (1: a name
weighs like a plain word). The config loader refuses anything outside it, NaN and
infinity included, naming the file, the line and the range.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.ranges import COUNT, SCORE, WEIGHT, at_least, more_than


@dataclass(frozen=True, slots=True)
class Settings:
    #: items further apart than this in time are never compared (no time: always compared)
    window_hours: float = field(default=72.0, metadata=more_than(0, "hours"))

    # ---- candidates: an inverted index of each item's rarest names, numbers, lede words
    #: key terms kept per item: 24 misses 2 items in 8,000 (16: 11; 32: no better and
    #: 40 % slower). Since the paragraph and one-liner candidates came, 16 and 20 give
    #: the synthetic stream's recall and F1 within 0.0015 (10k, seeds 3, 11, 5; 100k,
    #: seed 7), but a newspaper's rewrite of a wire story (seeds/: the Baghuz story, a
    #: long feature sharing few rare words with the agency copy) is found only at 24
    key_terms: int = field(default=24, metadata=COUNT)
    #: names and numbers count this many times a plain word when terms are ranked: at
    #: 1.5 the rare filler words of long features crowd the names out (14 misses, 2)
    name_boost: float = field(default=2.5, metadata=at_least(1))
    #: postings kept per term, newest first: 12 misses as few as 24 at half the cost
    #: (38 against 90 µs an item); 8 misses 4 of 8,000, but on the 100k stream (seed 7)
    #: 8 against 12 gave recall 0.9996 both (1.0 on repeats, versions, corrections),
    #: precision 0.9863 / 0.9843 (22 / 24 siblings glued), 14 % more items per second
    postings_cap: int = field(default=8, metadata=COUNT)
    #: candidates judged per new item, best shared key weight first: 5 misses 2 items
    #: in 8,000 (4: 4, 6: 1), and each costs ~15 µs
    candidates: int = field(default=5, metadata=COUNT)

    # ---- relations
    #: share of the shorter item's words in paragraphs both have, to call it a version
    #: (writethrus, corrections of long copy); 60 leaves room for a replaced lede
    contain_min: float = field(default=60.0, metadata=SCORE)
    #: shared paragraphs that start below this paragraph of either item (0 = the lede)
    #: need ledes that agree: a background paragraph quoting an earlier brief sits low
    contain_anchor: int = field(default=2, metadata=at_least(0))
    #: word-pair overlap of the two ledes to call them the same text with small changes
    #: (a brief's correction or refile: one word of 20 changes 2 pairs of 19, 89 %)
    lede_min: float = field(default=80.0, metadata=SCORE)
    #: ledes whose numbers disagree but whose names agree are still the same text if
    #: at most this many words changed (a corrected score or toll); one template told
    #: of two events differs in more than that
    lede_words_changed: int = field(default=2, metadata=at_least(0))
    #: ... and the share of lede names (places, people) it must agree on, since one
    #: template told of two quakes differs in little but the place and the toll
    lede_names_min: float = field(default=50.0, metadata=SCORE)
    #: an agency's one-liner and its full story: at most this many hours apart, and
    #: this share (by rarity) of the one-liner's names found in the story (and all its
    #: numbers): 50 missed an alert whose story leaves out the league; 20 joined
    #: alerts to other matches of one club (precision 0.996 to 0.990, seed 3)
    alert_hours: float = field(default=6.0, metadata=more_than(0, "hours"))
    alert_min: float = field(default=40.0, metadata=SCORE)
    #: the text score that makes a link, 100 x the weighted sum of four agreements:
    #: 57 / 60 / 63 gave F1 0.953 / 0.973 / 0.983 with 16 / 11 / 3 sibling events glued
    #: (seed 3, before the later vetoes), at the same recall within 0.001
    text_min: float = field(default=63.0, metadata=SCORE)
    #: weights of the text score (sum 1): a logistic regression on 80k candidate pairs
    #: of seed 3, rounded, with the lede numbers weighed up (the fit counts a sibling
    #: event like any other pair; numbers are what tells siblings apart):
    #: shared rare key terms,
    w_keys: float = field(default=0.10, metadata=WEIGHT)
    #: shared names and numbers (Jaccard),
    w_names: float = field(default=0.17, metadata=WEIGHT)
    #: the ledes' numbers (the smaller set's share in the other: tallies, scores),
    w_numbers: float = field(default=0.40, metadata=WEIGHT)
    #: and the ledes' names found in the other item (places, people), by rarity
    w_places: float = field(default=0.33, metadata=WEIGHT)
    #: items in two languages share only names and numbers: the text bar is this higher
    #: (not measured: the synthetic stream tells each story in one language)
    other_language: float = field(default=20.0, metadata=SCORE)
    #: a slug the agency reuses for a running story lowers the text bar by this much
    #: (kept small: agencies reuse a bill's slug for every day's vote)
    slug_bonus: float = field(default=10.0, metadata=SCORE)
    #: links kept per item (best first); more only cost memory
    links_kept: int = field(default=4, metadata=COUNT)

    # ---- same-event stories (tui/dedup/events.py): independently written copy of one
    # event. Measured on ../shared/dev-data (gva, gva-dense, basil; pairwise F1, one
    # setting for all three; see the module docstring for the numbers).
    #: score (0-100) an item needs with a story to join it. Before the fact gate: 14 /
    #: 18 / 22 gave F1 gva 0.877 / 0.864 / 0.83, dense 0.41 / 0.49 / 0.53, basil 0.972;
    #: with the gate at 0.5: 10 / 13 / 16 gave gva 0.856 / 0.842 / 0.791, dense 0.438 /
    #: 0.523 / 0.578, basil 0.972 / 0.972 / 0.943 (no rapidfuzz). Every gain on dense
    #: is bought with gva recall; 12 keeps gva and basil near their best
    event_min: float = field(default=12.0, metadata=SCORE)
    #: weights of the score (a logistic fit on oracle candidate pairs of gva and of
    #: dense agreed on the order: text, facts, gap, runs; then rounded and swept):
    #: the item's mean cosine with the story's members (group average),
    event_w_text: float = field(default=1.0, metadata=WEIGHT)
    #: share (by rarity) of the item's places, names and numbers the story has: 0.3
    #: and 0.5 cost gva 0.02-0.04 and gained nothing on dense, so it is kept small
    event_w_facts: float = field(default=0.15, metadata=WEIGHT)
    #: the share of the text score kept when the story has none of the item's places,
    #: names and numbers (the rest is scaled by the share it has): 1 = no gate
    event_fact_gate: float = field(default=0.5, metadata=WEIGHT)
    #: share (by rarity) of its runs of capitalised words (people, streets) found,
    event_w_runs: float = field(default=0.05, metadata=WEIGHT)
    #: the headline's fuzzy likeness to the story's first headlines (rapidfuzz
    #: token_set_ratio): 0.1 changed no F1 by 0.001, so it is off
    event_w_head: float = field(default=0.0, metadata=WEIGHT)
    #: less: a dateline place the story does not have when it has one of its own
    #: (rarely fires on the dev sets, which have few datelines)
    event_w_conflict: float = field(default=0.1, metadata=WEIGHT)
    #: less: numbers that contradict the story's (another result, another age or toll)
    event_w_clash: float = field(default=0.1, metadata=WEIGHT)
    #: more: another agency's copy in the story that the lineage judge links (the
    #: same text, a containment, the same names and numbers), times its score
    event_w_pair: float = field(default=0.4, metadata=WEIGHT)
    #: less: a member whose lede reports other numbers than the item's (the lineage
    #: judge's test: another result, two tallies with none in common). 0 / 0.1 / 0.2:
    #: gva 0.825 / 0.820 / 0.805, dense 0.788 / 0.786 / 0.776, generated F1 0.972 /
    #: 0.979 / 0.981 (basil 0.972)
    event_w_contradict: float = field(default=0.1, metadata=WEIGHT)
    #: less: the gap to the story's newest member, in items received since then (not
    #: hours: see events.py), per `event_gap_items`. Measured in hours as a share of
    #: the window it served either gva or dense (dense F1 0.49); counted in items,
    #: 0.1 per 10 items gave gva 0.857, dense 0.813, basil 0.972 at event_min 12
    event_w_gap: float = field(default=0.1, metadata=WEIGHT)
    event_gap_items: float = field(default=10.0, metadata=more_than(0, "items"))
    #: ... counted up to this many of those units: unbounded, a story was out of reach
    #: 300 items on (half an hour of a national wire; generated streams recall 0.64);
    #: at 2 / 3 / 4 / 5: dense 0.758 / 0.786 / 0.798 / 0.800, generated F1 0.964 /
    #: 0.974 / 0.972 / 0.919 (gva 0.825 and basil 0.972 throughout)
    event_gap_most: float = field(default=4.0, metadata=more_than(0, "units"))
    #: term frequency counts of a headline word and a lede word (a body word: 1)
    event_head_weight: float = field(default=3.0, metadata=at_least(1))
    event_lede_weight: float = field(default=2.0, metadata=at_least(1))
    #: places, names and numbers weigh this many times a plain word in the vector
    event_fact_boost: float = field(default=2.0, metadata=at_least(1))
    #: terms kept per item vector (200 against 60: gva +0.01, dense -0.1, 3x slower),
    #: and per story centroid
    event_terms: int = field(default=60, metadata=COUNT)
    event_profile_terms: int = field(default=150, metadata=COUNT)
    #: an item's heaviest terms that look up candidate stories (and post its story)
    event_keys: int = field(default=16, metadata=COUNT)
    #: stories kept per term, newest first; stories judged per item (an oracle run
    #: missed the true story of 66 of 672 gva items and 42 of dense at 24 / 10)
    event_postings: int = field(default=24, metadata=COUNT)
    event_candidates: int = field(default=10, metadata=COUNT)
    #: rapidfuzz ratio at which two names are one (Zelensky / Zelenskyy: 94,
    #: Nouripour / Nouripur: 94)
    event_fuzzy_min: float = field(default=85.0, metadata=SCORE)
    #: the best stories (by the score with names matched as written) whose names are
    #: then also looked up fuzzily
    event_fuzzy_candidates: int = field(default=2, metadata=COUNT)
