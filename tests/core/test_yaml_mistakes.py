"""YAML syntax errors in staff's words, on the line of the mistake.

Examples pin the message for each common mistake, with both PyYAML readers (the C one
the kiosk uses and the pure-Python one, whose wording and positions differ). The
properties mutate the clinic's real slide files the way staff break them and check that
the message names exactly the mutated line and the right kind of mistake, and that the
loader never fails on the result.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.loader import load_deck
from kiosk.core.yaml_mistakes import Mistake, explain_syntax_error, messages_markdown
from kiosk.core.yaml_source import parse_yaml_text
from tests.helpers.content_kit import make_pack

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
FORMAT_DOC = REPO / "docs" / "content-format.md"

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


def explain(text: str, loader: type[Any]) -> tuple[int, Mistake, str]:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        loader(text).get_single_node()
    mistake = explain_syntax_error(text, caught.value, loader)
    return mistake.line, mistake.mistake, mistake.message


EXAMPLES = {
    "missing colon": (
        "id: x\nkind news\ntopic: about\n",
        2,
        "`kind news` needs a colon: `kind: news`",
    ),
    "missing colon on the last line": ("id: x\ntopic about\n", 2, "`topic about` needs a colon: `topic: about`"),
    "missing colon before a nested text": (
        "id: x\ntitle:\n  en Closed on Monday\n  es: Cerrado el lunes\n",
        3,
        "`en Closed on Monday` needs a colon: `en: Closed on Monday`",
    ),
    "missing colon of a field with lines under it": (
        "title\n  en: a\n  es: b\nkind: y\n",
        1,
        "`title` needs a colon: `title:`",
    ),
    "missing colon in a list entry": ("items:\n  - en a\n    es: b\n", 2, "`en a` needs a colon: `en: a`"),
    "missing space after the colon": (
        "kind:news\nid: x\n",
        1,
        "`kind:news` needs a space after the colon: `kind: news`",
    ),
    "colon inside a text": (
        "title:\n  en: What to expect: afterwards\n  es: y\n",
        2,
        'the text after `en:` has a colon in it, so it needs quotes: `en: "What to expect: afterwards"`',
    ),
    "colon at the end of a text": (
        "title: Note:\nid: x\n",
        1,
        'the text after `title:` has a colon in it, so it needs quotes: `title: "Note:"`',
    ),
    "tab for indenting": (
        "title:\n\ten: Closed\n  es: y\n",
        2,
        "`en: Closed` is indented with a tab; indent with spaces only (two per step)",
    ),
    "tab under a line": (
        "title:\n  en: Closed\n\tes: y\n",
        3,
        "`es: y` is indented with a tab; indent with spaces only (two per step)",
    ),
    "indented too far": (
        "title:\n  en: Closed\n   es: Cerrado\n",
        3,
        "`es: Cerrado` does not line up with the lines around it: it has 3 spaces in front, "
        "`en: Closed` on line 2 has 2",
    ),
    "indented too little": (
        "id: x\ntitle:\n  en: Closed\n es: Cerrado\nkind: info\n",
        4,
        "`es: Cerrado` does not line up with the lines around it: it has 1 space in front, "
        "`en: Closed` on line 3 has 2 and `title:` on line 2 has 0",
    ),
    "list entry out of line": (
        "items:\n  - en: a\n    es: b\n   - en: c\n    es: d\n",
        4,
        "`- en: c` does not line up with the lines around it: it has 3 spaces in front, `- en: a` on line 2 has 2",
    ),
    "first line of a block text indented too far": (
        "body:\n  en: |\n     Since January\n\n    It is\n    more.\n  es: y\n",
        3,
        "`Since January` does not line up with the lines around it: it has 5 spaces in front, `It is` on line 5 has 4",
    ),
    "unclosed quote": (
        'title:\n  en: "What to expect\n  es: y\nkind: z\n',
        2,
        'the quote `"` before `What to expect` is never closed; end the text with `"`, or remove the quote',
    ),
    "unclosed quote closed by a later quote": (
        'title:\n  en: "What to expect: afterwards\n  es: "Qué esperar: después"\nkind: x\n',
        2,
        'the quote `"` before `What to expect: afterwards` is never closed; end the text with `"`, or remove the quote',
    ),
    "text after the closing quote": (
        'title: "Welcome" back\nid: x\n',
        1,
        "there is more text after the closing quote: `back`; put the whole text in double quotes, or remove it",
    ),
    "dash without a space": ("items:\n  -en: a\n    es: b\n", 2, "`-en: a` needs a space after the dash: `- en: a`"),
    "dash without a space in the playlist": (
        "playlist:\n  - a\n  -b\n  - c\n",
        3,
        "`-b` needs a space after the dash: `- b`",
    ),
    "text starting with a star": (
        "items:\n  - en: **Fast:** relief\n",
        2,
        'a text cannot start with `*` unless it is in quotes: `en: "**Fast:** relief"`',
    ),
    "stray bracket": ("id: x\n]\nkind: y\n", 2, "`]` is out of place here; remove it"),
    "stray text after a list": ("days: [mon, tue]]\n", 1, "`]` is out of place after `days: [mon, tue]`; remove it"),
    "unclosed bracket": (
        "days: [mon, tue\nkind: x\n",
        1,
        "`[mon, tue` opens a `[` that is never closed; end it with `]`",
    ),
    "backslash in double quotes": (
        'title: "C:\\photos"\n',
        1,
        "a backslash inside double quotes starts a special code; use single quotes instead: `title: 'C:\\photos'`",
    ),
    "second document": (
        "id: x\n---\nkind: y\n",
        2,
        "`---` starts or ends a YAML document, but a content file is one document; remove this line",
    ),
}


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize(("text", "line", "message"), EXAMPLES.values(), ids=EXAMPLES.keys())
def test_common_mistakes_in_plain_words_on_their_line(loader: type[Any], text: str, line: int, message: str) -> None:
    assert explain(text, loader)[0::2] == (line, message)


def test_the_loader_reports_the_mistake_on_the_slide_file(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": "id: a\nkind info\ntopic: about\ntitle: Hi\n"})
    assert [str(p) for p in load_deck(root).problems] == [
        "slides/a.yaml:2: yaml: `kind info` needs a colon: `kind: info`"
    ]


def test_crlf_and_a_bom_keep_the_line_numbers() -> None:
    text = "\ufeffid: x\r\ntitle:\r\n  en Closed\r\n  es: y\r\n"
    _, issues = parse_yaml_text(text.removeprefix("\ufeff"))
    assert [(i.line, i.message) for i in issues] == [(3, "`en Closed` needs a colon: `en: Closed`")]


def test_a_control_character_is_named_on_its_line() -> None:
    _, issues = parse_yaml_text("id: x\ntitle: a\x07b\n")
    assert [(i.line, i.field, i.message) for i in issues] == [
        (2, "yaml", "the file contains a control character (U+0007) that YAML does not allow; delete it")
    ]


def test_unexplained_errors_keep_the_readers_words() -> None:
    # A file that starts as a list and goes on with a field: rare enough to have no words of its own.
    _, issues = parse_yaml_text("- a\nb: c\n")
    assert len(issues) == 1 and issues[0].line == 2
    assert issues[0].message.startswith("YAML cannot read this line (")


def test_docs_list_every_syntax_message() -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    assert messages_markdown() in text, "run `python -m kiosk.core.content_docs` to update docs/content-format.md"


# --- properties: the clinic's real files, broken the ways staff break them ----------------------

SLIDE_FILES = [*sorted(CONTENT.glob("slides/*.yaml")), CONTENT / "clinic.yaml"]
_KEY = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*):(\s|$)")
_EXPECTED = {
    "delete a colon": {Mistake.MISSING_COLON, Mistake.NOT_A_FIELD},
    "insert a tab": {Mistake.TAB},
    "shift by one space": {Mistake.INDENTATION},
    "unbalance quotes": {
        Mistake.UNCLOSED_QUOTE,
        Mistake.COLON_IN_TEXT,
        Mistake.INDICATOR_START,
        Mistake.TEXT_AFTER_QUOTE,
        Mistake.STRAY_CHARACTER,
    },
}


@st.composite
def broken_files(draw: st.DrawFn) -> tuple[str, str, int, str]:
    """(file name, mutation, 1-based line mutated, text). Each mutation has one clear culprit
    line: a field's colon deleted, a tab put in front of a line, a line shifted by one space
    (two spaces can make a valid deeper level), a quote deleted or put before a value."""
    path = draw(st.sampled_from(SLIDE_FILES))
    lines = path.read_text(encoding="utf-8").split("\n")
    mutation = draw(st.sampled_from(sorted(_EXPECTED)))
    text_lines = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if mutation == "delete a colon":
        i = draw(st.sampled_from([i for i in text_lines if _KEY.match(lines[i])]))
        colon = _KEY.match(lines[i]).end(2)
        lines[i] = lines[i][:colon] + lines[i][colon + 1 :]
    elif mutation == "insert a tab":
        i = draw(st.sampled_from(text_lines))
        replace = lines[i].startswith(" ") and draw(st.booleans())
        lines[i] = "\t" + (lines[i][1:] if replace else lines[i])
    elif mutation == "shift by one space":
        i = draw(st.sampled_from(text_lines))
        lines[i] = lines[i][1:] if lines[i].startswith(" ") and draw(st.booleans()) else " " + lines[i]
    else:
        quoted = [i for i in text_lines if '"' in lines[i] or "'" in lines[i]]
        keyed = [i for i in text_lines if _KEY.match(lines[i]) and _KEY.match(lines[i]).group(3)]
        if quoted and bool(draw(st.booleans())):
            i = draw(st.sampled_from(quoted))
            at = draw(st.sampled_from([j for j, c in enumerate(lines[i]) if c in "\"'"]))
            lines[i] = lines[i][:at] + lines[i][at + 1 :]
        else:
            i = draw(st.sampled_from(keyed))
            at = _KEY.match(lines[i]).end()
            lines[i] = lines[i][:at] + draw(st.sampled_from("\"'")) + lines[i][at:]
    return path.name, mutation, i + 1, "\n".join(lines)


PROPERTY = settings(max_examples=400, deadline=None)


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@PROPERTY
@given(broken=broken_files())
def test_a_mutated_slide_file_is_blamed_on_the_mutated_line(
    loader: type[Any], broken: tuple[str, str, int, str]
) -> None:
    name, mutation, line, text = broken
    try:
        loader(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        mistake = explain_syntax_error(text, exc, loader)
    else:
        return  # still valid YAML (e.g. a quote dropped from inside a text): nothing to blame
    assert (mistake.line, mistake.mistake in _EXPECTED[mutation]) == (line, True), (name, mutation, mistake)


def test_every_mutation_breaks_some_files() -> None:
    # The property above must not pass by finding nothing wrong: each mutation does break files.
    for mutation in _EXPECTED:
        broken = 0
        for path in SLIDE_FILES:
            for example in _all_single_mutations(path, mutation):
                try:
                    yaml.SafeLoader(example).get_single_node()
                except yaml.MarkedYAMLError:
                    broken += 1
        assert broken > 10, mutation


def _all_single_mutations(path: Path, mutation: str) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        changed = list(lines)
        if mutation == "delete a colon":
            match = _KEY.match(line)
            if match is None:
                continue
            changed[i] = line[: match.end(2)] + line[match.end(2) + 1 :]
        elif mutation == "insert a tab":
            changed[i] = "\t" + line
        elif mutation == "shift by one space":
            changed[i] = " " + line
        else:
            changed[i] = line.replace('"', "", 1) if '"' in line else line.replace(": ", ': "', 1)
        out.append("\n".join(changed))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken=broken_files())
def test_the_loader_reports_a_mutated_file_alone_and_never_fails(
    tmp_path: Path, broken: tuple[str, str, int, str]
) -> None:
    name, _mutation, line, text = broken
    root = tmp_path / "content"
    if not root.exists():
        shutil.copytree(CONTENT, root)
    target = root / ("clinic.yaml" if name == "clinic.yaml" else f"slides/{name}")
    original = (CONTENT / target.relative_to(root)).read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    try:
        result = load_deck(root)
    finally:
        target.write_text(original, encoding="utf-8")
    assert not [p for p in result.problems if "internal error" in p.message]
    rel = target.relative_to(root).as_posix()
    syntax = [p for p in result.problems if p.field == "yaml"]
    assert [(p.path, p.line) for p in syntax] in ([], [(rel, line)])
    # Only the broken file has errors: no knock-on errors in the playlist or elsewhere.
    assert {p.path for p in result.errors} <= {rel}, [str(p) for p in result.errors]


def test_a_failure_to_explain_still_reports_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("kiosk.core.yaml_source.explain_syntax_error", broken)
    _, issues = parse_yaml_text("id: x\nkind news\n")
    assert [(i.line, i.field) for i in issues] == [(3, "yaml")]
    assert issues[0].message.startswith("YAML cannot read this line (")
