"""The content docs state what the code defines: generated blocks are current, numbers in prose
match the code, and the messages the staff guide shows are the ones the validator gives."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from kiosk.core import content_docs
from kiosk.core.content_docs import begin_marker, block_names, end_marker, facts, refresh
from kiosk.core.limits import LIMITS, TextLimits
from kiosk.core.loader import load_deck

REPO = Path(__file__).resolve().parents[2]
FIX = "run `python -m kiosk.core.content_docs` from the repository root to update the docs"


@pytest.mark.parametrize("doc", content_docs.DOCS)
def test_generated_blocks_are_current(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    assert refresh(text) == text, FIX


def test_each_doc_has_its_blocks() -> None:
    assert block_names((REPO / content_docs.GUIDE).read_text(encoding="utf-8")) == ["limits-guide"]
    assert block_names((REPO / content_docs.FORMAT).read_text(encoding="utf-8")) == [
        "limits-format",
        "yaml-messages",
    ]


@pytest.mark.parametrize(("doc", "sentence"), facts())
def test_numbers_in_the_prose_match_the_code(doc: str, sentence: str) -> None:
    assert sentence in (REPO / doc).read_text(encoding="utf-8"), f"{doc} should say: {sentence}"


def test_every_limit_is_in_both_tables() -> None:
    guide, reference = content_docs.limits_guide_markdown(), content_docs.limits_format_markdown()
    for limit in fields(TextLimits):
        value = getattr(LIMITS, limit.name)
        assert f"| {value}" in guide or f"at most {value} " in guide, limit.name
        assert (
            f"| {value} characters" in reference
            or f"| {value} entries" in reference
            or (f"each {value} characters" in reference)
        ), limit.name


def test_a_stale_block_is_rewritten_and_the_rest_kept() -> None:
    name = "limits-guide"
    stale = f"before\n{begin_marker(name)}\n| title | 70 |\n{end_marker(name)}\nafter\n"
    fresh = refresh(stale)
    assert fresh.startswith("before\n") and fresh.endswith("after\n")
    assert f"| title | {LIMITS.title} |" in fresh and "| title | 70 |" not in fresh
    assert refresh(fresh) == fresh


def test_unknown_or_unterminated_blocks_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown generated block 'nope'"):
        refresh(f"{begin_marker('nope')}\n{end_marker('nope')}\n")
    with pytest.raises(ValueError, match="has no end marker"):
        refresh(f"{begin_marker('limits-guide')}\n| x |\n")


def test_main_rewrites_the_files_it_is_given(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(f"{begin_marker('limits-format')}\nold\n{end_marker('limits-format')}\n", encoding="utf-8")
    assert content_docs.main([str(doc)]) == 0
    assert refresh(doc.read_text(encoding="utf-8")) == doc.read_text(encoding="utf-8")


# The guide's "Reading a message" shows these mistakes in the shipped slides (file, line to
# replace or 0 to add at the end, new text); each message it quotes must be what the validator
# says for them, word for word.
GUIDE_EXAMPLES = [
    ("slides/dry-needling-afterwards.yaml", 5, "  en: What to expect: afterwards"),
    ("slides/exercise-cat-cow.yaml", 2, "kind exercise"),
    ("slides/exercise-walking-breaks.yaml", 11, "   - en: Walk for a few minutes at an easy pace."),
    ("slides/exercise-walking-breaks.yaml", 6, "\tes: Pausas para caminar"),
    ("slides/shockwave-news.yaml", 5, '  en: "Now offering Shockwave Therapy'),
    ("slides/shockwave-news.yaml", 0, "schedule:\n  from: 2026-05-01\n  until: 2025-05-25\n"),
]


@pytest.mark.parametrize(("rel", "line", "replacement"), GUIDE_EXAMPLES)
def test_the_guide_quotes_real_messages(tmp_path: Path, rel: str, line: int, replacement: str) -> None:
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    text = (root / rel).read_text(encoding="utf-8")
    if line:
        lines = text.split("\n")
        lines[line - 1] = replacement
        text = "\n".join(lines)
    else:
        text += replacement
    (root / rel).write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_deck(root).problems]
    assert len(problems) == 1
    assert problems[0] in (REPO / content_docs.GUIDE).read_text(encoding="utf-8"), problems[0]


@pytest.mark.parametrize(
    "message",
    [
        "`the schedule ends (until …) before it starts (from …); check the two dates`",
        "warning: `none of its days and hours fall between from (…) and until (…), so the slide never plays`",
        "`every slide in the playlist is hidden (hidden: true), so nothing would play; show at least one`",
        "`every slide is hidden (hidden: true), so nothing would play; show at least one`",
        "`expected true or false, but got …` | `hidden`",
    ],
)
def test_the_format_reference_lists_the_schedule_and_hidden_messages(message: str) -> None:
    # The reference lists every message; these are the ones this part of the validator gives.
    assert message in (REPO / content_docs.FORMAT).read_text(encoding="utf-8")
