"""What the detector keeps of an item: a few hashes, a few dozen terms, small numbers.

Nothing here keeps the text itself, so 100k items fit in memory, and the cost of an
item does not grow with its length past the first kilobyte. The choices, and why:

* names are numbers and words capitalised inside a sentence (headline capitals all
  count); another agency's rewrite keeps them when it changes every other word;
* key terms are the rarest of the names and of the headline's and lede's words, names
  boosted; they are what the candidate index is built on;
* paragraph hashes find writethrus (B = A + paragraphs) and corrections (one paragraph
  changed) exactly, where shingles are diluted by the added text;
* the lede's word pairs find a brief's correction or refile (a word changed);
* the lede's names (places, people) and numbers and weekdays tell two events of one
  kind apart: another town, magnitude, score, tally or day.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from hashlib import blake2b
from itertools import chain, pairwise, repeat
from sys import intern
from typing import NamedTuple, Protocol

from tui.ingest.dates import epoch

#: numbers keep their inner separators (6.1, 45,000, 2:1, 3-2) so a changed digit is
#: one token, and a score or a tally is one
TOKEN = re.compile(r"\d+(?:[.,:\-]\d+)*|\w+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
#: a versioned id's last part: the stem, the separator, the number
_GUID_VERSION = re.compile(r"^((?:tag|urn):.+?)([:#])v?(\d+)$", re.I)
_SLUG_NOISE = re.compile(r"[\W_]+")
_KILL_MARK = re.compile(r"(?:kill|withdrawn|withdrawal|elimination)+$")
#: headline marks that say "a new version of the same story", not news
_HEAD_MARKS = re.compile(
    r"^(?:(?:(?:urgent|eilmeldung|alerte|urgente|flash|breaking|repeat|refile|corrected|"
    r"correction|update \d+|\d+(?:st|nd|rd|th) ld|zusammenfassung \d+|neu|nouveau|"
    r"actualisation \d+|ampliaci[oó]n \d+|nuevo)\s*[-:]\s*|"
    r"(?:URGENT|EILMELDUNG|ALERTE|URGENTE|FLASH|BREAKING|REPEAT|REFILE|CORRECTED)\s+))+",
    re.I)
#: agencies' own names, from datelines and credits ("(AP)", "(dpa)"): not news
_AGENCY_NAMES = frozenset(
    "ap afp reuters rtrs dpa efe ansa aap apa belga ats sda keystone upi pa kyodo xinhua "
    "yonhap tass ria anp ntb tt stt ritzau cp bloomberg epa kna ana mpa ctk pap mti".split())
#: upper-case initials of Latin, Greek and Cyrillic (Latin Extended-A mixes cases, so
#: what matches there is checked with isupper())
_UPPER = "A-Z\xc0-\xd6\xd8-\xde\u0100-\u017f\u0391-\u03a9\u0410-\u042f"
#: capitalised words and numbers (6.1, 45,000, 3-2) in one pass. The regex engine is
#: the cost here: one leading character class and no word boundary run three times
#: faster (a capital inside a word, as in "iPhone", is taken as a name; no matter).
_CAP_OR_NUMBER = re.compile(rf"[{_UPPER}0-9](?:(?<=[0-9])(?:[.,:\-]?[0-9])*|\w+)")
#: three to five capitalised words in a row ("US Geological Survey", "European Central
#: Bank"): named organisations, which another agency may write as an acronym
_CAPITAL_RUN = re.compile(rf"[{_UPPER}][\w'’]*(?:[ \-][{_UPPER}][\w'’]*){{2,4}}")
_ARTICLES = frozenset("The A An Le La Les Der Die Das Den Dem Des El Los Las Il Lo Gli De Het"
                      .split())
#: a capital after the end of a sentence or a paragraph (or a quote opening one)
_STARTER = re.compile(rf"[.!?…:\n]\s*[\"“«„'‘(¿¡]?([{_UPPER}]\w+)")
#: weekdays count with the lede's numbers: wire ledes say the day ("on Tuesday"), and
#: today's vote and yesterday's differ in little else
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miercoles jueves viernes sabado domingo "
    "lunedi martedi mercoledi giovedi venerdi sabato domenica".split())
_LEDE_TOKENS = 40
#: names are read from the headline and this much of the body: the top of a story
#: names what it is about, and the cost of an item stays flat however long it is
_NAMES_CHARS = 700
#: the lede's words are read from this much of the body (40 words fit)
_LEDE_CHARS = 320
#: a term in one item of twenty or more, and in this many at least, is no key
_COMMON_DF = 50
#: log(df + 0.5) for small document frequencies, the common case
_LOG_DF = [math.log(df + 0.5) for df in range(4096)]


class Copy(Protocol):
    """What the detector reads of an item (an `Item`, or the lighter copy of its fields
    that tui/dedup/bulk.py makes in its other process)."""

    @property
    def id(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def created(self) -> str: ...
    @property
    def versioned(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def signal(self) -> tuple[str, ...]: ...
    @property
    def refers_to(self) -> tuple[str, ...]: ...


def fold(text: str) -> str:
    """Case- and accent-folded, as tui.textsafe.fold, with a fast path for ASCII."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def guid_stem(item: Copy) -> str:
    """What every version of the item shares: the agency id when the item has a version
    (agencies send every version under one guid), else nothing: an id without a version
    names one item, whatever its last parts look like (WENN numbers its articles
    `urn:feed-wenn-com:newsfeedarticle:2:2222:1`, `…:3`: two stories, not two versions).
    A versioned id's last part is cut only where it is the version: the item's own
    version number (NewsML 1.2's RevisionId `urn:…:TX-PAR-FXW86:1`, any id ending in
    `:`, `#`, `/`, `_`, `-`, `.` or `v` and its version), or the numeric last colon part
    of a `tag:` id (`tag:reuters.com,2016:newsml_X:978556838`, Reuters' own form). A
    `urn:` id's other last part is a serial or a component (`…:4#98055801`): kept."""
    version = item.version.strip()
    if not version:
        return ""
    match = _GUID_VERSION.match(item.id)
    if match and (match.group(3) == version or (match.group(2) == ":"
                  and item.id[:4].lower() == "tag:")):
        return match.group(1)
    if len(item.id) > len(version) + 1 and item.id.endswith(version) \
            and item.id[-len(version) - 1] in ":#/_-.v":
        return item.id[:-len(version) - 1]
    return item.id


def _in_capitals(text: str) -> bool:
    upper = sum(map(str.isupper, text))
    return upper >= 8 and upper >= 0.8 * (upper + sum(map(str.islower, text)))


def slug_key(item: Copy) -> str:
    if not item.slug:
        return ""
    slug = _SLUG_NOISE.sub("", fold(item.slug))
    if "kill" in item.signal:
        # a kill notice is sent under the killed story's slug with a mark added
        slug = _KILL_MARK.sub("", slug)
    return f"{fold(item.source)}|{slug}"


def bare_headline(headline: str) -> str:
    """The headline without the marks of a new version ("UPDATE 2-", "URGENT")."""
    return _HEAD_MARKS.sub("", headline).strip()


class Features(NamedTuple):
    """The compact record of one item, about 1.5 KB. Immutable and made of strings,
    numbers, bytes and tuples of them only (arrays are packed into bytes), so Python's
    garbage collector stops tracking it: at 100k items a full collection over tracked
    records paused adding for most of a second."""

    #: position in the order of `add`
    idx: int
    #: the desk's key for the item (agency id and version), and the agency id
    item_id: str
    agency_id: str
    source: str
    language: str
    #: seconds since 1970; 0 when the item has no time
    t: float
    #: the body's paragraph hashes, as a tuple's hash (the headline's when no body)
    text_hash: int
    #: packed int64 `stable_hash`es of the paragraphs, and uint16 word counts: see hashes(),
    #: counts(); `paragraphs` is how many
    para_hash: bytes
    para_words: bytes
    paragraphs: int
    words: int
    #: packed int64 hashes of the word pairs of the first paragraph (the headline if
    #: no body): see pairs()
    lede: bytes
    #: the rarest terms, rarest first, and the sum of their weights when it came in
    keys: tuple[str, ...]
    weight: float
    #: sorted tuples, not sets: a set of 40 strings costs ten times the memory
    names: tuple[str, ...]
    #: the names (not numbers) of the headline and lede: where it happened, to whom;
    #: with their rarity (idf squared) when the item came in
    lede_names: tuple[str, ...]
    lede_weights: tuple[float, ...]
    #: numbers and weekdays of the headline and lede
    lede_numbers: tuple[str, ...]
    guid: str
    slug: str
    refers: tuple[str, ...]
    correction: bool
    kill: bool

    def hashes(self) -> memoryview:
        return memoryview(self.para_hash).cast("q")

    def counts(self) -> memoryview:
        return memoryview(self.para_words).cast("H")

    def pairs(self) -> memoryview:
        return memoryview(self.lede).cast("q")


class Analysis(NamedTuple):
    """What `analyse` reads from one item alone: everything but the term weights, which
    depend on the items before it. Strings, numbers, bytes and tuples only, so another
    process can make it (tui/dedup/bulk.py); its hashes are `stable_hash`es, which every
    process agrees on."""

    item_id: str
    agency_id: str
    source: str
    language: str
    t: float
    #: as in Features
    text_hash: int
    para_hash: bytes
    para_words: bytes
    words: int
    lede: bytes
    #: the terms weighed as words (the headline's and lede's but names), and as names
    plain: tuple[str, ...]
    key_names: tuple[str, ...]
    #: the names with the acronyms of named organisations, sorted
    names: tuple[str, ...]
    lede_names: tuple[str, ...]
    lede_numbers: tuple[str, ...]
    guid: str
    slug: str
    refers: tuple[str, ...]
    correction: bool
    kill: bool


def extract(item: Copy, idx: int, df: Mapping[str, int], n_docs: int, key_terms: int,
            name_boost: float) -> tuple[Features, dict[str, float]]:
    """The item's features and the weights of every term it could be keyed on (the caller
    counts them all in the document frequencies, and queries with `Features.keys`)."""
    return features(analyse(item), idx, df, n_docs, key_terms, name_boost)


def stable_hash(text: str) -> int:
    """A 64-bit hash of the text that every process agrees on: `hash(str)` is salted per
    process, and records made in another process (tui/dedup/bulk.py) are compared with
    ours."""
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"),
                                  digest_size=8).digest(), "little", signed=True)


def _paragraphs(body: str) -> list[str]:
    paragraphs = body.split("\n\n")
    if "" in paragraphs:
        paragraphs = [p for p in paragraphs if p]
    return paragraphs


def analyse(item: Copy) -> Analysis:
    """The part of `extract` that reads no document frequency (most of its cost)."""
    # The cost of this function is most of the cost of adding an item: loops run in C
    # (map, set operations, one regex pass per purpose) where they can.
    headline = bare_headline(item.headline)
    head_tokens = _tokens(headline)
    # The text as parsed (parsers fold spaces), not tokens: tokenising every paragraph
    # of a long feature would cost more than everything else together.
    paragraphs = _paragraphs(item.body)
    hashes = array("q", map(stable_hash, paragraphs))
    words = [n + 1 for n in map(str.count, paragraphs, repeat(" "))]
    counts = array("H", words if not words or max(words) < 65536
                   else [min(n, 65535) for n in words])
    lede = _tokens(item.body[:_LEDE_CHARS])[:_LEDE_TOKENS]
    first = lede[:counts[0]] if counts else head_tokens

    top = set(head_tokens)
    top.update(lede)
    facts = {t for t in top if t[0].isdigit()}
    facts.update(WEEKDAYS.intersection(top))
    # A score or tally counts whole and by its parts ("3-2" also as 3 and 2), since
    # another agency may write "by 270 votes to 21" for "270-21".
    facts.update(part for t in [t for t in facts if "-" in t] for part in t.split("-"))
    body = item.body[:_NAMES_CHARS]
    # A headline set in capitals (newspaper exports) has no telltale capital letters:
    # every word would pass for a name, so names come from the body alone.
    names = _names("" if _in_capitals(headline) else headline, body)
    lede_par = set(head_tokens)
    lede_par.update(first)
    lede_par &= names
    lede_par -= WEEKDAYS
    key_names = tuple(names)
    plain = tuple([t for t in top if (len(t) > 2 or t[0].isdigit()) and t not in names])
    # Acronyms of named organisations match another copy's "USGS" for "US Geological
    # Survey"; they are not keys (a German run of nouns makes junk ones).
    names.update(_acronyms(body))
    # A pair's hash is a tuple of two ints' hash, which no process salts.
    pairs = array("q", set(map(hash, pairwise(map(_TOKEN_HASHES.__getitem__, first)))))
    return Analysis(
        item.key, item.id, fold(item.source).strip(), item.language[:2].lower(),
        # the agency's own times: a file's arrival time says nothing about the event
        epoch(item.versioned or item.created),
        # A headline-only item (an alert, an empty refile) is its headline.
        hash(tuple(hashes)) if hashes else stable_hash("\x00head " + " ".join(first)),
        hashes.tobytes(), counts.tobytes(), sum(counts), pairs.tobytes(), plain, key_names,
        tuple(sorted(names)), tuple(sorted([t for t in lede_par if not t[0].isdigit()])),
        tuple(sorted(facts)), guid_stem(item), slug_key(item), item.refers_to,
        "correction" in item.signal, "kill" in item.signal)


def features(a: Analysis, idx: int, df: Mapping[str, int], n_docs: int,
             key_terms: int, name_boost: float) -> tuple[Features, dict[str, float]]:
    """The features of an item from its analysis, and the weights of its terms."""
    get = df.get
    keys, weights = weigh(a, [get(t, 0) for t in terms(a)], n_docs, key_terms, name_boost)
    # Terms and labels are interned: a hundred thousand items name the same places and
    # agencies, and one string object each is most of what they would cost.
    own = a._replace(source=intern(a.source), language=intern(a.language),
                     names=tuple(map(intern, a.names)),
                     lede_names=tuple(map(intern, a.lede_names)),
                     lede_numbers=tuple(map(intern, a.lede_numbers)))
    return assemble(own, idx, tuple(map(intern, keys)),
                    tuple(map(weights.__getitem__, keys)),
                    lede_weights(a, weights, name_boost)), weights


def terms(a: Analysis) -> tuple[str, ...]:
    """The terms an item is weighed on (and counted in the document frequencies by)."""
    return a.plain + a.key_names


def weigh(a: Analysis, frequencies: Sequence[int], n_docs: int, key_terms: int,
          name_boost: float) -> tuple[list[str], dict[str, float]]:
    """The item's key terms, rarest first, and the weight of each of its `terms`, whose
    document frequencies are `frequencies`: its inverse document frequency,
    log((N + 1) / (df + 0.5)), times `name_boost` for names and numbers."""
    ln_total = math.log(n_docs + 1)
    logs = _log_df(n_docs)
    idf = [ln_total - logs[df] for df in frequencies]
    plain = len(a.plain)
    idf[plain:] = [w * name_boost for w in idf[plain:]]
    weights = dict(zip(terms(a), idf, strict=True))
    # Rarest first; ties by the term itself, so the choice never depends on hash order
    # (the sort is stable, also in reverse).
    ranked = sorted(weights)
    ranked.sort(key=weights.__getitem__, reverse=True)
    del ranked[key_terms:]
    # A term in one item of twenty or more finds everything and tells nothing (in a
    # small index a story's own names are that frequent, so there it takes more).
    common = ln_total - math.log(max(_COMMON_DF, n_docs / 20) + 0.5)
    while len(ranked) > 1 and weights[ranked[-1]] < common:
        ranked.pop()
    return ranked, weights


def lede_weights(a: Analysis, weights: Mapping[str, float],
                 name_boost: float) -> tuple[float, ...]:
    """The rarity (idf squared) of each of the lede's names."""
    return tuple([(weights[t] / name_boost) ** 2 for t in a.lede_names])


def assemble(a: Analysis, idx: int, keys: tuple[str, ...], key_weights: tuple[float, ...],
             lede_weights: tuple[float, ...]) -> Features:
    """The record of an analysed, weighed item (strings as they are: the caller makes
    them its own)."""
    return Features(
        idx=idx, item_id=a.item_id, agency_id=a.agency_id, source=a.source,
        language=a.language, t=a.t, text_hash=a.text_hash, para_hash=a.para_hash,
        para_words=a.para_words, paragraphs=len(a.para_hash) // 8, words=a.words,
        lede=a.lede, keys=keys, weight=sum(key_weights), names=a.names,
        lede_names=a.lede_names, lede_weights=lede_weights, lede_numbers=a.lede_numbers,
        guid=a.guid, slug=a.slug, refers=a.refers, correction=a.correction, kill=a.kill)


def _log_df(n_docs: int) -> list[float]:
    """log(df + 0.5) for every df up to `n_docs`, grown as the index grows."""
    while len(_LOG_DF) <= n_docs:
        _LOG_DF.append(math.log(len(_LOG_DF) + 0.5))
    return _LOG_DF


def _acronyms(body: str) -> set[str]:
    """"US Geological Survey" -> "usgs": an all-capitals word whole, others by initial
    (a leading article left out: "The European Central Bank" -> "ecb")."""
    out = set()
    for run in _CAPITAL_RUN.findall(body):
        words = re.split(r"[ \-]", run)
        if words[0] in _ARTICLES:
            words = words[1:]
        if len(words) > 2:
            out.add(intern("".join(w if w.isupper() else w[0] for w in words).lower()))
    return out


def _names(headline: str, body: str) -> set[str]:
    """Numbers, and words capitalised inside a sentence, folded: what survives another
    agency's rewrite. In the body a capital that only ever starts a sentence is not a
    name; in the headline every capital counts, because a headline's first word is as
    often a name as not ("Merkel says") and rarity weighs the rest down."""
    found = _CAP_OR_NUMBER.findall(body)
    # (a digit is not upper case)
    words = [w for w in found if w[0].isupper()]
    names = set(words)
    starts = _STARTER.findall("\n" + body)
    for word in names.intersection(starts):
        if words.count(word) <= starts.count(word):
            names.discard(word)
    in_head = _CAP_OR_NUMBER.findall(headline)
    names.update(w for w in in_head if w[0].isupper())
    out = set(map(_FOLDED.__getitem__, names))
    out -= _AGENCY_NAMES
    out.update(map(intern, [w for w in found if w[0].isdigit()]))
    out.update(map(intern, [w for w in in_head if w[0].isdigit()]))
    return out


class _FoldedNames(dict[str, str]):
    """A name as written -> folded and interned. Wire copy names the same places and
    people over and over, so a look-up replaces case folding and interning; the table
    is emptied when it grows past `_FOLDED_MAX` (the next items fill it again)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _FOLDED_MAX:
            self.clear()
        folded = self[word] = intern(word.lower() if word.isascii() else fold(word))
        return folded


_FOLDED_MAX = 200_000
_FOLDED = _FoldedNames()


class _Chunks(dict[str, tuple[str, ...]]):
    """A run of text between spaces -> its tokens (`TOKEN`, folded). No token spans a
    space, and folding maps each character on its own, so the tokens of a text are its
    chunks' tokens in turn; chunks repeat from item to item far more than they are new,
    so a look-up replaces folding and the regex (a third cheaper on the lede). The
    table is emptied when it grows past `_FOLDED_MAX`."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= _FOLDED_MAX:
            self.clear()
        tokens = self[chunk] = tuple(map(intern, TOKEN.findall(fold(chunk))))
        return tokens


_CHUNKS = _Chunks()


class _TokenHashes(dict[str, int]):
    """A token -> its `stable_hash`, for the lede's word pairs; emptied when it grows
    past `_FOLDED_MAX`."""

    def __missing__(self, token: str) -> int:
        if len(self) >= _FOLDED_MAX:
            self.clear()
        found = self[token] = stable_hash(token)
        return found


_TOKEN_HASHES = _TokenHashes()


def _tokens(text: str) -> list[str]:
    """`TOKEN.findall(fold(text))`, chunk by chunk from `_CHUNKS`."""
    return list(chain.from_iterable(map(_CHUNKS.__getitem__, text.split())))
