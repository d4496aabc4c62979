"""How much text fits on a slide, shared by the validator (warns) and the renderer (fits).

Counts are characters of visible text (Markdown markers not counted), per language. The
renderer's tests lay out text at exactly these lengths at 1920x1080, 1080x1920 and 3840x2160
and prove it fits without clipping, so the two can never disagree silently.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLimits:
    title: int = 50
    info_body: int = 420
    news_body: int = 360
    contact_body: int = 160
    list_item: int = 90  # bullets items
    list_items: int = 5
    step: int = 90  # exercise steps
    steps: int = 5
    caution: int = 120
    qr_caption: int = 60
    topic_title: int = 30
    follow_up: int = 200
    #: A notice's text: it must fit the banner in two lines at 1920x1080 (three at most on an
    #: upright screen or in larger text).
    notice: int = 80
    #: Notices in notices.yaml, ended ones included (the studio removes ended ones in one go).
    notices: int = 20
    #: A saved phrase, with each placeholder counted at its usual length (placeholders.py).
    phrase: int = 80
    phrases: int = 12
    #: Dates in clinic.yaml's holiday list.
    holidays: int = 60


LIMITS = TextLimits()

#: Slide durations are clamped to these bounds (seconds), with a warning.
MIN_DURATION = 4.0
MAX_DURATION = 300.0

#: Images larger than this are rejected from their header, before any decoding.
MAX_IMAGE_PIXELS = 40_000_000
#: Image files larger than this are rejected (the renderer reads a file whole, once).
MAX_IMAGE_BYTES = 50 * 1024 * 1024
#: Content files larger than this are rejected before parsing (YAML is small text).
MAX_YAML_BYTES = 256 * 1024
#: Images smaller than this fraction of the screen in both directions get a warning.
MIN_IMAGE_SCREEN_FRACTION = 0.5
