"""`wiredesk bench dedup --labelled ITEMS.jsonl --truth TRUTH.json`: any labelled set
scored, wiredesk's grouping against two baselines, in one process and one run.

The items are read as the app reads them (`tui.ingest.reader.read_file`: JSON Lines,
or any file wiredesk reads), a repeated key kept once (the wire takes it once), and
streamed in the order they were received (the file's order when it is sorted by
`received`, as the dev sets are). Each method sees every item in that order, and an
item only after the items before it:

1. wiredesk: `tui.wire.group_items(items, config.dedup, Overrides())`, the app's own
   path (a day's first load), then its StoryIndex's stories; timed over that call,
   which starts its helper process;
2. the same-event layer on its own (tui/dedup/events.py, `EventIndex.add_all`), the
   level the detector places its lineages with, here without the lineages under it:
   measured so that what each level adds shows on the same sets in the same run;
3. MinHashLSH on 5-word shingles (tui/bench/dedup.py's baseline);
4. a TF-IDF centroid single pass (tui/bench/tfidf.py, threshold 0.3, 72 hours).

TRUTH.json is a list of clusters, each a list of ids; ids in no cluster are singletons.
An item is named by its key (`Item.key`: the JSONL `id`, with `@version` when it has a
version). Scoring: tui/bench/pairwise.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from tui.bench import dedup as generated
from tui.bench import tfidf
from tui.bench.pairwise import Score, score
from tui.dedup.events import EventIndex
from tui.dedup.settings import Settings
from tui.dedup.stories import Overrides
from tui.ingest.dates import epoch
from tui.ingest.reader import read_file
from tui.model import Item
from tui.wire import group_items

Out = Callable[[str], object]

#: method key -> the name in the table
NAMES = {"wiredesk": "wiredesk (group_items)",
         "events": "same-event layer (alone)",
         "minhash": "MinHashLSH 5-shingles",
         "tfidf": f"TF-IDF centroid {tfidf.THRESHOLD:g}"}


class LabelledError(Exception):
    """A labelled set that cannot be scored (a file missing or unreadable, no items, a
    truth file of the wrong shape): the message says which and why."""


@dataclass(slots=True)
class Labelled:
    items: list[Item]
    truth: list[list[str]]
    #: what reading found to say (lines quarantined, repeated keys, truth ids not in the
    #: items, an order that was not the received order)
    notes: list[str]


def load(items_path: Path, truth_path: Path) -> Labelled:
    for path in (items_path, truth_path):
        if not path.exists():
            raise LabelledError(f"{path}: no such file")
        if not path.is_file():
            raise LabelledError(f"{path}: not a file")
    notes: list[str] = []
    result = read_file(items_path)
    if result.problems:
        first = result.problems[0]
        notes.append(f"{items_path}: {len(result.problems)} entries not read "
                     f"(first: {first.path}: {first.reason})")
    items: list[Item] = []
    seen: set[str] = set()
    for item in result.items:
        if item.key not in seen:
            seen.add(item.key)
            items.append(item)
    if len(items) < len(result.items):
        notes.append(f"{items_path}: {len(result.items) - len(items)} repeated keys "
                     "kept once (the first)")
    if not items:
        raise LabelledError(f"{items_path}: no items read")
    times = [epoch(item.received) for item in items]
    if any(later < earlier for earlier, later in pairwise(times)):
        items.sort(key=lambda item: epoch(item.received))  # stable: file order in a tie
        notes.append(f"{items_path}: not in received order; streamed in received order")
    truth = _read_truth(truth_path)
    unknown = sum(1 for cluster in truth for i in cluster if i not in seen)
    if unknown:
        notes.append(f"{truth_path}: {unknown} ids are not in the items (left out)")
    return Labelled(items, truth, notes)


def _read_truth(path: Path) -> list[list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelledError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except (ValueError, RecursionError) as exc:
        raise LabelledError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, list) or not all(
            isinstance(c, list) and all(isinstance(i, str) for i in c) for c in data):
        raise LabelledError(f"{path}: should be a JSON list of clusters, each a list of "
                            "item ids")
    seen: set[str] = set()
    for cluster in data:
        twice = seen.intersection(cluster)
        if twice:
            raise LabelledError(f"{path}: id {min(twice)!r} is in two clusters")
        seen.update(cluster)
    return data


def run(items_path: Path, truth_path: Path, settings: Settings | None = None,
        out: Out = print, note: Out = print, as_json: bool = False) -> dict[str, Any]:
    """Score every method on the set; prints the table with `out` (or, `as_json`, the
    figures as one JSON object), and what reading found with `note`."""
    labelled = load(items_path, truth_path)
    for line in labelled.notes:
        note(line)
    settings = settings or Settings()
    items, truth = labelled.items, labelled.truth
    keys = [item.key for item in items]
    results: dict[str, Any] = {
        "items_file": str(items_path), "truth_file": str(truth_path),
        "items": len(items), "truth_clusters": sum(1 for c in truth if len(c) >= 2),
        "window_hours": settings.window_hours, "tfidf_threshold": tfidf.THRESHOLD,
        "tfidf_window_hours": tfidf.WINDOW_HOURS, "methods": {}}
    methods = results["methods"]
    methods["wiredesk"] = _wiredesk(items, settings)
    methods["events"] = _events(items, settings)
    try:
        roots, seconds = generated.minhash_groups(items)
    except ImportError:
        methods["minhash"] = {"skipped": generated.MINHASH_MISSING}
    else:
        methods["minhash"] = {"stories": _by_root(keys, roots), "seconds": seconds}
    stories, seconds = tfidf.tfidf_groups(items)
    methods["tfidf"] = {"stories": stories, "seconds": seconds}
    received = {item.key: epoch(item.received) for item in items}
    for entry in methods.values():
        if "skipped" in entry:
            continue
        stories = entry.pop("stories")
        entry.update(_figures(stories, truth, keys, received, entry["seconds"]))
    results["vs"] = _ratios(methods)
    if as_json:
        out(json.dumps(results, indent=2))
    else:
        out(table(results))
    return results


def _wiredesk(items: Sequence[Item], settings: Settings) -> dict[str, Any]:
    start = time.perf_counter()
    index = group_items(items, settings, Overrides())
    stories = [story.members for story in index.stories()]
    return {"stories": stories, "seconds": time.perf_counter() - start}


def _events(items: Sequence[Item], settings: Settings) -> dict[str, Any]:
    start = time.perf_counter()
    index = EventIndex(settings)
    index.add_all(items)
    return {"stories": index.stories(), "seconds": time.perf_counter() - start}


def _by_root(keys: Sequence[str], roots: Sequence[int]) -> list[list[str]]:
    stories: dict[int, list[str]] = {}
    for key, root in zip(keys, roots, strict=True):
        stories.setdefault(root, []).append(key)
    return list(stories.values())


def _figures(stories: list[list[str]], truth: Iterable[Iterable[str]], keys: Sequence[str],
             received: dict[str, float], seconds: float) -> dict[str, Any]:
    result: Score = score(stories, truth, ids=keys)
    spans = [max(received[k] for k in story) - min(received[k] for k in story)
             for story in stories if len(story) > 1]
    return {**result.to_json(), "seconds": round(seconds, 4),
            "items_per_s": round(len(keys) / seconds, 1) if seconds else 0.0,
            "stories": len(stories),
            "stories_of_two_or_more": len(spans),
            "widest_story_hours": round(max(spans, default=0.0) / 3600, 2)}


def _ratios(methods: dict[str, Any]) -> dict[str, Any]:
    ours = methods["wiredesk"]
    ratios: dict[str, Any] = {}
    for key in ("minhash", "tfidf"):
        base = methods[key]
        if "skipped" in base:
            continue
        ratios[key] = {"items_per_s": round(ours["items_per_s"] / base["items_per_s"], 2)
                       if base["items_per_s"] else None,
                       "f1_difference": round(ours["f1"] - base["f1"], 4)}
    return ratios


def table(results: dict[str, Any]) -> str:
    methods = results["methods"]
    true_pairs = methods["wiredesk"]["true_pairs"]
    rows = [f"== {Path(results['items_file']).name}: {results['items']} items, "
            f"{results['truth_clusters']} true stories of 2 or more, {true_pairs} true pairs ==",
            f"{'method':<26}{'items/s':>9}{'P':>8}{'R':>8}{'F1':>8}{'pairs':>9}"
            f"{'stories':>9}{'widest h':>10}"]
    for key, name in NAMES.items():
        m = methods[key]
        if "skipped" in m:
            rows.append(f"{name:<26}  skipped: {m['skipped']}")
            continue
        rows.append(f"{name:<26}{m['items_per_s']:>9.0f}{m['precision']:>8.3f}"
                    f"{m['recall']:>8.3f}{m['f1']:>8.3f}{m['predicted_pairs']:>9}"
                    f"{m['stories']:>9}{m['widest_story_hours']:>10.1f}")
    for key, ratio in results["vs"].items():
        speed = "n/a" if ratio["items_per_s"] is None else f"{ratio['items_per_s']:.1f}×"
        rows.append(f"vs {NAMES[key]}: {speed} items/s, F1 {ratio['f1_difference']:+.3f}")
    widest = methods["wiredesk"]["widest_story_hours"]
    window = results["window_hours"]
    rows.append(f"widest story: {widest:.1f} hours (wiredesk; window_hours {window:g}: "
                f"{'within' if widest <= window else 'BEYOND the window'})")
    rows.append("pairs: predicted same-story pairs; wiredesk items/s: group_items as the "
                "app calls it, its helper process started inside the clock")
    return "\n".join(rows)
