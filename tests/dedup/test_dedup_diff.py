"""The version diff: added, removed and changed paragraphs, changed words inside."""

from __future__ import annotations

from dedup_helpers import item

from tui.dedup.diff import Span, diff_items, diff_paragraphs

OLD = ["A quake of magnitude 6.1 struck on Monday.", "Ten people died.",
       "The region is often hit by quakes."]


def test_writethru_with_new_lede_and_added_paragraphs() -> None:
    new = ["The toll of Monday's quake rose to 25.", "A quake of magnitude 6.4 struck on Monday.",
           "Ten people died.", "The region is often hit by quakes.", "Rescuers are searching."]
    kinds = [p.kind for p in diff_paragraphs(OLD, new)]
    assert kinds == ["added", "changed", "same", "same", "added"]
    changed = diff_paragraphs(OLD, new)[1]
    assert changed.spans == (Span("same", "A quake of magnitude"), Span("removed", "6.1"),
                             Span("added", "6.4"), Span("same", "struck on Monday."))
    assert changed.words_changed == 2


def test_removed_paragraph_and_summary() -> None:
    old = item("a", 0, headline="Quake kills 10", body="\n\n".join(OLD))
    new = item("b", 1, headline="Quake kills 25", body="\n\n".join([*OLD[:2], "Two new lines."]))
    diff = diff_items(old, new)
    assert [p.kind for p in diff.paragraphs] == ["same", "same", "removed", "added"]
    assert diff.headline.kind == "changed"
    assert diff.summary() == "1 paragraph added, 1 removed; new headline"
    data = diff.to_json()
    assert data["old"] == "a" and data["new"] == "b" and len(data["paragraphs"]) == 4


def test_correction_of_one_word() -> None:
    diff = diff_paragraphs(["Residents of Katoomba and Leura must leave."],
                           ["Residents of Katoomba and Wentworth Falls must leave."])
    assert [p.kind for p in diff] == ["changed"]
    assert [s for s in diff[0].spans if s.kind != "same"] == [
        Span("removed", "Leura"), Span("added", "Wentworth Falls")]


def test_spacing_alone_is_no_change() -> None:
    same = item("a", 0, headline="Title", body="One  two.\n\nThree")
    again = item("b", 0, headline="Title", body="One two.\n\nThree")
    assert diff_items(same, again).unchanged
    assert diff_items(same, again).summary() == "no change"


def test_unrelated_paragraphs_are_removed_and_added_not_changed() -> None:
    diff = diff_paragraphs(["The ferry left Piraeus at noon."], ["Markets fell sharply in Tokyo."])
    assert [p.kind for p in diff] == ["removed", "added"]
