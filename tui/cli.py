"""The `wiredesk` command: the app, and the subcommands scripts and tests use."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui import __version__, deskcli, paths, termout
from tui.config import Config, ConfigError, check_keymap, load_config
from tui.desk.files import StateError
from tui.uiprefs import UiPrefs

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from tui.app.app import WiredeskApp
    from tui.desk.desk import Desk
    from tui.ingest.reader import FileResult


def build_app(config: Config, folders: Sequence[Path], desk: Desk,
              cache: Path | None = None, poll_seconds: float = 0.25,
              watch: bool = True, ui_prefs: Path | None = None) -> WiredeskApp:
    """The one way to make the app; tests build it the same way with their own files.
    Without `cache`, every file is parsed at start (what tests want); without `watch`,
    changes are found by the polls and the full stat alone; without `ui_prefs`, the
    theme chosen is not remembered."""
    from tui.app.app import WiredeskApp
    from tui.dedup import bulk
    from tui.inboxes import make_inbox

    check_keymap(config, WiredeskApp.binding_scopes())
    bulk.prepare()  # the day's stories are built with a second process's help
    inbox = make_inbox(config, folders, cache, watch=watch)
    return WiredeskApp(config=config, inbox=inbox, desk=desk, poll_seconds=poll_seconds,
                       prefs=UiPrefs.load(ui_prefs))


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Subcommands take the same options; SUPPRESS keeps a subcommand from resetting what
    # was given before its name (`wiredesk --config F parse …`).
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--config", type=Path, metavar="FILE", default=default,
                        help=f"configuration file (default: {paths.user_config_file()} "
                             "if it exists, over the bundled defaults)")
    parser.add_argument("--inbox", type=Path, action="append", metavar="DIR", default=default,
                        help="a folder of incoming copy; repeat for more "
                             "(default: the config's inbox folders)")
    parser.add_argument("--state", type=Path, metavar="FILE", default=default,
                        help=f"the desk state file (default: {paths.default_state_file()})")


class _Parser(argparse.ArgumentParser):
    """argparse, with its help, usage and errors printed as the rest (an unknown
    argument is echoed in its error), through argparse's public hooks."""

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        termout.write(self.format_usage(), file or sys.stdout)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        termout.write(self.format_help(), file or sys.stdout)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            termout.write(message, sys.stderr)
        sys.exit(status)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wiredesk",
        description="A keyboard-driven wire desk: read agency copy, see duplicates, decide.",
    )
    _add_common(parser, top=True)
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    parser.add_argument("--recover", action="store_true",
                        help="rebuild a damaged desk state from what is valid in it (the "
                             "damaged files are kept as a backup), then exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_common(commands.add_parser("run", help="open the desk (the default)"), top=False)
    parse = commands.add_parser("parse", help="read wire files and print their items")
    _add_common(parse, top=False)
    parse.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                       help="files or folders (walked recursively)")
    parse.add_argument("--json", action="store_true",
                       help="one JSON object per item per line")
    dupes = commands.add_parser("dupes", help="group wire files into stories and say why")
    _add_common(dupes, top=False)
    dupes.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                       help="files or folders (walked recursively)")
    dupes.add_argument("--json", action="store_true",
                       help='{"clusters": [{"id", "lead", "members": [{"id", "relation", '
                            '"score", "why"}]}]}')
    watch = commands.add_parser("watch", help="follow the inbox folders and print each item "
                                              "as it arrives")
    _add_common(watch, top=False)
    watch.add_argument("--json", action="store_true", help="one JSON object per item per line")
    watch.add_argument("--all", action="store_true",
                       help="print the items already there first")
    watch.add_argument("--seconds", type=float, default=None,
                       help="stop after this many seconds (default: until interrupted)")
    deskcli.add_commands(commands, lambda p: _add_common(p, top=False))
    bench = commands.add_parser("bench", help="measure speed and memory (see README)")
    bench_kinds = bench.add_subparsers(dest="bench", metavar="WHAT", required=True)
    bench_parse = bench_kinds.add_parser(
        "parse", help="items/s and MB/s per format; cold and warm load of a day")
    bench_parse.add_argument("--items", type=int, default=20_000,
                             help="generated items to parse (default 20,000)")
    bench_parse.add_argument("--load-items", type=int, default=100_000,
                             help="files for the cold/warm load (default 100,000; 0 skips)")
    bench_dedup = bench_kinds.add_parser(
        "dedup", help="story detection: speed, memory and precision/recall against baselines")
    bench_dedup.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    bench_dedup.add_argument("--labelled", type=Path, metavar="ITEMS.jsonl",
                             help="score a labelled set instead of generated streams "
                                  "(needs --truth): wiredesk's grouping, the same-event "
                                  "layer alone, MinHashLSH and a TF-IDF centroid baseline")
    bench_dedup.add_argument("--truth", type=Path, metavar="TRUTH.json",
                             help="the set's same-story clusters: a JSON list of lists of "
                                  "item ids (ids in none are singletons)")
    bench_dedup.add_argument("--json", action="store_true",
                             help="with --labelled: the figures as one JSON object")
    bench_ui = bench_kinds.add_parser(
        "ui", help="the app headless with a full day: first paint, keys, filter, memory")
    bench_ui.add_argument("--items", type=int, default=100_000)
    bench_pty = bench_kinds.add_parser(
        "pty", help="the real app in a pseudo-terminal: cursor keys while a day comes in")
    bench_pty.add_argument("--items", type=int, default=100_000)
    bench_query = bench_kinds.add_parser(
        "query", help="filter and search over a full day of items")
    bench_query.add_argument("--items", type=int, default=100_000)
    bench_desk = bench_kinds.add_parser(
        "desk", help="time to persist an action; load and compaction of a full day's state")
    bench_desk.add_argument("--actions", type=int, default=2_000)
    bench_desk.add_argument("--items", type=int, default=100_000)
    bench_desk.add_argument("--events", type=int, default=100_000)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except BrokenPipeError:
        # `wiredesk parse … | head` closed the pipe: that is the reader's choice, not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
        if args.recover:
            return _recover(args.state or paths.default_state_file())
        if args.command in deskcli.NEEDS_ITEMS or args.command in ("undo", "redo"):
            return _desk_command(config, args)
        if args.command == "parse":
            return _parse(args.paths, args.json)
        if args.command == "dupes":
            return _dupes(config, args.paths, args.json)
        if args.command == "watch":
            return _watch(config, args)
        if args.command == "bench":
            return _bench(args, config)
        return _run(config, args)
    except (ConfigError, StateError) as exc:
        termout.err(f"wiredesk: {exc}")
        return 2


def _run(config: Config, args: argparse.Namespace) -> int:
    from tui.desk.desk import Desk

    inbox = _inbox_folders(config, args)
    if inbox is None:
        return 2
    desk = Desk(args.state or paths.default_state_file(), editor=config.editor.name)
    build_app(config, inbox, desk, cache=paths.cache_file(),
              ui_prefs=paths.ui_prefs_file()).run()
    return 0


def _desk_command(config: Config, args: argparse.Namespace) -> int:
    from tui.desk.desk import Desk

    desk = Desk(args.state or paths.default_state_file(), editor=config.editor.name)
    _print_warnings(desk.warnings)
    wire = None
    if args.command in deskcli.NEEDS_ITEMS:
        folders = _inbox_folders(config, args)
        if folders is None:
            return 2
        # only a merge and an export ask which story an item is in (an export names
        # each item's story and lineage)
        wire = deskcli.load_wire_quietly(folders, config,
                                         group=args.command in ("merge", "export"))
    try:
        code = deskcli.run(args, config, desk, wire)
    except deskcli.UsageError as exc:
        termout.err(f"wiredesk: {exc}")
        return 2
    except deskcli.SaveFailed as exc:
        # the app keeps an unsaved action for its next one; this process ends here
        termout.err(f"wiredesk: {exc.not_saved()}")
        return 1
    try:
        desk.compact_if_needed()
    except (OSError, TimeoutError) as exc:
        termout.err(f"wiredesk: warning: the journal could not be folded into {desk.path} "
                    f"({exc}); the action is saved, and folding is tried again next time")
    return code


def _print_warnings(warnings: list[str]) -> None:
    """What the app shows as notices at start (a torn last action dropped, a cache that
    could not be written), on stderr: a script's output stays what it asked for."""
    for warning in warnings:
        termout.err(f"wiredesk: warning: {warning}")


def _recover(state: Path) -> int:
    from tui.desk.recover import recover

    for line in recover(state):
        termout.out(line)
    return 0


def _inbox_folders(config: Config, args: argparse.Namespace) -> list[Path] | None:
    folders: list[Path] = args.inbox or list(config.inbox_paths) or [paths.bundled_seeds()]
    for folder in folders:
        if not folder.exists():
            termout.err(f"wiredesk: inbox folder {folder} does not exist; check --inbox or "
                        "[inbox] folders in your config")
            return None
    return folders


def _watch(config: Config, args: argparse.Namespace) -> int:
    import time

    from tui.inboxes import make_inbox

    folders = _inbox_folders(config, args)
    if folders is None:
        return 2
    inbox = make_inbox(config, folders, paths.cache_file())
    deadline = None if args.seconds is None else time.monotonic() + args.seconds
    try:
        for batch in inbox.load():
            if args.all:
                _print_results(batch, args.json)
        if inbox.watch_problem:
            termout.err(f"wiredesk: warning: {inbox.watch_problem}")
        termout.err(f"watching {', '.join(map(str, folders))} (ctrl+c to stop)")
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2)
            _print_results(inbox.poll(), args.json)
    except KeyboardInterrupt:
        pass
    finally:
        inbox.close()
    return 0


def _print_results(results: Sequence[FileResult], as_json: bool) -> bool:
    """Items to stdout, quarantine reasons to stderr; True if any file was quarantined."""
    failed = False
    for result in results:
        for item in result.items:
            if as_json:
                termout.json_out(item.to_json())
            else:
                termout.out(f"{item.format:10} {item.source[:16]:16} {item.headline}")
        for problem in result.problems:
            failed = True
            termout.err(f"quarantined: {problem.path}: {problem.reason}")
    sys.stdout.flush()
    return failed


def _bench(args: argparse.Namespace, config: Config) -> int:
    if args.bench == "dedup" and (args.labelled or args.truth or args.json):
        return _bench_labelled(args, config)
    if args.bench == "parse":
        from tui.bench import parse as bench_parse

        bench_parse.run(items=args.items, load_items=args.load_items)
    elif args.bench == "dedup":
        from tui.bench import dedup as bench_dedup

        bench_dedup.run(sizes=args.sizes)
    elif args.bench == "ui":
        from tui.app import bench_ui

        bench_ui.run(items=args.items)
    elif args.bench == "pty":
        from tui.app import bench_pty

        bench_pty.run(items=args.items)
    elif args.bench == "query":
        from tui.bench import query as bench_query

        bench_query.run(items=args.items)
    elif args.bench == "desk":
        from tui.bench import desk as bench_desk

        bench_desk.run(actions=args.actions, items=args.items, events=args.events)
    return 0


def _bench_labelled(args: argparse.Namespace, config: Config) -> int:
    from tui.bench import labelled

    if args.labelled is None:
        what = "--truth" if args.truth else "--json"
        termout.err(f"wiredesk: bench dedup: {what} goes with --labelled ITEMS.jsonl")
        return 2
    if args.truth is None:
        termout.err("wiredesk: bench dedup: --labelled needs --truth TRUTH.json (the set's "
                    "same-story clusters)")
        return 2
    try:
        labelled.run(args.labelled, args.truth, config.dedup, out=termout.out,
                     note=lambda line: termout.err(f"wiredesk: note: {line}"),
                     as_json=args.json)
    except labelled.LabelledError as exc:
        termout.err(f"wiredesk: bench dedup: {exc}")
        return 2
    return 0


def _dupes(config: Config, targets: list[Path], as_json: bool) -> int:
    from tui.dedup.report import dupes_report, dupes_table
    from tui.ingest import read_paths
    from tui.ingest.dates import epoch

    missing = [t for t in targets if not t.exists()]
    for target in missing:
        termout.err(f"wiredesk: {target}: no such file or folder")
    items = [i for r in read_paths(t for t in targets if t.exists()) for i in r.items]
    items.sort(key=lambda i: epoch(i.sort_time))  # the order the wire sent them in
    report = dupes_report(items, config.dedup)
    if as_json:
        termout.json_out({"clusters": report["clusters"]})
    else:
        termout.out(dupes_table(report))
    return 1 if missing else 0


def _parse(targets: list[Path], as_json: bool) -> int:
    from tui.ingest import read_paths

    failed = False
    for target in targets:
        if not target.exists():
            termout.err(f"wiredesk: {target}: no such file or folder")
            failed = True
    for result in read_paths(t for t in targets if t.exists()):
        failed = _print_results([result], as_json) or failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
