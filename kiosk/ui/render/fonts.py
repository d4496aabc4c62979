"""The kiosk's typeface: Noto Sans (SIL OFL), bundled in ``assets/fonts`` so Linux and Windows
kiosks look the same and Spanish accents always have glyphs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.core.resources import assets_dir

FAMILY = "Noto Sans"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
)


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def load_family(directory: Path | None = None) -> str:
    """Register the bundled font files (once per process) and return the family to use.

    Call on the GUI thread before rendering starts. Falls back to the system's sans-serif
    family when the files are missing or unreadable, so a broken install still shows text.
    """
    if FAMILY in QFontDatabase.families():
        # Already registered (or installed system-wide): adding it again would only
        # duplicate the font in Qt's database.
        return FAMILY
    folder = directory if directory is not None else fonts_dir()
    families: set[str] = set()
    for name in FONT_FILES:
        path = folder / name
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id != -1:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY in families:
        return FAMILY
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def make_font(family: str, pixel_size: int, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    font.setItalic(italic)
    # With full hinting FreeType's glyphs come out the same whichever thread or cache state
    # draws them first (lighter hinting gave slightly different edges on the first render),
    # so a slide renders to identical pixels every time. Fitting measures each size itself.
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
