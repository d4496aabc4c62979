"""The small Markdown subset staff write slide text in: paragraphs, bold, italic, bullet lists.

The result is a tree of plain strings with style flags. Renderers must put ``Span.text`` on
screen as plain text, never as HTML or Qt rich text, so nothing a staff member types can
become markup; anything that looks like an HTML tag is also rejected here, so a mistake is
reported by ``kiosk validate`` instead of showing up as odd text in the lobby.

Rules (a strict subset of CommonMark, so editors' previews agree):

* Paragraphs are separated by blank lines; single newlines inside one become spaces and
  runs of spaces collapse to one.
* ``**bold**``, ``*italic*``, ``***both***`` and nesting such as ``**bold *and italic***``
  follow CommonMark's emphasis rules (delimiter runs, left/right flanking, rule of three).
* A line starting with ``- `` or ``* `` is a bullet list item. A list may start right after
  a paragraph line; a following line that is not an item continues the previous item.
  Lists do not nest: an indented item is just another item.
* ``\\`` before ASCII punctuation makes it literal (``\\*`` is a star, ``\\-`` at the start of
  a line is not a bullet).
* An unclosed ``**`` or ``*`` stays as literal characters: a typo in the front office must
  not take a slide off the screen, and the stray star is visible on the preview.
* ``inline_only=True`` (list items, steps, captions) allows one paragraph of spans only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Block",
    "BulletList",
    "MarkdownError",
    "Paragraph",
    "Span",
    "parse_markdown",
    "plain_text",
    "visible_length",
]


class MarkdownError(ValueError):
    """Text that is not in the subset. ``line`` is 0-based within the parsed source."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Span, ...], ...]


Block = Paragraph | BulletList

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BULLET = re.compile(r"[ \t]*[-*](?:[ \t]+|$)")
_SPACES = re.compile(r"[ \t]+")
# Element names a browser or Qt's rich text would act on; "<b" is HTML even without a ">".
_HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "address",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "base",
        "bdi",
        "bdo",
        "big",
        "blink",
        "blockquote",
        "body",
        "br",
        "button",
        "canvas",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "map",
        "mark",
        "marquee",
        "menu",
        "meta",
        "meter",
        "nav",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "output",
        "p",
        "param",
        "picture",
        "pre",
        "progress",
        "q",
        "qt",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "script",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "track",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    ]
)
# "</p", "<!--", "<!DOCTYPE", "<?xml" are never ordinary text.
_MARKUP_START = re.compile(r"<(?:/[A-Za-z]|!|\?)")
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_SHOWN_TAG_CHARS = 40


def parse_markdown(source: str, *, inline_only: bool = False) -> tuple[Block, ...]:
    """Parse slide text. Raises :class:`MarkdownError` (with a 0-based line) on HTML, on an
    empty list item, and, with ``inline_only``, on lists or more than one paragraph."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        _reject_html(line, number)
    if inline_only:
        return _parse_inline_only(lines)
    return _parse_blocks(lines)


def plain_text(blocks: Iterable[Block]) -> str:
    """The visible text: no markers; paragraphs joined by a blank line, list items by newlines."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(_join(block.spans))
        else:
            parts.append("\n".join(_join(item) for item in block.items))
    return "\n\n".join(parts)


def visible_length(blocks: Iterable[Block]) -> int:
    """How many characters a patient sees (markers not counted): what the limits in
    :mod:`kiosk.core.limits` count, for the validator and for the studio's counters alike."""
    return len(plain_text(blocks))


def _join(spans: Iterable[Span]) -> str:
    return "".join(span.text for span in spans)


def _reject_html(line: str, number: int) -> None:
    found: str | None = None
    markup = _MARKUP_START.search(line)
    if markup is not None:
        found = _tag_text(line, markup.start())
    last_closing = line.rfind(">")
    for match in _TAG_NAME.finditer(line):
        if markup is not None and match.start() > markup.start():
            break
        # "<one hour>" and "<b" are both tags to a browser; "<one hour" is just text.
        if last_closing >= match.end() or match.group(1).lower() in _HTML_ELEMENTS:
            found = _tag_text(line, match.start())
            break
    if found is not None:
        raise MarkdownError(f"HTML is not allowed (found {found!r}); use **bold** or *italic*", number)


def _tag_text(line: str, start: int) -> str:
    closing = line.find(">", start)
    if closing != -1:
        text = line[start : closing + 1]
    else:
        name = _TAG_NAME.match(line, start)
        text = name.group(0) if name is not None else line[start : start + 2]
    if len(text) > _SHOWN_TAG_CHARS:
        text = text[: _SHOWN_TAG_CHARS - 1] + "\u2026"
    return text


def _parse_inline_only(lines: Sequence[str]) -> tuple[Block, ...]:
    content = [(n, line) for n, line in enumerate(lines) if line.strip()]
    if not content:
        return ()
    first, last = content[0][0], content[-1][0]
    for number in range(first, last + 1):
        if not lines[number].strip():
            raise MarkdownError(
                "only one paragraph is allowed here (found a blank line); remove the blank line",
                number,
            )
    for number, line in content:
        if _BULLET.match(line):
            marker = line.strip()[0]
            raise MarkdownError(
                f"a list is not allowed here (line starts with '{marker} '); "
                f"remove the '{marker}' or write '\\{marker}'",
                number,
            )
    return (Paragraph(_parse_inline(" ".join(line for _, line in content))),)


def _parse_blocks(lines: Sequence[str]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph(_parse_inline(" ".join(paragraph))))
            paragraph.clear()
        if items:
            blocks.append(BulletList(tuple(_parse_inline(" ".join(item)) for item in items)))
            items.clear()

    for number, line in enumerate(lines):
        if not line.strip():
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet is not None:
            text = line[bullet.end() :]
            if not text.strip():
                raise MarkdownError("empty list item; write text after the '-' or remove the line", number)
            if paragraph:
                flush()
            items.append([text])
        elif items:
            items[-1].append(line)
        else:
            paragraph.append(line)
    flush()
    return tuple(blocks)


# --- inline: CommonMark's delimiter-run algorithm, for "*" only -------------------------


@dataclass
class _Text:
    text: str


@dataclass
class _Run:
    """A run of ``*``: ``count`` stars still literal, plus the emphasis it opens/closes."""

    count: int
    length: int  # original run length, for the rule of three
    can_open: bool
    can_close: bool
    opens: list[str] = field(default_factory=list)  # outermost first, emitted after the stars
    closes: list[str] = field(default_factory=list)  # innermost first, emitted before the stars


_BOLD = "bold"
_ITALIC = "italic"


def _parse_inline(text: str) -> tuple[Span, ...]:
    text = _SPACES.sub(" ", text).strip()
    tokens = _tokenize(text)
    _match_emphasis(tokens)
    return _to_spans(tokens)


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punctuation(char: str) -> bool:
    return char != "" and unicodedata.category(char)[0] in "PS"


def _tokenize(text: str) -> list[_Text | _Run]:
    tokens: list[_Text | _Run] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ASCII_PUNCTUATION:
            literal.append(text[i + 1])
            i += 2
            continue
        if char != "*":
            literal.append(char)
            i += 1
            continue
        end = i
        while end < len(text) and text[end] == "*":
            end += 1
        before = text[i - 1] if i > 0 else ""
        after = text[end] if end < len(text) else ""
        left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before) or _is_punctuation(before))
        right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after) or _is_punctuation(after))
        if literal:
            tokens.append(_Text("".join(literal)))
            literal = []
        tokens.append(_Run(end - i, end - i, can_open=left, can_close=right))
        i = end
    if literal:
        tokens.append(_Text("".join(literal)))
    return tokens


def _match_emphasis(tokens: Sequence[_Text | _Run]) -> None:
    """Pair openers with closers (CommonMark "process emphasis"); unpaired stars stay text."""
    runs = [t for t in tokens if isinstance(t, _Run)]
    # A doubly linked list over ``runs`` so dropping the delimiters between a pair is O(1).
    prev = list(range(-1, len(runs) - 1))
    nxt = list(range(1, len(runs) + 1))

    def unlink(k: int) -> None:
        if prev[k] != -1:
            nxt[prev[k]] = nxt[k]
        if nxt[k] != len(runs):
            prev[nxt[k]] = prev[k]

    # Lowest opener worth searching for each kind of closer: keeps long inputs linear.
    bottom: dict[tuple[bool, int], int] = {}
    c = 0
    while c < len(runs):
        closer = runs[c]
        if not closer.can_close:
            c = nxt[c]
            continue
        key = (closer.can_open, closer.length % 3)
        floor = bottom.get(key, -1)
        o = prev[c]
        found = -1
        while o > floor:
            opener = runs[o]
            if opener.can_open and not (
                (opener.can_close or closer.can_open)
                and (opener.length + closer.length) % 3 == 0
                and not (opener.length % 3 == 0 and closer.length % 3 == 0)
            ):
                found = o
                break
            o = prev[o]
        if found == -1:
            bottom[key] = prev[c]
            following = nxt[c]
            if not closer.can_open:
                unlink(c)
            c = following
            continue
        opener = runs[found]
        used = 2 if opener.count >= 2 and closer.count >= 2 else 1
        kind = _BOLD if used == 2 else _ITALIC
        opener.count -= used
        closer.count -= used
        opener.opens.insert(0, kind)
        closer.closes.append(kind)
        between = nxt[found]
        while between != c:
            following = nxt[between]
            unlink(between)
            between = following
        if opener.count == 0:
            unlink(found)
        if closer.count == 0:
            following = nxt[c]
            unlink(c)
            c = following


def _to_spans(tokens: Sequence[_Text | _Run]) -> tuple[Span, ...]:
    depth = {_BOLD: 0, _ITALIC: 0}
    # (bold, italic, pieces): pieces are joined once at the end, not re-concatenated per emit.
    runs: list[tuple[bool, bool, list[str]]] = []

    def emit(text: str) -> None:
        if not text:
            return
        bold, italic = depth[_BOLD] > 0, depth[_ITALIC] > 0
        if runs and runs[-1][0] == bold and runs[-1][1] == italic:
            runs[-1][2].append(text)
        else:
            runs.append((bold, italic, [text]))

    for token in tokens:
        if isinstance(token, _Text):
            emit(token.text)
            continue
        for kind in token.closes:
            depth[kind] -= 1
        # Unused stars sit outside the emphasis: after what a run closes, before what it opens.
        emit("*" * token.count)
        for kind in token.opens:
            depth[kind] += 1
    return tuple(Span("".join(pieces), bold, italic) for bold, italic, pieces in runs)
