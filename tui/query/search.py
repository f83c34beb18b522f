"""Full-text lookup for the queue: a word index over headline, slug and body.

Everything is folded (case and accents) and cut into words once, when an item arrives, so
that a keystroke costs set operations on the index rather than folding 100,000 bodies.
Each word maps to the ordinals of the items that have it (an `array` of ints: 4 bytes an
entry, where a set of keys would cost ten times that); a sorted vocabulary answers
prefixes by bisection, and typos are found by looking up the query word's one-edit
variants in that vocabulary, so no step of a search walks every item but the last, which
puts the hits in queue order.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from tui.model import Item
from tui.textsafe import fold

#: between paragraphs, as a word of its own, and between fields: wire text never holds
#: it (`textsafe` strips control characters), and no phrase can run across it
_BREAK = "\x00"
_WORD = re.compile(r"\w+|\x00")
# Every ASCII character that `\w` would not match, as a space: `str.translate` has a fast
# path for ASCII tables, three times quicker than the regular expression.
_ASCII_GAPS = str.maketrans({chr(c): " " for c in range(128)
                             if not (chr(c).isalnum() or chr(c) in ("_", _BREAK))})
#: past every character a word can continue with, for the end of a prefix's range
_LAST = "\U0010ffff"
#: a typo is only forgiven in a word this long: shorter ones have too many neighbours
TYPO_MIN = 5
#: what testing one item's word string costs, against adding one ordinal to a set
_VERIFY = 1.5


def folded(text: str) -> str:
    """`textsafe.fold`, with the common all-ASCII case done in C."""
    return text.lower() if text.isascii() else fold(text)


def words(text: str) -> list[str]:
    """The folded words of `text`, the same way for the index and for queries."""
    text = folded(text)
    if text.isascii():
        return text.translate(_ASCII_GAPS).split()
    return _WORD.findall(text)


def item_words(item: Item) -> tuple[list[str], list[str], list[str]]:
    """The words of headline, slug and body, with a break between paragraphs: a phrase
    never runs from one into the next."""
    return (words(item.headline), words(item.slug),
            words(item.body.replace("\n\n", f" {_BREAK} ")))


def has_phrase(item: Item, tokens: Sequence[str], prefix: bool) -> bool:
    """Whether headline, slug or body has `tokens` in a row as whole words (the last one
    only as the start of a word when `prefix`), for an item no index holds."""
    text = f" {_BREAK} ".join(" ".join(field) for field in item_words(item))
    return f" {' '.join(tokens)}{'' if prefix else ' '}" in f" {text} "


class _Phrase:
    """A phrase in the index's terms: the word ids of its whole words, in a row, and the
    ids the last word may be when it is a prefix (None: it is whole, part of `head`)."""

    __slots__ = ("head", "tail")

    def __init__(self, head: str, tail: frozenset[str] | None) -> None:
        self.head = head
        self.tail = tail

    def found_in(self, seq: str) -> bool:
        head, tail = self.head, self.tail
        if tail is None:
            return head in seq
        if not head:
            return any(word in seq for word in tail)
        size, at = len(head), seq.find(head)
        while at >= 0:
            if seq[at + size:at + size + 1] in tail:
                return True
            at = seq.find(head, at + 1)
        return False


class SearchIndex:
    """The words of every item the app has seen; `add` each item as it arrives.

    Besides the word lists, each item is kept as a string of word ids, one character a
    word: a phrase is then a substring of two or three characters, found at C speed in
    a few hundred bytes where the folded text would be kilobytes.
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._ordinal: dict[str, int] = {}
        self._seqs: list[str] = []
        #: folded slugs: unlike sources or statuses, nearly every item has its own
        self._slugs: list[str] = []
        #: a word's id is one character; the break stands for itself
        self._ids: dict[str, str] = {_BREAK: _BREAK}
        self._postings: dict[str, array[int]] = {}
        self._headlines: dict[str, array[int]] = {}
        # Sorted lazily: items arrive one at a time, and an insort per new word would
        # move the whole list each time.
        self._vocab: list[str] = []
        self._new_words: list[str] = []
        self._alphabet: set[str] = set()
        self._expansions: dict[str, tuple[list[str], list[str]]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._ordinal

    def add(self, item: Item) -> bool:
        """Index one item; False if its key was indexed already (items never change)."""
        key = item.key
        if key in self._ordinal:
            return False
        ordinal = len(self._keys)
        fields = item_words(item)
        found = set().union(*fields)
        found.discard(_BREAK)
        ids, postings, headlines = self._ids, self._postings, self._headlines
        for word in found.difference(ids):
            # Past the last code point every new word shares one id: its phrases may
            # over-match, a day would need a million distinct words to get there.
            ids[word] = chr(min(len(ids), 0x10FFFF))
            postings[word] = array("i")
            self._new_words.append(word)
        in_headline = set(fields[0])
        for word in in_headline.difference(headlines):
            headlines[word] = array("i")
        self._keys.append(key)
        self._ordinal[key] = ordinal
        self._slugs.append(folded(item.slug))
        self._seqs.append(_BREAK.join("".join(map(ids.__getitem__, field))
                                      for field in fields))
        for word in found:
            postings[word].append(ordinal)
        for word in in_headline:
            headlines[word].append(ordinal)
        return True

    def add_all(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    def update_all(self, items: Iterable[Item]) -> None:
        """Index each item's words as they are now, also under a key indexed before (a
        file read again gives its item new text). The old entry is left unreachable:
        searches go from key to entry, and the key now names the new one."""
        for item in items:
            self._ordinal.pop(item.key, None)
            self.add(item)

    # -- the filter's words and phrases ------------------------------------------------

    def has(self, key: str, tokens: Sequence[str], prefix: bool) -> bool | None:
        """Whether the item has the phrase (see `keep`); None if it was never added."""
        ordinal = self._ordinal.get(key)
        if ordinal is None:
            return None
        return self._phrase(tokens, prefix).found_in(self._seqs[ordinal])

    def keep_slug(self, keys: list[str], items: Mapping[str, Item], start: str,
                  negated: bool) -> list[str]:
        """The keys whose item's folded slug starts with `start` (or, `negated`, does
        not). Items not yet indexed are added."""
        self._add_missing(keys, items)
        ordinal, slugs = self._ordinal, self._slugs
        if negated:
            return [k for k in keys if not slugs[ordinal[k]].startswith(start)]
        return [k for k in keys if slugs[ordinal[k]].startswith(start)]

    def keep(self, keys: list[str], items: Mapping[str, Item], tokens: tuple[str, ...],
             prefix: bool, negated: bool) -> list[str]:
        """The keys whose item has `tokens` in a row as whole words (the last one only as
        the start of a word when `prefix`), or, `negated`, those without. Items not yet
        indexed are added."""
        self._add_missing(keys, items)
        ordinal = self._ordinal
        phrase = self._phrase(tokens, prefix)
        hits = self._hits(tokens, prefix, phrase, len(keys))
        if hits is None:  # few keys left: reading their word strings beats the postings
            seqs, found_in = self._seqs, phrase.found_in
            if phrase.tail is None:  # the common case, without a call per item
                head = phrase.head
                if negated:
                    return [k for k in keys if head not in seqs[ordinal[k]]]
                return [k for k in keys if head in seqs[ordinal[k]]]
            if negated:
                return [k for k in keys if not found_in(seqs[ordinal[k]])]
            return [k for k in keys if found_in(seqs[ordinal[k]])]
        if negated:
            return [k for k in keys if ordinal[k] not in hits]
        return [k for k in keys if ordinal[k] in hits]

    def _add_missing(self, keys: list[str], items: Mapping[str, Item]) -> None:
        ordinal = self._ordinal
        for key in keys:
            if key not in ordinal:
                self.add(items[key])

    def _phrase(self, tokens: Sequence[str], prefix: bool) -> _Phrase:
        ids = self._ids
        whole = tokens[:-1] if prefix else tokens
        if any(token not in ids for token in whole):
            return _Phrase(_BREAK, frozenset())  # a word no item has: nothing
        head = "".join(ids[token] for token in whole)
        if not prefix:
            return _Phrase(head, None)
        tail = [ids[word] for word in self._prefixed(tokens[-1])]
        if len(tail) == 1:  # the prefix is one word only: the phrase is that word, whole
            return _Phrase(head + tail[0], None)
        return _Phrase(head, frozenset(tail))

    def _hits(self, tokens: tuple[str, ...], prefix: bool, phrase: _Phrase,
              budget: int) -> set[int] | None:
        """Ordinals of every item with the phrase, or None when testing `budget` items'
        word strings one by one is cheaper."""
        if len(tokens) == 1:
            found = self._prefixed(tokens[0]) if prefix else [tokens[0]]
            lists = [p for p in map(self._postings.get, found) if p is not None]
            if sum(map(len, lists)) > budget * len(found) * _VERIFY:
                return None
            return _union(lists)
        # A phrase: test only the items that have its rarest whole word.
        whole = tokens[:-1] if prefix else tokens
        rarest = min((self._postings.get(t, ()) for t in whole), key=len)
        if len(rarest) >= budget:
            return None
        seqs, found_in = self._seqs, phrase.found_in
        if phrase.tail is None:
            head = phrase.head
            return {o for o in rarest if head in seqs[o]}
        return {o for o in rarest if found_in(seqs[o])}

    # -- search ------------------------------------------------------------------------

    def search(self, text: str, keys: Sequence[str], limit: int | None = None) -> list[str]:
        """The keys whose headline, slug or body has every word of `text`, each as the
        start of a word or, from TYPO_MIN letters, with one typo. First the items whose
        headline has every word, then those whose headline has some, then the rest;
        items that matched only through a typo come last. Within each, the order of
        `keys` (newest first). Keys that were never `add`ed are not found."""
        tokens = list(dict.fromkeys(words(text)))
        if not tokens:
            return list(keys[:limit] if limit is not None else keys)
        matched: list[set[int]] = []
        headlines: list[set[int]] = []
        typos: list[set[int]] = []
        for token in tokens:
            exact, close = self._expand(token)
            found = _union(map(self._postings.get, exact))
            by_typo = _union(map(self._postings.get, close)) - found
            matched.append((found | by_typo) if by_typo else found)
            headlines.append(_union(map(self._headlines.get, exact + close)))
            typos.append(by_typo)
        hits = set.intersection(*sorted(matched, key=len))
        if not hits:
            return []
        every = set.intersection(*headlines) & hits
        some = set().union(*headlines) & hits
        typo = set().union(*typos) & hits
        get = self._ordinal.get
        ranked = [o for k in keys if (o := get(k, -1)) in hits]
        if some or typo:
            # One set test per hit and tier, rather than a score per hit and a sort.
            some -= every
            typo -= every | some
            tiers = (every, some, hits - every - some - typo, typo)
            ranked = [o for tier in tiers if tier for o in ranked if o in tier]
        key_of = self._keys
        return [key_of[o] for o in (ranked[:limit] if limit is not None else ranked)]

    def _expand(self, token: str) -> tuple[list[str], list[str]]:
        """The indexed words `token` starts, and those it reaches with one typo."""
        vocab = self._sorted_vocab()
        known = self._expansions.get(token)
        if known is not None:
            return known
        exact = self._prefixed(token)
        typos: set[str] = set()
        if len(token) >= TYPO_MIN and token.isalpha():
            postings = self._postings
            for variant, at_end in _variants(token, self._alphabet):
                if variant in postings:
                    typos.add(variant)
                if not at_end:  # dropping the last letter is only a shorter prefix
                    typos.update(self._prefixed(variant, vocab))
            typos.difference_update(exact)
        found = (exact, sorted(typos))
        self._expansions[token] = found
        return found

    def _prefixed(self, token: str, vocab: list[str] | None = None) -> list[str]:
        vocab = vocab if vocab is not None else self._sorted_vocab()
        start = bisect_left(vocab, token)
        if start == len(vocab) or not vocab[start].startswith(token):
            return []
        return vocab[start:bisect_left(vocab, token + _LAST, start)]

    def _sorted_vocab(self) -> list[str]:
        if self._new_words:
            for word in self._new_words:
                self._alphabet.update(word)
            self._vocab.extend(sorted(self._new_words))
            self._vocab.sort()  # two sorted runs: timsort merges them in one pass
            self._new_words.clear()
            self._expansions.clear()
        return self._vocab


def _union(lists: Iterable[array[int] | None]) -> set[int]:
    out: set[int] = set()
    for postings in lists:
        if postings:
            out.update(postings)
    return out


def _variants(word: str, alphabet: set[str]) -> Iterable[tuple[str, bool]]:
    """Every string one edit from `word` (drop, swap neighbours, replace, insert), with
    whether the edit dropped the last letter."""
    last = len(word) - 1
    for i in range(len(word)):
        head, tail = word[:i], word[i + 1:]
        yield head + tail, i == last
        if i < last:
            yield head + word[i + 1] + word[i] + word[i + 2:], False
        for letter in alphabet:
            yield head + letter + tail, False
            yield head + letter + word[i:], False
    for letter in alphabet:
        yield word + letter, False
