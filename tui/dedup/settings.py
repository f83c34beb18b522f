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
    #: a new item's link at least this strong to a second story joins the two stories
    #: (below text_min: every link does), so a story split by a weak first item is
    #: joined by the next that links to both. 60 / 80 / never: recall 0.9996 / 0.9966 /
    #: 0.9920 and version recall 1.0 / 1.0 / 0.9991 at precision 0.996 (seed 3)
    merge_min: float = field(default=60.0, metadata=SCORE)
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
