"""ruamel.yaml set up for editing staff's files in place: comments, key order, quotes and
indentation survive, and what it writes reads back the same through the kiosk's own loader.

The kiosk reads content with PyYAML (YAML 1.1: ``no`` is false, ``1:30`` is ninety) while
ruamel.yaml speaks YAML 1.2, so every text the studio writes is checked against PyYAML's
reading and quoted where the two would disagree (:func:`styled_text`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString

#: ruamel folds long scalars at this width; the loader does not care and staff's files have
#: long lines, so it must never fold.
_NO_FOLDING = 1_000_000
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RoundTripError(ValueError):
    """A file the studio cannot edit in place (the message names why)."""


@dataclass(frozen=True)
class Layout:
    """A file's indentation (ruamel's terms) and whether it starts with ``---``."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    explicit_start: bool = False


#: The layout of the shipped pack and of every file the studio creates.
CONVENTIONAL = Layout()


def make_yaml(layout: Layout = CONVENTIONAL) -> YAML:
    """A fresh ruamel instance (they hold state, so one per document and thread)."""
    rt = YAML(typ="rt", pure=True)
    rt.preserve_quotes = True
    rt.width = _NO_FOLDING
    rt.allow_duplicate_keys = False
    rt.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    rt.explicit_start = layout.explicit_start
    return rt


def guess_layout(text: str) -> Layout:
    """The indentation ``text`` uses for its first nested mapping and block list."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return CONVENTIONAL
    mapping: int | None = None
    sequence: tuple[int, int] | None = None
    pending = [root] if isinstance(root, yaml.MappingNode) else []
    while pending and (mapping is None or sequence is None):
        node = pending.pop(0)
        for key, value in node.value:
            if isinstance(value, yaml.MappingNode) and not value.flow_style and value.value:
                if mapping is None:
                    mapping = value.value[0][0].start_mark.column - key.start_mark.column
                pending.append(value)
            elif isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                if sequence is None:
                    dash = value.start_mark.column - key.start_mark.column
                    item = value.value[0].start_mark.column - key.start_mark.column
                    sequence = (item, dash)
                pending.extend(v for v in value.value if isinstance(v, yaml.MappingNode) and not v.flow_style)
    mapping = mapping if mapping and mapping > 0 else CONVENTIONAL.mapping
    seq, offset = sequence if sequence and sequence[0] > sequence[1] >= 0 else (mapping + 2, mapping)
    explicit = any(line.strip() == "---" for line in _head(text))
    return Layout(mapping=mapping, sequence=seq, offset=offset, explicit_start=explicit)


def _head(text: str) -> list[str]:
    """The lines before the first content line (comments, blank lines, directives)."""
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.strip() and not line.lstrip().startswith(("#", "%", "---")):
            break
    return lines


def load_round_trip(text: str, layout: Layout) -> Any:
    try:
        return make_yaml(layout).load(text)
    except (RuamelError, ValueError, TypeError) as exc:
        raise RoundTripError(f"the file cannot be edited here ({_first_line(exc)}); fix it in a text editor") from None


def dump_round_trip(data: Any, layout: Layout = CONVENTIONAL) -> str:
    out = io.StringIO()
    make_yaml(layout).dump(data, out)
    return out.getvalue()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def pyyaml_reads_as(text: str) -> Any:
    """What the kiosk's loader (PyYAML, safe) makes of a YAML document; raises yaml.YAMLError."""
    return yaml.load(text, Loader=_Loader)  # the safe loader: plain data only


def reads_back_plain(text: str) -> bool:
    """True when ``text`` can be written without quotes and both ruamel and the loader read
    it back as exactly that text."""
    if not text or text != text.strip():
        return False
    try:
        if pyyaml_reads_as(f"k: {text}\n") != {"k": text}:
            return False
    except yaml.YAMLError:
        return False
    return dump_round_trip(CommentedMap(k=text)) == f"k: {text}\n"


def styled_text(text: str, previous: object = None) -> Any:
    """``text`` as a ruamel scalar that the loader reads back unchanged: several lines as a
    ``|`` block; one line plain where that is safe, else quoted (colons, a leading ``*``,
    ``no``, ``2025``, ``#`` ...), in the quotes ``previous`` used if it was quoted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text.strip("\n"):
        lines = [line.rstrip() for line in text.strip("\n").split("\n")]
        return LiteralScalarString("\n".join(lines) + "\n")
    text = text.strip("\n")
    if reads_back_plain(text):
        return text
    if isinstance(previous, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    return DoubleQuotedScalarString(text)


def is_block_map(value: object) -> bool:
    return isinstance(value, CommentedMap) and not value.fa.flow_style()


def is_block_seq(value: object) -> bool:
    return isinstance(value, CommentedSeq) and not value.fa.flow_style()


def flow_seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def block_seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_block_style()
    return seq


def block_map(pairs: list[tuple[str, Any]] | None = None) -> CommentedMap:
    mapping = CommentedMap(pairs or [])
    mapping.fa.set_block_style()
    return mapping
