"""The qt-material look in the clinic's colours, built in memory.

``qt_material.apply_stylesheet``/``build_stylesheet`` regenerate recoloured icons under
``~/.qt_material`` on every call, which fails on a read-only home directory and races between
two instances. So the stylesheet is rendered here from qt-material's own template, and its
icons come from ``kiosk/ui/material_icons/``, generated once at build time by
``python -m kiosk.ui.theme`` (commit the result). Start-up writes nothing anywhere.

The template is rendered at build time too, by the same command: once per platform flag, with
marker colours and a marker font (``kiosk/ui/material_qss/``). At start-up the markers are
replaced by the clinic's values, so the running kiosk never imports jinja2 and markupsafe
(~7 MB of PSS for the kiosk's whole life, for a string built once). The output is the template's
own, character for character (tests/ui/test_theme.py renders both ways for random colours).
"""

from __future__ import annotations

import importlib.util
import platform
import re
import sys
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from kiosk.core.model import Theme

#: Recoloured qt-material icons (``icon:/primary/...``), generated at build time.
ICONS_DIR = Path(__file__).resolve().parent / "material_icons"
ICON_SUBFOLDERS = ("primary", "disabled", "active")
#: The template rendered with the markers below, one file per value of its ``linux`` flag.
STYLESHEETS_DIR = Path(__file__).resolve().parent / "material_qss"

#: Stand-ins for the theme's colours in the pre-rendered stylesheets: colours no clinic theme
#: needs to tell apart from its own (the replacement is exact), found nowhere in the template.
COLOUR_MARKERS = {
    "primaryColor": "#c0ffe1",
    "primaryLightColor": "#c0ffe2",
    "secondaryColor": "#c0ffe3",
    "secondaryLightColor": "#c0ffe4",
    "secondaryDarkColor": "#c0ffe5",
    "primaryTextColor": "#c0ffe6",
    "secondaryTextColor": "#c0ffe7",
}
FONT_MARKER = "@kiosk-font-family@"


def _qt_material_dir() -> Path:
    """qt-material's folder, found without importing it: its ``__init__`` imports QtUiTools,
    which links QtOpenGL and QtOpenGLWidgets, all of which a running kiosk would then map for
    nothing (memory, and ~1.5 MB the packaged kiosk no longer carries)."""
    spec = importlib.util.find_spec("qt_material")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("qt_material is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def material_opacity(colour: str, value: float = 0.5) -> str:
    """qt-material's ``opacity`` template filter: ``#rrggbb`` as ``rgba(r, g, b, value)``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {value})"


def material_density(
    value: float | str,
    density_scale: int | str,
    border: float = 0,
    scale: float = 1,
    density_interval: float = 4,
    min_: float = 4,
) -> float | str:
    """qt-material's ``density`` template filter (Material's density scale): a size grown by
    ``density_interval`` per step of ``density_scale``, less the borders, never below ``min_``;
    ``@...`` values pass through and ``unset`` stays unset."""
    if isinstance(value, str) and value.startswith("@"):
        return value[1:] * int(scale)
    if value == "unset":
        return "unset"
    number = float(value.replace("px", "")) if isinstance(value, str) else value
    size = (number + density_interval * int(density_scale) - border * 2) * scale
    return min_ if size <= 0 else size


def _shade(colour: str, factor: float) -> str:
    """``colour`` lighter (factor > 1) or darker (< 1), as ``#rrggbb``."""
    q = QColor(colour)
    shaded = q.lighter(int(factor * 100)) if factor >= 1 else q.darker(int(100 / factor))
    return shaded.name()


def theme_colours(theme: Theme) -> dict[str, str]:
    """qt-material's colour variables for a light theme in the clinic's colours."""
    return {
        "primaryColor": theme.primary,
        "primaryLightColor": _shade(theme.primary, 1.6),
        "secondaryColor": theme.background,
        "secondaryLightColor": "#ffffff",
        "secondaryDarkColor": _shade(theme.background, 0.92),
        "primaryTextColor": theme.text,
        "secondaryTextColor": theme.text,
    }


def stylesheet_path(linux: bool) -> Path:
    return STYLESHEETS_DIR / ("material-linux.qss" if linux else "material.qss")


def material_stylesheet(theme: Theme, *, font_family: str = "Noto Sans") -> str:
    """The qt-material stylesheet for ``theme``: the pre-rendered one with the markers replaced
    in one pass (so a clinic colour that happens to equal another marker stays as it is)."""
    colours = theme_colours(theme)
    replacements = {FONT_MARKER: font_family}
    for name, marker in COLOUR_MARKERS.items():
        replacements[marker] = colours[name]
        # The ``opacity`` filter's output: only the colour's part, whatever the opacity.
        replacements[material_opacity(marker, 0)[:-2]] = material_opacity(colours[name], 0)[:-2]
    pattern = re.compile("|".join(re.escape(marker) for marker in replacements))
    text = stylesheet_path(platform.system() == "Linux").read_text(encoding="utf-8")
    return pattern.sub(lambda found: replacements[found.group(0)], text)


def render_material_template(values: dict[str, object], *, linux: bool, density_scale: int = 0) -> str:
    """qt-material's template rendered by jinja2 with ``values`` (colours and ``font_family``):
    what ``python -m kiosk.ui.theme`` writes with the markers, and what the tests compare with."""
    import jinja2

    env = jinja2.Environment(autoescape=False, loader=jinja2.FileSystemLoader(str(_qt_material_dir())))
    env.filters["opacity"] = material_opacity
    env.filters["density"] = material_density
    template = env.get_template("material.qss.template")
    context: dict[str, object] = {
        "icon": None,
        "danger": "#dc3545",
        "warning": "#ffc107",
        "success": "#17a2b8",
        "density_scale": str(density_scale),
        "button_shape": "default",
        # Only ``linux`` is used by the template (qt-material 2.14); the others for a newer one.
        "linux": linux,
        "windows": not linux and platform.system() == "Windows",
        "darwin": not linux and platform.system() == "Darwin",
        "pyqt6": False,
        "pyside6": True,
    }
    context.update(values)
    return template.render(context)


def generate_stylesheets(destination: Path = STYLESHEETS_DIR) -> list[Path]:
    """Render the template with the markers, for Linux and for the rest (build time)."""
    destination.mkdir(parents=True, exist_ok=True)
    values: dict[str, object] = {"font_family": FONT_MARKER, **COLOUR_MARKERS}
    written = []
    for linux in (False, True):
        target = destination / stylesheet_path(linux).name
        target.write_text(render_material_template(values, linux=linux), encoding="utf-8")
        written.append(target)
    return written


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Style ``app`` with the clinic's colours; reads package files only, writes nothing."""
    from kiosk.ui.render.fonts import load_family

    app.setStyle("Fusion")
    # The slides' bundled font, not qt-material's Roboto: one typeface on every screen, and
    # four font files (~4 MB) fewer in memory.
    QDir.setSearchPaths("icon", [str(ICONS_DIR)])
    app.setStyleSheet(material_stylesheet(theme, font_family=load_family()))


def generate_icons(destination: Path = ICONS_DIR, theme: Theme | None = None) -> list[Path]:
    """Recolour qt-material's icons into ``destination`` (run at build time, not start-up)."""
    from qt_material.resources import ResourseGenerator

    colours = theme_colours(theme or Theme())
    generator = ResourseGenerator(
        primary=colours["primaryColor"],
        secondary=colours["secondaryColor"],
        disabled=colours["secondaryLightColor"],
        source=str(_qt_material_dir() / "resources" / "source"),
        parent=str(destination.resolve()),  # absolute: keeps it out of ~/.qt_material
    )
    generator.generate()
    return sorted(destination.rglob("*.svg"))


if __name__ == "__main__":
    written = generate_icons()
    print(f"wrote {len(written)} icons to {ICONS_DIR}", file=sys.stderr)
    for sheet in generate_stylesheets():
        print(f"wrote {sheet}", file=sys.stderr)
