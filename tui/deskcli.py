"""The desk's command line: every decision the app makes, for scripts and tests."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rapidfuzz import process

from tui import termout
from tui.config import Config
from tui.dedup.detector import Member
from tui.desk.desk import Desk, SaveFailed
from tui.desk.events import Event
from tui.desk.state import STATUSES
from tui.wire import Wire

#: commands that need to know the day's items (to check ids, or to show them)
NEEDS_ITEMS = frozenset({"tag", "untag", "assign", "status", "merge", "split", "notdup",
                         "note", "show", "export", "log"})


class UsageError(Exception):
    """A command was given something it cannot act on; the message says what to do."""


def add_commands(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    def command(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(name, help=text)
        common(parser)
        return parser

    command("tag", "tag an item").add_argument("args", nargs="+", metavar="ID TAG…")
    command("untag", "remove tags from an item").add_argument("args", nargs="+",
                                                               metavar="ID TAG…")
    assign = command("assign", "assign an item to an editor or desk of the roster")
    assign.add_argument("id")
    assign.add_argument("who")
    status = command("status", "set an item's status")
    status.add_argument("id")
    status.add_argument("value", choices=STATUSES)
    command("merge", "merge items into the story of the first").add_argument(
        "ids", nargs="+", metavar="ID")
    command("split", "take an item out of its story").add_argument("id")
    notdup = command("notdup", "two items are not the same story; never group them")
    notdup.add_argument("ids", nargs=2, metavar="ID")
    note = command("note", "set an item's note")
    note.add_argument("id")
    note.add_argument("text")
    command("undo", "undo your last action")
    command("redo", "redo the action you last undid")
    show = command("show", "an item and the desk's decisions on it")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    command("log", "an item's history: who did what, when").add_argument("id")
    export = command("export", "every decision with its item's headline, source and time")
    export.add_argument("--format", choices=("csv", "json"), default="csv")


def run(args: argparse.Namespace, config: Config, desk: Desk, wire: Wire | None) -> int:
    known = set(wire.items) | set(desk.state.decisions) if wire is not None else set()

    def item(identifier: str) -> str:
        if identifier in known:
            return identifier
        resolved = wire.resolve(identifier) if wire is not None else None
        if resolved is not None:
            return resolved
        nearest = process.extract(identifier, sorted(known), limit=3, score_cutoff=40)
        hint = f"; did you mean {', '.join(n for n, _s, _i in nearest)}?" if nearest else ""
        raise UsageError(f"no item '{identifier}' in the inbox or the desk state{hint}")

    name = args.command
    if name in ("tag", "untag"):
        if len(args.args) < 2:
            raise UsageError(f"{name} takes an item id and at least one tag")
        target, tags = item(args.args[0]), args.args[1:]
        return _saved(desk.tag(target, *tags) if name == "tag" else desk.untag(target, *tags))
    if name == "assign":
        return _saved(desk.assign(item(args.id), _roster(config, args.who)))
    if name == "status":
        return _saved(desk.set_status(item(args.id), args.value))
    if name == "merge":
        if len(dict.fromkeys(args.ids)) < 2:
            raise UsageError("merge takes two or more ids: the item whose story they join, "
                             "then the items to merge into it")
        ids = [item(i) for i in args.ids]
        story = (wire.story_id_for(ids[0], desk.decision(ids[0])) if wire is not None
                 else f"story:{ids[0]}")
        return _saved(desk.merge(story, ids))
    if name == "split":
        return _saved(desk.split(item(args.id)))
    if name == "notdup":
        first, second = (item(i) for i in args.ids)
        return _saved(desk.not_same(first, second))
    if name == "note":
        return _saved(desk.note(item(args.id), args.text))
    if name in ("undo", "redo"):
        event = desk.undo() if name == "undo" else desk.redo()
        if event is None:
            termout.err(f"nothing to {name}")
            return 1
        termout.out(event.summary)
        return 0
    if name == "show":
        return _show(desk, wire, item(args.id), args.json)
    if name == "log":
        for event in desk.events_for(item(args.id)):
            termout.out(f"{event.seq:>6}  {event.at}  {event.who:<14} {event.summary}")
        return 0
    if name == "export":
        return _export(desk, wire, args.format)
    raise UsageError(f"unknown command {name}")


def _saved(event: Event | None) -> int:
    termout.out(event.summary if event else "nothing changed")
    return 0


def _roster(config: Config, who: str) -> str:
    roster = (*config.roster.editors, *config.roster.desks)
    if who in roster or who == "":
        return who
    nearest = process.extract(who, roster, limit=3, score_cutoff=40)
    hint = f"; did you mean {', '.join(n for n, _s, _i in nearest)}?" if nearest else ""
    raise UsageError(f"'{who}' is not on the roster (config [roster]){hint}")


def _show(desk: Desk, wire: Wire | None, item_id: str, as_json: bool) -> int:
    record: dict[str, Any] = {}
    if wire is not None and item_id in wire.items:
        record["item"] = wire.items[item_id].to_json()
    decision = desk.decision(item_id)
    record["decision"] = {"status": decision.status, "read": not decision.unread,
                          "tags": list(decision.tags),
                          "assignee": decision.assignee, "priority": decision.priority,
                          "note": decision.note, "story": decision.story,
                          "not_same": list(decision.not_same)}
    if as_json:
        termout.json_out(record)
        return 0
    item = record.get("item", {})
    for label, value in (("id", item_id), ("headline", item.get("headline", "")),
                         ("source", item.get("source", "")),
                         *((k, v) for k, v in record["decision"].items())):
        if value not in ("", None, []):
            termout.out(f"{label:>10}: "
                        f"{', '.join(value) if isinstance(value, list) else value}")
    return 0


def _export(desk: Desk, wire: Wire | None, fmt: str) -> int:
    rows = []
    placed: dict[str, Member] = {}  # read a story once, for all its members
    for item_id, decision in sorted(desk.state.decisions.items()):
        item = wire.items.get(item_id) if wire is not None else None
        if wire is not None and item is not None and item_id not in placed:
            placed.update(wire.lineages(item_id))
        member = placed.get(item_id)
        rows.append({
            "id": item_id, "headline": item.headline if item else "",
            "source": item.source if item else "", "time": item.sort_time if item else "",
            "status": decision.status,
            "read": not decision.unread if fmt == "json" else
            ("no" if decision.unread else "yes"),
            # JSON keeps the list (a tag may hold a space); a CSV cell holds them joined
            "tags": list(decision.tags) if fmt == "json" else " ".join(decision.tags),
            "assignee": decision.assignee, "priority": decision.priority or "",
            "note": decision.note, "story": decision.story,
            "grouped_story": wire.story_id_for(item_id, decision)
            if wire is not None and item is not None else "",
            "lineage": member.lineage if member else "",
            "lineage_why": "; ".join(member.joined) if member else "",
        })
    if fmt == "json":
        termout.json_out(rows, indent=1)
    else:
        termout.csv_out(list(rows[0]) if rows else ["id"], rows)
    return 0


def load_wire_quietly(folders: list[Path], config: Config, group: bool) -> Wire:
    from tui import paths
    from tui.inboxes import make_inbox

    wire = Wire(config.dedup, group=group)
    inbox = make_inbox(config, folders, paths.cache_file(), watch=False, settle=False)
    for batch in inbox.load():
        for result in batch:
            wire.add_result(result)
    return wire


__all__ = ["NEEDS_ITEMS", "SaveFailed", "UsageError", "add_commands", "load_wire_quietly",
           "run"]
