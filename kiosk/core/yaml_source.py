"""Safe YAML that remembers where everything was written, for ``path:line`` messages.

PyYAML's ``safe_load`` forgets line numbers, follows aliases (so a few lines can expand to
gigabytes) and keeps the last of two duplicate keys silently. Here the file is only
*composed* into nodes with the safe loader and converted by hand: every mapping key, value
and list item keeps its line, duplicate keys and aliases are reported, and nothing is
ever constructed beyond plain scalars (str, int, float, bool, None, date, datetime).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.core.limits import MAX_YAML_BYTES
from kiosk.core.regular_files import NotRegularFile, open_regular
from kiosk.core.yaml_mistakes import explain_reader_error, explain_syntax_error

#: Deeper nesting than this is never needed by content files.
MAX_DEPTH = 32

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(eq=False)
class YNode:
    """A YAML value with its 1-based line.

    ``value`` is a ``dict[str, YEntry]`` for a mapping, a ``list[YNode]`` for a sequence,
    or the constructed Python scalar. ``raw`` is a scalar's text as written.
    """

    kind: str  # "map", "seq" or "scalar"
    line: int
    value: Any
    raw: str = ""
    style: str | None = None

    @property
    def is_map(self) -> bool:
        return self.kind == "map"

    @property
    def is_seq(self) -> bool:
        return self.kind == "seq"

    @property
    def is_block_scalar(self) -> bool:
        return self.style in ("|", ">")

    def plain(self) -> Any:
        """The value as ``yaml.safe_load`` would give it (the config reader converts these)."""
        if self.kind == "map":
            return {k: e.node.plain() for k, e in self.value.items()}
        if self.kind == "seq":
            return [n.plain() for n in self.value]
        return self.value


@dataclass(eq=False)
class YEntry:
    key_line: int
    node: YNode


@dataclass(frozen=True)
class YamlIssue:
    """A problem found while reading a file; the loader turns it into a Problem."""

    line: int | None
    field: str
    message: str


@dataclass
class _Converter:
    constructor: Any
    issues: list[YamlIssue] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def convert(self, node: yaml.Node, path: str, depth: int, used_at: int | None = None) -> YNode | None:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            # An alias node carries its anchor's position; report where it is used.
            line = used_at or line
            # The composer hands back the very same node object for an alias.
            self.issues.append(YamlIssue(line, path or "yaml", "aliases (*name) are not allowed; write the value out"))
            return None
        if depth > MAX_DEPTH:
            self.issues.append(YamlIssue(line, path or "yaml", f"nested more than {MAX_DEPTH} levels deep"))
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                converted = self.convert(child, f"{path}[{i}]", depth + 1, line)
                if converted is not None:
                    items.append(converted)
            return YNode("seq", line, items)
        assert isinstance(node, yaml.ScalarNode)  # the composer makes mappings, sequences and scalars only
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> YNode:
        entries: dict[str, YEntry] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.append(YamlIssue(key_line, path or "yaml", "a field name must be a plain word"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.issues.append(
                    YamlIssue(key_line, path or "yaml", "merge keys (<<) are not allowed; write the fields out")
                )
                continue
            # The key as written: `no:` or `on:` stay words instead of YAML 1.1 booleans.
            key = str(key_node.value)
            child_path = f"{path}.{key}" if path else key
            if key in entries:
                self.issues.append(
                    YamlIssue(
                        key_line,
                        child_path,
                        f"'{key}' is given twice (first on line {entries[key].key_line}); keep one",
                    )
                )
                continue
            converted = self.convert(value_node, child_path, depth + 1, key_line)
            if converted is not None:
                entries[key] = YEntry(key_line, converted)
        return YNode("map", node.start_mark.line + 1, entries)

    def _scalar(self, node: yaml.ScalarNode, path: str) -> YNode | None:
        line = node.start_mark.line + 1
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. 2025-02-30 matches the timestamp pattern but is no date.
            detail = getattr(exc, "problem", None) or str(exc)
            self.issues.append(YamlIssue(line, path or "yaml", f"cannot read '{node.value}': {detail}"))
            return None
        return YNode("scalar", line, value, raw=str(node.value), style=node.style)


def decode_utf8(data: bytes) -> tuple[str | None, YamlIssue | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, YamlIssue(
            line,
            "file",
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at byte offset {exc.start} (save the file as UTF-8)",
        )
    return text, None


def parse_yaml_text(text: str) -> tuple[YNode | None, list[YamlIssue]]:
    """Compose and convert one YAML document. ``(None, [])`` for an empty document."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_issue(text, exc)]
    except yaml.YAMLError as exc:
        # ReaderError: a control character that YAML does not allow in a file.
        control = explain_reader_error(text)
        if control is not None:
            return None, [YamlIssue(control.line, "yaml", control.message)]
        return None, [YamlIssue(None, "yaml", f"YAML error: {exc}")]
    if root is None:
        return None, []
    converter = _Converter(yaml.SafeLoader(""))
    converted = converter.convert(root, "", 0)
    return converted, converter.issues


def _syntax_issue(text: str, error: yaml.MarkedYAMLError) -> YamlIssue:
    try:
        mistake = explain_syntax_error(text, error, _Loader)
    except Exception:  # noqa: BLE001 - the words are a courtesy; the error must be reported whatever happens
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        return YamlIssue(mark.line + 1 if mark else None, "yaml", f"YAML cannot read this line ({problem})")
    return YamlIssue(mistake.line, "yaml", mistake.message)


def read_yaml_file(path: Path, *, seen: Callable[[str], None] | None = None) -> tuple[YNode | None, list[YamlIssue]]:
    """Read, size-check, decode and parse one file; never raises for bad content.

    ``seen`` is handed the decoded text before it is parsed (the loader salvages slide ids
    from a file that does not parse)."""
    try:
        # A named pipe or device would block the reader for ever: regular files only.
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_YAML_BYTES:
                return None, [
                    YamlIssue(
                        None,
                        "file",
                        f"file is {size} bytes, more than the limit of {MAX_YAML_BYTES} bytes for a content file",
                    )
                ]
            # Read one byte past the limit: the file may grow between stat and read.
            data = handle.read(MAX_YAML_BYTES + 1)
    except NotRegularFile as exc:
        return None, [YamlIssue(None, "file", f"not a regular file ({exc.kind}); only ordinary files are read")]
    except OSError as exc:
        return None, [YamlIssue(None, "file", f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_YAML_BYTES:
        return None, [
            YamlIssue(None, "file", f"file is more than the limit of {MAX_YAML_BYTES} bytes for a content file")
        ]
    text, issue = decode_utf8(data)
    if text is None:
        return None, [issue] if issue else []
    if seen is not None:
        seen(text)
    return parse_yaml_text(text)
