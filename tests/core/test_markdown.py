"""The slide-text Markdown subset: examples of every rule, errors with lines, and properties."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.markdown import (
    BulletList,
    MarkdownError,
    Paragraph,
    Span,
    parse_markdown,
    plain_text,
)


def para(*spans: Span) -> Paragraph:
    return Paragraph(tuple(spans))


B = lambda text: Span(text, bold=True)  # noqa: E731 - one-line span makers that read like the markup
I = lambda text: Span(text, italic=True)  # noqa: E731,E741 - I for italic, as B for bold
BI = lambda text: Span(text, bold=True, italic=True)  # noqa: E731 - one-line span makers that read like the markup


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("plain", (para(Span("plain")),)),
        ("**bold**", (para(B("bold")),)),
        ("*italic*", (para(I("italic")),)),
        ("***both***", (para(BI("both")),)),
        ("**bold *and italic***", (para(B("bold "), BI("and italic")),)),
        ("*italic **and bold***", (para(I("italic "), BI("and bold")),)),
        ("*a **b** c*", (para(I("a "), BI("b"), I(" c")),)),
        ("**a *b* c**", (para(B("a "), BI("b"), B(" c")),)),
        ("a *b* c", (para(Span("a "), I("b"), Span(" c")),)),
        ("foo**bar**baz", (para(Span("foo"), B("bar"), Span("baz")),)),
        ("*(see below)*", (para(I("(see below)")),)),
        ("**Call us:** 303", (para(B("Call us:"), Span(" 303")),)),
        # A star with spaces around it is arithmetic or a footnote, not emphasis.
        ("2 * 3 * 4", (para(Span("2 * 3 * 4")),)),
        ("** not bold **", (para(Span("** not bold **")),)),
    ],
)
def test_inline_emphasis(source: str, expected: tuple[Paragraph, ...]) -> None:
    assert parse_markdown(source) == expected
    assert parse_markdown(source, inline_only=True) == expected


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("**unclosed", "**unclosed"),
        ("*unclosed", "*unclosed"),
        ("closed too late*", "closed too late*"),
        ("**a*", "*a"),  # the leftover star stays visible, the pair is italic
        ("a ** b", "a ** b"),
    ],
)
def test_unclosed_markers_stay_literal(source: str, text: str) -> None:
    assert plain_text(parse_markdown(source)) == text


def test_partial_pair_keeps_the_extra_star_outside() -> None:
    assert parse_markdown("**a*") == (para(Span("*"), I("a")),)


def test_backslash_escapes_make_markers_literal() -> None:
    assert parse_markdown(r"\*not italic\*") == (para(Span("*not italic*")),)
    assert parse_markdown(r"\*\*not bold\*\*") == (para(Span("**not bold**")),)
    assert parse_markdown(r"back\\slash") == (para(Span("back\\slash")),)
    # A backslash before a letter is just a backslash (Windows paths in an IT note).
    assert parse_markdown(r"C:\kiosk") == (para(Span("C:\\kiosk")),)
    assert parse_markdown("\\- not a list") == (para(Span("- not a list")),)
    assert parse_markdown("trailing \\") == (para(Span("trailing \\")),)


def test_paragraphs_are_separated_by_blank_lines_and_lines_joined_by_spaces() -> None:
    source = "First line\nsame   paragraph.\n\n\n  Second\tone.  \n"
    assert parse_markdown(source) == (
        para(Span("First line same paragraph.")),
        para(Span("Second one.")),
    )


def test_windows_and_old_mac_line_endings() -> None:
    assert parse_markdown("a\r\nb\r\n\r\nc\rd") == (para(Span("a b")), para(Span("c d")))


def test_emphasis_may_span_lines_of_one_paragraph() -> None:
    assert parse_markdown("**bold\nstill bold**") == (para(B("bold still bold")),)


def test_emphasis_does_not_span_paragraphs() -> None:
    assert plain_text(parse_markdown("**open\n\nclose**")) == "**open\n\nclose**"


def test_bullet_lists_with_dash_and_star() -> None:
    source = "Before your visit:\n- wear **loose** clothes\n* bring your *insurance card*\n\nThanks"
    assert parse_markdown(source) == (
        para(Span("Before your visit:")),
        BulletList(
            (
                (Span("wear "), B("loose"), Span(" clothes")),
                (Span("bring your "), I("insurance card")),
            )
        ),
        para(Span("Thanks")),
    )


def test_star_bullet_is_not_italic_and_italic_is_not_a_bullet() -> None:
    assert parse_markdown("* item*") == (BulletList(((Span("item*"),),)),)
    assert parse_markdown("*italic* start") == (para(I("italic"), Span(" start")),)
    assert parse_markdown("**bold** start") == (para(B("bold"), Span(" start")),)


def test_item_continuation_lines_join_the_item() -> None:
    source = "- first item\n  continues here\n- second"
    assert parse_markdown(source) == (BulletList(((Span("first item continues here"),), (Span("second"),))),)


def test_indented_items_do_not_nest() -> None:
    assert parse_markdown("- a\n  - b") == (BulletList(((Span("a"),), (Span("b"),))),)


def test_blank_line_between_items_starts_a_new_list() -> None:
    assert parse_markdown("- a\n\n- b") == (
        BulletList(((Span("a"),),)),
        BulletList(((Span("b"),),)),
    )


def test_dash_inside_text_is_not_a_list() -> None:
    assert parse_markdown("Mon - Fri\n8-5") == (para(Span("Mon - Fri 8-5")),)
    assert parse_markdown("---") == (para(Span("---")),)


@pytest.mark.parametrize("source", ["- ", "text\n-", "- a\n*   \n- b"])
def test_empty_list_item_is_an_error_with_its_line(source: str) -> None:
    with pytest.raises(MarkdownError) as caught:
        parse_markdown(source)
    assert "empty list item" in caught.value.message
    assert caught.value.line == next(n for n, line in enumerate(source.split("\n")) if line.strip() in ("-", "*"))


@pytest.mark.parametrize("source", ["", "   ", "\n\n \n"])
def test_empty_text_has_no_blocks(source: str) -> None:
    assert parse_markdown(source) == ()
    assert parse_markdown(source, inline_only=True) == ()
    assert plain_text(()) == ""


@pytest.mark.parametrize(
    ("source", "line", "found"),
    [
        ("<b>bold</b>", 0, "<b>"),
        ("ok\n\nthen </p>", 2, "</p>"),
        ('a picture <img src="x.png" onerror=alert(1)>', 0, '<img src="x.png" onerror=alert(1)>'),
        ("one\ntwo <!-- note -->", 1, "<!-- note -->"),
        ("<script", 0, "<script"),
        ("x <SCRIPT>alert(1)", 0, "<SCRIPT>"),
        ("<!DOCTYPE html", 0, "<!"),
        ("<?xml version='1.0'?>", 0, "<?xml version='1.0'?>"),
        ("a<b", 0, "<b"),
        ("<qt>rich text</qt>", 0, "<qt>"),
        ("<unknown-tag>", 0, "<unknown-tag>"),
        ("- item <i>x</i>", 0, "<i>"),
        (r"\<b>", 0, "<b>"),  # escaping does not smuggle a tag through
    ],
)
def test_html_is_rejected_with_its_line(source: str, line: int, found: str) -> None:
    for inline_only in (False, True):
        if inline_only and ("\n\n" in source or source.startswith("- ")):
            continue
        with pytest.raises(MarkdownError) as caught:
            parse_markdown(source, inline_only=inline_only)
        error = caught.value
        assert error.line == line
        assert error.message == (f"HTML is not allowed (found {found!r}); use **bold** or *italic*")
        assert str(error) == error.message


def test_long_tag_is_shortened_in_the_message() -> None:
    with pytest.raises(MarkdownError) as caught:
        parse_markdown("<img " + "x" * 200 + ">")
    assert len(caught.value.message) < 120
    assert "\u2026" in caught.value.message


@pytest.mark.parametrize(
    "source",
    ["pain < 5", "3 < 4", "3<4", "<5 minutes", "x<y", "less than <one hour", "<3", "a <= b", "<"],
)
def test_a_lone_less_than_is_text(source: str) -> None:
    assert plain_text(parse_markdown(source)) == source


def test_inline_only_allows_spans() -> None:
    assert parse_markdown("Hold **30 s**,\nthen *relax*", inline_only=True) == (
        para(Span("Hold "), B("30 s"), Span(", then "), I("relax")),
    )


def test_inline_only_rejects_a_second_paragraph() -> None:
    with pytest.raises(MarkdownError) as caught:
        parse_markdown("one\n\ntwo", inline_only=True)
    assert caught.value.line == 1
    assert "one paragraph" in caught.value.message


def test_inline_only_ignores_surrounding_blank_lines() -> None:
    assert parse_markdown("\nstep\n\n", inline_only=True) == (para(Span("step")),)


@pytest.mark.parametrize(("source", "line"), [("- a list", 0), ("step\n* more", 1)])
def test_inline_only_rejects_lists(source: str, line: int) -> None:
    with pytest.raises(MarkdownError) as caught:
        parse_markdown(source, inline_only=True)
    assert caught.value.line == line
    assert "list is not allowed" in caught.value.message


def test_plain_text_joins_paragraphs_and_items() -> None:
    blocks = parse_markdown("**Hi** there\n\n- *one*\n- two\n\nbye")
    assert plain_text(blocks) == "Hi there\n\none\ntwo\n\nbye"


def test_results_are_immutable_and_hashable() -> None:
    blocks = parse_markdown("**a**\n\n- b")
    assert hash(blocks) == hash(parse_markdown("**a**\n\n- b"))
    with pytest.raises(AttributeError):
        blocks[0].spans = ()  # type: ignore[misc]  # frozen: the assignment must fail


def test_long_unbalanced_input_is_fast() -> None:
    # Quadratic delimiter matching would take minutes here; the validator runs on every save.
    source = "*a **b " * 20_000
    blocks = parse_markdown(source)
    assert plain_text(blocks).count("a") == 20_000


def test_many_less_than_signs_are_fast() -> None:
    source = "<x" * 100_000
    assert plain_text(parse_markdown(source)) == source


# --- properties --------------------------------------------------------------------------

_ANY_TEXT = st.lists(st.sampled_from([*list("ab *\\-<>/!?\n\t_.é"), "\r\n", "<b>", "**", "- "]), max_size=40).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT, st.booleans())
def test_never_raises_anything_but_markdown_error(source: str, inline_only: bool) -> None:
    try:
        blocks = parse_markdown(source, inline_only=inline_only)
    except MarkdownError as error:
        assert 0 <= error.line < len(source.replace("\r\n", "\n").split("\n"))
        assert error.message
        return
    for block in blocks:
        runs = [block.spans] if isinstance(block, Paragraph) else list(block.items)
        for spans in runs:
            assert spans, "no empty paragraph or item"
            assert all(span.text for span in spans), "no empty spans"
            for a, b in itertools.pairwise(spans):
                assert (a.bold, a.italic) != (b.bold, b.italic), "adjacent spans are merged"
    if inline_only:
        assert len(blocks) <= 1 and all(isinstance(b, Paragraph) for b in blocks)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_never_raises_anything_but_markdown_error(source: str) -> None:
    with contextlib.suppress(MarkdownError):
        parse_markdown(source)


_WORD = st.text(alphabet="abcxyzé019", min_size=1, max_size=6)
_STYLED_TEXT = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_STYLE = st.sampled_from([(False, False), (True, False), (False, True), (True, True)])
_MARKER = {(False, False): "", (True, False): "**", (False, True): "*", (True, True): "***"}


def _write(spans: list[tuple[tuple[bool, bool], str]]) -> str:
    return " ".join(f"{_MARKER[style]}{text}{_MARKER[style]}" for style, text in spans)


def _expected(spans: list[tuple[tuple[bool, bool], str]]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for index, (style, text) in enumerate(spans):
        pieces = [(style, text)] if index == 0 else [((False, False), " "), (style, text)]
        for (bold, italic), piece in pieces:
            if merged and (merged[-1].bold, merged[-1].italic) == (bold, italic):
                merged[-1] = Span(merged[-1].text + piece, bold, italic)
            else:
                merged.append(Span(piece, bold, italic))
    return tuple(merged)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_STYLE, _STYLED_TEXT), min_size=1, max_size=6))
def test_written_emphasis_parses_back_to_the_same_spans(
    spans: list[tuple[tuple[bool, bool], str]],
) -> None:
    blocks = parse_markdown(_write(spans), inline_only=True)
    assert blocks == (Paragraph(_expected(spans)),)
    assert "*" not in plain_text(blocks), "valid pairs leave no markers behind"


def _escape(text: str) -> str:
    return "".join("\\" + c if c in "*\\-" else c for c in text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab *\\-_.!#", min_size=1, max_size=40))
def test_escaped_text_is_shown_exactly(text: str) -> None:
    # What a content editor would write to show staff text verbatim.
    normal = " ".join(text.split())
    if not normal:
        return
    assert plain_text(parse_markdown(_escape(normal), inline_only=True)) == normal


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("p"), st.lists(_STYLED_TEXT, min_size=1, max_size=3)),
            st.tuples(st.just("ul"), st.lists(_STYLED_TEXT, min_size=1, max_size=4)),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_blocks_round_trip(blocks: list[tuple[str, list[str]]]) -> None:
    source = "\n\n".join(
        "\n".join(lines) if kind == "p" else "\n".join(f"- {item}" for item in lines) for kind, lines in blocks
    )
    parsed = parse_markdown(source)
    expected = tuple(
        para(Span(" ".join(lines))) if kind == "p" else BulletList(tuple((Span(i),) for i in lines))
        for kind, lines in blocks
    )
    assert parsed == expected
    assert plain_text(parsed) == "\n\n".join(
        " ".join(lines) if kind == "p" else "\n".join(lines) for kind, lines in blocks
    )
