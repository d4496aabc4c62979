"""Plain-words explanations of YAML syntax errors, on the line where the mistake is.

PyYAML reports where its scanner gave up, which is often the line *after* the mistake
("could not find expected ':'" on line 3 for a missing colon on line 2) and always in a
parser's words ("mapping values are not allowed in this context" for a missing colon, a
colon inside a text, or a line indented too far alike). Here the error is turned into the
mistake staff actually made, in their words, with the fix when there is one:

    `kind news` needs a colon: `kind: news`

How: each mistake that could explain the error (a missing colon, a colon inside a text, a
line out of line with its neighbours, ...) is tried as a repair of the text, and the
repair is kept only when the file then reads past the point where it failed, preferably
to its end. So a message never blames a line whose repair would not have helped, and the
suggested fix is one that works.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

#: How many lines above the failing one may hold the mistake (PyYAML notices late).
_LOOK_BACK = 4
#: A repair that lets the parser read this many lines past the failing one counts as a fix
#: of the whole file even if a second, unrelated mistake follows further down.
_FAR_ENOUGH = 25
#: Text shown from a line in a message; longer lines are cut with an ellipsis.
_SNIPPET = 60

# YAML's line breaks, as PyYAML counts lines.
_BREAKS = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
# Characters YAML forbids in a file (PyYAML's reader rejects them).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A field name written plainly, as staff write them: `title`, `opening_hours`, `en`.
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# Characters that cannot start a plain text in YAML.
_INDICATORS = "*&!%@`|>"


class Mistake(enum.Enum):
    """The mistakes staff make, each with its message (``{…}`` parts vary)."""

    MISSING_COLON = "`{text}` needs a colon: `{fixed}`"
    NOT_A_FIELD = (
        "`{text}` needs a colon after a field name (name: value); "
        "if it goes on from the text above, indent it more than that field"
    )
    MISSING_SPACE = "`{text}` needs a space after the colon: `{fixed}`"
    DASH_SPACE = "`{text}` needs a space after the dash: `{fixed}`"
    COLON_IN_TEXT = "the text after `{key}:` has a colon in it, so it needs quotes: `{fixed}`"
    TAB = "`{text}` is indented with a tab; indent with spaces only (two per step)"
    INDENTATION = "`{text}` does not line up with the lines around it: it has {spaces} in front, {others}"
    UNCLOSED_QUOTE = "the quote {quote} before `{text}` is never closed; end the text with {quote}, or remove the quote"
    TEXT_AFTER_QUOTE = (
        "there is more text after the closing quote: `{rest}`; put the whole text in double quotes, or remove it"
    )
    TEXT_AFTER_VALUE = "`{rest}` is out of place after `{before}`; remove it"
    INDICATOR_START = "a text cannot start with {char} unless it is in quotes: `{fixed}`"
    STRAY_CHARACTER = "{char} is out of place here; remove it"
    UNCLOSED_BRACKET = "`{text}` opens a `{open}` that is never closed; end it with `{close}`"
    BACKSLASH = "a backslash inside double quotes starts a special code; use single quotes instead: `{fixed}`"
    DOCUMENT_MARKER = "`{text}` starts or ends a YAML document, but a content file is one document; remove this line"
    CONTROL_CHARACTER = "the file contains a control character ({code}) that YAML does not allow; delete it"
    OTHER = "YAML cannot read this line ({problem}); compare it with the lines around it"

    def say(self, **parts: object) -> str:
        return self.value.format(**parts)


@dataclass(frozen=True)
class SyntaxMistake:
    line: int  # 1-based
    mistake: Mistake
    message: str


def messages_markdown() -> str:
    """The messages as a Markdown table for docs/content-format.md (``…`` for varying parts)."""
    rows = ["| message | the mistake |", "| --- | --- |"]
    for mistake in Mistake:
        shown = re.sub(r"\{\w+\}", "…", mistake.value)
        rows.append(f"| {shown} | {_DOC_NOTES[mistake]} |")
    return "\n".join(rows) + "\n"


_DOC_NOTES = {
    Mistake.MISSING_COLON: "a field name without its colon, e.g. `kind news`",
    Mistake.NOT_A_FIELD: "a line that is neither a field nor indented as part of the text above",
    Mistake.MISSING_SPACE: "`kind:news`",
    Mistake.DASH_SPACE: "a list entry written `-en: ...`",
    Mistake.COLON_IN_TEXT: "`en: What to expect: afterwards` (a colon and a space inside a text)",
    Mistake.TAB: "a tab used for indenting",
    Mistake.INDENTATION: "a line with more or fewer spaces in front than the lines it belongs with",
    Mistake.UNCLOSED_QUOTE: "a text that starts with `\"` or `'` and does not end with it",
    Mistake.TEXT_AFTER_QUOTE: '`title: "Welcome" back`',
    Mistake.TEXT_AFTER_VALUE: "`days: [mon, tue]]`",
    Mistake.INDICATOR_START: "a text starting with `*`, `&`, `!`, `%`, `@` or a backtick",
    Mistake.STRAY_CHARACTER: "a character YAML cannot read at that place",
    Mistake.UNCLOSED_BRACKET: "`days: [mon, tue` (a list or group in brackets that is not closed)",
    Mistake.BACKSLASH: '`"C:\\photos"`',
    Mistake.DOCUMENT_MARKER: "a line `---` or `...` in the middle of a file",
    Mistake.CONTROL_CHARACTER: "an invisible character pasted in from elsewhere",
    Mistake.OTHER: "anything else; the part in brackets is the YAML reader's own words",
}


def explain_reader_error(text: str) -> SyntaxMistake | None:
    """A character YAML forbids (PyYAML's ReaderError), on its line."""
    match = _NON_PRINTABLE.search(text)
    if match is None:
        return None
    line = len(_BREAKS.findall(text, 0, match.start())) + 1
    code = f"U+{ord(match.group()):04X}"
    return SyntaxMistake(line, Mistake.CONTROL_CHARACTER, Mistake.CONTROL_CHARACTER.say(code=code))


def explain_syntax_error(text: str, error: yaml.MarkedYAMLError, loader: type[Any]) -> SyntaxMistake:
    """The mistake behind ``error`` (raised by ``loader`` on ``text``), on the line to fix."""
    return _Explainer(text, error, loader).explain()


# --- lines --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One line, split into indentation, list dashes and the rest (``content``)."""

    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t")

    @property
    def blank(self) -> bool:
        return not self.stripped or self.stripped.startswith("#")

    @property
    def lead(self) -> str:
        """Indentation and any ``- `` list markers."""
        match = re.match(r"^[ \t]*(?:-[ \t]+)*", self.text)
        return match.group() if match else ""

    @property
    def content(self) -> str:
        return _without_comment(self.text[len(self.lead) :]).rstrip(" \t")


def _leading_space(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _without_comment(text: str) -> str:
    """``text`` without a trailing ``# comment`` (a ``#`` inside quotes is kept)."""
    quote = ""
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and (i == 0 or text[i - 1] in " \t:[{,"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i]
    return text


def _key_split(content: str) -> tuple[str, str] | None:
    """``(key, value)`` when ``content`` is ``key: value`` with a plain key, else None."""
    match = re.match(r"^([^\s\"'#\[\]{},:][^#]*?)[ \t]*:(?:[ \t]+|$)(.*)$", content)
    if match is None or ": " in match.group(1):
        return None
    return match.group(1), match.group(2)


def _snippet(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _shown_char(char: str) -> str:
    """A character named in a message: in backticks, except a backtick itself."""
    return "a backtick" if char == "`" else f"`{char}`"


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _quoted(value: str) -> str:
    """``value`` as a YAML quoted text: double quotes unless it holds some. A quote left at
    the end of a text whose opening quote is missing is taken for its closing quote."""
    for quote in "\"'":
        if value.endswith(quote) and value.count(quote) == 1 and len(value) > 1:
            value = value[:-1]
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- trying repairs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Repair:
    line: int  # 0-based
    mistake: Mistake
    message: str
    new_line: str  # the line as repaired
    #: For a line out of line: the line whose indentation the repair copied.
    aligned_with: int | None = None


# The order in which repairs that work equally well are believed: a missing colon explains
# a following line that looks indented too far, never the other way round.
_BELIEF = (
    Mistake.TAB,
    Mistake.DOCUMENT_MARKER,
    Mistake.UNCLOSED_QUOTE,
    Mistake.BACKSLASH,
    Mistake.INDICATOR_START,
    Mistake.DASH_SPACE,
    Mistake.MISSING_SPACE,
    Mistake.MISSING_COLON,
    Mistake.NOT_A_FIELD,
    Mistake.COLON_IN_TEXT,
    Mistake.UNCLOSED_BRACKET,
    Mistake.INDENTATION,
    Mistake.TEXT_AFTER_QUOTE,
    Mistake.TEXT_AFTER_VALUE,
    Mistake.STRAY_CHARACTER,
)


class _Explainer:
    def __init__(self, text: str, error: yaml.MarkedYAMLError, loader: type[Any]) -> None:
        self.loader = loader
        self.lines = [_Line(t) for t in _BREAKS.split(text)]
        self.error = error
        mark = error.problem_mark or error.context_mark
        self.problem = (mark.line, mark.column) if mark is not None else (0, 0)
        context = error.context_mark
        self.context = (context.line, context.column) if context is not None else None
        self.words = f"{error.context or ''} {error.problem or ''}".lower()
        self.block_lines: set[int] = set()
        #: Start lines of quoted texts that run over several lines, which staff never mean to
        #: write: a quote left open is closed by the next quote further down.
        self.long_quotes: list[int] = []
        self.inside_texts: set[int] = set()
        self._scan(text)
        #: Repairs are judged by reading from here: a line above the mistake that starts a
        #: part of the file on its own, so a big file is not read whole for every repair.
        self.start = self._part_start()

    # -- entry ---------------------------------------------------------------------------------

    def explain(self) -> SyntaxMistake:
        sure = self._certain()
        if sure is not None:
            return sure
        ranked: list[tuple[tuple[int, int, int, int], _Repair]] = []
        for repair in self._candidates():
            reach = self._reach(repair)
            if reach:
                ranked.append((self._rank(repair, reach), repair))
        if not ranked:
            return self._fallback()
        best = max(rank for rank, _ in ranked)
        chosen = next(repair for rank, repair in ranked if rank == best)
        if chosen.mistake is Mistake.INDENTATION:
            aligned = [r.aligned_with for rank, r in ranked if rank == best and r.line == chosen.line]
            return self._out_of_line(chosen.line, [a for a in aligned if a is not None])
        return SyntaxMistake(chosen.line + 1, chosen.mistake, chosen.message)

    def _rank(self, repair: _Repair, reach: int) -> tuple[int, int, int, int]:
        """Best first: reads further, the likelier mistake, a line whose indentation is
        rare in the file (the odd one out of two lines that disagree), nearer the failure."""
        rarity = 0
        if repair.mistake is Mistake.INDENTATION:
            indent = self.lines[repair.line].indent
            rarity = -sum(1 for line in self.lines if not line.blank and line.indent == indent)
        return (reach, -_BELIEF.index(repair.mistake), rarity, -abs(self.problem[0] - repair.line))

    def _out_of_line(self, index: int, aligned: list[int]) -> SyntaxMistake:
        """The message for a line out of line, naming the lines it could line up with: those
        nearest to its own indentation (both when one has more and one fewer spaces)."""
        line = self.lines[index]
        nearest = min(abs(self.lines[other].indent - line.indent) for other in aligned)
        aligned = [other for other in aligned if abs(self.lines[other].indent - line.indent) == nearest]
        others = " and ".join(
            f"`{_snippet(self.lines[other].stripped)}` on line {other + 1} has {self.lines[other].indent}"
            for other in aligned[:2]
        )
        message = Mistake.INDENTATION.say(text=_snippet(line.stripped), spaces=_spaces(line.indent), others=others)
        return SyntaxMistake(index + 1, Mistake.INDENTATION, message)

    # -- mistakes that PyYAML names exactly -----------------------------------------------------

    def _certain(self) -> SyntaxMistake | None:
        line, column = self.problem
        for index in sorted({line, self.context[0] if self.context else line}, reverse=True):
            if index < len(self.lines) and "\t" in _leading_space(self.lines[index].text):
                return self._tab(index)
        if self._char_at(line, column) == "\t" or "tab character" in self.words:
            return self._tab(line)
        if "quoted scalar" in self.words and self.context is not None:
            if "escape" in self.words:
                return self._backslash(self.context[0])
            if "end of stream" in self.words or "document" in self.words:
                return self._unclosed_quote(*self.context)
        if "directive" in self.words and self.context is not None:
            return SyntaxMistake(
                self.context[0] + 1, Mistake.STRAY_CHARACTER, Mistake.STRAY_CHARACTER.say(char=_shown_char("%"))
            )
        if "another document" in self.words:
            text = _snippet(self.lines[line].stripped) if line < len(self.lines) else "---"
            return SyntaxMistake(line + 1, Mistake.DOCUMENT_MARKER, Mistake.DOCUMENT_MARKER.say(text=text))
        return None

    def _tab(self, index: int) -> SyntaxMistake:
        text = _snippet(self.lines[index].stripped) if index < len(self.lines) else ""
        return SyntaxMistake(index + 1, Mistake.TAB, Mistake.TAB.say(text=text))

    def _backslash(self, index: int) -> SyntaxMistake:
        content = self.lines[index].content
        split = _key_split(content)
        value = split[1] if split else content
        fixed = value
        if value.startswith('"') and value.endswith('"') and "'" not in value:
            fixed = "'" + value[1:-1] + "'"
        if split:
            fixed = f"{split[0]}: {fixed}"
        message = Mistake.BACKSLASH.say(fixed=_snippet(fixed))
        return SyntaxMistake(index + 1, Mistake.BACKSLASH, message)

    def _unclosed_quote(self, index: int, column: int) -> SyntaxMistake:
        text = self.lines[index].text
        quote = text[column] if column < len(text) and text[column] in "\"'" else '"'
        shown = _snippet(text[column + 1 :].rstrip())
        message = Mistake.UNCLOSED_QUOTE.say(quote=_shown_char(quote), text=shown)
        return SyntaxMistake(index + 1, Mistake.UNCLOSED_QUOTE, message)

    # -- candidate repairs ----------------------------------------------------------------------

    def _window(self) -> list[int]:
        """The failing line and the non-blank lines above it that may hold the mistake."""
        last = min(self.problem[0], len(self.lines) - 1)
        if self.context is not None:
            last = max(last, min(self.context[0], len(self.lines) - 1))
        found: list[int] = []
        index = last
        while index >= 0 and len(found) <= _LOOK_BACK:
            if not self.lines[index].blank:
                found.append(index)
            index -= 1
        if self.context is not None and self.context[0] < len(self.lines) and self.context[0] not in found:
            found.append(self.context[0])
        return found

    def _candidates(self) -> Iterator[_Repair]:
        yield from self._quote_repairs()
        yield from self._bracket_repairs()
        for index in self._window():
            line = self.lines[index]
            if index in self.block_lines:
                continue
            if re.match(r"^(---|\.\.\.)(\s|$)", line.text):
                message = Mistake.DOCUMENT_MARKER.say(text=line.text[:3])
                yield _Repair(index, Mistake.DOCUMENT_MARKER, message, "")
            yield from self._dash(index, line)
            yield from self._colons(index, line)
            yield from self._indicator(index, line)
        for index in self._window():
            yield from self._indentation(index)
        yield from self._stray()

    def _dash(self, index: int, line: _Line) -> Iterator[_Repair]:
        rest = line.text[len(line.lead) :]
        match = re.match(r"^-([^\s\-].*)$", rest)
        if match:
            fixed = "- " + match.group(1)
            new = line.text[: len(line.lead)] + fixed
            yield _Repair(
                index, Mistake.DASH_SPACE, Mistake.DASH_SPACE.say(text=_snippet(rest), fixed=_snippet(fixed)), new
            )

    def _colons(self, index: int, line: _Line) -> Iterator[_Repair]:
        content = line.content
        if not content or content[0] in "\"'[]{}#|>,":
            return
        head = line.text[: len(line.lead)]
        tail = line.text[len(line.lead) + len(content) :]
        split = _key_split(content)
        if split is None:
            squeezed = re.match(r"^([A-Za-z_][A-Za-z0-9_-]*):(\S.*)$", content)
            if squeezed and "://" not in content[: squeezed.end(1) + 3]:
                fixed = f"{squeezed.group(1)}: {squeezed.group(2)}"
                message = Mistake.MISSING_SPACE.say(text=_snippet(content), fixed=_snippet(fixed))
                yield _Repair(index, Mistake.MISSING_SPACE, message, head + fixed + tail)
            yield from self._missing_colon(index, line, head, content, tail)
            return
        key, value = split
        if value and value[0] not in "\"'[{|>&*!" and (": " in value or value.endswith(":")):
            fixed = f"{key}: {_quoted(value)}"
            message = Mistake.COLON_IN_TEXT.say(key=_snippet(key), fixed=_snippet(fixed))
            yield _Repair(index, Mistake.COLON_IN_TEXT, message, head + fixed + tail)

    def _missing_colon(self, index: int, line: _Line, head: str, content: str, tail: str) -> Iterator[_Repair]:
        if re.search(r":(\s|$)", re.sub(r"\"[^\"]*\"|'[^']*'", "", content)):
            return
        word, _, rest = content.partition(" ")
        if ":" in word:
            return  # `kind:news`: a colon is there, the space after it is missing
        if not rest.strip() and line.lead.strip():
            # A one-word list entry (`- about-welcome`) is a whole value, not a field.
            return
        fixed = f"{word}: {rest.strip()}" if rest.strip() else f"{word}:"
        if _NAME.match(word):
            message = Mistake.MISSING_COLON.say(text=_snippet(content), fixed=_snippet(fixed))
            yield _Repair(index, Mistake.MISSING_COLON, message, head + fixed + tail)
        else:
            message = Mistake.NOT_A_FIELD.say(text=_snippet(content))
            yield _Repair(index, Mistake.NOT_A_FIELD, message, head + fixed + tail)

    def _indicator(self, index: int, line: _Line) -> Iterator[_Repair]:
        content = line.content
        split = _key_split(content)
        key, value = (split[0] + ": ", split[1]) if split else ("", content)
        if not value or value[0] not in _INDICATORS or (value[0] in "|>" and not split):
            return
        if value[0] in "|>" and re.match(r"^[|>][-+0-9]*$", value):
            return  # a block text
        fixed = key + _quoted(value)
        head = line.text[: len(line.lead)]
        tail = line.text[len(line.lead) + len(content) :]
        message = Mistake.INDICATOR_START.say(char=_shown_char(value[0]), fixed=_snippet(fixed))
        yield _Repair(index, Mistake.INDICATOR_START, message, head + fixed + tail)

    def _indentation(self, index: int) -> Iterator[_Repair]:
        line = self.lines[index]
        if line.blank or "\t" in line.text[: line.indent + 1]:
            return
        tried: set[int] = {line.indent}
        for other in self._neighbours(index):
            spaces = self.lines[other].indent
            if spaces in tried:
                continue
            tried.add(spaces)
            new = " " * spaces + line.text[line.indent :]
            yield _Repair(index, Mistake.INDENTATION, "", new, aligned_with=other)

    def _neighbours(self, index: int) -> Iterator[int]:
        """Non-blank lines near ``index``: those above it nearest first, then those below."""
        for others in (range(index - 1, max(index - 40, -1), -1), range(index + 1, min(index + 40, len(self.lines)))):
            yield from (other for other in others if not self.lines[other].blank)

    def _quote_repairs(self) -> Iterator[_Repair]:
        """A quote left open on an earlier line that a later quote happened to close."""
        for index in [*self._window(), *self.long_quotes[-1:]]:
            content = self.lines[index].content
            split = _key_split(content)
            value = split[1] if split else content
            if value[:1] in ("'", '"') and not _closes(value):
                quote = value[0]
                text = self.lines[index].text
                message = Mistake.UNCLOSED_QUOTE.say(quote=_shown_char(quote), text=_snippet(value[1:]))
                yield _Repair(index, Mistake.UNCLOSED_QUOTE, message, text.rstrip() + quote)
                at = text.find(quote, len(self.lines[index].lead) + len(content) - len(value))
                if at >= 0:
                    yield _Repair(index, Mistake.UNCLOSED_QUOTE, message, text[:at] + text[at + 1 :])
        for index in self._window():
            yield from self._lone_quotes(index)

    def _lone_quotes(self, index: int) -> Iterator[_Repair]:
        """A quote mark with no partner on its line, e.g. `items:"`."""
        text = self.lines[index].text
        for quote in "\"'":
            if text.count(quote) % 2 == 0:
                continue
            for at, char in enumerate(text):
                if char == quote:
                    message = Mistake.STRAY_CHARACTER.say(char=_shown_char(quote))
                    yield _Repair(index, Mistake.STRAY_CHARACTER, message, text[:at] + text[at + 1 :])

    def _bracket_repairs(self) -> Iterator[_Repair]:
        if self.context is None or "flow" not in self.words:
            return
        index = self.context[0]
        text = self.lines[index].text
        opened = text[self.context[1] : self.context[1] + 1]
        close = {"[": "]", "{": "}"}.get(opened)
        if close is None:
            return
        message = Mistake.UNCLOSED_BRACKET.say(text=_snippet(text[self.context[1] :]), open=opened, close=close)
        yield _Repair(index, Mistake.UNCLOSED_BRACKET, message, text.rstrip() + close)

    def _stray(self) -> Iterator[_Repair]:
        line, column = self.problem
        if line >= len(self.lines):
            return
        text = self.lines[line].text
        char = self._char_at(line, column)
        if not char or char in " \t":
            return
        before = text[:column].strip()
        if column > self.lines[line].indent and before:
            rest = _without_comment(text[column:]).rstrip()
            if before[-1:] in ("'", '"'):
                message = Mistake.TEXT_AFTER_QUOTE.say(rest=_snippet(rest))
                mistake = Mistake.TEXT_AFTER_QUOTE
            else:
                message = Mistake.TEXT_AFTER_VALUE.say(rest=_snippet(rest), before=_snippet(before))
                mistake = Mistake.TEXT_AFTER_VALUE
            yield _Repair(line, mistake, message, text[:column].rstrip())
        yield _Repair(
            line,
            Mistake.STRAY_CHARACTER,
            Mistake.STRAY_CHARACTER.say(char=_shown_char(char)),
            text[:column] + text[column + 1 :],
        )

    # -- judging a repair -----------------------------------------------------------------------

    def _reach(self, repair: _Repair) -> int:
        """2: the repaired text reads to its end (or far past the failing line); 1: it reads
        past the failing line; 0: the repair does not help."""
        start = min(self.start, repair.line)
        stop = self.problem[0] + _FAR_ENOUGH
        lines = [line.text for line in self.lines[start : stop + 2]]
        lines[repair.line - start] = repair.new_line
        try:
            for event in yaml.parse("\n".join(lines), Loader=self.loader):
                if event.start_mark is not None and event.start_mark.line + start > stop:
                    return 2
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            failed_at = mark.line + start if mark is not None else -1
            if failed_at > stop:
                return 2  # at the cut, or a later mistake
            return 1 if failed_at > max(self.problem[0], repair.line) else 0
        except yaml.YAMLError:
            return 0
        return 2

    def _fallback(self) -> SyntaxMistake:
        line, column = self.problem
        char = self._char_at(line, column)
        if "cannot start any token" in self.words and char and char != "\t":
            return SyntaxMistake(line + 1, Mistake.STRAY_CHARACTER, Mistake.STRAY_CHARACTER.say(char=_shown_char(char)))
        problem = (self.error.problem or self.error.context or "invalid YAML").strip()
        line = min(line, max(len(self.lines) - 1, 0))
        # The end of the file is no line to look at: name the last one with text.
        while line > 0 and self.lines[line].blank:
            line -= 1
        return SyntaxMistake(line + 1, Mistake.OTHER, Mistake.OTHER.say(problem=problem))

    # -- helpers ---------------------------------------------------------------------------------

    def _char_at(self, line: int, column: int) -> str:
        if line >= len(self.lines):
            return ""
        text = self.lines[line].text
        return text[column] if column < len(text) else ""

    def _part_start(self) -> int:
        """The nearest line above every line a repair may touch whose indentation is no deeper
        than any line from it to the failure (so it starts a part that reads on its own)."""
        window = self._window() + self.long_quotes[-1:]
        first, last = min(window, default=0), max(window, default=0)
        shallowest = min((line.indent for line in self.lines[first : last + 1] if not line.blank), default=0)
        index = first
        while index > 0:
            line = self.lines[index]
            own_part = not line.blank and index not in self.inside_texts and line.indent <= shallowest
            if own_part and not line.text.startswith(("\t", " \t")):
                return index
            if not line.blank:
                shallowest = min(shallowest, line.indent)
            index -= 1
        return 0

    def _scan(self, text: str) -> None:
        """Note block texts (``|``/``>``) and quoted texts over several lines that the scanner
        read before it failed."""
        try:
            for token in yaml.scan(text, Loader=self.loader):
                if not isinstance(token, yaml.ScalarToken) or token.start_mark.line == token.end_mark.line:
                    continue
                # A block text ends where the next line's text starts: that line is not inside.
                end = token.end_mark.line + (1 if token.end_mark.column else 0)
                self.inside_texts.update(range(token.start_mark.line + 1, end))
                if token.style in ("|", ">"):
                    self.block_lines.update(range(token.start_mark.line + 1, end))
                elif token.style in ("'", '"'):
                    self.long_quotes.append(token.start_mark.line)
        except yaml.YAMLError:
            pass


def _closes(value: str) -> bool:
    """Whether a quoted text that starts ``value`` ends on the same line."""
    quote = value[0]
    i = 1
    while i < len(value):
        if quote == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == quote:
            if quote == "'" and value[i + 1 : i + 2] == "'":
                i += 2
                continue
            return True
        i += 1
    return False
