"""Turning slides into images: layouts per slide kind, text fitting, QR codes, contrast."""

from kiosk.ui.render.layout import footer_rect
from kiosk.ui.render.slide_renderer import SlideRenderer, SlideRenderError

__all__ = ["SlideRenderError", "SlideRenderer", "footer_rect"]
