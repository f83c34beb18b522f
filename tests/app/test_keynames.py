"""The core's key names (tui/keynames.py, which may not load textual) against what
Textual itself knows, so the config check and the app cannot drift apart."""

from __future__ import annotations

import string

import pytest
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._keyboard_protocol import FUNCTIONAL_KEYS
from textual.binding import Binding
from textual.keys import Keys, _character_to_key, _normalize_key_list

from tui import keynames
from tui.app.app import WiredeskApp
from tui.app.queue import QueueView

#: names in Textual's Keys that are not keys of a key event
NOT_KEYS = {Keys.Any.value, Keys.ScrollUp.value, Keys.ScrollDown.value, Keys.Ignore.value,
            Keys.ControlSpace.value}  # "ctrl-at": an old alias, sent as "ctrl+@"
#: listed in Keys, but no terminal's bytes are turned into it (the key sends "enter"),
#: so the config refuses it with that hint
NEVER_SENT = {Keys.Return.value}


def _textual_names() -> set[str]:
    return {key.value for key in Keys} - NOT_KEYS - NEVER_SENT


def _sent_by_textual() -> set[str]:
    sent = set(FUNCTIONAL_KEYS.values())
    for keys in ANSI_SEQUENCES_KEYS.values():
        if isinstance(keys, tuple):
            sent |= {key.value for key in keys}
    return sent


def test_the_keys_refused_are_never_sent() -> None:
    assert NEVER_SENT & _sent_by_textual() == set()
    assert keynames.key_problem("return") == ("'return' is not a key a terminal sends; "
                                              "write enter")


def test_every_key_textual_lists_is_accepted() -> None:
    refused = {name: keynames.key_problem(name) for name in _textual_names()
               if keynames.key_problem(name) is not None}
    assert refused == {}


def test_every_named_key_of_the_core_is_one_textual_knows() -> None:
    textual_bases = {name.rpartition("+")[2] for name in _textual_names()}
    textual_bases |= set(FUNCTIONAL_KEYS.values())
    assert keynames.NAMED_KEYS - textual_bases == set()


def test_the_modifiers_are_the_ones_textual_sends_in_its_order() -> None:
    assert list(keynames.MODIFIERS) == sorted(keynames.MODIFIERS)
    modifiers = {part for name in _textual_names() for part in name.split("+")[:-1]}
    assert modifiers <= set(keynames.MODIFIERS)


@pytest.mark.parametrize("character", [*string.printable.strip(), "é", "£", "€", "ß", "Ω"])
def test_a_character_has_the_name_textual_gives_it(character: str) -> None:
    name = keynames.character_key(character)
    assert name == _character_to_key(character)
    assert keynames.key_problem(name) is None
    assert keynames.key_problem(character) is None


def test_the_keymap_as_textual_normalises_it_stays_valid() -> None:
    for keys in ("T, x", "/,?", "ctrl+x,f5"):
        for key in _normalize_key_list(keys).split(","):
            assert keynames.key_problem(key) is None, key


def test_every_key_the_desk_binds_by_default_is_valid() -> None:
    for binding in [*WiredeskApp.BINDINGS, *QueueView.BINDINGS]:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            assert keynames.key_problem(key.strip()) is None, (binding.id, key)
