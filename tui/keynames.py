"""The names of keys a terminal sends, as Textual spells them, for checking [keymap].

The config is core and never loads textual, so the rule lives here; the app's tests
(tests/app/test_keynames.py) hold it against textual.keys so the two cannot drift.

A key is a printable character (`T`, `/`, `é`), a character's name (`slash`,
`question_mark`), or a named key (`enter`, `pageup`, `f5`), optionally after modifiers
joined with `+` in Textual's order (`ctrl+shift+left`, `alt+x`).
"""

from __future__ import annotations

import difflib
import re
import string
import unicodedata

#: in the order Textual writes them (alphabetical): `ctrl+shift+x`, never `shift+ctrl+x`
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

FUNCTION_KEYS = frozenset(f"f{n}" for n in range(1, 25))

#: the keys that are not characters
NAMED_KEYS = frozenset({
    "escape", "enter", "tab", "space", "backspace", "insert", "delete", "home", "end",
    "pageup", "pagedown", "up", "down", "left", "right", *FUNCTION_KEYS,
})

#: names people write for a key, and Textual's name for it
ALIASES = {
    "esc": "escape", "return": "enter", "ret": "enter", "cr": "enter", "pgup": "pageup",
    "pgdn": "pagedown", "pgdown": "pagedown", "page_up": "pageup", "page_down": "pagedown",
    "del": "delete", "ins": "insert", "bs": "backspace", "bksp": "backspace",
    "spacebar": "space", "control": "ctrl", "cmd": "super", "win": "super",
    "option": "alt", "arrowup": "up", "arrowdown": "down", "arrowleft": "left",
    "arrowright": "right",
}

#: Textual's short names for some characters' Unicode names
_REPLACEMENTS = {
    "solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
    "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore",
}


def character_key(character: str) -> str:
    """The key Textual reports for one typed character: `a`, `T`, `slash`, `question_mark`."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = {"\t": "tab"}.get(character, character)
    return _REPLACEMENTS.get(name, name)


#: the names of the characters on a keyboard's keys that are not letters or digits
CHARACTER_NAMES = frozenset(character_key(c) for c in string.punctuation)


def _is_character_name(name: str) -> bool:
    if name in CHARACTER_NAMES:
        return True
    unicode_name = {v: k for k, v in _REPLACEMENTS.items()}.get(name, name)
    try:
        character = unicodedata.lookup(unicode_name.replace("_", " "))
    except KeyError:
        return False
    return character.isprintable() and character_key(character) == name


_HELP = ("a key is one character (T, /), a name (enter, escape, tab, space, backspace, "
         "up, down, left, right, home, end, pageup, pagedown, insert, delete, f1 to f24, "
         "slash, question_mark), or one of those after ctrl+, shift+, alt+, meta+ or super+")


def key_problem(key: str) -> str | None:
    """None if a terminal can send `key` as Textual names it, else what is wrong, with the
    spelling that would work when there is one. `key` is one key of a comma list."""
    if key == "":
        return ("'' is an empty key (a comma at the end, or two in a row?); the comma key "
                "itself is written comma")
    if len(key) == 1:
        if key.isprintable() and not key.isspace():
            return None
        return f"{key!r} is not a printable character; write the key's name, e.g. tab"
    if key != key.lower() and key_problem(key.lower()) is None:
        return f"'{key}' is never sent: key names are lower case, write {key.lower()}"
    if "+" not in key and "-" in key and key_problem(key.replace("-", "+")) is None:
        return f"'{key}' is not a key name: join a modifier with +, write {key.replace('-', '+')}"
    parts = key.split("+")
    if "" in parts:
        return (f"'{key}' has a + with nothing on one side; the plus key is written plus "
                "(ctrl+plus)")
    *modifiers, base = parts
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            fix = ALIASES.get(modifier)
            hint = ("write " + "+".join(fix if part == modifier else part for part in parts)
                    if fix in MODIFIERS else "modifiers are " + ", ".join(MODIFIERS))
            return f"'{key}': '{modifier}' is not a modifier; {hint}"
    if len(set(modifiers)) != len(modifiers):
        once = "+".join([*sorted(set(modifiers)), base])
        return f"'{key}' names a modifier twice; write each once: {once}"
    if modifiers != sorted(modifiers):
        right = "+".join([*sorted(modifiers), base])
        return (f"'{key}' is never sent: modifiers go in the order "
                f"{', '.join(MODIFIERS)}; write {right}")
    if base in MODIFIERS:
        return f"'{key}' is a modifier on its own, which is not a key; add the key it goes with"
    if len(base) == 1:
        if modifiers == ["shift"] and base.isalpha():
            return (f"'{key}' is never sent: shift with a letter sends the capital, "
                    f"write {base.upper()}")
        if modifiers == ["shift"]:
            return (f"'{key}' is never sent: shift with this key sends the character it "
                    "types; write that character (e.g. ! rather than shift+1)")
        return None if base.isprintable() and not base.isspace() else (
            f"'{key}' does not end in a key; {_HELP}")
    if base in NAMED_KEYS or _is_character_name(base):
        return None
    if re.fullmatch(r"f\d+", base):
        return f"'{key}' is not a key a terminal sends: function keys are f1 to f24"
    fix = ALIASES.get(base)
    if fix is not None and fix not in MODIFIERS:
        return f"'{key}' is not a key a terminal sends; write {'+'.join([*modifiers, fix])}"
    close = difflib.get_close_matches(base, sorted(NAMED_KEYS | CHARACTER_NAMES), n=1,
                                      cutoff=0.75)
    if close:
        return (f"'{key}' is not a key a terminal sends; did you mean "
                f"{'+'.join([*modifiers, close[0]])}?")
    return f"'{key}' is not a key a terminal sends; {_HELP}"
