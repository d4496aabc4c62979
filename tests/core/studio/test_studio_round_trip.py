"""Editing YAML in place: what the studio writes reads back the same through the kiosk's
loader, and every part of a file that an edit did not touch stays as staff wrote it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from kiosk.core.resources import bundled_content_dir
from kiosk.core.studio.documents import EditableDocument
from kiosk.core.studio.round_trip import (
    CONVENTIONAL,
    Layout,
    dump_round_trip,
    guess_layout,
    pyyaml_reads_as,
    styled_text,
)
from kiosk.core.studio.splice import splice
from kiosk.core.studio.structure import insert_item, move_item, put_key, remove_item, remove_key, set_items
from kiosk.core.studio.text_files import TextForm, decode_content_file


def render_after(text: str, change: Callable[[Any], object]) -> str:
    document = EditableDocument(text)
    change(document.data)
    return document.render()


@pytest.mark.parametrize("path", sorted(bundled_content_dir().rglob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_file_survives_a_round_trip_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = EditableDocument(text)
    assert document.render() == text
    assert dump_round_trip(document.data, document.layout) == text


@pytest.mark.parametrize(
    "text",
    [
        "---\nid: a   # extra spaces\nx: ~\ntitle: Hi\n",
        "id: a\ntitle:\n   en: odd indentation\n   es: sí\nsteps:\n- en: one\n- en: two\n",
        "id: a\ntitle: {en: Flow, es: Flujo}\ndays: [mon,  tue]\n",
    ],
)
def test_untouched_lines_stay_exactly_as_written_even_where_ruamel_would_normalise_them(text: str) -> None:
    def change(data: CommentedMap) -> None:
        put_key(data, "topic", "about", ["id", "kind", "topic", "title"])

    result = render_after(text, change)
    kept = [line for line in text.splitlines() if line.strip()]
    assert all(line in result.splitlines() for line in kept), result
    assert "topic: about" in result
    assert pyyaml_reads_as(result)["topic"] == "about"


def test_a_file_in_a_two_space_list_style_gets_new_items_in_that_style() -> None:
    text = "id: a\nsteps:\n- en: one\n  es: uno\n"
    assert guess_layout(text) == Layout(mapping=2, sequence=2, offset=0)

    def change(data: CommentedMap) -> None:
        insert_item(data["steps"], 1, CommentedMap(en="two"))

    assert render_after(text, change) == "id: a\nsteps:\n- en: one\n  es: uno\n- en: two\n"


def test_the_shipped_packs_layout_is_recognised() -> None:
    text = (bundled_content_dir() / "clinic.yaml").read_text(encoding="utf-8")
    assert guess_layout(text) == CONVENTIONAL


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Walking breaks", False),
        ("What to expect: afterwards", True),
        ("**Drug-free:** relief", True),
        ("no", True),
        ("yes", True),
        ("2025", True),
        ("1:30", True),
        ("#0b5d7a", True),
        ("  spaced  ", True),
        ("null", True),
        ("- a bullet", True),
        ("¿Qué es?", False),
        ("a # not a comment", True),
        ("", True),
    ],
)
def test_texts_are_quoted_exactly_when_the_kiosk_would_otherwise_misread_them(text: str, quoted: bool) -> None:
    value = styled_text(text)
    written = dump_round_trip(CommentedMap(k=value))
    assert yaml.safe_load(written) == {"k": text}
    assert (written != f"k: {text}\n") is quoted, written


def test_several_lines_are_written_as_a_literal_block() -> None:
    written = dump_round_trip(CommentedMap(body=styled_text("First paragraph.\n\n- one\n- two")))
    assert written == "body: |\n  First paragraph.\n\n  - one\n  - two\n"


def test_a_quoted_text_keeps_its_kind_of_quotes_when_it_still_needs_them() -> None:
    text = "title: 'What: now'\n"

    def change(data: CommentedMap) -> None:
        data["title"] = styled_text("What: next", data["title"])

    assert render_after(text, change) == "title: 'What: next'\n"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85\u2028\u2029"), max_size=40
    )
)
def test_any_single_line_text_reads_back_unchanged_through_the_loader(text: str) -> None:
    text = text.replace("\n", " ")
    written = dump_round_trip(CommentedMap(k=styled_text(text)))
    assert pyyaml_reads_as(written) == {"k": text.strip("\n")}


# --- comments ---------------------------------------------------------------------------------

CLINIC_LIKE = """\
# Head comment.
name: X
default_duration: 12s  # eol

# About the theme.
theme:
  primary: "#0d5f67"
  text: "#17303b"

follow_up:
  en: Thanks
# The order.
playlist:
  - a
  - b  # after b
# final
"""


def test_removing_a_key_keeps_the_comment_lines_that_followed_it() -> None:
    result = render_after(CLINIC_LIKE, lambda data: remove_key(data, "default_duration"))
    assert "default_duration" not in result
    assert "# eol" not in result
    assert "# About the theme.\ntheme:" in result
    assert result.startswith("# Head comment.\nname: X\n")


def test_a_new_key_goes_in_its_place_and_above_the_comment_of_the_next_key() -> None:
    order = ["name", "default_duration", "theme", "logo", "follow_up", "playlist"]

    def change(data: CommentedMap) -> None:
        put_key(data, "logo", "images/logo.png", order)

    result = render_after(CLINIC_LIKE, change)
    assert '  text: "#17303b"\n\nlogo: images/logo.png\nfollow_up:' in result


def test_a_new_key_before_a_commented_key_leaves_the_comment_on_that_key() -> None:
    order = ["name", "default_duration", "timezone", "theme"]

    def change(data: CommentedMap) -> None:
        put_key(data, "timezone", "America/Denver", order)

    result = render_after(CLINIC_LIKE, change)
    assert "default_duration: 12s  # eol\n\ntimezone: America/Denver\n# About the theme.\ntheme:" in result


def test_items_added_at_the_end_of_a_list_go_before_the_comment_that_ends_it() -> None:
    result = render_after(CLINIC_LIKE, lambda data: insert_item(data["playlist"], 2, "c"))
    assert result.endswith("  - b  # after b\n  - c\n# final\n")


def test_removing_the_last_item_keeps_the_final_comment() -> None:
    result = render_after(CLINIC_LIKE, lambda data: remove_item(data["playlist"], 1))
    assert result.endswith("playlist:\n  - a\n# final\n")


def test_removing_the_first_item_keeps_a_comment_that_followed_it() -> None:
    text = "playlist:\n  - a\n  # about b\n  - b\n"
    result = render_after(text, lambda data: remove_item(data["playlist"], 0))
    assert "# about b" in result and "- a" not in result
    assert yaml.safe_load(result) == {"playlist": ["b"]}


def test_reordering_a_list_keeps_comments_in_place() -> None:
    result = render_after(CLINIC_LIKE, lambda data: move_item(data["playlist"], 1, 0))
    assert result.endswith("playlist:\n  - b\n  - a  # after b\n# final\n")


def test_reordering_lists_of_texts_keeps_the_blank_line_after_the_list() -> None:
    text = "steps:\n  - en: one\n  - en: two\n\n# Next.\ncaution: Careful\n"
    result = render_after(text, lambda data: move_item(data["steps"], 1, 0))
    assert result == "steps:\n  - en: two\n  - en: one\n\n# Next.\ncaution: Careful\n"


def test_shortening_a_list_keeps_the_lines_after_it() -> None:
    text = "playlist:\n  - a\n  - b\n  - c\n\n# after\nz: 1\n"
    result = render_after(text, lambda data: set_items(data["playlist"], ["c"]))
    assert result == "playlist:\n  - c\n\n# after\nz: 1\n"


def test_a_plain_text_becoming_two_languages_keeps_the_comment_under_it() -> None:
    text = "title: Hello\n# About the body.\nbody: Text\n"

    def change(data: CommentedMap) -> None:
        put_key(data, "title", CommentedMap(en="Hello", es="Hola"), ["title", "body"])

    assert render_after(text, change) == "title:\n  en: Hello\n  es: Hola\n# About the body.\nbody: Text\n"


# --- splicing -----------------------------------------------------------------------------------


def test_splice_falls_back_to_the_full_rendering_when_the_data_would_differ() -> None:
    # `base` does not render `original` (a misuse): the check of the result catches it.
    def same(a: str, b: str) -> bool:
        return bool(yaml.safe_load(a) == yaml.safe_load(b))

    assert splice("a: 1\nb: 2\n", "a: 1\nb: 3\n", "a: 1\nb: 3\nc: 4\n", same) == "a: 1\nb: 3\nc: 4\n"


def test_splice_keeps_lines_only_the_original_has() -> None:
    original = "---\na:   1\nb: 2\n"
    base = "a: 1\nb: 2\n"
    edited = "a: 1\nb: 5\n"
    assert splice(original, base, edited) == "---\na:   1\nb: 5\n"


# --- bytes and text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"a: 1\n", "\ufeffa: é\r\nb: 2\r\n".encode(), b"a: 1", b"", "# só\n".encode()],
)
def test_decoding_and_encoding_a_file_gives_back_its_bytes(data: bytes) -> None:
    text, form = decode_content_file(data)
    assert "\r" not in text
    assert form.encode(text) == data


def test_a_changed_crlf_file_with_a_bom_keeps_both() -> None:
    text, form = decode_content_file("\ufeffa: 1\r\n".encode())
    assert form == TextForm(bom=True, crlf=True, final_newline=True)
    assert form.encode(text + "b: 2\n") == "\ufeffa: 1\r\nb: 2\r\n".encode()
