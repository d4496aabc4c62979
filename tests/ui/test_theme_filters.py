"""The stylesheet's two template filters are qt-material's own, reimplemented so that the running
kiosk never imports qt_material (and with it QtUiTools and the OpenGL libraries): the same
output for every kind of input the template gives them, hence the same stylesheet."""

from __future__ import annotations

import sys

import qt_material
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.model import Theme
from kiosk.ui.theme import material_density, material_opacity, material_stylesheet

sizes = st.one_of(
    st.integers(-50, 400),
    st.floats(-50, 400, allow_nan=False),
    st.integers(-50, 400).map(lambda n: f"{n}px"),
    st.integers(0, 400).map(str),
    st.just("unset"),
    st.text(alphabet="abc0123456789", min_size=1, max_size=6).map(lambda t: f"@{t}"),
)


@given(
    sizes,
    st.one_of(st.integers(-4, 4), st.integers(-4, 4).map(str)),
    st.integers(0, 5),
    st.sampled_from([1, 2]),
)
def test_density_is_qt_materials(value, density_scale, border, scale) -> None:
    assert material_density(value, density_scale, border=border, scale=scale) == qt_material.density(
        value, density_scale, border=border, scale=scale
    )


@given(st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}"), st.sampled_from([0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1]))
def test_opacity_is_qt_materials(colour: str, value: float) -> None:
    assert material_opacity(colour, value) == qt_material.opacity(colour, value)


def test_the_stylesheet_is_rendered_without_importing_qt_material(monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "qt_material", raising=False)
    sheet = material_stylesheet(Theme())
    assert "QPushButton" in sheet
    assert "qt_material" not in sys.modules
