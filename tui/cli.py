"""The `wiredesk` command: the app, and the subcommands scripts and tests use."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__, paths
from tui.config import Config, ConfigError, check_keymap, load_config
from tui.desk.store import StateError

if TYPE_CHECKING:
    from tui.app.app import WiredeskApp
    from tui.desk.desk import Desk


def build_app(config: Config, folders: Sequence[Path], desk: Desk,
              cache: Path | None = None, poll_seconds: float = 0.5) -> WiredeskApp:
    """The one way to make the app; tests build it the same way with their own files.
    Without `cache`, every file is parsed at start (what tests want)."""
    from tui.app.app import WiredeskApp
    from tui.ingest.cache import IngestCache
    from tui.ingest.inbox import Inbox

    check_keymap(config, WiredeskApp.binding_ids())
    inbox = Inbox(tuple(folders), IngestCache(cache) if cache else None,
                  settle_seconds=config.inbox.settle_seconds)
    return WiredeskApp(config=config, inbox=inbox, desk=desk, poll_seconds=poll_seconds)


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="A keyboard-driven wire desk: read agency copy, see duplicates, decide.",
    )
    _add_common(parser, top=True)
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_common(commands.add_parser("run", help="open the desk (the default)"), top=False)
    parse = commands.add_parser("parse", help="read wire files and print their items")
    _add_common(parse, top=False)
    parse.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                       help="files or folders (walked recursively)")
    parse.add_argument("--json", action="store_true",
                       help="one JSON object per item per line")
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
        if args.command == "parse":
            return _parse(args.paths, args.json)
        return _run(config, args)
    except (ConfigError, StateError) as exc:
        print(f"wiredesk: {exc}", file=sys.stderr)
        return 2


def _run(config: Config, args: argparse.Namespace) -> int:
    from tui.desk.desk import Desk

    inbox = args.inbox or list(config.inbox_paths) or [paths.bundled_seeds()]
    for folder in inbox:
        if not folder.exists():
            print(f"wiredesk: inbox folder {folder} does not exist", file=sys.stderr)
            return 2
    desk = Desk(args.state or paths.default_state_file(), editor=config.editor.name)
    build_app(config, inbox, desk, cache=paths.cache_file()).run()
    return 0


def _parse(targets: list[Path], as_json: bool) -> int:
    from tui.ingest import read_paths

    failed = False
    out = sys.stdout
    for target in targets:
        if not target.exists():
            print(f"wiredesk: {target}: no such file or folder", file=sys.stderr)
            failed = True
    for result in read_paths(t for t in targets if t.exists()):
        for item in result.items:
            if as_json:
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            else:
                out.write(f"{item.format:10} {item.source[:16]:16} {item.headline}\n")
        for problem in result.problems:
            failed = True
            print(f"quarantined: {problem.path}: {problem.reason}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
