"""Adding, removing and replacing entries of a ruamel document without losing comments.

ruamel attaches the comment lines and blank lines that follow an entry to that entry (for a
nested block, to its last value). Removing the entry would drop them, and adding an entry
after it would put the new one below them. These helpers move them so they stay where staff
put them: lines after a removed entry move to the entry before it; comment lines touching the
next entry stay above that entry; lines at the end of a group stay at its end.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from kiosk.core.studio.round_trip import is_block_map, is_block_seq

Container = CommentedMap | CommentedSeq


def _slot(container: Container) -> int:
    # ruamel keeps a map entry's trailing comment in position 2, a list item's in 0.
    return 2 if isinstance(container, CommentedMap) else 0


def _is_block(value: object) -> bool:
    """A non-empty block mapping or list: the lines after it hang on its last value."""
    return (
        isinstance(value, (CommentedMap, CommentedSeq))
        and (is_block_map(value) or is_block_seq(value))
        and len(value) > 0
    )


def tail_slot(container: Container, key: Any) -> tuple[Container, Any]:
    """Where the lines after ``container[key]`` are kept: the entry itself, or for a nested
    block its last value, recursively."""
    value = container[key]
    while _is_block(value):
        container = value
        key = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        value = container[key]
    return container, key


def _token_text(container: Container, key: Any) -> str:
    entry = container.ca.items.get(key)
    token = entry[_slot(container)] if entry else None
    return str(token.value) if token is not None else ""


def _split(text: str) -> tuple[str, str]:
    """(end-of-line comment, the lines after) of a trailing comment token's text."""
    if not text:
        return "", ""
    eol, _, after = text.partition("\n")
    return eol, after


def _set_token_text(container: Container, key: Any, eol: str, after: str) -> None:
    entry = container.ca.items.get(key)
    old = entry[_slot(container)] if entry else None
    if not eol and not after:
        if entry:
            entry[_slot(container)] = None
        return
    column = old.column if old is not None and eol else 0
    token = CommentToken(eol + "\n" + after, CommentMark(column), None)
    if entry is None:
        entry = container.ca.items[key] = [None, None, None, None]
    entry[_slot(container)] = token


def following(container: Container, key: Any) -> str:
    """The comment and blank lines after ``container[key]`` (not its end-of-line comment)."""
    target, target_key = tail_slot(container, key)
    return _split(_token_text(target, target_key))[1]


def set_following(container: Container, key: Any, lines: str) -> None:
    """Make ``lines`` the lines after ``container[key]``, keeping its end-of-line comment."""
    target, target_key = tail_slot(container, key)
    eol, _ = _split(_token_text(target, target_key))
    _set_token_text(target, target_key, eol, lines)


def _touching_split(lines: str) -> tuple[str, str]:
    """(the lines to keep, the comment lines at the end that touch whatever comes next)."""
    parts = lines.splitlines(keepends=True)
    cut = len(parts)
    while cut > 0 and parts[cut - 1].lstrip().startswith("#"):
        cut -= 1
    return "".join(parts[:cut]), "".join(parts[cut:])


def _add_before_first(container: Container, lines: str) -> None:
    """Comment lines that now precede the first entry of ``container``."""
    comments = [line for line in lines.splitlines(keepends=True) if line.strip()]
    if not comments:
        return
    token = CommentToken("".join(comments), CommentMark(0), None)
    if container.ca.comment and isinstance(container.ca.comment[1], list):
        container.ca.comment[1].append(token)
    else:
        container.ca.comment = [None, [token]]


def insertion_index(keys: Sequence[str], key: str, order: Sequence[str]) -> int:
    """Where ``key`` goes among ``keys`` to follow ``order``: after the last key that comes
    before it in ``order``; keys ``order`` does not know are passed over."""
    rank = {name: i for i, name in enumerate(order)}
    mine = rank.get(key, len(order))
    position = 0
    for i, existing in enumerate(keys):
        theirs = rank.get(existing)
        if theirs is not None and theirs <= mine:
            position = i + 1
    if key not in rank:
        return len(keys)
    return position


def put_key(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``: replaced in place when present, else inserted in ``order``."""
    if key in mapping:
        replace_value(mapping, key, value)
        return
    keys = list(mapping.keys())
    position = insertion_index(keys, key, order)
    moved = ""
    if position > 0:
        previous = keys[position - 1]
        lines = following(mapping, previous)
        keep, moved = ("", lines) if position == len(keys) else _touching_split(lines)
        set_following(mapping, previous, keep)
    mapping.insert(position, key, value)
    if moved:
        set_following(mapping, key, moved)


def remove_key(mapping: CommentedMap, key: str) -> None:
    """Delete ``mapping[key]``; the lines after it stay (its own end-of-line comment goes)."""
    if key not in mapping:
        return
    keys = list(mapping.keys())
    index = keys.index(key)
    lines = following(mapping, key)
    del mapping[key]
    mapping.ca.items.pop(key, None)
    _give_back(mapping, keys[index - 1] if index > 0 else None, lines)


def _give_back(container: Container, previous: Any, lines: str) -> None:
    if not lines:
        return
    if previous is None:
        _add_before_first(container, lines)
    else:
        set_following(container, previous, following(container, previous) + lines)


def replace_value(container: Container, key: Any, value: Any) -> None:
    """``container[key] = value``, keeping the lines after the entry after it."""
    old = container[key]
    if not _is_block(old) and not _is_block(value):
        container[key] = value
        return
    lines = following(container, key)
    if not _is_block(old):
        set_following(container, key, "")
    container[key] = value
    set_following(container, key, lines)


def insert_item(seq: CommentedSeq, index: int, value: Any) -> None:
    """Insert into a list; an item added at the end takes over the lines after the old last."""
    if seq and index >= len(seq):
        lines = following(seq, len(seq) - 1)
        set_following(seq, len(seq) - 1, "")
        seq.append(value)
        set_following(seq, len(seq) - 1, lines)
        return
    seq.insert(index, value)


def remove_item(seq: CommentedSeq, index: int) -> None:
    """Delete a list item; the lines after it stay."""
    lines = following(seq, index)
    del seq[index]
    _give_back(seq, index - 1 if index > 0 else None, lines)


def move_item(seq: CommentedSeq, index: int, new_index: int) -> None:
    """Move one item; the comment lines stay where they were in the list."""
    values = list(seq)
    values.insert(new_index, values.pop(index))
    set_items(seq, values)


def set_items(seq: CommentedSeq, values: Sequence[Any]) -> None:
    """Make the list hold ``values``. Comment lines between items stay at their positions
    and the lines after the list stay after it, whatever moved where."""
    old_count = len(seq)
    lines = [following(seq, i) for i in range(old_count)]
    for i in range(old_count):
        set_following(seq, i, "")
    for i, value in enumerate(values[:old_count]):
        if seq[i] is not value:
            seq[i] = value
    for value in values[old_count:]:
        seq.append(value)
    while len(seq) > len(values):
        del seq[len(seq) - 1]
        seq.ca.items.pop(len(seq), None)
    if not seq or not lines:
        return
    last = len(seq) - 1
    for i in range(min(last, old_count - 1)):
        set_following(seq, i, lines[i])
    # The lines after the old last item end the list; lines of items that are gone join them.
    set_following(seq, last, "".join(lines[last : old_count - 1]) + lines[-1])


def detached(entry: CommentedMap) -> CommentedMap:
    """A copy of a nested entry (a slide under ``slides:``) to stand alone as a file: the
    lines after it, which belong to what followed it, are left out, and its comments move
    left as far as the entry itself does."""
    indent = entry.lc.col or 0 if hasattr(entry, "lc") else 0
    alone = copy.deepcopy(entry)
    if alone:
        set_following(alone, next(reversed(alone)), "")
    if indent:
        _shift_comments(alone, indent)
    return alone


def _shift_comments(node: Container, indent: int) -> None:
    tokens: list[Any] = []
    for entry in node.ca.items.values():
        tokens.extend(entry)
    if node.ca.comment:
        tokens.extend(node.ca.comment)
    for token in _flatten(tokens):
        if getattr(token, "start_mark", None) is not None and token.column >= indent:
            token.column -= indent
        eol, newline, after = str(token.value).partition("\n")
        lines = [line[indent:] if line.startswith(" " * indent) else line for line in after.splitlines(keepends=True)]
        token.value = eol + newline + "".join(lines)
    children = node.values() if isinstance(node, CommentedMap) else node
    for value in children:
        if isinstance(value, (CommentedMap, CommentedSeq)):
            _shift_comments(value, indent)


def _flatten(items: list[Any]) -> list[CommentToken]:
    out: list[CommentToken] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        elif isinstance(item, CommentToken):
            out.append(item)
    return out
