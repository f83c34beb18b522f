"""A labelled synthetic wire: many agencies' copy of many stories, with every relation the
detector must find and every look-alike it must keep apart.

Deterministic for a seed (one `random.Random`, no set iteration), so the tests, the
corpus script and the benchmark see the same stream. What it makes, per story:

* the original agency's copy, sometimes after an urgent one-liner, in one of three
  lengths (brief, standard, long feature);
* writethrus of it (paragraphs added, a new lede, numbers updated, a new headline),
  corrections (one number or word changed, flagged or not) and repeats;
* zero to three other agencies' rewrites (same names, places, numbers; other words,
  order and headline), each with their own writethrus and repeats;
* hard negatives: a sibling event of the same kind sharing country, organisation,
  people or teams (two quakes, two matches, two readings of one bill) and a later
  story whose background quotes an earlier one-paragraph brief verbatim.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import accumulate
from typing import Any

from tui.dedup.synth_text import COUNTRIES, LANGS, SEISMIC_ORGS, STAGES, UPDATE_MARKS, Lang
from tui.model import Item, count_words

RELATIONS = ("original", "repeat", "version", "correction", "other_agency")
KINDS = ("quake", "match", "vote", "company")
_LANG_WEIGHTS = (("en", 40), ("de", 25), ("fr", 20), ("es", 15))
_START = datetime(2024, 3, 4, tzinfo=UTC)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Label:
    #: the item's key (`Item.key`)
    id: str
    #: the true story: items with the same story are one story
    story: str
    relation: str
    #: the key (`Item.key`) of the item this one was made from ("" for a story's first)
    parent: str = ""
    kind: str = ""
    lang: str = ""
    length: str = ""
    #: the story this one is a hard negative of: a sibling event or a quoted brief's story
    negative_of: str = ""
    negative: str = ""

    def to_json(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class _Copy:
    """One agency's running text of a story, from which its versions are cut."""

    agency: str
    paragraphs: list[str]
    headline: str
    facts_left: list[int]
    values: dict[str, str]
    id_base: str
    slug: str
    serial: int = 0
    last: Item | None = None
    items: list[Item] = field(default_factory=list)


class Synth:
    def __init__(self, seed: int = 7, per_day: int = 2500) -> None:
        self.rng = random.Random(seed)
        self.per_day = per_day
        self._counter = 0
        self._vocab: dict[str, tuple[list[str], list[float]]] = {}
        self._pools: dict[str, tuple[list[str], list[float]]] = {}
        self._briefs: list[tuple[float, Item, str]] = []
        for code in LANGS:
            self._vocab[code] = self._make_vocab(LANGS[code])
        for name, size, parts in (("person", 4000, 2), ("city", 2500, 1), ("region", 400, 1),
                                  ("org", 1200, 1), ("team", 300, 1), ("comp", 24, 1),
                                  ("parl", 25, 1), ("bill", 150, 1), ("party", 60, 1),
                                  ("stadium", 200, 1)):
            self._pools[name] = self._make_pool(size, parts)

    # ---- vocabulary -------------------------------------------------------------

    def _word(self, low: int = 2, high: int = 3) -> str:
        syllables = ("ka", "lo", "mi", "ren", "ta", "vo", "ser", "bu", "dal", "ni", "ko",
                     "sta", "ve", "ri", "mon", "pe", "lu", "gra", "to", "fen", "zi", "ar",
                     "bel", "cor", "du", "es", "fi", "gan", "hu", "is", "jo", "kel")
        return "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(low, high)))

    def _make_vocab(self, lang: Lang) -> tuple[list[str], list[float]]:
        words = list(lang.common) + [self._word(2, 4) for _ in range(20000)]
        weights = [1.0 / (rank + 1) for rank in range(len(words))]
        return words, list(accumulate(weights))

    def _make_pool(self, size: int, parts: int) -> tuple[list[str], list[float]]:
        names = [" ".join(self._word().capitalize() for _ in range(parts)) for _ in range(size)]
        # Popular names recur across unrelated stories, as ministers and clubs do.
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(size)]
        return names, list(accumulate(weights))

    def _pick(self, pool: str) -> str:
        names, cum = self._pools[pool]
        return self.rng.choices(names, cum_weights=cum)[0]

    def _filler(self, lang: str, values: dict[str, str], sentences: int) -> str:
        words, cum = self._vocab[lang]
        out = []
        for _ in range(sentences):
            chosen = self.rng.choices(words, cum_weights=cum, k=self.rng.randint(8, 20))
            if self.rng.random() < 0.3:
                name = values[self.rng.choice(("city", "country", "person"))]
                chosen.insert(self.rng.randrange(len(chosen)), name)
            out.append(" ".join(chosen).capitalize() + ".")
        return " ".join(out)

    # ---- event values -------------------------------------------------------------

    def _number(self, lang: str, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        if lang != "en":
            text = text.replace(",", " " if lang == "fr" else "_").replace(".", ",")
            text = text.replace("_", ".")
        return text

    def _values(self, kind: str, lang: str, t0: float) -> dict[str, str]:
        rng, code = self.rng, LANGS[lang]
        day = code.days[datetime.fromtimestamp(t0, UTC).weekday()]
        v = {"day": day, "country": rng.choice(COUNTRIES), "person": self._pick("person"),
             "city": self._pick("city"), "org": self._pick("org"), "role": rng.choice(code.roles)}
        if kind == "quake":
            dead = rng.randint(1, 300)
            v.update(mag=self._number(lang, rng.uniform(4.5, 7.9), 1), dead=str(dead),
                     injured=str(rng.randint(dead, dead * 5 + 20)), depth=str(rng.randint(5, 70)),
                     region=self._pick("region"), org=rng.choice(SEISMIC_ORGS))
        elif kind == "match":
            sh = rng.randint(1, 5)
            home, away = self._pick("team"), self._pick("team")
            while away == home:
                away = self._pick("team")
            v.update(home=home, away=away, sh=str(sh),
                     sa=str(rng.randint(0, sh - 1)), scorer=self._pick("person"),
                     minute=str(rng.randint(2, 90)), stadium=self._pick("stadium") + " Arena",
                     comp=self._pick("comp") + " League",
                     crowd=self._number(lang, rng.randint(50, 800) * 100))
        elif kind == "vote":
            v.update(parl=self._pick("parl"), bill=self._pick("bill") + " Act",
                     yes=str(rng.randint(200, 400)), no=str(rng.randint(20, 199)),
                     leader=self._pick("person"), party=self._pick("party") + " Party",
                     stage=rng.choice(STAGES[lang]))
        else:
            v.update(jobs=self._number(lang, rng.randint(50, 5000)), pct=str(rng.randint(2, 30)),
                     cost=str(rng.randint(10, 900)))
        return v

    def _sibling(self, kind: str, lang: str, t0: float, base: dict[str, str]) -> dict[str, str]:
        """Another event of the same kind that shares what such events share in life."""
        fresh = self._values(kind, lang, t0)
        keep = {"quake": ("country", "org", "role"), "match": ("comp",),
                "vote": ("parl", "bill", "leader", "party", "country", "person"),
                "company": ("org", "person", "country")}[kind]
        for key in keep:
            fresh[key] = base[key]
        if kind == "quake" and self.rng.random() < 0.5:
            fresh["person"] = base["person"]
        if kind == "match":
            side, other = self.rng.choice((("home", "away"), ("away", "home")))
            fresh[side] = base[side]
            if fresh[other] == fresh[side]:
                fresh[other] = base[other]
            if self.rng.random() < 0.25:  # a rematch: the same two clubs, another score
                fresh["home"], fresh["away"] = base["away"], base["home"]
        if kind == "vote":
            stages = [s for s in STAGES[lang] if s != base["stage"]]
            fresh["stage"] = self.rng.choice(stages)
        return fresh

    # ---- copy ------------------------------------------------------------------------

    def _fact(self, lang: str, kind: str, index: int, values: dict[str, str]) -> str:
        frames = LANGS[lang].kinds[kind]["facts"][index]
        return self.rng.choice(frames).format(**values)

    def _new_copy(self, lang: str, kind: str, agency: str, length: str,
                  values: dict[str, str], story: str) -> _Copy:
        rng = self.rng
        facts = list(range(1, len(LANGS[lang].kinds[kind]["facts"])))
        rng.shuffle(facts)
        if length == "brief":
            shown, left = facts[:rng.randint(0, 1)], facts
            fillers = 0
        else:
            cut = rng.randint(1, len(facts))
            shown, left = facts[:cut], facts[cut:]
            fillers = rng.randint(2, 8) if length == "standard" else rng.randint(15, 30)
        paragraphs = [self._fact(lang, kind, 0, values)]
        if length == "brief" and shown:
            paragraphs[0] += " " + self._fact(lang, kind, shown[0], values)
        else:
            paragraphs += [self._fact(lang, kind, i, values) for i in shown]
        for _ in range(fillers):
            at = rng.randint(2, len(paragraphs)) if len(paragraphs) > 2 else len(paragraphs)
            paragraphs.insert(at, self._filler(lang, values, rng.randint(1, 3)))
        headline = rng.choice(LANGS[lang].kinds[kind]["head"]).format(**values)
        self._counter += 1
        code = re.sub(r"\W", "", agency.lower())
        if agency == "Reuters":
            id_base = f"tag:reuters.com,2024:newsml_L{self._counter:07d}"
        else:
            id_base = f"{code}-{self._counter:07d}"
        slug = ""
        if agency in ("AP", "dpa") and rng.random() < 0.7:
            slug = f"{kind}-{values.get('city', '')[:12]}-{values.get('org', '')[:8]}"
            if kind == "vote":  # agencies reuse a running slug for a bill across days
                slug = f"{kind}-{values['parl']}-{values['bill']}"
        left = [i for i in left if i not in shown]
        return _Copy(agency, paragraphs, headline, left, values, id_base, slug)

    def _emit(self, copy: _Copy, t: float, story: str, relation: str, parent: Item | None,
              lang: str, kind: str, length: str, *, body: str | None = None,
              headline: str | None = None, signal: tuple[str, ...] = (),
              refers_to: tuple[str, ...] = (), urgency: int = 3,
              take: str = "") -> tuple[float, Item, Label]:
        copy.serial += 1
        if copy.id_base.startswith("tag:"):
            item_id = f"{copy.id_base}:{self.rng.randrange(10**8, 10**9)}"
        else:
            item_id = f"{copy.id_base}-{copy.serial}"
        text = "\n\n".join(copy.paragraphs) if body is None else body
        stamp = "" if self.rng.random() < 0.005 else \
            datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")
        item = Item(id=item_id, path="synth", format="synth", source=copy.agency,
                    versioned=stamp, version=str(copy.serial) if copy.id_base.startswith("tag:")
                    else "", take_key=take if copy.slug else "", slug=copy.slug,
                    headline=copy.headline if headline is None else headline, body=text,
                    word_count=count_words(text), urgency=urgency, language=lang,
                    signal=signal, refers_to=refers_to)
        copy.items.append(item)
        copy.last = item
        label = Label(item.key, story, relation, parent.key if parent else "", kind, lang,
                      length)
        return t, item, label

    def _writethru(self, copy: _Copy, lang: str, kind: str, n: int) -> None:
        rng = self.rng
        new = [self._fact(lang, kind, copy.facts_left.pop(), copy.values)
               for _ in range(min(len(copy.facts_left), rng.randint(1, 2)))]
        new += [self._filler(lang, copy.values, rng.randint(1, 3))
                for _ in range(rng.randint(0 if new else 1, 3))]
        for paragraph in new:
            at = len(copy.paragraphs) if rng.random() < 0.5 else min(1, len(copy.paragraphs))
            copy.paragraphs.insert(at, paragraph)
        if rng.random() < 0.35:  # a new lede: the toll rises, the old lede moves down or goes
            if kind == "quake":
                copy.values = dict(copy.values,
                                   dead=str(int(copy.values["dead"]) + rng.randint(2, 60)))
            lede = self._fact(lang, kind, 0, copy.values)
            if rng.random() < 0.5:
                copy.paragraphs[0] = lede
            else:
                copy.paragraphs.insert(0, lede)
        if rng.random() < 0.5:
            head = rng.choice(LANGS[lang].kinds[kind]["head"]).format(**copy.values)
            mark = rng.choice(UPDATE_MARKS[lang]).format(n=n)
            copy.headline = mark + head

    def _corrected(self, item: Item) -> tuple[str, str]:
        """One number or one word changed, as a correction does."""
        rng = self.rng
        paragraphs = item.paragraphs
        numbers = [(i, m) for i, p in enumerate(paragraphs) for m in _NUMBER.finditer(p)]
        if numbers and rng.random() < 0.7:
            i, match = rng.choice(numbers)
            old = match.group()
            digits = [c for c in old if c.isdigit()]
            at = rng.randrange(len(digits))
            digits[at] = str((int(digits[at]) + rng.randint(1, 8)) % 10)
            it = iter(digits)
            new = "".join(next(it) if c.isdigit() else c for c in old)
            paragraphs[i] = paragraphs[i][:match.start()] + new + paragraphs[i][match.end():]
        else:
            i = rng.randrange(len(paragraphs))
            words = paragraphs[i].split(" ")
            at = rng.randrange(len(words))
            words[at] = words[at][:-1] + ("e" if words[at][-1:] != "e" else "a")
            paragraphs[i] = " ".join(words)
        return "\n\n".join(paragraphs), item.headline

    # ---- a story ----------------------------------------------------------------------

    def story(self, key: str, kind: str, lang: str, t0: float, *,
              values: dict[str, str] | None = None, negative_of: str = "",
              negative: str = "") -> list[tuple[float, Item, Label]]:
        rng, code = self.rng, LANGS[lang]
        values = values or self._values(kind, lang, t0)
        length = rng.choices(("brief", "standard", "feature"), (30, 60, 10))[0]
        out: list[tuple[float, Item, Label]] = []
        agencies = list(code.agencies)
        rng.shuffle(agencies)
        n_other = rng.choices((0, 1, 2, 3), (25, 35, 25, 15))[0]
        first: Item | None = None
        for rank, agency in enumerate(agencies[:1 + n_other]):
            t = t0 + (0 if rank == 0 else rng.uniform(300, 5 * 3600))
            own_length = length if rank == 0 or rng.random() < 0.6 else \
                rng.choice(("brief", "standard", "feature"))
            copy = self._new_copy(lang, kind, agency, own_length, values, key)
            relation = "original" if first is None else "other_agency"
            parent = first
            if rank == 0 and rng.random() < 0.3:  # urgent one-liner before the story
                alert = rng.choice(code.kinds[kind]["alert"]).format(**values)
                out.append(self._emit(copy, t, key, relation, parent, lang, kind, "alert",
                                      body=alert if rng.random() < 0.5 else "",
                                      headline=alert, urgency=1))
                first = parent = copy.last
                relation = "version"
                t += rng.uniform(300, 2400)
            out.append(self._emit(copy, t, key, relation, parent, lang, kind, own_length))
            if first is None:
                first = copy.last
            if own_length == "brief" and copy.last is not None:
                self._briefs.append((t, copy.last, key))
            for n in range(1, rng.choices((1, 2, 3, 4), (45, 30, 15, 10))[0]):
                t += rng.uniform(600, 4 * 3600)
                before = copy.last
                self._writethru(copy, lang, kind, n)
                take = f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd'} Ld-Writethru"
                out.append(self._emit(copy, t, key, "version", before, lang, kind, own_length,
                                      signal=("update",), take=take))
            if rng.random() < 0.15 and copy.last is not None:
                t += rng.uniform(600, 6 * 3600)
                target = copy.last
                body, head = self._corrected(target)
                flagged = rng.random() < 0.5
                refs = (target.id,) if flagged and copy.id_base.startswith("tag:") else ()
                copy.paragraphs = body.split("\n\n")
                out.append(self._emit(copy, t, key, "correction", target, lang, kind,
                                      own_length, body=body,
                                      headline=("CORRECTED-" if flagged and rng.random() < 0.5
                                                else "") + head,
                                      signal=("correction",) if flagged else (),
                                      refers_to=refs))
            if rng.random() < 0.15 and copy.last is not None:
                target = copy.last
                flagged = rng.random() < 0.5
                out.append(self._emit(copy, t + rng.uniform(60, 7200), key, "repeat", target,
                                      lang, kind, own_length, body=target.body,
                                      headline=("REPEAT-" if flagged else "") + target.headline,
                                      signal=("repeat",) if flagged else ()))
        return [(t, item, replace(label, negative_of=negative_of, negative=negative))
                for t, item, label in out]

    def _quoting(self, key: str, lang: str, t0: float) -> list[tuple[float, Item, Label]]:
        """A later story whose background quotes an earlier brief, word for word."""
        recent = [(t, item, story) for t, item, story in self._briefs[-200:]
                  if item.language == lang and 3600 < t0 - t < 60 * 3600]
        if not recent:
            return []
        _, brief, quoted = self.rng.choice(recent)
        kind = self.rng.choice(KINDS)
        out = self.story(key, kind, lang, t0, negative_of=quoted, negative="quote")
        for i, (t, item, label) in enumerate(out):
            if item.body and label.length != "brief" and label.length != "alert":
                body = item.body + "\n\n" + brief.body
                out[i] = (t, replace(item, body=body, word_count=count_words(body)), label)
        return out

    # ---- the stream -------------------------------------------------------------------

    def stream(self, n: int) -> list[tuple[Item, Label]]:
        """`n` items in arrival (time) order, with their labels."""
        rng = self.rng
        langs = [lang for lang, _ in _LANG_WEIGHTS]
        weights = [weight for _, weight in _LANG_WEIGHTS]
        gap = 86400 / self.per_day * 6.5
        t = _START.timestamp()
        made: list[tuple[float, Item, Label]] = []
        serial = 0
        while len(made) < n * 1.05 + 20:
            t += rng.expovariate(1 / gap)
            serial += 1
            key = f"s{serial:06d}"
            lang = rng.choices(langs, weights)[0]
            kind = rng.choice(KINDS)
            if rng.random() < 0.06:
                made += self._quoting(key, lang, t)
                continue
            values = self._values(kind, lang, t)
            made += self.story(key, kind, lang, t, values=values)
            if rng.random() < 0.25:  # a sibling event, a few hours to two days away
                t1 = t + rng.uniform(4 * 3600, 48 * 3600) * rng.choice((1, -1))
                serial += 1
                sib = self._sibling(kind, lang, t1, values)
                made += self.story(f"s{serial:06d}", kind, lang, t1, values=sib,
                                   negative_of=key, negative="sibling")
        made.sort(key=lambda entry: (entry[0], entry[1].key))
        return [(item, label) for _, item, label in made[:n]]


def generate(n: int, seed: int = 7) -> list[tuple[Item, Label]]:
    return Synth(seed).stream(n)


def iter_jsonl_rows(pairs: list[tuple[Item, Label]]) -> Iterator[dict[str, Any]]:
    for item, label in pairs:
        yield {"item": item.to_json(), "label": label.to_json()}
