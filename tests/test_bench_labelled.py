"""`wiredesk bench dedup --labelled ITEMS --truth TRUTH`: the pairwise scoring against
hand-counted examples, the harness through the CLI on a small invented set, and a run
on each real dev set where ../shared/dev-data is beside this checkout (numbers only
checked to be in [0, 1]: the quality bars are asserted elsewhere)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from wiredesk_testdata import ROOT

from tui.bench import labelled
from tui.bench.pairwise import score
from tui.bench.tfidf import CentroidStories
from tui.cli import main

DEV_DATA = ROOT.parent / "shared" / "dev-data"
HAVE_DATASKETCH = importlib.util.find_spec("datasketch") is not None

# ---- scoring ----------------------------------------------------------------------------


def test_a_perfect_grouping_scores_one() -> None:
    truth = [["a", "b", "c"], ["d", "e"]]
    s = score([["c", "b", "a"], ["e", "d"], ["f"]], truth)
    assert (s.tp, s.predicted_pairs, s.true_pairs) == (4, 4, 4)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_pairs_are_counted_from_the_intersections() -> None:
    # truth {a b c d} (6 pairs), {e f} (1); predicted {a b e} (3 pairs), {c d f} (3)
    # TP: {a b} from the first, {c d} from the second = 2
    s = score([["a", "b", "e"], ["c", "d", "f"]], [["a", "b", "c", "d"], ["e", "f"]])
    assert (s.tp, s.predicted_pairs, s.true_pairs) == (2, 6, 7)
    assert s.precision == pytest.approx(2 / 6)
    assert s.recall == pytest.approx(2 / 7)
    assert s.f1 == pytest.approx(2 * (1 / 3) * (2 / 7) / (1 / 3 + 2 / 7))


def test_one_giant_cluster_has_full_recall_and_low_precision() -> None:
    ids = [f"i{n}" for n in range(10)]
    s = score([ids], [["i0", "i1"], ["i2", "i3", "i4"]], ids=ids)
    # 45 predicted pairs, 1 + 3 true pairs, all of them found
    assert (s.tp, s.predicted_pairs, s.true_pairs) == (4, 45, 4)
    assert s.recall == 1.0
    assert s.precision == pytest.approx(4 / 45)


def test_all_singletons_score_zero_without_dividing_by_zero() -> None:
    truth = [["a", "b"], ["c", "d", "e"]]
    for predicted in ([], [["a"], ["b"], ["c"]]):
        s = score(predicted, truth)
        assert (s.tp, s.predicted_pairs, s.true_pairs) == (0, 0, 4)
        assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_no_true_pairs_scores_zero() -> None:
    s = score([["a", "b"]], [])
    assert (s.tp, s.predicted_pairs, s.true_pairs) == (0, 1, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert score([], []).f1 == 0.0


def test_ids_outside_the_set_are_left_out_and_a_repeat_is_refused() -> None:
    # "x" is not an item: the truth cluster {a x} makes no pair
    s = score([["a", "b"]], [["a", "b"], ["c", "x"]], ids=["a", "b", "c"])
    assert (s.tp, s.predicted_pairs, s.true_pairs) == (1, 1, 1)
    # an id twice in one cluster counts once
    assert score([["a", "a", "b"]], [["a", "b"]]).predicted_pairs == 1
    with pytest.raises(ValueError, match="two clusters"):
        score([["a", "b"], ["b", "c"]], [])


# ---- the TF-IDF baseline ----------------------------------------------------------------


def test_tfidf_stories_close_after_the_window() -> None:
    stories = CentroidStories(threshold=0.3, window_hours=72)
    words = "flood waters rise in the river town".split()
    assert stories.add("a", 0.0, words) == 0
    assert stories.add("b", 3600.0, words) == 0  # an hour later: the same story
    # 73 hours after the story's last item: a story of its own
    assert stories.add("c", 3600.0 + 73 * 3600, words) == 1
    assert stories.add("d", 3600.0 + 74 * 3600, "stock markets fell sharply".split()) == 2
    assert stories.members == [["a", "b"], ["c"], ["d"]]


# ---- the harness through the CLI -------------------------------------------------------

ITEMS = [
    {"id": "quake-1", "source": "Agency A", "received": "2024-05-01T06:00:00Z",
     "headline": "Strong earthquake shakes northern Chile coast",
     "body": "A magnitude 6.8 earthquake struck off the coast of northern Chile on "
             "Wednesday near the port of Antofagasta, the seismological service said. "
             "Buildings swayed in Antofagasta and residents fled into the streets."},
    {"id": "budget-1", "source": "Agency B", "received": "2024-05-01T07:00:00Z",
     "headline": "Parliament passes budget after all-night session",
     "body": "Lawmakers approved the national budget for next year after a debate that "
             "lasted through the night, with the governing coalition's votes."},
    {"id": "quake-2", "source": "Agency B", "received": "2024-05-01T07:30:00Z",
     "headline": "Chile quake of magnitude 6.8 hits near Antofagasta",
     "body": "An earthquake of magnitude 6.8 hit near Antofagasta in northern Chile, "
             "sending residents into the streets; no tsunami warning was issued for "
             "the coast, the seismological service said."},
    {"id": "budget-2", "source": "Agency C", "received": "2024-05-01T09:00:00Z",
     "headline": "Budget approved by lawmakers after overnight debate",
     "body": "The national budget won approval from lawmakers after an overnight "
             "debate, carried by the votes of the governing coalition."},
    {"id": "match-1", "source": "Agency A", "received": "2024-05-01T10:00:00Z",
     "headline": "Home side wins cup final on penalties",
     "body": "The home side lifted the cup after a penalty shoot-out in the final."},
]
TRUTH = [["quake-1", "quake-2"], ["budget-1", "budget-2"]]
METHOD_KEYS = {"precision", "recall", "f1", "tp", "predicted_pairs", "true_pairs",
               "seconds", "items_per_s", "stories", "stories_of_two_or_more",
               "widest_story_hours"}


def _write_set(folder: Path, items: list[dict[str, Any]] = ITEMS,
               truth: object = TRUTH) -> tuple[Path, Path]:
    items_path, truth_path = folder / "set.jsonl", folder / "set.truth.json"
    items_path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    truth_path.write_text(json.dumps(truth), encoding="utf-8")
    return items_path, truth_path


def _in_unit(value: float) -> bool:
    return 0.0 <= value <= 1.0


def test_labelled_set_prints_a_table_per_method(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items_path, truth_path = _write_set(tmp_path)
    code = main(["bench", "dedup", "--labelled", str(items_path), "--truth", str(truth_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "set.jsonl: 5 items, 2 true stories of 2 or more, 2 true pairs" in out
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("method"))
    assert header.split() == ["method", "items/s", "P", "R", "F1", "pairs", "stories",
                              "widest", "h"]
    for name in labelled.NAMES.values():
        row = next(line for line in lines if line.startswith(name))
        if "skipped" in row:
            assert name.startswith("MinHash") and not HAVE_DATASKETCH
            continue
        p, r, f1 = (float(v) for v in row[len(name):].split()[1:4])
        assert all(map(_in_unit, (p, r, f1)))
    assert any(line.startswith("vs TF-IDF centroid") for line in lines)
    widest = next(line for line in lines if line.startswith("widest story: "))
    assert "hours" in widest and "window_hours 72" in widest


def test_labelled_set_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items_path, truth_path = _write_set(tmp_path)
    code = main(["bench", "dedup", "--labelled", str(items_path), "--truth", str(truth_path),
                 "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == 5 and report["truth_clusters"] == 2
    assert report["window_hours"] == 72 and report["tfidf_threshold"] == 0.3
    methods = report["methods"]
    assert set(methods) == {"wiredesk", "events", "minhash", "tfidf"}
    for key, figures in methods.items():
        if key == "minhash" and not HAVE_DATASKETCH:
            assert "skipped" in figures
            continue
        assert set(figures) == METHOD_KEYS, key
        assert figures["true_pairs"] == 2
        assert all(_in_unit(figures[k]) for k in ("precision", "recall", "f1"))
        # every item is in one of the stories; all five came within four hours
        assert 1 <= figures["stories"] <= 5
        assert figures["widest_story_hours"] <= 4
    assert set(report["vs"]) == ({"minhash", "tfidf"} if HAVE_DATASKETCH else {"tfidf"})
    assert set(report["vs"]["tfidf"]) == {"items_per_s", "f1_difference"}
    # the two events, worded differently, and the singleton: the TF-IDF baseline finds them
    assert methods["tfidf"]["f1"] == 1.0


def test_minhash_is_skipped_with_a_note_without_datasketch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(items: object) -> None:
        raise ImportError("datasketch")

    monkeypatch.setattr(labelled.generated, "minhash_groups", missing)
    lines: list[str] = []
    report = labelled.run(*_write_set(tmp_path), out=lines.append, note=lines.append)
    assert "skipped" in report["methods"]["minhash"] and "minhash" not in report["vs"]
    row = next(r for r in lines[0].splitlines() if r.startswith("MinHashLSH"))
    assert row.split()[2:] == ["skipped:", "datasketch", "is", "not", "installed", "(pip",
                               "install", "wiredesk[bench])"]


def test_labelled_needs_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items_path, _ = _write_set(tmp_path)
    assert main(["bench", "dedup", "--labelled", str(items_path)]) == 2
    assert "--labelled needs --truth" in capsys.readouterr().err
    assert main(["bench", "dedup", "--truth", str(items_path)]) == 2
    assert "--truth goes with --labelled" in capsys.readouterr().err


@pytest.mark.parametrize("which", ["items", "truth"])
def test_a_missing_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                which: str) -> None:
    items_path, truth_path = _write_set(tmp_path)
    missing = tmp_path / "nowhere.json"
    args = [str(missing if which == "items" else items_path),
            str(missing if which == "truth" else truth_path)]
    assert main(["bench", "dedup", "--labelled", args[0], "--truth", args[1]]) == 2
    captured = capsys.readouterr()
    assert f"{missing}: no such file" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("truth", [{"a": 1}, [["quake-1", 3]], [["quake-1"], ["quake-1"]]])
def test_a_truth_file_of_the_wrong_shape_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], truth: object) -> None:
    items_path, truth_path = _write_set(tmp_path, truth=truth)
    assert main(["bench", "dedup", "--labelled", str(items_path),
                 "--truth", str(truth_path)]) == 2
    assert str(truth_path) in capsys.readouterr().err


def test_items_out_of_received_order_are_streamed_in_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items_path, truth_path = _write_set(tmp_path, items=ITEMS[::-1],
                                        truth=[*TRUTH, ["match-1", "not-an-item"]])
    assert main(["bench", "dedup", "--labelled", str(items_path), "--truth", str(truth_path),
                 "--json"]) == 0
    captured = capsys.readouterr()
    assert "streamed in received order" in captured.err
    assert "1 ids are not in the items" in captured.err
    assert json.loads(captured.out)["methods"]["tfidf"]["true_pairs"] == 2


# ---- the real dev sets (research data: read from ../shared, never copied here) ---------
# The three sets take about 35 s together on the project's 2-core machine (most of it
# the dense set's TF-IDF pass); one test each.

DEV_SETS = [("gva-dev.jsonl", "gva-dev.truth.json"),
            ("gva-dev-dense.jsonl", "gva-dev.truth.json"),
            ("basil-dev.jsonl", "basil-dev.truth.json")]


def dev_data() -> Path:
    """The shared dev sets; the test is skipped where they are not."""
    if not DEV_DATA.is_dir():
        pytest.skip("../shared/dev-data is not beside this checkout")
    return DEV_DATA


@pytest.mark.parametrize(("items_name", "truth_name"), DEV_SETS)
def test_dev_set_runs(items_name: str, truth_name: str) -> None:
    folder = dev_data()
    lines: list[str] = []
    report = labelled.run(folder / items_name, folder / truth_name, out=lines.append,
                          note=lines.append)
    assert report["items"] > 100
    for key, figures in report["methods"].items():
        if "skipped" in figures:
            assert key == "minhash" and not HAVE_DATASKETCH
            continue
        assert figures["true_pairs"] > 0
        assert all(_in_unit(figures[k]) for k in ("precision", "recall", "f1")), key
        assert figures["items_per_s"] > 0 and figures["widest_story_hours"] >= 0
    assert any(line.startswith("widest story: ") for line in "\n".join(lines).splitlines())
