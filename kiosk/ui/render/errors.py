"""The one error a render can end in."""

from __future__ import annotations


class SlideRenderError(Exception):
    """A slide that cannot be drawn (e.g. a corrupt image); the message names the file.

    The player skips such a slide and logs the message; no half-drawn frame is shown.
    """
