"""Fitting text into a box: wrapping, shrinking step by step, ellipsis only as a last resort."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.core.markdown import Span
from kiosk.ui.render.fonts import load_family
from kiosk.ui.render.slide_text import TextStyle, lay_out_blocks, lay_out_spans, parse_text
from kiosk.ui.render.text_fit import ELLIPSIS, fit_column, fit_text


@pytest.fixture()
def style(qapp) -> TextStyle:
    return TextStyle(load_family(), QColor("#000000"))


@pytest.fixture()
def device() -> QImage:
    return QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)


def _builder(text: str, style: TextStyle, width: float, device: QImage):
    return lambda px: lay_out_spans((Span(text),), style, px, width, device)


def test_short_text_stays_at_the_largest_size(style: TextStyle, device: QImage) -> None:
    box = QRectF(10, 20, 800, 300)
    fitted = fit_text(_builder("Hello", style, box.width(), device), box, 60, 30)
    assert fitted.pixel_size == 60 and not fitted.elided
    assert box.contains(fitted.rect)


def test_longer_text_shrinks_but_not_below_the_minimum(style: TextStyle, device: QImage) -> None:
    box = QRectF(0, 0, 600, 200)
    text = "A fairly long sentence that will not fit on one line at sixty pixels " * 2
    fitted = fit_text(_builder(text, style, box.width(), device), box, 60, 30)
    assert 30 <= fitted.pixel_size < 60 and not fitted.elided
    assert fitted.rect.bottom() <= box.bottom() and fitted.rect.right() <= box.right()
    bigger = _builder(text, style, box.width(), device)(fitted.pixel_size + 2)
    assert bigger.height > box.height()  # it really is the largest size that fits


def test_too_much_text_is_cut_after_a_whole_line_with_an_ellipsis(style: TextStyle, device: QImage) -> None:
    box = QRectF(0, 0, 500, 130)
    text = " ".join(f"word{i}" for i in range(300))
    fitted = fit_text(_builder(text, style, box.width(), device), box, 40, 36)
    assert fitted.elided and fitted.pixel_size == 36
    shown = fitted.plain_text
    assert shown.endswith(ELLIPSIS) and text.startswith(shown[:-1].rstrip())
    assert fitted.text.height <= box.height()
    assert fitted.rect.bottom() <= box.bottom()


def test_a_box_too_small_for_one_line_shows_nothing_rather_than_half_a_line(style: TextStyle, device: QImage) -> None:
    box = QRectF(0, 0, 500, 10)
    fitted = fit_text(_builder("Some text", style, box.width(), device), box, 40, 36)
    assert fitted.elided and fitted.plain_text == "" and fitted.rect.height() == 0


def test_a_word_longer_than_the_line_is_broken_not_overflowing(style: TextStyle, device: QImage) -> None:
    box = QRectF(0, 0, 300, 400)
    fitted = fit_text(_builder("Supercalifragilisticexpialidocious" * 2, style, box.width(), device), box, 40, 36)
    assert fitted.rect.width() <= box.width() and not fitted.elided


def test_vertical_centring(style: TextStyle, device: QImage) -> None:
    box = QRectF(0, 100, 400, 200)
    fitted = fit_text(_builder("Hi", style, box.width(), device), box, 40, 40, valign=Qt.AlignmentFlag.AlignVCenter)
    assert abs(fitted.rect.center().y() - box.center().y()) < 3


def test_column_shrinks_all_items_together_then_drops_the_overflow(style: TextStyle, device: QImage) -> None:
    def item(text: str):
        return lambda px, width: lay_out_spans((Span(text),), style, px, width, device)

    box = QRectF(0, 0, 700, 400)
    column = fit_column([item(f"Item number {i}") for i in range(3)], box, 50, 30, gap=lambda px: px * 0.5)
    assert column.pixel_size == 50 and not column.elided and len(column.items) == 3
    assert len({i.pixel_size for i in column.items}) == 1
    many = fit_column(
        [item(f"Item number {i} with quite a lot of words in it") for i in range(20)],
        box,
        50,
        30,
        gap=lambda px: px * 0.5,
    )
    assert many.elided and many.pixel_size == 30 and 1 <= len(many.items) < 20
    assert many.items[-1].elided and all(i.rect.bottom() <= box.bottom() for i in many.items)
    tops = [i.rect.top() for i in many.items]
    assert tops == sorted(tops)


def test_markdown_is_built_without_markup(style: TextStyle, device: QImage) -> None:
    blocks = parse_text("**<b>x</b>** & <script>", inline_only=True)
    laid = lay_out_blocks(blocks, style, 40, 500, device)
    assert laid.plain_text == "**<b>x</b>** & <script>"


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abcdefghij áéñ\u00a0WM.,-"), min_size=1, max_size=400),
    st.integers(min_value=120, max_value=900),
    st.integers(min_value=50, max_value=600),
)
def test_fitted_text_never_leaves_its_box(qapp, text: str, width: int, height: int) -> None:
    style = TextStyle(load_family(), QColor("#000000"))
    device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    box = QRectF(5, 7, width, height)
    fitted = fit_text(_builder(text, style, box.width(), device), box, 48, 36)
    if fitted.plain_text:
        assert fitted.rect.right() <= box.right() + 0.5 and fitted.rect.bottom() <= box.bottom() + 0.5
    assert fitted.pixel_size >= 36
