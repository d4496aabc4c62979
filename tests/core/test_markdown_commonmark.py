"""Emphasis agrees with a reference CommonMark parser, so staff see in their editor's Markdown
preview what the kiosk shows. markdown-it-py comes with the test tools (import-linter -> rich)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.markdown import Span, parse_markdown

markdown_it = pytest.importorskip("markdown_it")


def reference_spans(source: str) -> tuple[Span, ...]:
    parser = markdown_it.MarkdownIt("commonmark")
    bold = italic = 0
    spans: list[Span] = []
    for token in parser.parseInline(source)[0].children or []:
        if token.type in ("strong_open", "strong_close"):
            bold += 1 if token.type == "strong_open" else -1
        elif token.type in ("em_open", "em_close"):
            italic += 1 if token.type == "em_open" else -1
        else:
            assert token.type == "text", token.type
            if not token.content:
                continue
            style = (bold > 0, italic > 0)
            if spans and (spans[-1].bold, spans[-1].italic) == style:
                spans[-1] = Span(spans[-1].text + token.content, *style)
            else:
                spans.append(Span(token.content, *style))
    return tuple(spans)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="***a b.(\\!é", min_size=1, max_size=30))
def test_inline_emphasis_matches_commonmark(source: str) -> None:
    # The subset collapses runs of spaces and reads "* " at the start as a bullet.
    source = " ".join(source.split())
    if not source or source == "*" or source.startswith("* "):
        return
    blocks = parse_markdown(source, inline_only=True)
    assert blocks, source
    assert blocks[0].spans == reference_spans(source)


@pytest.mark.parametrize(
    "source",
    [
        "***both***",
        "**bold *and italic***",
        "*italic **and bold***",
        "**a*",
        "*a**",
        "a**b**c",
        "*(a)*b",
        "**a**b*c*",
        r"\**a**",
        "*a *b* c*",
    ],
)
def test_examples_match_commonmark(source: str) -> None:
    assert parse_markdown(source)[0].spans == reference_spans(source)
