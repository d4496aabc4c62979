"""``kiosk preview [DIR] --out DIR``: render every slide to PNG, plus a contact sheet, so staff
can check a change before it goes live."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import exitcodes

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from kiosk.core.model import Slide

_SIZE = re.compile(r"^\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*$")
CONTACT_SHEET = "contact-sheet.png"
#: Thumbnails per row on the contact sheet, and their long side in pixels.
SHEET_COLUMNS = 4
THUMB_LONG_SIDE = 480


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default="content", metavar="DIR",
                        help="the content folder (default: ./content)")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for the PNG files (created if missing)")
    parser.add_argument("--size", default="1920x1080", metavar="WxH",
                        help="screen size to render at (default: 1920x1080; portrait: 1080x1920)")
    parser.add_argument("--lang", default="en", metavar="LANG",
                        help="language to show, e.g. es (default: en; missing texts fall back to English)")
    parser.add_argument("--large-text", action="store_true",
                        help="render with the large text patients can switch on")


def _usage(message: str) -> int:
    print(f"kiosk preview: {message}", file=sys.stderr)
    return exitcodes.USAGE


def run(args: argparse.Namespace) -> int:
    from kiosk.core.text import SUPPORTED_LANGUAGES

    root = Path(args.dir)
    if not root.is_dir():
        return _usage(f"{root} is not a folder" if root.exists() else f"{root} does not exist")
    size = _SIZE.match(args.size)
    if not size:
        return _usage(f"--size must look like 1920x1080, not {args.size!r}")
    width, height = int(size.group(1)), int(size.group(2))
    if min(width, height) < 240 or max(width, height) > 7680:
        return _usage(f"--size {width}x{height} is outside 240..7680 pixels")
    if args.lang not in SUPPORTED_LANGUAGES:
        return _usage(f"--lang must be one of {', '.join(SUPPORTED_LANGUAGES)}, not {args.lang!r}")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _usage(f"--out {out} is a file, not a folder")

    from kiosk.core.loader import load_deck

    result = load_deck(root, screen_size=(width, height))
    for problem in result.problems:
        print(problem)
    if result.deck is None:
        print(f"NOT VALID: {len(result.errors)} error(s); nothing rendered")
        return exitcodes.PROBLEMS

    _ensure_gui_platform()
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.render.slide_renderer import SlideRenderer, SlideRenderError

    # Kept referenced until the end: Qt's font and image code needs the application.
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = SlideRenderer(result.deck)
    out.mkdir(parents=True, exist_ok=True)
    rendered: list[tuple[Slide, QImage]] = []
    failed = 0
    for number, slide in enumerate(result.deck.slides, start=1):
        try:
            image = renderer.render(slide, QSize(width, height), args.lang, large_text=args.large_text)
        except SlideRenderError as error:
            print(f"{slide.source}: cannot render slide {slide.id!r}: {error}")
            failed += 1
            continue
        path = out / f"{number:02d}-{slide.id}.png"
        if not image.save(str(path)):
            print(f"kiosk preview: cannot write {path}", file=sys.stderr)
            return exitcodes.PROBLEMS
        print(path)
        rendered.append((slide, image))
    sheet_path = out / CONTACT_SHEET
    if not contact_sheet(rendered, renderer.font_family).save(str(sheet_path)):
        print(f"kiosk preview: cannot write {sheet_path}", file=sys.stderr)
        return exitcodes.PROBLEMS
    print(sheet_path)
    app.processEvents()
    if failed:
        print(f"{failed} slide(s) could not be rendered; the kiosk skips them")
        return exitcodes.PROBLEMS
    return exitcodes.OK


def _ensure_gui_platform() -> None:
    # A batch command needs no screen: on a Linux box without a display, render offscreen.
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def contact_sheet(slides: list[tuple[Slide, QImage]], family: str) -> QImage:
    """Thumbnails in a grid, each labelled with its number and slide id."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

    from kiosk.ui.render.fonts import make_font

    columns = max(1, min(SHEET_COLUMNS, len(slides)))
    rows = max(1, -(-len(slides) // columns))
    if slides:
        first = slides[0][1]
        scale = THUMB_LONG_SIDE / max(first.width(), first.height())
        thumb_w, thumb_h = round(first.width() * scale), round(first.height() * scale)
    else:
        thumb_w, thumb_h = THUMB_LONG_SIDE, THUMB_LONG_SIDE * 9 // 16
    gap, label_h = 24, 44
    sheet = QImage(gap + columns * (thumb_w + gap), gap + rows * (thumb_h + label_h + gap),
                   QImage.Format.Format_RGB32)
    sheet.fill(QColor("#e9edf0"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = make_font(family, 22 if thumb_w >= 400 else 18)
    painter.setFont(font)
    painter.setPen(QColor("#1b2a33"))
    metrics = QFontMetrics(font)
    for index, (slide, image) in enumerate(slides):
        x = gap + (index % columns) * (thumb_w + gap)
        y = gap + (index // columns) * (thumb_h + label_h + gap)
        thumb = image.scaled(thumb_w, thumb_h, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(x, y, thumb)
        label = f"{index + 1:02d}  {slide.id}  ({slide.kind})"
        if metrics.horizontalAdvance(label) > thumb_w:
            label = metrics.elidedText(f"{index + 1:02d}  {slide.id}", Qt.TextElideMode.ElideRight, thumb_w)
        painter.drawText(QRect(x, y + thumb_h + 6, thumb_w, label_h - 6),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
    if not slides:
        painter.drawText(QRect(0, 0, sheet.width(), sheet.height()), int(Qt.AlignmentFlag.AlignCenter),
                         "no slides")
    painter.end()
    return sheet
