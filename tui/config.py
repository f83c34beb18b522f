"""Typed configuration: the bundled default, overridden by the user's file.

Every key is checked against the schema below. An unknown key, a wrong type, a number
outside its range, a key no terminal sends or a saved view that does not parse stops
start-up with an error that names the file, the line and the key, because a typo in a
keymap or threshold that is silently ignored costs an editor a shift.

What a value may be sits in the schema, next to its default, as field metadata: a
number's `Range` (tui/ranges.py), and a check of each item of a list (`ITEM`) or each
entry of a table (`ENTRY`). The loader reads them; it has no rule of its own per key.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui import paths
from tui.dedup.settings import Settings
from tui.ingest.names import DEFAULT_IGNORE
from tui.keynames import key_problem
from tui.query.parse import QueryError, parse_query
from tui.ranges import at_least, more_than, range_of
from tui.tomlio import LocatedError, TomlSyntaxError, parse_toml


class ConfigError(LocatedError):
    """A configuration file is missing, malformed or does not fit the schema."""


#: field metadata: a check of each string of a list, giving what is wrong or None
ITEM = "item"
#: field metadata: a check of each (key, value) of a table, giving what is wrong or None
ENTRY = "entry"
#: field metadata: a check of a text value, giving what is wrong or None
VALUE = "value"

ItemCheck = Callable[[str], str | None]
EntryCheck = Callable[[str, str], str | None]

COLUMNS = ("time", "urgency", "source", "slug", "headline", "words", "status", "tags",
           "assignee", "story")


def _column_problem(name: str) -> str | None:
    if name in COLUMNS:
        return None
    return f"unknown column '{name}' in columns.show; columns are: {', '.join(COLUMNS)}"


def _pattern_problem(pattern: str) -> str | None:
    if pattern:
        return None
    return ('inbox.ignore: an empty pattern ("") matches no file; remove it, or write a '
            'pattern of file names such as "*.tmp"')


def _view_problem(name: str, query: str) -> str | None:
    if len(name) != 1 or name not in "123456789":
        return f"saved view '{name}' must be named 1 to 9"
    try:
        parse_query(query)
    except QueryError as exc:
        return (f"saved view '{name}' = '{query}' does not parse: {exc} (views use the "
                "filter language of the f key)")
    return None


def _keymap_problem(binding_id: str, keys: str) -> str | None:
    said = f"keymap '{binding_id}' = '{keys}': "
    if not keys.strip():
        return said + ("no key given; remove the line to keep the default key, or write "
                       "the keys, e.g. T or ctrl+t")
    for key in keys.split(","):
        problem = key_problem(key.strip())
        if problem is not None:
            return said + problem
    return None


@dataclass(frozen=True)
class InboxConfig:
    folders: tuple[str, ...] = ()
    #: a file must have kept its size and time this long before it is read
    settle_seconds: float = field(default=0.5, metadata=at_least(0, "seconds"))
    #: every file in the inbox is stat'ed this often, for mounts that send no events
    rescan_seconds: float = field(default=30.0, metadata=more_than(0, "seconds"))
    #: names in the inbox folders that are not copy (shell globs, fnmatch on the file's
    #: name; the default is tui/ingest/names.py's)
    ignore: tuple[str, ...] = field(default=DEFAULT_IGNORE, metadata={ITEM: _pattern_problem})


def _zone_problem(name: str) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return (f"desk.timezone = '{name}' is not a time zone this machine knows; write "
                "one like 'Europe/Berlin', 'America/New_York' or 'UTC', or leave it empty "
                "for the machine's own")
    return None


@dataclass(frozen=True)
class DeskConfig:
    #: the zone the queue shows times in (an IANA name); empty: the machine's own
    timezone: str = field(default="", metadata={VALUE: _zone_problem})
    #: an item shown in the preview this long becomes read (0: at once)
    seen_after: float = field(default=2.0, metadata=at_least(0, "seconds"))


@dataclass(frozen=True)
class EditorConfig:
    #: who is at the desk; empty means the login name
    name: str = ""


@dataclass(frozen=True)
class RosterConfig:
    editors: tuple[str, ...] = ()
    desks: tuple[str, ...] = ()


@dataclass(frozen=True)
class TagsConfig:
    list: tuple[str, ...] = ()
    allow_free: bool = True


@dataclass(frozen=True)
class ColumnsConfig:
    show: tuple[str, ...] = field(
        default=("time", "urgency", "source", "headline", "status", "tags", "story"),
        metadata={ITEM: _column_problem})


@dataclass(frozen=True)
class Config:
    inbox: InboxConfig = field(default_factory=InboxConfig)
    desk: DeskConfig = field(default_factory=DeskConfig)
    editor: EditorConfig = field(default_factory=EditorConfig)
    roster: RosterConfig = field(default_factory=RosterConfig)
    tags: TagsConfig = field(default_factory=TagsConfig)
    #: the story detector's thresholds and weights (documented in tui/dedup/settings.py)
    dedup: Settings = field(default_factory=Settings)
    columns: ColumnsConfig = field(default_factory=ColumnsConfig)
    #: binding id -> comma-separated keys, passed to App.set_keymap (the ids are checked
    #: by check_keymap once the app is built, the keys here)
    keymap: dict[str, str] = field(default_factory=dict, metadata={ENTRY: _keymap_problem})
    #: "1" to "9" -> a filter query, the saved views on the number keys
    views: dict[str, str] = field(default_factory=dict, metadata={ENTRY: _view_problem})
    #: the files this config was read from, lowest precedence first
    files: tuple[Path, ...] = ()
    #: inbox folders resolved against the file that named them
    inbox_paths: tuple[Path, ...] = ()


_FOLDER = "is a folder, not a config file"


def load_config(user_file: Path | None = None, *, use_user_dir: bool = True) -> Config:
    """Read the bundled default, then the user's file over it.

    `user_file` is `--config`; without it the platform's user config file is read if it
    exists (tests pass `use_user_dir=False` so they never see the developer's own).
    """
    files = [paths.bundled_config()]
    if user_file is not None:
        if user_file.is_dir():
            raise ConfigError(user_file, f"{_FOLDER}; give the path of a .toml file")
        if not user_file.is_file():
            raise ConfigError(user_file, "no such config file (check the --config path)")
        files.append(user_file)
    elif use_user_dir:
        candidate = paths.user_config_file()
        if candidate.is_dir():
            raise ConfigError(candidate, f"{_FOLDER}; move the folder away, or give the "
                                         "path of a .toml file with --config")
        if candidate.is_file():
            files.append(candidate)
    merged: dict[str, Any] = {}
    inbox_paths: list[Path] = []
    for path in files:
        data = _read_toml(path)
        _check(Config, data, path, path.read_text(encoding="utf-8"), ())
        folders = data.get("inbox", {}).get("folders")
        if folders is not None:
            inbox_paths = [(path.parent / Path(f).expanduser()).resolve() for f in folders]
        _merge(merged, data)
    config = _build(Config, merged)
    assert isinstance(config, Config)
    return dataclasses.replace(config, files=tuple(files), inbox_paths=tuple(inbox_paths))


def check_keymap(config: Config, scopes: list[dict[str, str]]) -> None:
    """Binding ids are only known to the app, so it calls this once it is built. Each scope
    maps the ids of bindings that are live together (one screen) to their default keys."""
    known_ids = {binding_id for scope in scopes for binding_id in scope}
    for binding_id in config.keymap:
        if binding_id not in known_ids:
            path, line = _keymap_place(config, binding_id)
            raise ConfigError(path, f"unknown binding id 'keymap.{binding_id}'; ids are listed "
                                    "in the help screen (?)", line)
    for scope in scopes:
        for key, first, second in keymap_clashes(scope, config.keymap):
            remapped = second if second in config.keymap else first
            other = first if remapped == second else second
            path, line = _keymap_place(config, remapped)
            where = "in your keymap" if other in config.keymap else "by default"
            raise ConfigError(path, f"'{key}' would be the key of two actions, "
                                    f"'keymap.{remapped}' and '{other}' (which has it "
                                    f"{where}); give '{other}' another key in [keymap] as well, or "
                                    f"choose another key for '{remapped}'", line)


def keymap_clashes(scope: dict[str, str], keymap: dict[str, str]
                   ) -> list[tuple[str, str, str]]:
    """(key, binding id, other binding id) for each key that two bindings of one scope
    would share once the keymap is applied."""
    owner: dict[str, str] = {}
    clashes = []
    for binding_id, default in scope.items():
        for key in keymap.get(binding_id, default).split(","):
            key = key.strip()
            if key in owner and owner[key] != binding_id:
                clashes.append((key, owner[key], binding_id))
            owner.setdefault(key, binding_id)
    return clashes


def _keymap_place(config: Config, binding_id: str) -> tuple[Path, int | None]:
    for path in reversed(config.files):
        line = locate_key(path.read_text(encoding="utf-8"), ("keymap", binding_id))
        if line is not None:
            return path, line
    return config.files[-1], None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, f"cannot read the config file: {exc.strerror}") from exc
    try:
        return parse_toml(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "the config file is not UTF-8 text") from exc
    except TomlSyntaxError as exc:
        raise ConfigError(path, f"not valid TOML: {exc.reason}", exc.line) from exc


def _check(cls: type, data: dict[str, Any], path: Path, text: str, where: tuple[str, ...]) -> None:
    hints = typing.get_type_hints(cls)
    specs = {f.name: f for f in dataclasses.fields(cls) if f.name not in ("files", "inbox_paths")}
    known = set(specs)
    for key, value in data.items():
        dotted = ".".join((*where, key))
        line = locate_key(text, (*where, key))
        if key not in known:
            hint = f"; known keys here: {', '.join(sorted(known))}"
            raise ConfigError(path, f"unknown key '{dotted}'{hint}", line)
        expected = hints[key]
        if dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                raise ConfigError(path, f"'{dotted}' must be a table", line)
            _check(typing.cast(type, expected), value, path, text, (*where, key))
            continue
        problem = _type_problem(expected, value)
        if problem:
            raise ConfigError(path, f"'{dotted}' {problem}", line)
        spec = specs[key]
        allowed = range_of(spec)
        if allowed is not None:
            out = allowed.problem(value)
            if out is not None:
                raise ConfigError(path, f"{dotted} = {_number(value)} {out}: must be "
                                        f"{allowed.describe()}", line)
        value_check: ItemCheck | None = spec.metadata.get(VALUE)
        if value_check is not None and (wrong := value_check(value)) is not None:
            raise ConfigError(path, wrong, line)
        item_check: ItemCheck | None = spec.metadata.get(ITEM)
        if item_check is not None:
            for item in value:
                if (wrong := item_check(item)) is not None:
                    raise ConfigError(path, wrong, line)
        entry_check: EntryCheck | None = spec.metadata.get(ENTRY)
        if entry_check is not None:
            for name, entry in value.items():
                if (wrong := entry_check(name, entry)) is not None:
                    raise ConfigError(path, wrong,
                                      locate_key(text, (*where, key, name)) or line)


def _number(value: float) -> str:
    """A number as the editor may have written it: -5, 0.5, -1e+308, nan, inf."""
    return str(value) if isinstance(value, int) else repr(value)


def _type_problem(expected: Any, value: Any) -> str:
    origin = typing.get_origin(expected)
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"must be a list of strings, not {_describe(value)}"
        return ""
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return f"must be a table of strings, not {_describe(value)}"
        return ""
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(expected, type):
        ok = isinstance(value, expected)
    else:
        ok = True
    if ok:
        return ""
    return f"must be {_TYPE_WORDS.get(expected, str(expected))}, not {_describe(value)}"


_TYPE_WORDS: dict[Any, str] = {str: "text", int: "a whole number", float: "a number",
                               bool: "true or false"}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list of other things" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and key not in ("keymap", "views") and isinstance(
                into.get(key), dict):
            _merge(into[key], value)
        elif key in ("keymap", "views") and isinstance(into.get(key), dict):
            into[key] = {**into[key], **value}
        else:
            into[key] = value


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        expected = hints[key]
        if dataclasses.is_dataclass(expected):
            kwargs[key] = _build(typing.cast(type, expected), value)
        elif typing.get_origin(expected) is tuple:
            kwargs[key] = tuple(value)
        elif expected is float:
            kwargs[key] = float(value)
        else:
            kwargs[key] = value
    return cls(**kwargs)


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def locate_key(text: str, dotted: tuple[str, ...]) -> int | None:
    """The line on which `dotted` is set, found by a scan of table headers and keys
    (tomllib reports no positions for valid documents)."""
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = tuple(_unquote(p) for p in header.group(1).split("."))
            if table == dotted:
                return number
            continue
        match = re.match(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""", line)
        if not match:
            continue
        key = tuple(_unquote(p) for p in _split_dotted(match.group(1)))
        full = table + key
        if full == dotted or full == dotted[: len(full)]:
            return number
    return None


def _split_dotted(key: str) -> list[str]:
    if key[0] in "\"'":
        return [key]
    return key.split(".")


def _unquote(part: str) -> str:
    part = part.strip()
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'":
        return part[1:-1]
    return part

