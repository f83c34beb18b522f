"""The filter language and the search: every field, negation, quoting, errors, ranking.

Every filter runs two ways (`filter_keys` over the queue and `Query.matches` per item),
with and without a word index, and all must agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.desk.state import Decision
from tui.ingest.dates import epoch
from tui.model import Item
from tui.query import Context, QueryError, SearchIndex, filter_keys, parse_query

ME = "Ana Ferreira"
NOW = epoch("2026-11-24T12:00:00+00:00")


def item(key: str, headline: str = "", body: str = "", **fields: object) -> Item:
    return Item(id=key, path="", format="test", headline=headline, body=body,
                **fields)  # type: ignore[arg-type]


def run(query: str, items: Sequence[Item], decisions: Mapping[str, Decision] | None = None,
        sizes: Mapping[str, int] | None = None, editor: str = ME,
        marked: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The kept keys, after checking that every way of filtering agrees."""
    by_key = {i.key: i for i in items}
    keys = [i.key for i in items]
    known = decisions or {}

    def decision(key: str) -> Decision:
        return known.get(key, Decision())

    def story_size(key: str) -> int:
        return (sizes or {}).get(key, 1)

    parsed = parse_query(query)
    index = SearchIndex()
    index.add_all(items)
    results = []
    for with_index in (index, None):
        ctx = Context(editor, NOW, story_size, with_index, marked)
        results.append(filter_keys(parsed, keys, by_key, decision, ctx))
        results.append([k for k in keys if parsed.matches(by_key[k], decision(k), ctx)])
        # One key at a time takes the index's other road (reading the item, not the lists).
        results.append([k for k in keys
                        if filter_keys(parsed, [k], by_key, decision, ctx) == [k]])
    assert all(r == results[0] for r in results), results
    return results[0]


def error(query: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    return caught.value


# -- fields ------------------------------------------------------------------------------

def test_source_is_a_case_insensitive_prefix_of_the_agency() -> None:
    items = [item("a", source="AP"), item("b", source="Reuters"), item("c", source="AFP"),
             item("d", source="AAP")]
    assert run("source:reu", items) == ["b"]
    assert run("source:AP", items) == ["a"]
    assert run("source:a", items) == ["a", "c", "d"]
    assert run('source:"associated press"', items) == ["a"]  # an alias names the agency


def test_tag_is_exact_and_case_insensitive() -> None:
    items = [item("a"), item("b"), item("c")]
    decisions = {"a": Decision(tags=("Politics",)), "b": Decision(tags=("politics-uk",))}
    assert run("tag:politics", items, decisions) == ["a"]
    assert run('tag:"POLITICS"', items, decisions) == ["a"]


def test_status_and_unknown_statuses() -> None:
    items = [item("a"), item("b"), item("c")]
    decisions = {"b": Decision(status="spiked"), "c": Decision(status="used")}
    assert run("status:new", items, decisions) == ["a"]
    assert run("status:SPIKED", items, decisions) == ["b"]
    assert run("-status:spiked", items, decisions) == ["a", "c"]
    problem = error("status:killed")
    assert "status:killed" in str(problem) and "new, seen, used, spiked" in str(problem)


@pytest.mark.parametrize(("query", "kept"), [
    ("urgency:1", ["u1"]), ("urgency:=3", ["u3"]), ("urgency:<=3", ["u1", "u3"]),
    ("urgency:<3", ["u1"]), ("urgency:>5", ["u8"]), ("urgency:>=3", ["u3", "u8"]),
    # A comparison never holds for an item without urgency, so its negation always does.
    ("-urgency:<=3", ["u8", "none"]),
])
def test_urgency_comparisons(query: str, kept: list[str]) -> None:
    items = [item("u1", urgency=1), item("u3", urgency=3), item("u8", urgency=8),
             item("none")]
    assert run(query, items) == kept


@pytest.mark.parametrize("term", ["urgency:high", "urgency:<=", "urgency:=>3", "urgency:3x"])
def test_a_bad_comparison_names_the_term(term: str) -> None:
    problem = error(f"source:AP {term}")
    assert problem.term == term and f"'{term}'" in str(problem)
    assert "urgency:<=3" in str(problem)


def test_assigned() -> None:
    items = [item("mine"), item("ben"), item("desk"), item("nobody")]
    decisions = {"mine": Decision(assignee="ana ferreira"), "ben": Decision(assignee="Ben Okafor"),
                 "desk": Decision(assignee="Sports desk")}
    assert run("assigned:me", items, decisions) == ["mine"]
    assert run("assigned:none", items, decisions) == ["nobody"]
    assert run("-assigned:none", items, decisions) == ["mine", "ben", "desk"]
    assert run("assigned:ben", items, decisions) == ["ben"]
    assert run("assigned:oka", items, decisions) == ["ben"]  # any word of the name
    assert run("assigned:sports", items, decisions) == ["desk"]
    assert run('assigned:"ana f"', items, decisions) == ["mine"]
    assert run("assigned:me", items, decisions, editor="") == []


def test_is_dup_flash_kill_correction_update() -> None:
    items = [item("a", urgency=1, signal=("kill",)), item("b", urgency=2),
             item("c", urgency=3, signal=("correction", "update")), item("d")]
    assert run("is:dup", items, sizes={"a": 2, "c": 1}) == ["a"]
    assert run("-is:dup", items, sizes={"a": 2}) == ["b", "c", "d"]
    assert run("is:flash", items) == ["a", "b"]
    assert run("is:kill", items) == ["a"]
    assert run("is:correction", items) == ["c"]
    assert run("IS:Update", items) == ["c"]


def test_is_embargoed_compares_with_now() -> None:
    items = [item("later", embargo="2026-11-24T13:00:00+00:00"),
             item("past", embargo="2026-11-24T11:00:00+00:00"), item("none")]
    assert run("is:embargoed", items) == ["later"]


def test_is_marked_means_marked_on_my_screen() -> None:
    items = [item("a"), item("b"), item("c")]
    assert run("is:marked", items, marked={"a", "c"}) == ["a", "c"]
    assert run("-is:marked", items, marked={"a", "c"}) == ["b"]
    assert run("is:marked", items) == []


def test_unknown_is_lists_what_it_takes() -> None:
    problem = error("is:urgent")
    assert "'is:urgent'" in str(problem)
    assert "dup, unread, read, flash, kill, embargoed, marked" in str(problem)


def test_slug_prefix_and_language() -> None:
    items = [item("a", slug="Storm-Flood", language="en-GB"),
             item("b", slug="Election", language="de"), item("c", slug="storms", language="EN")]
    assert run("slug:storm", items) == ["a", "c"]
    assert run("slug:flood", items) == []  # a prefix of the slug, not any word in it
    assert run("lang:en", items) == ["a", "c"]
    assert run("lang:en-gb", items) == ["a"]
    assert run("lang:e", items) == []


# -- words, phrases, negation, AND -------------------------------------------------------

WORDS = [
    item("a", "Elections in Zürich", "Voters went to the polls.", slug="BC-Vote"),
    item("b", "Oil prices rise", "Crude oil, prices and supply: OPEC met in Vienna."),
    item("c", "Reelected mayor", "The café reopened after the election.", slug="mayor"),
    item("d", "Storm hits coast", "Oil rigs were evacuated.\n\nPrices of fuel rose."),
]


@pytest.mark.parametrize(("query", "kept"), [
    ("elect", ["a", "c"]),  # the start of a word: not "reelected"
    ("ELECTION", ["a", "c"]),
    ("zurich", ["a"]), ("ZÜRICH", ["a"]), ("cafe", ["c"]), ("CAFÉ", ["c"]),
    ("vote", ["a"]),  # the slug counts
    ('"oil prices"', ["b"]),  # across punctuation too
    ('"oil price"', []),  # a quoted phrase is whole words
    ("oil price", ["b", "d"]),  # bare words: each anywhere
    ('"rigs were evacuated prices"', []),  # not from one paragraph into the next
    ('"oil prices rise crude"', []),  # nor from the headline into the body
    ("opec", ["b"]), ("-oil", ["a", "c"]), ('-"oil prices"', ["a", "c", "d"]),
    ("oil -storm", ["b"]), ("nothing", []),
    ("10:30", []),  # not a field: a word
    ("crude-oi", ["b"]), ('"crude-oil"', ["b"]),  # joined words are a phrase
    ("- oil", ["b", "d"]),  # a lone dash asks for nothing
])
def test_words_and_phrases(query: str, kept: list[str]) -> None:
    assert run(query, WORDS) == kept


def test_terms_combine_with_and_and_keep_queue_order() -> None:
    items = [item("a", "Oil up", source="AP", urgency=2), item("b", "Oil down", source="AP"),
             item("c", "Oil flat", source="AFP", urgency=1), item("d", "Gas", source="AP",
                                                               urgency=1)]
    decisions = {"a": Decision(tags=("energy",)), "c": Decision(tags=("energy",)),
                 "d": Decision(tags=("energy",))}
    assert run("source:ap oil urgency:<=3 tag:energy", items, decisions) == ["a"]
    assert run("tag:energy -source:afp", items, decisions) == ["a", "d"]
    assert run("", items) == ["a", "b", "c", "d"]
    assert not parse_query("  ")


def test_quoted_field_values_and_field_names_in_any_case() -> None:
    items = [item("a", source="Canadian Press"), item("b", source="CP24")]
    assert run('SOURCE:"canadian p"', items) == ["a"]
    assert run('-Source:"canadian press"', items) == ["b"]


# -- errors ------------------------------------------------------------------------------

def test_an_unknown_field_is_named_with_the_fields_listed() -> None:
    problem = error("status:new sorce:AP")
    message = str(problem)
    assert message.startswith("unknown field 'sorce:'")
    assert "did you mean 'source:'" in message
    assert "fields are source, tag, status, urgency, assigned, is, slug, lang" in message
    assert problem.term == "sorce:AP"
    assert run('"sorce:AP"', [item("a", "Sorce: AP")]) == ["a"]  # quoted, it is words


def test_an_unclosed_quote_is_an_error() -> None:
    for query in ('oil "prices rise', 'tag:"politics', '-"oil'):
        problem = error(query)
        assert "not closed" in str(problem) and problem.term in query


def test_a_field_without_value_is_an_error() -> None:
    for query in ("source:", "tag: politics", 'tag:""'):
        assert "needs a value" in str(error(query))


# -- the index ---------------------------------------------------------------------------

def test_the_filter_indexes_items_it_has_not_seen() -> None:
    index = SearchIndex()
    items = {i.key: i for i in WORDS}
    ctx = Context(ME, NOW, lambda key: 1, index)
    assert filter_keys(parse_query("oil"), list(items), items, lambda k: Decision(),
                       ctx) == ["b", "d"]
    assert len(index) == len(WORDS)
    assert not index.add(WORDS[0]) and len(index) == len(WORDS)


VOCAB = ["oil", "oils", "price", "prices", "rise", "storm", "vienna", "café"]


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(VOCAB), max_size=6).map(" ".join),
                      min_size=1, max_size=8),
       words=st.lists(st.sampled_from([*VOCAB, "pri", "oi", "cafe", "zz"]), min_size=1,
                      max_size=3),
       quoted=st.booleans(), negated=st.booleans())
def test_the_index_agrees_with_reading_the_text(texts: list[str], words: list[str],
                                                quoted: bool, negated: bool) -> None:
    items = [item(f"k{n}", body=text) for n, text in enumerate(texts)]
    phrase = " ".join(words)
    run(("-" if negated else "") + (f'"{phrase}"' if quoted else phrase), items)


# -- search ------------------------------------------------------------------------------

def search(text: str, items: Sequence[Item], limit: int | None = None) -> list[str]:
    index = SearchIndex()
    index.add_all(items)
    return index.search(text, [i.key for i in items], limit)


def test_search_puts_headline_matches_first_then_newest() -> None:
    items = [item("new-body", "Markets", "The minister spoke."),
             item("new-head", "Minister resigns", "Text."),
             item("old-body", "Weather", "A minister said."),
             item("old-head", "Minister visits", "Text.")]
    assert search("minister", items) == ["new-head", "old-head", "new-body", "old-body"]
    assert search("minister", items, limit=3) == ["new-head", "old-head", "new-body"]


def test_search_ranks_every_headline_word_before_some() -> None:
    items = [item("one", "Storm hits", "flood warning"), item("both", "Storm flood", ""),
             item("none", "News", "storm and flood")]
    assert search("storm flood", items) == ["both", "one", "none"]


def test_search_needs_every_word_as_a_word_start() -> None:
    items = [item("a", "Election results", "Turnout was high."),
             item("b", "Reelected", "Turnout low."), item("c", "Elections", "")]
    assert search("elect", items) == ["a", "c"]
    assert search("elect turnout", items) == ["a"]
    assert search("ELECTION", items) == ["a", "c"]
    assert search("", items) == ["a", "b", "c"]
    assert search("  ", items, limit=1) == ["a"]


def test_search_forgives_one_typo_in_long_words() -> None:
    items = [item("a", "Government falls", ""), item("b", "Weather", "")]
    assert search("goverment", items) == ["a"]
    assert search("govermen", items) == ["a"]  # a typo in a prefix
    assert search("gvoernment", items) == ["a"]  # two letters swapped
    assert search("governmnt falls", items) == ["a"]
    assert search("govern fallz", items) == ["a"]


def test_search_ranks_typo_matches_after_the_others_of_their_rank() -> None:
    items = [item("new-typo", "Budget", "The government fell."),
             item("old-exact", "Budget", "The goverment fell."),  # the wire's own typo
             item("head-typo", "Government falls", "")]
    assert search("goverment", items) == ["head-typo", "old-exact", "new-typo"]


def test_search_does_not_forgive_typos_in_short_words() -> None:
    items = [item("a", "Vote today", ""), item("b", "Note", "")]
    assert search("vote", items) == ["a"]
    assert search("bote", items) == []


def test_search_folds_case_and_accents() -> None:
    items = [item("a", "Café in Zürich", ""), item("b", "CAFE ZURICH", ""),
             item("c", "Straße", "")]
    assert search("cafe zurich", items) == ["a", "b"]
    assert search("CAFÉ", items) == ["a", "b"]
    assert search("strasse", items) == ["c"]


def test_search_skips_keys_it_never_indexed() -> None:
    index = SearchIndex()
    index.add(item("a", "Storm", ""))
    assert index.search("storm", ["missing", "a"]) == ["a"]
    assert "a" in index and "missing" not in index


def test_search_sees_items_added_after_a_search() -> None:
    index = SearchIndex()
    index.add(item("a", "Storm", ""))
    assert index.search("hurricane", ["a"]) == []
    index.add(item("b", "Hurricane", ""))
    assert index.search("hurric", ["b", "a"]) == ["b"]
    assert index.search("hurricanes", ["b", "a"]) == ["b"]  # a typo, now that it is known


# -- bench -------------------------------------------------------------------------------

def test_query_bench_reports_filters_searches_and_the_bar() -> None:
    from tui.bench import query as bench_query

    lines: list[str] = []
    report = bench_query.run(items=300, out=lines.append, repeat=1)
    assert set(report["filters"]) == set(bench_query.QUERIES)
    assert set(report["searches"]) == set(bench_query.SEARCHES)
    assert report["baseline_ms"] > 0
    assert any("x baseline" in line for line in lines)
    assert any(line.startswith("bar:") for line in lines)
