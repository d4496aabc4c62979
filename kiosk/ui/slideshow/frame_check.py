"""Is a frame a real picture? Used by ``kiosk self-test`` and the real-window tests.

A blank, black or half-drawn frame is nearly one colour or has almost no edges; a rendered
slide has text (many sharp edges) and several distinct colours.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

SAMPLE_SIZE = QSize(320, 180)
MIN_COLOURS = 8
#: Share of sampled neighbour pairs that must differ clearly (text strokes, image detail).
MIN_EDGE_SHARE = 0.002
EDGE_STEP = 40  # difference in 0..255 grey levels that counts as an edge
#: No single colour may cover more than this share of the frame.
MAX_DOMINANT_SHARE = 0.97


def frame_stats(image: QImage) -> tuple[int, float, float]:
    """(distinct colours, edge share, share of the most common colour) of a downscaled copy."""
    target = SAMPLE_SIZE if image.width() >= image.height() else SAMPLE_SIZE.transposed()
    small = image.convertToFormat(QImage.Format.Format_RGB32).scaled(
        target, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
    )
    w, h = small.width(), small.height()
    counts: dict[int, int] = {}
    greys: list[list[int]] = []
    for y in range(h):
        row: list[int] = []
        for x in range(w):
            rgb = small.pixel(x, y) & 0xFFFFFF
            quantised = rgb & 0xF8F8F8
            counts[quantised] = counts.get(quantised, 0) + 1
            row.append((((rgb >> 16) & 0xFF) * 30 + ((rgb >> 8) & 0xFF) * 59 + (rgb & 0xFF) * 11) // 100)
        greys.append(row)
    edges = pairs = 0
    for y in range(h):
        for x in range(w):
            g = greys[y][x]
            if x + 1 < w:
                pairs += 1
                edges += abs(g - greys[y][x + 1]) >= EDGE_STEP
            if y + 1 < h:
                pairs += 1
                edges += abs(g - greys[y + 1][x]) >= EDGE_STEP
    total = w * h
    return len(counts), edges / max(1, pairs), max(counts.values()) / max(1, total)


def frame_problems(image: QImage, expected: QSize) -> list[str]:
    """What is wrong with ``image`` as a shown frame of ``expected`` size (empty: fine)."""
    if image.isNull():
        return ["no image"]
    problems: list[str] = []
    if image.size() != expected:
        problems.append(f"size {image.width()}x{image.height()}, expected {expected.width()}x{expected.height()}")
    colours, edge_share, dominant = frame_stats(image)
    if colours < MIN_COLOURS:
        problems.append(f"nearly blank: only {colours} distinct colours")
    if edge_share < MIN_EDGE_SHARE:
        problems.append(f"nearly blank: edges in {edge_share:.2%} of the frame")
    if dominant > MAX_DOMINANT_SHARE:
        problems.append(f"nearly blank: one colour covers {dominant:.0%} of the frame")
    return problems
